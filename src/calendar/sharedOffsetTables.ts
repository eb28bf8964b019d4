import { type OffsetReader, offsetReaderFor } from '../internal/offsetReader.js';
import type { CalendarZone } from '../internal/zone.js';
import { findOffsetTable, type OffsetTable } from './wallTime.js';

/** Most offset tables the memo holds (all zones together): about 200 bytes each, so under 1 MiB. */
export const MAX_SHARED_OFFSET_TABLES = 4_096;
/** Most zones whose offset reader (an `Intl.DateTimeFormat`) the memo holds. */
export const MAX_SHARED_READERS = 64;

/**
 * The memo: offset tables by zone name and span, and offset readers by zone name. A table depends
 * only on its zone and span, so every calendar (and every policy's calendars) in a zone shares it
 * and the memo never changes an answer. Both maps are bounded: past their size, the entry stored
 * first is dropped (a `Map` iterates in insertion order).
 */
const tables = new Map<string, OffsetTable>();
const readers = new Map<string, OffsetReader>();

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): V {
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/**
 * The offset table of `zone` over `[start, end]`, found once and shared.
 * @internal
 */
export function sharedOffsetTable(zone: CalendarZone, start: number, end: number): OffsetTable {
  if (zone.kind === 'fixed') return { from: [-Infinity], offsets: [zone.offsetMs], reads: 0 };
  const key = `${zone.name} ${start} ${end}`;
  const table = tables.get(key);
  if (table !== undefined) return table;
  return remember(tables, key, findOffsetTable(sharedOffsetReader(zone), start, end), MAX_SHARED_OFFSET_TABLES);
}

/**
 * The offset reader of `zone`, made once and shared (a region's holds an `Intl.DateTimeFormat`).
 * @internal
 */
export function sharedOffsetReader(zone: CalendarZone): OffsetReader {
  return readers.get(zone.name) ?? remember(readers, zone.name, offsetReaderFor(zone), MAX_SHARED_READERS);
}

/**
 * How many offset tables the memo holds, and how many of them are of `zoneName`: for tests of
 * what is shared and what it costs.
 * @internal
 */
export function sharedOffsetTableCount(zoneName?: string): number {
  if (zoneName === undefined) return tables.size;
  let n = 0;
  for (const key of tables.keys()) if (key.startsWith(`${zoneName} `)) n++;
  return n;
}
