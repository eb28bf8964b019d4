import { argumentError } from '../errors.js';
import { type ChargeRule, chargeConversation } from './charge.js';
import type { ConversationClass } from './events.js';
import type { AccountLedger, ConversationRecord, LedgerState } from './state.js';

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

/** The final classification: the latest `at`, ties broken by event id; `normal` when never classified. */
function finalClass(c: ConversationRecord): ConversationClass {
  let best: { at: number; id: string; as: string } | undefined;
  for (const [id, k] of c.classifications) {
    if (best === undefined || k.at > best.at || (k.at === best.at && id > best.id)) best = { at: k.at, id, as: k.as };
  }
  return (best?.as ?? 'normal') as ConversationClass;
}

/** The ledger of an account, or `unknown_account`. @internal */
export function accountOf(state: LedgerState, account: unknown): AccountLedger {
  const a = typeof account === 'string' ? state.accounts.get(account) : undefined;
  if (a === undefined) throw argumentError('unknown_account', ['account'], 'an account of the ledger', account);
  return a;
}

/** Every opened conversation of an account with its charge, and the ids of those not opened yet. @internal */
export function rowsOf(state: LedgerState, a: AccountLedger): { rows: StatementRow[]; pending: string[] } {
  const years = [...a.years.values()];
  const rows: StatementRow[] = [];
  const pending: string[] = [];
  for (const [id, c] of a.conversations) {
    if (c.opened === undefined) {
      pending.push(id);
      continue;
    }
    const opened = c.opened;
    const classification = finalClass(c);
    let handledMinutes = 0;
    for (const m of c.handled.values()) handledMinutes += m;
    const charge = chargeConversation(state.rules, {
      handledMinutes,
      documented: c.documented.size > 0,
      classification,
      voided: c.voided.size > 0,
    });
    rows.push({
      conversation: id,
      year: years.find((y) => opened.at >= y.from && opened.at < y.to)!.id,
      openedAt: opened.at,
      channel: opened.channel,
      ...(opened.client === undefined ? {} : { client: opened.client }),
      classification,
      handledMinutes,
      ...charge,
    });
  }
  rows.sort((x, y) => x.openedAt - y.openedAt || (x.conversation < y.conversation ? -1 : 1));
  return { rows, pending: pending.sort() };
}
