import { MS_PER_DAY, MS_PER_MINUTE } from '../internal/civil.js';
import type { MinuteSpan } from './model.js';
import type { CalendarZone } from '../internal/zone.js';
import { sharedOffsetTable } from './sharedOffsetTables.js';
import { type OffsetTable, resolveWallTime, steadyOffset } from './wallTime.js';

/**
 * The open time of one span of 366 days, `[start, end)`, as sorted, disjoint, non-touching
 * intervals with prefix sums (`cum[i]` = open ms in the chunk before `starts[i]`), and the business
 * days whose first opening falls in the chunk. An interval that crosses a chunk boundary is cut
 * there; the operations join the pieces again where it matters (next closing, interval lists).
 * @internal
 */
export interface Chunk {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly count: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly cum: Float64Array;
  readonly total: number;
  readonly dayCount: number;
  /** First opening of each business day, ascending. */
  readonly dayOpen: Float64Array;
  /** Last closing of each business day. */
  readonly dayClose: Float64Array;
  /** Open time in the chunk before each business day's first opening. */
  readonly dayCum: Float64Array;
  /** Index of the interval holding each business day's first opening. */
  readonly dayInterval: Int32Array;
  /**
   * Per day of the chunk (`start + k·24 h`): the first interval ending after that point, and the
   * first business day opening after it. A lookup starts there and steps over the few intervals
   * of one day instead of bisecting the whole chunk.
   */
  readonly bucket: Int32Array;
  readonly dayBucket: Int32Array;
}

/** Number of 24-hour buckets of a chunk of `chunkMs` (one more for its very end). */
export function bucketCount(chunkMs: number): number {
  return Math.ceil(chunkMs / MS_PER_DAY) + 1;
}

/**
 * The intervals of every date from `firstDay` to `lastDay`, resolved by the DST rule date by date,
 * empty ones (emptied by a gap) left out; and each date's first opening and last closing. Openings
 * come out in order: dates and each date's spans are in order of wall time, and the DST rule never
 * maps a later wall time to an earlier instant. The arrays are sized from a first pass over the
 * dates, so nothing grows while the times are written.
 */
function resolveDates(
  table: OffsetTable,
  firstDay: number,
  lastDay: number,
  spansOn: (day: number) => readonly MinuteSpan[],
) {
  const spansByDay: (readonly MinuteSpan[])[] = [];
  let capacity = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const spans = spansOn(day);
    spansByDay.push(spans);
    capacity += spans.length;
  }
  const open = new Float64Array(capacity);
  const close = new Float64Array(capacity);
  const firstOpen: number[] = [];
  const lastClose: number[] = [];
  let n = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    const spans = spansByDay[day - firstDay]!;
    if (spans.length === 0) continue;
    const base = day * MS_PER_DAY;
    // Far from any transition every wall time is one subtraction away (wallTime.ts, steadyOffset).
    const offset = steadyOffset(table, base, base + 2 * MS_PER_DAY);
    let first = Infinity;
    let last = -Infinity;
    for (let s = 0; s < spans.length; s++) {
      const span = spans[s]!;
      const wallOpen = base + span[0] * MS_PER_MINUTE;
      const wallClose = base + span[1] * MS_PER_MINUTE;
      const o = offset === offset ? wallOpen - offset : resolveWallTime(table, wallOpen);
      const c = offset === offset ? wallClose - offset : resolveWallTime(table, wallClose);
      if (c <= o) continue; // emptied by a DST gap
      open[n] = o;
      close[n] = c;
      n++;
      if (o < first) first = o;
      if (c > last) last = c;
    }
    if (first < last) {
      firstOpen.push(first);
      lastClose.push(last);
    }
  }
  return { open, close, n, firstOpen, lastClose };
}

/**
 * Builds chunk `index`: resolves every date's intervals by the DST rule, merges them, clips them to
 * the chunk and sums them; records the business days whose first opening lies in the chunk.
 * @internal
 */
export function buildChunk(
  index: number,
  chunkMs: number,
  zone: CalendarZone,
  spansOn: (day: number) => readonly MinuteSpan[],
): Chunk {
  const start = index * chunkMs;
  const end = start + chunkMs;
  const table = sharedOffsetTable(zone, start - 3 * MS_PER_DAY, end + 3 * MS_PER_DAY);
  const raw = resolveDates(table, Math.floor(start / MS_PER_DAY) - 3, Math.floor(end / MS_PER_DAY) + 1, spansOn);
  const { open, close, n } = raw;
  // Merge overlapping or touching intervals (a night interval can run past the next date's first
  // opening) and clip them to the chunk, in place: the write index never passes the read index.
  let count = 0;
  for (let r = 0; r < n;) {
    let a = open[r]!;
    let b = close[r]!;
    for (r++; r < n && open[r]! <= b; r++) if (close[r]! > b) b = close[r]!;
    if (a < start) a = start;
    if (b > end) b = end;
    if (b > a) {
      open[count] = a;
      close[count] = b;
      count++;
    }
  }
  const starts = open.slice(0, count);
  const ends = close.slice(0, count);
  const cum = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    cum[i] = total;
    total += ends[i]! - starts[i]!;
  }
  // The business days whose first opening lies in the chunk (first openings never decrease from one
  // date to the next); that opening is an open instant of the chunk, so its interval is found here.
  let d0 = 0;
  while (d0 < raw.firstOpen.length && raw.firstOpen[d0]! < start) d0++;
  let d1 = d0;
  while (d1 < raw.firstOpen.length && raw.firstOpen[d1]! < end) d1++;
  const dayOpen = new Float64Array(raw.firstOpen.slice(d0, d1));
  const dayClose = new Float64Array(raw.lastClose.slice(d0, d1));
  const dayCum = new Float64Array(dayOpen.length);
  const dayInterval = new Int32Array(dayOpen.length);
  for (let j = 0, k = 0; j < dayOpen.length; j++) {
    const t = dayOpen[j]!;
    while (ends[k]! <= t) k++;
    dayInterval[j] = k;
    dayCum[j] = cum[k]! + (t - starts[k]!);
  }
  const buckets = bucketCount(chunkMs);
  const bucket = new Int32Array(buckets);
  const dayBucket = new Int32Array(buckets);
  for (let k = 0, i = 0, j = 0; k < buckets; k++) {
    const at = start + k * MS_PER_DAY;
    while (i < count && ends[i]! <= at) i++;
    while (j < dayOpen.length && dayOpen[j]! <= at) j++;
    bucket[k] = i;
    dayBucket[k] = j;
  }
  return Object.freeze({
    index,
    start,
    end,
    count,
    starts,
    ends,
    cum,
    total,
    dayCount: dayOpen.length,
    dayOpen,
    dayClose,
    dayCum,
    dayInterval,
    bucket,
    dayBucket,
  });
}
