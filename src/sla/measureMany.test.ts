import { describe, expect, expectTypeOf, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import {
  CalculationError,
  columnsToResults,
  InvalidArgumentError,
  measure,
  type MeasureManyResult,
  measureMany,
  parsePolicy,
  type SlaColumns,
  type SlaTicket,
  standardSupport,
} from '../index.js';
import { created, agent } from '../../test/fixtures/sla.js';
import type { MeasureResult } from './results.js';

/**
 * `measureMany(…, { invalid: 'collect' })`: a bad ticket in a batch is listed with the typed error
 * it would have thrown, and the other tickets are measured as if it were not there, in rows and in
 * columns.
 */

const HOUR = 3_600_000;
const MON = Date.parse('2026-01-12T08:00:00Z'); // Monday 09:00 in Madrid
const NOW = MON + 3 * HOUR;
const std = parsePolicy(standardSupport);
const enterprise = { type: 'direct', plan: 'enterprise' } as const;
const starter = { type: 'direct', plan: 'starter' } as const;

const good: SlaTicket[] = [
  { id: 'A', account: enterprise, events: [created(MON, 'major'), agent(MON + 1.5 * HOUR)] },
  { id: 2, account: starter, events: [created(MON, 'minor')] },
  { account: enterprise, events: [created(MON + HOUR, 'critical')] },
];

/** `bad` put in the middle of the good tickets (at index 1). */
const withBad = (bad: unknown): SlaTicket[] => [good[0]!, bad as SlaTicket, good[1]!, good[2]!];

describe('a bad ticket in the middle of a batch, collected', () => {
  const cases: [string, unknown, Partial<InvalidArgumentError>][] = [
    [
      'an account with an unknown plan',
      { id: 'B', account: { type: 'direct', plan: 'gold' }, events: [created(MON, 'minor')] },
      { code: 'unknown_reference', path: ['tickets', 1, 'account', 'plan'] },
    ],
    [
      'an event with an instant that is not one',
      { id: 'B', account: starter, events: [created(MON, 'minor'), agent(Number.NaN)] },
      { code: 'invalid_instant', path: ['tickets', 1, 'events', 1, 'at'] },
    ],
    [
      'a severity the plan does not have',
      { id: 'B', account: starter, events: [created(MON, 'blocker')] },
      { code: 'invalid_event', path: ['tickets', 1, 'events', 0, 'severity'] },
    ],
    [
      'an id that is neither a string nor a whole number',
      { id: 1.5, account: starter, events: [created(MON, 'minor')] },
      { code: 'invalid_event', path: ['tickets', 1, 'id'] },
    ],
    ['a ticket that is not an object', 'T-9', { code: 'invalid_event', path: ['tickets', 1] }],
    [
      'a ticket with a misspelt field',
      { id: 'B', account: starter, timeline: [created(MON, 'minor')] },
      { code: 'invalid_event', path: ['tickets', 1, 'timeline'] },
    ],
    [
      'a ticket created after now',
      { id: 'B', account: starter, events: [created(NOW + 1, 'minor')] },
      { code: 'out_of_range', path: ['tickets', 1, 'events', 0, 'at'] },
    ],
  ];

  it.each(cases)('%s: the error it throws alone, and the others measured', (_name, bad, expected) => {
    const batch = withBad(bad);
    const thrown = errorOf(() => measureMany(std, batch, NOW));
    expect(thrown).toMatchObject(expected);
    const rows = measureMany(std, batch, NOW, { invalid: 'collect' });
    expect(rows.results).toStrictEqual(measureMany(std, good, NOW));
    expect([rows.first, rows.count, rows.index, rows.ids]).toStrictEqual([0, 4, [0, 2, 3], ['A', 2, null]]);
    expect(rows.failures).toHaveLength(1);
    const [failure] = rows.failures;
    const id = typeof bad === 'object' && bad !== null && (bad as { id?: unknown }).id === 'B' ? 'B' : null;
    expect([failure!.index, failure!.id]).toStrictEqual([1, id]);
    expect(failure!.error).toBeInstanceOf(InvalidArgumentError);
    expect(failure!.error).toMatchObject({ ...expected, message: thrown.message });
    // Columns: the failed ticket leaves no row in any table.
    const columns = measureMany(std, batch, NOW, { invalid: 'collect', format: 'columns' });
    expect(columns.results).toStrictEqual(measureMany(std, good, NOW, { format: 'columns' }));
    expect([columns.index, columns.ids, columns.failures.map((f) => f.error.code)]).toStrictEqual([
      [0, 2, 3],
      ['A', 2, null],
      [expected.code],
    ]);
  });

  it('several bad tickets, first and last included: each listed in order, with its own error', () => {
    const batch = [
      'x',
      good[0]!,
      { account: starter, events: [] },
      good[1]!,
      good[2]!,
      { account: starter, events: [created(MON, 'minor'), { type: 'note', at: MON }] },
    ] as SlaTicket[];
    const answer = measureMany(std, batch, NOW, { invalid: 'collect' });
    expect(answer.index).toStrictEqual([1, 3, 4]);
    expect(answer.results).toStrictEqual(measureMany(std, good, NOW));
    expect(answer.failures.map((f) => [f.index, f.error.code, f.error.path])).toStrictEqual([
      [0, 'invalid_event', ['tickets', 0]],
      [2, 'invalid_event', ['tickets', 2, 'events']],
      [5, 'invalid_event', ['tickets', 5, 'events', 1, 'kind']],
    ]);
  });

  it('a batch of bad tickets only: no rows, empty tables', () => {
    const rows = measureMany(std, ['a', 'b'] as never, NOW, { invalid: 'collect' });
    expect([rows.results, rows.index, rows.failures.length]).toStrictEqual([[], [], 2]);
    const columns = measureMany(std, ['a'] as never, NOW, { invalid: 'collect', format: 'columns' });
    expect([columns.results.tickets.length, columns.results.tickets.nextCheckAt.length]).toStrictEqual([0, 0]);
    expect(columnsToResults(columns.results)).toStrictEqual([]);
  });

  it('a good batch: the same results, every ticket in index, no failures', () => {
    const answer = measureMany(std, good, NOW, { invalid: 'collect' });
    expect(answer).toStrictEqual({
      first: 0,
      count: 3,
      index: [0, 1, 2],
      ids: ['A', 2, null],
      results: measureMany(std, good, NOW),
      failures: [],
    });
    expect(Object.isFrozen(answer) && Object.isFrozen(answer.failures) && Object.isFrozen(answer.index)).toBe(true);
  });

  it("the caller's own exception is not collected: it passes through", () => {
    const hostile = {
      get account(): never {
        throw new RangeError('from the caller');
      },
      events: [created(MON, 'minor')],
    };
    expect(() => measureMany(std, withBad(hostile), NOW, { invalid: 'collect' })).toThrow(RangeError);
  });
});

describe('a ticket that fails while its targets are settled leaves no row behind', () => {
  // Resolution runs on the account's own calendar; one that is never open has no due instant, and
  // the ticket fails after its first response was settled into the columns.
  const weekdays: [string, string][] = [['09:00', '17:00']];
  const policy = parsePolicy({
    schemaVersion: 1,
    id: 'own-hours',
    name: { en: 'Own hours' },
    calendars: { office: { zone: 'Europe/Berlin', week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays } } },
    severityScales: {
      priority: { label: { en: 'Priority' }, levels: [{ id: 'normal', rank: 1, label: { en: 'Normal' } }] },
    },
    plans: {
      standard: {
        label: { en: 'Standard' },
        severityScale: 'priority',
        targets: [
          { metric: 'firstResponse', duration: 'PT2H', clock: '24/7' },
          { metric: 'resolution', duration: 'PT8H', clock: { from: 'account', otherwise: 'office' } },
        ],
      },
    },
  });
  const ticket = (calendar?: object): SlaTicket => ({
    account:
      calendar === undefined
        ? { type: 'customer', plan: 'standard' }
        : ({ type: 'customer', plan: 'standard', calendar } as never),
    events: [created(MON, 'normal')],
  });
  const closed = { zone: 'UTC', week: {} };
  const batch = [ticket(), ticket(closed), ticket({ zone: 'UTC', week: { 1: [['00:00', '24:00']] } })];
  const goodOnes = [batch[0]!, batch[2]!];

  it('alone it throws never_open; collected, the columns are those of the other tickets', () => {
    expect(() => measureMany(policy, batch, NOW, { format: 'columns' })).toThrow(CalculationError);
    const rows = measureMany(policy, batch, NOW, { invalid: 'collect' });
    expect(rows.failures.map((f) => [f.index, f.error.code])).toStrictEqual([[1, 'never_open']]);
    expect(rows.results).toStrictEqual(measureMany(policy, goodOnes, NOW));
    const columns = measureMany(policy, batch, NOW, { invalid: 'collect', format: 'columns' });
    expect(columns.results).toStrictEqual(measureMany(policy, goodOnes, NOW, { format: 'columns' }));
    expect([...columns.results.targets.ticket]).toStrictEqual([0, 0, 1, 1]);
    expect(columnsToResults(columns.results)).toStrictEqual(rows.results);
  });
});

