import { DateTime } from 'luxon';
import type { CalendarDefinition } from '../../src/index.js';

/**
 * A slow, obviously correct model of SPEC.md section 1, used as an oracle by the property tests.
 * It shares no code with the engine: wall times are resolved by scanning minutes with offsets read
 * from luxon, every open interval of every date is listed, and every operation walks those lists.
 *
 * Supported holiday rules: `date`, `range`, `fixed` without `observed`, and sets of those; anything
 * else throws. Supported instants: 2020–2035 (a search that leaves this range throws
 * {@link SimulatorRangeError}).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The largest UTC offset in use anywhere (Kiribati, +14:00). */
const MAX_ANY_OFFSET = 14 * HOUR;
const LIMIT_LO = Date.UTC(2020, 0, 1);
const LIMIT_HI = Date.UTC(2036, 0, 1);
/** The instants the simulator knows: `[from, to)`. */
export const SIMULATED_RANGE = { from: LIMIT_LO, to: LIMIT_HI } as const;

/** Thrown when an answer would need instants outside {@link SIMULATED_RANGE}: there is none inside it. */
export class SimulatorRangeError extends Error {}

// ---------------------------------------------------------------------------------------------
// Zone offsets, read from luxon once per zone and UTC year and kept as a list of changes.

interface YearOffsets {
  readonly startOffset: number; // ms, in force at the first instant of the year
  readonly changes: readonly { readonly at: number; readonly offset: number }[];
}
const offsetCache = new Map<string, YearOffsets>();

function luxonOffset(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset * MINUTE;
}

/**
 * The offset changes of `zone` in UTC year `year`: luxon is sampled every 6 hours (no zone changes
 * twice within 6 hours), and each change is then located by stepping minute by minute. Changes
 * must fall on whole minutes and offsets must be whole minutes: checked, so minute scans are exact.
 */
function yearOffsets(zone: string, year: number): YearOffsets {
  const key = `${zone}|${year}`;
  const cached = offsetCache.get(key);
  if (cached) return cached;
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const startOffset = luxonOffset(zone, from);
  const changes: { at: number; offset: number }[] = [];
  let current = startOffset;
  for (let lo = from; lo < to; lo += 6 * HOUR) {
    const hi = Math.min(lo + 6 * HOUR, to);
    if (luxonOffset(zone, hi) === current) continue;
    let at = lo + MINUTE;
    while (luxonOffset(zone, at) === current) at += MINUTE;
    if (luxonOffset(zone, at - 1) !== current || (at - lo) % MINUTE !== 0)
      throw new Error(`${zone}: change off the minute near ${at}`);
    current = luxonOffset(zone, at);
    if (current % MINUTE !== 0) throw new Error(`${zone}: offset ${current} is not whole minutes`);
    changes.push({ at, offset: current });
    if (luxonOffset(zone, hi) !== current) throw new Error(`${zone}: two changes within 6 hours near ${at}`);
  }
  const result = { startOffset, changes };
  offsetCache.set(key, result);
  return result;
}

function utcYear(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

/** The UTC offset (ms) of `zone` at instant `ms`. */
export function offsetAt(zone: string, ms: number): number {
  const { startOffset, changes } = yearOffsets(zone, utcYear(ms));
  let offset = startOffset;
  for (const c of changes) if (c.at <= ms) offset = c.offset;
  return offset;
}

/** Every offset change of `zone` in `[fromMs, toMs)`, with the offsets before and after. */
export function offsetChanges(
  zone: string,
  fromMs: number,
  toMs: number,
): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = [];
  for (let y = utcYear(fromMs); y <= utcYear(toMs); y++) {
    for (const c of yearOffsets(zone, y).changes) {
      if (c.at >= fromMs && c.at < toMs) out.push({ at: c.at, before: offsetAt(zone, c.at - 1), after: c.offset });
    }
  }
  return out;
}

/**
 * The DST rule: the first instant at which the local clock shows wall reading `wallMs` (written as
 * if UTC) or later. No instant before `start` can qualify: there the clock reads at most
 * `start + maxOffset < wallMs` (and more than two days back, at most `t + 14 h < wallMs`). From
 * `start`, step a minute at a time. The answer is a whole minute (either `wallMs − offset` or an
 * offset change, both whole minutes), so minute steps find it exactly.
 */
