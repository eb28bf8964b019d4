/**
 * `npx tsx examples/policy-from-scratch.ts`: a support policy written from scratch, as a plain
 * object, for a small company that is not either preset — and everything the library does with it.
 *
 * "Harbor Analytics" supports customers from New York, 09:00–17:00 Monday to Friday, closed on US
 * holidays (written as explicit `fixed` rules, moved to the nearest weekday when they fall on a
 * weekend, and `date` rules for the 2026 dates of the floating ones and two company days). Two
 * plans, Business and Team, set first-response, follow-up and resolution targets per severity;
 * resolution pauses while the ticket waits on the customer; warnings fall due at 75 % (Business's
 * urgent first response at 50 % and 90 %). One add-on, the "Urgent line", moves Business's urgent
 * targets to the 24/7 clock and adds a phone line.
 *
 * The script validates the policy with `parsePolicy`, shows `safeParsePolicy` reporting a
 * deliberate mistake with its path, resolves what a Business customer with the add-on gets on the
 * 4th of July, classifies a problem with `classify`, and measures one ticket across the
 * Independence Day weekend with `{ explain: true }`, printing the spans behind each deadline.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import {
  classify,
  measure,
  parsePolicy,
  type PolicyDefinition,
  resolveEntitlement,
  safeParsePolicy,
  type TicketEvent,
} from '../src/index.js';
import { formatTable } from './formatTable.js';

const en = (text: string) => ({ en: text });
const hours: [string, string][] = [['09:00', '17:00']];
const office = 'ny-office';
type TargetDefinition = NonNullable<PolicyDefinition['plans'][string]['targets']>[number];
const untilResolved = ['waiting_on_customer'] as const;

/** High and normal severities: the same targets with or without the add-on. */
const officeTargets: readonly TargetDefinition[] = [
  { metric: 'firstResponse', severities: ['high', 'normal'], duration: 'PT4H', clock: office },
  { metric: 'followUp', severities: ['high', 'normal'], duration: 'PT8H', clock: office },
  { metric: 'resolution', severities: ['high', 'normal'], duration: 'P3D', clock: office, pauseOn: untilResolved },
];
const urgent = (clock: string, firstResponse: string): TargetDefinition[] => [
  { metric: 'firstResponse', severities: ['urgent'], duration: firstResponse, clock, warnAtPercent: [50, 90] },
  { metric: 'followUp', severities: ['urgent'], duration: 'PT2H', clock },
  { metric: 'resolution', severities: ['urgent'], duration: 'PT8H', clock, pauseOn: untilResolved },
];

