import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a64 } from './fnv1a64.js';

/** FNV-1a 64 the obvious way, with BigInt over TextEncoder's bytes: the oracle. */
function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('gives the published test vectors of FNV-1a 64', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes: two-, three- and four-byte characters, and a lone surrogate as U+FFFD', () => {
    for (const text of ['é', 'Año nuevo', '€', '日本語', '😀', 'a\ud800b', '\udc00', '\ud83d']) {
      expect(fnv1a64(text), JSON.stringify(text)).toBe(reference(text));
    }
    expect(fnv1a64('a\ud800b')).toBe(fnv1a64('a\ufffdb'));
  });

  it('equals the BigInt reference on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        expect(fnv1a64(text)).toBe(reference(text));
      }),
      { numRuns: 500 },
    );
  });
});
