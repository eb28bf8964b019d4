import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs `suite` when this process has `global.gc` (and `env`'s variables, e.g. a `TZ`); otherwise
 * runs the bench file `fileUrl` again in a child `node --expose-gc --import tsx` with them.
 */
export async function runWithGc(
  fileUrl: string,
  name: string,
  suite: () => Promise<void> | void,
  env: Record<string, string> = {},
): Promise<void> {
  const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  const envReady = Object.entries(env).every(([k, v]) => process.env[k] === v);
  if (hasGc && envReady) {
    await suite();
    return;
  }
  if (process.env.SUPPORT_POLICY_BENCH_CHILD === '1') {
    console.error(
      `${name}: the child process still lacks --expose-gc or ${Object.keys(env).join(', ') || 'its environment'}`,
    );
    process.exitCode = 1;
    return;
  }
  const file = fileURLToPath(fileUrl);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file, ...process.argv.slice(2)], {
    cwd: path.resolve(path.dirname(file), '..'),
    stdio: 'inherit',
    env: { ...process.env, ...env, SUPPORT_POLICY_BENCH_CHILD: '1' },
  });
  if (child.error) throw child.error;
  process.exitCode = child.status ?? 1;
}
