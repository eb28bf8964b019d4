import { describe, expect, it } from 'vitest';
import type { CalculationError } from '../index.js';
import {
  type CalendarDefinition,
  compileCalendar,
  type OverrideRuleDefinition,
  PolicyValidationError,
} from '../index.js';

/** Named cases of overrides by rule: what each kind names, their year bounds and weekdays, and precedence. */

const h = (open: string, close: string): [string, string] => [open, close];
const office = { 1: [h('08:00', '18:00')], 2: [h('08:00', '18:00')], 3: [h('08:00', '18:00')] } as const;
const weekdays = { ...office, 4: [h('08:00', '18:00')], 5: [h('08:00', '18:00')] };

/** The open intervals opening on a UTC date, as "HH:MM–HH:MM" wall times (the calendars below are in UTC). */
function hoursOn(def: CalendarDefinition, date: string): string[] {
  const from = Date.parse(`${date}T00:00Z`);
  return compileCalendar(def)
    .openIntervals(from, from + 86_400_000)
    .map(
      ({ start, end }) => `${new Date(start).toISOString().slice(11, 16)}–${new Date(end).toISOString().slice(11, 16)}`,
    );
}

const christmas: OverrideRuleDefinition[] = [
  { kind: 'fixed', month: 12, day: 24, open: [h('09:00', '14:00')], name: 'Christmas Eve', weekdays: [1, 2, 3, 4, 5] },
  { kind: 'fixed', month: 12, day: 31, open: [h('09:00', '14:00')], name: "New Year's Eve", weekdays: [1, 2, 3, 4, 5] },
];

describe('override rules: the dates each kind names', () => {
  it('every 24 and 31 December 09:00–14:00, on weekdays only', () => {
    const def = { zone: 'UTC', week: weekdays, overrideRules: christmas };
    expect(hoursOn(def, '2026-12-24')).toEqual(['09:00–14:00']); // Thursday
    expect(hoursOn(def, '2026-12-31')).toEqual(['09:00–14:00']);
    expect(hoursOn(def, '2027-12-24')).toEqual(['09:00–14:00']); // Friday
    expect(hoursOn(def, '2026-12-23')).toEqual(['08:00–18:00']);
    // 24 December 2028 is a Sunday: the rule is limited to weekdays, and Sunday stays closed.
    expect(hoursOn(def, '2028-12-24')).toEqual([]);
    const everyDay = christmas.map((r) => ({ ...r, weekdays: undefined }));
    expect(hoursOn({ zone: 'UTC', week: weekdays, overrideRules: everyDay }, '2028-12-24')).toEqual(['09:00–14:00']);
  });

  it('the last Friday of each month closes at 15:00', () => {
    const def: CalendarDefinition = {
      zone: 'UTC',
      week: weekdays,
      overrideRules: [{ kind: 'nthWeekday', weekday: 5, nth: 'last', open: [h('08:00', '15:00')] }],
    };
    for (const date of ['2026-01-30', '2026-02-27', '2026-05-29', '2026-07-31', '2027-12-31']) {
      expect(hoursOn(def, date), date).toEqual(['08:00–15:00']);
    }
    expect(hoursOn(def, '2026-01-23')).toEqual(['08:00–18:00']);
  });

  it('the n-th weekday of every month, none in a month that lacks it', () => {
    const def: CalendarDefinition = {
      zone: 'UTC',
      week: {},
      overrideRules: [{ kind: 'nthWeekday', weekday: 6, nth: 5, open: [h('10:00', '12:00')] }],
    };
    // 2026 has a 5th Saturday in January, May, August and October only.
    const opens = compileCalendar(def).openIntervals(Date.parse('2026-01-01T00:00Z'), Date.parse('2027-01-01T00:00Z'));
    expect(opens.map((iv) => new Date(iv.start).toISOString().slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-05-30',
      '2026-08-29',
      '2026-10-31',
    ]);
  });

  it('a day of every month: the 31st only in the months that have one', () => {
    const def: CalendarDefinition = {
      zone: 'UTC',
      week: {},
      overrideRules: [{ kind: 'fixed', day: 31, open: [h('10:00', '11:00')] }],
    };
    const opens = compileCalendar(def).openIntervals(Date.parse('2026-01-01T00:00Z'), Date.parse('2027-01-01T00:00Z'));
    expect(opens.map((iv) => new Date(iv.start).toISOString().slice(5, 10))).toEqual([
      '01-31',
      '03-31',
      '05-31',
      '07-31',
      '08-31',
      '10-31',
      '12-31',
    ]);
  });

  it('an Easter offset: Maundy Thursday until 13:00', () => {
    const def: CalendarDefinition = {
      zone: 'UTC',
      week: weekdays,
      overrideRules: [{ kind: 'easter', offsetDays: -3, open: [h('08:00', '13:00')], name: 'Maundy Thursday' }],
    };
    expect(hoursOn(def, '2026-04-02')).toEqual(['08:00–13:00']);
    expect(hoursOn(def, '2027-03-25')).toEqual(['08:00–13:00']);
  });

  it('a range with weekdays: summer hours on weekdays, weekends untouched', () => {
    const def: CalendarDefinition = {
      zone: 'UTC',
      week: weekdays,
      overrideRules: [
        { kind: 'range', from: '2026-07-01', to: '2026-08-31', open: [h('08:00', '15:00')], weekdays: [1, 2, 3, 4, 5] },
      ],
    };
    expect(hoursOn(def, '2026-06-30')).toEqual(['08:00–18:00']);
    expect(hoursOn(def, '2026-07-01')).toEqual(['08:00–15:00']);
    expect(hoursOn(def, '2026-07-04')).toEqual([]); // Saturday
    expect(hoursOn(def, '2026-08-31')).toEqual(['08:00–15:00']);
    expect(hoursOn(def, '2026-09-01')).toEqual(['08:00–18:00']);
  });

  it('year bounds: a rule applies from fromYear to untilYear, both inclusive', () => {
    const rule = { ...christmas[0]!, fromYear: 2027, untilYear: 2028 };
    const def = { zone: 'UTC', week: weekdays, overrideRules: [rule] };
    expect(hoursOn(def, '2026-12-24')).toEqual(['08:00–18:00']);
    expect(hoursOn(def, '2027-12-24')).toEqual(['09:00–14:00']);
    expect(hoursOn(def, '2029-12-24')).toEqual(['08:00–18:00']);
  });
});

