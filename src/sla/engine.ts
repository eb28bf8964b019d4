import { numberArray, refArray } from '../internal/arrays.js';
import {
  type Clock,
  type EngineEvent,
  type EngineTarget,
  type Metric,
  NO_TARGETS,
  OPEN_STATUS,
  type TargetSet,
  targetsOf,
} from './clockTypes.js';
import { targetMs } from './clockStates.js';
import { StatusHistory } from './statusHistory.js';

/**
 * The SLA clock engine: every clock of one ticket, fed one validated event at a time, by the
 * semantics of `docs/sla.md` (the shared SLA conformance contract, versions 1 and 2, generalised to
 * several targets per metric and targets that change clock and pause statuses). `measure`,
 * `advance`, `measureMany` and the conformance runner all run this one engine.
 */

const NONE = Number.POSITIVE_INFINITY;

/**
 * The mutable engine behind the immutable API: `advance` applies events to the engine of the
 * newest state of a ticket and rebuilds one for an older state (`advance.ts`). A batch resets one
 * engine per ticket: its arrays and clock objects are reused, so measuring a ticket allocates
 * little besides its result.
 */
export class ClockEngine extends StatusHistory {
  agentReplied = false;
  /** The instant the clocks {@link open} and {@link push} add start at. */
  private opening = Number.NaN;
  targets: TargetSet = NO_TARGETS;
  /** Follow-up cycles opened so far, whether the last one is still open, and its start. */
  followUps = 0;
  followUpOpen = false;
  followUpStart = Number.NaN;
  /** Periodic-update cycles opened so far, and the start of the open one (each agent reply opens the next). */
  updates = 0;
  updateStart = Number.NaN;
  /**
   * The clocks opened so far are the first `clockCount`, in the order they opened. Those after them
   * are clock objects of an earlier ticket, reused by {@link open} (a batch resets one engine per
   * ticket).
   */
  readonly clocks: Clock[] = refArray();
  clockCount = 0;
  /**
   * The indices of the clocks that have not ended, in increasing order (the first `liveCount`):
   * a reply or a re-target visits these, never the ended clocks, so a ticket with thousands of
   * cycles costs the same per event as a new one.
   */
  private readonly live: number[] = numberArray();
  private liveCount = 0;
  /** Whether some metric and cycle has more than one clock (several targets of a metric): results then need sorting. */
  crowded = false;
  /** The ticket's next change (its `nextCheckAt`, +∞ for none), as `settleTargets` (results.ts) left it. */
  nextChange = Number.POSITIVE_INFINITY;

  /** Forgets every event: the engine is as new, its storage kept. */
  reset(): void {
    this.segments = 0;
    this.status = OPEN_STATUS;
    this.solvedSince = Number.NEGATIVE_INFINITY;
    this.agentReplied = false;
    this.last = Number.NEGATIVE_INFINITY;
    this.targets = NO_TARGETS;
    this.followUps = 0;
    this.followUpOpen = false;
    this.followUpStart = Number.NaN;
    this.updates = 0;
    this.updateStart = Number.NaN;
    this.clockCount = 0;
    this.liveCount = 0;
    this.crowded = false;
  }

  /**
   * Applies one event; `at` never decreases and the first event is `created` (checked by callers).
   * The event's instant reaches the methods it calls through fields (`last`, `opening`), not as an
   * argument: V8 boxes a number that is not a small integer (an epoch ms) each time it passes a
   * call it does not inline, a heap object per event.
   */
  apply(e: EngineEvent): void {
    this.last = e.at;
    switch (e.kind) {
      case 'created':
        this.targets = e.targets;
        this.status = e.status;
        this.mark(e.status);
        this.opening = e.at;
        this.open('firstResponse', 0);
        this.open('resolution', 0);
        return;
      case 'status': {
        const s = e.status;
        if (s.category !== 'open') {
          if (this.status.category === 'open') this.solvedSince = e.at;
        } else this.solvedSince = Number.NEGATIVE_INFINITY;
        this.status = s;
        if (this.segments > 0 && this.times[this.segments - 1] === e.at) this.statuses[this.segments - 1] = s;
        else this.mark(s);
        return;
      }
      case 'agent':
        this.agentReply();
        return;
      case 'customer':
        // Opens a follow-up cycle once an agent has replied, unless one is open.
        if (!this.agentReplied || this.followUpOpen) return;
        this.followUpOpen = true;
        this.followUpStart = e.at;
        this.opening = e.at;
        this.open('followUp', ++this.followUps);
        return;
      case 'automatic':
        return;
      case 'retarget':
        this.retarget(e.targets);
    }
  }

  /**
   * Ends the first response and the open follow-up cycle; ends the open periodic-update cycle and
   * opens the next (several agent replies at one instant act as one). The reply is at `last`.
   */
  private agentReply(): void {
    const at = this.last;
    this.agentReplied = true;
    this.followUpOpen = false;
    const renews = this.updateStart !== at;
    const live = this.live;
    let kept = 0;
    for (let k = 0; k < this.liveCount; k++) {
      const c = this.clocks[live[k]!]!;
      if (c.metric === 'resolution' || (c.metric === 'periodicUpdate' && !renews)) live[kept++] = live[k]!;
      else c.end = at;
    }
    this.liveCount = kept;
    if (renews) {
      this.updateStart = at;
      this.opening = at;
      this.open('periodicUpdate', ++this.updates);
    }
  }

