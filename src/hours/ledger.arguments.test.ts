import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import { HOSTILE, notParsedPolicies, untrusted } from '../../test/fixtures/hostile.js';
import { d26, grant, handled, jan1, ledgerWith, open, policyWith } from '../../test/fixtures/hours.js';
import {
  applyEvent,
  balances,
  createLedger,
  type LedgerEvent,
  type LedgerState,
  parsePolicy,
  replay,
  standardSupport,
  statement,
} from '../index.js';

/**
 * Every argument of the ledger's functions gets an answer or a typed error with a code and a path:
 * values whose rendering throws (BigInt in JSON, cyclic, very deep, null-prototype), arguments of
 * the wrong kind, and the one rule for objects passed in (plain objects, known keys, own properties).
 */

/** Instants get the whole list: instantMs describes each of them. */
const HOSTILE_INSTANTS = HOSTILE;

class EventLike {
  readonly id = 'g';
  readonly kind = 'package_granted';
}

const empty = ledgerWith();
const granted = applyEvent(empty, grant('g', 2026, 600));
const year = { from: jan1(2026), to: jan1(2027) };

/** Sets an enumerable field on Object.prototype, as a prototype-pollution bug elsewhere would. */
const pollute = (key: string, value: unknown) => {
  (Object.prototype as Record<string, unknown>)[key] = value;
};
const POLLUTED = ['to', 'asOf', 'note', 'minutes'];
const unpollute = () => {
  for (const key of POLLUTED) delete (Object.prototype as Record<string, unknown>)[key];
};
afterEach(unpollute);

/** What a call throws (checked after the pollution is cleaned up), or a marker when it throws nothing. */
const thrown = (call: () => unknown): unknown => {
  try {
    call();
  } catch (e) {
    return e;
  }
  return 'nothing thrown';
};

describe('a policy or a ledger the library did not make is refused', () => {
  const policy = parsePolicy(standardSupport);
  it.each<[string, unknown]>(notParsedPolicies(policy, standardSupport))(
    "createLedger(%s) is 'invalid_policy' at ['policy'], saying to call parsePolicy",
    (_, value) => {
      const e = errorOf(() => createLedger(untrusted(value)));
      expect([e.code, e.path]).toEqual(['invalid_policy', ['policy']]);
      expect(e.message).toMatch(/^policy: expected a policy returned by parsePolicy .*, got /);
    },
  );

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an empty object', {}],
    ['a null-prototype object', Object.create(null)],
    ['a structuredClone of a ledger', structuredClone(granted)],
    ['a spread copy of a ledger', { ...granted }],
  ])("%s as the ledger is 'invalid_state' at ['ledger'] for every ledger function", (_, value) => {
    const ledger = untrusted<LedgerState>(value);
    const calls: (() => unknown)[] = [
      () => applyEvent(ledger, grant('g', 2026, 600)),
      () => replay(ledger, []),
      () => balances(ledger, 'acme'),
      () => statement(ledger, 'acme', year),
    ];
    for (const call of calls) {
      const e = errorOf(call);
      expect([e.code, e.path]).toEqual(['invalid_state', ['ledger']]);
      expect(e.message).toMatch(/^ledger: expected a ledger returned by createLedger, applyEvent or replay, got /);
    }
  });

  it('replay(42, []) no longer returns a ledger', () => {
    expect(errorOf(() => replay(untrusted(42), [])).code).toBe('invalid_state');
  });

  it('every ledger the functions return is accepted by the others', () => {
    const made = [createLedger(policyWith()), granted, replay(granted, [open('o', 'T', d26(3, 2))])];
    for (const ledger of made) {
      const again = applyEvent(replay(ledger, [grant('g', 2026, 600)]), grant('g', 2026, 600));
      expect(balances(again, 'acme')).toHaveLength(1);
    }
  });
});

