import { refArrayOf } from '../internal/arrays.js';
import { NumberTable } from './numberTable.js';
import type { EntitlementSource } from '../policy/entitlementTypes.js';
import type { ParsedDuration } from '../policy/duration.js';
import type { Clock, Metric, TicketStatus } from './clockTypes.js';
import { STATES } from './clockStates.js';
import type { ClockEngine } from './engine.js';
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

const METRICS: readonly Metric[] = ['firstResponse', 'followUp', 'resolution'];

/** Tickets measured before the builder projects the room its tables need. */
const PROBE = 1024;

function grownBytes(a: Uint8Array, size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set(a);
  return b;
}

// The float columns of the targets and warnings tables, in their tables' order.
const CYCLE = 0;
const STARTED = 1;
const TARGET_MS = 2;
const DUE = 3;
const STOPPED = 4;
const ELAPSED = 5;
const REMAINING = 6;
const PERCENT = 7;
const BREACHED_BY = 8;
const W_PERCENT = 0;
const W_ELAPSED = 1;
const W_AT = 2;

/**
 * Fills the columns of a batch, ticket by ticket: numbers go straight into the typed arrays the
 * answer is made of (one buffer per table, grown by half when full), texts and descriptions into
 * lists split into columns at the end. @internal
 */
export class ColumnsBuilder implements TargetSink {
  private tickets = 0;
  private readonly severity: (string | null)[];
  private readonly plan: (string | null)[];
  private readonly status: TicketStatus[];
  private readonly nextCheckAt: Float64Array;

  private rows = 0;
  private readonly targets: NumberTable;
  /** Each row's target description, and its metric and state (4 × metric + state), split into their columns at the end. */
  private info: TargetInfo[];
  private codes: Uint8Array;

  private warnings = 0;
  private readonly warningTable: NumberTable;
  private reached: Uint8Array;

  constructor(private readonly ticketCount: number) {
    this.nextCheckAt = new Float64Array(ticketCount);
    this.severity = refArrayOf(ticketCount);
    this.plan = refArrayOf(ticketCount);
    this.status = refArrayOf(ticketCount);
    // Room for two rows per ticket of the first PROBE; the room for the rest is projected then.
    const first = 2 * Math.min(ticketCount, PROBE) + 16;
    this.targets = new NumberTable(9, first);
    this.warningTable = new NumberTable(3, first);
    this.info = refArrayOf(this.targets.capacity);
    this.codes = new Uint8Array(this.targets.capacity);
    this.reached = new Uint8Array(this.warningTable.capacity);
  }

  /** Room for row `r` of the targets (a full table), in the number table and beside it. */
  private growTargets(r: number): void {
    this.targets.reserve(r);
    this.moveTargets(r);
  }

  /** Moves the `rows` rows beside the number table to lists as long as its capacity. */
  private moveTargets(rows: number): void {
    const capacity = this.targets.capacity;
    const info = refArrayOf<TargetInfo>(capacity);
    for (let i = 0; i < rows; i++) info[i] = this.info[i]!;
    this.info = info;
    this.codes = grownBytes(this.codes, capacity);
  }

  /**
   * After PROBE tickets of a larger batch, makes room for as many rows per ticket for the rest
   * (and a tenth more), so that a large batch grows its tables once, while they are small.
   */
  private project(): void {
    const scale = (1.1 * this.ticketCount) / this.tickets;
    const rows = Math.ceil(this.rows * scale) + 16;
    if (rows > this.targets.capacity) {
      this.targets.resize(rows);
      this.moveTargets(this.rows);
    }
    const warnings = Math.ceil(this.warnings * scale) + 16;
    if (warnings > this.warningTable.capacity) {
      this.warningTable.resize(warnings);
      this.reached = grownBytes(this.reached, warnings);
    }
  }

