import { axisDayLabel, clockLabel, localTime, type Words } from './reasonWords.js';

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
  for (let t = localTime(t0, zone).startOf('hour').toMillis(); t <= t1; t += stride) {
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
  let d = localTime(t0, zone).startOf(days >= 7 ? 'week' : 'day');
  for (let i = 0; i < 100 && d.toMillis() <= t1; i++, d = d.plus({ days }).startOf('day')) {
    if (d.toMillis() >= t0) out.push({ at: d.toMillis(), label: axisDayLabel(d.toMillis(), zone, words, false) });
  }
  return out;
}

function monthTicks(t0: number, t1: number, zone: string, words: Words, months: number): Tick[] {
  const out: Tick[] = [];
  let d = localTime(t0, zone).startOf(months >= 12 ? 'year' : 'month');
  for (let i = 0; i < 100 && d.toMillis() <= t1; i++, d = d.plus({ months }).startOf('month')) {
    if (d.toMillis() >= t0) out.push({ at: d.toMillis(), label: axisDayLabel(d.toMillis(), zone, words, true) });
  }
  return out;
}
