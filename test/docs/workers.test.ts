/**
 * `examples/sla-workers.ts`: a batch measured in worker threads, chunk by chunk, and concatenated
 * gives exactly what one `measureMany` call gives, whatever the chunk boundaries; the policy
 * crosses the thread boundary as JSON, so a custom policy works like a preset.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { chunks, measureInWorkers, sampleTickets } from '../../examples/sla-workers.js';
import { measureMany, parsePolicy, standardSupport } from '../../src/index.js';

const policyJson = JSON.stringify(standardSupport);
const policy = parsePolicy(policyJson);
// Not a multiple of 2 or 3, so chunks differ in size.
const tickets = sampleTickets(601, 7);
const now = DateTime.fromISO('2026-12-01T12:00', { zone: 'Europe/Madrid' }).toMillis();
const single = measureMany(policy, tickets, now);

describe('measuring a batch in worker threads', () => {
  it('builds the same batch from the same seed, with a mix of outcomes', () => {
    expect(sampleTickets(601, 7)).toStrictEqual(tickets);
    const states = new Set(single.flatMap((r) => r.targets.map((t) => t.state)));
    expect(states).toContain('achieved');
    expect(states).toContain('breached');
    expect(new Set(tickets.map((t) => t.account.plan))).toEqual(new Set(['enterprise', 'premium', 'starter']));
  });

  it('splits a list into contiguous chunks that differ in size by at most one', () => {
    expect(chunks([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7],
    ]);
    expect(chunks([1, 2], 4)).toEqual([[1], [2]]);
    expect(chunks([1, 2, 3], 1)).toEqual([[1, 2, 3]]);
    expect(chunks(tickets, 3).map((c) => c.length)).toEqual([201, 200, 200]);
    expect(chunks(tickets, 3).flat()).toEqual(tickets);
  });

  it.each([1, 2, 3])('%i worker(s): the concatenated parts deep-equal one measureMany call', async (workers) => {
    const parallel = await measureInWorkers(policyJson, tickets, now, workers);
    expect(parallel).toStrictEqual(single);
  });

  it('workers that answer in columns, their buffers transferred, give the same rows', async () => {
    expect(await measureInWorkers(policyJson, tickets, now, 2, 'columns')).toStrictEqual(single);
  });

  it('any chunk boundaries give the same answer (in the main thread)', () => {
    for (const cuts of [[0], [1], [300, 301], [17, 18, 400, 600], [601]]) {
      const bounds = [0, ...cuts, tickets.length];
      const parts = bounds.slice(1).map((end, i) => measureMany(policy, tickets.slice(bounds[i], end), now));
      expect(parts.flat()).toStrictEqual(single);
    }
  });

  it('a custom policy crosses the thread boundary as JSON', async () => {
    const custom = JSON.parse(policyJson) as { plans: Record<string, { targets: { duration: string }[] }> };
    custom.plans['enterprise']!.targets[0]!.duration = 'PT30M';
    const customJson = JSON.stringify(custom);
    const expected = measureMany(parsePolicy(customJson), tickets, now);
    expect(expected).not.toStrictEqual(single);
    expect(await measureInWorkers(customJson, tickets, now, 1)).toStrictEqual(expected);
  });

  it('an invalid policy rejects with the validation error from the worker', async () => {
    await expect(measureInWorkers('{"schemaVersion":1}', tickets.slice(0, 2), now, 1)).rejects.toThrow(
      /invalid policy/,
    );
  });

  it('an empty batch needs no worker', async () => {
    expect(await measureInWorkers(policyJson, [], now, 4)).toEqual([]);
  });
});
