import { chunkIndexOf, openTimeBefore, type CalendarTables } from './tables.js';

/**
 * Open time in `[from, to)`, in ms; negative when `to < from` (antisymmetric).
 * `between(a, add(a, d)) = d`, and `between(a, c) = between(a, b) + between(b, c)`.
 * @internal
 */
export function between(tables: CalendarTables, from: number, to: number): number {
  if (to < from) return 0 - between(tables, to, from) || 0; // never -0
  const first = tables.chunkAt(from);
  if (to < first.end) return openTimeBefore(first, to) - openTimeBefore(first, from);
  let sum = first.total - openTimeBefore(first, from);
  const lastIndex = chunkIndexOf(to);
  for (let k = first.index + 1; k < lastIndex; k++) sum += tables.totalOf(k);
  return sum + openTimeBefore(tables.chunk(lastIndex), to);
}
