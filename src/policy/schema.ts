import * as z from 'zod';
import { ISO_DATE_PATTERN } from '../calendar/isoDatePattern.js';
import { CalendarDefinitionSchema } from '../calendar/schema.js';
import { daysInMonth } from '../internal/civil.js';
import type { DeepReadonly } from '../internal/types.js';
import { ConditionSchema } from './facts.js';
import { LOCALE_PATTERN, TextSchema } from './text.js';
import { clock, duration, id, ID_PATTERN } from './ids.js';
import { RuleSchema, StatusSchema, statusName, TargetSchema, thresholds, warnAtPercent } from './slaSchema.js';

export { TargetSchema };

export { ID_PATTERN };

/**
 * The zod schema of a support policy: the single source of truth of its TypeScript types (below)
 * and of the JSON Schema shipped as `support-policy/policy.schema.json`. Checks that span several
 * fields (references between ids, locales, deduction rules) live in `crossChecks.ts`.
 */

/**
 * An ISO 8601 instant with its offset (or `Z`), to the second or millisecond; it captures the
 * year, month, day, hour, minute, second and millisecond.
 */
export const ISO_INSTANT_PATTERN =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,3}))?)?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;

/**
 * Whether the instant a text of {@link ISO_INSTANT_PATTERN} writes exists: a real date, a time of
 * day up to 24:00 (the end of the day), an offset within ±23:59, so that `Date.parse` reads it.
 * Any other text passes here: the pattern refuses it.
 */
function isExistingInstant(text: string): boolean {
  const m = ISO_INSTANT_PATTERN.exec(text);
  if (m === null) return true; // the pattern's own issue says what is wrong
  const [year, month, day, hour, minute, second = 0, ms = 0] = m.slice(1, 8).map((f) => Number(f ?? 0));
  const inDay = hour! < 24 ? minute! < 60 && second < 60 : minute === 0 && second === 0 && ms === 0;
  const real = month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth(year!, month!) && inDay;
  return real && !Number.isNaN(Date.parse(text));
}

const records = <T extends z.core.$ZodType>(value: T) => z.record(id, value);

/** Access to a channel, on a clock. */
export const ChannelAccessSchema = z.strictObject({ channel: id, clock, note: TextSchema.optional() });

const supportHours = z.discriminatedUnion('kind', [
  /** The package is set in each contract ("depending on your PIM plan type"). */
  z.strictObject({ kind: z.literal('per_contract') }),
  z.strictObject({ kind: z.literal('fixed'), annualMinutes: z.int().min(1).max(1_000_000) }),
  z.strictObject({ kind: z.literal('none') }),
]);

/** A plan: its channels, its targets and its support-hours package. */
export const PlanSchema = z.strictObject({
  label: TextSchema,
  /** Rank among the plans, 1 = highest. */
  rank: z.int().min(1).max(100).optional(),
  severityScale: id,
  /** The channels the plan opens, each on its clock; none when absent. */
  channels: z.array(ChannelAccessSchema).max(50).default([]),
  targets: z.array(TargetSchema).max(200).default([]),
  /** The plan's support-hours package; `{ kind: 'none' }` when absent. */
  supportHours: supportHours.default({ kind: 'none' }),
  /** Add-ons every account on this plan has. */
  includedAddOns: z.array(id).optional(),
});

/** An amount of money in minor units (cents) with its ISO 4217 currency. */
export const MoneySchema = z.strictObject({
  amountMinor: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/),
  per: z.enum(['month', 'year', 'once']),
});

/** An add-on: a price, the plans that may take it, and targets that replace the plan's. */
export const AddOnSchema = z.strictObject({
  label: TextSchema,
  price: MoneySchema,
  availableOn: z.array(id).min(1),
  /** When true the add-on's targets replace the plan's; otherwise they are added. */
  replacesTargets: z.boolean(),
  /** The scale the add-on's targets use, when it has its own. */
  severityScale: id.optional(),
  channels: z.array(ChannelAccessSchema).max(50),
  targets: z.array(TargetSchema).max(200),
  routing: z.strictObject({ dedicatedAgent: z.boolean(), secondLevelAgents: z.boolean() }),
  features: z
    .array(z.strictObject({ id, text: TextSchema }))
    .max(100)
    .optional(),
});

