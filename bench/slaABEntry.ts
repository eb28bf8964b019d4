/**
 * What bench/slaAB.ts bundles from each tree: the SLA batch workload, and a run of `measureMany`
 * as columns over it for both presets, made from that tree's `src/`.
 */
import { dedicatedSupport, measureMany, parsePolicy, standardSupport } from '../src/index.js';
import { makeSlaWorkload, NOW, type SlaWorkload } from './slaWorkload.js';

export { makeSlaWorkload };

/** One run over `w` (made by either tree's generator: the tickets are plain data); returns a checksum. */
export function prepare(w: SlaWorkload): () => number {
  const parts = [
    { policy: parsePolicy(standardSupport), tickets: w.standard.tickets },
    { policy: parsePolicy(dedicatedSupport), tickets: w.dedicated.tickets },
  ];
  return () => {
    let sum = 0;
    for (const p of parts) sum += measureMany(p.policy, p.tickets, NOW, { format: 'columns' }).targets.length;
    return sum;
  };
}