describe('override rules: precedence', () => {
  const closed = { kind: 'fixed', month: 12, day: 24, open: [], name: 'closed' } as const;
  const short = { kind: 'fixed', month: 12, day: 24, open: [h('09:00', '12:00')], name: 'short' } as const;

  it('a dated override beats a holiday, which beats an override rule, which beats the weekly schedule', () => {
    const holiday = { kind: 'date', date: '2026-12-24', name: 'Christmas Eve' } as const;
    const base: CalendarDefinition = { zone: 'UTC', week: weekdays, overrideRules: [short] };
    expect(hoursOn(base, '2026-12-24')).toEqual(['09:00–12:00']);
    expect(hoursOn({ ...base, holidays: [holiday] }, '2026-12-24')).toEqual([]);
    expect(hoursOn({ ...base, holidays: [holiday], holidayExceptions: ['2026-12-24'] }, '2026-12-24')).toEqual([
      '09:00–12:00',
    ]);
    const dated = { '2026-12-24': { open: [h('10:00', '11:00')] } };
    expect(hoursOn({ ...base, holidays: [holiday], overrides: dated }, '2026-12-24')).toEqual(['10:00–11:00']);
  });

  it('the first rule naming a date applies', () => {
    expect(hoursOn({ zone: 'UTC', week: weekdays, overrideRules: [closed, short] }, '2026-12-24')).toEqual([]);
    expect(hoursOn({ zone: 'UTC', week: weekdays, overrideRules: [short, closed] }, '2026-12-24')).toEqual([
      '09:00–12:00',
    ]);
  });

  it('a rule limited to weekdays that skips a date leaves it to the next rule', () => {
    const weekend = { ...closed, weekdays: [6, 7] };
    expect(hoursOn({ zone: 'UTC', week: weekdays, overrideRules: [weekend, short] }, '2026-12-24')).toEqual([
      '09:00–12:00',
    ]);
  });

  it('a calendar opened only by a rule: searches find it, and stop at its last year', () => {
    const cal = compileCalendar({ zone: 'UTC', week: {}, overrideRules: [{ ...short, untilYear: 2030 }] });
    expect(cal.nextOpening(Date.parse('2026-01-01T00:00Z'))).toBe(Date.parse('2026-12-24T09:00Z'));
    expect(cal.nextOpening(Date.parse('2029-12-25T00:00Z'))).toBe(Date.parse('2030-12-24T09:00Z'));
    expect(() => cal.nextOpening(Date.parse('2030-12-25T00:00Z'))).toThrow(
      expect.objectContaining({ code: 'never_open' }) as CalculationError,
    );
  });
});

