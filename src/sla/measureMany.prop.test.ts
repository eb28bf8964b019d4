import fc from 'fast-check';
import { expect } from 'vitest';
import { setupTicketArb as ticketArb } from '../../test/arbitraries/timeline.js';
import { at, forEachSetup } from '../../test/arbitraries/timelineProps.js';
import { isSupportPolicyError, measureMany, measureStream, type SlaTicket, type TicketEvent } from '../index.js';

/**
 * Partial failure as a property: a batch with some tickets corrupted, measured with
 * `invalid: 'collect'`, gives what the good tickets alone give, and lists exactly the corrupted
 * ones, each with the error it throws; a stream of the same tickets, in chunks of any size, gives
 * the same answer chunk by chunk.
 */

/** Ways to break a ticket so that measuring it must throw a typed error. */
const corruptionArb: fc.Arbitrary<(t: SlaTicket) => unknown> = fc.oneof(
  fc.constantFrom<unknown>('T-1', null, 42, []).map((v) => () => v),
  fc.constant((t: SlaTicket) => ({ ...t, account: { ...t.account, plan: 'no_such_plan' } })),
  fc.constantFrom<unknown>(1.5, -0.5, {}, true).map((id) => (t: SlaTicket) => ({ ...t, id })),
  fc.constant((t: SlaTicket) => ({ ...t, events: [] })),
  fc.constant((t: SlaTicket) => ({ ...t, timeline: t.events })),
  fc.nat().map((k) => (t: SlaTicket) => {
    const events = [...t.events];
    events[k % events.length] = { ...events[k % events.length]!, at: Number.NaN } as TicketEvent;
    return { ...t, events };
  }),
  fc.nat().map((k) => (t: SlaTicket) => {
    const events = [...t.events];
    events.splice(1 + (k % events.length), 0, { type: 'note', at: at(events[0]!) } as never);
    return { ...t, events };
  }),
);

forEachSetup(
  "a batch with corrupted tickets, measured with invalid: 'collect', gives what its good tickets give alone",
  (setup) => {
    let failed = 0;
    let measured = 0;
    fc.assert(
      fc.property(
        fc.array(ticketArb(setup, { maxEvents: 8 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.option(corruptionArb, { freq: 2 }), { minLength: 8, maxLength: 8 }),
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        (cases, corruptions, pick, chunkSize) => {
          const now = Math.max(...cases.map((t) => at(t.events[0]!)), cases[pick % cases.length]!.now);
          const tickets: SlaTicket[] = cases.map((t, i) => ({ id: `T${i}`, account: t.account, events: t.events }));
          const corrupted = new Set<number>();
          const batch = tickets.map((t, i) => {
            const corrupt = corruptions[i];
            if (corrupt === null || corrupt === undefined) return t;
            corrupted.add(i);
            return corrupt(t) as SlaTicket;
          });
          const goodIndex = tickets.map((_, i) => i).filter((i) => !corrupted.has(i));
          const good = goodIndex.map((i) => tickets[i]!);

          const rows = measureMany(setup.policy, batch, now, { invalid: 'collect' });
          expect(rows.results).toStrictEqual(measureMany(setup.policy, good, now));
          expect(rows.index).toStrictEqual(goodIndex);
          expect(rows.ids).toStrictEqual(goodIndex.map((i) => `T${i}`));
          expect(rows.failures.map((f) => f.index)).toStrictEqual([...corrupted].sort((a, b) => a - b));
          failed += rows.failures.length;
          measured += rows.results.length;
          for (const f of rows.failures) {
            // The error it throws when it is the batch's only bad ticket: the same code, path and message.
            let thrown: unknown;
            try {
              measureMany(
                setup.policy,
                tickets.map((t, i) => (i === f.index ? batch[i]! : t)),
                now,
              );
            } catch (e) {
              thrown = e;
            }
            expect(isSupportPolicyError(thrown)).toBe(true);
            expect([f.error.code, f.error.path, f.error.message]).toStrictEqual([
              (thrown as typeof f.error).code,
              (thrown as typeof f.error).path,
              (thrown as typeof f.error).message,
            ]);
          }

          const columns = measureMany(setup.policy, batch, now, { invalid: 'collect', format: 'columns' });
          expect(columns.results).toStrictEqual(measureMany(setup.policy, good, now, { format: 'columns' }));
          expect(columns.failures).toStrictEqual(rows.failures);

          // Chunk by chunk, the stream covers the batch, and its chunks together say what the batch says.
          const chunks = [...measureStream(setup.policy, batch, now, { chunkSize, invalid: 'collect' })];
          expect(chunks.map((c) => [c.first, c.count])).toStrictEqual(
            chunks.map((_, k) => [k * chunkSize, Math.min(chunkSize, batch.length - k * chunkSize)]),
          );
          expect(chunks.flatMap((c) => c.results)).toStrictEqual(rows.results);
          expect(chunks.flatMap((c) => c.index)).toStrictEqual(rows.index);
          expect(chunks.flatMap((c) => c.ids)).toStrictEqual(rows.ids);
          expect(chunks.flatMap((c) => c.failures)).toStrictEqual(rows.failures);
        },
      ),
      { numRuns: 60 },
    );
    // It ran on both kinds of tickets.
    expect([failed > 50, measured > 50]).toStrictEqual([true, true]);
  },
);
