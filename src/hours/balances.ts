import { checkLedger } from '../internal/brand.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { own, readOptions } from '../internal/record.js';
import { type InstantLike, instantMs } from '../instant.js';
import { accountOf, rowsOf, type StatementRow } from './conversations.js';
import type { AccountLedger, LedgerState, YearRecord } from './state.js';

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

/** @internal */
export function yearBalances(
  state: LedgerState,
  a: AccountLedger,
  rows: readonly StatementRow[],
  asOf: number | undefined,
): YearBalance[] {
  const years = [...a.years].sort((x, y) => x.from - y.from);
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
    const out =
      renewal === undefined
        ? 0
        : carry.kind === 'none'
          ? 0
          : carry.kind === 'all'
            ? unused
            : Math.min(carry.capMinutes, unused);
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
 * @param options.asOf - an instant (epoch ms, `Date` or luxon `DateTime`): years that ended by then report their
 *   unused minutes as expired
 * @throws {@link InvalidArgumentError} `invalid_state` (`ledger` not made by `createLedger`,
 *   `applyEvent` or `replay`), `unknown_account`, `invalid_option` (options that are not a plain
 *   object, or an unknown option, at `options.<name>`), `invalid_instant` at `asOf`
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
export function balances(
  ledger: LedgerState,
  account: string,
  options?: { readonly asOf?: InstantLike },
): readonly YearBalance[] {
  checkLedger(ledger);
  const a = accountOf(ledger, account);
  const given = own(readOptions(options, ['asOf']), 'asOf') as InstantLike | undefined;
  const asOf = given === undefined ? undefined : instantMs(given, 'asOf');
  return deepFreeze(yearBalances(ledger, a, rowsOf(ledger, a).rows, asOf));
}
