import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyMap, mapForEach, mapGet, mapSet, newEdit, type PersistentMap } from './persistentMap.js';

/** Every entry of a map, sorted by key. */
function entries<V>(map: PersistentMap<V>): [string, V][] {
  const out: [string, V][] = [];
  mapForEach(map, (v, k) => out.push([k, v]));
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('persistent map against a Map (fast-check)', () => {
  const op = fc.record({
    key: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('', 'a', 'b', 'k1', 'k2')),
    value: fc.integer(),
    transient: fc.boolean(),
  });

  it('every version reads as the Map it models, after any later change, transient or not', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const versions: { map: PersistentMap<number>; model: Map<string, number> }[] = [];
        let map = emptyMap<number>();
        let model = new Map<string, number>();
        let edit = newEdit();
        for (const { key, value, transient } of ops) {
          if (transient) {
            map = mapSet(map, key, value, edit);
          } else {
            // A persistent change: the versions before it must never change again.
            edit = newEdit();
            map = mapSet(map, key, value);
            versions.push({ map, model: new Map(model).set(key, value) });
          }
          model = new Map(model).set(key, value);
        }
        for (const v of versions) expect(entries(v.map)).toEqual([...v.model].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
        expect(entries(map)).toEqual([...model].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
        for (const [k, v] of model) expect(mapGet(map, k)).toBe(v);
      }),
      { numRuns: 300 },
    );
  });
});
