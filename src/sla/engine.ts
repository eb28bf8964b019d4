import { numberArray, numbers, refArray } from '../internal/arrays.js';
import {
  type Clock,
  type EngineEvent,
  type EngineTarget,
  type Metric,
  NO_TARGETS,
  type TargetSet,
  targetOf,
  type TicketStatus,
} from './clockTypes.js';
import { ACHIEVED, BREACHED, PAUSED, RUNNING, runsOn, targetMs, warningMs } from './clockStates.js';

/**
 * The SLA clock engine: every clock of one ticket, fed one validated event at a time, by the
 * semantics of `docs/sla.md` (the shared SLA conformance contract, generalised to targets that
 * change clock and pause statuses). `measure`, `advance`, `measureMany` and the conformance runner
 * all run this one engine.
 */

const NONE = Number.POSITIVE_INFINITY;

const between = (t: EngineTarget, a: number, b: number) => (t.calendar === null ? b - a : t.calendar.between(a, b));
const addOn = (t: EngineTarget, at: number, ms: number) => (t.calendar === null ? at + ms : t.calendar.add(at, ms));

/**
 * The mutable engine behind the immutable API: callers clone it before applying an event to a
 * state someone else holds. A batch resets one engine per ticket: its arrays and clock objects are
 * reused, so measuring a ticket allocates little besides its result.
 */
export class ClockEngine {
  /** Status history: `statuses[i]` holds from `times[i]` (after every event at that instant), for i < `segments`. */
  readonly times: number[] = numberArray();
  readonly statuses: TicketStatus[] = refArray();
  segments = 0;
  status: TicketStatus = 'open';
  /** When the ticket was last solved; −∞ when it is not solved. */
  solvedSince = Number.NEGATIVE_INFINITY;
  agentReplied = false;
  last = Number.NEGATIVE_INFINITY;
  targets: TargetSet = NO_TARGETS;
  /**
   * The clocks opened so far are the first `clockCount`, in order: first response, resolution,
   * follow-up cycles. Those after them are clock objects of an earlier ticket, reused by
   * {@link open} (a batch resets one engine per ticket).
   */
  readonly clocks: Clock[] = refArray();
  clockCount = 0;

  // What settle() found for one clock; read before the next call.
  /** Elapsed open time. */
  E = 0;
  /** One of {@link STATES}' codes. */
  state = RUNNING;
  /** The due instant; NaN for none (paused). */
  due = Number.NaN;
  /** The stop instant; NaN while the clock runs or is paused. */
  stoppedAt = Number.NaN;
  /**
   * Per warning threshold of the clock's target, then for the target itself: its open time, and
   * the instant it is reached (NaN for none). Only the first `warnAtPercent.length + 1` entries count.
   */
  warnMs: number[] = numbers(4);
  warnAt: number[] = numbers(4);

  /** Forgets every event: the engine is as new, its storage kept. */
  reset(): void {
    this.segments = 0;
    this.status = 'open';
    this.solvedSince = Number.NEGATIVE_INFINITY;
    this.agentReplied = false;
    this.last = Number.NEGATIVE_INFINITY;
    this.targets = NO_TARGETS;
    this.clockCount = 0;
  }

  clone(): ClockEngine {
    const copy = new ClockEngine();
    copy.targets = this.targets;
    for (let i = 0; i < this.segments; i++) {
      copy.times.push(this.times[i]!);
      copy.statuses.push(this.statuses[i]!);
    }
    copy.segments = this.segments;
    copy.status = this.status;
    copy.solvedSince = this.solvedSince;
    copy.agentReplied = this.agentReplied;
    copy.last = this.last;
    for (let i = 0; i < this.clockCount; i++) copy.clocks.push({ ...this.clocks[i]! });
    copy.clockCount = this.clockCount;
    return copy;
  }

