/**
 * The service under real faults: a throwaway PostgreSQL server, 4 worker processes, 5,000 tickets
 * created in the past and 50,000 of their events delivered concurrently, shuffled, 5 % twice; one
 * worker killed with SIGKILL during ingestion (and replaced), the server itself stopped as in a
 * crash and started again while timers fall due. At the end the outbox must hold exactly the
 * notifications one `measure` of each ticket's full timeline predicts: none lost, none twice, none
 * early.
 *
 * The events are ingested under a version of the demo policy with half-hour targets, so nothing
 * falls due while some of a ticket's events may still be on their way (a reply not yet seen would
 * make a breach look real). Once every event is in, the minute-long version is loaded: the workers
 * re-measure the open tickets in the background and reschedule their timers, which then fire
 * within seconds. On a slow machine some thresholds are already due when the version loads, and
 * the re-measure writes them: the outbox must be the same.
 */
import { describe, expect, it } from 'vitest';
import { measure, parsePolicy } from '../../src/index.js';
import { clusterUnavailable, startCluster } from './cluster.js';
import { demoPolicy } from './demoPolicy.js';
import {
  connectClient,
  deliver,
  outboxKeys,
  pendingJobs,
  retrying,
  sleep,
  spawnWorker,
  waitFor,
  type WorkerProcess,
} from './harness.js';
import { notificationKey, notificationsOf } from './notifications.js';
import { loadPolicy, policyChangeReport } from './policies.js';
import { scenarioMessages, scenarioTickets } from './scenario.js';
import { QUEUES } from './schema.js';

const unavailable = clusterUnavailable();
if (unavailable !== null) console.log(`sla-service fault test: skipped, ${unavailable}`);

/** The first thresholds fall due this long after the first delivery (ingestion takes about 25 s here). */
const INGEST_BUDGET_MS = 32_000;
/** Workers hand a dead worker's jobs on after 5 s; pg-boss looks for them every second. */
const WORKER_ENV = { SLA_EXPIRE_SECONDS: '5', SLA_MAINTENANCE_SECONDS: '1' };

