import { argumentError } from '../errors.js';
import type { InstantLike } from '../instant.js';
import { own } from '../internal/record.js';
import type { PolicyVersions } from '../policy/policyVersions.js';
import type { Policy } from '../policy/schema.js';
import type { MeasureManyResult } from './batchTypes.js';
import type { SlaColumns } from './columnTypes.js';
import { TicketMeasurer } from './measure.js';
import { type BatchOptions, measureTickets, readBatchOptions } from './measureBatch.js';
import type { MeasureManyOptions, SlaTicket } from './measureMany.js';
import type { MeasureResult } from './results.js';

/**
 * Options of {@link measureStream}: those of {@link measureMany}, and how many tickets a chunk holds.
 * @category SLA
 */
export interface MeasureStreamOptions extends MeasureManyOptions {
  /**
   * Tickets per chunk (a whole number from 1 to 4,294,967,295; 1,000 when absent): the stream
   * holds at most one chunk of tickets and its answer at a time. The last chunk may be shorter.
   */
  readonly chunkSize?: number;
}

/** Tickets per chunk when the options say nothing. */
const CHUNK_SIZE = 1_000;
/** The most a chunk may hold: its tables refer to its tickets with 32-bit indices. */
const MAX_CHUNK_SIZE = 0xffff_ffff;

/**
 * Measures a stream of tickets at one `now`, chunk by chunk: it reads `chunkSize` tickets, yields
 * what {@link measureMany} gives for them (rows, or columns with `{ format: 'columns' }`) as a
 * {@link MeasureManyResult} that says which tickets it holds, and forgets them before it reads more.
 *
 * @remarks
 * For batches too large to hold at once: an export read line by line, a database cursor, a queue.
 * Memory is bounded by one chunk (its tickets and its answer), however long the stream; one
 * measurer serves every chunk, so a ticket costs what it costs in a batch of `chunkSize`. Each
 * chunk says where it starts in the stream (`first`), how many tickets it covers (`count`), and
 * the position (`index`) and `id` of each measured ticket; with columns, `targets.ticket` counts
 * rows of the chunk's own `tickets` table.
 *
 * An `Iterable` (an array, a generator) gives a `Generator`, which `for…of` and `for await…of`
 * both read; an `AsyncIterable` (a Node.js stream, an async generator) gives an `AsyncGenerator`.
 * Nothing is read before the first chunk is asked for, and stopping early (`break`) closes the
 * source. Bad options, policy or `now` throw at once, before the stream is read.
 *
 * A bad ticket throws its error when its chunk is asked for (its path names its position in the
 * stream, `tickets[1041].events[3].at`), after the chunks before it were yielded; with
 * `{ invalid: 'collect' }` it is listed in its chunk's `failures` instead and the stream goes on.
 *
 * @param tickets - {@link SlaTicket}s, from an iterable or an async iterable
 * @throws {@link InvalidArgumentError} `invalid_option` for a `chunkSize` that is not a whole
 *   number from 1 to 4,294,967,295 and the option errors of {@link measureMany}; `invalid_event`
 *   when `tickets` is not iterable; a bad ticket's error when its chunk is read, unless
 *   `invalid` is `collect`
 * @example
 * ```ts
 * import { measureStream, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const monday9 = Date.parse('2026-01-05T08:00:00Z'); // 09:00 in Madrid
 * function* tickets() {
 *   for (let i = 0; i < 5; i++) {
 *     const created = { kind: 'created' as const, at: monday9 + i * 3_600_000, severity: 'critical' };
 *     yield { id: `T-${i}`, account: { type: 'direct' as const, plan: 'enterprise' }, events: [created] };
 *   }
 * }
 * const chunks = [...measureStream(policy, tickets(), monday9 + 5 * 3_600_000, { chunkSize: 2 })];
 * chunks.map((c) => [c.first, c.count]); //=> [[0, 2], [2, 2], [4, 1]]
 * chunks[1].ids; //=> ['T-2', 'T-3']
 * chunks[2].results[0].targets[0].state; //=> 'running'
 * const columns = [...measureStream(policy, tickets(), monday9 + 5 * 3_600_000, { chunkSize: 3, format: 'columns' })];
 * columns.map((c) => c.results.targets.state); //=> [['breached', 'breached', 'breached'], ['running', 'running']]
 * ```
 * @category SLA
 */
