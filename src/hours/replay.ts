import { argumentError } from '../errors.js';
import { brandLedger, checkLedger } from '../internal/brand.js';
import { mapGet, mapSet, newEdit } from '../internal/persistentMap.js';
import { addEvent } from './addEvent.js';
import { eventPrototypeIsClean } from './eventInput.js';
import type { LedgerEvent, ParsedLedgerEvent } from './events.js';
import { type AccountDraft, emptyAccount, type LedgerState, parseEvent, requireAccount } from './state.js';

const PHASE: Record<ParsedLedgerEvent['kind'], number> = {
  package_granted: 0,
  contract_renewed: 1,
  conversation_opened: 2,
  time_handled: 2,
  answered_with_documentation: 2,
  classified: 2,
  conversation_voided: 2,
};

/** Renewals apply in the order of their years, so that each finds the year it renews. */
const startOf = (e: ParsedLedgerEvent) => (e.kind === 'contract_renewed' ? e.from : 0);

/**
 * Applies many events at once to a ledger (an empty one from {@link createLedger}, or one with
 * events already), in any order, and returns the new ledger.
 *
 * @remarks
 * Equivalent to applying each event with {@link applyEvent}, except that the order does not
 * matter: packages are applied first, then renewals (by start), then everything else. Linear in
 * the number of events; all or nothing — the first invalid event throws and no state is returned.
 * The new ledger shares with the given one every account the events do not touch, and the given
 * ledger stays valid.
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
export function replay(ledger: LedgerState, events: readonly LedgerEvent[]): LedgerState {
  checkLedger(ledger);
  if (!Array.isArray(events)) throw argumentError('invalid_event', ['events'], 'a list of events', events);
  const clean = eventPrototypeIsClean();
  // One pass reads every event and buckets it: packages and renewals first (sorted below), then the
  // rest grouped by account (a linear bucketing, order kept within an account), so that each
  // account's maps stay hot while its events are applied. The bucketing reads an account while
  // the event that names it is still in the processor's cache.
  const parsed: ParsedLedgerEvent[] = [];
  const head: number[] = [];
  const byAccount = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    // Own elements only: a hole reads as nothing, never as an index inherited from Array.prototype.
    const e = parseEvent(Object.hasOwn(events, i) ? events[i] : undefined, i, clean);
    parsed.push(e);
    if (PHASE[e.kind] < 2) {
      head.push(i);
      continue;
    }
    const list = byAccount.get(e.account);
    if (list === undefined) byAccount.set(e.account, [i]);
    else list.push(i);
  }
  head.sort((a, b) => {
    const x = parsed[a]!;
    const y = parsed[b]!;
    return PHASE[x.kind] - PHASE[y.kind] || startOf(x) - startOf(y) || a - b;
  });
  // Transient changes: the nodes this call creates are changed in place by its later events; the
  // given ledger's nodes are copied on their first change, so it stays as it was.
  const edit = newEdit();
  const drafts = new Map<string, AccountDraft>();
  const draftOf = (e: ParsedLedgerEvent, i: number): AccountDraft => {
    let a = drafts.get(e.account);
    if (a === undefined) {
      const existing = requireAccount(mapGet(ledger.accounts, e.account), e, i);
      a = existing === undefined ? emptyAccount() : { ...existing };
      drafts.set(e.account, a);
    }
    return a;
  };
  for (const i of head) addEvent(draftOf(parsed[i]!, i), parsed[i]!, i, edit);
  for (const list of byAccount.values()) {
    const a = draftOf(parsed[list[0]!]!, list[0]!);
    for (const i of list) addEvent(a, parsed[i]!, i, edit);
  }
  let accounts = ledger.accounts;
  for (const [k, a] of drafts) accounts = mapSet(accounts, k, Object.freeze(a), edit);
  return Object.freeze(brandLedger({ rules: ledger.rules, accounts }));
}
