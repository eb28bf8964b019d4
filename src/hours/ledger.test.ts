import { describe, expect, it } from 'vitest';
import {
  classified,
  d26,
  documented,
  expectInvalid,
  grant,
  handled,
  ledgerWith,
  open,
  renew,
  rowOf,
  shuffled,
  snapshot,
  voided,
} from '../../test/fixtures/hours.js';
import { applyEvent, balances, type LedgerEvent, type LedgerState, replay } from '../index.js';
import { mapGet } from '../internal/persistentMap.js';

const empty = ledgerWith();
const applyAll = (events: readonly LedgerEvent[], state: LedgerState = empty) =>
  events.reduce<LedgerState>((s, e) => applyEvent(s, e), state);
const chargedOf = (state: LedgerState) => balances(state, 'acme')[0]?.chargedMinutes;

describe('reclassification: the final classification decides (SPEC §5)', () => {
  const base = [grant('g', 2026, 600), open('o', 'T', d26(3, 2)), handled('h', 'T', 40)];
  const roundTrip = [
    classified('c1', 'T', 'normal', d26(3, 2, 10)),
    classified('c2', 'T', 'incident', d26(3, 3)),
    classified('c3', 'T', 'normal', d26(3, 4)),
  ];

  it('normal → incident → normal charges exactly once (30 for 40 minutes handled)', () => {
    const state = replay(empty, [...base, ...roundTrip]);
    expect(rowOf(state, 'T')).toMatchObject({ classification: 'normal', chargedMinutes: 30, rule: 'handled_rounded' });
    expect(chargedOf(state)).toBe(30);
  });

  it('normal → incident gives the deduction back: after the incident classification the balance is whole again', () => {
    const charged = applyAll([...base, classified('c1', 'T', 'normal', d26(3, 2, 10))]);
    expect(balances(charged, 'acme')[0]?.balanceMinutes).toBe(570);
    const refunded = applyEvent(charged, classified('c2', 'T', 'incident', d26(3, 3)));
    expect(balances(refunded, 'acme')[0]?.balanceMinutes).toBe(600);
  });

  it('the order the classified events arrive in does not matter: the latest `at` decides', () => {
    const forward = applyAll([...base, ...roundTrip]);
    const backward = applyAll([...base, ...[...roundTrip].reverse()]);
    expect(snapshot(backward)).toEqual(snapshot(forward));
    const lateIncident = [classified('c1', 'T', 'incident', d26(3, 5)), classified('c2', 'T', 'normal', d26(3, 4))];
    for (const order of [lateIncident, [...lateIncident].reverse()]) {
      expect(rowOf(applyAll([...base, ...order]), 'T')).toMatchObject({
        classification: 'incident',
        chargedMinutes: 0,
      });
    }
  });

  it('classifications at the same `at` are decided by the greater event id, in either arrival order', () => {
    const tie = [classified('c-a', 'T', 'normal', d26(3, 3)), classified('c-b', 'T', 'incident', d26(3, 3))];
    for (const order of [tie, [...tie].reverse()]) {
      expect(rowOf(replay(empty, [...base, ...order]), 'T')).toMatchObject({
        classification: 'incident',
        chargedMinutes: 0,
      });
    }
  });

  it('incident → expected behaviour is charged as a normal conversation (SPEC §5)', () => {
    const state = replay(empty, [
      ...base,
      classified('c1', 'T', 'incident', d26(3, 3)),
      classified('c2', 'T', 'expected_behaviour', d26(3, 6)),
    ]);
    expect(rowOf(state, 'T')).toMatchObject({
      classification: 'expected_behaviour',
      chargedMinutes: 30,
      rule: 'handled_rounded',
    });
  });
});