  /**
   * A new target set at `last`: every clock that has not ended and is not breached measures its
   * target's namesake in the set (none when the set has no target with its id), from its original
   * start; a target the set adds gets a clock beside those of its metric's open cycle. Ended and
   * breached clocks keep their targets: a breach is never undone.
   */
  private retarget(set: TargetSet): void {
    const live = this.live;
    const n = this.liveCount;
    for (let k = 0; k < n; k++) {
      const c = this.clocks[live[k]!]!;
      if (c.target !== undefined) {
        this.walk(c, c.target, this.last);
        if (this.walked[2]! > c.ms) continue;
      }
      const next = c.slot === '' ? undefined : byId(targetsOf(set, c.metric), c.slot);
      c.target = next;
      this.io[0] = c.start;
      c.ms = next === undefined ? 0 : targetMs(next, this.io);
    }
    // The open cycles without clocks (no target of their metric was in force when they opened).
    this.targets = set; // open() reads the set in force
    if (this.followUpOpen && set.followUp.length > 0 && this.findLive('followUp', this.followUps) < 0) {
      this.opening = this.followUpStart;
      this.open('followUp', this.followUps);
    }
    if (this.updates > 0 && set.periodicUpdate.length > 0 && this.findLive('periodicUpdate', this.updates) < 0) {
      this.opening = this.updateStart;
      this.open('periodicUpdate', this.updates);
    }
    // Targets the set adds to an open group (a metric and cycle whose clocks have not ended).
    for (let k = 0; k < n; k++) {
      const c = this.clocks[live[k]!]!;
      // Each open group once: at its first clock.
      if (this.findLive(c.metric, c.cycle, undefined, 0, k) >= 0) continue;
      const list = targetsOf(set, c.metric);
      for (let j = 0; j < list.length; j++) {
        const t = list[j]!;
        if (this.findLive(c.metric, c.cycle, t.id, k) >= 0) continue;
        const spare = this.clocks[this.findLive(c.metric, c.cycle, '', k)];
        if (spare !== undefined) {
          spare.slot = t.id;
          spare.target = t;
          this.io[0] = spare.start;
          spare.ms = targetMs(t, this.io);
        } else {
          this.opening = c.start;
          this.io[0] = c.start;
          this.push(c.metric, c.cycle, t.id, t, targetMs(t, this.io));
          this.crowded = true;
        }
      }
    }
  }

  /**
   * The index of the first clock that has not ended among live entries `[from, to)`, of a metric's
   * cycle (of a target, when `slot` is given: `''` for one kept for timing only); −1 for none. The
   * clocks of an open cycle have not ended, so they are all live.
   */
  private findLive(metric: Metric, cycle: number, slot?: string, from = 0, to = this.liveCount): number {
    for (let k = from; k < to; k++) {
      const d = this.clocks[this.live[k]!]!;
      if (d.metric === metric && d.cycle === cycle && (slot === undefined || d.slot === slot)) return this.live[k]!;
    }
    return -1;
  }

  /**
   * Opens a metric's clocks at `opening`: one per target in force. Without any, first response and
   * resolution get one clock without a target, to keep their timing; a cycle gets none (its start
   * and number are kept by the engine, and a re-target that brings a target opens its clocks).
   */
  private open(metric: Metric, cycle: number): void {
    const list = targetsOf(this.targets, metric);
    if (list.length === 0 && cycle === 0) this.push(metric, cycle, '', undefined, 0);
    if (list.length > 1) this.crowded = true;
    for (let j = 0; j < list.length; j++) {
      const t = list[j]!;
      this.io[0] = this.opening;
      this.push(metric, cycle, t.id, t, targetMs(t, this.io));
    }
  }

  /** Appends a clock starting at `opening`, reusing a clock object of an earlier ticket when there is one. */
  private push(metric: Metric, cycle: number, slot: string, target: EngineTarget | undefined, ms: number) {
    const at = this.opening;
    const i = this.clockCount++;
    if (this.liveCount < this.live.length) this.live[this.liveCount] = i;
    else this.live.push(i);
    this.liveCount++;
    const c = this.clocks[i];
    if (c === undefined) this.clocks.push({ metric, start: at, end: NONE, cycle, slot, target, ms });
    else {
      c.metric = metric;
      c.start = at;
      c.end = NONE;
      c.cycle = cycle;
      c.slot = slot;
      c.target = target;
      c.ms = ms;
    }
  }

  /** The clocks opened so far, as a new list. */
  openClocks(): Clock[] {
    return this.clocks.slice(0, this.clockCount);
  }
}

/** The target with id `id` in a list, if any. */
function byId(list: readonly EngineTarget[], id: string): EngineTarget | undefined {
  for (let j = 0; j < list.length; j++) if (list[j]!.id === id) return list[j];
  return undefined;
}
