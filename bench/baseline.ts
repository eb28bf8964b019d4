/**
 * The plain baseline: every open interval of 2024–2030 precomputed as epoch ms (wall times
 * resolved with luxon in the calendar's zone), prefix sums of open time, and binary search.
 * One flat array for all seven years: no validation, no lazy building, no chunks, no instant
 * conversion. Plain closures over typed arrays (no class, no `this`), the shape V8 optimises best.
 * Semantics follow SPEC.md §1 (add, between, addBusinessDays); wall times that fall in a DST gap
 * or overlap are not handled (08:00 and 18:00 never do in Europe/Madrid).
 */
import { DateTime } from 'luxon';

export interface BaselineOptions {
  readonly zone: string;
  /** ISO weekday (1 = Monday) → list of [opening, closing] as "HH:MM", closing after opening. */
  readonly week: Readonly<Record<number, readonly (readonly [string, string])[]>>;
  /** Closed dates, 'YYYY-MM-DD'. */
  readonly holidays: readonly string[];
  readonly fromYear: number;
  readonly toYear: number;
}

export interface Baseline {
  /** Interval openings / closings, ascending and disjoint; `cum[i]` = open ms before `starts[i]`. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly cum: Float64Array;
  /** First opening and last closing of each business day, ascending. */
  readonly dayOpen: Float64Array;
  readonly dayClose: Float64Array;
  /** Earliest instant at which `d` ms of open time have elapsed since `t`. */
  add(t: number, d: number): number;
  /** Open ms in [a, b); negative when b < a. */
  between(a: number, b: number): number;
  /** SPEC §1: the same open-time offset into the n-th business day after D, clamped to its closing. */
  addBusinessDays(t: number, n: number): number;
}

/** Every business day's intervals, in order, resolved to epoch ms with luxon. */
function buildIntervals(o: BaselineOptions) {
  const closed = new Set(o.holidays);
  const starts: number[] = [];
  const ends: number[] = [];
  const dayOpen: number[] = [];
  const dayClose: number[] = [];
  const wall = (d: DateTime, hhmm: string): number =>
    d.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) }).toMillis();
  let d = DateTime.fromObject({ year: o.fromYear, month: 1, day: 1 }, { zone: o.zone });
  while (d.year <= o.toYear) {
    const spans = o.week[d.weekday] ?? [];
    if (spans.length > 0 && !closed.has(d.toISODate() ?? '')) {
      for (const [a, b] of spans) {
        starts.push(wall(d, a));
        ends.push(wall(d, b));
      }
      dayOpen.push(starts[starts.length - spans.length]!);
      dayClose.push(ends[ends.length - 1]!);
    }
    d = d.plus({ days: 1 });
  }
  return { starts, ends, dayOpen, dayClose };
}

export function makeBaseline(o: BaselineOptions): Baseline {
  const raw = buildIntervals(o);
  const starts = Float64Array.from(raw.starts);
  const ends = Float64Array.from(raw.ends);
  const dayOpen = Float64Array.from(raw.dayOpen);
  const dayClose = Float64Array.from(raw.dayClose);
  const n = starts.length;
  const days = dayOpen.length;
  const cum = new Float64Array(n);
  for (let i = 0, sum = 0; i < n; i++) {
    cum[i] = sum;
    sum += ends[i]! - starts[i]!;
  }

  /** Index of the last interval opening at or before t (-1 if none). */
  const intervalAt = (t: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  /** Open ms from the first interval to t. */
  const openBefore = (t: number): number => {
    const i = intervalAt(t);
    if (i < 0) return 0;
    const e = ends[i]!;
    return cum[i]! + (t < e ? t : e) - starts[i]!;
  };
  /** Instant at which `target` open ms (counted from the first interval) have elapsed; search from interval `from`. */
  const instantAt = (target: number, from: number): number => {
    // Largest i with cum[i] < target: the interval in which the target is reached.
    let lo = from < 0 ? 0 : from;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    const r = starts[i]! + (target - cum[i]!);
    if (!(r <= ends[i]!)) throw new RangeError('baseline: result past the precomputed years');
    return r;
  };
  const add = (t: number, d: number): number => {
    if (d === 0) return t;
    const i = intervalAt(t);
    if (i < 0) return instantAt(d, 0);
    const e = ends[i]!;
    return instantAt(cum[i]! + (t < e ? t : e) - starts[i]! + d, i);
  };
  const between = (a: number, b: number): number => openBefore(b) - openBefore(a);
  const addBusinessDays = (t: number, days_: number): number => {
    const i = intervalAt(t);
    const s = i >= 0 && t < ends[i]! ? t : starts[i + 1]!; // first open instant >= t
    if (days_ === 0) return s;
    let lo = 0;
    let hi = days;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dayOpen[mid]! <= s) lo = mid + 1;
      else hi = mid;
    }
    const j = lo - 1; // business day D holding s
    const offset = between(dayOpen[j]!, s);
    const k = j + (offset === 0 ? days_ - 1 : days_);
    const close = dayClose[k]!;
    if (offset === 0) return close;
    const reached = add(dayOpen[k]!, offset);
    return reached < close ? reached : close;
  };
  return { starts, ends, cum, dayOpen, dayClose, add, between, addBusinessDays };
}
