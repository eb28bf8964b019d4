import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** The commit measured, and whether `src/` had local changes. */
export function gitState(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'src')
      .split('\n')
      .filter((l) => l !== '').length;
    return `${git('rev-parse', '--short', 'HEAD')}${dirty > 0 ? ` + ${dirty} modified tracked file(s) under src/` : ', src/ clean'}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Heap and array-buffer use after two full collections. */
export function memorySnapshot(gc: () => void): { readonly heap: number; readonly ab: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, ab: m.arrayBuffers };
}

/** Prints a bench's title and the machine it runs on: date, Node, CPU and memory, commit. */
export function printMachine(title: string): void {
  const cpus = os.cpus();
  console.log(title);
  console.log(`date        ${new Date().toISOString()}`);
  console.log(`node        ${process.version} (${process.platform} ${process.arch}), V8 ${process.versions.v8}`);
  console.log(
    `cpu         ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} logical cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  );
  console.log(`commit      ${gitState()}`);
}
