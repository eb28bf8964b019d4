/**
 * support-policy/arrow: the columns of a batch as Arrow tables, read back by DuckDB (its WebAssembly
 * build, whose Arrow IPC reader is DuckDB's own C++ one) and queried in SQL: a compliance query
 * gives what complianceReport gives for the same results.
 */
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  columnsToResults,
  complianceReport,
  isSupportPolicyError,
  measureMany,
  parsePolicy,
  policyFingerprint,
  type SlaTicket,
  standardSupport,
} from '../index.js';
import { connectDuckdb } from '../../examples/arrow-duckdb.js';
import { outcome, pollutedOutcome } from '../../test/fixtures/hostile.js';
import { slaColumnsToArrow, slaColumnsToArrowIPC } from './arrow.js';

const policy = parsePolicy(standardSupport);
const HOUR = 3_600_000;
const start = Date.parse('2026-01-05T08:00:00Z');
const plans = ['enterprise', 'premium', 'starter'];
const severities = ['critical', 'major', 'minor'];

/** A year of tickets, one every 31 hours, answered, solved or left open by a fixed rule. */
const tickets: SlaTicket[] = Array.from({ length: 280 }, (_, i) => {
  const at = start + i * 31 * HOUR;
  const events: SlaTicket['events'][number][] = [{ kind: 'created', at, severity: severities[Math.floor(i / 3) % 3]! }];
  const reply = at + (1 + ((i * 7) % 30)) * HOUR;
  if (i % 5 !== 0) events.push({ kind: 'reply', at: reply, author: 'agent' });
  if (i % 4 === 1) events.push({ kind: 'status', at: reply + ((i * 13) % 90) * HOUR, status: 'solved' });
  return { account: { type: 'direct', plan: plans[i % 3]! }, events };
});
const now = start + 365 * 24 * HOUR;
const columns = measureMany(policy, tickets, now, { format: 'columns' });

describe('slaColumnsToArrow', () => {
  const tables = slaColumnsToArrow(columns);

  it('keeps every row and column, with the row numbers first', () => {
    for (const name of ['tickets', 'targets', 'thresholds'] as const) {
      const table = tables[name];
      expect(table.numRows).toBe(columns[name].length);
      expect(table.schema.fields.map((f) => f.name)).toEqual([
        'row',
        ...Object.keys(columns[name]).filter((k) => k !== 'length'),
      ]);
    }
    expect(columns.targets.length).toBe(tickets.length);
  });

  it('types the columns: instants as UTC timestamps, NaN as null, objects as JSON', () => {
    const type = (name: string) => String(tables.targets.schema.fields.find((f) => f.name === name)?.type);
    expect(type('row')).toBe('Uint32');
    expect(type('ticket')).toBe('Uint32');
    expect(type('startedAt')).toBe('Timestamp<MILLISECOND, UTC>');
    expect(type('stoppedAt')).toBe('Timestamp<MILLISECOND, UTC>');
    expect(type('elapsedMs')).toBe('Float64');
    expect(type('state')).toBe('Utf8');
    expect(type('duration')).toBe('Utf8');
    expect(String(tables.thresholds.schema.fields.find((f) => f.name === 'reached')?.type)).toBe('Bool');
    const stopped = tables.targets.getChild('stoppedAt')!;
    for (let r = 0; r < columns.targets.length; r++) {
      const ms = columns.targets.stoppedAt[r]!;
      expect(stopped.get(r)).toBe(Number.isNaN(ms) ? null : ms);
    }
    expect(JSON.parse(tables.targets.getChild('duration')!.get(0) as string)).toEqual(columns.targets.duration[0]);
  });

  it("carries each ticket's policy id, version and fingerprint as the JSON text of its reference", () => {
    const policies = tables.tickets.getChild('policy')!;
    expect(String(tables.tickets.schema.fields.find((f) => f.name === 'policy')?.type)).toBe('Utf8');
    expect(JSON.parse(policies.get(0) as string)).toEqual({
      id: 'standard-support',
      version: null,
      fingerprint: policyFingerprint(policy),
    });
    expect(new Set(policies.toArray()).size).toBe(1);
  });

  it('maps a column a later version adds by its kind, and refuses what is not a batch', () => {
    const two = measureMany(policy, tickets.slice(0, 2), now, { format: 'columns' });
    const extra = slaColumnsToArrow({
      ...two,
      tickets: { ...two.tickets, closedAt: [start, null], escalated: [true, false], tags: [['a'], null] },
    } as never);
    const field = (name: string) => String(extra.tickets.schema.fields.find((f) => f.name === name)?.type);
    expect([field('closedAt'), field('escalated'), field('tags')]).toEqual([
      'Timestamp<MILLISECOND, UTC>',
      'Bool',
      'Utf8',
    ]);
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isSupportPolicyError(e) ? [e.code, e.path] : e;
      }
      return undefined;
    };
    expect(error(() => slaColumnsToArrow(null as never))).toEqual(['invalid_columns', []]);
    expect(error(() => slaColumnsToArrow({ ...columns, thresholds: {} } as never))).toEqual([
      'invalid_columns',
      ['thresholds'],
    ]);
    expect(
      error(() => slaColumnsToArrow({ ...columns, tickets: { ...columns.tickets, plan: ['x'] } } as never)),
    ).toEqual(['invalid_columns', ['tickets', 'plan']]);
    expect(error(() => slaColumnsToArrowIPC(columns, { format: 'csv' } as never))).toEqual([
      'invalid_option',
      ['options', 'format'],
    ]);
    // An option key it does not know is refused at its path, not ignored (the default format).
    expect(error(() => slaColumnsToArrowIPC(columns, { fromat: 'file' } as never))).toEqual([
      'invalid_option',
      ['options', 'fromat'],
    ]);
    for (const options of [null, 'file', ['file']]) {
      expect(error(() => slaColumnsToArrowIPC(columns, options as never))).toEqual(['invalid_option', ['options']]);
    }
  });

  it('a format of a polluted Object.prototype is not read: no options or {} still write streams', () => {
    for (const options of [undefined, {}]) {
      const call = () => slaColumnsToArrowIPC(columns, options);
      expect(pollutedOutcome('format', 'file', call)).toEqual(outcome(call));
    }
  });

  it('writes IPC streams and files that apache-arrow reads back', () => {
    for (const format of ['stream', 'file'] as const) {
      const back = tableFromIPC(slaColumnsToArrowIPC(columns, { format }).targets);
      expect(back.numRows).toBe(columns.targets.length);
      expect(back.getChild('state')?.toArray()).toEqual([...columns.targets.state]);
    }
  });
});

