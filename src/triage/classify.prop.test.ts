import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyArb } from '../../test/arbitraries/policy.js';
import { FACT_VALUES, ORDERED_FACTS } from '../policy/facts.js';
import {
  type Classification,
  classify,
  dedicatedSupport,
  type FactName,
  isSupportPolicyError,
  type Policy,
  type PolicyDefinition,
  parsePolicy,
  type ProblemFacts,
  standardSupport,
} from '../index.js';

// Monotonicity (SPEC §3, classify's @remarks): making the ordered facts worse never lowers the
// severity. Severity order: every incident level, by rank (1 = most severe), is above
// `not_incident` and `unclassified`, which share the bottom. Pairs where either side contradicts
// itself are skipped, and each property checks that enough cases were really compared.
// numRuns are chosen so that the file runs in a few seconds.

const FACTS = Object.keys(FACT_VALUES) as FactName[];
const standard = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);
const PRESETS = [
  ['standardSupport', standard, 'incident'],
  ['dedicatedSupport', dedicated, 'vip'],
] as const;

/** Random facts: any subset of the facts, each with any of its values. */
const factsArb: fc.Arbitrary<ProblemFacts> = fc.record(
  Object.fromEntries(FACTS.map((k) => [k, fc.constantFrom(...(FACT_VALUES[k] as readonly unknown[]))])),
  { requiredKeys: [] },
) as fc.Arbitrary<ProblemFacts>;
/** Random facts, every one given: criteria naming many facts match them more often. */
const allFactsArb: fc.Arbitrary<ProblemFacts> = fc.record(
  Object.fromEntries(FACTS.map((k) => [k, fc.constantFrom(...(FACT_VALUES[k] as readonly unknown[]))])),
) as fc.Arbitrary<ProblemFacts>;
/** How many steps each ordered fact moves towards its worst value (0 = unchanged). */
const stepsArb = fc.record(
  Object.fromEntries(ORDERED_FACTS.map((k) => [k, fc.nat({ max: 3 })])) as Record<FactName, fc.Arbitrary<number>>,
);
/** A pair (f, g): g is f with its given ordered facts made worse or kept; the other facts are untouched. */
const pairArb = fc.tuple(factsArb, stepsArb).map(([f, steps]) => {
  const g: Record<string, unknown> = { ...f };
  for (const k of ORDERED_FACTS) {
    const values = FACT_VALUES[k] as readonly unknown[];
    const i = values.indexOf(f[k]);
    if (i >= 0) g[k] = values[Math.min(i + (steps[k] ?? 0), values.length - 1)];
  }
  return { f, g: g as ProblemFacts };
});

/** Lower is more severe: an incident's rank, else +Infinity (not an incident, or unclassified). */
const severityKey = (c: Classification) => (c.kind === 'incident' ? c.severity.rank : Number.POSITIVE_INFINITY);

/** The classification, or null when the facts contradict each other; any other error fails. */
function classifyOrSkip(policy: Policy, facts: ProblemFacts, scale: string): Classification | null {
  try {
    return classify(policy, facts, { scale });
  } catch (e) {
    if (isSupportPolicyError(e) && e.code === 'contradictory_facts') return null;
    throw e;
  }
}

/** Checks monotonicity on one pair; returns whether the pair was compared (not skipped). */
function checkMonotone(policy: Policy, scale: string, f: ProblemFacts, g: ProblemFacts): boolean {
  const cf = classifyOrSkip(policy, f, scale);
  const cg = classifyOrSkip(policy, g, scale);
  if (cf === null || cg === null) return false;
  if (severityKey(cg) > severityKey(cf)) {
    throw new Error(
      `made worse, classified lower: ${JSON.stringify(f)} → ${severityKey(cf)}, ${JSON.stringify(g)} → ${severityKey(cg)}`,
    );
  }
  // The request's kind is unchanged, so a not-incident stays a not-incident or becomes an incident.
  if (cf.kind === 'not_incident') expect(cg.kind).not.toBe('unclassified');
  return true;
}

