import type * as z from 'zod';
import type { CalendarDefinition } from '../calendar/schema.js';
import type { Assert, DeepReadonly, SameType } from '../internal/types.js';
import type {
  AccountTypeSchema,
  AddOnSchema,
  PlanSchema,
  PolicySchema,
  SeverityScaleSchema,
  TargetSchema,
} from './schema.js';

/**
 * The types of a validated policy, by name. Each is the zod schema's output type (defaults filled
 * in, read-only), declared as an interface that extends it, so that the API reference and editors
 * show `policy: Policy` with a link rather than the whole policy spelled out in every signature.
 * Fields that hold another named part (a plan's targets, the policy's plans) are redeclared with
 * that name; `SameType` below fails the build if a redeclared field ever drifts from the schema.
 */
type Output<S extends z.ZodType> = DeepReadonly<z.output<S>>;

/**
 * A response target of a validated policy.
 * @category Policy
 */
export interface Target extends Output<typeof TargetSchema> {}

/**
 * A plan of a validated policy.
 * @category Policy
 */
export interface Plan extends Omit<Output<typeof PlanSchema>, 'targets'> {
  /** The response targets the plan sets. */
  readonly targets: readonly Target[];
}

/**
 * An add-on of a validated policy.
 * @category Policy
 */
export interface AddOn extends Omit<Output<typeof AddOnSchema>, 'targets'> {
  /** The response targets the add-on sets. */
  readonly targets: readonly Target[];
}

/**
 * An account type of a validated policy.
 * @category Policy
 */
export interface AccountType extends Output<typeof AccountTypeSchema> {}

/**
 * A severity scale of a validated policy.
 * @category Policy
 */
export interface SeverityScale extends Output<typeof SeverityScaleSchema> {}

/**
 * A validated support policy, as {@link parsePolicy} returns it (defaults filled in, frozen).
 * Write one as a {@link PolicyDefinition}; docs/policies.md describes every field.
 * @category Policy
 */
export interface Policy extends Omit<
  Output<typeof PolicySchema>,
  'calendars' | 'accountTypes' | 'plans' | 'addOns' | 'severityScales'
> {
  /** The business calendars, by id. */
  readonly calendars: { readonly [id: string]: CalendarDefinition };
  /** The account types, by id. */
  readonly accountTypes: { readonly [id: string]: AccountType };
  /** The plans, by id. */
  readonly plans: { readonly [id: string]: Plan };
  /** The add-ons, by id. */
  readonly addOns: { readonly [id: string]: AddOn };
  /** The severity scales, by id. */
  readonly severityScales: { readonly [id: string]: SeverityScale };
}

/** `true` when A and B are assignable both ways. */
/** Does not compile when a named type no longer matches its schema's output. @internal */
export type PolicyTypesMatchSchemas = Assert<
  SameType<[Policy, Plan, AddOn], [Output<typeof PolicySchema>, Output<typeof PlanSchema>, Output<typeof AddOnSchema>]>
>;
