/** Months of 31 days, of 30 days, and February up to the 28th, each with its days. */
const MONTH_DAY =
  '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';

/** Leap years of the Gregorian calendar: divisible by 4 but not by 100 (`…04`, `…96`), or by 400 (`2000`, `0000`). */
const LEAP_YEAR = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';

/**
 * A date that exists, `YYYY-MM-DD` (years 0000–9999 of the proleptic Gregorian calendar): it knows
 * month lengths, and allows 29 February only in leap years. A regular expression without
 * look-around, so that JSON Schema validators in other languages read it as this library does.
 */
export const ISO_DATE_PATTERN = new RegExp(`^(?:[0-9]{4}-${MONTH_DAY}|${LEAP_YEAR}-02-29)$`);
