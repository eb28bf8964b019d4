import { argumentError } from '../errors.js';
import { isPlainObject } from '../internal/record.js';
import { FIELD_NAME_PATTERN } from '../policy/slaSchema.js';
import type { TicketFields } from './rules.js';

/** The most fields a ticket may carry, and the longest text value. */
const MAX_FIELDS = 100;
const MAX_TEXT = 500;
const MAX_TAGS = 200;

const NO_FIELDS: TicketFields = Object.freeze({});

/**
 * A ticket's fields after an event: `given` (the event's `fields`) merged into `current`, a `null`
 * value removing a field. Values are text, finite numbers, booleans or lists of tags (texts).
 * The answer is a frozen object with a null prototype; `current` itself when nothing changes.
 * @throws InvalidArgumentError `invalid_event` at the bad field's path
 * @internal
 */
export function mergeFields(current: TicketFields, given: unknown, path: readonly (string | number)[]): TicketFields {
  if (given === undefined) return current;
  if (!isPlainObject(given)) throw argumentError('invalid_event', path, 'an object of ticket fields', given);
  const keys = Object.keys(given);
  if (keys.length === 0) return current;
  // Refused before anything is read: a change cannot name more fields than a ticket may hold.
  if (keys.length > MAX_FIELDS)
    throw argumentError('invalid_event', path, `at most ${MAX_FIELDS} fields on a ticket`, given);
  const next = new Map<string, TicketFields[string]>(Object.entries(current));
  for (const key of keys) {
    const at = [...path, key];
    if (!FIELD_NAME_PATTERN.test(key))
      throw argumentError(
        'invalid_event',
        at,
        'a field name (a lowercase letter, then letters, digits, "_", "." or "-")',
        key,
      );
    const v = (given as Record<string, unknown>)[key];
    if (v === null) next.delete(key);
    else next.set(key, fieldValue(v, at));
  }
  if (next.size > MAX_FIELDS)
    throw argumentError('invalid_event', path, `at most ${MAX_FIELDS} fields on a ticket`, given);
  if (next.size === 0) return NO_FIELDS;
  return Object.freeze(Object.assign(Object.create(null) as object, Object.fromEntries(next)) as TicketFields);
}

/** A checked field value: a frozen copy for a list of tags. */
function fieldValue(v: unknown, at: readonly (string | number)[]): TicketFields[string] {
  if (typeof v === 'string' && v.length <= MAX_TEXT) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.length <= MAX_TAGS && v.every((t) => typeof t === 'string' && t.length <= MAX_TEXT))
    return Object.freeze([...(v as string[])]);
  throw argumentError(
    'invalid_event',
    at,
    `a field value: text (at most ${MAX_TEXT} characters), a finite number, true or false, a list of tags, or null to remove it`,
    v,
  );
}

export { NO_FIELDS };
