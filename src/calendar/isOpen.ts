import { type CalendarTables, intervalAt } from './tables.js';

/**
 * Whether the calendar is open at instant `at`: some interval `[opening, closing)` contains it.
 * Openings are inside, closings outside.
 * @internal
 */
export function isOpen(tables: CalendarTables, at: number): boolean {
  const c = tables.chunkAt(at);
  const i = intervalAt(c, at);
  return i >= 0 && at < c.ends[i]!;
}
