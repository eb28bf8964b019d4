import { parsePolicy, type PolicyDefinition } from '../../src/index.js';

/**
 * A helpdesk's own policy, written like a Zendesk one (its one account type, `customer`, the default): statuses `new`, `open`, `pending` (waiting on
 * the requester), `hold` (waiting on a third party), `solved` and `closed`; plan `pro` with a first
 * response (a warning at half, an escalation 30 minutes past due), periodic updates for urgent
 * tickets on the 24/7 clock, follow-ups, and two resolution clocks — `requester_wait` (pauses on
 * pending) and `agent_work` (pauses on pending and hold) — with escalation levels; plan `basic` with
 * periodic updates in office hours and `agent_work` only, so that a plan change adds and drops
 * targets. Two SLA rules: `vip` (tag `vip` on plan pro) and `urgent_phone` (urgent tickets by phone
 * or chat), whose targets replace the plan's. Pro's follow-ups run on the calendar of the ticket's
 * `group` (New York hours for `us`); basic's first response on the account's own calendar.
 */

const t = (en: string) => ({ en });
const office: [string, string][] = [['09:00', '17:00']];

export const helpdeskPolicyDefinition: PolicyDefinition = {
  schemaVersion: 1,
  id: 'helpdesk-test',
  name: t('Helpdesk test policy'),
  locales: ['en'],
  calendars: {
    office: {
      zone: 'Europe/Berlin',
      week: { 1: office, 2: office, 3: office, 4: office, 5: office },
      holidays: [{ kind: 'easter', offsetDays: -2, name: 'Karfreitag' }],
    },
    new_york: { zone: 'America/New_York', week: { 1: office, 2: office, 3: office, 4: office, 5: office } },
  },
  channels: { email: { label: t('Email') } },
  severityScales: {
    priority: {
      label: t('Priority'),
      levels: [
        {
          id: 'urgent',
          rank: 1,
          label: t('Urgent'),
          criteria: [{ id: 'u', text: t('Down.'), when: { service: ['down'] } }],
        },
        {
          id: 'normal',
          rank: 2,
          label: t('Normal'),
          criteria: [{ id: 'n', text: t('A bug.'), when: { requestType: ['bug'] } }],
        },
      ],
    },
  },
  plans: {
    pro: {
      label: t('Pro'),
      severityScale: 'priority',
      channels: [{ channel: 'email', clock: '24/7' }],
      targets: [
        {
          metric: 'firstResponse',
          duration: 'PT1H',
          clock: '24/7',
          pauseOn: ['hold'],
          thresholds: [
            { id: 'half', percent: 50 },
            { id: 'late', after: 'PT30M' },
          ],
        },
        { metric: 'periodicUpdate', severities: ['urgent'], duration: 'PT4H', clock: '24/7', pauseOn: ['pending'] },
        {
          metric: 'followUp',
          duration: 'PT2H',
          clock: { from: 'field', field: 'group', calendars: { us: 'new_york', emea: 'office' }, otherwise: 'office' },
          pauseOn: ['pending', 'hold'],
        },
        {
          id: 'requester_wait',
          metric: 'resolution',
          duration: 'PT8H',
          clock: 'office',
          pauseOn: ['pending'],
          thresholds: [{ id: 'lead', percent: 150 }],
        },
        {
          id: 'agent_work',
          metric: 'resolution',
          duration: 'PT6H',
          clock: 'office',
          pauseOn: ['pending', 'hold'],
          warnAtPercent: [80],
          thresholds: [
            { id: 'manager', after: 'PT2H' },
            { id: 'director', percent: 200 },
          ],
        },
      ],
      supportHours: { kind: 'none' },
    },
    basic: {
      label: t('Basic'),
      severityScale: 'priority',
      channels: [{ channel: 'email', clock: 'office' }],
      targets: [
        { metric: 'firstResponse', duration: 'PT4H', clock: { from: 'account', otherwise: 'office' } },
        { metric: 'periodicUpdate', duration: 'PT8H', clock: 'office', pauseOn: ['pending', 'hold'] },
        {
          id: 'agent_work',
          metric: 'resolution',
          severities: ['urgent'],
          duration: 'P2D',
          clock: 'office',
          pauseOn: ['pending'],
        },
      ],
      supportHours: { kind: 'none' },
    },
  },
  addOns: {},
  sla: {
    statuses: {
      new: { category: 'open' },
      open: { category: 'open' },
      pending: { category: 'open' },
      hold: { category: 'open' },
      solved: { category: 'solved' },
      closed: { category: 'closed' },
    },
    initialStatus: 'new',
    warnAtPercent: [75],
    rules: [
      {
        id: 'vip',
        when: [
          { field: 'tags', op: 'has_tag', tag: 'vip' },
          { field: 'plan', op: 'is', value: 'pro' },
        ],
        targets: [
          { metric: 'firstResponse', duration: 'PT30M', clock: '24/7' },
          { id: 'agent_work', metric: 'resolution', duration: 'PT4H', clock: '24/7', pauseOn: ['pending', 'hold'] },
        ],
      },
      {
        id: 'urgent_phone',
        when: [
          { field: 'channel', op: 'one_of', values: ['phone', 'chat'] },
          { field: 'severity', op: 'is', value: 'urgent' },
        ],
        targets: [
          { metric: 'firstResponse', duration: 'PT15M', clock: '24/7', thresholds: [{ id: 'page', after: 'PT15M' }] },
        ],
      },
    ],
  },
};

export const helpdeskPolicy = parsePolicy(helpdeskPolicyDefinition);
