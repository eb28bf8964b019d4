import { describe, expect, it } from 'vitest';
import { emptyMap, hashOf, mapForEach, mapGet, mapSet, newEdit, type PersistentMap } from './persistentMap.js';

/** Every entry of a map, sorted by key. */
function entries<V>(map: PersistentMap<V>): [string, V][] {
  const out: [string, V][] = [];
  mapForEach(map, (v, k) => out.push([k, v]));
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Two distinct keys with the same 32-bit hash, found by search (a birthday collision among 200,000 keys). */
function collidingKeys(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; i < 400_000; i++) {
    const key = `k${i}`;
    const other = seen.get(hashOf(key));
    if (other !== undefined) return [other, key];
    seen.set(hashOf(key), key);
  }
  throw new Error('no colliding keys found');
}

describe('persistent map', () => {
  it('a set returns a new map and leaves the old one as it was', () => {
    const a = mapSet(emptyMap<number>(), 'x', 1);
    const b = mapSet(a, 'y', 2);
    const c = mapSet(b, 'x', 3);
    expect(entries(a)).toEqual([['x', 1]]);
    expect(entries(b)).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
    expect(entries(c)).toEqual([
      ['x', 3],
      ['y', 2],
    ]);
    expect([mapGet(a, 'y'), mapGet(b, 'y'), mapGet(c, 'x'), mapGet(c, 'z')]).toEqual([undefined, 2, 3, undefined]);
    expect(entries(emptyMap())).toEqual([]);
  });

  it('setting a key to the value it has returns the same map', () => {
    const value = { n: 1 };
    const a = mapSet(emptyMap<object>(), 'x', value);
    expect(mapSet(a, 'x', value)).toBe(a);
  });

  it('a set copies only the path to its key: the other entries are shared', () => {
    let map = emptyMap<object>();
    for (let i = 0; i < 10_000; i++) map = mapSet(map, `k${i}`, { i });
    const next = mapSet(map, 'k5', { i: -5 });
    let shared = 0;
    for (let i = 0; i < 10_000; i++) if (mapGet(next, `k${i}`) === mapGet(map, `k${i}`)) shared++;
    expect(shared).toBe(9_999);
  });

  it('keys whose whole hash is the same are kept apart (a collision node), also when a third key reaches it', () => {
    const [k1, k2] = collidingKeys();
    expect(hashOf(k1)).toBe(hashOf(k2));
    const one = mapSet(emptyMap<string>(), k1, 'first');
    const both = mapSet(one, k2, 'second');
    const replaced = mapSet(both, k1, 'again');
    const more = mapSet(replaced, 'other', 'third');
    expect([mapGet(both, k1), mapGet(both, k2), mapGet(one, k2)]).toEqual(['first', 'second', undefined]);
    expect([mapGet(replaced, k1), mapGet(both, k1)]).toEqual(['again', 'first']);
    expect(entries(more).map(([k]) => k)).toEqual([k1, k2, 'other'].sort());
    expect(mapSet(more, k2, 'second')).toBe(more);
  });

  it('a transient set changes in place only the nodes its own token made', () => {
    const before = mapSet(mapSet(emptyMap<number>(), 'a', 1), 'b', 2);
    const edit = newEdit();
    const first = mapSet(before, 'c', 3, edit);
    const second = mapSet(first, 'd', 4, edit);
    expect(second).toBe(first); // the root the token made, changed in place
    expect(entries(before)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    const later = mapSet(second, 'e', 5, newEdit()); // another token copies
    expect(later).not.toBe(second);
    expect(mapGet(second, 'e')).toBeUndefined();
  });
});
