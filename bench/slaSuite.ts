/**
 * The SLA batch benchmark proper, run by sla.bench.ts in a child with --expose-gc: measureMany over
 * 100,000 tickets (bench/slaWorkload.ts), one call per preset, against the floor of the raw
 * calendar calls those tickets need (bench/slaFloor.ts); its memory; and, for information,
 * measure() in a loop and measureMany with { explain: true }. See docs/performance.md ("SLA batch").
 */
import { dedicatedSupport, measure, measureMany, type MeasureResult, type Policy, type PolicyDefinition, parsePolicy, standardSupport } from '../src/index.js';
import { fmtNs, fmtRatio, sink, table } from './harness.js';
import { memorySnapshot, printMachine } from './machine.js';
import { fmtBytes } from './memory.js';
import { type FloorTable, floorBatch, makeFloorTable } from './slaFloor.js';
import { CREATED_FROM, CREATED_TO, CUSTOMERS, EVENTS_PER_TICKET, makeSlaWorkload, NOW, type PresetWorkload, SLA_SEED, TICKETS } from './slaWorkload.js';

/** Timed runs of measureMany and of the floor, after untimed warm-up runs; the best is reported. */
const RUNS = 5;
/** Timed runs of the informational rows. */
const INFO_RUNS = 3;
/** explain is ~100× slower: it is timed on every EXPLAIN_EVERY-th ticket of each preset. */
const EXPLAIN_EVERY = 50;
/** Targets of the issue. */
const TARGET_RATE = 200_000;
const TARGET_FLOOR_RATIO = 3;
const TARGET_BYTES = 500 * 1_048_576;

const now = () => process.hrtime.bigint();
const msSince = (t0: bigint) => Number(now() - t0) / 1e6;
const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

interface Part {
  readonly w: PresetWorkload;
  readonly policy: Policy;
  readonly floor: FloorTable;
}

/** `runs` timed runs of `body` over both parts, each after a gc; ms of every run. */
function timeRuns(runs: number, gc: () => void, body: () => void): number[] {
  const all: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    const t0 = now();
    body();
    all.push(msSince(t0));
  }
  return all;
}

