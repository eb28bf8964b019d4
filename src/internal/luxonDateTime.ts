import type { DateTime } from 'luxon';

/**
 * Whether `value` is a luxon `DateTime`, by the mark luxon itself tests (`DateTime.isDateTime` reads
 * `isLuxonDateTime`), without importing luxon: a program that only compiles calendars does not
 * bundle it, and a `DateTime` from another copy of luxon is recognised too.
 * @internal
 */
export function isLuxonDateTime(value: unknown): value is DateTime {
  return (
    typeof value === 'object' && value !== null && (value as { isLuxonDateTime?: unknown }).isLuxonDateTime === true
  );
}

/**
 * The `DateTime` at `ms` in the zone of `like`, built by `like`'s own class (its `fromMillis`), so
 * luxon need not be imported here.
 * @internal
 */
export function dateTimeLike(ms: number, like: DateTime): DateTime {
  return (like.constructor as typeof DateTime).fromMillis(ms, { zone: like.zone });
}
