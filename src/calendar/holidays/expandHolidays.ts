import { daysFromCivil, daysInMonth, easterSunday, isoWeekday, parseIsoDate } from '../../internal/civil.js';
import type { HolidayRuleDefinition, HolidaySetDefinition } from '../schema.js';

/**
 * A holiday of a calendar: its local date, its name and the set it came from.
 * @category Calendar
 */
export interface HolidayEntry {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The rule's name; an observed copy ends in ` (observed)`. */
  readonly name: string;
  /** The name of the holiday set the rule belongs to, if any. */
  readonly set?: string;
}

/** A holiday found on a date, with the rule's name and the set it came from. */
export interface HolidayOccurrence {
  readonly name: string;
  readonly set?: string;
}

type Rule = HolidayRuleDefinition & { readonly set?: string };

/** Flattens rules and sets into one list of rules, each remembering its set's name. @internal */
export function flattenHolidays(items: readonly (HolidayRuleDefinition | HolidaySetDefinition)[]): Rule[] {
  const out: Rule[] = [];
  for (const item of items) {
    if (item.kind === 'set') for (const rule of item.holidays) out.push({ ...rule, set: item.name });
    else out.push(item);
  }
  return out;
}

/** Whether a rule's year bounds (`fromYear`, `untilYear`, both inclusive) let it apply in `year`. @internal */
export function applies(
  rule: { readonly fromYear?: number | undefined; readonly untilYear?: number | undefined },
  year: number,
): boolean {
  return (
    (rule.fromYear === undefined || year >= rule.fromYear) && (rule.untilYear === undefined || year <= rule.untilYear)
  );
}

/** Day numbers a rule yields when instantiated for `year`, with a suffix for observed days. */
function instances(rule: Rule, year: number): { day: number; observed: boolean }[] {
  switch (rule.kind) {
    case 'fixed': {
      if (!applies(rule, year) || rule.day > daysInMonth(year, rule.month)) return [];
      const day = daysFromCivil(year, rule.month, rule.day);
      const out = [{ day, observed: false }];
      const wd = isoWeekday(day);
      const shift = observedShift(rule.observed ?? 'none', wd);
      if (shift !== 0) out.push({ day: day + shift, observed: true });
      return out;
    }
    case 'easter':
      return applies(rule, year) ? [{ day: easterSunday(year) + rule.offsetDays, observed: false }] : [];
    case 'nthWeekday': {
      const day = applies(rule, year) ? nthWeekdayOf(year, rule.month, rule.weekday, rule.nth) : undefined;
      return day === undefined ? [] : [{ day, observed: false }];
    }
    case 'date':
      return [{ day: parseIsoDate(rule.date)!, observed: false }];
    case 'range': {
      const from = Math.max(parseIsoDate(rule.from)!, daysFromCivil(year, 1, 1));
      const to = Math.min(parseIsoDate(rule.to)!, daysFromCivil(year, 12, 31));
      const out = [];
      for (let d = from; d <= to; d++) out.push({ day: d, observed: false });
      return out;
    }
  }
}

/**
 * The day number of the `nth` (1–5) or last ISO `weekday` of a month, or `undefined` when the
 * month has no such day (a 5th Monday, say).
 * @internal
 */
export function nthWeekdayOf(year: number, month: number, weekday: number, nth: number | 'last'): number | undefined {
  if (nth === 'last') {
    const lastDay = daysFromCivil(year, month, daysInMonth(year, month));
    return lastDay - ((isoWeekday(lastDay) - weekday + 7) % 7);
  }
  const first = daysFromCivil(year, month, 1);
  const day = first + ((weekday - isoWeekday(first) + 7) % 7) + (nth - 1) * 7;
  return day < first + daysInMonth(year, month) ? day : undefined;
}

/** Days to move a holiday falling on ISO weekday `wd` under an observance policy. */
function observedShift(
  policy: 'none' | 'sunday_to_monday' | 'weekend_to_monday' | 'nearest_weekday',
  wd: number,
): number {
  switch (policy) {
    case 'none':
      return 0;
    case 'sunday_to_monday':
      return wd === 7 ? 1 : 0;
    case 'weekend_to_monday':
      return wd === 6 ? 2 : wd === 7 ? 1 : 0;
    case 'nearest_weekday':
      return wd === 6 ? -1 : wd === 7 ? 1 : 0;
  }
}

/**
 * Every holiday falling in local calendar year `year`: day number → occurrences. Rules are
 * instantiated for the neighbouring years too, so that an observed day or an Easter offset that
 * crosses New Year lands in the right year. Dates in `exceptions` are removed.
 * @internal
 */
export function holidaysOfYear(
  rules: readonly Rule[],
  exceptions: ReadonlySet<number>,
  year: number,
): Map<number, HolidayOccurrence[]> {
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year, 12, 31);
  const out = new Map<number, HolidayOccurrence[]>();
  for (const rule of rules) {
    const years = rule.kind === 'date' || rule.kind === 'range' ? [year] : [year - 1, year, year + 1];
    for (const y of years) {
      for (const { day, observed } of instances(rule, y)) {
        if (day < first || day > last || exceptions.has(day)) continue;
        const occurrence: HolidayOccurrence = {
          name: observed ? `${rule.name} (observed)` : rule.name,
          ...(rule.set === undefined ? {} : { set: rule.set }),
        };
        const list = out.get(day);
        if (list) list.push(occurrence);
        else out.set(day, [occurrence]);
      }
    }
  }
  return out;
}