export function measureStream<F extends 'rows' | 'columns' = 'rows'>(
  policy: Policy | PolicyVersions,
  tickets: AsyncIterable<SlaTicket>,
  now: InstantLike,
  options?: MeasureStreamOptions & { readonly format?: F },
): AsyncGenerator<MeasureManyResult<F extends 'columns' ? SlaColumns : MeasureResult[]>, void, undefined>;
export function measureStream<F extends 'rows' | 'columns' = 'rows'>(
  policy: Policy | PolicyVersions,
  tickets: Iterable<SlaTicket>,
  now: InstantLike,
  options?: MeasureStreamOptions & { readonly format?: F },
): Generator<MeasureManyResult<F extends 'columns' ? SlaColumns : MeasureResult[]>, void, undefined>;
export function measureStream<F extends 'rows' | 'columns' = 'rows'>(
  policy: Policy | PolicyVersions,
  tickets: Iterable<SlaTicket> | AsyncIterable<SlaTicket>,
  now: InstantLike,
  options?: MeasureStreamOptions & { readonly format?: F },
):
  | Generator<MeasureManyResult<F extends 'columns' ? SlaColumns : MeasureResult[]>, void, undefined>
  | AsyncGenerator<MeasureManyResult<F extends 'columns' ? SlaColumns : MeasureResult[]>, void, undefined>;
export function measureStream(
  policy: Policy | PolicyVersions,
  tickets: Iterable<SlaTicket> | AsyncIterable<SlaTicket>,
  now: InstantLike,
  options?: MeasureStreamOptions,
): Generator<MeasureManyResult<Answer>, void, undefined> | AsyncGenerator<MeasureManyResult<Answer>, void, undefined> {
  const opts = readBatchOptions(options, ['chunkSize']);
  const given = own(opts.given, 'chunkSize');
  const size = given === undefined ? CHUNK_SIZE : given;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_CHUNK_SIZE) {
    throw argumentError('invalid_option', ['options', 'chunkSize'], 'a whole number from 1 to 4294967295', size);
  }
  const measurer = new TicketMeasurer(policy, now, opts.explain);
  const source = tickets as Partial<Iterable<unknown> & AsyncIterable<unknown>> | null | undefined;
  if (typeof source === 'object' && source !== null && typeof source[Symbol.asyncIterator] === 'function') {
    return chunksOfAsync(measurer, source as AsyncIterable<unknown>, size, opts);
  }
  if (typeof source === 'object' && source !== null && typeof source[Symbol.iterator] === 'function') {
    return chunksOf(measurer, source as Iterable<unknown>, size, opts);
  }
  throw argumentError('invalid_event', ['tickets'], 'an iterable or async iterable of tickets', tickets);
}

type Answer = MeasureResult[] | SlaColumns;

/** The chunks of a synchronous source. */
function* chunksOf(
  measurer: TicketMeasurer,
  source: Iterable<unknown>,
  size: number,
  options: BatchOptions,
): Generator<MeasureManyResult<Answer>, void, undefined> {
  const chunks = new Chunks(measurer, size, options);
  let chunk: unknown[] = [];
  for (const ticket of source) {
    if (chunk.push(ticket) < size) continue;
    const answer = chunks.measure(chunk);
    chunk = [];
    yield answer;
  }
  if (chunk.length > 0) yield chunks.measure(chunk);
}

/** The chunks of an asynchronous source. */
async function* chunksOfAsync(
  measurer: TicketMeasurer,
  source: AsyncIterable<unknown>,
  size: number,
  options: BatchOptions,
): AsyncGenerator<MeasureManyResult<Answer>, void, undefined> {
  const chunks = new Chunks(measurer, size, options);
  let chunk: unknown[] = [];
  for await (const ticket of source) {
    if (chunk.push(ticket) < size) continue;
    const answer = chunks.measure(chunk);
    chunk = [];
    yield answer;
  }
  if (chunk.length > 0) yield chunks.measure(chunk);
}

/**
 * Tickets measured before the measurer forgets the account objects it met (or a chunk's, when
 * larger). A reader reads an account object once and then looks it up: a stream whose accounts are
 * shared objects reads each again only this often, and one whose every line brings new account
 * objects holds at most this many.
 */
const ACCOUNTS_KEPT = 16_384;

/** Measures a stream's chunks one after the other, counting their positions. */
class Chunks {
  /** The position of the next chunk's first ticket. */
  private first = 0;
  /** Tickets measured since the measurer last forgot its accounts. */
  private kept = 0;

  constructor(
    private readonly measurer: TicketMeasurer,
    private readonly size: number,
    private readonly options: BatchOptions,
  ) {}

  measure(chunk: readonly unknown[]): MeasureManyResult<Answer> {
    const first = this.first;
    this.first += chunk.length;
    this.kept += chunk.length;
    try {
      return measureTickets(this.measurer, chunk, first, this.options, true);
    } finally {
      if (this.kept >= Math.max(this.size, ACCOUNTS_KEPT)) {
        this.measurer.forgetAccounts();
        this.kept = 0;
      }
    }
  }
}
