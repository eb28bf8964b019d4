import { describe, expect, it } from 'vitest';
import {
  classified,
  d26,
  documented,
  grant,
  handled,
  jan1,
  ledgerWith,
  open,
  renew,
  rowOf,
} from '../../test/fixtures/hours.js';
import {
  applyEvent,
  balances,
  type LedgerEvent,
  type LedgerState,
  replay,
  statement,
  type YearBalance,
} from '../index.js';

const pick = (y: YearBalance | undefined) =>
  y === undefined
    ? undefined
    : {
        year: y.year,
        granted: y.grantedMinutes,
        in: y.carriedInMinutes,
        charged: y.chargedMinutes,
        balance: y.balanceMinutes,
        overage: y.overageMinutes,
        out: y.carriedOutMinutes,
        expired: y.expiredMinutes,
      };

/** balance + charged = granted + carriedIn − carriedOut − expired, for every year. */
function expectConservation(years: readonly YearBalance[]) {
  for (const y of years) {
    expect(y.balanceMinutes + y.chargedMinutes, `year ${y.year}`).toBe(
      y.grantedMinutes + y.carriedInMinutes - y.carriedOutMinutes - y.expiredMinutes,
    );
    expect(y.overageMinutes, `year ${y.year}`).toBe(Math.max(0, -y.balanceMinutes));
  }
}

/** 2026: 120 minutes, 45 charged (40 → 30 and a documentation answer 15), 75 unused; renewed in 2027 with 60. */
const twoYears: LedgerEvent[] = [
  grant('g', 2026, 120),
  open('o1', 'T1', d26(2, 1)),
  handled('h1', 'T1', 40, d26(2, 1)),
  open('o2', 'T2', d26(5, 1)),
  documented('d2', 'T2', d26(5, 1)),
  renew('r', 2027, 60),
  open('o3', 'T3', Date.UTC(2027, 2, 1)),
];

describe('overage: running out never loses a record', () => {
  it('work beyond the package is charged in full, reported as overage and a negative balance', () => {
    const state = replay(ledgerWith(), [
      grant('g', 2026, 60),
      open('o', 'T', d26(6, 1)),
      handled('h', 'T', 100, d26(6, 1)),
    ]);
    expect(pick(balances(state, 'acme')[0])).toEqual({
      year: '2026',
      granted: 60,
      in: 0,
      charged: 90,
      balance: -30,
      overage: 30,
      out: 0,
      expired: 0,
    });
    expect(rowOf(state, 'T')).toMatchObject({ handledMinutes: 100, chargedMinutes: 90 });
  });

  it('every conversation after the package is used up is still recorded and charged', () => {
    const events = [
      grant('g', 2026, 30),
      ...[1, 2, 3, 4].flatMap((n) => [open(`o${n}`, `T${n}`, d26(n, 2)), handled(`h${n}`, `T${n}`, 30, d26(n, 2))]),
    ];
    const state = replay(ledgerWith(), events);
    const [y] = balances(state, 'acme');
    expect({ charged: y?.chargedMinutes, overage: y?.overageMinutes, conversations: y?.conversations }).toEqual({
      charged: 120,
      overage: 90,
      conversations: 4,
    });
    expect(statement(state, 'acme', { from: jan1(2026), to: jan1(2027) }).rows).toHaveLength(4);
  });

  it('incidents never consume hours, even from an exhausted package', () => {
    const base = replay(ledgerWith(), [grant('g', 2026, 15), open('o1', 'T1', d26(1, 5))]);
    const withIncident = replay(base, [
      open('o2', 'T2', d26(1, 6)),
      handled('h2', 'T2', 300),
      classified('c2', 'T2', 'incident'),
    ]);
    expect(pick(balances(withIncident, 'acme')[0])).toEqual(pick(balances(base, 'acme')[0]));
  });
});

