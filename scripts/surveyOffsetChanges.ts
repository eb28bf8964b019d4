/**
 * `npx tsx scripts/surveyOffsetChanges.ts`: checks, on the running engine's time-zone data, the
 * premise of the year tables' transition finder (docs/decisions.md, "Offset transitions are found
 * by reading every two days"): in no zone, from 1900 to 2399, does an offset last less than the
 * finder's step between two equal offsets. Run it after a Node upgrade (Node's ICU carries the tz
 * data). It reads every zone's offset every 6 hours with the finder itself and bisects each change,
 * so it sees every offset that lasts 6 hours or more; it prints the shortest offset episodes and
 * the shortest gaps between two changes, and exits with 1 if an episode is shorter than the step.
 * It takes several minutes (14 on the busy machine of docs/performance.md).
 */
import { findOffsetTable, OFFSET_STEP_MS } from '../src/calendar/wallTime.js';
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS } from '../src/instant.js';
import { offsetReaderFor } from '../src/internal/offsetReader.js';
import { zoneFor } from '../src/internal/zone.js';

const HOUR = 3_600_000;
const FROM = MIN_SUPPORTED_MS - 3 * 24 * HOUR;
const TO = MAX_SUPPORTED_MS + 3 * 24 * HOUR;
/** Names kept by the tz database for compatibility, which `supportedValuesOf` leaves out. */
const LEGACY = ['CET', 'CST6CDT', 'EET', 'EST5EDT', 'MET', 'MST7MDT', 'PST8PDT', 'WET', 'Asia/Calcutta', 'Europe/Kiev'];

interface Finding {
  readonly hours: number;
  readonly zone: string;
  readonly at: string;
}

const episodes: Finding[] = [];
const gaps: Finding[] = [];
const zones = [...Intl.supportedValuesOf('timeZone'), ...LEGACY];
let changes = 0;
for (const [n, zone] of zones.entries()) {
  const { from, offsets } = findOffsetTable(offsetReaderFor(zoneFor(zone)!), FROM, TO, 6 * HOUR);
  changes += from.length - 1;
  for (let j = 2; j < from.length; j++) {
    gaps.push({ hours: (from[j]! - from[j - 1]!) / HOUR, zone, at: new Date(from[j - 1]!).toISOString() });
    // The shortest run of changes that ends on the offset in force before it began.
    for (let i = j - 1; i >= 1 && from[j]! - from[i]! < 90 * 24 * HOUR; i--) {
      if (offsets[i - 1] === offsets[j]) {
        episodes.push({ hours: (from[j]! - from[i]!) / HOUR, zone, at: new Date(from[i]!).toISOString() });
        break;
      }
    }
  }
  if ((n + 1) % 50 === 0) console.error(`${n + 1}/${zones.length} zones`);
}
const shortest = (list: Finding[]) =>
  [...list]
    .sort((a, b) => a.hours - b.hours)
    .slice(0, 8)
    .map((f) => `  ${f.hours.toFixed(1)} h  ${f.zone} from ${f.at}`)
    .join('\n');
console.log(
  `${zones.length} zones, ${changes} offset changes from 1900 to 2399 (ICU ${process.versions.icu}, tz ${process.versions.tz})`,
);
console.log(`shortest offsets between two equal ones:\n${shortest(episodes)}`);
console.log(`shortest times between two changes:\n${shortest(gaps)}`);
const tooShort = episodes.filter((e) => e.hours * HOUR < OFFSET_STEP_MS);
console.log(
  tooShort.length === 0
    ? `no offset lasts less than the finder's step (${OFFSET_STEP_MS / HOUR} h) between two equal ones`
    : `${tooShort.length} offset(s) last less than the finder's step (${OFFSET_STEP_MS / HOUR} h): shorten it`,
);
process.exitCode = tooShort.length === 0 ? 0 : 1;
