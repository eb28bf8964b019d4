import * as z from 'zod';
import type { DeepReadonly } from '../internal/types.js';
import { canonicalZoneName } from '../internal/zone.js';
import { OverrideRuleSchema, OverrideSchema } from './overrideSchema.js';
import type { IntervalSchema } from './schemaParts.js';
import {
  checkDayInMonth,
  checkOverlaps,
  checkRangeOrder,
  checkYearBounds,
  custom,
  dayInMonthJsonSchema,
  intervalList,
  ISO_WEEKDAYS,
  isoDate,
  name,
  safeMinutes,
  yearBounds,
} from './schemaParts.js';

export { IntervalSchema, intervalMinutes, wallMinutes } from './schemaParts.js';
export { OverrideRuleSchema, OverrideSchema } from './overrideSchema.js';

/**
 * The zod schemas of a business-calendar definition. The TypeScript types below are inferred from
 * them: the schema is the single source of truth. Cross-field rules (overlaps, real dates) live in
 * `superRefine` blocks so that every problem is reported with its path in one pass.
 */

/** Weekly schedule: ISO weekday (`"1"` Monday … `"7"` Sunday) → open intervals. */
export const WeekSchema = z.partialRecord(z.enum(ISO_WEEKDAYS), intervalList).superRefine((week, ctx) => {
  for (const key of ISO_WEEKDAYS) {
    const list = week[key];
    if (!list) continue;
    const prevKey = ISO_WEEKDAYS[(Number(key) + 5) % 7]!;
    // The previous weekday's intervals that run past midnight, shifted into this day.
    const carried = (week[prevKey] ?? [])
      .map(safeMinutes)
      .filter((s): s is [number, number] => s !== undefined && s[1] > 1440)
      .map(([, close]) => [0, close - 1440] as [number, number]);
    checkOverlaps(list, ctx, [key], carried);
  }
});

const observed = z.enum(['none', 'sunday_to_monday', 'weekend_to_monday', 'nearest_weekday']);

/** The same month and day every year, optionally moved to a weekday when it falls on a weekend. */
export const FixedHolidaySchema = z
  .strictObject({
    kind: z.literal('fixed'),
    month: z.int().min(1).max(12),
    day: z.int().min(1).max(31),
    name,
    observed: observed.optional(),
    ...yearBounds,
  })
  .superRefine((rule, ctx) => {
    checkDayInMonth(rule, ctx);
    checkYearBounds(rule, ctx);
  })
  .meta({ allOf: dayInMonthJsonSchema(false) });

/** A day at a fixed offset from Western (Gregorian) Easter Sunday: Good Friday is `-2`. */
export const EasterHolidaySchema = z
  .strictObject({ kind: z.literal('easter'), offsetDays: z.int().min(-80).max(200), name, ...yearBounds })
  .superRefine(checkYearBounds);

/** The n-th (1–5) or last weekday of a month, e.g. the last Monday of May. */
export const NthWeekdayHolidaySchema = z
  .strictObject({
    kind: z.literal('nthWeekday'),
    month: z.int().min(1).max(12),
    weekday: z.int().min(1).max(7),
    nth: z.union([z.int().min(1).max(5), z.literal('last')]),
    name,
    ...yearBounds,
  })
  .superRefine(checkYearBounds);

/** One explicit date. */
export const DateHolidaySchema = z.strictObject({ kind: z.literal('date'), date: isoDate, name });

/** An inclusive range of dates, e.g. a company shutdown. */
export const RangeHolidaySchema = z
  .strictObject({ kind: z.literal('range'), from: isoDate, to: isoDate, name })
  .superRefine(checkRangeOrder);

/** One holiday rule. */
export const HolidayRuleSchema = z.discriminatedUnion('kind', [
  FixedHolidaySchema,
  EasterHolidaySchema,
  NthWeekdayHolidaySchema,
  DateHolidaySchema,
  RangeHolidaySchema,
]);

/** A named set of holiday rules (a country's, a region's, a company's), composed by listing several. */
export const HolidaySetSchema = z.strictObject({
  kind: z.literal('set'),
  name,
  holidays: z.array(HolidayRuleSchema).max(10_000),
});

/** A business-calendar definition: plain JSON-serialisable data. */
export const CalendarDefinitionSchema = z.strictObject({
  /**
   * IANA time zone of the wall times, e.g. `Europe/Madrid`; or `UTC`, or a fixed offset `UTC+01:00`.
   * Written in any case; the parsed definition holds its canonical spelling (`europe/madrid` → `Europe/Madrid`).
   */
  zone: z.string().transform((s, ctx) => {
    const canonical = canonicalZoneName(s);
    if (canonical !== undefined) return canonical;
    ctx.addIssue({
      code: 'custom',
      message: `unknown IANA time zone ${JSON.stringify(s)}`,
      ...custom('invalid_zone'),
      input: s,
    });
    return z.NEVER;
  }),
  week: WeekSchema,
  holidays: z
    .array(z.discriminatedUnion('kind', [...HolidayRuleSchema.options, HolidaySetSchema]))
    .max(10_000)
    .optional(),
  holidayExceptions: z.array(isoDate).max(10_000).optional(),
  overrides: z.record(isoDate, OverrideSchema).optional(),
  /** Overrides by rule: each names dates as a holiday rule does; the first rule naming a date applies. */
  overrideRules: z.array(OverrideRuleSchema).max(1_000).optional(),
});

/**
 * One open interval `[opening, closing]` of wall-clock times `"HH:MM"`.
 * @category Calendar
 */
export type IntervalDefinition = DeepReadonly<z.input<typeof IntervalSchema>>;
/**
 * A weekly schedule keyed by ISO weekday (`"1"` Monday … `"7"` Sunday).
 * @category Calendar
 */
export type WeekDefinition = DeepReadonly<z.input<typeof WeekSchema>>;
/**
 * One holiday rule: `fixed`, `easter`, `nthWeekday`, `date` or `range`.
 * @category Calendar
 */
export type HolidayRuleDefinition = DeepReadonly<z.input<typeof HolidayRuleSchema>>;
/**
 * A named set of holiday rules.
 * @category Calendar
 */
export type HolidaySetDefinition = DeepReadonly<z.input<typeof HolidaySetSchema>>;
/**
 * A per-date override of the weekly schedule.
 * @category Calendar
 */
export type OverrideDefinition = DeepReadonly<z.input<typeof OverrideSchema>>;
/**
 * An override by rule: `fixed`, `nthWeekday` (either without `month`: every month), `easter` or
 * `range`, with the intervals that replace the weekly ones on each date it names.
 * @category Calendar
 */
export type OverrideRuleDefinition = DeepReadonly<z.input<typeof OverrideRuleSchema>>;
/**
 * A business-calendar definition, as JSON.
 * @category Calendar
 */
export type CalendarDefinition = DeepReadonly<z.input<typeof CalendarDefinitionSchema>>;
