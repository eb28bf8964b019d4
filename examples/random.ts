/** Seeded randomness for the examples' sample data: the same seed gives the same data everywhere. */

/** A small seeded PRNG (mulberry32): numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks from weighted choices with one random number in [0, 1). */
export function pick<T>(r: number, choices: readonly (readonly [T, number])[]): T {
  let rest = r * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of choices) if ((rest -= weight) < 0) return value;
  return choices[choices.length - 1]![0];
}
