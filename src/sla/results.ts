import { argumentError } from '../errors.js';
import { own, readOptions } from '../internal/record.js';
import type { EntitlementSource } from '../policy/entitlementTypes.js';
import type { ParsedDuration } from '../policy/duration.js';
import { type Clock, type Metric, METRICS } from './clockTypes.js';
import { RUNNING, STATES } from './clockStates.js';
import type { ClockEngine } from './engine.js';
import { clockOutcome, instant } from './outcome.js';
import { explainClock } from './explain.js';
import type { TargetInfo } from './policyTargets.js';

/**
 * A threshold of a target — a warning before the due instant, or an escalation level after it —
 * and when it falls due. `at` is in the past when `reached`, projected while the clock runs, and
 * `null` while the clock is paused (even after its breach) or stopped.
 * @category SLA
 */
export interface SlaThreshold {
  /** The threshold's id in the policy (`warn-75` for `warnAtPercent: [75]`). */
  readonly id: string;
  /** A percentage of the target (`null` for a threshold set as a duration past it). */
  readonly percent: number | null;
  /** Open time past the target (`null` for a percentage). */
  readonly afterMs: number | null;
  /** The threshold as elapsed open time, for the target's current `targetMs`. */
  readonly elapsedMs: number;
  readonly at: number | null;
  readonly reached: boolean;
}

/**
 * One stretch of a clock's life, for explanations: `open` time counted, `closed` hours and
 * `holiday`s skipped while the clock ran, `paused` on a status, or `solved`. `projected` stretches
 * lie after `now` (or after the stop): the way to the due instant if the clock ran on.
 * @category SLA
 */
export interface SlaSpan {
  readonly from: number;
  readonly to: number;
  readonly kind: 'open' | 'closed' | 'holiday' | 'paused' | 'solved';
  /** Open time counted towards the target: the span's length when `open`, else 0. */
  readonly countedMs: number;
  /** The status, for `paused` and `solved` (a status of the `solved` or `closed` category). */
  readonly status?: string;
  /** The holiday's name, for `holiday`. */
  readonly holiday?: string;
  readonly projected: boolean;
}

/**
 * One measured target of a ticket: first response, resolution, or one follow-up or
 * periodic-update cycle.
 *
 * Instants are epoch ms. `dueAt`: when the elapsed time reached the target, the instant it did;
 * else, stopped, the deadline it would have had running on from its stop; else, paused, `null`;
 * else when it falls due if it keeps running. See `docs/sla.md`.
 * @category SLA
 */
export interface TargetMeasurement {
  /** The target's id in the policy (its metric's name unless the policy names it). */
  readonly id: string;
  readonly metric: Metric;
  /** Follow-up and periodic-update cycles count from 1; `null` for other metrics. */
  readonly cycle: number | null;
  readonly startedAt: number;
  /** The severity level and plan the target was chosen for (a breached target keeps its own). */
  readonly severity: string | null;
  readonly plan: string | null;
  readonly duration: ParsedDuration;
  /** A calendar id of the policy, or `24/7`. */
  readonly clock: string;
  readonly source: EntitlementSource;
  /** The target as open time on its clock (business days are counted from the clock's start). */
  readonly targetMs: number;
  readonly state: 'running' | 'paused' | 'achieved' | 'breached';
  readonly dueAt: number | null;
  /** The reply that ended the clock, or the instant the ticket was solved; `null` while open. */
  readonly stoppedAt: number | null;
  readonly elapsedMs: number;
  readonly remainingMs: number;
  /** `elapsedMs / targetMs × 100`, unrounded. */
  readonly percent: number;
  readonly breachedByMs: number;
  /** The target's warnings and escalations, in the policy's order. */
  readonly thresholds: readonly SlaThreshold[];
  /** With `explain: true`: the spans that make up the elapsed time, and the way to the due instant. */
  readonly spans?: readonly SlaSpan[];
}

