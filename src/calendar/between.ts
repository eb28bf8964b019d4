import { openTimeBefore, type CalendarTables } from './tables.js';

/**
 * Open time in `[from, to)`, in ms; negative when `to < from` (antisymmetric).
 * `between(a, add(a, d)) = d`, and `between(a, c) = between(a, b) + between(b, c)`.
 * @internal
 */
export function between(tables: CalendarTables, from: number, to: number): number {
  if (to < from) return 0 - between(tables, to, from) || 0; // never -0
  const first = tables.chunkAt(from);
  const last = tables.chunkAt(to);
  // The open time before `to` in its year, less that before `from` in its own, plus the open
  // time of every year from `from`'s up to `to`'s (none when both lie in the same year).
  let sum = openTimeBefore(last, to) - openTimeBefore(first, from);
  for (let k = first.index; k < last.index; k++) sum += tables.totalOf(k);
  return sum;
}
