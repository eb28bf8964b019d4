import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import { helpdeskPolicyDefinition } from '../../test/arbitraries/helpdeskPolicy.js';
import { canonicalJson } from '../internal/canonicalJson.js';
import { fnv1a64 } from '../internal/fnv1a64.js';
import {
  measureMany,
  parsePolicy,
  parsePolicyVersions,
  type PolicyDefinition,
  policyFingerprint,
  standardSupport,
} from '../index.js';

type Doc = any; // a mutable JSON clone
const clone = (d: unknown): Doc => JSON.parse(JSON.stringify(d));
const fingerprintOf = (d: unknown) => policyFingerprint(parsePolicy(d));
const helpdesk = fingerprintOf(helpdeskPolicyDefinition);

/** The same data with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value).reverse();
  return Object.fromEntries(keys.map((k) => [k, reversed((value as Record<string, unknown>)[k])]));
}

/** The helpdesk policy with one change made to a copy of its definition. */
const changed = (edit: (d: Doc) => void) => {
  const d = clone(helpdeskPolicyDefinition);
  edit(d);
  return fingerprintOf(d);
};

describe('policyFingerprint', () => {
  it('is 16 hex digits: FNV-1a 64 of the canonical JSON of the parsed policy, recomputable from a JSON copy', () => {
    const policy = parsePolicy(helpdeskPolicyDefinition);
    expect(helpdesk).toMatch(/^[0-9a-f]{16}$/);
    expect(helpdesk).toBe(fnv1a64(canonicalJson(JSON.parse(JSON.stringify(policy)))));
  });

  it('is pinned for a fixed policy: a change of algorithm or canonical form would change stored fingerprints', () => {
    const minimal: PolicyDefinition = {
      schemaVersion: 1,
      id: 'pinned',
      name: { en: 'Pinned' },
      calendars: {},
      severityScales: {
        s: { label: { en: 'S' }, levels: [{ id: 'one', rank: 1, label: { en: 'One' }, criteria: [] }] },
      },
      plans: {
        p: {
          label: { en: 'P' },
          severityScale: 's',
          targets: [{ metric: 'firstResponse', duration: 'PT1H', clock: '24/7' }],
        },
      },
    };
    expect(fingerprintOf(minimal)).toBe('12fbdd6da5b007a1');
  });

  it('is the same for equal content whatever the key order, the objects or the input form', () => {
    expect(fingerprintOf(reversed(helpdeskPolicyDefinition))).toBe(helpdesk);
    expect(fingerprintOf(JSON.stringify(reversed(helpdeskPolicyDefinition), null, 2))).toBe(helpdesk);
    expect(fingerprintOf(clone(helpdeskPolicyDefinition))).toBe(helpdesk);
  });

  it('covers the defaults parsePolicy fills in: writing a default out changes nothing', () => {
    expect(changed((d) => (d.plans.pro.includedAddOns = undefined))).toBe(helpdesk);
    expect(changed((d) => (d.locales = ['en']))).toBe(helpdesk);
    expect(changed((d) => (d.addOns = {}))).toBe(helpdesk);
  });

  it('changes when anything that can change a result changes', () => {
    const edits: Record<string, (d: Doc) => void> = {
      'a holiday added': (d) => d.calendars.office.holidays.push({ kind: 'fixed', month: 12, day: 24, name: 'Eve' }),
      'a zone': (d) => (d.calendars.office.zone = 'Europe/Paris'),
      'opening hours': (d) => (d.calendars.office.week[1] = [['08:00', '17:00']]),
      'a target shortened': (d) => (d.plans.pro.targets[0].duration = 'PT45M'),
      'a target removed': (d) => d.plans.basic.targets.pop(),
      'a pause status': (d) => d.plans.pro.targets[0].pauseOn.push('pending'),
      'a threshold': (d) => (d.plans.pro.targets[0].thresholds[0].percent = 60),
      'a status added': (d) => (d.sla.statuses.archived = { category: 'closed' }),
      'the initial status': (d) => (d.sla.initialStatus = 'open'),
      'a rule condition': (d) => (d.sla.rules[0].when[0].tag = 'gold'),
      'the rules order': (d) => d.sla.rules.reverse(),
      'a clock chosen by field': (d) => (d.plans.pro.targets[2].clock.calendars.emea = 'new_york'),
      'the version': (d) => (d.version = '2'),
      'a label': (d) => (d.plans.pro.label.en = 'Professional'),
    };
    const seen = new Map<string, string>([[helpdesk, 'the original']]);
    for (const [name, edit] of Object.entries(edits)) {
      const f = changed(edit);
      expect(seen.get(f), name).toBeUndefined();
      seen.set(f, name);
    }
  });

  it('fingerprints versions as their whole list, which changes with any version', () => {
    const v = (version: string, more: object = {}) => ({ ...standardSupport, version, ...more });
    const JULY = '2026-07-01T00:00:00+02:00';
    const versions = parsePolicyVersions({ versions: [v('a'), v('b', { effectiveFrom: JULY })] });
    const again = parsePolicyVersions(JSON.stringify({ versions: [v('a'), v('b', { effectiveFrom: JULY })] }));
    const later = parsePolicyVersions({ versions: [v('a'), v('b', { effectiveFrom: '2026-08-01T00:00:00+02:00' })] });
    expect(policyFingerprint(again)).toBe(policyFingerprint(versions));
    expect(policyFingerprint(later)).not.toBe(policyFingerprint(versions));
    expect(policyFingerprint(versions)).not.toBe(policyFingerprint(versions.versions[0]!));
    expect(policyFingerprint(versions)).toBe(fnv1a64(canonicalJson({ id: versions.id, versions: versions.versions })));
  });

  it('is what results name, one frozen reference per policy', () => {
    const policy = parsePolicy(helpdeskPolicyDefinition);
    const ticket = {
      account: { type: 'customer', plan: 'pro' },
      events: [{ kind: 'created', at: 0, severity: 'normal' }],
    };
    const [a, b] = measureMany(policy, [ticket, ticket] as never, 1);
    expect(a!.policy).toEqual({ id: 'helpdesk-test', version: null, fingerprint: helpdesk });
    expect(a!.policy).toBe(b!.policy);
    expect(Object.isFrozen(a!.policy)).toBe(true);
  });

  it('does not mutate the policy', () => {
    const policy = parsePolicy(helpdeskPolicyDefinition);
    const before = JSON.stringify(policy);
    policyFingerprint(policy);
    expect(JSON.stringify(policy)).toBe(before);
  });

  it('invalid_policy: only what parsePolicy or parsePolicyVersions returned', () => {
    for (const value of [standardSupport, clone(parsePolicy(standardSupport)), null, 'policy', { versions: [] }]) {
      expect(errorOf(() => policyFingerprint(value as never))).toMatchObject({
        code: 'invalid_policy',
        path: ['policy'],
      });
    }
  });
});
