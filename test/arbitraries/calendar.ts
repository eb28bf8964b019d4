import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { CalendarDefinition, HolidayRuleDefinition, OverrideDefinition, WeekDefinition } from '../../src/index.js';
import { offsetChanges } from '../reference/minuteSimulator.js';

/**
 * fast-check arbitraries for business calendars: weekly schedules on a 15- or 30-minute grid (some
 * intervals crossing midnight, some ending at 24:00), holidays and overrides near a focus date,
 * zones with awkward DST, and instants that favour DST transitions and schedule boundaries.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Zones with: CET/CEST; DST at midnight (Santiago); a 30-minute shift (Lord Howe); +05:30; +12:45/+13:45 (Chatham). */
export const ZONES = [
  'Europe/Madrid',
  'America/Santiago',
  'Australia/Lord_Howe',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
  'Europe/London',
] as const;
export const zoneArb = fc.constantFrom(...ZONES);

const FROM_2025 = Date.UTC(2025, 0, 1);
const TO_2028 = Date.UTC(2028, 0, 1);
/** Multiples of 366 days: instants where a year-sized table of open time would be cut. */
const SEAMS = [55, 56, 57].map((k) => k * 366 * DAY);

type Pair = [string, string];
/** A span in grid units from the date's midnight, `[open, close)`; close may pass one day (crossing). */
type UnitSpan = [number, number];

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** 0–3 non-overlapping spans of one day on a grid of `units` steps; the last may cross midnight. */
function daySpansArb(units: number): fc.Arbitrary<UnitSpan[]> {
  return fc.integer({ min: 0, max: 3 }).chain((k) =>
    k === 0
      ? fc.constant([])
      : fc
          .tuple(
            fc.uniqueArray(fc.integer({ min: 0, max: units }), { minLength: 2 * k, maxLength: 2 * k }),
            fc.boolean(),
            fc.nat(units),
          )
          .map(([points, cross, tail]) => {
            const p = [...points].sort((a, b) => a - b);
            const spans: UnitSpan[] = [];
            for (let i = 0; i < k; i++) spans.push([p[2 * i]!, p[2 * i + 1]!]);
            const last = spans[k - 1]!;
            if (cross) last[1] = units + Math.min(tail, last[0]); // ends next day, at or before its opening time
            return spans;
          }),
  );
}

/** Renders a span; a close exactly at the next midnight is written "24:00" or "00:00" (same meaning). */
function toPair([open, close]: UnitSpan, grid: number, units: number, midnightAs24: boolean): Pair {
  const closeText = close === units ? (midnightAs24 ? '24:00' : '00:00') : hhmm((close % units) * grid);
  return [hhmm(open * grid), closeText];
}

export interface Schedule {
  readonly grid: 15 | 30;
  readonly week: WeekDefinition;
}

/**
 * A weekly schedule with at least one interval. The overnight tail of weekday d (Sunday's runs into
 * Monday) must not overlap weekday d+1's intervals, so those that open inside the tail are dropped.
 */
export const scheduleArb: fc.Arbitrary<Schedule> = fc
  .constantFrom(15 as const, 30 as const)
  .chain((grid) => {
    const units = 1440 / grid;
    return fc.tuple(fc.constant(grid), fc.array(daySpansArb(units), { minLength: 7, maxLength: 7 }), fc.boolean());
  })
  .map(([grid, days, midnightAs24]) => {
    const units = 1440 / grid;
    const tails = days.map((spans) => Math.max(0, ...spans.map(([, close]) => close - units)));
    const week: Record<string, Pair[]> = {};
    days.forEach((spans, i) => {
      const previousTail = tails[(i + 6) % 7]!;
      const kept = spans.filter(([open]) => open >= previousTail);
      if (kept.length > 0) week[String(i + 1)] = kept.map((s) => toPair(s, grid, units, midnightAs24));
    });
    return { grid, week: week as WeekDefinition };
  })
  .filter((s) => Object.keys(s.week).length > 0);

