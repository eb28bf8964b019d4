import { describe, expect, it } from 'vitest';
import { runVectors } from '../../scripts/conformance/runVectors.js';
import { expectedFailures, readSample } from './sample.js';

type SlaSample = { cases: { id: string; target: { metric: string }; expect: unknown }[] };

for (const [name, file] of [
  ['SLA conformance sample', 'sla-sample.json'],
  ['SLA conformance sample, version 2', 'sla-sample-v2.json'],
] as const) {
  const sample = readSample<SlaSample>(file);
  describe(name, () => {
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
}