describe('events', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a string', 'package_granted'],
    ['an array', [grant('g', 2026, 600)]],
    ['a class instance', new EventLike()],
    ['an object inheriting its fields', Object.create(grant('g', 2026, 600))],
  ])("%s as an event is 'invalid_event' at ['event'] (and at ['events', i] in a replay)", (_, value) => {
    const e = errorOf(() => applyEvent(empty, untrusted(value)));
    expect([e.code, e.path]).toEqual(['invalid_event', ['event']]);
    expect(e.message).toMatch(/^event: expected an event \(a plain object\), got /);
    expect(errorOf(() => replay(empty, [grant('g', 2026, 600), untrusted(value)])).path).toEqual(['events', 1]);
  });

  it('a null-prototype event with valid fields is applied like a plain one', () => {
    const bare = Object.assign(Object.create(null) as object, grant('g', 2026, 600)) as LedgerEvent;
    expect(balances(applyEvent(empty, bare), 'acme')).toEqual(balances(granted, 'acme'));
    const e = errorOf(() => applyEvent(empty, untrusted(Object.create(null))));
    expect([e.code, e.path[0]]).toEqual(['invalid_event', 'event']);
  });

  describe.each(HOSTILE)('%s in a field', (_, value) => {
    it.each(['id', 'account', 'kind', 'at', 'minutes'])(
      "as the field %s is 'invalid_event' at that field, with a message",
      (field) => {
        const e = errorOf(() => applyEvent(granted, untrusted({ ...handled('h', 'T', 30), [field]: value })));
        expect([e.code, e.path]).toEqual(['invalid_event', ['event', field]]);
        expect(e.message).toMatch(new RegExp(`^event\\.${field}: `));
        const inReplay = errorOf(() =>
          replay(granted, [open('o', 'T', d26(3, 2)), untrusted({ ...handled('h', 'T', 30), [field]: value })]),
        );
        expect(inReplay.path).toEqual(['events', 1, field]);
      },
    );
  });

  it.each<[string, unknown]>([
    ['a number', 42],
    ['null', null],
    ['an object', {}],
    ['undefined', undefined],
    ['a string', 'events'],
  ])("replay(ledger, %s) is 'invalid_event' at ['events']", (_, value) => {
    const e = errorOf(() => replay(granted, untrusted(value)));
    expect([e.code, e.path]).toEqual(['invalid_event', ['events']]);
    expect(e.message).toMatch(/^events: expected a list of events, got /);
  });

  it("a hole in the list of events is 'invalid_event' at its index, not read from Array.prototype", () => {
    const events: unknown[] = [grant('g2', 2027, 60)];
    events[2] = open('o', 'T', d26(3, 2));
    expect(errorOf(() => replay(granted, untrusted(events))).path).toEqual(['events', 1]);
  });

  it('an unknown field is refused at its path; a polluted Object.prototype is not read as a field', () => {
    expect(errorOf(() => applyEvent(granted, untrusted({ ...open('o', 'T', d26(3, 2)), note: 'x' }))).path).toEqual([
      'event',
      'note',
    ]);
    const { minutes: _, ...noMinutes } = handled('h', 'T', 30) as { minutes: number };
    pollute('note', 'x');
    const opened = applyEvent(granted, open('o', 'T', d26(3, 2)));
    const replayed = replay(granted, [open('o', 'T', d26(3, 2))]);
    pollute('minutes', 30);
    const inherited = thrown(() => applyEvent(opened, untrusted(noMinutes)));
    const inheritedInReplay = thrown(() => replay(opened, [untrusted(noMinutes)]));
    unpollute();
    expect(statement(opened, 'acme', year).rows).toHaveLength(1);
    expect(statement(replayed, 'acme', year).rows).toHaveLength(1);
    expect(inherited).toMatchObject({ code: 'invalid_event', path: ['event', 'minutes'] });
    expect(inheritedInReplay).toMatchObject({ code: 'invalid_event', path: ['events', 0, 'minutes'] });
  });

  it('a field added to Object.prototype as a non-enumerable property is not read either', () => {
    const { minutes: _, ...noMinutes } = handled('h', 'T', 30) as { minutes: number };
    const opened = applyEvent(granted, open('o', 'T', d26(3, 2)));
    Object.defineProperty(Object.prototype, 'minutes', { value: 30, configurable: true, writable: true });
    const inherited = thrown(() => applyEvent(opened, untrusted(noMinutes)));
    const inheritedInReplay = thrown(() => replay(opened, [untrusted(noMinutes)]));
    unpollute();
    expect(inherited).toMatchObject({ code: 'invalid_event', path: ['event', 'minutes'] });
    expect(inheritedInReplay).toMatchObject({ code: 'invalid_event', path: ['events', 0, 'minutes'] });
  });
});

