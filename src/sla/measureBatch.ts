import { argumentError, isSupportPolicyError, type SupportPolicyError } from '../errors.js';
import { isId, isPlainObject, own, ownFields, prototypeIsClean, readRecord } from '../internal/record.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { MeasureManyResult, SlaTicketFailure } from './batchTypes.js';
import { ColumnsBuilder } from './columns.js';
import type { SlaColumns } from './columnTypes.js';
import type { TicketMeasurer } from './measure.js';
import { type MeasureResult, readMeasureOptions, settleTargets } from './results.js';
import type { Timeline } from './types.js';

/** The options of a batch, read: the answer's shape, what a bad ticket does, explanations. @internal */
export interface BatchOptions {
  readonly format: 'rows' | 'columns';
  /** `invalid: 'collect'`: a ticket whose measuring throws a typed error is listed, not thrown. */
  readonly collect: boolean;
  readonly explain: boolean;
  /** Every option given, checked against the known keys. */
  readonly given: Readonly<Record<string, unknown>>;
}

/**
 * The options of {@link measureMany} (and of {@link measureStream}, which knows `more` keys):
 * a plain object of known keys or nothing, `format` rows or columns (no explanations as columns),
 * `invalid` throw or collect. @internal
 */
export function readBatchOptions(options: unknown, more: readonly string[] = []): BatchOptions {
  const given = readMeasureOptions(options, ['explain', 'format', 'invalid', ...more]);
  const format = own(given, 'format') ?? 'rows';
  if (format !== 'rows' && format !== 'columns') {
    throw argumentError('invalid_option', ['options', 'format'], '"rows" or "columns"', format);
  }
  if (format === 'columns' && given.explain) {
    const what = 'no explanations with format "columns" (spans come as rows: measure the tickets to explain as rows)';
    throw argumentError('invalid_option', ['options', 'explain'], what, true);
  }
  const invalid = own(given, 'invalid');
  if (invalid !== undefined && invalid !== 'throw' && invalid !== 'collect') {
    throw argumentError('invalid_option', ['options', 'invalid'], '"throw" or "collect"', invalid);
  }
  return { format, collect: invalid === 'collect', explain: given.explain, given };
}

/**
 * Measures `tickets`, the whole batch or a chunk of a stream whose first ticket is at position
 * `first` (error paths and `index` count from there), with one measurer. With `tracked`, the answer
 * says which ticket each row is (`index`, `ids`); without it, they are left empty. With
 * `options.collect`, a ticket that throws a typed error is listed in `failures` and leaves no row;
 * any other error (the caller's own, thrown by a getter or an iterator) passes through.
 * @internal
 */
export function measureTickets(
  measurer: TicketMeasurer,
  tickets: readonly unknown[],
  first: number,
  options: BatchOptions,
  tracked: boolean,
): MeasureManyResult<MeasureResult[] | SlaColumns> {
  const n = tickets.length;
  const clean = prototypeIsClean(TICKET_KEYS);
  const index: number[] = tracked ? new Array<number>(n) : [];
  const ids: (string | number | null)[] = tracked ? new Array<string | number | null>(n) : [];
  const failures: SlaTicketFailure[] = [];
  const rows = options.format === 'rows' ? new Array<MeasureResult>(n) : undefined;
  const columns = rows === undefined ? new ColumnsBuilder(n) : undefined;
  let measured = 0;
  // One loop for the batch, entered again after each collected failure: no try per ticket.
  for (let i = 0; i < n;) {
    try {
      for (; i < n; i++) {
        const at = first + i;
        const ticket = readTicket(tickets[i], at, clean);
        const account = ticket['account'] as AccountDefinition;
        const events = ticket['events'] as Timeline;
        if (rows !== undefined) rows[measured] = measurer.measure(account, events, at);
        else {
          const engine = measurer.run(account, events, at);
          const next = settleTargets(engine, measurer.nowMs, columns!);
          columns!.endTicket(
            measurer.currentRef!,
            measurer.severity,
            measurer.plan,
            measurer.rule,
            engine.status.name,
            next,
          );
        }
        if (tracked) {
          index[measured] = at;
          ids[measured] = (ticket['id'] as string | number | undefined) ?? null;
        }
        measured++;
      }
    } catch (error) {
      if (!options.collect || !isSupportPolicyError(error)) throw error;
      failures.push(failureOf(tickets[i], first + i, error));
      columns?.dropTicket();
      i++;
    }
  }
  index.length = ids.length = tracked ? measured : 0;
  let results: MeasureResult[] | SlaColumns;
  if (rows !== undefined) {
    rows.length = measured;
    results = rows;
  } else results = measured === n ? columns!.finish() : withTickets(columns!.finish(), measured);
  return Object.freeze({
    first,
    count: n,
    index: Object.freeze(index),
    ids: Object.freeze(ids),
    results,
    failures: Object.freeze(failures),
  });
}

/** A failed ticket, with its id when it has a valid one (read without calling a getter). */
function failureOf(ticket: unknown, index: number, error: SupportPolicyError): SlaTicketFailure {
  const id = isPlainObject(ticket) ? Object.getOwnPropertyDescriptor(ticket, 'id')?.value : undefined;
  return Object.freeze({ index, id: isId(id) ? (id as string | number) : null, error });
}

/**
 * The columns of a batch in which fewer tickets than planned were measured: the tickets table cut
 * to the `measured` tickets (the builder sized it for the whole batch; the other tables are exact).
 */
function withTickets(columns: SlaColumns, measured: number): SlaColumns {
  const table: Record<string, unknown> = { length: measured };
  for (const [name, column] of Object.entries(columns.tickets)) {
    if (name === 'length') continue;
    table[name] = ArrayBuffer.isView(column)
      ? (column as Float64Array).slice(0, measured)
      : Object.freeze((column as unknown[]).slice(0, measured));
  }
  return Object.freeze({ ...columns, tickets: Object.freeze(table) as unknown as SlaColumns['tickets'] });
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
