/**
 * Stable, machine-readable error codes. Every error the library throws carries one of these;
 * `docs/errors.md` lists what each means.
 *
 * @category Errors
 */
export type ErrorCode =
  | 'invalid_instant'
  | 'invalid_duration'
  | 'invalid_days'
  | 'out_of_range'
  | 'invalid_zone'
  | 'invalid_time'
  | 'invalid_date'
  | 'overlapping_intervals'
  | 'invalid_definition'
  | 'forbidden_key'
  | 'input_too_large'
  | 'never_open'
  | 'never_closes'
  | 'invalid_json'
  | 'duplicate_key'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'invalid_locale'
  | 'invalid_rule'
  | 'addon_not_allowed'
  | 'invalid_account'
  | 'unknown_fact'
  | 'invalid_fact'
  | 'contradictory_facts'
  | 'invalid_event'
  | 'unknown_account'
  | 'outside_contract_year'
  | 'event_conflict'
  | 'invalid_state'
  | 'policy_mismatch'
  | 'invalid_policy'
  | 'invalid_option'
  | 'invalid_columns'
  | 'invalid_results'
  | 'invalid_feed';

/**
 * One problem found in a document, with the path of the offending field.
 *
 * @category Errors
 */
export interface ValidationIssue {
  /** What kind of problem it is. */
  readonly code: ErrorCode;
  /** Path of the offending field from the document's root, e.g. `['week', '1', 0, 1]`. */
  readonly path: readonly (string | number)[];
  /** `path: expected …, got …` */
  readonly message: string;
}

import { describeValue } from './internal/describeValue.js';

const BRAND = Symbol.for('support-policy.error');

/** Renders a path as `week.1[0][1]`, or `(root)` for the empty path. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/**
 * Base class of every error this library throws.
 *
 * @remarks
 * Catch it to handle any library error; switch on {@link SupportPolicyError.code} to tell them
 * apart. Use {@link isSupportPolicyError} rather than `instanceof` when the error may come from
 * another copy of the library or another realm.
 *
 * @example
 * ```ts
 * import { compileCalendar, SupportPolicyError } from 'support-policy';
 * let code = '';
 * try {
 *   compileCalendar({ zone: 'Europe/Madird', week: {} });
 * } catch (e) {
 *   if (e instanceof SupportPolicyError) code = e.code;
 * }
 * code; //=> 'invalid_zone'
 * ```
 * @category Errors
 */
export class SupportPolicyError extends Error {
  /** Stable snake_case code. */
  readonly code: ErrorCode;
  /** Path of the offending field or argument. */
  readonly path: readonly (string | number)[];
  /** The offending value, when there is one. */
  readonly value?: unknown;

  constructor(code: ErrorCode, path: readonly (string | number)[], message: string, value?: unknown) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.path = Object.freeze([...path]);
    if (value !== undefined) this.value = value;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * A function was called with an argument it cannot accept (NaN, an Invalid Date, a fractional or
 * negative duration, an instant outside the supported range).
 *
 * @example
 * ```ts
 * import { compileCalendar, InvalidArgumentError } from 'support-policy';
 * const cal = compileCalendar({ zone: 'UTC', week: { 1: [['08:00', '18:00']] } });
 * let caught: unknown;
 * try { cal.add(0, Number.NaN); } catch (e) { caught = e; }
 * caught instanceof InvalidArgumentError; //=> true
 * (caught as InvalidArgumentError).code; //=> 'invalid_duration'
 * ```
 * @category Errors
 */
export class InvalidArgumentError extends SupportPolicyError {}

/**
 * A document (a calendar or policy definition) is malformed. {@link PolicyValidationError.issues}
 * lists every problem found, each with its path; the message lists them too.
 *
 * @example
 * ```ts
 * import { compileCalendar, PolicyValidationError } from 'support-policy';
 * let caught: unknown;
 * try {
 *   compileCalendar({ zone: 'Europe/Madrid', week: { 1: [['8:00', '25:00']] } });
 * } catch (e) { caught = e; }
 * (caught as PolicyValidationError).issues.map((i) => i.path.join('.')); //=> ['week.1.0.0', 'week.1.0.1']
 * ```
 * @category Errors
 */
export class PolicyValidationError extends SupportPolicyError {
  /** Every problem found, in the order the checks found them. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], what = 'definition') {
    const first = issues[0];
    const head = `invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`;
    super(
      first?.code ?? 'invalid_definition',
      first?.path ?? [],
      [head, ...issues.map((i) => `  - ${i.message}`)].join('\n'),
    );
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) })));
  }
}

/**
 * The input is valid but has no answer: a calendar that is never open cannot reach a deadline, a
 * calendar that never closes has no next closing, a result would fall outside the supported range.
 *
 * @example
 * ```ts
 * import { compileCalendar, CalculationError } from 'support-policy';
 * const closed = compileCalendar({ zone: 'Europe/Madrid', week: {} });
 * let caught: unknown;
 * try { closed.nextOpening(Date.UTC(2026, 0, 5)); } catch (e) { caught = e; }
 * caught instanceof CalculationError; //=> true
 * (caught as CalculationError).code; //=> 'never_open'
 * ```
 * @category Errors
 */
export class CalculationError extends SupportPolicyError {}

/**
 * Tells whether a value is an error thrown by this library, across realms and duplicate copies.
 *
 * @example
 * ```ts
 * import { compileCalendar, isSupportPolicyError } from 'support-policy';
 * let caught: unknown;
 * try { compileCalendar({ zone: 'Mars/Olympus', week: {} }); } catch (e) { caught = e; }
 * isSupportPolicyError(caught); //=> true
 * isSupportPolicyError(new Error('x')); //=> false
 * ```
 * @category Errors
 */
export function isSupportPolicyError(value: unknown): value is SupportPolicyError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * The same error, with its path moved under `prefix` (an argument inside a larger input: the
 * account of the third ticket of a batch is `tickets[2].account`). The message's leading path is
 * rewritten to match. `drop` removes leading segments first (`account.plan` read from a plan
 * event becomes `events[3].plan`).
 * @internal
 */
export function underPath<E extends SupportPolicyError>(error: E, prefix: readonly (string | number)[], drop = 0): E {
  if ((prefix.length === 0 && drop === 0) || error instanceof PolicyValidationError) return error;
  const path = [...prefix, ...error.path.slice(drop)];
  const old = `${formatPath(error.path)}: `;
  const message = error.message.startsWith(old)
    ? `${formatPath(path)}: ${error.message.slice(old.length)}`
    : `${formatPath(path)}: ${error.message}`;
  const Kind = error.constructor as new (
    code: ErrorCode,
    path: readonly (string | number)[],
    message: string,
    value?: unknown,
  ) => E;
  return new Kind(error.code, path, message, error.value);
}

/**
 * The one way to build an error about an argument or a field of one: `path: expected …, got …`,
 * with the value rendered by {@link describeValue} (safe for BigInt, cyclic, very deep and
 * null-prototype values) unless `got` says it better. Returned, not thrown, so that callers write
 * `throw argumentError(…)`.
 * @internal
 */
export function argumentError(
  code: ErrorCode,
  path: readonly (string | number)[],
  expected: string,
  value: unknown,
  got: string = describeValue(value),
): InvalidArgumentError {
  return new InvalidArgumentError(code, path, `${formatPath(path)}: expected ${expected}, got ${got}`, value);
}
