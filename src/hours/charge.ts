import type { Policy } from '../policy/schema.js';
import type { ConversationClass } from './events.js';

/**
 * The deduction rules a ledger applies (a policy's `supportHours.deduction`).
 * @category Hours
 */
export type DeductionRules = NonNullable<Policy['supportHours']>['deduction'];

/**
 * The rule that set a conversation's charge.
 * @category Hours
 */
export type ChargeRule =
  'voided' | 'incident_free' | 'customer_success_free' | 'documentation_minimum' | 'minimum' | 'handled_rounded';

/** What a conversation is charged, and by which rule. @internal */
export interface Charge {
  readonly chargedMinutes: number;
  readonly rule: ChargeRule;
}

/** The facts of one conversation that its charge depends on. @internal */
export interface ConversationFacts {
  readonly handledMinutes: number;
  readonly documented: boolean;
  readonly classification: ConversationClass;
  readonly voided: boolean;
}

function round(minutes: number, increment: number, rounding: DeductionRules['rounding']): number {
  const steps = minutes / increment;
  const whole =
    rounding === 'down' ? Math.floor(steps) : rounding === 'up' ? Math.ceil(steps) : Math.floor(steps + 0.5);
  return whole * increment;
}

/**
 * The charge of one conversation under the deduction rules. It depends only on the conversation's
 * final state, never on the order its events arrived in.
 *
 * Standard preset, quoting the source: "When a support conversation is opened, a minimum of 15
 * minutes is deducted"; "Hours are deducted in the most favorable way" (handled time rounded down
 * to the 15-minute increment, never below the minimum); "Incidents are not counted as support
 * hours"; a conversation answered with existing documentation costs the minimum only.
 * @internal
 */
export function chargeConversation(rules: DeductionRules, c: ConversationFacts): Charge {
  if (c.voided) return { chargedMinutes: 0, rule: 'voided' };
  if (c.classification === 'incident' && rules.incidents === 'free')
    return { chargedMinutes: 0, rule: 'incident_free' };
  if (c.classification === 'customer_success' && rules.customerSuccess === 'free') {
    return { chargedMinutes: 0, rule: 'customer_success_free' };
  }
  if (c.documented && rules.documentationAnswer === 'minimum')
    return { chargedMinutes: rules.minimumMinutes, rule: 'documentation_minimum' };
  const rounded = round(c.handledMinutes, rules.incrementMinutes, rules.rounding);
  return rounded <= rules.minimumMinutes
    ? { chargedMinutes: rules.minimumMinutes, rule: 'minimum' }
    : { chargedMinutes: rounded, rule: 'handled_rounded' };
}
