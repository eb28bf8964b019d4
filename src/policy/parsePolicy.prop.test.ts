import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockReferences, policyArb } from '../../test/arbitraries/policy.js';
import {
  type AccountDefinition,
  type Entitlement,
  type Policy,
  type PolicyDefinition,
  parsePolicy,
  resolveEntitlement,
  safeParsePolicy,
} from '../index.js';

// Properties of parsePolicy and resolveEntitlement over random valid policies (never the presets).
// numRuns are chosen so that the file runs in a few seconds.

const NUM_RUNS = 150;
const FROM_2025 = Date.UTC(2025, 0, 1);
const TO_2028 = Date.UTC(2028, 0, 1);

type Doc = any; // a mutable JSON clone
const clone = (p: unknown): Doc => JSON.parse(JSON.stringify(p));
const issuesOf = (input: unknown) => {
  const r = safeParsePolicy(input);
  return r.success ? [] : r.error.issues.map((i) => ({ code: i.code, path: i.path }));
};
/** The value at `path` inside `root`, or `undefined`. */
const at = (root: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (v, k) =>
      typeof v === 'object' && v !== null && Object.hasOwn(v, k)
        ? (v as Record<string | number, unknown>)[k]
        : undefined,
    root,
  );

/** The definition with the schema's defaults filled in: what parsePolicy should return. */
function withDefaults(p: PolicyDefinition): Doc {
  const out = clone(p);
  for (const owner of [...Object.values(out.plans), ...Object.values(out.addOns)] as Doc[]) {
    for (const t of owner.targets) t.role ??= 'target';
  }
  for (const scale of Object.values(out.severityScales) as Doc[]) {
    for (const c of scale.notIncident ?? []) c.decides ??= 'after_levels';
  }
  return out;
}

/** Every account to resolve: type × plan × (no add-on | each add-on available on the plan and not included). */
function accountsOf(policy: Policy): AccountDefinition[] {
  const accounts: AccountDefinition[] = [];
  for (const [type, def] of Object.entries(policy.accountTypes)) {
    for (const [plan, planDef] of Object.entries(policy.plans)) {
      const base = { type, plan, ...(def.requiresPartner ? { partner: 'acme' } : {}) };
      accounts.push(base);
      for (const [addOn, addOnDef] of Object.entries(policy.addOns)) {
        if (addOnDef.availableOn.includes(plan) && !(planDef.includedAddOns ?? []).includes(addOn))
          accounts.push({ ...base, addOns: [addOn] });
      }
    }
  }
  return accounts;
}

describe('parsePolicy over random valid policies', () => {
  it('accepts every generated policy, returning it with defaults filled in', () => {
    fc.assert(
      fc.property(policyArb, (p) => {
        expect(issuesOf(p)).toEqual([]);
        expect(parsePolicy(p)).toEqual(withDefaults(p));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('round-trips: JSON text parses like the object, and the parsed result re-serialised parses to itself', () => {
    fc.assert(
      fc.property(policyArb, (p) => {
        const parsed = parsePolicy(p);
        expect(parsePolicy(JSON.stringify(p))).toEqual(parsed);
        expect(parsePolicy(JSON.stringify(parsed))).toEqual(parsed);
        expect(parsePolicy(parsed)).toEqual(parsed);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('removing a calendar makes exactly its references unknown_reference (and is harmless when unreferenced)', () => {
    let referenced = 0;
    fc.assert(
      fc.property(policyArb, fc.nat(), (p, k) => {
        const ids = Object.keys(p.calendars);
        const victim = ids[k % ids.length]!;
        const refs = clockReferences(p).filter((r) => r.clock === victim);
        const mutated = clone(p);
        delete mutated.calendars[victim];
        const issues = issuesOf(mutated);
        if (refs.length > 0) referenced++;
        expect(issues).toEqual(refs.map((r) => ({ code: 'unknown_reference', path: r.path })));
      }),
      { numRuns: NUM_RUNS },
    );
    expect(referenced).toBeGreaterThan(NUM_RUNS / 4);
  });
});

describe('resolveEntitlement over random valid policies', () => {
  /**
   * Checks one entitlement against the policy: channels and targets on existing clocks, sources that
   * point at the fields they copy, and the targets per level an independent reading of the rules
   * gives (add-ons in policy order, the last scale brought wins, replacing add-ons drop the plan's
   * targets, a target without severities applies to every level, levels without targets left out).
   */
  function checkEntitlement(policy: Policy, account: AccountDefinition, e: Entitlement): void {
    const type = policy.accountTypes[account.type]!;
    const plan = policy.plans[account.plan!]!;
    const clockExists = (clock: string) => clock === '24/7' || Object.hasOwn(policy.calendars, clock);
    for (const c of e.channels) {
      expect(Object.hasOwn(policy.channels, c.channel)).toBe(true);
      if (type.channels !== undefined) expect(type.channels).toContain(c.channel);
      expect(clockExists(c.clock)).toBe(true);
      expect(at(policy, c.source.path)).toMatchObject({ channel: c.channel, clock: c.clock });
      expect(typeof c.openNow).toBe('boolean');
    }
    if (type.targets === 'none') {
      expect([e.targets, e.severityScale]).toEqual([[], null]);
      return;
    }
    const order = Object.keys(policy.addOns);
    const applied = [...new Set([...(plan.includedAddOns ?? []), ...(account.addOns ?? [])])].sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    const scale = applied.flatMap((a) => policy.addOns[a]!.severityScale ?? []).at(-1) ?? plan.severityScale;
    expect(e.severityScale).toBe(scale);
    const owners = [
      ...(applied.some((a) => policy.addOns[a]!.replacesTargets) ? [] : [['plans', account.plan!]]),
      ...applied.map((a) => ['addOns', a]),
    ];
    const expected = [...policy.severityScales[scale]!.levels]
      .sort((a, b) => a.rank - b.rank)
      .map((level) => ({
        id: level.id,
        paths: owners.flatMap((base) =>
          (at(policy, [...base, 'targets']) as Policy['plans'][string]['targets']).flatMap((t, i) =>
            t.severities === undefined || t.severities.includes(level.id) ? [[...base, 'targets', i]] : [],
          ),
        ),
      }))
      .filter((level) => level.paths.length > 0);
    expect(e.targets.map((l) => ({ id: l.severity.id, paths: l.targets.map((t) => t.source.path) }))).toEqual(expected);
    for (const t of e.targets.flatMap((l) => l.targets)) {
      if (t.duration.kind === 'time') expect(t.duration.ms).toBeGreaterThan(0);
      else expect(t.duration.days).toBeGreaterThan(0);
      expect(clockExists(t.clock)).toBe(true);
      expect(at(policy, t.source.path)).toMatchObject({
        metric: t.metric,
        duration: t.duration.iso,
        clock: t.clock,
        role: t.role,
      });
    }
  }

  it('gives positive durations on existing clocks, and sources that point at existing fields, for every account', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.integer({ min: FROM_2025, max: TO_2028 }),
        fc.constantFrom('en', 'es', 'fr'),
        (p, now, locale) => {
          const policy = parsePolicy(p);
          for (const account of accountsOf(policy)) {
            const e = resolveEntitlement(policy, account, { now, locale });
            checkEntitlement(policy, account, e);
            expect(e.localeFallback).toBe(!policy.locales.includes(locale));
            expect(Object.isFrozen(e)).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
