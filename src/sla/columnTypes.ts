import type { Assert, SameType } from '../internal/types.js';
import type { TARGET_FIELDS, THRESHOLD_FIELDS, TICKET_FIELDS } from './resultFields.js';
import type { EntitlementSource } from '../policy/entitlementTypes.js';
import type { ParsedDuration } from '../policy/duration.js';
import type { Metric } from './clockTypes.js';
import type { RuleMatch } from './rules.js';
import type { PolicyRef, TargetMeasurement } from './types.js';

/**
 * What {@link measureMany} returns with `{ format: 'columns' }`: the figures of its rows as three
 * tables of columns — the tickets, their measured targets, and the targets' thresholds — for
 * analysts' data frames, and for services that move large batches between threads.
 *
 * @remarks
 * Every table has a `length` and one array per field, all of that length: row `i` of a table is
 * entry `i` of each of its columns. Numbers are `Float64Array`s, with `NaN` where a row says
 * `null`; a reference to another table's row (`targets.ticket`, `thresholds.target`) is an index in
 * a `Uint32Array`; text, booleans and the shared description objects (`duration`, `source`) are
 * plain frozen arrays. Targets are grouped by ticket and thresholds by target, in the order of the
 * rows; a ticket without measured targets has no target rows.
 *
 * Each call makes new arrays, owned by the caller. The tables survive `structuredClone`, and the
 * typed arrays' buffers can be transferred to a worker without copying; JSON turns typed arrays
 * into objects, so convert them with `Array.from` first, or use {@link columnsToResults}.
 * @category SLA
 */
export interface SlaColumns {
  readonly tickets: SlaTicketColumns;
  readonly targets: SlaTargetColumns;
  readonly thresholds: SlaThresholdColumns;
}

/**
 * One row per ticket of the batch, in input order: {@link MeasureResult}'s fields.
 * @category SLA
 */
export interface SlaTicketColumns {
  readonly length: number;
  /** The policy each ticket was measured with: id, version and fingerprint (shared frozen objects, as in the rows). */
  readonly policy: readonly PolicyRef[];
  readonly severity: readonly (string | null)[];
  readonly plan: readonly (string | null)[];
  /** The SLA rule whose targets apply (a shared frozen object, as in the rows); `null` for the plan's. */
  readonly rule: readonly (RuleMatch | null)[];
  readonly status: readonly string[];
  /** `NaN`: nothing is running. */
  readonly nextCheckAt: Float64Array;
}

/**
 * One row per measured target: {@link TargetMeasurement}'s fields, and the ticket's row.
 * @category SLA
 */
export interface SlaTargetColumns {
  readonly length: number;
  /** The ticket's row in {@link SlaColumns.tickets} (its index in the batch). */
  readonly ticket: Uint32Array;
  readonly id: readonly string[];
  readonly metric: readonly Metric[];
  /** `NaN` for metrics without cycles (first response, resolution). */
  readonly cycle: Float64Array;
  readonly startedAt: Float64Array;
  readonly severity: readonly (string | null)[];
  readonly plan: readonly (string | null)[];
  readonly duration: readonly ParsedDuration[];
  readonly clock: readonly string[];
  readonly source: readonly EntitlementSource[];
  readonly targetMs: Float64Array;
  readonly state: readonly TargetMeasurement['state'][];
  /** `NaN`: paused, no due instant. */
  readonly dueAt: Float64Array;
  /** `NaN`: not stopped. */
  readonly stoppedAt: Float64Array;
  readonly elapsedMs: Float64Array;
  readonly remainingMs: Float64Array;
  readonly percent: Float64Array;
  readonly breachedByMs: Float64Array;
}

/**
 * One row per threshold of a measured target: {@link SlaThreshold}'s fields, and the target's row.
 * @category SLA
 */
export interface SlaThresholdColumns {
  readonly length: number;
  /** The target's row in {@link SlaColumns.targets}. */
  readonly target: Uint32Array;
  readonly id: readonly string[];
  /** `NaN` for a threshold set as a duration past the target. */
  readonly percent: Float64Array;
  /** `NaN` for a threshold set as a percentage. */
  readonly afterMs: Float64Array;
  readonly elapsedMs: Float64Array;
  /** `NaN`: no instant (paused, or stopped before reaching it). */
  readonly at: Float64Array;
  readonly reached: readonly boolean[];
}

type Named<T extends readonly { readonly name: string }[]> = T[number]['name'];
/** Compile-time check: the column tables hold exactly the described fields (src/sla/resultFields.ts). */
export type ColumnsMatchFields = Assert<
  SameType<
    [keyof SlaTicketColumns, keyof SlaTargetColumns, keyof SlaThresholdColumns],
    [
      'length' | Named<typeof TICKET_FIELDS>,
      'length' | 'ticket' | Named<typeof TARGET_FIELDS>,
      'length' | 'target' | Named<typeof THRESHOLD_FIELDS>,
    ]
  >
>;
