import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyArb } from '../../test/arbitraries/policy.js';
import { canonicalJson } from '../internal/canonicalJson.js';
import { parsePolicy, type Policy, policyFingerprint } from '../index.js';

// policyFingerprint over random valid policies (test/arbitraries/policy.ts): equal content gives
// equal fingerprints whatever the key order, and different content different ones.

/** The same data with every object's keys in an order drawn from `seed` (rotated, and reversed when odd). */
function reordered(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => reordered(v, seed));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  const r = keys.length === 0 ? 0 : seed % keys.length;
  const order = [...keys.slice(r), ...keys.slice(0, r)];
  if (seed % 2 === 1) order.reverse();
  return Object.fromEntries(order.map((k) => [k, reordered((value as Record<string, unknown>)[k], seed + 1)]));
}

describe('policyFingerprint over random policies', () => {
  it('is the same for the same document with its keys in any order, as an object or as text', () => {
    fc.assert(
      fc.property(policyArb, fc.nat(), (definition, seed) => {
        const fingerprint = policyFingerprint(parsePolicy(definition));
        const shuffled = reordered(definition, seed);
        expect(policyFingerprint(parsePolicy(shuffled))).toBe(fingerprint);
        expect(policyFingerprint(parsePolicy(JSON.stringify(shuffled)))).toBe(fingerprint);
      }),
      { numRuns: 60 },
    );
  });

  it('two policies have the same fingerprint exactly when they hold the same data', () => {
    const parsed = (d: unknown): Policy => parsePolicy(d);
    fc.assert(
      fc.property(policyArb, policyArb, (a, b) => {
        const [p, q] = [parsed(a), parsed(b)];
        expect(policyFingerprint(p) === policyFingerprint(q)).toBe(canonicalJson(p) === canonicalJson(q));
        // One field changed: the name, which every policy has.
        const renamed = parsed({ ...a, name: { ...a.name, en: `${a.name.en} (2)` } });
        expect(policyFingerprint(renamed)).not.toBe(policyFingerprint(p));
      }),
      { numRuns: 60 },
    );
  });
});
