import type { Clock, ClockOutcome } from './clockTypes.js';
import { STATES } from './clockStates.js';
import type { ClockEngine } from './engine.js';

/**
 * A clock's answer at `now` as an object, from {@link ClockEngine.settle}: for explanations and
 * the conformance view, which take their time; batches read the reading's fields instead.
 */
export function clockOutcome(engine: ClockEngine, c: Clock, now: number): ClockOutcome {
  const reading = engine.settle(c, now);
  const E = reading.E;
  const k = c.target!.thresholds.length;
  const thresholds = new Array<number | null>(k);
  for (let j = 0; j < k; j++) thresholds[j] = instant(reading.thresholdAt[j]!);
  return {
    state: STATES[reading.state]!,
    due: instant(reading.due),
    stoppedAt: instant(reading.stoppedAt),
    elapsed: E,
    remaining: Math.max(0, c.ms - E),
    breachedBy: Math.max(0, E - c.ms),
    thresholds,
  };
}

/** An engine instant as a result's: `null` for none (NaN). */
export const instant = (at: number): number | null => (Number.isNaN(at) ? null : at);
