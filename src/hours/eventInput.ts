import { argumentError } from '../errors.js';
import { ownFields, prototypeIsClean } from '../internal/record.js';
import { eventInstantMs } from './checkEvent.js';
import { LedgerEventSchema } from './events.js';

/**
 * What the event schema reads of an event: its own fields only, with its instants in epoch ms. zod
 * reads `input[key]` for every field of the schema and walks `for (const key in input)` for unknown
 * ones, so on a plain object it would also find what a polluted `Object.prototype` carries: a
 * `client` nobody gave, or an "unknown field" on every event.
 */

/** Every field of every kind of event. */
const FIELDS: readonly string[] = [...new Set(LedgerEventSchema.options.flatMap((o) => Object.keys(o.shape)))];

/** The fields that hold an instant. */
const INSTANTS = ['at', 'from', 'to'] as const;

/** Whether `Object.prototype` carries nothing the schema could read as an event's field; asked once per call. @internal */
export const eventPrototypeIsClean = (): boolean => prototypeIsClean(FIELDS);

/**
 * The event as the schema should read it: the event itself when `Object.prototype` is clean (see
 * {@link eventPrototypeIsClean}) or the event has no prototype, otherwise a copy of its own fields
 * that inherits nothing (the fields are scalars, so one level is enough). An instant given as a
 * `Date` or a luxon `DateTime` is converted to epoch ms in a copy; an invalid one (Invalid Date,
 * an invalid `DateTime`) is `invalid_event` at its field, under `path`.
 * @internal
 */
export function eventInput(event: Record<string, unknown>, clean: boolean, path: readonly (string | number)[]): object {
  const input = clean || Object.getPrototypeOf(event) === null ? event : ownFields(event);
  if (!INSTANTS.some((k) => Object.hasOwn(input, k) && typeof input[k] === 'object')) return input;
  const copy = input === event ? ownFields(event) : input;
  for (const k of INSTANTS) {
    if (!Object.hasOwn(copy, k)) continue;
    const ms = eventInstantMs(copy[k]);
    if (Number.isNaN(ms)) {
      throw argumentError('invalid_event', [...path, k], 'a valid instant (epoch ms, Date or luxon DateTime)', copy[k]);
    }
    copy[k] = ms;
  }
  return copy;
}
