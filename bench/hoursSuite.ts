/**
 * The support-hours benchmark proper, run by hours.bench.ts in a child with --expose-gc: replays
 * 1,000,000 shuffled events for 10,000 accounts (bench/hoursWorkload.ts) into an empty ledger,
 * then asks balances() of every account and statement() of a sample; times applyEvent on ledgers
 * of 100 to 100,000 accounts (bench/hoursApply.ts); and runs the mutable baseline
 * (bench/hoursBaseline.ts) on the same events, printing the ratios and the targets. See
 * docs/performance.md.
 */
import {
  balances,
  createLedger,
  type LedgerEvent,
  type LedgerState,
  parsePolicy,
  replay,
  standardSupport,
  statement,
} from '../src/index.js';
import {
  ACCOUNTS,
  EVENTS,
  EVENTS_PER_ACCOUNT,
  HOURS_SEED,
  type HoursWorkload,
  makeHoursWorkload,
  POOL_EVERY,
  RENEWAL_SHARE,
} from './hoursWorkload.js';
import { fmtRatio, sink } from './harness.js';
import { type ApplyRow, applyScaling, timeApply } from './hoursApply.js';
import { baselineApply, baselineChecksum, createBaseline } from './hoursBaseline.js';
import { printMachine, memorySnapshot } from './machine.js';
import { fmtBytes } from './memory.js';

/** statement() is asked of every SAMPLE_EVERY-th account. */
const SAMPLE_EVERY = 10;
/** Passes of balances() and statement(); the median pass is reported. */
const ROUNDS = 3;
/** Timed replays of the workload; the median is reported. */
const REPLAYS = 3;
/** The untimed warm-up replays another, smaller workload (other seed). */
const WARM_ACCOUNTS = 500;
const YEAR_2026 = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) };

const now = () => process.hrtime.bigint();
const msSince = (t0: bigint) => Number(now() - t0) / 1e6;
const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const snapshot = memorySnapshot;

