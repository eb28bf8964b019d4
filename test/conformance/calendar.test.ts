import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runVectors } from '../../scripts/conformance/runVectors.js';
import { expectedFailures, readSample, samplePath as sampleFile } from './sample.js';

const samplePath = sampleFile('calendar-sample.json');
const sample = readSample<{ cases: { id: string; op: string; expect: unknown }[] }>('calendar-sample.json');

describe('calendar conformance sample', () => {
  const results = runVectors(sample);

  it('answers every case', () => {
    expect(Object.keys(results).sort()).toEqual(sample.cases.map((c) => c.id).sort());
  });

  for (const c of sample.cases) {
    if (expectedFailures.includes(c.id)) continue;
    it(`${c.id} (${c.op})`, () => {
      const got = results[c.id];
      if (typeof c.expect === 'object' && c.expect !== null && 'error' in c.expect) {
        expect(got).toMatchObject({ error: expect.any(String) });
      } else {
        expect(got).toBe(c.expect);
      }
    });
  }
});

describe('conformance runner command', () => {
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  const run = (args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/conformance.ts', ...args], { cwd, encoding: 'utf8' });

  it('prints one JSON object mapping every id to its answer', () => {
    const out = JSON.parse(run([samplePath])) as Record<string, unknown>;
    expect(Object.keys(out)).toHaveLength(sample.cases.length);
    expect(out['never-open/0/add']).toMatchObject({ error: expect.stringContaining('never open') });
  });

  it('exits non-zero when the file is unusable', () => {
    expect(() => run(['/nonexistent/vectors.json'])).toThrow();
  });
});
