/**
 * What a calendar costs before its tables exist: a year table for the first calendar of a zone
 * and for the next one, the first `measure` on a freshly parsed preset, an `add` spanning a
 * hundred years, and `between(1900, 2399)` with the memory the calendar keeps afterwards.
 *
 * Runs first in the bench process, so that every zone it times is one no calendar has used yet
 * (offset tables are shared by zone, docs/calendars.md "Cost"). The code is warmed first on other
 * zones and years until the engine has optimised it, so the figures are those of a running service
 * meeting a new zone or a new year, not of a process starting. Each figure is a median over zones
 * or years, in wall-clock time and in the process's CPU time (which also counts the engine's
 * background threads: above the wall time while code is still being optimised).
 */
import {
  type CalendarDefinition,
  compileCalendar,
  dedicatedSupport,
  measure,
  parsePolicy,
  spainNationalHolidays,
  standardSupport,
} from '../src/index.js';
import { sharedOffsetTable } from '../src/calendar/sharedOffsetTables.js';
import { zoneFor } from '../src/internal/zone.js';
import { CHUNK_MS } from '../src/calendar/tables.js';
import { memorySnapshot } from './machine.js';
import { fmtBytes } from './memory.js';
import { DAY, HOUR } from './workload.js';

interface Cost {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function timed(f: () => void): Cost {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  f();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

const mid = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const fmt = (x: number): string => (x < 10 ? x.toFixed(3) : x.toFixed(0));
/** "0.412 ms (CPU 0.398 ms)": the medians of a list of costs. */
function median(costs: readonly Cost[]): string {
  return `${fmt(mid(costs.map((c) => c.wallMs)))} ms (CPU ${fmt(mid(costs.map((c) => c.cpuMs)))} ms)`;
}

const hours: [string, string][] = [['08:00', '18:00']];
const weekdays = (zone: string): CalendarDefinition => ({
  zone,
  week: { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours },
  holidays: [spainNationalHolidays],
});
/** 48 intervals on every day of the week: the densest calendar a definition allows. */
function dense(zone: string): CalendarDefinition {
  const day: [string, string][] = [];
  for (let h = 0; h < 24; h++) {
    const hh = String(h).padStart(2, '0');
    day.push([`${hh}:00`, `${hh}:15`], [`${hh}:30`, `${hh}:45`]);
  }
  return { zone, week: { 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day } };
}

const JUNE_2026 = Date.UTC(2026, 5, 1, 12);
/** Zones the code is warmed on, then zones timed: each used by nothing else in the process. */
const WARM_ZONES = ['Asia/Tokyo', 'America/New_York', 'Australia/Sydney', 'Europe/Warsaw'];
const TABLE_ZONES = [
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/London',
  'America/Chicago',
  'America/Denver',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Africa/Casablanca',
  'Asia/Jerusalem',
  'America/Havana',
  'Pacific/Auckland',
];
const ADD_ZONES = ['America/Toronto', 'America/Winnipeg', 'America/Edmonton', 'America/Halifax', 'America/Vancouver'];
const FROM_1900 = Date.UTC(1900, 0, 1);
const TO_2399 = Date.UTC(2399, 11, 31, 23);

/** Offset readings the year table of instant `at` took in `zone` (the shared table, found before). */
function readsOf(zone: string, at: number): number {
  const start = Math.floor(at / CHUNK_MS) * CHUNK_MS;
  return sharedOffsetTable(zoneFor(zone)!, start - 3 * DAY, start + CHUNK_MS + 3 * DAY).reads;
}

/** Builds year tables in the warm-up zones, 1950–2049, so that the engine optimises the code first. */
function warmUp(): void {
  for (const zone of WARM_ZONES) {
    const cal = compileCalendar(weekdays(zone));
    for (let year = 1950; year < 2050; year++) cal.isOpen(Date.UTC(year, 5, 1));
  }
}

function yearTables(out: string[]): void {
  const first: Cost[] = [];
  const next: Cost[] = [];
  const reads: number[] = [];
  for (const zone of [...WARM_ZONES, ...TABLE_ZONES]) {
    const a = compileCalendar(weekdays(zone));
    const b = compileCalendar(weekdays(zone));
    const firstCost = timed(() => a.isOpen(JUNE_2026));
    const nextCost = timed(() => b.isOpen(JUNE_2026));
    if (WARM_ZONES.includes(zone)) continue;
    first.push(firstCost);
    next.push(nextCost);
    reads.push(readsOf(zone, JUNE_2026));
  }
  out.push(
    `year table, first calendar of a zone  ${median(first)}, ${mid(reads)} offset readings (${TABLE_ZONES.length} zones)`,
    `year table, next calendar of the zone ${median(next)}`,
  );
}

/** A ticket created on the first Monday of March of `year`, 08:00 UTC, answered 90 minutes later. */
function ticketOf(year: number, severity: string) {
  const created = Date.UTC(year, 2, 1 + ((8 - new Date(Date.UTC(year, 2, 1)).getUTCDay()) % 7), 8);
  const timeline = [
    { kind: 'created' as const, at: created, severity },
    { kind: 'reply' as const, at: created + 90 * 60_000, author: 'agent' as const },
  ];
  return { timeline, now: created + 4 * HOUR };
}

function firstMeasure(out: string[]): void {
  // Warm the code on both presets, in years other than those timed, untimed.
  for (let year = 2050; year < 2100; year++) {
    const t = ticketOf(year, 'sev2');
    measure(parsePolicy(dedicatedSupport), { type: 'customer', plan: 'all_inclusive' }, t.timeline, t.now);
    const u = ticketOf(year, 'major');
    measure(parsePolicy(standardSupport), { type: 'direct', plan: 'enterprise' }, u.timeline, u.now);
  }
  const newYear: Cost[] = [];
  const sharedYear: Cost[] = [];
  for (let year = 2040; year < 2050; year++) {
    const t = ticketOf(year, 'major');
    for (const costs of [newYear, sharedYear]) {
      const policy = parsePolicy(standardSupport);
      costs.push(timed(() => measure(policy, { type: 'direct', plan: 'enterprise' }, t.timeline, t.now)));
    }
  }
  out.push(
    `first measure, freshly parsed preset  ${median(newYear)} in a year new to its zone; ${median(sharedYear)} when another policy's calendar of the zone found the year (10 years)`,
  );
}

function coldAdd(out: string[]): void {
  const costs: Cost[] = [];
  let years = 0;
  for (const zone of ADD_ZONES) {
    const cal = compileCalendar(weekdays(zone));
    const at = Date.UTC(2000, 0, 3, 16);
    let end = 0;
    costs.push(timed(() => (end = cal.add(at, 100 * 2_500 * HOUR))));
    years = (end - at) / (365.2425 * DAY);
  }
  out.push(
    `add spanning ${years.toFixed(0)} years, new calendar and zone ${median(costs)} (${ADD_ZONES.length} zones)`,
  );
}

/** Heap and array-buffer growth, after collections, while `keep` is alive. */
function retained(gc: () => void, make: () => unknown): number {
  const before = memorySnapshot(gc);
  const keep = make();
  const after = memorySnapshot(gc);
  if (keep === undefined) throw new Error('unreachable');
  return after.heap - before.heap + after.ab - before.ab;
}

/** Calendars measured together for the memory a calendar keeps (their mean is steadier than one). */
const KEPT_BATCH = 5;

function centuries(out: string[], name: string, def: CalendarDefinition): void {
  const gc = (globalThis as { gc?: () => void }).gc!;
  let cold: Cost | undefined;
  let again: Cost | undefined;
  const shared: Cost[] = [];
  const withZone = retained(gc, () => {
    const cal = compileCalendar(def);
    cold = timed(() => cal.between(FROM_1900, TO_2399));
    again = timed(() => cal.between(FROM_1900, TO_2399));
    return cal;
  });
  const own = retained(gc, () =>
    Array.from({ length: KEPT_BATCH }, () => {
      const cal = compileCalendar(def);
      shared.push(timed(() => cal.between(FROM_1900, TO_2399)));
      return cal;
    }),
  );
  out.push(
    `between(1900, 2399), ${name}: ${median([cold!])} in a new zone, ${median(shared)} in the same zone, ${median([again!])} again;`,
    `  a calendar keeps ${fmtBytes(own / KEPT_BATCH)} (mean of ${KEPT_BATCH}); the first kept ${fmtBytes(withZone)} with the zone's offset tables, which stay shared`,
  );
}

/** Runs every cold measurement and returns the lines to print. Needs `global.gc`. */
export function measureColdCosts(): string[] {
  const out: string[] = [];
  warmUp();
  yearTables(out);
  firstMeasure(out);
  coldAdd(out);
  centuries(out, `Mon–Fri 08–18 ${'Europe/Lisbon'}`, weekdays('Europe/Lisbon'));
  centuries(out, `48 intervals a day ${'America/Sao_Paulo'}`, dense('America/Sao_Paulo'));
  return out;
}
