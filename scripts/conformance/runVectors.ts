import { runCalendarVectors, type VectorCase, type VectorResult } from './calendarVectors.js';

/** Checks the file's shape and answers all its cases. Throws only when the file is unusable. */
export function runVectors(file: unknown): Record<string, VectorResult> {
  if (typeof file !== 'object' || file === null || !Array.isArray((file as { cases?: unknown }).cases)) {
    throw new Error('expected an object with a "cases" array');
  }
  const { cases, calendars } = file as { cases: unknown[]; calendars?: unknown };
  if (calendars !== undefined && (typeof calendars !== 'object' || calendars === null)) {
    throw new Error('expected "calendars" to be an object');
  }
  const wellFormed: VectorCase[] = [];
  const out: Record<string, VectorResult> = {};
  for (const c of cases) {
    if (typeof c !== 'object' || c === null || typeof (c as { id?: unknown }).id !== 'string') {
      throw new Error('expected every case to be an object with a string "id"');
    }
    wellFormed.push(c as VectorCase);
  }
  Object.assign(out, runCalendarVectors({ calendars: calendars as never, cases: wellFormed }));
  return out;
}
