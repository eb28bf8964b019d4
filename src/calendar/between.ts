import { MS_PER_DAY } from '../internal/civil.js';
import { intervalAt, openTimeBefore, openTimeIn, type CalendarTables, type Io } from './tables.js';

/**
 * Open time in `[from, to)`, in ms; negative when `to < from` (antisymmetric).
 * `between(a, add(a, d)) = d`, and `between(a, c) = between(a, b) + between(b, c)`.
 * @internal
 */
export function between(tables: CalendarTables, from: number, to: number): number {
  const io = tables.io;
  io[0] = from;
  io[1] = to;
  betweenIo(tables, io);
  return io[2]!;
}

/** {@link between} of `io[0]` and `io[1]`, into `io[2]` (see {@link Io}). @internal */
export function betweenIo(tables: CalendarTables, io: Io): void {
  const from = io[0]!;
  const to = io[1]!;
  if (to < from) {
    io[0] = to;
    io[1] = from;
    betweenIo(tables, io);
    io[2] = 0 - io[2]! || 0; // never -0
    return;
  }
  const first = tables.chunkAt(from);
  if (to - from <= MS_PER_DAY && to < first.end) {
    // A pair at most a day apart in one year (most of the SLA engine's): `to`'s interval is found
    // by stepping on from `from`'s, over a day's few intervals, rather than from its own bucket.
    const i = intervalAt(first, from);
    let j = i;
    while (j + 1 < first.count && first.starts[j + 1]! <= to) j++;
    io[2] = openTimeIn(first, j, to) - openTimeIn(first, i, from);
    return;
  }
  const last = tables.chunkAt(to);
  // The open time before `to` in its year, less that before `from` in its own, plus the open
  // time of every year from `from`'s up to `to`'s (none when both lie in the same year).
  let sum = openTimeBefore(last, to) - openTimeBefore(first, from);
  for (let k = first.index; k < last.index; k++) sum += tables.totalOf(k);
  io[2] = sum;
}
