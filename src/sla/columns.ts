import { refArray, refArrayOf } from '../internal/arrays.js';
import type { EntitlementSource } from '../policy/entitlementTypes.js';
import type { ParsedDuration } from '../policy/duration.js';
import type { Clock, Metric, TicketStatus } from './clockTypes.js';
import { type ClockEngine, STATES } from './engine.js';
import type { TargetInfo } from './policyTargets.js';
import type { TargetMeasurement, TargetSink } from './results.js';

/**
 * What {@link measureMany} returns with `{ format: 'columns' }`: the figures of its rows as three
 * tables of columns — the tickets, their measured targets, and the targets' warnings — for
 * analysts' data frames, and for services that move large batches between threads.
 *
 * @remarks
 * Every table has a `length` and one array per field, all of that length: row `i` of a table is
 * entry `i` of each of its columns. Numbers are `Float64Array`s, with `NaN` where a row says
 * `null`; a reference to another table's row (`targets.ticket`, `warnings.target`) is an index in
 * a `Uint32Array`; text, booleans and the shared description objects (`duration`, `source`) are
 * plain frozen arrays. Targets are grouped by ticket and warnings by target, in the order of the
 * rows; a ticket without measured targets has no target rows.
 *
 * Each call makes new arrays, owned by the caller. The tables survive `structuredClone`, and the
 * typed arrays' buffers can be transferred to a worker without copying; JSON turns typed arrays
 * into objects, so convert them with `Array.from` first, or use {@link columnsToResults}.
 * @category SLA
 */
export interface SlaColumns {
  readonly tickets: SlaTicketColumns;
  readonly targets: SlaTargetColumns;
  readonly warnings: SlaWarningColumns;
}

/**
 * One row per ticket of the batch, in input order: {@link MeasureResult}'s fields.
 * @category SLA
 */
export interface SlaTicketColumns {
  readonly length: number;
  readonly severity: readonly (string | null)[];
  readonly plan: readonly (string | null)[];
  readonly status: readonly TicketStatus[];
  /** `NaN`: nothing is running. */
  readonly nextCheckAt: Float64Array;
}

/**
 * One row per measured target: {@link TargetMeasurement}'s fields, and the ticket's row.
 * @category SLA
 */
export interface SlaTargetColumns {
  readonly length: number;
  /** The ticket's row in {@link SlaColumns.tickets} (its index in the batch). */
  readonly ticket: Uint32Array;
  readonly metric: readonly Metric[];
  /** `NaN` for metrics other than follow-up. */
  readonly cycle: Float64Array;
  readonly startedAt: Float64Array;
  readonly severity: readonly (string | null)[];
  readonly plan: readonly (string | null)[];
  readonly duration: readonly ParsedDuration[];
  readonly clock: readonly string[];
  readonly source: readonly EntitlementSource[];
  readonly targetMs: Float64Array;
  readonly state: readonly TargetMeasurement['state'][];
  /** `NaN`: paused, no due instant. */
  readonly dueAt: Float64Array;
  /** `NaN`: not stopped. */
  readonly stoppedAt: Float64Array;
  readonly elapsedMs: Float64Array;
  readonly remainingMs: Float64Array;
  readonly percent: Float64Array;
  readonly breachedByMs: Float64Array;
}

/**
 * One row per warning threshold of a measured target: {@link SlaWarning}'s fields, and the
 * target's row.
 * @category SLA
 */
export interface SlaWarningColumns {
  readonly length: number;
  /** The target's row in {@link SlaColumns.targets}. */
  readonly target: Uint32Array;
  readonly percent: Float64Array;
  readonly elapsedMs: Float64Array;
  /** `NaN`: no instant (paused, or stopped before reaching it). */
  readonly at: Float64Array;
  readonly reached: readonly boolean[];
}


/**
 * The numbers of a target row, in the order of the builder's row buffer: the numeric columns,
 * then the codes of `metric` and `state`.
 */
const TARGET_NUMBERS = ['ticket', 'cycle', 'startedAt', 'targetMs', 'dueAt', 'stoppedAt', 'elapsedMs', 'remainingMs', 'percent', 'breachedByMs', 'metric', 'state'] as const;
/** The numbers of a warning row, likewise (`reached` as 0 or 1). */
const WARNING_NUMBERS = ['target', 'percent', 'elapsedMs', 'at', 'reached'] as const;
const TS = TARGET_NUMBERS.length;
const WS = WARNING_NUMBERS.length;
const METRICS: readonly Metric[] = ['firstResponse', 'followUp', 'resolution'];
const METRIC_CODE: Readonly<Record<Metric, number>> = { firstResponse: 0, followUp: 1, resolution: 2 };

