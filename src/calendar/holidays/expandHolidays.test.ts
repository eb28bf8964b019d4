import { describe, expect, it } from 'vitest';
import { compileCalendar, type HolidayRuleDefinition } from '../../index.js';

/** The holiday dates (with names) a list of rules yields in a year. */
function holidays(year: number, rules: HolidayRuleDefinition[], holidayExceptions: string[] = []) {
  return compileCalendar({ zone: 'UTC', week: {}, holidays: rules, holidayExceptions })
    .holidaysIn(year)
    .map((h) => `${h.date} ${h.name}`);
}

describe('holiday rules', () => {
  it('fixed: the same month and day every year', () => {
    expect(holidays(2026, [{ kind: 'fixed', month: 10, day: 12, name: 'National Day' }])).toEqual([
      '2026-10-12 National Day',
    ]);
  });

  it('fixed: 29 February only in leap years', () => {
    const rule: HolidayRuleDefinition = { kind: 'fixed', month: 2, day: 29, name: 'Leap day' };
    expect(holidays(2028, [rule])).toEqual(['2028-02-29 Leap day']);
    expect(holidays(2027, [rule])).toEqual([]);
  });

  it('fixed: fromYear and untilYear bound the years it applies', () => {
    const rule: HolidayRuleDefinition = {
      kind: 'fixed',
      month: 3,
      day: 19,
      name: 'San José',
      fromYear: 2027,
      untilYear: 2028,
    };
    expect([2026, 2027, 2028, 2029].map((y) => holidays(y, [rule]).length)).toEqual([0, 1, 1, 0]);
  });

  it.each([
    // 2026-11-01 is a Sunday, 2025-11-01 a Saturday.
    ['sunday_to_monday', 2026, ['2026-11-01 All Saints', '2026-11-02 All Saints (observed)']],
    ['sunday_to_monday', 2025, ['2025-11-01 All Saints']],
    ['weekend_to_monday', 2025, ['2025-11-01 All Saints', '2025-11-03 All Saints (observed)']],
    ['nearest_weekday', 2025, ['2025-10-31 All Saints (observed)', '2025-11-01 All Saints']],
    ['nearest_weekday', 2026, ['2026-11-01 All Saints', '2026-11-02 All Saints (observed)']],
    ['none', 2026, ['2026-11-01 All Saints']],
  ] as const)('fixed: observed %s in %d', (observed, year, expected) => {
    expect(holidays(year, [{ kind: 'fixed', month: 11, day: 1, name: 'All Saints', observed }])).toEqual(expected);
  });

  it('an observed day that crosses New Year lands in the next year', () => {
    // 2028-12-31 is a Sunday.
    const rule: HolidayRuleDefinition = {
      kind: 'fixed',
      month: 12,
      day: 31,
      name: 'Year end',
      observed: 'sunday_to_monday',
    };
    expect(holidays(2029, [rule])).toEqual(['2029-01-01 Year end (observed)', '2029-12-31 Year end']);
  });

  it('easter: offsets from Western Easter Sunday', () => {
    const rules: HolidayRuleDefinition[] = [
      { kind: 'easter', offsetDays: -3, name: 'Maundy Thursday' },
      { kind: 'easter', offsetDays: -2, name: 'Good Friday' },
      { kind: 'easter', offsetDays: 1, name: 'Easter Monday' },
    ];
    expect(holidays(2026, rules)).toEqual([
      '2026-04-02 Maundy Thursday',
      '2026-04-03 Good Friday',
      '2026-04-06 Easter Monday',
    ]);
    expect(holidays(2027, rules)).toEqual([
      '2027-03-25 Maundy Thursday',
      '2027-03-26 Good Friday',
      '2027-03-29 Easter Monday',
    ]);
    // Extremes of the Easter range: 2285 (22 March) and 2038 (25 April).
    expect(holidays(2285, [{ kind: 'easter', offsetDays: 0, name: 'Easter' }])).toEqual(['2285-03-22 Easter']);
    expect(holidays(2038, [{ kind: 'easter', offsetDays: 0, name: 'Easter' }])).toEqual(['2038-04-25 Easter']);
  });

  it('nthWeekday: the n-th and the last weekday of a month', () => {
    expect(
      holidays(2026, [
        { kind: 'nthWeekday', month: 11, weekday: 4, nth: 4, name: 'Thanksgiving' },
        { kind: 'nthWeekday', month: 5, weekday: 1, nth: 'last', name: 'Memorial Day' },
      ]),
    ).toEqual(['2026-05-25 Memorial Day', '2026-11-26 Thanksgiving']);
  });

  it('nthWeekday: a fifth weekday that does not exist yields nothing that year', () => {
    // February 2026 has four Mondays; March 2026 has five.
    expect(holidays(2026, [{ kind: 'nthWeekday', month: 2, weekday: 1, nth: 5, name: 'x' }])).toEqual([]);
    expect(holidays(2026, [{ kind: 'nthWeekday', month: 3, weekday: 1, nth: 5, name: 'x' }])).toEqual(['2026-03-30 x']);
  });

  it('date and range: explicit dates, ranges split across years', () => {
    const rules: HolidayRuleDefinition[] = [
      { kind: 'date', date: '2026-05-02', name: 'Regional day' },
      { kind: 'range', from: '2026-12-30', to: '2027-01-02', name: 'Shutdown' },
    ];
    expect(holidays(2026, rules)).toEqual(['2026-05-02 Regional day', '2026-12-30 Shutdown', '2026-12-31 Shutdown']);
    expect(holidays(2027, rules)).toEqual(['2027-01-01 Shutdown', '2027-01-02 Shutdown']);
  });

  it('sets compose, remember their names, and exceptions remove single dates', () => {
    const cal = compileCalendar({
      zone: 'UTC',
      week: {},
      holidays: [
        {
          kind: 'set',
          name: 'Country',
          holidays: [{ kind: 'fixed', month: 12, day: 8, name: 'Immaculate Conception' }],
        },
        { kind: 'set', name: 'Region', holidays: [{ kind: 'fixed', month: 12, day: 9, name: 'Regional' }] },
        { kind: 'date', date: '2026-12-24', name: 'Company day' },
      ],
      holidayExceptions: ['2026-12-09'],
    });
    expect(cal.holidaysIn(2026)).toEqual([
      { date: '2026-12-08', name: 'Immaculate Conception', set: 'Country' },
      { date: '2026-12-24', name: 'Company day' },
    ]);
    expect(cal.holidaysIn(2027).map((h) => h.date)).toEqual(['2027-12-08', '2027-12-09']);
  });
});