/**
 * How an account type is served. The defaults describe a customer the vendor serves directly:
 * only a vendor/partner model needs to set the other values.
 */
export const AccountTypeSchema = z.strictObject({
  label: TextSchema,
  description: TextSchema.optional(),
  /** Who answers first: the vendor's support (the default), or the account's Solution Partner. */
  firstLine: z.enum(['vendor', 'partner']).default('vendor'),
  /** Whether the vendor's own tickets are open to it: always (the default), "in some cases", or never. */
  vendorTickets: z.enum(['yes', 'some_cases', 'no']).default('yes'),
  /** Whether the plan's response targets apply (`plan`, the default; `none`: best effort, no target). */
  targets: z.enum(['plan', 'none']).default('plan'),
  /** How Customer Success reaches it; `none` when absent. */
  customerSuccess: z.enum(['direct', 'through_partner', 'none']).default('none'),
  /** Whose support hours it uses; the plan's when absent. */
  supportHours: z.enum(['plan', 'partner_pool', 'none']).default('plan'),
  /** Whether an account of this type must name its managing partner; `false` when absent. */
  requiresPartner: z.boolean().default(false),
  /** The only channels open to this type (e.g. the vendor's ticket "in some cases"); all when absent. */
  channels: z.array(id).min(1).optional(),
});

const criterion = z.strictObject({ id, text: TextSchema, when: ConditionSchema });
/**
 * A level's criterion. `unless` names facts that go beyond what the level describes (Minor's "no
 * major impact on overall usability"): when `when` matches and `unless` does too, the criterion does
 * not fit literally and `classify` answers the next more severe level, marked `nearest`. Like `when`,
 * it lists for each ordered fact a value and every worse one, and names at least one fact.
 */
const levelCriterion = criterion.extend({ unless: ConditionSchema.optional() });
/**
 * A "not an incident" criterion. `decides: 'before_levels'` settles the matter whatever the levels
 * say (expected behaviour, out of scope); `after_levels` (the default) applies only when no level
 * matches (a question that reveals data loss is still an incident).
 */
const notIncidentCriterion = criterion.extend({
  decides: z.enum(['before_levels', 'after_levels']).default('after_levels'),
});

/** A severity scale: levels from the most severe (rank 1) down, each with its criteria. */
export const SeverityScaleSchema = z.strictObject({
  label: TextSchema,
  levels: z
    .array(
      z.strictObject({
        id,
        rank: z.int().min(1).max(20),
        label: TextSchema,
        definition: TextSchema.optional(),
        /** The facts that put a request on this level (for `classify`); none when absent. */
        criteria: z.array(levelCriterion).max(50).default([]),
        examples: z.array(TextSchema).max(20).optional(),
      }),
    )
    .min(1)
    .max(20),
  /** What is not an incident (a question, expected behaviour), with its criteria. */
  notIncident: z.array(notIncidentCriterion).max(50).optional(),
});

/** A mapping between two scales, as data (Critical → 1, …). */
export const SeverityMappingSchema = z.strictObject({ from: id, to: id, levels: z.record(id, id) });

/** A scope rule: a kind of request and how far support covers it. */
export const ScopeRuleSchema = z.strictObject({
  id,
  coverage: z.enum(['full', 'partial', 'none']),
  text: TextSchema,
  /** For partial coverage: what is still covered. */
  stillCovered: TextSchema.optional(),
});

/** Customer Success terms: a reply range in business days, channels, reviews, out-of-scope list. */
export const CustomerSuccessSchema = z.strictObject({
  reply: z.strictObject({ expected: duration, target: duration, clock }),
  channels: z.array(id).min(1),
  reviews: z.strictObject({ cadence: z.enum(['monthly', 'quarterly', 'yearly']), text: TextSchema }),
  outOfScope: z.array(z.strictObject({ id, text: TextSchema })).max(50),
});

/** Support-hours deduction rules. */
export const DeductionSchema = z.strictObject({
  minimumMinutes: z.int().min(1).max(1440),
  incrementMinutes: z.int().min(1).max(1440),
  rounding: z.enum(['down', 'up', 'nearest']),
  /** A conversation answered with existing documentation costs the minimum only, or its handled time. */
  documentationAnswer: z.enum(['minimum', 'handled']),
  incidents: z.enum(['free', 'charged']),
  customerSuccess: z.enum(['free', 'charged']),
  carryOver: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('all') }),
    z.strictObject({ kind: z.literal('capped'), capMinutes: z.int().min(1).max(1_000_000) }),
  ]),
});

