import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from '../instant.js';
import { add } from './add.js';
import { addBusinessDays } from './addBusinessDays.js';
import { between } from './between.js';
import { spainNationalHolidays } from './holidays/spainNationalHolidays.js';
import { isOpen } from './isOpen.js';
import { toCalendarModel } from './model.js';
import { nextClosing } from './nextClosing.js';
import { nextOpening } from './nextOpening.js';
import { openIntervals } from './openIntervals.js';
import { type CalendarDefinition, CalendarDefinitionSchema } from './schema.js';
import { sharedOffsetTableCount } from './sharedOffsetTables.js';
import { subtract } from './subtract.js';
import { CalendarTables, CHUNK_MS, chunkIndexOf, MAX_HOLIDAY_YEARS, MAX_KEPT_CHUNKS } from './tables.js';

const HOUR = 3_600_000;
const hours: [string, string][] = [['08:00', '18:00']];
const weekdays = { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours };

function tablesOf(def: CalendarDefinition): CalendarTables {
  return new CalendarTables(toCalendarModel(CalendarDefinitionSchema.parse(def) as CalendarDefinition));
}

/** Every chunk from the one holding `from` to the one holding `to`. */
const chunksSpanned = (from: number, to: number) => chunkIndexOf(to) - chunkIndexOf(from) + 1;

/** A weekday calendar's open time over about a hundred years (2,500 h a year). */
const HUNDRED_YEARS = 100 * 2_500 * HOUR;

describe('year tables: what each operation builds and what a calendar keeps', () => {
  it('between 1900 and 2399 builds each year table once; a second call builds none; at most 32 are kept', () => {
    const tables = tablesOf({ zone: 'America/Lima', week: weekdays, holidays: [spainNationalHolidays] });
    const to = MAX_SUPPORTED_MS - 1;
    const open = between(tables, MIN_SUPPORTED_MS, to);
    expect(tables.builtChunks).toBe(chunksSpanned(MIN_SUPPORTED_MS, to));
    expect(tables.keptChunks).toBeLessThanOrEqual(MAX_KEPT_CHUNKS);
    expect(tables.keptHolidayYears).toBeLessThanOrEqual(MAX_HOLIDAY_YEARS);
    const built = tables.builtChunks;
    expect(between(tables, MIN_SUPPORTED_MS, to)).toBe(open);
    expect(tables.builtChunks).toBe(built);
  });

  it('add and subtract across a hundred years build one table per year crossed, once', () => {
    const tables = tablesOf({ zone: 'America/Bogota', week: weekdays });
    const at = Date.UTC(2000, 0, 3, 15); // 10:00 in Bogotá: open
    const end = add(tables, at, HUNDRED_YEARS);
    expect(tables.builtChunks).toBe(chunksSpanned(at, end));
    expect(add(tables, at, HUNDRED_YEARS)).toBe(end);
    expect(subtract(tables, end, HUNDRED_YEARS)).toBe(at);
    expect(tables.builtChunks).toBe(chunksSpanned(at, end));
    expect(tables.keptChunks).toBeLessThanOrEqual(3);
  });

  it('addBusinessDays across 26,000 business days builds one table per year crossed, once', () => {
    const tables = tablesOf({ zone: 'America/Panama', week: weekdays });
    const at = Date.UTC(2000, 0, 3, 15);
    const end = addBusinessDays(tables, at, 26_000);
    expect(tables.builtChunks).toBe(chunksSpanned(at, end));
    expect(addBusinessDays(tables, at, 26_000)).toBe(end);
    expect(tables.builtChunks).toBe(chunksSpanned(at, end));
  });

  it('the longest search (1900 to an override in 2399) builds each year once and keeps one table', () => {
    const tables = tablesOf({ zone: 'Asia/Tashkent', week: {}, overrides: { '2399-06-01': { open: hours } } });
    const opening = nextOpening(tables, MIN_SUPPORTED_MS);
    expect(tables.builtChunks).toBe(chunksSpanned(MIN_SUPPORTED_MS, opening));
    expect(nextClosing(tables, MIN_SUPPORTED_MS)).toBe(opening + 10 * HOUR);
    expect(tables.builtChunks).toBe(chunksSpanned(MIN_SUPPORTED_MS, opening));
    expect(tables.keptChunks).toBe(2);
  });

  it('isOpen builds at most the table of its year; openIntervals one per year, keeping at most 32', () => {
    const tables = tablesOf({ zone: 'Asia/Dhaka', week: weekdays });
    isOpen(tables, Date.UTC(2026, 5, 1));
    expect(tables.builtChunks).toBe(1);
    const from = Date.UTC(1950, 0, 1);
    const to = Date.UTC(2030, 0, 1);
    expect(openIntervals(tables, from, to).length).toBeGreaterThan(20_000);
    expect(tables.builtChunks).toBe(1 + chunksSpanned(from, to - 1));
    expect(tables.keptChunks).toBeLessThanOrEqual(MAX_KEPT_CHUNKS);
  });

  it('a dropped table is built again with the same answers', () => {
    const tables = tablesOf({ zone: 'Europe/Madrid', week: weekdays, holidays: [spainNationalHolidays] });
    const instants = [Date.UTC(1960, 3, 2, 9, 15), Date.UTC(1980, 2, 30, 0, 30), Date.UTC(2390, 10, 1, 17)];
    const answers = () => instants.map((t) => [isOpen(tables, t), add(tables, t, 3 * HOUR), nextClosing(tables, t)]);
    const first = answers();
    openIntervals(tables, Date.UTC(1990, 0, 1), Date.UTC(2030, 0, 1));
    expect(tables.keptChunks).toBeLessThanOrEqual(MAX_KEPT_CHUNKS);
    const built = tables.builtChunks;
    expect(answers()).toEqual(first);
    expect(tables.builtChunks).toBe(built + instants.length);
  });

  it('a second calendar in the same zone reads no offsets: it uses the tables the first one found', () => {
    const a = tablesOf({ zone: 'America/Regina', week: weekdays });
    between(a, Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1));
    const shared = sharedOffsetTableCount('America/Regina');
    expect(shared).toBe(chunksSpanned(Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1)));
    const b = tablesOf({ zone: 'America/Regina', week: { 6: hours } });
    between(b, Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1));
    expect(b.builtChunks).toBe(shared);
    expect(sharedOffsetTableCount('America/Regina')).toBe(shared);
  });
});

describe('chunkIndexOf: ⌊ms / CHUNK_MS⌋ without a division', () => {
  it('equals the division at every chunk edge of the supported range, and one ms either side', () => {
    let checked = 0;
    for (let k = chunkIndexOf(MIN_SUPPORTED_MS); k <= chunkIndexOf(MAX_SUPPORTED_MS); k++) {
      for (const ms of [k * CHUNK_MS - 1, k * CHUNK_MS, k * CHUNK_MS + 1]) {
        if (ms < MIN_SUPPORTED_MS || ms > MAX_SUPPORTED_MS) continue;
        expect(chunkIndexOf(ms)).toBe(Math.floor(ms / CHUNK_MS));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it('equals the division at random instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SUPPORTED_MS, max: MAX_SUPPORTED_MS }), (ms) => {
        expect(chunkIndexOf(ms)).toBe(Math.floor(ms / CHUNK_MS));
      }),
    );
  });
});
