import * as z from 'zod/mini';
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
  intIn,
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
 * `superRefine` checks so that every problem is reported with its path in one pass. Written with
 * `zod/mini`, as `schemaParts.ts` says why; `src/policy/schema.ts` embeds them.
 */

/** Weekly schedule: ISO weekday (`"1"` Monday … `"7"` Sunday) → open intervals. */
export const WeekSchema = z.partialRecord(z.enum(ISO_WEEKDAYS), intervalList).check(
  z.superRefine((week, ctx) => {
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
  }),
);

const observed = z.enum(['none', 'sunday_to_monday', 'weekend_to_monday', 'nearest_weekday']);

/** The same month and day every year, optionally moved to a weekday when it falls on a weekend. */
export const FixedHolidaySchema = z
  .strictObject({
    kind: z.literal('fixed'),
    month: intIn(1, 12),
    day: intIn(1, 31),
    name,
    observed: z.optional(observed),
    ...yearBounds,
  })
  .check(
    z.superRefine((rule, ctx) => {
      checkDayInMonth(rule, ctx);
      checkYearBounds(rule, ctx);
    }),
    z.meta({ allOf: dayInMonthJsonSchema(false) }),
  );

/** A day at a fixed offset from Western (Gregorian) Easter Sunday: Good Friday is `-2`. */
export const EasterHolidaySchema = z
  .strictObject({ kind: z.literal('easter'), offsetDays: intIn(-80, 200), name, ...yearBounds })
  .check(z.superRefine(checkYearBounds));

/** The n-th (1–5) or last weekday of a month, e.g. the last Monday of May. */
export const NthWeekdayHolidaySchema = z
  .strictObject({
    kind: z.literal('nthWeekday'),
    month: intIn(1, 12),
    weekday: intIn(1, 7),
    nth: z.union([intIn(1, 5), z.literal('last')]),
    name,
    ...yearBounds,
  })
  .check(z.superRefine(checkYearBounds));

/** One explicit date. */
export const DateHolidaySchema = z.strictObject({ kind: z.literal('date'), date: isoDate, name });

/** An inclusive range of dates, e.g. a company shutdown. */
export const RangeHolidaySchema = z
  .strictObject({ kind: z.literal('range'), from: isoDate, to: isoDate, name })
  .check(z.superRefine(checkRangeOrder));

const holidayRules = [
  FixedHolidaySchema,
  EasterHolidaySchema,
  NthWeekdayHolidaySchema,
  DateHolidaySchema,
  RangeHolidaySchema,
] as const;

/** One holiday rule. */
export const HolidayRuleSchema = z.discriminatedUnion('kind', holidayRules);

/** A named set of holiday rules (a country's, a region's, a company's), composed by listing several. */
export const HolidaySetSchema = z.strictObject({
  kind: z.literal('set'),
  name,
  holidays: z.array(HolidayRuleSchema).check(z.maxLength(10_000)),
});

/** A business-calendar definition: plain JSON-serialisable data. */
export const CalendarDefinitionSchema = z.strictObject({
  /**
   * IANA time zone of the wall times, e.g. `Europe/Madrid`; or `UTC`, or a fixed offset `UTC+01:00`.
   * Written in any case; the parsed definition holds its canonical spelling (`europe/madrid` → `Europe/Madrid`).
   */
  zone: z.string().check(
    z.check<string>((payload) => {
      const canonical = canonicalZoneName(payload.value);
      if (canonical !== undefined) payload.value = canonical;
      else {
        payload.issues.push({
          code: 'custom',
          message: `unknown IANA time zone ${JSON.stringify(payload.value)}`,
          ...custom('invalid_zone'),
          input: payload.value,
        });
      }
    }),
  ),
  week: WeekSchema,
  holidays: z.optional(
    z.array(z.discriminatedUnion('kind', [...holidayRules, HolidaySetSchema])).check(z.maxLength(10_000)),
  ),
  holidayExceptions: z.optional(z.array(isoDate).check(z.maxLength(10_000))),
  overrides: z.optional(z.record(isoDate, OverrideSchema)),
  /** Overrides by rule: each names dates as a holiday rule does; the first rule naming a date applies. */
  overrideRules: z.optional(z.array(OverrideRuleSchema).check(z.maxLength(1_000))),
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
 * A business-calendar definition, as JSON. An interface over the schema's type, so that
 * signatures link to it by name instead of spelling it out (docs/decisions.md).
 * @category Calendar
 */
export interface CalendarDefinition extends DeepReadonly<z.input<typeof CalendarDefinitionSchema>> {}
