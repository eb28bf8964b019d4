import * as z from 'zod/mini';
import {
  checkDayInMonth,
  checkOverlaps,
  checkRangeOrder,
  checkYearBounds,
  dayInMonthJsonSchema,
  intervalList,
  intIn,
  isoDate,
  name,
  type RefinementCtx,
  yearBounds,
} from './schemaParts.js';

/**
 * The zod schemas of overrides: by date (`overrides`) and by rule (`overrideRules`). An override
 * rule names dates with the holiday rules' vocabulary (`fixed`, `nthWeekday`, `easter`, `range`),
 * where `fixed` and `nthWeekday` may leave out the month to name a date of every month.
 */

/** A per-date override: the intervals that replace the weekly ones on that date (empty: closed). */
export const OverrideSchema = z
  .strictObject({ open: intervalList, name: z.optional(name) })
  .check(z.superRefine((o, ctx) => checkOverlaps(o.open, ctx, ['open'])));

/** What every override rule carries: the day's intervals, a name, the weekdays it is limited to. */
const ruleFields = {
  /** The intervals that replace the weekly ones on each date the rule names (empty: closed). */
  open: intervalList,
  name: z.optional(name),
  /** ISO weekdays (1 Monday … 7 Sunday) on which the rule applies; every day when left out. */
  weekdays: z.optional(
    z.array(intIn(1, 7)).check(
      z.minLength(1),
      z.maxLength(7),
      z.superRefine((days, ctx) => {
        const i = days.findIndex((day, k) => days.indexOf(day) < k);
        if (i >= 0) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `expected each weekday once, got ${days[i]} again`,
            input: days[i],
          });
        }
      }),
      z.meta({ uniqueItems: true }),
    ),
  ),
};

const checkOpen = (rule: { open: readonly (readonly [string, string])[] }, ctx: RefinementCtx) =>
  checkOverlaps(rule.open, ctx, ['open']);

/** The same day of one month every year, or of every month when `month` is left out. */
export const FixedOverrideRuleSchema = z
  .strictObject({
    kind: z.literal('fixed'),
    month: z.optional(intIn(1, 12)),
    day: intIn(1, 31),
    ...ruleFields,
    ...yearBounds,
  })
  .check(
    z.superRefine((rule, ctx) => {
      checkDayInMonth(rule, ctx);
      checkYearBounds(rule, ctx);
      checkOpen(rule, ctx);
    }),
    z.meta({ allOf: dayInMonthJsonSchema(true) }),
  );

/** The n-th (1–5) or last weekday of one month every year, or of every month when `month` is left out. */
export const NthWeekdayOverrideRuleSchema = z
  .strictObject({
    kind: z.literal('nthWeekday'),
    month: z.optional(intIn(1, 12)),
    weekday: intIn(1, 7),
    nth: z.union([intIn(1, 5), z.literal('last')]),
    ...ruleFields,
    ...yearBounds,
  })
  .check(
    z.superRefine((rule, ctx) => {
      checkYearBounds(rule, ctx);
      checkOpen(rule, ctx);
    }),
  );

/** A day at a fixed offset from Western Easter Sunday, every year: Maundy Thursday is `-3`. */
export const EasterOverrideRuleSchema = z
  .strictObject({ kind: z.literal('easter'), offsetDays: intIn(-80, 200), ...ruleFields, ...yearBounds })
  .check(
    z.superRefine((rule, ctx) => {
      checkYearBounds(rule, ctx);
      checkOpen(rule, ctx);
    }),
  );

/** Every date of an inclusive range, e.g. summer hours (with `weekdays`, only those weekdays). */
export const RangeOverrideRuleSchema = z
  .strictObject({ kind: z.literal('range'), from: isoDate, to: isoDate, ...ruleFields })
  .check(
    z.superRefine((rule, ctx) => {
      checkRangeOrder(rule, ctx);
      checkOpen(rule, ctx);
    }),
  );

/** One override rule. */
export const OverrideRuleSchema = z.discriminatedUnion('kind', [
  FixedOverrideRuleSchema,
  NthWeekdayOverrideRuleSchema,
  EasterOverrideRuleSchema,
  RangeOverrideRuleSchema,
]);
