import { upperBound } from '../internal/search.js';
import { add } from './add.js';
import { between } from './between.js';
import { nextOpening } from './nextOpening.js';
import type { CalendarTables, Chunk } from './tables.js';

/**
 * Adds `days` (≥ 0) business days to `at`.
 *
 * Let `s` be the first open instant ≥ `at`, on business day D (the business day with the latest
 * first opening at or before `s`: the date whose interval `s` lies in), at open-time offset `o`
 * from D's first opening. The result is the instant at offset `o` on the `days`-th business day
 * after D, clamped to that day's last closing when that day is shorter. When `o = 0` the same
 * point of business time is reached earlier, at the last closing of the (`days` − 1)-th business
 * day after D. `days = 0` gives `s`.
 * @internal
 */
export function addBusinessDays(tables: CalendarTables, at: number, days: number): number {
  const s = nextOpening(tables, at);
  if (days === 0) return s;
  let c: Chunk = tables.chunkAt(s);
  let j = upperBound(c.dayOpen, s, c.dayCount) - 1;
  // The interval holding s opened at most two days before s, so D is in this chunk or the one before.
  if (j < 0) {
    c = tables.nextOpenChunk(c.index, -1, true);
    j = c.dayCount - 1;
  }
  const offset = between(tables, c.dayOpen[j]!, s);
  let steps = offset === 0 ? days - 1 : days;
  while (j + steps >= c.dayCount) {
    steps -= c.dayCount - j;
    c = tables.nextOpenChunk(c.index, 1, true);
    j = 0;
  }
  j += steps;
  const close = c.dayClose[j]!;
  if (offset === 0) return close;
  const reached = add(tables, c.dayOpen[j]!, offset);
  return reached < close ? reached : close;
}
