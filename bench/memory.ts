/**
 * Memory of a compiled calendar whose tables cover 10 years (2025–2034). Typed arrays larger than
 * a few dozen bytes keep their contents outside the JS heap, so the figure is the growth of
 * `heapUsed` plus the growth of `arrayBuffers`, each after two forced collections.
 */
import type { BusinessCalendar } from '../src/index.js';
import { memorySnapshot } from './machine.js';
import { DAY } from './workload.js';

export interface MemoryFigure {
  readonly heapBytes: number;
  readonly arrayBufferBytes: number;
  readonly totalBytes: number;
}

export interface MemoryReport {
  /** One calendar, compiled and touched. */
  readonly single: MemoryFigure;
  /** Mean over `batch` calendars compiled and touched together (less noise). */
  readonly mean: MemoryFigure;
  readonly batch: number;
}

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2035, 0, 1);

/** Builds every table chunk of 2025–2034 (a query every 5 days, and the last minute). */
export function touchTenYears(cal: BusinessCalendar): number {
  let open = 0;
  for (let t = FROM; t < TO; t += 5 * DAY) if (cal.isOpen(t)) open++;
  if (cal.isOpen(TO - 60_000)) open++;
  return open;
}

const snapshot = memorySnapshot;

function measure(make: () => BusinessCalendar, count: number, gc: () => void): MemoryFigure {
  const keep: BusinessCalendar[] = [];
  const before = snapshot(gc);
  for (let k = 0; k < count; k++) {
    const cal = make();
    touchTenYears(cal);
    keep.push(cal);
  }
  const after = snapshot(gc);
  if (keep.length !== count) throw new Error('unreachable');
  const heapBytes = (after.heap - before.heap) / count;
  const arrayBufferBytes = (after.ab - before.ab) / count;
  return { heapBytes, arrayBufferBytes, totalBytes: heapBytes + arrayBufferBytes };
}

/**
 * Call after at least one calendar of the same zone has been compiled and used, so that shared,
 * one-off caches (zone formatters, module state) are not charged to the measured calendars.
 */
export function measureMemory(make: () => BusinessCalendar, gc: () => void, batch = 10): MemoryReport {
  const single = measure(make, 1, gc);
  const mean = measure(make, batch, gc);
  return { single, mean, batch };
}

export const fmtBytes = (b: number): string =>
  b >= 1_048_576 ? `${(b / 1_048_576).toFixed(2)} MiB` : `${(b / 1024).toFixed(1)} KiB`;
