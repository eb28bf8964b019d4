import * as z from 'zod';
import { daysInMonth, parseIsoDate } from '../internal/civil.js';
import type { DeepReadonly } from '../internal/types.js';
import { isValidZoneName } from '../internal/zone.js';

/**
 * The zod schemas of a business-calendar definition. The TypeScript types below are inferred from
 * them: the schema is the single source of truth. Cross-field rules (overlaps, real dates) live in
 * `superRefine` blocks so that every problem is reported with its path in one pass.
 */

const custom = (code: string) => ({ params: { code } });

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Wall-clock minutes since midnight of `HH:MM` (or `24:00` → 1440). */
export function wallMinutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

const openingTime = z
  .string()
  .refine((s) => HHMM.test(s), {
    error: (iss) => `expected an opening time "HH:MM" from 00:00 to 23:59, got ${JSON.stringify(iss.input)}`,
    ...custom('invalid_time'),
  })
  .meta({ pattern: HHMM.source, description: 'Opening wall time "HH:MM", 00:00–23:59' });

const closingTime = z
  .string()
  .refine((s) => s === '24:00' || HHMM.test(s), {
    error: (iss) => `expected a closing time "HH:MM" from 00:00 to 24:00, got ${JSON.stringify(iss.input)}`,
    ...custom('invalid_time'),
  })
  .meta({ pattern: '^(?:([01]\\d|2[0-3]):[0-5]\\d|24:00)$', description: 'Closing wall time "HH:MM", 00:00–24:00' });

/** An open interval `[opening, closing]` in local wall time. A closing at or before the opening crosses midnight. */
export const IntervalSchema = z.tuple([openingTime, closingTime]);

const ISO_WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

const isoDate = z
  .string()
  .refine((s) => parseIsoDate(s) !== undefined, {
    error: (iss) => `expected a real date "YYYY-MM-DD", got ${JSON.stringify(iss.input)}`,
    ...custom('invalid_date'),
  })
  .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Local date "YYYY-MM-DD"' });

const year = z.int().min(1900).max(2399);
const name = z.string().min(1).max(200);

/** Span of an interval list in minutes from the date's midnight: `[open, close)`, close > open. */
export function intervalMinutes([opening, closing]: readonly [string, string]): [number, number] {
  const open = wallMinutes(opening);
  let close = wallMinutes(closing);
  if (close <= open) close += 1440;
  return [open, close];
}

/** Reports intervals of one list that overlap one another. */
function checkOverlaps(
  list: readonly (readonly [string, string])[],
  ctx: z.RefinementCtx,
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

function safeMinutes(iv: readonly [string, string]): [number, number] | undefined {
  if (!HHMM.test(iv[0]) || !(iv[1] === '24:00' || HHMM.test(iv[1]))) return undefined;
  return intervalMinutes(iv);
}

/** Weekly schedule: ISO weekday (`"1"` Monday … `"7"` Sunday) → open intervals. */
export const WeekSchema = z
  .partialRecord(z.enum(ISO_WEEKDAYS), z.array(IntervalSchema).max(48))
  .superRefine((week, ctx) => {
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

const yearBounds = {
  /** First year the rule applies (inclusive). */
  fromYear: year.optional(),
  /** Last year the rule applies (inclusive). */
  untilYear: year.optional(),
};

function checkYearBounds(
  rule: { fromYear?: number | undefined; untilYear?: number | undefined },
  ctx: z.RefinementCtx,
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
    // Feb 29 is allowed (it exists in leap years); Feb 30 or Apr 31 never exist.
    if (rule.day > daysInMonth(2000, rule.month)) {
      ctx.addIssue({
        code: 'custom',
        path: ['day'],
        message: `expected a day that exists in month ${rule.month}, got ${rule.day}`,
        params: { code: 'invalid_date' },
        input: rule.day,
      });
    }
    checkYearBounds(rule, ctx);
  });

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
  .superRefine((rule, ctx) => {
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
  });

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

/** A per-date override: the intervals that replace the weekly ones on that date (empty: closed). */
export const OverrideSchema = z
  .strictObject({ open: z.array(IntervalSchema).max(48), name: name.optional() })
  .superRefine((o, ctx) => checkOverlaps(o.open, ctx, ['open']));

/** A business-calendar definition: plain JSON-serialisable data. */
export const CalendarDefinitionSchema = z.strictObject({
  /** IANA time zone of the wall times, e.g. `Europe/Madrid`; or `UTC`, or a fixed offset `UTC+01:00`. */
  zone: z.string().refine(isValidZoneName, {
    error: (iss) => `unknown IANA time zone ${JSON.stringify(iss.input)}`,
    ...custom('invalid_zone'),
  }),
  week: WeekSchema,
  holidays: z
    .array(z.discriminatedUnion('kind', [...HolidayRuleSchema.options, HolidaySetSchema]))
    .max(10_000)
    .optional(),
  holidayExceptions: z.array(isoDate).max(10_000).optional(),
  overrides: z.record(isoDate, OverrideSchema).optional(),
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
 * A business-calendar definition, as JSON.
 * @category Calendar
 */
export type CalendarDefinition = DeepReadonly<z.input<typeof CalendarDefinitionSchema>>;
