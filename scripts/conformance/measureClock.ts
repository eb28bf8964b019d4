import type { BusinessCalendar } from '../../src/calendar/BusinessCalendar.js';
import { argumentError } from '../../src/errors.js';
import {
  type Clock,
  type ClockOutcome,
  type EngineThreshold,
  engineEvent,
  type Metric,
  type Status,
  type StatusCategory,
  targetSet,
  type TargetSet,
} from '../../src/sla/clockTypes.js';
import { ClockEngine } from '../../src/sla/engine.js';
import { DEFAULT_STATUSES } from '../../src/policy/slaChecks.js';
import { clockOutcome } from '../../src/sla/outcome.js';
import { engineTarget } from '../../src/sla/clockStates.js';

/**
 * The conformance vectors' view of the SLA clock engine (`src/sla/engine.ts`): one target, given
 * as milliseconds, over one ticket timeline whose severity events carry the new target, with the
 * case's status vocabulary (version 2) or the default one. The conformance runner calls it;
 * `measure` runs the same engine on a policy's targets.
 */

export type TimelineEvent =
  | { readonly at: number; readonly type: 'created' }
  | { readonly at: number; readonly type: 'reply'; readonly author: 'agent' | 'customer' | 'automatic' }
  | { readonly at: number; readonly type: 'status'; readonly status: string }
  | { readonly at: number; readonly type: 'severity'; readonly targetMs: number };

export interface ClockTarget {
  readonly metric: Metric;
  readonly ms: number;
  readonly pauseOn: readonly string[];
  /** Absent: the case gives no `thresholds`, and results have none. */
  readonly thresholds: readonly EngineThreshold[] | undefined;
}

/** One clock's answer in the conformance vectors' shape (`thresholds` only when the target has them). */
export type ClockResult = Omit<ClockOutcome, 'thresholds'> & { readonly thresholds?: readonly (number | null)[] };

export type ClockMeasurement = ClockResult | { readonly cycles: readonly (ClockResult & { readonly start: number })[] };

/** A case's status vocabulary: its statuses by name, and the initial one. */
interface Vocabulary {
  readonly byName: ReadonlyMap<string, Status>;
  readonly initial: Status;
}

const METRIC_NAMES = new Set(['firstResponse', 'followUp', 'periodicUpdate', 'resolution']);
const CATEGORIES = new Set(['open', 'solved', 'closed']);
const AUTHORS = new Set(['agent', 'customer', 'automatic']);
const STATUS_NAME = /^[a-z][a-z0-9_]*$/;

/** Refuses a field of the case: `expected` completes "expected …". */
function bad(path: (string | number)[], expected: string, value: unknown): never {
  throw argumentError('invalid_event', path, expected, value);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The case's vocabulary, checked: names, categories, the initial status. */
function readVocabulary(statuses: unknown, initialStatus: unknown): Vocabulary {
  const given = statuses ?? DEFAULT_STATUSES;
  if (!isObject(given) || Object.keys(given).length === 0)
    bad(['statuses'], 'an object of status names and categories', statuses);
  const byName = new Map<string, Status>();
  for (const [name, category] of Object.entries(given)) {
    if (!STATUS_NAME.test(name)) bad(['statuses', name], 'a status name matching [a-z][a-z0-9_]*', name);
    if (!CATEGORIES.has(category as string)) bad(['statuses', name], 'open, solved or closed', category);
    byName.set(name, Object.freeze({ name, category: category as StatusCategory }));
  }
  const initialName = initialStatus ?? 'open';
  const initial = typeof initialName === 'string' ? byName.get(initialName) : undefined;
  if (initial === undefined || initial.category !== 'open')
    bad(['initialStatus'], 'a declared status of the open category', initialName);
  return { byName, initial };
}

/** The case's thresholds, checked: each `{percent}` (1–1000) or `{afterMs}` (≥ 0), and nothing else. */
function readThresholds(list: unknown): EngineThreshold[] | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) bad(['target', 'thresholds'], 'a list of thresholds', list);
  return list.map((th: unknown, i) => {
    const path = ['target', 'thresholds', i];
    if (!isObject(th) || Object.keys(th).length !== 1) bad(path, 'one of {percent} or {afterMs}', th);
    if ('percent' in th) {
      if (!isInt(th['percent']) || th['percent'] < 1 || th['percent'] > 1000)
        bad([...path, 'percent'], 'a whole percentage from 1 to 1000', th['percent']);
      return { id: String(i), kind: 'percent', value: th['percent'] } as const;
    }
    if ('afterMs' in th) {
      if (!isInt(th['afterMs']) || th['afterMs'] < 0)
        bad([...path, 'afterMs'], 'a whole number of milliseconds ≥ 0', th['afterMs']);
      return { id: String(i), kind: 'after', value: th['afterMs'] } as const;
    }
    return bad(path, 'one of {percent} or {afterMs}', th);
  });
}

