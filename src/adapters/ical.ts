/**
 * `support-policy/ical`: holidays and closures from an iCalendar (RFC 5545) feed, read by Mozilla's
 * `ical.js` (an optional peer dependency: install it to use this entry point; the core never
 * imports it).
 * @module support-policy/ical
 */
import ICAL from 'ical.js';
import { daysFromCivil } from '../internal/civil.js';
import { type CalendarDefinition, compileCalendar, isSupportPolicyError } from '../index.js';
import { type ImportedHolidays, mergeImported, type PartDayClosure } from './closures.js';
import { checkedZone, dayOf, instantOf, wallOf } from './icalTimes.js';
import { fail, MAX_RULES, optionalString, optionsObject, yearSpan } from './options.js';
import { daySpans, wholeDayRules } from './spans.js';

export type { ImportedHolidays, PartDayClosure } from './closures.js';

/**
 * Which years of a feed to read, and where.
 * @category Adapters
 */
export interface IcalOptions {
  /** First year to list (inclusive, 1900–2399). */
  readonly fromYear: number;
  /** Last year to list (inclusive, 1900–2399). */
  readonly untilYear: number;
  /** Name of the holiday set; the feed's `X-WR-CALNAME` by default, else `iCalendar`. */
  readonly name?: string;
}

/**
 * Options of {@link icalHolidays}: the years, and the zone whose wall times timed events close.
 * @category Adapters
 */
export interface IcalZoneOptions extends IcalOptions {
  /** The calendar's zone: an IANA zone, `UTC` or `UTC±HH:MM`. */
  readonly zone: string;
}

/** The option keys of `withIcal` and of `icalHolidays` (which adds the zone): any other is refused. */
const OPTIONS = ['fromYear', 'untilYear', 'name'];
const ZONE_OPTIONS = [...OPTIONS, 'zone'];

/** Most occurrences read from one feed, past which it is `input_too_large`. */
const MAX_OCCURRENCES = 100_000;
/** Longest feed text, in characters. */
const MAX_TEXT = 16 * 1024 * 1024;

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

/** The TZID parameters of an event's start and end (its start's when it has no DTEND). */
function tzids(event: Component): [string | undefined, string | undefined] {
  const of = (name: string) => {
    const value = event.getFirstProperty(name)?.getParameter('tzid');
    return typeof value === 'string' ? value : undefined;
  };
  return [of('dtstart'), event.hasProperty('dtend') ? of('dtend') : of('dtstart')];
}

function parseFeed(text: unknown): Component {
  if (typeof text !== 'string') fail('invalid_feed', ['text'], 'iCalendar text (RFC 5545)', text);
  if (text.length > MAX_TEXT) fail('input_too_large', ['text'], `at most ${MAX_TEXT} characters`, text.length);
  let root: Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (e) {
    return fail('invalid_feed', ['text'], 'iCalendar text (RFC 5545)', `text ical.js cannot read (${String(e)})`);
  }
  const calendar = root.name === 'vcalendar' ? root : root.getFirstSubcomponent('vcalendar');
  if (!calendar) fail('invalid_feed', ['text'], 'a VCALENDAR', `a ${root.name.toUpperCase()}`);
  return calendar;
}

