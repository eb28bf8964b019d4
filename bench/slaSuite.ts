/**
 * The SLA batch benchmark proper, run by sla.bench.ts in a child with --expose-gc: measureMany over
 * 100,000 tickets (bench/slaWorkload.ts), one call per preset, as columns and as rows, against the
 * floor of the raw calendar calls those tickets need (bench/slaFloor.ts) and the memory floor of
 * reading them and writing their answer (bench/slaMemoryFloor.ts); its memory; and, for
 * information, measure() in a loop and measureMany with { explain: true }. See
 * docs/performance.md ("SLA batch").
 *
 * Timed runs follow each other with no forced gc() between them, as calls of a busy service do:
 * each run pays for collecting the garbage of the run before, so the median is the steady cost.
 * (A gc() before every run would measure something else: V8 then drops the object shapes of the
 * last run and re-optimises its code on every run, which a service that keeps measuring never
 * pays.) The forced collections serve only the memory figures.
 *
 * measureMany as columns and its two floors are timed in alternation, one timed run of each per
 * round in a rotated order, each right after an untimed run of its own: timed one series after
 * the other, the memory floor moved by a fifth from one process to the next (47.8 to 58 ms), which
 * the ratio then carried whole; alternated without the untimed run, each run collected the garbage
 * of another (the memory floor ran 10 % slower right after the batch). The `gc` line counts each
 * one's own collections.
 */
import {
  dedicatedSupport,
  measure,
  measureMany,
  type MeasureResult,
  type Policy,
  type PolicyDefinition,
  parsePolicy,
  standardSupport,
} from '../src/index.js';
import { fmtNs, fmtRatio, sink, table } from './harness.js';
import { memorySnapshot, printMachine } from './machine.js';
import { fmtBytes } from './memory.js';
import { type FloorOutput, type FloorTable, floorBatch, makeFloorTable } from './slaFloor.js';
import { answerShape, memoryFloor } from './slaMemoryFloor.js';
import { best, collections, median, timeAlternating, timeRuns } from './slaTiming.js';
import {
  CREATED_FROM,
  CREATED_TO,
  CUSTOMERS,
  EVENTS_PER_TICKET,
  makeSlaWorkload,
  NOW,
  type PresetWorkload,
  SLA_SEED,
  TICKETS,
} from './slaWorkload.js';

/** Timed runs of measureMany and of the floor, after untimed warm-up runs; the median and best are reported. */
const RUNS = 9;
/** Untimed runs before them, so that the code is optimised and the heap at its working size. */
const WARM_UP = 3;
/** Timed runs of the informational rows. */
const INFO_RUNS = 3;
/** explain is ~30× slower: it is timed on every EXPLAIN_EVERY-th ticket of each preset. */
const EXPLAIN_EVERY = 50;
/** Targets of the issue. */
const TARGET_RATE = 200_000;
const TARGET_FLOOR_RATIO = 3;
const TARGET_MEMORY_FLOOR_RATIO = 2.5;
const TARGET_BYTES = 500 * 1_048_576;

const now = () => process.hrtime.bigint();
const msSince = (t0: bigint) => Number(now() - t0) / 1e6;
const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

interface Part {
  readonly w: PresetWorkload;
  readonly policy: Policy;
  readonly floor: FloorTable;
}

/** A checksum over results, so no run can be optimised away. */
function digest(results: readonly MeasureResult[]): number {
  let s = 0;
  for (const r of results) for (const t of r.targets) s += t.elapsedMs + (t.dueAt ?? 0);
  return s;
}

