import type { BusinessCalendar } from '../calendar/BusinessCalendar.js';

/**
 * The SLA clock engine: every clock of one ticket, fed one validated event at a time, by the
 * semantics of `docs/sla.md` (the shared SLA conformance contract, generalised to targets that
 * change clock and pause statuses). `measure`, `advance`, `measureMany` and the conformance runner
 * all run this one engine.
 */

/** What a target measures. */
export type Metric = 'firstResponse' | 'followUp' | 'resolution';
/** A status a target may pause on. */
export type PauseStatus = 'waiting_on_customer' | 'on_hold';
/** A ticket's status, as the clocks see it (`reopened` is read as `open`). */
export type TicketStatus = 'open' | PauseStatus | 'solved';

/** A target as the engine measures it; `info` is carried to the result untouched. */
export interface EngineTarget<I = unknown> {
  readonly metric: Metric;
  /** `null`: the 24/7 clock. */
  readonly calendar: BusinessCalendar | null;
  readonly pauseOn: readonly PauseStatus[];
  readonly duration: { readonly kind: 'time'; readonly ms: number } | { readonly kind: 'businessDays'; readonly days: number };
  readonly warnAtPercent: readonly number[];
  readonly info: I;
}

/** The targets in force: at most one per metric. */
export type TargetSet = Readonly<Partial<Record<Metric, EngineTarget>>>;

/** A validated event, reduced to what the clocks need. */
export type EngineEvent =
  | { readonly at: number; readonly kind: 'created'; readonly targets: TargetSet }
  | { readonly at: number; readonly kind: 'agent' | 'customer' | 'automatic' }
  | { readonly at: number; readonly kind: 'status'; readonly status: TicketStatus }
  | { readonly at: number; readonly kind: 'retarget'; readonly targets: TargetSet };

/** One clock: first response, resolution, or one follow-up cycle. */
export interface Clock {
  readonly metric: Metric;
  readonly start: number;
  /** The instant of the reply that ended it. */
  end: number | undefined;
  /** Follow-up cycles count from 1; other clocks are 0. */
  readonly cycle: number;
  target: EngineTarget | undefined;
  /** The target as open time on its clock, fixed at the clock's start for business days. */
  ms: number;
}

/** A warning threshold: reached (in the past), projected (running), or not due (stopped, paused). */
export interface WarningOutcome {
  readonly percent: number;
  readonly elapsedMs: number;
  readonly at: number | null;
  readonly reached: boolean;
}

/** One clock's answer at `now`. */
export interface ClockOutcome {
  readonly state: 'running' | 'paused' | 'achieved' | 'breached';
  readonly due: number | null;
  readonly stoppedAt: number | null;
  readonly elapsed: number;
  readonly remaining: number;
  readonly breachedBy: number;
  readonly warnings: readonly WarningOutcome[];
}

const DAY_MS = 86_400_000;

const runsOn = (status: TicketStatus, t: EngineTarget) => status !== 'solved' && !t.pauseOn.includes(status as PauseStatus);
const between = (t: EngineTarget, a: number, b: number) => (t.calendar === null ? b - a : t.calendar.between(a, b));
const addOn = (t: EngineTarget, at: number, ms: number) => (t.calendar === null ? at + ms : t.calendar.add(at, ms));

/** The target's duration as open time from `start`: business days are counted from there. */
export function targetMs(t: EngineTarget, start: number): number {
  if (t.duration.kind === 'time') return t.duration.ms;
  if (t.calendar === null) return t.duration.days * DAY_MS;
  return Math.max(1, t.calendar.between(start, t.calendar.addBusinessDays(start, t.duration.days)));
}

/**
 * The mutable engine behind the immutable API: callers clone it before applying an event to a
 * state someone else holds.
 */
export class ClockEngine {
  /** Status history: `statuses[i]` holds from `times[i]` (after every event at that instant). */
  times: number[] = [];
  statuses: TicketStatus[] = [];
  status: TicketStatus = 'open';
  solvedSince: number | undefined = undefined;
  agentReplied = false;
  last = Number.NEGATIVE_INFINITY;
  targets: TargetSet = {};
  clocks: Clock[] = [];

  clone(): ClockEngine {
    const copy = new ClockEngine();
    copy.targets = this.targets;
    copy.times = this.times.slice();
    copy.statuses = this.statuses.slice();
    copy.status = this.status;
    copy.solvedSince = this.solvedSince;
    copy.agentReplied = this.agentReplied;
    copy.last = this.last;
    copy.clocks = this.clocks.map((c) => ({ ...c }));
    return copy;
  }

