import type { AccountDefinition } from '../policy/entitlementTypes.js';
import { readAccount } from '../policy/readAccount.js';
import type { Policy } from '../policy/schema.js';
import { rebased } from './paths.js';
import { type AccountTargets, accountTargets } from './policyTargets.js';

/** The fields of each kind of ticket event; `id` (the caller's event id) is allowed on every kind and never read. */
export const REPLY_KEYS = ['kind', 'at', 'author', 'id'];
export const STATUS_KEYS = ['kind', 'at', 'status', 'id'];
export const CREATED_KEYS = ['kind', 'at', 'severity', 'fields', 'id'];
export const SEVERITY_KEYS = ['kind', 'at', 'severity', 'id'];
export const PLAN_KEYS = ['kind', 'at', 'plan', 'addOns', 'severity', 'id'];
export const FIELDS_KEYS = ['kind', 'at', 'fields', 'id'];
/** Every field an event may have. */
export const EVENT_FIELDS = [...new Set([...REPLY_KEYS, ...STATUS_KEYS, ...PLAN_KEYS, ...CREATED_KEYS])];

/**
 * What an event's `severity` should have been, or `undefined` when `value` will do: a level of the
 * account's scale; missing, it will do unless `required` or the account's targets depend on it.
 */
export function severityExpected(value: unknown, targets: AccountTargets, required: boolean): string | undefined {
  if (value === undefined || value === null) {
    if (!required && !targets.hasTargets) return undefined;
    const why = targets.hasTargets ? ", which the account's targets depend on" : '';
    return `a severity level${levelList(targets)}${why}`;
  }
  if (typeof value !== 'string' || (targets.levels !== null && !targets.levels.has(value))) {
    return `a severity level${levelList(targets)}`;
  }
  return undefined;
}

function levelList(t: AccountTargets): string {
  return t.levels === null ? '' : ` of scale "${t.scale}" (${[...t.levels].join(', ')})`;
}

/**
 * The account a `plan` event (its `plan` a string) moves the ticket to, checked and copied like the
 * ticket's own, and its targets; errors under `at`, the event's path. Kept add-ons the new plan
 * cannot take are the plan's fault when the event names none.
 */
export function movedAccount(
  policy: Policy,
  account: AccountDefinition,
  e: Record<string, unknown>,
  at: readonly (string | number)[],
): { account: AccountDefinition; targets: AccountTargets } {
  const addOns = e['addOns'];
  const moved = { ...account, plan: e['plan'] as string, ...(addOns === undefined ? {} : { addOns }) };
  const next = rebased(at, () => readAccount(moved), 1);
  const targets = rebased(at, () => accountTargets(policy, next), 1, addOns === undefined ? 'plan' : undefined);
  return { account: next, targets };
}
