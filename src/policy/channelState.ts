import { isSupportPolicyError } from '../errors.js';
import { calendarOf } from './policyCalendars.js';
import type { Policy } from './schema.js';

/** Whether a channel on calendar `clock` is open at `now`, and when it next opens. @internal */
export function channelState(policy: Policy, clock: string, now: number): { openNow: boolean; nextOpening?: number } {
  const cal = calendarOf(policy, clock);
  if (cal === undefined) return { openNow: true, nextOpening: now };
  if (cal.isOpen(now)) return { openNow: true, nextOpening: now };
  try {
    return { openNow: false, nextOpening: cal.nextOpening(now) };
  } catch (e) {
    // A channel whose calendar never opens again is closed, with no next opening to show.
    if (isSupportPolicyError(e) && (e.code === 'never_open' || e.code === 'out_of_range')) return { openNow: false };
    throw e;
  }
}
