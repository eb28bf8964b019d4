import { add } from '../calendar/add.js';
import { businessDaysOpenTime } from '../calendar/addBusinessDays.js';
import { between } from '../calendar/between.js';
import { calendarTables } from '../calendar/BusinessCalendar.js';
import { nextOpening } from '../calendar/nextOpening.js';
import type { EngineTarget } from './clockTypes.js';

/**
 * Open time on a target's clock: wall time on the 24/7 clock (`calendar` null), else the
 * calendar's own functions over its tables. The engine's instants are epoch ms it has checked, so
 * it skips what the calendar's public methods do for any caller (convert and check each argument,
 * give the answer back as the argument's kind); the answers are the same.
 */

/** Open time in `[a, b)`. */
export const openBetween = (t: EngineTarget, a: number, b: number): number =>
  t.calendar === null ? b - a : between(calendarTables(t.calendar), a, b);

/** The instant at which `ms` of open time has passed since `at`. */
export const addOpen = (t: EngineTarget, at: number, ms: number): number =>
  t.calendar === null ? at + ms : add(calendarTables(t.calendar), at, ms);

/** The open time from `at` to `days` business days later: what a target of `days` business days measures. */
export const openTimeOfDays = (t: EngineTarget, at: number, days: number): number =>
  t.calendar === null ? days * 86_400_000 : businessDaysOpenTime(calendarTables(t.calendar), at, days);

/** The first open instant at or after `at`. */
export const openingFrom = (t: EngineTarget, at: number): number =>
  t.calendar === null ? at : nextOpening(calendarTables(t.calendar), at);
