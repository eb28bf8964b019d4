import { CalculationError } from '../errors.js';
import { civilFromDays, formatIsoDate, isoWeekday, MS_PER_DAY } from '../internal/civil.js';
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from '../instant.js';
import { type HolidayOccurrence, holidaysOfYear } from './holidays/expandHolidays.js';
import type { CalendarModel, MinuteSpan } from './model.js';
import { buildChunk, type Chunk } from './buildChunk.js';

/** Length of a chunk: a little over a year, so a year's tables are built in one go. */
export const CHUNK_MS = 366 * MS_PER_DAY;
export type { Chunk };
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
  private readonly chunks: (Chunk | undefined)[] = new Array<Chunk | undefined>(MAX_CHUNK - MIN_CHUNK + 2).fill(
    undefined,
  );
  private built = 0;
  private readonly holidayYears = new Map<number, Map<number, HolidayOccurrence[]>>();
  private readonly firstDatedMs: number;
  private readonly lastDatedMs: number;

  constructor(model: CalendarModel) {
    this.model = model;
    this.firstDatedMs = (model.firstDatedDay - 2) * MS_PER_DAY;
    this.lastDatedMs = (model.lastDatedDay + 3) * MS_PER_DAY;
  }

  /** The chunk holding instant `ms`. */
  chunkAt(ms: number): Chunk {
    return this.chunks[Math.floor(ms / CHUNK_MS) - MIN_CHUNK] ?? this.chunk(Math.floor(ms / CHUNK_MS));
  }

  chunk(index: number): Chunk {
    let c = this.chunks[index - MIN_CHUNK];
    if (c === undefined) {
      c = buildChunk(index, CHUNK_MS, this.model.zone, (day) => this.spansOn(day));
      this.chunks[index - MIN_CHUNK] = c;
      this.built++;
    }
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
}

/** The bucket of instant `ms` in chunk `c` (clamped to the chunk). */
function bucketOf(c: Chunk, ms: number): number {
  const k = Math.floor((ms - c.start) / MS_PER_DAY);
  return k < 0 ? 0 : k < c.bucket.length ? k : c.bucket.length - 1;
}

/** Index of the last interval of `c` opening at or before `ms`, or −1. */
export function intervalAt(c: Chunk, ms: number): number {
  let i = c.bucket[bucketOf(c, ms)]!;
  while (i < c.count && c.starts[i]! <= ms) i++;
  return i - 1;
}

/** Index of the last business day of `c` whose first opening is at or before `ms`, or −1. */
export function dayAt(c: Chunk, ms: number): number {
  let j = c.dayBucket[bucketOf(c, ms)]!;
  while (j < c.dayCount && c.dayOpen[j]! <= ms) j++;
  return j - 1;
}

/** Open time in chunk `c` before instant `ms` (which must lie in or at the edges of the chunk). */
export function openTimeBefore(c: Chunk, ms: number): number {
  const i = intervalAt(c, ms);
  if (i < 0) return 0;
  const e = c.ends[i]!;
  return c.cum[i]! + (ms < e ? ms : e) - c.starts[i]!;
}

/**
 * The earliest instant in chunk `c` at which `target` ms of the chunk's open time have elapsed
 * (0 < target ≤ c.total): the closing itself when the target is reached exactly at one. The
 * search gallops forward from interval `from` (a lower bound), so short durations cost a few steps.
 */
export function instantAtOpenTime(c: Chunk, target: number, from = 0): number {
  // Find the largest i with cum[i] < target: gallop from `from`, then bisect.
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < c.count && c.cum[hi]! < target) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > c.count) hi = c.count;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.cum[mid]! < target) lo = mid;
    else hi = mid;
  }
  return c.starts[lo]! + (target - c.cum[lo]!);
}