/** Checks a case's target and whole timeline (before anything is measured). */
export function checkCase(c: {
  target: unknown;
  events: unknown;
  now: unknown;
  statuses?: unknown;
  initialStatus?: unknown;
}): { target: ClockTarget; events: TimelineEvent[]; now: number; vocabulary: Vocabulary } {
  const vocabulary = readVocabulary(c.statuses, c.initialStatus);
  const t = c.target;
  if (!isObject(t)) bad(['target'], 'a target object', t);
  if (!METRIC_NAMES.has(t['metric'] as string))
    bad(['target', 'metric'], 'firstResponse, followUp, periodicUpdate or resolution', t['metric']);
  if (!isInt(t['ms']) || t['ms'] < 1) bad(['target', 'ms'], 'a whole number of milliseconds ≥ 1', t['ms']);
  // Without a vocabulary, version 1's rule: only waiting_on_customer and on_hold pause.
  const pausable = (s: unknown) =>
    c.statuses === undefined
      ? s === 'waiting_on_customer' || s === 'on_hold'
      : vocabulary.byName.get(s as string)?.category === 'open';
  const pauseOn = t['pauseOn'] ?? [];
  if (!Array.isArray(pauseOn) || !pauseOn.every(pausable))
    bad(['target', 'pauseOn'], 'declared statuses of the open category', pauseOn);
  const thresholds = readThresholds(t['thresholds']);
  const events = c.events;
  if (!Array.isArray(events) || events.length === 0) bad(['events'], 'a timeline starting with "created"', events);
  const list = events as Record<string, unknown>[];
  let closed = false;
  list.forEach((e, i) => {
    if (!isObject(e)) bad(['events', i], 'an event object', e);
    if (!isInt(e['at'])) bad(['events', i, 'at'], 'integer epoch milliseconds', e['at']);
    if (i > 0 && e['at'] < (list[i - 1]!['at'] as number)) bad(['events', i, 'at'], 'events in time order', e['at']);
    if (closed) bad(['events', i], 'no event after the ticket was closed', e['type']);
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
      case 'status': {
        const s = vocabulary.byName.get(e['status'] as string);
        if (s === undefined) bad(['events', i, 'status'], 'a declared status', e['status']);
        closed = s.category === 'closed';
        break;
      }
      case 'severity':
        if (!isInt(e['targetMs']) || e['targetMs'] < 1)
          bad(['events', i, 'targetMs'], 'a whole number of milliseconds ≥ 1', e['targetMs']);
        break;
      default:
        bad(['events', i, 'type'], 'created, reply, status or severity', e['type']);
    }
  });
  const now = c.now;
  if (!isInt(now) || now < (list[0]!['at'] as number))
    bad(['now'], 'integer epoch milliseconds, not before the ticket was created', now);
  return {
    target: { metric: t['metric'] as Metric, ms: t['ms'], pauseOn: pauseOn as string[], thresholds },
    events: list as unknown as TimelineEvent[],
    now,
    vocabulary,
  };
}

/**
 * Measures one SLA target over one ticket timeline on a calendar (`null`: the 24/7 clock), in the
 * shape of the conformance vectors.
 * @throws InvalidArgumentError `invalid_event` for a malformed case; CalculationError `never_open`
 *   for a calendar that is never open
 */
export function measureClock(
  calendar: BusinessCalendar | null,
  rawCase: { target: unknown; events: unknown; now: unknown; statuses?: unknown; initialStatus?: unknown },
): ClockMeasurement {
  const { target, events, now, vocabulary } = checkCase(rawCase);
  if (calendar !== null) calendar.nextOpening(events[0]!.at); // refuses a never-open calendar
  const withMs = (ms: number): TargetSet =>
    targetSet({
      [target.metric]: [
        engineTarget({
          id: target.metric,
          metric: target.metric,
          calendar,
          pauseOn: target.pauseOn,
          duration: { kind: 'time', ms },
          thresholds: target.thresholds ?? [],
          choice: undefined,
          info: null,
        }),
      ],
    });
  const engine = new ClockEngine();
  for (const e of events) {
    if (e.at > now) break;
    engine.apply(
      e.type === 'created'
        ? engineEvent(e.at, 'created', vocabulary.initial, withMs(target.ms))
        : e.type === 'reply'
          ? engineEvent(e.at, e.author)
          : e.type === 'status'
            ? engineEvent(e.at, 'status', vocabulary.byName.get(e.status))
            : engineEvent(e.at, 'retarget', undefined, withMs(e.targetMs)),
    );
  }
  const resultOf = (c: Clock): ClockResult => {
    const { thresholds, ...rest } = clockOutcome(engine, c, now);
    return target.thresholds === undefined ? rest : { ...rest, thresholds };
  };
  const clocks = engine.openClocks().filter((c) => c.metric === target.metric);
  if (target.metric === 'followUp' || target.metric === 'periodicUpdate')
    return { cycles: clocks.map((c) => ({ start: c.start, ...resultOf(c) })) };
  return resultOf(clocks[0]!);
}