/** The facts no criterion of the scale names. */
function unnamedFacts(policy: Policy, scale: string): FactName[] {
  const s = policy.severityScales[scale]!;
  const named = new Set([
    ...[...s.levels.flatMap((l) => l.criteria), ...(s.notIncident ?? [])].flatMap((c) => Object.keys(c.when)),
    ...s.levels.flatMap((l) => l.criteria).flatMap((c) => Object.keys(c.unless ?? {})),
  ]);
  return FACTS.filter((k) => !named.has(k));
}

/** Checks that setting the unnamed fact `k` to `v` changes nothing but unusedFacts; returns whether compared. */
function checkUnusedFact(policy: Policy, scale: string, f: ProblemFacts, k: FactName, v: unknown): boolean {
  const g = { ...f, [k]: v } as ProblemFacts;
  const cf = classifyOrSkip(policy, f, scale);
  const cg = classifyOrSkip(policy, g, scale);
  if (cf === null || cg === null) return false;
  const { unusedFacts: uf, ...restF } = cf;
  const { unusedFacts: ug, ...restG } = cg;
  expect(restG).toEqual(restF);
  expect(ug).toEqual(FACTS.filter((x) => x === k || uf.includes(x)));
  return true;
}

/** A copy of the definition in which no criterion of `scale` names the fact `k` (still a valid policy). */
function withoutFact(def: PolicyDefinition, scale: string, k: FactName): PolicyDefinition {
  type Criterion = { when: Record<string, unknown>; unless?: Record<string, unknown> };
  const copy = structuredClone(def) as unknown as {
    severityScales: Record<string, { levels: { criteria: Criterion[] }[]; notIncident?: Criterion[] }>;
  };
  const s = copy.severityScales[scale]!;
  for (const c of [...s.levels.flatMap((l) => l.criteria), ...(s.notIncident ?? [])]) {
    delete c.when[k];
    if (c.unless === undefined) continue;
    delete c.unless[k];
    if (Object.keys(c.unless).length === 0) delete c.unless; // an `unless` names some fact
  }
  return copy as unknown as PolicyDefinition;
}

/** A copy of the definition with every `unless` struck. */
function withoutUnless(def: PolicyDefinition): PolicyDefinition {
  const copy = structuredClone(def) as unknown as {
    severityScales: Record<string, { levels: { criteria: { unless?: unknown }[] }[] }>;
  };
  for (const s of Object.values(copy.severityScales))
    for (const c of s.levels.flatMap((l) => l.criteria)) delete c.unless;
  return copy as unknown as PolicyDefinition;
}

