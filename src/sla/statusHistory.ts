import { numberArray, numbers, refArray } from '../internal/arrays.js';
import { type Clock, type EngineTarget, OPEN_STATUS, type Status } from './clockTypes.js';
import { ACHIEVED, BREACHED, PAUSED, RUNNING, runsOn, thresholdMs } from './clockStates.js';
import { addOpen, openBetween } from './openTime.js';

/**
 * A ticket's status history and what it means for one clock: its elapsed open time, its state, its
 * due instant and thresholds. The engine (`engine.ts`) adds the clocks and the events.
 */

const NONE = Number.POSITIVE_INFINITY;

/**
 * What {@link StatusHistory.settle} read off one clock at `now`. One object per engine, refilled by
 * every call: read it before settling the next clock.
 */
export class ClockReading {
  /** Elapsed open time. */
  E = 0;
  /** One of {@link STATES}' codes. */
  state = RUNNING;
  /** The due instant; NaN for none (paused). */
  due = Number.NaN;
  /** The stop instant; NaN while the clock runs or is paused. */
  stoppedAt = Number.NaN;
  /**
   * Per threshold of the clock's target, in the target's order, then for the target itself: its
   * open time, and its instant (NaN for none). Only the first `thresholds.length + 1` entries count.
   */
  thresholdMs: number[] = numbers(4);
  thresholdAt: number[] = numbers(4);
}

export class StatusHistory {
  /** Status history: `statuses[i]` holds from `times[i]` (after every event at that instant), for i < `segments`. */
  readonly times: number[] = numberArray();
  readonly statuses: Status[] = refArray();
  segments = 0;
  status: Status = OPEN_STATUS;
  /** When the ticket's status last left the `open` category; −∞ while it is in it. */
  solvedSince = Number.NEGATIVE_INFINITY;

  /** What {@link settle} returns: one object, refilled by every call. */
  private readonly reading = new ClockReading();
  /** Scratch for settle(): the thresholds' indices in increasing open time, their open times and instants. */
  private order: number[] = numbers(4);
  private sortedMs: number[] = numbers(4);
  private sortedAt: number[] = numbers(4);

  /** The scratch through which instants reach the calendar (see openTime.ts). */
  protected readonly io = new Float64Array(3);

  /** The instant of the last event applied; −∞ before the first. */
  last = Number.NEGATIVE_INFINITY;

  /** Appends a status from `last` to the history, reusing its storage. */
  protected mark(status: Status): void {
    const at = this.last;
    const i = this.segments++;
    if (i < this.times.length) {
      this.times[i] = at;
      this.statuses[i] = status;
    } else {
      this.times.push(at);
      this.statuses.push(status);
    }
  }

