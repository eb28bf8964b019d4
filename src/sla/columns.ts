import { refArrayOf } from '../internal/arrays.js';
import { NumberTable } from './numberTable.js';
import type { EntitlementSource } from '../policy/entitlementTypes.js';
import type { ParsedDuration } from '../policy/duration.js';
import { type Clock, type EngineTarget, type EngineThreshold, type Metric, METRICS } from './clockTypes.js';
import { STATES } from './clockStates.js';
import type { ClockEngine } from './engine.js';
import type { ClockReading } from './statusHistory.js';
import type { TargetInfo } from './policyTargets.js';
import type { TargetMeasurement, TargetSink } from './results.js';
import type { SlaColumns } from './columnTypes.js';
import {
  type FieldSpec,
  numberCount,
  numberIndex,
  TARGET_FIELDS,
  THRESHOLD_FIELDS,
  TICKET_FIELDS,
} from './resultFields.js';
import type { RuleMatch } from './rules.js';
import type { PolicyRef } from './types.js';

/** Tickets measured before the builder projects the room its tables need. */
const PROBE = 1024;

function grownBytes(a: Uint8Array, size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set(a);
  return b;
}

// The number columns of the targets and thresholds tables, as the result fields' description lays them out.
const T = numberIndex(TARGET_FIELDS);
const CYCLE = T.cycle;
const STARTED = T.startedAt;
const TARGET_MS = T.targetMs;
const DUE = T.dueAt;
const STOPPED = T.stoppedAt;
const ELAPSED = T.elapsedMs;
const REMAINING = T.remainingMs;
const PERCENT = T.percent;
const BREACHED_BY = T.breachedByMs;
const W = numberIndex(THRESHOLD_FIELDS);
const W_PERCENT = W.percent;
const W_AFTER = W.afterMs;
const W_ELAPSED = W.elapsedMs;
const W_AT = W.at;

/**
 * Fills the columns of a batch, ticket by ticket: numbers go straight into the typed arrays the
 * answer is made of (one buffer per table, grown by half when full), texts and descriptions into
 * lists split into columns at the end. @internal
 */
export class ColumnsBuilder implements TargetSink {
  private tickets = 0;
  private readonly policy: PolicyRef[];
  private readonly severity: (string | null)[];
  private readonly plan: (string | null)[];
  private readonly rule: (RuleMatch | null)[];
  private readonly status: string[];
  private readonly nextCheckAt: Float64Array;

  private rows = 0;
  private readonly targets: NumberTable;
  /** Each row's target and its metric and state (4 × metric + state), split into their columns at the end. */
  private info: EngineTarget[];
  private codes: Uint8Array;

  private warnings = 0;
  private readonly warningTable: NumberTable;
  private reached: Uint8Array;

