import { argumentError } from '../errors.js';
import { mapForEach, mapGet } from '../internal/persistentMap.js';
import { type ChargeRule, chargeConversation } from './charge.js';
import type { ConversationClass } from './events.js';
import type { AccountLedger, LedgerState } from './state.js';

/**
 * One conversation in a statement.
 * @category Hours
 */
export interface StatementRow {
  readonly conversation: string;
  readonly year: string;
  readonly openedAt: number;
  readonly channel: string;
  readonly client?: string;
  readonly classification: ConversationClass;
  readonly handledMinutes: number;
  readonly chargedMinutes: number;
  readonly rule: ChargeRule;
}

/** The ledger of an account, or `unknown_account`. @internal */
export function accountOf(state: LedgerState, account: unknown): AccountLedger {
  const a = typeof account === 'string' ? mapGet(state.accounts, account) : undefined;
  if (a === undefined) throw argumentError('unknown_account', ['account'], 'an account of the ledger', account);
  return a;
}

/** Every opened conversation of an account with its charge, and the ids of those not opened yet. @internal */
export function rowsOf(state: LedgerState, a: AccountLedger): { rows: StatementRow[]; pending: string[] } {
  const rows: StatementRow[] = [];
  const pending: string[] = [];
  mapForEach(a.conversations, (c, id) => {
    const openedAt = c.openedAt;
    if (openedAt === undefined) {
      pending.push(id);
      return;
    }
    // The final classification: the latest `at`, ties broken by event id; `normal` when never classified.
    const classification = c.classification ?? 'normal';
    const charge = chargeConversation(state.rules, {
      handledMinutes: c.handledMinutes,
      documented: c.documented,
      classification,
      voided: c.voided,
    });
    rows.push({
      conversation: id,
      year: a.years.find((y) => openedAt >= y.from && openedAt < y.to)!.id,
      openedAt,
      channel: c.channel,
      ...(c.client === undefined ? {} : { client: c.client }),
      classification,
      handledMinutes: c.handledMinutes,
      ...charge,
    });
  });
  rows.sort((x, y) => x.openedAt - y.openedAt || (x.conversation < y.conversation ? -1 : 1));
  return { rows, pending: pending.sort() };
}