  /**
   * The first segment that can hold instant `at`: the last whose start is at or before it (0 when
   * none is), found by bisection, so that reading a late clock does not walk a long history from
   * its beginning. The segments before it all end at or before `at`.
   */
  protected segmentAt(at: number): number {
    const times = this.times;
    let lo = 0;
    let hi = this.segments - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Calls `visit` for each stretch of one status within `[c.start, min(end, upTo))`, in order.
   */
  forEachSegment(c: Clock, upTo: number, visit: (from: number, to: number, status: Status) => void): void {
    const stop = Math.min(c.end, upTo);
    const times = this.times;
    const n = this.segments;
    for (let i = this.segmentAt(c.start); i < n; i++) {
      const from = times[i]! > c.start ? times[i]! : c.start;
      const next = i + 1 < n ? times[i + 1]! : NONE;
      const to = next < stop ? next : stop;
      if (from < to) visit(from, to, this.statuses[i]!);
      if (next >= stop) return;
    }
  }

  /**
   * E(upTo), into `walked[2]`: the open time on `t`'s clock over the instants of `[c.start, upTo)`
   * at which `c` runs. With `count` non-decreasing `thresholds` (open times of at least 1 ms), also
   * the earliest instant at which E reaches each one reached by then, into `at`. Consecutive
   * stretches in which the clock runs (open, then waiting on a status the target does not pause
   * on) are measured as one: open time adds up, so the answer is the same, with fewer calendar
   * calls.
   */
  protected walk(
    c: Clock,
    t: EngineTarget,
    upTo: number,
    count = 0,
    thresholds?: readonly number[],
    at?: number[],
  ): void {
    // Math.min and the literal ∞ below, not `c.end < upTo ? c.end : upTo` and NONE: V8 would box
    // every instant that meets an argument or a module's constant in one value.
    const stop = Math.min(c.end, upTo);
    const times = this.times;
    const n = this.segments;
    const walked = this.walked;
    walked[2] = 0;
    this.passed = 0;
    let runFrom = Number.NaN; // the running stretch being gathered, [runFrom, runTo)
    let runTo = Number.NaN;
    for (let i = this.segmentAt(c.start); i < n; i++) {
      const next = i + 1 < n ? times[i + 1]! : Number.POSITIVE_INFINITY;
      if (next <= c.start) continue;
      const from = times[i]! > c.start ? times[i]! : c.start;
      const to = next < stop ? next : stop;
      const running = from < to && runsOn(this.statuses[i]!, t);
      if (running && from === runTo) runTo = to;
      else {
        if (runTo === runTo) {
          walked[0] = runFrom;
          walked[1] = runTo;
          this.stretch(t, count, thresholds, at);
        }
        runFrom = running ? from : Number.NaN;
        runTo = running ? to : Number.NaN;
      }
      if (next >= stop) break;
    }
    if (runTo === runTo) {
      walked[0] = runFrom;
      walked[1] = runTo;
      this.stretch(t, count, thresholds, at);
    }
  }

  /**
   * What {@link walk} passes to {@link stretch}, which V8 would box as arguments: the running
   * stretch `[walked[0], walked[1])`, and the open time gathered so far, `walked[2]`.
   */
  protected readonly walked = new Float64Array(3);
  /** Thresholds {@link walk} has passed so far. */
  private passed = 0;

  /** Adds the open time of the running stretch in {@link walked}, noting the thresholds it passes. */
  private stretch(t: EngineTarget, count: number, thresholds?: readonly number[], at?: number[]): void {
    const walked = this.walked;
    const from = walked[0]!;
    const acc = walked[2]!;
    const io = this.io;
    io[0] = from;
    io[1] = walked[1]!;
    openBetween(t, io);
    const len = io[2]!;
    while (this.passed < count && acc + len >= thresholds![this.passed]!) {
      io[0] = from;
      io[1] = thresholds![this.passed]! - acc;
      addOpen(t, io);
      at![this.passed] = io[2]!;
      this.passed++;
    }
    walked[2] = acc + len;
  }

  /**
   * The answer of a clock with a target at `now` (not before the last event applied), as a
   * reading (`E`, `state`, `due`, `stoppedAt`, `thresholdMs`, `thresholdAt`): one walk over the
   * status history finds the elapsed time and every threshold (and the target) reached by now. Of
   * the others, the due instant is projected from the stop or from now, and has none while the
   * clock is paused; a threshold is projected from now while the clock runs, and has none while it
   * is stopped or paused (even after its breach).
   */
  settle(c: Clock, now: number): ClockReading {
    const t = c.target!;
    const list = t.thresholds;
    const k = list.length;
    const r = this.reading;
    if (k >= r.thresholdMs.length) {
      r.thresholdMs = numbers(k + 1);
      r.thresholdAt = numbers(k + 1);
      this.order = numbers(k + 1);
      this.sortedMs = numbers(k + 1);
      this.sortedAt = numbers(k + 1);
    }
    const ms = r.thresholdMs;
    const at = r.thresholdAt;
    let increasing = true;
    const fixed = t.fixedThresholdMs;
    for (let j = 0; j < k; j++) {
      ms[j] = fixed !== null ? fixed[j]! : thresholdMs(c.ms, list[j]!);
      if (j > 0 && ms[j]! < ms[j - 1]!) increasing = false;
    }
    ms[k] = c.ms; // the target itself, last
    if (increasing && (k === 0 || ms[k - 1]! <= c.ms)) {
      // Warnings in order before the target (the common case): the walk fills the instants in place.
      for (let j = 0; j <= k; j++) at[j] = Number.NaN;
      this.walk(c, t, now, k + 1, ms, at);
    } else this.walkSorted(c, t, now, k);
    const E = this.walked[2]!;
    const solvedNow = this.status.category !== 'open';
    const stopped = c.end !== NONE || solvedNow;
    const stoppedAt = c.end !== NONE ? c.end : solvedNow ? Math.max(this.solvedSince, c.start) : Number.NaN;
    const paused = !stopped && !runsOn(this.status, t);
    // Not reached by now: the target projected from the stop or from now (none while paused), a
    // threshold from now while the clock runs.
    const io = this.io;
    for (let j = 0; j <= k; j++) {
      if (E >= ms[j]!) continue;
      if (j === k ? paused : stopped || paused) at[j] = Number.NaN;
      else {
        if (j === k && stopped) io[0] = stoppedAt;
        else io[0] = now; // not `… ? stoppedAt : now`: V8 would box stoppedAt to choose
        io[1] = ms[j]! - E;
        addOpen(t, io);
        at[j] = io[2]!;
      }
    }
    r.due = at[k]!;
    r.E = E;
    r.stoppedAt = stoppedAt;
    r.state = E > c.ms ? BREACHED : stopped ? ACHIEVED : paused ? PAUSED : RUNNING;
    return r;
  }

  /**
   * The walk of {@link settle} for thresholds out of order, or beyond the target: over their
   * open times sorted (a stable insertion sort; there are few), the instants put back in place.
   */
  private walkSorted(c: Clock, t: EngineTarget, now: number, k: number): void {
    const ms = this.reading.thresholdMs;
    const order = this.order;
    const sorted = this.sortedMs;
    for (let j = 0; j <= k; j++) {
      let i = j;
      while (i > 0 && ms[order[i - 1]!]! > ms[j]!) {
        order[i] = order[i - 1]!;
        i--;
      }
      order[i] = j;
    }
    for (let i = 0; i <= k; i++) {
      sorted[i] = ms[order[i]!]!;
      this.sortedAt[i] = Number.NaN;
    }
    this.walk(c, t, now, k + 1, sorted, this.sortedAt);
    for (let i = 0; i <= k; i++) this.reading.thresholdAt[order[i]!] = this.sortedAt[i]!;
  }
}
