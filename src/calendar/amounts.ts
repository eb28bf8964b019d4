import { argumentError, CalculationError } from '../errors.js';

/** Checks of the amounts a calendar method takes: whole, non-negative, and able to fit in the supported range. */

/** `value` when it is a whole number ≥ 0, else `code` at `field`. @internal */
export function checkWholeNonNegative(
  value: number,
  field: string,
  code: 'invalid_duration' | 'invalid_days',
  what: string,
): number {
  if (typeof value === 'number' && value >= 0 && Number.isInteger(value)) return value;
  throw argumentError(code, [field], what, value);
}

/**
 * Refuses at once a result that cannot fall inside the supported range: open time never exceeds
 * the wall time it spans, and a business day takes at least a calendar day, so `room` (the wall
 * time, or the number of calendar days, left between `at` and the range's edge) bounds the answer
 * without walking any table.
 */
export function checkRoom(amount: number, room: number, field: string, what: string): void {
  if (amount > room) {
    throw new CalculationError(
      'out_of_range',
      [field],
      `${field}: ${what} from this instant falls outside the supported range 1900–2399, got ${amount}`,
      amount,
    );
  }
}

/** A duration argument in milliseconds, checked. @internal */
export const durationArg = (value: number) =>
  checkWholeNonNegative(value, 'durationMs', 'invalid_duration', 'a whole, non-negative number of milliseconds');