/**
 * What {@link measure} returns: every measured target of a ticket at `now`.
 * @category SLA
 */
export interface MeasureResult {
  /** The severity level and plan in force at `now`. */
  readonly severity: string | null;
  readonly plan: string | null;
  /** The ticket's status at `now`: a status of the policy's vocabulary. */
  readonly status: string;
  /**
   * First response, follow-up cycles, periodic-update cycles, resolution (each metric's targets in
   * the policy's order, cycles in order); only targets the policy sets.
   */
  readonly targets: readonly TargetMeasurement[];
  /**
   * The next instant after `now` at which a running target's result changes — a threshold is
   * reached, or the target becomes breached (1 ms past its due instant, or past the next opening
   * when the deadline fell at a closing) — for scheduling; `null` when nothing is running.
   */
  readonly nextCheckAt: number | null;
}

/**
 * Options of {@link measure}, {@link measureState} and {@link measureMany}.
 * @category SLA
 */
export interface MeasureOptions {
  /** Adds `spans` to every target: slower, for showing a support lead how a deadline was reached. */
  readonly explain?: boolean;
}

/**
 * The options of an SLA call, checked (a plain object with only the `known` keys, or nothing) and
 * its `explain` read: `true`, `false` or absent.
 * @internal
 */
export function readMeasureOptions(
  options: unknown,
  known: readonly string[],
): { explain: boolean } & Record<string, unknown> {
  const opts = readOptions(options, known);
  const explain = own(opts, 'explain');
  if (explain !== undefined && typeof explain !== 'boolean') {
    throw argumentError('invalid_option', ['options', 'explain'], 'true or false', explain);
  }
  return { ...opts, explain: explain === true };
}

/**
 * Receives the measured targets of a ticket one by one, right after {@link ClockEngine.settle}
 * (the engine's fields describe the clock). @internal
 */
export interface TargetSink {
  add(engine: ClockEngine, c: Clock): void;
}

/**
 * Settles every measured clock of `engine` at `now`, in result order (the metrics in
 * {@link METRICS}' order, each metric's clocks in the order they opened), handing each to `sink`;
 * returns the ticket's `nextCheckAt`, +∞ for none.
 * @internal
 */
export function settleTargets(engine: ClockEngine, now: number, sink: TargetSink): number {
  let next = Number.POSITIVE_INFINITY;
  const n = engine.clockCount;
  // First response and resolution open first; cycles after them. One pass per metric present.
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const m = engine.clocks[i]!.metric;
    seen |= m === 'firstResponse' ? 1 : m === 'followUp' ? 2 : m === 'periodicUpdate' ? 4 : 8;
  }
  for (let k = 0; k < 4; k++) {
    if ((seen & (1 << k)) === 0) continue;
    const metric = METRICS[k]!;
    const list = engine.targets[metric];
    if (list.length <= 1) {
      for (let i = 0; i < n; i++) {
        const c = engine.clocks[i]!;
        if (c.metric === metric && c.target !== undefined) next = settleOne(engine, c, now, sink, next);
      }
      continue;
    }
    // Several targets of one metric: each cycle's in the order of the targets in force (a target
    // that a re-target added, or that is no longer in force, after them), whatever order they opened in.
    const rank = (c: Clock) => {
      for (let j = 0; j < list.length; j++) if (list[j]!.id === c.slot) return j;
      return list.length;
    };
    const clocks = engine.clocks
      .slice(0, n)
      .filter((c) => c.metric === metric && c.target !== undefined)
      .sort((a, b) => a.cycle - b.cycle || rank(a) - rank(b));
    for (const c of clocks) next = settleOne(engine, c, now, sink, next);
  }
  return next;
}

