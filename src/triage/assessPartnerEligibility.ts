import { argumentError } from '../errors.js';
import { checkPolicy } from '../internal/brand.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { isPlainObject, own, readOptions, readRecord } from '../internal/record.js';
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

const FIELDS = ['conditions', 'escalatedToTechnicalTeam'];

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
 * @throws {@link InvalidArgumentError} `invalid_policy` (not a policy `parsePolicy` returned),
 *   `invalid_rule` when the policy has no partner terms, `invalid_fact` for partner facts or
 *   conditions that are not a plain object (of booleans: a condition left `undefined` is not
 *   given, hence not met), an unknown field of the partner facts, or an escalation flag that is
 *   not a boolean; `unknown_reference` for a condition the policy does not define;
 *   `invalid_option` (options that are not a plain object, or an unknown option)
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
  options?: { readonly locale?: string },
): PartnerEligibility {
  checkPolicy(policy);
  const terms = policy.partners?.integrationSupport;
  if (terms === undefined) {
    throw argumentError('invalid_rule', ['policy', 'partners'], 'partner integration-support terms', terms);
  }
  const facts = readRecord(
    partner,
    ['partner'],
    FIELDS,
    'invalid_fact',
    'partner facts { conditions, escalatedToTechnicalTeam? }',
  );
  const given = own(facts, 'conditions');
  if (!isPlainObject(given)) {
    throw argumentError('invalid_fact', ['partner', 'conditions'], 'an object of condition id → true/false', given);
  }
  const escalated = own(facts, 'escalatedToTechnicalTeam');
  if (escalated !== undefined && typeof escalated !== 'boolean') {
    throw argumentError('invalid_fact', ['partner', 'escalatedToTechnicalTeam'], 'true or false', escalated);
  }
  for (const id of Object.keys(given)) {
    if (!terms.conditions.some((c) => c.id === id)) {
      const ids = terms.conditions.map((c) => c.id).join(', ');
      throw argumentError(
        'unknown_reference',
        ['partner', 'conditions', id],
        `one of the policy's conditions (${ids})`,
        id,
      );
    }
    const met = given[id];
    if (met !== undefined && typeof met !== 'boolean') {
      throw argumentError('invalid_fact', ['partner', 'conditions', id], 'true or false', met);
    }
  }
  const locale = own(readOptions(options, ['locale']), 'locale') as string | undefined;
  const choice = chooseLocale(policy.locales, locale);
  const conditions = terms.conditions.map((c) => ({
    id: c.id,
    text: localize(c.text, choice),
    met: own(given, c.id) === true,
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
