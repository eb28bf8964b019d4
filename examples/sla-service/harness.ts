/**
 * What the tests and the benchmark share: a client that prepares a database and sends events, and
 * worker processes (`npm run service` each, a real `node` process that `kill -9` can stop).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { measure, parsePolicy, type PolicyDefinition } from '../../src/index.js';
import type { TicketMessage } from './events.js';
import { notificationKey, notificationsOf } from './notifications.js';
import { loadPolicy } from './policies.js';
import type { ScenarioTicket } from './scenario.js';
import { migrate, QUEUES } from './schema.js';
import { sendEvents } from './worker.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** A client of the service: creates the schema and queues, loads a policy, sends events, reads results. */
export interface ServiceClient {
  readonly pool: pg.Pool;
  readonly boss: PgBoss;
  close(): Promise<void>;
}

export async function connectClient(databaseUrl: string, policy?: PolicyDefinition): Promise<ServiceClient> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => undefined); // idle connections broken by a server restart
  await migrate(pool);
  const boss = new PgBoss({ db: { executeSql: (t, v) => pool.query(t, v) }, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, retryLimit: 10_000, retryDelay: 1 });
  if (policy !== undefined) await loadPolicy(pool, boss, policy, 1);
  return {
    pool,
    boss,
    async close() {
      await boss.stop({ wait: true });
      await pool.end();
    },
  };
}

/** Sends messages from `producers` concurrent senders, each a contiguous share, in chunks of 1,000. */
export async function deliver(boss: PgBoss, messages: readonly TicketMessage[], producers = 4): Promise<void> {
  const share = Math.ceil(messages.length / producers);
  await Promise.all(
    Array.from({ length: producers }, (_, p) => sendEvents(boss, messages.slice(p * share, (p + 1) * share))),
  );
}

/** A worker process and its output. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly output: string[];
  /** Resolves once the worker works its queues. */
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `npm run service` (as `node --import tsx main.ts work`) against `databaseUrl`. */
export function spawnWorker(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'work'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line === '') continue;
        output.push(line);
        if (line.startsWith('sla-service: worker')) resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => reject(new Error(`worker exited before it was ready:\n${output.join('\n')}`)));
  });
  ready.catch(() => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, ready, exited };
}

/** The last stats line a worker printed (with `SLA_STATS_MS`). */
export function lastStats(worker: WorkerProcess): Record<string, number> | null {
  for (let i = worker.output.length - 1; i >= 0; i--)
    if (worker.output[i]!.startsWith('stats ')) return JSON.parse(worker.output[i]!.slice(6)) as Record<string, number>;
  return null;
}

/** Runs `query` until it succeeds (the server may be restarting), for up to `timeoutMs`. */
export async function retrying<T>(query: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await query();
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(250);
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `done` (through a server restart) every 200 ms until it holds; throws after `timeoutMs`. */
export async function waitFor(what: string, done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await retrying(done))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Jobs of a queue not finished yet (`due`: only those whose start instant has passed). */
export async function pendingJobs(pool: pg.Pool, queue: string, due = false): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state < 'completed'
        ${due ? 'AND start_after <= now()' : ''}`,
    [queue],
  );
  return rows[0]!.n;
}

/** The outbox's keys, sorted. */
export async function outboxKeys(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{
    ticket_id: string;
    target_id: string;
    cycle: number;
    kind: string;
    threshold: string;
  }>('SELECT ticket_id, target_id, cycle, kind, threshold FROM sla_outbox');
  return rows
    .map((r) =>
      notificationKey({
        ticketId: r.ticket_id,
        targetId: r.target_id,
        cycle: r.cycle,
        kind: r.kind as 'warning',
        threshold: r.threshold,
      }),
    )
    .sort();
}

/** The notifications one `measure` of each ticket's full timeline predicts at `nowMs`, as sorted keys. */
export function predictedKeys(policy: PolicyDefinition, tickets: readonly ScenarioTicket[], nowMs: number): string[] {
  const parsed = parsePolicy(policy);
  return tickets
    .flatMap((t) => notificationsOf(t.id, measure(parsed, t.account, t.events, nowMs)).map(notificationKey))
    .sort();
}
