/**
 * Empty arrays that start in their final element kind. V8 stores a fresh `[]` as small integers;
 * the first string, object or fraction pushed converts it, and code optimised for the earlier
 * arrays of the same site then bails out. Batch builders make new arrays on every call, so they
 * start them already general: one entry of the final kind is written, then removed. (An array
 * made with its length is converted once, on its first write, which optimised code expects.)
 */

/** An empty array for strings, objects or `null`. @internal */
export function refArray<T>(): T[] {
  const a = [null] as unknown as T[];
  a.pop();
  return a;
}

/** An array of `length` entries for strings, objects or `null`, each to be written once. @internal */
export function refArrayOf<T>(length: number): T[] {
  return new Array<T>(length);
}

/** An empty array for numbers that need not be small integers. @internal */
export function numberArray(): number[] {
  const a = [0.5];
  a.pop();
  return a;
}

/**
 * An array of `length` numbers (NaN until written), for scratch space written by index: on the
 * heap, so cheaper to make than a typed array for a handful of entries. @internal
 */
export function numbers(length: number): number[] {
  return new Array<number>(length).fill(Number.NaN);
}