const best = (xs: readonly number[]) => Math.min(...xs);

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
    return { w: pw, policy, floor: makeFloorTable(definition, policy, pw.tickets.map((t) => t.account)) };
  };
  const parts = [part(w.standard, standardSupport), part(w.dedicated, dedicatedSupport)];
  const total = parts.reduce((n, p) => n + p.w.tickets.length, 0);
  if (total !== TICKETS) throw new Error(`expected ${TICKETS} tickets, got ${total}`);
  const shares = (r: Readonly<Record<string, number>>) => Object.entries(r).map(([k, n]) => `${k} ${num(n)}`).join(', ');
  console.log(`workload    ${num(TICKETS)} tickets × ${EVENTS_PER_TICKET} events, mulberry32 seed 0x${SLA_SEED.toString(16)}, created in [${iso(CREATED_FROM)}, ${iso(CREATED_TO)}), in creation order`);
  for (const p of parts) console.log(`            ${p.w.name}: ${num(p.w.tickets.length)} tickets, ${num(CUSTOMERS)} accounts; plans ${shares(p.w.plans)}; severities ${shares(p.w.severities)}`);
  console.log(`kinds       ${shares(w.kinds)}`);
  console.log(`variants    ${num(w.severityChanges)} severity changes, ${num(w.reopened)} solved and reopened; now = ${iso(NOW)}: ${num(w.eventsAfterNow)} events of ${num(w.ticketsAfterNowEvents)} tickets lie after it`);
  console.log(`generated   in ${num(genMs)} ms; the input takes ${fmtBytes(inputBytes)} (${num(inputBytes / TICKETS)} B/ticket)`);

  // measureMany: the first (cold) run compiles the calendars and builds their tables; then timed runs.
  const batch = (p: Part) => measureMany(p.policy, p.w.tickets, NOW);
  t0 = now();
  for (const p of parts) sink.checksum += digest(batch(p));
  const coldMs = msSince(t0);
  const perPart = parts.map(() => [] as number[]);
  const manyMs = timeRuns(RUNS, gc, () => {
    parts.forEach((p, i) => {
      const t = now();
      sink.checksum += batch(p).length;
      perPart[i]!.push(msSince(t));
    });
  });

  // Memory of the results (kept alive), and the peak RSS of the process so far.
  before = memorySnapshot(gc);
  const results = parts.map(batch);
  after = memorySnapshot(gc);
  const resultBytes = after.heap - before.heap + (after.ab - before.ab);
  const measured = results.reduce((n, r) => n + r.reduce((m, x) => m + x.targets.length, 0), 0);
  const states: Record<string, number> = {};
  for (const r of results) for (const x of r) for (const t of x.targets) states[`${t.metric} ${t.state}`] = (states[`${t.metric} ${t.state}`] ?? 0) + 1;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const rss = process.memoryUsage().rss;

  // The floor: same tickets and now, raw calendar calls only; checked against measureMany's results.
  const outElapsed = new Float64Array(TICKETS * EVENTS_PER_TICKET);
  const outDue = new Float64Array(TICKETS * EVENTS_PER_TICKET);
  const floor = () => {
    let n = 0;
    for (const p of parts) n += floorBatch(p.floor, p.w.tickets, NOW, outElapsed.subarray(n), outDue.subarray(n));
    return n;
  };
  let clocks = 0;
  for (let r = 0; r < 3; r++) clocks = floor(); // warm-up: this loop is short, so the JIT gets three passes
  let agree = 0;
  let k = 0;
  for (const r of results) {
    for (const x of r) {
      for (const t of x.targets) {
        if (k < clocks && outElapsed[k] === t.elapsedMs && outDue[k] === t.dueAt) agree++;
        k++;
      }
    }
  }
  const floorMs = timeRuns(RUNS, gc, () => {
    sink.checksum += floor();
  });
  for (let i = 0; i < clocks; i++) sink.checksum += outElapsed[i]! + outDue[i]!;

  // Informational: measure() in a loop, and measureMany with explain.
  const loop = (p: Part) => {
    let s = 0;
    for (const t of p.w.tickets) s += measure(p.policy, t.account, t.events, NOW).targets.length;
    return s;
  };
  for (const p of parts) sink.checksum += loop(p); // warm-up
  const loopMs = timeRuns(INFO_RUNS, gc, () => {
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
  }); // warm-up
  const explainRunMs = timeRuns(INFO_RUNS, gc, () => {
    parts.forEach((p, i) => (sink.checksum += measureMany(p.policy, samples[i]!, NOW, { explain: true }).length));
  });
  // Scaled to the 100,000 tickets, to share the table's columns.
  const explainMs = explainRunMs.map((x) => (x * TICKETS) / sampled);

  // ---- report ----
  const many = best(manyMs);
  const fl = best(floorMs);
  const rate = TICKETS / (many / 1000);
  const ratio = many / fl;
  const perTicket = (ms: number) => fmtNs((ms * 1e6) / TICKETS);
  const partBest = perPart.map(best);
  console.log(`\nTime for all ${num(TICKETS)} tickets (one call per preset, summed); best of ${RUNS} runs after a warm-up run, gc before each run\n`);
  console.log(
    table(
      ['measured', 'best run (ms)', 'tickets/s', 'ns/ticket', 'all runs (ms)'],
      [
        ['measureMany', num(many, 1), num(rate), perTicket(many), manyMs.map((x) => num(x)).join(', ')],
        ...parts.map((p, i) => [`  of which ${p.w.name} (${num(p.w.tickets.length)})`, num(partBest[i]!, 1), num(p.w.tickets.length / (partBest[i]! / 1000)), fmtNs((partBest[i]! * 1e6) / p.w.tickets.length), perPart[i]!.map((x) => num(x)).join(', ')]),
        ['floor (raw calendar calls)', num(fl, 1), num(TICKETS / (fl / 1000)), perTicket(fl), floorMs.map((x) => num(x)).join(', ')],
        ['measure() in a loop', num(best(loopMs), 1), num(TICKETS / (best(loopMs) / 1000)), perTicket(best(loopMs)), loopMs.map((x) => num(x)).join(', ')],
        [`measureMany, explain: true (1 ticket in ${EXPLAIN_EVERY}, scaled)`, num(best(explainMs), 1), num(TICKETS / (best(explainMs) / 1000)), perTicket(best(explainMs)), explainMs.map((x) => num(x)).join(', ')],
        ['measureMany, first (cold) run', num(coldMs, 1), num(TICKETS / (coldMs / 1000)), perTicket(coldMs), '—'],
      ],
    ),
  );
  console.log('\nRatios against the targets\n');
  console.log(
    table(
      ['measured', 'result', 'target', 'verdict'],
      [
        ['measureMany throughput', `${num(rate)} tickets/s`, `≥ ${num(TARGET_RATE)} tickets/s`, rate >= TARGET_RATE ? 'met' : `MISSED (${fmtRatio(TARGET_RATE / rate)} short)`],
        ['measureMany / floor', fmtRatio(ratio), `≤ ${TARGET_FLOOR_RATIO}×`, ratio <= TARGET_FLOOR_RATIO ? 'met' : `MISSED by ${fmtRatio(ratio / TARGET_FLOOR_RATIO)}`],
        ['peak RSS of the process', fmtBytes(peakRss), `< ${fmtBytes(TARGET_BYTES)}`, peakRss < TARGET_BYTES ? 'met' : 'MISSED'],
        ['measure() loop / measureMany', fmtRatio(best(loopMs) / many), 'information', '—'],
        ['explain / measureMany', fmtRatio(best(explainMs) / many), 'information', '—'],
      ],
    ),
  );
  console.log('\nMemory (growth of heapUsed + arrayBuffers after two gc; RSS from the OS)\n');
  console.log(
    table(
      ['measured', 'bytes', 'per ticket'],
      [
        [`input tickets (${num(TICKETS * EVENTS_PER_TICKET)} events)`, fmtBytes(inputBytes), `${num(inputBytes / TICKETS)} B`],
        [`results (${num(measured)} measured targets)`, fmtBytes(resultBytes), `${num(resultBytes / TICKETS)} B`],
        ['peak RSS after the measureMany runs', fmtBytes(peakRss), '—'],
        ['RSS with input and results alive', fmtBytes(rss), '—'],
      ],
    ),
  );
  console.log(`\nstates      ${Object.entries(states).sort().map(([k, n]) => `${k} ${num(n)}`).join(', ')}`);
  console.log(`floor       ${num(clocks)} clocks with a target; elapsed and due equal to measureMany's for ${num(agree)}/${num(measured)}`);
  console.log(`explain     timed on ${num(sampled)} tickets (${explainRunMs.map((x) => num(x)).join(', ')} ms per run); ${num(spans)} spans for their ${num(explained)} measured targets (${num(spans / explained, 1)} per target)`);
  console.log(`checksum    ${sink.checksum}`);
  console.log(`total       ${num(msSince(started) / 1000, 1)} s`);
}
