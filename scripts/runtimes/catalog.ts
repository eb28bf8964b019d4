/**
 * The runtimes the package is tested on besides the machine's Node (test/runtimes/), where they
 * live and how the tests find them. `scripts/install-runtimes.ts` installs them; the tests read
 * the manifest it writes and skip, saying why, what is not there.
 *
 * Every runtime comes from the npm registry as a platform package that ships its binary (no
 * install script runs), pinned here, into a folder of its own under the runtimes directory:
 * `$SUPPORT_POLICY_RUNTIMES`, else `~/.cache/support-policy/runtimes`. Outside the work tree,
 * so the project's lockfile is never touched and any clone of the repository on the machine
 * finds them; a second install of the same versions reuses what is there. Chromium is Debian's
 * (`apt-get install chromium`), driven by `playwright-core`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type RuntimeName = 'node22' | 'node24' | 'deno' | 'bun' | 'playwright-core' | 'chromium';

/** A runtime that npm installs: the package for this platform, and where its binary is in it. */
export interface NpmRuntime {
  readonly name: Exclude<RuntimeName, 'chromium'>;
  readonly version: string;
  /** Package names to try in order (Bun's baseline build runs on processors without AVX2). */
  readonly packages: readonly string[];
  /** The file to run or import, inside the package's folder. */
  readonly entry: string;
  /** Arguments that make the binary print its version; none for a library. */
  readonly versionArgs?: readonly string[];
}

const platform = process.platform;
const arch = process.arch;
const bunArch = arch === 'arm64' ? 'aarch64' : arch;
const libc = platform === 'linux' ? '-glibc' : '';

/** Pinned versions: the current 22 and 24 lines, and the Deno, Bun and Playwright of 2026-12-04. */
export const NPM_RUNTIMES: readonly NpmRuntime[] = [
  {
    name: 'node22',
    version: '22.23.5',
    packages: [`node-${platform}-${arch}`],
    entry: 'bin/node',
    versionArgs: ['--version'],
  },
  {
    name: 'node24',
    version: '24.22.3',
    packages: [`node-${platform}-${arch}`],
    entry: 'bin/node',
    versionArgs: ['--version'],
  },
  {
    name: 'deno',
    version: '2.9.6',
    packages: [`@deno/${platform}-${arch}${libc}`],
    entry: 'deno',
    versionArgs: ['--version'],
  },
  {
    name: 'bun',
    version: '1.4.5',
    packages: [`@oven/bun-${platform}-${bunArch}`, `@oven/bun-${platform}-${bunArch}-baseline`],
    entry: 'bin/bun',
    versionArgs: ['--version'],
  },
  { name: 'playwright-core', version: '1.65.2', packages: ['playwright-core'], entry: 'index.js' },
];

/** The folder every runtime is installed under. */
export function runtimesDir(): string {
  return process.env['SUPPORT_POLICY_RUNTIMES'] || join(homedir(), '.cache', 'support-policy', 'runtimes');
}

/** What the installer found or put in place: the file to run and its version, or why there is none. */
export type ManifestEntry =
  { readonly path: string; readonly version: string; readonly package: string } | { readonly skipped: string };

export type Manifest = Partial<Record<RuntimeName, ManifestEntry>>;

export const manifestPath = (): string => join(runtimesDir(), 'manifest.json');

/** The installer's manifest, or an empty one when nothing was installed here. */
export function readManifest(): Manifest {
  try {
    return JSON.parse(readFileSync(manifestPath(), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

/** Why the tests cannot use a runtime, and whether its install was tried and failed. */
export interface Unusable {
  readonly skipped: string;
  readonly installFailed: boolean;
}

/** A runtime's path and version, or why the tests cannot use it. */
export function locate(name: RuntimeName): { path: string; version: string } | Unusable {
  const entry = readManifest()[name];
  const unusable = (skipped: string, installFailed = false): Unusable => ({ skipped, installFailed });
  if (entry === undefined)
    return unusable(`${name} is not installed (npm run runtimes installs it in ${runtimesDir()})`);
  if ('skipped' in entry) return unusable(`${name}: ${entry.skipped}`, true);
  const pinned = NPM_RUNTIMES.find((r) => r.name === name)?.version;
  if (pinned !== undefined && entry.version !== pinned)
    return unusable(`${name} ${entry.version} is installed, ${pinned} is pinned (npm run runtimes updates it)`);
  if (!existsSync(entry.path)) return unusable(`${name} is gone from ${entry.path} (npm run runtimes reinstalls it)`);
  return entry;
}
