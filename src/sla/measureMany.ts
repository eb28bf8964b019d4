import { InvalidArgumentError } from '../errors.js';
import type { InstantLike } from '../instant.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { Policy } from '../policy/schema.js';
import { TicketMeasurer } from './measure.js';
import { ColumnsBuilder, type SlaColumns } from './columns.js';
import { type MeasureOptions, type MeasureResult, settleTargets } from './results.js';
import type { Timeline } from './timeline.js';

/**
 * A ticket for {@link measureMany}: its account and its timeline (plain, serialisable data).
 * @category SLA
 */
export interface SlaTicket {
  readonly account: AccountDefinition;
  readonly events: Timeline;
}

/**
 * Options of {@link measureMany}: those of {@link measure}, and the shape of the answer.
 * @category SLA
 */
export interface MeasureManyOptions extends MeasureOptions {
  /**
   * `rows` (the default): one {@link MeasureResult} per ticket. `columns`: the same figures as
   * {@link SlaColumns}, tables of typed arrays, which are faster to build and to move between
   * threads, for batches of many thousands of tickets. Explanations come as rows only.
   */
  readonly format?: 'rows' | 'columns';
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
 * docs/performance.md.
 *
 * @throws {@link InvalidArgumentError} for the first bad ticket, with its index in the path
 *   (`tickets[41].events[3].at`); nothing is returned for a batch with a bad ticket;
 *   `invalid_option` for a `format` other than `rows` or `columns`, or `explain` with `columns`
 * @example
 * ```ts
 * import { measureMany, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const monday9 = Date.parse('2026-01-05T08:00:00Z'); // 09:00 in Madrid
 * const tickets = [
 *   { account: { type: 'direct' as const, plan: 'enterprise' }, events: [{ type: 'created' as const, at: monday9, severity: 'critical' }] },
 *   { account: { type: 'direct' as const, plan: 'starter' }, events: [{ type: 'created' as const, at: monday9, severity: 'minor' }] },
 * ];
 * const results = measureMany(policy, tickets, monday9 + 3 * 3_600_000);
 * results.map((r) => r.targets[0].state); //=> ['breached', 'running']
 * const columns = measureMany(policy, tickets, monday9 + 3 * 3_600_000, { format: 'columns' });
 * columns.targets.state; //=> ['breached', 'running']
 * [...columns.targets.ticket]; //=> [0, 1]
 * ```
 * @category SLA
 */
export function measureMany(
  policy: Policy,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options: MeasureManyOptions & { readonly format: 'columns' },
): SlaColumns;
export function measureMany(
  policy: Policy,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options?: MeasureManyOptions & { readonly format?: 'rows' },
): MeasureResult[];
export function measureMany(
  policy: Policy,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options?: MeasureManyOptions,
): MeasureResult[] | SlaColumns;
export function measureMany(
  policy: Policy,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options?: MeasureManyOptions,
): MeasureResult[] | SlaColumns {
  const format = options?.format ?? 'rows';
  if (format !== 'rows' && format !== 'columns') {
    throw new InvalidArgumentError(
      'invalid_option',
      ['options', 'format'],
      `options.format: expected "rows" or "columns", got ${JSON.stringify(format)}`,
      format,
    );
  }
  if (format === 'columns' && options?.explain === true) {
    throw new InvalidArgumentError(
      'invalid_option',
      ['options', 'explain'],
      'options.explain: expected no explanations with format "columns" (spans come as rows: measure the tickets to explain as rows), got true',
      true,
    );
  }
  const measurer = new TicketMeasurer(policy, now, options);
  if (!Array.isArray(tickets))
    throw new InvalidArgumentError(
      'invalid_event',
      ['tickets'],
      `tickets: expected a list of tickets, got ${String(tickets)}`,
      tickets,
    );
  if (format === 'rows') {
    const out = new Array<MeasureResult>(tickets.length);
    for (let i = 0; i < tickets.length; i++) {
      const ticket = tickets[i];
      if (typeof ticket !== 'object' || ticket === null) notATicket(ticket, i);
      out[i] = measurer.measure(ticket.account, ticket.events, i);
    }
    return out;
  }
  const columns = new ColumnsBuilder(tickets.length);
  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i];
    if (typeof ticket !== 'object' || ticket === null) notATicket(ticket, i);
    const engine = measurer.run(ticket.account, ticket.events, i);
    const next = settleTargets(engine, measurer.nowMs, columns);
    columns.endTicket(measurer.severity, measurer.plan, engine.status, next);
  }
  return columns.finish();
}

function notATicket(ticket: unknown, i: number): never {
  throw new InvalidArgumentError(
    'invalid_event',
    ['tickets', i],
    `tickets[${i}]: expected { account, events }, got ${String(ticket)}`,
    ticket,
  );
}