/**
 * The holidays and closures of an iCalendar (RFC 5545) feed, such as Google Calendar's or
 * Outlook's export, over a span of years, as ordinary calendar data: the days events cover from
 * midnight to midnight as a holiday set of `date` and `range` rules, the rest as part-day closures.
 *
 * @remarks
 * Every event counts (busy or free), except cancelled ones. All-day events (`VALUE=DATE`) close
 * their dates, `DTEND` excluded; a recurring event is expanded with its `RRULE`, `RDATE`, `EXDATE`
 * and moved occurrences (`RECURRENCE-ID`). A timed event's start and end are instants (read in
 * their TZID: an IANA zone by its own rules, another name such as Outlook's `W. Europe Standard
 * Time` by the feed's VTIMEZONE); in `zone`'s wall time, the dates it covers entirely are
 * holidays, and the others get a closure of the minutes it covers (start rounded down, end up, to
 * the minute). Events are named by their `SUMMARY`. Only dates from `fromYear` to `untilYear` are
 * listed.
 *
 * @throws {@link support-policy!InvalidArgumentError} `invalid_feed` for text that is not an
 *   iCalendar, an event without a start or with a TZID that is neither an IANA zone nor defined in
 *   the feed, or a rule `ical.js` cannot expand; `invalid_zone`; `invalid_option` and `out_of_range`
 *   for the options (an unknown key at its path, such as `options.untilyear`); `input_too_large`
 *   past 100,000 occurrences or 10,000 rules and closures
 *
 * @example
 * ```ts
 * import { icalHolidays } from 'support-policy/ical';
 * const feed = [
 *   'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//EN',
 *   'BEGIN:VEVENT', 'UID:1', 'DTSTAMP:20260101T000000Z', 'SUMMARY:Christmas',
 *   'DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261227', 'RRULE:FREQ=YEARLY', 'END:VEVENT',
 *   'BEGIN:VEVENT', 'UID:2', 'DTSTAMP:20260101T000000Z', 'SUMMARY:Eve',
 *   'DTSTART;TZID=Europe/Berlin:20261224T140000', 'DTEND;TZID=Europe/Berlin:20261225T000000', 'END:VEVENT',
 *   'END:VCALENDAR',
 * ].join('\r\n');
 * const imported = icalHolidays(feed, { zone: 'Europe/Berlin', fromYear: 2026, untilYear: 2027 });
 * imported.holidays.holidays.length; //=> 2
 * imported.holidays.holidays[1]; //=> { kind: 'range', from: '2027-12-25', to: '2027-12-26', name: 'Christmas' }
 * imported.closures; //=> [{ date: '2026-12-24', from: '14:00', to: '24:00', name: 'Eve' }]
 * ```
 * @category Adapters
 */
