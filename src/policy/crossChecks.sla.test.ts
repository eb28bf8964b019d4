import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import {
  dedicatedSupport,
  measure,
  type PolicyDefinition,
  PolicyValidationError,
  parsePolicy,
  standardSupport,
  type TicketEvent,
} from '../index.js';

type Doc = Record<string, any>;

/** The issues parsePolicy raises for a copy of `preset` changed by `change` ([] when it parses). */
function issuesAfter(change: (doc: Doc) => void, preset: PolicyDefinition = standardSupport) {
  const doc = structuredClone(preset) as Doc;
  change(doc);
  try {
    parsePolicy(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyValidationError);
    return (e as PolicyValidationError).issues.map((i) => ({
      code: i.code,
      path: i.path.join('.'),
      message: i.message,
    }));
  }
  return [];
}
const codes = (issues: { code: string; path: string }[]) => issues.map((i) => `${i.code} ${i.path}`);
const target = (metric: string, duration: string, more: Doc = {}) => ({
  metric,
  duration,
  clock: 'support-hours',
  ...more,
});
const addOn = (replacesTargets: boolean, availableOn: string[], targets: Doc[]) => ({
  label: { en: 'Extra', es: 'Extra' },
  price: { amountMinor: 1, currency: 'EUR', per: 'month' },
  availableOn,
  replacesTargets,
  channels: [],
  targets,
  routing: { dedicatedAgent: false, secondLevelAgents: false },
});

describe('one measured target per id (the metric unless named) and severity level', () => {
  it("a second firstResponse target overlapping an all-levels one is 'invalid_rule' at the second target", () => {
    const issues = issuesAfter((doc) =>
      doc.plans.enterprise.targets.push(target('firstResponse', 'PT4H', { severities: ['major'] })),
    );
    expect(issues).toEqual([
      {
        code: 'invalid_rule',
        path: 'plans.enterprise.targets.2',
        message:
          'plans.enterprise.targets[2]: expected one measured target "firstResponse" per severity level (name targets of one metric apart with "id"), got a second one besides plans.enterprise.targets[0]',
      },
    ]);
  });

  it('two targets sharing one severity level clash; the error names the second and the first', () => {
    const issues = issuesAfter(
      (doc) =>
        doc.addOns.dedicated_support.targets.push({
          metric: 'firstResponse',
          severities: ['sev2', 'sev3'],
          duration: 'PT3H',
          clock: '24/7',
        }),
      dedicatedSupport,
    );
    expect(codes(issues)).toEqual(['invalid_rule addOns.dedicated_support.targets.7']);
    expect(issues[0]?.message).toMatch(/besides addOns\.dedicated_support\.targets\[0\]$/);
  });

  it('targets for disjoint severity levels, or for other metrics, are accepted', () => {
    expect(
      issuesAfter((doc) => {
        doc.plans.enterprise.targets = [
          target('firstResponse', 'PT1H', { severities: ['critical'] }),
          target('firstResponse', 'PT2H', { severities: ['major', 'minor'] }),
          target('followUp', 'PT4H'),
          target('resolution', 'P3D'),
        ];
      }),
    ).toEqual([]);
    expect(() => parsePolicy(dedicatedSupport)).not.toThrow();
  });

  it("a 'typical' figure beside a measured target of the same metric and levels is accepted", () => {
    expect(
      issuesAfter((doc) => doc.plans.enterprise.targets.push(target('firstResponse', 'PT10M', { role: 'typical' }))),
    ).toEqual([]);
  });
});

describe("an add-on that adds to a plan's targets (replacesTargets: false)", () => {
  it("whose target clashes with a plan it is available on is 'invalid_rule' at the add-on's target", () => {
    const issues = issuesAfter(
      (doc) => (doc.addOns.extra = addOn(false, ['premium'], [target('firstResponse', 'PT1H')])),
    );
    expect(issues).toEqual([
      {
        code: 'invalid_rule',
        path: 'addOns.extra.targets.0',
        message:
          'addOns.extra.targets[0]: expected one measured target "firstResponse" per severity level (name targets of one metric apart with "id"), got a second one besides plans.premium.targets[0]',
      },
    ]);
  });

  it('clashing with several plans is reported once, naming the first plan it clashes with', () => {
    const issues = issuesAfter(
      (doc) =>
        (doc.addOns.extra = addOn(
          false,
          ['starter', 'premium'],
          [target('firstResponse', 'PT1H', { severities: ['critical'] })],
        )),
    );
    expect(codes(issues)).toEqual(['invalid_rule addOns.extra.targets.0']);
    expect(issues[0]?.message).toMatch(/besides plans\.starter\.targets\[0\]$/);
  });

  it("is accepted when it replaces the plan's targets, or adds a metric the plan lacks", () => {
    expect(
      issuesAfter((doc) => (doc.addOns.extra = addOn(true, ['premium'], [target('firstResponse', 'PT1H')]))),
    ).toEqual([]);
    expect(issuesAfter((doc) => (doc.addOns.extra = addOn(false, ['premium'], [target('followUp', 'PT1H')])))).toEqual(
      [],
    );
    expect(
      issuesAfter(
        (doc) => (doc.addOns.extra = addOn(false, ['premium'], [target('firstResponse', 'PT1H', { role: 'typical' })])),
      ),
    ).toEqual([]);
  });

  it('two add-ons that both measure one metric and level may exist, but an account may not take both', () => {
    const doc = structuredClone(standardSupport) as Doc;
    doc.addOns.fast = addOn(true, ['premium'], [target('firstResponse', 'PT1H')]);
    doc.addOns.faster = addOn(true, ['premium'], [target('firstResponse', 'PT30M')]);
    const policy = parsePolicy(doc); // alternatives on one plan are a valid policy
    const created: TicketEvent = { kind: 'created', at: Date.parse('2026-01-12T08:00:00Z'), severity: 'minor' };
    expect(
      measure(policy, { type: 'direct', plan: 'premium', addOns: ['faster'] }, [created], created.at as number)
        .targets[0]?.duration.iso,
    ).toBe('PT30M');
    expect(
      errorOf(() =>
        measure(
          policy,
          { type: 'direct', plan: 'premium', addOns: ['fast', 'faster'] },
          [created],
          created.at as number,
        ),
      ),
    ).toMatchObject({
      code: 'addon_not_allowed',
      path: ['account', 'addOns', 1],
    });
  });
});

