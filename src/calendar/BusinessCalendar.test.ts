import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileCalendar, InvalidArgumentError, spainNationalHolidays } from '../index.js';

const HOUR = 3_600_000;
const weekdays: [string, string][] = [['08:00', '18:00']];
const madrid = compileCalendar({
  zone: 'Europe/Madrid',
  week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays },
  holidays: [spainNationalHolidays],
});
const monday0800 = Date.parse('2026-01-05T07:00:00Z');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return `${(e as Error).constructor.name}:${(e as { code: string }).code}`;
  }
  return 'no error';
}

describe('instants in and out', () => {
  it('returns epoch ms for epoch ms', () => {
    expect(madrid.add(monday0800, HOUR)).toBe(monday0800 + HOUR);
  });

  it('returns a Date for a Date', () => {
    const out = madrid.add(new Date(monday0800), HOUR);
    expect(out).toBeInstanceOf(Date);
    expect(out.getTime()).toBe(monday0800 + HOUR);
  });

  it('returns a DateTime in the caller’s zone for a DateTime', () => {
    const out = madrid.add(DateTime.fromMillis(monday0800, { zone: 'America/New_York' }), HOUR);
    expect(DateTime.isDateTime(out)).toBe(true);
    expect(out.zoneName).toBe('America/New_York');
    expect(out.toMillis()).toBe(monday0800 + HOUR);
  });

  it('lists open intervals in the kind of `from`', () => {
    const list = madrid.openIntervals(new Date(monday0800), monday0800 + 3 * 24 * HOUR);
    expect(list.map((iv) => iv.start.toISOString())).toEqual(['2026-01-05T07:00:00.000Z', '2026-01-07T07:00:00.000Z']);
    expect(Object.isFrozen(list[0])).toBe(true);
  });

  it('skips Epiphany (a Spanish national holiday) when adding business time', () => {
    expect(madrid.add(monday0800 + 9 * HOUR, 2 * HOUR)).toBe(Date.parse('2026-01-07T08:00:00Z'));
    expect(madrid.addBusinessDays(monday0800 + 2 * HOUR, 1)).toBe(Date.parse('2026-01-07T09:00:00Z'));
  });
});

describe('bad arguments get typed errors', () => {
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['fractional ms', 1.5],
    ['Invalid Date', new Date('not a date')],
    ['invalid DateTime', DateTime.invalid('broken')],
    ['a string', '2026-01-05' as unknown as number],
  ])('invalid_instant: %s', (_, value) => {
    expect(codeOf(() => madrid.isOpen(value))).toBe('InvalidArgumentError:invalid_instant');
    expect(codeOf(() => madrid.add(value, HOUR))).toBe('InvalidArgumentError:invalid_instant');
  });

  it('names the offending argument in the error', () => {
    try {
      madrid.between(0, Number.NaN);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).path).toEqual(['to']);
      expect((e as Error).message).toBe('to: expected integer epoch milliseconds, got NaN');
    }
    expect.assertions(3);
  });

  it.each([Date.UTC(1899, 11, 31), Date.UTC(2400, 0, 1), 8.64e15])('out_of_range: %d', (ms) => {
    expect(codeOf(() => madrid.isOpen(ms))).toBe('InvalidArgumentError:out_of_range');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 0.5, '1' as unknown as number])('invalid_duration: %s', (d) => {
    expect(codeOf(() => madrid.add(monday0800, d))).toBe('InvalidArgumentError:invalid_duration');
    expect(codeOf(() => madrid.subtract(monday0800, d))).toBe('InvalidArgumentError:invalid_duration');
  });

  it.each([-1, 1.5, Number.NaN])('invalid_days: %s', (days) => {
    expect(codeOf(() => madrid.addBusinessDays(monday0800, days))).toBe('InvalidArgumentError:invalid_days');
  });

  it('invalid year for holidaysIn is out_of_range', () => {
    expect(codeOf(() => madrid.holidaysIn(1800))).toBe('InvalidArgumentError:out_of_range');
  });
});

describe('a schedule that is never open fails fast instead of looping', () => {
  const never = compileCalendar({ zone: 'Europe/Madrid', week: {} });

  it.each([
    ['add', () => never.add(monday0800, HOUR)],
    ['subtract', () => never.subtract(monday0800, HOUR)],
    ['nextOpening', () => never.nextOpening(monday0800)],
    ['nextClosing', () => never.nextClosing(monday0800)],
    ['addBusinessDays', () => never.addBusinessDays(monday0800, 1)],
  ])('never_open: %s', (_, fn) => {
    expect(codeOf(fn)).toBe('CalculationError:never_open');
  });

  it('still answers questions that have an answer', () => {
    expect(never.isOpen(monday0800)).toBe(false);
    expect(never.between(monday0800, monday0800 + 1e10)).toBe(0);
    expect(never.add(monday0800, 0)).toBe(monday0800);
  });

  it('gives up after ten closed years past the last dated rule', () => {
    // Open on Mondays, but sixty rules close every Monday of every month, forever: a bounded
    // search cannot prove the calendar never opens, so it stops after ten empty years.
    const mondays = Array.from({ length: 60 }, (_, i) => ({
      kind: 'nthWeekday' as const,
      month: (i % 12) + 1,
      weekday: 1,
      nth: Math.floor(i / 12) + 1,
      name: 'x',
    }));
    const cal = compileCalendar({
      zone: 'UTC',
      week: { 1: weekdays },
      overrides: { '2026-02-02': { open: [] } },
      holidays: [{ kind: 'range', from: '2026-02-01', to: '2026-12-31', name: 'Closed' }, ...mondays],
    });
    expect(codeOf(() => cal.nextOpening(monday0800))).toBe('CalculationError:never_open');
  });

  it('finds an opening right after a long dated closure', () => {
    const cal = compileCalendar({
      zone: 'UTC',
      week: { 1: weekdays },
      holidays: [{ kind: 'range', from: '2026-01-01', to: '2080-12-31', name: 'Closed' }],
    });
    expect(cal.nextOpening(monday0800)).toBe(Date.UTC(2081, 0, 6, 8));
  });

  it('reports out_of_range when a dated closure runs to the end of the supported range', () => {
    const cal = compileCalendar({
      zone: 'UTC',
      week: { 1: weekdays },
      holidays: [{ kind: 'range', from: '2026-01-01', to: '2399-12-31', name: 'Closed' }],
    });
    const started = performance.now();
    expect(codeOf(() => cal.nextOpening(monday0800))).toBe('CalculationError:out_of_range');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('an override-only calendar finds its override, then reports never_open past it', () => {
    const once = compileCalendar({
      zone: 'UTC',
      week: {},
      overrides: { '2031-06-02': { open: [['09:00', '10:00']] } },
    });
    expect(once.nextOpening(monday0800)).toBe(Date.UTC(2031, 5, 2, 9));
    expect(codeOf(() => once.nextOpening(Date.UTC(2031, 5, 3)))).toBe('CalculationError:never_open');
    expect(codeOf(() => once.add(monday0800, 2 * HOUR))).toBe('CalculationError:never_open');
  });
});

describe('results outside the supported range', () => {
  it('a deadline past 2399 is a typed error, not a wrong date', () => {
    const cal = compileCalendar({ zone: 'UTC', week: { 1: weekdays } });
    expect(codeOf(() => cal.add(Date.UTC(2399, 11, 20), 100 * HOUR))).toBe('CalculationError:out_of_range');
  });
});
