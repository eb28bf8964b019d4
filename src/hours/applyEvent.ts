import { brandLedger, checkLedger } from '../internal/brand.js';
import { mapGet, mapSet } from '../internal/persistentMap.js';
import { addEvent } from './addEvent.js';
import { eventPrototypeIsClean } from './eventInput.js';
import type { LedgerEvent } from './events.js';
import { type AccountDraft, emptyAccount, type LedgerState, parseEvent, requireAccount } from './state.js';

/**
 * Applies one event to a ledger and returns the new ledger; the given one is not changed.
 *
 * @remarks
 * The new ledger shares with the given one everything the event does not touch: what an event
 * copies does not grow with the number of accounts or conversations, and the given ledger stays
 * valid and unchanged (docs/decisions.md, "The ledger shares what an event does not touch"). The event's
 * instants may be epoch ms, `Date`s or luxon `DateTime`s ({@link InstantLike}).
 *
 * Idempotent: applying an event whose `id` was already applied, with the same content, returns the
 * same ledger; the same `id` with different content is an `event_conflict`. Net charges do
 * not depend on the order events arrive in: a conversation's charge is computed from its final
 * state (the classification with the latest `at` decides, as SPEC §5 says: "The net charge depends
 * only on the final classification, never on the order of events"). A rejected event leaves
 * nothing half-applied.
 *
 * @throws {@link InvalidArgumentError} `invalid_state` when `ledger` is not one `createLedger`,
 *   `applyEvent` or `replay` returned; `invalid_event` (not a plain object, malformed, an unknown
 *   field, negative or fractional minutes, an invalid instant, overlapping years), `unknown_account` (no package
 *   granted yet), `outside_contract_year`, `event_conflict`
 * @example
 * ```ts
 * import { applyEvent, balances, createLedger, parsePolicy, standardSupport } from 'support-policy';
 * let ledger = createLedger(parsePolicy(standardSupport));
 * ledger = applyEvent(ledger, { id: 'g1', kind: 'package_granted', account: 'acme', at: Date.UTC(2026, 0, 1), year: '2026', from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1), minutes: 600 });
 * ledger = applyEvent(ledger, { id: 'o1', kind: 'conversation_opened', account: 'acme', at: Date.UTC(2026, 2, 3, 9), conversation: 'T-1', channel: 'ticket' });
 * const before = ledger;
 * ledger = applyEvent(ledger, { id: 'h1', kind: 'time_handled', account: 'acme', at: new Date('2026-03-03T10:00:00Z'), conversation: 'T-1', minutes: 40 });
 * balances(ledger, 'acme')[0]?.chargedMinutes; //=> 30
 * balances(before, 'acme')[0]?.chargedMinutes; //=> 15
 * ```
 * @category Hours
 */
export function applyEvent(ledger: LedgerState, event: LedgerEvent): LedgerState {
  checkLedger(ledger);
  const e = parseEvent(event, undefined, eventPrototypeIsClean());
  const current = requireAccount(mapGet(ledger.accounts, e.account), e, undefined);
  const draft: AccountDraft = current === undefined ? emptyAccount() : { ...current };
  if (!addEvent(draft, e, undefined, null)) return ledger;
  const accounts = mapSet(ledger.accounts, e.account, Object.freeze(draft));
  return Object.freeze(brandLedger({ rules: ledger.rules, accounts }));
}
