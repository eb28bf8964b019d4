import { describe, expect, it } from 'vitest';
import { type PolicyValidationError, parsePolicy, standardSupport } from '../index.js';

/** The issues parsePolicy raises for a copy of the standard preset changed by `change`. */
function issuesAfter(change: (doc: Record<string, any>) => void) {
  const doc = JSON.parse(JSON.stringify(standardSupport));
  change(doc);
  try {
    parsePolicy(doc);
  } catch (e) {
    return (e as PolicyValidationError).issues.map((i) => ({
      code: i.code,
      path: i.path.join('.'),
      message: i.message,
    }));
  }
  return [];
}

describe('cross-field checks on add-ons with their own severity scale', () => {
  const extra = (replacesTargets: boolean) => (doc: Record<string, any>) => {
    doc.severityScales.vip = structuredClone(doc.severityScales.incident);
    doc.addOns.extra = {
      label: { en: 'Extra', es: 'Extra' },
      price: { amountMinor: 1, currency: 'EUR', per: 'month' },
      availableOn: ['premium'],
      replacesTargets,
      severityScale: 'vip',
      channels: [],
      targets: [],
      routing: { dedicatedAgent: false, secondLevelAgents: false },
    };
  };

  it("an add-on with its own scale must replace the plan's targets, which name the plan's levels", () => {
    expect(issuesAfter(extra(false))).toEqual([
      {
        code: 'invalid_rule',
        path: 'addOns.extra.replacesTargets',
        message:
          'addOns.extra.replacesTargets: expected true for an add-on with its own severity scale "vip" (plan "premium" uses "incident", whose targets could not apply), got false',
      },
    ]);
  });

  it('the same add-on replacing the targets is valid', () => {
    expect(issuesAfter(extra(true))).toEqual([]);
  });
});

describe('cross-field checks on severity mappings', () => {
  it('a mapping from an unknown scale is reported once, not once per level', () => {
    const issues = issuesAfter((doc) => {
      doc.severityMappings = [{ from: 'nope', to: 'incident', levels: { a: 'critical', b: 'major' } }];
    });
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown_reference severityMappings.0.from']);
  });

  it('a mapping naming levels that do not exist is reported at each level', () => {
    const issues = issuesAfter((doc) => {
      doc.severityScales.other = structuredClone(doc.severityScales.incident);
      doc.severityMappings = [
        { from: 'incident', to: 'other', levels: { critical: 'critical', urgent: 'major', major: 'huge' } },
      ];
    });
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'unknown_reference severityMappings.0.levels.urgent',
      'unknown_reference severityMappings.0.levels.major',
    ]);
  });
});

describe("cross-field checks on a criterion's unless", () => {
  const minor = (doc: Record<string, any>) => doc.severityScales.incident.levels[2].criteria[0];

  it('an unless must exclude every value worse than one it excludes, as a when must accept them', () => {
    expect(issuesAfter((doc) => (minor(doc).unless = { businessImpact: ['significant'] }))).toEqual([
      {
        code: 'invalid_rule',
        path: 'severityScales.incident.levels.2.criteria.0.unless.businessImpact',
        message:
          'severityScales.incident.levels[2].criteria[0].unless.businessImpact: expected every value at least as severe as "significant" (so that worse facts never lower the severity), missing "halted"',
      },
    ]);
  });

  it('an unless names at least one fact (an empty one would exclude everything)', () => {
    expect(issuesAfter((doc) => (minor(doc).unless = {})).map((i) => `${i.code} ${i.path}`)).toEqual([
      'invalid_rule severityScales.incident.levels.2.criteria.0.unless',
    ]);
  });

  it('an unless may name the request kind with any values, and facts its when does not name', () => {
    expect(
      issuesAfter((doc) => (minor(doc).unless = { requestType: ['question'], dataLoss: ['unrecoverable'] })),
    ).toEqual([]);
  });
});
