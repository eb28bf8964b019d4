import { describe, expect, it } from 'vitest';
import {
  dedicatedSupport,
  InvalidArgumentError,
  parseDuration,
  parsePolicy,
  PolicyValidationError,
  safeParsePolicy,
  standardSupport,
  type ErrorCode,
  type ValidationIssue,
} from '../index.js';

// One test per error code / bad input. Each bad policy is a deep clone of a preset with one field
// changed, so the issue listed is the only one in the document.

type Doc = any; // a mutable deep clone of a preset
/** A table row: what is wrong, the preset to start from, the change, the expected path and message. */
type Row = readonly [string, () => Doc, (p: Doc) => unknown, readonly (string | number)[], string | undefined];
type StdRow = readonly [string, (p: Doc) => unknown, readonly (string | number)[], string | undefined];
const clone = (p: unknown): Doc => structuredClone(JSON.parse(JSON.stringify(p)));
const std = (): Doc => clone(standardSupport);
const ded = (): Doc => clone(dedicatedSupport);
const edit = (base: () => Doc, change: (p: Doc) => unknown, p = base()): Doc => (change(p), p);

function issuesOf(input: unknown): readonly ValidationIssue[] {
  const r = safeParsePolicy(input);
  if (r.success) throw new Error('expected the policy to be rejected');
  return r.error.issues;
}
/** Exactly one issue, with this code and path, and a message `path: …` containing `message`. */
function expectOnly(input: unknown, code: ErrorCode, path: (string | number)[], message?: string): void {
  const issues = issuesOf(input);
  expect(issues.map((i) => ({ code: i.code, path: i.path }))).toEqual([{ code, path }]);
  if (message !== undefined) expect(issues[0]!.message).toContain(message);
}
const timed = <T>(f: () => T, t0 = performance.now()): { value: T; ms: number } => ({
  value: f(),
  ms: performance.now() - t0,
});

