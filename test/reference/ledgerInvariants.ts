import { expect } from 'vitest';
import { balances, type ErrorCode, isSupportPolicyError, type LedgerState, statement } from '../../src/index.js';
import type { LedgerModel } from './ledgerModel.js';

/** The invariants of the support-hours ledger (issue 7), checked on a ledger against the reference model. */

/** The instants every statement of the tests covers. */
export const EVER = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) };
/** `asOf` values for balances: none, mid-2027, after every year. */
export const AS_OF = [undefined, Date.UTC(2027, 6, 1), Date.UTC(2031, 0, 1)] as const;
const Y2026 = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) };

/** Runs `fn`, which must throw `code`, and checks that `state` was not changed. */
export function expectRejected(state: LedgerState, fn: () => unknown, code: ErrorCode): void {
  const before = structuredClone(state);
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${code}`).toBeDefined();
  expect(isSupportPolicyError(caught) ? caught.code : caught).toBe(code);
  expect(state).toEqual(before);
}

/** Checks every invariant of the issue on `state`, and that it agrees with the model `m`. */
export function checkInvariants(m: LedgerModel, state: LedgerState): void {
  const rules = m.rules;
  for (const account of m.accounts()) {
    for (const asOf of AS_OF) {
      const real = balances(state, account, asOf === undefined ? {} : { asOf });
      // Real balances equal the model's.
      expect(real).toEqual(m.balances(account, asOf));
      let carriedIn = 0;
      let carriedOut = 0;
      for (const y of real) {
        // balance + charged = granted + carried in − carried out − expired, for every year.
        expect(y.balanceMinutes + y.chargedMinutes).toBe(
          y.grantedMinutes + y.carriedInMinutes - y.carriedOutMinutes - y.expiredMinutes,
        );
        // A negative balance is the overage; nothing is lost.
        expect(y.overageMinutes).toBe(Math.max(0, -y.balanceMinutes));
        expect(y.expiredMinutes).toBeGreaterThanOrEqual(0);
        carriedIn += y.carriedInMinutes;
        carriedOut += y.carriedOutMinutes;
      }
      // Minutes carried out of one year arrive in the next one.
      expect(carriedIn).toBe(carriedOut);
    }
    const s = statement(state, account, EVER);
    expect(s.rows).toEqual(m.rows(account));
    expect(s.pending).toEqual(m.pending(account));
    expect(s.perClient).toEqual(m.perClient(account, EVER.from, EVER.to));
    const years = balances(state, account);
    for (const y of years) {
      // Each conversation is charged once, to the year it was opened in.
      const rows = s.rows.filter((r) => r.year === y.year);
      expect(y.chargedMinutes).toBe(rows.reduce((sum, r) => sum + r.chargedMinutes, 0));
      expect(y.conversations).toBe(rows.length);
    }
    for (const r of s.rows) {
      // Incidents never consume hours.
      if (r.classification === 'incident') expect(r.chargedMinutes).toBe(0);
      if (r.classification === 'customer_success') expect(r.chargedMinutes).toBe(0);
      // Charges are whole increments and at least the minimum (when minimum is itself whole increments).
      if (r.classification !== 'incident' && r.classification !== 'customer_success' && r.rule !== 'voided') {
        expect(r.chargedMinutes).toBeGreaterThanOrEqual(rules.minimumMinutes);
        if (rules.minimumMinutes % rules.incrementMinutes === 0)
          expect(r.chargedMinutes % rules.incrementMinutes).toBe(0);
      } else {
        expect(r.chargedMinutes).toBe(0);
      }
    }
    // A statement of one year lists exactly that year's conversations.
    const part = statement(state, account, { from: Y2026.from, to: Y2026.to });
    expect(part.rows).toEqual(m.rows(account).filter((r) => r.openedAt >= Y2026.from && r.openedAt < Y2026.to));
    expect(part.totals.chargedMinutes).toBe(part.rows.reduce((sum, r) => sum + r.chargedMinutes, 0));
  }
}

/** Everything the public API says about a ledger's accounts. */
export function view(state: LedgerState, accounts: readonly string[]) {
  return accounts.map((account) => ({
    account,
    balances: AS_OF.map((asOf) => balances(state, account, asOf === undefined ? {} : { asOf })),
    statement: statement(state, account, EVER),
  }));
}