  /** Applies one event; `at` never decreases and the first event is `created` (checked by callers). */
  apply(e: EngineEvent): void {
    this.last = e.at;
    switch (e.kind) {
      case 'created':
        this.targets = e.targets;
        this.mark(e.at, 'open');
        this.open('firstResponse', e.at, 0);
        this.open('resolution', e.at, 0);
        return;
      case 'status':
        if (e.status === 'solved') {
          if (this.status !== 'solved') this.solvedSince = e.at;
        } else this.solvedSince = Number.NEGATIVE_INFINITY;
        this.status = e.status;
        if (this.segments > 0 && this.times[this.segments - 1] === e.at) this.statuses[this.segments - 1] = e.status;
        else this.mark(e.at, e.status);
        return;
      case 'agent':
        this.agentReplied = true;
        for (let i = 0; i < this.clockCount; i++) {
          const c = this.clocks[i]!;
          if (c.metric !== 'resolution' && c.end === NONE) c.end = e.at;
        }
        return;
      case 'customer': {
        if (!this.agentReplied) return;
        let cycles = 0;
        for (let i = 0; i < this.clockCount; i++) {
          const c = this.clocks[i]!;
          if (c.metric !== 'followUp') continue;
          if (c.end === NONE) return;
          cycles += 1;
        }
        this.open('followUp', e.at, cycles + 1);
        return;
      }
      case 'automatic':
        return;
      case 'retarget':
        // From the original start, for every clock that has not ended and is not breached.
        for (let i = 0; i < this.clockCount; i++) {
          const c = this.clocks[i]!;
          if (c.end !== NONE) continue;
          if (c.target !== undefined && this.walk(c, c.target, e.at) > c.ms) continue;
          const next = targetOf(e.targets, c.metric);
          c.target = next;
          c.ms = next === undefined ? 0 : targetMs(next, c.start);
        }
        this.targets = e.targets;
    }
  }

  /** Appends a status to the history, reusing its storage. */
  private mark(at: number, status: TicketStatus): void {
    const i = this.segments++;
    if (i < this.times.length) {
      this.times[i] = at;
      this.statuses[i] = status;
    } else {
      this.times.push(at);
      this.statuses.push(status);
    }
  }

  private open(metric: Metric, at: number, cycle: number): void {
    const target = targetOf(this.targets, metric);
    const ms = target === undefined ? 0 : targetMs(target, at);
    const i = this.clockCount++;
    const c = this.clocks[i];
    if (c === undefined) this.clocks.push({ metric, start: at, end: NONE, cycle, target, ms });
    else {
      c.metric = metric;
      c.start = at;
      c.end = NONE;
      c.cycle = cycle;
      c.target = target;
      c.ms = ms;
    }
  }

  /** The clocks opened so far, as a new list. */
  openClocks(): Clock[] {
    return this.clocks.slice(0, this.clockCount);
  }

  /**
   * Calls `visit` for each stretch of one status within `[c.start, min(end, upTo))`, in order.
   */
  forEachSegment(c: Clock, upTo: number, visit: (from: number, to: number, status: TicketStatus) => void): void {
    const stop = Math.min(c.end, upTo);
    const times = this.times;
    const n = this.segments;
    for (let i = 0; i < n; i++) {
      const from = times[i]! > c.start ? times[i]! : c.start;
      const next = i + 1 < n ? times[i + 1]! : NONE;
      const to = next < stop ? next : stop;
      if (from < to) visit(from, to, this.statuses[i]!);
      if (next >= stop) return;
    }
  }

