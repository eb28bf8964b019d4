import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { AccountTargets } from './policyTargets.js';

/**
 * The accounts of a batch, by the caller's object, each read once: its targets, which every ticket
 * needs, and its checked copy, which only a few read (a plan change, a clock chosen by the account).
 * The first map's values are shared by every account of one plan and add-ons (`accountTargets`
 * memoises them), so the objects a ticket reads stay in the processor's cache, where an entry per
 * account would be a cache miss per ticket: measureMany as columns takes 0.95–0.98 of the time it
 * took with positions into arrays per account. @internal
 */
export class BatchAccounts {
  private readonly targets = new Map<unknown, AccountTargets>();
  private readonly copies = new Map<unknown, AccountDefinition>();

  /** The targets of the caller's `account`, or `undefined` when it has not been {@link add}ed. */
  targetsOf(account: unknown): AccountTargets | undefined {
    return this.targets.get(account);
  }

  /** The checked copy of the caller's `account`, which must have been {@link add}ed. */
  copyOf(account: unknown): AccountDefinition {
    return this.copies.get(account)!;
  }

  /** Keeps the caller's `account` as read (`checked`, with its `targets`); returns the targets. */
  add(account: unknown, read: { checked: AccountDefinition; targets: AccountTargets }): AccountTargets {
    this.copies.set(account, read.checked);
    this.targets.set(account, read.targets);
    return read.targets;
  }
}