export const harborSupport: PolicyDefinition = {
  schemaVersion: 1,
  id: 'harbor-analytics',
  name: en('Harbor Analytics support'),
  locales: ['en'],
  calendars: {
    [office]: {
      zone: 'America/New_York',
      week: { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours },
      holidays: [
        {
          kind: 'set',
          name: 'US holidays',
          holidays: [
            { kind: 'fixed', month: 1, day: 1, name: "New Year's Day", observed: 'nearest_weekday' },
            { kind: 'fixed', month: 6, day: 19, name: 'Juneteenth', observed: 'nearest_weekday' },
            { kind: 'fixed', month: 7, day: 4, name: 'Independence Day', observed: 'nearest_weekday' },
            { kind: 'fixed', month: 12, day: 25, name: 'Christmas Day', observed: 'nearest_weekday' },
            // Floating holidays, dated for 2026 (an `nthWeekday` rule would date them every year).
            { kind: 'date', date: '2026-01-19', name: 'Martin Luther King Jr. Day' },
            { kind: 'date', date: '2026-05-25', name: 'Memorial Day' },
            { kind: 'date', date: '2026-09-07', name: 'Labor Day' },
            { kind: 'date', date: '2026-11-26', name: 'Thanksgiving Day' },
          ],
        },
        { kind: 'date', date: '2026-11-27', name: 'Day after Thanksgiving' },
        { kind: 'date', date: '2026-12-24', name: 'Christmas Eve' },
      ],
    },
  },
  channels: {
    portal: { label: en('Support portal') },
    phone: { label: en('Phone') },
    urgent_phone: { label: en('Urgent phone line') },
  },
  severityScales: {
    impact: {
      label: en('Impact'),
      levels: [
        {
          id: 'urgent',
          rank: 1,
          label: en('Urgent'),
          criteria: [
            { id: 'urgent.down', text: en('The service is down.'), when: { service: ['down'] } },
            {
              id: 'urgent.data-loss',
              text: en('Data is lost and backups cannot recover it.'),
              when: { dataLoss: ['unrecoverable'] },
            },
          ],
        },
        {
          id: 'high',
          rank: 2,
          label: en('High'),
          criteria: [
            {
              id: 'high.degraded',
              text: en('The service is degraded or partly unavailable.'),
              when: { service: ['partial_loss', 'degraded', 'down'] },
            },
            {
              id: 'high.core-disabled',
              text: en('A core function is disabled.'),
              when: { coreFunction: ['disabled'] },
            },
          ],
        },
        {
          id: 'normal',
          rank: 3,
          label: en('Normal'),
          criteria: [
            {
              id: 'normal.misbehaving',
              text: en('A core function does not behave as documented.'),
              when: { coreFunction: ['misbehaving', 'degraded', 'disabled'] },
            },
            { id: 'normal.bug', text: en('Any other bug.'), when: { requestType: ['bug', 'incident'] } },
          ],
        },
      ],
      notIncident: [
        {
          id: 'question',
          text: en('A question or how-to: answered from the docs.'),
          when: { requestType: ['question', 'how_to'] },
        },
      ],
    },
  },
  accountTypes: {
    customer: {
      label: en('Customer'),
      description: en('Buys directly from Harbor Analytics.'),
      firstLine: 'vendor',
      vendorTickets: 'yes',
      targets: 'plan',
      customerSuccess: 'direct',
      supportHours: 'plan',
      requiresPartner: false,
    },
  },
  plans: {
    business: {
      label: en('Business'),
      rank: 1,
      severityScale: 'impact',
      channels: [
        { channel: 'portal', clock: '24/7' },
        { channel: 'phone', clock: office },
      ],
      targets: [...urgent(office, 'PT1H'), ...officeTargets],
      supportHours: { kind: 'fixed', annualMinutes: 20 * 60 },
    },
    team: {
      label: en('Team'),
      rank: 2,
      severityScale: 'impact',
      channels: [{ channel: 'portal', clock: '24/7' }],
      targets: [
        { metric: 'firstResponse', duration: 'P1D', clock: office },
        { metric: 'followUp', duration: 'P2D', clock: office },
        { metric: 'resolution', duration: 'P5D', clock: office, pauseOn: untilResolved },
      ],
      supportHours: { kind: 'none' },
    },
  },
  addOns: {
    urgent_line: {
      label: en('Urgent line'),
      price: { amountMinor: 50_000, currency: 'USD', per: 'month' },
      availableOn: ['business'],
      // Its list replaces the plan's: it repeats the office-hours targets it keeps.
      replacesTargets: true,
      channels: [{ channel: 'urgent_phone', clock: '24/7', note: en('Urgent tickets only.') }],
      targets: [...urgent('24/7', 'PT30M'), ...officeTargets],
      routing: { dedicatedAgent: false, secondLevelAgents: true },
    },
  },
  sla: { warnAtPercent: [75] },
};

export const policy = parsePolicy(harborSupport);
const ZONE = 'America/New_York';
export const ny = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();

/** The same policy with a typo in a calendar id: what `safeParsePolicy` says about it. */
export function deliberateMistake() {
  const doc = structuredClone(harborSupport) as unknown as { plans: Record<string, { targets: { clock: string }[] }> };
  doc.plans['team']!.targets[2]!.clock = 'ny_office';
  const result = safeParsePolicy(doc);
  return result.success ? [] : result.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
}

/** A Business customer with the Urgent line, on Saturday 4 July 2026 at 10:00 in New York. */
export const entitlement = () =>
  resolveEntitlement(
    policy,
    { type: 'customer', plan: 'business', addOns: ['urgent_line'] },
    { now: ny('2026-07-04T10:00') },
  );