  /**
   * E(upTo): the open time on `t`'s clock over the instants of `[c.start, upTo)` at which `c`
   * runs. With `count` increasing `thresholds`, also the earliest instant at which E reaches each
   * one reached by then, into `at` (thresholds must not decrease: warnings, then the target, which
   * policy validation guarantees — whole percentages from 1 to 99, increasing, of a target of at
   * least 1 ms). Consecutive stretches in which the clock runs (open, then
   * waiting on a status the target does not pause on) are measured as one: open time adds up, so
   * the answer is the same, with fewer calendar calls.
   */
  private walk(
    c: Clock,
    t: EngineTarget,
    upTo: number,
    count = 0,
    thresholds?: readonly number[],
    at?: number[],
  ): number {
    const stop = c.end < upTo ? c.end : upTo;
    const times = this.times;
    const n = this.segments;
    this.passed = 0;
    let acc = 0;
    let runFrom = Number.NaN; // the running stretch being gathered, [runFrom, runTo)
    let runTo = Number.NaN;
    for (let i = 0; i < n; i++) {
      const next = i + 1 < n ? times[i + 1]! : NONE;
      if (next <= c.start) continue;
      const from = times[i]! > c.start ? times[i]! : c.start;
      const to = next < stop ? next : stop;
      const running = from < to && runsOn(this.statuses[i]!, t);
      if (running && from === runTo) runTo = to;
      else {
        if (runTo === runTo) acc = this.stretch(t, runFrom, runTo, acc, count, thresholds, at);
        runFrom = running ? from : Number.NaN;
        runTo = running ? to : Number.NaN;
      }
      if (next >= stop) break;
    }
    return runTo === runTo ? this.stretch(t, runFrom, runTo, acc, count, thresholds, at) : acc;
  }

  /** Thresholds {@link walk} has passed so far. */
  private passed = 0;

  /** Adds the open time of the running stretch `[from, to)` to `acc`, noting the thresholds it passes. */
  private stretch(
    t: EngineTarget,
    from: number,
    to: number,
    acc: number,
    count: number,
    thresholds?: readonly number[],
    at?: number[],
  ): number {
    const len = between(t, from, to);
    while (this.passed < count && acc + len >= thresholds![this.passed]!) {
      at![this.passed] = addOn(t, from, thresholds![this.passed]! - acc);
      this.passed++;
    }
    return acc + len;
  }

  /**
   * The answer of a clock with a target at `now` (not before the last event applied), into this
   * engine's `E`, `state`, `due`, `stoppedAt`, `warnMs` and `warnAt`: one walk over the status
   * history finds the elapsed time and every threshold (warnings, then the target) reached by now;
   * the others are projected from the stop, or from now while the clock runs, and have no instant
   * while it is paused. A stopped clock's warnings that were not reached have none either.
   */
  settle(c: Clock, now: number): void {
    const t = c.target!;
    const percents = t.warnAtPercent;
    const k = percents.length;
    if (k >= this.warnMs.length) {
      this.warnMs = numbers(k + 1);
      this.warnAt = numbers(k + 1);
    }
    const thresholds = this.warnMs;
    const at = this.warnAt;
    for (let j = 0; j < k; j++) {
      thresholds[j] = warningMs(c.ms, percents[j]!);
      at[j] = Number.NaN;
    }
    thresholds[k] = c.ms; // the due instant, last: no warning lies beyond the target
    at[k] = Number.NaN;
    const E = this.walk(c, t, now, k + 1, thresholds, at);
    const solvedNow = this.status === 'solved';
    const stopped = c.end !== NONE || solvedNow;
    const stoppedAt = c.end !== NONE ? c.end : solvedNow ? Math.max(this.solvedSince, c.start) : Number.NaN;
    const paused = !stopped && !runsOn(this.status, t);
    for (let j = 0; j <= k; j++) {
      if (E >= thresholds[j]!) continue;
      // A warning not reached by a stopped clock will not be: only the due instant is projected.
      if (stopped) at[j] = j === k ? addOn(t, stoppedAt, thresholds[j]! - E) : Number.NaN;
      else at[j] = paused ? Number.NaN : addOn(t, now, thresholds[j]! - E);
    }
    this.due = at[k]!;
    this.E = E;
    this.stoppedAt = stoppedAt;
    this.state = E > c.ms ? BREACHED : stopped ? ACHIEVED : paused ? PAUSED : RUNNING;
  }
}
