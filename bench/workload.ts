/**
 * The benchmark workload: one calendar (Mon–Fri 08:00–18:00 Europe/Madrid, Spain's national
 * holidays), one seeded set of random instants, and the pairs used by `between`.
 */
import {
  type BusinessCalendar,
  type CalendarDefinition,
  compileCalendar,
  spainNationalHolidays,
} from '../src/index.js';

export const ZONE = 'Europe/Madrid';
export const OPEN = '08:00';
export const CLOSE = '18:00';
const day = [[OPEN, CLOSE]] as [string, string][];

export const DEFINITION: CalendarDefinition = {
  zone: ZONE,
  week: { 1: day, 2: day, 3: day, 4: day, 5: day },
  holidays: [spainNationalHolidays],
};

export const makeCalendar = (): BusinessCalendar => compileCalendar(DEFINITION);

/** Number of random instants every implementation sees. */
export const N = 100_000;
/** Instants `[0, SUBSAMPLE)` are the ones the (slow) competitors are timed and checked on. */
export const SUBSAMPLE = 2_000;
/** Uniform over [2025-01-01T00:00Z, 2028-01-01T00:00Z): the whole of 2025, 2026 and 2027. */
export const RANGE_START = Date.UTC(2025, 0, 1);
export const RANGE_END = Date.UTC(2028, 0, 1);
export const SEED = 0x5eed2026;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Upper bound of the span of the short `between` pairs. */
export const SHORT_SPAN = 7 * DAY;

/** mulberry32: a small, fast, seeded 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A uniform double in [0, 1) with 53 random bits, from two 32-bit draws. */
function uniform53(next: () => number): number {
  return ((next() >>> 5) * 67_108_864 + (next() >>> 6)) / 9_007_199_254_740_992;
}

export interface Workload {
  /** The random instants, epoch ms (whole milliseconds). */
  readonly xs: Float64Array;
  /** `between`, long pairs: `lo[i] = min(xs[i], xs[i+1])`, `hi[i] = max(...)` (index wraps). */
  readonly longFrom: Float64Array;
  readonly longTo: Float64Array;
  /** `between`, short pairs: `xs[i]` → `xs[i] + u·7 days` (u uniform in [0, 1), same PRNG). */
  readonly shortTo: Float64Array;
}

export function makeWorkload(): Workload {
  const next = mulberry32(SEED);
  const span = RANGE_END - RANGE_START;
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = RANGE_START + Math.floor(uniform53(next) * span);
  const longFrom = new Float64Array(N);
  const longTo = new Float64Array(N);
  const shortTo = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const a = xs[i]!;
    const b = xs[(i + 1) % N]!;
    longFrom[i] = a < b ? a : b;
    longTo[i] = a < b ? b : a;
    shortTo[i] = a + Math.floor(uniform53(next) * SHORT_SPAN);
  }
  return { xs, longFrom, longTo, shortTo };
}

/** Holiday dates ('YYYY-MM-DD') of 2024–2030, taken from the library's own calendar. */
export function holidayDates(cal: BusinessCalendar, from = 2024, to = 2030): string[] {
  const out: string[] = [];
  for (let y = from; y <= to; y++) for (const h of cal.holidaysIn(y)) out.push(h.date);
  return out;
}

/** The operations measured, in table order. */
export const OPS = [
  'add 2 h',
  'add 12 h',
  'add 3 business days',
  'between (long pairs)',
  'between (≤ 7 d pairs)',
] as const;
export type Op = (typeof OPS)[number];