/** "Since Tuesday, the nightly export writes some columns wrong." */
export const classification = () => classify(policy, { coreFunction: 'misbehaving', requestType: 'bug' });

/** A normal-severity Business ticket opened the afternoon before the Independence Day weekend. */
export const timeline: readonly TicketEvent[] = [
  { kind: 'created', at: ny('2026-07-02T15:00'), severity: 'normal' },
  { kind: 'reply', at: ny('2026-07-02T15:01'), author: 'automatic' },
  { kind: 'reply', at: ny('2026-07-06T10:30'), author: 'agent' }, // asks for the export's log
  { kind: 'status', at: ny('2026-07-06T10:30'), status: 'waiting_on_customer' },
  { kind: 'reply', at: ny('2026-07-07T09:30'), author: 'customer' },
  { kind: 'status', at: ny('2026-07-07T09:30'), status: 'open' },
  { kind: 'reply', at: ny('2026-07-07T13:00'), author: 'agent' }, // the fix
  { kind: 'status', at: ny('2026-07-08T10:00'), status: 'solved' },
];
export const NOW = ny('2026-07-08T12:00');
export const measured = () => measure(policy, { type: 'customer', plan: 'business' }, timeline, NOW, { explain: true });

const local = (ms: number | null) =>
  ms === null ? '—' : DateTime.fromMillis(ms, { zone: ZONE }).toFormat('ccc dd LLL HH:mm');
const h = (ms: number) => `${ms / 3_600_000} h`;

function main(): void {
  console.log(
    `Policy "${policy.name.en}": ${Object.keys(policy.plans).length} plans, calendar ${office} with ${policy.calendars[office]!.zone}.\n`,
  );
  console.log('safeParsePolicy on a copy with a typo in a calendar id:');
  for (const issue of deliberateMistake()) console.log(`  ${issue.code}: ${issue.message}`);

  const e = entitlement();
  console.log(`\nBusiness + Urgent line, on ${local(ny('2026-07-04T10:00'))} (Independence Day):`);
  console.log(
    formatTable(
      e.channels.map((c) => ({
        channel: c.label,
        clock: c.clock,
        now: c.openNow ? 'open' : `closed, opens ${local(c.nextOpening ?? null)}`,
      })),
    ),
  );
  console.log();
  console.log(
    formatTable(
      e.targets.flatMap((s) =>
        s.targets.map((t) => ({
          severity: s.severity.label,
          metric: t.metric,
          target: t.duration.iso,
          clock: t.clock,
          pauses: t.pauseOn.join(', ') || '—',
        })),
      ),
    ),
  );

  const c = classification();
  console.log(`\nclassify: ${c.kind === 'incident' ? `${c.severity.label} (criterion ${c.criterion.id})` : c.kind}`);

  const result = measured();
  console.log(
    `\nTicket opened ${local(timeline[0]!.at as number)}, measured ${local(NOW)} (New York), status ${result.status}:\n`,
  );
  console.log(
    formatTable(
      result.targets.map((t) => ({
        target: t.metric === 'followUp' ? `follow-up #${t.cycle}` : t.metric,
        duration: `${t.duration.iso} (${h(t.targetMs)})`,
        started: local(t.startedAt),
        due: local(t.dueAt),
        stopped: local(t.stoppedAt),
        used: h(t.elapsedMs),
        state: t.state,
      })),
    ),
  );
  for (const t of result.targets.filter((x) => x.metric !== 'followUp')) {
    console.log(`\nWhy the ${t.metric} clock used ${h(t.elapsedMs)}:`);
    console.log(
      formatTable(
        t.spans!.map((s) => ({
          from: local(s.from),
          to: local(s.to),
          span:
            s.kind +
            (s.holiday ? `: ${s.holiday}` : '') +
            (s.status ? `: ${s.status}` : '') +
            (s.projected ? ' (projected)' : ''),
          counted: s.countedMs === 0 ? '—' : h(s.countedMs),
        })),
      ),
    );
  }
}

const invoked = process.argv[1];
if (invoked !== undefined && realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url))) main();
