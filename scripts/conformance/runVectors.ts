import { runCalendarVectors, type VectorCalendar, type VectorCase } from './calendarVectors.js';
import { runSlaVectors, type SlaCase } from './slaVectors.js';

/** Checks the file's shape and answers all its cases. Throws only when the file is unusable. */
export function runVectors(file: unknown): Record<string, unknown> {
  if (typeof file !== 'object' || file === null || !Array.isArray((file as { cases?: unknown }).cases)) {
    throw new Error('expected an object with a "cases" array');
  }
  const { cases, calendars } = file as { cases: unknown[]; calendars?: unknown };
  if (calendars !== undefined && (typeof calendars !== 'object' || calendars === null)) {
    throw new Error('expected "calendars" to be an object');
  }
  const wellFormed: VectorCase[] = [];
  const out: Record<string, unknown> = {};
  for (const c of cases) {
    if (typeof c !== 'object' || c === null || typeof (c as { id?: unknown }).id !== 'string') {
      throw new Error('expected every case to be an object with a string "id"');
    }
    wellFormed.push(c as VectorCase);
  }
  const sla = wellFormed.filter((c) => c.op === 'sla') as unknown as SlaCase[];
  const calendarCases = wellFormed.filter((c) => c.op !== 'sla');
  const answers: Record<string, unknown> = {
    ...runCalendarVectors({ calendars: calendars as never, cases: calendarCases }),
    ...runSlaVectors(calendars as Record<string, VectorCalendar> | undefined, sla),
  };
  // Answers in the file's order.
  for (const c of wellFormed) out[c.id] = answers[c.id];
  return out;
}
