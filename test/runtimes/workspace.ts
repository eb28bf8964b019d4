/**
 * The scratch space of the runtime tests: copies of the repository to build and test the package
 * in (so that nothing races the `dist/` of the work tree or of test/package/), the packed
 * tarball, and a consumer project that has it in its node_modules beside luxon and zod, with the
 * smoke program (smoke.mjs) at its root.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Never copied: installs, builds, reports and the repository's history. */
const LEFT_OUT = new Set([
  'node_modules',
  '.git',
  'dist',
  'coverage',
  join('docs', 'api'),
  join('test', '.doc-examples'),
]);

export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program; rejects with its output when it fails or outlives `timeoutMs`. */
export async function run(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Ran> {
  try {
    return await promisify(execFile)(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error });
  }
}

/**
 * The environment of a child process: this one's, less what Vitest sets for its own workers (a
 * Vitest started inside a test would take them for its own), with `TZ` and `extra` on top.
 */
export function childEnv(tz: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!key.startsWith('VITEST') && key !== 'NODE_OPTIONS' && key !== 'TZ') env[key] = value;
  return { ...env, ...extra, TZ: tz };
}

/** A copy of the repository's sources under `into`, sharing the work tree's node_modules. */
export function copyRepository(into: string): string {
  cpSync(root, into, {
    recursive: true,
    filter: (from) => {
      const rel = relative(root, from);
      return !LEFT_OUT.has(rel) && !rel.endsWith('.tgz') && !rel.startsWith('.vitest-report');
    },
  });
  symlinkSync(join(root, 'node_modules'), join(into, 'node_modules'), 'dir');
  return into;
}

export interface Workspace {
  /** The scratch folder; everything below is inside it. */
  readonly dir: string;
  readonly tarball: string;
  /** The consumer project: package.json, node_modules/support-policy from the tarball, smoke.mjs. */
  readonly consumer: string;
}

/** Builds the package in a copy of the repository, packs it, and installs it into a consumer. */
export async function packForRuntimes(): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'support-policy-runtimes-'));
  const repo = copyRepository(join(dir, 'build'));
  await run('npm', ['run', '--silent', 'build'], { cwd: repo });
  const packed = JSON.parse(
    (await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repo })).stdout,
  ) as {
    filename: string;
  }[];
  const tarball = join(dir, packed[0]!.filename);
  const consumer = join(dir, 'consumer');
  const home = join(consumer, 'node_modules', 'support-policy');
  mkdirSync(home, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', home, '--strip-components=1'], { cwd: dir });
  // The runtime dependencies come from this repository's install, at the versions of its lockfile.
  for (const dep of ['luxon', 'zod'])
    symlinkSync(join(root, 'node_modules', dep), join(consumer, 'node_modules', dep), 'dir');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  copyFileSync(join(root, 'test', 'runtimes', 'smoke.mjs'), join(consumer, 'smoke.mjs'));
  return { dir, tarball, consumer };
}

/** What the smoke program prints. */
export interface SmokeOutput {
  readonly answers: Record<string, unknown>;
  readonly environment: { readonly zone: string; readonly locale: string; readonly offsetMinutes: number };
}

export const parseSmoke = (text: string): SmokeOutput => JSON.parse(text.trim()) as SmokeOutput;

/**
 * The named cases whose answers differ from the reference's, each with both answers: empty when
 * a runtime agrees on everything.
 */
export function differences(reference: SmokeOutput, other: SmokeOutput): string[] {
  const names = new Set([...Object.keys(reference.answers), ...Object.keys(other.answers)]);
  return [...names].flatMap((name) => {
    const want = JSON.stringify(reference.answers[name]);
    const got = JSON.stringify(other.answers[name]);
    return want === got ? [] : [`${name}: expected ${want}, got ${got}`];
  });
}

/** The report of a Vitest run written with `--reporter=json`, as the names of its tests by outcome. */
export function readVitestReport(path: string): { passed: string[]; failed: string[]; skipped: string[] } {
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    testResults: {
      name: string;
      status: string;
      message?: string;
      assertionResults: { fullName: string; status: string }[];
    }[];
  };
  const out = { passed: [] as string[], failed: [] as string[], skipped: [] as string[] };
  for (const file of report.testResults) {
    // A file that failed outside its tests (at import, in a hook) says so on the file only.
    if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'))
      out.failed.push(`${file.name}: ${file.message ?? 'failed outside its tests'}`);
    for (const t of file.assertionResults)
      (t.status === 'passed' ? out.passed : t.status === 'failed' ? out.failed : out.skipped).push(t.fullName);
  }
  return out;
}