export function resolveWall(zone: string, wallMs: number): number {
  let maxOffset = -MAX_ANY_OFFSET;
  for (let y = utcYear(wallMs - 2 * DAY); y <= utcYear(wallMs + 2 * DAY); y++) {
    const { startOffset, changes } = yearOffsets(zone, y);
    maxOffset = Math.max(maxOffset, startOffset, ...changes.map((c) => c.offset));
  }
  let t = wallMs - maxOffset - MINUTE;
  while (t + offsetAt(zone, t) < wallMs) t += MINUTE;
  return t;
}

// ---------------------------------------------------------------------------------------------
// The schedule, date by date.

export interface Span {
  readonly start: number;
  readonly end: number;
}
type Pair = readonly [string, string];
type Rule = NonNullable<CalendarDefinition['holidays']>[number];

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function ruleCovers(rule: Rule, date: string): boolean {
  switch (rule.kind) {
    case 'date':
      return rule.date === date;
    case 'range':
      return rule.from <= date && date <= rule.to;
    case 'set':
      return rule.holidays.some((r) => ruleCovers(r, date));
    case 'fixed': {
      if (rule.observed !== undefined && rule.observed !== 'none')
        throw new Error('simulator: observed rules unsupported');
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const inYears = (rule.fromYear ?? -Infinity) <= y && y <= (rule.untilYear ?? Infinity);
      return inYears && rule.month === m && rule.day === d;
    }
    default:
      throw new Error(`simulator: holiday kind ${rule.kind} unsupported`);
  }
}

export class MinuteSimulator {
  readonly #def: CalendarDefinition;
  readonly #days = new Map<number, Span[]>();

  constructor(def: CalendarDefinition) {
    this.#def = def;
  }

