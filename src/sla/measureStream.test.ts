import { Readable } from 'node:stream';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import {
  columnsToResults,
  dedicatedSupport,
  InvalidArgumentError,
  type MeasureManyResult,
  measureMany,
  measureStream,
  parsePolicy,
  type SlaColumns,
  type SlaTicket,
} from '../index.js';
import { created, agent, customer } from '../../test/fixtures/sla.js';
import type { MeasureResult } from './results.js';

/**
 * `measureStream`: tickets from an iterable or an async iterable, measured chunk by chunk, each
 * chunk what `measureMany` gives for its tickets and saying which tickets they are.
 */

const HOUR = 3_600_000;
const MON = Date.parse('2026-01-12T08:00:00Z');
const NOW = MON + 40 * HOUR;
const policy = parsePolicy(dedicatedSupport);
const vip = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] } as const;
const levels = ['sev1', 'sev2', 'sev3', 'sev4', 'sev5'];

/** Ticket `i`: a VIP ticket with an id, a few replies, its own severity. */
const ticketAt = (i: number): SlaTicket => {
  const t = MON + i * 17 * 60_000;
  return {
    id: i % 3 === 0 ? i : `V-${i}`,
    account: vip,
    events: [created(t, levels[i % 5]!), agent(t + ((i * 7) % 5) * HOUR), customer(t + 6 * HOUR), agent(t + 9 * HOUR)],
  };
};
const tickets = Array.from({ length: 23 }, (_, i) => ticketAt(i));

function* generate(n: number, onRead?: (i: number) => void): Generator<SlaTicket> {
  for (let i = 0; i < n; i++) {
    onRead?.(i);
    yield ticketAt(i);
  }
}

async function* slowly(n: number): AsyncGenerator<SlaTicket> {
  for (let i = 0; i < n; i++) {
    await Promise.resolve();
    yield ticketAt(i);
  }
}

const collect = async <T>(source: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of source) out.push(x);
  return out;
};

describe('chunks of a stream', () => {
  it('each chunk is measureMany of its tickets, and says where it starts and which tickets it holds', () => {
    const chunks = [...measureStream(policy, generate(23), NOW, { chunkSize: 10 })];
    expect(chunks.map((c) => [c.first, c.count, c.index.length, c.failures.length])).toStrictEqual([
      [0, 10, 10, 0],
      [10, 10, 10, 0],
      [20, 3, 3, 0],
    ]);
    chunks.forEach((c, k) => {
      const part = tickets.slice(10 * k, 10 * k + 10);
      expect(c.results).toStrictEqual(measureMany(policy, part, NOW));
      expect(c.index).toStrictEqual(part.map((_, j) => 10 * k + j));
      expect(c.ids).toStrictEqual(part.map((t) => t.id));
    });
  });

  it('as columns: each chunk has its own tables, its ticket references counting from 0', () => {
    const chunks = [...measureStream(policy, tickets, NOW, { chunkSize: 10, format: 'columns' })];
    expect(chunks.map((c) => c.results.tickets.length)).toStrictEqual([10, 10, 3]);
    chunks.forEach((c, k) => {
      expect(c.results).toStrictEqual(
        measureMany(policy, tickets.slice(10 * k, 10 * k + 10), NOW, { format: 'columns' }),
      );
      expect(c.results.targets.ticket[0]).toBe(0);
    });
    expect(chunks[0]!.results.targets.dueAt.buffer).not.toBe(chunks[1]!.results.targets.dueAt.buffer);
  });

  it('a stream as long as one chunk, a multiple of it, or empty', () => {
    expect([...measureStream(policy, tickets, NOW, { chunkSize: 23 })].map((c) => c.count)).toStrictEqual([23]);
    expect([...measureStream(policy, generate(20), NOW, { chunkSize: 5 })].map((c) => c.first)).toStrictEqual([
      0, 5, 10, 15,
    ]);
    expect([...measureStream(policy, [], NOW)]).toStrictEqual([]);
    // Without chunkSize, 1,000 tickets a chunk.
    expect([...measureStream(policy, tickets, NOW)].map((c) => c.count)).toStrictEqual([23]);
  });

  it('a long stream, past the tickets after which the accounts met are read again, gives what one batch gives', () => {
    const accounts = Array.from({ length: 50 }, () => ({ ...vip, addOns: [...vip.addOns] }));
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ...ticketAt(i % 100), account: accounts[i % 50]! }));
    const chunks = [...measureStream(policy, many, NOW, { chunkSize: 3_000, format: 'columns' })];
    expect(chunks.map((c) => c.first)).toStrictEqual([0, 3_000, 6_000, 9_000, 12_000, 15_000, 18_000]);
    const expected = measureMany(policy, many, NOW);
    expect(chunks.flatMap((c) => columnsToResults(c.results))).toStrictEqual(expected);
  });

  it('an async iterable gives an async generator, with the same chunks', async () => {
    const chunks = await collect(measureStream(policy, slowly(23), NOW, { chunkSize: 10 }));
    expect(chunks).toStrictEqual([...measureStream(policy, tickets, NOW, { chunkSize: 10 })]);
    const fromNode = await collect(measureStream(policy, Readable.from(tickets), NOW, { chunkSize: 7 }));
    expect(fromNode.flatMap((c) => c.results)).toStrictEqual(measureMany(policy, tickets, NOW));
  });

  it('a synchronous generator is read by for await too', async () => {
    const chunks = await collect({ [Symbol.asyncIterator]: () => toAsync(measureStream(policy, tickets, NOW)) });
    expect(chunks).toHaveLength(1);
    let n = 0;
    for await (const chunk of measureStream(policy, tickets, NOW, { chunkSize: 4 })) n += chunk.count;
    expect(n).toBe(23);
  });

  it('reads one chunk ahead of what it yields, no more, and closes the source when stopped early', () => {
    const read: number[] = [];
    let closed = false;
    function* source() {
      try {
        yield* generate(100, (i) => read.push(i));
      } finally {
        closed = true;
      }
    }
    const stream = measureStream(policy, source(), NOW, { chunkSize: 10 });
    expect(read).toStrictEqual([]); // nothing is read before the first chunk is asked for
    for (const chunk of stream) {
      expect(read.length).toBe(chunk.first + 10);
      if (chunk.first === 20) break;
    }
    expect([read.length, closed]).toStrictEqual([30, true]);
  });
});

