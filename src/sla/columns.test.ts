import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setupTicketArb as ticketArb } from '../../test/arbitraries/timeline.js';
import { at, forEachSetup } from '../../test/arbitraries/timelineProps.js';
import { errorOf } from '../../test/fixtures/errors.js';
import {
  columnsToResults,
  dedicatedSupport,
  measureMany,
  parsePolicy,
  type SlaColumns,
  type SlaTicket,
  standardSupport,
  type TicketEvent,
} from '../index.js';
import { created, agent, customer } from '../../test/fixtures/sla.js';
import type { MeasureResult } from './results.js';
import { TARGET_FIELDS, THRESHOLD_FIELDS, TICKET_FIELDS } from './resultFields.js';

/**
 * `measureMany(…, { format: 'columns' })`: the same figures as the rows, table by table, and
 * `columnsToResults` back to the rows, through structuredClone and JSON too.
 */

const HOUR = 3_600_000;
const MON = Date.parse('2026-01-12T08:00:00Z'); // Monday 09:00 in Madrid
const std = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);

/** Null where the columns hold NaN. */
const n = (x: number) => (Number.isNaN(x) ? null : x);

/** Checks every column entry against the rows, independently of columnsToResults. */
function expectSameFigures(columns: SlaColumns, rows: readonly MeasureResult[]): void {
  const { tickets, targets, thresholds: warnings } = columns;
  expect(tickets.length).toBe(rows.length);
  let r = 0;
  let k = 0;
  rows.forEach((row, i) => {
    expect([
      tickets.severity[i],
      tickets.plan[i],
      tickets.rule[i],
      tickets.status[i],
      n(tickets.nextCheckAt[i]!),
    ]).toStrictEqual([row.severity, row.plan, row.rule, row.status, row.nextCheckAt]);
    for (const t of row.targets) {
      expect({
        ticket: targets.ticket[r],
        id: targets.id[r],
        metric: targets.metric[r],
        cycle: n(targets.cycle[r]!),
        startedAt: targets.startedAt[r],
        severity: targets.severity[r],
        plan: targets.plan[r],
        duration: targets.duration[r],
        clock: targets.clock[r],
        source: targets.source[r],
        targetMs: targets.targetMs[r],
        state: targets.state[r],
        dueAt: n(targets.dueAt[r]!),
        stoppedAt: n(targets.stoppedAt[r]!),
        elapsedMs: targets.elapsedMs[r],
        remainingMs: targets.remainingMs[r],
        percent: targets.percent[r],
        breachedByMs: targets.breachedByMs[r],
      }).toStrictEqual({
        ticket: i,
        id: t.id,
        metric: t.metric,
        cycle: t.cycle,
        startedAt: t.startedAt,
        severity: t.severity,
        plan: t.plan,
        duration: t.duration,
        clock: t.clock,
        source: t.source,
        targetMs: t.targetMs,
        state: t.state,
        dueAt: t.dueAt,
        stoppedAt: t.stoppedAt,
        elapsedMs: t.elapsedMs,
        remainingMs: t.remainingMs,
        percent: t.percent,
        breachedByMs: t.breachedByMs,
      });
      for (const w of t.thresholds) {
        expect({
          target: warnings.target[k],
          id: warnings.id[k],
          percent: n(warnings.percent[k]!),
          afterMs: n(warnings.afterMs[k]!),
          elapsedMs: warnings.elapsedMs[k],
          at: n(warnings.at[k]!),
          reached: warnings.reached[k],
        }).toStrictEqual({ target: r, ...w });
        k++;
      }
      r++;
    }
  });
  expect([targets.length, warnings.length]).toStrictEqual([r, k]);
  for (const [name, table] of Object.entries(columns) as [string, Record<string, unknown> & { length: number }][]) {
    for (const [field, column] of Object.entries(table))
      if (field !== 'length')
        expect([name, field, (column as { length: number }).length]).toStrictEqual([name, field, table.length]);
  }
}

