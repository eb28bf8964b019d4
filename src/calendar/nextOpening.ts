import { type CalendarTables, intervalAt } from './tables.js';

/**
 * The first instant ≥ `at` at which the calendar is open: `at` itself when open.
 * @throws CalculationError `never_open` when the bounded search finds no opening.
 * @internal
 */
export function nextOpening(tables: CalendarTables, at: number): number {
  tables.assertCanOpen();
  const c = tables.chunkAt(at);
  const i = intervalAt(c, at);
  if (i >= 0 && at < c.ends[i]!) return at;
  if (i + 1 < c.count) return c.starts[i + 1]!;
  return tables.nextOpenChunk(c.index, 1).starts[0]!;
}