describe('parsePolicy: input stage (prototype keys, size, depth, JSON text)', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'rejects the key %s, from JSON text and from its JSON.parse object, without pollution',
    (key) => {
      const text = JSON.stringify(standardSupport).replace('"plans":{', `"plans":{"${key}":{"polluted":true},`);
      for (const input of [text, JSON.parse(text) as unknown]) {
        expectOnly(input, 'forbidden_key', ['plans', key], `plans.${key}: forbidden key "${key}"`);
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    },
  );

  it('rejects a forbidden key inside a text (not taken for a locale)', () => {
    expectOnly(
      edit(std, (p) => (p.plans.premium.label = { en: 'x', es: 'y', constructor: 'z' })),
      'forbidden_key',
      ['plans', 'premium', 'label', 'constructor'],
    );
  });

  it('rejects objects that are not plain (a Date, a replaced prototype)', () => {
    expectOnly(
      edit(std, (p) => (p.source.readOn = new Date())),
      'invalid_definition',
      ['source', 'readOn'],
      'expected a plain JSON object, got an instance of Date',
    );
    expectOnly(
      edit(std, (p) => (p.plans = Object.create({ evil: 1 }))),
      'invalid_definition',
      ['plans'],
      'expected a plain JSON object',
    );
  });

  it('rejects text over 5,000,000 characters with input_too_large, fast', () => {
    const { value, ms } = timed(() => issuesOf(' '.repeat(5_000_001)));
    expect(value).toEqual([
      {
        code: 'input_too_large',
        path: [],
        message: '(root): expected at most 5000000 characters of JSON, got 5000001',
      },
    ]);
    expect(ms).toBeLessThan(2000);
  });

  it('rejects nesting deeper than 32 levels with input_too_large (object and text), fast', () => {
    const deep: Doc = std();
    let cur = deep.plans.premium;
    for (let i = 0; i < 40; i++) cur = cur.note = { a: {} };
    for (const input of [deep, JSON.stringify(deep)]) {
      const { value, ms } = timed(() => issuesOf(input));
      expect(value).toHaveLength(1);
      expect(value[0]!.code).toBe('input_too_large');
      expect(value[0]!.path).toHaveLength(32);
      expect(ms).toBeLessThan(2000);
    }
  });

  // Regression: the duplicate-key scan of JSON text once copied the whole path at every bracket
  // (quadratic in depth; 30,000 levels ran out of memory). It now stops at 64 levels.
  it('rejects a 40 KB text nested 20,000 levels deep with input_too_large in under 2 s', () => {
    const { value, ms } = timed(() => issuesOf('['.repeat(20_000) + ']'.repeat(20_000)));
    expect(value[0]!.code).toBe('input_too_large');
    expect(ms).toBeLessThan(2000);
  });

  it('rejects more than 1,000,000 values (object or text) with input_too_large, fast', () => {
    for (const input of [edit(std, (p) => (p.extra = new Array(1_000_001).fill(0))), `[${'0,'.repeat(1_000_001)}0]`]) {
      const { value, ms } = timed(() => issuesOf(input));
      expect(value.map((i) => [i.code, i.path])).toEqual([['input_too_large', []]]);
      expect(ms).toBeLessThan(2000);
    }
  });

  it('rejects invalid JSON text with invalid_json at the root', () => {
    expectOnly('{"schemaVersion": 1,', 'invalid_json', [], '(root): expected JSON text, got a syntax error');
    expectOnly(JSON.stringify(standardSupport).slice(0, -1), 'invalid_json', []);
  });

  it('rejects keys repeated in one object of the text (two plans with one id) with duplicate_key', () => {
    const text = JSON.stringify(standardSupport).replace('"plans":{', '"plans":{"premium":{},');
    expectOnly(
      text,
      'duplicate_key',
      ['plans', 'premium'],
      'plans.premium: expected each key once in its object, got it twice',
    );
    const label = JSON.stringify(standardSupport).replace(
      '"label":{"en":"Premium"',
      '"label":{"en":"Premium","en":"P"',
    );
    expectOnly(label, 'duplicate_key', ['plans', 'premium', 'label', 'en']);
  });

  it.each([42, null, [], 'null'])('rejects a document that is not an object (%j)', (input) => {
    expectOnly(input, 'invalid_definition', [], '(root): expected object, got');
  });
});

