import { isLuxonDateTime } from './luxonDateTime.js';

/** Longest rendering returned; longer ones end in `…`. */
const MAX_LENGTH = 120;
/** Items or keys shown per array or object; the rest are counted. */
const MAX_ITEMS = 5;
/** Nesting shown; deeper values are `[…]` or `{…}`. Bounds the work on cyclic and very deep input. */
const MAX_DEPTH = 2;

/**
 * A short rendering of any value for an error message (`got …`), that never throws and does
 * bounded work: strings are quoted, BigInts end in `n`, dates are ISO, objects and arrays show a few
 * entries two levels deep (so cyclic, 10,000-deep and null-prototype objects are safe), class
 * instances are named, and anything that throws while being read (a Proxy, a getter) is
 * described without being read.
 * @internal
 */
export function describeValue(value: unknown): string {
  let out: string;
  try {
    out = render(value, 0);
  } catch {
    out = `a value of type ${typeof value}`;
  }
  return out.length > MAX_LENGTH ? `${out.slice(0, MAX_LENGTH - 1)}…` : out;
}

function render(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.description === undefined ? 'a symbol' : `Symbol(${value.description})`;
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  const object = value as object;
  if (Array.isArray(object)) {
    if (depth >= MAX_DEPTH) return '[…]';
    const shown = object.slice(0, MAX_ITEMS).map((item: unknown) => render(item, depth + 1));
    if (object.length > MAX_ITEMS) shown.push(`… ${object.length - MAX_ITEMS} more`);
    return `[${shown.join(', ')}]`;
  }
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (isLuxonDateTime(object)) {
    return object.isValid ? `DateTime ${object.toISO() ?? ''}` : `an invalid DateTime (${object.invalidReason})`;
  }
  const proto: unknown = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) return describeInstance(object);
  if (depth >= MAX_DEPTH) return '{…}';
  const keys = Object.keys(object);
  const shown = keys
    .slice(0, MAX_ITEMS)
    .map((key) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${readOwn(object, key, depth)}`);
  if (keys.length > MAX_ITEMS) shown.push(`… ${keys.length - MAX_ITEMS} more`);
  return shown.length === 0 ? '{}' : `{ ${shown.join(', ')} }`;
}

function readOwn(object: object, key: string, depth: number): string {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return descriptor === undefined || !('value' in descriptor) ? 'a getter' : render(descriptor.value, depth + 1);
}

/** `an instance of Map`, or `an object with a non-standard prototype` when no class can be named. */
export function describeInstance(object: object): string {
  const proto = Object.getPrototypeOf(object) as object | null;
  const ctor = proto === null ? undefined : Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
  const name =
    typeof ctor === 'function' && ctor.prototype === proto ? Object.getOwnPropertyDescriptor(ctor, 'name')?.value : '';
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object with a non-standard prototype';
}