describe.skipIf(unavailable !== null)('the SLA service under faults', () => {
  it('4 workers, 50,000 events shuffled with duplicates, kill -9 and a server crash: exactly the predicted notifications', async () => {
    const started = Date.now();
    const cluster = startCluster();
    const policy = demoPolicy();
    const client = await connectClient(cluster.url, demoPolicy(30));
    const workers: WorkerProcess[] = Array.from({ length: 4 }, () => spawnWorker(cluster.url, WORKER_ENV));
    const q = async (sql: string) => (await client.pool.query<{ n: number }>(sql)).rows[0]!.n;
    try {
      await Promise.all(workers.map((w) => w.ready));
      const startMs = Date.now() + 1_000;
      const options = {
        tickets: 5_000,
        eventsPerTicket: 10,
        startMs,
        ingestBudgetMs: INGEST_BUDGET_MS,
        creationSpreadMs: 5_000,
      };
      const tickets = scenarioTickets(options);
      const messages = scenarioMessages(tickets, options);
      const events = tickets.reduce((n, t) => n + t.events.length, 0);
      expect(events).toBeGreaterThanOrEqual(50_000);
      expect(messages.length - events).toBeGreaterThan(2_000); // duplicates

      // The prediction: every notification of each full timeline, with the instant it falls due.
      const parsed = parsePolicy(policy);
      const far = startMs + INGEST_BUDGET_MS + 120_000;
      const due = tickets.flatMap((t) => notificationsOf(t.id, measure(parsed, t.account, t.events, far)));
      const firstDue = Math.min(...due.map((n) => n.atMs!));
      // Those due within the test's window, and the quiet stretch after them (Premium's resolution
      // and Starter's targets are two minutes long: they fall due well after).
      const windowEnd = startMs + INGEST_BUDGET_MS + 30_000;
      const predicted = due.filter((n) => n.atMs! <= windowEnd);
      const horizon = Math.max(...predicted.map((n) => n.atMs!));
      const nextDue = Math.min(...due.filter((n) => n.atMs! > windowEnd).map((n) => n.atMs!));
      expect(firstDue).toBeGreaterThanOrEqual(startMs + INGEST_BUDGET_MS);
      expect(nextDue - horizon).toBeGreaterThan(15_000);
      const kinds = new Set(predicted.map((n) => n.kind));
      expect([...kinds].sort()).toEqual(['breach', 'escalation', 'warning']);

      await sleep(startMs - Date.now());
      const delivering = deliver(client.boss, messages);
      // kill -9 a worker in the middle of ingestion, and start another.
      await waitFor(
        '40 % of the events',
        async () => (await q('SELECT count(*)::int AS n FROM sla_event')) >= 0.4 * events,
        60_000,
      );
      workers[1]!.child.kill('SIGKILL');
      expect((await workers[1]!.exited).signal).toBe('SIGKILL');
      workers.push(spawnWorker(cluster.url, WORKER_ENV));
      await delivering;
      await waitFor(
        'every event',
        async () =>
          (await q('SELECT count(*)::int AS n FROM sla_event')) === events &&
          (await pendingJobs(client.pool, QUEUES.events)) === 0,
        60_000,
      );
      const ingestMs = Date.now() - startMs;
      expect(await q('SELECT count(*)::int AS n FROM sla_outbox')).toBe(0);
      const { changeId } = await loadPolicy(client.pool, client.boss, policy);

      // Crash the server while warnings and breaches fall due; timers due meanwhile fire after it.
      await sleep(Math.max(0, firstDue + 5_000 - Date.now()));
      await cluster.restart('immediate', 1_000);

      await sleep(Math.max(0, horizon + 1_000 - Date.now()));
      await waitFor('the re-measure', async () => (await policyChangeReport(client.pool, changeId)).finished, 30_000);
      const report = await policyChangeReport(client.pool, changeId);
      expect(report.moved).toBeGreaterThan(5_000);
      await waitFor('the due timers', async () => (await pendingJobs(client.pool, QUEUES.timers, true)) === 0, 30_000);
      const actual = await retrying(() => outboxKeys(client.pool));
      expect(Date.now(), 'the check ran into the next notifications').toBeLessThan(nextDue);

      const expected = predicted.map(notificationKey).sort();
      const actualSet = new Set(actual);
      const expectedSet = new Set(expected);
      const missing = expected.filter((k) => !actualSet.has(k));
      const extra = actual.filter((k) => !expectedSet.has(k));
      expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
      expect(actual).toEqual(expected);
      expect(new Set(actual).size).toBe(actual.length);
      // None early: each written at or after the instant it fell due (the database's clock).
      expect(await q('SELECT count(*)::int AS n FROM sla_outbox WHERE written_at < due_at')).toBe(0);
      // Every ticket holds its whole timeline, valid.
      expect(await q("SELECT sum(jsonb_array_length(state->'events'))::int AS n FROM sla_ticket")).toBe(events);
      expect(await q('SELECT count(*)::int AS n FROM sla_ticket WHERE error IS NOT NULL')).toBe(0);
      console.log(
        `sla-service fault test: ${events} events (${messages.length} deliveries) ingested in ${(ingestMs / 1000).toFixed(1)} s, ` +
          `${report.tickets} tickets re-measured for the new version (${report.moved} deadlines moved), ` +
          `${expected.length} notifications exactly, ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
      );
    } catch (error) {
      const states = await client.pool
        .query('SELECT name, state, count(*)::int AS n, max(retry_count) AS r FROM pgboss.job GROUP BY 1, 2')
        .catch(() => ({ rows: [] }));
      console.log(JSON.stringify(states.rows), await q('SELECT count(*)::int AS n FROM sla_event').catch(() => -1));
      for (const w of workers) console.log(w.output.slice(-5).join('\n'));
      throw error;
    } finally {
      for (const w of workers) w.child.kill('SIGKILL');
      await Promise.all(workers.map((w) => w.exited));
      await client.close().catch(() => undefined);
      cluster.stop();
    }
  }, 180_000);
});
