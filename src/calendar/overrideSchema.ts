import * as z from 'zod';
import {
  checkDayInMonth,
  checkOverlaps,
  checkRangeOrder,
  checkYearBounds,
  dayInMonthJsonSchema,
  intervalList,
  isoDate,
  name,
  yearBounds,
} from './schemaParts.js';

/**
 * The zod schemas of overrides: by date (`overrides`) and by rule (`overrideRules`). An override
 * rule names dates with the holiday rules' vocabulary (`fixed`, `nthWeekday`, `easter`, `range`),
 * where `fixed` and `nthWeekday` may leave out the month to name a date of every month.
 */

/** A per-date override: the intervals that replace the weekly ones on that date (empty: closed). */
export const OverrideSchema = z
  .strictObject({ open: intervalList, name: name.optional() })
  .superRefine((o, ctx) => checkOverlaps(o.open, ctx, ['open']));

/** What every override rule carries: the day's intervals, a name, the weekdays it is limited to. */
const ruleFields = {
  /** The intervals that replace the weekly ones on each date the rule names (empty: closed). */
  open: intervalList,
  name: name.optional(),
  /** ISO weekdays (1 Monday … 7 Sunday) on which the rule applies; every day when left out. */
  weekdays: z
    .array(z.int().min(1).max(7))
    .min(1)
    .max(7)
    .superRefine((days, ctx) => {
      const i = days.findIndex((day, k) => days.indexOf(day) < k);
      if (i >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `expected each weekday once, got ${days[i]} again`,
          input: days[i],
        });
      }
    })
    .meta({ uniqueItems: true })
    .optional(),
};

const checkOpen = (rule: { open: readonly (readonly [string, string])[] }, ctx: z.RefinementCtx) =>
  checkOverlaps(rule.open, ctx, ['open']);

/** The same day of one month every year, or of every month when `month` is left out. */
export const FixedOverrideRuleSchema = z
  .strictObject({
    kind: z.literal('fixed'),
    month: z.int().min(1).max(12).optional(),
    day: z.int().min(1).max(31),
    ...ruleFields,
    ...yearBounds,
  })
  .superRefine((rule, ctx) => {
    checkDayInMonth(rule, ctx);
    checkYearBounds(rule, ctx);
    checkOpen(rule, ctx);
  })
  .meta({ allOf: dayInMonthJsonSchema(true) });

/** The n-th (1–5) or last weekday of one month every year, or of every month when `month` is left out. */
export const NthWeekdayOverrideRuleSchema = z
  .strictObject({
    kind: z.literal('nthWeekday'),
    month: z.int().min(1).max(12).optional(),
    weekday: z.int().min(1).max(7),
    nth: z.union([z.int().min(1).max(5), z.literal('last')]),
    ...ruleFields,
    ...yearBounds,
  })
  .superRefine((rule, ctx) => {
    checkYearBounds(rule, ctx);
    checkOpen(rule, ctx);
  });

/** A day at a fixed offset from Western Easter Sunday, every year: Maundy Thursday is `-3`. */
export const EasterOverrideRuleSchema = z
  .strictObject({ kind: z.literal('easter'), offsetDays: z.int().min(-80).max(200), ...ruleFields, ...yearBounds })
  .superRefine((rule, ctx) => {
    checkYearBounds(rule, ctx);
    checkOpen(rule, ctx);
  });

/** Every date of an inclusive range, e.g. summer hours (with `weekdays`, only those weekdays). */
export const RangeOverrideRuleSchema = z
  .strictObject({ kind: z.literal('range'), from: isoDate, to: isoDate, ...ruleFields })
  .superRefine((rule, ctx) => {
    checkRangeOrder(rule, ctx);
    checkOpen(rule, ctx);
  });

/** One override rule. */
export const OverrideRuleSchema = z.discriminatedUnion('kind', [
  FixedOverrideRuleSchema,
  NthWeekdayOverrideRuleSchema,
  EasterOverrideRuleSchema,
  RangeOverrideRuleSchema,
]);
