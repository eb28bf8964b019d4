import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import { HOSTILE, notParsedPolicies, untrusted } from '../../test/fixtures/hostile.js';
import {
  assessPartnerEligibility,
  assessScope,
  classify,
  type ClassifyOptions,
  type PartnerFacts,
  type Policy,
  type ProblemFacts,
  parsePolicy,
  type RouteRequestOptions,
  routeRequest,
  type ScopeRequest,
  standardSupport,
} from '../index.js';

/**
 * Every argument of the triage functions gets an answer or a typed error with a code and a path:
 * values whose rendering throws (BigInt in JSON, cyclic, very deep, null-prototype), arguments of
 * the wrong kind, and the one rule for objects passed in (plain objects, known keys, own properties).
 */

const standard = parsePolicy(standardSupport);
const direct = { type: 'direct', plan: 'enterprise' } as const;
const MONDAY_10_MADRID = Date.UTC(2026, 10, 30, 9);
const ALL_MET = { certified: true, 'technical-knowledge': true, 'production-access': true } as const;

class Facts {
  readonly dataLoss = 'unrecoverable';
}

/** Every entry point, called with `policy` and otherwise valid arguments. */
const ENTRY_POINTS: readonly [string, (policy: Policy) => unknown][] = [
  ['classify', (policy) => classify(policy, {})],
  ['assessScope', (policy) => assessScope(policy, { topics: [] })],
  ['assessPartnerEligibility', (policy) => assessPartnerEligibility(policy, { conditions: {} })],
  ['routeRequest', (policy) => routeRequest(policy, direct, MONDAY_10_MADRID)],
];

/** Sets an enumerable field on Object.prototype, as a prototype-pollution bug elsewhere would. */
const POLLUTED = ['dataLoss', 'scale', 'locale', 'topics', 'certified', 'escalatedToTechnicalTeam', 'now'];
const pollute = (values: Record<string, unknown>) => Object.assign(Object.prototype, values);
const unpollute = () => {
  for (const key of POLLUTED) delete (Object.prototype as Record<string, unknown>)[key];
};
afterEach(unpollute);

/** What a call returns or throws, to be checked after the pollution is cleaned up. */
const outcome = (call: () => unknown): unknown => {
  try {
    return call();
  } catch (e) {
    return e;
  }
};

describe('a policy parsePolicy did not return is refused by every triage function', () => {
  describe.each(ENTRY_POINTS)('%s', (_, call) => {
    it.each<[string, unknown]>(notParsedPolicies(standard, standardSupport))(
      "%s is 'invalid_policy' at ['policy']",
      (_what, value) => {
        const e = errorOf(() => call(untrusted(value)));
        expect([e.code, e.path]).toEqual(['invalid_policy', ['policy']]);
        expect(e.message).toMatch(/^policy: expected a policy returned by parsePolicy .*, got /);
      },
    );
  });
});

describe('options: undefined is none; anything but a plain object with known keys is invalid_option', () => {
  const withOptions: readonly [string, (options: unknown) => unknown][] = [
    ['classify', (o) => classify(standard, {}, untrusted<ClassifyOptions>(o))],
    ['assessScope', (o) => assessScope(standard, { topics: [] }, untrusted<{ locale?: string }>(o))],
    ['assessPartnerEligibility', (o) => assessPartnerEligibility(standard, { conditions: {} }, untrusted(o))],
    ['routeRequest', (o) => routeRequest(standard, direct, MONDAY_10_MADRID, untrusted<RouteRequestOptions>(o))],
  ];
  describe.each(withOptions)('%s', (_, call) => {
    it.each<[string, unknown]>([
      ['null', null],
      ['a number', 42],
      ['a string', 'es'],
      ['an array', ['es']],
      ['a class instance', new Date(0)],
      ['an object inheriting its options', Object.create({ locale: 'es', now: MONDAY_10_MADRID })],
    ])("%s is 'invalid_option' at ['options']", (_what, value) => {
      const e = errorOf(() => call(value));
      expect([e.code, e.path]).toEqual(['invalid_option', ['options']]);
      expect(e.message).toMatch(/^options: expected an options object \(.*\) or nothing, got /);
    });

    it("an unknown option is 'invalid_option' at its path", () => {
      const e = errorOf(() => call({ lcoale: 'es' }));
      expect([e.code, e.path]).toEqual(['invalid_option', ['options', 'lcoale']]);
    });
  });

  // routeRequest's result has no locale of its own: its polluted locale is checked in its block below.
  it.each(withOptions.slice(0, 3))('%s: a locale or scale of a polluted Object.prototype is not read', (_, call) => {
    pollute({ locale: 'es', scale: 'vip' });
    const result = outcome(() => call({}));
    unpollute();
    expect(result).toEqual(call({}));
    expect((result as { locale: string }).locale).toBe('en');
  });

  it('omitted options are no options', () => {
    expect(classify(standard, { dataLoss: 'unrecoverable' }, undefined).kind).toBe('incident');
    expect(assessScope(standard, { topics: ['client-formulas'] }, undefined).coverage).toBe('partial');
    expect(assessPartnerEligibility(standard, { conditions: ALL_MET }, undefined).eligible).toBe(true);
    expect(routeRequest(standard, direct, MONDAY_10_MADRID, undefined).openNow.map((c) => c.label)).toEqual([
      'Live chat',
      'Support ticket',
    ]);
  });
});

