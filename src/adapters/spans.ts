/** A closed stretch of wall time cut into whole days (holiday rules) and part days (closures). */
import { formatIsoDate } from '../internal/civil.js';
import type { HolidayRuleDefinition } from '../index.js';
import { formatMinutes, type PartDayClosure } from './closures.js';

const MINUTES_PER_DAY = 1440;

/**
 * The dates a closure covers from minute `start` to minute `end` (both counted from the midnight
 * of day number `day`, `end` > `start`): the dates it covers from midnight to midnight, and a
 * closure for each date it covers in part.
 */
export function daySpans(
  day: number,
  start: number,
  end: number,
  name: string,
): { whole: number[]; closures: PartDayClosure[] } {
  const whole: number[] = [];
  const closures: PartDayClosure[] = [];
  for (let d = Math.floor(start / MINUTES_PER_DAY); d * MINUTES_PER_DAY < end; d++) {
    const from = Math.max(start - d * MINUTES_PER_DAY, 0);
    const to = Math.min(end - d * MINUTES_PER_DAY, MINUTES_PER_DAY);
    if (from === 0 && to === MINUTES_PER_DAY) whole.push(day + d);
    else if (to > from)
      closures.push({ date: formatIsoDate(day + d), from: formatMinutes(from), to: formatMinutes(to), name });
  }
  return { whole, closures };
}

/** Day numbers (ascending) as rules: a `date` rule for a lone day, a `range` rule for consecutive days. */
export function wholeDayRules(days: readonly number[], name: string): HolidayRuleDefinition[] {
  const out: HolidayRuleDefinition[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    const from = formatIsoDate(days[i]!);
    out.push(i === j ? { kind: 'date', date: from, name } : { kind: 'range', from, to: formatIsoDate(days[j]!), name });
    i = j + 1;
  }
  return out;
}