/** Compiles untrusted input and returns the validation issues it raised. */
function issuesOf(input: unknown) {
  try {
    compileCalendar(input as CalendarDefinition);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyValidationError);
    return (e as PolicyValidationError).issues.map((i) => ({
      code: i.code,
      path: i.path.join('.'),
      message: i.message,
    }));
  }
  throw new Error('expected a PolicyValidationError');
}

describe('override rules: every bad field gets a typed error with its path', () => {
  const withRules = (...rules: unknown[]) => ({ zone: 'UTC', week: office, overrideRules: rules });

  it('invalid_date: a day the month never has, years or a range backwards', () => {
    expect(
      issuesOf(
        withRules(
          { kind: 'fixed', month: 2, day: 30, open: [] },
          { kind: 'nthWeekday', weekday: 5, nth: 'last', open: [], fromYear: 2030, untilYear: 2029 },
          { kind: 'range', from: '2026-08-31', to: '2026-08-01', open: [] },
          { kind: 'range', from: '2026-02-30', to: '2026-03-01', open: [] },
        ),
      ),
    ).toEqual([
      {
        code: 'invalid_date',
        path: 'overrideRules.0.day',
        message: 'overrideRules[0].day: expected a day that exists in month 2, got 30',
      },
      {
        code: 'invalid_date',
        path: 'overrideRules.1.untilYear',
        message: 'overrideRules[1].untilYear: expected untilYear ≥ fromYear (2030), got 2029',
      },
      {
        code: 'invalid_date',
        path: 'overrideRules.2.to',
        message: 'overrideRules[2].to: expected a date on or after 2026-08-31, got "2026-08-01"',
      },
      {
        code: 'invalid_date',
        path: 'overrideRules.3.from',
        message: 'overrideRules[3].from: expected a real date "YYYY-MM-DD", got "2026-02-30"',
      },
    ]);
  });

  it('invalid_time and overlapping_intervals in a rule’s intervals', () => {
    expect(
      issuesOf(
        withRules({ kind: 'fixed', day: 1, open: [h('09:00', '12:00'), h('11:00', '13:00'), h('9:00', '10:00')] }),
      ),
    ).toEqual([
      {
        code: 'invalid_time',
        path: 'overrideRules.0.open.2.0',
        message: 'overrideRules[0].open[2][0]: expected an opening time "HH:MM" from 00:00 to 23:59, got "9:00"',
      },
      {
        code: 'overlapping_intervals',
        path: 'overrideRules.0.open.1',
        message:
          'overrideRules[0].open[1]: expected intervals that do not overlap, got ["11:00","13:00"] overlapping ["09:00","12:00"]',
      },
    ]);
  });

  it('invalid_definition: an unknown kind, a weekday out of range, an unknown field, a missing open', () => {
    expect(
      issuesOf(
        withRules(
          { kind: 'date', date: '2026-12-24', open: [] },
          { kind: 'fixed', day: 1, open: [], weekdays: [8] },
          { kind: 'fixed', day: 1, open: [], observed: 'none' },
          { kind: 'easter', offsetDays: -2 },
          { kind: 'fixed', day: 1, open: [], weekdays: [] },
          { kind: 'fixed', day: 1, open: [], weekdays: [1, 2, 1] },
        ),
      ),
    ).toEqual([
      {
        code: 'invalid_definition',
        path: 'overrideRules.0.kind',
        message: 'overrideRules[0].kind: expected one of "fixed", "nthWeekday", "easter", "range", got "date"',
      },
      {
        code: 'invalid_definition',
        path: 'overrideRules.1.weekdays.0',
        message: 'overrideRules[1].weekdays[0]: expected a number ≤ 7, got 8',
      },
      {
        code: 'invalid_definition',
        path: 'overrideRules.2.observed',
        message: 'overrideRules[2].observed: unknown field "observed"',
      },
      {
        code: 'invalid_definition',
        path: 'overrideRules.3.open',
        message: 'overrideRules[3].open: expected array, got nothing',
      },
      {
        code: 'invalid_definition',
        path: 'overrideRules.4.weekdays',
        message: 'overrideRules[4].weekdays: expected ≥ 1 item(s), got 0 item(s)',
      },
      {
        code: 'invalid_definition',
        path: 'overrideRules.5.weekdays.2',
        message: 'overrideRules[5].weekdays[2]: expected each weekday once, got 1 again',
      },
    ]);
  });
});
