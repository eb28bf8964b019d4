import { argumentError } from '../errors.js';
import { own, readOptions } from '../internal/record.js';
import { type Clock, METRICS } from './clockTypes.js';
import { BREACHED, RUNNING, STATES } from './clockStates.js';
import type { ClockEngine } from './engine.js';
import type { ClockReading } from './statusHistory.js';
import { clockOutcome, instant } from './outcome.js';
import { explainClock } from './explain.js';
import { summarizeSpans } from './summarizeSpans.js';
import type { TargetInfo } from './policyTargets.js';
import type { RuleMatch } from './rules.js';
import type { MeasureResult, PolicyRef, SlaSpan, SlaThreshold, TargetMeasurement } from './types.js';
import { policyFingerprint } from '../policy/policyFingerprint.js';
import { openingFrom } from './openTime.js';
import type { Policy } from '../policy/schema.js';

export type { MeasureOptions, MeasureResult, SlaSpan, SlaThreshold, TargetMeasurement } from './types.js';

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
  /** Clock `c`, as `reading` (valid until the next settle) describes it; `engine` is its engine. */
  add(reading: ClockReading, c: Clock, engine: ClockEngine): void;
}

/**
 * Settles every measured clock of `engine` at `now`, in result order (the metrics in
 * {@link METRICS}' order, each metric's clocks in the order they opened), handing each to `sink`;
 * the ticket's `nextCheckAt` (+∞ for none) is left in `engine.nextChange`, which V8 does not box
 * as it boxes an epoch ms returned from a call.
 * @internal
 */
export function settleTargets(engine: ClockEngine, now: number, sink: TargetSink): void {
  engine.nextChange = Number.POSITIVE_INFINITY;
  if (engine.crowded) settleSorted(engine, now, sink);
  else settleSingle(engine, now, sink);
}

/**
 * {@link settleTargets} with one clock per metric and cycle (the common case): the first response
 * opened first and cycles open in order, so one pass gives first response and follow-ups, a second
 * the periodic updates (when there are any), and resolution comes last.
 */
function settleSingle(engine: ClockEngine, now: number, sink: TargetSink): void {
  const n = engine.clockCount;
  let resolution: Clock | undefined;
  let updates = false;
  for (let i = 0; i < n; i++) {
    const c = engine.clocks[i]!;
    if (c.target === undefined) continue;
    const m = c.metric;
    if (m === 'resolution') resolution = c;
    else if (m === 'periodicUpdate') updates = true;
    else settleOne(engine, c, now, sink);
  }
  if (updates)
    for (let i = 0; i < n; i++) {
      const c = engine.clocks[i]!;
      if (c.metric === 'periodicUpdate' && c.target !== undefined) settleOne(engine, c, now, sink);
    }
  if (resolution !== undefined) settleOne(engine, resolution, now, sink);
}

/** {@link settleTargets} with several clocks in some metric and cycle: one pass per metric, sorted where needed. */
function settleSorted(engine: ClockEngine, now: number, sink: TargetSink): void {
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
        if (c.metric === metric && c.target !== undefined) settleOne(engine, c, now, sink);
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
    for (const c of clocks) settleOne(engine, c, now, sink);
  }
}

/**
 * Settles one clock with a target, hands it to `sink`, and brings `engine.nextChange` down to its
 * next change: its breach while it runs within target, and its next threshold while it runs,
 * within target or past it (escalations fall after the breach).
 */
function settleOne(engine: ClockEngine, c: Clock, now: number, sink: TargetSink): void {
  const t = c.target!;
  const reading = engine.settle(c, now);
  const runs = reading.state === RUNNING || (reading.state === BREACHED && Number.isNaN(reading.stoppedAt));
  if (reading.state === RUNNING) {
    // It breaches at the first instant with more open time than the target: just after the
    // due instant, or just after the next opening when the deadline fell at a closing.
    const due = reading.due;
    if (!Number.isNaN(due)) {
      const breachAt = openingFrom(t, due) + 1;
      if (breachAt > now && breachAt < engine.nextChange) engine.nextChange = breachAt;
    }
  }
  if (runs) {
    // A paused clock's thresholds have no instant (NaN), which never compares below.
    for (let j = 0; j < t.thresholds.length; j++) {
      const at = reading.thresholdAt[j]!;
      if (reading.E < reading.thresholdMs[j]! && at < engine.nextChange) engine.nextChange = at;
    }
  }
  sink.add(reading, c, engine);
}

