/**
 * What the holiday adapters produce, and how it joins a calendar definition: whole days as a holiday
 * set (ordinary `date` and `range` rules), part days as closures that become per-date overrides.
 * Shared by the subpath entries; it reaches the core only through the public entry point, so that
 * each entry's CommonJS bundle uses the core's own classes.
 */
import { isoWeekday, parseIsoDate } from '../internal/civil.js';
import {
  type CalendarDefinition,
  compileCalendar,
  type HolidaySetDefinition,
  type IntervalDefinition,
} from '../index.js';

/**
 * A closure for part of one date, in the calendar's wall time: the intervals opening on `date`
 * lose their open time within `[from, to)`.
 * @category Adapters
 */
export interface PartDayClosure {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Wall time the closure starts, `HH:MM`. */
  readonly from: string;
  /** Wall time the closure ends, `HH:MM` or `24:00`. */
  readonly to: string;
  /** What the closure is, e.g. the holiday's name. */
  readonly name: string;
}

/**
 * Holidays read from an outside source: whole days as a holiday set, and the part days.
 * @category Adapters
 */
export interface ImportedHolidays {
  /** The whole days, as `date` and `range` rules. */
  readonly holidays: HolidaySetDefinition;
  /** The part days, in date order. */
  readonly closures: readonly PartDayClosure[];
}

const MINUTES_PER_DAY = 1440;

/** `HH:MM` of minutes since midnight, 0–1440 (`24:00`). */
export function formatMinutes(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function minutesOf(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** `[open, close)` minutes from the date's midnight of an interval; a closing at or before its opening runs past midnight. */
function span([opening, closing]: IntervalDefinition): [number, number] {
  const open = minutesOf(opening);
  let close = minutesOf(closing);
  if (close <= open) close += MINUTES_PER_DAY;
  return [open, close];
}

/** Interval back from minutes; a piece that would open at or after the next midnight cannot belong to this date. */
function interval([open, close]: readonly [number, number]): [string, string] {
  return [formatMinutes(open), close === MINUTES_PER_DAY ? '24:00' : formatMinutes(close % MINUTES_PER_DAY)];
}

/**
 * A date's intervals less the closure windows. Windows are minutes from the date's midnight, so a
 * closure `[14:00, 24:00)` leaves only the part after midnight of an interval 22:00–06:00; that part
 * would open at 24:00, which no interval of this date can, so it goes with its interval, as a
 * holiday takes every interval opening on its date.
 */
export function subtractWindows(
  intervals: readonly IntervalDefinition[],
  windows: readonly (readonly [number, number])[],
): [number, number][] {
  let pieces = intervals.map(span);
  for (const [from, to] of windows) {
    pieces = pieces.flatMap(([a, b]): [number, number][] => {
      if (to <= a || from >= b) return [[a, b]];
      const out: [number, number][] = [];
      if (a < from) out.push([a, from]);
      if (to < b) out.push([to, b]);
      return out;
    });
  }
  return pieces.filter(([a]) => a < MINUTES_PER_DAY);
}

/**
 * The definition with the imported holidays added: the set after the definition's own holidays,
 * and each part-day closure as an override of its date, unless a holiday already closes that date
 * or it leaves the date's open time as it was. The override starts from the date's own override
 * when the definition has one, else from the weekly intervals of its weekday. The result is
 * validated by `compileCalendar`.
 * @throws {@link PolicyValidationError} when the definition (or the result) is not a valid calendar
 */
export function mergeImported(definition: CalendarDefinition, imported: ImportedHolidays): CalendarDefinition {
  const withSet: CalendarDefinition = { ...definition, holidays: [...(definition.holidays ?? []), imported.holidays] };
  const calendar = compileCalendar(withSet);
  const holidayDates = new Map<number, Set<string>>();
  const isHoliday = (date: string) => {
    const year = Number(date.slice(0, 4));
    let dates = holidayDates.get(year);
    if (!dates) holidayDates.set(year, (dates = new Set(calendar.holidaysIn(year).map((h) => h.date))));
    return dates.has(date);
  };
  const byDate = new Map<string, PartDayClosure[]>();
  for (const c of imported.closures) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c]);
  const overrides: Record<string, { open: [string, string][]; name?: string }> = {};
  for (const [date, closures] of byDate) {
    if (isHoliday(date)) continue;
    const own = definition.overrides?.[date];
    const weekday = String(isoWeekday(parseIsoDate(date)!)) as keyof CalendarDefinition['week'];
    const base = own?.open ?? definition.week[weekday] ?? [];
    const windows = closures.map((c) => [minutesOf(c.from), minutesOf(c.to)] as const);
    const before = base.map(span);
    const after = subtractWindows(base, windows);
    if (after.length === before.length && after.every(([a, b], i) => a === before[i]![0] && b === before[i]![1]))
      continue;
    const name = own?.name ?? [...new Set(closures.map((c) => c.name))].join(', ').slice(0, 200);
    overrides[date] = { open: after.map(interval), name };
  }
  if (Object.keys(overrides).length === 0) return withSet;
  const merged: CalendarDefinition = { ...withSet, overrides: { ...definition.overrides, ...overrides } };
  compileCalendar(merged);
  return merged;
}
