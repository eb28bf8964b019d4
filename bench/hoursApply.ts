/**
 * The cost of one `applyEvent` as the ledger grows, beside the mutable baseline
 * (bench/hoursBaseline.ts) on the same events: ledgers of 100, 10,000 and 100,000 accounts (10
 * events each, from bench/hoursWorkload.ts), the bench's ledger of 10,000 accounts of 100 events,
 * and one account of 100 or 100,000 events (about 30 to 30,000 conversations), timed round by
 * round in turn so that the machine's load falls on all of them alike. Each timed event
 * is applied to the ledger as it was before the round, so that its size is the row's. The
 * baseline cannot go back: its ledger grows by the round's events (at most 30,000).
 */
import {
  applyEvent,
  createLedger,
  type LedgerEvent,
  type LedgerState,
  parsePolicy,
  replay,
  standardSupport,
} from '../src/index.js';
import { sink } from './harness.js';
import { baselineApply, baselineChecksum, type BaselineLedger, createBaseline } from './hoursBaseline.js';
import { makeHoursWorkload } from './hoursWorkload.js';
import { mulberry32 } from './workload.js';

/** Timed rounds per ledger (the median is reported), each applying events for at least MIN_MS. */
const ROUNDS = 5;
const MIN_MS = 200;
/** Events prepared per round; a round stops earlier once MIN_MS have passed. */
const PER_ROUND = 30_000;
const JUNE_2026 = Date.UTC(2026, 5, 1);

const now = () => process.hrtime.bigint();
const msSince = (t0: bigint) => Number(now() - t0) / 1e6;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface ApplyRow {
  readonly label: string;
  readonly accounts: number;
  readonly perAccount: number;
  /** Median over the rounds, µs per event. */
  readonly us: number;
  readonly roundsUs: readonly number[];
  /** Median over the rounds of the process's CPU time (user + system), µs per event. */
  readonly cpuUs: number;
  readonly baselineUs: number;
  readonly baselineRoundsUs: readonly number[];
  /** Events applied in the timed rounds. */
  readonly applied: number;
}

/**
 * The events of one round, with ids of their own: a third open a new conversation in a random
 * account, a third add handled time to it, the rest classify it or add time to the account's
 * first conversation (`T-0`). Openings come first, so consecutive events touch different accounts.
 */
function roundEvents(accounts: readonly string[], round: string, seed: number): LedgerEvent[] {
  const next = mulberry32(seed);
  const n = PER_ROUND / 3;
  const opens: LedgerEvent[] = [];
  const rest: LedgerEvent[] = [];
  for (let k = 0; k < n; k++) {
    const account = accounts[next() % accounts.length]!;
    const conversation = `${round}-c${k}`;
    const at = JUNE_2026 + k * 1000;
    opens.push({ id: `${round}-o${k}`, kind: 'conversation_opened', account, at, conversation, channel: 'ticket' });
    rest.push({ id: `${round}-h${k}`, kind: 'time_handled', account, at, conversation, minutes: next() % 90 });
    rest.push(
      next() % 2 === 0
        ? { id: `${round}-k${k}`, kind: 'classified', account, at, conversation, as: 'incident' }
        : { id: `${round}-t${k}`, kind: 'time_handled', account, at, conversation: 'T-0', minutes: 5 },
    );
  }
  return [...opens, ...rest];
}

/**
 * µs per event of `apply` over `events`, each applied to `start` (so the ledger keeps its size
 * through the round), stopping once MIN_MS have passed; and how many events were applied.
 */
function timeRound<S>(
  start: S,
  events: readonly LedgerEvent[],
  apply: (s: S, e: LedgerEvent) => unknown,
): [us: number, events: number, cpuUs: number] {
  let i = 0;
  let changed = 0;
  const c0 = process.cpuUsage();
  const t0 = now();
  while (i < events.length) {
    if (apply(start, events[i++]!) !== start) changed++;
    if ((i & 7) === 0 && msSince(t0) >= MIN_MS) break;
  }
  const elapsed = msSince(t0);
  const cpu = process.cpuUsage(c0);
  sink.checksum += changed;
  return [(elapsed * 1000) / i, i, (cpu.user + cpu.system) / i];
}

