/** Timing helpers of the SLA benches: runs back to back, their median and best. */
import { GCProfiler } from 'node:v8';

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

/**
 * `warmUp` untimed rounds, then `runs` timed rounds, of several bodies: each round runs every body
 * in an order rotated by one from the round before, so that a machine that slows down or speeds up
 * for a while weighs on all of them alike. Each timed run follows an untimed run of the same body,
 * so that it collects that body's garbage and finds the heap as that body leaves it, as in a
 * series of its own, not another body's. Each body is told whether its run is timed. The ms of
 * every timed run, per body.
 */
export function timeAlternating(
  runs: number,
  warmUp: number,
  bodies: readonly ((timed: boolean) => void)[],
): number[][] {
  const all = bodies.map(() => [] as number[]);
  for (let r = 0; r < warmUp + runs; r++) {
    for (let j = 0; j < bodies.length; j++) {
      const b = (r + j) % bodies.length;
      bodies[b]!(false);
      const t0 = now();
      bodies[b]!(r >= warmUp);
      if (r >= warmUp) all[b]!.push(Number(now() - t0) / 1e6);
    }
  }
  return all;
}

export const best = (xs: readonly number[]) => Math.min(...xs);
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** What the garbage collector did over some runs: scavenges (young generation), full collections, and their pauses. */
export interface Collections {
  readonly scavenges: number;
  readonly full: number;
  readonly pauseMs: number;
}

/**
 * `runs` runs of `body` back to back, untimed, with V8's GC profiler on: how often the garbage
 * of these runs was collected, and for how long. Kept apart from the timed runs, which the
 * profiler's own bookkeeping (heap statistics at every collection) would slow.
 */
export function collections(runs: number, body: () => void): Collections {
  const profiler = new GCProfiler();
  profiler.start();
  for (let r = 0; r < runs; r++) body();
  const stats = profiler.stop()?.statistics ?? [];
  let scavenges = 0;
  let full = 0;
  let pauseMs = 0;
  for (const s of stats) {
    if (s.gcType === 'Scavenge' || s.gcType === 'MinorMarkCompact') scavenges++;
    else if (s.gcType === 'MarkSweepCompact') full++;
    pauseMs += s.cost / 1000;
  }
  return { scavenges, full, pauseMs };
}
