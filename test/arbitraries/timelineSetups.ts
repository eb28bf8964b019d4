import { helpdeskPolicy, helpdeskPolicyDefinition } from './helpdeskPolicy.js';
import {
  type AccountDefinition,
  type FieldValue,
  type BusinessCalendar,
  compileCalendar,
  dedicatedSupport,
  parsePolicy,
  type Policy,
  type PolicyDefinition,
  standardSupport,
} from '../../src/index.js';

/**
 * The setups SLA ticket timelines are generated on (test/arbitraries/timeline.ts): a policy, the
 * accounts a ticket may start on, the severity levels and plan changes its events may use, and the
 * calendar and window its instants are drawn to.
 *
 * Four setups: the `standardSupport` preset (direct accounts on its four plans), the
 * `dedicatedSupport` preset (all_inclusive with the dedicated_support add-on, whose sev1/sev2
 * targets run on the 24/7 clock) and a small hand-written policy whose targets pause on
 * waiting_on_customer and/or on_hold and measure resolution, on both a business calendar (with
 * Good Friday) and the 24/7 clock; and a helpdesk's own policy (test/arbitraries/helpdeskPolicy.ts)
 * with its status vocabulary, periodic updates, two resolution targets and escalations. Instants cluster around late March / early April 2026: the
 * European DST change (29 March) and Good Friday (3 April).
 */

/** A plan change the setup's timelines may make (valid for every account of the setup). */
export interface PlanChange {
  readonly plan: string;
  readonly addOns?: readonly string[];
}

export interface TicketSetup {
  readonly name: string;
  readonly policy: Policy;
  /** Accounts a ticket may start on. */
  readonly accounts: readonly AccountDefinition[];
  /** The levels of the (single) severity scale of every plan of the setup. */
  readonly levels: readonly string[];
  readonly planChanges: readonly PlanChange[];
  /** The business calendar whose openings and closings instants are drawn to. */
  readonly calendar: BusinessCalendar;
  /** Where tickets are created: `[from, to)`. */
  readonly window: readonly [number, number];
  /** The statuses events may set (the default vocabulary and `reopened` when absent). */
  readonly statuses?: readonly string[];
  /** Statuses of the `closed` category: a timeline ends at the first. */
  readonly closedStatuses?: readonly string[];
  /** Ticket fields a `created` event may carry and `fields` events may set (none when absent). */
  readonly fields?: readonly Readonly<Record<string, FieldValue | null>>[];
  /** A status that pauses some targets, and one that resumes them (`waiting_on_customer`, `open` when absent). */
  readonly pause?: { readonly status: string; readonly open: string };
}

const WINDOW: readonly [number, number] = [Date.UTC(2026, 2, 25), Date.UTC(2026, 3, 8)];

const t = (en: string) => ({ en });
const office: [string, string][] = [['09:00', '17:00']];
const both = ['waiting_on_customer', 'on_hold'] as const;

/**
 * A small policy whose targets pause: plan `gold` (24/7 and business-hours targets, pausing on
 * waiting_on_customer and/or on_hold, resolution on both clocks, its own warnings), `silver`
 * (other durations and pauses) and `bronze` (no targets), all on one two-level scale.
 */
export const pausingPolicyDefinition: PolicyDefinition = {
  schemaVersion: 1,
  id: 'pausing-test',
  name: t('Pausing test policy'),
  locales: ['en'],
  calendars: {
    office: {
      zone: 'Europe/Madrid',
      week: { 1: office, 2: office, 3: office, 4: office, 5: office },
      holidays: [{ kind: 'easter', offsetDays: -2, name: 'Good Friday' }],
    },
  },
  channels: { portal: { label: t('Portal') } },
  severityScales: {
    impact: {
      label: t('Impact'),
      levels: [
        {
          id: 'high',
          rank: 1,
          label: t('High'),
          criteria: [{ id: 'high.down', text: t('Down.'), when: { service: ['down'] } }],
        },
        {
          id: 'low',
          rank: 2,
          label: t('Low'),
          criteria: [{ id: 'low.bug', text: t('A bug.'), when: { requestType: ['bug'] } }],
        },
      ],
    },
  },
  accountTypes: {
    customer: {
      label: t('Customer'),
      description: t('A customer.'),
      firstLine: 'vendor',
      vendorTickets: 'yes',
      targets: 'plan',
      customerSuccess: 'none',
      supportHours: 'none',
      requiresPartner: false,
    },
  },
  plans: {
    gold: {
      label: t('Gold'),
      rank: 1,
      severityScale: 'impact',
      channels: [{ channel: 'portal', clock: '24/7' }],
      targets: [
        {
          metric: 'firstResponse',
          severities: ['high'],
          duration: 'PT1H',
          clock: '24/7',
          pauseOn: [...both],
          warnAtPercent: [50, 90],
        },
        {
          metric: 'firstResponse',
          severities: ['low'],
          duration: 'PT3H',
          clock: 'office',
          pauseOn: ['waiting_on_customer'],
        },
        { metric: 'followUp', duration: 'PT2H', clock: 'office', pauseOn: [...both] },
        {
          metric: 'resolution',
          severities: ['high'],
          duration: 'PT8H',
          clock: '24/7',
          pauseOn: ['waiting_on_customer'],
          warnAtPercent: [25, 50, 99],
        },
        { metric: 'resolution', severities: ['low'], duration: 'P2D', clock: 'office', pauseOn: [...both] },
      ],
      supportHours: { kind: 'none' },
    },
    silver: {
      label: t('Silver'),
      rank: 2,
      severityScale: 'impact',
      channels: [{ channel: 'portal', clock: 'office' }],
      targets: [
        { metric: 'firstResponse', duration: 'P1D', clock: 'office', pauseOn: ['on_hold'] },
        {
          metric: 'followUp',
          severities: ['high'],
          duration: 'PT30M',
          clock: '24/7',
          pauseOn: ['waiting_on_customer'],
        },
        { metric: 'resolution', duration: 'PT20H', clock: '24/7', pauseOn: [...both] },
      ],
      supportHours: { kind: 'none' },
    },
    bronze: {
      label: t('Bronze'),
      rank: 3,
      severityScale: 'impact',
      channels: [{ channel: 'portal', clock: 'office' }],
      targets: [],
      supportHours: { kind: 'none' },
    },
  },
  addOns: {},
  sla: { warnAtPercent: [75] },
};

