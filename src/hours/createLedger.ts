import { InvalidArgumentError } from '../errors.js';
import type { Policy } from '../policy/schema.js';
import type { LedgerState } from './state.js';

/**
 * An empty support-hours ledger applying a policy's deduction rules.
 *
 * @throws {@link InvalidArgumentError} `invalid_rule` when the policy has no support-hours rules
 * @example
 * ```ts
 * import { createLedger, parsePolicy, standardSupport } from 'support-policy';
 * const ledger = createLedger(parsePolicy(standardSupport));
 * ledger.rules.minimumMinutes; //=> 15
 * ```
 * @category Hours
 */
export function createLedger(policy: Policy): LedgerState {
  const rules = policy.supportHours?.deduction;
  if (rules === undefined) {
    throw new InvalidArgumentError(
      'invalid_rule',
      ['policy', 'supportHours'],
      'policy.supportHours: expected support-hours deduction rules, got none',
    );
  }
  return Object.freeze({ rules, accounts: new Map() });
}
