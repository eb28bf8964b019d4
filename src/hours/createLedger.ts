import { argumentError } from '../errors.js';
import { brandLedger, checkPolicy } from '../internal/brand.js';
import { emptyMap } from '../internal/persistentMap.js';
import type { Policy } from '../policy/schema.js';
import type { AccountLedger, LedgerState } from './state.js';

/**
 * An empty support-hours ledger applying a policy's deduction rules.
 *
 * @throws {@link InvalidArgumentError} `invalid_policy` when `policy` is not one `parsePolicy`
 *   returned, `invalid_rule` when the policy has no support-hours rules
 * @example
 * ```ts
 * import { createLedger, parsePolicy, standardSupport } from 'support-policy';
 * const ledger = createLedger(parsePolicy(standardSupport));
 * ledger.rules.minimumMinutes; //=> 15
 * ```
 * @category Hours
 */
export function createLedger(policy: Policy): LedgerState {
  checkPolicy(policy);
  const rules = policy.supportHours?.deduction;
  if (rules === undefined) {
    throw argumentError('invalid_rule', ['policy', 'supportHours'], 'support-hours deduction rules', rules);
  }
  return Object.freeze(brandLedger({ rules, accounts: emptyMap<AccountLedger>() }));
}
