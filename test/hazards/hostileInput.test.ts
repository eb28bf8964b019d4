import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import {
  advance,
  CalculationError,
  columnsToResults,
  compileCalendar,
  complianceReport,
  drawDeadline,
  type InvalidArgumentError,
  isSupportPolicyError,
  measure,
  measureMany,
  measureState,
  parseDuration,
  parsePolicy,
  safeParsePolicy,
  resolveEntitlement,
  routeRequest,
  type SlaTicket,
  spainNationalHolidays,
  standardSupport,
  startTicket,
  toEpochMs,
  type TicketEvent,
} from '../../src/index.js';
import { errorOf } from '../fixtures/errors.js';
import { cyclicObject, deepObject } from '../fixtures/hostile.js';

/**
 * Hostile values found by an outside probe of the public API, one named test each: every one must
 * come back as a typed error with a code and a path (never a bare TypeError or RangeError), or as
 * the right answer. The ledger's and triage's own cases are beside their sources.
 */

const policy = parsePolicy(standardSupport);
const premium = { type: 'direct', plan: 'premium' } as const;
const monday9 = Date.parse('2026-01-05T08:00:00Z'); // 09:00 in Madrid
const created: TicketEvent = { kind: 'created', at: monday9, severity: 'minor' };
const week = { 1: [['08:00', '18:00']], 2: [['08:00', '18:00']] } as const;
const madrid = compileCalendar({ zone: 'Europe/Madrid', week, holidays: [spainNationalHolidays] });

const bare = () => Object.create(null) as never;
const codeAndPath = (e: InvalidArgumentError) => [e.code, e.path];

describe('a null-prototype object where an instant goes is invalid_instant', () => {
  it.each<[string, () => unknown, (string | number)[]]>([
    ['isOpen', () => madrid.isOpen(bare()), ['at']],
    ['nextOpening', () => madrid.nextOpening(bare()), ['at']],
    ['nextClosing', () => madrid.nextClosing(bare()), ['at']],
    ['add', () => madrid.add(bare(), 1), ['at']],
    ['subtract', () => madrid.subtract(bare(), 1), ['at']],
    ['between (from)', () => madrid.between(bare(), monday9), ['from']],
    ['between (to)', () => madrid.between(monday9, bare()), ['to']],
    ['addBusinessDays', () => madrid.addBusinessDays(bare(), 1), ['at']],
    ['openIntervals', () => madrid.openIntervals(monday9, bare()), ['to']],
    ['toEpochMs', () => toEpochMs(bare()), ['instant']],
    ['measure: now', () => measure(policy, premium, [created], bare()), ['now']],
    [
      'measure: an event instant',
      () => measure(policy, premium, [{ ...created, at: bare() }], monday9),
      ['events', 0, 'at'],
    ],
    ['measureMany: now', () => measureMany(policy, [], bare()), ['now']],
    ['measureState: now', () => measureState(advance(startTicket(policy, premium), created), bare()), ['now']],
    ['resolveEntitlement: now', () => resolveEntitlement(policy, premium, { now: bare() }), ['now']],
  ])('%s', (_, call, path) => {
    const e = errorOf(call);
    expect(codeAndPath(e)).toEqual(['invalid_instant', path]);
    expect(e.message).toContain('got {}');
  });

  it('a null-prototype object as an event is read like a plain one', () => {
    const event = Object.assign(Object.create(null) as object, created) as TicketEvent;
    expect(measure(policy, premium, [event], monday9)).toEqual(measure(policy, premium, [created], monday9));
  });
});

describe('BigInt, cyclic and very deep values are described, not serialised', () => {
  it.each<[string, () => unknown, string, (string | number)[], string]>([
    ['parseDuration(10n)', () => parseDuration(10n as never), 'invalid_duration', ['duration'], '10n'],
    [
      "a reply's author 10n",
      () => measure(policy, premium, [created, { kind: 'reply', at: monday9, author: 10n as never }], monday9),
      'invalid_event',
      ['events', 1, 'author'],
      '10n',
    ],
    [
      'an account type that is a cyclic object',
      () => resolveEntitlement(policy, { type: cyclicObject() as never }),
      'unknown_reference',
      ['account', 'type'],
      '{ a: 1, self: { a: 1, self: {…} } }',
    ],
    [
      'measureMany format 10n',
      () => measureMany(policy, [], monday9, { format: 10n as never }),
      'invalid_option',
      ['options', 'format'],
      '10n',
    ],
    [
      'complianceReport zone 10n',
      () => complianceReport([], { zone: 10n as never }),
      'invalid_zone',
      ['options', 'zone'],
      '10n',
    ],
    [
      'a 10,000-deep event',
      () => measure(policy, premium, [deepObject(10_000) as never], monday9),
      'invalid_instant',
      ['events', 0, 'at'],
      'undefined',
    ],
    [
      'a cyclic account',
      () => measure(policy, Object.assign(cyclicObject(), { type: 'direct' }) as never, [created], monday9),
      'invalid_account',
      ['account', 'a'],
      '"a"',
    ],
  ])('%s', (_, call, code, path, shown) => {
    const e = errorOf(call);
    expect(codeAndPath(e)).toEqual([code, path]);
    expect(e.message).toContain(shown);
  });
});

