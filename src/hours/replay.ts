import { argumentError } from '../errors.js';
import { brandLedger, checkLedger } from '../internal/brand.js';
import { eventPrototypeIsClean } from './eventInput.js';
import type { LedgerEvent } from './events.js';
import {
  type AccountLedger,
  addEvent,
  cloneAccount,
  emptyAccount,
  type LedgerState,
  parseEvent,
  requireAccount,
} from './state.js';

const PHASE: Record<LedgerEvent['kind'], number> = {
  package_granted: 0,
  contract_renewed: 1,
  conversation_opened: 2,
  time_handled: 2,
  answered_with_documentation: 2,
  classified: 2,
  conversation_voided: 2,
};

/** Renewals apply in the order of their years, so that each finds the year it renews. */
const startOf = (e: LedgerEvent) => (e.kind === 'contract_renewed' ? e.from : 0);

/**
 * Applies many events at once to a ledger (an empty one from {@link createLedger}, or one with
 * events already), in any order, and returns the new ledger.
 *
 * @remarks
 * Equivalent to applying each event with {@link applyEvent}, except that the order does not
 * matter: packages are applied first, then renewals (by start), then everything else. Linear in
 * the number of events; all or nothing — the first invalid event throws and no state is returned.
 *
 * @throws {@link InvalidArgumentError} as {@link applyEvent}, with the path `events[i]` of the
 *   offending event; `invalid_event` at `events` when `events` is not an array
 * @example
 * ```ts
 * import { balances, createLedger, parsePolicy, replay, standardSupport } from 'support-policy';
 * const year = { year: '2026', from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) };
 * const ledger = replay(createLedger(parsePolicy(standardSupport)), [
 *   { id: 'c1', kind: 'classified', account: 'acme', at: Date.UTC(2026, 4, 5), conversation: 'T-9', as: 'incident' },
 *   { id: 'o1', kind: 'conversation_opened', account: 'acme', at: Date.UTC(2026, 4, 4), conversation: 'T-9', channel: 'chat' },
 *   { id: 'g1', kind: 'package_granted', account: 'acme', at: Date.UTC(2026, 0, 1), ...year, minutes: 600 },
 * ]);
 * balances(ledger, 'acme')[0]?.balanceMinutes; //=> 600
 * ```
 * @category Hours
 */
export function replay(ledger: LedgerState, events: readonly unknown[]): LedgerState {
  checkLedger(ledger);
  if (!Array.isArray(events)) throw argumentError('invalid_event', ['events'], 'a list of events', events);
  const clean = eventPrototypeIsClean();
  const parsed: { e: LedgerEvent; i: number }[] = [];
  // Own elements only: a hole reads as nothing, never as an index inherited from Array.prototype.
  for (let i = 0; i < events.length; i++) {
    parsed.push({ e: parseEvent(Object.hasOwn(events, i) ? events[i] : undefined, i, clean), i });
  }
  // Packages, then renewals by start; then the rest grouped by account (a linear bucketing, order
  // kept within an account), so that each account's maps stay hot while its events are applied.
  const head = parsed
    .filter((p) => PHASE[p.e.kind] < 2)
    .sort((a, b) => PHASE[a.e.kind] - PHASE[b.e.kind] || startOf(a.e) - startOf(b.e) || a.i - b.i);
  const byAccount = new Map<string, typeof parsed>();
  for (const p of parsed) {
    if (PHASE[p.e.kind] < 2) continue;
    const list = byAccount.get(p.e.account);
    if (list === undefined) byAccount.set(p.e.account, [p]);
    else list.push(p);
  }
  const ordered = head;
  for (const list of byAccount.values()) for (const p of list) ordered.push(p);
  const accounts = new Map<string, AccountLedger>();
  const copied = new Set<string>();
  for (const { e, i } of ordered) {
    const where = ['events', i];
    let a = accounts.get(e.account);
    if (a === undefined) {
      const existing = requireAccount(ledger.accounts, e, where);
      a = existing === undefined ? emptyAccount() : existing;
      accounts.set(e.account, a);
    }
    if (!copied.has(e.account) && ledger.accounts.has(e.account)) {
      // Copy an account of the given state before its first change: the input is never modified.
      a = cloneAccount(a);
      accounts.set(e.account, a);
    }
    copied.add(e.account);
    addEvent(a, e, where);
  }
  const merged = new Map(ledger.accounts);
  for (const [k, a] of accounts) merged.set(k, a);
  return Object.freeze(brandLedger({ rules: ledger.rules, accounts: merged }));
}
