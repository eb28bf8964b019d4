import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { compileCalendar, spainNationalHolidays } from '../../index.js';

describe("Spain's national holiday set", () => {
  const cal = compileCalendar({ zone: 'Europe/Madrid', week: {}, holidays: [spainNationalHolidays] });
  const reference = new Holidays('ES');

  it('matches the date-holidays package’s national public holidays, 2000–2060', () => {
    for (let year = 2000; year <= 2060; year++) {
      const theirs = reference
        .getHolidays(year)
        .filter((h) => h.type === 'public' && !h.substitute)
        .map((h) => h.date.slice(0, 10))
        .sort();
      const ours = cal.holidaysIn(year).map((h) => h.date);
      expect(ours, String(year)).toEqual(theirs);
    }
  });

  it('does not move a holiday that falls on a weekend', () => {
    // 2026-11-01 (All Saints) is a Sunday; 2026-11-02 stays a working day nationally.
    expect(cal.holidaysIn(2026).map((h) => h.date)).toContain('2026-11-01');
    expect(cal.holidaysIn(2026).map((h) => h.date)).not.toContain('2026-11-02');
  });

  it('is frozen data that any policy can embed', () => {
    expect(Object.isFrozen(spainNationalHolidays)).toBe(true);
    expect(JSON.parse(JSON.stringify(spainNationalHolidays))).toEqual(spainNationalHolidays);
  });
});
