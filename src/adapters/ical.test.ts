import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outcome, pollutedOutcome } from '../../test/fixtures/hostile.js';
import { compileCalendar, InvalidArgumentError, PolicyValidationError } from '../index.js';
import { icalHolidays, withIcal } from './ical.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/ical/${name}`, import.meta.url), 'utf8');
const feed = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];
const span = { fromYear: 2026, untilYear: 2028 };
const h: [string, string][] = [['08:00', '18:00']];
const weekdays = { 1: h, 2: h, 3: h, 4: h, 5: h };

describe('icalHolidays: a feed exported by Google Calendar', () => {
  const google = icalHolidays(fixture('google.ics'), { zone: 'Europe/Berlin', ...span });

  it('all-day and multi-day events, a yearly rule with an EXDATE, a moved occurrence, no cancelled event', () => {
    expect(google.holidays).toEqual({
      kind: 'set',
      name: 'Munich support closures',
      holidays: [
        { kind: 'date', date: '2026-01-01', name: "New Year's Day" },
        { kind: 'date', date: '2026-06-12', name: 'Team day' },
        { kind: 'range', from: '2026-12-28', to: '2026-12-30', name: 'Year-end shutdown' },
        { kind: 'date', date: '2027-01-01', name: "New Year's Day" },
        { kind: 'date', date: '2027-06-18', name: 'Team day (moved)' },
        { kind: 'date', date: '2028-06-09', name: 'Team day' },
      ],
    });
  });

  it('timed events (TZID=Europe/Berlin, and UTC) are part-day closures in the calendar’s wall time', () => {
    expect(google.closures).toEqual([
      { date: '2026-07-01', from: '10:00', to: '12:00', name: 'Server room move' },
      { date: '2026-12-24', from: '14:00', to: '24:00', name: 'Christmas Eve afternoon' },
      { date: '2028-12-24', from: '14:00', to: '24:00', name: 'Christmas Eve afternoon' },
    ]);
    const london = icalHolidays(fixture('google.ics'), { zone: 'Europe/London', ...span, name: 'Munich' });
    expect(london.holidays.name).toBe('Munich');
    expect(london.closures[0]).toEqual({ date: '2026-07-01', from: '09:00', to: '11:00', name: 'Server room move' });
    expect(london.closures[1]).toEqual({
      date: '2026-12-24',
      from: '13:00',
      to: '23:00',
      name: 'Christmas Eve afternoon',
    });
  });

  it('withIcal closes the calendar on those days and hours', () => {
    const cal = compileCalendar(withIcal({ zone: 'Europe/Berlin', week: weekdays }, fixture('google.ics'), span));
    expect(cal.isOpen(Date.parse('2026-12-24T12:59:00Z'))).toBe(true);
    expect(cal.isOpen(Date.parse('2026-12-24T13:00:00Z'))).toBe(false);
    expect(cal.isOpen(Date.parse('2027-12-24T15:00:00Z'))).toBe(true); // the EXDATE
    expect(cal.isOpen(Date.parse('2026-07-01T08:30:00Z'))).toBe(false);
    expect(cal.isOpen(Date.parse('2026-07-01T10:00:00Z'))).toBe(true);
    expect(cal.holidaysIn(2027).map((x) => x.date)).toEqual(['2027-01-01', '2027-06-18']);
  });
});

describe('icalHolidays: a feed exported by Outlook', () => {
  it('reads X-MS properties, quoted TZIDs and the VTIMEZONE of a Windows zone name', () => {
    const outlook = icalHolidays(fixture('outlook.ics'), { zone: 'Europe/Berlin', ...span });
    expect(outlook.holidays.name).toBe('Büro München');
    expect(outlook.holidays.holidays).toEqual([
      { kind: 'range', from: '2026-08-10', to: '2026-08-14', name: 'Betriebsurlaub' },
      { kind: 'date', date: '2026-12-25', name: '1. Weihnachtstag' },
      { kind: 'date', date: '2027-12-25', name: '1. Weihnachtstag' },
      { kind: 'date', date: '2028-12-25', name: '1. Weihnachtstag' },
    ]);
    // The last Friday of April from 13:00 (summer time) and 31 December from 12:00 (winter time).
    expect(outlook.closures).toEqual([
      { date: '2026-04-24', from: '13:00', to: '17:00', name: 'Betriebsversammlung' },
      { date: '2026-12-31', from: '12:00', to: '17:00', name: 'Silvester (Nachmittag)' },
      { date: '2028-04-28', from: '13:00', to: '17:00', name: 'Betriebsversammlung' },
    ]);
    const utc = icalHolidays(fixture('outlook.ics'), { zone: 'UTC', ...span });
    expect(utc.closures.map((c) => `${c.date} ${c.from}-${c.to}`)).toEqual([
      '2026-04-24 11:00-15:00',
      '2026-12-31 11:00-16:00',
      '2028-04-28 11:00-15:00',
    ]);
  });
});

