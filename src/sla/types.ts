import type { InstantLike } from '../instant.js';
import type { AccountDefinition, EntitlementSource } from '../policy/entitlementTypes.js';
import type { ParsedDuration } from '../policy/duration.js';

/**
 * The public types of the SLA functions in one place: their input (timelines, ticket fields) and
 * their answers (measurements, thresholds, spans, the rule and policy they name). The columnar
 * tables are in `columnTypes.ts`, laid out by `resultFields.ts`.
 */

/**
 * One event of a ticket's timeline, with its instant. A timeline starts with `created` (once) and
 * its instants never decrease; events sharing an instant apply in list order.
 *
 * - `created`: the ticket, with its severity level (required when the account has targets).
 * - `reply`: by an `agent`, the `customer`, or an `automatic` message (which never satisfies a
 *   target).
 * - `status`: a status of the policy's vocabulary (`sla.statuses`; by default `open`,
 *   `waiting_on_customer`, `on_hold`, `solved`, and `reopened`, read as `open`). A status of the
 *   `open` category after a `solved` one reopens the ticket; after a `closed` one, no event is
 *   accepted.
 * - `severity`: a new level; every clock that has not ended and is not breached is re-targeted
 *   from its original start.
 * - `plan`: the account moves to another plan (and add-ons, when given; else it keeps its own),
 *   re-targeting the same way; `severity` is needed when the new plan uses another scale.
 * - `fields`: the ticket's fields change (`null` removes one); `created` may carry its first
 *   fields. The policy's SLA rules are matched again, re-targeting the same way.
 *
 * Every kind may carry the caller's `id` (a string or a whole number), which the clocks never read. Anything else is
 * refused: an event is a plain object with its kind's fields only (docs/decisions.md).
 *
 * @category SLA
 */
export type TicketEvent =
  | {
      readonly kind: 'created';
      readonly at: InstantLike;
      readonly severity?: string;
      readonly fields?: Readonly<Record<string, FieldValue | null>>;
      readonly id?: string | number;
    }
  | {
      readonly kind: 'reply';
      readonly at: InstantLike;
      readonly author: 'agent' | 'customer' | 'automatic';
      readonly id?: string | number;
    }
  | {
      readonly kind: 'status';
      readonly at: InstantLike;
      readonly status: string;
      readonly id?: string | number;
    }
  | { readonly kind: 'severity'; readonly at: InstantLike; readonly severity: string; readonly id?: string | number }
  | {
      readonly kind: 'plan';
      readonly at: InstantLike;
      readonly plan: string;
      readonly addOns?: readonly string[];
      readonly severity?: string;
      readonly id?: string | number;
    }
  | {
      readonly kind: 'fields';
      readonly at: InstantLike;
      readonly fields: Readonly<Record<string, FieldValue | null>>;
      readonly id?: string | number;
    };

/**
 * A ticket's timeline: its events in time order, `created` first.
 * @category SLA
 */
export type Timeline = readonly TicketEvent[];

/**
 * A threshold of a target — a warning before the due instant, or an escalation level after it —
 * and when it falls due. `at` is in the past when `reached`, projected while the clock runs, and
 * `null` while the clock is paused (even after its breach) or stopped.
 * @category SLA
 */
export interface SlaThreshold {
  /** The threshold's id in the policy (`warn-75` for `warnAtPercent: [75]`). */
  readonly id: string;
  /** A percentage of the target (`null` for a threshold set as a duration past it). */
  readonly percent: number | null;
  /** Open time past the target (`null` for a percentage). */
  readonly afterMs: number | null;
  /** The threshold as elapsed open time, for the target's current `targetMs`. */
  readonly elapsedMs: number;
  readonly at: number | null;
  readonly reached: boolean;
}

/**
 * One stretch of a clock's life, for explanations: `open` time counted, `closed` hours and
 * `holiday`s skipped while the clock ran, `paused` on a status, or `solved`. `projected` stretches
 * lie after `now` (or after the stop): the way to the due instant if the clock ran on.
 * @category SLA
 */
export interface SlaSpan {
  readonly from: number;
  readonly to: number;
  readonly kind: 'open' | 'closed' | 'holiday' | 'paused' | 'solved';
  /** Open time counted towards the target: the span's length when `open`, else 0. */
  readonly countedMs: number;
  /** The status, for `paused` and `solved` (a status of the `solved` or `closed` category). */
  readonly status?: string;
  /** The holiday's name, for `holiday`. */
  readonly holiday?: string;
  readonly projected: boolean;
}

/**
 * One measured target of a ticket: first response, resolution, or one follow-up or
 * periodic-update cycle.
 *
 * Instants are epoch ms. `dueAt`: when the elapsed time reached the target, the instant it did;
 * else, stopped, the deadline it would have had running on from its stop; else, paused, `null`;
 * else when it falls due if it keeps running. See `docs/sla.md`.
 * @category SLA
 */
