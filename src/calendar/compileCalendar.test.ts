import { describe, expect, it } from 'vitest';
import { type CalendarDefinition, compileCalendar, PolicyValidationError, spainNationalHolidays } from '../index.js';

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

const ok = { zone: 'Europe/Madrid', week: { 1: [['08:00', '18:00']] } };

describe('compileCalendar: valid definitions', () => {
  it('accepts weekdays, holiday sets, exceptions and overrides together', () => {
    const cal = compileCalendar({
      zone: 'Europe/Madrid',
      week: {
        1: [
          ['08:00', '14:00'],
          ['15:00', '18:00'],
        ],
        6: [['22:00', '02:00']],
        7: [['10:00', '24:00']],
      },
      holidays: [
        spainNationalHolidays,
        { kind: 'nthWeekday', month: 5, weekday: 1, nth: 'last', name: 'Company day' },
        { kind: 'range', from: '2026-08-10', to: '2026-08-21', name: 'Summer shutdown' },
      ],
      holidayExceptions: ['2026-12-08'],
      overrides: { '2026-12-24': { open: [['09:00', '13:00']] } },
    });
    expect(cal.zone).toBe('Europe/Madrid');
  });

  it('accepts UTC and fixed offsets as zones', () => {
    expect(compileCalendar({ zone: 'UTC', week: {} }).zone).toBe('UTC');
    expect(compileCalendar({ zone: 'UTC+01:00', week: {} }).zone).toBe('UTC+01:00');
  });

  it('accepts a zone written in any case and keeps its canonical spelling', () => {
    const inZone = (zone: string) => compileCalendar({ zone, week: { 1: [['08:00', '18:00']] } });
    const cal = inZone('europe/madrid');
    expect(cal.zone).toBe('Europe/Madrid');
    expect(cal.definition.zone).toBe('Europe/Madrid');
    expect(inZone('utc').zone).toBe('UTC');
    expect(inZone('utc+01:00').zone).toBe('UTC+01:00');
    expect(inZone('Asia/Kolkata').zone).toBe('Asia/Kolkata');
    // The same calendar: 07:00Z on Monday 5 January 2026 is 08:00 in Madrid.
    const monday = Date.parse('2026-01-05T07:00:00Z');
    expect(cal.isOpen(monday)).toBe(true);
    expect(cal.nextClosing(monday)).toBe(inZone('Europe/Madrid').nextClosing(monday));
  });

  it('does not mutate its input, and freezes its own copy', () => {
    const input = JSON.parse(JSON.stringify({ ...ok, overrides: { '2026-01-05': { open: [] } } }));
    const before = JSON.stringify(input);
    const cal = compileCalendar(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(cal)).toBe(true);
    expect(Object.isFrozen(cal.definition.week)).toBe(true);
  });
});