/** Partner integration support: the conditions a partner must meet, and the escalation note. */
export const PartnerTermsSchema = z.strictObject({
  integrationSupport: z.strictObject({
    conditions: z
      .array(z.strictObject({ id, text: TextSchema }))
      .min(1)
      .max(20),
    escalation: TextSchema,
  }),
  /** Support is given to the partner without involving the end customer, unless agreed. */
  withoutEndCustomer: TextSchema.optional(),
});

/** Where a policy's rules come from. */
export const SourceSchema = z.strictObject({
  title: z.string().min(1).max(500),
  documents: z.array(z.string().min(1).max(500)).min(1).max(50),
  /** The date the documents were read, `YYYY-MM-DD`. */
  readOn: z
    .string()
    .refine((s) => ISO_DATE_PATTERN.test(s), { error: 'expected a real date "YYYY-MM-DD"' })
    .meta({ pattern: ISO_DATE_PATTERN.source }),
});

/** A support policy: one JSON document. */
export const PolicySchema = z.strictObject({
  schemaVersion: z.literal(1),
  id,
  /** The policy's version, which results report (`2026-01`, `v3`); required in a versions document. */
  version: z.string().min(1).max(100).optional(),
  /**
   * In a versions document (`parsePolicyVersions`): the instant from which this version applies to
   * new tickets, ISO 8601 with an offset (`2026-07-01T00:00:00+02:00`). The first version's may be
   * left out: it applies to every ticket before the next.
   */
  effectiveFrom: z
    .string()
    .regex(ISO_INSTANT_PATTERN, {
      error: 'expected an ISO 8601 instant with an offset, like "2026-07-01T00:00:00+02:00"',
    })
    .refine(isExistingInstant, { error: 'expected an instant that exists' })
    .optional(),
  name: TextSchema,
  /** The locales every text carries; `en` first. `['en']` when absent. */
  locales: z.array(z.string().regex(LOCALE_PATTERN)).min(1).max(20).default(['en']),
  source: SourceSchema.optional(),
  calendars: records(CalendarDefinitionSchema),
  /** Support channels by id; none when absent. */
  channels: records(z.strictObject({ label: TextSchema })).default({}),
  severityScales: records(SeverityScaleSchema),
  severityMappings: z.array(SeverityMappingSchema).max(20).optional(),
  /**
   * Account types by id. When absent (or empty), one type, `customer`, with every default: served
   * by the vendor, the plan's targets and support hours.
   */
  accountTypes: records(AccountTypeSchema).default({}),
  plans: records(PlanSchema),
  /** Add-ons by id; none when absent. */
  addOns: records(AddOnSchema).default({}),
  customerSuccess: CustomerSuccessSchema.optional(),
  scope: z.array(ScopeRuleSchema).max(200).optional(),
  partners: PartnerTermsSchema.optional(),
  supportHours: z.strictObject({ deduction: DeductionSchema }).optional(),
  /** SLA measurement settings shared by every target, and the tickets' status vocabulary. */
  sla: z
    .strictObject({
      warnAtPercent: warnAtPercent.optional(),
      thresholds: thresholds.optional(),
      /**
       * The tickets' statuses; `open`, `waiting_on_customer`, `on_hold` (all `open`) and `solved`
       * when absent.
       */
      statuses: z.record(statusName, StatusSchema).optional(),
      /** A ticket's status when created: an `open`-category status; `open` when absent. */
      initialStatus: statusName.optional(),
      /**
       * Ordered SLA rules: the first whose conditions a ticket meets sets its targets instead of
       * its plan's (as in Zendesk); a ticket no rule matches keeps its plan's targets.
       */
      rules: z.array(RuleSchema).max(200).optional(),
    })
    .optional(),
});

/**
 * A support policy as written (JSON input): defaults may be omitted.
 * @category Policy
 */
export type PolicyDefinition = DeepReadonly<z.input<typeof PolicySchema>>;
export type { AccountType, AddOn, Plan, Policy, SeverityScale, Target } from './policyTypes.js';
