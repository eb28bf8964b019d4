import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runVectors } from '../../scripts/conformance/runVectors.js';

const samplePath = fileURLToPath(new URL('../../../shared/conformance/sla-sample.json', import.meta.url));
const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as { cases: { id: string; target: { metric: string }; expect: unknown }[] };
const expectedFailures = readFileSync(new URL('./expected-failures.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => l.split(/\s+/)[0]);

describe('SLA conformance sample', () => {
  const results = runVectors(sample);

  it('answers every case', () => {
    expect(Object.keys(results).sort()).toEqual(sample.cases.map((c) => c.id).sort());
  });

  for (const c of sample.cases) {
    if (expectedFailures.includes(c.id)) continue;
    it(`${c.id} (${c.target.metric})`, () => {
      if (typeof c.expect === 'object' && c.expect !== null && 'error' in c.expect) {
        expect(results[c.id]).toMatchObject({ error: expect.any(String) });
      } else {
        expect(results[c.id]).toEqual(c.expect);
      }
    });
  }
});