describe('balances', () => {
  it.each(HOSTILE)("%s as the account is 'unknown_account' at ['account'], with a message", (_, value) => {
    const e = errorOf(() => balances(granted, untrusted(value)));
    expect([e.code, e.path]).toEqual(['unknown_account', ['account']]);
    expect(e.message).toMatch(/^account: expected an account of the ledger, got /);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a string', 'asOf'],
    ['an array', []],
    ['a class instance', new Date(0)],
    ['an object inheriting asOf', Object.create({ asOf: jan1(2030) })],
  ])("%s as options is 'invalid_option' at ['options']", (_, value) => {
    const e = errorOf(() => balances(granted, 'acme', untrusted(value)));
    expect([e.code, e.path]).toEqual(['invalid_option', ['options']]);
  });

  it("an unknown option is 'invalid_option' at its path", () => {
    const e = errorOf(() => balances(granted, 'acme', untrusted({ asof: jan1(2030) })));
    expect([e.code, e.path]).toEqual(['invalid_option', ['options', 'asof']]);
  });

  it.each(HOSTILE_INSTANTS)("%s as asOf is 'invalid_instant' at ['asOf']", (_, value) => {
    const e = errorOf(() => balances(granted, 'acme', { asOf: untrusted(value) }));
    expect([e.code, e.path]).toEqual(['invalid_instant', ['asOf']]);
  });

  it('an asOf of a polluted Object.prototype is not read', () => {
    pollute('asOf', jan1(2030));
    const withEmpty = balances(granted, 'acme', {});
    const withNone = balances(granted, 'acme');
    unpollute();
    expect(withEmpty[0]?.expiredMinutes).toBe(0);
    expect(withNone[0]?.expiredMinutes).toBe(0);
  });
});

describe('statement', () => {
  it.each(HOSTILE)("%s as the account is 'unknown_account' at ['account'], with a message", (_, value) => {
    const e = errorOf(() => statement(granted, untrusted(value), year));
    expect([e.code, e.path]).toEqual(['unknown_account', ['account']]);
    expect(e.message).toMatch(/^account: expected an account of the ledger, got /);
  });

  it.each<[string, unknown]>([
    ['undefined (no account)', undefined],
    ['a number', 42],
    ['the former single argument { account, from, to }', { account: 'acme', ...year }],
  ])("%s as the account is 'unknown_account' at ['account'], before the period is read", (_, value) => {
    const e = errorOf(() => statement(granted, untrusted(value), untrusted(value)));
    expect([e.code, e.path]).toEqual(['unknown_account', ['account']]);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a class instance', new Date(0)],
    ['an object inheriting its fields', Object.create(year)],
  ])("%s as the period is 'invalid_option' at ['period']", (_, value) => {
    const e = errorOf(() => statement(granted, 'acme', untrusted(value)));
    expect([e.code, e.path]).toEqual(['invalid_option', ['period']]);
    expect(e.message).toMatch(/^period: expected a period \{ from, to, asOf\? \}, got /);
  });

  it.each(['until', 'account'])("an unknown field %s of the period is 'invalid_option' at its path", (field) => {
    const e = errorOf(() => statement(granted, 'acme', untrusted({ ...year, [field]: 'acme' })));
    expect([e.code, e.path]).toEqual(['invalid_option', ['period', field]]);
  });

  describe.each(HOSTILE_INSTANTS)('%s as an instant', (_, value) => {
    it.each(['from', 'to', 'asOf'])("as %s is 'invalid_instant' at that field", (field) => {
      const e = errorOf(() => statement(granted, 'acme', { ...year, [field]: untrusted(value) }));
      expect([e.code, e.path]).toEqual(['invalid_instant', [field]]);
    });
  });

  it('fields of a polluted Object.prototype are not read: a missing field stays missing', () => {
    pollute('to', jan1(2027));
    pollute('asOf', jan1(2030));
    const missing = thrown(() => statement(granted, 'acme', untrusted({ from: jan1(2026) })));
    const s = statement(granted, 'acme', year);
    unpollute();
    expect(missing).toMatchObject({ code: 'invalid_instant', path: ['to'] });
    expect(s.years[0]?.expiredMinutes).toBe(0);
  });
});