describe('bad tickets in a stream', () => {
  const bad = (i: number): SlaTicket =>
    i === 12 ? ({ ...ticketAt(i), events: [agent(MON)] } as SlaTicket) : ticketAt(i);

  it('by default, the chunk holding one throws its error, with its position in the stream, after the chunks before it', () => {
    const seen: number[] = [];
    let thrown: unknown;
    try {
      for (const chunk of measureStream(
        policy,
        Array.from({ length: 23 }, (_, i) => bad(i)),
        NOW,
        { chunkSize: 5 },
      ))
        seen.push(chunk.first);
    } catch (e) {
      thrown = e;
    }
    expect(seen).toStrictEqual([0, 5]);
    expect(thrown).toBeInstanceOf(InvalidArgumentError);
    expect(thrown).toMatchObject({ code: 'invalid_event', path: ['tickets', 12, 'events', 0, 'kind'] });
  });

  it("with invalid: 'collect', its chunk lists it and the stream goes on", () => {
    const source = Array.from({ length: 23 }, (_, i) => bad(i));
    const chunks = [...measureStream(policy, source, NOW, { chunkSize: 5, invalid: 'collect', format: 'columns' })];
    expect(chunks.map((c) => c.count)).toStrictEqual([5, 5, 5, 5, 3]);
    const third = chunks[2]!;
    expect(third.index).toStrictEqual([10, 11, 13, 14]);
    expect(third.failures.map((f) => [f.index, f.id, f.error.path.join('.')])).toStrictEqual([
      [12, 12, 'tickets.12.events.0.kind'],
    ]);
    expect(third.results.tickets.length).toBe(4);
    expect(third.results).toStrictEqual(
      measureMany(policy, [10, 11, 13, 14].map(ticketAt), NOW, { format: 'columns' }),
    );
  });

  it('an error thrown by the source passes through, whatever invalid says', () => {
    function* failing() {
      yield ticketAt(0);
      throw new RangeError('the source broke');
    }
    expect(() => [...measureStream(policy, failing(), NOW, { invalid: 'collect' })]).toThrow(RangeError);
  });
});

describe('options and arguments, checked before the stream is read', () => {
  it('chunkSize is a whole number from 1 to 4294967295', () => {
    for (const chunkSize of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 32, '10', null, 10n]) {
      let read = false;
      const source = generate(3, () => (read = true));
      expect(errorOf(() => measureStream(policy, source, NOW, { chunkSize } as never))).toMatchObject({
        code: 'invalid_option',
        path: ['options', 'chunkSize'],
      });
      expect(read).toBe(false);
    }
    expect([...measureStream(policy, tickets, NOW, { chunkSize: 2 ** 32 - 1 })]).toHaveLength(1);
  });

  it("measureMany's options are checked as measureMany checks them", () => {
    const path = (options: unknown) => errorOf(() => measureStream(policy, tickets, NOW, options as never)).path;
    expect(path({ format: 'csv' })).toEqual(['options', 'format']);
    expect(path({ format: 'columns', explain: true })).toEqual(['options', 'explain']);
    expect(path({ invalid: 'skip' })).toEqual(['options', 'invalid']);
    expect(path({ chunksize: 10 })).toEqual(['options', 'chunksize']);
    expect(path('fast')).toEqual(['options']);
  });

  it('a bad now or policy, or tickets that are not iterable, throw at once', () => {
    expect(errorOf(() => measureStream(policy, tickets, Number.NaN)).code).toBe('invalid_instant');
    expect(errorOf(() => measureStream({} as never, tickets, NOW)).code).toBe('invalid_policy');
    for (const notIterable of [undefined, null, 42, { length: 2 }, 'abc'])
      expect(errorOf(() => measureStream(policy, notIterable as never, NOW))).toMatchObject({
        code: 'invalid_event',
        path: ['tickets'],
      });
  });

  it('explanations come with rows', () => {
    const [chunk] = [...measureStream(policy, tickets.slice(0, 2), NOW, { explain: true })];
    expect(chunk!.results[0]!.targets[0]!.spans!.length).toBeGreaterThan(0);
  });

  it('the chunks are typed by the source and the format', () => {
    expectTypeOf(measureStream(policy, tickets, NOW)).toEqualTypeOf<
      Generator<MeasureManyResult<MeasureResult[]>, void, undefined>
    >();
    expectTypeOf(measureStream(policy, slowly(1), NOW, { format: 'columns' })).toEqualTypeOf<
      AsyncGenerator<MeasureManyResult<SlaColumns>, void, undefined>
    >();
    const format = 'columns' as 'rows' | 'columns';
    expectTypeOf(measureStream(policy, tickets, NOW, { format })).toEqualTypeOf<
      Generator<MeasureManyResult<MeasureResult[] | SlaColumns>, void, undefined>
    >();
  });
});

async function* toAsync<T>(source: Iterable<T>): AsyncGenerator<T> {
  yield* source;
}
