import { InvalidArgumentError } from '../errors.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { chooseLocale, localize } from '../policy/localize.js';
import type { Policy } from '../policy/schema.js';

/**
 * What is known about a partner asking for integration support: condition id → met or not
 * (`{ certified: true, 'technical-knowledge': true, 'production-access': false }`), and whether
 * the matter was escalated to the internal technical team.
 * @category Triage
 */
export interface PartnerFacts {
  readonly conditions: Readonly<Record<string, boolean>>;
  readonly escalatedToTechnicalTeam?: boolean;
}

/**
 * Whether a partner may get integration support, condition by condition.
 * @category Triage
 */
export interface PartnerEligibility {
  /** True when every condition is met. */
  readonly eligible: boolean;
  /** Every condition of the policy, in order, with whether it is met (a condition not given is not met). */
  readonly conditions: readonly { readonly id: string; readonly text: string; readonly met: boolean }[];
  /** Ids of the conditions not met. */
  readonly missing: readonly string[];
  /** The escalation flag: escalating to the internal technical team may change response times. */
  readonly escalation: { readonly escalated: boolean; readonly mayChangeResponseTimes: boolean; readonly text: string };
  /** The policy's note on involving the end customer ("support is given to the partner without involving the customer"), if any. */
  readonly withoutEndCustomer?: string;
  readonly locale: string;
  readonly localeFallback: boolean;
}

/**
 * Decides whether a partner is eligible for integration support under the policy's partner
 * terms, listing each condition met or missing.
 *
 * @remarks
 * In the standard preset the conditions quote the partner articles: support is possible for
 * partners who "have been certified", "have sufficient technical knowledge with the ability to
 * interpret/modify advanced API setups/plugin code" and "have direct access to the customer's
 * production account"; and "Integration support may have different response times if there is a
 * need to escalate the matter to our internal technical team" — the `escalation` flag.
 *
 * @throws {@link InvalidArgumentError} `unknown_reference` for a condition the policy does not
 *   define, `invalid_fact` for conditions that are not an object of booleans (a condition left
 *   `undefined` is not given, hence not met), `invalid_rule` when the policy has
 *   no partner terms
 * @example
 * ```ts
 * import { assessPartnerEligibility, parsePolicy, standardSupport } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const e = assessPartnerEligibility(policy, { conditions: { certified: true, 'technical-knowledge': true } });
 * e.eligible; //=> false
 * e.missing; //=> ['production-access']
 * ```
 * @category Triage
 */
export function assessPartnerEligibility(
  policy: Policy,
  partner: PartnerFacts,
  options: { readonly locale?: string } = {},
): PartnerEligibility {
  const terms = policy.partners?.integrationSupport;
  if (terms === undefined) {
    throw new InvalidArgumentError(
      'invalid_rule',
      ['policy', 'partners'],
      'policy.partners: expected partner integration-support terms, got none',
      undefined,
    );
  }
  const given = partner?.conditions;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new InvalidArgumentError(
      'invalid_fact',
      ['partner', 'conditions'],
      `partner.conditions: expected an object of condition id → true/false, got ${JSON.stringify(given)}`,
      given,
    );
  }
  const escalated = partner.escalatedToTechnicalTeam;
  if (escalated !== undefined && typeof escalated !== 'boolean') {
    throw new InvalidArgumentError(
      'invalid_fact',
      ['partner', 'escalatedToTechnicalTeam'],
      `partner.escalatedToTechnicalTeam: expected true or false, got ${JSON.stringify(escalated)}`,
      escalated,
    );
  }
  for (const [id, met] of Object.entries(given)) {
    if (!terms.conditions.some((c) => c.id === id)) {
      throw new InvalidArgumentError(
        'unknown_reference',
        ['partner', 'conditions', id],
        `partner.conditions.${id}: expected one of the policy's conditions (${terms.conditions.map((c) => c.id).join(', ')}), got ${JSON.stringify(id)}`,
        id,
      );
    }
    if (met !== undefined && typeof met !== 'boolean') {
      throw new InvalidArgumentError(
        'invalid_fact',
        ['partner', 'conditions', id],
        `partner.conditions.${id}: expected true or false, got ${JSON.stringify(met)}`,
        met,
      );
    }
  }
  const choice = chooseLocale(policy.locales, options.locale);
  const conditions = terms.conditions.map((c) => ({
    id: c.id,
    text: localize(c.text, choice),
    met: given[c.id] === true,
  }));
  const missing = conditions.filter((c) => !c.met).map((c) => c.id);
  return deepFreeze({
    eligible: missing.length === 0,
    conditions,
    missing,
    escalation: {
      escalated: escalated === true,
      mayChangeResponseTimes: true,
      text: localize(terms.escalation, choice),
    },
    ...(policy.partners?.withoutEndCustomer === undefined
      ? {}
      : { withoutEndCustomer: localize(policy.partners.withoutEndCustomer, choice) }),
    locale: choice.locale,
    localeFallback: choice.fallback,
  });
}
