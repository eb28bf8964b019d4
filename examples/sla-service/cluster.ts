/**
 * A throwaway PostgreSQL server for the tests, the benchmark and `npm run service:db`: `initdb` in
 * a temporary folder, listening only on a Unix socket inside it (no port taken from anyone), run
 * as the unprivileged `postgres` user when started by root (initdb refuses root). Uses Debian's
 * `postgresql` package (`/usr/lib/postgresql/<version>/bin`), or `PG_BIN`, or `initdb` on PATH.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running throwaway server. */
export interface Cluster {
  /** A connection string for `pg` (the socket folder as host). */
  readonly url: string;
  readonly dir: string;
  /** Stops the server as a crash would (`immediate`: recovery from the WAL on start) or cleanly, then starts it. */
  restart(mode?: 'immediate' | 'fast', downMs?: number): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): void;
}

/** The folder holding `initdb` and `pg_ctl`, or `null` when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv !== undefined && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found !== '' ? join(found, '..') : null;
}

/** Why the server cannot be started here, or `null` when it can. */
export function clusterUnavailable(): string | null {
  if (findPostgresBin() === null) return 'PostgreSQL is not installed (initdb not found; apt-get install postgresql)';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root and there is no postgres user to run the server as';
  return null;
}

export interface ClusterOptions {
  /** `true`: fsync and full-page writes on, as a production server (the benchmark); default off (tests). */
  readonly durable?: boolean;
  /** More server settings (`-c name=value` each). */
  readonly settings?: readonly string[];
}

/** Creates and starts a server in a new temporary folder. */
export function startCluster(options: ClusterOptions = {}): Cluster {
  const bin = findPostgresBin();
  if (bin === null) throw new Error('PostgreSQL is not installed: initdb not found');
  const dir = mkdtempSync(join(tmpdir(), 'sla-pg-'));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      }
    : {};
  if (asRoot) chownSync(dir, user.uid!, user.gid!);
  const data = join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const r = spawnSync(join(bin, tool), args, {
      ...user,
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], LANG: 'C' },
    });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const durability = options.durable === true ? [] : ['-c fsync=off', '-c full_page_writes=off'];
  const settings = [
    "-c listen_addresses=''",
    `-c unix_socket_directories=${dir}`,
    '-c max_connections=200',
    ...durability,
    ...(options.settings ?? []).map((s) => `-c ${s}`),
  ].join(' ');
  const start = () =>
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  const stopWith = (mode: string) => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  let stopped = false;
  return {
    url: `postgresql://postgres@${encodeURIComponent(dir)}/postgres`,
    dir,
    async restart(mode = 'immediate', downMs = 0) {
      stopWith(mode);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      start();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        stopWith('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
