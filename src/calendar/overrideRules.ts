import { daysFromCivil, daysInMonth, easterSunday, isoWeekday, parseIsoDate } from '../internal/civil.js';
import { applies, nthWeekdayOf } from './holidays/expandHolidays.js';
import type { MinuteSpan } from './model.js';
import type { OverrideRuleDefinition } from './schema.js';

/** An override of one date: the spans that replace the weekly ones, and its name. @internal */
export interface DayOverride {
  readonly spans: readonly MinuteSpan[];
  readonly name?: string;
}

/** An override rule as the engine reads it: the rule, its spans, and its weekdays as a bit mask. @internal */
export interface CompiledOverrideRule {
  readonly rule: OverrideRuleDefinition;
  readonly override: DayOverride;
  /** Bit `w` set: the rule applies on ISO weekday `w`. */
  readonly weekdays: number;
}

/** Every month (1–12), or the one month a rule names. */
function monthsOf(month: number | undefined): number[] {
  return month === undefined ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [month];
}

/** The day numbers in local calendar year `year` that a rule names, before its weekday filter. */
export function ruleDaysIn(rule: OverrideRuleDefinition, year: number): number[] {
  if (rule.kind === 'range') {
    const from = Math.max(parseIsoDate(rule.from)!, daysFromCivil(year, 1, 1));
    const to = Math.min(parseIsoDate(rule.to)!, daysFromCivil(year, 12, 31));
    const out = [];
    for (let d = from; d <= to; d++) out.push(d);
    return out;
  }
  if (!applies(rule, year)) return [];
  switch (rule.kind) {
    case 'fixed':
      return monthsOf(rule.month)
        .filter((m) => rule.day <= daysInMonth(year, m))
        .map((m) => daysFromCivil(year, m, rule.day));
    case 'nthWeekday':
      return monthsOf(rule.month)
        .map((m) => nthWeekdayOf(year, m, rule.weekday, rule.nth))
        .filter((d): d is number => d !== undefined);
    case 'easter':
      // −80…200 days from Easter (22 March – 25 April) stay within its year.
      return [easterSunday(year) + rule.offsetDays];
  }
}

/**
 * The dates of local calendar year `year` that override rules name, each with the override of the
 * first rule (in list order) naming it on one of its weekdays.
 * @internal
 */
export function ruleOverridesOfYear(rules: readonly CompiledOverrideRule[], year: number): Map<number, DayOverride> {
  const out = new Map<number, DayOverride>();
  for (const { rule, override, weekdays } of rules) {
    for (const day of ruleDaysIn(rule, year)) {
      if ((weekdays & (1 << isoWeekday(day))) !== 0 && !out.has(day)) out.set(day, override);
    }
  }
  return out;
}
