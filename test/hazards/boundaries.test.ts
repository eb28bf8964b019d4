import { describe, expect, it } from 'vitest';
import { CHUNK_MS } from '../../src/calendar/tables.js';
import { CalculationError, compileCalendar } from '../../src/index.js';

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(`${iso}Z`);
const weekdays: [string, string][] = [['08:00', '18:00']];
const officeHours = { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays };

describe('closings, openings and the earliest-instant rule', () => {
  const cal = compileCalendar({ zone: 'UTC', week: officeHours });

  it('a deadline ending exactly at a closing is that closing', () => {
    expect(cal.add(utc('2026-01-05T16:00'), 2 * HOUR)).toBe(utc('2026-01-05T18:00'));
  });

  it('one more millisecond moves the deadline past the next opening', () => {
    expect(cal.add(utc('2026-01-05T16:00'), 2 * HOUR + 1)).toBe(utc('2026-01-06T08:00') + 1);
  });

  it('time before the first opening does not count', () => {
    expect(cal.add(utc('2026-01-03T12:00'), HOUR)).toBe(utc('2026-01-05T09:00'));
  });

  it('an opening is open and a closing is not', () => {
    expect(cal.isOpen(utc('2026-01-05T08:00'))).toBe(true);
    expect(cal.isOpen(utc('2026-01-05T18:00'))).toBe(false);
    expect(cal.isOpen(utc('2026-01-05T18:00') - 1)).toBe(true);
  });

  it('add(t, 0) is t even when closed', () => {
    expect(cal.add(utc('2026-01-04T03:00'), 0)).toBe(utc('2026-01-04T03:00'));
  });

  it('between is negative when to is before from, and zero is never -0', () => {
    expect(cal.between(utc('2026-01-06T08:00'), utc('2026-01-05T17:00'))).toBe(-HOUR);
    expect(Object.is(cal.between(utc('2026-01-04T10:00'), utc('2026-01-04T09:00')), 0)).toBe(true);
  });

  it('subtract lands on an opening rather than the previous closing', () => {
    expect(cal.subtract(utc('2026-01-06T10:00'), 2 * HOUR)).toBe(utc('2026-01-06T08:00'));
    expect(cal.subtract(utc('2026-01-06T10:00'), 2 * HOUR + 1)).toBe(utc('2026-01-05T18:00') - 1);
  });
});

describe('intervals crossing midnight and 24:00', () => {
  it('an interval belongs to the date it opens on: Monday night runs into a Tuesday holiday', () => {
    const cal = compileCalendar({
      zone: 'UTC',
      week: { 1: [['22:00', '06:00']], 2: [['22:00', '06:00']] },
      holidays: [{ kind: 'date', date: '2026-01-06', name: 'Epiphany' }],
    });
    expect(cal.isOpen(utc('2026-01-06T05:00'))).toBe(true);
    expect(cal.isOpen(utc('2026-01-06T23:00'))).toBe(false);
    expect(cal.between(utc('2026-01-05T00:00'), utc('2026-01-08T00:00'))).toBe(8 * HOUR);
  });

  it('an override replaces only the intervals opening on its date', () => {
    const cal = compileCalendar({
      zone: 'UTC',
      week: { 1: [['22:00', '06:00']] },
      overrides: { '2026-01-06': { open: [['10:00', '11:00']], name: 'Extra opening' } },
    });
    expect(cal.openIntervals(utc('2026-01-05T00:00'), utc('2026-01-07T00:00'))).toEqual([
      { start: utc('2026-01-05T22:00'), end: utc('2026-01-06T06:00') },
      { start: utc('2026-01-06T10:00'), end: utc('2026-01-06T11:00') },
    ]);
  });

  it('24:00 closes at the next midnight and touching days form one open period', () => {
    const cal = compileCalendar({ zone: 'UTC', week: { 1: [['08:00', '24:00']], 2: [['00:00', '18:00']] } });
    expect(cal.nextClosing(utc('2026-01-05T09:00'))).toBe(utc('2026-01-06T18:00'));
    expect(cal.openIntervals(utc('2026-01-05T00:00'), utc('2026-01-07T00:00'))).toHaveLength(1);
  });

  it('a closing equal to the opening is a 24-hour interval', () => {
    const cal = compileCalendar({ zone: 'UTC', week: { 3: [['08:00', '08:00']] } });
    expect(cal.between(utc('2026-01-07T00:00'), utc('2026-01-09T00:00'))).toBe(24 * HOUR);
  });
});