forEachSetup(
  'columns hold the figures of the rows, and columnsToResults gives the rows back (also after structuredClone and JSON)',
  (setup) => {
    fc.assert(
      fc.property(fc.array(ticketArb(setup), { maxLength: 6 }), fc.nat(), (cases, pick) => {
        const now =
          cases.length === 0 ? MON : Math.max(...cases.map((t) => at(t.events[0]!)), cases[pick % cases.length]!.now);
        const batch: SlaTicket[] = cases.map((t) => ({ account: t.account, events: t.events }));
        const rows = measureMany(setup.policy, batch, now);
        const columns = measureMany(setup.policy, batch, now, { format: 'columns' });
        expectSameFigures(columns, rows);
        expect(columnsToResults(columns)).toStrictEqual(rows);
        expect(columnsToResults(structuredClone(columns))).toStrictEqual(rows);
        // JSON: typed arrays travel as plain arrays (NaN becomes null, which reads back as null).
        const plain = JSON.parse(
          JSON.stringify(columns, (_key, v: unknown) =>
            ArrayBuffer.isView(v) ? Array.from(v as Float64Array, (x) => (Number.isNaN(x) ? null : x)) : v,
          ),
        );
        expect(columnsToResults(plain)).toStrictEqual(rows);
      }),
      { numRuns: 150 },
    );
  },
);

describe('columns by hand', () => {
  const tickets: SlaTicket[] = [
    // Enterprise major: the agent answers at 10:30 (first response met; this preset sets no follow-up target).
    {
      account: { type: 'direct', plan: 'enterprise' },
      events: [created(MON, 'major'), agent(MON + 1.5 * HOUR), customer(MON + 2 * HOUR)],
    },
    // Managed by a partner: no targets of ours, a ticket row and no target rows.
    { account: { type: 'indirect', plan: 'premium', partner: 'acme' }, events: [{ kind: 'created', at: MON }] },
    { account: { type: 'direct', plan: 'starter' }, events: [created(MON, 'minor')] },
  ];
  const columns = measureMany(std, tickets, MON + 3 * HOUR, { format: 'columns' });

  it('one row per ticket, per measured target in ticket order, per warning in target order', () => {
    expect(columns.tickets.length).toBe(3);
    expect([...columns.targets.ticket]).toStrictEqual([0, 2]);
    expect(columns.targets.metric).toStrictEqual(['firstResponse', 'firstResponse']);
    expect([...columns.targets.cycle]).toStrictEqual([Number.NaN, Number.NaN]);
    expect(columns.targets.state).toStrictEqual(['achieved', 'running']);
    expect(columns.targets.elapsedMs[0]).toBe(1.5 * HOUR);
    expect([...columns.thresholds.target]).toStrictEqual([0, 1]);
    expect(columns.thresholds.reached).toStrictEqual([true, false]);
    expect(columns.tickets.plan).toStrictEqual(['enterprise', 'premium', 'starter']);
  });

  it('NaN stands for null: a ticket with nothing running has no next check, a running target no stop', () => {
    expect(Number.isNaN(columns.tickets.nextCheckAt[1]!)).toBe(true);
    expect(Number.isNaN(columns.targets.stoppedAt[1]!)).toBe(true);
    expect(columns.targets.stoppedAt[0]).toBe(MON + 1.5 * HOUR);
    expect(columns.tickets.nextCheckAt[2]).toBe(columns.thresholds.at[1]);
  });

  it('numbers are typed arrays (transferable), the rest frozen arrays; each call makes new ones', () => {
    expect(columns.targets.dueAt).toBeInstanceOf(Float64Array);
    expect(columns.targets.ticket).toBeInstanceOf(Uint32Array);
    for (const v of [
      columns,
      columns.tickets,
      columns.targets,
      columns.thresholds,
      columns.targets.metric,
      columns.tickets.status,
    ])
      expect(Object.isFrozen(v)).toBe(true);
    const again = measureMany(std, tickets, MON + 3 * HOUR, { format: 'columns' });
    expect(again.targets.dueAt.buffer).not.toBe(columns.targets.dueAt.buffer);
    expect(again).toStrictEqual(columns);
  });

  it('an empty batch has empty tables', () => {
    const empty = measureMany(std, [], MON, { format: 'columns' });
    expect([
      empty.tickets.length,
      empty.targets.length,
      empty.thresholds.length,
      empty.targets.dueAt.length,
    ]).toStrictEqual([0, 0, 0, 0]);
    expect(columnsToResults(empty)).toStrictEqual([]);
  });

  it('a bad ticket is refused as with rows, naming its index', () => {
    const bad = [
      ...tickets,
      { account: { type: 'direct', plan: 'starter' }, events: [created(MON, 'minor'), agent(Number.NaN)] },
    ] as SlaTicket[];
    expect(errorOf(() => measureMany(std, bad, MON + 3 * HOUR, { format: 'columns' }))).toMatchObject({
      code: 'invalid_instant',
      path: ['tickets', 3, 'events', 1, 'at'],
    });
  });
});

