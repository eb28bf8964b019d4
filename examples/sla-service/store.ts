/**
 * The one write path every handler shares. A transaction locks the tickets it touches (in id order,
 * so concurrent transactions never wait on each other in a cycle), measures them, and writes in the
 * same transaction each ticket's state, its current targets, the notifications due (the outbox's
 * unique key drops a copy already written) and its one timer: a pg-boss job inserted through the
 * transaction's own connection, whose id the ticket row keeps. A job whose id is not the ticket's
 * is stale and does nothing, so state and timer never disagree, whatever crashes between commits.
 */
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type PgBoss from 'pg-boss';
import type { AccountDefinition, MeasureResult, SlaState, StoredSlaState } from '../../src/index.js';
import { notificationsOf } from './notifications.js';
import { QUEUES } from './schema.js';

/** A ticket row, locked. */
export interface TicketRow {
  readonly id: string;
  readonly account: AccountDefinition | null;
  readonly state: StoredSlaState | null;
  readonly lastSeq: number;
  readonly policyVersion: number | null;
  readonly nextCheckAtMs: number | null;
  readonly timerJobId: string | null;
}

/** What a handler decided for one locked ticket. */
export interface TicketOutcome {
  readonly row: TicketRow;
  readonly account: AccountDefinition | null;
  /** The new state (`null`: not measurable yet, or invalid). */
  readonly state: SlaState | null;
  readonly lastSeq: number;
  readonly policyVersion: number | null;
  readonly error: string | null;
  /** The measurement at the transaction's `now` (`null` without a state). */
  readonly result: MeasureResult | null;
  /** The instant measured at: the database's clock. */
  readonly nowMs: number;
  /** The earliest instant of an applied event after `now` (a clock a little ahead), when any. */
  readonly futureEventAtMs?: number | null;
}

/** What a batch wrote. */
export interface WriteCounts {
  readonly notifications: number;
  readonly timersScheduled: number;
  readonly timersKept: number;
}

const RETRYABLE = new Set(['40P01', '40001']); // deadlock detected, serialization failure

/**
 * Runs `work` in a transaction on one pooled connection, again (up to 5 times) when PostgreSQL
 * aborts it for a deadlock or a serialization failure; any other error rolls back and propagates,
 * so that pg-boss retries the job.
 */
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const value = await work(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || code === undefined || !RETRYABLE.has(code)) throw error;
    } finally {
      // A connection whose ROLLBACK failed (the server went away) is dropped, not reused.
      client.release(broken);
    }
  }
}

/** pg-boss's database interface over one connection: its jobs are then written in our transaction. */
export function bossDb(client: PoolClient): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

/** pg-boss jobs a transaction handles: completed in it, so that they end exactly when its work commits. */
export interface JobRef {
  readonly queue: string;
  readonly ids: readonly string[];
}

/** Completes jobs through the transaction's connection (pg-boss's `complete(name, ids, data, { db })`). */
export async function completeJobs(boss: PgBoss, client: PoolClient, jobs: JobRef | undefined): Promise<void> {
  if (jobs === undefined || jobs.ids.length === 0) return;
  // The typings lack the overload with both ids and options; the call is pg-boss's own.
  const complete = boss.complete.bind(boss) as unknown as (
    name: string,
    ids: readonly string[],
    data: null,
    options: { db: PgBoss.Db },
  ) => Promise<unknown>;
  await complete(jobs.queue, jobs.ids, null, { db: bossDb(client) });
}

interface RawTicket {
  id: string;
  account: AccountDefinition | null;
  state: StoredSlaState | null;
  last_seq: number;
  policy_version: number | null;
  next_check_at: Date | null;
  timer_job_id: string | null;
}

/** The locked tickets, the database's clock (every worker measures on it) and the policy version in force. */
export interface Locked {
  readonly tickets: Map<string, TicketRow>;
  readonly nowMs: number;
  readonly version: number;
}

/**
 * Locks the tickets `ids` (creating the missing rows when `create`), in id order, and reads the
 * database's clock and the current policy version.
 */