describe('per-date overrides and holidays', () => {
  const cal = compileCalendar({
    zone: 'Europe/Madrid',
    week: officeHours,
    holidays: [{ kind: 'fixed', month: 12, day: 25, name: 'Christmas Day' }],
    overrides: {
      '2026-12-24': { open: [['09:00', '13:00']], name: 'Christmas Eve' },
      '2026-12-26': { open: [['10:00', '14:00']], name: 'Saturday stocktake' },
      '2026-12-28': { open: [], name: 'Company day' },
    },
  });

  it('a shortened day counts only its own hours', () => {
    expect(cal.between(utc('2026-12-24T00:00'), utc('2026-12-25T00:00'))).toBe(4 * HOUR);
  });

  it('an extra opening on a Saturday is a business day', () => {
    // Thursday 24th 12:00 Madrid is 3 h into a 09:00–13:00 day; Saturday opens 10:00.
    expect(cal.addBusinessDays(utc('2026-12-24T11:00'), 1)).toBe(utc('2026-12-26T12:00'));
  });

  it('a closed override and a holiday are skipped', () => {
    expect(cal.nextOpening(utc('2026-12-26T13:00'))).toBe(utc('2026-12-29T07:00'));
  });

  it('an override wins over a holiday on the same date', () => {
    const open = compileCalendar({
      zone: 'UTC',
      week: officeHours,
      holidays: [{ kind: 'date', date: '2026-01-06', name: 'Epiphany' }],
      overrides: { '2026-01-06': { open: [['09:00', '10:00']] } },
    });
    expect(open.isOpen(utc('2026-01-06T09:30'))).toBe(true);
  });
});

describe('business days', () => {
  const cal = compileCalendar({ zone: 'UTC', week: officeHours });

  it('one business day from Friday 19:00 or Monday 07:00 is Monday 18:00', () => {
    expect(cal.addBusinessDays(utc('2026-01-09T19:00'), 1)).toBe(utc('2026-01-12T18:00'));
    expect(cal.addBusinessDays(utc('2026-01-12T07:00'), 1)).toBe(utc('2026-01-12T18:00'));
  });

  it('one business day from Monday 10:00 is Tuesday 10:00', () => {
    expect(cal.addBusinessDays(utc('2026-01-12T10:00'), 1)).toBe(utc('2026-01-13T10:00'));
  });

  it('zero business days is the next opening', () => {
    expect(cal.addBusinessDays(utc('2026-01-10T10:00'), 0)).toBe(utc('2026-01-12T08:00'));
  });

  it('a shorter target day clamps to its last closing', () => {
    const short = compileCalendar({ zone: 'UTC', week: { 1: [['08:00', '18:00']], 2: [['08:00', '10:00']] } });
    expect(short.addBusinessDays(utc('2026-01-12T15:00'), 1)).toBe(utc('2026-01-13T10:00'));
  });
});

describe('lazy chunk boundaries are invisible', () => {
  const boundary = 56 * CHUNK_MS; // an internal table boundary, inside 2026
  const always: [string, string][] = [['00:00', '24:00']];
  const allWeek = { 1: always, 2: always, 3: always, 4: always, 5: always, 6: always, 7: always };

  it('add and between run straight across a table boundary', () => {
    const cal = compileCalendar({ zone: 'Europe/Madrid', week: allWeek });
    expect(cal.add(boundary - HOUR, 2 * HOUR)).toBe(boundary + HOUR);
    expect(cal.between(boundary - 5 * HOUR, boundary + 7 * HOUR)).toBe(12 * HOUR);
    expect(cal.subtract(boundary + HOUR, 2 * HOUR)).toBe(boundary - HOUR);
  });

  it('an open period cut by a table boundary is listed once', () => {
    const cal = compileCalendar({ zone: 'Europe/Madrid', week: allWeek });
    expect(cal.openIntervals(boundary - HOUR, boundary + HOUR)).toEqual([
      { start: boundary - HOUR, end: boundary + HOUR },
    ]);
  });

  it('a calendar that never closes has no next closing, and says so', () => {
    const cal = compileCalendar({ zone: 'UTC', week: allWeek });
    expect(() => cal.nextClosing(boundary)).toThrow(CalculationError);
    expect(() => cal.nextClosing(boundary)).toThrow(/never closes/);
  });

  it('a long deadline spans many tables exactly', () => {
    const cal = compileCalendar({ zone: 'UTC', week: officeHours });
    const start = utc('2026-01-05T08:00');
    const end = cal.add(start, 10_000 * HOUR);
    expect(cal.between(start, end)).toBe(10_000 * HOUR);
  });
});
