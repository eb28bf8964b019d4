import { InvalidArgumentError } from '../errors.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { toEpochMs } from '../instant.js';
import { type ChargeRule, chargeConversation } from './charge.js';
import type { ConversationClass } from './events.js';
import type { AccountLedger, ConversationRecord, LedgerState, YearRecord } from './state.js';

/**
 * One contract year of an account: what was granted, carried, charged, and what is left.
 * `balanceMinutes + chargedMinutes = grantedMinutes + carriedInMinutes − carriedOutMinutes − expiredMinutes`
 * always holds; a negative balance is the overage.
 * @category Hours
 */
export interface YearBalance {
  readonly year: string;
  readonly from: number;
  readonly to: number;
  readonly grantedMinutes: number;
  readonly carriedInMinutes: number;
  readonly chargedMinutes: number;
  /** Minutes left (negative: worked beyond the package). */
  readonly balanceMinutes: number;
  /** Minutes worked beyond the package: recorded and reported, never lost. */
  readonly overageMinutes: number;
  /** Unused minutes moved to the year that renews this one. */
  readonly carriedOutMinutes: number;
  /** Unused minutes lost at the end of the year (known once renewed, or once `asOf` is past its end). */
  readonly expiredMinutes: number;
  readonly conversations: number;
}

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

/**
 * A readable statement of an account's support hours over a period.
 * @category Hours
 */
export interface Statement {
  readonly account: string;
  readonly from: number;
  readonly to: number;
  /** Conversations opened in `[from, to)`, in order. */
  readonly rows: readonly StatementRow[];
  readonly totals: { readonly conversations: number; readonly handledMinutes: number; readonly chargedMinutes: number };
  /** Usage per client of a partner pool (conversations without a client are under `""`). */
  readonly perClient: readonly { readonly client: string; readonly conversations: number; readonly chargedMinutes: number }[];
  /** The contract years overlapping the period. */
  readonly years: readonly YearBalance[];
  /** Conversations with events but no opening yet: not charged until opened. */
  readonly pending: readonly string[];
}

function finalClass(c: ConversationRecord): ConversationClass {
  let best: { at: number; id: string; as: string } | undefined;
  for (const [id, k] of c.classifications) {
    if (best === undefined || k.at > best.at || (k.at === best.at && id > best.id)) best = { at: k.at, id, as: k.as };
  }
  return (best?.as ?? 'normal') as ConversationClass;
}

function accountOf(state: LedgerState, account: string): AccountLedger {
  const a = state.accounts.get(account);
  if (a === undefined) throw new InvalidArgumentError('unknown_account', ['account'], `account: expected an account of the ledger, got ${JSON.stringify(account)}`, account);
  return a;
}

