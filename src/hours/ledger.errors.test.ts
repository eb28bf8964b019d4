import { describe, expect, it } from 'vitest';
import {
  d26,
  expectInvalid,
  grant,
  handled,
  jan1,
  ledgerWith,
  open,
  renew,
  snapshot,
} from '../../test/fixtures/hours.js';
import {
  applyEvent,
  balances,
  createLedger,
  dedicatedSupport,
  type LedgerEvent,
  parsePolicy,
  replay,
  statement,
} from '../index.js';

const empty = ledgerWith();
const granted = applyEvent(empty, grant('g', 2026, 600));

describe('bad input is a typed error, and nothing is half-applied', () => {
  it("a conversation event before any package of its account is 'unknown_account'", () => {
    expectInvalid(() => applyEvent(empty, open('o', 'T', d26(3, 2))), 'unknown_account', ['event', 'account']);
    expectInvalid(() => applyEvent(granted, open('o', 'T', d26(3, 2), { account: 'other' })), 'unknown_account', [
      'event',
      'account',
    ]);
    expectInvalid(() => applyEvent(empty, renew('r', 2027, 60)), 'unknown_account', ['event', 'account']);
  });

  it("negative, NaN, fractional and infinite minutes are 'invalid_event' at ['event', 'minutes']", () => {
    for (const minutes of [-1, Number.NaN, 1.5, Number.POSITIVE_INFINITY]) {
      expectInvalid(() => applyEvent(granted, handled('h', 'T', minutes)), 'invalid_event', ['event', 'minutes']);
    }
    expectInvalid(() => applyEvent(empty, grant('g', 2026, -60)), 'invalid_event', ['event', 'minutes']);
    // @ts-expect-error minutes as a string
    const asText: LedgerEvent = { ...handled('h', 'T', 30), minutes: '30' };
    expectInvalid(() => applyEvent(granted, asText), 'invalid_event', ['event', 'minutes']);
  });

  it("a NaN or fractional instant is 'invalid_event' at ['event', 'at']", () => {
    expectInvalid(() => applyEvent(granted, { ...open('o', 'T', d26(3, 2)), at: Number.NaN }), 'invalid_event', [
      'event',
      'at',
    ]);
    expectInvalid(() => applyEvent(granted, { ...open('o', 'T', d26(3, 2)), at: d26(3, 2) + 0.5 }), 'invalid_event', [
      'event',
      'at',
    ]);
  });

  it("an event dated outside every contract year is 'outside_contract_year' at ['event', 'at']", () => {
    expectInvalid(() => applyEvent(granted, open('o', 'T', jan1(2027))), 'outside_contract_year', ['event', 'at']);
    expectInvalid(() => applyEvent(granted, handled('h', 'T', 30, jan1(2026) - 1)), 'outside_contract_year', [
      'event',
      'at',
    ]);
    expect(balances(applyEvent(granted, open('o', 'T', jan1(2027) - 1)), 'acme')[0]?.chargedMinutes).toBe(15);
  });

  it("a renewal naming an unknown previous year is 'invalid_event' at ['event', 'previousYear']", () => {
    const r = { ...renew('r', 2027, 60), previousYear: '2019' };
    expectInvalid(() => applyEvent(granted, r), 'invalid_event', ['event', 'previousYear']);
  });

  it("overlapping contract years are 'invalid_event'; a year ending before it starts too", () => {
    const overlapping = { ...grant('g2', 2027, 60), from: Date.UTC(2026, 11, 31) };
    expectInvalid(() => applyEvent(granted, overlapping), 'invalid_event', ['event', 'from']);
    expectInvalid(() => applyEvent(granted, { ...renew('r', 2027, 60), from: Date.UTC(2026, 6, 1) }), 'invalid_event', [
      'event',
      'from',
    ]);
    expectInvalid(() => applyEvent(empty, { ...grant('g', 2026, 60), to: jan1(2026) }), 'invalid_event', [
      'event',
      'to',
    ]);
  });

  it("a second package for the same year id is an 'event_conflict' at ['event', 'year']", () => {
    expectInvalid(() => applyEvent(granted, { ...grant('g2', 2030, 60), year: '2026' }), 'event_conflict', [
      'event',
      'year',
    ]);
  });

  it("a second conversation_opened for one conversation is an 'event_conflict' at ['event', 'conversation']", () => {
    const opened = applyEvent(granted, open('o1', 'T', d26(3, 2)));
    expectInvalid(() => applyEvent(opened, open('o2', 'T', d26(3, 5))), 'event_conflict', ['event', 'conversation']);
    expectInvalid(() => replay(granted, [open('o1', 'T', d26(3, 2)), open('o2', 'T', d26(3, 2))]), 'event_conflict', [
      'events',
      1,
      'conversation',
    ]);
  });

  it("an unknown kind, an unknown field or a missing field is 'invalid_event' (and none compiles)", () => {
    // @ts-expect-error a misspelt kind
    const misspelt: LedgerEvent = { ...handled('h', 'T', 30), kind: 'time_spent' };
    expectInvalid(() => applyEvent(granted, misspelt), 'invalid_event', ['event', 'kind']);
    // @ts-expect-error a field no event has
    const unknownField: LedgerEvent = { ...handled('h', 'T', 30), note: 'x' };
    expectInvalid(() => applyEvent(granted, unknownField), 'invalid_event', ['event', 'note']);
    const { conversation: _dropped, ...missing } = handled('h', 'T', 30);
    // @ts-expect-error a missing field
    expectInvalid(() => applyEvent(granted, missing), 'invalid_event', ['event', 'conversation']);
    expectInvalid(() => applyEvent(granted, { ...handled('h', 'T', 30), id: '' }), 'invalid_event', ['event', 'id']);
    // @ts-expect-error not an event
    expectInvalid(() => applyEvent(granted, null), 'invalid_event');
    // @ts-expect-error a field of another kind
    const otherKinds: LedgerEvent = { ...open('o', 'T', d26(3, 2)), as: 'incident' };
    expectInvalid(() => applyEvent(granted, otherKinds), 'invalid_event', ['event', 'as']);
  });

  it("replay reports the offending event's index in the original list (['events', i, ...])", () => {
    const good = [handled('h1', 'T', 30), grant('g', 2026, 600), open('o', 'T', d26(3, 2))];
    expectInvalid(() => replay(empty, [...good, handled('h2', 'T', -3)]), 'invalid_event', ['events', 3, 'minutes']);
    expectInvalid(() => replay(empty, [...good, handled('h2', 'T', 30, jan1(2028))]), 'outside_contract_year', [
      'events',
      3,
      'at',
    ]);
    expectInvalid(() => replay(empty, [handled('h0', 'T', 30, d26(3, 2), 'nobody'), ...good]), 'unknown_account', [
      'events',
      0,
      'account',
    ]);
    expectInvalid(() => replay(empty, [...good, { ...renew('r', 2027, 60), previousYear: 'x' }]), 'invalid_event', [
      'events',
      3,
      'previousYear',
    ]);
  });

  it('a rejected replay returns nothing and leaves the given ledger as it was', () => {
    const before = snapshot(granted);
    const copy = structuredClone(granted);
    expectInvalid(
      () => replay(granted, [open('o', 'T', d26(3, 2)), handled('h', 'T', 30), handled('bad', 'T', -1)]),
      'invalid_event',
    );
    expectInvalid(
      () => replay(granted, [open('o', 'T', d26(3, 2)), handled('h', 'T', 30, jan1(2030))]),
      'outside_contract_year',
    );
    expect(granted).toEqual(copy);
    expect(snapshot(granted)).toEqual(before);
    expect(snapshot(granted).statement.rows).toEqual([]);
  });

  it("createLedger on a policy without support-hours rules (dedicatedSupport) is 'invalid_rule'", () => {
    const policy = parsePolicy(dedicatedSupport);
    expect(policy.supportHours).toBeUndefined();
    expectInvalid(() => createLedger(policy), 'invalid_rule', ['policy', 'supportHours']);
  });

  it("balances and statement of an unknown account are 'unknown_account' at ['account']", () => {
    expectInvalid(() => balances(granted, 'nobody'), 'unknown_account', ['account']);
    expectInvalid(() => statement(granted, 'nobody', { from: jan1(2026), to: jan1(2027) }), 'unknown_account', [
      'account',
    ]);
    expectInvalid(() => balances(empty, 'acme'), 'unknown_account', ['account']);
  });

  it("a statement over an invalid instant is 'invalid_instant'", () => {
    expectInvalid(() => statement(granted, 'acme', { from: Number.NaN, to: jan1(2027) }), 'invalid_instant');
    expectInvalid(() => balances(granted, 'acme', { asOf: new Date(Number.NaN) }), 'invalid_instant');
  });
});