const persistent = (s: LedgerState, e: LedgerEvent) => applyEvent(s, e);
const mutable = (b: BaselineLedger, e: LedgerEvent) => {
  baselineApply(b, e);
  return undefined;
};

/** A ledger to time applyEvent on, the baseline holding the same events, and the rounds measured so far. */
interface Subject {
  readonly label: string;
  readonly accounts: readonly string[];
  readonly perAccount: number;
  readonly state: LedgerState;
  readonly base: BaselineLedger;
  readonly roundsUs: number[];
  readonly cpuUs: number[];
  readonly baseUs: number[];
  applied: number;
}

function subject(
  label: string,
  state: LedgerState,
  events: readonly LedgerEvent[],
  accounts: readonly string[],
  perAccount: number,
): Subject {
  const base = createBaseline();
  for (const e of events) baselineApply(base, e);
  return { label, accounts, perAccount, state, base, roundsUs: [], cpuUs: [], baseUs: [], applied: 0 };
}

/**
 * Times the subjects' rounds interleaved (round 1 of each, then round 2 of each…), so that a change
 * in the machine's load (it is shared) falls on every ledger alike and their ratios hold.
 */
function timeInterleaved(subjects: readonly Subject[]): ApplyRow[] {
  for (const s of subjects) {
    timeRound(s.state, roundEvents(s.accounts, 'w', 0xa11), persistent); // untimed warm-up
    timeRound(s.base, roundEvents(s.accounts, 'wb', 0xa12), mutable);
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const s of subjects) {
      const [us, n, cpu] = timeRound(s.state, roundEvents(s.accounts, `r${r}`, 0xa20 + r), persistent);
      s.roundsUs.push(us);
      s.cpuUs.push(cpu);
      s.applied += n;
      s.baseUs.push(timeRound(s.base, roundEvents(s.accounts, `b${r}`, 0xb20 + r), mutable)[0]);
    }
  }
  return subjects.map((s) => {
    sink.checksum += baselineChecksum(s.base);
    return {
      label: s.label,
      accounts: s.accounts.length,
      perAccount: s.perAccount,
      us: median(s.roundsUs),
      roundsUs: s.roundsUs,
      cpuUs: median(s.cpuUs),
      baselineUs: median(s.baseUs),
      baselineRoundsUs: s.baseUs,
      applied: s.applied,
    };
  });
}

/** Times applyEvent and the baseline on a ledger already holding `events`. */
export function timeApply(
  label: string,
  state: LedgerState,
  events: readonly LedgerEvent[],
  accounts: readonly string[],
  perAccount: number,
): ApplyRow {
  return timeInterleaved([subject(label, state, events, accounts, perAccount)])[0]!;
}

/**
 * The scaling rows, all ledgers built first and timed interleaved: by number of accounts (10
 * events each), then one account of 100 or 100,000 events.
 */
export function applyScaling(gc: () => void): ApplyRow[] {
  const sizes: [accounts: number, perAccount: number][] = [
    [100, 10],
    [10_000, 10],
    [100_000, 10],
    [1, 100],
    [1, 100_000],
  ];
  const subjects = sizes.map(([accounts, perAccount]) => {
    const w = makeHoursWorkload(accounts, 0x5ca1e + accounts, perAccount);
    const state = replay(createLedger(parsePolicy(standardSupport)), w.events);
    const label =
      accounts === 1
        ? `1 account, ${perAccount.toLocaleString('en-US')} events (${w.conversations.toLocaleString('en-US')} conversations)`
        : `${accounts.toLocaleString('en-US')} accounts × ${perAccount} events`;
    return subject(label, state, w.events, w.accounts, perAccount);
  });
  gc();
  return timeInterleaved(subjects);
}
