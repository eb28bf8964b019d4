import { describe, expect, it } from 'vitest';
import { offsetReaderFor } from '../internal/offsetReader.js';
import { zoneFor } from '../internal/zone.js';
import { IANAZone } from 'luxon';
import { findOffsetTable, resolveWallTime, steadyOffset } from './wallTime.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The reference: luxon read every hour, each change bisected to the second with luxon. It finds
 * every change unless an offset lasts less than an hour between two equal ones.
 */
function hourlyScan(zoneName: string, start: number, end: number): { from: number[]; offsets: number[] } {
  const zone = IANAZone.create(zoneName);
  const read = (at: number) => Math.round(zone.offset(at) * 60_000);
  const from = [-Infinity];
  const offsets = [read(start)];
  for (let lo = start; lo < end; lo += HOUR) {
    const hi = Math.min(lo + HOUR, end);
    let current = offsets[offsets.length - 1]!;
    if (read(hi) === current) continue;
    let a = Math.floor(lo / 1000);
    let b = Math.ceil(hi / 1000);
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (read(mid * 1000) === current) a = mid;
      else b = mid;
    }
    current = read(b * 1000);
    from.push(b * 1000);
    offsets.push(current);
    if (read(hi) !== current) throw new Error(`${zoneName}: two changes within an hour near ${b * 1000}`);
  }
  return { from, offsets };
}

/** A year table's span: the UTC year and three days either side, as a year table asks. */
const span = (year: number): [number, number] => [Date.UTC(year, 0, 1) - 3 * DAY, Date.UTC(year + 1, 0, 1) + 3 * DAY];

/** The zones and years where a transition is easiest to miss, and why. */
const HARD_CASES: [string, number, string][] = [
  ['America/Noronha', 2000, 'summer time for one week (8 to 15 October), the shortest offset between equal ones'],
  ['Asia/Gaza', 2054, 'summer time suspended for one week (Ramadan), a rule of the far future'],
  ['Africa/Tunis', 1943, 'summer time ended and started again within 8 days'],
  ['Europe/Vienna', 1945, 'summer time for 10 days in April'],
  ['Europe/Simferopol', 1944, 'two changes 10 days apart that do not come back'],
  ['America/Argentina/Tucuman', 2004, 'a zone change undone within 12 days'],
  ['Europe/Moscow', 1919, 'six changes in a year, offsets with seconds'],
  ['Australia/Lord_Howe', 2026, 'summer time of 30 minutes'],
  ['Pacific/Apia', 2011, 'a skipped day: −10:00 to +14:00 on 29–30 December'],
  ['Pacific/Kiritimati', 1994, 'a skipped day: −10:00 to +14:00'],
  ['Africa/Monrovia', 1972, 'an offset of −00:44:30 ending at 00:44:30 UTC'],
  ['Africa/Casablanca', 2026, 'one hour back for Ramadan, a month'],
  ['Antarctica/Troll', 2026, 'summer time of two hours'],
  ['America/Santiago', 2026, 'changes at midnight'],
  ['America/Caracas', 2016, 'a change of 30 minutes'],
  ['Europe/London', 1941, 'double summer time'],
];

describe('findOffsetTable', () => {
  it.each(HARD_CASES)('finds every transition of %s in %i (%s)', (zoneName, year) => {
    const [start, end] = span(year);
    const table = findOffsetTable(offsetReaderFor(zoneFor(zoneName)!), start, end);
    const reference = hourlyScan(zoneName, start, end);
    expect(reference.from.length).toBeGreaterThan(1);
    expect({ from: table.from, offsets: table.offsets }).toEqual(reference);
  });

  it('finds two changes a few hours apart within one step, each to the second', () => {
    // A zone that moves its standard offset at 01:00:07 UTC and starts summer time at 06:30 UTC.
    const first = Date.UTC(2030, 4, 10, 1, 0, 7);
    const second = Date.UTC(2030, 4, 10, 6, 30);
    const read = (at: number) => (at < first ? 3_600_000 : at < second ? 5_400_000 : 9_000_000);
    const table = findOffsetTable(read, Date.UTC(2030, 0, 1), Date.UTC(2031, 0, 1));
    expect(table.from).toEqual([-Infinity, first, second]);
    expect(table.offsets).toEqual([3_600_000, 5_400_000, 9_000_000]);
  });

  it('reads the offset at most 187 times a year, and 19 more per transition (Europe/Madrid, 1900–2399)', () => {
    const read = offsetReaderFor(zoneFor('Europe/Madrid')!);
    const over: string[] = [];
    let most = 0;
    for (let year = 1900; year <= 2399; year++) {
      const table = findOffsetTable(read, ...span(year));
      const bound = 187 + 19 * (table.from.length - 1);
      if (table.reads > bound) over.push(`${year}: ${table.reads} > ${bound}`);
      most = Math.max(most, table.reads);
    }
    expect(over).toEqual([]);
    expect(most).toBeLessThan(300);
  });
});

describe('steadyOffset', () => {
  it('is the offset resolveWallTime subtracts wherever it is a number, and NaN near a transition', () => {
    const [start, end] = span(2026);
    const table = findOffsetTable(offsetReaderFor(zoneFor('Australia/Lord_Howe')!), start, end);
    let steady = 0;
    let unsteady = 0;
    const differences: number[] = [];
    for (let wall = start + DAY; wall < end - 3 * DAY; wall += 61 * 60_000 + 13_000) {
      const offset = steadyOffset(table, wall, wall + 2 * DAY);
      if (Number.isNaN(offset)) unsteady++;
      else steady++;
      for (const w of Number.isNaN(offset) ? [] : [wall, wall + 2 * DAY]) {
        if (w - offset !== resolveWallTime(table, w)) differences.push(w);
      }
    }
    expect(differences).toEqual([]);
    expect(steady).toBeGreaterThan(8_000);
    expect(unsteady).toBeGreaterThan(100);
  });
});