describe('parsePolicy: schema stage', () => {
  it('rejects unknown fields with their path (strict objects)', () => {
    expectOnly(
      edit(std, (p) => (p.plans.premium.targetz = [])),
      'invalid_definition',
      ['plans', 'premium', 'targetz'],
      'plans.premium.targetz: unknown field "targetz"',
    );
    expectOnly(
      edit(std, (p) => (p.extra = 1)),
      'invalid_definition',
      ['extra'],
    );
    expectOnly(
      edit(ded, (p) => (p.addOns.dedicated_support.routing.vip = true)),
      'invalid_definition',
      ['addOns', 'dedicated_support', 'routing', 'vip'],
    );
  });

  const minimum = ['supportHours', 'deduction', 'minimumMinutes'];
  it.each<Row>([
    [
      'NaN minimum',
      std,
      (p: Doc) => (p.supportHours.deduction.minimumMinutes = Number.NaN),
      minimum,
      'expected number, got NaN',
    ],
    [
      'fractional minimum',
      std,
      (p: Doc) => (p.supportHours.deduction.minimumMinutes = 7.5),
      minimum,
      'expected a whole number, got 7.5',
    ],
    ['negative minimum', std, (p: Doc) => (p.supportHours.deduction.minimumMinutes = -15), minimum, undefined],
    [
      'infinite increment',
      std,
      (p: Doc) => (p.supportHours.deduction.incrementMinutes = Infinity),
      ['supportHours', 'deduction', 'incrementMinutes'],
      undefined,
    ],
    [
      'fractional price',
      ded,
      (p: Doc) => (p.addOns.dedicated_support.price.amountMinor = 10.5),
      ['addOns', 'dedicated_support', 'price', 'amountMinor'],
      'got 10.5',
    ],
    [
      'negative price',
      ded,
      (p: Doc) => (p.addOns.dedicated_support.price.amountMinor = -1),
      ['addOns', 'dedicated_support', 'price', 'amountMinor'],
      undefined,
    ],
    [
      'fractional annual minutes',
      std,
      (p: Doc) => (p.plans.premium.supportHours = { kind: 'fixed', annualMinutes: 0.5 }),
      ['plans', 'premium', 'supportHours', 'annualMinutes'],
      undefined,
    ],
  ])('rejects a %s with invalid_definition at its path', (_, base, change, path, message) => {
    expectOnly(edit(base, change), 'invalid_definition', [...path], message);
  });

  const durationPath = ['plans', 'premium', 'targets', 0, 'duration'];
  it.each(['PT0H', 'PT2.5H', 'P1DT2H', 'P1W', '2h', 'PT2S', 'P0D', 'PT1H0M', ''])(
    'rejects the duration %j at the target',
    (duration) => {
      expectOnly(
        edit(std, (p) => (p.plans.premium.targets[0].duration = duration)),
        'invalid_definition',
        durationPath,
        `plans.premium.targets[0].duration: expected a positive duration "PT<h>H<m>M" (open time) or "P<n>D" (business days), got ${JSON.stringify(duration)}`,
      );
    },
  );

  // Regression: the schema's duration pattern once matched "PT", which only parseDuration refused.
  it('rejects the empty duration "PT" at the target', () => {
    expectOnly(
      edit(std, (p) => (p.plans.premium.targets[0].duration = 'PT')),
      'invalid_definition',
      durationPath,
      'expected a positive duration',
    );
  });

  const zonePath = ['calendars', 'support-hours', 'zone'];
  it.each([
    ['europe/madrid', 'Europe/Madrid'],
    ['utc', 'UTC'],
    ['UTC+01:00', 'UTC+01:00'],
    ['utc+01:00', 'UTC+01:00'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
  ])('accepts the zone %j in any case and stores %j', (written, canonical) => {
    const policy = parsePolicy(edit(std, (p) => (p.calendars['support-hours'].zone = written)));
    expect(policy.calendars['support-hours']!.zone).toBe(canonical);
  });

  it.each(['Local', 'system', 'Europe/Madird'])('rejects the zone %j with invalid_zone', (zone) => {
    expectOnly(
      edit(std, (p) => (p.calendars['support-hours'].zone = zone)),
      'invalid_zone',
      zonePath,
      `calendars.support-hours.zone: unknown IANA time zone ${JSON.stringify(zone)}`,
    );
  });
});

describe('parsePolicy: cross-field stage', () => {
  it.each<Row>([
    [
      'a target on an unknown calendar',
      std,
      (p: Doc) => (p.plans.premium.targets[1].clock = 'office'),
      ['plans', 'premium', 'targets', 1, 'clock'],
      'expected the id of one of the policy\'s calendars, or "24/7" ("support-hours"), got "office"',
    ],
    [
      'a channel on an unknown calendar',
      ded,
      (p: Doc) => (p.addOns.dedicated_support.channels[2].clock = 'office'),
      ['addOns', 'dedicated_support', 'channels', 2, 'clock'],
      undefined,
    ],
    [
      'an account type limited to an unknown channel',
      std,
      (p: Doc) => (p.accountTypes.indirect.channels = ['fax']),
      ['accountTypes', 'indirect', 'channels', 0],
      'got "fax"',
    ],
    [
      'an unknown channel',
      std,
      (p: Doc) => (p.plans.starter.channels[0].channel = 'fax'),
      ['plans', 'starter', 'channels', 0, 'channel'],
      'got "fax"',
    ],
    [
      'a plan on an unknown scale',
      std,
      (p: Doc) => (p.plans.starter.severityScale = 'vip'),
      ['plans', 'starter', 'severityScale'],
      undefined,
    ],
    [
      'an add-on available on an unknown plan',
      ded,
      (p: Doc) => p.addOns.dedicated_support.availableOn.push('gold'),
      ['addOns', 'dedicated_support', 'availableOn', 1],
      'plans ("all_inclusive"), got "gold"',
    ],
    [
      'an included add-on that does not exist',
      std,
      (p: Doc) => (p.plans.premium.includedAddOns = ['vip']),
      ['plans', 'premium', 'includedAddOns', 0],
      undefined,
    ],
    [
      'a target severity not on the scale',
      ded,
      (p: Doc) => (p.addOns.dedicated_support.targets[0].severities = ['sev1', 'sev9']),
      ['addOns', 'dedicated_support', 'targets', 0, 'severities', 1],
      'expected a level of scale "vip", got "sev9"',
    ],
    [
      'a Customer Success channel that does not exist',
      std,
      (p: Doc) => (p.customerSuccess.channels = ['email', 'fax']),
      ['customerSuccess', 'channels', 1],
      undefined,
    ],
    [
      'a Customer Success reply on an unknown calendar',
      std,
      (p: Doc) => (p.customerSuccess.reply.clock = 'office'),
      ['customerSuccess', 'reply', 'clock'],
      undefined,
    ],
    [
      'a severity mapping to an unknown level',
      std,
      (p: Doc) => (p.severityMappings = [{ from: 'incident', to: 'incident', levels: { critical: 'sev1' } }]),
      ['severityMappings', 0, 'levels', 'critical'],
      'expected a level of scale "incident", got "sev1"',
    ],
    [
      'a severity mapping from an unknown level',
      std,
      (p: Doc) => (p.severityMappings = [{ from: 'incident', to: 'incident', levels: { sev1: 'major' } }]),
      ['severityMappings', 0, 'levels', 'sev1'],
      undefined,
    ],
    [
      'a severity mapping to an unknown scale',
      std,
      (p: Doc) => (p.severityMappings = [{ from: 'incident', to: 'vip', levels: {} }]),
      ['severityMappings', 0, 'to'],
      undefined,
    ],
  ])('reports %s as unknown_reference', (_, base, change, path, message) => {
    expectOnly(edit(base, change), 'unknown_reference', [...path], message);
  });

  it('reports an add-on included in a plan it is not available on as addon_not_allowed', () => {
    const p = edit(
      ded,
      (d) =>
        (d.plans.basic = {
          ...d.plans.all_inclusive,
          label: { en: 'Basic' },
          rank: 2,
          includedAddOns: ['dedicated_support'],
        }),
    );
    expectOnly(
      p,
      'addon_not_allowed',
      ['plans', 'basic', 'includedAddOns', 0],
      'expected an add-on available on plan "basic", got "dedicated_support" (available on all_inclusive)',
    );
  });

  it.each<Row>([
    [
      'criterion ids across levels',
      std,
      (p: Doc) => (p.severityScales.incident.levels[1].criteria[0].id = 'critical.data-loss'),
      ['severityScales', 'incident', 'levels', 1, 'criteria', 0, 'id'],
      'expected a unique criterion id, got "critical.data-loss" again',
    ],
    [
      'criterion ids between a level and notIncident',
      std,
      (p: Doc) => (p.severityScales.incident.notIncident[0].id = 'minor.not-as-expected'),
      ['severityScales', 'incident', 'notIncident', 0, 'id'],
      undefined,
    ],
    [
      'level ids',
      std,
      (p: Doc) => (p.severityScales.incident.levels[2].id = 'major'),
      ['severityScales', 'incident', 'levels', 2, 'id'],
      'expected a unique level id, got "major" again',
    ],
    [
      'level ranks',
      ded,
      (p: Doc) => (p.severityScales.vip.levels[3].rank = 2),
      ['severityScales', 'vip', 'levels', 3, 'rank'],
      'expected a unique rank, got 2 again',
    ],
    [
      'feature ids',
      ded,
      (p: Doc) => (p.addOns.dedicated_support.features[2].id = 'named-agent'),
      ['addOns', 'dedicated_support', 'features', 2, 'id'],
      undefined,
    ],
    ['scope rule ids', std, (p: Doc) => (p.scope[3].id = 'client-formulas'), ['scope', 3, 'id'], undefined],
    [
      'out-of-scope ids',
      std,
      (p: Doc) => (p.customerSuccess.outOfScope[1].id = 'managed-services'),
      ['customerSuccess', 'outOfScope', 1, 'id'],
      undefined,
    ],
    [
      'partner condition ids',
      std,
      (p: Doc) => (p.partners.integrationSupport.conditions[2].id = 'certified'),
      ['partners', 'integrationSupport', 'conditions', 2, 'id'],
      undefined,
    ],
  ])('reports duplicate %s as duplicate_id', (_, base, change, path, message) => {
    expectOnly(edit(base, change), 'duplicate_id', [...path], message);
  });

  it.each<StdRow>([
    [
      'a text missing a declared locale',
      (p: Doc) => delete p.plans.premium.label.es,
      ['plans', 'premium', 'label', 'es'],
      'expected a text in "es", which the policy declares',
    ],
    [
      'a text with an undeclared locale',
      (p: Doc) => (p.severityScales.incident.levels[0].criteria[1].text.fr = 'x'),
      ['severityScales', 'incident', 'levels', 0, 'criteria', 1, 'text', 'fr'],
      'expected only declared locales (en, es), got "fr"',
    ],
    [
      'locales not starting with en',
      (p: Doc) => (p.locales = ['es', 'en']),
      ['locales', 0],
      'expected "en" first, got "es"',
    ],
    [
      'a locale listed twice',
      (p: Doc) => p.locales.push('es'),
      ['locales', 2],
      'expected each locale once, got "es" again',
    ],
  ])('reports %s as invalid_locale', (_, change, path, message) => {
    expectOnly(edit(std, change), 'invalid_locale', [...path], message);
  });

  it.each<StdRow>([
    [
      'a partial scope rule without stillCovered',
      (p: Doc) => delete p.scope[1].stillCovered,
      ['scope', 1, 'stillCovered'],
      'expected what is still covered',
    ],
    [
      'an increment larger than the minimum',
      (p: Doc) => (p.supportHours.deduction.incrementMinutes = 30),
      ['supportHours', 'deduction', 'incrementMinutes'],
      'expected an increment no larger than the minimum (15), got 30',
    ],
    [
      'a Customer Success expected reply above the target',
      (p: Doc) => (p.customerSuccess.reply.expected = 'P5D'),
      ['customerSuccess', 'reply', 'target'],
      'not below, the expected reply P5D, got P3D',
    ],
    [
      'a Customer Success reply mixing hours and days',
      (p: Doc) => (p.customerSuccess.reply.expected = 'PT2H'),
      ['customerSuccess', 'reply', 'target'],
      undefined,
    ],
  ])('reports %s as invalid_rule', (_, change, path, message) => {
    expectOnly(edit(std, change), 'invalid_rule', [...path], message);
  });

  it('reports every problem at once (three independent cross-field problems, three issues)', () => {
    const p = edit(std, (d) => {
      d.plans.premium.targets[0].clock = 'office';
      delete d.scope[0].stillCovered;
      d.supportHours.deduction.incrementMinutes = 30;
    });
    expect(issuesOf(p).map((i) => [i.code, i.path])).toEqual([
      ['unknown_reference', ['plans', 'premium', 'targets', 0, 'clock']],
      ['invalid_rule', ['scope', 0, 'stillCovered']],
      ['invalid_rule', ['supportHours', 'deduction', 'incrementMinutes']],
    ]);
  });
});

describe('parsePolicy and safeParsePolicy: results', () => {
  it('safeParsePolicy returns {success: false, error} without throwing, and {success: true, data} for the presets', () => {
    const bad = edit(std, (p) => (p.plans.premium.targets[0].clock = 'office'));
    const r = safeParsePolicy(bad);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error).toBeInstanceOf(PolicyValidationError);
      expect(r.error.code).toBe('unknown_reference');
      expect(r.error.path).toEqual(['plans', 'premium', 'targets', 0, 'clock']);
    }
    expect(() => safeParsePolicy('{')).not.toThrow();
    for (const preset of [standardSupport, dedicatedSupport]) {
      const ok = safeParsePolicy(preset);
      expect(ok.success && ok.data).toEqual(parsePolicy(preset));
    }
  });

  it('parsePolicy throws one PolicyValidationError listing every issue in its message', () => {
    const bad = edit(std, (p) => ((p.locales = ['es', 'en']), (p.supportHours.deduction.incrementMinutes = 30)));
    let caught: unknown;
    try {
      parsePolicy(bad);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PolicyValidationError);
    const err = caught as PolicyValidationError;
    expect(err.issues).toHaveLength(2);
    expect(err.message).toBe(['invalid policy: 2 problems', ...err.issues.map((i) => `  - ${i.message}`)].join('\n'));
  });

  it('returns a deeply frozen policy and leaves the input unmutated (and unfrozen)', () => {
    const input = ded();
    const before = JSON.stringify(input);
    const policy = parsePolicy(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.isFrozen(input) || Object.isFrozen(input.addOns.dedicated_support.targets[0])).toBe(false);
    const unfrozen: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v !== 'object' || v === null) return;
      if (!Object.isFrozen(v)) unfrozen.push(path);
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(policy, '(root)');
    expect(unfrozen).toEqual([]);
  });

  it('parses JSON text and the object to the same value, with defaults filled (role: target)', () => {
    const policy = parsePolicy(JSON.stringify(standardSupport));
    expect(policy).toEqual(parsePolicy(standardSupport));
    expect(policy.plans['premium']!.targets.map((t) => t.role)).toEqual(['target', 'typical']);
    expect(parsePolicy(dedicatedSupport).addOns['dedicated_support']!.targets.map((t) => t.role)).toEqual([
      'target',
      'target',
      'target',
      'typical',
      'target',
      'target',
      'typical',
    ]);
  });
});

