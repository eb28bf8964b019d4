import type { BusinessCalendar } from '../calendar/BusinessCalendar.js';
import { argumentError } from '../errors.js';
import {
  type Clock,
  type ClockOutcome,
  engineEvent,
  targetSet,
  type Metric,
  type PauseStatus,
  type TargetSet,
  type TicketStatus,
} from './clockTypes.js';
import { ClockEngine } from './engine.js';
import { clockOutcome } from './outcome.js';

/**
 * The conformance vectors' view of the SLA clock engine (`engine.ts`): one target, given as
 * milliseconds, over one ticket timeline whose severity events carry the new target. The
 * conformance runner calls it; `measure` runs the same engine on a policy's targets.
 */

export type TimelineEvent =
  | { readonly at: number; readonly type: 'created' }
  | { readonly at: number; readonly type: 'reply'; readonly author: 'agent' | 'customer' | 'automatic' }
  | { readonly at: number; readonly type: 'status'; readonly status: TicketStatus }
  | { readonly at: number; readonly type: 'severity'; readonly targetMs: number };

export interface ClockTarget {
  readonly metric: Metric;
  readonly ms: number;
  readonly pauseOn: readonly PauseStatus[];
}

/** One clock's answer in the conformance vectors' shape: the engine's, without warnings. */
export type ClockResult = Omit<ClockOutcome, 'warnings'>;

export type ClockMeasurement = ClockResult | { readonly cycles: readonly (ClockResult & { readonly start: number })[] };

const STATUSES = new Set(['open', 'waiting_on_customer', 'on_hold', 'solved']);
const AUTHORS = new Set(['agent', 'customer', 'automatic']);

/** Refuses a field of the target or timeline: `expected` completes "expected …". */
function bad(path: (string | number)[], expected: string, value: unknown): never {
  throw argumentError('invalid_event', path, expected, value);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Checks a target and a whole timeline (before anything is measured). @internal */
export function checkTimeline(
  target: unknown,
  events: unknown,
  now: unknown,
): { target: ClockTarget; events: TimelineEvent[]; now: number } {
  const t = target as Partial<ClockTarget> | null;
  if (typeof t !== 'object' || t === null) bad(['target'], 'a target object', target);
  if (t.metric !== 'firstResponse' && t.metric !== 'followUp' && t.metric !== 'resolution')
    bad(['target', 'metric'], 'firstResponse, followUp or resolution', t.metric);
  if (!isInt(t.ms) || t.ms < 1) bad(['target', 'ms'], 'a whole number of milliseconds ≥ 1', t.ms);
  const pauseOn = t.pauseOn ?? [];
  if (!Array.isArray(pauseOn) || pauseOn.some((s) => s !== 'waiting_on_customer' && s !== 'on_hold'))
    bad(['target', 'pauseOn'], 'waiting_on_customer and/or on_hold', pauseOn);
  if (!Array.isArray(events) || events.length === 0) bad(['events'], 'a timeline starting with "created"', events);
  const list = events as Record<string, unknown>[];
  list.forEach((e, i) => {
    if (typeof e !== 'object' || e === null) bad(['events', i], 'an event object', e);
    if (!isInt(e['at'])) bad(['events', i, 'at'], 'integer epoch milliseconds', e['at']);
    if (i > 0 && (e['at'] as number) < (list[i - 1]!['at'] as number))
      bad(['events', i, 'at'], 'events in time order', e['at']);
    if ((e['type'] === 'created') !== (i === 0))
      bad(
        ['events', i, 'type'],
        i === 0 ? 'the timeline to start with "created"' : 'a single "created", first',
        e['type'],
      );
    switch (e['type']) {
      case 'created':
        break;
      case 'reply':
        if (!AUTHORS.has(e['author'] as string))
          bad(['events', i, 'author'], 'agent, customer or automatic', e['author']);
        break;
      case 'status':
        if (!STATUSES.has(e['status'] as string))
          bad(['events', i, 'status'], 'open, waiting_on_customer, on_hold or solved', e['status']);
        break;
      case 'severity':
        if (!isInt(e['targetMs']) || (e['targetMs'] as number) < 1)
          bad(['events', i, 'targetMs'], 'a whole number of milliseconds ≥ 1', e['targetMs']);
        break;
      default:
        bad(['events', i, 'type'], 'created, reply, status or severity', e['type']);
    }
  });
  if (!isInt(now) || now < (list[0]!['at'] as number))
    bad(['now'], 'integer epoch milliseconds, not before the ticket was created', now);
  return {
    target: { metric: t.metric, ms: t.ms, pauseOn: pauseOn as PauseStatus[] },
    events: list as unknown as TimelineEvent[],
    now,
  };
}

/**
 * Measures one SLA target over one ticket timeline on a calendar (`null`: the 24/7 clock), in the
 * shape of the conformance vectors.
 * @throws InvalidArgumentError `invalid_event` for a malformed target or timeline; CalculationError
 *   `never_open` for a calendar that is never open
 * @internal
 */
export function measureClock(
  calendar: BusinessCalendar | null,
  rawTarget: unknown,
  rawEvents: unknown,
  rawNow: unknown,
): ClockMeasurement {
  const { target, events, now } = checkTimeline(rawTarget, rawEvents, rawNow);
  if (calendar !== null) calendar.nextOpening(events[0]!.at); // refuses a never-open calendar
  const withMs = (ms: number): TargetSet =>
    targetSet({
      [target.metric]: {
        metric: target.metric,
        calendar,
        pauseOn: target.pauseOn,
        duration: { kind: 'time', ms },
        warnAtPercent: [],
        info: null,
      },
    });
  const engine = new ClockEngine();
  for (const e of events) {
    if (e.at > now) break;
    engine.apply(
      e.type === 'created'
        ? engineEvent(e.at, 'created', 'open', withMs(target.ms))
        : e.type === 'reply'
          ? engineEvent(e.at, e.author)
          : e.type === 'status'
            ? engineEvent(e.at, 'status', e.status)
            : engineEvent(e.at, 'retarget', 'open', withMs(e.targetMs)),
    );
  }
  const resultOf = (c: Clock): ClockResult => {
    const { warnings: _, ...rest } = clockOutcome(engine, c, now);
    return rest;
  };
  const clocks = engine.openClocks().filter((c) => c.metric === target.metric);
  if (target.metric === 'followUp') return { cycles: clocks.map((c) => ({ start: c.start, ...resultOf(c) })) };
  return resultOf(clocks[0]!);
}
