import { argumentError } from '../errors.js';
import { checkPolicy } from '../internal/brand.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { own, readOptions, readRecord } from '../internal/record.js';
import { chooseLocale, localize } from '../policy/localize.js';
import type { Policy } from '../policy/schema.js';

/**
 * A support request's topics: ids of the policy's scope rules it touches (`client-formulas`,
 * `third-party-integrations`, …). Topics no rule names are in scope.
 * @category Triage
 */
export interface ScopeRequest {
  readonly topics: readonly string[];
}

/**
 * How far support covers a request, and why.
 * @category Triage
 */
export interface ScopeAssessment {
  /** The most restrictive coverage among the rules that apply; `full` when none applies. */
  readonly coverage: 'full' | 'partial' | 'none';
  /** The rules that apply, in the policy's order. */
  readonly rules: readonly {
    readonly id: string;
    readonly coverage: 'full' | 'partial' | 'none';
    readonly text: string;
    readonly stillCovered?: string;
    readonly path: readonly (string | number)[];
  }[];
  /** For partial coverage: what is still covered, one sentence per partial rule. */
  readonly stillCovered: readonly string[];
  /** The rule that decided the coverage (the first most restrictive one), or `default` when none applies. */
  readonly decidedBy: string;
  /** Topics no scope rule names (in scope by default). */
  readonly unmatchedTopics: readonly string[];
  readonly locale: string;
  readonly localeFallback: boolean;
}

const RANK = { full: 0, partial: 1, none: 2 } as const;

/**
 * Says whether support covers a request fully, partially or not at all, with what is still
 * covered and the rule that decided it.
 *
 * @remarks
 * Scope rules are data (`policy.scope`). The standard preset's: "Client-built formulas: Support
 * can confirm whether the logic works" (partial), "Third-party service integrations: Support can
 * validate that data exports correctly through the connector" (partial), performance problems
 * caused by the customer's internet, hosting or provider, and use cases outside the standard
 * documentation (none). A request touching several rules gets the most restrictive coverage.
 *
 * @throws {@link InvalidArgumentError} `invalid_policy` (not a policy `parsePolicy` returned),
 *   `invalid_fact` when the request is not a plain object `{ topics }` or `topics` is not a list of
 *   strings, `invalid_option` (options that are not a plain object, or an unknown option)
 * @example
 * ```ts
 * import { assessScope, parsePolicy, standardSupport } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const a = assessScope(policy, { topics: ['client-formulas'] });
 * a.coverage; //=> 'partial'
 * a.stillCovered; //=> ['Confirming whether the formula logic works.']
 * assessScope(policy, { topics: ['customer-environment-performance', 'client-formulas'] }).decidedBy; //=> 'customer-environment-performance'
 * assessScope(policy, { topics: ['api-question'] }).coverage; //=> 'full'
 * ```
 * @category Triage
 */
export function assessScope(
  policy: Policy,
  request: ScopeRequest,
  options?: { readonly locale?: string },
): ScopeAssessment {
  checkPolicy(policy);
  const fields = readRecord(request, ['request'], ['topics'], 'invalid_fact', 'a request { topics }');
  const topics = own(fields, 'topics');
  if (!Array.isArray(topics) || topics.some((t) => typeof t !== 'string')) {
    throw argumentError('invalid_fact', ['request', 'topics'], 'a list of topic ids', topics);
  }
  const locale = own(readOptions(options, ['locale']), 'locale') as string | undefined;
  const choice = chooseLocale(policy.locales, locale);
  const rules = (policy.scope ?? [])
    .map((rule, i) => ({ rule, i }))
    .filter(({ rule }) => topics.includes(rule.id))
    .map(({ rule, i }) => ({
      id: rule.id,
      coverage: rule.coverage,
      text: localize(rule.text, choice),
      ...(rule.stillCovered === undefined ? {} : { stillCovered: localize(rule.stillCovered, choice) }),
      path: ['scope', i] as (string | number)[],
    }));
  let decided: (typeof rules)[number] | undefined;
  for (const r of rules) if (decided === undefined || RANK[r.coverage] > RANK[decided.coverage]) decided = r;
  const coverage = decided?.coverage ?? 'full';
  return deepFreeze({
    coverage,
    rules,
    stillCovered:
      coverage === 'partial' ? rules.flatMap((r) => (r.stillCovered === undefined ? [] : [r.stillCovered])) : [],
    decidedBy: decided?.id ?? 'default',
    unmatchedTopics: topics.filter((t) => !rules.some((r) => r.id === t)),
    locale: choice.locale,
    localeFallback: choice.fallback,
  });
}