  add(engine: ClockEngine, c: Clock): void {
    const r = this.rows++;
    if (r >= this.targets.capacity) this.growTargets(r);
    const table = this.targets;
    const f = table.floats;
    const target = c.target!;
    const E = engine.E;
    const ms = c.ms;
    table.index[r] = this.tickets;
    f[CYCLE]![r] = c.metric === 'followUp' ? c.cycle : Number.NaN;
    f[STARTED]![r] = c.start;
    f[TARGET_MS]![r] = ms;
    f[DUE]![r] = engine.due;
    f[STOPPED]![r] = engine.stoppedAt;
    f[ELAPSED]![r] = E;
    f[REMAINING]![r] = E < ms ? ms - E : 0;
    f[PERCENT]![r] = (E / ms) * 100;
    f[BREACHED_BY]![r] = E > ms ? E - ms : 0;
    this.info[r] = target.info as TargetInfo;
    this.codes[r] = 4 * (c.metric === 'firstResponse' ? 0 : c.metric === 'followUp' ? 1 : 2) + engine.state;
    const percents = target.warnAtPercent;
    for (let j = 0; j < percents.length; j++) {
      const k = this.warnings++;
      const wt = this.warningTable;
      if (k >= wt.capacity && wt.reserve(k)) this.reached = grownBytes(this.reached, wt.capacity);
      wt.index[k] = r;
      wt.floats[W_PERCENT]![k] = percents[j]!;
      wt.floats[W_ELAPSED]![k] = engine.warnMs[j]!;
      wt.floats[W_AT]![k] = engine.warnAt[j]!;
      this.reached[k] = E >= engine.warnMs[j]! ? 1 : 0;
    }
  }

  /** Closes the current ticket: its targets were {@link add}ed before. */
  endTicket(severity: string | null, plan: string | null, status: TicketStatus, nextCheckAt: number): void {
    const i = this.tickets++;
    this.severity[i] = severity;
    this.plan[i] = plan;
    this.status[i] = status;
    this.nextCheckAt[i] = nextCheckAt === Number.POSITIVE_INFINITY ? Number.NaN : nextCheckAt;
    if (i + 1 === PROBE && this.ticketCount > PROBE) this.project();
  }

  finish(): SlaColumns {
    const n = this.rows;
    const m = this.warnings;
    const t = this.targets.columns(n);
    const w = this.warningTable.columns(m);
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
      const code = this.codes[r]!;
      metric[r] = METRICS[code >> 2]!;
      state[r] = STATES[code & 3]!;
    }
    const reached = refArrayOf<boolean>(m);
    for (let k = 0; k < m; k++) reached[k] = this.reached[k] === 1;
    return Object.freeze({
      tickets: Object.freeze({
        length: this.tickets,
        severity: Object.freeze(this.severity),
        plan: Object.freeze(this.plan),
        status: Object.freeze(this.status),
        nextCheckAt: this.nextCheckAt,
      }),
      targets: Object.freeze({
        length: n,
        ticket: t.index,
        metric: Object.freeze(metric),
        cycle: t.floats[CYCLE]!,
        startedAt: t.floats[STARTED]!,
        severity: Object.freeze(severity),
        plan: Object.freeze(plan),
        duration: Object.freeze(duration),
        clock: Object.freeze(clock),
        source: Object.freeze(source),
        targetMs: t.floats[TARGET_MS]!,
        state: Object.freeze(state),
        dueAt: t.floats[DUE]!,
        stoppedAt: t.floats[STOPPED]!,
        elapsedMs: t.floats[ELAPSED]!,
        remainingMs: t.floats[REMAINING]!,
        percent: t.floats[PERCENT]!,
        breachedByMs: t.floats[BREACHED_BY]!,
      }),
      warnings: Object.freeze({
        length: m,
        target: w.index,
        percent: w.floats[W_PERCENT]!,
        elapsedMs: w.floats[W_ELAPSED]!,
        at: w.floats[W_AT]!,
        reached: Object.freeze(reached),
      }),
    });
  }
}
