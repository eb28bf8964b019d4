import * as z from 'zod';
import { describeValue } from '../internal/describeValue.js';
import { id } from './ids.js';
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
