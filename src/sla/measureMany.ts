import { argumentError } from '../errors.js';
import { isId, isPlainObject, own, ownFields, prototypeIsClean, readRecord } from '../internal/record.js';
import type { InstantLike } from '../instant.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { PolicyVersions } from '../policy/policyVersions.js';
import type { Policy } from '../policy/schema.js';
import { TicketMeasurer } from './measure.js';
import { ColumnsBuilder } from './columns.js';
import type { SlaColumns } from './columnTypes.js';
import { type MeasureOptions, type MeasureResult, readMeasureOptions, settleTargets } from './results.js';
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
 *   { account: { type: 'direct' as const, plan: 'enterprise' }, events: [{ kind: 'created' as const, at: monday9, severity: 'critical' }] },
 *   { account: { type: 'direct' as const, plan: 'starter' }, events: [{ kind: 'created' as const, at: monday9, severity: 'minor' }] },
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
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options: MeasureManyOptions & { readonly format: 'columns' },
): SlaColumns;
export function measureMany(
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options?: MeasureManyOptions & { readonly format?: 'rows' },
): MeasureResult[];
export function measureMany(
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options?: MeasureManyOptions,
): MeasureResult[] | SlaColumns;
export function measureMany(
  policy: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
  options?: MeasureManyOptions,
): MeasureResult[] | SlaColumns {
  const opts = readMeasureOptions(options, ['explain', 'format']);
  const format = own(opts, 'format') ?? 'rows';
  if (format !== 'rows' && format !== 'columns') {
    throw argumentError('invalid_option', ['options', 'format'], '"rows" or "columns"', format);
  }
  if (format === 'columns' && opts.explain) {
    const what = 'no explanations with format "columns" (spans come as rows: measure the tickets to explain as rows)';
    throw argumentError('invalid_option', ['options', 'explain'], what, true);
  }
  const measurer = new TicketMeasurer(policy, now, opts.explain);
  if (!Array.isArray(tickets)) throw argumentError('invalid_event', ['tickets'], 'a list of tickets', tickets);
  const clean = prototypeIsClean(TICKET_KEYS);
  if (format === 'rows') {
    const out = new Array<MeasureResult>(tickets.length);
    for (let i = 0; i < tickets.length; i++) {
      const ticket = readTicket(tickets[i], i, clean);
      out[i] = measurer.measure(ticket['account'] as AccountDefinition, ticket['events'] as Timeline, i);
    }
    return out;
  }
  const columns = new ColumnsBuilder(tickets.length);
  for (let i = 0; i < tickets.length; i++) {
    const ticket = readTicket(tickets[i], i, clean);
    const engine = measurer.run(ticket['account'] as AccountDefinition, ticket['events'] as Timeline, i);
    const next = settleTargets(engine, measurer.nowMs, columns);
    columns.endTicket(measurer.currentRef!, measurer.severity, measurer.plan, measurer.rule, engine.status.name, next);
  }
  return columns.finish();
}

/**
 * Ticket `i` of a batch, checked: a plain object with its account, its events and perhaps an id.
 * Its fields can then be read directly: when `Object.prototype` carries none of them (`clean`) and
 * the ticket has just those keys (counted, not looked up), it is returned as it is; otherwise every
 * key is checked and a null-prototype copy of its own fields is returned.
 */
function readTicket(ticket: unknown, i: number, clean: boolean): Record<string, unknown> {
  if (clean && isPlainObject(ticket)) {
    const id = ticket['id'];
    let keys = 0;
    for (const _key in ticket) keys++;
    if (keys === (id === undefined ? 2 : 3) && ticket['account'] !== undefined && ticket['events'] !== undefined) {
      return id === undefined || isId(id) ? ticket : badId(id, i);
    }
  }
  const record = readRecord(ticket, ['tickets', i], TICKET_KEYS, 'invalid_event', 'a ticket { id?, account, events }');
  const id = own(record, 'id');
  return id === undefined || isId(id) ? ownFields(record) : badId(id, i);
}

function badId(id: unknown, i: number): never {
  throw argumentError('invalid_event', ['tickets', i, 'id'], 'a ticket id (a string or a whole number)', id);
}

const TICKET_KEYS = ['id', 'account', 'events'];
