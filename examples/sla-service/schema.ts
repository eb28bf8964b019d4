/**
 * The service's tables, beside pg-boss's own schema in the same database. `migrate` creates them
 * when missing, under an advisory lock, so any number of workers may start at once.
 */
import type { Pool } from 'pg';

/** The pg-boss queues: events to ingest, per-ticket timers, and policy re-measure chunks. */
export const QUEUES = { events: 'sla-events', timers: 'sla-timers', policy: 'sla-policy' } as const;

const DDL = `
CREATE TABLE IF NOT EXISTS sla_policy (
  version serial PRIMARY KEY,
  document jsonb NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- One row per ticket: its stored SLA state, and the one timer that counts (timer_job_id).
CREATE TABLE IF NOT EXISTS sla_ticket (
  id text PRIMARY KEY,
  account jsonb,
  state jsonb,
  last_seq integer NOT NULL DEFAULT 0,
  policy_version integer,
  open boolean NOT NULL DEFAULT true,
  next_check_at timestamptz,
  timer_job_id uuid,
  error text,
  measured_at timestamptz
);
CREATE INDEX IF NOT EXISTS sla_ticket_open ON sla_ticket (policy_version) WHERE open;

-- Every event received, once (the helpdesk's event id is the key).
CREATE TABLE IF NOT EXISTS sla_event (
  event_id text PRIMARY KEY,
  ticket_id text NOT NULL,
  seq integer NOT NULL,
  event jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS sla_event_ticket ON sla_event (ticket_id, seq);

-- Each ticket's current targets, as last measured.
CREATE TABLE IF NOT EXISTS sla_target (
  ticket_id text NOT NULL,
  target_id text NOT NULL,
  cycle integer NOT NULL,
  metric text NOT NULL,
  state text NOT NULL,
  due_at timestamptz,
  PRIMARY KEY (ticket_id, target_id, cycle)
);

-- Notifications to send, each exactly once: the unique key refuses a second copy.
CREATE TABLE IF NOT EXISTS sla_outbox (
  id bigserial PRIMARY KEY,
  ticket_id text NOT NULL,
  target_id text NOT NULL,
  cycle integer NOT NULL,
  kind text NOT NULL,
  threshold text NOT NULL,
  due_at timestamptz,
  written_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  sent_at timestamptz,
  UNIQUE (ticket_id, target_id, cycle, kind, threshold)
);

-- A policy load and what its background re-measure found, chunk by chunk.
CREATE TABLE IF NOT EXISTS sla_policy_change (
  id serial PRIMARY KEY,
  to_version integer NOT NULL REFERENCES sla_policy (version),
  chunks integer NOT NULL,
  chunks_done integer NOT NULL DEFAULT 0,
  tickets integer NOT NULL DEFAULT 0,
  changed_tickets integer NOT NULL DEFAULT 0,
  moved integer NOT NULL DEFAULT 0,
  added integer NOT NULL DEFAULT 0,
  removed integer NOT NULL DEFAULT 0,
  next_checks_moved integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE TABLE IF NOT EXISTS sla_policy_change_chunk (
  change_id integer NOT NULL REFERENCES sla_policy_change (id),
  chunk integer NOT NULL,
  PRIMARY KEY (change_id, chunk)
);
`;

/** Creates the service's tables when missing (idempotent; safe to run from every worker at once). */
export async function migrate(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('support-policy sla-service schema'))");
    await client.query(DDL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
