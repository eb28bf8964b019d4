/**
 * `npm run bench`: business-calendar throughput of support-policy against a plain precomputed
 * baseline and three competitors, plus the memory of a 10-year calendar. See docs/performance.md.
 *
 * The measurement needs `global.gc` (node --expose-gc) for the memory figure, and TZ=Europe/Madrid
 * because moment-business-time and dayjs-business-time only compute in the process's local zone.
 * When either is missing, this file runs itself again in a child node process that has both.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TZ = 'Europe/Madrid';
const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';

if (hasGc && process.env.TZ === TZ) {
  const { run } = await import('./suite.js');
  await run();
} else if (process.env.SUPPORT_POLICY_BENCH_CHILD === '1') {
  console.error('calendar.bench: the child process still lacks --expose-gc or TZ=Europe/Madrid');
  process.exitCode = 1;
} else {
  const file = fileURLToPath(import.meta.url);
  const root = path.resolve(path.dirname(file), '..');
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ, SUPPORT_POLICY_BENCH_CHILD: '1' },
  });
  if (child.error) throw child.error;
  process.exitCode = child.status ?? 1;
}
