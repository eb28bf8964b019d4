import type { Clock, ClockOutcome } from './clockTypes.js';
import { STATES } from './clockStates.js';
import type { ClockEngine } from './engine.js';

/**
 * A clock's answer at `now` as an object, from {@link ClockEngine.settle}: for explanations and
 * the conformance view, which take their time; batches read the engine's fields instead.
 */
export function clockOutcome(engine: ClockEngine, c: Clock, now: number): ClockOutcome {
  engine.settle(c, now);
  const E = engine.E;
  const k = c.target!.thresholds.length;
  const thresholds = new Array<number | null>(k);
  for (let j = 0; j < k; j++) thresholds[j] = instant(engine.thresholdAt[j]!);
  return {
    state: STATES[engine.state]!,
    due: instant(engine.due),
    stoppedAt: instant(engine.stoppedAt),
    elapsed: E,
    remaining: Math.max(0, c.ms - E),
    breachedBy: Math.max(0, E - c.ms),
    thresholds,
  };
}

/** An engine instant as a result's: `null` for none (NaN). */
export const instant = (at: number): number | null => (Number.isNaN(at) ? null : at);
