import * as z from 'zod';

/**
 * The facts a severity criterion can test, each with its possible values. For the **ordered**
 * facts the values run from least to most severe, and classification is monotone in them: a
 * criterion that lists a value must list every worse one too (checked by `parsePolicy`). The
 * other facts describe what kind of request it is.
 */
export const FACT_VALUES = {
  /** Who is affected. Ordered. */
  affectedUsers: ['none', 'one', 'some', 'all'],
  /** Whether data was lost, and whether the available backups recover it. Ordered. */
  dataLoss: ['none', 'recoverable', 'unrecoverable'],
  /** State of a core function of the product. Ordered. */
  coreFunction: ['working', 'misbehaving', 'degraded', 'disabled'],
  /** State of the service as a whole. Ordered. */
  service: ['up', 'partial_loss', 'degraded', 'down'],
  /** Impact on the customer's business operations. Ordered. */
  businessImpact: ['none', 'minor', 'significant', 'halted'],
  /** Risk that incorrect data reaches e-commerce channels. Ordered. */
  ecommerceDataAtRisk: [false, true],
  /** Whether a workaround exists (worse when there is none). Ordered. */
  workaround: [true, false],
  /** What the request is. */
  requestType: ['question', 'how_to', 'request', 'bug', 'incident'],
  /** Whether support found the behaviour to be the product working as designed. */
  expectedBehaviour: [false, true],
  /** Whether the request falls within the support scope. */
  inScope: [true, false],
} as const;

/**
 * The name of a fact about a problem.
 * @category Policy
 */
export type FactName = keyof typeof FACT_VALUES;

/** The facts whose values are ordered from least to most severe. */
export const ORDERED_FACTS: readonly FactName[] = [
  'affectedUsers',
  'dataLoss',
  'coreFunction',
  'service',
  'businessImpact',
  'ecommerceDataAtRisk',
  'workaround',
];

const allowed = <K extends FactName>(k: K) =>
  z
    .array(
      z.union(FACT_VALUES[k].map((v) => z.literal(v)) as unknown as [z.ZodLiteral<(typeof FACT_VALUES)[K][number]>]),
    )
    .min(1)
    .optional();

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
  expectedBehaviour: allowed('expectedBehaviour'),
  inScope: allowed('inScope'),
});