describe('idempotency: an event id is applied once', () => {
  const events = [
    grant('g', 2026, 600),
    open('o1', 'T1', d26(3, 2)),
    handled('h1', 'T1', 40),
    open('o2', 'T2', d26(4, 1)),
    documented('d2', 'T2', d26(4, 1)),
  ];
  const once = replay(empty, events);

  it('applying the same event twice changes nothing (balances and statement equal)', () => {
    for (const e of events) expect(snapshot(applyEvent(once, e)), e.id).toEqual(snapshot(once));
    expect(snapshot(applyEvent(once, handled('h1', 'T1', 40)))).toEqual(snapshot(once));
  });

  it('the same event with its fields in another order is the same event', () => {
    const reordered: LedgerEvent = {
      minutes: 40,
      conversation: 'T1',
      at: d26(3, 2),
      account: 'acme',
      kind: 'time_handled',
      id: 'h1',
    };
    expect(snapshot(applyEvent(once, reordered))).toEqual(snapshot(once));
  });

  it('replay of a list with duplicates equals replay without', () => {
    expect(snapshot(replay(empty, [...events, ...events, events[2] as LedgerEvent]))).toEqual(snapshot(once));
    expect(snapshot(replay(once, events))).toEqual(snapshot(once));
  });

  it("the same id with different content is an 'event_conflict' at ['event', 'id']", () => {
    expectInvalid(() => applyEvent(once, handled('h1', 'T1', 45)), 'event_conflict', ['event', 'id']);
    expectInvalid(() => applyEvent(once, handled('h1', 'T2', 40)), 'event_conflict', ['event', 'id']);
    expectInvalid(() => applyEvent(once, { ...grant('g', 2026, 600), minutes: 601 }), 'event_conflict', [
      'event',
      'id',
    ]);
    expectInvalid(() => replay(empty, [...events, handled('h1', 'T1', 45)]), 'event_conflict', ['events', 5, 'id']);
  });

  it('a rejected call leaves the previous state usable and unchanged', () => {
    const before = snapshot(once);
    const copy = structuredClone(once);
    expectInvalid(() => applyEvent(once, handled('h1', 'T1', 45)), 'event_conflict');
    expectInvalid(() => replay(once, [handled('h9', 'T1', 10), handled('h1', 'T1', 45)]), 'event_conflict');
    expectInvalid(() => applyEvent(once, handled('h9', 'T1', -5)), 'invalid_event');
    expect(once).toEqual(copy);
    expect(snapshot(once)).toEqual(before);
    const next = applyEvent(once, handled('h3', 'T1', 20));
    expect(chargedOf(next)).toBe(60 + 15);
    expect(chargedOf(once)).toBe(30 + 15);
  });

  it('applyEvent and replay never modify the state they are given', () => {
    const copy = structuredClone(once);
    applyEvent(once, handled('h3', 'T1', 20));
    replay(once, [classified('c', 'T1', 'incident'), open('o3', 'T3', d26(5, 1))]);
    expect(once).toEqual(copy);
  });
});

describe('order independence across conversations', () => {
  const events: LedgerEvent[] = [
    grant('g', 2026, 120),
    renew('r', 2027, 60),
    open('o1', 'T1', d26(2, 1)),
    handled('h1', 'T1', 40, d26(2, 1)),
    handled('h1b', 'T1', 35, d26(2, 2)),
    open('o2', 'T2', d26(2, 3), { channel: 'chat' }),
    classified('c2', 'T2', 'incident', d26(2, 4)),
    classified('c2b', 'T2', 'normal', d26(2, 5)),
    open('o3', 'T3', d26(3, 1)),
    documented('d3', 'T3', d26(3, 1)),
    handled('h3', 'T3', 50, d26(3, 1)),
    open('o4', 'T4', d26(4, 1)),
    voided('v4', 'T4', d26(4, 2)),
    open('o5', 'T5', Date.UTC(2027, 1, 1)),
    handled('h5', 'T5', 95, Date.UTC(2027, 1, 1)),
    handled('h6', 'T6', 10, d26(6, 1)),
  ];
  const reference = snapshot(replay(empty, events));

  it('the reference ledger charges what the rules say (75→75, incident→normal 15, documentation 15, voided 0, 95→90)', () => {
    expect(reference.statement.rows.map((r) => [r.conversation, r.chargedMinutes, r.rule])).toEqual([
      ['T1', 75, 'handled_rounded'],
      ['T2', 15, 'minimum'],
      ['T3', 15, 'documentation_minimum'],
      ['T4', 0, 'voided'],
      ['T5', 90, 'handled_rounded'],
    ]);
    expect(reference.statement.pending).toEqual(['T6']);
  });

  it('replay of a shuffled list equals replay of the original (balances and statement rows)', () => {
    for (let seed = 1; seed <= 25; seed++)
      expect(snapshot(replay(empty, shuffled(events, seed))), `seed ${seed}`).toEqual(reference);
    expect(snapshot(replay(empty, [...events].reverse()))).toEqual(reference);
  });

  it('applyEvent one by one, packages and renewals first, equals replay', () => {
    const phase = (e: LedgerEvent) => (e.kind === 'package_granted' ? 0 : e.kind === 'contract_renewed' ? 1 : 2);
    const byKind = [...events].sort((a, b) => phase(a) - phase(b) || a.kind.localeCompare(b.kind));
    expect(snapshot(applyAll(byKind))).toEqual(reference);
    expect(snapshot(applyAll([...byKind.slice(0, 2), ...shuffled(byKind.slice(2), 7)]))).toEqual(reference);
  });

  it('replay in two batches, in any split, equals one replay', () => {
    const list = shuffled(events, 3);
    const isYear = (e: LedgerEvent) => e.kind === 'package_granted' || e.kind === 'contract_renewed';
    const withPackages = [
      ...list
        .filter(isYear)
        .sort((a, b) => a.kind.localeCompare(b.kind))
        .reverse(),
      ...list.filter((e) => !isYear(e)),
    ];
    for (const cut of [1, 5, 10, 15]) {
      expect(snapshot(replay(replay(empty, withPackages.slice(0, cut)), withPackages.slice(cut)))).toEqual(reference);
    }
  });
});

