import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import {
  advance,
  dedicatedSupport,
  measure,
  measureMany,
  measureState,
  parsePolicy,
  type SlaState,
  standardSupport,
  startTicket,
  type TicketEvent,
  type Timeline,
} from '../index.js';

const HOUR = 3_600_000;
const MON = Date.parse('2026-01-12T08:00:00Z'); // Monday 09:00 in Madrid
const std = parsePolicy(standardSupport);
const premium = { type: 'direct', plan: 'premium' };
const created: TicketEvent = { kind: 'created', at: MON, severity: 'minor' };
const agent = (at: number): TicketEvent => ({ kind: 'reply', at, author: 'agent' });
/** Any value as an event, for malformed input. */
const raw = (e: unknown) => e as TicketEvent;

/** The error `measure` throws for a Premium ticket with these events, as code and path. */
function refusal(events: unknown, now: unknown = MON + HOUR, account: object = premium) {
  const e = errorOf(() => measure(std, account as never, events as Timeline, now as number));
  return { code: e.code, path: e.path };
}
const invalid = (...path: (string | number)[]) => ({ code: 'invalid_event', path });

describe('a malformed timeline is an InvalidArgumentError naming the event and field', () => {
  it("events out of order are refused at ['events', i, 'at']", () => {
    expect(refusal([created, agent(MON + 2 * HOUR), agent(MON + HOUR)], MON + 3 * HOUR)).toEqual(
      invalid('events', 2, 'at'),
    );
  });

  it("an event before the creation is refused at ['events', i, 'at'] with the previous instant in the message", () => {
    const e = errorOf(() => measure(std, premium, [created, agent(MON - 1)], MON));
    expect([e.code, e.path]).toEqual(['invalid_event', ['events', 1, 'at']]);
    expect(e.message).toMatch(/^events\[1\]\.at: expected events in time order.*2026-01-12T08:00:00\.000Z/);
  });

  it("a first event other than 'created' is refused at ['events', 0, 'kind']; so is a second 'created'", () => {
    expect(refusal([agent(MON), created])).toEqual(invalid('events', 0, 'kind'));
    expect(refusal([created, { ...created, at: MON + 1 }])).toEqual(invalid('events', 1, 'kind'));
  });

  it('an unknown type, author or status is refused at its field', () => {
    expect(refusal([created, raw({ kind: 'note', at: MON })])).toEqual(invalid('events', 1, 'kind'));
    expect(refusal([created, raw({ kind: 'reply', at: MON, author: 'bot' })])).toEqual(invalid('events', 1, 'author'));
    expect(refusal([created, raw({ kind: 'status', at: MON, status: 'closed' })])).toEqual(
      invalid('events', 1, 'status'),
    );
    expect(refusal([created, raw({ kind: 'status', at: MON })])).toEqual(invalid('events', 1, 'status'));
  });

  it('a key its kind does not have is refused at that key, with or without an id; a bad id at its id', () => {
    const reply = { kind: 'reply', at: MON, author: 'agent' };
    const status = { kind: 'status', at: MON, status: 'waiting_on_customer' };
    for (const [event, extra] of [
      [reply, 'status'], // a field of another kind: the status change it meant would be lost
      [status, 'author'],
      [reply, 'note'],
      [{ kind: 'severity', at: MON, severity: 'major' }, 'fields'],
    ] as const) {
      expect(refusal([created, raw({ ...event, at: MON + 1, [extra]: 'x' })]), extra).toEqual(
        invalid('events', 1, extra),
      );
      const withId = raw({ ...event, at: MON + 1, id: 'e-1', [extra]: 'x' });
      expect(refusal([created, withId]), `${extra} beside an id`).toEqual(invalid('events', 1, extra));
    }
    expect(refusal([raw({ ...created, plan: 'x' })])).toEqual(invalid('events', 0, 'plan'));
    // Without the field its kind needs, an extra key still counts as one: it is named, not the missing field.
    expect(refusal([created, raw({ kind: 'reply', at: MON + 1, autor: 'agent' })])).toEqual(
      invalid('events', 1, 'autor'),
    );
    for (const event of [reply, status])
      for (const id of [1.5, Number.NaN, 2 ** 53, {}, null, true])
        expect(refusal([created, raw({ ...event, at: MON + 1, id })]), `${event.kind} id ${String(id)}`).toEqual(
          invalid('events', 1, 'id'),
        );
    // Their own fields and an id are taken.
    expect(
      measure(
        std,
        premium,
        [created, raw({ ...reply, at: MON + 1, id: 7 }), raw({ ...status, at: MON + 2, id: 'x' })],
        MON + HOUR,
      ).targets,
    ).toHaveLength(1);
  });

  it("a NaN, fractional, missing or non-instant 'at' is 'invalid_instant' at ['events', i, 'at']", () => {
    for (const at of [Number.NaN, MON + 0.5, undefined, '2026-01-12', new Date(Number.NaN), Number.POSITIVE_INFINITY]) {
      expect(refusal([created, raw({ kind: 'reply', at, author: 'agent' })]), String(at)).toEqual({
        code: 'invalid_instant',
        path: ['events', 1, 'at'],
      });
    }
  });

  it("an instant outside 1900–2399 is 'out_of_range' at ['events', i, 'at']", () => {
    expect(refusal([{ ...created, at: Date.parse('2400-01-01T00:00:00Z') }])).toEqual({
      code: 'out_of_range',
      path: ['events', 0, 'at'],
    });
    expect(refusal([{ ...created, at: Date.parse('1899-12-31T23:59:59.999Z') }])).toEqual({
      code: 'out_of_range',
      path: ['events', 0, 'at'],
    });
  });

  it("a missing severity when the account has targets is refused at ['events', 0, 'severity']", () => {
    expect(refusal([{ kind: 'created', at: MON }])).toEqual(invalid('events', 0, 'severity'));
    expect(refusal([created, raw({ kind: 'severity', at: MON })])).toEqual(invalid('events', 1, 'severity'));
  });

  it('a severity event names a level even for an account without targets, whose tickets need none', () => {
    const partnerManaged = { type: 'indirect', plan: 'premium', partner: 'acme' };
    expect(measure(std, partnerManaged, [{ kind: 'created', at: MON }], MON).severity).toBeNull();
    expect(refusal([{ kind: 'created', at: MON }, raw({ kind: 'severity', at: MON })], MON, partnerManaged)).toEqual(
      invalid('events', 1, 'severity'),
    );
    expect(refusal([{ kind: 'created', at: MON, severity: 'banana' }], MON, partnerManaged)).toEqual(
      invalid('events', 0, 'severity'),
    );
  });

  it('a severity level outside the scale is refused where it is named', () => {
    expect(refusal([{ ...created, severity: 'sev1' }])).toEqual(invalid('events', 0, 'severity'));
    expect(refusal([created, { kind: 'severity', at: MON, severity: 'blocker' }])).toEqual(
      invalid('events', 1, 'severity'),
    );
    expect(refusal([created, { kind: 'plan', at: MON, plan: 'starter', severity: 'blocker' }])).toEqual(
      invalid('events', 1, 'severity'),
    );
  });

  it("a plan event naming an unknown plan is 'unknown_reference' at ['events', i, 'plan']; without a plan, 'invalid_event'", () => {
    expect(refusal([created, { kind: 'plan', at: MON, plan: 'gold' }])).toEqual({
      code: 'unknown_reference',
      path: ['events', 1, 'plan'],
    });
    expect(refusal([created, raw({ kind: 'plan', at: MON })])).toEqual(invalid('events', 1, 'plan'));
  });

  it("a plan event with an add-on the new plan may not take is 'addon_not_allowed' at ['events', i, 'addOns', j]", () => {
    const doc = structuredClone(dedicatedSupport) as { plans: Record<string, unknown> };
    doc.plans['basic'] = {
      label: { en: 'Basic' },
      rank: 2,
      severityScale: 'vip',
      channels: [],
      targets: [],
      supportHours: { kind: 'none' },
    };
    const two = parsePolicy(doc);
    const vip = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };
    const events: TicketEvent[] = [
      { kind: 'created', at: MON, severity: 'sev1' },
      { kind: 'plan', at: MON, plan: 'basic', addOns: ['dedicated_support'] },
    ];
    const e = errorOf(() => measure(two, vip, events, MON));
    expect([e.code, e.path]).toEqual(['addon_not_allowed', ['events', 1, 'addOns', 0]]);
    expect(e.message).toMatch(/^events\[1\]\.addOns\[0\]: /);
    expect(refusal([created, { kind: 'plan', at: MON, plan: 'starter', addOns: ['turbo'] }])).toEqual({
      code: 'unknown_reference',
      path: ['events', 1, 'addOns', 0],
    });
  });

  // KNOWN BUG (reported, not fixed here): a plan event whose addOns is not a list reaches
  // resolveEntitlement unchecked and throws a bare TypeError ("(account.addOns ?? []).forEach is
  // not a function") instead of a typed error. Remove `.fails` once the reader checks the field.
  it("a plan event whose addOns is not a list is 'invalid_account' at ['events', i, 'addOns']", () => {
    expect(refusal([created, raw({ kind: 'plan', at: MON, plan: 'starter', addOns: 'turbo' })])).toEqual({
      code: 'invalid_account',
      path: ['events', 1, 'addOns'],
    });
  });

  it("an unknown account type is 'unknown_reference' at ['account', 'type']; a direct account without plan 'invalid_account'", () => {
    expect(refusal([created], MON, { type: 'reseller', plan: 'premium' })).toEqual({
      code: 'unknown_reference',
      path: ['account', 'type'],
    });
    expect(refusal([created], MON, { type: 'direct' })).toEqual({ code: 'invalid_account', path: ['account', 'plan'] });
  });

  it("a now before the creation is 'out_of_range' at ['now']; a NaN now 'invalid_instant' at ['now']", () => {
    expect(refusal([created], MON - 1)).toEqual({ code: 'out_of_range', path: ['now'] });
    expect(refusal([created], Number.NaN)).toEqual({ code: 'invalid_instant', path: ['now'] });
  });

  it("an empty or non-array timeline is refused at ['events']; a null or non-object event at ['events', i]", () => {
    for (const events of [[], null, undefined, 'created', { 0: created, length: 1 }])
      expect(refusal(events), JSON.stringify(events)).toEqual(invalid('events'));
    expect(refusal([created, null])).toEqual(invalid('events', 1));
    expect(refusal([created, 42])).toEqual(invalid('events', 1));
    expect(refusal([null])).toEqual(invalid('events', 0));
  });
});

