/**
 * `support-policy/date-holidays`: the public holidays of about 200 countries, with their states and
 * regions, from the `date-holidays` package (an optional peer dependency: install it to use this
 * entry point; the core never imports it).
 * @module support-policy/date-holidays
 */
import Holidays from 'date-holidays';
import { parseIsoDate } from '../internal/civil.js';
import type { CalendarDefinition } from '../index.js';
import { type ImportedHolidays, mergeImported, type PartDayClosure } from './closures.js';
import { fail, MAX_RULES, optionalString, optionsObject, yearSpan } from './options.js';
import { daySpans, wholeDayRules } from './spans.js';

export type { ImportedHolidays, PartDayClosure } from './closures.js';

/**
 * A type of holiday in the `date-holidays` data.
 * @category Adapters
 */
export type DateHolidaysType = 'public' | 'bank' | 'optional' | 'school' | 'observance';

/**
 * Which holidays to take from `date-holidays`, and for which years.
 * @category Adapters
 */
export interface DateHolidaysOptions {
  /** ISO 3166-1 country code, e.g. `DE` (any case). */
  readonly country: string;
  /** State or province code within the country, e.g. `BY` for Bavaria (any case). */
  readonly state?: string;
  /** Region code within the state, e.g. `A` for the city of Augsburg (any case). */
  readonly region?: string;
  /** First year to list (inclusive, 1900–2399). */
  readonly fromYear: number;
  /** Last year to list (inclusive, 1900–2399). */
  readonly untilYear: number;
  /** The types of holiday to take; `['public']` by default. */
  readonly types?: readonly DateHolidaysType[];
  /**
   * Locale of the names, a BCP 47 tag such as `en` or `de-AT` (the `locale` the policy functions
   * take): the data's names for that region where it has them (`de-at`), else for its language
   * (`de`); the country's own language by default.
   */
  readonly locale?: string;
  /** Name of the holiday set; `DE-BY public holidays` (say) by default. */
  readonly name?: string;
}

const TYPES: readonly DateHolidaysType[] = ['public', 'bank', 'optional', 'school', 'observance'];
/** The keys of {@link DateHolidaysOptions}: any other is refused. */
const OPTIONS = ['country', 'state', 'region', 'fromYear', 'untilYear', 'types', 'locale', 'name'];
const MS_PER_DAY = 86_400_000;

function code(options: Record<string, unknown>, key: string, known: Record<string, string> | undefined): string {
  const value = options[key];
  const upper = typeof value === 'string' ? value.toUpperCase() : undefined;
  if (upper === undefined || known === undefined || !Object.hasOwn(known, upper)) {
    const some = Object.keys(known ?? {}).slice(0, 3);
    const hint =
      some.length > 0 ? `, such as ${some.map((k) => JSON.stringify(k)).join(', ')}` : ' (there are none here)';
    fail('invalid_option', ['options', key], `a ${key} code that date-holidays knows${hint}`, value);
  }
  return upper;
}

/** Options renamed in a 0.x release, by their old names: given, each is refused with its new name. */
const RENAMED: Readonly<Record<string, string>> = { language: 'locale' };

/**
 * The languages date-holidays looks names up in, most preferred first, for a locale tag: the whole
 * tag as the data keys it (`de-at`), then its language (`de`). A tag that is not well-formed BCP 47
 * is refused.
 */
function languagesOf(locale: string | undefined): string[] | undefined {
  if (locale === undefined) return undefined;
  let tag: string;
  try {
    tag = Intl.getCanonicalLocales(locale)[0]!.toLowerCase();
  } catch {
    return fail('invalid_option', ['options', 'locale'], 'a locale tag such as "en" or "de-AT"', locale);
  }
  const language = tag.split('-')[0]!;
  return tag === language ? [tag] : [tag, language];
}

function typesOption(value: unknown): DateHolidaysType[] {
  if (value === undefined) return ['public'];
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((t) => TYPES.includes(t as DateHolidaysType)) &&
    new Set(value).size === value.length;
  if (!ok)
    fail('invalid_option', ['options', 'types'], `a non-empty list of distinct types from ${TYPES.join(', ')}`, value);
  return [...(value as DateHolidaysType[])];
}