describe('parseDuration', () => {
  it.each([
    ['PT2H', { kind: 'time', iso: 'PT2H', ms: 7_200_000 }],
    ['PT30M', { kind: 'time', iso: 'PT30M', ms: 1_800_000 }],
    ['PT1H30M', { kind: 'time', iso: 'PT1H30M', ms: 5_400_000 }],
    ['PT90M', { kind: 'time', iso: 'PT90M', ms: 5_400_000 }],
    ['P3D', { kind: 'businessDays', iso: 'P3D', days: 3 }],
  ])('parses %s', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['PT', 'PT0H', 'PT0M', 'PT2.5H', 'P1DT2H', 'P1W', 'P1M', '2h', 'PT2S', 'P0D', 'pt2h', ' PT2H', ''])(
    'refuses %j with invalid_duration',
    (text) => {
      let caught: unknown;
      try {
        parseDuration(text);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect(caught).toMatchObject({ code: 'invalid_duration', path: ['duration'] });
      expect((caught as Error).message).toContain(
        `expected a positive duration "PT<h>H<m>M" (open time) or "P<n>D" (business days), got ${JSON.stringify(text)}`,
      );
    },
  );

  it('refuses a non-string with invalid_duration', () => {
    expect(() => parseDuration(7200 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'invalid_duration' }),
    );
  });
});
