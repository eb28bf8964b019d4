/** `UTC+01:00`, `UTC-03:30`, in any case: a fixed offset, for users who want one instead of a region's rules. */
const FIXED = /^UTC([+-])(\d{2}):(\d{2})$/i;

/** The fixed offsets accepted, as written canonically: hours 00–14, minutes 00–59. */
export const FIXED_OFFSET_PATTERN = /^UTC[+-](?:0[0-9]|1[0-4]):[0-5][0-9]$/;

/** The characters of a zone name; anything else never reaches `Intl` (`local`, `system` are refused there). */
const NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

let listed: ReadonlyMap<string, string> | undefined;

/** The runtime's zone names (`Intl.supportedValuesOf`) and `UTC`, by their lower-case form; built on first use. */
function listedNames(): ReadonlyMap<string, string> {
  listed ??= new Map([...Intl.supportedValuesOf('timeZone'), 'UTC'].map((name) => [name.toLowerCase(), name]));
  return listed;
}

/**
 * A zone as the calendar reads it, without luxon (so that a program that only compiles calendars
 * does not bundle it): a fixed offset in ms (`UTC` is `UTC+00:00`), or a region whose offsets the
 * runtime's `Intl` data gives (read by `offsetReaderFor`). `name` is canonical.
 * @internal
 */
export type CalendarZone =
  | { readonly kind: 'fixed'; readonly name: string; readonly offsetMs: number }
  | { readonly kind: 'region'; readonly name: string };

/** Most zones remembered (a check builds an `Intl.DateTimeFormat`, about 20 µs). */
const MAX_KNOWN_ZONES = 256;
/** Zone names found valid (as written), and their zones: a bounded memo (validity never changes in a process). */
const knownZones = new Map<string, CalendarZone>();

/**
 * The zone the runtime's `Intl` resolves `name` to, or `undefined` when it refuses the name (as
 * luxon's `IANAZone.isValidZone` checks it: a formatter made and used).
 */
function intlZone(name: string): string | undefined {
  try {
    const dtf = new Intl.DateTimeFormat('en-US', { timeZone: name });
    dtf.format();
    return dtf.resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The canonical spelling of a zone name written in any case, or `undefined` when it is not a zone:
 * `UTC±HH:MM` for a fixed offset; the runtime's spelling for a name it lists (`Intl.supportedValuesOf`,
 * plus `UTC`); for another name the runtime accepts (an alias such as `US/Eastern`, or `Asia/Kolkata`
 * where the runtime lists `Asia/Calcutta`), the spelling the runtime resolves when that is the same
 * name, else the name as written, so that a name is never replaced by another alias. `local` and
 * `system` are refused: nothing may depend on the machine's zone.
 * @internal
 */
export function canonicalZoneName(name: string): string | undefined {
  const fixed = FIXED.exec(name);
  if (fixed) {
    const canonical = `UTC${fixed[1]}${fixed[2]}:${fixed[3]}`;
    return FIXED_OFFSET_PATTERN.test(canonical) ? canonical : undefined;
  }
  if (!NAME.test(name)) return undefined;
  const known = listedNames().get(name.toLowerCase());
  if (known !== undefined) return known;
  const resolved = intlZone(name);
  if (resolved === undefined) return undefined;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

/**
 * The {@link CalendarZone} for a zone name written in any case, or `undefined` when
 * {@link canonicalZoneName} refuses it.
 * @internal
 */
export function zoneFor(name: string): CalendarZone | undefined {
  const known = knownZones.get(name);
  if (known !== undefined) return known;
  const canonical = canonicalZoneName(name);
  if (canonical === undefined) return undefined;
  const fixed = FIXED.exec(canonical);
  const zone: CalendarZone = fixed
    ? {
        kind: 'fixed',
        name: canonical,
        offsetMs: (fixed[1] === '-' ? -1 : 1) * (+fixed[2]! * 60 + +fixed[3]!) * 60_000,
      }
    : canonical === 'UTC'
      ? { kind: 'fixed', name: canonical, offsetMs: 0 }
      : { kind: 'region', name: canonical };
  if (knownZones.size >= MAX_KNOWN_ZONES) knownZones.delete(knownZones.keys().next().value!);
  knownZones.set(name, zone);
  return zone;
}

/** @internal */
export function isValidZoneName(name: string): boolean {
  return canonicalZoneName(name) !== undefined;
}