describe('tables grow past their first room', () => {
  it('tickets with many follow-up cycles: more rows than the builder first makes room for, same figures', () => {
    const vip = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };
    const exchanges = (start: number): TicketEvent[] => {
      const events: TicketEvent[] = [created(start, 'sev3')];
      for (let k = 1; k <= 30; k++) events.push(agent(start + k * 2 * HOUR), customer(start + k * 2 * HOUR + HOUR));
      return events;
    };
    const tickets: SlaTicket[] = [0, 1, 2].map((k) => ({ account: vip, events: exchanges(MON + k * HOUR) }));
    const now = MON + 100 * HOUR;
    const rows = measureMany(dedicated, tickets, now);
    const columns = measureMany(dedicated, tickets, now, { format: 'columns' });
    expect(columns.targets.length).toBeGreaterThan(1.5 * tickets.length + 16); // the first room
    expect(columns.thresholds.length).toBeGreaterThan(1.5 * tickets.length + 16);
    expectSameFigures(columns, rows);
    expect(columnsToResults(columns)).toStrictEqual(rows);
  });

  it('a batch larger than the first room it projects, whose later tickets have far more rows', () => {
    const vip = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };
    const simple = (k: number): SlaTicket => ({
      account: vip,
      events: [created(MON + k * 60_000, 'sev4'), agent(MON + k * 60_000 + HOUR)],
    });
    const busy = (k: number): SlaTicket => {
      const start = MON + k * 60_000;
      const events: TicketEvent[] = [created(start, 'sev2')];
      for (let j = 1; j <= 12; j++) events.push(agent(start + j * 2 * HOUR), customer(start + j * 2 * HOUR + HOUR));
      return { account: vip, events };
    };
    // 1,024 one-row tickets set the projection; the 300 after them have 13 rows each.
    const tickets = [
      ...Array.from({ length: 1024 }, (_, k) => simple(k)),
      ...Array.from({ length: 300 }, (_, k) => busy(k)),
    ];
    const now = MON + 200 * HOUR;
    const rows = measureMany(dedicated, tickets, now);
    const columns = measureMany(dedicated, tickets, now, { format: 'columns' });
    expect(columns.targets.length).toBe(1024 + 300 * 13);
    expectSameFigures(columns, rows);
    expect(columnsToResults(columns)).toStrictEqual(rows);
  });

  it("a table's numeric columns share one buffer, so one transfer moves them all", () => {
    const columns = measureMany(
      std,
      [{ account: { type: 'direct', plan: 'starter' }, events: [created(MON, 'minor')] }],
      MON + HOUR,
      { format: 'columns' },
    );
    const { targets } = columns;
    for (const c of [targets.ticket, targets.cycle, targets.startedAt, targets.dueAt, targets.breachedByMs])
      expect(c.buffer).toBe(targets.dueAt.buffer);
    // No more spare room than a quarter of the rows: a transfer moves the whole buffer.
    expect(targets.dueAt.buffer.byteLength).toBe(targets.length * (9 * 8 + 4));
    const many = measureMany(
      std,
      Array.from({ length: 300 }, () => ({
        account: { type: 'direct', plan: 'starter' },
        events: [created(MON, 'minor')],
      })),
      MON + HOUR,
      { format: 'columns' },
    );
    expect(many.targets.dueAt.buffer.byteLength).toBeLessThanOrEqual(
      Math.ceil(1.25 * many.targets.length) * (9 * 8 + 4),
    );
    expect(many.thresholds.at.buffer.byteLength).toBeLessThanOrEqual(
      Math.ceil(1.25 * many.thresholds.length) * (4 * 8 + 4),
    );
    const moved = structuredClone(columns, { transfer: [targets.dueAt.buffer as ArrayBuffer] });
    expect(targets.dueAt.length).toBe(0); // detached here
    expect(moved.targets.elapsedMs[0]).toBe(HOUR);
  });
});

