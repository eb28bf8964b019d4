import * as z from 'zod';
import { describeValue } from '../internal/describeValue.js';
import { clock, duration, id } from './ids.js';
import { TextSchema } from './text.js';

/** The SLA parts of the policy schema: ticket statuses, warning and escalation thresholds. */

/** Warning thresholds: whole percentages of a target, increasing (for example `[75, 90]`). */
export const warnAtPercent = z.array(z.int().min(1).max(99)).max(10);

/** A ticket status's name: lowercase letters, digits and `_`, starting with a letter. */
export const STATUS_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const statusName = z.string().regex(STATUS_NAME_PATTERN, {
  error: (iss) =>
    `expected a status name (a lowercase letter, then letters, digits or "_"), got ${describeValue(iss.input)}`,
});

/** Open time only (`PT…`): an escalation's distance past the due instant. */
const TIME_PATTERN = /^PT(?:([1-9][0-9]{0,4})H(?:([1-9][0-9]{0,5})M)?|([1-9][0-9]{0,5})M)$/;

/**
 * A warning before the due instant or an escalation level after it: a percentage of the target
 * (1–1000: 150 is half the target past the due instant), or open time past the due instant.
 */
export const ThresholdSchema = z.union([
  z.strictObject({ id, percent: z.int().min(1).max(1000) }),
  z.strictObject({
    id,
    after: z.string().regex(TIME_PATTERN, {
      error: (iss) => `expected open time past the due instant "PT<h>H<m>M", got ${describeValue(iss.input)}`,
    }),
  }),
]);
export const thresholds = z.array(ThresholdSchema).max(20);

/** The statuses of a policy's tickets, each with what it means to the clocks. */
export const StatusSchema = z.strictObject({
  /** `open` runs the clocks (unless a target pauses on it), `solved` stops them until reopened, `closed` for good. */
  category: z.enum(['open', 'solved', 'closed']),
  label: TextSchema.optional(),
});

/** A ticket field's name: `channel`, `group`, `organization`, `type`, `tags`, or a custom field. */
export const FIELD_NAME_PATTERN = /^[a-z][a-zA-Z0-9_.-]{0,63}$/;
const fieldName = z.string().regex(FIELD_NAME_PATTERN, {
  error: (iss) =>
    `expected a field name (a lowercase letter, then letters, digits, "_", "." or "-"), got ${describeValue(iss.input)}`,
});
/**
 * A target's clock: a calendar of the policy by id, or `24/7`; or chosen per ticket — by a field
 * (`{ from: 'field', field: 'group', calendars: { tier2: 'berlin' }, otherwise: 'office' }`: the
 * calendar named for the field's value), or by the account (`{ from: 'account', otherwise }`: the
 * account's own `calendar`, when it has one).
 */
export const TargetClockSchema = z.union([
  clock,
  z.strictObject({
    from: z.literal('field'),
    field: fieldName,
    calendars: z.record(z.string().min(1).max(500), clock),
    otherwise: clock,
  }),
  z.strictObject({ from: z.literal('account'), otherwise: clock }),
]);

const metric = z.enum(['firstResponse', 'followUp', 'periodicUpdate', 'resolution']);

/** A response target of a plan or add-on. */
export const TargetSchema = z.strictObject({
  /**
   * Tells apart targets of one metric (say `requester_wait` and `agent_work`, two resolution
   * targets); results are keyed by it. The metric's name when absent.
   */
  id: id.optional(),
  /** What is measured: first response, each follow-up, each periodic update, or resolution. */
  metric,
  /** Severity levels it applies to (ids of the plan's scale); all levels when absent. */
  severities: z.array(id).min(1).optional(),
  duration,
  clock: TargetClockSchema,
  /** `target`: a commitment, measured; `typical`: an informational figure, never breached. */
  role: z.enum(['target', 'typical']).default('target'),
  /** Statuses during which the clock pauses: `open`-category statuses of the policy's vocabulary. */
  pauseOn: z.array(statusName).max(50).optional(),
  /**
   * Percentages of the target at which a warning falls due (shorthand for thresholds with ids
   * `warn-<percent>`). A target with neither this nor `thresholds` takes the policy's `sla` ones.
   */
  warnAtPercent: warnAtPercent.optional(),
  /** Warnings and escalation levels, each with an id. */
  thresholds: thresholds.optional(),
  note: TextSchema.optional(),
});

const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);

/**
 * A condition on a ticket's field (or on `plan` and `severity`, which every ticket has): equal or
 * not to a value, one of a list or none of it, a tag in a list field or not, present or absent, or
 * above or below a number.
 */
export const FieldConditionSchema = z.union([
  z.strictObject({ field: fieldName, op: z.enum(['is', 'is_not']), value: scalar }),
  z.strictObject({ field: fieldName, op: z.enum(['one_of', 'not_one_of']), values: z.array(scalar).min(1).max(100) }),
  z.strictObject({ field: fieldName, op: z.enum(['has_tag', 'lacks_tag']), tag: z.string().min(1).max(200) }),
  z.strictObject({ field: fieldName, op: z.enum(['exists', 'not_exists']) }),
  z.strictObject({ field: fieldName, op: z.enum(['greater_than', 'less_than']), value: z.number() }),
]);

/** An SLA rule: conditions that must all hold, and the targets a ticket that meets them gets. */
export const RuleSchema = z.strictObject({
  id,
  label: TextSchema.optional(),
  /** Every condition must hold; none: the rule matches every ticket (a catch-all, last). */
  when: z.array(FieldConditionSchema).max(50),
  targets: z.array(TargetSchema).max(200),
});
