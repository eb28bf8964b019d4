/**
 * `npm run bench` (second part): throughput and memory of the support-hours ledger: 1,000,000
 * shuffled events for 10,000 accounts replayed into an empty ledger, then balances() of every
 * account and statement() of a sample; then applyEvent on ledgers of 100 to 100,000 accounts.
 * Each beside a mutable baseline on the same events. See docs/performance.md ("Support-hours
 * ledger").
 *
 * The memory figure needs `global.gc` (node --expose-gc); when it is missing, this file runs
 * itself again in a child node process that has it.
 */
import { runWithGc } from './respawn.js';

await runWithGc(import.meta.url, 'hours.bench', async () => {
  const { run } = await import('./hoursSuite.js');
  run();
});