describe('options and columns that are not a batch are refused with typed errors', () => {
  const columns = measureMany(
    std,
    [{ account: { type: 'direct', plan: 'starter' }, events: [created(MON, 'minor'), agent(MON + HOUR)] }],
    MON + 2 * HOUR,
    { format: 'columns' },
  );

  it('format other than rows or columns, and explain with columns: invalid_option', () => {
    expect(errorOf(() => measureMany(std, [], MON, { format: 'table' } as never))).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'format'],
    });
    expect(errorOf(() => measureMany(std, [], MON, { format: 'columns', explain: true }))).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'explain'],
    });
    expect(measureMany(std, [], MON, { format: 'rows' })).toStrictEqual([]);
  });

  it('a missing table or column, or a column of another length: invalid_columns naming it', () => {
    expect(errorOf(() => columnsToResults({ ...columns, thresholds: undefined } as never))).toMatchObject({
      code: 'invalid_columns',
      path: ['thresholds'],
    });
    expect(errorOf(() => columnsToResults(null as never))).toMatchObject({
      code: 'invalid_columns',
      path: ['tickets'],
    });
    const short = { ...columns, targets: { ...columns.targets, dueAt: new Float64Array(0) } };
    expect(errorOf(() => columnsToResults(short))).toMatchObject({
      code: 'invalid_columns',
      path: ['targets', 'dueAt'],
    });
  });

  it('a reference out of range or going back: invalid_columns at its row', () => {
    const outOfRange = { ...columns, targets: { ...columns.targets, ticket: Uint32Array.of(5) } };
    expect(errorOf(() => columnsToResults(outOfRange))).toMatchObject({
      code: 'invalid_columns',
      path: ['targets', 'ticket', 0],
    });
    const dangling = { ...columns, thresholds: { ...columns.thresholds, target: Uint32Array.of(1) } };
    expect(errorOf(() => columnsToResults(dangling))).toMatchObject({
      code: 'invalid_columns',
      path: ['thresholds', 'target', 0],
    });
  });
});

describe('one description of the result fields', () => {
  it('rows list exactly the described fields, in the described order; columns hold them all', () => {
    const [row] = measureMany(
      std,
      [{ account: { type: 'direct', plan: 'enterprise' }, events: [created(MON, 'major')] }],
      MON + HOUR,
    );
    const target = row!.targets[0]!;
    expect(Object.keys(target)).toEqual([...TARGET_FIELDS.map((f) => f.name), 'thresholds']);
    expect(Object.keys(target.thresholds[0]!)).toEqual(THRESHOLD_FIELDS.map((f) => f.name));
    expect(Object.keys(row!).sort()).toEqual([...TICKET_FIELDS.map((f) => f.name), 'targets'].sort());
    const columns = measureMany(
      std,
      [{ account: { type: 'direct', plan: 'enterprise' }, events: [created(MON, 'major')] }],
      MON + HOUR,
      { format: 'columns' },
    );
    expect(Object.keys(columns.targets)).toEqual(['length', 'ticket', ...TARGET_FIELDS.map((f) => f.name)]);
    expect(Object.keys(columns.thresholds)).toEqual(['length', 'target', ...THRESHOLD_FIELDS.map((f) => f.name)]);
    expect(Object.keys(columns.tickets)).toEqual(['length', ...TICKET_FIELDS.map((f) => f.name)]);
  });
});
