import type { InstantLike } from '../instant.js';
import { type CalendarTables, chunkIndexOf, intervalAt } from './tables.js';

/**
 * An open period `[start, end)` of a calendar.
 * @category Calendar
 */
export interface OpenInterval<T extends InstantLike = number> {
  /** The opening (inside the period). */
  readonly start: T;
  /** The closing (outside the period). */
  readonly end: T;
}

/**
 * The open periods intersecting `[from, to)`, clipped to it, in order; periods that touch are
 * joined. Empty when `to ≤ from`.
 * @internal
 */
export function openIntervals(tables: CalendarTables, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (to <= from) return out;
  const lastIndex = chunkIndexOf(to - 1);
  for (let k = chunkIndexOf(from); k <= lastIndex; k++) {
    const c = tables.chunk(k);
    let i = Math.max(0, intervalAt(c, from));
    for (; i < c.count && c.starts[i]! < to; i++) {
      const start = Math.max(c.starts[i]!, from);
      const end = Math.min(c.ends[i]!, to);
      if (end <= start) continue;
      const prev = out[out.length - 1];
      if (prev !== undefined && prev.end === start) prev.end = end;
      else out.push({ start, end });
    }
  }
  return out;
}
