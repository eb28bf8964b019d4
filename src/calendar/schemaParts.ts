import * as z from 'zod/mini';
import { daysInMonth, parseIsoDate } from '../internal/civil.js';
import { ISO_DATE_PATTERN } from './isoDatePattern.js';

/**
 * The building blocks of the calendar's zod schemas (`schema.ts`, `overrideSchema.ts`): wall times,
 * interval lists and their overlap check, dates, years and names. They are written with `zod/mini`
 * (the same schemas, as functions rather than methods), so that a program that compiles calendars
 * bundles a few kilobytes of zod; the policy schema, written with `zod`, embeds them as they are.
 */

export const custom = (code: string) => ({ params: { code } });

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const CLOSING = /^(?:([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

/** Wall-clock minutes since midnight of `HH:MM` (or `24:00` → 1440). */
export function wallMinutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

const openingTime = z.string().check(
  z.refine((s) => HHMM.test(s), {
    error: (iss) => `expected an opening time "HH:MM" from 00:00 to 23:59, got ${JSON.stringify(iss.input)}`,
    ...custom('invalid_time'),
  }),
  z.meta({ pattern: HHMM.source, description: 'Opening wall time "HH:MM", 00:00–23:59' }),
);

const closingTime = z.string().check(
  z.refine((s) => CLOSING.test(s), {
    error: (iss) => `expected a closing time "HH:MM" from 00:00 to 24:00, got ${JSON.stringify(iss.input)}`,
    ...custom('invalid_time'),
  }),
  z.meta({ pattern: CLOSING.source, description: 'Closing wall time "HH:MM", 00:00–24:00' }),
);

/** An open interval `[opening, closing]` in local wall time. A closing at or before the opening crosses midnight. */
export const IntervalSchema = z.tuple([openingTime, closingTime]);

/** A list of intervals of one day. Two equal intervals always overlap: JSON Schema can say that much of the rule. */
export const intervalList = z.array(IntervalSchema).check(z.maxLength(48), z.meta({ uniqueItems: true }));

export const ISO_WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

export const isoDate = z.string().check(
  z.refine((s) => ISO_DATE_PATTERN.test(s), {
    error: (iss) => `expected a real date "YYYY-MM-DD", got ${JSON.stringify(iss.input)}`,
    ...custom('invalid_date'),
  }),
  z.meta({ pattern: ISO_DATE_PATTERN.source, description: 'Local date "YYYY-MM-DD" that exists' }),
);

/** A whole number from `min` to `max`. */
export const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
export const year = intIn(1900, 2399);
export const name = z.string().check(z.minLength(1), z.maxLength(200));

/** The context of a `superRefine` check. */
export type RefinementCtx = z.core.$RefinementCtx;

/** Span of an interval list in minutes from the date's midnight: `[open, close)`, close > open. */
export function intervalMinutes([opening, closing]: readonly [string, string]): [number, number] {
  const open = wallMinutes(opening);
  let close = wallMinutes(closing);
  if (close <= open) close += 1440;
  return [open, close];
}

/** Reports intervals of one list that overlap one another. */
export function checkOverlaps(
  list: readonly (readonly [string, string])[],
  ctx: RefinementCtx,
  path: (string | number)[],
  extra: readonly [number, number][] = [],
): void {
  const spans = list.map((iv, i) => ({ i, span: safeMinutes(iv) })).filter((x) => x.span !== undefined);
  const all = [
    ...spans.map((x) => ({ i: x.i as number | undefined, span: x.span! })),
    ...extra.map((span) => ({ i: undefined, span })),
  ];
  for (const a of spans) {
    for (const b of all) {
      if (b.i === a.i) continue;
      const [a0, a1] = a.span!;
      const [b0, b1] = b.span;
      const overlaps = a0 < b1 && b0 < a1;
      // Report a pair once, on the later interval.
      if (overlaps && (b.i === undefined || b.i < a.i)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, a.i],
          message:
            b.i === undefined
              ? `expected no overlap with the previous day's interval running past midnight, got ${JSON.stringify(list[a.i])}`
              : `expected intervals that do not overlap, got ${JSON.stringify(list[a.i])} overlapping ${JSON.stringify(list[b.i])}`,
          params: { code: 'overlapping_intervals' },
          input: list[a.i],
        });
        break;
      }
    }
  }
}

export function safeMinutes(iv: readonly [string, string]): [number, number] | undefined {
  if (!HHMM.test(iv[0]) || !(iv[1] === '24:00' || HHMM.test(iv[1]))) return undefined;
  return intervalMinutes(iv);
}

export const yearBounds = {
  /** First year the rule applies (inclusive). */
  fromYear: z.optional(year),
  /** Last year the rule applies (inclusive). */
  untilYear: z.optional(year),
};

export function checkYearBounds(
  rule: { fromYear?: number | undefined; untilYear?: number | undefined },
  ctx: RefinementCtx,
): void {
  if (rule.fromYear !== undefined && rule.untilYear !== undefined && rule.fromYear > rule.untilYear) {
    ctx.addIssue({
      code: 'custom',
      path: ['untilYear'],
      message: `expected untilYear ≥ fromYear (${rule.fromYear}), got ${rule.untilYear}`,
      params: { code: 'invalid_date' },
      input: rule.untilYear,
    });
  }
}

/** Reports a day that no year has in the rule's month (Feb 29 is allowed: leap years have it); no month: any month. */
export function checkDayInMonth(rule: { month?: number | undefined; day: number }, ctx: RefinementCtx): void {
  if (rule.month !== undefined && rule.day > daysInMonth(2000, rule.month)) {
    ctx.addIssue({
      code: 'custom',
      path: ['day'],
      message: `expected a day that exists in month ${rule.month}, got ${rule.day}`,
      params: { code: 'invalid_date' },
      input: rule.day,
    });
  }
}

/**
 * The JSON Schema of {@link checkDayInMonth}: 29 days at most in February, 30 in April, June,
 * September and November. With `monthOptional`, a rule without a month is not held to them.
 */
export function dayInMonthJsonSchema(monthOptional: boolean): object[] {
  const required = monthOptional ? { required: ['month'] } : {};
  return [
    { if: { properties: { month: { const: 2 } }, ...required }, then: { properties: { day: { maximum: 29 } } } },
    {
      if: { properties: { month: { enum: [4, 6, 9, 11] } }, ...required },
      then: { properties: { day: { maximum: 30 } } },
    },
  ];
}

/** Reports a range whose `to` lies before its `from`. */
export function checkRangeOrder(rule: { from: string; to: string }, ctx: RefinementCtx): void {
  const from = parseIsoDate(rule.from);
  const to = parseIsoDate(rule.to);
  if (from !== undefined && to !== undefined && to < from) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `expected a date on or after ${rule.from}, got ${JSON.stringify(rule.to)}`,
      params: { code: 'invalid_date' },
      input: rule.to,
    });
  }
}
