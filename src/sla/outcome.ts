import type { Clock, ClockOutcome, WarningOutcome } from './clockTypes.js';
import { type ClockEngine, STATES } from './engine.js';

/**
 * A clock's answer at `now` as an object, from {@link ClockEngine.settle}: for explanations and
 * the conformance view, which take their time; batches read the engine's fields instead.
 */
export function clockOutcome(engine: ClockEngine, c: Clock, now: number): ClockOutcome {
  engine.settle(c, now);
  const E = engine.E;
  const percents = c.target!.warnAtPercent;
  const warnings: WarningOutcome[] = [];
  for (let j = 0; j < percents.length; j++) {
    const w = engine.warnMs[j]!;
    const at = engine.warnAt[j]!;
    warnings.push({ percent: percents[j]!, elapsedMs: w, at: Number.isNaN(at) ? null : at, reached: E >= w });
  }
  return {
    state: STATES[engine.state]!,
    due: Number.isNaN(engine.due) ? null : engine.due,
    stoppedAt: Number.isNaN(engine.stoppedAt) ? null : engine.stoppedAt,
    elapsed: E,
    remaining: Math.max(0, c.ms - E),
    breachedBy: Math.max(0, E - c.ms),
    warnings,
  };
}
