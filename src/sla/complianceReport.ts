import { isoWeek, localTime } from '../calendar/localTime.js';
import { argumentError } from '../errors.js';
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from '../instant.js';
import { isPlainObject, own, readOptions } from '../internal/record.js';
import { isValidZoneName } from '../internal/zone.js';
import type { Metric } from './clockTypes.js';
import type { MeasureResult, TargetMeasurement } from './results.js';

/**
 * How {@link complianceReport} groups targets in time: by the local date of each target's start.
 * @category SLA
 */
export type ReportPeriod = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'all';

/**
 * Options of {@link complianceReport}.
 * @category SLA
 */
export interface ComplianceReportOptions {
  /** The grouping in time; `month` when absent. */
  readonly period?: ReportPeriod;
  /** The IANA zone whose local dates make the periods (required unless `period` is `all`). */
  readonly zone?: string;
}

/**
 * One row of a compliance report: the targets of one period, plan, severity, metric and target id.
 *
 * `met` stopped within target; `breached` went over (stopped or not); `open` is still running or
 * paused within target. `compliancePercent` is met ÷ (met + breached) × 100, `null` with neither.
 * `medianMs` and `p90Ms` are the nearest-rank percentiles of the elapsed business time of the
 * stopped targets (a response or resolution time), `null` when none stopped.
 * @category SLA
 */
export interface ComplianceRow {
  /** `2026-01-05`, `2026-W02`, `2026-01`, `2026-Q1`, `2026`, or `all`. */
  readonly period: string;
  readonly plan: string | null;
  readonly severity: string | null;
  readonly metric: Metric;
  /** The target's id: its metric's name unless the policy names it (two resolution clocks, say). */
  readonly target: string;
  readonly total: number;
  readonly met: number;
  readonly breached: number;
  readonly open: number;
  readonly compliancePercent: number | null;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
}

const METRICS: readonly Metric[] = ['firstResponse', 'followUp', 'periodicUpdate', 'resolution'];
const PERIODS: readonly ReportPeriod[] = ['day', 'week', 'month', 'quarter', 'year', 'all'];
const STATES: readonly string[] = ['running', 'paused', 'achieved', 'breached'];

/** The targets of result `i`: a result of {@link measure} (or one read back from JSON) has a list of them. */
function targetsOf(result: unknown, i: number): readonly unknown[] {
  const targets = isPlainObject(result) ? own(result, 'targets') : undefined;
  if (!Array.isArray(targets)) throw argumentError('invalid_results', ['results', i], 'a measure result', result);
  return targets;
}

/** Target `k` of result `i`, checked for the fields the report reads. */
function checkTarget(t: unknown, i: number, k: number): TargetMeasurement {
  const ok =
    isPlainObject(t) &&
    METRICS.includes(own(t, 'metric') as Metric) &&
    (own(t, 'id') === undefined || typeof own(t, 'id') === 'string') &&
    STATES.includes(own(t, 'state') as string) &&
    isInstant(own(t, 'startedAt')) &&
    (own(t, 'stoppedAt') === null || isInstant(own(t, 'stoppedAt'))) &&
    typeof own(t, 'elapsedMs') === 'number' &&
    Number.isFinite(own(t, 'elapsedMs')) &&
    isTextOrNull(own(t, 'plan')) &&
    isTextOrNull(own(t, 'severity'));
  if (!ok) throw argumentError('invalid_results', ['results', i, 'targets', k], 'a measured target', t);
  return t as unknown as TargetMeasurement;
}

