import { CalculationError } from '../errors.js';
import { type CalendarTables, type Chunk, intervalAt, MAX_EMPTY_CHUNKS } from './tables.js';

/**
 * The instant at which the open period containing `at` ends, or, when the calendar is closed at
 * `at`, the end of the next open period. Always later than `at`. Periods that touch (Monday
 * 08:00–24:00 and Tuesday 00:00–18:00) are one period.
 * @throws CalculationError `never_open` when there is no next opening, `never_closes` when the
 *   calendar stays open for {@link MAX_EMPTY_CHUNKS} years in a row (a 24/7 calendar).
 * @internal
 */
export function nextClosing(tables: CalendarTables, at: number): number {
  tables.assertCanOpen();
  let c: Chunk = tables.chunkAt(at);
  const i = intervalAt(c, at);
  let end: number;
  if (i >= 0 && at < c.ends[i]!) end = c.ends[i]!;
  else if (i + 1 < c.count) end = c.ends[i + 1]!;
  else {
    c = tables.nextOpenChunk(c.index, 1);
    end = c.ends[0]!;
  }
  // An open period cut at a chunk boundary continues in the next chunk.
  for (let full = 0; end === c.end;) {
    const next = tables.chunk(c.index + 1);
    if (next.count === 0 || next.starts[0] !== end) break;
    c = next;
    end = next.ends[0]!;
    if (end === next.end && ++full >= MAX_EMPTY_CHUNKS) {
      throw new CalculationError('never_closes', [], `calendar: never closes — open without a break for ${full} years`);
    }
  }
  return end;
}
