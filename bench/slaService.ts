/**
 * `npm run service:bench [-- WORKERS...]`: the SLA service (examples/sla-service) on a throwaway
 * PostgreSQL server with production durability (fsync on), with 1, 2 and 4 worker processes:
 *
 * - ingestion: 5,000 tickets, 50,000 events (and 5 % duplicates) queued at once by 4 senders;
 *   events stored per second, from the first send to the last event stored (under a policy version
 *   with half-hour targets, so that nothing falls due meanwhile);
 * - a policy change: a version with two-minute targets; open tickets re-measured per second;
 * - notifications: every ticket was created at one instant, so all the warnings fall due together
 *   (and the breaches 12 s later); notifications written per second from the instant they fall
 *   due until the last is written;
 * - the database's share: CPU time of the server's processes over that of the server and the
 *   workers together, over each phase (from /proc).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startCluster } from '../examples/sla-service/cluster.js';
import { demoPolicy, EARLIEST_THRESHOLD_MS } from '../examples/sla-service/demoPolicy.js';
import {
  connectClient,
  deliver,
  pendingJobs,
  sleep,
  spawnWorker,
  type WorkerProcess,
} from '../examples/sla-service/harness.js';
import { scenarioMessages, scenarioTickets } from '../examples/sla-service/scenario.js';
import { QUEUES } from '../examples/sla-service/schema.js';
import { loadPolicy, policyChangeReport } from '../examples/sla-service/policies.js';
import { printMachine } from './machine.js';

const TICKS = 100; // clock ticks per second (Linux USER_HZ)

/** CPU seconds of a process (and, with `children`, of its ended children). */
function cpuSeconds(pid: number, children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14-17 (utime, stime, cutime, cstime) are 11-14 after the command.
    const own = Number(f[11]) + Number(f[12]);
    return (children ? own + Number(f[13]) + Number(f[14]) : own) / TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds of the PostgreSQL server: the postmaster, its live backends and the ended ones. */
function serverCpu(dataDir: string): number {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  let total = cpuSeconds(postmaster, true);
  const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/);
  for (const c of children) if (c !== '') total += cpuSeconds(Number(c));
  return total;
}

interface Row {
  workers: number;
  eventsPerSecond: number;
  ingestDbShare: number;
  remeasuredPerSecond: number;
  moved: number;
  notificationsPerSecond: number;
  notifyDbShare: number;
  notifications: number;
}

async function run(workers: number): Promise<Row> {
  const cluster = startCluster({
    durable: process.env['BENCH_FSYNC'] !== 'off',
    settings: process.env['BENCH_PGSS'] === '1' ? ['shared_preload_libraries=pg_stat_statements'] : [],
  });
  // Ingested under half-hour targets: nothing falls due while events arrive, however long that takes.
  const client = await connectClient(cluster.url, demoPolicy(30));
  const procs: WorkerProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) procs.push(spawnWorker(cluster.url, { SLA_MAINTENANCE_SECONDS: '5' }));
    await Promise.all(procs.map((p) => p.ready));
    const cpu = () => ({
      server: serverCpu(`${cluster.dir}/data`),
      work: procs.reduce((s, p) => s + cpuSeconds(p.child.pid!), 0),
    });
    const share = (a: ReturnType<typeof cpu>, b: ReturnType<typeof cpu>) =>
      (b.server - a.server) / (b.server - a.server + b.work - a.work);
    // Every ticket created 1 s before the start, its events within that second.
    const startMs = Date.now() + 2_000;
    const options = {
      tickets: 5_000,
      eventsPerTicket: 10,
      startMs,
      ingestBudgetMs: EARLIEST_THRESHOLD_MS - 1_000,
      creationSpreadMs: 0,
    };
    const tickets = scenarioTickets(options);
    const messages = scenarioMessages(tickets, options);
    const events = tickets.reduce((n, t) => n + t.events.length, 0);
    await sleep(startMs - Date.now());

    // 1. Ingestion: from the first send to the last event stored.
    let before = cpu();
    let t0 = performance.now();
    await deliver(client.boss, messages);
    for (;;) {
      if ((await pendingJobs(client.pool, QUEUES.events)) === 0) break;
      await sleep(100);
    }
    const stored = (await client.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM sla_event')).rows[0]!.n;
    if (stored !== events) throw new Error(`${stored} events stored of ${events}`);
    const ingestMs = performance.now() - t0;
    let after = cpu();
    const ingestDbShare = share(before, after);
    if (process.env['BENCH_PGSS'] === '1') {
      await client.pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      const top = await client.pool.query(
        `SELECT calls, round(total_exec_time) AS ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q
           FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`,
      );
      console.table(top.rows);
    }

    // 2. A policy version with two-minute targets: every open ticket re-measured, its timer moved;
    //    their warnings then all fall due together, 108 s after creation.
    before = cpu();
    t0 = performance.now();
    const { changeId } = await loadPolicy(client.pool, client.boss, demoPolicy(2));
    for (;;) {
      if ((await policyChangeReport(client.pool, changeId)).finished) break;
      await sleep(100);
    }
    const remeasureMs = performance.now() - t0;
    const report = await policyChangeReport(client.pool, changeId);
    after = cpu();
    const dueAt = startMs - 1_000 + 108_000;
    if (Date.now() > dueAt) console.log(`  (${workers} worker(s): the re-measure ended after the warnings fell due)`);

    // 3. The warnings, all due at once: from that instant until the last is written.
    await sleep(Math.max(0, dueAt - Date.now()));
    before = cpu();
    const outboxBefore = (await client.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM sla_outbox')).rows[0]!
      .n;
    for (;;) {
      await sleep(100);
      if ((await pendingJobs(client.pool, QUEUES.timers, true)) === 0) break;
    }
    const { rows } = await client.pool.query<{ n: number; last: number }>(
      `SELECT count(*)::int AS n, (extract(epoch FROM max(written_at)) * 1000)::float8 AS last FROM sla_outbox`,
    );
    after = cpu();
    const notifications = rows[0]!.n - outboxBefore;
    return {
      workers,
      eventsPerSecond: (events / ingestMs) * 1000,
      ingestDbShare,
      remeasuredPerSecond: (report.tickets / remeasureMs) * 1000,
      moved: report.moved,
      notificationsPerSecond: (notifications / (rows[0]!.last - dueAt)) * 1000,
      notifyDbShare: share(before, after),
      notifications,
    };
  } finally {
    for (const p of procs) p.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    await client.close().catch(() => undefined);
    cluster.stop();
  }
}

async function main(): Promise<void> {
  printMachine('SLA service (examples/sla-service): PostgreSQL + pg-boss, worker processes');
  const counts = process.argv.slice(2).map(Number);
  const rows: Row[] = [];
  for (const workers of counts.length > 0 ? counts : [1, 2, 4]) {
    const row = await run(workers);
    rows.push(row);
    console.log(
      `workers ${row.workers}: ${row.eventsPerSecond.toFixed(0)} events/s (database ${(100 * row.ingestDbShare).toFixed(0)} % of CPU); ` +
        `policy change: ${row.remeasuredPerSecond.toFixed(0)} tickets re-measured/s, ${row.moved} deadlines moved; ` +
        `${row.notifications} notifications at ${row.notificationsPerSecond.toFixed(0)}/s (database ${(100 * row.notifyDbShare).toFixed(0)} %)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
