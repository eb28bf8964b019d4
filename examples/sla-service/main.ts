/**
 * `npm run service [-- COMMAND]` against `DATABASE_URL`:
 *
 * - `work` (the default): a worker; run as many as you like, on any machines. Loads the standard
 *   preset as version 1 when the database has no policy yet (`SLA_POLICY` names a JSON file instead).
 * - `policy FILE.json`: loads a new policy version, waits for the open tickets' background
 *   re-measure, and prints how many deadlines moved.
 * - `send FILE.ndjson`: queues ticket events, one message a line (`{ eventId, ticketId, seq, event, account? }`).
 * - `outbox`: counts the notifications written, by kind.
 * - `db`: starts a throwaway PostgreSQL server and prints its `DATABASE_URL` (Ctrl-C stops and removes it).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { standardSupport } from '../../src/index.js';
import { startCluster } from './cluster.js';
import { loadPolicy, type PolicyDocument, policyChangeReport } from './policies.js';
import { migrate, QUEUES } from './schema.js';
import { sendEvents, startWorker } from './worker.js';

function databaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (url === undefined || url === '')
    throw new Error('DATABASE_URL is not set (npm run service -- db starts a server)');
  return url;
}

/** A pg-boss client over a pool, for the commands that only send. */
async function client(): Promise<{ pool: pg.Pool; boss: PgBoss; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2 });
  await migrate(pool);
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    supervise: false,
    schedule: false,
  });
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, retryLimit: 10_000, retryDelay: 1 });
  return { pool, boss, close: async () => (await boss.stop({ wait: true }), await pool.end()) };
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PolicyDocument;

async function main(command = 'work', arg?: string): Promise<void> {
  if (command === 'work') {
    const file = process.env['SLA_POLICY'];
    const worker = await startWorker({
      databaseUrl: databaseUrl(),
      initialPolicy: file === undefined ? standardSupport : readJson(file),
      ...(process.env['SLA_EXPIRE_SECONDS'] === undefined
        ? {}
        : { expireInSeconds: Number(process.env['SLA_EXPIRE_SECONDS']) }),
      ...(process.env['SLA_MAINTENANCE_SECONDS'] === undefined
        ? {}
        : { maintenanceIntervalSeconds: Number(process.env['SLA_MAINTENANCE_SECONDS']) }),
    });
    console.log(`sla-service: worker ${process.pid} working ${Object.values(QUEUES).join(', ')}`);
    const stop = () => void worker.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // Tests and benchmarks read a worker's counts from its output.
    if (process.env['SLA_STATS_MS'] !== undefined)
      setInterval(() => console.log(`stats ${JSON.stringify(worker.stats)}`), Number(process.env['SLA_STATS_MS']));
  } else if (command === 'policy' && arg !== undefined) {
    const { pool, boss, close } = await client();
    const { version, changeId } = await loadPolicy(pool, boss, readJson(arg));
    console.log(`policy version ${version} loaded; re-measuring the open tickets in the background`);
    for (;;) {
      const report = await policyChangeReport(pool, changeId);
      if (report.finished) {
        console.log(
          `${report.tickets} open tickets re-measured: ${report.moved} deadlines moved, ${report.added} targets added, ` +
            `${report.removed} removed; ${report.nextChecksMoved} timers moved`,
        );
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await close();
  } else if (command === 'send' && arg !== undefined) {
    const { boss, close } = await client();
    const lines = readFileSync(arg, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    await sendEvents(
      boss,
      lines.map((l) => JSON.parse(l) as object),
    );
    console.log(`${lines.length} events queued`);
    await close();
  } else if (command === 'outbox') {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
    const { rows } = await pool.query('SELECT kind, count(*)::int AS n FROM sla_outbox GROUP BY kind ORDER BY kind');
    for (const r of rows as { kind: string; n: number }[]) console.log(`${r.kind}\t${r.n}`);
    await pool.end();
  } else if (command === 'db') {
    const cluster = startCluster({ durable: true });
    console.log(`DATABASE_URL='${cluster.url}'`);
    const stop = () => (cluster.stop(), process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    setInterval(() => undefined, 1 << 30);
  } else {
    console.error('usage: npm run service [-- work | policy FILE.json | send FILE.ndjson | outbox | db]');
    process.exitCode = 2;
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
