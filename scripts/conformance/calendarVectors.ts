import { type BusinessCalendar, compileCalendar, type CalendarDefinition } from '../../src/index.js';

/** A calendar in the shared vector format. */
export interface VectorCalendar {
  zone: string;
  week: Record<string, [string, string][]>;
  holidays?: string[];
  special?: Record<string, [string, string][]>;
}

/** One case of the shared vector format; fields depend on `op`. */
export interface VectorCase {
  id: string;
  calendar: string;
  op: string;
  at?: number;
  ms?: number;
  from?: number;
  to?: number;
  days?: number;
  expect?: unknown;
}

export type VectorResult = number | boolean | { error: string };

/** Translates a vector-format calendar into this library's definition. */
export function toDefinition(cal: VectorCalendar): CalendarDefinition {
  const def: CalendarDefinition = {
    zone: cal.zone,
    week: cal.week,
    holidays: (cal.holidays ?? []).map((date) => ({ kind: 'date' as const, date, name: 'holiday' })),
    overrides: Object.fromEntries(Object.entries(cal.special ?? {}).map(([date, open]) => [date, { open }])),
  };
  return def;
}

function runCase(cal: BusinessCalendar, c: VectorCase): VectorResult {
  switch (c.op) {
    case 'isOpen':
      return cal.isOpen(c.at as number);
    case 'nextOpening':
      return cal.nextOpening(c.at as number);
    case 'add':
      return cal.add(c.at as number, c.ms as number);
    case 'between':
      return cal.between(c.from as number, c.to as number);
    case 'addDays':
      return cal.addBusinessDays(c.at as number, c.days as number);
    default:
      return { error: `unsupported op ${JSON.stringify(c.op)}` };
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Answers every calendar case of a vector file: `{ [id]: result }`. Errors, including a calendar
 * that does not compile, become `{ error: message }` for the cases concerned.
 */
export function runCalendarVectors(file: {
  calendars?: Record<string, VectorCalendar>;
  cases: VectorCase[];
}): Record<string, VectorResult> {
  const compiled = new Map<string, BusinessCalendar | { error: string }>();
  const calendarFor = (name: string): BusinessCalendar | { error: string } => {
    let cal = compiled.get(name);
    if (cal === undefined) {
      const src = file.calendars?.[name];
      if (src === undefined || !Object.hasOwn(file.calendars ?? {}, name))
        cal = { error: `unknown calendar ${JSON.stringify(name)}` };
      else {
        try {
          cal = compileCalendar(toDefinition(src));
        } catch (e) {
          cal = { error: message(e) };
        }
      }
      compiled.set(name, cal);
    }
    return cal;
  };
  const out: Record<string, VectorResult> = {};
  for (const c of file.cases) {
    const cal = calendarFor(c.calendar);
    if ('error' in cal) {
      out[c.id] = cal;
      continue;
    }
    try {
      out[c.id] = runCase(cal, c);
    } catch (e) {
      out[c.id] = { error: message(e) };
    }
  }
  return out;
}
