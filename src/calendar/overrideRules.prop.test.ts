import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { scheduleArb, zoneArb } from '../../test/arbitraries/calendar.js';
import type {
  CalendarDefinition,
  HolidayRuleDefinition,
  OverrideDefinition,
  OverrideRuleDefinition,
} from '../index.js';
import { compileCalendar } from '../index.js';

/**
 * Overrides by rule equal the same overrides written by date: for random rules (every kind, with
 * and without a month, year bounds and weekdays), random holidays, schedules, zones and years, a
 * calendar with the rules opens exactly as one whose `overrides` list, date by date, what the
 * rules name — found here by reading each date's fields, not by the library's expansion — minus
 * the holidays (a holiday beats a rule), the first rule naming a date winning.
 */

const RUNS = 60;

const intervalsArb = fc.constantFrom<[string, string][]>(
  [],
  [['09:00', '14:00']],
  [['08:00', '15:00']],
  [['22:00', '02:00']],
  [
    ['10:00', '12:00'],
    ['13:00', '24:00'],
  ],
);
const yearArb = fc.integer({ min: 1950, max: 2100 });
const common = {
  open: intervalsArb,
  weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), {
    nil: undefined,
  }),
  fromYear: fc.option(yearArb, { nil: undefined }),
  untilYear: fc.option(yearArb, { nil: undefined }),
};
const monthArb = fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined });

const ruleArb: fc.Arbitrary<OverrideRuleDefinition> = fc
  .oneof(
    fc.record({
      kind: fc.constant('fixed' as const),
      month: monthArb,
      day: fc.integer({ min: 1, max: 31 }),
      ...common,
    }),
    fc.record({
      kind: fc.constant('nthWeekday' as const),
      month: monthArb,
      weekday: fc.integer({ min: 1, max: 7 }),
      nth: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('last' as const)),
      ...common,
    }),
    fc.record({ kind: fc.constant('easter' as const), offsetDays: fc.integer({ min: -80, max: 200 }), ...common }),
    fc.record({
      kind: fc.constant('range' as const),
      start: fc.integer({ min: 0, max: 80_000 }),
      length: fc.integer({ min: 0, max: 60 }),
      open: common.open,
      weekdays: common.weekdays,
    }),
  )
  .map((r) => {
    const rule: Record<string, unknown> = { ...r };
    if (r.kind === 'range') {
      const from = DateTime.utc(1950, 1, 1).plus({ days: r.start });
      Object.assign(rule, { from: from.toISODate(), to: from.plus({ days: r.length }).toISODate() });
      delete rule['start'];
      delete rule['length'];
    }
    if (r.kind === 'fixed' && r.month !== undefined)
      rule['day'] = Math.min(r.day, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][r.month - 1]!);
    if ('fromYear' in r && r.fromYear !== undefined && r.untilYear !== undefined && r.fromYear > r.untilYear) {
      [rule['fromYear'], rule['untilYear']] = [r.untilYear, r.fromYear];
    }
    for (const key of Object.keys(rule)) if (rule[key] === undefined) delete rule[key];
    return rule as unknown as OverrideRuleDefinition;
  });

const holidayArb: fc.Arbitrary<HolidayRuleDefinition> = fc.oneof(
  fc
    .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ month, day }) => ({ kind: 'fixed' as const, month, day, name: 'fixed' })),
  fc.constant({ kind: 'easter' as const, offsetDays: -2, name: 'Good Friday' }),
  fc.constant({ kind: 'nthWeekday' as const, month: 12, weekday: 5, nth: 'last' as const, name: 'last Friday' }),
);

/** Western Easter Sunday (Meeus/Jones/Butcher), written independently of the library's. */
function easter(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return DateTime.utc(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** Whether a rule names a date, read from the date's own fields. */
function names(rule: OverrideRuleDefinition, d: DateTime): boolean {
  if (rule.weekdays !== undefined && !rule.weekdays.includes(d.weekday)) return false;
  if (rule.kind === 'range') return rule.from <= d.toISODate()! && d.toISODate()! <= rule.to;
  if ((rule.fromYear ?? -Infinity) > d.year || (rule.untilYear ?? Infinity) < d.year) return false;
  switch (rule.kind) {
    case 'fixed':
      return (rule.month ?? d.month) === d.month && rule.day === d.day;
    case 'nthWeekday':
      if ((rule.month ?? d.month) !== d.month || rule.weekday !== d.weekday) return false;
      return rule.nth === 'last' ? d.day + 7 > d.daysInMonth! : Math.ceil(d.day / 7) === rule.nth;
    case 'easter':
      return easter(d.year).plus({ days: rule.offsetDays }).hasSame(d, 'day');
  }
}

describe('override rules equal the same overrides written by date', () => {
  it('for random rules, holidays, schedules, zones and years', () => {
    fc.assert(
      fc.property(
        zoneArb,
        scheduleArb,
        fc.array(ruleArb, { minLength: 1, maxLength: 4 }),
        fc.array(holidayArb, { maxLength: 2 }),
        yearArb,
        (zone, schedule, overrideRules, holidays, year) => {
          const base: CalendarDefinition = { zone, week: schedule.week, holidays };
          const byRule = compileCalendar({ ...base, overrideRules });
          const holidayDates = new Set(byRule.holidaysIn(year).map((x) => x.date));
          const overrides: Record<string, OverrideDefinition> = {};
          for (let d = DateTime.utc(year, 1, 1); d.year === year; d = d.plus({ days: 1 })) {
            if (holidayDates.has(d.toISODate()!)) continue;
            const rule = overrideRules.find((r) => names(r, d));
            if (rule !== undefined) overrides[d.toISODate()!] = { open: rule.open };
          }
          const byDate = compileCalendar({ ...base, overrides });
          // Inside the year, away from its edges, where the neighbouring years' dates reach.
          const from = Date.UTC(year, 0, 3);
          const to = Date.UTC(year, 11, 29);
          expect(byRule.openIntervals(from, to)).toEqual(byDate.openIntervals(from, to));
          expect(byRule.between(from, to)).toBe(byDate.between(from, to));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