describe('classify', () => {
  it.each<[string, unknown]>([
    ['a class instance', new Facts()],
    ['an object inheriting its facts', Object.create({ dataLoss: 'unrecoverable' })],
    ['a Map', new Map([['dataLoss', 'unrecoverable']])],
  ])("%s as the facts is 'invalid_fact' at ['facts']", (_, value) => {
    const e = errorOf(() => classify(standard, untrusted<ProblemFacts>(value)));
    expect([e.code, e.path]).toEqual(['invalid_fact', ['facts']]);
    expect(e.message).toMatch(/^facts: expected an object of facts, got /);
  });

  it('a null-prototype object of facts is read like a plain one', () => {
    const bare = Object.assign(Object.create(null) as object, { dataLoss: 'unrecoverable' });
    expect(classify(standard, untrusted<ProblemFacts>(bare))).toEqual(
      classify(standard, { dataLoss: 'unrecoverable' }),
    );
  });

  it.each(HOSTILE)("%s as a fact's value is 'invalid_fact' at ['facts', name], with a message", (_, value) => {
    const e = errorOf(() => classify(standard, untrusted<ProblemFacts>({ dataLoss: value })));
    expect([e.code, e.path]).toEqual(['invalid_fact', ['facts', 'dataLoss']]);
    expect(e.message).toMatch(/^facts\.dataLoss: expected one of "none", .*, got /);
  });

  it.each(HOSTILE)("%s as the scale is 'unknown_reference' at ['options', 'scale']", (_, value) => {
    const e = errorOf(() => classify(standard, {}, { scale: untrusted<string>(value) }));
    expect([e.code, e.path]).toEqual(['unknown_reference', ['options', 'scale']]);
    expect(e.message).toMatch(/^options\.scale: expected one of the policy's severity scales \(incident\), got /);
  });

  it('facts and a scale of a polluted Object.prototype are not read', () => {
    pollute({ dataLoss: 'unrecoverable', scale: 'vip' });
    const result = classify(standard, {});
    const withOptions = classify(standard, {}, {});
    unpollute();
    expect(result.kind).toBe('unclassified');
    expect(withOptions).toEqual(result);
  });
});

describe('assessScope', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a class instance', new Date(0)],
    ['an object inheriting its topics', Object.create({ topics: ['custom-use-cases'] })],
  ])("%s as the request is 'invalid_fact' at ['request']", (_, value) => {
    const e = errorOf(() => assessScope(standard, untrusted<ScopeRequest>(value)));
    expect([e.code, e.path]).toEqual(['invalid_fact', ['request']]);
    expect(e.message).toMatch(/^request: expected a request \{ topics \}, got /);
  });

  it("an unknown field of the request is 'invalid_fact' at its path", () => {
    const e = errorOf(() => assessScope(standard, untrusted<ScopeRequest>({ topics: [], topic: 'client-formulas' })));
    expect([e.code, e.path]).toEqual(['invalid_fact', ['request', 'topic']]);
  });

  it.each(HOSTILE)("%s as the topics is 'invalid_fact' at ['request', 'topics'], with a message", (_, value) => {
    for (const topics of [value, ['client-formulas', value]]) {
      const e = errorOf(() => assessScope(standard, untrusted<ScopeRequest>({ topics })));
      expect([e.code, e.path]).toEqual(['invalid_fact', ['request', 'topics']]);
      expect(e.message).toMatch(/^request\.topics: expected a list of topic ids, got /);
    }
  });

  it('topics of a polluted Object.prototype are not read', () => {
    pollute({ topics: ['custom-use-cases'] });
    const result = outcome(() => assessScope(standard, untrusted<ScopeRequest>({})));
    unpollute();
    expect(result).toMatchObject({ code: 'invalid_fact', path: ['request', 'topics'] });
  });
});

