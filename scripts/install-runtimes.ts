/**
 * `npm run runtimes`: installs what test/runtimes/ runs the package on — Node 22 and 24, Deno,
 * Bun, playwright-core (npm packages pinned in scripts/runtimes/catalog.ts) and Debian's Chromium
 * (`apt-get`, as root) — under the runtimes directory, and writes the manifest the tests read.
 * What is already there at the pinned version is kept. A runtime whose install fails is recorded
 * as skipped, with one line saying why; the script itself always exits 0, so the tests decide.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import {
  type Manifest,
  type ManifestEntry,
  manifestPath,
  NPM_RUNTIMES,
  type NpmRuntime,
  runtimesDir,
} from './runtimes/catalog.js';

const TIMEOUT_MS = 5 * 60_000;
const started = performance.now();
const dir = runtimesDir();
mkdirSync(dir, { recursive: true });

/**
 * What a failed command said, in one line: npm's error code and first message (not its stack or
 * the path of its log), or another command's last line.
 */
function gist(command: string, output: string): string | undefined {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (command !== 'npm') return lines.at(-1);
  const said = lines.map((l) => l.replace(/^npm (error|ERR!)\s*/, '')).filter(Boolean);
  const code = said.find((l) => /^code \S+$/.test(l))?.slice('code '.length);
  const message = said.find((l) => !/^(code|syscall|errno) \S+$|^at |^A complete log/.test(l));
  return [code, message].filter(Boolean).join(': ') || lines.at(-1);
}

/** Runs a command; its output, or an error whose message says in one line why it failed. */
async function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
      env,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string; killed?: boolean };
    const why = e.killed
      ? `timed out after ${TIMEOUT_MS / 1000} s`
      : (gist(command, `${e.stdout ?? ''}\n${e.stderr ?? ''}`) ?? e.message.split('\n')[0]);
    const shown = command === 'npm' ? `npm ${args[0]} ${args.at(-1)}` : `${command} ${args.join(' ')}`;
    throw new Error(`${shown}: ${why}`, { cause: error });
  }
}

/** The version a runtime at `path` reports, when it is the pinned one. */
async function pinnedVersionAt(runtime: NpmRuntime, path: string, pkgDir: string): Promise<string | undefined> {
  if (!existsSync(path)) return undefined;
  if (runtime.versionArgs === undefined) {
    const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
    return version === runtime.version ? version : undefined;
  }
  const printed = await run(path, runtime.versionArgs);
  return printed.includes(runtime.version) ? runtime.version : undefined;
}

async function installNpm(runtime: NpmRuntime): Promise<ManifestEntry> {
  const prefix = join(dir, runtime.name);
  const reasons: string[] = [];
  for (const pkg of runtime.packages) {
    const pkgDir = join(prefix, 'node_modules', ...pkg.split('/'));
    const path = join(pkgDir, runtime.entry);
    try {
      let version = await pinnedVersionAt(runtime, path, pkgDir).catch(() => undefined);
      if (version === undefined) {
        rmSync(prefix, { recursive: true, force: true });
        mkdirSync(prefix, { recursive: true });
        await run('npm', [
          'install',
          '--prefix',
          prefix,
          '--no-save',
          '--no-package-lock',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
          `${pkg}@${runtime.version}`,
        ]);
        version = await pinnedVersionAt(runtime, path, pkgDir);
      }
      if (version !== undefined) return { path, version, package: pkg };
      reasons.push(`${pkg}@${runtime.version} does not report version ${runtime.version}`);
    } catch (error) {
      reasons.push((error as Error).message);
    }
  }
  return { skipped: `install failed: ${reasons.join('; ')}` };
}

const which = (name: string) =>
  (process.env['PATH'] ?? '')
    .split(delimiter)
    .map((d) => join(d, name))
    .find((p) => p !== name && existsSync(p));

async function installChromium(): Promise<ManifestEntry> {
  const find = () => which('chromium') ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  let path = find();
  try {
    if (path === undefined) {
      if (which('apt-get') === undefined) return { skipped: 'not installed, and there is no apt-get to install it' };
      if (process.getuid?.() !== 0)
        return { skipped: 'not installed, and apt-get needs root (apt-get install chromium)' };
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      await run('apt-get', ['update', '-q'], env);
      await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], env);
      path = find();
      if (path === undefined) return { skipped: 'apt-get install chromium left no chromium on PATH' };
    }
    // Debian's launcher script may add a shell warning on stderr: keep the line with the version.
    const printed = await run(path, ['--version']);
    const version = /Chromium [\d.]+/.exec(printed)?.[0].replace('Chromium ', '');
    if (version === undefined) return { skipped: `${path} --version printed no version: ${printed.trim()}` };
    return { path, version, package: 'chromium' };
  } catch (error) {
    return { skipped: `install failed: ${(error as Error).message}` };
  }
}

const entries = await Promise.all([
  ...NPM_RUNTIMES.map(async (r) => [r.name, await installNpm(r)] as const),
  installChromium().then((e) => ['chromium', e] as const),
]);
const manifest: Manifest = Object.fromEntries(entries);
writeFileSync(manifestPath(), `${JSON.stringify(manifest, null, 2)}\n`);

const ready = entries.flatMap(([name, e]) => ('skipped' in e ? [] : [`${name} ${e.version.replace(/^v/, '')}`]));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`runtimes: ${ready.join(', ') || 'none'} under ${dir} (${seconds} s)`);
for (const [name, e] of entries) if ('skipped' in e) console.log(`runtimes: ${name} skipped: ${e.skipped}`);
