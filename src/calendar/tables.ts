import { CalculationError } from '../errors.js';
import { civilFromDays, formatIsoDate, isoWeekday, MS_PER_DAY, MS_PER_MINUTE } from '../internal/civil.js';
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from '../instant.js';
import { upperBound } from '../internal/search.js';
import { type HolidayOccurrence, holidaysOfYear } from './holidays/expandHolidays.js';
import type { CalendarModel, MinuteSpan } from './model.js';
import { buildOffsetTable, resolveWallTime } from './wallTime.js';

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
}

/** Length of a chunk: a little over a year, so a year's tables are built in one go. */
export const CHUNK_MS = 366 * MS_PER_DAY;
const MIN_CHUNK = Math.floor(MIN_SUPPORTED_MS / CHUNK_MS);
const MAX_CHUNK = Math.floor((MAX_SUPPORTED_MS - 1) / CHUNK_MS);
/** Consecutive chunks (≈ years) without open time, past every dated rule, after which a search gives up. */
export const MAX_EMPTY_CHUNKS = 10;

/** Chunk index of an instant. */
export function chunkIndexOf(ms: number): number {
  return Math.floor(ms / CHUNK_MS);
}

/**
 * Lazily built, cached open-interval tables of one compiled calendar. Each chunk is built once, on
 * first use, from the model alone: results never depend on which chunks were built before.
 * @internal
 */
export class CalendarTables {
  readonly model: CalendarModel;
  /** Built chunks by `index − MIN_CHUNK`: a dense array is faster to index than a Map. */
  private readonly chunks: (Chunk | undefined)[] = new Array<Chunk | undefined>(MAX_CHUNK - MIN_CHUNK + 2).fill(undefined);
  private built = 0;
  private readonly holidayYears = new Map<number, Map<number, HolidayOccurrence[]>>();
  private last: Chunk | undefined;
  private readonly firstDatedMs: number;
  private readonly lastDatedMs: number;

  constructor(model: CalendarModel) {
    this.model = model;
    this.firstDatedMs = (model.firstDatedDay - 2) * MS_PER_DAY;
    this.lastDatedMs = (model.lastDatedDay + 3) * MS_PER_DAY;
  }

  /** The chunk holding instant `ms`. */
  chunkAt(ms: number): Chunk {
    const last = this.last;
    if (last !== undefined && ms >= last.start && ms < last.end) return last;
    return this.chunk(chunkIndexOf(ms));
  }

  chunk(index: number): Chunk {
    let c = this.chunks[index - MIN_CHUNK];
    if (c === undefined) {
      c = this.build(index);
      this.chunks[index - MIN_CHUNK] = c;
      this.built++;
    }
    this.last = c;
    return c;
  }

  /** Number of chunks built so far (for memory measurements). */
  get builtChunks(): number {
    return this.built;
  }

  /** Holidays of a local calendar year, cached. */
  holidays(year: number): ReadonlyMap<number, readonly HolidayOccurrence[]> {
    let h = this.holidayYears.get(year);
    if (h === undefined) {
      h = holidaysOfYear(this.model.rules, this.model.exceptions, year);
      this.holidayYears.set(year, h);
    }
    return h;
  }

  /** The minute spans opening on a date: the override's, none on a holiday, else the weekday's. */
  spansOn(day: number): readonly MinuteSpan[] {
    const override = this.model.overrides.get(day);
    if (override !== undefined) return override.spans;
    const spans = this.model.week[isoWeekday(day)]!;
    if (spans.length === 0) return spans;
    return this.holidays(civilFromDays(day).year).has(day) ? [] : spans;
  }

  /** Throws `never_open` when the calendar has no opening at all; call before any search. */
  assertCanOpen(): void {
    if (this.model.neverOpen) {
      throw new CalculationError('never_open', [], 'calendar: never open (no weekday and no override has an interval)');
    }
  }

  /**
   * The nearest chunk after (`dir = 1`) or before (`dir = -1`) chunk `index` that has open time.
   * Bounded: past every dated rule, {@link MAX_EMPTY_CHUNKS} empty chunks in a row (or any empty
   * chunk, when only overrides open the calendar) end the search with `never_open`, and so does
   * the edge of the supported range. With `needDays`, the chunk must hold a business day's first
   * opening, not only open time.
   */
  nextOpenChunk(index: number, dir: 1 | -1, needDays = false): Chunk {
    this.assertCanOpen();
    let emptyRun = 0;
    for (let k = index + dir; ; k += dir) {
      if (k < MIN_CHUNK || k > MAX_CHUNK) {
        throw new CalculationError(
          'out_of_range',
          [],
          `calendar: the answer lies outside the supported range (no open time found ${dir > 0 ? 'before 2400-01-01' : 'after 1900-01-01'})`,
        );
      }
      const c = this.chunk(k);
      if (needDays ? c.dayCount > 0 : c.count > 0) return c;
      const pastDated = dir > 0 ? c.start > this.lastDatedMs : c.end < this.firstDatedMs;
      if (pastDated && (!this.model.hasWeekly || ++emptyRun >= MAX_EMPTY_CHUNKS)) {
        const from = formatIsoDate(Math.floor(c.start / MS_PER_DAY));
        throw new CalculationError(
          'never_open',
          [],
          `calendar: never open — no open time in ${emptyRun || 1} consecutive year(s) ${dir > 0 ? 'up to' : 'back to'} ${from}`,
        );
      }
    }
  }

  private build(index: number): Chunk {
    const start = index * CHUNK_MS;
    const end = start + CHUNK_MS;
    const table = buildOffsetTable(this.model.zone, start - 3 * MS_PER_DAY, end + 3 * MS_PER_DAY);
    const rawOpen: number[] = [];
    const rawClose: number[] = [];
    const dayOpen: number[] = [];
    const dayClose: number[] = [];
    const dayNumber: number[] = [];
    let sorted = true;
    const firstDay = Math.floor(start / MS_PER_DAY) - 3;
    const lastDay = Math.floor(end / MS_PER_DAY) + 1;
    for (let day = firstDay; day <= lastDay; day++) {
      const spans = this.spansOn(day);
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
    });
  }
}

/** Open time in chunk `c` before instant `ms` (which must lie in or at the edges of the chunk). */
export function openTimeBefore(c: Chunk, ms: number): number {
  const i = upperBound(c.starts, ms, c.count) - 1;
  if (i < 0) return 0;
  const s = c.starts[i]!;
  const e = c.ends[i]!;
  return c.cum[i]! + (ms < e ? ms : e) - s;
}

/**
 * The earliest instant in chunk `c` at which `target` ms of the chunk's open time have elapsed
 * (0 < target ≤ c.total): the closing itself when the target is reached exactly at one.
 */
export function instantAtOpenTime(c: Chunk, target: number): number {
  // Smallest i with cum[i] + length[i] >= target, i.e. largest i with cum[i] < target.
  let lo = 0;
  let hi = c.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.cum[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  return c.starts[i]! + (target - c.cum[i]!);
}
