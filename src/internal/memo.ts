/**
 * The map a memo keeps for one object (a policy, a calendar), created on first use. The outer
 * map is weak, so the memo goes when the object does; memos hold answers of pure functions of
 * immutable objects, so they never change an answer.
 * @internal
 */
export function memoFor<K extends object, K2, V>(memos: WeakMap<K, Map<K2, V>>, owner: K): Map<K2, V> {
  let memo = memos.get(owner);
  if (memo === undefined) {
    memo = new Map();
    memos.set(owner, memo);
  }
  return memo;
}
