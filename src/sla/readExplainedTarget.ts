import { argumentError, isSupportPolicyError, underPath } from '../errors.js';
import { type InstantLike, MAX_SUPPORTED_MS, MIN_SUPPORTED_MS, instantMs } from '../instant.js';
import { isPlainObject, own, readOptions } from '../internal/record.js';
import { canonicalZoneName } from '../internal/zone.js';
import type { SlaSpan } from './types.js';

/** What a deadline picture reads of an explained target, checked. @internal */
export interface ExplainedTarget {
  readonly id: string;
  readonly cycle: number | null;
  readonly state: 'running' | 'paused' | 'achieved' | 'breached';
  readonly duration: string;
  readonly clock: string;
  readonly startedAt: number;
  readonly dueAt: number | null;
  readonly stoppedAt: number | null;
  readonly zone: string | null;
  readonly summary: Readonly<Record<string, string>>;
  readonly spans: readonly SlaSpan[];
  readonly thresholds: readonly { id: string; escalation: boolean; at: number | null }[];
}

/** A marker the picture draws for an event of the ticket: its instant and a short label. @internal */
export interface EventMark {
  readonly at: number;
  readonly label: string;
}

const STATES = ['running', 'paused', 'achieved', 'breached'];
const KINDS = ['open', 'closed', 'holiday', 'paused', 'solved'];
const isInstant = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_SUPPORTED_MS && v < MAX_SUPPORTED_MS;
const isText = (v: unknown): v is string => typeof v === 'string';
const WHAT = 'a target measured with { explain: true } (or its JSON)';

function bad(path: readonly (string | number)[], value: unknown, what = WHAT): never {
  throw argumentError('invalid_results', ['target', ...path], what, value);
}

function readSpan(s: unknown, k: number): SlaSpan {
  if (!isPlainObject(s)) return bad(['spans', k], s, 'a span');
  const from = own(s, 'from');
  const to = own(s, 'to');
  const kind = own(s, 'kind');
  const projected = own(s, 'projected');
  const holiday = own(s, 'holiday');
  const status = own(s, 'status');
  if (!isInstant(from) || !isInstant(to) || from > to)
    return bad(['spans', k], s, 'a span from an instant to one not before it');
  if (!KINDS.includes(kind as string)) return bad(['spans', k, 'kind'], kind, KINDS.join(', '));
  if (typeof projected !== 'boolean') return bad(['spans', k, 'projected'], projected, 'true or false');
  if (holiday !== undefined && !isText(holiday)) return bad(['spans', k, 'holiday'], holiday, 'a name');
  if (status !== undefined && !isText(status)) return bad(['spans', k, 'status'], status, 'a status');
  return {
    from,
    to,
    kind: kind as SlaSpan['kind'],
    countedMs: 0,
    ...(holiday === undefined ? {} : { holiday }),
    ...(status === undefined ? {} : { status }),
    projected,
  };
}

function readThreshold(th: unknown, k: number): ExplainedTarget['thresholds'][number] {
  if (!isPlainObject(th)) return bad(['thresholds', k], th, 'a threshold');
  const id = own(th, 'id');
  const at = own(th, 'at');
  const percent = own(th, 'percent');
  const afterMs = own(th, 'afterMs');
  if (!isText(id)) return bad(['thresholds', k, 'id'], id, 'an id');
  if (at !== null && !isInstant(at)) return bad(['thresholds', k, 'at'], at, 'an instant or null');
  if (percent !== null && (typeof percent !== 'number' || !Number.isFinite(percent)))
    return bad(['thresholds', k, 'percent'], percent, 'a percentage or null');
  return { id, at, escalation: afterMs !== null || (percent as number) > 100 };
}