  /** The non-empty intervals opening on day number `day` (days since 1970-01-01), resolved. */
  intervalsOpeningOn(day: number): Span[] {
    const cached = this.#days.get(day);
    if (cached) return cached;
    const midnight = DateTime.fromMillis(day * DAY, { zone: 'utc' });
    const date = midnight.toISODate()!;
    const def = this.#def;
    const holiday =
      (def.holidays ?? []).some((r) => ruleCovers(r, date)) && !(def.holidayExceptions ?? []).includes(date);
    const override = def.overrides?.[date];
    const weekly = def.week[String(midnight.weekday) as '1'] ?? [];
    const pairs: readonly Pair[] = override ? override.open : holiday ? [] : weekly;
    const spans: Span[] = [];
    for (const [opening, closing] of pairs) {
      const open = minutesOf(opening);
      let close = minutesOf(closing); // "24:00" gives 1440
      if (close <= open) close += 1440; // crosses midnight
      const start = resolveWall(this.#def.zone, day * DAY + open * MINUTE);
      const end = resolveWall(this.#def.zone, day * DAY + close * MINUTE);
      if (end > start) spans.push({ start, end });
    }
    this.#days.set(day, spans);
    return spans;
  }

  /** Every interval that can meet `[fromMs, toMs)`: an interval opens at most 14 h before its date's UTC midnight and lasts at most two days. */
  rawIntervals(fromMs: number, toMs: number): Span[] {
    if (fromMs < LIMIT_LO || toMs > LIMIT_HI)
      throw new SimulatorRangeError(`simulator: ${fromMs}..${toMs} outside 2020–2035`);
    const out: Span[] = [];
    for (let day = Math.floor(fromMs / DAY) - 3; day <= Math.floor(toMs / DAY) + 1; day++)
      out.push(...this.intervalsOpeningOn(day));
    return out;
  }

  /** The open periods within `[fromMs, toMs)`: intervals clipped, sorted, overlapping or touching ones joined. */
  periods(fromMs: number, toMs: number): Span[] {
    const clipped = this.rawIntervals(fromMs, toMs)
      .map((s) => ({ start: Math.max(s.start, fromMs), end: Math.min(s.end, toMs) }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start);
    const out: { start: number; end: number }[] = [];
    for (const s of clipped) {
      const last = out[out.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else out.push({ ...s });
    }
    return out;
  }

  /** Runs `search` over windows `[t, t + w)` (or `[t − w, t)` backwards), doubling w until it answers. */
  #widening<R>(t: number, dir: 1 | -1, search: (from: number, to: number) => R | undefined): R {
    for (let w = 8 * DAY; ; w *= 2) {
      const from = dir > 0 ? t : Math.max(t - w, LIMIT_LO);
      const to = dir > 0 ? Math.min(t + w, LIMIT_HI) : t;
      const r = search(from, to);
      if (r !== undefined) return r;
      if (from === LIMIT_LO || to === LIMIT_HI) throw new SimulatorRangeError('simulator: no answer within 2020–2035');
    }
  }

  isOpen(t: number): boolean {
    return this.rawIntervals(t, t + 1).some((s) => s.start <= t && t < s.end);
  }

  between(a: number, b: number): number {
    if (b < a) return 0 - this.between(b, a) || 0;
    return this.periods(a, b).reduce((sum, p) => sum + (p.end - p.start), 0);
  }

  nextOpening(t: number): number {
    if (this.isOpen(t)) return t;
    return this.#widening(t, 1, (from, to) => {
      const starts = this.rawIntervals(from, to)
        .map((s) => s.start)
        .filter((s) => s > t && s < to);
      return starts.length > 0 ? Math.min(...starts) : undefined;
    });
  }

  nextClosing(t: number): number {
    return this.#widening(t, 1, (from, to) => {
      const p = this.periods(from, to)[0];
      return p && p.end < to ? p.end : undefined; // a period cut at the window's end may go on
    });
  }

  add(t: number, durationMs: number): number {
    if (durationMs === 0) return t;
    return this.#widening(t, 1, (from, to) => {
      let left = durationMs;
      for (const p of this.periods(from, to)) {
        if (left <= p.end - p.start) return p.start + left;
        left -= p.end - p.start;
      }
      return undefined;
    });
  }

  subtract(t: number, durationMs: number): number {
    if (durationMs === 0) return t;
    return this.#widening(t, -1, (from, to) => {
      let left = durationMs;
      for (const p of this.periods(from, to).reverse()) {
        if (left <= p.end - p.start) return p.end - left;
        left -= p.end - p.start;
      }
      return undefined;
    });
  }

  /** First opening and last closing of a date, or undefined when it is no business day. */
  businessDay(day: number): { first: number; last: number } | undefined {
    const spans = this.intervalsOpeningOn(day);
    if (spans.length === 0) return undefined;
    return { first: Math.min(...spans.map((s) => s.start)), last: Math.max(...spans.map((s) => s.end)) };
  }

  /** The `n`-th business day after day `day` (n ≥ 0; the 0-th is `day` itself). */
  #nthBusinessDayAfter(day: number, n: number): { first: number; last: number } {
    let d = day;
    for (let seen = 0; seen < n;) {
      d++;
      if (d * DAY > LIMIT_HI) throw new SimulatorRangeError('simulator: business day past 2035');
      if (this.businessDay(d)) seen++;
    }
    return this.businessDay(d)!;
  }

  addBusinessDays(t: number, n: number): number {
    const s = this.nextOpening(t);
    if (n === 0) return s;
    // s lies in an interval that opened on a date at most three UTC days back; dates after s's
    // UTC date + 1 open after s. So D, the business day with the latest first opening ≤ s, is here.
    let dayD: number | undefined;
    for (let day = Math.floor(s / DAY) - 4; day <= Math.floor(s / DAY) + 2; day++) {
      const b = this.businessDay(day);
      if (b && b.first <= s && (dayD === undefined || b.first >= this.businessDay(dayD)!.first)) dayD = day;
    }
    if (dayD === undefined) throw new Error('simulator: no business day holds s');
    const offset = this.between(this.businessDay(dayD)!.first, s);
    if (offset === 0) return this.#nthBusinessDayAfter(dayD, n - 1).last;
    const target = this.#nthBusinessDayAfter(dayD, n);
    return Math.min(this.add(target.first, offset), target.last);
  }
}