describe('replaying a JSON log', () => {
  it('a field set to undefined is the same event as the field left out (as in JSON)', () => {
    const base = applyEvent(ledgerWith(), grant('g', 2026, 600));
    const inMemory: LedgerEvent = {
      id: 'o',
      kind: 'conversation_opened',
      account: 'acme',
      at: Date.UTC(2026, 1, 1),
      conversation: 'T-1',
      channel: 'ticket',
      client: undefined,
    };
    const once = applyEvent(base, inMemory);
    const fromLog = JSON.parse(JSON.stringify(inMemory));
    expect(() => applyEvent(once, fromLog)).not.toThrow();
  });
});

describe('a state is a value: applying an event shares what it does not touch', () => {
  const accounts = ['acme', 'globex', 'initech'];
  const history = accounts.flatMap((a) => [
    grant(`g-${a}`, 2026, 600, a),
    open(`o-${a}`, 'T', d26(3, 2), { account: a }),
    handled(`h-${a}`, 'T', 40, d26(3, 2), a),
    open(`o2-${a}`, 'U', d26(4, 2), { account: a }),
  ]);
  const before = replay(empty, history);

  it('the state an event was applied to reads as before and equals its copy', () => {
    const copy = structuredClone(before);
    const reads = accounts.map((a) => snapshot(before, a));
    const after = applyAll(
      [handled('h2', 'T', 60, d26(3, 3)), classified('c', 'U', 'incident'), grant('g2', 2027, 60)],
      before,
    );
    expect(accounts.map((a) => snapshot(before, a))).toEqual(reads);
    expect(before).toEqual(copy);
    expect(snapshot(after).balances.map((y) => y.chargedMinutes)).toEqual([90, 0]);
  });

  it('the other accounts, and the other conversations of the account, are the same objects in both states', () => {
    const after = applyEvent(before, handled('h2', 'T', 60, d26(3, 3)));
    for (const a of ['globex', 'initech']) expect(mapGet(after.accounts, a)).toBe(mapGet(before.accounts, a));
    const acmeBefore = mapGet(before.accounts, 'acme')!;
    const acmeAfter = mapGet(after.accounts, 'acme')!;
    expect(mapGet(acmeAfter.conversations, 'U')).toBe(mapGet(acmeBefore.conversations, 'U'));
    expect(mapGet(acmeAfter.conversations, 'T')).not.toBe(mapGet(acmeBefore.conversations, 'T'));
    expect(mapGet(acmeAfter.events, 'o-acme')).toBe(mapGet(acmeBefore.events, 'o-acme'));
  });

  it('an event already applied returns the same state; one refused leaves the state as it was', () => {
    expect(applyEvent(before, history[2]!)).toBe(before);
    const copy = structuredClone(before);
    expectInvalid(() => applyEvent(before, handled('h-acme', 'T', 41)), 'event_conflict', ['event', 'id']);
    expect(before).toEqual(copy);
  });

  it('a replay onto a state leaves that state as it was, and shares the accounts it does not touch', () => {
    const copy = structuredClone(before);
    const after = replay(before, [handled('h2', 'T', 60, d26(3, 3)), handled('h3', 'T', 5, d26(3, 4))]);
    expect(before).toEqual(copy);
    expect(mapGet(after.accounts, 'globex')).toBe(mapGet(before.accounts, 'globex'));
    expect(rowOf(after, 'T').handledMinutes).toBe(105);
    expect(rowOf(before, 'T').handledMinutes).toBe(40);
  });
});
