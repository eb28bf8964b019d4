import { daysFromCivil, parseIsoDate } from '../internal/civil.js';
import { type CalendarZone, zoneFor } from '../internal/zone.js';
import { flattenHolidays } from './holidays/expandHolidays.js';
import type { CompiledOverrideRule } from './overrideRules.js';
import { type CalendarDefinition, intervalMinutes } from './schema.js';

/** Minute spans `[open, close)` from a date's midnight; `close` may pass 1440 (runs into the next date). */
export type MinuteSpan = readonly [number, number];

/**
 * A validated calendar definition turned into what the engine reads: minute spans, day numbers
 * and flattened holiday rules.
 * @internal
 */
export interface CalendarModel {
  readonly zoneName: string;
  readonly zone: CalendarZone;
  /** Index 1–7 (ISO weekday) → spans; index 0 unused. */
  readonly week: readonly (readonly MinuteSpan[])[];
  readonly overrides: ReadonlyMap<number, { readonly spans: readonly MinuteSpan[]; readonly name?: string }>;
  /** Override rules in their order (the first naming a date applies). */
  readonly overrideRules: readonly CompiledOverrideRule[];
  readonly rules: ReturnType<typeof flattenHolidays>;
  readonly exceptions: ReadonlySet<number>;
  /** True when some weekday has an interval, or an override rule that recurs every year opens. */
  readonly hasWeekly: boolean;
  /** True when no weekday, no override and no override rule ever opens: every search fails at once. */
  readonly neverOpen: boolean;
  /**
   * First and last day number named by a date, range, override, or an override rule's range or
   * year bounds (±Infinity when none).
   */
  readonly firstDatedDay: number;
  readonly lastDatedDay: number;
}

/** @internal */
export function toCalendarModel(def: CalendarDefinition): CalendarModel {
  const week: MinuteSpan[][] = [[]];
  for (let wd = 1; wd <= 7; wd++) {
    const list = def.week[String(wd) as keyof typeof def.week] ?? [];
    week.push(list.map(intervalMinutes).sort((a, b) => a[0] - b[0]));
  }
  let first = Infinity;
  let last = -Infinity;
  const note = (day: number) => {
    if (day < first) first = day;
    if (day > last) last = day;
  };
  const overrides = new Map<number, { spans: MinuteSpan[]; name?: string }>();
  let overrideOpens = false;
  for (const [date, o] of Object.entries(def.overrides ?? {})) {
    const day = parseIsoDate(date)!;
    note(day);
    const spans = o.open.map(intervalMinutes).sort((a, b) => a[0] - b[0]);
    if (spans.length > 0) overrideOpens = true;
    overrides.set(day, o.name === undefined ? { spans } : { spans, name: o.name });
  }
  const rules = flattenHolidays(def.holidays ?? []);
  for (const rule of rules) {
    if (rule.kind === 'date') note(parseIsoDate(rule.date)!);
    if (rule.kind === 'range') {
      note(parseIsoDate(rule.from)!);
      note(parseIsoDate(rule.to)!);
    }
  }
  const exceptions = new Set((def.holidayExceptions ?? []).map((d) => parseIsoDate(d)!));
  for (const day of exceptions) note(day);
  let ruleOpensYearly = false;
  const overrideRules = (def.overrideRules ?? []).map((rule): CompiledOverrideRule => {
    const spans = rule.open.map(intervalMinutes).sort((a, b) => a[0] - b[0]);
    if (rule.kind === 'range') {
      note(parseIsoDate(rule.from)!);
      note(parseIsoDate(rule.to)!);
      if (spans.length > 0) overrideOpens = true;
    } else {
      if (rule.fromYear !== undefined) note(daysFromCivil(rule.fromYear, 1, 1));
      if (rule.untilYear !== undefined) note(daysFromCivil(rule.untilYear, 12, 31));
      if (spans.length > 0) ruleOpensYearly = true;
    }
    let weekdays = 0;
    for (const wd of rule.weekdays ?? [1, 2, 3, 4, 5, 6, 7]) weekdays |= 1 << wd;
    return { rule, override: rule.name === undefined ? { spans } : { spans, name: rule.name }, weekdays };
  });
  const hasWeekly = week.some((spans) => spans.length > 0) || ruleOpensYearly;
  return {
    zoneName: def.zone,
    zone: zoneFor(def.zone)!,
    week,
    overrides,
    overrideRules,
    rules,
    exceptions,
    hasWeekly,
    neverOpen: !hasWeekly && !overrideOpens,
    firstDatedDay: first,
    lastDatedDay: last,
  };
}