/**
 * The holidays `date-holidays` lists for a country, state or region over a span of years, as
 * ordinary calendar data: whole days as a holiday set of `date` and `range` rules, part days
 * (24 December from 14:00, say, where the data says so) as part-day closures.
 *
 * @remarks
 * Each holiday of each year from `fromYear` to `untilYear` becomes one rule named as the data
 * names it in `locale`; a substitute day (`… (substitute day)`) is a holiday of its own, and the
 * original date stays listed when the data lists it. A holiday spanning several days is a `range`
 * rule. A holiday that starts at a wall time becomes a closure from that time to midnight, and one
 * that ends at a wall time a closure from midnight to then; one that the data starts on the evening
 * before (the Islamic and Jewish holidays, which begin at sunset) counts as the whole of its civil
 * dates. The wall times are the calendar's, whatever its zone. To use the result, add it to a
 * definition with {@link withDateHolidays}, or add `holidays` to the definition's own list.
 *
 * @throws {@link support-policy!InvalidArgumentError} `invalid_option` for options that are not an
 *   object, an unknown key (at its path, such as `options.locael`; `options.language` names its
 *   replacement, `locale`), a malformed locale tag, an unknown country, state or region, unknown
 *   types; `out_of_range` for years outside 1900–2399 or in the wrong order; `input_too_large`
 *   past 10,000 rules and closures
 *
 * @example
 * ```ts
 * import { dateHolidays } from 'support-policy/date-holidays';
 * const bavaria = dateHolidays({ country: 'DE', state: 'BY', fromYear: 2026, untilYear: 2026, locale: 'en' });
 * bavaria.holidays.holidays.length; //=> 12
 * bavaria.holidays.holidays[0]; //=> { kind: 'date', date: '2026-01-01', name: "New Year's Day" }
 * const banks = dateHolidays({ country: 'DE', fromYear: 2026, untilYear: 2026, types: ['bank'] });
 * banks.closures[0]; //=> { date: '2026-12-24', from: '14:00', to: '24:00', name: 'Heiliger Abend' }
 * ```
 * @category Adapters
 */
export function dateHolidays(options: DateHolidaysOptions): ImportedHolidays {
  const opts = optionsObject(options, OPTIONS, RENAMED);
  const { fromYear, untilYear } = yearSpan(opts);
  const types = typesOption(opts['types']);
  const languages = languagesOf(optionalString(opts, 'locale'));
  const world = new Holidays();
  const country = code(opts, 'country', world.getCountries());
  const state = opts['state'] === undefined ? undefined : code(opts, 'state', world.getStates(country));
  const region =
    opts['region'] === undefined
      ? undefined
      : state === undefined
        ? fail('invalid_option', ['options', 'region'], 'no region without a state', opts['region'])
        : code(opts, 'region', world.getRegions(country, state));
  const place = [country, state, region].filter((s) => s !== undefined).join('-');
  const name = optionalString(opts, 'name') ?? `${place} ${types.join(', ')} holidays`;

  // A new instance per call: date-holidays adds each language asked of `getHolidays` to the
  // instance's list, so the languages go to the constructor only. The place goes as its code
  // (`DE-BY-A`, which date-holidays splits; no code holds a `-` or `.`): an object without a state
  // would pass a polluted `Object.prototype.state` on to date-holidays.
  const source = new Holidays(place, { types, ...(languages && { languages }) });
  // Start and end read in UTC are the holiday's wall times, whatever the machine's zone.
  source.setTimezone('UTC');
  const rules: ReturnType<typeof wholeDayRules> = [];
  const closures: PartDayClosure[] = [];
  for (let year = fromYear; year <= untilYear; year++) {
    for (const h of source.getHolidays(year)) {
      const label = (h.name || h.rule).slice(0, 200);
      const day = parseIsoDate(h.date.slice(0, 10))!;
      // "2026-03-20 00:00:00 -0600": the holiday begins at 18:00 the evening before.
      const eve = /[+-]\d{4}$/.test(h.date);
      const start = eve ? 0 : Number(h.date.slice(11, 13)) * 60 + Number(h.date.slice(14, 16));
      const end = Math.ceil(h.end.getTime() / 60_000) - day * (MS_PER_DAY / 60_000);
      const spans = daySpans(day, start, eve ? Math.ceil(end / 1440) * 1440 : end, label);
      rules.push(...wholeDayRules(spans.whole, label));
      closures.push(...spans.closures);
      if (rules.length + closures.length > MAX_RULES) {
        fail('input_too_large', ['options', 'untilYear'], `at most ${MAX_RULES} rules and closures`, untilYear);
      }
    }
  }
  closures.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { holidays: { kind: 'set', name, holidays: rules }, closures };
}

/**
 * The definition with the holidays of {@link dateHolidays} added: their set after its own holidays,
 * and each part-day closure as an override of its date (its intervals less the closure; a date that
 * a holiday closes already, or that the closure leaves as it was, gets none). The result is
 * ordinary, validated calendar data for `compileCalendar`.
 *
 * @throws {@link support-policy!InvalidArgumentError} as {@link dateHolidays};
 *   {@link support-policy!PolicyValidationError} for a definition that is not a valid calendar
 *
 * @example
 * ```ts
 * import { compileCalendar } from 'support-policy';
 * import { withDateHolidays } from 'support-policy/date-holidays';
 * const h: [string, string][] = [['08:00', '18:00']];
 * const munich = compileCalendar(
 *   withDateHolidays(
 *     { zone: 'Europe/Berlin', week: { 1: h, 2: h, 3: h, 4: h, 5: h } },
 *     { country: 'DE', state: 'BY', fromYear: 2025, untilYear: 2035, types: ['public', 'bank'] },
 *   ),
 * );
 * munich.isOpen(Date.parse('2026-01-06T09:00:00Z')); //=> false
 * munich.isOpen(Date.parse('2026-12-24T12:00:00Z')); //=> true
 * munich.isOpen(Date.parse('2026-12-24T13:00:00Z')); //=> false
 * ```
 * @category Adapters
 */
export function withDateHolidays(definition: CalendarDefinition, options: DateHolidaysOptions): CalendarDefinition {
  return mergeImported(definition, dateHolidays(options));
}
