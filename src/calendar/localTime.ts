import { civilFromDays, daysFromCivil, isoWeekday, MS_PER_DAY } from '../internal/civil.js';
import { zoneFor } from '../internal/zone.js';
import { sharedOffsetReader } from './sharedOffsetTables.js';
import { findOffsetTable, resolveWallTime } from './wallTime.js';

/**
 * Local dates and times of instants in a zone, for the texts and tables the library writes
 * (explanations, deadline pictures, compliance periods): read through `Intl` with the calendar's
 * own offset reader, so that none of them needs luxon, and a wall time turned back into an instant
 * by the calendar's one DST rule (`resolveWallTime`).
 */

/** An instant's local date and time in a zone. @internal */
export interface LocalTime {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  /** ISO weekday: 1 (Monday) to 7 (Sunday). */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  /** The local date as a day number (days since 1970-01-01). */
  readonly days: number;
}

const HOUR_MS = 3_600_000;

/** The offset reader of a zone name the caller has checked. */
function readerOf(zone: string) {
  const z = zoneFor(zone);
  if (z === undefined) throw new RangeError(`not a time zone: ${zone}`);
  return sharedOffsetReader(z);
}

/** The local date and time of instant `ms` in `zone` (a checked zone name). @internal */
export function localTime(ms: number, zone: string): LocalTime {
  const local = ms + readerOf(zone)(ms);
  const days = Math.floor(local / MS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  const inDay = local - days * MS_PER_DAY;
  const hour = Math.floor(inDay / HOUR_MS);
  return {
    year,
    month,
    day,
    weekday: isoWeekday(days),
    hour,
    minute: Math.floor((inDay - hour * HOUR_MS) / 60_000),
    days,
  };
}

/**
 * The instant at which the local clock of `zone` first shows wall time `wallMs` (written as if it
 * were UTC) or later: the calendar's rule, so a wall time in a spring-forward gap is the
 * transition, and one in a fall-back overlap its earlier instant. @internal
 */
export function wallTimeAt(wallMs: number, zone: string): number {
  return resolveWallTime(findOffsetTable(readerOf(zone), wallMs - MS_PER_DAY, wallMs + MS_PER_DAY), wallMs);
}

/** The instant local day `days` (a day number) begins in `zone`. @internal */
export const startOfDay = (days: number, zone: string): number => wallTimeAt(days * MS_PER_DAY, zone);

/** The instant the local month `month` (1–12, may run past 12) of `year` begins in `zone`. @internal */
export const startOfMonth = (year: number, month: number, zone: string): number =>
  startOfDay(daysFromCivil(year + Math.floor((month - 1) / 12), ((((month - 1) % 12) + 12) % 12) + 1, 1), zone);

/** The instant the local hour holding instant `ms` begins in `zone`. @internal */
export function startOfHour(ms: number, zone: string): number {
  const local = ms + readerOf(zone)(ms);
  return wallTimeAt(Math.floor(local / HOUR_MS) * HOUR_MS, zone);
}

/** The ISO week of a local date: its week-numbering year and week (1–53). @internal */
export function isoWeek(days: number): { readonly weekYear: number; readonly week: number } {
  const thursday = days - isoWeekday(days) + 4;
  const weekYear = civilFromDays(thursday).year;
  return { weekYear, week: Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1 };
}
