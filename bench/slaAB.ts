/**
 * `measureMany` as columns, this code against another commit's, in one process: the way
 * docs/performance.md ("More attempts, measured in one process") measures a change too small
 * for runs in separate processes, which move by 5–10 % from one process to the next.
 *
 *   npx tsx bench/slaAB.ts [base commit, HEAD by default] [processes, 3] [runs, 40]
 *
 * The base is checked out in a temporary git worktree; each tree's `src/` is bundled with esbuild
 * (with this file's measuring entry, `slaABEntry.ts`, so the two run the same workload code); then
 * each process loads both bundles, makes the workload once, and runs the two builds alternately,
 * the first of each pair switching every run (a fixed order favours the second by 2–5 %). It
 * prints each build's median and the ratio this / base: below 1 is faster. The two builds share
 * one heap, so each is collected for the other's garbage too: a change that allocates less shows
 * here as a few per cent at most, and its collections are counted by bench/sla.bench.ts (`gc`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const [base = 'HEAD', processes = '3', runs = '40'] = process.argv.slice(2);

async function bundle(tree: string, out: string): Promise<void> {
  copyFileSync(join(root, 'bench', 'slaABEntry.ts'), join(tree, 'bench', 'slaABEntry.ts'));
  await build({
    entryPoints: [join(tree, 'bench', 'slaABEntry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    external: ['luxon', 'zod'],
    logLevel: 'error',
  });
}

const DRIVER = `
const [a, b, runs] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const A = await import(a);
const B = await import(b);
const w = A.makeSlaWorkload();
const fa = A.prepare(w);
const fb = B.prepare(w);
for (let i = 0; i < 4; i++) { fa(); fb(); }
const xa = [], xb = [];
const one = (f, x) => { const t = performance.now(); f(); x.push(performance.now() - t); };
for (let i = 0; i < runs; i++) {
  if (i % 2 === 0) { one(fa, xa); one(fb, xb); } else { one(fb, xb); one(fa, xa); }
}
const median = (x) => [...x].sort((p, q) => p - q)[x.length >> 1];
console.log(JSON.stringify({ base: median(xa), current: median(xb) }));
`;

const scratch = mkdtempSync(join(tmpdir(), 'support-policy-ab-'));
const baseTree = join(scratch, 'base');
try {
  execFileSync('git', ['worktree', 'add', '--detach', baseTree, base], { cwd: root, stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(baseTree, 'node_modules'));
  const baseOut = join(root, 'node_modules', '.cache', 'slaAB', 'base.mjs');
  const currentOut = join(root, 'node_modules', '.cache', 'slaAB', 'current.mjs');
  await bundle(baseTree, baseOut);
  await bundle(root, currentOut);
  const driver = join(root, 'node_modules', '.cache', 'slaAB', 'driver.mjs');
  writeFileSync(driver, DRIVER);
  const sha = execFileSync('git', ['rev-parse', '--short', base], { cwd: root, encoding: 'utf8' }).trim();
  console.log(`measureMany as columns, 100,000 tickets: this tree against ${base} (${sha}), ${runs} runs each`);
  for (let p = 0; p < Number(processes); p++) {
    const line = execFileSync(process.execPath, [driver, baseOut, currentOut, runs], { encoding: 'utf8' });
    const { base: b, current: c } = JSON.parse(line) as { base: number; current: number };
    console.log(
      `  process ${p + 1}: base ${b.toFixed(1)} ms, this ${c.toFixed(1)} ms, this / base ${(c / b).toFixed(3)}`,
    );
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', baseTree], { cwd: root, stdio: 'ignore' });
  rmSync(scratch, { recursive: true, force: true });
}