describe('measureMany names the ticket: tickets[k].events[i].field', () => {
  const good = { account: premium, events: [created] };
  const many = (tickets: unknown) => {
    const e = errorOf(() => measureMany(std, tickets as never, MON + HOUR));
    return { code: e.code, path: e.path, message: e.message };
  };

  it('an event error carries the ticket index and the event index and field', () => {
    expect(many([good, good, { account: premium, events: [created, agent(MON - 1)] }])).toMatchObject({
      code: 'invalid_event',
      path: ['tickets', 2, 'events', 1, 'at'],
      message: expect.stringMatching(/^tickets\[2\]\.events\[1\]\.at: /),
    });
    expect(
      many([good, { account: premium, events: [created, raw({ kind: 'reply', at: MON + 0.5, author: 'agent' })] }]),
    ).toMatchObject({ code: 'invalid_instant', path: ['tickets', 1, 'events', 1, 'at'] });
    expect(many([{ account: premium, events: [{ kind: 'created', at: MON }] }])).toMatchObject({
      code: 'invalid_event',
      path: ['tickets', 0, 'events', 0, 'severity'],
    });
    expect(
      many([good, { account: premium, events: [created, { kind: 'plan', at: MON, plan: 'gold' }] }]),
    ).toMatchObject({ code: 'unknown_reference', path: ['tickets', 1, 'events', 1, 'plan'] });
  });

  it('a ticket created after now is out_of_range at its own creation instant', () => {
    expect(many([good, { account: premium, events: [{ ...created, at: MON + 2 * HOUR }] }])).toMatchObject({
      code: 'out_of_range',
      path: ['tickets', 1, 'events', 0, 'at'],
      message: expect.stringMatching(/^tickets\[1\]\.events\[0\]\.at: expected a ticket created by now/),
    });
  });

  it("a plan event that names no add-ons, keeping ones the new plan cannot take, is refused at its 'plan'", () => {
    const doc = structuredClone(standardSupport) as Record<string, any>;
    doc.addOns.boost = {
      label: { en: 'Boost', es: 'Boost' },
      price: { amountMinor: 1, currency: 'EUR', per: 'month' },
      availableOn: ['premium'],
      replacesTargets: false,
      channels: [],
      targets: [],
      routing: { dedicatedAgent: false, secondLevelAgents: false },
    };
    const policy = parsePolicy(doc);
    const boosted = { type: 'direct', plan: 'premium', addOns: ['boost'] };
    const refused = (plan: TicketEvent) => errorOf(() => measure(policy, boosted, [created, plan], MON + HOUR));
    expect(refused({ kind: 'plan', at: MON, plan: 'starter' })).toMatchObject({
      code: 'addon_not_allowed',
      path: ['events', 1, 'plan'],
    });
    expect(refused({ kind: 'plan', at: MON, plan: 'starter', addOns: ['boost'] })).toMatchObject({
      code: 'addon_not_allowed',
      path: ['events', 1, 'addOns', 0],
    });
    expect(
      measure(policy, boosted, [created, { kind: 'plan', at: MON, plan: 'starter', addOns: [] }], MON + HOUR).plan,
    ).toBe('starter');
  });

  it('an account, ticket or list error carries its own path', () => {
    expect(many([good, { account: { type: 'reseller' }, events: [created] }])).toMatchObject({
      code: 'unknown_reference',
      path: ['tickets', 1, 'account', 'type'],
    });
    expect(many([good, null])).toMatchObject({ code: 'invalid_event', path: ['tickets', 1] });
    expect(many([good, { account: premium, events: [] }])).toMatchObject({
      code: 'invalid_event',
      path: ['tickets', 1, 'events'],
    });
    expect(many('tickets')).toMatchObject({ code: 'invalid_event', path: ['tickets'] });
  });
});

