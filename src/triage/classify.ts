import { argumentError } from '../errors.js';
import { checkPolicy } from '../internal/brand.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { own, readOptions } from '../internal/record.js';
import { FACT_VALUES, type FactName } from '../policy/facts.js';
import { chooseLocale, localize } from '../policy/localize.js';
import type { Policy } from '../policy/schema.js';
import { checkFacts, type ProblemFacts } from './facts.js';

/**
 * Options of {@link classify}.
 * @category Triage
 */
export interface ClassifyOptions {
  /** The severity scale to classify on; may be omitted when the policy has only one. */
  readonly scale?: string;
  /** Locale of the criterion's sentence; a locale the policy does not carry falls back to English. */
  readonly locale?: string;
}

/**
 * The criterion that decided a classification.
 * @category Triage
 */
export interface MatchedCriterion {
  readonly id: string;
  /** The criterion's sentence, in the result's locale. */
  readonly text: string;
  /** Path of the criterion in the policy. */
  readonly path: readonly (string | number)[];
}

/**
 * What every classification result carries.
 * @category Triage
 */
export interface ClassificationBase {
  readonly scale: string;
  /** The facts given that no criterion of the scale looks at. */
  readonly unusedFacts: readonly FactName[];
  readonly locale: string;
  readonly localeFallback: boolean;
}

/**
 * The result of {@link classify}: a severity with the criterion that matched, "not an incident"
 * with its criterion, or "unclassified" when no criterion matches the facts given.
 * @category Triage
 */
export type Classification =
  | (ClassificationBase & {
      readonly kind: 'incident';
      readonly severity: { readonly id: string; readonly rank: number; readonly label: string };
      readonly criterion: MatchedCriterion;
      /** The facts the criterion tested, with their values. */
      readonly decidingFacts: ProblemFacts;
    })
  | (ClassificationBase & {
      readonly kind: 'not_incident';
      readonly criterion: MatchedCriterion;
      readonly decidingFacts: ProblemFacts;
    })
  | (ClassificationBase & { readonly kind: 'unclassified'; readonly reason: string });

type Condition = Policy['severityScales'][string]['levels'][number]['criteria'][number]['when'];

/** Whether every fact a condition names was given, with one of the values it lists. */
function matches(when: Condition, facts: ProblemFacts): boolean {
  for (const [name, values] of Object.entries(when) as [FactName, readonly unknown[] | undefined][]) {
    if (values === undefined) continue;
    const value = facts[name];
    if (value === undefined || !values.includes(value)) return false;
  }
  return true;
}

function decidingFacts(when: Condition, facts: ProblemFacts): ProblemFacts {
  return Object.fromEntries(
    Object.keys(when)
      .filter((k) => when[k as FactName] !== undefined)
      .map((k) => [k, facts[k as FactName]]),
  ) as ProblemFacts;
}

/**
 * Classifies a problem on a policy's severity scale from structured facts, and says which
 * criterion decided it.
 *
 * @remarks
 * The criteria are data in the policy (`severityScales.*.levels[].criteria[].when`): a criterion
 * matches when every fact it names was given with one of the values it lists. First the scale's
 * "not an incident" criteria marked `decides: 'before_levels'` (expected behaviour, out of scope:
 * whatever else is wrong, it is not an incident); then the levels, from the most severe (rank 1)
 * down, the first matching criterion deciding; then the other "not an incident" criteria (a
 * question or how-to, which is still an incident if it reveals data loss). When nothing matches
 * the result is `unclassified`, never a guess.
 *
 * Classification is **monotone**: making the facts worse (more users affected, data not
 * recoverable, the workaround gone) never lowers the severity, because `parsePolicy` requires every
 * criterion that accepts a value of an ordered fact to accept every worse value too.
 *
 * The standard preset's Critical criteria quote the source: "Data loss with no possible recovery
 * using available backups", "The client cannot access the PIM and it affects all users", "High
 * risk of incorrect data reaching e-commerce with significant operational impact and no workaround".
 *
 * @param policy - a validated policy
 * @param facts - what is known about the problem ({@link ProblemFacts})
 * @throws {@link InvalidArgumentError} `invalid_policy` (not a policy `parsePolicy` returned),
 *   `unknown_fact`, `invalid_fact` (also facts that are not a plain object), `contradictory_facts`
 *   (naming both facts), `invalid_option` (options that are not a plain object, or an unknown
 *   option), `unknown_reference` (an unknown scale, or none given when the policy has several)
 * @example
 * ```ts
 * import { classify, parsePolicy, standardSupport } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const c = classify(policy, { dataLoss: 'unrecoverable', affectedUsers: 'some' }, { locale: 'es' });
 * c.kind === 'incident' && c.severity.id; //=> 'critical'
 * c.kind === 'incident' && c.criterion.text; //=> 'Situaciones de pérdida de datos e imposibilidad de recuperación a través de las copias de seguridad disponibles en la plataforma.'
 * c.unusedFacts; //=> []
 * classify(policy, { requestType: 'how_to' }).kind; //=> 'not_incident'
 * ```
 * @category Triage
 */