describe('DuckDB reads the Arrow output', () => {
  it('a compliance query in SQL equals complianceReport on the same results', async () => {
    // The example's connection: no extension may be fetched, the query uses DuckDB's core functions only.
    const sql = await connectDuckdb();
    sql.insertArrowFromIPCStream(slaColumnsToArrowIPC(columns).targets, { name: 'targets' });
    const rows = sql
      .query(
        `SELECT strftime(make_timestamp(epoch_ms(startedAt) * 1000), '%Y-%m') AS period, plan, severity, metric, id AS target,
                count(*) AS total,
                count(*) FILTER (state = 'achieved') AS met,
                count(*) FILTER (state = 'breached') AS breached,
                count(*) FILTER (state IN ('running', 'paused')) AS open,
                list_sort(list(elapsedMs) FILTER (stoppedAt IS NOT NULL)) AS times
         FROM targets GROUP BY ALL`,
      )
      .toArray()
      .map((r) => r.toJSON());
    const rank = (times: number[], p: number) =>
      times.length === 0 ? null : times[Math.max(0, Math.ceil(p * times.length) - 1)]!;
    const fromSql = rows.map((r) => {
      const [met, breached] = [Number(r['met']), Number(r['breached'])];
      const times = [...(r['times'] as Iterable<number>)];
      return {
        period: r['period'],
        plan: r['plan'],
        severity: r['severity'],
        metric: r['metric'],
        target: r['target'],
        total: Number(r['total']),
        met,
        breached,
        open: Number(r['open']),
        compliancePercent: met + breached === 0 ? null : (met / (met + breached)) * 100,
        medianMs: rank(times, 0.5),
        p90Ms: rank(times, 0.9),
      };
    });
    const report = complianceReport(columnsToResults(columns), { period: 'month', zone: 'UTC' });
    const key = (r: { period: unknown; plan: unknown; severity: unknown; metric: unknown; target: unknown }) =>
      JSON.stringify([r.period, r.plan, r.severity, r.metric, r.target]);
    const byKey = (a: { period: unknown }, b: { period: unknown }) =>
      key(a as never) < key(b as never) ? -1 : key(a as never) > key(b as never) ? 1 : 0;
    expect(report.length).toBeGreaterThan(80);
    expect(fromSql.sort(byKey)).toEqual([...report].sort(byKey));
  }, 60_000);
});