describe('options', () => {
  it('invalid is "throw" or "collect"', () => {
    for (const invalid of ['skip', true, null, 1]) {
      expect(errorOf(() => measureMany(std, good, NOW, { invalid } as never))).toMatchObject({
        code: 'invalid_option',
        path: ['options', 'invalid'],
      });
    }
    expect(measureMany(std, good, NOW, { invalid: 'throw' })).toStrictEqual(measureMany(std, good, NOW));
  });

  it('a bad policy or now is thrown whatever invalid says', () => {
    expect(errorOf(() => measureMany(std, good, Number.NaN, { invalid: 'collect' })).code).toBe('invalid_instant');
    expect(errorOf(() => measureMany(std, 'tickets' as never, NOW, { invalid: 'collect' })).path).toEqual(['tickets']);
  });

  it('the answer is typed by the options', () => {
    expectTypeOf(measureMany(std, good, NOW)).toEqualTypeOf<MeasureResult[]>();
    expectTypeOf(measureMany(std, good, NOW, { format: 'columns' })).toEqualTypeOf<SlaColumns>();
    expectTypeOf(measureMany(std, good, NOW, { invalid: 'collect' })).toEqualTypeOf<MeasureManyResult>();
    expectTypeOf(measureMany(std, good, NOW, { invalid: 'collect', format: 'columns' })).toEqualTypeOf<
      MeasureManyResult<SlaColumns>
    >();
    expectTypeOf<MeasureManyResult['failures'][number]['error']['code']>().toBeString();
  });
});

