import type { Zone } from 'luxon';
import { parseIsoDate } from '../internal/civil.js';
import { zoneFor } from '../internal/zone.js';
import { flattenHolidays } from './holidays/expandHolidays.js';
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
  readonly zone: Zone;
  /** Index 1–7 (ISO weekday) → spans; index 0 unused. */
  readonly week: readonly (readonly MinuteSpan[])[];
  readonly overrides: ReadonlyMap<number, { readonly spans: readonly MinuteSpan[]; readonly name?: string }>;
  readonly rules: ReturnType<typeof flattenHolidays>;
  readonly exceptions: ReadonlySet<number>;
  /** True when some weekday has an interval. */
  readonly hasWeekly: boolean;
  /** True when no weekday and no override ever opens: every search fails at once. */
  readonly neverOpen: boolean;
  /** First and last day number named by a date, range or override (±Infinity when none). */
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
  const hasWeekly = week.some((spans) => spans.length > 0);
  return {
    zoneName: def.zone,
    zone: zoneFor(def.zone)!,
    week,
    overrides,
    rules,
    exceptions,
    hasWeekly,
    neverOpen: !hasWeekly && !overrideOpens,
    firstDatedDay: first,
    lastDatedDay: last,
  };
}
