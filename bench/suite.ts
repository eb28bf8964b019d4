/** The benchmark proper: run by calendar.bench.ts in a child with --expose-gc and TZ=Europe/Madrid. */
import { type BusinessCalendar } from '../src/index.js';
import { makeBaseline, type Baseline } from './baseline.js';
import { makeBucketBaseline } from './bucketBaseline.js';
import { measureColdCosts } from './coldCosts.js';
import { loadBundledLibrary } from './bundle.js';
import { type Competitor, dayjsBusinessTime, luxonBusinessDays, momentBusinessTime } from './competitors.js';
import {
  type Agreement,
  agreement,
  type BinaryOp,
  compute,
  fmtNs,
  fmtRatio,
  type SlowTiming,
  sink,
  table,
  timeFast,
  timeSlow,
} from './harness.js';
import { printMachine } from './machine.js';
import { fmtBytes, measureMemory, touchTenYears } from './memory.js';
import {
  DEFINITION,
  HOUR,
  holidayDates,
  makeCalendar,
  makeWorkload,
  N,
  type Op,
  OPS,
  RANGE_END,
  RANGE_START,
  SEED,
  SUBSAMPLE,
  type Workload,
  ZONE,
} from './workload.js';

const H2 = 2 * HOUR;
const H12 = 12 * HOUR;

/** The two argument arrays of each operation (the second is unused by the `add` ops). */
function argsOf(op: Op, w: Workload): [Float64Array, Float64Array] {
  if (op === 'between (long pairs)') return [w.longFrom, w.longTo];
  if (op === 'between (≤ 7 d pairs)') return [w.xs, w.shortTo];
  return [w.xs, w.xs];
}

/** One full pass per op over the N inputs. Each loop is its own function so each call site stays monomorphic. */
function supportPolicyPasses(cal: BusinessCalendar, w: Workload): Record<Op, () => number> {
  const { xs, longFrom, longTo, shortTo } = w;
  return {
    'add 2 h': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.add(xs[i]!, H2);
      return s;
    },
    'add 12 h': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.add(xs[i]!, H12);
      return s;
    },
    'add 3 business days': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.addBusinessDays(xs[i]!, 3);
      return s;
    },
    'between (long pairs)': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.between(longFrom[i]!, longTo[i]!);
      return s;
    },
    'between (≤ 7 d pairs)': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.between(xs[i]!, shortTo[i]!);
      return s;
    },
  };
}

/** The same loops for the bundled build: a separate function literal, so its call sites have their own feedback. */
function bundledPasses(cal: BusinessCalendar, w: Workload): Record<Op, () => number> {
  const { xs, longFrom, longTo, shortTo } = w;
  return {
    'add 2 h': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.add(xs[i]!, H2);
      return s;
    },
    'add 12 h': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.add(xs[i]!, H12);
      return s;
    },
    'add 3 business days': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.addBusinessDays(xs[i]!, 3);
      return s;
    },
    'between (long pairs)': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.between(longFrom[i]!, longTo[i]!);
      return s;
    },
    'between (≤ 7 d pairs)': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += cal.between(xs[i]!, shortTo[i]!);
      return s;
    },
  };
}

function baselinePasses(b: Baseline, w: Workload): Record<Op, () => number> {
  const { xs, longFrom, longTo, shortTo } = w;
  return {
    'add 2 h': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.add(xs[i]!, H2);
      return s;
    },
    'add 12 h': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.add(xs[i]!, H12);
      return s;
    },
    'add 3 business days': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.addBusinessDays(xs[i]!, 3);
      return s;
    },
    'between (long pairs)': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.between(longFrom[i]!, longTo[i]!);
      return s;
    },
    'between (≤ 7 d pairs)': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.between(xs[i]!, shortTo[i]!);
      return s;
    },
  };
}

/** The same loops for the bucket baseline, again a function literal of its own. */
function bucketBaselinePasses(b: Baseline, w: Workload): Record<Op, () => number> {
  const { xs, longFrom, longTo, shortTo } = w;
  return {
    'add 2 h': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.add(xs[i]!, H2);
      return s;
    },
    'add 12 h': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.add(xs[i]!, H12);
      return s;
    },
    'add 3 business days': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.addBusinessDays(xs[i]!, 3);
      return s;
    },
    'between (long pairs)': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.between(longFrom[i]!, longTo[i]!);
      return s;
    },
    'between (≤ 7 d pairs)': () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += b.between(xs[i]!, shortTo[i]!);
      return s;
    },
  };
}

function singleCalls(o: {
  add(t: number, d: number): number;
  between(a: number, b: number): number;
  addBusinessDays(t: number, n: number): number;
}): Record<Op, BinaryOp> {
  return {
    'add 2 h': (a) => o.add(a, H2),
    'add 12 h': (a) => o.add(a, H12),
    'add 3 business days': (a) => o.addBusinessDays(a, 3),
    'between (long pairs)': (a, b) => o.between(a, b),
    'between (≤ 7 d pairs)': (a, b) => o.between(a, b),
  };
}

