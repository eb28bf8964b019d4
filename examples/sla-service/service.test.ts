/**
 * The service's rules, one by one, on a throwaway PostgreSQL server with one worker in this
 * process: a redelivered event changes nothing, a late event is measured in its place, only a
 * ticket's latest timer counts, and a policy change re-measures the open tickets and says how many
 * deadlines moved.
 */
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, clusterUnavailable, startCluster } from './cluster.js';
import { demoPolicy } from './demoPolicy.js';
import * as ev from './events.js';
import { fireTimers } from './handlers.js';
import { connectClient, pendingJobs, type ServiceClient, waitFor } from './harness.js';
import { loadPolicy, PolicyCache, policyChangeReport } from './policies.js';
import { QUEUES } from './schema.js';
import { type RunningWorker, sendEvents, startWorker } from './worker.js';

const unavailable = clusterUnavailable();
if (unavailable !== null) console.log(`sla-service tests: skipped, ${unavailable}`);
const account = { type: 'direct', plan: 'enterprise' } as const;

/** The ticket's row and targets, and how many of its events and outbox rows there are. */
async function snapshot(pool: Pool, id: string) {
  const row = await pool.query(
    'SELECT state, last_seq, next_check_at, timer_job_id, policy_version FROM sla_ticket WHERE id = $1',
    [id],
  );
  const targets = await pool.query('SELECT target_id, state, due_at FROM sla_target WHERE ticket_id = $1 ORDER BY 1', [
    id,
  ]);
  const counts = await pool.query<{ events: number; outbox: number }>(
    `SELECT (SELECT count(*)::int FROM sla_event WHERE ticket_id = $1) AS events,
            (SELECT count(*)::int FROM sla_outbox WHERE ticket_id = $1) AS outbox`,
    [id],
  );
  return { row: row.rows[0] as Record<string, unknown>, targets: targets.rows, ...counts.rows[0]! };
}

describe.skipIf(unavailable !== null)('the SLA service, one worker', () => {
  let cluster: Cluster;
  let client: ServiceClient;
  let worker: RunningWorker;
  const idle = () =>
    waitFor('the events queue', async () => (await pendingJobs(client.pool, QUEUES.events)) === 0, 20_000);

  beforeAll(async () => {
    cluster = startCluster();
    client = await connectClient(cluster.url, demoPolicy());
    worker = await startWorker({ databaseUrl: cluster.url, expireInSeconds: 5, log: () => undefined });
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await client?.close();
    cluster?.stop();
  });

  it('a redelivered event changes nothing', async () => {
    const created = { eventId: 'd:1', ticketId: 'D', seq: 1, event: ev.created(Date.now() - 5_000, 'minor'), account };
    await sendEvents(client.boss, [created]);
    await idle();
    const before = await snapshot(client.pool, 'D');
    expect(before.row['last_seq']).toBe(1);
    expect(before.row['timer_job_id']).not.toBeNull();
    await sendEvents(client.boss, [created, created]);
    await idle();
    expect(await snapshot(client.pool, 'D')).toEqual(before);
  });

  it('a late event is measured in its place', async () => {
    const at = Date.now() - 20_000;
    const m = (seq: number, event: ev.TicketMessage['event']) => ({ eventId: `l:${seq}`, ticketId: 'L', seq, event });
    await sendEvents(client.boss, [
      { ...m(1, ev.created(at, 'major')), account },
      m(3, ev.reply(at + 2_000, 'customer')),
    ]);
    await idle();
    expect((await snapshot(client.pool, 'L')).targets.map((t) => t.state)).toEqual(['running', 'running']);
    await sendEvents(client.boss, [m(2, ev.reply(at + 1_000, 'agent'))]);
    await idle();
    const after = await snapshot(client.pool, 'L');
    expect(after.targets.map((t) => [t.target_id, t.state])).toEqual([
      ['firstResponse', 'achieved'],
      ['resolution', 'running'],
    ]);
    const stored = after.row['state'] as { events: { at: number }[] };
    expect(stored.events.map((e) => e.at)).toEqual([at, at + 1_000, at + 2_000]);
  });

  it("only a ticket's latest timer counts: another job for it does nothing", async () => {
    const before = await snapshot(client.pool, 'D');
    const stale = {
      id: '00000000-0000-4000-8000-000000000000',
      name: QUEUES.timers,
      data: { ticketId: 'D' },
      expireInSeconds: 5,
    };
    const counts = await fireTimers(client.pool, client.boss, new PolicyCache(), [stale]);
    expect(counts).toMatchObject({ fired: 1, stale: 1, notifications: 0, timersScheduled: 0 });
    expect(await snapshot(client.pool, 'D')).toEqual(before);
  });

  it('a timer writes each notification once, when it falls due', async () => {
    const created = Date.now() - 50_000; // warnings 4 s from now, breaches 10 s, escalations 16 s
    await sendEvents(client.boss, [
      { eventId: 'n:1', ticketId: 'N', seq: 1, event: ev.created(created, 'minor'), account },
    ]);
    await waitFor('the escalations', async () => (await snapshot(client.pool, 'N')).outbox === 6, 30_000);
    const { rows } = await client.pool.query(
      "SELECT kind, count(*)::int AS n FROM sla_outbox WHERE ticket_id = 'N' AND written_at >= due_at GROUP BY kind ORDER BY kind",
    );
    expect(rows).toEqual([
      { kind: 'breach', n: 2 },
      { kind: 'escalation', n: 2 },
      { kind: 'warning', n: 2 },
    ]);
    expect((await snapshot(client.pool, 'N')).row['timer_job_id']).toBeNull();
  }, 40_000);

  it('a new policy version re-measures the open tickets in the background and reports the deadlines that moved', async () => {
    const before = await snapshot(client.pool, 'D');
    const { version, changeId } = await loadPolicy(client.pool, client.boss, demoPolicy(2), 4);
    await waitFor('the re-measure', async () => (await policyChangeReport(client.pool, changeId)).finished, 20_000);
    const report = await policyChangeReport(client.pool, changeId);
    // D and L are open; N's clocks are breached, and a breached clock keeps its target.
    expect(report).toMatchObject({ chunksDone: 4, chunks: 4, tickets: 2 });
    // D's two targets and L's resolution (L's first response was answered: it moves nowhere).
    expect(report.moved).toBe(3);
    const after = await snapshot(client.pool, 'D');
    expect(after.row['policy_version']).toBe(version);
    expect((after.row['next_check_at'] as Date).getTime()).toBeGreaterThan(
      (before.row['next_check_at'] as Date).getTime(),
    );
    expect(after.row['timer_job_id']).not.toBe(before.row['timer_job_id']);
  }, 30_000);
});