describe('icalHolidays: timed events over several days', () => {
  it('the days covered from midnight to midnight are holidays, the ends are closures', () => {
    const out = icalHolidays(
      feed(
        ...event(
          'SUMMARY:Move',
          'DTSTART;TZID=Europe/Berlin:20261223T150000',
          'DTEND;TZID=Europe/Berlin:20261227T100000',
        ),
      ),
      { zone: 'Europe/Berlin', ...span },
    );
    expect(out.holidays.holidays).toEqual([{ kind: 'range', from: '2026-12-24', to: '2026-12-26', name: 'Move' }]);
    expect(out.closures).toEqual([
      { date: '2026-12-23', from: '15:00', to: '24:00', name: 'Move' },
      { date: '2026-12-27', from: '00:00', to: '10:00', name: 'Move' },
    ]);
  });

  it('a floating time is wall time of the calendar; an all-day event without DTEND is one day', () => {
    const out = icalHolidays(
      feed(
        ...event('SUMMARY:Drill', 'DTSTART:20260302T110000', 'DURATION:PT30M'),
        ...event('DTSTART;VALUE=DATE:20260303'),
      ),
      { zone: 'America/New_York', ...span },
    );
    expect(out.closures).toEqual([{ date: '2026-03-02', from: '11:00', to: '11:30', name: 'Drill' }]);
    expect(out.holidays.holidays).toEqual([{ kind: 'date', date: '2026-03-03', name: 'Closed' }]);
  });
});