/** Builds the public row of each measured target of a ticket. @internal */
export class RowSink implements TargetSink {
  /** The rows of the ticket, sized by {@link collectResults} (a pushed list would keep spare room). */
  out: TargetMeasurement[] = [];
  private n = 0;

  constructor(
    private readonly now: number,
    private readonly explain: boolean,
    /** The locales of the policy the ticket is measured with: explanations summarise in them. */
    private readonly locales: readonly string[] = ['en'],
  ) {}

  add(reading: ClockReading, c: Clock, engine: ClockEngine): void {
    const t = c.target!;
    const info = t.info as TargetInfo;
    const E = reading.E;
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
      state: STATES[reading.state]!,
      dueAt: Number.isNaN(reading.due) ? null : reading.due,
      stoppedAt: Number.isNaN(reading.stoppedAt) ? null : reading.stoppedAt,
      elapsedMs: E,
      remainingMs: E < c.ms ? c.ms - E : 0,
      percent: (E / c.ms) * 100,
      breachedByMs: E > c.ms ? E - c.ms : 0,
      thresholds: thresholdsOf(reading, c),
    };
    if (this.explain) {
      const spans = explainClock(engine, c, this.now, clockOutcome(engine, c, this.now));
      const zone = t.calendar === null ? null : t.calendar.zone;
      const explained = m as {
        spans?: readonly SlaSpan[];
        zone?: string | null;
        summary?: Readonly<Record<string, string>>;
      };
      explained.spans = spans;
      explained.zone = zone;
      explained.summary = summarizeSpans(spans, m, zone, this.locales);
    }
    this.out[this.n++] = Object.freeze(m);
  }
}

/** What a ticket's result says besides its targets: the policy version, severity, plan and rule at `now`. @internal */
export interface TicketAtNow {
  readonly current: Policy | undefined;
  /** `policyRef(current)`, when the caller keeps it. */
  readonly currentRef?: PolicyRef | undefined;
  readonly severity: string | null;
  readonly plan: string | null;
  readonly rule: RuleMatch | null;
}

const refs = new WeakMap<Policy, PolicyRef>();

/** The policy a result was computed with, as its results name it: one frozen object per policy. @internal */
export function policyRef(policy: Policy): PolicyRef {
  let ref = refs.get(policy);
  if (ref === undefined) {
    ref = Object.freeze({ id: policy.id, version: policy.version ?? null, fingerprint: policyFingerprint(policy) });
    refs.set(policy, ref);
  }
  return ref;
}

/** Every measured target of an engine at `now`, as the public result. @internal */
export function collectResults(engine: ClockEngine, ticket: TicketAtNow, now: number, explain: boolean): MeasureResult {
  const sink = new RowSink(now, explain, ticket.current?.locales);
  let count = 0;
  for (let i = 0; i < engine.clockCount; i++) if (engine.clocks[i]!.target !== undefined) count++;
  sink.out = count === 0 ? [] : new Array<TargetMeasurement>(count);
  settleTargets(engine, now, sink);
  const next = engine.nextChange;
  return Object.freeze({
    policy: ticket.currentRef ?? policyRef(ticket.current!),
    severity: ticket.severity,
    plan: ticket.plan,
    rule: ticket.rule,
    status: engine.status.name,
    targets: Object.freeze(sink.out),
    nextCheckAt: next === Number.POSITIVE_INFINITY ? null : next,
  });
}

const NO_THRESHOLDS: readonly SlaThreshold[] = Object.freeze([]);

/** The thresholds {@link ClockEngine.settle} found for clock `c`, as the public objects. @internal */
export function thresholdsOf(reading: ClockReading, c: Clock): readonly SlaThreshold[] {
  const list = c.target!.thresholds;
  if (list.length === 0) return NO_THRESHOLDS;
  const out = new Array<SlaThreshold>(list.length);
  for (let j = 0; j < list.length; j++) {
    const th = list[j]!;
    const ms = reading.thresholdMs[j]!;
    out[j] = Object.freeze({
      id: th.id,
      percent: th.kind === 'percent' ? th.value : null,
      afterMs: th.kind === 'after' ? th.value : null,
      elapsedMs: ms,
      at: instant(reading.thresholdAt[j]!),
      reached: reading.E >= ms,
    });
  }
  return Object.freeze(out);
}