  /** Applies one event; `at` never decreases and the first event is `created` (checked by callers). */
  apply(e: EngineEvent): void {
    this.last = e.at;
    switch (e.kind) {
      case 'created':
        this.targets = e.targets;
        this.times.push(e.at);
        this.statuses.push('open');
        this.open('firstResponse', e.at, 0);
        this.open('resolution', e.at, 0);
        return;
      case 'status':
        if (e.status === 'solved') {
          if (this.status !== 'solved') this.solvedSince = e.at;
        } else this.solvedSince = undefined;
        this.status = e.status;
        if (this.times[this.times.length - 1] === e.at) this.statuses[this.statuses.length - 1] = e.status;
        else {
          this.times.push(e.at);
          this.statuses.push(e.status);
        }
        return;
      case 'agent':
        this.agentReplied = true;
        for (const c of this.clocks) if (c.metric !== 'resolution' && c.end === undefined) c.end = e.at;
        return;
      case 'customer': {
        if (!this.agentReplied) return;
        let cycles = 0;
        for (const c of this.clocks) {
          if (c.metric !== 'followUp') continue;
          if (c.end === undefined) return;
          cycles += 1;
        }
        this.open('followUp', e.at, cycles + 1);
        return;
      }
      case 'automatic':
        return;
      case 'retarget':
        // From the original start, for every clock that has not ended and is not breached.
        for (const c of this.clocks) {
          if (c.end !== undefined) continue;
          if (c.target !== undefined && this.elapsed(c, c.target, e.at) > c.ms) continue;
          const next = e.targets[c.metric];
          c.target = next;
          c.ms = next === undefined ? 0 : targetMs(next, c.start);
        }
        this.targets = e.targets;
    }
  }

  private open(metric: Metric, at: number, cycle: number): void {
    const target = this.targets[metric];
    this.clocks.push({ metric, start: at, end: undefined, cycle, target, ms: target === undefined ? 0 : targetMs(target, at) });
  }

  /**
   * Calls `visit` for each stretch of one status within `[c.start, min(end, upTo))`, in order.
   */
  forEachSegment(c: Clock, upTo: number, visit: (from: number, to: number, status: TicketStatus) => void): void {
    const stop = c.end === undefined ? upTo : Math.min(c.end, upTo);
    const times = this.times;
    for (let i = 0; i < times.length; i++) {
      const from = times[i]! > c.start ? times[i]! : c.start;
      const next = i + 1 < times.length ? times[i + 1]! : Number.POSITIVE_INFINITY;
      const to = next < stop ? next : stop;
      if (from < to) visit(from, to, this.statuses[i]!);
      if (next >= stop) return;
    }
  }

  /** E(x): the open time on `t`'s clock over the instants of `[c.start, x)` at which `c` runs. */
  elapsed(c: Clock, t: EngineTarget, upTo: number): number {
    return this.walk(c, t, upTo, Number.POSITIVE_INFINITY);
  }

  /** The earliest instant x ≤ upTo with E(x) = w, if E reaches w by then (w ≥ 1). */
  instantAt(c: Clock, t: EngineTarget, w: number, upTo: number): number | undefined {
    const found = this.walk(c, t, upTo, w);
    return Number.isNaN(found) ? undefined : found;
  }

  /**
   * Sums the running open time of `c` up to `upTo`; when the sum reaches `w`, returns the
   * instant it did instead (NaN when it never does, with `w` finite). One loop for
   * both, without callbacks: this is the hot path of batch measurement.
   */
  private walk(c: Clock, t: EngineTarget, upTo: number, w: number): number {
    const stop = c.end === undefined || c.end > upTo ? upTo : c.end;
    const times = this.times;
    const n = times.length;
    let acc = 0;
    for (let i = 0; i < n; i++) {
      const next = i + 1 < n ? times[i + 1]! : Number.POSITIVE_INFINITY;
      if (next <= c.start) continue;
      const from = times[i]! > c.start ? times[i]! : c.start;
      const to = next < stop ? next : stop;
      if (from < to && runsOn(this.statuses[i]!, t)) {
        const len = between(t, from, to);
        if (acc + len >= w) return addOn(t, from, w - acc);
        acc += len;
      }
      if (next >= stop) break;
    }
    return w === Number.POSITIVE_INFINITY ? acc : Number.NaN;
  }

  /** Where the clock reaches `w`: in the past, from its stop, or from now; never while paused. */
  private reach(c: Clock, t: EngineTarget, w: number, E: number, now: number, stoppedAt: number | null, paused: boolean): number | null {
    if (E >= w) return this.instantAt(c, t, w, now)!;
    if (stoppedAt !== null) return addOn(t, stoppedAt, w - E);
    return paused ? null : addOn(t, now, w - E);
  }

  /** The answer of a clock with a target at `now` (not before the last event applied). */
  outcome(c: Clock, now: number): ClockOutcome {
    const t = c.target!;
    const E = this.elapsed(c, t, now);
    const solvedNow = this.status === 'solved';
    const stopped = c.end !== undefined || solvedNow;
    const stoppedAt = c.end !== undefined ? c.end : solvedNow ? Math.max(this.solvedSince ?? c.start, c.start) : null;
    const paused = !stopped && !runsOn(this.status, t);
    const warnings: WarningOutcome[] = [];
    for (const percent of t.warnAtPercent) {
      const w = Math.max(1, Math.ceil((c.ms * percent) / 100));
      const reached = E >= w;
      warnings.push({ percent, elapsedMs: w, at: reached || !stopped ? this.reach(c, t, w, E, now, stoppedAt, paused) : null, reached });
    }
    return {
      state: E > c.ms ? 'breached' : stopped ? 'achieved' : paused ? 'paused' : 'running',
      due: this.reach(c, t, c.ms, E, now, stoppedAt, paused),
      stoppedAt,
      elapsed: E,
      remaining: Math.max(0, c.ms - E),
      breachedBy: Math.max(0, E - c.ms),
      warnings,
    };
  }
}
