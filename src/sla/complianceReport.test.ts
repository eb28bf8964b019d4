import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import {
  type ComplianceReportOptions,
  complianceReport,
  dedicatedSupport,
  type MeasureResult,
  measure,
  measureMany,
  parsePolicy,
  type ReportPeriod,
  standardSupport,
  type TicketEvent,
} from '../index.js';

const MIN = 60_000;
const HOUR = 3_600_000;
const MON = Date.parse('2026-01-12T08:00:00Z'); // Monday 12 January 2026, 09:00 in Madrid
const std = parsePolicy(standardSupport);
const ded = parsePolicy(dedicatedSupport);
const account = (plan: string) => ({ type: 'direct', plan });

/** A standard ticket created at `at`, answered by an agent `replyAfter` ms later (or not at all). */
const ticket = (plan: string, severity: string, at: number, replyAfter?: number) => ({
  account: account(plan),
  events: [
    { kind: 'created', at, severity },
    ...(replyAfter === undefined ? [] : [{ kind: 'reply', at: at + replyAfter, author: 'agent' }]),
  ] as TicketEvent[],
});
/** One row per group as [period, plan, severity, metric, met, breached, open]. */
const counts = (results: MeasureResult[], options: ComplianceReportOptions) =>
  complianceReport(results, options).map((r) => [r.period, r.plan, r.severity, r.metric, r.met, r.breached, r.open]);
const periods = (results: MeasureResult[], period: ReportPeriod, zone?: string) =>
  complianceReport(results, zone === undefined ? { period } : { period, zone }).map((r) => r.period);

describe('periods: the local date of each target start, in the given zone', () => {
  // Each instant is 23:30Z or 22:30Z: already the next day in Madrid (UTC+1 in winter, UTC+2 from 29 March).
  const at = (iso: string) =>
    measure(std, account('enterprise'), [{ kind: 'created', at: Date.parse(iso), severity: 'major' }], Date.parse(iso));
  const lateJanuary = [at('2026-01-31T23:30:00Z')];

  it('a ticket created at 23:30 UTC on 31 January counts in February in Europe/Madrid, in January in UTC', () => {
    expect(periods(lateJanuary, 'month', 'Europe/Madrid')).toEqual(['2026-02']);
    expect(periods(lateJanuary, 'month', 'UTC')).toEqual(['2026-01']);
    expect(periods(lateJanuary, 'day', 'Europe/Madrid')).toEqual(['2026-02-01']);
    expect(periods(lateJanuary, 'day', 'UTC')).toEqual(['2026-01-31']);
  });

  it("weeks are ISO weeks 'YYYY-Www' of the local date: Sunday 4 January 23:30 UTC is Monday in Madrid", () => {
    const sunday = [at('2026-01-04T23:30:00Z')];
    expect(periods(sunday, 'week', 'Europe/Madrid')).toEqual(['2026-W02']);
    expect(periods(sunday, 'week', 'UTC')).toEqual(['2026-W01']);
  });

  it('a week takes its ISO week-year: Friday 1 January 2027 is in 2026-W53, year 2027, quarter 2027-Q1', () => {
    const newYear = [at('2027-01-01T10:00:00Z')];
    expect(
      ['week', 'year', 'quarter', 'month', 'day'].map((p) => periods(newYear, p as ReportPeriod, 'Europe/Madrid')[0]),
    ).toEqual(['2026-W53', '2027', '2027-Q1', '2027-01', '2027-01-01']);
  });

  it('quarters and years follow the zone too (summer time: 22:30Z on 31 March is 1 April in Madrid)', () => {
    expect(periods([at('2026-03-31T22:30:00Z')], 'quarter', 'Europe/Madrid')).toEqual(['2026-Q2']);
    expect(periods([at('2026-03-31T22:30:00Z')], 'quarter', 'UTC')).toEqual(['2026-Q1']);
    expect(periods([at('2026-12-31T23:30:00Z')], 'year', 'Europe/Madrid')).toEqual(['2027']);
    expect(periods([at('2026-12-31T23:30:00Z')], 'year', 'UTC')).toEqual(['2026']);
  });

  it("'all' puts every target in one period and needs no zone; month is the default period", () => {
    const both = [...lateJanuary, at('2026-03-31T22:30:00Z')];
    expect(periods(both, 'all')).toEqual(['all']);
    expect(complianceReport(both, { zone: 'Europe/Madrid' }).map((r) => [r.period, r.total])).toEqual([
      ['2026-02', 1],
      ['2026-04', 1],
    ]);
  });
});

