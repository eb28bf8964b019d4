import type { BusinessCalendar } from '../calendar/BusinessCalendar.js';
import type { CalendarTables } from '../calendar/tables.js';
import type { Metric, StatusCategory } from './types.js';

export type { Metric, StatusCategory } from './types.js';

/**
 * The data the SLA clock engine (`engine.ts`) works on: statuses, targets, validated events,
 * clocks, and what a clock answers.
 */

/** The metrics in the order results list them. */
export const METRICS: readonly Metric[] = Object.freeze(['firstResponse', 'followUp', 'periodicUpdate', 'resolution']);

/** A status of a vocabulary, as the engine sees it: one object per name, compared by identity. */
export interface Status {
  readonly name: string;
  readonly category: StatusCategory;
}

/** A warning or escalation threshold: a percentage of the target, or open time past it. */
export interface EngineThreshold {
  readonly id: string;
  readonly kind: 'percent' | 'after';
  readonly value: number;
}

/** A target as the engine measures it; `info` is carried to the result untouched. */
export interface EngineTarget<I = unknown> {
  /** Tells apart the targets of one metric: a re-targeted clock keeps measuring the target with its id. */
  readonly id: string;
  readonly metric: Metric;
  /** `null`: the 24/7 clock. */
  readonly calendar: BusinessCalendar | null;
  /** The calendar's tables, which the engine calls directly (`null` with the 24/7 clock). */
  readonly tables: CalendarTables | null;
  /** The `open`-category statuses the clock pauses on. */
  readonly pauseOn: readonly string[];
  readonly duration:
    { readonly kind: 'time'; readonly ms: number } | { readonly kind: 'businessDays'; readonly days: number };
  readonly thresholds: readonly EngineThreshold[];
  /**
   * For a duration in time, each threshold's open time, worked out once (`thresholdMs`): settling
   * reads them for every clock. `null` for business days, whose open time depends on the start.
   */
  readonly fixedThresholdMs: readonly number[] | null;
  /**
   * When the clock is chosen per ticket (by a field or by the account): how. `calendar` is then
   * the clock used otherwise, and `clockChoice.ts` makes the ticket's variant.
   */
  readonly choice:
    | { readonly from: 'field'; readonly field: string; readonly calendars: Readonly<Record<string, string>> }
    | { readonly from: 'account' }
    | undefined;
  readonly info: I;
}

/** The targets in force, per metric, in the policy's order (made by {@link targetSet}). */
export type TargetSet = Readonly<Record<Metric, readonly EngineTarget[]>> & {
  /** Whether a target's clock is chosen per ticket (`clockChoice.ts` then makes the ticket's variant). */
  readonly chooses: boolean;
};

/** What an event does to the clocks. */
export type EventKind = 'created' | 'agent' | 'customer' | 'automatic' | 'status' | 'retarget';

/**
 * A validated event, reduced to what the clocks need: `status` matters for `created` (the initial
 * status) and `status` events, `targets` for `created` and `retarget`. One shape for every kind, so
 * that a reader can refill one object per event instead of allocating a new one (the batch path
 * reads a million events).
 */
export interface EngineEvent {
  at: number;
  kind: EventKind;
  status: Status;
  targets: TargetSet;
}

const NONE: readonly EngineTarget[] = Object.freeze([]);

/**
 * A target set with every metric as an own property (an empty list where none): every set has one
 * shape, so the engine's lookups stay fast whichever policy the sets come from.
 */
export function targetSet(targets: Partial<Record<Metric, readonly EngineTarget[]>>, chooses = false): TargetSet {
  const list = (m: Metric) => {
    const l = targets[m];
    return l === undefined || l.length === 0 ? NONE : Object.freeze([...l]);
  };
  return Object.freeze({
    firstResponse: list('firstResponse'),
    followUp: list('followUp'),
    periodicUpdate: list('periodicUpdate'),
    resolution: list('resolution'),
    chooses,
  });
}

/** A metric's targets in a set, read by name (a keyed read by a variable metric is slower in hot code). */
export function targetsOf(set: TargetSet, metric: Metric): readonly EngineTarget[] {
  return metric === 'firstResponse'
    ? set.firstResponse
    : metric === 'resolution'
      ? set.resolution
      : metric === 'followUp'
        ? set.followUp
        : set.periodicUpdate;
}

/** No targets: the set of an event that sets none. */
export const NO_TARGETS: TargetSet = targetSet({});

/** The default status vocabulary's `open` status (also the engine's status before `created`). */
export const OPEN_STATUS: Status = Object.freeze({ name: 'open', category: 'open' });

/** A new engine event (the fields a kind does not use take neutral values). */
export function engineEvent(
  at: number,
  kind: EventKind,
  status: Status = OPEN_STATUS,
  targets: TargetSet = NO_TARGETS,
): EngineEvent {
  return { at, kind, status, targets };
}

/**
 * One clock: the first response, resolution, one follow-up or periodic-update cycle — for one
 * target of its metric. The clocks of one metric and cycle (one per target, or one without a
 * target) share their start and end.
 */
export interface Clock {
  metric: Metric;
  start: number;
  /** The instant of the reply that ended it; +∞ while it has not ended. */
  end: number;
  /** Follow-up and periodic-update cycles count from 1; other clocks are 0. */
  cycle: number;
  /** The id of the target it measures; `''` for a clock kept for its timing only (no target of its metric). */
  slot: string;
  target: EngineTarget | undefined;
  /** The target as open time on its clock, fixed at the clock's start for business days. */
  ms: number;
}

/** One clock's answer at `now`. */
export interface ClockOutcome {
  readonly state: 'running' | 'paused' | 'achieved' | 'breached';
  readonly due: number | null;
  readonly stoppedAt: number | null;
  readonly elapsed: number;
  readonly remaining: number;
  readonly breachedBy: number;
  /** Per threshold of the target, in its order: reached (past), projected, or `null`. */
  readonly thresholds: readonly (number | null)[];
}