describe('options = null is invalid_option, and so is an unknown option', () => {
  it.each<[string, (options: never) => unknown]>([
    ['resolveEntitlement', (o) => resolveEntitlement(policy, premium, o)],
    ['measure', (o) => measure(policy, premium, [created], monday9, o)],
    ['measureMany', (o) => measureMany(policy, [], monday9, o)],
    ['measureState', (o) => measureState(advance(startTicket(policy, premium), created), monday9, o)],
    ['complianceReport', (o) => complianceReport([], o)],
    [
      'drawDeadline',
      (o) => drawDeadline(measure(policy, premium, [created], monday9, { explain: true }).targets[0]!, o),
    ],
  ])('%s', (_, call) => {
    expect(codeAndPath(errorOf(() => call(null as never)))).toEqual(['invalid_option', ['options']]);
    expect(codeAndPath(errorOf(() => call({ explian: true } as never)))).toEqual([
      'invalid_option',
      ['options', 'explian'],
    ]);
  });

  it('explain must be a boolean', () => {
    const e = errorOf(() => measure(policy, premium, [created], monday9, { explain: 'yes' as never }));
    expect(codeAndPath(e)).toEqual(['invalid_option', ['options', 'explain']]);
  });
});

describe('complianceReport checks the results it is given', () => {
  it.each<[string, unknown, (string | number)[]]>([
    ['null', null, ['results']],
    ['[null]', [null], ['results', 0]],
    ["['x']", ['x'], ['results', 0]],
    ['a target without a metric', [{ targets: [{ state: 'achieved' }] }], ['results', 0, 'targets', 0]],
  ])('%s is invalid_results', (_, results, path) => {
    expect(codeAndPath(errorOf(() => complianceReport(results as never, { period: 'all' })))).toEqual([
      'invalid_results',
      path,
    ]);
  });

  it('results read back from JSON are reported like the originals', () => {
    const results = measureMany(policy, [{ account: premium, events: [created] }], monday9 + 3_600_000);
    const again = JSON.parse(JSON.stringify(results)) as typeof results;
    const options = { period: 'month', zone: 'Europe/Madrid' } as const;
    expect(complianceReport(again, options)).toEqual(complianceReport(results, options));
  });
});

describe('a first argument of the wrong kind says what to call first', () => {
  it.each<[string, () => unknown]>([
    ['measure(undefined, …)', () => measure(undefined as never, premium, [created], monday9)],
    ['resolveEntitlement(42, …)', () => resolveEntitlement(42 as never, premium)],
    ['startTicket({}, …)', () => startTicket({} as never, premium)],
    ['measureMany(a structured clone, …)', () => measureMany(structuredClone(policy), [], monday9)],
    ['measure(the unparsed preset, …)', () => measure(standardSupport as never, premium, [created], monday9)],
  ])('%s is invalid_policy', (_, call) => {
    const e = errorOf(call);
    expect(codeAndPath(e)).toEqual(['invalid_policy', ['policy']]);
    expect(e.message).toContain('call parsePolicy first');
  });
});