export const pausingPolicy = parsePolicy(pausingPolicyDefinition);

const calendarOf = (def: PolicyDefinition, id: string) => compileCalendar(def.calendars[id]!);

export const standardSetup: TicketSetup = {
  name: 'standardSupport',
  policy: parsePolicy(standardSupport),
  accounts: ['enterprise', 'premium', 'starter', 'connect_provider'].map((plan) => ({ type: 'direct', plan })),
  levels: ['critical', 'major', 'minor'],
  planChanges: [{ plan: 'enterprise' }, { plan: 'premium' }, { plan: 'starter' }, { plan: 'connect_provider' }],
  calendar: calendarOf(standardSupport, 'support-hours'),
  window: WINDOW,
};

export const dedicatedSetup: TicketSetup = {
  name: 'dedicatedSupport',
  policy: parsePolicy(dedicatedSupport),
  accounts: [{ type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] }],
  levels: ['sev1', 'sev2', 'sev3', 'sev4', 'sev5'],
  planChanges: [
    { plan: 'all_inclusive' },
    { plan: 'all_inclusive', addOns: [] },
    { plan: 'all_inclusive', addOns: ['dedicated_support'] },
  ],
  calendar: calendarOf(dedicatedSupport, 'dedicated-hours'),
  window: WINDOW,
};

export const pausingSetup: TicketSetup = {
  name: 'pausing',
  policy: pausingPolicy,
  accounts: [
    { type: 'customer', plan: 'gold' },
    { type: 'customer', plan: 'silver' },
    { type: 'customer', plan: 'bronze' },
  ],
  levels: ['high', 'low'],
  planChanges: [{ plan: 'gold' }, { plan: 'silver' }, { plan: 'bronze' }],
  calendar: calendarOf(pausingPolicyDefinition, 'office'),
  window: WINDOW,
};

/** An account's own business hours: Tokyo, 09:00–18:00 on weekdays. */
const tokyoDay: [string, string][] = [['09:00', '18:00']];
const tokyo = { zone: 'Asia/Tokyo', week: { 1: tokyoDay, 2: tokyoDay, 3: tokyoDay, 4: tokyoDay, 5: tokyoDay } };

export const helpdeskSetup: TicketSetup = {
  name: 'helpdesk',
  policy: helpdeskPolicy,
  accounts: [
    { type: 'customer', plan: 'pro' },
    { type: 'customer', plan: 'basic' },
    { type: 'customer', plan: 'basic', calendar: 'new_york' },
    { type: 'customer', plan: 'basic', calendar: tokyo },
  ],
  levels: ['urgent', 'normal'],
  planChanges: [{ plan: 'pro' }, { plan: 'basic' }],
  calendar: calendarOf(helpdeskPolicyDefinition, 'office'),
  window: WINDOW,
  statuses: ['new', 'open', 'pending', 'hold', 'solved', 'closed'],
  closedStatuses: ['closed'],
  pause: { status: 'pending', open: 'open' },
  fields: [
    { channel: 'email' },
    { channel: 'phone' },
    { tags: ['vip'] },
    { tags: ['vip', 'eu'], channel: 'chat' },
    { tags: null },
    { channel: null, group: 'tier2' },
    { group: 'us' },
  ],
};

export const SETUPS: readonly TicketSetup[] = [standardSetup, dedicatedSetup, pausingSetup, helpdeskSetup];
