import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { outcome, pollutedOutcome } from '../../test/fixtures/hostile.js';
import {
  type CalendarDefinition,
  compileCalendar,
  type HolidaySetDefinition,
  InvalidArgumentError,
  PolicyValidationError,
} from '../index.js';
import { dateHolidays, type ImportedHolidays, withDateHolidays } from './dateHolidays.js';

const h: [string, string][] = [['08:00', '18:00']];
const weekdays = { 1: h, 2: h, 3: h, 4: h, 5: h };

describe('dateHolidays: the calendar lists what date-holidays lists', () => {
  const places: [string, string | undefined, string][] = [
    ['DE', 'BY', 'Europe/Berlin'],
    ['US', undefined, 'America/New_York'],
    ['GB', 'ENG', 'Europe/London'],
    ['FR', undefined, 'Europe/Paris'],
    ['JP', undefined, 'Asia/Tokyo'],
    ['BR', undefined, 'America/Sao_Paulo'],
    ['IN', undefined, 'Asia/Kolkata'],
    ['AU', 'NSW', 'Australia/Sydney'],
    ['CA', 'ON', 'America/Toronto'],
    ['MX', undefined, 'America/Mexico_City'],
    ['ES', 'MD', 'Europe/Madrid'],
    ['NL', undefined, 'Europe/Amsterdam'],
  ];
  for (const [country, state, zone] of places) {
    it(`${country}${state ? `-${state}` : ''}: holidaysIn(year) for every year 2000–2060`, () => {
      const calendar = compileCalendar(
        withDateHolidays(
          { zone, week: weekdays },
          { country, ...(state && { state }), fromYear: 2000, untilYear: 2060 },
        ),
      );
      const source = new Holidays(country, ...((state ? [state] : []) as []), { types: ['public'] });
      for (let year = 2000; year <= 2060; year++) {
        const expected = source
          .getHolidays(year)
          .map((x) => `${x.date.slice(0, 10)} ${x.name}`)
          .sort();
        const actual = calendar
          .holidaysIn(year)
          .map((x) => `${x.date} ${x.name}`)
          .sort();
        expect(actual, `${year}`).toEqual(expected);
        expect(actual.length, `${year}`).toBeGreaterThan(5);
      }
    });
  }
});

describe('dateHolidays: whole days, part days and spans', () => {
  it('takes other types on request, and part days become closures of the calendar', () => {
    const bank = dateHolidays({ country: 'DE', fromYear: 2026, untilYear: 2026, types: ['bank'] });
    expect(bank.holidays.holidays).toEqual([]);
    expect(bank.closures).toEqual([
      { date: '2026-12-24', from: '14:00', to: '24:00', name: 'Heiliger Abend' },
      { date: '2026-12-31', from: '14:00', to: '24:00', name: 'Silvester' },
    ]);
    // In 2023 both fall on a Sunday, when the data makes them whole days.
    const sunday = dateHolidays({ country: 'DE', fromYear: 2023, untilYear: 2023, types: ['bank'] });
    expect(sunday.holidays.holidays.map((r) => r.kind === 'date' && r.date)).toEqual(['2023-12-24', '2023-12-31']);
    expect(sunday.closures).toEqual([]);

    const def = withDateHolidays(
      {
        zone: 'Europe/Berlin',
        week: {
          ...weekdays,
          4: [
            ['08:00', '12:00'],
            ['13:00', '18:00'],
          ],
        },
      },
      { country: 'DE', fromYear: 2026, untilYear: 2026, types: ['public', 'bank'] },
    );
    // 24 December 2026 is a Thursday: the afternoon interval goes, the morning is cut at 14:00.
    expect(def.overrides).toEqual({
      '2026-12-24': {
        open: [
          ['08:00', '12:00'],
          ['13:00', '14:00'],
        ],
        name: 'Heiliger Abend',
      },
      '2026-12-31': {
        open: [
          ['08:00', '12:00'],
          ['13:00', '14:00'],
        ],
        name: 'Silvester',
      },
    });
  });

  it('a date that a holiday closes, or that the closure leaves as it was, gets no override', () => {
    const def = withDateHolidays(
      {
        zone: 'Europe/Berlin',
        week: { 4: [['08:00', '13:00']] },
        holidays: [{ kind: 'date', date: '2026-12-31', name: 'Inventory' }],
      },
      { country: 'DE', fromYear: 2026, untilYear: 2026, types: ['bank'] },
    );
    expect(def.overrides).toBeUndefined();
  });

  it('an existing override is cut, and keeps its name', () => {
    const def = withDateHolidays(
      { zone: 'Europe/Berlin', week: {}, overrides: { '2026-12-24': { open: [['10:00', '16:00']], name: 'Eve' } } },
      { country: 'DE', fromYear: 2026, untilYear: 2026, types: ['bank'] },
    );
    expect(def.overrides?.['2026-12-24']).toEqual({ open: [['10:00', '14:00']], name: 'Eve' });
  });

  it('holidays the data starts the evening before are whole civil days; several days are one range', () => {
    const uae = dateHolidays({ country: 'AE', fromYear: 2026, untilYear: 2026, locale: 'en' });
    expect(uae.closures).toEqual([]);
    const eid = uae.holidays.holidays.find((r) => r.kind === 'range');
    expect(eid).toMatchObject({ kind: 'range', from: '2026-03-20', to: '2026-03-22' });
  });

  it('names come in the requested locale, and the set is named after the place', () => {
    const fr = dateHolidays({ country: 'fr', fromYear: 2026, untilYear: 2026, locale: 'en' });
    expect(fr.holidays.name).toBe('FR public holidays');
    expect(fr.holidays.holidays[0]).toEqual({ kind: 'date', date: '2026-01-01', name: "New Year's Day" });
    const de = dateHolidays({ country: 'FR', fromYear: 2026, untilYear: 2026, locale: 'de', name: 'France' });
    expect(de.holidays.name).toBe('France');
    expect(de.holidays.holidays[0]?.name).toBe('Neujahr');
  });

  it("a regional locale takes the data's names for its region, else its language's", () => {
    const names = (country: string, locale: string) =>
      dateHolidays({ country, fromYear: 2026, untilYear: 2026, locale }).holidays.holidays.map((h) => h.name);
    // The data spells the American Labor Day for `en-us`, the British spelling for `en`.
    expect(names('US', 'en-US')).toContain('Labor Day');
    expect(names('US', 'en')).toContain('Labour Day');
    // Swiss German names where the data has them (any case of the tag), German for the rest.
    expect(names('DE', 'de-ch')).toContain('Weihnachtstag');
    expect(names('DE', 'de')).toContain('1. Weihnachtstag');
    expect(names('FR', 'de-AT')[0]).toBe('Neujahr');
  });
});

