import type { Zone } from 'luxon';
import { MS_PER_DAY, MS_PER_MINUTE } from '../internal/civil.js';
import type { MinuteSpan } from './model.js';
import { sharedOffsetTable } from './sharedOffsetTables.js';
import { resolveWallTime } from './wallTime.js';

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
  /** Day number (days since 1970-01-01) of each business day. */
  readonly dayNumber: Int32Array;
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
 * Builds chunk `index`: resolves every date's intervals by the DST rule, merges them, clips them to
 * the chunk and sums them; records the business days whose first opening lies in the chunk.
 * @internal
 */
export function buildChunk(
  index: number,
  chunkMs: number,
  zone: Zone,
  spansOn: (day: number) => readonly MinuteSpan[],
): Chunk {
  const start = index * chunkMs;
  const end = start + chunkMs;
  const table = sharedOffsetTable(zone, start - 3 * MS_PER_DAY, end + 3 * MS_PER_DAY);
  const rawOpen: number[] = [];
  const rawClose: number[] = [];
  const dayOpen: number[] = [];
  const dayClose: number[] = [];
  const dayNumber: number[] = [];
  let sorted = true;
  const firstDay = Math.floor(start / MS_PER_DAY) - 3;
  const lastDay = Math.floor(end / MS_PER_DAY) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    const spans = spansOn(day);
    let first = Infinity;
    let lastClose = -Infinity;
    const base = day * MS_PER_DAY;
    for (const [o, c] of spans) {
      const open = resolveWallTime(table, base + o * MS_PER_MINUTE);
      const close = resolveWallTime(table, base + c * MS_PER_MINUTE);
      if (close <= open) continue; // emptied by a DST gap
      if (rawOpen.length > 0 && open < rawOpen[rawOpen.length - 1]!) sorted = false;
      rawOpen.push(open);
      rawClose.push(close);
      if (open < first) first = open;
      if (close > lastClose) lastClose = close;
    }
    if (first >= start && first < end) {
      dayOpen.push(first);
      dayClose.push(lastClose);
      dayNumber.push(day);
    }
  }
  let order = rawOpen.map((_, i) => i);
  if (!sorted) order = order.sort((a, b) => rawOpen[a]! - rawOpen[b]!);
  const starts: number[] = [];
  const ends: number[] = [];
  let curStart = NaN;
  let curEnd = NaN;
  const flush = () => {
    const a = Math.max(curStart, start);
    const b = Math.min(curEnd, end);
    if (b > a) {
      starts.push(a);
      ends.push(b);
    }
  };
  for (const i of order) {
    const o = rawOpen[i]!;
    const c = rawClose[i]!;
    if (o <= curEnd) {
      if (c > curEnd) curEnd = c;
    } else {
      if (!Number.isNaN(curStart)) flush();
      curStart = o;
      curEnd = c;
    }
  }
  if (!Number.isNaN(curStart)) flush();
  const cum = new Float64Array(starts.length);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    cum[i] = total;
    total += ends[i]! - starts[i]!;
  }
  // Each business day's first opening is an open instant of this chunk: find its interval once.
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
    while (i < ends.length && ends[i]! <= at) i++;
    while (j < dayOpen.length && dayOpen[j]! <= at) j++;
    bucket[k] = i;
    dayBucket[k] = j;
  }
  return Object.freeze({
    index,
    start,
    end,
    count: starts.length,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cum,
    total,
    dayCount: dayOpen.length,
    dayOpen: Float64Array.from(dayOpen),
    dayClose: Float64Array.from(dayClose),
    dayNumber: Int32Array.from(dayNumber),
    dayCum,
    dayInterval,
    bucket,
    dayBucket,
  });
}
