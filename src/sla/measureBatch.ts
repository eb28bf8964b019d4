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
  const out = new Measured(tickets, first, tracked, options.collect);
  let results: MeasureResult[] | SlaColumns;
  if (options.format === 'rows') {
    const rows = new Array<MeasureResult>(n);
    measureRows(measurer, out, rows);
    rows.length = out.measured;
    results = rows;
  } else {
    const columns = new ColumnsBuilder(n);
    measureColumns(measurer, out, columns);
    results = out.measured === n ? columns.finish() : withTickets(columns.finish(), out.measured);
  }
  return out.answer(results);
}

/** What a batch's loop keeps besides its results: which ticket each row is, and the failures. */
class Measured {
  measured = 0;
  readonly index: number[];
  readonly ids: (string | number | null)[];
  readonly failures: SlaTicketFailure[] = [];
  /** Events and accounts loaded ahead of their ticket ({@link readAhead}). */
  readAhead = 0;
  readonly clean = prototypeIsClean(TICKET_KEYS);

  constructor(
    readonly tickets: readonly unknown[],
    readonly first: number,
    readonly tracked: boolean,
    private readonly collect: boolean,
  ) {
    this.index = tracked ? new Array<number>(tickets.length) : [];
    this.ids = tracked ? new Array<string | number | null>(tickets.length) : [];
  }

  /** Ticket `i` (read as `ticket`) has its row. */
  add(i: number, ticket: Record<string, unknown>): void {
    if (this.tracked) {
      this.index[this.measured] = this.first + i;
      this.ids[this.measured] = (ticket['id'] as string | number | undefined) ?? null;
    }
    this.measured++;
  }

  /** Ticket `i` threw `error`: listed when the batch collects the library's errors, else thrown again. */
  fail(i: number, error: unknown): void {
    if (!this.collect || !isSupportPolicyError(error)) throw error;
    this.failures.push(failureOf(this.tickets[i], this.first + i, error));
  }

  answer(results: MeasureResult[] | SlaColumns): MeasureManyResult<MeasureResult[] | SlaColumns> {
    this.index.length = this.ids.length = this.tracked ? this.measured : 0;
    return Object.freeze({
      first: this.first,
      count: this.tickets.length,
      index: Object.freeze(this.index),
      ids: Object.freeze(this.ids),
      results,
      failures: Object.freeze(this.failures),
    });
  }
}

// One loop per shape of the answer, each small enough for V8 to inline the measuring into it (one
// loop for both made measureMany as columns 10 % slower), entered again after a collected failure
// rather than trying each ticket.

function measureRows(measurer: TicketMeasurer, out: Measured, rows: MeasureResult[]): void {
  const { tickets, first, clean } = out;
  for (let i = 0; i < tickets.length;) {
    try {
      for (; i < tickets.length; i++) {
        const ticket = readTicket(tickets[i], first + i, clean);
        if ((i & (AHEAD - 1)) === 0) out.readAhead += readAhead(tickets, i + 1, i + AHEAD + 1);
        const account = ticket['account'] as AccountDefinition;
        rows[out.measured] = measurer.measure(account, ticket['events'] as Timeline, first + i);
        out.add(i, ticket);
      }
    } catch (error) {
      out.fail(i++, error);
    }
  }
}

function measureColumns(measurer: TicketMeasurer, out: Measured, columns: ColumnsBuilder): void {
  const { tickets, first, clean } = out;
  for (let i = 0; i < tickets.length;) {
    try {
      for (; i < tickets.length; i++) {
        const ticket = readTicket(tickets[i], first + i, clean);
        if ((i & (AHEAD - 1)) === 0) out.readAhead += readAhead(tickets, i + 1, i + AHEAD + 1);
        const account = ticket['account'] as AccountDefinition;
        const engine = measurer.run(account, ticket['events'] as Timeline, first + i);
        settleTargets(engine, measurer.nowMs, columns);
        const { currentRef, severity, plan, rule } = measurer;
        columns.endTicket(currentRef!, severity, plan, rule, engine);
        out.add(i, ticket);
      }
    } catch (error) {
      out.fail(i, error);
      columns.dropTicket(); // what the failed ticket wrote before it failed
      i++;
    }
  }
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
  // A plain object (isPlainObject written out, with `events` read before the prototype check, which
  // V8 then folds to a constant: see TimelineReader.read).
  if (clean && typeof ticket === 'object' && ticket !== null && !Array.isArray(ticket)) {
    const fields = ticket as Record<string, unknown>;
    const events = fields['events'];
    const proto: unknown = Object.getPrototypeOf(ticket);
    const id = fields['id'];
    let keys = 0;
    for (const _key in fields) keys++;
    const plain = proto === Object.prototype || proto === null;
    if (plain && keys === (id === undefined ? 2 : 3) && fields['account'] !== undefined && events !== undefined) {
      return id === undefined || isId(id) ? fields : badId(id, i);
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

/** Tickets read ahead at a time ({@link readAhead}): 16 to 256 measure alike; a block's events fit in the L2 cache. */
const AHEAD = 64;

/**
 * Reads ahead: loads the events of tickets `[from, to)` (the next block of the batch), and their
 * accounts, and returns how many it touched. Measuring a ticket reads its events one after the
 * other, each waiting on memory; this loop's loads do not depend on each other, so the processor
 * overlaps them, and the block is in the cache when it is measured. Measured (bench/sla.bench.ts):
 * measureMany as columns 10–15 % faster. It loads every other event: events made one after the
 * other lie side by side, two to the pair of cache lines a processor fetches together, and
 * loading each measured 1–3 % slower than this (one-process A/B, bench/slaAB.ts).
 */
function readAhead(tickets: readonly unknown[], from: number, to: number): number {
  let n = 0;
  const end = to < tickets.length ? to : tickets.length;
  for (let i = from; i < end; i++) {
    const ticket = tickets[i];
    if (typeof ticket !== 'object' || ticket === null) continue;
    const timeline = (ticket as { events?: unknown }).events;
    if (!Array.isArray(timeline)) continue;
    if (typeof (ticket as { account?: unknown }).account !== 'object') n++;
    for (let j = 0; j < timeline.length; j += 2) {
      const x = timeline[j] as { at: unknown };
      if (typeof x === 'object' && x !== null && x.at !== n) n++;
    }
  }
  return n;
}
