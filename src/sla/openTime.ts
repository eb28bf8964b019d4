import { addIo } from '../calendar/add.js';
import { betweenIo } from '../calendar/between.js';
import { nextOpening } from '../calendar/nextOpening.js';
import type { Io } from '../calendar/tables.js';
import type { EngineTarget } from './clockTypes.js';

/**
 * Open time on a target's clock: wall time on the 24/7 clock (`tables` null), else the
 * calendar's own functions over its tables. The engine's instants are epoch ms it has checked, so
 * it skips what the calendar's public methods do for any caller (convert and check each argument,
 * give the answer back as the argument's kind); the answers are the same. The engine's hot calls
 * pass their instants through its scratch `io` (arguments from `io[0]`, the answer in `io[2]`),
 * which V8 does not box as it boxes an epoch ms passed to a call.
 */

/** Open time in `[io[0], io[1])`, into `io[2]`. */
export function openBetween(t: EngineTarget, io: Io): void {
  if (t.tables === null) io[2] = io[1]! - io[0]!;
  else betweenIo(t.tables, io);
}

/** The instant at which `io[1]` of open time has passed since `io[0]`, into `io[2]`. */
export function addOpen(t: EngineTarget, io: Io): void {
  if (t.tables === null) io[2] = io[0]! + io[1]!;
  else addIo(t.tables, io);
}

/** The first open instant at or after `at`. */
export const openingFrom = (t: EngineTarget, at: number): number =>
  t.tables === null ? at : nextOpening(t.tables, at);
