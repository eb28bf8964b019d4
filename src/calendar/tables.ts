import { CalculationError } from '../errors.js';
import { civilFromDays, formatIsoDate, isoWeekday, MS_PER_DAY } from '../internal/civil.js';
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from '../instant.js';
import { type HolidayOccurrence, holidaysOfYear } from './holidays/expandHolidays.js';
import type { CalendarModel, MinuteSpan } from './model.js';
import { type DayOverride, ruleOverridesOfYear } from './overrideRules.js';
import { buildChunk, type Chunk } from './buildChunk.js';

/** Length of a chunk: a little over a year, so a year's tables are built in one go. */
export const CHUNK_MS = 366 * MS_PER_DAY;
const PER_CHUNK = 1 / CHUNK_MS;
export type { Chunk };
const MIN_CHUNK = Math.floor(MIN_SUPPORTED_MS / CHUNK_MS);
const MAX_CHUNK = Math.floor((MAX_SUPPORTED_MS - 1) / CHUNK_MS);
/** Slots of the per-chunk arrays: every chunk of the range, and one past it (`nextClosing` looks one ahead). */
const SLOTS = MAX_CHUNK - MIN_CHUNK + 2;
/** Consecutive chunks (≈ years) without open time, past every dated rule, after which a search gives up. */
export const MAX_EMPTY_CHUNKS = 10;
/** Most chunks (year tables) a calendar keeps; past it, the one stored first is dropped. */
export const MAX_KEPT_CHUNKS = 32;
/** Most local years whose holidays a calendar keeps (they are read while a chunk is built). */
export const MAX_HOLIDAY_YEARS = 8;

/**
 * Chunk index of an instant: `⌊ms / CHUNK_MS⌋`, by a multiplication (a division takes several
 * times as long, and every calendar call makes this one). Rounding can put a chunk's first instant
 * in the chunk before, never a whole ms the other way (for whole ms in the supported range, the
 * quotient is further from the next integer than the product's error): that case is put right.
 */
export function chunkIndexOf(ms: number): number {
  const index = Math.floor(ms * PER_CHUNK);
  return (index + 1) * CHUNK_MS <= ms ? index + 1 : index;
}

/**
 * Where a hot caller passes instants to a calendar function and gets its answer: arguments in `[0]`
 * and `[1]`, the answer in `[2]`. V8 boxes a number that is not a small integer (every epoch ms)
 * each time it is passed to or returned from a call it does not inline, a heap object per call; a
 * typed array's entries are not boxed. A function of this form reads its arguments before it calls
 * anything and writes its answer last, so that it may use the number-taking functions, which pass
 * through {@link CalendarTables.io}, on the way.
 * @internal
 */
export type Io = Float64Array;

/**
 * Lazily built open-interval tables of one compiled calendar. Each chunk is built on first use from
 * the model alone, so results never depend on which chunks were built, kept or dropped before.
 *
 * What a calendar keeps is bounded: at most {@link MAX_KEPT_CHUNKS} chunks, the one built last
 * included (past that, the chunk stored first is dropped, and built again if asked for again); the
 * open time and business-day count of every chunk ever built (12 bytes a chunk, so a walk over
 * centuries never builds a year twice); and the holidays of {@link MAX_HOLIDAY_YEARS} years. Walks
 * that need only those counts (`between` across years, `add` over many years, the search for the
 * next open year) build a chunk without storing it.
 * @internal
 */
export class CalendarTables {
  readonly model: CalendarModel;
  /** Stored chunks by `index − MIN_CHUNK`: a dense array is faster to index than a Map. */
  private readonly chunks: (Chunk | undefined)[] = new Array<Chunk | undefined>(SLOTS).fill(undefined);
  /** Indices of the stored chunks in the order they were stored: a ring, its oldest at `head`. */
  private readonly stored = new Int32Array(MAX_KEPT_CHUNKS - 1);
  private head = 0;
  private storedCount = 0;
  /** The chunk built last: a walk measures a chunk, then often asks for that very chunk whole. */
  private last: Chunk | undefined;
  /** Open time of every chunk built so far (NaN: never built), and its number of business days. */
  private readonly totals = new Float64Array(SLOTS).fill(NaN);
  private readonly dayCounts = new Int32Array(SLOTS);
  private built = 0;
  private readonly holidayYears = new Map<number, Map<number, HolidayOccurrence[]>>();
  private readonly ruleYears = new Map<number, ReadonlyMap<number, DayOverride>>();
  private readonly firstDatedMs: number;
  private readonly lastDatedMs: number;
  /**
   * Scratch of the calendar's functions that take and return instants as numbers ({@link Io}): they
   * pass them through here to the bodies that do the work.
   */
  readonly io: Io = new Float64Array(3);

  constructor(model: CalendarModel) {
    this.model = model;
    this.firstDatedMs = (model.firstDatedDay - 2) * MS_PER_DAY;
    this.lastDatedMs = (model.lastDatedDay + 3) * MS_PER_DAY;
  }

  /** The chunk holding instant `ms`. */
  chunkAt(ms: number): Chunk {
    const index = chunkIndexOf(ms);
    return this.chunks[index - MIN_CHUNK] ?? this.chunk(index);
  }

  /** Chunk `index`, stored for later calls. */
  chunk(index: number): Chunk {
    const stored = this.chunks[index - MIN_CHUNK];
    if (stored !== undefined) return stored;
    const c = this.last?.index === index ? this.last : this.build(index);
    if (this.storedCount === this.stored.length) {
      this.chunks[this.stored[this.head]! - MIN_CHUNK] = undefined;
      this.head = (this.head + 1) % this.stored.length;
      this.storedCount--;
    }
    this.stored[(this.head + this.storedCount) % this.stored.length] = index;
    this.storedCount++;
    this.chunks[index - MIN_CHUNK] = c;
    return c;
  }

