import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { AccountTargets } from './policyTargets.js';

/**
 * The accounts of a batch, by the caller's object, each read once: its checked copy, its plan and
 * its targets. An account's position comes from a map, and each of these from an array: three
 * dense arrays stay in the processor's cache better than an object per account spread over the
 * heap (measureMany as columns about 1 % faster: 0.97–1.01 of the time in six processes). @internal
 */
export class BatchAccounts {
  private readonly positions = new Map<unknown, number>();
  readonly accounts: AccountDefinition[] = [];
  readonly plans: (string | null)[] = [];
  readonly targets: AccountTargets[] = [];

  /** The position of the caller's `account`, or `undefined` when it has not been {@link add}ed. */
  positionOf(account: unknown): number | undefined {
    return this.positions.get(account);
  }

  /** Keeps the caller's `account` as read (`checked`, with its `targets`); returns its position. */
  add(account: unknown, checked: AccountDefinition, targets: AccountTargets): number {
    const k = this.accounts.length;
    this.accounts.push(checked);
    this.plans.push(checked.plan ?? null);
    this.targets.push(targets);
    this.positions.set(account, k);
    return k;
  }
}
