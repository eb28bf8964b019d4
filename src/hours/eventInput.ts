import { ownFields, prototypeIsClean } from '../internal/record.js';
import { LedgerEventSchema } from './events.js';

/**
 * What the event schema reads of an event: its own fields only. zod reads `input[key]` for every
 * field of the schema and walks `for (const key in input)` for unknown ones, so on a plain object
 * it would also find what a polluted `Object.prototype` carries: a `client` nobody gave, or an
 * "unknown field" on every event.
 */

/** Every field of every kind of event. */
const FIELDS: readonly string[] = [...new Set(LedgerEventSchema.options.flatMap((o) => Object.keys(o.shape)))];

/** Whether `Object.prototype` carries nothing the schema could read as an event's field; asked once per call. @internal */
export const eventPrototypeIsClean = (): boolean => prototypeIsClean(FIELDS);

/**
 * The event as the schema should read it: the event itself when `Object.prototype` is clean (see
 * {@link eventPrototypeIsClean}) or the event has no prototype, otherwise a copy of its own fields
 * that inherits nothing (the fields are scalars, so one level is enough).
 * @internal
 */
export function eventInput(event: Record<string, unknown>, clean: boolean): object {
  return clean || Object.getPrototypeOf(event) === null ? event : ownFields(event);
}