/** Settles one clock with a target, hands it to `sink`, and returns the earlier of `next` and its next change. */
function settleOne(engine: ClockEngine, c: Clock, now: number, sink: TargetSink, next: number): number {
  const t = c.target!;
  engine.settle(c, now);
  if (engine.state === RUNNING) {
    // It breaches at the first instant with more open time than the target: just after the
    // due instant, or just after the next opening when the deadline fell at a closing.
    const due = engine.due;
    if (!Number.isNaN(due)) {
      const breachAt = (t.calendar === null ? due : t.calendar.nextOpening(due)) + 1;
      if (breachAt > now && breachAt < next) next = breachAt;
    }
    for (let j = 0; j < t.thresholds.length; j++) {
      const at = engine.thresholdAt[j]!;
      if (engine.E < engine.thresholdMs[j]! && at < next) next = at; // NaN (none) never compares below
    }
  }
  sink.add(engine, c);
  return next;
}

/** Builds the public row of each measured target of a ticket. @internal */
export class RowSink implements TargetSink {
  /** The rows of the ticket, sized by {@link collectResults} (a pushed list would keep spare room). */
  out: TargetMeasurement[] = [];
  private n = 0;

  constructor(
    private readonly now: number,
    private readonly explain: boolean,
  ) {}

  add(engine: ClockEngine, c: Clock): void {
    const t = c.target!;
    const info = t.info as TargetInfo;
    const E = engine.E;
    const m: TargetMeasurement = {
      id: t.id,
      metric: c.metric,
      cycle: c.cycle === 0 ? null : c.cycle,
      startedAt: c.start,
      severity: info.severity,
      plan: info.plan,
      duration: info.duration,
      clock: info.clock,
      source: info.source,
      targetMs: c.ms,
      state: STATES[engine.state]!,
      dueAt: Number.isNaN(engine.due) ? null : engine.due,
      stoppedAt: Number.isNaN(engine.stoppedAt) ? null : engine.stoppedAt,
      elapsedMs: E,
      remainingMs: E < c.ms ? c.ms - E : 0,
      percent: (E / c.ms) * 100,
      breachedByMs: E > c.ms ? E - c.ms : 0,
      thresholds: thresholdsOf(engine, c),
    };
    if (this.explain)
      (m as { spans?: readonly SlaSpan[] }).spans = explainClock(
        engine,
        c,
        this.now,
        clockOutcome(engine, c, this.now),
      );
    this.out[this.n++] = Object.freeze(m);
  }
}

/** Every measured target of an engine at `now`, as the public result. @internal */
export function collectResults(
  engine: ClockEngine,
  severity: string | null,
  plan: string | null,
  now: number,
  explain: boolean,
): MeasureResult {
  const sink = new RowSink(now, explain);
  let count = 0;
  for (let i = 0; i < engine.clockCount; i++) if (engine.clocks[i]!.target !== undefined) count++;
  sink.out = count === 0 ? [] : new Array<TargetMeasurement>(count);
  const next = settleTargets(engine, now, sink);
  return Object.freeze({
    severity,
    plan,
    status: engine.status.name,
    targets: Object.freeze(sink.out),
    nextCheckAt: next === Number.POSITIVE_INFINITY ? null : next,
  });
}

const NO_THRESHOLDS: readonly SlaThreshold[] = Object.freeze([]);

/** The thresholds {@link ClockEngine.settle} found for clock `c`, as the public objects. @internal */
export function thresholdsOf(engine: ClockEngine, c: Clock): readonly SlaThreshold[] {
  const list = c.target!.thresholds;
  if (list.length === 0) return NO_THRESHOLDS;
  const out = new Array<SlaThreshold>(list.length);
  for (let j = 0; j < list.length; j++) {
    const th = list[j]!;
    const ms = engine.thresholdMs[j]!;
    out[j] = Object.freeze({
      id: th.id,
      percent: th.kind === 'percent' ? th.value : null,
      afterMs: th.kind === 'after' ? th.value : null,
      elapsedMs: ms,
      at: instant(engine.thresholdAt[j]!),
      reached: engine.E >= ms,
    });
  }
  return Object.freeze(out);
}
