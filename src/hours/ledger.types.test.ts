import { DateTime } from 'luxon';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { d26, expectInvalid, grant, handled, jan1, ledgerWith, open, snapshot } from '../../test/fixtures/hours.js';
import {
  applyEvent,
  balances,
  type InstantLike,
  type LedgerEvent,
  type LedgerState,
  replay,
  statement,
} from '../index.js';

/**
 * The ledger's events are a union discriminated on `kind`: what does not fit one of its members
 * does not compile (`tsc --noEmit -p .` checks every `@ts-expect-error` below), and is still
 * refused at run time with a typed error. Instants are any `InstantLike`, as in the SLA functions.
 */

const granted = applyEvent(ledgerWith(), grant('g', 2026, 600));
const opened = applyEvent(granted, open('o', 'T', d26(3, 2)));

describe('ledger events are typed', () => {
  it('applyEvent and replay take the union of the seven kinds, with instants of any InstantLike kind', () => {
    expectTypeOf(applyEvent).parameter(1).toEqualTypeOf<LedgerEvent>();
    expectTypeOf(replay).parameter(1).toEqualTypeOf<readonly LedgerEvent[]>();
    expectTypeOf<LedgerEvent['kind']>().toEqualTypeOf<
      | 'package_granted'
      | 'contract_renewed'
      | 'conversation_opened'
      | 'time_handled'
      | 'answered_with_documentation'
      | 'classified'
      | 'conversation_voided'
    >();
    expectTypeOf<LedgerEvent['at']>().toEqualTypeOf<InstantLike>();
    expectTypeOf<Extract<LedgerEvent, { kind: 'package_granted' }>['from']>().toEqualTypeOf<InstantLike>();
    expectTypeOf<LedgerEvent<number>['at']>().toEqualTypeOf<number>();
    expectTypeOf<Extract<LedgerEvent<Date>, { kind: 'contract_renewed' }>['to']>().toEqualTypeOf<Date>();
    expectTypeOf<Extract<LedgerEvent, { kind: 'classified' }>['as']>().toEqualTypeOf<
      'normal' | 'incident' | 'expected_behaviour' | 'customer_success'
    >();
  });

  it('a misspelt kind does not compile, and is invalid_event at kind', () => {
    const misspelt = {
      id: 'h',
      account: 'acme',
      at: d26(3, 2),
      conversation: 'T',
      minutes: 30,
      kind: 'time_handeld',
    } as const;
    // @ts-expect-error 'time_handeld' is no kind of event
    expectInvalid(() => applyEvent(opened, misspelt), 'invalid_event', ['event', 'kind']);
    // @ts-expect-error nor in a list
    expectInvalid(() => replay(opened, [misspelt]), 'invalid_event', ['events', 0, 'kind']);
  });

  it('a field of another kind, a missing field or a field of the wrong type does not compile', () => {
    // @ts-expect-error minutes belong to time_handled, not to conversation_opened
    const withMinutes: LedgerEvent = { ...open('o2', 'T2', d26(3, 2)), minutes: 30 };
    expectInvalid(() => applyEvent(granted, withMinutes), 'invalid_event', ['event', 'minutes']);
    const { minutes: _, ...noMinutes } = handled('h', 'T', 30);
    // @ts-expect-error time_handled needs its minutes
    expectInvalid(() => applyEvent(opened, noMinutes), 'invalid_event', ['event', 'minutes']);
    // @ts-expect-error an instant is not a string
    const asText: LedgerEvent = { ...handled('h', 'T', 30), at: '2026-03-02T09:00:00Z' };
    expectInvalid(() => applyEvent(opened, asText), 'invalid_event', ['event', 'at']);
    const unknownClass: LedgerEvent = {
      id: 'c',
      kind: 'classified',
      account: 'acme',
      at: 0,
      conversation: 'T',
      // @ts-expect-error not a class of conversation
      as: 'bug',
    };
    expectInvalid(() => applyEvent(opened, unknownClass), 'invalid_event', ['event', 'as']);
  });
});

describe('every instant kind the SLA functions take', () => {
  const year = { year: '2026', from: jan1(2026), to: jan1(2027) };
  const inMs: LedgerEvent<number>[] = [
    { id: 'g', kind: 'package_granted', account: 'acme', at: year.from, ...year, minutes: 600 },
    { id: 'o', kind: 'conversation_opened', account: 'acme', at: d26(3, 2), conversation: 'T', channel: 'chat' },
    { id: 'h', kind: 'time_handled', account: 'acme', at: d26(3, 2, 10), conversation: 'T', minutes: 40 },
  ];
  const zoned = (ms: number) => DateTime.fromMillis(ms, { zone: 'Pacific/Chatham' });
  const grantInMs = inMs[0] as Extract<LedgerEvent<number>, { kind: 'package_granted' }>;
  const inOtherKinds: LedgerEvent[] = [
    { ...grantInMs, at: new Date(year.from), from: zoned(year.from), to: new Date(year.to) },
    { ...inMs[1]!, at: zoned(d26(3, 2)) },
    { ...inMs[2]!, at: new Date(d26(3, 2, 10)) },
  ];

  it('an event whose instants are Dates or luxon DateTimes is the event with their epoch ms', () => {
    let state: LedgerState = ledgerWith();
    for (const e of inOtherKinds) state = applyEvent(state, e);
    expect(snapshot(state)).toEqual(snapshot(replay(ledgerWith(), inMs)));
    expect(snapshot(replay(ledgerWith(), inOtherKinds))).toEqual(snapshot(state));
    // The same event again, in epoch ms: a replay, not a conflict.
    expect(applyEvent(state, inMs[2]!)).toBe(state);
  });

  it('balances and statement take any instant kind too', () => {
    const state = replay(ledgerWith(), inMs);
    const asOf = jan1(2027);
    expect(balances(state, 'acme', { asOf: zoned(asOf) })).toEqual(balances(state, 'acme', { asOf }));
    expect(statement(state, 'acme', { from: zoned(year.from), to: new Date(year.to), asOf: zoned(asOf) })).toEqual(
      statement(state, 'acme', { from: year.from, to: year.to, asOf }),
    );
  });

  it("an Invalid Date or an invalid DateTime is 'invalid_event' at its field; one out of range too", () => {
    const e = expectInvalid(
      () => applyEvent(opened, { ...handled('h', 'T', 5), at: new Date(Number.NaN) }),
      'invalid_event',
      ['event', 'at'],
    );
    expect(e.message).toBe('event.at: expected a valid instant (epoch ms, Date or luxon DateTime), got Invalid Date');
    const bad = { ...grant('g2', 2027, 60), to: DateTime.invalid('unparsable') };
    expectInvalid(() => replay(granted, [bad]), 'invalid_event', ['events', 0, 'to']);
    expectInvalid(
      () => applyEvent(opened, { ...handled('h', 'T', 5), at: new Date(Date.UTC(2400, 0, 1)) }),
      'invalid_event',
      ['event', 'at'],
    );
  });
});