describe('advance and measureState refuse bad input and leave the old state usable', () => {
  const state = advance(advance(startTicket(std, premium), created), agent(MON + HOUR)); // eventCount 2

  it("an event error carries ['events', state.eventCount, field]", () => {
    expect(state.eventCount).toBe(2);
    const at = (e: unknown) => errorOf(() => advance(state, raw(e)));
    expect(at({ kind: 'reply', at: MON, author: 'agent' })).toMatchObject({
      code: 'invalid_event',
      path: ['events', 2, 'at'],
    });
    expect(at({ kind: 'reply', at: MON + 2 * HOUR, author: 'bot' })).toMatchObject({
      code: 'invalid_event',
      path: ['events', 2, 'author'],
    });
    expect(at({ kind: 'reply', at: Number.NaN, author: 'agent' })).toMatchObject({
      code: 'invalid_instant',
      path: ['events', 2, 'at'],
    });
    expect(at({ ...created, at: MON + 2 * HOUR })).toMatchObject({
      code: 'invalid_event',
      path: ['events', 2, 'kind'],
    });
    expect(at({ kind: 'plan', at: MON + 2 * HOUR, plan: 'gold' })).toMatchObject({
      code: 'unknown_reference',
      path: ['events', 2, 'plan'],
    });
    expect(errorOf(() => advance(startTicket(std, premium), agent(MON)))).toMatchObject({
      code: 'invalid_event',
      path: ['events', 0, 'kind'],
    });
  });

  it('after a refused event the old state answers as before and takes the next event at the same index', () => {
    const before = measureState(state, MON + 3 * HOUR);
    errorOf(() => advance(state, { kind: 'severity', at: MON + 2 * HOUR, severity: 'blocker' }));
    errorOf(() => advance(state, { kind: 'plan', at: MON + 2 * HOUR, plan: 'gold' }));
    expect([state.eventCount, state.lastEventAt, state.account]).toEqual([2, MON + HOUR, premium]);
    expect(measureState(state, MON + 3 * HOUR)).toEqual(before);
    const next = advance(state, { kind: 'plan', at: MON + 2 * HOUR, plan: 'enterprise' });
    expect([next.eventCount, next.account.plan, measureState(next, MON + 2 * HOUR).plan]).toEqual([
      3,
      'enterprise',
      'enterprise',
    ]);
  });

  it("measureState refuses a foreign object with 'invalid_state' at ['state'], even a copy of a real state", () => {
    for (const fake of [{ ...state }, structuredClone({ ...state, policy: null }), {}]) {
      expect(errorOf(() => measureState(fake as SlaState, MON + HOUR))).toMatchObject({
        code: 'invalid_state',
        path: ['state'],
      });
    }
    expect(errorOf(() => advance({ ...state }, agent(MON + 2 * HOUR)))).toMatchObject({
      code: 'invalid_state',
      path: ['state'],
    });
  });

  it("measureState ignores events after now, as measure does; it refuses a now before 'created' and a state without it", () => {
    const events = [created, agent(MON + HOUR)];
    expect(measureState(state, MON + HOUR - 1)).toEqual(measure(std, premium, events, MON + HOUR - 1));
    expect(measureState(state, MON + HOUR - 1).targets[0]!.state).toBe('running');
    expect(measureState(state, MON + HOUR).targets).toHaveLength(1);
    expect(errorOf(() => measureState(state, MON - 1))).toMatchObject({ code: 'out_of_range', path: ['now'] });
    expect(errorOf(() => measureState(startTicket(std, premium), MON))).toMatchObject({
      code: 'invalid_event',
      path: ['events', 0],
    });
  });
});