/** A scenario: a calendar and the instant around which its holidays, overrides and test instants cluster. */
export interface Scenario {
  readonly def: CalendarDefinition;
  readonly focus: number;
  readonly grid: 15 | 30;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A focus instant in 2025–2027: anywhere, at a DST transition of the zone, or at a 366-day seam. */
function focusArb(zone: string): fc.Arbitrary<number> {
  const transitions = offsetChanges(zone, FROM_2025, TO_2028).map((c) => c.at);
  const options = [fc.integer({ min: FROM_2025, max: TO_2028 - 1 }), fc.constantFrom(...SEAMS)];
  if (transitions.length > 0) options.push(fc.constantFrom(...transitions));
  return fc.oneof(...options);
}

/**
 * A random calendar around a focus instant. Holidays (dates, a range, a fixed rule; sometimes in a
 * set, sometimes with an exception) and overrides fall within ten days of the focus; when the focus
 * is an offset change, an override may open or close in the skipped or repeated hour. With
 * `weekless`, one calendar in five has no weekly schedule: only its overrides open it (or nothing).
 */
export function scenarioArb({
  zones = zoneArb,
  weekless = false,
}: { zones?: fc.Arbitrary<string>; weekless?: boolean } = {}): fc.Arbitrary<Scenario> {
  return fc.tuple(zones, scheduleArb).chain(([zone, schedule]) => {
    const units = 1440 / schedule.grid;
    const nearDate = (focus: number, days: number) => isoDate(focus + days * DAY);
    return fc
      .record({
        focus: focusArb(zone),
        dates: fc.array(fc.integer({ min: -10, max: 10 }), { maxLength: 3 }),
        range: fc.option(fc.tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: 0, max: 4 })), {
          nil: undefined,
        }),
        fixed: fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined }),
        inTransition: fc.constantFrom('none', 'opens', 'closes', 'both'),
        asSet: fc.boolean(),
        except: fc.boolean(),
        dropWeek: weekless ? fc.integer({ min: 0, max: 4 }).map((k) => k === 0) : fc.constant(false),
        overrides: fc.uniqueArray(fc.tuple(fc.integer({ min: -10, max: 10 }), daySpansArb(units), fc.boolean()), {
          maxLength: 2,
          selector: ([d]) => d,
        }),
      })
      .map(({ focus, dates, range, fixed, inTransition, asSet, except, dropWeek, overrides }) => {
        const holidays: HolidayRuleDefinition[] = dates.map((d) => ({
          kind: 'date',
          date: nearDate(focus, d),
          name: `h${d}`,
        }));
        if (range)
          holidays.push({
            kind: 'range',
            from: nearDate(focus, range[0]),
            to: nearDate(focus, range[0] + range[1]),
            name: 'range',
          });
        if (fixed !== undefined) {
          const [, month, day] = nearDate(focus, fixed).split('-').map(Number) as [number, number, number];
          holidays.push({ kind: 'fixed', month, day, name: 'fixed' });
        }
        const overrideMap: Record<string, OverrideDefinition> = {};
        for (const [d, spans, as24] of overrides) {
          overrideMap[nearDate(focus, d)] = { open: spans.map((s) => toPair(s, schedule.grid, units, as24)) };
        }
        const [change] = offsetChanges(zone, focus, focus + 1);
        if (change && inTransition !== 'none') Object.assign(overrideMap, transitionOverride(change, inTransition));
        const def: CalendarDefinition = {
          zone,
          week: dropWeek ? {} : schedule.week,
          holidays: asSet ? [{ kind: 'set', name: 'company', holidays }] : holidays,
          holidayExceptions: except && dates.length > 0 ? [nearDate(focus, dates[0]!)] : [],
          overrides: overrideMap,
        };
        return { def, focus, grid: schedule.grid };
      });
  });
}

