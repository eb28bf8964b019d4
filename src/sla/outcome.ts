import type { Clock, ClockOutcome, WarningOutcome } from './clockTypes.js';
import { STATES } from './clockStates.js';
import type { ClockEngine } from './engine.js';

/**
 * A clock's answer at `now` as an object, from {@link ClockEngine.settle}: for explanations and
 * the conformance view, which take their time; batches read the engine's fields instead.
 */
export function clockOutcome(engine: ClockEngine, c: Clock, now: number): ClockOutcome {
  engine.settle(c, now);
  const E = engine.E;
  return {
    state: STATES[engine.state]!,
    due: Number.isNaN(engine.due) ? null : engine.due,
    stoppedAt: Number.isNaN(engine.stoppedAt) ? null : engine.stoppedAt,
    elapsed: E,
    remaining: Math.max(0, c.ms - E),
    breachedBy: Math.max(0, E - c.ms),
    warnings: warningsOf(engine, c.target!.warnAtPercent),
  };
}

const NO_WARNINGS: readonly WarningOutcome[] = Object.freeze([]);

/** The warnings {@link ClockEngine.settle} found (the public `SlaWarning`s), as frozen objects. */
export function warningsOf(engine: ClockEngine, percents: readonly number[]): readonly WarningOutcome[] {
  if (percents.length === 0) return NO_WARNINGS;
  const out = new Array<WarningOutcome>(percents.length);
  for (let j = 0; j < percents.length; j++) {
    const w = engine.warnMs[j]!;
    const at = engine.warnAt[j]!;
    out[j] = Object.freeze({
      percent: percents[j]!,
      elapsedMs: w,
      at: Number.isNaN(at) ? null : at,
      reached: engine.E >= w,
    });
  }
  return Object.freeze(out);
}