describe('classify is monotone in the ordered facts', () => {
  it.each(PRESETS)('%s: making ordered facts worse never lowers the severity', (_name, policy, scale) => {
    let compared = 0;
    fc.assert(
      fc.property(pairArb, ({ f, g }) => {
        if (checkMonotone(policy, scale, f, g)) compared++;
      }),
      { numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(300);
  });

  it('random valid policies (test/arbitraries/policy.ts, some criteria with `unless`), on each of their scales', () => {
    let compared = 0;
    let incidents = 0;
    let nearest = 0;
    fc.assert(
      fc.property(policyArb, fc.nat(), fc.array(pairArb, { minLength: 1, maxLength: 8 }), (def, pick, pairs) => {
        const policy = parsePolicy(def);
        const scales = Object.keys(policy.severityScales);
        const scale = scales[pick % scales.length]!;
        for (const { f, g } of pairs) {
          if (checkMonotone(policy, scale, f, g)) compared++;
          const c = classifyOrSkip(policy, g, scale);
          if (c?.kind === 'incident') incidents++;
          if (c?.kind === 'incident' && c.fit === 'nearest') nearest++;
        }
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(200);
    expect(incidents).toBeGreaterThan(20); // the property is not vacuous
    expect(nearest).toBeGreaterThan(5); // nor is it for `unless`
  });

  it('random valid policies: a criterion going beyond its level never lowers the severity its `when` alone gives', () => {
    // With every `unless` struck, the answer is the most severe level whose `when` matches; an
    // `unless` may only move it up, by one level at most, and then the fit is `nearest`.
    let compared = 0;
    let moved = 0;
    fc.assert(
      fc.property(policyArb, fc.nat(), fc.array(allFactsArb, { minLength: 1, maxLength: 8 }), (def, pick, cases) => {
        const scale = Object.keys(def.severityScales)[pick % Object.keys(def.severityScales).length]!;
        const policy = parsePolicy(def);
        const plain = parsePolicy(withoutUnless(def));
        const ranks = [...policy.severityScales[scale]!.levels.map((l) => l.rank)].sort((a, b) => a - b);
        for (const f of cases) {
          const c = classifyOrSkip(policy, f, scale);
          const p = classifyOrSkip(plain, f, scale);
          if (c === null || p === null) continue;
          compared++;
          expect(p.kind === 'incident' ? p.fit : 'literal').toBe('literal');
          if (p.kind !== 'incident') {
            expect(c.kind).toBe(p.kind);
            continue;
          }
          const ci = c.kind === 'incident' ? c : undefined;
          if (ci === undefined) throw new Error(`expected an incident for ${JSON.stringify(f)}`);
          const step = ranks.indexOf(p.severity.rank) - ranks.indexOf(ci.severity.rank);
          expect([0, 1]).toContain(step);
          if (step === 1) {
            moved++;
            expect(ci.fit).toBe('nearest');
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(250);
    expect(moved).toBeGreaterThan(5);
  });

  it('the worst value of every ordered fact is what the value order says (least → most severe)', () => {
    expect(ORDERED_FACTS).toEqual([
      'affectedUsers',
      'dataLoss',
      'coreFunction',
      'service',
      'businessImpact',
      'ecommerceDataAtRisk',
      'workaround',
    ]);
    expect(ORDERED_FACTS.map((k) => FACT_VALUES[k].at(-1))).toEqual([
      'all',
      'unrecoverable',
      'disabled',
      'down',
      'halted',
      true,
      false,
    ]);
  });
});

describe('an unused fact never changes the classification', () => {
  it('dedicatedSupport: affectedUsers, dataLoss, coreFunction, ecommerceDataAtRisk, expectedBehaviour and inScope are unused', () => {
    expect(unnamedFacts(dedicated, 'vip')).toEqual([
      'affectedUsers',
      'dataLoss',
      'coreFunction',
      'ecommerceDataAtRisk',
      'expectedBehaviour',
      'inScope',
    ]);
    expect(unnamedFacts(standard, 'incident')).toEqual([]); // every fact matters on the standard scale
  });

  it('dedicatedSupport: adding or changing an unused fact changes only unusedFacts', () => {
    const unused = unnamedFacts(dedicated, 'vip');
    let compared = 0;
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...unused), fc.nat(), (f, k, i) => {
        const values = FACT_VALUES[k] as readonly unknown[];
        if (checkUnusedFact(dedicated, 'vip', f, k, values[i % values.length])) compared++;
      }),
      { numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('random valid policies, with one fact struck from every criterion of a scale: setting that fact changes only unusedFacts', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        policyArb,
        fc.nat(),
        fc.constantFrom(...FACTS),
        fc.array(fc.tuple(factsArb, fc.nat()), { minLength: 1, maxLength: 8 }),
        (def, pick, k, cases) => {
          const scale = Object.keys(def.severityScales)[pick % Object.keys(def.severityScales).length]!;
          const policy = parsePolicy(withoutFact(def, scale, k));
          expect(unnamedFacts(policy, scale)).toContain(k);
          const values = FACT_VALUES[k] as readonly unknown[];
          for (const [f, i] of cases) if (checkUnusedFact(policy, scale, f, k, values[i % values.length])) compared++;
        },
      ),
      { numRuns: 150 },
    );
    expect(compared).toBeGreaterThan(300);
  });
});
