import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/** `UTC+01:00`, `UTC-03:30`: a fixed offset, for users who want one instead of a region's rules. */
const FIXED = /^UTC([+-])(\d{2}):(\d{2})$/;

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
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  return IANAZone.isValidZone(name) ? IANAZone.create(name) : undefined;
}

/** @internal */
export function isValidZoneName(name: string): boolean {
  return zoneFor(name) !== undefined;
}