export async function lockTickets(client: PoolClient, ids: readonly string[], create: boolean): Promise<Locked> {
  const sorted = [...new Set(ids)].sort();
  if (create)
    await client.query({
      name: 'sla-ticket-create',
      text: 'INSERT INTO sla_ticket (id) SELECT id FROM unnest($1::text[]) AS u(id) ORDER BY id ON CONFLICT DO NOTHING',
      values: [sorted],
    });
  const { rows } = await client.query<RawTicket>({
    name: 'sla-ticket-lock',
    text: `SELECT id, account, state, last_seq, policy_version, next_check_at, timer_job_id
       FROM sla_ticket WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    values: [sorted],
  });
  const clock = await client.query<{ now_ms: number; version: number | null }>(
    `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now_ms,
            (SELECT max(version) FROM sla_policy) AS version`,
  );
  const { now_ms, version } = clock.rows[0]!;
  if (version === null) throw new Error('no SLA policy is loaded: load one first (npm run service -- policy FILE)');
  const tickets = new Map<string, TicketRow>();
  for (const r of rows)
    tickets.set(r.id, {
      id: r.id,
      account: r.account,
      state: r.state,
      lastSeq: r.last_seq,
      policyVersion: r.policy_version,
      nextCheckAtMs: r.next_check_at?.getTime() ?? null,
      timerJobId: r.timer_job_id,
    });
  return { tickets, nowMs: Math.floor(now_ms), version };
}

/**
 * Writes each outcome: targets, notifications, the timer and the ticket row. A ticket keeps its
 * timer when the next check has not moved and that job has not fired (`fired`: the jobs being
 * handled); otherwise the old job is deleted and one new job is scheduled at the next check.
 */
export async function writeOutcomes(
  client: PoolClient,
  boss: PgBoss,
  outcomes: readonly TicketOutcome[],
  fired: ReadonlySet<string> = new Set(),
): Promise<WriteCounts> {
  if (outcomes.length === 0) return { notifications: 0, timersScheduled: 0, timersKept: 0 };
  const ids = outcomes.map((o) => o.row.id);
  const targets = { ticket: [] as string[], id: [] as string[], cycle: [] as number[], metric: [] as string[] };
  const targetState: string[] = [];
  const targetDue: (Date | null)[] = [];
  const out = {
    ticket: [] as string[],
    target: [] as string[],
    cycle: [] as number[],
    kind: [] as string[],
    threshold: [] as string[],
    due: [] as (Date | null)[],
  };
  const jobs: PgBoss.JobInsert[] = [];
  const stale: string[] = [];
  const rows = {
    account: [] as (string | null)[],
    state: [] as (string | null)[],
    lastSeq: [] as number[],
    version: [] as (number | null)[],
    open: [] as boolean[],
    next: [] as (Date | null)[],
    job: [] as (string | null)[],
    error: [] as (string | null)[],
  };
  let kept = 0;
  for (const o of outcomes) {
    const r = o.result;
    for (const t of r?.targets ?? []) {
      targets.ticket.push(o.row.id);
      targets.id.push(t.id);
      targets.cycle.push(t.cycle ?? 0);
      targets.metric.push(t.metric);
      targetState.push(t.state);
      targetDue.push(t.dueAt === null ? null : new Date(t.dueAt));
    }
    for (const n of r === null ? [] : notificationsOf(o.row.id, r)) {
      out.ticket.push(n.ticketId);
      out.target.push(n.targetId);
      out.cycle.push(n.cycle);
      out.kind.push(n.kind);
      out.threshold.push(n.threshold);
      out.due.push(n.atMs === null ? null : new Date(n.atMs));
    }
    const checks = [r === null ? null : r.nextCheckAt, o.futureEventAtMs ?? null].filter(
      (x): x is number => x !== null,
    );
    const next = checks.length === 0 ? null : Math.min(...checks);
    let job = o.row.timerJobId;
    const keep = job !== null && !fired.has(job) && next !== null && next === o.row.nextCheckAtMs;
    if (keep) kept++;
    else {
      if (job !== null && !fired.has(job)) stale.push(job);
      job = null;
      if (next !== null) {
        job = randomUUID();
        jobs.push({
          id: job,
          name: QUEUES.timers,
          data: { ticketId: o.row.id },
          startAfter: new Date(next).toISOString(),
        });
      }
    }
    rows.account.push(o.account === null ? null : JSON.stringify(o.account));
    rows.state.push(o.state === null ? null : JSON.stringify(o.state));
    rows.lastSeq.push(o.lastSeq);
    rows.version.push(o.policyVersion);
    rows.open.push(
      r === null ? o.state === null : r.targets.some((t) => t.state === 'running' || t.state === 'paused'),
    );
    rows.next.push(next === null ? null : new Date(next));
    rows.job.push(job);
    rows.error.push(o.error);
  }
  await client.query({
    name: 'sla-target-delete',
    text: 'DELETE FROM sla_target WHERE ticket_id = ANY($1::text[])',
    values: [ids],
  });
  if (targets.ticket.length > 0)
    await client.query({
      name: 'sla-target-insert',
      text: `INSERT INTO sla_target (ticket_id, target_id, cycle, metric, state, due_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::timestamptz[])`,
      values: [targets.ticket, targets.id, targets.cycle, targets.metric, targetState, targetDue],
    });
  let notifications = 0;
  if (out.ticket.length > 0) {
    const written = await client.query({
      name: 'sla-outbox-insert',
      text: `INSERT INTO sla_outbox (ticket_id, target_id, cycle, kind, threshold, due_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::timestamptz[])
       ON CONFLICT (ticket_id, target_id, cycle, kind, threshold) DO NOTHING`,
      values: [out.ticket, out.target, out.cycle, out.kind, out.threshold, out.due],
    });
    notifications = written.rowCount ?? 0;
  }
  const db = { db: bossDb(client) };
  if (stale.length > 0) await boss.deleteJob(QUEUES.timers, stale, db);
  if (jobs.length > 0) await boss.insert(jobs, db);
  await client.query({
    name: 'sla-ticket-update',
    text: `UPDATE sla_ticket t SET account = u.account, state = u.state, last_seq = u.last_seq,
        policy_version = u.policy_version, open = u.open, next_check_at = u.next_check_at,
        timer_job_id = u.timer_job_id, error = u.error, measured_at = clock_timestamp()
       FROM unnest($1::text[], $2::jsonb[], $3::jsonb[], $4::int[], $5::int[], $6::bool[], $7::timestamptz[],
                   $8::uuid[], $9::text[])
         AS u(id, account, state, last_seq, policy_version, open, next_check_at, timer_job_id, error)
      WHERE t.id = u.id`,
    values: [ids, rows.account, rows.state, rows.lastSeq, rows.version, rows.open, rows.next, rows.job, rows.error],
  });
  return { notifications, timersScheduled: jobs.length, timersKept: kept };
}
