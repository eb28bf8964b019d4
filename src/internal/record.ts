import { argumentError, type ErrorCode } from '../errors.js';

/**
 * The one rule for objects the caller passes in (accounts, events, facts, options): a plain object
 * (its prototype is `Object.prototype` or `null`), holding only the keys the function knows, read
 * through its own properties only. A class instance, an object made with `Object.create(proto)`, an
 * array or a misspelt key is refused with a typed error, and a polluted `Object.prototype` is never
 * read (docs/decisions.md, "One rule for objects passed in").
 */

/** The value of an own property, or `undefined`: never an inherited one. @internal */
export function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** Whether a value can be the caller's id of a ticket or event: a string or a safe whole number. @internal */
export const isId = (value: unknown): boolean =>
  typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value));

/** Whether a value is a plain object: not null, not an array, its prototype `Object.prototype` or `null`. @internal */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether a plain object can inherit nothing a reader of `keys` would see: `Object.prototype`
 * carries no enumerable property (which a key walk would meet) and none named in `keys`. Then
 * `o[key]` of a plain object reads its own property or `undefined`, as {@link own} does, at the
 * cost of a property load. It is so unless something polluted the prototype; a hot path asks once
 * per call and reads fields directly. @internal
 */
export function prototypeIsClean(keys: readonly string[]): boolean {
  for (const _ in Object.prototype) return false;
  for (const key of keys) if (key in Object.prototype) return false;
  return true;
}

/** An empty object that inherits nothing: what {@link ownFields}' copies inherit from. */
const NO_FIELDS: object = Object.freeze(Object.create(null));

/**
 * A copy of an object's own enumerable string-keyed properties that inherits nothing. It inherits
 * from an empty frozen object rather than `null`: V8 keeps it in fast mode, where a
 * `Object.create(null)` copy is a dictionary that is slower to read. @internal
 */
export function ownFields(value: object): Record<string, unknown> {
  const copy = Object.create(NO_FIELDS) as Record<string, unknown>;
  for (const key of Object.keys(value)) copy[key] = (value as Record<string, unknown>)[key];
  return copy;
}

/**
 * `value` as a plain object with only `known` keys, or a typed error with `code` at `path` (the
 * object itself, or the first unknown key under it). `what` completes "expected …".
 * @internal
 */
export function readRecord(
  value: unknown,
  path: readonly (string | number)[],
  known: readonly string[],
  code: ErrorCode,
  what: string,
): Record<string, unknown> {
  if (!isPlainObject(value)) throw argumentError(code, path, what, value);
  for (const key in value) {
    if (Object.hasOwn(value, key) && !known.includes(key)) {
      throw argumentError(code, [...path, key], `one of the fields ${known.join(', ')}`, key);
    }
  }
  return value;
}

/**
 * Options given as the last argument: `undefined` reads as no options; anything else must be a
 * plain object with only the `known` keys, or it is `invalid_option` at `path`.
 * @internal
 */
export function readOptions(
  options: unknown,
  known: readonly string[],
  path: readonly (string | number)[] = ['options'],
): Record<string, unknown> {
  if (options === undefined) return EMPTY;
  return readRecord(options, path, known, 'invalid_option', `an options object (${known.join(', ')}) or nothing`);
}

const EMPTY: Record<string, unknown> = Object.freeze(Object.create(null) as Record<string, unknown>);
