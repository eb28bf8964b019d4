import { argumentError } from '../errors.js';
import type { InstantLike } from '../instant.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { PolicyVersions } from '../policy/policyVersions.js';
import type { Policy } from '../policy/schema.js';
import type { MeasureManyResult } from './batchTypes.js';
import type { SlaColumns } from './columnTypes.js';
import { TicketMeasurer } from './measure.js';
import { measureTickets, readBatchOptions } from './measureBatch.js';
import type { MeasureOptions, MeasureResult } from './results.js';
import type { Timeline } from './types.js';

/**
 * A ticket for {@link measureMany}: its account and its timeline (plain, serialisable data).
 * @category SLA
 */
export interface SlaTicket {
  /** The caller's id of the ticket (a string or a whole number), kept out of the clocks. */
  readonly id?: string | number;
  readonly account: AccountDefinition;
  readonly events: Timeline;
}

/**
 * Options of {@link measureMany}: those of {@link measure}, the shape of the answer, and what a bad
 * ticket does.
 * @category SLA
 */
export interface MeasureManyOptions extends MeasureOptions {
  /**
   * `rows` (the default): one {@link MeasureResult} per ticket. `columns`: the same figures as
   * {@link SlaColumns}, tables of typed arrays, which are faster to build and to move between
   * threads, for batches of many thousands of tickets. Explanations come as rows only.
   */
  readonly format?: 'rows' | 'columns';
  /**
   * `throw` (the default): the first bad ticket's error is thrown and nothing is returned.
   * `collect`: every other ticket is measured, and the answer is a {@link MeasureManyResult} whose
   * `failures` list the bad ones with their errors.
   */
  readonly invalid?: 'throw' | 'collect';
}

/**
 * Measures many tickets at one `now`, in one call: the answer for each ticket is the one
 * {@link measure} gives, in input order, as rows or (with `{ format: 'columns' }`) as columns.
 * Compiled calendars and resolved targets are shared by every ticket of the batch (and by later
 * calls on the same policy object).
 *
 * @remarks
 * A pure function of (policy, tickets, now): inputs and results are plain data that survive
 * `structuredClone` (JSON too, for rows, with epoch-ms instants), so a large batch can be split
 * across worker threads or the map stage of a data engine and the parts concatenated
 * (`examples/sla-workers.ts`). Columns are the fast shape: a row per ticket and per target is
 * many small objects, and a large batch spends more time building them than measuring; see
 * docs/performance.md. A batch too large to hold at once is measured chunk by chunk with
 * {@link measureStream}.
 *
 * With `{ invalid: 'collect' }` a bad ticket no longer fails the batch: the answer is a
 * {@link MeasureManyResult}, whose `results` hold the other tickets (what measuring them alone
 * gives), `index` and `ids` which ticket each row is, and `failures` each bad ticket's index, id
 * and the typed error it would have thrown. Errors that are not the library's (thrown by a getter
 * of the caller's) still pass through.
 *
 * @throws {@link InvalidArgumentError} for the first bad ticket, with its index in the path
 *   (`tickets[41].events[3].at`), unless `invalid` is `collect`; nothing is returned for a batch
 *   with a bad ticket; `invalid_option` for a `format` other than `rows` or `columns`, `explain`
 *   with `columns`, or an `invalid` other than `throw` or `collect`
 * @example
 * ```ts
 * import { measureMany, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const monday9 = Date.parse('2026-01-05T08:00:00Z'); // 09:00 in Madrid
 * const tickets = [
 *   { account: { type: 'direct' as const, plan: 'enterprise' }, events: [{ kind: 'created' as const, at: monday9, severity: 'critical' }] },
 *   { account: { type: 'direct' as const, plan: 'starter' }, events: [{ kind: 'created' as const, at: monday9, severity: 'minor' }] },
 * ];
 * const results = measureMany(policy, tickets, monday9 + 3 * 3_600_000);
 * results.map((r) => r.targets[0].state); //=> ['breached', 'running']
 * const columns = measureMany(policy, tickets, monday9 + 3 * 3_600_000, { format: 'columns' });
 * columns.targets.state; //=> ['breached', 'running']
 * [...columns.targets.ticket]; //=> [0, 1]
 * // A bad ticket in the middle: collected, the others measured.
 * const mixed = [tickets[0], { id: 'T-2', account: { type: 'direct' as const, plan: 'gold' }, events: tickets[1].events }, tickets[1]];
 * const batch = measureMany(policy, mixed, monday9 + 3 * 3_600_000, { invalid: 'collect' });
 * batch.index; //=> [0, 2]
 * batch.results.map((r) => r.plan); //=> ['enterprise', 'starter']
 * batch.failures.map((f) => [f.index, f.id, f.error.code, f.error.path.join('.')]); //=> [[1, 'T-2', 'unknown_reference', 'tickets.1.account.plan']]
 * ```
 * @category SLA
 */
export function measureMany(
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options: MeasureManyOptions & { readonly format: 'columns'; readonly invalid: 'collect' },
): MeasureManyResult<SlaColumns>;
export function measureMany(
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options: MeasureManyOptions & { readonly format?: 'rows'; readonly invalid: 'collect' },
): MeasureManyResult;
export function measureMany(
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options: MeasureManyOptions & { readonly format: 'columns'; readonly invalid?: 'throw' },
): SlaColumns;
export function measureMany(
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options?: MeasureManyOptions & { readonly format?: 'rows'; readonly invalid?: 'throw' },
): MeasureResult[];
export function measureMany(
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options?: MeasureManyOptions,
): MeasureResult[] | SlaColumns | MeasureManyResult<MeasureResult[] | SlaColumns>;
export function measureMany(
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options?: MeasureManyOptions,
): MeasureResult[] | SlaColumns | MeasureManyResult<MeasureResult[] | SlaColumns> {
  const opts = readBatchOptions(options);
  const measurer = new TicketMeasurer(policy, now, opts.explain);
  if (!Array.isArray(tickets)) throw argumentError('invalid_event', ['tickets'], 'a list of tickets', tickets);
  const answer = measureTickets(measurer, tickets, 0, opts, opts.collect);
  return opts.collect ? answer : answer.results;
}
