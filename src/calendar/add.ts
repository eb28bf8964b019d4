import { instantAtOpenTime, openTimeBefore, type CalendarTables } from './tables.js';

/**
 * The earliest instant at which `durationMs` (≥ 0) of open time has elapsed since `at`.
 * `add(t, 0) = t`; a deadline reached exactly at a closing is that closing.
 * @throws CalculationError `never_open` when the bounded search finds too little open time.
 * @internal
 */
export function add(tables: CalendarTables, at: number, durationMs: number): number {
  if (durationMs === 0) return at;
  tables.assertCanOpen();
  let c = tables.chunkAt(at);
  let target = openTimeBefore(c, at) + durationMs;
  while (target > c.total) {
    target -= c.total;
    c = tables.nextOpenChunk(c.index, 1);
  }
  return instantAtOpenTime(c, target);
}
