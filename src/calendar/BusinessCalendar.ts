import { argumentError } from '../errors.js';
import { formatIsoDate, MS_PER_DAY } from '../internal/civil.js';
import {
  type InstantLike,
  MAX_SUPPORTED_MS,
  MIN_SUPPORTED_MS,
  type SameInstantKind,
  instantMs,
  toSameKind,
} from '../instant.js';
import { add } from './add.js';
import { checkRoom, checkWholeNonNegative, durationArg } from './amounts.js';
import { addBusinessDays } from './addBusinessDays.js';
import { between } from './between.js';
import type { HolidayEntry } from './holidays/expandHolidays.js';
import { isOpen } from './isOpen.js';
import { nextClosing } from './nextClosing.js';
import { nextOpening } from './nextOpening.js';
import { type OpenInterval, openIntervals } from './openIntervals.js';
import type { CalendarDefinition } from './schema.js';
import { subtract } from './subtract.js';
import type { CalendarTables } from './tables.js';

let tablesOf: (calendar: BusinessCalendar) => CalendarTables;

/**
 * The tables behind `calendar`, for the library's own hot loops (the SLA engine), which call the
 * calendar's functions on epoch ms they have checked already. @internal
 */
export const calendarTables = (calendar: BusinessCalendar): CalendarTables => tablesOf(calendar);

/**
 * A compiled, immutable business calendar: the answer to "is support open now, and when is this
 * deadline?" for one zone, weekly schedule, holiday set and override list.
 *
 * @remarks
 * Make one with {@link compileCalendar}. Its methods group by role:
 *
 * - **state at an instant**: {@link BusinessCalendar.isOpen}, {@link BusinessCalendar.nextOpening},
 *   {@link BusinessCalendar.nextClosing};
 * - **arithmetic**: {@link BusinessCalendar.add}, {@link BusinessCalendar.subtract},
 *   {@link BusinessCalendar.between}, {@link BusinessCalendar.addBusinessDays};
 * - **listing**: {@link BusinessCalendar.openIntervals}, {@link BusinessCalendar.holidaysIn}.
 *
 * Semantics (see `docs/calendars.md`): an open interval contains its opening and not its closing;
 * wall times resolve by one DST rule, *the first instant at which the local clock shows that time
 * or later*; an interval belongs to the date it opens on; `24:00` closes at the next midnight.
 * Every instant argument may be epoch ms, a `Date` or a luxon `DateTime`, and every instant result
 * comes back as the same kind. Nothing depends on the machine's time zone or clock.
 *
 * Open-interval tables are built lazily, one span of 366 days at a time, and cached: the object is
 * frozen and its answers never change, but the first call in a new year builds that year's table
 * (see "Cost" in `docs/calendars.md` for what each method builds and what a calendar keeps).
 *
 * @example
 * ```ts
 * import { compileCalendar, spainNationalHolidays } from 'support-policy';
 * const support = compileCalendar({
 *   zone: 'Europe/Madrid',
 *   week: { 1: [['08:00', '18:00']], 2: [['08:00', '18:00']], 3: [['08:00', '18:00']],
 *           4: [['08:00', '18:00']], 5: [['08:00', '18:00']] },
 *   holidays: [spainNationalHolidays],
 * });
 * // Monday 5 January 2026, 17:00 in Madrid, plus 2 business hours: Tuesday is Epiphany.
 * support.add(new Date('2026-01-05T16:00:00Z'), 2 * 3_600_000).toISOString(); //=> '2026-01-07T08:00:00.000Z'
 * ```
 * @category Calendar
 */
export class BusinessCalendar {
  /** The zone the schedule's wall times are read in. */
  readonly zone: string;
  /** The validated definition this calendar was compiled from (frozen). */
  readonly definition: Readonly<CalendarDefinition>;
  readonly #tables: CalendarTables;

  /** @internal Use {@link compileCalendar}. */
  constructor(definition: CalendarDefinition, tables: CalendarTables) {
    this.zone = definition.zone;
    this.definition = definition;
    this.#tables = tables;
    Object.freeze(this);
  }

  static {
    tablesOf = (calendar) => calendar.#tables;
  }

