/**
 * A persistent map from strings to values: a hash array mapped trie (HAMT), the structure of
 * Clojure's `PersistentHashMap`. {@link mapSet} returns a new map that shares every node it did not
 * change with the old one, which stays valid and unchanged: a change copies one node per level it
 * walks through (at most 7 levels of at most 32 entries), so its cost grows with the logarithm
 * (base 32) of the map's size, not with the size. The ledger keeps its accounts, and each account
 * its conversations and events, in such maps (docs/decisions.md, "The ledger shares what an event
 * does not touch").
 *
 * A *transient* change passes an {@link Edit} token: nodes created under that token are changed in
 * place by later changes under the same token, instead of being copied again. A function that
 * makes many changes (replay) takes a token of its own and drops it when done, so no node is ever
 * changed once the map leaves that function; nodes of any other map are copied as usual.
 * @internal
 */

/** The owner of the nodes a run of transient changes may change in place. @internal */
export interface Edit {
  readonly owner: 'edit';
}

/** A new token for a run of transient changes. @internal */
export const newEdit = (): Edit => ({ owner: 'edit' });

/**
 * A node is one array rather than an object holding an array: one object less per node to
 * allocate, store and follow. A bitmap node is `[low, high, edit, ...pairs]`: `low` and `high` are
 * the two 16-bit halves of its bitmap (small integers, stored unboxed), one bit for each of the 32
 * slots at its level that is used, in order; each pair is a key and its value, or `null` and a
 * child node. A collision node is `[COLLISION, hash, edit, ...pairs]`: the keys whose whole hash
 * is `hash`. `edit` is the token that may change the node in place, or `null`.
 */
type Node = unknown[];
const COLLISION = -1;
const EDIT = 2;
const FIRST = 3;

/** A persistent map from strings to `V` (its root node). @internal */
export type PersistentMap<V> = Node & { readonly __values?: V };

const EMPTY: Node = Object.freeze([0, 0, null]) as Node;

/** The empty map. @internal */
export const emptyMap = <V>(): PersistentMap<V> => EMPTY as PersistentMap<V>;

const bitmapOf = (n: Node): number => (n[0] as number) | ((n[1] as number) << 16);
/**
 * A new node of these slots. It is the rest-parameter array itself, not an array literal: V8
 * allocates a literal directly in the old generation once most arrays from it survive (they do,
 * during a replay), and `applyEvent`'s short-lived nodes would then fill the old generation until
 * a full collection. Copies are made with `slice`, for the same reason.
 */
const nodeOf = (...slots: unknown[]): Node => slots;

const bitmapNode = (edit: Edit | null, bitmap: number, k1: unknown, v1: unknown, k2?: string, v2?: unknown): Node =>
  k2 === undefined
    ? nodeOf(bitmap & 0xffff, bitmap >>> 16, edit, k1, v1)
    : nodeOf(bitmap & 0xffff, bitmap >>> 16, edit, k1, v1, k2, v2);

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser so that every bit depends on every unit. @internal */
export function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The number of set bits of a 32-bit integer. */
function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The value of `key`, or `undefined`. @internal */
export function mapGet<V>(map: PersistentMap<V>, key: string): V | undefined {
  const hash = hashOf(key);
  let n: Node = map;
  for (let shift = 0; ; shift += 5) {
    if (n[0] === COLLISION) {
      for (let i = FIRST; i < n.length; i += 2) if (n[i] === key) return n[i + 1] as V;
      return undefined;
    }
    const bitmap = bitmapOf(n);
    const bit = 1 << ((hash >>> shift) & 31);
    if ((bitmap & bit) === 0) return undefined;
    const i = FIRST + 2 * bitCount(bitmap & (bit - 1));
    const k = n[i];
    if (k !== null) return k === key ? (n[i + 1] as V) : undefined;
    n = n[i + 1] as Node;
  }
}

/** `n` itself when `edit` owns it (a transient change), otherwise a copy owned by `edit`. */
function editable(n: Node, edit: Edit | null): Node {
  if (edit !== null && n[EDIT] === edit) return n;
  const copy = n.slice();
  copy[EDIT] = edit;
  return copy;
}

/** A node holding two keys whose hashes agree below `shift`. */
function pair(
  shift: number,
  k1: string,
  v1: unknown,
  h1: number,
  k2: string,
  v2: unknown,
  h2: number,
  edit: Edit | null,
): Node {
  if (h1 === h2) return nodeOf(COLLISION, h1, edit, k1, v1, k2, v2);
  const i1 = (h1 >>> shift) & 31;
  const i2 = (h2 >>> shift) & 31;
  if (i1 === i2) return bitmapNode(edit, 1 << i1, null, pair(shift + 5, k1, v1, h1, k2, v2, h2, edit));
  return i1 < i2
    ? bitmapNode(edit, (1 << i1) | (1 << i2), k1, v1, k2, v2)
    : bitmapNode(edit, (1 << i1) | (1 << i2), k2, v2, k1, v1);
}

function setIn(n: Node, shift: number, hash: number, key: string, value: unknown, edit: Edit | null): Node {
  if (n[0] === COLLISION) {
    if (hash !== n[1]) {
      // A key of another hash reaches a collision node: put both under a bitmap node at this level.
      const wrapper = bitmapNode(edit, 1 << (((n[1] as number) >>> shift) & 31), null, n);
      return setIn(wrapper, shift, hash, key, value, edit);
    }
    for (let i = FIRST; i < n.length; i += 2) {
      if (n[i] !== key) continue;
      if (n[i + 1] === value) return n;
      const copy = editable(n, edit);
      copy[i + 1] = value;
      return copy;
    }
    const copy = editable(n, edit);
    copy.push(key, value);
    return copy;
  }
  const bitmap = bitmapOf(n);
  const bit = 1 << ((hash >>> shift) & 31);
  const i = FIRST + 2 * bitCount(bitmap & (bit - 1));
  if ((bitmap & bit) === 0) {
    const copy = editable(n, edit);
    copy.splice(i, 0, key, value);
    copy[0] = (bitmap | bit) & 0xffff;
    copy[1] = (bitmap | bit) >>> 16;
    return copy;
  }
  const k = n[i] as string | null;
  const v = n[i + 1];
  let next: unknown;
  if (k === null) {
    next = setIn(v as Node, shift + 5, hash, key, value, edit);
  } else if (k === key) {
    next = value;
  } else {
    next = pair(shift + 5, k, v, hashOf(k), key, value, hash, edit);
  }
  if (next === v) return n;
  const copy = editable(n, edit);
  if (k !== null && k !== key) copy[i] = null;
  copy[i + 1] = next;
  return copy;
}

/**
 * The map with `key` set to `value`; `map` is unchanged, unless `edit` is given and owns some of
 * its nodes (a transient change, see above). The same map when `key` already has this value.
 * @internal
 */
export function mapSet<V>(map: PersistentMap<V>, key: string, value: V, edit: Edit | null = null): PersistentMap<V> {
  return setIn(map, 0, hashOf(key), key, value, edit) as PersistentMap<V>;
}

function eachIn(n: Node, fn: (value: unknown, key: string) => void): void {
  for (let i = FIRST; i < n.length; i += 2) {
    const k = n[i] as string | null;
    if (k === null) eachIn(n[i + 1] as Node, fn);
    else fn(n[i + 1], k);
  }
}

/** Calls `fn` with every value and its key, in no particular order. @internal */
export function mapForEach<V>(map: PersistentMap<V>, fn: (value: V, key: string) => void): void {
  eachIn(map, fn as (value: unknown, key: string) => void);
}
