import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { probeResults } from './tzProbe.js';

/**
 * SPEC.md §1: "Output is always the same instant whatever the caller's machine zone." The probe
 * (tzProbe.ts) answers a fixed list of questions on Madrid, Santiago and Lord Howe calendars, with
 * epoch ms, Date and luxon DateTime inputs; it runs in child processes under different TZ values.
 */

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const MACHINE_ZONES = ['Pacific/Chatham', 'America/Los_Angeles', 'UTC', 'Asia/Kolkata'];

interface ProbeOutput {
  machineOffset: number;
  results: Record<string, unknown>;
}

async function probeUnder(tz: string): Promise<ProbeOutput> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/hazards/tzProbe.ts'], {
    cwd,
    env: { ...process.env, TZ: tz },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ProbeOutput;
}

describe('results do not depend on the machine time zone', () => {
  const inProcess = probeResults();

  it('the probe asks enough questions to mean something', () => {
    expect(Object.keys(inProcess).length).toBeGreaterThan(500);
  });

  it(`a probe run under TZ=${MACHINE_ZONES.join(', ')} gives the in-process answers, for ms, Date and DateTime inputs`, async () => {
    const runs = await Promise.all(MACHINE_ZONES.map(probeUnder));
    runs.forEach((run, i) => {
      // Prove each child really ran in the zone it was given.
      const zoneOffset = DateTime.fromMillis(Date.UTC(2026, 0, 15), { zone: MACHINE_ZONES[i]! }).offset;
      expect(run.machineOffset, MACHINE_ZONES[i]).toBe(zoneOffset);
      expect(run.results).toEqual(inProcess);
    });
  });
});
