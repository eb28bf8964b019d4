import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';

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

/** Most region zones remembered as valid (luxon's check builds an `Intl.DateTimeFormat` each time). */
const MAX_KNOWN_ZONES = 256;
/** Region zone names found valid (as written), and their zones: a bounded memo (validity never changes in a process). */
const knownZones = new Map<string, Zone>();

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
  if (!IANAZone.isValidZone(name)) return undefined;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

/**
 * The luxon zone for a zone name written in any case, or `undefined` when {@link canonicalZoneName}
 * refuses it.
 * @internal
 */
export function zoneFor(name: string): Zone | undefined {
  const zone = knownZones.get(name);
  if (zone !== undefined) return zone;
  const canonical = canonicalZoneName(name);
  if (canonical === undefined) return undefined;
  const fixed = FIXED.exec(canonical);
  if (fixed) return FixedOffsetZone.instance((fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])));
  if (canonical === 'UTC') return FixedOffsetZone.utcInstance;
  if (knownZones.size >= MAX_KNOWN_ZONES) knownZones.delete(knownZones.keys().next().value!);
  const created = IANAZone.create(canonical);
  knownZones.set(name, created);
  return created;
}

/** @internal */
export function isValidZoneName(name: string): boolean {
  return canonicalZoneName(name) !== undefined;
}
