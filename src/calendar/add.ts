import { type CalendarTables, instantAtOpenTime, intervalAt } from './tables.js';

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
  let i = intervalAt(c, at);
  let target = durationMs;
  if (i >= 0) {
    const e = c.ends[i]!;
    target += c.cum[i]! + (at < e ? at : e) - c.starts[i]!;
  } else i = 0;
  if (target > c.total) {
    // Later years are measured by their open time alone; only the year reached is needed whole.
    target -= c.total;
    let k = tables.nextOpenIndex(c.index, 1);
    for (; target > tables.totalOf(k); k = tables.nextOpenIndex(k, 1)) target -= tables.totalOf(k);
    c = tables.chunk(k);
    i = 0;
  }
  return instantAtOpenTime(c, target, i);
}
