/**
 * `npm run bench` (third part): SLA batch throughput and memory: measureMany over 100,000 tickets
 * of 10 events (half standardSupport, half dedicatedSupport), against the floor of the raw
 * calendar calls they need; measure() in a loop and explain for information; long tickets
 * (bench/slaLongTicket.ts). See
 * docs/performance.md ("SLA batch").
 *
 * The memory figures need `global.gc` (node --expose-gc); when it is missing, this file runs
 * itself again in a child node process that has it.
 */
import { runWithGc } from './respawn.js';

await runWithGc(import.meta.url, 'sla.bench', async () => {
  const { run } = await import('./slaSuite.js');
  run();
  const { runHelpdesk } = await import('./slaHelpdesk.js');
  runHelpdesk();
  const { runLongTickets } = await import('./slaLongTicket.js');
  runLongTickets();
});