export function icalHolidays(text: string, options: IcalZoneOptions): ImportedHolidays {
  const opts = optionsObject(options, ZONE_OPTIONS);
  const { fromYear, untilYear } = yearSpan(opts);
  const zone = checkedZone(opts['zone'], ['options', 'zone']);
  const calendar = parseFeed(text);
  const first = daysFromCivil(fromYear, 1, 1);
  const last = daysFromCivil(untilYear, 12, 31);
  const inSpan = (day: number) => day >= first && day <= last;
  const rules: ReturnType<typeof wholeDayRules> = [];
  const closures: PartDayClosure[] = [];
  let occurrences = 0;

  const add = (
    start: Time,
    end: Time,
    zones: readonly (string | undefined)[],
    name: string,
    path: (string | number)[],
  ) => {
    if (++occurrences > MAX_OCCURRENCES) {
      fail('input_too_large', ['text'], `at most ${MAX_OCCURRENCES} occurrences`, 'more');
    }
    if (start.isDate) {
      const from = dayOf(start);
      const to = Math.max(end.isDate ? dayOf(end) : from + 1, from + 1);
      const days = Array.from({ length: to - from }, (_, i) => from + i).filter(inSpan);
      rules.push(...wholeDayRules(days, name));
    } else {
      const s = wallOf(instantOf(start, zones[0], zone, path), zone, false);
      const e = wallOf(instantOf(end, zones[1], zone, path), zone, true);
      const length = (e.day - s.day) * 1440 + e.minute - s.minute;
      if (length <= 0) return;
      const spans = daySpans(s.day, s.minute, s.minute + length, name);
      rules.push(...wholeDayRules(spans.whole.filter(inSpan), name));
      closures.push(
        ...spans.closures.filter((c) =>
          inSpan(daysFromCivil(+c.date.slice(0, 4), +c.date.slice(5, 7), +c.date.slice(8, 10))),
        ),
      );
    }
    if (rules.length + closures.length > MAX_RULES) {
      fail('input_too_large', ['options', 'untilYear'], `at most ${MAX_RULES} rules and closures`, untilYear);
    }
  };

  const events = calendar.getAllSubcomponents('vevent');
  const masters = new Set(
    events.filter((c) => !c.hasProperty('recurrence-id')).map((c) => c.getFirstPropertyValue('uid')),
  );
  events.forEach((component, i) => {
    const path = ['text', 'VEVENT', i];
    try {
      if (!component.hasProperty('dtstart')) fail('invalid_feed', path, 'an event with a DTSTART', 'none');
      const event = new ICAL.Event(component);
      // A moved occurrence is read with its recurring event, when the feed has that event.
      if (event.isRecurrenceException() && masters.has(event.uid)) return;
      if (component.getFirstPropertyValue('status') === 'CANCELLED') return;
      const label = (event.summary || 'Closed').slice(0, 200);
      if (!event.isRecurring()) return add(event.startDate, event.endDate, tzids(component), label, path);
      // A regular occurrence ends at its start plus the event's duration, in the start's zone.
      const own = tzids(component)[0];
      const it = event.iterator();
      for (let next = it.next(); next && next.year <= untilYear; next = it.next()) {
        const details = event.getOccurrenceDetails(next);
        if (details.item.component.getFirstPropertyValue('status') === 'CANCELLED') continue;
        if (details.endDate.year < fromYear) {
          if (++occurrences > MAX_OCCURRENCES)
            fail('input_too_large', ['text'], `at most ${MAX_OCCURRENCES} occurrences`, 'more');
          continue;
        }
        const moved = details.item !== event;
        const zones = moved ? tzids(details.item.component) : [own, own];
        add(details.startDate, details.endDate, zones, (details.item.summary || label).slice(0, 200), path);
      }
    } catch (e) {
      if (isSupportPolicyError(e)) throw e;
      fail('invalid_feed', path, 'an event ical.js can read', `one it cannot (${String(e)})`);
    }
  });
  const key = (r: (typeof rules)[number]) => (r.kind === 'date' ? r.date : r.kind === 'range' ? r.from : '');
  rules.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  closures.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const name =
    optionalString(opts, 'name') ?? String(calendar.getFirstPropertyValue('x-wr-calname') || 'iCalendar').slice(0, 200);
  return { holidays: { kind: 'set', name, holidays: rules }, closures };
}

/**
 * The definition with the holidays and closures of an iCalendar feed added ({@link icalHolidays}
 * in the definition's zone): the set after its own holidays, and each part-day closure as an
 * override of its date (its intervals less the closure; none on a date a holiday closes already).
 *
 * @throws as {@link icalHolidays} (a `zone` among the options is an unknown key: the definition's
 *   zone is used); {@link support-policy!PolicyValidationError} for a definition that is not a
 *   valid calendar
 *
 * @example
 * ```ts
 * import { compileCalendar } from 'support-policy';
 * import { withIcal } from 'support-policy/ical';
 * const feed = [
 *   'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//EN',
 *   'BEGIN:VEVENT', 'UID:1', 'DTSTAMP:20260101T000000Z', 'SUMMARY:Staff meeting',
 *   'DTSTART;TZID=Europe/Berlin:20260105T090000', 'DTEND;TZID=Europe/Berlin:20260105T100000', 'END:VEVENT',
 *   'END:VCALENDAR',
 * ].join('\r\n');
 * const definition = withIcal({ zone: 'Europe/Berlin', week: { 1: [['08:00', '18:00']] } }, feed, { fromYear: 2026, untilYear: 2026 });
 * definition.overrides; //=> { '2026-01-05': { open: [['08:00', '09:00'], ['10:00', '18:00']], name: 'Staff meeting' } }
 * compileCalendar(definition).isOpen(Date.parse('2026-01-05T08:30:00Z')); //=> false
 * ```
 * @category Adapters
 */
export function withIcal(definition: CalendarDefinition, text: string, options: IcalOptions): CalendarDefinition {
  const opts = optionsObject(options, OPTIONS);
  const zone = compileCalendar(definition).zone;
  return mergeImported(definition, icalHolidays(text, { ...opts, zone } as IcalZoneOptions));
}
