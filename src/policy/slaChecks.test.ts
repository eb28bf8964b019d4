import { describe, expect, it } from 'vitest';
import { helpdeskPolicyDefinition } from '../../test/arbitraries/helpdeskPolicy.js';
import { type PolicyDefinition, PolicyValidationError, parsePolicy, standardSupport } from '../index.js';

type Doc = Record<string, any>;

/** `code path` of each issue parsePolicy raises for a copy of `base` changed by `change` ([] when it parses). */
function issuesAfter(change: (doc: Doc) => void, base: PolicyDefinition = helpdeskPolicyDefinition): string[] {
  const doc = structuredClone(base) as Doc;
  change(doc);
  try {
    parsePolicy(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyValidationError);
    return (e as PolicyValidationError).issues.map((i) => `${i.code} ${i.path.join('.')}`);
  }
  return [];
}
const proTargets = (doc: Doc) => doc['plans'].pro.targets as Doc[];

describe('status vocabularies', () => {
  it('the helpdesk policy (its own six statuses) parses', () => {
    expect(issuesAfter(() => {})).toEqual([]);
  });

  it('a target may pause only on a declared status of the open category', () => {
    expect(issuesAfter((d) => (proTargets(d)[0]!['pauseOn'] = ['hold', 'waiting_on_customer']))).toEqual([
      'unknown_reference plans.pro.targets.0.pauseOn.1',
    ]);
    expect(issuesAfter((d) => (proTargets(d)[0]!['pauseOn'] = ['solved', 'closed']))).toEqual([
      'unknown_reference plans.pro.targets.0.pauseOn.0',
      'unknown_reference plans.pro.targets.0.pauseOn.1',
    ]);
  });

  it('without a vocabulary, targets pause on waiting_on_customer or on_hold only (as before vocabularies)', () => {
    const issues = issuesAfter((d) => {
      d['plans'].enterprise.targets[0].pauseOn = ['open'];
    }, standardSupport);
    expect(issues).toEqual(['unknown_reference plans.enterprise.targets.0.pauseOn.0']);
  });

  it('the initial status must be declared and of the open category', () => {
    expect(issuesAfter((d) => (d['sla'].initialStatus = 'solved'))).toEqual(['unknown_reference sla.initialStatus']);
    expect(issuesAfter((d) => (d['sla'].initialStatus = 'triage'))).toEqual(['unknown_reference sla.initialStatus']);
    // Without initialStatus it is "open", which a vocabulary must then declare.
    expect(
      issuesAfter((d) => {
        delete d['sla'].initialStatus;
        delete d['sla'].statuses.open;
      }),
    ).toEqual(['unknown_reference sla']);
  });

  it('status names and categories are checked by the schema', () => {
    expect(issuesAfter((d) => (d['sla'].statuses['In-Progress'] = { category: 'open' }))).toEqual([
      'invalid_definition sla.statuses.In-Progress',
    ]);
    expect(issuesAfter((d) => (d['sla'].statuses.hold = { category: 'paused' }))).toEqual([
      'invalid_definition sla.statuses.hold.category',
    ]);
  });
});

describe('targets of one metric and their thresholds', () => {
  it('two measured targets of one metric need ids that tell them apart', () => {
    expect(issuesAfter((d) => delete proTargets(d)[3]!['id'])).toEqual([]); // resolution + agent_work: distinct
    expect(issuesAfter((d) => (proTargets(d)[3]!['id'] = 'agent_work'))).toEqual(['invalid_rule plans.pro.targets.4']);
  });

  it('threshold ids are unique per target, counting warnAtPercent as warn-<percent>', () => {
    expect(issuesAfter((d) => (proTargets(d)[4]!['thresholds'][1].id = 'manager'))).toEqual([
      'duplicate_id plans.pro.targets.4.thresholds.1.id',
    ]);
    expect(issuesAfter((d) => (proTargets(d)[4]!['thresholds'][0].id = 'warn-80'))).toEqual([
      'duplicate_id plans.pro.targets.4.thresholds.0.id',
    ]);
  });

  it('a threshold is a percentage from 1 to 1000, or open time past the due instant', () => {
    for (const bad of [{ id: 'x', percent: 0 }, { id: 'x', percent: 1001 }, { id: 'x', after: 'P1D' }, { id: 'x' }])
      expect(issuesAfter((d) => (proTargets(d)[0]!['thresholds'] = [bad]))).toHaveLength(1);
    expect(issuesAfter((d) => (proTargets(d)[0]!['thresholds'] = [{ id: 'x', percent: 1000 }]))).toEqual([]);
  });
});

describe('SLA rules', () => {
  const rules = (d: Doc) => d['sla'].rules as Doc[];

  it('rule ids are unique; their targets name known clocks and severity levels', () => {
    expect(issuesAfter((d) => (rules(d)[1]!['id'] = 'vip'))).toEqual(['duplicate_id sla.rules.1.id']);
    expect(issuesAfter((d) => (rules(d)[0]!['targets'][0].clock = 'night'))).toEqual([
      'unknown_reference sla.rules.0.targets.0.clock',
    ]);
    expect(issuesAfter((d) => (rules(d)[0]!['targets'][0].severities = ['critical']))).toEqual([
      'unknown_reference sla.rules.0.targets.0.severities.0',
    ]);
    expect(issuesAfter((d) => (rules(d)[0]!['targets'][0].pauseOn = ['solved']))).toEqual([
      'unknown_reference sla.rules.0.targets.0.pauseOn.0',
    ]);
  });

  it('one measured target per id and level within a rule', () => {
    expect(
      issuesAfter((d) => rules(d)[0]!['targets'].push({ metric: 'firstResponse', duration: 'PT1H', clock: '24/7' })),
    ).toEqual(['invalid_rule sla.rules.0.targets.2']);
  });

  it('conditions are checked by the schema: a known operator with its operand', () => {
    for (const bad of [
      { field: 'channel', op: 'contains', value: 'x' },
      { field: 'channel', op: 'is' },
      { field: 'tags', op: 'has_tag', value: 'vip' },
      { field: 'Channel', op: 'exists' },
      { field: 'score', op: 'greater_than', value: '3' },
    ])
      expect(issuesAfter((d) => (rules(d)[0]!['when'] = [bad]))).toHaveLength(1);
  });
});

describe('clocks chosen per ticket', () => {
  it('every calendar a choice names, and its otherwise, must be a calendar of the policy', () => {
    expect(
      issuesAfter(
        (d) =>
          (proTargets(d)[2]!['clock'] = {
            from: 'field',
            field: 'group',
            calendars: { us: 'boston' },
            otherwise: 'office',
          }),
      ),
    ).toEqual(['unknown_reference plans.pro.targets.2.clock.calendars.us']);
    expect(issuesAfter((d) => (proTargets(d)[2]!['clock'] = { from: 'account', otherwise: 'night' }))).toEqual([
      'unknown_reference plans.pro.targets.2.clock.otherwise',
    ]);
    expect(issuesAfter((d) => (proTargets(d)[2]!['clock'] = { from: 'team', otherwise: 'office' }))).toHaveLength(1);
  });
});
