import { argumentError } from '../errors.js';

/**
 * A duration as written in a policy: ISO 8601, restricted to two unambiguous forms.
 *
 * - `PT2H`, `PT30M`, `PT1H30M`: **open time** on the target's clock (business hours on a calendar,
 *   plain hours on `24/7`).
 * - `P1D`, `P3D`: **business days** on the target's clock (`addBusinessDays` on a calendar; on
 *   `24/7` a day is 24 hours).
 *
 * Whole numbers only; zero, seconds, weeks, months, years, fractions and mixed `P1DT2H` are refused.
 *
 * @category Policy
 */
export type DurationText = string;

/**
 * A parsed policy duration.
 * @category Policy
 */
export type ParsedDuration =
  | { readonly kind: 'time'; readonly iso: string; readonly ms: number }
  | { readonly kind: 'businessDays'; readonly iso: string; readonly days: number };

/**
 * The accepted forms: `PnD`, or `PT` with hours, hours and minutes, or minutes. Without look-around,
 * so that the JSON Schema's validators in other languages read it as this library does.
 */
export const DURATION_PATTERN =
  /^P(?:([1-9][0-9]{0,3})D|T(?:([1-9][0-9]{0,4})H(?:([1-9][0-9]{0,5})M)?|([1-9][0-9]{0,5})M))$/;

/** Parses a policy duration, or returns `undefined` when it is not one of the accepted forms. @internal */
export function tryParseDuration(text: string): ParsedDuration | undefined {
  const m = DURATION_PATTERN.exec(text);
  if (!m) return undefined;
  if (m[1] !== undefined) return { kind: 'businessDays', iso: text, days: Number(m[1]) };
  const hours = Number(m[2] ?? 0);
  const minutes = Number(m[3] ?? m[4] ?? 0);
  return { kind: 'time', iso: text, ms: (hours * 60 + minutes) * 60_000 };
}

/**
 * Parses a policy duration (`PT2H`, `PT30M`, `P1D`).
 *
 * @remarks
 * `PT…` durations are open time on the target's clock; `P…D` durations are business days. See
 * `docs/policies.md` for why no other ISO 8601 form is accepted.
 *
 * @throws {@link InvalidArgumentError} `invalid_duration` for any other text
 * @example
 * ```ts
 * import { parseDuration } from 'support-policy';
 * parseDuration('PT1H30M'); //=> { kind: 'time', iso: 'PT1H30M', ms: 5400000 }
 * parseDuration('P1D'); //=> { kind: 'businessDays', iso: 'P1D', days: 1 }
 * ```
 * @category Policy
 */
export function parseDuration(text: DurationText): ParsedDuration {
  const parsed = typeof text === 'string' ? tryParseDuration(text) : undefined;
  if (parsed === undefined) {
    const what = 'a positive duration "PT<h>H<m>M" (open time) or "P<n>D" (business days)';
    throw argumentError('invalid_duration', ['duration'], what, text);
  }
  return parsed;
}
