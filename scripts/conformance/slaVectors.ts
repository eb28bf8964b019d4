import { type BusinessCalendar, compileCalendar } from '../../src/index.js';
import { measureClock } from './measureClock.js';
import { toDefinition, type VectorCalendar } from './calendarVectors.js';

/** One case of the shared SLA vector format. */
export interface SlaCase {
  id: string;
  op: 'sla';
  calendar: string | null;
  target: unknown;
  events: unknown;
  now: unknown;
  /** Version 2: the case's status vocabulary and initial status. */
  statuses?: unknown;
  initialStatus?: unknown;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Answers SLA cases: `{ [id]: result | { error } }`, compiling each calendar once. */
export function runSlaVectors(
  calendars: Record<string, VectorCalendar> | undefined,
  cases: SlaCase[],
): Record<string, unknown> {
  const compiled = new Map<string, BusinessCalendar | { error: string }>();
  const out: Record<string, unknown> = {};
  for (const c of cases) {
    try {
      let cal: BusinessCalendar | null = null;
      if (c.calendar !== null) {
        if (typeof c.calendar !== 'string' || !Object.hasOwn(calendars ?? {}, c.calendar))
          throw new Error(`unknown calendar ${JSON.stringify(c.calendar)}`);
        let entry = compiled.get(c.calendar);
        if (entry === undefined) {
          try {
            entry = compileCalendar(toDefinition(calendars![c.calendar]!));
          } catch (e) {
            entry = { error: message(e) };
          }
          compiled.set(c.calendar, entry);
        }
        if ('error' in entry) throw new Error(entry.error);
        cal = entry;
      }
      out[c.id] = measureClock(cal, c);
    } catch (e) {
      out[c.id] = { error: message(e) };
    }
  }
  return out;
}
