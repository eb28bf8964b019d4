import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';

/** The same data with every object's keys in reverse order, in new objects. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value).reverse();
  return Object.fromEntries(keys.map((k) => [k, reversed((value as Record<string, unknown>)[k])]));
}

describe('canonicalJson', () => {
  it('writes keys sorted by UTF-16 code units, arrays in order, and no white space', () => {
    expect(canonicalJson({ b: [3, 1, { z: null, a: true }], a: 'x', B: 1.5, é: 0, '10': -2 })).toBe(
      '{"10":-2,"B":1.5,"a":"x","b":[3,1,{"a":true,"z":null}],"é":0}',
    );
  });

  it('leaves out undefined members, as JSON does, and ignores symbol keys', () => {
    const branded = Object.defineProperty({ a: 1, b: undefined }, Symbol.for('brand'), { value: true });
    expect(canonicalJson(branded)).toBe('{"a":1}');
  });

  it('writes strings and numbers as JSON.stringify does (RFC 8785), lone surrogates escaped', () => {
    expect(canonicalJson(['a"\\\n\u0001', 1e21, 1e-7, -0, '\ud800'])).toBe(
      JSON.stringify(['a"\\\n\u0001', 1e21, 1e-7, 0, '\ud800']),
    );
  });

  it('is JSON that reads back to the same data, and does not depend on key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reversed(value))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