  constructor(private readonly ticketCount: number) {
    this.nextCheckAt = new Float64Array(ticketCount);
    this.policy = refArrayOf(ticketCount);
    this.severity = refArrayOf(ticketCount);
    this.plan = refArrayOf(ticketCount);
    this.rule = refArrayOf(ticketCount);
    this.status = refArrayOf(ticketCount);
    // Room for two rows per ticket of the first PROBE; the room for the rest is projected then.
    const first = 2 * Math.min(ticketCount, PROBE) + 16;
    this.targets = new NumberTable(numberCount(TARGET_FIELDS), first);
    this.warningTable = new NumberTable(numberCount(THRESHOLD_FIELDS), first);
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
    const info = refArrayOf<EngineTarget>(capacity);
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

  add(reading: ClockReading, c: Clock): void {
    const r = this.rows++;
    if (r >= this.targets.capacity) this.growTargets(r);
    const table = this.targets;
    const f = table.floats;
    const target = c.target!;
    const E = reading.E;
    const ms = c.ms;
    table.index[r] = this.tickets;
    f[CYCLE]![r] = c.cycle === 0 ? Number.NaN : c.cycle;
    f[STARTED]![r] = c.start;
    f[TARGET_MS]![r] = ms;
    f[DUE]![r] = reading.due;
    f[STOPPED]![r] = reading.stoppedAt;
    f[ELAPSED]![r] = E;
    f[REMAINING]![r] = E < ms ? ms - E : 0;
    f[PERCENT]![r] = (E / ms) * 100;
    f[BREACHED_BY]![r] = E > ms ? E - ms : 0;
    this.info[r] = target;
    const m = c.metric;
    this.codes[r] =
      4 * (m === 'firstResponse' ? 0 : m === 'followUp' ? 1 : m === 'periodicUpdate' ? 2 : 3) + reading.state;
    const list = target.thresholds;
    if (list.length !== 0) this.addThresholds(reading, r, list);
  }

  /** The threshold rows of target row `r`. */
  private addThresholds(reading: ClockReading, r: number, list: readonly EngineThreshold[]): void {
    const E = reading.E;
    const thMs = reading.thresholdMs;
    const thAt = reading.thresholdAt;
    for (let j = 0; j < list.length; j++) {
      const k = this.warnings++;
      const wt = this.warningTable;
      if (k >= wt.capacity && wt.reserve(k)) this.reached = grownBytes(this.reached, wt.capacity);
      wt.index[k] = r;
      wt.floats[W_ELAPSED]![k] = thMs[j]!;
      wt.floats[W_AT]![k] = thAt[j]!;
      this.reached[k] = E >= thMs[j]! ? 1 : 0;
    }
  }

  /** Closes the current ticket, settled in `engine`: its targets were {@link add}ed before. */
  endTicket(
    policy: PolicyRef,
    severity: string | null,
    plan: string | null,
    rule: RuleMatch | null,
    engine: ClockEngine,
  ): void {
    const i = this.tickets++;
    this.policy[i] = policy;
    this.severity[i] = severity;
    this.plan[i] = plan;
    this.rule[i] = rule;
    this.status[i] = engine.status.name;
    const next = engine.nextChange;
    this.nextCheckAt[i] = next === Number.POSITIVE_INFINITY ? Number.NaN : next;
    if (i + 1 === PROBE && this.ticketCount > PROBE) this.project();
  }

  /**
   * Forgets the rows {@link add}ed since the last {@link endTicket}: a ticket that failed while its
   * targets were settled leaves nothing behind (its rows are those naming the ticket not yet ended).
   */
  dropTicket(): void {
    const owner = this.targets.index;
    while (this.rows > 0 && owner[this.rows - 1] === this.tickets) this.rows--;
    const target = this.warningTable.index;
    while (this.warnings > 0 && target[this.warnings - 1]! >= this.rows) this.warnings--;
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
    const id = refArrayOf<string>(n);
    const metric = refArrayOf<Metric>(n);
    const state = refArrayOf<TargetMeasurement['state']>(n);
    for (let r = 0; r < n; r++) {
      const target = info[r]!;
      const x = target.info as TargetInfo;
      id[r] = target.id;
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
    const thresholdId = refArrayOf<string>(m);
    const percent = w.floats[W_PERCENT]!;
    const afterMs = w.floats[W_AFTER]!;
    for (let k = 0; k < m; k++) reached[k] = this.reached[k] === 1;
    // Each target row has its target's thresholds, in order: their ids and amounts come from there.
    for (let r = 0, k = 0; r < n; r++) {
      const list = info[r]!.thresholds;
      for (let j = 0; j < list.length; j++, k++) {
        const th = list[j]!;
        thresholdId[k] = th.id;
        percent[k] = th.kind === 'percent' ? th.value : Number.NaN;
        afterMs[k] = th.kind === 'after' ? th.value : Number.NaN;
      }
    }
    return Object.freeze({
      tickets: tableOf(TICKET_FIELDS, this.tickets, [], {
        policy: this.policy,
        severity: this.severity,
        plan: this.plan,
        rule: this.rule,
        status: this.status,
        nextCheckAt: this.nextCheckAt,
      }) as unknown as SlaColumns['tickets'],
      targets: tableOf(TARGET_FIELDS, n, t.floats, {
        ticket: t.index,
        id,
        metric,
        severity,
        plan,
        duration,
        clock,
        source,
        state,
      }) as unknown as SlaColumns['targets'],
      thresholds: tableOf(THRESHOLD_FIELDS, m, w.floats, {
        target: w.index,
        id: thresholdId,
        reached,
      }) as unknown as SlaColumns['thresholds'],
    });
  }
}

/**
 * A table of the answer, laid out by the result fields' description: its `length`, the columns
 * given by name (a reference to another table first), and each number column from `floats`.
 * Plain arrays are frozen; typed arrays cannot be, and are the caller's.
 */
function tableOf(
  fields: readonly FieldSpec<string>[],
  length: number,
  floats: readonly Float64Array[],
  given: Readonly<Record<string, unknown[] | Float64Array | Uint32Array>>,
): Readonly<Record<string, unknown>> {
  const table: Record<string, unknown> = { length };
  const freeze = (c: unknown) => (Array.isArray(c) ? Object.freeze(c) : c);
  // The reference to the owning table's row comes first, as the tables have always listed it.
  if (given['ticket'] !== undefined) table['ticket'] = given['ticket'];
  if (given['target'] !== undefined) table['target'] = given['target'];
  const numbers = numberIndex(fields);
  for (const f of fields) {
    const name = f.name;
    table[name] = f.column === 'number' && given[name] === undefined ? floats[numbers[name]!] : freeze(given[name]);
  }
  return Object.freeze(table);
}
