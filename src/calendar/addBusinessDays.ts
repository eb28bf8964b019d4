import { add } from './add.js';
import { between, betweenIo } from './between.js';
import { type CalendarTables, type Chunk, dayAt, intervalAt, type Io, openTimeBefore } from './tables.js';

/**
 * Adds `days` (≥ 0) business days to `at`.
 *
 * Let `s` be the first open instant ≥ `at`, on business day D (the business day with the latest
 * first opening at or before `s`: the date whose interval `s` lies in), at open-time offset `o`
 * from D's first opening. The result is the instant at offset `o` on the `days`-th business day
 * after D, clamped to that day's last closing when that day is shorter. When `o = 0` the same
 * point of business time is reached earlier, at the last closing of the (`days` − 1)-th business
 * day after D. `days = 0` gives `s`.
 *
 * Two short lookups in the common case (one for `s` in the chunk's intervals, one for D in its
 * business days, each from a per-day bucket); each business day stores the open time before its first opening and the
 * interval holding it, so the offset and the final instant need no further search.
 * @internal
 */
export function addBusinessDays(tables: CalendarTables, at: number, days: number): number {
  const io = tables.io;
  io[0] = at;
  businessDaysIo(tables, io, days, false);
  return io[2]!;
}

/**
 * {@link addBusinessDays} of `io[0]` and `days`, into `io[2]` (see {@link Io}; `days` is a small
 * integer, not boxed); with `openTime`, the open time from `io[0]` to that instant instead, as
 * `between` would count it: what a target of `days` business days measures (the SLA engine's
 * call). Within one chunk it is read off the prefix sums the search went through, with no second
 * search.
 * @internal
 */
export function businessDaysIo(tables: CalendarTables, io: Io, days: number, openTime: boolean): void {
  const at = io[0]!;
  tables.assertCanOpen();
  let c: Chunk = tables.chunkAt(at);
  let i = intervalAt(c, at);
  let s = at;
  if (i < 0 || at >= c.ends[i]!) {
    if (i + 1 < c.count) i++;
    else {
      c = tables.nextOpenChunk(c.index, 1);
      i = 0;
    }
    s = c.starts[i]!;
  }
  if (days === 0) {
    io[2] = openTime ? 0 : s;
    return;
  }
  const first = c;
  const before = c.cum[i]! + (s - c.starts[i]!); // the open time before `s` in its chunk
  let j = dayAt(c, s);
  let offset: number;
  if (j >= 0) offset = c.cum[i]! + (s - c.starts[i]!) - c.dayCum[j]!;
  else {
    // D opened in an earlier chunk (an interval running across the chunk boundary).
    c = tables.nextOpenChunk(c.index, -1, true);
    j = c.dayCount - 1;
    offset = between(tables, c.dayOpen[j]!, s);
  }
  let steps = offset === 0 ? days - 1 : days;
  if (j + steps >= c.dayCount) {
    // Later years are counted by their business days alone; only the year reached is needed whole.
    steps -= c.dayCount - j;
    let k = tables.nextOpenIndex(c.index, 1, true);
    for (; steps >= tables.dayCountOf(k); k = tables.nextOpenIndex(k, 1, true)) steps -= tables.dayCountOf(k);
    c = tables.chunk(k);
    j = 0;
  }
  j += steps;
  const close = c.dayClose[j]!;
  // The answer `r`: `offset` into that day (add(dayOpen, offset), walking the day's own intervals;
  // past the chunk, the general add), or its last closing when the day is shorter.
  let r = close;
  let inChunk = true; // whether `r` lies in chunk `c`, so that its open time can be read there
  let rOpen = Number.NaN; // the open time before `r` in chunk `c`, when known
  if (offset !== 0) {
    const target = c.dayCum[j]! + offset;
    if (target > c.total) {
      const reached = add(tables, c.dayOpen[j]!, offset);
      if (reached < close) r = reached;
      inChunk = false;
    } else {
      for (let k = c.dayInterval[j]!; c.starts[k]! < close; k++) {
        if (c.cum[k]! + (c.ends[k]! - c.starts[k]!) >= target) {
          const reached = c.starts[k]! + (target - c.cum[k]!);
          if (reached < close) {
            r = reached;
            rOpen = target;
          }
          break;
        }
      }
    }
  }
  // Each answer written on its own: as the value of one expression, V8 would box them to choose.
  if (!openTime) io[2] = r;
  else if (inChunk && c === first && r <= c.end) io[2] = (rOpen === rOpen ? rOpen : openTimeBefore(c, r)) - before;
  else {
    io[0] = at;
    io[1] = r;
    betweenIo(tables, io);
  }
}
