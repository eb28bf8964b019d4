/**
 * When a ticket must be measured again: the result's `nextCheckAt`, or an escalation still to come
 * on a clock already breached, whichever is first. `nextCheckAt` counts only targets in the
 * `running` state, so a breached clock that runs on (and reaches its escalation levels) is not in
 * it; its thresholds' projected `at` are, and the service schedules on them too.
 */
import type { MeasureResult } from '../../src/index.js';

/** The next instant after `nowMs` at which the result changes, or `null` when none is scheduled. */
export function nextCheckOf(result: MeasureResult, nowMs: number): number | null {
  let next = result.nextCheckAt ?? Number.POSITIVE_INFINITY;
  for (const target of result.targets)
    for (const threshold of target.thresholds)
      if (!threshold.reached && threshold.at !== null && threshold.at > nowMs && threshold.at < next)
        next = threshold.at;
  return next === Number.POSITIVE_INFINITY ? null : next;
}