function rowsOf(state: LedgerState, a: AccountLedger): { rows: StatementRow[]; pending: string[] } {
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
    const charge = chargeConversation(state.rules, { handledMinutes, documented: c.documented.size > 0, classification, voided: c.voided.size > 0 });
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

function yearBalances(state: LedgerState, a: AccountLedger, rows: readonly StatementRow[], asOf: number | undefined): YearBalance[] {
  const years = [...a.years.values()].sort((x, y) => x.from - y.from);
  const renewedBy = new Map<string, YearRecord>();
  for (const y of years) if (y.previousYear !== undefined) renewedBy.set(y.previousYear, y);
  const carriedIn = new Map<string, number>();
  const carry = state.rules.carryOver;
  return years.map((y) => {
    const charged = rows.filter((r) => r.year === y.id).reduce((s, r) => s + r.chargedMinutes, 0);
    const conversations = rows.filter((r) => r.year === y.id).length;
    const inMinutes = carriedIn.get(y.id) ?? 0;
    const available = y.minutes + inMinutes;
    const unused = Math.max(0, available - charged);
    const renewal = renewedBy.get(y.id);
    const out = renewal === undefined ? 0 : carry.kind === 'none' ? 0 : carry.kind === 'all' ? unused : Math.min(carry.capMinutes, unused);
    if (renewal !== undefined) carriedIn.set(renewal.id, out);
    const ended = renewal !== undefined || (asOf !== undefined && asOf >= y.to);
    const expired = ended ? unused - out : 0;
    return {
      year: y.id,
      from: y.from,
      to: y.to,
      grantedMinutes: y.minutes,
      carriedInMinutes: inMinutes,
      chargedMinutes: charged,
      balanceMinutes: available - charged - out - expired,
      overageMinutes: Math.max(0, charged - available),
      carriedOutMinutes: out,
      expiredMinutes: expired,
      conversations,
    };
  });
}

/**
 * The balance of every contract year of an account, oldest first.
 *
 * @param options.asOf - an instant: years that ended by then report their unused minutes as expired
 * @throws {@link InvalidArgumentError} `unknown_account`
 * @example
 * ```ts
 * import { balances, createLedger, parsePolicy, replay, standardSupport } from 'support-policy';
 * const y = (n: number) => Date.UTC(n, 0, 1);
 * const ledger = replay(createLedger(parsePolicy(standardSupport)), [
 *   { id: 'g', kind: 'package_granted', account: 'acme', at: y(2026), year: '2026', from: y(2026), to: y(2027), minutes: 60 },
 *   { id: 'o', kind: 'conversation_opened', account: 'acme', at: Date.UTC(2026, 5, 1), conversation: 'T-1', channel: 'ticket' },
 *   { id: 'h', kind: 'time_handled', account: 'acme', at: Date.UTC(2026, 5, 1), conversation: 'T-1', minutes: 100 },
 * ]);
 * const [year] = balances(ledger, 'acme');
 * [year?.chargedMinutes, year?.balanceMinutes, year?.overageMinutes]; //=> [90, -30, 30]
 * ```
 * @category Hours
 */
export function balances(state: LedgerState, account: string, options: { readonly asOf?: number | Date } = {}): readonly YearBalance[] {
  const a = accountOf(state, account);
  const asOf = options.asOf === undefined ? undefined : toEpochMs(options.asOf, 'asOf');
  return deepFreeze(yearBalances(state, a, rowsOf(state, a).rows, asOf));
}

/**
 * A statement of an account's support hours over `[from, to)`: each conversation opened in the
 * period with its date, channel, handled time, charged time and the rule that set the charge;
 * totals; usage per client for a partner pool; and the balances of the years it overlaps.
 *
 * @throws {@link InvalidArgumentError} `unknown_account`, `invalid_instant`
 * @example
 * ```ts
 * import { createLedger, parsePolicy, replay, standardSupport, statement } from 'support-policy';
 * const ledger = replay(createLedger(parsePolicy(standardSupport)), [
 *   { id: 'g', kind: 'package_granted', account: 'p', at: Date.UTC(2026, 0, 1), year: '2026', from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1), minutes: 600 },
 *   { id: 'o1', kind: 'conversation_opened', account: 'p', at: Date.UTC(2026, 1, 2), conversation: 'A', channel: 'ticket', client: 'shop-1' },
 *   { id: 'd1', kind: 'answered_with_documentation', account: 'p', at: Date.UTC(2026, 1, 2), conversation: 'A' },
 * ]);
 * const s = statement(ledger, { account: 'p', from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) });
 * s.rows.map((r) => `${r.conversation} ${r.chargedMinutes} ${r.rule}`); //=> ['A 15 documentation_minimum']
 * s.perClient; //=> [{ client: 'shop-1', conversations: 1, chargedMinutes: 15 }]
 * ```
 * @category Hours
 */
export function statement(
  state: LedgerState,
  period: { readonly account: string; readonly from: number | Date; readonly to: number | Date; readonly asOf?: number | Date },
): Statement {
  const a = accountOf(state, period.account);
  const from = toEpochMs(period.from, 'from');
  const to = toEpochMs(period.to, 'to');
  const asOf = period.asOf === undefined ? undefined : toEpochMs(period.asOf, 'asOf');
  const { rows: all, pending } = rowsOf(state, a);
  const rows = all.filter((r) => r.openedAt >= from && r.openedAt < to);
  const perClient = new Map<string, { conversations: number; chargedMinutes: number }>();
  for (const r of rows) {
    const k = r.client ?? '';
    const v = perClient.get(k) ?? { conversations: 0, chargedMinutes: 0 };
    perClient.set(k, { conversations: v.conversations + 1, chargedMinutes: v.chargedMinutes + r.chargedMinutes });
  }
  return deepFreeze({
    account: period.account,
    from,
    to,
    rows,
    totals: {
      conversations: rows.length,
      handledMinutes: rows.reduce((s, r) => s + r.handledMinutes, 0),
      chargedMinutes: rows.reduce((s, r) => s + r.chargedMinutes, 0),
    },
    perClient: [...perClient].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([client, v]) => ({ client, ...v })),
    years: yearBalances(state, a, all, asOf).filter((y) => y.from < to && y.to > from),
    pending,
  });
}
