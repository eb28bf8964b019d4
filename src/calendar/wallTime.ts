import type { Zone } from 'luxon';
import { MS_PER_MINUTE } from '../internal/civil.js';
import { upperBound } from '../internal/search.js';

/**
 * The zone's UTC offsets over a span of time: `offsets[i]` (ms) applies from `from[i]`
 * (inclusive) until `from[i + 1]`. Built once per calendar chunk so that resolving wall times is
 * plain arithmetic afterwards.
 * @internal
 */
export interface OffsetTable {
  readonly from: readonly number[];
  readonly offsets: readonly number[];
}

/** Sampling step when looking for transitions; zones never change offset twice within it. */
const STEP_MS = 6 * 3_600_000;

function offsetMs(zone: Zone, at: number): number {
  return Math.round(zone.offset(at) * MS_PER_MINUTE);
}

/**
 * Finds every offset transition of `zone` in `[start, end]`, to the millisecond.
 * @internal
 */
export function buildOffsetTable(zone: Zone, start: number, end: number): OffsetTable {
  let current = offsetMs(zone, start);
  const from = [-Infinity];
  const offsets = [current];
  if (zone.isUniversal) return { from, offsets };
  let lo = start;
  while (lo < end) {
    const hi = Math.min(lo + STEP_MS, end);
    let next = offsetMs(zone, hi);
    // Bisect every change between lo and hi (a step can hold more than one in theory).
    while (next !== current) {
      let a = lo;
      let b = hi;
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (offsetMs(zone, mid) === current) a = mid;
        else b = mid;
      }
      current = offsetMs(zone, b);
      from.push(b);
      offsets.push(current);
      lo = b;
      next = offsetMs(zone, hi);
    }
    lo = hi;
  }
  return { from, offsets };
}

/** Offset (ms) in force at instant `at`. @internal */
export function offsetAt(table: OffsetTable, at: number): number {
  return table.offsets[upperBound(table.from, at) - 1]!;
}

/** Largest distance between an instant and its wall-clock reading (UTC−12 … UTC+14, with margin). */
const MAX_OFFSET_MS = 15 * 3_600_000;

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
