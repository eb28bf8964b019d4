/** The times of an iCalendar event, as day numbers and wall minutes of the calendar's zone. */
import type ICAL from 'ical.js';
import { DateTime, IANAZone, Info } from 'luxon';
import { daysFromCivil } from '../internal/civil.js';
import { fail } from './options.js';

type Time = InstanceType<typeof ICAL.Time>;

/** A point of wall time: a day number and minutes since its midnight (possibly past 1440). */
export interface WallPoint {
  readonly day: number;
  readonly minute: number;
}

/** The zone of an option, as luxon reads it; the machine's zone (`local`, `system`) is refused. */
export function checkedZone(zone: unknown, path: readonly (string | number)[]): string {
  const parsed = typeof zone === 'string' ? Info.normalizeZone(zone) : undefined;
  if (parsed === undefined || !parsed.isValid || parsed.type === 'system') {
    fail('invalid_zone', path, 'an IANA time zone, UTC or UTC±HH:MM', zone);
  }
  return zone as string;
}

/** Day number of a date-valued time (its day may run past the month's end: `day += 1` does not carry). */
export function dayOf(time: Time): number {
  return daysFromCivil(time.year, time.month, time.day);
}

/**
 * The instant of a date-time, in epoch ms, given the TZID parameter of its property. A UTC time
 * (`Z`) is one; a time in an IANA zone is read with that zone's rules (more complete over decades
 * than a feed's VTIMEZONE, which often holds only the current rule); another TZID (Outlook's
 * `W. Europe Standard Time`) by the feed's VTIMEZONE of that name; a floating time (no TZID) as
 * wall time of the calendar's zone.
 */
export function instantOf(
  time: Time,
  tzid: string | undefined,
  calendarZone: string,
  path: readonly (string | number)[],
): number {
  const fields = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
  };
  if (time.zone?.tzid === 'UTC') {
    return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  }
  if (tzid === undefined) return DateTime.fromObject(fields, { zone: calendarZone }).toMillis();
  if (IANAZone.isValidZone(tzid)) return DateTime.fromObject(fields, { zone: tzid }).toMillis();
  if (time.zone?.component) return time.toUnixTime() * 1000;
  return fail('invalid_feed', path, 'a TZID that is an IANA zone or that a VTIMEZONE of the feed defines', tzid);
}

/** Wall time of an instant in the calendar's zone; seconds round down (`up`: up) to the minute. */
export function wallOf(ms: number, zone: string, up: boolean): WallPoint {
  const t = DateTime.fromMillis(ms, { zone });
  const extra = up && (t.second > 0 || t.millisecond > 0) ? 1 : 0;
  return { day: daysFromCivil(t.year, t.month, t.day), minute: t.hour * 60 + t.minute + extra };
}