  /** Open time of chunk `index`; the first time, the chunk is built but not stored. */
  totalOf(index: number): number {
    const total = this.totals[index - MIN_CHUNK]!;
    return total === total ? total : this.build(index).total;
  }

  /** Number of business days (first openings) of chunk `index`; built but not stored the first time. */
  dayCountOf(index: number): number {
    const total = this.totals[index - MIN_CHUNK]!;
    return total === total ? this.dayCounts[index - MIN_CHUNK]! : this.build(index).dayCount;
  }

  private build(index: number): Chunk {
    const c = buildChunk(index, CHUNK_MS, this.model.zone, (day) => this.spansOn(day));
    this.totals[index - MIN_CHUNK] = c.total;
    this.dayCounts[index - MIN_CHUNK] = c.dayCount;
    this.built++;
    this.last = c;
    return c;
  }

  /** Number of chunks built so far, dropped ones built again included (for cost tests and benches). */
  get builtChunks(): number {
    return this.built;
  }

  /** Number of chunks this calendar holds now: never more than {@link MAX_KEPT_CHUNKS}. */
  get keptChunks(): number {
    const last = this.last;
    return this.storedCount + (last !== undefined && this.chunks[last.index - MIN_CHUNK] !== last ? 1 : 0);
  }

  /** Number of local years whose holidays this calendar holds now. */
  get keptHolidayYears(): number {
    return this.holidayYears.size;
  }

  /** Holidays of a local calendar year, cached for the last {@link MAX_HOLIDAY_YEARS} years asked. */
  holidays(year: number): ReadonlyMap<number, readonly HolidayOccurrence[]> {
    let h = this.holidayYears.get(year);
    if (h === undefined) {
      h = holidaysOfYear(this.model.rules, this.model.exceptions, year);
      if (this.holidayYears.size >= MAX_HOLIDAY_YEARS) this.holidayYears.delete(this.holidayYears.keys().next().value!);
      this.holidayYears.set(year, h);
    }
    return h;
  }

  /** Dates of a local calendar year that override rules name, cached as {@link holidays} are. */
  ruleOverrides(year: number): ReadonlyMap<number, DayOverride> {
    let r = this.ruleYears.get(year);
    if (r === undefined) {
      r = ruleOverridesOfYear(this.model.overrideRules, year);
      if (this.ruleYears.size >= MAX_HOLIDAY_YEARS) this.ruleYears.delete(this.ruleYears.keys().next().value!);
      this.ruleYears.set(year, r);
    }
    return r;
  }

  /**
   * The minute spans opening on a date: a dated override's; none on a holiday; an override rule's;
   * else the weekday's.
   */
  spansOn(day: number): readonly MinuteSpan[] {
    const override = this.model.overrides.get(day);
    if (override !== undefined) return override.spans;
    const spans = this.model.week[isoWeekday(day)]!;
    if (this.model.overrideRules.length === 0) {
      if (spans.length === 0) return spans;
      return this.holidays(civilFromDays(day).year).has(day) ? [] : spans;
    }
    const year = civilFromDays(day).year;
    if (this.holidays(year).has(day)) return [];
    return this.ruleOverrides(year).get(day)?.spans ?? spans;
  }

  /** Throws `never_open` when the calendar has no opening at all; call before any search. */
  assertCanOpen(): void {
    if (this.model.neverOpen) {
      throw new CalculationError('never_open', [], 'calendar: never open (no weekday and no override has an interval)');
    }
  }

  /** The nearest chunk after or before chunk `index` that has open time, stored: see {@link nextOpenIndex}. */
  nextOpenChunk(index: number, dir: 1 | -1, needDays = false): Chunk {
    return this.chunk(this.nextOpenIndex(index, dir, needDays));
  }

  /**
   * The index of the nearest chunk after (`dir = 1`) or before (`dir = -1`) chunk `index` that has
   * open time. Bounded: past every dated rule, {@link MAX_EMPTY_CHUNKS} empty chunks in a row (or
   * any empty chunk, when only overrides open the calendar) end the search with `never_open`, and
   * so does the edge of the supported range. With `needDays`, the chunk must hold a business day's
   * first opening, not only open time. Reads only the chunks' counts.
   */
  nextOpenIndex(index: number, dir: 1 | -1, needDays = false): number {
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
      if (needDays ? this.dayCountOf(k) > 0 : this.totalOf(k) > 0) return k;
      const start = k * CHUNK_MS;
      const pastDated = dir > 0 ? start > this.lastDatedMs : start + CHUNK_MS < this.firstDatedMs;
      if (pastDated && (!this.model.hasWeekly || ++emptyRun >= MAX_EMPTY_CHUNKS)) {
        const from = formatIsoDate(Math.floor(start / MS_PER_DAY));
        throw new CalculationError(
          'never_open',
          [],
          `calendar: never open — no open time in ${emptyRun || 1} consecutive year(s) ${dir > 0 ? 'up to' : 'back to'} ${from}`,
        );
      }
    }
  }
}

const PER_DAY = 1 / MS_PER_DAY;

/**
 * The bucket of instant `ms` in chunk `c` (clamped to the chunk), by a multiplication rather than
 * a division. Rounding can only make it one day early, at a day's first instant, where the
 * bucket's own search then walks on from an earlier interval to the same answer.
 */
function bucketOf(c: Chunk, ms: number): number {
  const k = Math.floor((ms - c.start) * PER_DAY);
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
  return openTimeIn(c, intervalAt(c, ms), ms);
}

/** Open time in chunk `c` before instant `ms`, given `i`, the last interval opening at or before it (−1: none). */
export function openTimeIn(c: Chunk, i: number, ms: number): number {
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