describe('nothing is half-computed', () => {
  it('a bad last event refuses the whole timeline: no result for the good events before it', () => {
    let result: unknown = 'untouched';
    const events = [created, agent(MON + HOUR), raw({ kind: 'status', at: MON + 2 * HOUR, status: 'closed' })];
    expect(errorOf(() => (result = measure(std, premium, events, MON + 3 * HOUR)))).toMatchObject({
      path: ['events', 2, 'status'],
    });
    expect(result).toBe('untouched');
  });

  it('a batch with one bad ticket returns nothing', () => {
    let results: unknown = 'untouched';
    const tickets = [
      { account: premium, events: [created] },
      { account: premium, events: [raw(null)] },
    ];
    errorOf(() => (results = measureMany(std, tickets, MON + HOUR)));
    expect(results).toBe('untouched');
  });

  it('the same timeline measures the same after a refused call on the same policy (no memo is poisoned)', () => {
    const good = measure(std, premium, [created], MON + HOUR);
    errorOf(() => measure(std, premium, [created, { kind: 'plan', at: MON, plan: 'gold' }], MON + HOUR));
    errorOf(() => measure(std, { type: 'direct', plan: 'gold' }, [created], MON + HOUR));
    expect(measure(std, premium, [created], MON + HOUR)).toEqual(good);
  });
});
