/**
 * The demo's sample tickets (`npm run demo`): their accounts, zones and timelines on the two
 * shipped presets, and their measurement, every deadline explained.
 */
import { DateTime } from 'luxon';
import {
  type AccountDefinition,
  dedicatedSupport,
  type MeasureResult,
  measureMany,
  parsePolicy,
  type Policy,
  type SlaTicket,
  standardSupport,
  type TicketEvent,
} from '../src/index.js';

const standard = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);
/** `Mon 05 Jan 2026 17:00` in a zone, in English whatever the machine's locale. */
export const local = (ms: number, zone: string): string =>
  DateTime.fromMillis(ms, { zone }).toFormat('ccc dd LLL yyyy HH:mm', { locale: 'en-US' });

export interface Sample {
  readonly id: string;
  readonly policy: Policy;
  readonly account: AccountDefinition;
  readonly zone: string;
  readonly severity: string;
  readonly created: string;
  readonly firstReply: string;
  /** Later events, as [local time, event without `at`]. */
  readonly later?: readonly (readonly [string, Record<string, string>])[];
}

const direct = (plan: string): AccountDefinition => ({ type: 'direct', plan });
const vip: AccountDefinition = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };
const madrid = (id: string, plan: string, severity: string, created: string, firstReply: string): Sample => ({
  id,
  policy: standard,
  account: direct(plan),
  zone: 'Europe/Madrid',
  severity,
  created,
  firstReply,
});
export const samples: readonly Sample[] = [
  madrid('T-1001', 'enterprise', 'major', '2026-01-05T17:00', '2026-01-07T08:45'),
  madrid('T-1002', 'enterprise', 'minor', '2026-03-27T16:30', '2026-03-30T08:20'),
  madrid('T-1003', 'premium', 'major', '2026-04-01T15:00', '2026-04-06T12:00'),
  madrid('T-1004', 'premium', 'critical', '2026-12-07T09:00', '2026-12-09T11:00'),
  madrid('T-1005', 'starter', 'minor', '2026-10-09T19:30', '2026-10-13T17:00'),
  {
    id: 'T-1006',
    policy: dedicated,
    account: vip,
    zone: 'Europe/Bratislava',
    severity: 'sev1',
    created: '2026-10-24T23:10',
    firstReply: '2026-10-25T00:05',
    later: [
      ['2026-10-25T01:00', { kind: 'reply', author: 'customer' }],
      ['2026-10-25T04:30', { kind: 'reply', author: 'agent' }],
      ['2026-10-25T06:00', { kind: 'status', status: 'solved' }],
    ],
  },
  {
    id: 'T-1007',
    policy: dedicated,
    account: vip,
    zone: 'Europe/Bratislava',
    severity: 'sev3',
    created: '2026-10-23T16:00',
    firstReply: '2026-10-26T10:30',
    later: [
      ['2026-10-26T11:00', { kind: 'reply', author: 'customer' }],
      ['2026-10-27T15:00', { kind: 'reply', author: 'agent' }],
    ],
  },
];

export const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
export const timelineOf = (s: Sample): TicketEvent[] => [
  { kind: 'created', at: at(s.created, s.zone), severity: s.severity },
  { kind: 'reply', at: at(s.created, s.zone) + 60_000, author: 'automatic' },
  { kind: 'reply', at: at(s.firstReply, s.zone), author: 'agent' },
  ...(s.later ?? []).map(([when, e]) => ({ ...e, at: at(when, s.zone) }) as TicketEvent),
];

/** One batch per policy, every ticket measured and explained at the same instant. */
export function measureSamples(now: number): Map<Sample, MeasureResult> {
  const results = new Map<Sample, MeasureResult>();
  for (const policy of [standard, dedicated]) {
    const batch = samples.filter((s) => s.policy === policy);
    const tickets: SlaTicket[] = batch.map((s) => ({ account: s.account, events: timelineOf(s) }));
    measureMany(policy, tickets, now, { explain: true }).forEach((r, i) => results.set(batch[i]!, r));
  }
  return results;
}
