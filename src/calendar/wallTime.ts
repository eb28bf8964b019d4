import type { OffsetReader } from '../internal/offsetReader.js';
import { upperBound } from '../internal/search.js';

/**
 * The zone's UTC offsets over a span of time: `offsets[i]` (ms) applies from `from[i]`
 * (inclusive) until `from[i + 1]`. Found once per zone and year table (and shared, see
 * `sharedOffsetTables.ts`) so that resolving wall times is plain arithmetic afterwards.
 * @internal
 */
export interface OffsetTable {
  readonly from: readonly number[];
  readonly offsets: readonly number[];
  /** How many offset readings finding the table took. */
  readonly reads: number;
}

/**
 * Sampling step of the transition finder: two days. A change can be missed only if the offset
 * comes back, within one step, to a value it had earlier in that step; in the tz database no offset
 * lasts less than four days between two equal ones (docs/decisions.md, "Offset transitions are
 * found by reading every two days"; `scripts/surveyOffsetChanges.ts` checks the running engine).
 * @internal
 */
export const OFFSET_STEP_MS = 2 * 86_400_000;

/**
 * Finds every offset transition in `[start, end]`, to the millisecond, with `read`: readings every
 * `stepMs` ({@link OFFSET_STEP_MS}), and a bisection of every change. luxon computes an offset from the instant's
 * whole second, so a transition is always a whole second and the bisection runs over seconds.
 * After each transition the search resumes from it, so several changes within one step are all
 * found as long as none brings back an offset of the same step.
 * @internal
 */
export function findOffsetTable(read: OffsetReader, start: number, end: number, stepMs = OFFSET_STEP_MS): OffsetTable {
  const step = Math.max(1, Math.floor(stepMs / 1000));
  let lo = Math.floor(start / 1000);
  const last = Math.ceil(end / 1000);
  let current = read(lo * 1000);
  let reads = 1;
  const from = [-Infinity];
  const offsets = [current];
  while (lo < last) {
    const hi = Math.min(lo + step, last);
    const next = read(hi * 1000);
    reads++;
    while (next !== current) {
      // read(lo) is `current` and read(hi) is not: bisect for the first second with another offset.
      let a = lo;
      let b = hi;
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        reads++;
        if (read(mid * 1000) === current) a = mid;
        else b = mid;
      }
      current = b === hi ? next : read(b * 1000);
      if (b !== hi) reads++;
      from.push(b * 1000);
      offsets.push(current);
      lo = b;
    }
    lo = hi;
  }
  return { from, offsets, reads };
}

/** Largest distance between an instant and its wall-clock reading (UTC−12 … UTC+14, with margin). */
const MAX_OFFSET_MS = 15 * 3_600_000;

/**
 * The offset in force throughout `[fromWallMs − 15 h, toWallMs + 15 h]`, or NaN when a transition
 * lies in it. When it is a number, every wall time `w` from `fromWallMs` to `toWallMs` resolves to
 * `w − offset` by {@link resolveWallTime}'s rule: the only segment near `w` starts more than 15 h
 * before `w` and ends more than 15 h after it, so `max(from[i], w − offsets[i])` is `w − offsets[i]`.
 * @internal
 */
export function steadyOffset(table: OffsetTable, fromWallMs: number, toWallMs: number): number {
  const { from, offsets } = table;
  const i = upperBound(from, fromWallMs - MAX_OFFSET_MS) - 1;
  return i + 1 < from.length && from[i + 1]! <= toWallMs + MAX_OFFSET_MS ? NaN : offsets[i]!;
}

/**
 * Resolves a wall-clock reading to an instant by the library's one DST rule: **the first instant
 * at which the local clock shows that time or later**.
 *
 * @remarks
 * `wallMs` is the wall-clock reading written as if it were UTC (`Date.UTC(y, m - 1, d, h, min)`).
 * In a spring-forward gap (02:30 on a day that jumps 02:00→03:00) the answer is the transition
 * instant, where the clock first shows a later time (03:00 new time). In a fall-back overlap the
 * answer is the earlier of the two instants showing that time. The same rule serves openings and
 * closings.
 *
 * Within one offset segment `[from[i], from[i+1])` the clock reads `t + offsets[i]`, so the first
 * instant there reading ≥ `wallMs` is `max(from[i], wallMs − offsets[i])`, if it lies in the segment.
 * The answer is the smallest of these over the segments near `wallMs`.
 * @internal
 */
export function resolveWallTime(table: OffsetTable, wallMs: number): number {
  const { from, offsets } = table;
  let i = Math.max(0, upperBound(from, wallMs - MAX_OFFSET_MS) - 1);
  const last = upperBound(from, wallMs + MAX_OFFSET_MS);
  let best = Infinity;
  for (; i < last; i++) {
    const segStart = from[i]!;
    const segEnd = i + 1 < from.length ? from[i + 1]! : Infinity;
    const t = Math.max(segStart, wallMs - offsets[i]!);
    if (t < segEnd && t < best) best = t;
  }
  return best;
}