export interface TargetMeasurement {
  /** The target's id in the policy (its metric's name unless the policy names it). */
  readonly id: string;
  readonly metric: Metric;
  /** Follow-up and periodic-update cycles count from 1; `null` for other metrics. */
  readonly cycle: number | null;
  readonly startedAt: number;
  /** The severity level and plan the target was chosen for (a breached target keeps its own). */
  readonly severity: string | null;
  readonly plan: string | null;
  readonly duration: ParsedDuration;
  /** A calendar id of the policy, or `24/7`. */
  readonly clock: string;
  readonly source: EntitlementSource;
  /** The target as open time on its clock (business days are counted from the clock's start). */
  readonly targetMs: number;
  readonly state: 'running' | 'paused' | 'achieved' | 'breached';
  readonly dueAt: number | null;
  /** The reply that ended the clock, or the instant the ticket was solved; `null` while open. */
  readonly stoppedAt: number | null;
  readonly elapsedMs: number;
  readonly remainingMs: number;
  /** `elapsedMs / targetMs × 100`, unrounded. */
  readonly percent: number;
  readonly breachedByMs: number;
  /** The target's warnings and escalations, in the policy's order. */
  readonly thresholds: readonly SlaThreshold[];
  /** With `explain: true`: the spans that make up the elapsed time, and the way to the due instant. */
  readonly spans?: readonly SlaSpan[];
  /**
   * With `explain: true`: the IANA zone of the target's calendar, in which its days and hours are
   * read (`null` on the 24/7 clock).
   */
  readonly zone?: string | null;
  /**
   * With `explain: true`: what put the due instant past the start plus the target, in a few words,
   * read from `spans` — the holidays by name, nights, weekends, closed days, closed hours within a
   * day, pauses by status and solved stretches up to the due instant:
   * `Epiphany (Tue 6 Jan) closed; 2 nights; 1 weekend`. One text per locale of the policy whose
   * language the library writes (English and Spanish), keyed by the policy's locale tag.
   */
  readonly summary?: Readonly<Record<string, string>>;
}

/**
 * What {@link measure} returns: every measured target of a ticket at `now`.
 * @category SLA
 */
export interface MeasureResult {
  /** The policy the ticket was measured with: its id, version and fingerprint (the version in force when it was created). */
  readonly policy: PolicyRef;
  /** The severity level and plan in force at `now`. */
  readonly severity: string | null;
  readonly plan: string | null;
  /**
   * The SLA rule (`sla.rules`) whose targets apply at `now`, with one reason per condition; `null`
   * when the account's plan sets them (no rule matched, or the policy has none).
   */
  readonly rule: RuleMatch | null;
  /** The ticket's status at `now`: a status of the policy's vocabulary. */
  readonly status: string;
  /**
   * First response, follow-up cycles, periodic-update cycles, resolution (each metric's targets in
   * the policy's order, cycles in order); only targets the policy sets.
   */
  readonly targets: readonly TargetMeasurement[];
  /**
   * The next instant after `now` at which a running target's result changes — a threshold is
   * reached (an escalation too, on a target already breached whose clock still runs), or the
   * target becomes breached (1 ms past its due instant, or past the next opening when the deadline
   * fell at a closing) — for scheduling; `null` when nothing is running.
   */
  readonly nextCheckAt: number | null;
}

/**
 * Options of {@link measure}, {@link measureState} and {@link measureMany}.
 * @category SLA
 */
export interface MeasureOptions {
  /** Adds `spans` to every target: slower, for showing a support lead how a deadline was reached. */
  readonly explain?: boolean;
}

/**
 * Which policy a result was computed with: its `id`, its `version` (`null` for a policy without
 * one) and its {@link policyFingerprint}, which changes with any change to its content, so a
 * stored result tells whether it was computed with the policy in use now.
 * @category SLA
 */
export interface PolicyRef {
  readonly id: string;
  readonly version: string | null;
  /** The {@link policyFingerprint} of the policy (of the version in force, for versions): 16 hex digits. */
  readonly fingerprint: string;
}

/**
 * A ticket field's value: text, a number, a yes/no, or a list of tags.
 * @category SLA
 */
export type FieldValue = string | number | boolean | readonly string[];

/**
 * A ticket's fields, by name: `channel`, `group`, `organization`, `type`, `tags`, or any custom
 * field the policy's rules test.
 * @category SLA
 */
export type TicketFields = Readonly<Record<string, FieldValue>>;

/**
 * The SLA rule a ticket matched, and why: one reason per condition, with the ticket's value.
 * @category SLA
 */
export interface RuleMatch {
  readonly id: string;
  /** Its position in `sla.rules`. */
  readonly index: number;
  readonly reasons: readonly string[];
}

/**
 * What a target measures: the first agent reply, each follow-up (from a customer's message after
 * an agent's reply to the next agent reply), each periodic update (from one agent reply to the
 * next), or resolution.
 * @category SLA
 */
export type Metric = 'firstResponse' | 'followUp' | 'periodicUpdate' | 'resolution';

/**
 * What a status means to the clocks: `open` statuses run them (unless a target pauses on the
 * status), `solved` stops them until the ticket is reopened, `closed` stops them for good.
 * @category SLA
 */
export type StatusCategory = 'open' | 'solved' | 'closed';

/**
 * A ticket's SLA state as JSON data (`state.toJSON()`, or what `JSON.stringify(state)` writes):
 * no policy inside, only its id, version and fingerprint, so that {@link restoreState} can tell
 * whether it is restored against the policy it was measured with.
 * @category SLA
 */
export interface StoredSlaState {
  /** `'support-policy/sla-state@1'`. */
  readonly format: 'support-policy/sla-state@1';
  /** The policy version the ticket is measured with; `null` before `created` on policy versions (none chosen yet). */
  readonly policy: PolicyRef | null;
  /** The account the ticket was started with (a `plan` event among `events` may have moved it since). */
  readonly account: AccountDefinition;
  /** The events applied, in order, instants in epoch ms. */
  readonly events: readonly TicketEvent[];
}