describe('no result depends on luxon global settings', () => {
  const saved = {
    locale: Settings.defaultLocale,
    numbering: Settings.defaultNumberingSystem,
    calendar: Settings.defaultOutputCalendar,
    zone: Settings.defaultZone,
    throwOnInvalid: Settings.throwOnInvalid,
    week: Settings.defaultWeekSettings,
  };
  afterEach(() => {
    Settings.defaultLocale = saved.locale;
    Settings.defaultNumberingSystem = saved.numbering;
    Settings.defaultOutputCalendar = saved.calendar;
    Settings.defaultZone = saved.zone;
    Settings.throwOnInvalid = saved.throwOnInvalid;
    Settings.defaultWeekSettings = saved.week;
  });

  const tickets: SlaTicket[] = [
    { account: premium, events: [created, { kind: 'reply', at: monday9 + 7_200_000, author: 'agent' }] },
    {
      account: { type: 'direct', plan: 'enterprise' },
      events: [{ kind: 'created', at: monday9 - 40 * 86_400_000, severity: 'major' }],
    },
  ];
  function everything(): unknown {
    const results = measureMany(policy, tickets, monday9 + 86_400_000, { explain: true });
    return {
      reports: (['day', 'week', 'month', 'quarter', 'year'] as const).map((period) =>
        complianceReport(results, { period, zone: 'Europe/Madrid' }),
      ),
      results,
      calendar: [madrid.add(monday9, 36_000_000), madrid.addBusinessDays(monday9, 3), madrid.holidaysIn(2026)],
      entitlement: resolveEntitlement(policy, premium, { now: monday9, locale: 'es' }),
      pictures: results.flatMap((r, i) =>
        r.targets.flatMap((t) => [
          drawDeadline(t, { events: tickets[i]!.events }),
          drawDeadline(t, { locale: 'es', zone: 'America/New_York' }),
        ]),
      ),
    };
  }

  it('Thai digits, another calendar, another zone, throwing on invalid and Sunday weeks change nothing', () => {
    const expected = JSON.stringify(everything());
    Settings.defaultLocale = 'th-TH-u-nu-thai';
    Settings.defaultNumberingSystem = 'thai';
    Settings.defaultOutputCalendar = 'buddhist';
    Settings.defaultZone = 'Pacific/Kiritimati';
    Settings.throwOnInvalid = true;
    Settings.defaultWeekSettings = { firstDay: 7, minimalDays: 1, weekend: [5, 6] };
    const changed = JSON.stringify(everything());
    expect(changed).toBe(expected);
    expect(changed).toContain('"period":"2026-01"');
  });
});

describe('inherited keys are never read as input', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>)['plan'];
    delete (Object.prototype as Record<string, unknown>)['severity'];
    delete (Object.prototype as Record<string, unknown>)['warnAtPercent'];
  });

  it('an account without a plan does not get Object.prototype.plan', () => {
    (Object.prototype as Record<string, unknown>)['plan'] = 'enterprise';
    expect(codeAndPath(errorOf(() => resolveEntitlement(policy, { type: 'direct' })))).toEqual([
      'invalid_account',
      ['account', 'plan'],
    ]);
    expect(codeAndPath(errorOf(() => measure(policy, { type: 'direct' }, [created], monday9)))).toEqual([
      'invalid_account',
      ['account', 'plan'],
    ]);
  });

  it('a created event without a severity does not get Object.prototype.severity', () => {
    (Object.prototype as Record<string, unknown>)['severity'] = 'minor';
    const e = errorOf(() => measure(policy, premium, [{ kind: 'created', at: monday9 }], monday9));
    expect(codeAndPath(e)).toEqual(['invalid_event', ['events', 0, 'severity']]);
  });

  it('parsePolicy reads the document, not a polluted prototype', () => {
    const expected = JSON.stringify(parsePolicy(standardSupport));
    (Object.prototype as Record<string, unknown>)['warnAtPercent'] = [10];
    expect(JSON.stringify(parsePolicy(standardSupport))).toBe(expected);
  });
});

describe('what a state keeps is its own', () => {
  it("changing the account object after startTicket changes nothing in the ticket's state", () => {
    const account = { type: 'direct', plan: 'premium', addOns: [] as string[] };
    const state = advance(startTicket(policy, account), created);
    account.plan = 'enterprise';
    account.addOns.push('x');
    expect(measureState(state, monday9).plan).toBe('premium');
    expect(state.account).toEqual({ type: 'direct', plan: 'premium', addOns: [] });
    expect(Object.isFrozen(state.account)).toBe(true);
  });
});

describe('an account object reused across calls', () => {
  it('is read afresh when its fields changed in between', () => {
    const account: { type: string; plan: string; addOns?: string[] } = { type: 'direct', plan: 'premium' };
    expect(measure(policy, account, [created], monday9).plan).toBe('premium');
    account.plan = 'enterprise';
    expect(measure(policy, account, [created], monday9).plan).toBe('enterprise');
    account.addOns = ['nope'];
    expect(codeAndPath(errorOf(() => measure(policy, account, [created], monday9)))).toEqual([
      'unknown_reference',
      ['account', 'addOns', 0],
    ]);
    delete account.addOns;
    (account as Record<string, unknown>)['name'] = 'Acme';
    expect(codeAndPath(errorOf(() => measure(policy, account, [created], monday9)))).toEqual([
      'invalid_account',
      ['account', 'name'],
    ]);
  });
});

