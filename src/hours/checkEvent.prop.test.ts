import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkEvent } from './checkEvent.js';
import { eventInput } from './eventInput.js';
import { EVENT_BOUNDS, LedgerEventSchema } from './events.js';

/**
 * The fast check of well-formed events against the event schema it stands in for: whatever it
 * accepts, the schema accepts, and returns the same (same fields, same values); and it does accept
 * valid events, so the fast path is the one that runs.
 */

const { idLength, firstInstant, lastInstant, maxMinutes } = EVENT_BOUNDS;

const validId = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constant('x'.repeat(idLength)));
const validInstant = fc.oneof(
  fc.integer({ min: firstInstant, max: lastInstant }),
  fc.constantFrom(firstInstant, lastInstant),
  fc.integer({ min: firstInstant, max: lastInstant }).map((ms) => new Date(ms)),
  fc.integer({ min: firstInstant, max: lastInstant }).map((ms) => DateTime.fromMillis(ms, { zone: 'Asia/Kolkata' })),
);
const validMinutes = fc.oneof(fc.integer({ min: 0, max: maxMinutes }), fc.constantFrom(0, -0, maxMinutes));
const klass = fc.constantFrom('normal', 'incident', 'expected_behaviour', 'customer_success');

const base = { id: validId, account: validId, at: validInstant };
const validEvent = fc.oneof(
  fc.record({
    ...base,
    kind: fc.constant('package_granted'),
    year: validId,
    from: validInstant,
    to: validInstant,
    minutes: validMinutes,
  }),
  fc.record({
    ...base,
    kind: fc.constant('contract_renewed'),
    year: validId,
    previousYear: validId,
    from: validInstant,
    to: validInstant,
    minutes: validMinutes,
  }),
  fc.record(
    { ...base, kind: fc.constant('conversation_opened'), conversation: validId, channel: validId, client: validId },
    { requiredKeys: ['id', 'account', 'at', 'kind', 'conversation', 'channel'] },
  ),
  fc.record({ ...base, kind: fc.constant('time_handled'), conversation: validId, minutes: validMinutes }),
  fc.record({ ...base, kind: fc.constant('answered_with_documentation'), conversation: validId }),
  fc.record({ ...base, kind: fc.constant('classified'), conversation: validId, as: klass }),
  fc.record({ ...base, kind: fc.constant('conversation_voided'), conversation: validId }),
);

/** Values that are wrong somewhere: near the bounds, of another type, invalid instants, undefined. */
const wrongValue = fc.oneof(
  fc.constantFrom(
    '',
    'y'.repeat(idLength + 1),
    firstInstant - 1,
    lastInstant + 1,
    maxMinutes + 1,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    undefined,
    true,
    '30',
    'time_spent',
    'package_granted',
    'classified',
    'incident',
    'incidnet',
    [],
    {},
  ),
  fc.constant(new Date(Number.NaN)),
  fc.constant(new Date(lastInstant + 1)),
  fc.constant(DateTime.invalid('no reason')),
  fc.bigInt(),
);
const anyKey = fc.constantFrom(
  'id',
  'account',
  'at',
  'kind',
  'year',
  'previousYear',
  'from',
  'to',
  'minutes',
  'conversation',
  'channel',
  'client',
  'as',
  'note',
  '__proto__',
  'constructor',
);

/** One change to an event: which (0–5), to which key (its own, or any), and the value it puts there. */
const change = fc.record({ how: fc.nat(5), own: fc.boolean(), pick: fc.nat(), key: anyKey, value: wrongValue });

/** A valid event changed in one to three ways; the result may still be valid. */
const changedEvent = fc
  .tuple(validEvent, fc.array(change, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([event, changes, nullPrototype]) => {
    const e: Record<string, unknown> = nullPrototype ? Object.create(null) : {};
    Object.assign(e, event);
    for (const { how, own, pick, key: anyOne, value } of changes) {
      const keys = Object.keys(e);
      const key = own && keys.length > 0 ? keys[pick % keys.length]! : anyOne;
      const current: unknown = Object.hasOwn(e, key) ? e[key] : value;
      const data = (v: unknown) => ({ value: v, enumerable: true, configurable: true, writable: true });
      if (how === 0) Object.defineProperty(e, key, data(value));
      else if (how === 1) delete e[key];
      else if (how === 2) Object.defineProperty(e, key, { value: current, enumerable: false, configurable: true });
      else if (how === 3) Object.defineProperty(e, key, { get: () => value, enumerable: true, configurable: true });
      else if (how === 4) Object.defineProperty(e, key, { get: () => current, enumerable: false, configurable: true });
      else Object.defineProperty(e, key, data(undefined));
    }
    return e;
  });

/** What the schema returns for an event, or `undefined` when it refuses it. */
const schemaOf = (e: Record<string, unknown>): unknown => {
  let input: object;
  try {
    input = eventInput(e, true, ['event']);
  } catch {
    return undefined; // an invalid Date or DateTime
  }
  const parsed = LedgerEventSchema.safeParse(input);
  return parsed.success ? parsed.data : undefined;
};

describe('the fast check of an event agrees with the schema', () => {
  it('a valid event passes the fast check, which returns what the schema returns', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        const fast = checkEvent(event);
        expect(fast).toBeDefined();
        expect(fast).toStrictEqual(schemaOf(event));
      }),
      { numRuns: 2_000 },
    );
  });

  it('whatever the fast check accepts, the schema accepts and returns alike (malformed and hostile events)', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(changedEvent, (event) => {
        const fast = checkEvent(event);
        if (fast === undefined) {
          refused++;
          return;
        }
        accepted++;
        expect(fast).toStrictEqual(schemaOf(event));
      }),
      { numRuns: 20_000 },
    );
    // Both branches ran: some changes keep an event valid, most do not.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(5_000);
  });

  it('an instant given as a Date or a luxon DateTime reads as its epoch ms; an invalid one is left to the schema', () => {
    const at = Date.UTC(2026, 2, 3, 9);
    const event = { id: 'h', kind: 'time_handled', account: 'a', conversation: 'T', minutes: 5 };
    expect(checkEvent({ ...event, at: new Date(at) })).toEqual({ ...event, at });
    expect(checkEvent({ ...event, at: DateTime.fromMillis(at, { zone: 'America/Lima' }) })).toEqual({ ...event, at });
    expect(checkEvent({ ...event, at: new Date(Number.NaN) })).toBeUndefined();
    expect(checkEvent({ ...event, at: DateTime.invalid('unknown') })).toBeUndefined();
  });
});
