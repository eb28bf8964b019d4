/**
 * `npx tsx bench/slaStream.bench.ts [--tickets N] [--chunk-size N]`: the SLA stream benchmark
 * (bench/slaStream.ts), 1,000,000 tickets unless told otherwise. `npm run bench` runs it from the
 * SLA bench, in a process of its own so that its peak RSS is the stream's; the figure of
 * docs/performance.md is `--tickets 10000000` (about 45 s on the machine there).
 */
import { runWithGc } from './respawn.js';

const arg = (flag: string): number | undefined => {
  const i = process.argv.indexOf(flag);
  const value = i < 0 ? undefined : Number(process.argv[i + 1]);
  if (value !== undefined && !(Number.isSafeInteger(value) && value > 0))
    throw new Error(`${flag}: expected a whole number above 0, got ${process.argv[i + 1]}`);
  return value;
};

const tickets = arg('--tickets') ?? 1_000_000;
const chunkSize = arg('--chunk-size');

await runWithGc(import.meta.url, 'slaStream.bench', async () => {
  const { runStream } = await import('./slaStream.js');
  await runStream(chunkSize === undefined ? { tickets } : { tickets, chunkSize });
});
