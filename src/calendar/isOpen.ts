import { upperBound } from '../internal/search.js';
import type { CalendarTables } from './tables.js';

/**
 * Whether the calendar is open at instant `at`: some interval `[opening, closing)` contains it.
 * Openings are inside, closings outside.
 * @internal
 */
export function isOpen(tables: CalendarTables, at: number): boolean {
  const c = tables.chunkAt(at);
  const i = upperBound(c.starts, at, c.count) - 1;
  return i >= 0 && at < c.ends[i]!;
}
