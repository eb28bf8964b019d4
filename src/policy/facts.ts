import { z } from 'zod';

/**
 * The facts a severity criterion can test, each with its possible values, ordered from least to
 * most severe where an order exists. Criteria are data: a criterion matches when every fact it
 * names has one of the values it lists.
 */
export const FACT_VALUES = {
  /** Who is affected. */
  affectedUsers: ['none', 'one', 'some', 'all'],
  /** Whether data was lost, and whether the available backups recover it. */
  dataLoss: ['none', 'recoverable', 'unrecoverable'],
  /** State of a core function of the product. */
  coreFunction: ['working', 'misbehaving', 'degraded', 'disabled'],
  /** State of the service as a whole. */
  service: ['up', 'partial_loss', 'degraded', 'down'],
  /** Impact on the customer's business operations. */
  businessImpact: ['none', 'minor', 'significant', 'halted'],
  /** Risk that incorrect data reaches e-commerce channels. */
  ecommerceDataAtRisk: [false, true],
  /** Whether a workaround exists (worse when there is none). */
  workaround: [true, false],
  /** What the request is. */
  requestType: ['question', 'how_to', 'request', 'bug', 'incident'],
} as const;

/**
 * The name of a fact about a problem.
 * @category Policy
 */
export type FactName = keyof typeof FACT_VALUES;

const allowed = <K extends FactName>(k: K) =>
  z.array(z.union(FACT_VALUES[k].map((v) => z.literal(v)) as unknown as [z.ZodLiteral<(typeof FACT_VALUES)[K][number]>])).min(1).optional();

/** A criterion's condition: fact → allowed values (all named facts must match). */
export const ConditionSchema = z.strictObject({
  affectedUsers: allowed('affectedUsers'),
  dataLoss: allowed('dataLoss'),
  coreFunction: allowed('coreFunction'),
  service: allowed('service'),
  businessImpact: allowed('businessImpact'),
  ecommerceDataAtRisk: allowed('ecommerceDataAtRisk'),
  workaround: allowed('workaround'),
  requestType: allowed('requestType'),
});