describe('compileCalendar: every bad field gets a typed error with its path', () => {
  it('invalid_zone: a misspelled IANA zone', () => {
    expect(issuesOf({ ...ok, zone: 'Europe/Madird' })).toEqual([
      { code: 'invalid_zone', path: 'zone', message: 'zone: unknown IANA time zone "Europe/Madird"' },
    ]);
  });

  it.each(['Mars/Olympus', 'local', 'Local', 'system', 'SYSTEM', '', 'UTC+15:00', '../etc/passwd'])(
    'invalid_zone: %j',
    (zone) => {
      expect(issuesOf({ ...ok, zone })[0]?.code).toBe('invalid_zone');
    },
  );

  it.each([
    ['25:00', '26:00'],
    ['8:00', '18:00'],
    ['08:60', '18:00'],
    ['24:00', '02:00'],
    ['08:00', '24:01'],
    ['08:00:00', '18:00'],
  ])('invalid_time: [%j, %j]', (open, close) => {
    expect(issuesOf({ ...ok, week: { 1: [[open, close]] } })[0]).toMatchObject({ code: 'invalid_time' });
  });

  it('reports every problem at once, in document order', () => {
    expect(
      issuesOf({ zone: 'Nowhere/City', week: { 1: [['8:00', '25:00']] } }).map((i) => `${i.code} ${i.path}`),
    ).toEqual(['invalid_zone zone', 'invalid_time week.1.0.0', 'invalid_time week.1.0.1']);
  });

  it('overlapping_intervals: two intervals of one day', () => {
    expect(
      issuesOf({
        ...ok,
        week: {
          2: [
            ['08:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      }),
    ).toEqual([
      {
        code: 'overlapping_intervals',
        path: 'week.2.1',
        message:
          'week.2[1]: expected intervals that do not overlap, got ["11:00","13:00"] overlapping ["08:00","12:00"]',
      },
    ]);
  });

  it("overlapping_intervals: the previous night's interval runs into the next day's", () => {
    expect(issuesOf({ ...ok, week: { 7: [['22:00', '06:00']], 1: [['05:00', '09:00']] } })[0]).toMatchObject({
      code: 'overlapping_intervals',
      path: 'week.1.0',
    });
  });

  it('overlapping_intervals: inside an override', () => {
    expect(
      issuesOf({
        ...ok,
        overrides: {
          '2026-01-05': {
            open: [
              ['08:00', '10:00'],
              ['09:00', '11:00'],
            ],
          },
        },
      })[0],
    ).toMatchObject({
      code: 'overlapping_intervals',
      path: 'overrides.2026-01-05.open.1',
    });
  });

  it('invalid_date: February 30 as a fixed holiday', () => {
    expect(issuesOf({ ...ok, holidays: [{ kind: 'fixed', month: 2, day: 30, name: 'Nope' }] })[0]).toMatchObject({
      code: 'invalid_date',
      path: 'holidays.0.day',
    });
  });

  it.each([
    [{ holidays: [{ kind: 'date', date: '2026-02-30', name: 'x' }] }, 'holidays.0.date'],
    [{ holidays: [{ kind: 'range', from: '2026-08-21', to: '2026-08-10', name: 'x' }] }, 'holidays.0.to'],
    [
      { holidays: [{ kind: 'easter', offsetDays: 0, name: 'x', fromYear: 2030, untilYear: 2020 }] },
      'holidays.0.untilYear',
    ],
    [{ holidayExceptions: ['2026-13-01'] }, 'holidayExceptions.0'],
    [{ overrides: { '2026-02-29': { open: [] } } }, 'overrides.2026-02-29'],
  ])('invalid_date: %j', (extra, path) => {
    expect(issuesOf({ ...ok, ...extra })[0]).toMatchObject({ code: 'invalid_date', path });
  });

  it('forbidden_key: __proto__ in parsed JSON never reaches a prototype', () => {
    const input = JSON.parse('{"zone":"UTC","week":{"__proto__":{"polluted":true}}}');
    expect(issuesOf(input)).toEqual([
      { code: 'forbidden_key', path: 'week.__proto__', message: 'week.__proto__: forbidden key "__proto__"' },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(['constructor', 'prototype'])('forbidden_key: %s', (key) => {
    const input = JSON.parse(`{"zone":"UTC","week":{},"overrides":{"${key}":{"open":[]}}}`);
    expect(issuesOf(input)[0]).toMatchObject({ code: 'forbidden_key', path: `overrides.${key}` });
  });

  it('invalid_definition: an object with a replaced prototype cannot smuggle inherited fields', () => {
    const sneaky = Object.create({ zone: 'UTC' }) as object;
    Object.assign(sneaky, { week: {} });
    expect(issuesOf(sneaky)[0]).toMatchObject({ code: 'invalid_definition', path: '' });
  });

  it('input_too_large: deeply nested input fails fast', () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(issuesOf({ ...ok, holidays: deep })[0]).toMatchObject({ code: 'input_too_large' });
  });

  it('input_too_large: a huge document fails fast', () => {
    const huge = Array.from({ length: 1_100_000 }, () => 0);
    const started = performance.now();
    expect(issuesOf({ ...ok, holidayExceptions: huge })[0]).toMatchObject({ code: 'input_too_large' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each([
    [{ ...ok, weeks: {} }, 'weeks', 'weeks: unknown field "weeks"'],
    [{ week: {} }, 'zone', 'zone: expected string, got nothing'],
    [{ zone: 'UTC', week: { mon: [] } }, 'week.mon', undefined],
    [{ zone: 'UTC', week: { 1: 'all day' } }, 'week.1', 'week.1: expected array, got "all day"'],
    [
      { ...ok, holidays: [{ kind: 'lunar', name: 'x' }] },
      'holidays.0.kind',
      'holidays[0].kind: expected one of "fixed", "easter", "nthWeekday", "date", "range", "set", got "lunar"',
    ],
    [{ ...ok, holidays: [{ kind: 'fixed', month: 13, day: 1, name: 'x' }] }, 'holidays.0.month', undefined],
    [{ ...ok, holidays: [{ kind: 'easter', offsetDays: 1.5, name: 'x' }] }, 'holidays.0.offsetDays', undefined],
  ])('invalid_definition: %j', (input, path, message) => {
    const [first] = issuesOf(input);
    expect(first).toMatchObject({ code: 'invalid_definition', path });
    if (message !== undefined) expect(first?.message).toBe(message);
  });

  it('invalid_definition: not an object at all', () => {
    expect(issuesOf(null)[0]).toMatchObject({ code: 'invalid_definition', path: '' });
    expect(issuesOf('Europe/Madrid')[0]).toMatchObject({ code: 'invalid_definition', path: '' });
  });

  it('the error message lists every problem with its path', () => {
    let message = '';
    try {
      compileCalendar({ zone: 'Europe/Madird', week: { 1: [['25:00', '18:00']] } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      [
        'invalid calendar definition: 2 problems',
        '  - zone: unknown IANA time zone "Europe/Madird"',
        '  - week.1[0][0]: expected an opening time "HH:MM" from 00:00 to 23:59, got "25:00"',
      ].join('\n'),
    );
  });
});