describe('icalHolidays: bad input is a typed error, never a crash', () => {
  const cases: [string, unknown, unknown, string, (string | number)[]][] = [
    ['text that is not a string', 42, { zone: 'UTC', ...span }, 'invalid_feed', ['text']],
    ['text that is not iCalendar', 'hello, world', { zone: 'UTC', ...span }, 'invalid_feed', ['text']],
    [
      'a VEVENT alone',
      event('DTSTART:20260101T000000Z').join('\r\n'),
      { zone: 'UTC', ...span },
      'invalid_feed',
      ['text'],
    ],
    [
      'an event without a start',
      feed(...event('SUMMARY:x')),
      { zone: 'UTC', ...span },
      'invalid_feed',
      ['text', 'VEVENT', 0],
    ],
    [
      'a TZID that no VTIMEZONE defines',
      feed(
        ...event('DTSTART;TZID=Mars Standard Time:20260101T100000', 'DTEND;TZID=Mars Standard Time:20260101T120000'),
      ),
      { zone: 'UTC', ...span },
      'invalid_feed',
      ['text', 'VEVENT', 0],
    ],
    [
      'a broken date',
      feed(...event('DTSTART;VALUE=DATE:2026XX01')),
      { zone: 'UTC', ...span },
      'invalid_feed',
      ['text'],
    ],
    ['no options', feed(), undefined, 'invalid_option', ['options']],
    ['the machine’s zone', feed(), { zone: 'local', ...span }, 'invalid_zone', ['options', 'zone']],
    ['an unknown zone', feed(), { zone: 'Mars/Olympus', ...span }, 'invalid_zone', ['options', 'zone']],
    [
      'years out of range',
      feed(),
      { zone: 'UTC', fromYear: 2026, untilYear: 2400 },
      'out_of_range',
      ['options', 'untilYear'],
    ],
    [
      'a daily all-day event over centuries',
      feed(...event('DTSTART;VALUE=DATE:20000101', 'RRULE:FREQ=DAILY')),
      { zone: 'UTC', fromYear: 2000, untilYear: 2399 },
      'input_too_large',
      ['options', 'untilYear'],
    ],
    [
      'a rule that repeats every minute',
      feed(...event('DTSTART:19000101T000000Z', 'DURATION:PT1S', 'RRULE:FREQ=MINUTELY')),
      { zone: 'UTC', fromYear: 2399, untilYear: 2399 },
      'input_too_large',
      ['text'],
    ],
  ];
  for (const [what, text, options, code, path] of cases) {
    it(what, () => {
      let caught: unknown;
      try {
        icalHolidays(text as string, options as never);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect(caught).toMatchObject({ code });
      expect((caught as InvalidArgumentError).path.slice(0, path.length)).toEqual(path);
    });
  }

  it('a definition that is not a calendar is a validation error', () => {
    expect(() => withIcal({ zone: 'Mars/Olympus', week: {} }, feed(), span)).toThrow(PolicyValidationError);
  });
});

describe('icalHolidays and withIcal: an option key they do not know is refused at its path, never ignored', () => {
  const refusal = (call: () => unknown) => {
    try {
      call();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      return [(e as InvalidArgumentError).code, (e as InvalidArgumentError).path, (e as Error).message];
    }
    return undefined;
  };

  it("icalHolidays: a misspelt untilYear is invalid_option at ['options', 'untilyear']", () => {
    const [code, path, message] = refusal(() =>
      icalHolidays(feed(), { zone: 'UTC', fromYear: 2026, untilYear: 2026, untilyear: 2027 } as never),
    )!;
    expect([code, path]).toEqual(['invalid_option', ['options', 'untilyear']]);
    expect(message).toMatch(/^options\.untilyear: expected one of the options fromYear, untilYear, name, zone, got /);
  });

  it("withIcal: a misspelt name is invalid_option at ['options', 'nmae']", () => {
    const definition = { zone: 'Europe/Berlin', week: weekdays };
    expect(refusal(() => withIcal(definition, feed(), { ...span, nmae: 'Closures' } as never))?.slice(0, 2)).toEqual([
      'invalid_option',
      ['options', 'nmae'],
    ]);
  });

  it("withIcal: a zone is not its option (the definition's zone is used) and is refused", () => {
    const definition = { zone: 'Europe/Berlin', week: weekdays };
    expect(refusal(() => withIcal(definition, feed(), { ...span, zone: 'UTC' } as never))?.slice(0, 2)).toEqual([
      'invalid_option',
      ['options', 'zone'],
    ]);
  });

  it("an array or null as the options is invalid_option at ['options']", () => {
    for (const options of [null, [span]]) {
      expect(refusal(() => icalHolidays(feed(), options as never))?.slice(0, 2)).toEqual([
        'invalid_option',
        ['options'],
      ]);
      expect(refusal(() => withIcal({ zone: 'UTC', week: weekdays }, feed(), options as never))?.slice(0, 2)).toEqual([
        'invalid_option',
        ['options'],
      ]);
    }
  });

  it('every key the options types name is still accepted', () => {
    expect(icalHolidays(feed(), { zone: 'UTC', ...span, name: 'Office' }).holidays.name).toBe('Office');
    expect(withIcal({ zone: 'UTC', week: weekdays }, feed(), { ...span, name: 'Office' }).holidays).toHaveLength(1);
  });
});

describe('icalHolidays and withIcal: an option of a polluted Object.prototype is not read', () => {
  const text = feed(
    ...event('SUMMARY:Closed', 'DTSTART;VALUE=DATE:20260101'),
    ...event(
      'SUMMARY:Meeting',
      'DTSTART;TZID=Europe/Berlin:20260105T090000',
      'DTEND;TZID=Europe/Berlin:20260105T100000',
    ),
  );
  const definition = { zone: 'Europe/Berlin', week: weekdays };
  // Each option, inherited where the caller gave none: a required one is still missing.
  const cases: [string, unknown, Record<string, unknown>][] = [
    ['fromYear', 2026, { untilYear: 2026 }],
    ['untilYear', 2026, { fromYear: 2026 }],
    ['name', 'Polluted', { ...span }],
    ['zone', 'UTC', { ...span }],
  ];
  for (const [key, value, options] of cases) {
    it(`icalHolidays: Object.prototype.${key} = ${JSON.stringify(value)} is ignored`, () => {
      const given = key === 'zone' ? options : { zone: 'Europe/Berlin', ...options };
      const call = () => icalHolidays(text, given as never);
      expect(pollutedOutcome(key, value, call)).toEqual(outcome(call));
    });

    it(`withIcal: Object.prototype.${key} = ${JSON.stringify(value)} is ignored`, () => {
      const call = () => withIcal(definition, text, options as never);
      expect(pollutedOutcome(key, value, call)).toEqual(outcome(call));
    });
  }
});
