import { deepFreeze } from '../../internal/deepFreeze.js';
import type { HolidaySetDefinition } from '../schema.js';

/**
 * Spain's national public holidays, as rules: 1 Jan, 6 Jan, Good Friday (Easter − 2 days), 1 May,
 * 15 Aug, 12 Oct, 1 Nov, 6 Dec, 8 Dec, 25 Dec.
 *
 * @remarks
 * The standard support preset's hours exclude "national holidays" ("Regional hours of operation
 * excluding national holidays"). A holiday that falls on a weekend is **not** moved: the regions
 * move some of them year by year, so a policy adds or removes single dates per year (a `date`
 * rule, `holidayExceptions`) and adds a regional set on top. Checked against the `date-holidays`
 * package in the test suite.
 *
 * @example
 * ```ts
 * import { compileCalendar, spainNationalHolidays } from 'support-policy';
 * const madrid = compileCalendar({
 *   zone: 'Europe/Madrid',
 *   week: { 1: [['08:00', '18:00']], 2: [['08:00', '18:00']], 3: [['08:00', '18:00']], 4: [['08:00', '18:00']], 5: [['08:00', '18:00']] },
 *   holidays: [
 *     spainNationalHolidays,
 *     { kind: 'set', name: 'Comunidad de Madrid 2026', holidays: [{ kind: 'date', date: '2026-05-02', name: 'Fiesta de la Comunidad' }] },
 *   ],
 * });
 * madrid.holidaysIn(2026).length; //=> 11
 * ```
 * @category Calendar
 */
export const spainNationalHolidays: HolidaySetDefinition = deepFreeze({
  kind: 'set',
  name: 'Spain (national)',
  holidays: [
    { kind: 'fixed', month: 1, day: 1, name: "New Year's Day" },
    { kind: 'fixed', month: 1, day: 6, name: 'Epiphany' },
    { kind: 'easter', offsetDays: -2, name: 'Good Friday' },
    { kind: 'fixed', month: 5, day: 1, name: 'Labour Day' },
    { kind: 'fixed', month: 8, day: 15, name: 'Assumption Day' },
    { kind: 'fixed', month: 10, day: 12, name: 'National Day of Spain' },
    { kind: 'fixed', month: 11, day: 1, name: "All Saints' Day" },
    { kind: 'fixed', month: 12, day: 6, name: 'Constitution Day' },
    { kind: 'fixed', month: 12, day: 8, name: 'Immaculate Conception' },
    { kind: 'fixed', month: 12, day: 25, name: 'Christmas Day' },
  ],
});