describe('dateHolidays: bad options are typed errors', () => {
  const base = { country: 'DE', fromYear: 2026, untilYear: 2026 };
  const cases: [string, unknown, string, (string | number)[]][] = [
    ['no options', undefined, 'invalid_option', ['options']],
    ['an unknown country', { ...base, country: 'XX' }, 'invalid_option', ['options', 'country']],
    ['a country that is not a string', { ...base, country: 49 }, 'invalid_option', ['options', 'country']],
    ['an unknown state', { ...base, state: 'ZZ' }, 'invalid_option', ['options', 'state']],
    ['an unknown region', { ...base, state: 'BY', region: 'ZZ' }, 'invalid_option', ['options', 'region']],
    ['a region without a state', { ...base, region: 'A' }, 'invalid_option', ['options', 'region']],
    ['an unknown type', { ...base, types: ['holy'] }, 'invalid_option', ['options', 'types']],
    ['no types', { ...base, types: [] }, 'invalid_option', ['options', 'types']],
    ['a year before 1900', { ...base, fromYear: 1899 }, 'out_of_range', ['options', 'fromYear']],
    ['a fractional year', { ...base, untilYear: 2026.5 }, 'out_of_range', ['options', 'untilYear']],
    ['years in the wrong order', { ...base, fromYear: 2027 }, 'out_of_range', ['options', 'untilYear']],
    ['an empty locale', { ...base, locale: '' }, 'invalid_option', ['options', 'locale']],
    ['a malformed locale tag', { ...base, locale: 'en_US!' }, 'invalid_option', ['options', 'locale']],
    ['a locale that is not a string', { ...base, locale: ['en'] }, 'invalid_option', ['options', 'locale']],
    [
      'too many years of holidays',
      { ...base, fromYear: 1900, untilYear: 2399, types: ['public', 'observance'] },
      'input_too_large',
      ['options', 'untilYear'],
    ],
  ];
  for (const [what, options, code, path] of cases) {
    it(what, () => {
      let caught: unknown;
      try {
        dateHolidays(options as never);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect(caught).toMatchObject({ code, path });
    });
  }

  it('a definition that is not a calendar is a validation error', () => {
    expect(() => withDateHolidays({ zone: 'Mars/Olympus', week: {} }, base)).toThrow(PolicyValidationError);
  });
});

/** The option tests' base options, a calendar to add holidays to, and the two calls that take options. */
const OPTIONS_BASE = { country: 'DE', fromYear: 2026, untilYear: 2026 };
const WEEK_HOURS = { zone: 'Europe/Berlin', week: weekdays };
const OPTION_CALLS: [string, (options: unknown) => unknown][] = [
  ['dateHolidays', (options) => dateHolidays(options as never)],
  ['withDateHolidays', (options) => withDateHolidays(WEEK_HOURS, options as never)],
];

describe('dateHolidays: an option key it does not know is refused at its path, never ignored', () => {
  for (const [name, call] of OPTION_CALLS) {
    it(`${name}: a misspelt locale is invalid_option at ['options', 'locael']`, () => {
      let caught: unknown;
      try {
        call({ ...OPTIONS_BASE, locael: 'en' });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect(caught).toMatchObject({ code: 'invalid_option', path: ['options', 'locael'] });
      expect((caught as Error).message).toMatch(/^options\.locael: expected one of the options country, .*name, got /);
    });

    it(`${name}: the former option language is refused with its new name, locale`, () => {
      expect(() => call({ ...OPTIONS_BASE, language: 'en' })).toThrow(
        expect.objectContaining({
          code: 'invalid_option',
          path: ['options', 'language'],
          message: expect.stringMatching(
            /^options\.language: expected the option "locale" \(renamed from "language"\)/,
          ),
        }),
      );
    });

    it(`${name}: a key of another adapter (zone) or of no adapter is refused the same way`, () => {
      for (const key of ['zone', 'year', 'constructor']) {
        expect(() => call({ ...OPTIONS_BASE, [key]: 'x' })).toThrow(
          expect.objectContaining({ code: 'invalid_option', path: ['options', key] }),
        );
      }
    });

    it(`${name}: an array or null is invalid_option at ['options']`, () => {
      for (const options of [null, [OPTIONS_BASE]]) {
        expect(() => call(options)).toThrow(expect.objectContaining({ code: 'invalid_option', path: ['options'] }));
      }
    });
  }

  it('every key the options type names is still accepted', () => {
    const all = {
      ...OPTIONS_BASE,
      state: 'BY',
      region: 'A',
      types: ['public'],
      locale: 'en',
      name: 'Augsburg',
    } as const;
    expect(dateHolidays(all).holidays.name).toBe('Augsburg');
    expect(withDateHolidays(WEEK_HOURS, all).holidays).toHaveLength(1);
  });
});

describe('dateHolidays: an option of a polluted Object.prototype is not read', () => {
  // Each option, inherited where the caller gave none: a required one is still missing.
  const cases: [string, unknown, Record<string, unknown>][] = [
    ['country', 'FR', { fromYear: 2026, untilYear: 2026 }],
    ['fromYear', 2026, { country: 'DE', untilYear: 2026 }],
    ['untilYear', 2026, { country: 'DE', fromYear: 2026 }],
    ['state', 'BY', OPTIONS_BASE],
    ['region', 'A', { ...OPTIONS_BASE, state: 'BY' }],
    ['types', ['bank'], OPTIONS_BASE],
    ['locale', 'es', OPTIONS_BASE],
  ];
  for (const [name, call] of OPTION_CALLS) {
    for (const [key, value, options] of cases) {
      it(`${name}: Object.prototype.${key} = ${JSON.stringify(value)} is ignored`, () => {
        const polluted = pollutedOutcome(key, value, () => call(options));
        expect(polluted).toEqual(outcome(() => call(options)));
      });
    }
  }

  // date-holidays reads a polluted `name` itself: its rules lose their own names, so each holiday it
  // lists inherits `Polluted`. What the adapter reads, the name of the set, is still its default.
  it('Object.prototype.name = "Polluted" does not name the set, and the dates stay the same', () => {
    const dates = (set: HolidaySetDefinition) => set.holidays.map(({ name: _, ...rule }) => rule);
    const clean = dateHolidays(OPTIONS_BASE).holidays;
    const polluted = pollutedOutcome('name', 'Polluted', () => dateHolidays(OPTIONS_BASE)) as ImportedHolidays;
    expect(polluted.holidays.name).toBe('DE public holidays');
    expect(dates(polluted.holidays)).toEqual(dates(clean));
    const definition = pollutedOutcome('name', 'Polluted', () => withDateHolidays(WEEK_HOURS, OPTIONS_BASE));
    expect((definition as CalendarDefinition).holidays?.map((set) => (set as HolidaySetDefinition).name)).toEqual([
      'DE public holidays',
    ]);
  });
});
