/** Timing helpers of the SLA benches: runs back to back, their median and best. */

const now = () => process.hrtime.bigint();

/** `warmUp` untimed runs of `body`, then `runs` timed runs back to back; ms of every timed run. */
export function timeRuns(runs: number, warmUp: number, body: () => void): number[] {
  for (let r = 0; r < warmUp; r++) body();
  const all: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = now();
    body();
    all.push(Number(now() - t0) / 1e6);
  }
  return all;
}

export const best = (xs: readonly number[]) => Math.min(...xs);
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
