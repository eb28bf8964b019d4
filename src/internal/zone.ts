import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/** `UTC+01:00`, `UTC-03:30`: a fixed offset, for users who want one instead of a region's rules. */
const FIXED = /^UTC([+-])(\d{2}):(\d{2})$/;

/** Most region zones remembered as valid (luxon's check builds an `Intl.DateTimeFormat` each time). */
const MAX_KNOWN_ZONES = 256;
/** Region zone names found valid, and their zones: a bounded memo (validity never changes in a process). */
const known = new Map<string, Zone>();

/**
 * The luxon zone for a zone name, or `undefined` when the name is not a valid IANA zone or fixed
 * offset. `local`/`system` are refused: nothing may depend on the machine's zone.
 * @internal
 */
export function zoneFor(name: string): Zone | undefined {
  const fixed = FIXED.exec(name);
  if (fixed) {
    const hours = Number(fixed[2]);
    const minutes = Number(fixed[3]);
    if (hours > 14 || minutes > 59) return undefined;
    return FixedOffsetZone.instance((fixed[1] === '-' ? -1 : 1) * (hours * 60 + minutes));
  }
  if (name === 'UTC') return FixedOffsetZone.utcInstance;
  const zone = known.get(name);
  if (zone !== undefined) return zone;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || !IANAZone.isValidZone(name)) return undefined;
  if (known.size >= MAX_KNOWN_ZONES) known.delete(known.keys().next().value!);
  const created = IANAZone.create(name);
  known.set(name, created);
  return created;
}

/** @internal */
export function isValidZoneName(name: string): boolean {
  return zoneFor(name) !== undefined;
}
