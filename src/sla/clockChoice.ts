import type { BusinessCalendar } from '../calendar/BusinessCalendar.js';
import { memoFor } from '../internal/memo.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import { calendarOf } from '../policy/policyCalendars.js';
import { ownCalendarOf } from '../policy/readAccount.js';
import type { Policy } from '../policy/schema.js';
import { type EngineTarget, METRICS, type TargetSet, targetSet } from './clockTypes.js';
import type { TargetInfo } from './policyTargets.js';
import type { TicketFields } from './rules.js';
import { engineTarget } from './clockStates.js';

/**
 * Clocks chosen per ticket: a target whose clock is `{ from: 'field', … }` runs on the calendar
 * its ticket's field names, one whose clock is `{ from: 'account', … }` on its account's own
 * calendar; either falls back on `otherwise`. The variants are memoised, so a batch of tickets of
 * one group shares them.
 */

/** The clock id shown for an account's own calendar definition. */
const ACCOUNT_CLOCK = 'account';

/** The clock a choice picks for a ticket: a calendar id of the policy, `24/7`, or {@link ACCOUNT_CLOCK}. */
function pick(t: EngineTarget, fields: TicketFields, account: AccountDefinition): string {
  const choice = t.choice!;
  const otherwise = (t.info as TargetInfo).clock;
  if (choice.from === 'field') {
    const v = fields[choice.field];
    return typeof v === 'string' && Object.hasOwn(choice.calendars, v) ? choice.calendars[v]! : otherwise;
  }
  const own = account.calendar;
  return own === undefined ? otherwise : typeof own === 'string' ? own : ACCOUNT_CLOCK;
}

const variants = new WeakMap<EngineTarget, Map<unknown, EngineTarget>>();

/** Target `t` on another clock (`calendar` compiled, `clock` its id), memoised per target and calendar. */
function onClock(t: EngineTarget, clock: string, calendar: BusinessCalendar | null): EngineTarget {
  if (clock === (t.info as TargetInfo).clock && calendar === t.calendar) return t;
  const byCalendar = memoFor(variants, t);
  const key = calendar ?? clock;
  let v = byCalendar.get(key);
  if (v === undefined) {
    v = engineTarget({ ...t, calendar, info: Object.freeze({ ...(t.info as TargetInfo), clock }) });
    byCalendar.set(key, v);
  }
  return v;
}

/**
 * The targets of `set` with every chosen clock resolved for the ticket; `set` itself when none is
 * chosen (the common case, checked once).
 * @internal
 */
export function chooseClocks(
  policy: Policy,
  set: TargetSet,
  fields: TicketFields,
  account: AccountDefinition,
): TargetSet {
  if (!set.chooses) return set;
  const lists: Partial<Record<(typeof METRICS)[number], EngineTarget[]>> = {};
  let changed = false;
  for (const metric of METRICS) {
    lists[metric] = set[metric].map((t) => {
      if (t.choice === undefined) return t;
      const clock = pick(t, fields, account);
      const calendar = clock === ACCOUNT_CLOCK ? ownCalendarOf(account)! : (calendarOf(policy, clock) ?? null);
      const v = onClock(t, clock, calendar);
      changed ||= v !== t;
      return v;
    });
  }
  return changed ? sameSet(set, lists) : set;
}

const sets = new WeakMap<TargetSet, Map<string, TargetSet>>();

/** One target set per combination of variants, so that equal choices give the same (identical) set. */
function sameSet(base: TargetSet, lists: Partial<Record<(typeof METRICS)[number], EngineTarget[]>>): TargetSet {
  const byKey = memoFor(sets, base);
  const key = METRICS.map((m) => lists[m]!.map((t) => (t.info as TargetInfo).clock).join('\u0000')).join('\u0001');
  const own = lists
    .firstResponse!.concat(lists.followUp!, lists.periodicUpdate!, lists.resolution!)
    .some((t) => (t.info as TargetInfo).clock === ACCOUNT_CLOCK);
  if (own) return targetSet(lists, true); // an account's own calendar: not shared between accounts
  let set = byKey.get(key);
  if (set === undefined) {
    set = targetSet(lists, true);
    byKey.set(key, set);
  }
  return set;
}
