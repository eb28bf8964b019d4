import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, MS_PER_DAY } from '../internal/civil.js';
import { isoWeek, localTime, startOfDay, startOfHour, startOfMonth, wallTimeAt } from './localTime.js';

/**
 * The local dates and times the library writes (explanations, pictures, compliance periods) are
 * read without luxon; luxon, a development dependency here, is the reference they must agree with.
 */

/** Zones with whole, half and quarter hours, southern and northern DST, a skipped day, historical seconds. */
const ZONES = [
  'UTC',
  'UTC+05:30',
  'Europe/Madrid',
  'America/New_York',
  'America/Santiago',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Africa/Monrovia',
  'Asia/Kolkata',
];

const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
const zone = fc.constantFrom(...ZONES);

describe('localTime', () => {
  it("is luxon's local date, weekday, hour and minute of the instant", () => {
    fc.assert(
      fc.property(instant, zone, (ms, z) => {
        const d = DateTime.fromMillis(ms, { zone: z });
        const t = localTime(ms, z);
        expect([t.year, t.month, t.day, t.weekday, t.hour, t.minute]).toEqual([
          d.year,
          d.month,
          d.day,
          d.weekday,
          d.hour,
          d.minute,
        ]);
        expect(t.days).toBe(daysFromCivil(d.year, d.month, d.day));
      }),
      { numRuns: 2000 },
    );
  });

  it('names a Pacific/Apia day that never began: 30 December 2011 was skipped', () => {
    const before = Date.UTC(2011, 11, 30, 9, 59, 59, 999); // 23:59:59.999 on the 29th, UTC−10
    expect(localTime(before, 'Pacific/Apia')).toMatchObject({ year: 2011, month: 12, day: 29, hour: 23 });
    expect(localTime(before + 1, 'Pacific/Apia')).toMatchObject({ year: 2011, month: 12, day: 31, hour: 0 });
  });

  it('throws for a zone name nobody checked (callers check zones first)', () => {
    expect(() => localTime(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('startOfDay', () => {
  it('is the first instant whose local date is the day or later', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1900, 1, 2), max: daysFromCivil(2099, 12, 30) }), zone, (day, z) => {
        const start = startOfDay(day, z);
        expect(localTime(start, z).days).toBeGreaterThanOrEqual(day);
        expect(localTime(start - 1, z).days).toBeLessThan(day);
      }),
      { numRuns: 2000 },
    );
  });

  it("is luxon's start of the day wherever the day begins at midnight", () => {
    fc.assert(
      fc.property(instant, zone, (ms, z) => {
        const d = DateTime.fromMillis(ms, { zone: z }).startOf('day');
        const t = localTime(ms, z);
        if (d.hour === 0 && d.minute === 0) expect(startOfDay(t.days, z)).toBe(d.toMillis());
      }),
      { numRuns: 1000 },
    );
  });

  it('starts a day whose midnight does not exist when the clocks first show it: Santiago, 6 September 2026', () => {
    // Clocks go from 24:00 (−04) to 01:00 (−03): the day begins at 01:00 local, 04:00 UTC.
    expect(startOfDay(daysFromCivil(2026, 9, 6), 'America/Santiago')).toBe(Date.UTC(2026, 8, 6, 4));
    expect(
      startOfDay(daysFromCivil(2026, 9, 7), 'America/Santiago') -
        startOfDay(daysFromCivil(2026, 9, 6), 'America/Santiago'),
    ).toBe(23 * 3_600_000);
  });
});

describe('startOfHour, startOfMonth and wallTimeAt', () => {
  it('a local hour begins at its whole hour, in zones a quarter of an hour off UTC', () => {
    const at = Date.UTC(2026, 0, 5, 12, 10); // 17:55 in Kathmandu (UTC+05:45)
    expect(startOfHour(at, 'Asia/Kathmandu')).toBe(Date.UTC(2026, 0, 5, 11, 15)); // 17:00 there
  });

  it('a month begins at its first local midnight, and months run on past December', () => {
    expect(startOfMonth(2026, 3, 'Europe/Madrid')).toBe(Date.UTC(2026, 1, 28, 23));
    expect(startOfMonth(2026, 13, 'Europe/Madrid')).toBe(startOfMonth(2027, 1, 'Europe/Madrid'));
  });

  it('a wall time in a fall-back overlap is its earlier instant; one in a gap, the transition', () => {
    // Madrid, 25 October 2026: 03:00 CEST back to 02:00 CET; 29 March 2026: 02:00 CET to 03:00 CEST.
    expect(wallTimeAt(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Madrid')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(wallTimeAt(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Madrid')).toBe(Date.UTC(2026, 2, 29, 1));
  });
});

describe('isoWeek', () => {
  it("is luxon's week-numbering year and week", () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2100, 1, 1) }), (day) => {
        const d = DateTime.fromMillis(day * MS_PER_DAY, { zone: 'UTC' });
        expect(isoWeek(day)).toEqual({ weekYear: d.weekYear, week: d.weekNumber });
      }),
      { numRuns: 3000 },
    );
  });
});
