/**
 * `npm run bench` (SLA part, last): the features a helpdesk's own policy uses — a status
 * vocabulary (new, open, pending, hold, solved, closed), periodic updates, two resolution targets
 * that pause differently, warnings and escalations, SLA rules on ticket fields (tags, channel) and
 * a follow-up clock chosen by the ticket's group — on the standard workload's 50,000 timelines,
 * translated: the same instants and replies, statuses renamed, severities mapped to urgent and
 * normal, and ticket fields on `created` (a VIP tag on one ticket in 8, a channel on every ticket,
 * a group on one in 3). The policy is the one the property tests use
 * (test/arbitraries/helpdeskPolicy.ts). Timed beside the standard workload itself, so the ratio
 * says what the features cost.
 */
import { helpdeskPolicy } from '../test/arbitraries/helpdeskPolicy.js';
import { measureMany, parsePolicy, standardSupport, type TicketEvent } from '../src/index.js';
import { fmtRatio, sink, table } from './harness.js';
import { median, timeRuns } from './slaTiming.js';
import { makeSlaWorkload, NOW, type SlaTicketInput } from './slaWorkload.js';

const RUNS = 7;

const STATUS: Readonly<Record<string, string>> = {
  open: 'open',
  reopened: 'open',
  waiting_on_customer: 'pending',
  on_hold: 'hold',
  solved: 'solved',
};

/** A standard-workload ticket as a ticket of the helpdesk policy. */
function translate(t: SlaTicketInput, i: number): SlaTicketInput {
  const plan = t.account.plan === 'enterprise' || t.account.plan === 'premium' ? 'pro' : 'basic';
  const events = t.events.map((e): TicketEvent => {
    if (e.kind === 'created') {
      const fields = {
        channel: i % 5 === 0 ? 'phone' : 'email',
        ...(i % 8 === 0 ? { tags: ['vip'] } : {}),
        ...(i % 3 === 0 ? { group: 'us' } : {}),
      };
      return { kind: 'created', at: e.at, severity: e.severity === 'critical' ? 'urgent' : 'normal', fields };
    }
    if (e.kind === 'severity')
      return { kind: 'severity', at: e.at, severity: e.severity === 'critical' ? 'urgent' : 'normal' };
    if (e.kind === 'status') return { kind: 'status', at: e.at, status: STATUS[e.status] ?? 'open' };
    return e;
  });
  return { account: { type: 'customer', plan }, events };
}

/** The median of {@link RUNS} timed runs of `f`, after one untimed. */
const timed = (f: () => unknown) =>
  median(
    timeRuns(RUNS, 1, () => {
      sink.checksum += Number(Boolean(f()));
    }),
  );

export function runHelpdesk(): void {
  const w = makeSlaWorkload();
  const standard = parsePolicy(standardSupport);
  const original = w.standard.tickets;
  const translated = original.map(translate);
  const rows = measureMany(helpdeskPolicy, translated, NOW);
  const targets = rows.reduce((n, r) => n + r.targets.length, 0);
  const ruled = rows.filter((r) => r.rule !== null).length;
  const escalations = rows.reduce(
    (n, r) =>
      n +
      r.targets.reduce(
        (m, t) => m + t.thresholds.filter((x) => x.reached && (x.afterMs !== null || x.percent! > 100)).length,
        0,
      ),
    0,
  );
  const figures = [
    ['standard workload, columns', timed(() => measureMany(standard, original, NOW, { format: 'columns' }))],
    ['helpdesk features, columns', timed(() => measureMany(helpdeskPolicy, translated, NOW, { format: 'columns' }))],
    ['standard workload, rows', timed(() => measureMany(standard, original, NOW))],
    ['helpdesk features, rows', timed(() => measureMany(helpdeskPolicy, translated, NOW))],
  ] as const;
  console.log(`\nA helpdesk's own policy (${original.length.toLocaleString('en')} tickets, median of ${RUNS} runs)\n`);
  console.log(
    table(
      ['measured', 'median (ms)', 'tickets/s', 'against the standard workload'],
      figures.map(([name, ms], i) => [
        name,
        ms.toFixed(1),
        Math.round((original.length / ms) * 1000).toLocaleString('en'),
        i % 2 === 0 ? '—' : fmtRatio(ms / figures[i - 1]![1]),
      ]),
    ),
  );
  console.log(
    `\nhelpdesk    ${targets.toLocaleString('en')} measured targets; ${ruled.toLocaleString('en')} tickets under an SLA rule; ${escalations.toLocaleString('en')} escalations reached`,
  );
}
