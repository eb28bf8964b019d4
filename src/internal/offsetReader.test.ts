import { FixedOffsetZone, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetReaderFor } from './offsetReader.js';

const luxonMs = (zone: IANAZone | FixedOffsetZone, at: number) => Math.round(zone.offset(at) * 60_000);

/** Every zone the engine knows, and names the tz database keeps for compatibility. */
const ZONES = [
  ...Intl.supportedValuesOf('timeZone'),
  ...['CET', 'EST5EDT', 'MET', 'WET', 'Asia/Calcutta', 'Europe/Kiev', 'US/Pacific', 'Etc/GMT+12', 'Etc/GMT-14'],
];

/** mulberry32: a seeded PRNG, so the instants are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FROM = Date.UTC(1899, 11, 25);
const TO = Date.UTC(2400, 0, 10);

describe('offsetReaderFor', () => {
  it("reads luxon's offset exactly, in every zone, at 40 seeded instants of 1900–2399 each", () => {
    const next = seeded(0x0ff5e7);
    const differences: string[] = [];
    for (const name of ZONES) {
      const zone = IANAZone.create(name);
      const read = offsetReaderFor(zone);
      for (let k = 0; k < 40; k++) {
        const at = Math.floor(FROM + next() * (TO - FROM));
        if (read(at) !== luxonMs(zone, at)) differences.push(`${name} at ${at}: ${read(at)} ≠ ${luxonMs(zone, at)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('keeps the seconds of an offset (Africa/Monrovia, −00:44:30 until 1972) and of its change', () => {
    const zone = IANAZone.create('Africa/Monrovia');
    const read = offsetReaderFor(zone);
    expect(read(Date.UTC(1950, 0, 1))).toBe(-(44 * 60 + 30) * 1000);
    // 1972-01-07 00:00 local time (−00:44:30) is 00:44:30 UTC; from then on, UTC.
    const change = Date.UTC(1972, 0, 7, 0, 44, 30);
    expect([read(change - 1), read(change)]).toEqual([-2_670_000, 0]);
    expect([read(change - 1), read(change)]).toEqual([luxonMs(zone, change - 1), luxonMs(zone, change)]);
  });

  it('floors the instant to its second, as luxon does, before and after 1970', () => {
    const zone = IANAZone.create('Europe/Madrid');
    const read = offsetReaderFor(zone);
    for (const at of [-1_577_923_200_001, -1, 0, 999, 1_774_746_000_000 - 1, 1_774_746_000_000]) {
      expect(read(at)).toBe(luxonMs(zone, at));
    }
  });

  it('answers for a fixed offset without Intl', () => {
    const read = offsetReaderFor(FixedOffsetZone.instance(-150));
    expect(read(0)).toBe(-150 * 60_000);
  });
});
