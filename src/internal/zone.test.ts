import { describe, expect, it } from 'vitest';
import { offsetReaderFor } from './offsetReader.js';
import { canonicalZoneName, zoneFor } from './zone.js';

/** What the runtime answers for a zone name: the same name in its own spelling, or another name. */
const runtimeSpelling = (name: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;

describe('zone names are accepted in any case and stored canonically', () => {
  it.each([
    ['europe/madrid', 'Europe/Madrid'],
    ['EUROPE/MADRID', 'Europe/Madrid'],
    ['america/new_york', 'America/New_York'],
    ['utc', 'UTC'],
    ['Utc', 'UTC'],
    ['utc+01:00', 'UTC+01:00'],
    ['Utc-03:30', 'UTC-03:30'],
  ])('%j is stored as %j', (written, canonical) => {
    expect(canonicalZoneName(written)).toBe(canonical);
  });

  it.each([
    'Europe/Madrid',
    'UTC',
    'UTC+01:00',
    'UTC-00:00',
    'UTC+14:59',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'US/Eastern',
  ])('a correctly written name stays as written, never another alias: %j', (name) => {
    expect(canonicalZoneName(name)).toBe(name);
  });

  it('an alias in another case takes the runtime spelling of that same name, or stays as written', () => {
    // Node 20 resolves asia/kolkata to Asia/Calcutta (another name): it stays as written there;
    // runtimes that spell it Asia/Kolkata store that.
    const spelled = runtimeSpelling('asia/kolkata');
    const expected = spelled.toLowerCase() === 'asia/kolkata' ? spelled : 'asia/kolkata';
    expect(canonicalZoneName('asia/kolkata')).toBe(expected);
    expect(canonicalZoneName('asia/kolkata')).not.toBe('Asia/Calcutta');
    expect(canonicalZoneName('us/eastern')?.toLowerCase()).toBe('us/eastern');
  });

  it('every name the runtime lists is its own canonical spelling, from any case', () => {
    const listed = Intl.supportedValuesOf('timeZone');
    expect(listed.length).toBeGreaterThan(300);
    for (const name of listed) {
      expect(canonicalZoneName(name)).toBe(name);
      expect(canonicalZoneName(name.toLowerCase())).toBe(name);
      expect(canonicalZoneName(name.toUpperCase())).toBe(name);
    }
  });

  it.each([
    'Local',
    'local',
    'SYSTEM',
    'system',
    'Europe/Madird',
    'Mars/Olympus',
    '',
    'UTC+15:00',
    'utc+01:60',
    'UTC+1',
    '../etc/passwd',
  ])('refuses %j', (name) => {
    expect(canonicalZoneName(name)).toBeUndefined();
    expect(zoneFor(name)).toBeUndefined();
  });

  it('a name in another case is the same zone: same offsets across a DST change', () => {
    const summer = Date.parse('2026-07-01T12:00:00Z');
    const winter = Date.parse('2026-01-01T12:00:00Z');
    const offset = (name: string, at: number) => offsetReaderFor(zoneFor(name)!)(at) / 60_000;
    expect(zoneFor('europe/madrid')).toEqual({ kind: 'region', name: 'Europe/Madrid' });
    for (const at of [summer, winter]) {
      expect(offset('europe/madrid', at)).toBe(offset('Europe/Madrid', at));
      expect(offset('utc-03:30', at)).toBe(-210);
    }
    expect(offset('europe/madrid', summer)).toBe(120);
    expect(offset('utc', summer)).toBe(0);
    expect(zoneFor('utc')).toEqual({ kind: 'fixed', name: 'UTC', offsetMs: 0 });
    expect(zoneFor('UTC+14:00')).toEqual({ kind: 'fixed', name: 'UTC+14:00', offsetMs: 14 * 3_600_000 });
  });
});
