/** Timing, agreement and table helpers of the benchmark. */

const now = (): bigint => process.hrtime.bigint();
const msSince = (t0: bigint): number => Number(now() - t0) / 1e6;

/** A sink for checksums, printed at the end so no timed work can be optimised away. */
export const sink = { checksum: 0 };

export interface FastTiming {
  /** Median over rounds of ns per call. */
  readonly nsPerCall: number;
  readonly roundsNs: readonly number[];
  readonly calls: number;
}

/**
 * Times a fast operation: `pass` makes `callsPerPass` calls and returns a checksum. Three untimed
 * passes warm up; then `rounds` rounds each repeat whole passes for at least `minMs`.
 */
export function timeFast(pass: () => number, callsPerPass: number, rounds = 5, minMs = 200): FastTiming {
  for (let k = 0; k < 3; k++) sink.checksum += pass();
  const roundsNs: number[] = [];
  let calls = 0;
  for (let r = 0; r < rounds; r++) {
    let passes = 0;
    const t0 = now();
    let elapsed: number;
    do {
      sink.checksum += pass();
      passes++;
      elapsed = msSince(t0);
    } while (elapsed < minMs);
    roundsNs.push((elapsed * 1e6) / (passes * callsPerPass));
    calls += passes * callsPerPass;
  }
  const sorted = [...roundsNs].sort((a, b) => a - b);
  return { nsPerCall: sorted[Math.floor(sorted.length / 2)]!, roundsNs, calls };
}

export type BinaryOp = (a: number, b: number) => number;

export interface SlowTiming {
  readonly nsPerCall: number;
  readonly calls: number;
  /** Results of the first pass, index-aligned with the inputs; NaN where the call threw. */
  readonly results: Float64Array;
  /** How many inputs the first pass reached before the time budget ran out. */
  readonly computed: number;
  readonly errors: number;
}

/**
 * Times a slow operation on the inputs `[0, count)`: a short untimed warm-up, then passes over the
 * inputs until at least `minMs` have elapsed, stopping early (mid-pass) once `budgetMs` is spent.
 * Conversions from and to epoch ms are part of `fn`, hence of the time per call.
 */
export function timeSlow(
  fn: BinaryOp,
  as: Float64Array,
  bs: Float64Array,
  count: number,
  minMs = 200,
  budgetMs = 3000,
): SlowTiming {
  const w0 = now();
  for (let i = 0; i < count && (i < 20 || msSince(w0) < 100); i++) {
    try {
      sink.checksum += fn(as[i]!, bs[i]!);
    } catch {
      /* counted in the timed pass */
    }
  }
  const results = new Float64Array(count).fill(NaN);
  let computed = 0;
  let errors = 0;
  let calls = 0;
  let pass = 0;
  const t0 = now();
  let elapsed = 0;
  outer: for (;;) {
    for (let i = 0; i < count; i++) {
      let r = NaN;
      try {
        r = fn(as[i]!, bs[i]!);
      } catch {
        if (pass === 0) errors++;
      }
      calls++;
      if (pass === 0) {
        results[i] = r;
        computed++;
      }
      if (r === r) sink.checksum += r;
      elapsed = msSince(t0);
      if (elapsed >= budgetMs || (pass > 0 && elapsed >= minMs)) break outer;
    }
    pass++;
    if (elapsed >= minMs) break;
  }
  return { nsPerCall: (elapsed * 1e6) / calls, calls, results, computed, errors };
}

/** Results of `fn` on inputs `[0, count)` (untimed), NaN where it throws. */
export function compute(fn: BinaryOp, as: Float64Array, bs: Float64Array, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    try {
      out[i] = fn(as[i]!, bs[i]!);
    } catch {
      out[i] = NaN;
    }
  }
  return out;
}

export interface Agreement {
  readonly checked: number;
  readonly exact: number;
  /** |Δ| ≤ 60 000 ms. */
  readonly withinMinute: number;
}

export function agreement(ref: Float64Array, got: Float64Array, count: number): Agreement {
  let exact = 0;
  let withinMinute = 0;
  for (let i = 0; i < count; i++) {
    const d = Math.abs(got[i]! - ref[i]!);
    if (d === 0) exact++;
    if (d <= 60_000) withinMinute++;
  }
  return { checked: count, exact, withinMinute };
}

/** ns per call, readable: "87", "1,234", "12,345,678". */
export function fmtNs(ns: number): string {
  return ns >= 100 ? Math.round(ns).toLocaleString('en-US') : ns.toFixed(1);
}

export function fmtRatio(x: number): string {
  return x >= 100 ? `${Math.round(x).toLocaleString('en-US')}×` : `${x.toFixed(2)}×`;
}

/** A pipe table (valid Markdown, readable in a terminal). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]!) : s.padStart(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
