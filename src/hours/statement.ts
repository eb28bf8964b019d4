import { checkLedger } from '../internal/brand.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { own, readRecord } from '../internal/record.js';
import { type InstantLike, instantMs } from '../instant.js';
import { yearBalances, type YearBalance } from './balances.js';
import { accountOf, rowsOf, type StatementRow } from './conversations.js';
import type { LedgerState } from './state.js';

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
  readonly perClient: readonly {
    readonly client: string;
    readonly conversations: number;
    readonly chargedMinutes: number;
  }[];
  /** The contract years overlapping the period. */
  readonly years: readonly YearBalance[];
  /** Conversations with events but no opening yet: not charged until opened. */
  readonly pending: readonly string[];
}

const PERIOD = ['from', 'to', 'asOf'];

/**
 * A statement of an account's support hours over `[from, to)`: each conversation opened in the
 * period with its date, channel, handled time, charged time and the rule that set the charge;
 * totals; usage per client for a partner pool; and the balances of the years it overlaps.
 *
 * @param account - an account of the ledger (one granted a package), as in {@link balances}
 * @param period - the period `{ from, to, asOf? }`: `from` and `to` are instants (epoch ms, `Date`
 *   or luxon `DateTime`) bounding the conversations listed, `[from, to)`; `asOf` is an instant by
 *   which years that ended report their unused minutes as expired
 * @throws {@link InvalidArgumentError} `invalid_state` (`ledger` not made by `createLedger`,
 *   `applyEvent` or `replay`), `unknown_account` at `account`, `invalid_option` (a period that is
 *   not a plain object, or an unknown field, at `period.<name>`), `invalid_instant` at `from`,
 *   `to`, `asOf`
 * @example
 * ```ts
 * import { createLedger, parsePolicy, replay, standardSupport, statement } from 'support-policy';
 * const ledger = replay(createLedger(parsePolicy(standardSupport)), [
 *   { id: 'g', kind: 'package_granted', account: 'p', at: Date.UTC(2026, 0, 1), year: '2026', from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1), minutes: 600 },
 *   { id: 'o1', kind: 'conversation_opened', account: 'p', at: Date.UTC(2026, 1, 2), conversation: 'A', channel: 'ticket', client: 'shop-1' },
 *   { id: 'd1', kind: 'answered_with_documentation', account: 'p', at: Date.UTC(2026, 1, 2), conversation: 'A' },
 * ]);
 * const s = statement(ledger, 'p', { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) });
 * s.rows.map((r) => `${r.conversation} ${r.chargedMinutes} ${r.rule}`); //=> ['A 15 documentation_minimum']
 * s.perClient; //=> [{ client: 'shop-1', conversations: 1, chargedMinutes: 15 }]
 * ```
 * @category Hours
 */
export function statement(
  ledger: LedgerState,
  account: string,
  period: {
    readonly from: InstantLike;
    readonly to: InstantLike;
    readonly asOf?: InstantLike;
  },
): Statement {
  checkLedger(ledger);
  const a = accountOf(ledger, account);
  const fields = readRecord(period, ['period'], PERIOD, 'invalid_option', 'a period { from, to, asOf? }');
  const from = instantMs(own(fields, 'from') as InstantLike, 'from');
  const to = instantMs(own(fields, 'to') as InstantLike, 'to');
  const given = own(fields, 'asOf') as InstantLike | undefined;
  const asOf = given === undefined ? undefined : instantMs(given, 'asOf');
  const { rows: all, pending } = rowsOf(ledger, a);
  const rows = all.filter((r) => r.openedAt >= from && r.openedAt < to);
  const perClient = new Map<string, { conversations: number; chargedMinutes: number }>();
  for (const r of rows) {
    const k = r.client ?? '';
    const v = perClient.get(k) ?? { conversations: 0, chargedMinutes: 0 };
    perClient.set(k, { conversations: v.conversations + 1, chargedMinutes: v.chargedMinutes + r.chargedMinutes });
  }
  return deepFreeze({
    account,
    from,
    to,
    rows,
    totals: {
      conversations: rows.length,
      handledMinutes: rows.reduce((s, r) => s + r.handledMinutes, 0),
      chargedMinutes: rows.reduce((s, r) => s + r.chargedMinutes, 0),
    },
    perClient: [...perClient].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([client, v]) => ({ client, ...v })),
    years: yearBalances(ledger, a, all, asOf).filter((y) => y.from < to && y.to > from),
    pending,
  });
}
