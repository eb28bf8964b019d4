import { localTime, startOfDay, startOfHour, startOfMonth } from '../calendar/localTime.js';
import { axisDayLabel, clockLabel, type Words } from './reasonWords.js';

/** A tick of a deadline picture's time axis: its instant and label, in the picture's zone. @internal */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Steps within a day, in minutes; then whole days; then months (doubled until they fit). */
const MINUTE_STEPS = [15, 30, 60, 120, 180, 360, 720];
const DAY_STEPS = [1, 2, 7, 14];

/**
 * At most `max` ticks from `t0` to `t1` in `zone`: local times on a round step of minutes or hours
 * (a midnight labelled with its day), local midnights every 1, 2, 7 (Mondays) or 14 days, or
 * the first days of months. Every loop is bounded by `max` ticks or by the hours of a span that
 * fits `max` ticks of 12 hours.
 * @internal
 */
export function axisTicks(t0: number, t1: number, zone: string, words: Words, max: number): Tick[] {
  const span = t1 - t0;
  for (const minutes of MINUTE_STEPS) {
    if (span / (minutes * MINUTE) <= max) return timeTicks(t0, t1, zone, words, minutes);
  }
  for (const days of DAY_STEPS) {
    if (span / (days * DAY) <= max) return dayTicks(t0, t1, zone, words, days);
  }
  let months = 1;
  while (span / (months * 30 * DAY) > max) months *= 2;
  return monthTicks(t0, t1, zone, words, months);
}

function timeTicks(t0: number, t1: number, zone: string, words: Words, minutes: number): Tick[] {
  const out: Tick[] = [];
  const stride = Math.min(minutes, 60) * MINUTE;
  for (let t = startOfHour(t0, zone); t <= t1; t += stride) {
    if (t < t0) continue;
    const d = localTime(t, zone);
    if ((d.hour * 60 + d.minute) % minutes !== 0) continue;
    const midnight = d.hour === 0 && d.minute === 0;
    out.push({ at: t, label: midnight ? axisDayLabel(t, zone, words, false) : clockLabel(t, zone) });
  }
  return out;
}

function dayTicks(t0: number, t1: number, zone: string, words: Words, days: number): Tick[] {
  const out: Tick[] = [];
  const first = localTime(t0, zone);
  // Every `days` days from the local day of t0, or from its week's Monday for steps of weeks.
  let day = days >= 7 ? first.days - (first.weekday - 1) : first.days;
  for (let i = 0, at = startOfDay(day, zone); i < 100 && at <= t1; i++, day += days, at = startOfDay(day, zone)) {
    // A date the zone skipped starts where the next one does: one tick for both.
    if (at >= t0 && at !== out[out.length - 1]?.at) out.push({ at, label: axisDayLabel(at, zone, words, false) });
  }
  return out;
}

function monthTicks(t0: number, t1: number, zone: string, words: Words, months: number): Tick[] {
  const out: Tick[] = [];
  const first = localTime(t0, zone);
  // Every `months` months from the month of t0, or from its year's January for steps of years.
  const year = first.year;
  let month = months >= 12 ? 1 : first.month;
  for (let i = 0, at = startOfMonth(year, month, zone); i < 100 && at <= t1; i++) {
    if (at >= t0) out.push({ at, label: axisDayLabel(at, zone, words, true) });
    month += months;
    at = startOfMonth(year, month, zone);
  }
  return out;
}