/** An explained target (a result of `measure` with `explain: true`, or its JSON), checked. @internal */
export function readExplainedTarget(t: unknown): ExplainedTarget {
  if (!isPlainObject(t)) return bad([], t);
  const text = (key: string) => (isText(own(t, key)) ? (own(t, key) as string) : bad([key], own(t, key), 'a text'));
  const instantOrNull = (key: string) => {
    const v = own(t, key);
    return v === null || isInstant(v) ? v : bad([key], v, 'an instant or null');
  };
  const id = text('id');
  const state = own(t, 'state');
  if (!STATES.includes(state as string)) return bad(['state'], state, STATES.join(', '));
  const cycle = own(t, 'cycle') ?? null;
  if (cycle !== null && !(typeof cycle === 'number' && Number.isSafeInteger(cycle)))
    return bad(['cycle'], cycle, 'a cycle or null');
  const duration = own(t, 'duration');
  const iso = isPlainObject(duration) ? own(duration, 'iso') : undefined;
  if (!isText(iso)) return bad(['duration'], duration, 'a duration');
  const startedAt = own(t, 'startedAt');
  if (!isInstant(startedAt)) return bad(['startedAt'], startedAt, 'an instant');
  const zone = own(t, 'zone') ?? null;
  if (zone !== null && (!isText(zone) || canonicalZoneName(zone) === undefined))
    return bad(['zone'], zone, 'an IANA time zone or null');
  const summary = own(t, 'summary') ?? {};
  if (!isPlainObject(summary) || !Object.values(summary).every(isText))
    return bad(['summary'], summary, 'texts by locale');
  const spans = own(t, 'spans');
  if (!Array.isArray(spans)) return bad(['spans'], spans);
  const thresholds = own(t, 'thresholds') ?? [];
  if (!Array.isArray(thresholds)) return bad(['thresholds'], thresholds, 'a list of thresholds');
  return {
    id,
    cycle: cycle as number | null,
    state: state as ExplainedTarget['state'],
    duration: iso,
    clock: text('clock'),
    startedAt,
    dueAt: instantOrNull('dueAt') as number | null,
    stoppedAt: instantOrNull('stoppedAt') as number | null,
    zone: zone as string | null,
    summary: summary as Record<string, string>,
    spans: Array.from(spans as unknown[], readSpan),
    thresholds: Array.from(thresholds as unknown[], readThreshold),
  };
}

/** The picture's options, checked: the zone, language tag, events and width. @internal */
export function readDrawOptions(options: unknown): {
  zone: string | undefined;
  locale: string;
  events: readonly EventMark[];
  width: number;
} {
  const opts = readOptions(options, ['zone', 'locale', 'events', 'width']);
  const zone = own(opts, 'zone');
  if (zone !== undefined && (!isText(zone) || canonicalZoneName(zone) === undefined))
    throw argumentError('invalid_zone', ['options', 'zone'], 'an IANA time zone', zone);
  const locale = own(opts, 'locale') ?? 'en';
  if (!isText(locale)) throw argumentError('invalid_option', ['options', 'locale'], 'a locale tag', locale);
  const width = own(opts, 'width') ?? 960;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 480 || width > 4000)
    throw argumentError('invalid_option', ['options', 'width'], 'a whole number of pixels from 480 to 4000', width);
  const events = own(opts, 'events') ?? [];
  if (!Array.isArray(events)) throw argumentError('invalid_event', ['options', 'events'], 'a list of events', events);
  return { zone: zone as string | undefined, locale, width, events: Array.from(events as unknown[], readEvent) };
}

/** An event of the ticket as a marker: `reply (agent)`, `status: on_hold`, `severity: major`. */
function readEvent(e: unknown, i: number): EventMark {
  const path = ['options', 'events', i];
  if (!isPlainObject(e)) throw argumentError('invalid_event', path, 'an event', e);
  const type = own(e, 'kind');
  if (!isText(type)) throw argumentError('invalid_event', [...path, 'kind'], 'an event kind', type);
  let at: number;
  try {
    at = instantMs(own(e, 'at') as InstantLike, 'at');
  } catch (error) {
    throw isSupportPolicyError(error) ? underPath(error, path) : error;
  }
  const detail = type === 'reply' ? own(e, 'author') : own(e, type);
  return { at, label: isText(detail) ? (type === 'reply' ? `${type} (${detail})` : `${type}: ${detail}`) : type };
}