describe('an amount that cannot fit before the range ends is refused at once', () => {
  it.each<[string, () => unknown, string]>([
    ['add(t, 2**53)', () => madrid.add(monday9, 2 ** 53), 'durationMs'],
    ['subtract(t, 2**53)', () => madrid.subtract(monday9, 2 ** 53), 'durationMs'],
    ['addBusinessDays(t, 1e9)', () => madrid.addBusinessDays(monday9, 1e9), 'days'],
  ])('%s', (_, call, field) => {
    // The path names the argument: the check ran before any table was walked (a walk that runs
    // off the range's edge fails with an empty path).
    let caught: unknown;
    try {
      call();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CalculationError);
    expect([(caught as CalculationError).code, (caught as CalculationError).path]).toEqual(['out_of_range', [field]]);
  });
});

describe('one rule for objects passed in: plain objects with known keys', () => {
  class Event {
    readonly type = 'created';
    readonly at = monday9;
    readonly severity = 'minor';
  }
  it.each<[string, () => unknown, string, (string | number)[]]>([
    [
      'an unknown key on an event',
      () => measure(policy, premium, [{ ...created, severty: 'minor' } as never], monday9),
      'invalid_event',
      ['events', 0, 'severty'],
    ],
    [
      'a class instance as an event',
      () => measure(policy, premium, [new Event() as never], monday9),
      'invalid_event',
      ['events', 0],
    ],
    [
      'an unknown key on a ticket',
      () => measureMany(policy, [{ account: premium, events: [created], ticket: 1 } as never], monday9),
      'invalid_event',
      ['tickets', 0, 'ticket'],
    ],
    [
      'a ticket id that is neither text nor a whole number',
      () => measureMany(policy, [{ id: 1.5, account: premium, events: [created] }], monday9),
      'invalid_event',
      ['tickets', 0, 'id'],
    ],
    [
      'an unknown key on an account',
      () => resolveEntitlement(policy, { ...premium, name: 'Acme' } as never),
      'invalid_account',
      ['account', 'name'],
    ],
    ['a class instance as an account', () => startTicket(policy, new Map() as never), 'invalid_account', ['account']],
    [
      'an event id that is an object',
      () => measure(policy, premium, [{ ...created, id: {} } as never], monday9),
      'invalid_event',
      ['events', 0, 'id'],
    ],
    [
      'columns with an inherited table',
      () => columnsToResults(Object.create({ tickets: {} }) as never),
      'invalid_columns',
      ['tickets'],
    ],
    [
      'an unknown key on an event fed to advance',
      () => advance(startTicket(policy, premium), { ...created, note: 'x' } as never),
      'invalid_event',
      ['events', 0, 'note'],
    ],
    [
      'a class instance fed to advance',
      () => advance(startTicket(policy, premium), new Event() as never),
      'invalid_event',
      ['events', 0],
    ],
    [
      'an unknown option of measureState',
      () => measureState(advance(startTicket(policy, premium), created), monday9, { explain: true, x: 1 } as never),
      'invalid_option',
      ['options', 'x'],
    ],
    [
      'an unknown key on an account given to routeRequest',
      () => routeRequest(policy, { ...premium, x: 1 } as never, monday9),
      'invalid_account',
      ['account', 'x'],
    ],
  ])('%s is refused', (_, call, code, path) => {
    const e = errorOf(call);
    expect(isSupportPolicyError(e)).toBe(true);
    expect(codeAndPath(e)).toEqual([code, path]);
  });

  it('documents follow the same rule: an unknown key or a class instance is refused, with its path', () => {
    const unknownKey = safeParsePolicy({ ...standardSupport, colour: 'blue' });
    expect(unknownKey.success ? [] : unknownKey.error.issues.map((i) => i.path)).toContainEqual(['colour']);
    class Definition {
      readonly zone = 'UTC';
      readonly week = {};
    }
    let caught: unknown;
    try {
      compileCalendar(new Definition() as never);
    } catch (e) {
      caught = e;
    }
    expect(isSupportPolicyError(caught) && (caught as { code: string }).code).toBe('invalid_definition');
  });

  it("tickets and events may carry the caller's ids, which change nothing", () => {
    const withId = measure(policy, premium, [{ ...created, id: 'evt-1' }], monday9 + 60_000);
    expect(withId).toEqual(measure(policy, premium, [created], monday9 + 60_000));
    const batch = measureMany(policy, [{ id: 41, account: premium, events: [{ ...created, id: 7 }] }], monday9);
    expect(batch).toEqual(measureMany(policy, [{ account: premium, events: [created] }], monday9));
  });
});
