/**
 * `npm run demo`: SLA deadlines and compliance for sample tickets on the two shipped presets.
 * Each ticket is a timeline (created, an automatic acknowledgement, replies, status changes);
 * `measureMany` measures every target the account's plan sets for the ticket's severity, on the
 * target's own clock: Spain's 08:00–18:00 support calendar for the standard plans, the dedicated
 * agent's 09:00–17:00 hours or 24/7 for the dedicated-support add-on.
 */
import { DateTime } from 'luxon';
import {
  type AccountDefinition,
  complianceReport,
  dedicatedSupport,
  measure,
  measureMany,
  parsePolicy,
  type Policy,
  type SlaTicket,
  standardSupport,
  type TicketEvent,
} from '../src/index.js';
import { formatTable } from './formatTable.js';

const HOUR = 3_600_000;
const standard = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);
const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('ccc dd LLL HH:mm');
const hours = (ms: number) => `${(ms / HOUR).toFixed(2)} h`;

interface Sample {
  readonly id: string;
  readonly policy: Policy;
  readonly account: AccountDefinition;
  readonly zone: string;
  readonly severity: string;
  readonly created: string;
  readonly firstReply: string;
  readonly why: string;
  /** Later events, as [local time, event without `at`]. */
  readonly later?: readonly (readonly [string, Record<string, string>])[];
}

const direct = (plan: string): AccountDefinition => ({ type: 'direct', plan });
const vip: AccountDefinition = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };
const samples: readonly Sample[] = [
  {
    id: 'T-1001',
    policy: standard,
    account: direct('enterprise'),
    zone: 'Europe/Madrid',
    severity: 'major',
    created: '2026-01-05T17:00',
    firstReply: '2026-01-07T08:45',
    why: 'Epiphany (Tue 6 Jan) is closed',
  },
  {
    id: 'T-1002',
    policy: standard,
    account: direct('enterprise'),
    zone: 'Europe/Madrid',
    severity: 'minor',
    created: '2026-03-27T16:30',
    firstReply: '2026-03-30T08:20',
    why: 'DST starts on Sunday 29 Mar',
  },
  {
    id: 'T-1003',
    policy: standard,
    account: direct('premium'),
    zone: 'Europe/Madrid',
    severity: 'major',
    created: '2026-04-01T15:00',
    firstReply: '2026-04-06T12:00',
    why: 'Good Friday (3 Apr) is closed',
  },
  {
    id: 'T-1004',
    policy: standard,
    account: direct('premium'),
    zone: 'Europe/Madrid',
    severity: 'critical',
    created: '2026-12-07T09:00',
    firstReply: '2026-12-09T11:00',
    why: 'Immaculate Conception (8 Dec)',
  },
  {
    id: 'T-1005',
    policy: standard,
    account: direct('starter'),
    zone: 'Europe/Madrid',
    severity: 'minor',
    created: '2026-10-09T19:30',
    firstReply: '2026-10-13T17:00',
    why: 'after hours; 12 Oct is closed',
  },
  {
    id: 'T-1006',
    policy: dedicated,
    account: vip,
    zone: 'Europe/Bratislava',
    severity: 'sev1',
    created: '2026-10-24T23:10',
    firstReply: '2026-10-25T00:05',
    why: 'Severity 1 runs 24/7',
    later: [
      ['2026-10-25T01:00', { type: 'reply', author: 'customer' }],
      ['2026-10-25T04:30', { type: 'reply', author: 'agent' }],
      ['2026-10-25T06:00', { type: 'status', status: 'solved' }],
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
    why: 'dedicated hours 09:00–17:00',
    later: [
      ['2026-10-26T11:00', { type: 'reply', author: 'customer' }],
      ['2026-10-27T15:00', { type: 'reply', author: 'agent' }],
    ],
  },
];

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const timelineOf = (s: Sample): TicketEvent[] => [
  { type: 'created', at: at(s.created, s.zone), severity: s.severity },
  { type: 'reply', at: at(s.created, s.zone) + 60_000, author: 'automatic' },
  { type: 'reply', at: at(s.firstReply, s.zone), author: 'agent' },
  ...(s.later ?? []).map(([when, e]) => ({ ...e, at: at(when, s.zone) }) as TicketEvent),
];

// One batch per policy: every ticket measured at the same instant.
const now = at('2026-12-31T12:00', 'Europe/Madrid');
const results = new Map<Sample, ReturnType<typeof measure>>();
for (const policy of [standard, dedicated]) {
  const batch = samples.filter((s) => s.policy === policy);
  const tickets: SlaTicket[] = batch.map((s) => ({ account: s.account, events: timelineOf(s) }));
  measureMany(policy, tickets, now).forEach((r, i) => results.set(batch[i]!, r));
}

const LABELS: Record<string, string> = {
  firstResponse: 'first response',
  followUp: 'follow-up',
  periodicUpdate: 'periodic update',
  resolution: 'resolution',
};
const rows = samples.flatMap((s) =>
  results.get(s)!.targets.map((t) => ({
    ticket: s.id,
    plan: s.account.addOns ? `${s.account.plan} + ${s.account.addOns.join(', ')}` : s.account.plan!,
    severity: s.severity,
    target: `${LABELS[t.metric]}${t.cycle === null ? '' : ` #${t.cycle}`}: ${t.duration.iso} on ${t.clock}`,
    started: local(t.startedAt, s.zone),
    due: t.dueAt === null ? '—' : local(t.dueAt, s.zone),
    stopped: t.stoppedAt === null ? '—' : local(t.stoppedAt, s.zone),
    used: hours(t.elapsedMs),
    result: t.state === 'breached' ? `breached by ${hours(t.breachedByMs)}` : t.state === 'achieved' ? 'met' : t.state,
    why: t.metric === 'firstResponse' ? s.why : '',
  })),
);
console.log(`SLA targets of sample tickets on the shipped presets, at ${local(now, 'Europe/Madrid')} (Madrid)\n`);
console.log(formatTable(rows));

// Why is T-1001 due on Wednesday at 09:00? The spans that make up its 2 business hours.
const first = samples[0]!;
const explained = measure(first.policy, first.account, timelineOf(first), now, { explain: true }).targets[0]!;
console.log(`\nWhy ${first.id} was due ${local(explained.dueAt!, first.zone)}:`);
console.log(
  formatTable(
    explained.spans!.map((span) => ({
      from: local(span.from, first.zone),
      to: local(span.to, first.zone),
      kind: span.kind + (span.holiday ? ` (${span.holiday})` : '') + (span.projected ? ', after the reply' : ''),
      counted: hours(span.countedMs),
    })),
  ),
);

const report = complianceReport([...results.values()], { period: 'all' });
console.log('\nCompliance per plan, severity and target:\n');
console.log(
  formatTable(
    report.map((r) => ({
      plan: r.plan ?? '—',
      severity: r.severity ?? '—',
      metric: r.metric,
      met: String(r.met),
      breached: String(r.breached),
      open: String(r.open),
      median: r.medianMs === null ? '—' : hours(r.medianMs),
    })),
  ),
);
const firstResponses = report.filter((r) => r.metric === 'firstResponse');
const met = firstResponses.reduce((n, r) => n + r.met, 0);
const total = firstResponses.reduce((n, r) => n + r.total, 0);
console.log(
  `\nCompliance: ${met} of ${total} first responses met their target (${Math.round((100 * met) / total)} %).`,
);