describe('warnAtPercent must increase', () => {
  it("a non-increasing policy-level sla.warnAtPercent is 'invalid_rule' at the offending entry", () => {
    expect(issuesAfter((doc) => (doc.sla = { warnAtPercent: [75, 75] }))).toEqual([
      {
        code: 'invalid_rule',
        path: 'sla.warnAtPercent.1',
        message: 'sla.warnAtPercent[1]: expected increasing percentages, got 75 after 75',
      },
    ]);
    expect(codes(issuesAfter((doc) => (doc.sla = { warnAtPercent: [90, 50] })))).toEqual([
      'invalid_rule sla.warnAtPercent.1',
    ]);
    expect(codes(issuesAfter((doc) => (doc.sla = { warnAtPercent: [50, 75, 60, 90] })))).toEqual([
      'invalid_rule sla.warnAtPercent.2',
    ]);
  });

  it("a non-increasing per-target warnAtPercent is 'invalid_rule' at the target's entry (plans and add-ons)", () => {
    expect(codes(issuesAfter((doc) => (doc.plans.enterprise.targets[0].warnAtPercent = [80, 60])))).toEqual([
      'invalid_rule plans.enterprise.targets.0.warnAtPercent.1',
    ]);
    expect(
      codes(issuesAfter((doc) => (doc.addOns.dedicated_support.targets[0].warnAtPercent = [50, 50]), dedicatedSupport)),
    ).toEqual(['invalid_rule addOns.dedicated_support.targets.0.warnAtPercent.1']);
  });

  it('[50, 75, 90] is accepted at both levels; 0 and 100 are outside the schema', () => {
    expect(
      issuesAfter((doc) => {
        doc.sla = { warnAtPercent: [50, 75, 90] };
        doc.plans.enterprise.targets[0].warnAtPercent = [50, 75, 90];
      }),
    ).toEqual([]);
    expect(codes(issuesAfter((doc) => (doc.sla = { warnAtPercent: [0, 50] })))).toEqual([
      'invalid_definition sla.warnAtPercent.0',
    ]);
    expect(codes(issuesAfter((doc) => (doc.plans.enterprise.targets[0].warnAtPercent = [100])))).toEqual([
      'invalid_definition plans.enterprise.targets.0.warnAtPercent.0',
    ]);
  });
});

describe('warnAtPercent in measure results', () => {
  const MON = Date.parse('2026-01-12T08:00:00Z'); // Monday 09:00 in Madrid
  const events: TicketEvent[] = [{ kind: 'created', at: MON, severity: 'major' }];
  const doc = structuredClone(standardSupport) as Doc;
  doc.sla = { warnAtPercent: [25, 75] };
  doc.plans.enterprise.targets[0].warnAtPercent = [50, 90];
  const policy = parsePolicy(doc);
  const warnings = (plan: string, p = policy) =>
    measure(p, { type: 'direct', plan }, events, MON).targets[0]?.thresholds.map((w) => [w.percent, w.elapsedMs, w.at]);

  it("a target's own warnAtPercent overrides the policy's", () => {
    // Enterprise PT2H: 50 % is 1 h (10:00 Madrid), 90 % is 108 min (10:48 Madrid).
    expect(warnings('enterprise')).toEqual([
      [50, 3_600_000, MON + 3_600_000],
      [90, 6_480_000, MON + 6_480_000],
    ]);
  });

  it("targets without their own use the policy's sla.warnAtPercent", () => {
    // Premium PT12H from Monday 09:00: 25 % is 3 h (12:00), 75 % is 9 h (Monday's closing, 18:00).
    expect(warnings('premium')).toEqual([
      [25, 3 * 3_600_000, MON + 3 * 3_600_000],
      [75, 9 * 3_600_000, MON + 9 * 3_600_000],
    ]);
  });

  it('a policy without sla.warnAtPercent warns at nothing, and the next check is the breach, 1 ms past due', () => {
    const bare = structuredClone(standardSupport) as Doc;
    delete bare.sla;
    const p = parsePolicy(bare);
    expect(warnings('premium', p)).toEqual([]);
    expect(measure(p, { type: 'direct', plan: 'enterprise' }, events, MON).nextCheckAt).toBe(MON + 2 * 3_600_000 + 1);
  });
});