const isInstant = (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_SUPPORTED_MS && v < MAX_SUPPORTED_MS;
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';

/**
 * Summarises measured tickets as plain rows, one per period, plan, severity, metric and target
 * (each follow-up or periodic-update cycle counts once), sorted by period, plan, severity, metric,
 * then target id.
 *
 * Periods are the zone's local dates, keyed in ASCII digits whatever the machine's locale.
 *
 * @throws {@link InvalidArgumentError} `invalid_zone` for a missing or unknown zone,
 *   `invalid_option` for an unknown period or option, `invalid_results` for results that are not
 *   a list of {@link measure}'s (or of their JSON)
 * @example
 * ```ts
 * import { complianceReport, measureMany, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const monday9 = Date.parse('2026-01-05T08:00:00Z');
 * const enterprise = { type: 'direct', plan: 'enterprise' };
 * const results = measureMany(policy, [
 *   { account: enterprise, events: [{ kind: 'created', at: monday9, severity: 'major' },
 *                                   { kind: 'reply', at: monday9 + 3_600_000, author: 'agent' }] },
 *   { account: enterprise, events: [{ kind: 'created', at: monday9, severity: 'major' },
 *                                   { kind: 'reply', at: monday9 + 4 * 3_600_000, author: 'agent' }] },
 * ], monday9 + 5 * 3_600_000);
 * const [row] = complianceReport(results, { period: 'month', zone: 'Europe/Madrid' });
 * [row.period, row.met, row.breached, row.compliancePercent]; //=> ['2026-01', 1, 1, 50]
 * ```
 * @category SLA
 */
export function complianceReport(
  results: readonly MeasureResult[],
  options?: ComplianceReportOptions,
): ComplianceRow[] {
  const opts = readOptions(options, ['period', 'zone']);
  const period = own(opts, 'period') ?? 'month';
  if (!PERIODS.includes(period as ReportPeriod)) {
    throw argumentError('invalid_option', ['options', 'period'], 'day, week, month, quarter, year or all', period);
  }
  const zone = own(opts, 'zone');
  if (period !== 'all' && (typeof zone !== 'string' || !isValidZoneName(zone))) {
    throw argumentError('invalid_zone', ['options', 'zone'], `an IANA time zone for ${String(period)} periods`, zone);
  }
  if (!Array.isArray(results))
    throw argumentError('invalid_results', ['results'], 'a list of measure results', results);
  const keyOf = periodKey(period as ReportPeriod, zone as string);
  const groups = new Map<
    string,
    {
      row: Omit<ComplianceRow, 'total' | 'met' | 'breached' | 'open' | 'compliancePercent' | 'medianMs' | 'p90Ms'>;
      met: number;
      breached: number;
      open: number;
      times: number[];
    }
  >();
  for (let i = 0; i < results.length; i++) {
    const targets = targetsOf(results[i], i);
    for (let k = 0; k < targets.length; k++) {
      const t = checkTarget(targets[k], i, k);
      // Results stored before targets had ids read as their metric's.
      const target = (own(t, 'id') as string | undefined) ?? t.metric;
      const row = { period: keyOf(t.startedAt), plan: t.plan, severity: t.severity, metric: t.metric, target };
      const key = JSON.stringify([row.period, row.plan, row.severity, METRICS.indexOf(row.metric), target]);
      let g = groups.get(key);
      if (g === undefined) {
        g = { row, met: 0, breached: 0, open: 0, times: [] };
        groups.set(key, g);
      }
      if (t.state === 'breached') g.breached += 1;
      else if (t.state === 'achieved') g.met += 1;
      else g.open += 1;
      if (t.stoppedAt !== null) g.times.push(t.elapsedMs);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => {
      const times = g.times.sort((a, b) => a - b);
      const decided = g.met + g.breached;
      return Object.freeze({
        ...g.row,
        total: g.met + g.breached + g.open,
        met: g.met,
        breached: g.breached,
        open: g.open,
        compliancePercent: decided === 0 ? null : (g.met / decided) * 100,
        medianMs: nearestRank(times, 0.5),
        p90Ms: nearestRank(times, 0.9),
      });
    });
}

/** The nearest-rank percentile of sorted values: the smallest value with at least p of them at or below it. */
function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function periodKey(period: ReportPeriod, zone: string): (at: number) => string {
  if (period === 'all') return () => 'all';
  return (at) => {
    const d = localTime(at, zone);
    switch (period) {
      case 'day':
        return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
      case 'week': {
        const { weekYear, week } = isoWeek(d.days);
        return `${weekYear}-W${String(week).padStart(2, '0')}`;
      }
      case 'month':
        return `${d.year}-${String(d.month).padStart(2, '0')}`;
      case 'quarter':
        return `${d.year}-Q${Math.ceil(d.month / 3)}`;
      default:
        return String(d.year);
    }
  };
}
