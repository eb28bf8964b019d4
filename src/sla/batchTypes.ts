import type { SupportPolicyError } from '../errors.js';
import type { SlaColumns } from './columnTypes.js';
import type { MeasureResult } from './types.js';

/**
 * A ticket of a batch or a stream that could not be measured, and the typed error that says why:
 * the error {@link measureMany} would have thrown for it, its path under `tickets[index]`.
 * @category SLA
 */
export interface SlaTicketFailure {
  /** The ticket's index in the batch, or its position in the stream (from 0). */
  readonly index: number;
  /** The ticket's `id` when it has a valid one, else `null`. */
  readonly id: string | number | null;
  /** What measuring it threw: an {@link InvalidArgumentError} (`invalid_event`, `unknown_reference`…) or a {@link CalculationError}. */
  readonly error: SupportPolicyError;
}

/**
 * Tickets measured together, and those that failed: what {@link measureMany} returns with
 * `{ invalid: 'collect' }`, and each chunk {@link measureStream} yields.
 *
 * @remarks
 * `results` holds the measured tickets only, in input order, as rows or as columns: the answer
 * measuring them alone would give (a failed ticket leaves no row in any table, and
 * `targets.ticket` counts measured tickets). `index[k]` and `ids[k]` say which ticket row `k` is;
 * `failures` lists the others, in input order. Together they cover `count` tickets from position
 * `first`: each ticket of that range is in `index` or in `failures`, never both.
 * @category SLA
 */
export interface MeasureManyResult<R extends MeasureResult[] | SlaColumns = MeasureResult[]> {
  /** The position of the first ticket covered: 0 for a batch; in a stream, how many tickets came before. */
  readonly first: number;
  /** How many tickets are covered, measured or failed. */
  readonly count: number;
  /** The position of each measured ticket (row `k` of `results` is ticket `index[k]`). */
  readonly index: readonly number[];
  /** The `id` of each measured ticket, `null` for one without. */
  readonly ids: readonly (string | number | null)[];
  /** The measured tickets' answers, as {@link measureMany} gives them (rows or {@link SlaColumns}). */
  readonly results: R;
  /** The tickets that could not be measured (none with `invalid: 'throw'`). */
  readonly failures: readonly SlaTicketFailure[];
}