describe('reading ahead (a batch loads its next tickets before measuring them)', () => {
  // More tickets than one block read ahead (64), so that blocks start in the middle of the batch.
  const many: SlaTicket[] = Array.from({ length: 150 }, (_, i) => good[i % good.length]!);
  const alone = many.map((t) => measure(std, t.account, t.events, NOW));

  it('changes no answer: each ticket as measure() gives it, in rows and in columns', () => {
    expect(measureMany(std, many, NOW)).toEqual(alone);
    expect(columnsToResults(measureMany(std, many, NOW, { format: 'columns' }))).toEqual(alone);
  });

  it('tickets and events read through getters are measured the same', () => {
    const viaGetters = many.map((t) => ({
      get account() {
        return t.account;
      },
      get events() {
        return t.events.map((e) => ({
          ...e,
          get at() {
            return e.at;
          },
        }));
      },
    }));
    expect(measureMany(std, viaGetters as unknown as SlaTicket[], NOW)).toEqual(alone);
  });

  it("a later ticket's throwing getter passes through, collected or not", () => {
    const hostile = {
      account: enterprise,
      get events(): never {
        throw new RangeError('from the caller');
      },
    };
    const batch = [...many.slice(0, 100), hostile as unknown as SlaTicket, ...many.slice(100)];
    expect(() => measureMany(std, batch, NOW, { format: 'columns' })).toThrow(RangeError);
    expect(() => measureMany(std, batch, NOW, { invalid: 'collect' })).toThrow(RangeError);
  });
});
