import { upperBound } from '../internal/search.js';
import { openTimeBefore, type CalendarTables } from './tables.js';

/**
 * The latest instant `x ≤ at` with exactly `durationMs` (≥ 0) of open time in `[x, at)`: an
 * opening rather than the previous closing. `subtract(add(t, d), d) = t` whenever `t` is open.
 * @throws CalculationError `never_open` when the bounded search finds too little open time.
 * @internal
 */
export function subtract(tables: CalendarTables, at: number, durationMs: number): number {
  if (durationMs === 0) return at;
  tables.assertCanOpen();
  let c = tables.chunkAt(at);
  let target = openTimeBefore(c, at) - durationMs;
  if (target < 0) {
    // Earlier years are measured by their open time alone; only the year reached is needed whole.
    let k = c.index;
    do {
      k = tables.nextOpenIndex(k, -1);
      target += tables.totalOf(k);
    } while (target < 0);
    c = tables.chunk(k);
  }
  // Largest i with cum[i] ≤ target: the instant lies in interval i, at or after its opening.
  const i = upperBound(c.cum, target, c.count) - 1;
  return c.starts[i]! + (target - c.cum[i]!);
}