describe('carry-over across a renewal (contract_renewed with previousYear), and expiry of the rest', () => {
  it("carry-over 'none' (standard): the unused 75 minutes expire when the year is renewed", () => {
    const b = balances(replay(ledgerWith(), twoYears), 'acme');
    expect(b.map(pick)).toEqual([
      { year: '2026', granted: 120, in: 0, charged: 45, balance: 0, overage: 0, out: 0, expired: 75 },
      { year: '2027', granted: 60, in: 0, charged: 15, balance: 45, overage: 0, out: 0, expired: 0 },
    ]);
    expectConservation(b);
  });

  it("carry-over 'all': the unused 75 minutes move to the renewed year, nothing expires", () => {
    const b = balances(replay(ledgerWith({ carryOver: { kind: 'all' } }), twoYears), 'acme');
    expect(b.map(pick)).toEqual([
      { year: '2026', granted: 120, in: 0, charged: 45, balance: 0, overage: 0, out: 75, expired: 0 },
      { year: '2027', granted: 60, in: 75, charged: 15, balance: 120, overage: 0, out: 0, expired: 0 },
    ]);
    expectConservation(b);
  });

  it("carry-over 'capped' at 30: 30 minutes move, the other 45 expire", () => {
    const b = balances(replay(ledgerWith({ carryOver: { kind: 'capped', capMinutes: 30 } }), twoYears), 'acme');
    expect(b.map(pick)).toEqual([
      { year: '2026', granted: 120, in: 0, charged: 45, balance: 0, overage: 0, out: 30, expired: 45 },
      { year: '2027', granted: 60, in: 30, charged: 15, balance: 75, overage: 0, out: 0, expired: 0 },
    ]);
    expectConservation(b);
  });

  it('a cap larger than the unused minutes carries only what is unused', () => {
    const b = balances(replay(ledgerWith({ carryOver: { kind: 'capped', capMinutes: 500 } }), twoYears), 'acme');
    expect([b[0]?.carriedOutMinutes, b[0]?.expiredMinutes, b[1]?.carriedInMinutes]).toEqual([75, 0, 75]);
  });

  it('a year in overage carries nothing over, and its overage stays reported', () => {
    const events = [
      grant('g', 2026, 30),
      open('o', 'T', d26(3, 1)),
      handled('h', 'T', 60, d26(3, 1)),
      renew('r', 2027, 60),
    ];
    const b = balances(replay(ledgerWith({ carryOver: { kind: 'all' } }), events), 'acme');
    expect(b.map(pick)).toEqual([
      { year: '2026', granted: 30, in: 0, charged: 60, balance: -30, overage: 30, out: 0, expired: 0 },
      { year: '2027', granted: 60, in: 0, charged: 0, balance: 60, overage: 0, out: 0, expired: 0 },
    ]);
    expectConservation(b);
  });

  it("carried minutes flow down a chain of renewals ('all'): 2026 → 2027 → 2028", () => {
    const events = [...twoYears, renew('r2', 2028, 10)];
    const b = balances(replay(ledgerWith({ carryOver: { kind: 'all' } }), events), 'acme');
    expect(b.map((y) => [y.year, y.carriedInMinutes, y.carriedOutMinutes, y.balanceMinutes])).toEqual([
      ['2026', 0, 75, 0],
      ['2027', 75, 120, 0],
      ['2028', 120, 0, 130],
    ]);
    expectConservation(b);
  });

  it('balance + charged = granted + carriedIn − carriedOut − expired for every year, every rule, with or without asOf', () => {
    const carries = [{ kind: 'none' }, { kind: 'all' }, { kind: 'capped', capMinutes: 20 }] as const;
    const overage = [open('o9', 'T9', Date.UTC(2027, 5, 1)), handled('h9', 'T9', 200, Date.UTC(2027, 5, 1))];
    for (const carryOver of carries) {
      let state: LedgerState = ledgerWith({ carryOver });
      for (const e of [...twoYears, ...overage]) {
        state = applyEvent(state, e);
        for (const asOf of [undefined, jan1(2026), jan1(2027), jan1(2028)])
          expectConservation(balances(state, 'acme', asOf === undefined ? {} : { asOf }));
      }
    }
  });
});

describe('expiry is reported only once the year is renewed or asOf is past its end', () => {
  const oneYear = [grant('g', 2026, 120), open('o', 'T', d26(2, 1))];
  const state = replay(ledgerWith(), oneYear);

  it('a year neither renewed nor ended by asOf keeps its balance', () => {
    expect(pick(balances(state, 'acme')[0])).toMatchObject({ balance: 105, expired: 0 });
    expect(pick(balances(state, 'acme', { asOf: jan1(2027) - 1 })[0])).toMatchObject({ balance: 105, expired: 0 });
  });

  it('asOf at or after the end of the year expires the unused minutes (a Date is accepted)', () => {
    expect(pick(balances(state, 'acme', { asOf: jan1(2027) })[0])).toMatchObject({ balance: 0, expired: 105 });
    expect(pick(balances(state, 'acme', { asOf: new Date(Date.UTC(2030, 0, 1)) })[0])).toMatchObject({
      balance: 0,
      expired: 105,
    });
    const all = replay(ledgerWith({ carryOver: { kind: 'all' } }), oneYear);
    expect(pick(balances(all, 'acme', { asOf: jan1(2027) })[0])).toMatchObject({ balance: 0, out: 0, expired: 105 });
  });

  it('the statement reports the same expiry with its own asOf', () => {
    const s = statement(state, 'acme', { from: jan1(2026), to: jan1(2027), asOf: jan1(2027) });
    expect(pick(s.years[0])).toMatchObject({ balance: 0, expired: 105 });
    expect(pick(statement(state, 'acme', { from: jan1(2026), to: jan1(2027) }).years[0])).toMatchObject({
      balance: 105,
      expired: 0,
    });
  });
});

describe('renewals are chained forward in time, once', () => {
  // Regression: a renewal dated before the year it renews was once accepted, and its carried
  // minutes vanished (carried out of one year, into none).
  it('a renewal dated before the year it renews is invalid_event at its start', () => {
    const backwards = { ...renew('r', 2025, 100), previousYear: '2026' };
    const state = applyEvent(ledgerWith({ carryOver: { kind: 'all' } }), grant('g', 2026, 600));
    expect(() => applyEvent(state, backwards)).toThrow(
      expect.objectContaining({ code: 'invalid_event', path: ['event', 'from'] }),
    );
  });

  it('a year renewed twice is an event_conflict', () => {
    const state = applyEvent(
      applyEvent(ledgerWith({ carryOver: { kind: 'all' } }), grant('g', 2026, 600)),
      renew('r1', 2027, 600),
    );
    const again = { ...renew('r2', 2028, 600), previousYear: '2026' };
    expect(() => applyEvent(state, again)).toThrow(
      expect.objectContaining({ code: 'event_conflict', path: ['event', 'previousYear'] }),
    );
  });

  it('minutes carried out of a year are carried into its renewal', () => {
    const state = applyEvent(
      applyEvent(ledgerWith({ carryOver: { kind: 'all' } }), grant('g', 2026, 600)),
      renew('r', 2027, 100),
    );
    const b = balances(state, 'acme');
    expect(b.reduce((s, y) => s + y.carriedInMinutes, 0)).toBe(b.reduce((s, y) => s + y.carriedOutMinutes, 0));
  });
});