const fmtAgree = (a: Agreement): string =>
  a.exact === a.withinMinute ? `${a.exact}/${a.checked}` : `${a.exact}/${a.checked} (±1 min: ${a.withinMinute})`;

const WARM_FROM = Date.UTC(2024, 0, 1);
const WARM_TO = Date.UTC(2029, 0, 1);
/** Builds every chunk the workload reaches (2024–2028) so no timed call builds tables. */
function warm(cal: BusinessCalendar): void {
  for (let t = WARM_FROM; t < WARM_TO; t += 5 * 24 * HOUR) cal.isOpen(t);
}

const ms = (t0: bigint) => (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0);

export async function run(): Promise<void> {
  const started = process.hrtime.bigint();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  printMachine('support-policy calendar benchmark');
  console.log(
    `process TZ  ${process.env.TZ ?? '(unset)'}; Jan/Jul offset ${-new Date(2026, 0, 1).getTimezoneOffset()}/${-new Date(2026, 6, 1).getTimezoneOffset()} min`,
  );

  const w = makeWorkload();
  const cal = makeCalendar();
  const holidays = holidayDates(cal);
  console.log(
    `workload    ${N.toLocaleString('en-US')} instants, mulberry32 seed 0x${SEED.toString(16)}, uniform over [${new Date(RANGE_START).toISOString()}, ${new Date(RANGE_END).toISOString()})`,
  );
  console.log(
    `calendar    Mon–Fri 08:00–18:00 ${ZONE}, ${holidays.length} national holidays 2024–2030 (from cal.holidaysIn)`,
  );
  console.log(`competitors timed on the first ${SUBSAMPLE.toLocaleString('en-US')} instants (≤ 3 s per cell)`);

  // Cold costs first, while every zone they time is new to the process.
  const cold = measureColdCosts();
  for (const line of cold) console.log(`cold        ${line}`);

  let t0 = process.hrtime.bigint();
  warm(cal);
  console.log(`tables      chunks for 2024–2028 built in ${ms(t0)} ms (untimed warm-up)`);
  t0 = process.hrtime.bigint();
  const base = makeBaseline({
    zone: ZONE,
    week: DEFINITION.week as Record<number, [string, string][]>,
    holidays,
    fromYear: 2024,
    toYear: 2030,
  });
  console.log(`baseline    ${base.starts.length} intervals (2024–2030) built with luxon in ${ms(t0)} ms`);
  const buckets = makeBucketBaseline({
    zone: ZONE,
    week: DEFINITION.week as Record<number, [string, string][]>,
    holidays,
    fromYear: 2024,
    toYear: 2030,
  });
  const loaded = await loadBundledLibrary();
  const bundled = 'lib' in loaded ? loaded.lib.compileCalendar(DEFINITION) : undefined;
  if (bundled !== undefined) warm(bundled);
  console.log(`bundled     ${'lib' in loaded ? loaded.note : `skipped: ${loaded.error}`}\n`);

  // Reference results (support-policy from src) and the agreement of the fast implementations, on all N.
  const spCalls = singleCalls(cal);
  const ref = new Map<Op, Float64Array>();
  const fastAgree = new Map<string, Agreement>();
  for (const op of OPS) {
    const [as, bs] = argsOf(op, w);
    const r = compute(spCalls[op], as, bs, N);
    ref.set(op, r);
    fastAgree.set(`baseline|${op}`, agreement(r, compute(singleCalls(base)[op], as, bs, N), N));
    fastAgree.set(`bucket baseline|${op}`, agreement(r, compute(singleCalls(buckets)[op], as, bs, N), N));
    if (bundled !== undefined)
      fastAgree.set(`bundled|${op}`, agreement(r, compute(singleCalls(bundled)[op], as, bs, N), N));
  }

  // support-policy (src, bundled) and baseline: every op on all N instants, 5 rounds of ≥ 200 ms, median.
  const passes: [string, Record<Op, () => number>][] = [
    ['support-policy', supportPolicyPasses(cal, w)],
    ...(bundled !== undefined
      ? [['support-policy (bundled)', bundledPasses(bundled, w)] as [string, Record<Op, () => number>]]
      : []),
    ['baseline', baselinePasses(base, w)],
    ['bucket baseline', bucketBaselinePasses(buckets, w)],
  ];
  const fastNs = new Map<string, number>();
  for (const op of OPS) {
    const line: string[] = [];
    for (const [name, p] of passes) {
      const t = timeFast(p[op], N);
      fastNs.set(`${name}|${op}`, t.nsPerCall);
      line.push(`${name} ${fmtNs(t.nsPerCall)}`);
    }
    console.log(`  timed ${op}: ${line.join(', ')} ns`);
  }

  // Memory of a calendar whose tables cover 2025–2034 (after the main calendar warmed shared caches).
  touchTenYears(cal);
  const mem = measureMemory(makeCalendar, gc);

  // Competitors, on the subsample.
  const competitors: Competitor[] = [
    momentBusinessTime(holidays),
    dayjsBusinessTime(holidays),
    luxonBusinessDays(holidays),
  ];
  const slow = new Map<string, SlowTiming>();
  for (const c of competitors) {
    for (const op of OPS) {
      const f = c.ops[op];
      if (typeof f === 'string') continue;
      const [as, bs] = argsOf(op, w);
      const t = timeSlow(f, as, bs, SUBSAMPLE);
      slow.set(`${c.name}|${op}`, t);
      console.log(`  timed ${op}: ${c.name} ${fmtNs(t.nsPerCall)} ns (${t.calls} calls, first ${t.computed} checked)`);
    }
  }

  // ---- report ----
  const fastNames = passes.map(([name]) => name);
  const rows: string[][] = [];
  const ratioRows: string[][] = [];
  const agreeRows: string[][] = [];
  const notes: string[] = [];
  const vsTarget = (r: number) => `${fmtRatio(r)} ${r <= 2 ? 'met' : `MISSED by ${fmtRatio(r / 2)}`}`;
  for (const op of OPS) {
    const sp = fastNs.get(`support-policy|${op}`)!;
    const bl = fastNs.get(`baseline|${op}`)!;
    const bb = fastNs.get(`bucket baseline|${op}`)!;
    const row = [op, ...fastNames.map((name) => fmtNs(fastNs.get(`${name}|${op}`)!))];
    const arow = [
      op,
      ...['baseline', 'bucket baseline', ...(bundled !== undefined ? ['bundled'] : [])].map((k) =>
        fmtAgree(fastAgree.get(`${k}|${op}`)!),
      ),
    ];
    let fastest = Infinity;
    let fastestName = '';
    for (const c of competitors) {
      const f = c.ops[op];
      if (typeof f === 'string') {
        row.push('n/a');
        arow.push('n/a');
        notes.push(`${c.name} — ${op}: n/a, ${f}`);
        continue;
      }
      const t = slow.get(`${c.name}|${op}`)!;
      row.push(fmtNs(t.nsPerCall));
      const a = agreement(ref.get(op)!, t.results, t.computed);
      arow.push(fmtAgree(a) + (t.errors > 0 ? `, ${t.errors} threw` : ''));
      if (t.nsPerCall < fastest) {
        fastest = t.nsPerCall;
        fastestName = c.name;
      }
    }
    rows.push(row);
    agreeRows.push(arow);
    const r2 = fastest / sp;
    const bundledNs = fastNs.get(`support-policy (bundled)|${op}`);
    ratioRows.push([
      op,
      vsTarget(sp / bl),
      bundledNs === undefined ? 'n/a' : vsTarget(bundledNs / bl),
      fmtRatio(sp / bb),
      fastestName === '' ? 'n/a' : `${fmtRatio(r2)} ${r2 >= 200 ? 'met' : `MISSED (${fmtRatio(200 / r2)} short)`}`,
      fastestName || '—',
    ]);
  }
  console.log(
    '\nTime per call, ns (support-policy, bundled and both baselines: all 100,000 instants, median of 5 rounds ≥ 200 ms;',
  );
  console.log(`competitors: first ${SUBSAMPLE} instants, passes until ≥ 200 ms or a 3 s budget)\n`);
  console.log(table(['operation', ...fastNames, ...competitors.map((c) => c.name)], rows));
  console.log('\nRatios against the targets (support-policy = src run through tsx, as imported by this file)\n');
  console.log(
    table(
      [
        'operation',
        'support-policy / baseline (≤ 2×)',
        'bundled / baseline (≤ 2×)',
        'support-policy / bucket baseline',
        'fastest competitor / support-policy (≥ 200×)',
        'fastest competitor',
      ],
      ratioRows,
    ),
  );
  console.log(
    `\nAgreement with support-policy, exact ms (both baselines, bundled: all ${N.toLocaleString('en-US')}; competitors: the instants they were timed on)\n`,
  );
  console.log(
    table(
      [
        'operation',
        'baseline',
        'bucket baseline',
        ...(bundled !== undefined ? ['bundled'] : []),
        ...competitors.map((c) => c.name),
      ],
      agreeRows,
    ),
  );
  console.log('\nNot expressible:');
  for (const n of notes) console.log(`  - ${n}`);
  console.log(`\nVersions: ${competitors.map((c) => `${c.name} ${c.version}`).join(', ')}`);
  const m = mem.single;
  const a = mem.mean;
  console.log(
    '\nMemory of one compiled calendar with tables for 2025–2034 (growth of heapUsed + arrayBuffers, after gc):',
  );
  console.log(
    `  one calendar:          ${fmtBytes(m.totalBytes)} (heap ${fmtBytes(m.heapBytes)}, array buffers ${fmtBytes(m.arrayBufferBytes)})`,
  );
  console.log(
    `  mean of ${mem.batch} calendars:   ${fmtBytes(a.totalBytes)} (heap ${fmtBytes(a.heapBytes)}, array buffers ${fmtBytes(a.arrayBufferBytes)})`,
  );
  console.log(`  target < 2 MB:         ${Math.max(m.totalBytes, a.totalBytes) < 2 * 1_048_576 ? 'met' : 'MISSED'}`);
  console.log('\nCold costs (measured first, before anything else used a zone; medians, wall clock and CPU):');
  for (const line of cold) console.log(`  ${line}`);
  console.log(`\nchecksum ${sink.checksum}; total ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
}
