import { isLuxonDateTime } from '../internal/luxonDateTime.js';
import { CLASSES, EVENT_BOUNDS, type ParsedLedgerEvent } from './events.js';

/**
 * The fast check of a well-formed event, run before the schema: it accepts only what the event
 * schema accepts, and returns what the schema would return, so that a valid event is read once,
 * without zod (about 1.4 µs an event). It gives up (returns `undefined`) on anything else, even
 * on a valid event it does not know how to read: the schema then decides, and words the error.
 * src/hours/checkEvent.prop.test.ts compares the two on valid, malformed and hostile events.
 */

const { idLength, firstInstant, lastInstant, maxMinutes } = EVENT_BOUNDS;

/** The fields each kind of event has, besides `id`, `kind`, `account` and `at`. */
const FIELDS_OF: Readonly<Record<ParsedLedgerEvent['kind'], readonly string[]>> = {
  package_granted: ['year', 'from', 'to', 'minutes'],
  contract_renewed: ['year', 'previousYear', 'from', 'to', 'minutes'],
  conversation_opened: ['conversation', 'channel', 'client'],
  time_handled: ['conversation', 'minutes'],
  answered_with_documentation: ['conversation'],
  classified: ['conversation', 'as'],
  conversation_voided: ['conversation'],
};
/** The fields of each kind that every event of that kind has (`client` is optional). */
const FIELD_COUNT: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(FIELDS_OF).map(([k, fields]) => [k, 4 + fields.filter((f) => f !== 'client').length]),
);
const KNOWN = new Map(
  Object.entries(FIELDS_OF).map(([k, fields]) => [k, new Set(['id', 'kind', 'account', 'at', ...fields])]),
);

/**
 * An instant field as epoch ms: a `Date` or a luxon `DateTime` is converted (an invalid one to
 * NaN, which eventInput.ts refuses); anything else is left as it is.
 * @internal
 */
export function eventInstantMs(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return value.getTime();
  return isLuxonDateTime(value) ? value.toMillis() : value;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= idLength;
const isMinutes = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= maxMinutes;
const isInstant = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= firstInstant && v <= lastInstant;
const isClass = (v: unknown): v is (typeof CLASSES)[number] => (CLASSES as readonly unknown[]).includes(v);

/**
 * The event as the schema would return it, or `undefined` when this check cannot tell. Only for a
 * plain object when `Object.prototype` is clean (eventInput.ts): it reads fields directly.
 * @internal
 */
export function checkEvent(e: Record<string, unknown>): ParsedLedgerEvent | undefined {
  const { id, kind, account } = e;
  const at = eventInstantMs(e['at']);
  if (!isId(id) || !isId(account) || !isInstant(at) || typeof kind !== 'string') return undefined;
  const known = KNOWN.get(kind);
  if (known === undefined) return undefined;
  // Every own enumerable key is one of the kind's (the prototype is clean: for…in sees own keys only).
  let keys = 0;
  for (const key in e) {
    if (!known.has(key)) return undefined;
    keys++;
  }
  const { conversation } = e;
  let out: ParsedLedgerEvent;
  switch (kind) {
    case 'package_granted':
    case 'contract_renewed': {
      const { year, previousYear, minutes } = e;
      const from = eventInstantMs(e['from']);
      const to = eventInstantMs(e['to']);
      if (!isId(year) || !isInstant(from) || !isInstant(to) || !isMinutes(minutes)) return undefined;
      if (kind === 'package_granted') {
        out = { id, account, at, kind, year, from, to, minutes };
      } else {
        if (!isId(previousYear)) return undefined;
        out = { id, account, at, kind, year, previousYear, from, to, minutes };
      }
      break;
    }
    case 'conversation_opened': {
      const { channel, client } = e;
      if (!isId(conversation) || !isId(channel)) return undefined;
      // A `client` key holding undefined is the schema's to read.
      if (client === undefined && !Object.hasOwn(e, 'client')) out = { id, account, at, kind, conversation, channel };
      else if (isId(client)) out = { id, account, at, kind, conversation, channel, client };
      else return undefined;
      break;
    }
    case 'time_handled': {
      const { minutes } = e;
      if (!isId(conversation) || !isMinutes(minutes)) return undefined;
      out = { id, account, at, kind, conversation, minutes };
      break;
    }
    case 'classified': {
      const { as } = e;
      if (!isId(conversation) || !isClass(as)) return undefined;
      out = { id, account, at, kind, conversation, as };
      break;
    }
    case 'answered_with_documentation':
    case 'conversation_voided':
      if (!isId(conversation)) return undefined;
      out = { id, account, at, kind, conversation };
      break;
    default:
      return undefined;
  }
  // As many own enumerable keys as fields read: none missing, none hidden (non-enumerable) behind a known one.
  return keys === FIELD_COUNT[kind]! + (e['client'] === undefined ? 0 : 1) ? out : undefined;
}