export function run(): void {
  const started = now();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  printMachine('\nsupport-policy SLA batch benchmark');

  // The workload, and what the input itself holds.
  let before = memorySnapshot(gc);
  let t0 = now();
  const w = makeSlaWorkload();
  const genMs = msSince(t0);
  let after = memorySnapshot(gc);
  const inputBytes = after.heap - before.heap + (after.ab - before.ab);
  const part = (pw: PresetWorkload, definition: PolicyDefinition): Part => {
    const policy = parsePolicy(definition);
    return {
      w: pw,
      policy,
      floor: makeFloorTable(
        definition,
        policy,
        pw.tickets.map((t) => t.account),
      ),
    };
  };
  const parts = [part(w.standard, standardSupport), part(w.dedicated, dedicatedSupport)];
  const total = parts.reduce((n, p) => n + p.w.tickets.length, 0);
  if (total !== TICKETS) throw new Error(`expected ${TICKETS} tickets, got ${total}`);
  const shares = (r: Readonly<Record<string, number>>) =>
    Object.entries(r)
      .map(([k, n]) => `${k} ${num(n)}`)
      .join(', ');
  console.log(
    `workload    ${num(TICKETS)} tickets × ${EVENTS_PER_TICKET} events, mulberry32 seed 0x${SLA_SEED.toString(16)}, created in [${iso(CREATED_FROM)}, ${iso(CREATED_TO)}), in creation order`,
  );
  for (const p of parts)
    console.log(
      `            ${p.w.name}: ${num(p.w.tickets.length)} tickets, ${num(CUSTOMERS)} accounts; plans ${shares(p.w.plans)}; severities ${shares(p.w.severities)}`,
    );
  console.log(`kinds       ${shares(w.kinds)}`);
  console.log(
    `variants    ${num(w.severityChanges)} severity changes, ${num(w.reopened)} solved and reopened; now = ${iso(NOW)}: ${num(w.eventsAfterNow)} events of ${num(w.ticketsAfterNowEvents)} tickets lie after it`,
  );
  console.log(
    `generated   in ${num(genMs)} ms; the input takes ${fmtBytes(inputBytes)} (${num(inputBytes / TICKETS)} B/ticket)`,
  );

  // measureMany: the first (cold) call compiles the calendars and builds their tables; then timed
  // runs, as columns (the fast shape) and as rows.
  const rowsOf = (p: Part) => measureMany(p.policy, p.w.tickets, NOW);
  const columnsOf = (p: Part) => measureMany(p.policy, p.w.tickets, NOW, { format: 'columns' });
  t0 = now();
  for (const p of parts) sink.checksum += digest(rowsOf(p));
  const coldMs = msSince(t0);
  // Memory of the results of one call per preset (kept alive), and the peak RSS of the process so
  // far: read before the timed series, which let garbage pile up between collections.
  before = memorySnapshot(gc);
  const results = parts.map(rowsOf);
  after = memorySnapshot(gc);
  const rowBytes = after.heap - before.heap + (after.ab - before.ab);
  before = memorySnapshot(gc);
  const columns = parts.map(columnsOf);
  after = memorySnapshot(gc);
  const columnBytes = after.heap - before.heap + (after.ab - before.ab);
  const measured = results.reduce((n, r) => n + r.reduce((m, x) => m + x.targets.length, 0), 0);
  const states: Record<string, number> = {};
  for (const r of results)
    for (const x of r)
      for (const t of x.targets) states[`${t.metric} ${t.state}`] = (states[`${t.metric} ${t.state}`] ?? 0) + 1;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const rss = process.memoryUsage().rss;

  // The floor: same tickets and now, raw calendar calls only; checked against measureMany's rows and columns.
  const out: FloorOutput = {
    elapsed: new Float64Array(TICKETS * EVENTS_PER_TICKET),
    due: new Float64Array(TICKETS * EVENTS_PER_TICKET),
    warnAt: new Float64Array(TICKETS * EVENTS_PER_TICKET),
  };
  const floor = () => {
    let n = 0;
    for (const p of parts) n = floorBatch(p.floor, p.w.tickets, NOW, out, n);
    return n;
  };
  const clocks = floor();
  // Same elapsed time, due instant and warning instant (the presets warn once per target; NaN for none).
  const same = (k: number, elapsed: number, due: number, warnAt: number) =>
    k < clocks && out.elapsed[k] === elapsed && out.due[k] === due && Object.is(out.warnAt[k], warnAt);
  let agree = 0;
  let k = 0;
  for (const r of results) {
    for (const x of r) {
      for (const t of x.targets) {
        if (t.thresholds.length === 1 && same(k, t.elapsedMs, t.dueAt ?? Number.NaN, t.thresholds[0]!.at ?? Number.NaN))
          agree++;
        k++;
      }
    }
  }
  let agreeColumns = 0;
  k = 0;
  for (const c of columns) {
    const { targets, thresholds: warnings } = c;
    for (let r = 0; r < targets.length; r++, k++)
      if (warnings.target[r] === r && same(k, targets.elapsedMs[r]!, targets.dueAt[r]!, warnings.at[r]!))
        agreeColumns++;
  }
  // The memory floor writes answers of the shape of these columns (rows per ticket and target, the same columns).
  const shapes = columns.map(answerShape);
  const memory = () =>
    parts.reduce((n, p, i) => n + (memoryFloor(p.w.tickets, shapes[i]!).targets as { length: number }).length, 0);
  results.length = 0; // the series below run with only the input alive
  columns.length = 0;

  // measureMany as columns and its two floors, timed in alternation, each timed run after an
  // untimed one of its own (a gc() before, none between runs): one machine state for the three,
  // and for each the heap its own runs leave.
  gc();
  const partMs = parts.map(() => [] as number[]); // the timed runs only
  const [columnsMs, floorMs, memoryMs] = timeAlternating(RUNS, WARM_UP, [
    (timed) =>
      parts.forEach((p, i) => {
        const t = now();
        sink.checksum += columnsOf(p).targets.length;
        if (timed) partMs[i]!.push(msSince(t));
      }),
    () => {
      sink.checksum += floor();
    },
    () => {
      sink.checksum += memory();
    },
  ]) as [number[], number[], number[]];
  // The garbage of the two, collected over as many runs again (untimed, after a gc() each).
  gc();
  const columnsGc = collections(RUNS, () => {
    for (const p of parts) sink.checksum += columnsOf(p).targets.length;
  });
  gc();
  const memoryGc = collections(RUNS, () => {
    sink.checksum += memory();
  });
  gc();
  const rowsMs = timeRuns(RUNS, WARM_UP, () => {
    for (const p of parts) sink.checksum += rowsOf(p).length;
  });
  for (let i = 0; i < clocks; i++) sink.checksum += out.elapsed[i]! + out.due[i]! + (out.warnAt[i]! || 0);

  // Informational: measure() in a loop, and measureMany with explain.
  const loop = (p: Part) => {
    let s = 0;
    for (const t of p.w.tickets) s += measure(p.policy, t.account, t.events, NOW).targets.length;
    return s;
  };
  const loopMs = timeRuns(INFO_RUNS, 1, () => {
    for (const p of parts) sink.checksum += loop(p);
  });
  const samples = parts.map((p) => p.w.tickets.filter((_, i) => i % EXPLAIN_EVERY === 0));
  const sampled = samples.reduce((n, s) => n + s.length, 0);
  let spans = 0;
  let explained = 0;
  parts.forEach((p, i) => {
    for (const r of measureMany(p.policy, samples[i]!, NOW, { explain: true })) {
      for (const t of r.targets) {
        spans += t.spans!.length;
        explained++;
      }
    }
  });
  const explainRunMs = timeRuns(INFO_RUNS, 1, () => {
    parts.forEach((p, i) => (sink.checksum += measureMany(p.policy, samples[i]!, NOW, { explain: true }).length));
  });
  // Scaled to the 100,000 tickets, to share the table's columns.
  const explainMs = explainRunMs.map((x) => (x * TICKETS) / sampled);

  // ---- report ----
  const cols = median(columnsMs);
  const rows = median(rowsMs);
  const fl = median(floorMs);
  const rate = (ms: number) => TICKETS / (ms / 1000);
  const perTicket = (ms: number) => fmtNs((ms * 1e6) / TICKETS);
  const line = (name: string, xs: readonly number[], count = TICKETS) => [
    name,
    num(median(xs), 1),
    num(best(xs), 1),
    num(count / (median(xs) / 1000)),
    fmtNs((median(xs) * 1e6) / count),
    xs.map((x) => num(x)).join(', '),
  ];
  console.log(
    `\nTime for all ${num(TICKETS)} tickets (one call per preset, summed): ${RUNS} runs after ${WARM_UP} untimed ones (median and best; measureMany as columns and the two floors in alternation, each timed run after an untimed one of its own; the others back to back); rates from the median\n`,
  );
  console.log(
    table(
      ['measured', 'median (ms)', 'best (ms)', 'tickets/s', 'ns/ticket', 'all runs (ms)'],
      [
        line('measureMany, format: columns', columnsMs),
        ...parts.map((p, i) =>
          line(`  of which ${p.w.name} (${num(p.w.tickets.length)})`, partMs[i]!, p.w.tickets.length),
        ),
        line('measureMany, rows', rowsMs),
        line('floor (raw calendar calls)', floorMs),
        line('memory floor (read every input field, write every answer cell)', memoryMs),
        line('measure() in a loop', loopMs),
        line(`measureMany, explain: true (1 ticket in ${EXPLAIN_EVERY}, scaled)`, explainMs),
        ['measureMany, rows, first (cold) call', num(coldMs, 1), '—', num(rate(coldMs)), perTicket(coldMs), '—'],
      ],
    ),
  );
  const verdict = (ok: boolean, missed: string) => (ok ? 'met' : missed);
  console.log('\nRatios against the targets (medians)\n');
  console.log(
    table(
      ['measured', 'result', 'target', 'verdict'],
      [
        [
          'measureMany (columns) throughput',
          `${num(rate(cols))} tickets/s`,
          `≥ ${num(TARGET_RATE)} tickets/s`,
          verdict(rate(cols) >= TARGET_RATE, `MISSED (${fmtRatio(TARGET_RATE / rate(cols))} short)`),
        ],
        [
          'measureMany (columns) / floor',
          fmtRatio(cols / fl),
          `≤ ${TARGET_FLOOR_RATIO}×`,
          verdict(cols / fl <= TARGET_FLOOR_RATIO, `MISSED by ${fmtRatio(cols / fl / TARGET_FLOOR_RATIO)}`),
        ],
        [
          'measureMany (columns) / memory floor',
          fmtRatio(cols / median(memoryMs)),
          `≤ ${TARGET_MEMORY_FLOOR_RATIO}×`,
          verdict(
            cols / median(memoryMs) <= TARGET_MEMORY_FLOOR_RATIO,
            `MISSED by ${fmtRatio(cols / median(memoryMs) / TARGET_MEMORY_FLOOR_RATIO)}`,
          ),
        ],
        [
          'peak RSS, one call per preset',
          fmtBytes(peakRss),
          `< ${fmtBytes(TARGET_BYTES)}`,
          verdict(peakRss < TARGET_BYTES, 'MISSED'),
        ],
        [
          'measureMany (rows) throughput',
          `${num(rate(rows))} tickets/s`,
          `≥ ${num(TARGET_RATE)} tickets/s`,
          verdict(rate(rows) >= TARGET_RATE, `MISSED (${fmtRatio(TARGET_RATE / rate(rows))} short)`),
        ],
        ['measureMany (rows) / floor', fmtRatio(rows / fl), 'information', '—'],
        ['rows / columns', fmtRatio(rows / cols), 'information', '—'],
        ['measure() loop / measureMany (rows)', fmtRatio(median(loopMs) / rows), 'information', '—'],
        ['explain / measureMany (rows)', fmtRatio(median(explainMs) / rows), 'information', '—'],
      ],
    ),
  );
  console.log('\nMemory (growth of heapUsed + arrayBuffers after two gc; RSS from the OS)\n');
  console.log(
    table(
      ['measured', 'bytes', 'per ticket'],
      [
        [
          `input tickets (${num(TICKETS * EVENTS_PER_TICKET)} events)`,
          fmtBytes(inputBytes),
          `${num(inputBytes / TICKETS)} B`,
        ],
        [`results as rows (${num(measured)} measured targets)`, fmtBytes(rowBytes), `${num(rowBytes / TICKETS)} B`],
        ['results as columns', fmtBytes(columnBytes), `${num(columnBytes / TICKETS)} B`],
        ['peak RSS, one call per preset (input and results alive)', fmtBytes(peakRss), '—'],
        ['RSS then', fmtBytes(rss), '—'],
        ['peak RSS after every timed series', fmtBytes(process.resourceUsage().maxRSS * 1024), '—'],
      ],
    ),
  );
  console.log(
    `\nstates      ${Object.entries(states)
      .sort()
      .map(([k, n]) => `${k} ${num(n)}`)
      .join(', ')}`,
  );
  console.log(
    `floor       ${num(clocks)} clocks with a target; elapsed, due and warning instants equal to measureMany's for ${num(agree)}/${num(measured)} rows and ${num(agreeColumns)}/${num(measured)} columns`,
  );
  console.log(
    `explain     timed on ${num(sampled)} tickets (${explainRunMs.map((x) => num(x)).join(', ')} ms per run); ${num(spans)} spans for their ${num(explained)} measured targets (${num(spans / explained, 1)} per target)`,
  );
  const collected = (c: { scavenges: number; full: number; pauseMs: number }) =>
    `${num(c.scavenges)} scavenges, ${num(c.full)} full collections, ${num(c.pauseMs, 1)} ms of pauses`;
  console.log(
    `gc          over ${RUNS} runs: measureMany (columns) ${collected(columnsGc)}; memory floor ${collected(memoryGc)}`,
  );
  console.log(`checksum    ${sink.checksum}`);
  console.log(`total       ${num(msSince(started) / 1000, 1)} s`);
}
