import type { BusinessCalendar } from '../calendar/BusinessCalendar.js';

/**
 * The data the SLA clock engine (`engine.ts`) works on: targets, validated events, clocks, and
 * what a clock answers.
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
  readonly duration:
    { readonly kind: 'time'; readonly ms: number } | { readonly kind: 'businessDays'; readonly days: number };
  readonly warnAtPercent: readonly number[];
  readonly info: I;
}

/** The targets in force: at most one per metric (made by {@link targetSet}). */
export type TargetSet = Readonly<Record<Metric, EngineTarget | undefined>>;

/** What an event does to the clocks. */
export type EventKind = 'created' | 'agent' | 'customer' | 'automatic' | 'status' | 'retarget';

/**
 * A validated event, reduced to what the clocks need: `status` matters for `status` events,
 * `targets` for `created` and `retarget`. One shape for every kind, so that a reader can refill
 * one object per event instead of allocating a new one (the batch path reads a million events).
 */
export interface EngineEvent {
  at: number;
  kind: EventKind;
  status: TicketStatus;
  targets: TargetSet;
}

/**
 * A target set with all three metrics as own properties (`undefined` where none): every set has
 * one shape, so the engine's lookups stay fast whichever policy the sets come from.
 */
export function targetSet(targets: Partial<Record<Metric, EngineTarget>>): TargetSet {
  return Object.freeze({
    firstResponse: targets.firstResponse,
    followUp: targets.followUp,
    resolution: targets.resolution,
  });
}

/** The target a set has for a metric. */
export function targetOf(set: TargetSet, metric: Metric): EngineTarget | undefined {
  return metric === 'firstResponse' ? set.firstResponse : metric === 'followUp' ? set.followUp : set.resolution;
}

/** No targets: the set of an event that sets none. */
export const NO_TARGETS: TargetSet = targetSet({});

/** A new engine event (the fields a kind does not use take neutral values). */
export function engineEvent(
  at: number,
  kind: EventKind,
  status: TicketStatus = 'open',
  targets: TargetSet = NO_TARGETS,
): EngineEvent {
  return { at, kind, status, targets };
}

/** One clock: first response, resolution, or one follow-up cycle. */
export interface Clock {
  metric: Metric;
  start: number;
  /** The instant of the reply that ended it; +∞ while it has not ended. */
  end: number;
  /** Follow-up cycles count from 1; other clocks are 0. */
  cycle: number;
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