describe('groups and counts', () => {
  const doc = structuredClone(standardSupport) as unknown as {
    plans: Record<string, { targets: Record<string, unknown>[] }>;
  };
  doc.plans['premium']!.targets[0]!['pauseOn'] = ['on_hold'];
  const pausing = parsePolicy(doc);
  const onHold: TicketEvent[] = [
    { kind: 'created', at: MON, severity: 'major' },
    { kind: 'status', at: MON + HOUR, status: 'on_hold' },
  ];
  const now = MON + 2.5 * HOUR;
  const results = [
    ...measureMany(
      std,
      [
        ticket('enterprise', 'major', MON, HOUR), // met
        ticket('enterprise', 'major', MON, 3 * HOUR), // breached; the reply comes after now, so still running
        ticket('enterprise', 'major', MON, 2 * HOUR + 1), // breached by 1 ms, stopped
        ticket('enterprise', 'minor', MON + 2 * HOUR), // open: running, 30 min of 2 h
        ticket('premium', 'major', MON, 30 * MIN), // met
      ],
      now,
    ),
    measure(pausing, account('premium'), onHold, now), // open: paused within target
  ];
  const rows = complianceReport(results, { period: 'month', zone: 'Europe/Madrid' });

  it('one row per period, plan, severity and metric: met, breached (stopped or not) and open (running or paused)', () => {
    expect(counts(results, { period: 'month', zone: 'Europe/Madrid' })).toEqual([
      ['2026-01', 'enterprise', 'major', 'firstResponse', 1, 2, 0],
      ['2026-01', 'enterprise', 'minor', 'firstResponse', 0, 0, 1],
      ['2026-01', 'premium', 'major', 'firstResponse', 1, 0, 1],
    ]);
    expect(rows.map((r) => r.total)).toEqual([3, 1, 2]);
  });

  it('compliance is met ÷ (met + breached) × 100, null when nothing is decided', () => {
    const [a, b, c] = rows.map((r) => r.compliancePercent);
    expect(a).toBeCloseTo(33.333, 3);
    expect([b, c]).toEqual([null, 100]);
  });

  it('median and p90 are over the stopped targets only (breached ones included), null when none stopped', () => {
    expect(rows.map((r) => [r.medianMs, r.p90Ms])).toEqual([
      [HOUR, 2 * HOUR + 1],
      [null, null],
      [30 * MIN, 30 * MIN],
    ]);
  });

  it('rows are frozen and sorted by period, plan, severity, then metric, whatever the input order', () => {
    for (const r of rows) expect(Object.isFrozen(r)).toBe(true);
    const shuffled = [results[5]!, results[3]!, results[0]!, results[4]!, results[2]!, results[1]!];
    expect(complianceReport(shuffled, { period: 'month', zone: 'Europe/Madrid' })).toEqual(rows);
    const early = measure(
      std,
      account('starter'),
      [{ kind: 'created', at: MON - 14 * 24 * HOUR, severity: 'critical' }],
      now,
    );
    expect(
      complianceReport([...results, early], { period: 'week', zone: 'UTC' }).map(
        (r) => `${r.period} ${r.plan} ${r.severity}`,
      ),
    ).toEqual([
      '2026-W01 starter critical',
      '2026-W03 enterprise major',
      '2026-W03 enterprise minor',
      '2026-W03 premium major',
    ]);
  });

  it('no results give no rows', () => {
    expect(complianceReport([], { period: 'all' })).toEqual([]);
  });
});