  /**
   * Whether the calendar is open at an instant. An opening is open; a closing is not.
   *
   * @example
   * ```ts
   * import { compileCalendar } from 'support-policy';
   * const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 1: [['08:00', '18:00']] } });
   * cal.isOpen(new Date('2026-01-05T07:00:00Z')); //=> true
   * cal.isOpen(new Date('2026-01-05T17:00:00Z')); //=> false
   * ```
   * @throws {@link InvalidArgumentError} `invalid_instant`, `out_of_range`
   */
  isOpen(at: InstantLike): boolean {
    return isOpen(this.#tables, instantMs(at, 'at'));
  }

  /**
   * The first instant at or after `at` at which the calendar is open: `at` itself when open.
   *
   * @example
   * ```ts
   * import { compileCalendar } from 'support-policy';
   * const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 1: [['08:00', '18:00']] } });
   * // Saturday 3 January 2026 → Monday 08:00 Madrid time.
   * cal.nextOpening(new Date('2026-01-03T12:00:00Z')).toISOString(); //=> '2026-01-05T07:00:00.000Z'
   * ```
   * @throws {@link CalculationError} `never_open` when no opening exists
   */
  nextOpening<T extends InstantLike>(at: T): SameInstantKind<T> {
    return toSameKind(nextOpening(this.#tables, instantMs(at, 'at')), at);
  }

  /**
   * When the open period containing `at` ends; when closed at `at`, when the next one ends.
   * Always later than `at`. Periods that touch (08:00–24:00 then 00:00–18:00) count as one.
   *
   * @example
   * ```ts
   * import { compileCalendar } from 'support-policy';
   * const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 1: [['08:00', '18:00']] } });
   * cal.nextClosing(new Date('2026-01-05T09:00:00Z')).toISOString(); //=> '2026-01-05T17:00:00.000Z'
   * ```
   * @throws {@link CalculationError} `never_open`; `never_closes` for a calendar that is always open
   */
  nextClosing<T extends InstantLike>(at: T): SameInstantKind<T> {
    return toSameKind(nextClosing(this.#tables, instantMs(at, 'at')), at);
  }

  /**
   * The earliest instant at which `durationMs` of open time has elapsed since `at`.
   *
   * @remarks
   * Time before the first opening after `at` does not count. A deadline reached exactly at a
   * closing is that closing (Monday 18:00), not the next opening. `add(t, 0)` is `t`.
   *
   * @param durationMs - whole, non-negative milliseconds
   * @example
   * ```ts
   * import { compileCalendar } from 'support-policy';
   * const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 1: [['08:00', '18:00']] } });
   * cal.add(Date.parse('2026-01-05T16:00:00Z'), 3_600_000); //=> 1767632400000
   * ```
   * @throws {@link InvalidArgumentError} `invalid_duration` for NaN, infinite, fractional or negative durations
   * @throws {@link CalculationError} `never_open` when the calendar never gathers that much open time;
   *   `out_of_range` when the answer would fall after 2399 (at once when the duration exceeds the wall time left)
   */
  add<T extends InstantLike>(at: T, durationMs: number): SameInstantKind<T> {
    const from = instantMs(at, 'at');
    checkRoom(durationArg(durationMs), MAX_SUPPORTED_MS - from, 'durationMs', 'this much open time');
    return toSameKind(add(this.#tables, from, durationMs), at);
  }

  /**
   * The latest instant before `at` with exactly `durationMs` of open time between it and `at`.
   *
   * @remarks
   * The mirror of {@link BusinessCalendar.add}: where several instants qualify it picks an opening
   * rather than the previous closing, so `subtract(add(t, d), d)` is `t` whenever `t` is open.
   *
   * @example
   * ```ts
   * import { compileCalendar } from 'support-policy';
   * const cal = compileCalendar({ zone: 'UTC', week: { 1: [['08:00', '18:00']], 2: [['08:00', '18:00']] } });
   * // Two hours before Tuesday 09:00 is Monday 17:00.
   * cal.subtract(new Date('2026-01-06T09:00:00Z'), 2 * 3_600_000).toISOString(); //=> '2026-01-05T17:00:00.000Z'
   * ```
   * @throws {@link InvalidArgumentError} `invalid_duration`
   * @throws {@link CalculationError} `never_open` when there is not that much open time before `at`;
   *   `out_of_range` when the answer would fall before 1900 (at once when the duration exceeds the wall time before `at`)
   */
  subtract<T extends InstantLike>(at: T, durationMs: number): SameInstantKind<T> {
    const from = instantMs(at, 'at');
    checkRoom(durationArg(durationMs), from - MIN_SUPPORTED_MS, 'durationMs', 'this much open time back');
    return toSameKind(subtract(this.#tables, from, durationMs), at);
  }

  /**
   * Open time in `[from, to)`, in milliseconds; negative when `to` is before `from`.
   *
   * @example
   * ```ts
   * import { compileCalendar } from 'support-policy';
   * const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 1: [['08:00', '18:00']], 2: [['08:00', '18:00']] } });
   * // Monday 17:00 → Tuesday 09:00 Madrid: one hour on Monday, one on Tuesday.
   * cal.between(new Date('2026-01-05T16:00:00Z'), new Date('2026-01-06T08:00:00Z')); //=> 7200000
   * ```
   */
  between(from: InstantLike, to: InstantLike): number {
    return between(this.#tables, instantMs(from, 'from'), instantMs(to, 'to'));
  }

  /**
   * Adds whole business days: the same point of the business day, `days` business days later.
   *
   * @remarks
   * From the first open instant `s` at or after `at`, at open-time offset `o` into its business
   * day D, the result is offset `o` into the `days`-th business day after D, clamped to that day's
   * last closing when that day is shorter. When `o = 0` the same point of business time is
   * reached at the last closing of the day before: one business day from Friday 19:00 or Monday
   * 07:00 is Monday 18:00; from Monday 10:00 it is Tuesday 10:00. A business day is a date on which
   * at least one interval opens.
   *
   * @param days - a whole, non-negative number of business days
   * @example
   * ```ts
   * import { compileCalendar } from 'support-policy';
   * const weekdays = [['08:00', '18:00']] as [string, string][];
   * const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays } });
   * // From Friday 2 January 2026, 19:00 Madrid: Monday 18:00.
   * cal.addBusinessDays(new Date('2026-01-02T18:00:00Z'), 1).toISOString(); //=> '2026-01-05T17:00:00.000Z'
   * // From Monday 10:00: Tuesday 10:00.
   * cal.addBusinessDays(new Date('2026-01-05T09:00:00Z'), 1).toISOString(); //=> '2026-01-06T09:00:00.000Z'
   * ```
   * @throws {@link InvalidArgumentError} `invalid_days` for negative or fractional days
   * @throws {@link CalculationError} `never_open`; `out_of_range` when the answer would fall after 2399
   *   (at once when there are fewer calendar days left than business days asked for)
   */
  addBusinessDays<T extends InstantLike>(at: T, days: number): SameInstantKind<T> {
    checkWholeNonNegative(days, 'days', 'invalid_days', 'a whole, non-negative number of business days');
    const from = instantMs(at, 'at');
    checkRoom(days, Math.floor((MAX_SUPPORTED_MS - from) / MS_PER_DAY), 'days', 'this many business days');
    return toSameKind(addBusinessDays(this.#tables, from, days), at);
  }

  /**
   * The open periods within `[from, to)`, clipped to it, as instants of the same kind as `from`.
   *
   * @example
   * ```ts
   * import { compileCalendar } from 'support-policy';
   * const cal = compileCalendar({ zone: 'UTC', week: { 1: [['08:00', '12:00'], ['14:00', '18:00']] } });
   * cal.openIntervals(Date.parse('2026-01-05T10:00:00Z'), Date.parse('2026-01-06T00:00:00Z')).length; //=> 2
   * ```
   */
  openIntervals<T extends InstantLike>(from: T, to: InstantLike): OpenInterval<SameInstantKind<T>>[] {
    const a = instantMs(from, 'from');
    const b = instantMs(to, 'to');
    return openIntervals(this.#tables, a, b).map((iv) =>
      Object.freeze({ start: toSameKind(iv.start, from), end: toSameKind(iv.end, from) }),
    );
  }

  /**
   * The holidays of a local calendar year, in date order, after exceptions are applied.
   *
   * @example
   * ```ts
   * import { compileCalendar, spainNationalHolidays } from 'support-policy';
   * const cal = compileCalendar({ zone: 'Europe/Madrid', week: {}, holidays: [spainNationalHolidays] });
   * cal.holidaysIn(2026).find((h) => h.name === 'Good Friday')?.date; //=> '2026-04-03'
   * ```
   * @throws {@link InvalidArgumentError} `out_of_range` for a year outside 1900–2399
   */
  holidaysIn(year: number): HolidayEntry[] {
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2399) {
      throw argumentError('out_of_range', ['year'], 'a whole year from 1900 to 2399', year);
    }
    const out: HolidayEntry[] = [];
    for (const [day, list] of [...this.#tables.holidays(year)].sort((a, b) => a[0] - b[0])) {
      for (const h of list) out.push(Object.freeze({ date: formatIsoDate(day), ...h }));
    }
    return out;
  }
}
