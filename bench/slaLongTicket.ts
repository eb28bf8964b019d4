/**
 * Long tickets: a ticket fed one event at a time for years. Folding a 4,000-event timeline
 * through `advance`, a 16,000-event one (8,000 follow-up cycles), and `measure` of a
 * 100,000-event timeline, each beside a baseline run in the same process: `measure` of the same
 * timeline for the folds (a fold should cost what one measure costs), and for `measure` a loop that
 * reads every event's fields and does nothing else. docs/performance.md ("Long tickets").
 *
 * Run alone with `npx tsx bench/slaLongTicket.ts`; `npm run bench` runs it after the SLA batch.
 */
import {
  advance,
  dedicatedSupport,
  measure,
  measureState,
  parsePolicy,
  restoreState,
  startTicket,
  type AccountDefinition,
  type TicketEvent,
} from '../src/index.js';
import { fmtRatio, sink, table } from './harness.js';
import { median, timeRuns } from './slaTiming.js';

const MINUTE = 60_000;
const policy = parsePolicy(dedicatedSupport);
const account: AccountDefinition = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };
const START = Date.UTC(2026, 0, 5, 8);

/**
 * A severity-3 ticket (a follow-up target on the dedicated agent's hours) with `n` events: replies
 * alternate customer and agent 37 minutes apart, and every tenth event puts the ticket on hold or
 * back to open, so the status history grows with the clocks.
 */
export function longTimeline(n: number): TicketEvent[] {
  const events: TicketEvent[] = [{ kind: 'created', at: START, severity: 'sev3' }];
  for (let i = 1; i < n; i++) {
    const at = START + i * 37 * MINUTE;
    if (i % 10 === 0) events.push({ kind: 'status', at, status: i % 20 === 0 ? 'open' : 'on_hold' });
    else events.push({ kind: 'reply', at, author: i % 2 === 1 ? 'agent' : 'customer' });
  }
  return events;
}

function fold(events: readonly TicketEvent[]): number {
  let state = startTicket(policy, account);
  for (const e of events) state = advance(state, e);
  return measureState(state, events[events.length - 1]!.at).targets.length;
}

/** The floor: read every event's fields once, nothing else. */
function readAll(events: readonly TicketEvent[]): number {
  let s = 0;
  for (const e of events) s += (e.at as number) + e.kind.length;
  return s;
}

export function runLongTickets(): void {
  const rows: string[][] = [];
  for (const [label, n, runs] of [
    ['fold 4,000 events through advance', 4_000, 9],
    ['fold 16,000 events through advance', 16_000, 5],
  ] as const) {
    const events = longTimeline(n);
    const end = events[events.length - 1]!.at;
    const folded = median(timeRuns(runs, 3, () => (sink.checksum += fold(events))));
    const once = median(
      timeRuns(runs, 1, () => (sink.checksum += measure(policy, account, events, end).targets.length)),
    );
    rows.push([label, `${folded.toFixed(1)} ms`, `measure once: ${once.toFixed(1)} ms`, fmtRatio(folded / once)]);
  }
  {
    // A stored state read back: JSON.parse of what JSON.stringify(state) wrote, then restoreState.
    const events = longTimeline(4_000);
    const text = JSON.stringify(events.reduce(advance, startTicket(policy, account)));
    const restored = median(timeRuns(9, 3, () => (sink.checksum += restoreState(policy, JSON.parse(text)).eventCount)));
    const once = median(
      timeRuns(
        9,
        3,
        () => (sink.checksum += measure(policy, account, events, events[events.length - 1]!.at).targets.length),
      ),
    );
    rows.push([
      `restore a 4,000-event state (${Math.round(text.length / 1024)} KiB of JSON)`,
      `${restored.toFixed(1)} ms`,
      `measure once: ${once.toFixed(1)} ms`,
      fmtRatio(restored / once),
    ]);
  }
  const events = longTimeline(100_000);
  const end = events[events.length - 1]!.at;
  const measured = median(
    timeRuns(3, 1, () => (sink.checksum += measure(policy, account, events, end).targets.length)),
  );
  const floor = median(timeRuns(5, 1, () => (sink.checksum += readAll(events))));
  rows.push([
    'measure a 100,000-event ticket',
    `${measured.toFixed(1)} ms`,
    `read every event: ${floor.toFixed(2)} ms`,
    fmtRatio(measured / floor),
  ]);
  console.log('\nLong tickets (dedicatedSupport, severity 3: follow-up cycles; a status change every tenth event)');
  console.log(table(['operation', 'time (median)', 'baseline (same run)', 'ratio'], rows));
}

if (import.meta.url === `file://${process.argv[1]}`) runLongTickets();
