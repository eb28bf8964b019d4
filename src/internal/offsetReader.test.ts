import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetReaderFor, readParts } from './offsetReader.js';
import type { CalendarZone } from './zone.js';

const luxonMs = (zone: IANAZone, at: number) => Math.round(zone.offset(at) * 60_000);
const region = (name: string): CalendarZone => ({ kind: 'region', name });

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
      const read = offsetReaderFor(region(name));
      for (let k = 0; k < 40; k++) {
        const at = Math.floor(FROM + next() * (TO - FROM));
        if (read(at) !== luxonMs(zone, at)) differences.push(`${name} at ${at}: ${read(at)} ≠ ${luxonMs(zone, at)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('keeps the seconds of an offset (Africa/Monrovia, −00:44:30 until 1972) and of its change', () => {
    const zone = IANAZone.create('Africa/Monrovia');
    const read = offsetReaderFor(region('Africa/Monrovia'));
    expect(read(Date.UTC(1950, 0, 1))).toBe(-(44 * 60 + 30) * 1000);
    // 1972-01-07 00:00 local time (−00:44:30) is 00:44:30 UTC; from then on, UTC.
    const change = Date.UTC(1972, 0, 7, 0, 44, 30);
    expect([read(change - 1), read(change)]).toEqual([-2_670_000, 0]);
    expect([read(change - 1), read(change)]).toEqual([luxonMs(zone, change - 1), luxonMs(zone, change)]);
  });

  it('floors the instant to its second, as luxon does, before and after 1970', () => {
    const zone = IANAZone.create('Europe/Madrid');
    const read = offsetReaderFor(region('Europe/Madrid'));
    for (const at of [-1_577_923_200_001, -1, 0, 999, 1_774_746_000_000 - 1, 1_774_746_000_000]) {
      expect(read(at)).toBe(luxonMs(zone, at));
    }
  });

  it('answers for a fixed offset without Intl', () => {
    const read = offsetReaderFor({ kind: 'fixed', name: 'UTC-02:30', offsetMs: -150 * 60_000 });
    expect(read(0)).toBe(-150 * 60_000);
  });

  it('reads the same offsets from formatToParts, the way an engine with another field order is read', () => {
    const next = seeded(0x5eed);
    const differences: string[] = [];
    for (const name of [
      'Europe/Madrid',
      'Africa/Monrovia',
      'Australia/Lord_Howe',
      'Pacific/Apia',
      'America/St_Johns',
    ]) {
      const zone = IANAZone.create(name);
      const dtf = new Intl.DateTimeFormat('en-US', {
        calendar: 'gregory',
        hourCycle: 'h23',
        numberingSystem: 'latn',
        timeZone: name,
        ...{ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' },
        era: 'short',
      } as const);
      for (let k = 0; k < 200; k++) {
        const at = Math.floor(FROM + next() * (TO - FROM));
        if (readParts(dtf, at) !== luxonMs(zone, at)) differences.push(`${name} at ${at}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