describe('nearest-rank percentiles', () => {
  // Ten Enterprise tickets answered after 10, 20, …, 100 minutes (given in a scrambled order).
  const minutes = [70, 20, 100, 50, 10, 90, 30, 60, 80, 40];
  const ten = measureMany(
    std,
    minutes.map((m) => ticket('enterprise', 'major', MON, m * MIN)),
    MON + 3 * HOUR,
  );

  it('of 10 values the median is the 5th and p90 the 9th', () => {
    const [row] = complianceReport(ten, { period: 'all' });
    expect([row?.medianMs, row?.p90Ms, row?.met, row?.compliancePercent]).toEqual([50 * MIN, 90 * MIN, 10, 100]);
  });

  it('of 11 values the median is the 6th and p90 the 10th; of one value both are that value', () => {
    const eleven = [...ten, ...measureMany(std, [ticket('enterprise', 'major', MON, 110 * MIN)], MON + 3 * HOUR)];
    const [row] = complianceReport(eleven, { period: 'all' });
    expect([row?.medianMs, row?.p90Ms]).toEqual([60 * MIN, 100 * MIN]);
    const [one] = complianceReport(ten.slice(0, 1), { period: 'all' });
    expect([one?.medianMs, one?.p90Ms]).toEqual([70 * MIN, 70 * MIN]);
  });
});

describe('follow-up and periodic-update cycles', () => {
  it('each periodic-update cycle counts once in its own metric row', () => {
    const vip = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };
    const reply = (at: number, author: 'agent' | 'customer'): TicketEvent => ({ kind: 'reply', at, author });
    const events = [
      { kind: 'created', at: MON, severity: 'sev1' } as const,
      reply(MON + 10 * MIN, 'agent'),
      reply(MON + HOUR, 'customer'),
      reply(MON + 2 * HOUR, 'agent'),
      reply(MON + 3 * HOUR, 'customer'),
    ];
    // Severity 1's periodic update: 10 min → 2 h met; from 2 h, 6 h without an update at 8 h: breached.
    const result = measure(ded, vip, events, MON + 8 * HOUR);
    expect(counts([result], { period: 'all' })).toEqual([
      ['all', 'all_inclusive', 'sev1', 'firstResponse', 1, 0, 0],
      ['all', 'all_inclusive', 'sev1', 'periodicUpdate', 1, 1, 0],
    ]);
    // Severity 3 keeps follow-ups: the 1 h customer reply opens one, answered at 2 h; the 3 h one is open.
    const sev3 = measure(
      ded,
      vip,
      [{ kind: 'created', at: MON, severity: 'sev3' }, ...events.slice(1)],
      MON + 4 * HOUR,
    );
    expect(counts([sev3, result], { period: 'all' })).toEqual([
      ['all', 'all_inclusive', 'sev1', 'firstResponse', 1, 0, 0],
      ['all', 'all_inclusive', 'sev1', 'periodicUpdate', 1, 1, 0],
      ['all', 'all_inclusive', 'sev3', 'firstResponse', 1, 0, 0],
      ['all', 'all_inclusive', 'sev3', 'followUp', 1, 0, 1],
    ]);
  });
});

describe('bad options', () => {
  const results = measureMany(std, [ticket('enterprise', 'major', MON, HOUR)], MON + 2 * HOUR);

  it("an unknown or missing zone is 'invalid_zone' at ['options', 'zone'] (unless the period is 'all')", () => {
    for (const options of [
      { period: 'month', zone: 'Mars/Olympus' },
      { period: 'day' },
      {},
      { period: 'week', zone: 42 },
    ]) {
      expect(
        errorOf(() => complianceReport(results, options as ComplianceReportOptions)),
        JSON.stringify(options),
      ).toMatchObject({ code: 'invalid_zone', path: ['options', 'zone'] });
    }
  });

  it("an unknown period is 'invalid_option' at ['options', 'period']", () => {
    for (const period of ['fortnight', 'Month', 'weeks', 42]) {
      expect(errorOf(() => complianceReport(results, { period: period as ReportPeriod, zone: 'UTC' }))).toMatchObject({
        code: 'invalid_option',
        path: ['options', 'period'],
      });
    }
  });
});