/** Replays `events` into an empty ledger and returns the state and the milliseconds it took. */
function timedReplay(events: readonly LedgerEvent[]): { state: LedgerState; ms: number; cpuMs: number } {
  const empty = createLedger(parsePolicy(standardSupport));
  const c0 = process.cpuUsage();
  const t0 = now();
  const state = replay(empty, events);
  const ms = msSince(t0);
  const cpu = process.cpuUsage(c0);
  return { state, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** The timed replay of the shuffled workload, its memory, and the queries on the resulting ledger. */
function measure(w: HoursWorkload, gc: () => void) {
  // Timed replay; the memory figure is the growth while its state is alive.
  const before = snapshot(gc);
  const main = timedReplay(w.events);
  const state = main.state;
  const after = snapshot(gc);
  const heapBytes = after.heap - before.heap;
  const abBytes = after.ab - before.ab;
  const rss = process.memoryUsage().rss;
  // Two more timed replays (their states are dropped): the reported replay is the median of three.
  const replays = [main];
  for (let k = 0; k < REPLAYS - 1; k++) {
    snapshot(gc);
    replays.push(timedReplay(w.events));
  }
  const replayMs = median(replays.map((r) => r.ms));
  const replayCpuMs = median(replays.map((r) => r.cpuMs));

  // balances() of every account.
  const balanceMs: number[] = [];
  let charged = 0;
  let overage = 0;
  let overAccounts = 0;
  let charges = 0;
  for (let r = 0; r < ROUNDS; r++) {
    charged = overage = overAccounts = charges = 0;
    const t0 = now();
    for (const account of w.accounts) {
      let over = 0;
      for (const y of balances(state, account)) {
        charged += y.chargedMinutes;
        over += y.overageMinutes;
        charges += y.conversations;
      }
      overage += over;
      if (over > 0) overAccounts++;
    }
    balanceMs.push(msSince(t0));
  }

  // statement() of a sample, over contract year 2026.
  const sample = w.accounts.filter((_, i) => i % SAMPLE_EVERY === 0);
  const statementMs: number[] = [];
  let rows = 0;
  for (let r = 0; r < ROUNDS; r++) {
    rows = 0;
    const t0 = now();
    for (const account of sample) rows += statement(state, account, YEAR_2026).rows.length;
    statementMs.push(msSince(t0));
  }

  // applyEvent on the replayed ledger, one event after another.
  const apply = timeApply('10,000 accounts × 100 events (the replayed ledger)', state, w.events, w.accounts, 100);

  return {
    apply,
    replayMs,
    replayCpuMs,
    replaysMs: replays.map((r) => r.ms),
    heapBytes,
    abBytes,
    rss,
    balanceMs,
    statementMs,
    sample,
    charged,
    overage,
    overAccounts,
    charges,
    rows,
  };
}

export function run(): void {
  const started = now();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  printMachine('\nsupport-policy support-hours ledger benchmark');
  console.log(
    'policy      standardSupport (minimum 15, increment 15, rounding down, documentation → minimum, incidents and Customer Success free)',
  );

  // The workload, and what the input array itself holds (not part of the ledger's figure).
  const before = snapshot(gc);
  let t0 = now();
  const w = makeHoursWorkload();
  const genMs = msSince(t0);
  const after = snapshot(gc);
  const inputBytes = after.heap - before.heap + (after.ab - before.ab);
  if (w.events.length !== EVENTS) throw new Error(`expected ${EVENTS} events, got ${w.events.length}`);
  console.log(
    `workload    ${num(EVENTS)} events for ${num(ACCOUNTS)} accounts (${EVENTS_PER_ACCOUNT} each; ${num(w.pools)} partner pools, 1 in ${POOL_EVERY}; ` +
      `${num(w.renewals)} renewals into 2027, ~${RENEWAL_SHARE * 100} %), ${num(w.conversations)} conversations, mulberry32 seed 0x${HOURS_SEED.toString(16)}, shuffled`,
  );
  console.log(
    `kinds       ${Object.entries(w.kinds)
      .map(([k, n]) => `${k} ${num(n)}`)
      .join(', ')}`,
  );
  console.log(
    `generated   in ${num(genMs)} ms; the input array takes ${fmtBytes(inputBytes)} (${num(inputBytes / EVENTS)} B/event)`,
  );

  // Untimed warm-up on a different, smaller workload, so the timed replay is not the first run of the code.
  t0 = now();
  const warm = makeHoursWorkload(WARM_ACCOUNTS, HOURS_SEED ^ 0xffff);
  const warmState = timedReplay(warm.events).state;
  for (const account of warm.accounts) {
    balances(warmState, account);
    statement(warmState, account, YEAR_2026);
  }
  console.log(
    `warm-up     ${num(warm.events.length)} events for ${WARM_ACCOUNTS} other accounts replayed and queried in ${num(msSince(t0))} ms (untimed)`,
  );

  const m = measure(w, gc); // its ledger state is garbage once it returns
  const { balanceMs, statementMs, sample, heapBytes, abBytes } = m;

  // The mutable baseline on the same shuffled events (warmed up on the warm-up workload).
  const warmBase = createBaseline();
  for (const e of warm.events) baselineApply(warmBase, e);
  snapshot(gc);
  const base = createBaseline();
  t0 = now();
  for (const e of w.events) baselineApply(base, e);
  const baselineMs = msSince(t0);
  sink.checksum += baselineChecksum(base) + baselineChecksum(warmBase);

  // For comparison: the same events grouped by account (each account's events together, still shuffled within it).
  const grouped = [...w.events].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  snapshot(gc);
  const groupedMs = timedReplay(grouped).ms;

  const bal = median(balanceMs);
  const st = median(statementMs);
  const rate = EVENTS / (m.replayMs / 1000);
  console.log('\n| measured | result |');
  console.log('|:--|--:|');
  console.log(
    `| replay, ${num(EVENTS)} shuffled events (median of ${REPLAYS}) | ${num(m.replayMs / 1000, 2)} s → **${num(rate)} events/s** (${num((m.replayMs * 1e6) / EVENTS)} ns/event; process CPU time ${num(m.replayCpuMs / 1000, 2)} s) |`,
  );
  console.log(
    `| ledger memory (heap + arrayBuffers growth after gc) | ${fmtBytes(heapBytes + abBytes)} (heap ${fmtBytes(heapBytes)}, arrayBuffers ${fmtBytes(abBytes)}); ${num((heapBytes + abBytes) / EVENTS)} B/event |`,
  );
  console.log(`| process RSS after the replay | ${fmtBytes(m.rss)} |`);
  console.log(
    `| balances(), all ${num(ACCOUNTS)} accounts (median of ${ROUNDS}) | ${num(bal)} ms → ${num((bal * 1000) / ACCOUNTS, 1)} µs/account |`,
  );
  console.log(
    `| statement() for 2026, ${num(sample.length)} accounts (median of ${ROUNDS}) | ${num(st)} ms → ${num((st * 1000) / sample.length, 1)} µs/statement |`,
  );
  console.log(
    `| replay, same events grouped by account (for comparison) | ${num(groupedMs / 1000, 2)} s → ${num(EVENTS / (groupedMs / 1000))} events/s |`,
  );
  console.log(
    `| baseline: the same events into mutable maps (bench/hoursBaseline.ts) | ${num(baselineMs / 1000, 2)} s → ${num(EVENTS / (baselineMs / 1000))} events/s; replay takes ${fmtRatio(m.replayMs / baselineMs)} its time |`,
  );
  snapshot(gc);
  const rows = [m.apply, ...applyScaling(gc)];
  printApply(rows, rate);
  console.log(
    `\nreplays     ${m.replaysMs.map((x) => num(x / 1000, 2)).join(', ')} s\nbalances    all passes (ms): ${balanceMs.map((x) => num(x)).join(', ')}; statement passes (ms): ${statementMs.map((x) => num(x)).join(', ')}`,
  );
  console.log(
    `checksum    ${num(m.charges)} conversations in the balances, ${num(m.charged)} minutes charged, ${num(m.overage)} minutes of overage on ${num(m.overAccounts)} accounts; ${num(m.rows)} statement rows`,
  );
  console.log(`checksum    sink ${sink.checksum}`);
  console.log(`total       ${num(msSince(started) / 1000, 1)} s`);
}

/** The applyEvent table, and the targets of the issue with their verdicts. */
function printApply(rows: readonly ApplyRow[], replayRate: number): void {
  console.log(
    '\n| applyEvent on a ledger of | µs/event (median of 5) | process CPU µs/event | baseline µs/event | applyEvent / baseline |',
  );
  console.log('|:--|--:|--:|--:|--:|');
  for (const r of rows) {
    const cells = [r.label, num(r.us, 2), num(r.cpuUs, 2), num(r.baselineUs, 2), fmtRatio(r.us / r.baselineUs)];
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log(
    `\nrounds      ${rows.map((r) => `${r.label}: ${r.roundsUs.map((x) => num(x, 2)).join(' / ')} µs (${num(r.applied)} events)`).join('; ')}`,
  );
  const find = (accounts: number, perAccount: number) =>
    rows.find((r) => r.accounts === accounts && r.perAccount === perAccount)!;
  const perRound = (large: ApplyRow, small: ApplyRow, base = false) =>
    (base ? large.baselineRoundsUs : large.roundsUs)
      .map((x, i) => fmtRatio(x / (base ? small.baselineRoundsUs : small.roundsUs)[i]!))
      .join(' / ');
  console.log(
    `ratios      100,000 / 100 accounts, round by round: ${perRound(find(100_000, 10), find(100, 10))} (baseline ${perRound(find(100_000, 10), find(100, 10), true)}); ` +
      `by process CPU time ${fmtRatio(find(100_000, 10).cpuUs / find(100, 10).cpuUs)}`,
  );
  const at10k = Math.max(find(10_000, 10).us, find(10_000, 100).us);
  const spread = find(100_000, 10).us / find(100, 10).us;
  const baseSpread = find(100_000, 10).baselineUs / find(100, 10).baselineUs;
  const conv = find(1, 100_000).us / find(1, 100).us;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log('\n| target | result | verdict |');
  console.log('|:--|--:|:--|');
  console.log(
    `| applyEvent ≤ 20 µs per event at 10,000 accounts | ${num(at10k, 2)} µs (the slower of the two ledgers) | ${verdict(at10k <= 20)} |`,
  );
  console.log(
    `| applyEvent within 2× between 100 and 100,000 accounts | ${fmtRatio(spread)} (the baseline: ${fmtRatio(baseSpread)}) | ${verdict(spread <= 2)} |`,
  );
  console.log(
    `| replay ≥ 300,000 events/s on 1,000,000 events | ${num(replayRate)} events/s | ${verdict(replayRate >= 300_000)} |`,
  );
  console.log(`| (for information) one account, 100,000 events against 100 | ${fmtRatio(conv)} | |`);
}
