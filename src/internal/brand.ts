import { argumentError } from '../errors.js';

/**
 * Brands on the values only the library makes: a policy that `parsePolicy` validated and a ledger
 * that `createLedger`, `applyEvent` or `replay` returned. A brand is a non-enumerable property under
 * a registered symbol, so it survives being passed between two copies of the library (an ESM and a
 * CommonJS one) but not a JSON or `structuredClone` round trip: such a copy is refused with a typed
 * error that says what to call first, instead of being read as if it had been checked.
 */
const POLICY = Symbol.for('support-policy.policy');
const LEDGER = Symbol.for('support-policy.ledger');
const VERSIONS = Symbol.for('support-policy.policy-versions');

function brand<T extends object>(value: T, symbol: symbol): T {
  Object.defineProperty(value, symbol, { value: true });
  return value;
}

const has = (value: unknown, symbol: symbol): boolean =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[symbol] === true;

/** Marks a validated policy, before it is frozen. @internal */
export const brandPolicy = <T extends object>(policy: T): T => brand(policy, POLICY);

/** Marks a validated set of policy versions, before it is frozen. @internal */
export const brandPolicyVersions = <T extends object>(versions: T): T => brand(versions, VERSIONS);

/** Whether a value is a set of policy versions `parsePolicyVersions` returned. @internal */
export const isPolicyVersions = (value: unknown): boolean => has(value, VERSIONS);

/**
 * Refuses anything but a policy returned by `parsePolicy`, or (where `versions` allows) the
 * versions `parsePolicyVersions` returned. @internal
 */
export function checkPolicyOrVersions(value: unknown, path: readonly (string | number)[] = ['policy']): void {
  if (!has(value, POLICY) && !has(value, VERSIONS)) {
    const what = 'a policy returned by parsePolicy (call parsePolicy first), or versions from parsePolicyVersions';
    throw argumentError('invalid_policy', path, what, value);
  }
}

/** Marks a ledger state, before it is frozen. @internal */
export const brandLedger = <T extends object>(ledger: T): T => brand(ledger, LEDGER);

/** Refuses anything but a policy returned by `parsePolicy` (`invalid_policy` at `path`). @internal */
export function checkPolicy(value: unknown, path: readonly (string | number)[] = ['policy']): void {
  if (!has(value, POLICY)) {
    throw argumentError('invalid_policy', path, 'a policy returned by parsePolicy (call parsePolicy first)', value);
  }
}

/** Refuses anything but a ledger made by `createLedger`, `applyEvent` or `replay` (`invalid_state`). @internal */
export function checkLedger(value: unknown, path: readonly (string | number)[] = ['ledger']): void {
  if (!has(value, LEDGER)) {
    throw argumentError('invalid_state', path, 'a ledger returned by createLedger, applyEvent or replay', value);
  }
}
