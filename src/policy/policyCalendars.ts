import type { BusinessCalendar } from '../calendar/BusinessCalendar.js';
import { compileValidCalendar } from '../calendar/compileCalendar.js';
import { memoFor } from '../internal/memo.js';
import type { Policy } from './schema.js';

/** Compiled calendars per validated (frozen) policy; a memo, so it never changes an answer. */
const compiled = new WeakMap<Policy, Map<string, BusinessCalendar>>();

/**
 * The compiled calendar of a policy's clock, or `undefined` for `24/7`. Calendars are compiled
 * once per policy object and shared by every later call; the policy was validated whole when it was
 * parsed, so its calendars are not checked again.
 * @internal
 */
export function calendarOf(policy: Policy, clock: string): BusinessCalendar | undefined {
  if (clock === '24/7') return undefined;
  const byId = memoFor(compiled, policy);
  let cal = byId.get(clock);
  if (cal === undefined) {
    cal = compileValidCalendar(policy.calendars[clock]!);
    byId.set(clock, cal);
  }
  return cal;
}
