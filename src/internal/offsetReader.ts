import type { CalendarZone } from './zone.js';

/**
 * Reads a zone's UTC offset, in ms, at an instant: exactly luxon's `zone.offset(atMs)` (minutes)
 * times 60 000, seconds of pre-1972 offsets included (Africa/Monrovia was −00:44:30).
 * @internal
 */
export type OffsetReader = (atMs: number) => number;

/**
 * The fields luxon's `IANAZone.offset` reads, from a formatter whose locale, numbering system and
 * hour cycle are all explicit, so the text never depends on the machine's locale or zone.
 */
const FIELDS: Intl.DateTimeFormatOptions = {
  calendar: 'gregory',
  hourCycle: 'h23',
  numberingSystem: 'latn',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  era: 'short',
};

/** The order `readFormatted` expects the numeric fields in, era and punctuation aside. */
const ORDER = 'month day year hour minute second';

/** Whether `format` writes plain digits in {@link ORDER}, checked once per formatter on one instant. */
function hasExpectedFields(dtf: Intl.DateTimeFormat): boolean {
  const fields = dtf.formatToParts(0).filter((p) => p.type !== 'literal' && p.type !== 'era');
  return fields.every((p) => /^\d+$/.test(p.value)) && fields.map((p) => p.type).join(' ') === ORDER;
}

/**
 * The wall-clock fields of `format(atMs)` (`"7/1/2026 AD, 14:34:56"` in en-US) read as digit runs
 * in the order month, day, year, hour, minute, second; the offset is their distance from the
 * instant's second, as luxon computes it (the instant is floored to the second first).
 */
function readFormatted(format: (atMs: number) => string, atMs: number): number {
  const text = format(atMs);
  let month = 0;
  let day = 0;
  let year = 0;
  let hour = 0;
  let minute = 0;
  let field = 0;
  let value = -1;
  for (let i = 0; i <= text.length; i++) {
    const digit = i < text.length ? text.charCodeAt(i) - 48 : -1;
    if (digit >= 0 && digit <= 9) {
      value = value < 0 ? digit : value * 10 + digit;
      continue;
    }
    if (value < 0) continue;
    if (field === 0) month = value;
    else if (field === 1) day = value;
    else if (field === 2) year = value;
    else if (field === 3) hour = value;
    else if (field === 4) minute = value;
    else return Date.UTC(year, month - 1, day, hour, minute, value) - Math.floor(atMs / 1000) * 1000;
    field++;
    value = -1;
  }
  return NaN;
}

/**
 * The offset from `formatToParts`, field by field: slower than {@link readFormatted}, and read only
 * on an engine whose `format` writes the fields in another order or with other digits.
 * @internal
 */
export function readParts(dtf: Intl.DateTimeFormat, atMs: number): number {
  const field: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  let bc = false;
  for (const part of dtf.formatToParts(atMs)) {
    if (part.type === 'era') bc = /^B/i.test(part.value);
    else if (part.type !== 'literal') field[part.type] = Number(part.value);
  }
  const year = bc ? 1 - field.year! : field.year!;
  const wall = Date.UTC(year, field.month! - 1, field.day!, field.hour! % 24, field.minute!, field.second!);
  return wall - Math.floor(atMs / 1000) * 1000;
}

/**
 * An {@link OffsetReader} for a {@link CalendarZone}. A fixed offset is a constant. For a region
 * it formats with `Intl` and reads the digits back: the same fields from the same data as luxon's
 * `IANAZone.offset`, about 5× faster than its `formatToParts` (measured in docs/performance.md).
 * The field order is checked once; on an engine that wrote them otherwise, `formatToParts` answers.
 * @internal
 */
export function offsetReaderFor(zone: CalendarZone): OffsetReader {
  if (zone.kind === 'fixed') {
    const { offsetMs } = zone;
    return () => offsetMs;
  }
  const dtf = new Intl.DateTimeFormat('en-US', { ...FIELDS, timeZone: zone.name });
  const format = dtf.format;
  return hasExpectedFields(dtf) ? (atMs) => readFormatted(format, atMs) : (atMs) => readParts(dtf, atMs);
}