export function classify(policy: Policy, facts: ProblemFacts, options?: ClassifyOptions): Classification {
  checkPolicy(policy);
  const given = checkFacts(facts);
  const opts = readOptions(options, ['scale', 'locale']);
  const scaleIds = Object.keys(policy.severityScales);
  const asked = own(opts, 'scale');
  const scaleId = asked ?? (scaleIds.length === 1 ? scaleIds[0] : undefined);
  if (typeof scaleId !== 'string' || !Object.hasOwn(policy.severityScales, scaleId)) {
    throw argumentError(
      'unknown_reference',
      ['options', 'scale'],
      `one of the policy's severity scales (${scaleIds.join(', ')})`,
      asked,
    );
  }
  const scale = policy.severityScales[scaleId]!;
  const choice = chooseLocale(policy.locales, own(opts, 'locale') as string | undefined);
  const named = new Set<string>();
  for (const level of scale.levels) for (const c of level.criteria) for (const k of Object.keys(c.when)) named.add(k);
  for (const c of scale.notIncident ?? []) for (const k of Object.keys(c.when)) named.add(k);
  const base: ClassificationBase = {
    scale: scaleId,
    unusedFacts: (Object.keys(FACT_VALUES) as FactName[]).filter((k) => given[k] !== undefined && !named.has(k)),
    locale: choice.locale,
    localeFallback: choice.fallback,
  };
  const notIncident = scale.notIncident ?? [];
  const notAnIncident = (j: number) => {
    const c = notIncident[j]!;
    return deepFreeze({
      ...base,
      kind: 'not_incident' as const,
      criterion: { id: c.id, text: localize(c.text, choice), path: ['severityScales', scaleId, 'notIncident', j] },
      decidingFacts: decidingFacts(c.when, given),
    });
  };
  const before = notIncident.findIndex((c) => c.decides === 'before_levels' && matches(c.when, given));
  if (before >= 0) return notAnIncident(before);
  const levels = scale.levels.map((level, i) => ({ level, i })).sort((a, b) => a.level.rank - b.level.rank);
  for (const { level, i } of levels) {
    const j = level.criteria.findIndex((c) => matches(c.when, given));
    if (j < 0) continue;
    const c = level.criteria[j]!;
    return deepFreeze({
      ...base,
      kind: 'incident' as const,
      severity: { id: level.id, rank: level.rank, label: localize(level.label, choice) },
      criterion: {
        id: c.id,
        text: localize(c.text, choice),
        path: ['severityScales', scaleId, 'levels', i, 'criteria', j],
      },
      decidingFacts: decidingFacts(c.when, given),
    });
  }
  const after = notIncident.findIndex((c) => c.decides === 'after_levels' && matches(c.when, given));
  if (after >= 0) return notAnIncident(after);
  return deepFreeze({
    ...base,
    kind: 'unclassified' as const,
    reason: `No criterion of scale "${scaleId}" matches the facts given; add the facts its criteria test (${[...named].join(', ')}).`,
  });
}
