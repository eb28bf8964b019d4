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
 * How the facts fit the level {@link classify} answered. `literal`: a criterion of that level
 * matches them. `nearest`: none does; a criterion of the level below matched its `when` but its
 * `unless` excluded the facts (they go beyond what that level describes), so the answer is the next
 * more severe level, and `reason` says which criterion and which facts.
 * @category Triage
 */
export type ClassificationFit =
  | { readonly fit: 'literal' }
  | {
      readonly fit: 'nearest';
      /** Which criterion the facts went beyond, and why this level is the nearest. */
      readonly reason: string;
      /** The facts the criterion's `unless` excluded, with their values. */
      readonly excludedFacts: ProblemFacts;
    };

/**
 * The result of {@link classify}: a severity with the criterion that decided it and how literally
 * the facts fit it, "not an incident" with its criterion, or "unclassified" when no criterion
 * matches the facts given.
 * @category Triage
 */
export type Classification =
  | (ClassificationBase &
      ClassificationFit & {
        readonly kind: 'incident';
        readonly severity: { readonly id: string; readonly rank: number; readonly label: string };
        /** The criterion that matched; for a `nearest` fit, the one whose `unless` excluded the facts. */
        readonly criterion: MatchedCriterion;
        /** The facts the criterion tested (its `when`, and those of its `unless` that were given), with their values. */
        readonly decidingFacts: ProblemFacts;
      })
  | (ClassificationBase & {
      readonly kind: 'not_incident';
      readonly criterion: MatchedCriterion;
      readonly decidingFacts: ProblemFacts;
    })
  | (ClassificationBase & { readonly kind: 'unclassified'; readonly reason: string });

type Criterion = Policy['severityScales'][string]['levels'][number]['criteria'][number];
type Condition = Criterion['when'];

/** Whether every fact a condition names was given, with one of the values it lists. */
function matches(when: Condition, facts: ProblemFacts): boolean {
  for (const [name, values] of Object.entries(when) as [FactName, readonly unknown[] | undefined][]) {
    if (values === undefined) continue;
    const value = facts[name];
    if (value === undefined || !values.includes(value)) return false;
  }
  return true;
}

/** Whether a criterion's `unless` names facts and all were given with a value it lists. */
const excludes = (c: Criterion, facts: ProblemFacts) => c.unless !== undefined && matches(c.unless, facts);

/** The given facts among those a condition names, with their values. */
function givenFacts(condition: Condition | undefined, facts: ProblemFacts): ProblemFacts {
  return Object.fromEntries(
    Object.keys(condition ?? {})
      .filter((k) => condition?.[k as FactName] !== undefined && facts[k as FactName] !== undefined)
      .map((k) => [k, facts[k as FactName]]),
  ) as ProblemFacts;
}

const describeFacts = (facts: ProblemFacts) =>
  Object.entries(facts)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');

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
 * A level's criterion may say `unless`: facts that go beyond what the level describes (Minor's "no
 * major impact on overall usability"). When its `when` matches and its `unless` matches too, the
 * facts fit that level no longer, and the next more severe level is a candidate instead; the answer
 * is the most severe level that is a literal match or such a candidate. It says `fit: 'literal'`
 * when a criterion of that level matches, else `fit: 'nearest'` with a `reason` naming the criterion
 * and the facts its `unless` excluded. A fact `unless` names that was not given excludes nothing.
 *
 * Classification is **monotone**: making the facts worse (more users affected, data not
 * recoverable, the workaround gone) never lowers the severity, because `parsePolicy` requires every
 * criterion that accepts a value of an ordered fact to accept every worse value too, and every
 * `unless` that excludes a value to exclude every worse one: worse facts only add candidates or
 * move one up a level.
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
  for (const level of scale.levels)
    for (const c of level.criteria)
      for (const k of [...Object.keys(c.when), ...Object.keys(c.unless ?? {})]) named.add(k);
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
      decidingFacts: givenFacts(c.when, given),
    });
  };
  const before = notIncident.findIndex((c) => c.decides === 'before_levels' && matches(c.when, given));
  if (before >= 0) return notAnIncident(before);
  // Levels from the most severe down. A criterion whose `when` matches fits its level literally,
  // unless its `unless` matches too: then the facts go beyond that level, and the candidate is the
  // level above. The answer is the most severe candidate, literal when a criterion of it fits.
  const levels = scale.levels.map((level, i) => ({ level, i })).sort((a, b) => a.level.rank - b.level.rank);
  const fits = levels.map(({ level }) => ({
    literal: level.criteria.findIndex((c) => matches(c.when, given) && !excludes(c, given)),
    exceeded: level.criteria.findIndex((c) => matches(c.when, given) && excludes(c, given)),
  }));
  const exceededAt = (p: number) => (fits[p]?.exceeded ?? -1) >= 0;
  const candidate = fits.findIndex((f, p) => f.literal >= 0 || exceededAt(p) || exceededAt(p + 1));
  if (candidate >= 0) {
    const { level } = levels[candidate]!;
    const literal = fits[candidate]!.literal;
    // Nearest: the criterion the facts went beyond, on the level below (or this one, the most severe).
    const from = literal >= 0 || !exceededAt(candidate + 1) ? candidate : candidate + 1;
    const j = literal >= 0 ? literal : fits[from]!.exceeded;
    const source = levels[from]!;
    const c = source.level.criteria[j]!;
    const unlessFacts = givenFacts(c.unless, given);
    const fit =
      literal >= 0
        ? { fit: 'literal' as const }
        : {
            fit: 'nearest' as const,
            reason:
              `No criterion of scale "${scaleId}" fits the facts literally: "${c.id}" of level "${source.level.id}" matches, ` +
              `but its "unless" excludes ${describeFacts(unlessFacts)}, which go beyond that level; ` +
              (from === candidate
                ? `"${level.id}" is the most severe level, so the answer stays there.`
                : `"${level.id}" is the next more severe level.`),
            excludedFacts: unlessFacts,
          };
    return deepFreeze({
      ...base,
      kind: 'incident' as const,
      severity: { id: level.id, rank: level.rank, label: localize(level.label, choice) },
      criterion: {
        id: c.id,
        text: localize(c.text, choice),
        path: ['severityScales', scaleId, 'levels', source.i, 'criteria', j],
      },
      decidingFacts: { ...givenFacts(c.when, given), ...unlessFacts },
      ...fit,
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
