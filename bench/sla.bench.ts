/**
 * `npm run bench` (third part): SLA batch throughput and memory: measureMany over 100,000 tickets
 * of 10 events (half standardSupport, half dedicatedSupport), against the floor of the raw
 * calendar calls they need and the memory floor of reading them and writing their answer;
 * measure() in a loop and explain for information; long tickets (bench/slaLongTicket.ts); then
 * measureStream over 1,000,000 tickets made by a generator, in a process of its own
 * (`--stream-tickets N` for another count: the figure of docs/performance.md is 10,000,000). See
 * docs/performance.md ("SLA batch", "Long tickets", "SLA stream").
 *
 * The memory figures need `global.gc` (node --expose-gc); when it is missing, this file runs
 * itself again in a child node process that has it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runWithGc } from './respawn.js';

const flag = process.argv.indexOf('--stream-tickets');
const streamTickets = flag < 0 ? '1000000' : (process.argv[flag + 1] ?? '');

await runWithGc(import.meta.url, 'sla.bench', async () => {
  const { run } = await import('./slaSuite.js');
  run();
  const { runHelpdesk } = await import('./slaHelpdesk.js');
  runHelpdesk();
  const { runLongTickets } = await import('./slaLongTicket.js');
  runLongTickets();
  // The stream's peak RSS must be its own: a fresh process, which runs its own comparison batch.
  const stream = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(new URL('./slaStream.bench.ts', import.meta.url)),
      '--tickets',
      streamTickets,
    ],
    { stdio: 'inherit', env: { ...process.env, SUPPORT_POLICY_BENCH_CHILD: '1' } },
  );
  if (stream.status !== 0) process.exitCode = stream.status ?? 1;
});
