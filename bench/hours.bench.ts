/**
 * `npm run bench` (second part): throughput and memory of the support-hours ledger: 1,000,000
 * shuffled events for 10,000 accounts replayed into an empty ledger, then balances() of every
 * account and statement() of a sample. See docs/performance.md ("Support-hours ledger").
 *
 * The memory figure needs `global.gc` (node --expose-gc); when it is missing, this file runs
 * itself again in a child node process that has it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';

if (hasGc) {
  const { run } = await import('./hoursSuite.js');
  run();
} else if (process.env.SUPPORT_POLICY_BENCH_CHILD === '1') {
  console.error('hours.bench: the child process still lacks --expose-gc');
  process.exitCode = 1;
} else {
  const file = fileURLToPath(import.meta.url);
  const root = path.resolve(path.dirname(file), '..');
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SUPPORT_POLICY_BENCH_CHILD: '1' },
  });
  if (child.error) throw child.error;
  process.exitCode = child.status ?? 1;
}