/**
 * An override whose interval opens and/or closes at a wall time the clock skips or repeats at an
 * offset change (for Europe/Madrid in spring, 02:00 on that date: 02:00–03:00 and/or 01:00–02:00).
 */
function transitionOverride(
  change: { at: number; before: number; after: number },
  which: 'opens' | 'closes' | 'both',
): Record<string, OverrideDefinition> {
  const wall = Math.min(change.at + change.before, change.at + change.after); // as if UTC
  const date = isoDate(wall);
  const minutes = Math.round((wall - Date.parse(date)) / MINUTE);
  const open: Pair[] = [];
  if (which !== 'opens' && minutes >= 60) open.push([hhmm(minutes - 60), hhmm(minutes)]);
  if (which !== 'closes') open.push([hhmm(minutes), hhmm((minutes + 60) % 1440)]);
  return { [date]: { open } };
}

/** The wall times ("HH:MM") at which a scenario's calendar opens or closes. */
function boundaryTimes(def: CalendarDefinition): string[] {
  const pairs = [...Object.values(def.week), ...Object.values(def.overrides ?? {}).map((o) => o.open)].flat();
  return [...new Set(pairs.flat().map((t) => (t === '24:00' ? '00:00' : t)))];
}

/**
 * Instants near a scenario's focus: anywhere within ±10 days (any millisecond), on a quarter hour
 * of the 36 hours before it, at or next to an offset change within ±30 days, or at or next to a
 * wall time where the schedule opens or closes (resolved by luxon, whatever its gap rule), and now
 * and then anywhere in 2025–2027.
 */
export function instantArb(s: Scenario): fc.Arbitrary<number> {
  const zone = s.def.zone;
  const nudge = fc.constantFrom(0, 0, 0, -1, 1, -MINUTE, MINUTE);
  const transitions = offsetChanges(zone, s.focus - 30 * DAY, s.focus + 30 * DAY).map((c) => c.at);
  const times = boundaryTimes(s.def);
  const options: fc.WeightedArbitrary<number>[] = [
    { weight: 4, arbitrary: fc.integer({ min: s.focus - 10 * DAY, max: s.focus + 10 * DAY }) },
    { weight: 1, arbitrary: fc.integer({ min: FROM_2025, max: TO_2028 - 1 }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 36 * 4 }).map((q) => s.focus - q * 15 * MINUTE) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.integer({ min: -10, max: 10 }), fc.constantFrom(...(times.length > 0 ? times : ['00:00'])), nudge)
        .map(([d, time, n]) => {
          const [y, m, day] = isoDate(s.focus + d * DAY)
            .split('-')
            .map(Number) as [number, number, number];
          const [hour, minute] = time.split(':').map(Number) as [number, number];
          return DateTime.fromObject({ year: y, month: m, day, hour, minute }, { zone }).toMillis() + n;
        }),
    },
  ];
  if (transitions.length > 0)
    options.push({ weight: 3, arbitrary: fc.tuple(fc.constantFrom(...transitions), nudge).map(([t, n]) => t + n) });
  return fc.oneof(...options);
}

/** Durations: 0, a few ms, whole hours, quarter hours, or any ms up to four days. */
export const durationArb: fc.Arbitrary<number> = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 999 }),
  fc.integer({ min: 1, max: 96 }).map((h) => h * HOUR),
  fc.integer({ min: 1, max: 384 }).map((q) => q * 15 * MINUTE),
  fc.integer({ min: 0, max: 4 * DAY }),
);

/** A calendar open around the clock (every day 00:00–24:00 or 00:00–00:00) in a given zone. */
export const alwaysOpenArb: fc.Arbitrary<CalendarDefinition> = fc
  .tuple(zoneArb, fc.constantFrom('24:00', '00:00'))
  .map(([zone, close]) => {
    const week: Record<string, Pair[]> = {};
    for (let d = 1; d <= 7; d++) week[String(d)] = [['00:00', close]];
    return { zone, week: week as WeekDefinition };
  });
