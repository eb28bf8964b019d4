import type * as z from 'zod';
import { type ErrorCode, formatPath, type ValidationIssue } from '../errors.js';

const KNOWN_CODES = new Set<string>([
  'invalid_zone',
  'invalid_time',
  'invalid_date',
  'overlapping_intervals',
  'invalid_definition',
  'forbidden_key',
  'input_too_large',
  'invalid_locale',
]);

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (typeof input === 'string') return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  if (typeof input === 'number' || typeof input === 'boolean' || input === null) return String(input);
  return Array.isArray(input) ? 'an array' : typeof input;
}

/**
 * Turns zod's issues into the library's: one entry per problem, with a stable code, the full path
 * from the document's root, and a `path: expected …, got …` message.
 * @internal
 */
export function toValidationIssues(
  error: z.core.$ZodError,
  prefix: readonly (string | number)[] = [],
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...base, key];
        out.push({
          code: 'invalid_definition',
          path,
          message: `${formatPath(path)}: unknown field ${JSON.stringify(key)}`,
        });
      }
      continue;
    }
    // A record key that failed its own schema: report the key's problem.
    const inner = issue.code === 'invalid_key' ? (issue.issues[0] as z.core.$ZodIssue | undefined) : undefined;
    const source = inner ?? issue;
    const custom = source.code === 'custom' ? (source.params as { code?: string } | undefined)?.code : undefined;
    const code: ErrorCode =
      custom !== undefined && KNOWN_CODES.has(custom) ? (custom as ErrorCode) : 'invalid_definition';
    let message = source.message;
    if (issue.code === 'invalid_type') {
      message = `expected ${issue.expected === 'int' ? 'a whole number' : issue.expected}, got ${describeInput(issue.input)}`;
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      const op = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
      const what =
        issue.origin === 'number' || issue.origin === 'int'
          ? `a number ${op} ${bound}`
          : issue.origin === 'array'
            ? `${op} ${bound} item(s)`
            : issue.origin === 'string'
              ? `${op} ${bound} character(s)`
              : `a value ${op} ${bound}`;
      const got = Array.isArray(issue.input)
        ? `${issue.input.length} item(s)`
        : typeof issue.input === 'string'
          ? `${issue.input.length} character(s)`
          : describeInput(issue.input);
      message = `expected ${what}, got ${got}`;
    } else if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      const key = (issue as { discriminator?: unknown }).discriminator;
      const got =
        typeof key === 'string' && typeof issue.input === 'object' && issue.input !== null
          ? (issue.input as Record<string, unknown>)[key]
          : issue.input;
      message = `expected one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}, got ${describeInput(got)}`;
    } else if (issue.code === 'invalid_value') {
      message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeInput(issue.input)}`;
    } else if (issue.code === 'invalid_key' && inner === undefined) {
      message = `unknown key ${describeInput(base[base.length - 1])}`;
    }
    out.push({ code, path: base, message: `${formatPath(base)}: ${message}` });
  }
  return out;
}
