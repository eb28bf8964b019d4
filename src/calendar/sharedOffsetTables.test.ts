import { describe, expect, it } from 'vitest';
import { zoneFor } from '../internal/zone.js';
import { MAX_SHARED_OFFSET_TABLES, sharedOffsetTable, sharedOffsetTableCount } from './sharedOffsetTables.js';

const DAY = 86_400_000;

describe('sharedOffsetTable', () => {
  it('finds a zone’s table for a span once and hands the same table to every later caller', () => {
    const zone = zoneFor('Asia/Tehran')!;
    const start = Date.UTC(2021, 0, 1);
    const first = sharedOffsetTable(zone, start, start + 366 * DAY);
    expect(first.from.length).toBe(3); // summer time began and ended in 2021
    expect(sharedOffsetTable(zoneFor('Asia/Tehran')!, start, start + 366 * DAY)).toBe(first);
    expect(sharedOffsetTableCount('Asia/Tehran')).toBe(1);
  });

  it(`holds at most ${MAX_SHARED_OFFSET_TABLES} tables, dropping the one stored first`, () => {
    const zone = zoneFor('Etc/GMT+3')!;
    const oldest = sharedOffsetTable(zone, 0, 1000);
    for (let k = 1; k <= MAX_SHARED_OFFSET_TABLES; k++) sharedOffsetTable(zone, k * 1000, k * 1000 + 1000);
    expect(sharedOffsetTableCount()).toBe(MAX_SHARED_OFFSET_TABLES);
    expect(sharedOffsetTable(zone, 0, 1000)).not.toBe(oldest);
    expect(sharedOffsetTable(zone, 0, 1000)).toEqual(oldest);
  });

  it('needs no table for a fixed offset: one segment, no reading', () => {
    const table = sharedOffsetTable(zoneFor('UTC+05:30')!, 0, 366 * DAY);
    expect(table).toEqual({ from: [-Infinity], offsets: [330 * 60_000], reads: 0 });
  });
});
