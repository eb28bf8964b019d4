import type { DateTime } from 'luxon';
import { argumentError, CalculationError } from './errors.js';
import { own, readOptions } from './internal/record.js';
import { dateTimeLike, isLuxonDateTime } from './internal/luxonDateTime.js';

/**
 * An absolute instant: epoch milliseconds (an integer), a `Date`, or a luxon `DateTime`.
 *
 * @remarks
 * The library works in epoch milliseconds inside; the other kinds are converted at the boundary
 * and results come back in the kind the caller passed in (see {@link SameInstantKind}).
 * Wall-clock time appears only in schedule definitions, never as an instant.
 *
 * @category Instants
 */
export type InstantLike = number | Date | DateTime;

/**
 * The kind of instant a result comes back as, given the kind passed in: epoch ms in, epoch ms out;
 * `Date` in, `Date` out; `DateTime` in, `DateTime` (in the same zone) out.
 *
 * @category Instants
 */
export type SameInstantKind<T extends InstantLike> = T extends number ? number : T extends Date ? Date : DateTime;

/** First supported instant: 1900-01-01T00:00:00Z. */
export const MIN_SUPPORTED_MS = -2_208_988_800_000;
/** First instant past the supported range: 2400-01-01T00:00:00Z. */
export const MAX_SUPPORTED_MS = 13_569_465_600_000;

function checkRange(ms: number, field: string, value: unknown): number {
  if (ms < MIN_SUPPORTED_MS || ms >= MAX_SUPPORTED_MS) {
    throw argumentError('out_of_range', [field], 'an instant from 1900-01-01 to 2399-12-31 (UTC)', value);
  }
  return ms;
}

/**
 * Converts an instant to epoch milliseconds, rejecting anything that is not a valid instant.
 *
 * @param value - epoch ms (a finite integer), a valid `Date` or a valid luxon `DateTime`
 * @param options - `field`: the argument's name, for the error's path and message (`instant` when not given)
 * @returns epoch milliseconds
 * @throws {@link InvalidArgumentError} `invalid_instant` for NaN, infinities, fractional ms,
 *   Invalid Date, invalid `DateTime` or any other type; `out_of_range` outside 1900–2399.
 *
 * @example
 * ```ts
 * import { toEpochMs } from 'support-policy';
 * toEpochMs(new Date('2026-01-05T08:00:00Z')); //=> 1767600000000
 * toEpochMs(1767600000000); //=> 1767600000000
 * toEpochMs(Date.parse('2026-01-05T09:00:00+01:00'), { field: 'createdAt' }); //=> 1767600000000
 * ```
 * @category Instants
 */
export function toEpochMs(value: InstantLike, options?: { readonly field?: string }): number {
  const field = own(readOptions(options, ['field']), 'field') ?? 'instant';
  if (typeof field !== 'string')
    throw argumentError('invalid_option', ['options', 'field'], 'the name of the argument', field);
  return instantMs(value, field);
}

/**
 * {@link toEpochMs} inside the library, the argument's name given positionally: it runs for every
 * instant read, so it takes no options object.
 * @internal
 */
export function instantMs(value: InstantLike, field = 'instant'): number {
  // Fast path kept small so that engines inline it: an in-range integer is returned as is.
  if (typeof value === 'number' && value >= MIN_SUPPORTED_MS && value < MAX_SUPPORTED_MS && Number.isInteger(value)) {
    return value;
  }
  return convertInstant(value, field);
}

function convertInstant(value: InstantLike, field: string): number {
  if (typeof field !== 'string') throw argumentError('invalid_option', ['field'], 'the name of the argument', field);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return checkRange(value, field, value);
    throw argumentError('invalid_instant', [field], 'integer epoch milliseconds', value);
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (!Number.isNaN(ms)) return checkRange(ms, field, value);
  } else if (isLuxonDateTime(value)) {
    if (value.isValid) return checkRange(value.toMillis(), field, value);
  }
  throw argumentError('invalid_instant', [field], 'epoch milliseconds, a valid Date or a valid luxon DateTime', value);
}

/**
 * Returns `ms` as the same kind of instant as `like`.
 * @internal
 */
export function toSameKind<T extends InstantLike>(ms: number, like: T): SameInstantKind<T> {
  if (typeof like === 'number' && ms >= MIN_SUPPORTED_MS && ms < MAX_SUPPORTED_MS) return ms as SameInstantKind<T>;
  return convertResult(ms, like);
}

function convertResult<T extends InstantLike>(ms: number, like: T): SameInstantKind<T> {
  if (ms < MIN_SUPPORTED_MS || ms >= MAX_SUPPORTED_MS) {
    throw new CalculationError('out_of_range', [], `result: ${ms} falls outside the supported range 1900–2399`, ms);
  }
  if (typeof like === 'number') return ms as SameInstantKind<T>;
  if (like instanceof Date) return new Date(ms) as SameInstantKind<T>;
  return dateTimeLike(ms, like as DateTime) as SameInstantKind<T>;
}
