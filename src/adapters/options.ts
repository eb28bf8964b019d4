/** Argument checks shared by the holiday adapters, throwing the core's own error class. */
import { describeValue } from '../internal/describeValue.js';
import { InvalidArgumentError } from '../index.js';
import type { ErrorCode } from '../index.js';

/** Most rules (and closures) one import may produce: a holiday set holds at most 10,000 rules. */
export const MAX_RULES = 10_000;

/** An {@link InvalidArgumentError} whose message reads `path: expected …, got …`. */
export function fail(code: ErrorCode, path: readonly (string | number)[], expected: string, value: unknown): never {
  const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.') || '(root)';
  throw new InvalidArgumentError(code, path, `${where}: expected ${expected}, got ${describeValue(value)}`, value);
}

/**
 * The options object: a plain object (no class instance, array or `null`) holding only the `known`
 * keys; the first unknown one is `invalid_option` at `options.<key>`, as the core's `readOptions`
 * refuses it, so a misspelt `locael` is an error rather than a default; an option `renamed` since
 * (old name → new name) is refused with its new name. (The core's reader is not
 * reused: its errors come from its own module, which a CommonJS adapter bundle would copy, and an
 * adapter must throw the core's classes, reached through `../index.js` only.)
 *
 * It returns a copy of the known keys the object has as its own properties, which inherits nothing:
 * every later `opts[key]` reads an own value or `undefined`, as the core's `own` does, so a field of
 * a polluted `Object.prototype` (`Object.prototype.locale = 'es'`) is no option.
 */
export function optionsObject(
  options: unknown,
  known: readonly string[],
  renamed: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const proto = typeof options === 'object' && options !== null ? Object.getPrototypeOf(options) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    fail('invalid_option', ['options'], `a plain object of options (${known.join(', ')})`, options);
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue;
    const newName = Object.hasOwn(renamed, key) ? renamed[key] : undefined;
    if (newName !== undefined) {
      fail('invalid_option', ['options', key], `the option "${newName}" (renamed from "${key}")`, key);
    }
    fail('invalid_option', ['options', key], `one of the options ${known.join(', ')}`, key);
  }
  const opts = Object.create(null) as Record<string, unknown>;
  for (const key of known) if (Object.hasOwn(given, key)) opts[key] = given[key];
  return opts;
}

/** The span of years `fromYear`–`untilYear`, each a whole year from 1900 to 2399, in order. */
export function yearSpan(options: Record<string, unknown>): { fromYear: number; untilYear: number } {
  const year = (key: 'fromYear' | 'untilYear') => {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 2399) {
      fail('out_of_range', ['options', key], 'a whole year from 1900 to 2399', value);
    }
    return value;
  };
  const fromYear = year('fromYear');
  const untilYear = year('untilYear');
  if (untilYear < fromYear)
    fail('out_of_range', ['options', 'untilYear'], `a year from fromYear (${fromYear})`, untilYear);
  return { fromYear, untilYear };
}

/** An optional string option, at most 200 characters. */
export function optionalString(options: Record<string, unknown>, key: string): string | undefined {
  const value = options[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    fail('invalid_option', ['options', key], 'a string of 1 to 200 characters', value);
  }
  return value;
}