describe('assessPartnerEligibility', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a class instance', new Date(0)],
    ['an object inheriting its conditions', Object.create({ conditions: ALL_MET })],
  ])("%s as the partner facts is 'invalid_fact' at ['partner']", (_, value) => {
    const e = errorOf(() => assessPartnerEligibility(standard, untrusted<PartnerFacts>(value)));
    expect([e.code, e.path]).toEqual(['invalid_fact', ['partner']]);
  });

  it("an unknown field of the partner facts is 'invalid_fact' at its path", () => {
    const e = errorOf(() =>
      assessPartnerEligibility(standard, untrusted<PartnerFacts>({ conditions: ALL_MET, escalated: true })),
    );
    expect([e.code, e.path]).toEqual(['invalid_fact', ['partner', 'escalated']]);
  });

  it.each<[string, unknown]>([
    ['an object inheriting every condition', Object.create(ALL_MET)],
    ['a class instance', new Map(Object.entries(ALL_MET))],
  ])("%s as the conditions is 'invalid_fact' at ['partner', 'conditions'], not eligible", (_, conditions) => {
    const e = errorOf(() => assessPartnerEligibility(standard, untrusted<PartnerFacts>({ conditions })));
    expect([e.code, e.path]).toEqual(['invalid_fact', ['partner', 'conditions']]);
  });

  it.each(HOSTILE)("%s as a condition or the escalation flag is 'invalid_fact' at its path", (_, value) => {
    const condition = errorOf(() =>
      assessPartnerEligibility(standard, untrusted<PartnerFacts>({ conditions: { certified: value } })),
    );
    expect([condition.code, condition.path]).toEqual(['invalid_fact', ['partner', 'conditions', 'certified']]);
    expect(condition.message).toMatch(/^partner\.conditions\.certified: expected true or false, got /);
    const flag = errorOf(() =>
      assessPartnerEligibility(standard, untrusted<PartnerFacts>({ conditions: {}, escalatedToTechnicalTeam: value })),
    );
    expect([flag.code, flag.path]).toEqual(['invalid_fact', ['partner', 'escalatedToTechnicalTeam']]);
  });

  it('conditions and the escalation flag of a polluted Object.prototype are not read', () => {
    pollute({ ...ALL_MET, escalatedToTechnicalTeam: true });
    const result = assessPartnerEligibility(standard, { conditions: {} });
    unpollute();
    expect(result.eligible).toBe(false);
    expect(result.missing).toEqual(['certified', 'technical-knowledge', 'production-access']);
    expect(result.escalation.escalated).toBe(false);
  });
});

describe('routeRequest', () => {
  it.each(HOSTILE.slice(0, 3))("%s as now is 'invalid_instant' at ['now']", (_, value) => {
    const e = errorOf(() => routeRequest(standard, direct, untrusted<number>(value)));
    expect([e.code, e.path]).toEqual(['invalid_instant', ['now']]);
  });

  it("now is an argument, not an option: one in the options is 'invalid_option' at ['options', 'now']", () => {
    const e = errorOf(() =>
      routeRequest(standard, direct, MONDAY_10_MADRID, untrusted<RouteRequestOptions>({ now: MONDAY_10_MADRID })),
    );
    expect([e.code, e.path]).toEqual(['invalid_option', ['options', 'now']]);
    const missing = errorOf(() =>
      routeRequest(standard, direct, untrusted<number>(undefined), untrusted<RouteRequestOptions>({ now: 0 })),
    );
    expect([missing.code, missing.path]).toEqual(['invalid_instant', ['now']]);
  });

  it('a locale that is not a string is invalid_option at its path', () => {
    const e = errorOf(() => routeRequest(standard, direct, MONDAY_10_MADRID, { locale: untrusted<string>(['es']) }));
    expect([e.code, e.path]).toEqual(['invalid_option', ['options', 'locale']]);
  });

  it('a now or locale of a polluted Object.prototype is not read', () => {
    pollute({ now: MONDAY_10_MADRID, locale: 'es' });
    const missing = outcome(() => routeRequest(standard, direct, untrusted<number>(undefined), {}));
    const labels = outcome(() => routeRequest(standard, direct, MONDAY_10_MADRID, {}));
    unpollute();
    expect(missing).toMatchObject({ code: 'invalid_instant', path: ['now'] });
    expect((labels as { openNow: { label: string }[] }).openNow.map((c) => c.label)).toEqual([
      'Live chat',
      'Support ticket',
    ]);
  });
});
