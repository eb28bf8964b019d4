import { calendarTables } from '../calendar/BusinessCalendar.js';
import type { Io } from '../calendar/tables.js';
import { businessDaysIo } from '../calendar/addBusinessDays.js';
import type { EngineTarget, EngineThreshold, Status } from './clockTypes.js';

/** The numbers a clock is measured in: its target as open time, its thresholds, its state codes. */

const DAY_MS = 86_400_000;

/**
 * The target's duration as open time from the clock's start, `io[0]` (passed through the engine's
 * scratch: see openTime.ts): business days are counted from there, on the calendar's tables.
 */
export function targetMs(t: EngineTarget, io: Io): number {
  if (t.duration.kind === 'time') return t.duration.ms;
  if (t.tables === null) return t.duration.days * DAY_MS;
  businessDaysIo(t.tables, io, t.duration.days, true);
  return Math.max(1, io[2]!);
}

/**
 * A threshold as open time for a target of `ms`: a percentage of it (rounded up, at least 1 ms),
 * or a duration past it.
 */
export const thresholdMs = (ms: number, th: EngineThreshold) =>
  th.kind === 'percent' ? Math.max(1, Math.ceil((ms * th.value) / 100)) : ms + th.value;

/**
 * A target for the engine, frozen, its fields in one order (the hot loops then see one shape of
 * target), with its calendar's tables and its {@link EngineTarget.fixedThresholdMs} worked out.
 */
export function engineTarget<I>(t: Omit<EngineTarget<I>, 'tables' | 'fixedThresholdMs'>): EngineTarget<I> {
  const { calendar, duration, thresholds } = t;
  return Object.freeze({
    id: t.id,
    metric: t.metric,
    calendar,
    tables: calendar === null ? null : calendarTables(calendar),
    pauseOn: t.pauseOn,
    duration,
    thresholds,
    fixedThresholdMs:
      duration.kind === 'time' ? Object.freeze(thresholds.map((th) => thresholdMs(duration.ms, th))) : null,
    choice: t.choice,
    info: t.info,
  });
}

/** Codes of `ClockEngine.settle`'s `state`, in the order of {@link STATES}. */
export const RUNNING = 0;
export const PAUSED = 1;
export const ACHIEVED = 2;
export const BREACHED = 3;
export const STATES = ['running', 'paused', 'achieved', 'breached'] as const;

/** Whether a target's clock runs while the ticket is in `status`: an `open`-category status it does not pause on. */
export const runsOn = (status: Status, t: EngineTarget) =>
  status.category === 'open' && (t.pauseOn.length === 0 || !t.pauseOn.includes(status.name));