function grown(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/** Column `k` of `rows` rows of `stride` numbers, as a new typed array. */
function column<A extends Float64Array | Uint32Array>(Kind: new (n: number) => A, buf: Float64Array, rows: number, stride: number, k: number): A {
  const out = new Kind(rows);
  for (let r = 0, i = k; r < rows; r++, i += stride) out[r] = buf[i]!;
  return out;
}

/**
 * Fills the columns of a batch, ticket by ticket. The numbers of each row go to one growing
 * buffer, row after row, and are split into columns at the end. @internal
 */
export class ColumnsBuilder implements TargetSink {
  private tickets = 0;
  private readonly severity: (string | null)[];
  private readonly plan: (string | null)[];
  private readonly status: TicketStatus[];
  private readonly nextCheckAt: Float64Array;

  private rows = 0;
  private targetNumbers: Float64Array;
  /** Each row's target description, split into its columns at the end. */
  private readonly info: TargetInfo[] = refArray();

  private warnings = 0;
  private warningNumbers: Float64Array;

  constructor(ticketCount: number) {
    this.nextCheckAt = new Float64Array(ticketCount);
    this.severity = refArrayOf(ticketCount);
    this.plan = refArrayOf(ticketCount);
    this.status = refArrayOf(ticketCount);
    // Two rows per ticket to start with (first response, a follow-up), grown by half if more come.
    this.targetNumbers = new Float64Array(TS * (2 * ticketCount + 16));
    this.warningNumbers = new Float64Array(WS * (2 * ticketCount + 16));
  }

  add(engine: ClockEngine, c: Clock): void {
    const r = this.rows++;
    if ((r + 1) * TS > this.targetNumbers.length) this.targetNumbers = grown(this.targetNumbers, TS * Math.ceil(1.5 * (r + 1)));
    const b = this.targetNumbers;
    const target = c.target!;
    const E = engine.E;
    const ms = c.ms;
    let i = r * TS;
    b[i++] = this.tickets;
    b[i++] = c.metric === 'followUp' ? c.cycle : Number.NaN;
    b[i++] = c.start;
    b[i++] = ms;
    b[i++] = engine.due;
    b[i++] = engine.stoppedAt;
    b[i++] = E;
    b[i++] = E < ms ? ms - E : 0;
    b[i++] = (E / ms) * 100;
    b[i++] = E > ms ? E - ms : 0;
    b[i++] = METRIC_CODE[c.metric];
    b[i] = engine.state;
    this.info.push(target.info as TargetInfo);
    const percents = target.warnAtPercent;
    for (let j = 0; j < percents.length; j++) {
      const k = this.warnings++;
      if ((k + 1) * WS > this.warningNumbers.length) this.warningNumbers = grown(this.warningNumbers, WS * Math.ceil(1.5 * (k + 1)));
      const w = this.warningNumbers;
      const at = k * WS;
      w[at] = r;
      w[at + 1] = percents[j]!;
      w[at + 2] = engine.warnMs[j]!;
      w[at + 3] = engine.warnAt[j]!;
      w[at + 4] = E >= engine.warnMs[j]! ? 1 : 0;
    }
  }

  /** Closes the current ticket: its targets were {@link add}ed before. */
  endTicket(severity: string | null, plan: string | null, status: TicketStatus, nextCheckAt: number): void {
    const i = this.tickets++;
    this.severity[i] = severity;
    this.plan[i] = plan;
    this.status[i] = status;
    this.nextCheckAt[i] = nextCheckAt === Number.POSITIVE_INFINITY ? Number.NaN : nextCheckAt;
  }

  finish(): SlaColumns {
    const n = this.rows;
    const m = this.warnings;
    const nums = this.targetNumbers;
    const t = (k: number) => column(Float64Array, nums, n, TS, k);
    const w = (k: number) => column(Float64Array, this.warningNumbers, m, WS, k);
    const info = this.info;
    const severity = refArrayOf<string | null>(n);
    const plan = refArrayOf<string | null>(n);
    const duration = refArrayOf<ParsedDuration>(n);
    const clock = refArrayOf<string>(n);
    const source = refArrayOf<EntitlementSource>(n);
    const metric = refArrayOf<Metric>(n);
    const state = refArrayOf<TargetMeasurement['state']>(n);
    for (let r = 0; r < n; r++) {
      const x = info[r]!;
      severity[r] = x.severity;
      plan[r] = x.plan;
      duration[r] = x.duration;
      clock[r] = x.clock;
      source[r] = x.source;
      metric[r] = METRICS[nums[r * TS + 10]!]!;
      state[r] = STATES[nums[r * TS + 11]!]!;
    }
    const reached = refArrayOf<boolean>(m);
    for (let k = 0; k < m; k++) reached[k] = this.warningNumbers[k * WS + 4] === 1;
    return Object.freeze({
      tickets: Object.freeze({ length: this.tickets, severity: Object.freeze(this.severity), plan: Object.freeze(this.plan), status: Object.freeze(this.status), nextCheckAt: this.nextCheckAt }),
      targets: Object.freeze({
        length: n,
        ticket: column(Uint32Array, nums, n, TS, 0),
        metric: Object.freeze(metric),
        cycle: t(1),
        startedAt: t(2),
        severity: Object.freeze(severity),
        plan: Object.freeze(plan),
        duration: Object.freeze(duration),
        clock: Object.freeze(clock),
        source: Object.freeze(source),
        targetMs: t(3),
        state: Object.freeze(state),
        dueAt: t(4),
        stoppedAt: t(5),
        elapsedMs: t(6),
        remainingMs: t(7),
        percent: t(8),
        breachedByMs: t(9),
      }),
      warnings: Object.freeze({ length: m, target: column(Uint32Array, this.warningNumbers, m, WS, 0), percent: w(1), elapsedMs: w(2), at: w(3), reached: Object.freeze(reached) }),
    });
  }
}
