import type { BusinessCalendar } from '../calendar/BusinessCalendar.js';
import { formatPath, InvalidArgumentError } from '../errors.js';
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

function bad(path: (string | number)[], message: string, value?: unknown): never {
  throw new InvalidArgumentError('invalid_event', path, `${formatPath(path)}: ${message}`, value);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Checks a target and a whole timeline (before anything is measured). @internal */
export function checkTimeline(
  target: unknown,
  events: unknown,
  now: unknown,
): { target: ClockTarget; events: TimelineEvent[]; now: number } {
  const t = target as Partial<ClockTarget> | null;
  if (typeof t !== 'object' || t === null) bad(['target'], 'expected a target object', target);
  if (t.metric !== 'firstResponse' && t.metric !== 'followUp' && t.metric !== 'resolution')
    bad(
      ['target', 'metric'],
      `expected firstResponse, followUp or resolution, got ${JSON.stringify(t.metric)}`,
      t.metric,
    );
  if (!isInt(t.ms) || t.ms < 1)
    bad(['target', 'ms'], `expected a whole number of milliseconds ≥ 1, got ${String(t.ms)}`, t.ms);
  const pauseOn = t.pauseOn ?? [];
  if (!Array.isArray(pauseOn) || pauseOn.some((s) => s !== 'waiting_on_customer' && s !== 'on_hold'))
    bad(['target', 'pauseOn'], `expected waiting_on_customer and/or on_hold, got ${JSON.stringify(pauseOn)}`, pauseOn);
  if (!Array.isArray(events) || events.length === 0)
    bad(['events'], 'expected a timeline starting with "created"', events);
  const list = events as Record<string, unknown>[];
  list.forEach((e, i) => {
    if (typeof e !== 'object' || e === null) bad(['events', i], 'expected an event object', e);
    if (!isInt(e['at']))
      bad(['events', i, 'at'], `expected integer epoch milliseconds, got ${String(e['at'])}`, e['at']);
    if (i > 0 && (e['at'] as number) < (list[i - 1]!['at'] as number))
      bad(['events', i, 'at'], 'expected events in time order', e['at']);
    if ((e['type'] === 'created') !== (i === 0))
      bad(
        ['events', i, 'type'],
        i === 0 ? 'expected the timeline to start with "created"' : 'expected a single "created", first',
        e['type'],
      );
    switch (e['type']) {
      case 'created':
        break;
      case 'reply':
        if (!AUTHORS.has(e['author'] as string))
          bad(
            ['events', i, 'author'],
            `expected agent, customer or automatic, got ${JSON.stringify(e['author'])}`,
            e['author'],
          );
        break;
      case 'status':
        if (!STATUSES.has(e['status'] as string))
          bad(
            ['events', i, 'status'],
            `expected open, waiting_on_customer, on_hold or solved, got ${JSON.stringify(e['status'])}`,
            e['status'],
          );
        break;
      case 'severity':
        if (!isInt(e['targetMs']) || (e['targetMs'] as number) < 1)
          bad(
            ['events', i, 'targetMs'],
            `expected a whole number of milliseconds ≥ 1, got ${String(e['targetMs'])}`,
            e['targetMs'],
          );
        break;
      default:
        bad(
          ['events', i, 'type'],
          `expected created, reply, status or severity, got ${JSON.stringify(e['type'])}`,
          e['type'],
        );
    }
  });
  if (!isInt(now) || now < (list[0]!['at'] as number))
    bad(['now'], 'expected integer epoch milliseconds, not before the ticket was created', now);
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
