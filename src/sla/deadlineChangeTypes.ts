import type { Metric, TargetMeasurement } from './types.js';

/**
 * The answer of {@link compareDeadlines}: what measuring the same tickets at the same `now` under
 * another policy changes, for a service that schedules timers on the results.
 */

/**
 * A threshold of a target whose instant differs between the two policies.
 * @category SLA
 */
export interface ThresholdChange {
  /** The threshold's id (`warn-75`, an escalation's id). */
  readonly id: string;
  /** Its instant under the first policy and under the second: `null` for none (paused, stopped, or no such threshold). */
  readonly from: number | null;
  readonly to: number | null;
}

/**
 * A measured target of a ticket whose deadline or outcome differs between the two policies, or
 * that only one of them measures.
 *
 * - `moved`: measured under both, and its due instant, a threshold's instant or its state differs
 *   (for a target stopped under both, only its state counts: its due instant is then a
 *   projection no timer waits for);
 * - `added`: measured under the second policy only (a new target, a rule that now applies);
 * - `removed`: measured under the first only.
 * @category SLA
 */
export interface DeadlineChange {
  /** The ticket's index in the list given, and its `id` (`null` when it has none). */
  readonly ticket: number;
  readonly ticketId: string | number | null;
  readonly change: 'moved' | 'added' | 'removed';
  /** The target's id, metric and cycle, as in {@link TargetMeasurement} (`cycle` is `null` for first response and resolution). */
  readonly target: string;
  readonly metric: Metric;
  readonly cycle: number | null;
  /** The due instant under the first policy and under the second (`null`: paused, or not measured there). */
  readonly from: number | null;
  readonly to: number | null;
  /** The target's state under each policy (`null`: not measured there). */
  readonly stateFrom: TargetMeasurement['state'] | null;
  readonly stateTo: TargetMeasurement['state'] | null;
  /** The thresholds whose instants differ, in the policy's order (those of the second policy, then any only the first has). */
  readonly thresholds: readonly ThresholdChange[];
}

/**
 * A ticket whose `nextCheckAt` differs between the two policies: the one timer to move for a
 * service that keeps one per ticket.
 * @category SLA
 */
export interface NextCheckChange {
  readonly ticket: number;
  readonly ticketId: string | number | null;
  /** `nextCheckAt` under each policy (`null`: nothing running). */
  readonly from: number | null;
  readonly to: number | null;
}

/**
 * The counts of a {@link CompareDeadlinesResult}.
 * @category SLA
 */
export interface DeadlineChangeSummary {
  /** Tickets compared. */
  readonly tickets: number;
  /** Tickets with at least one change or a moved next check. */
  readonly changedTickets: number;
  readonly moved: number;
  readonly added: number;
  readonly removed: number;
  /** Tickets whose `nextCheckAt` moved. */
  readonly nextChecks: number;
}

/**
 * What {@link compareDeadlines} returns. Changes are listed ticket by ticket in input order; a
 * ticket's targets in its result order under the second policy, then those only the first measures
 * in theirs.
 * @category SLA
 */
export interface CompareDeadlinesResult {
  readonly changes: readonly DeadlineChange[];
  readonly nextChecks: readonly NextCheckChange[];
  readonly summary: DeadlineChangeSummary;
}
