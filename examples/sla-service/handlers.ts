/**
 * The two hot handlers, each one transaction over a batch of pg-boss jobs: `ingestEvents` stores
 * delivered events and re-measures their tickets; `fireTimers` re-measures the tickets whose timer
 * fired. Both end in `writeOutcomes`, so a notification is written by whichever measurement first
 * sees it due, and never twice.
 */
import type { Pool } from 'pg';
import type PgBoss from 'pg-boss';
import { measureState, type TicketEvent } from '../../src/index.js';
import { eventAtMs, type TicketMessage } from './events.js';
import type { PolicyCache } from './policies.js';
import { QUEUES } from './schema.js';
import {
  completeJobs,
  type JobRef,
  lockTickets,
  type TicketOutcome,
  type TicketRow,
  transaction,
  type WriteCounts,
  writeOutcomes,
} from './store.js';
import { type SequencedEvent, type TicketUpdate, updateTicket } from './ticketState.js';

/** What a batch of deliveries did. */
export interface IngestCounts extends WriteCounts {
  readonly delivered: number;
  /** Events stored for the first time (the others were duplicates). */
  readonly stored: number;
  /** Malformed messages, dropped. */
  readonly rejected: number;
  /** Tickets advanced from their stored state, and those folded again from their events. */
  readonly advanced: number;
  readonly refolded: number;
}

/** Whether a delivered message has the shape the service needs (the events themselves are checked by the library). */
export function isTicketMessage(m: unknown): m is TicketMessage {
  const x = m as Partial<TicketMessage> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.eventId === 'string' &&
    typeof x.ticketId === 'string' &&
    Number.isSafeInteger(x.seq) &&
    x.seq! >= 1 &&
    typeof x.event === 'object' &&
    x.event !== null
  );
}

/**
 * Stores a batch of delivered events and re-measures their tickets in one transaction, which also
 * completes the deliveries' jobs (`jobs`). Events already stored (same event id) are ignored, so a
 * redelivered event changes nothing.
 */
export async function ingestEvents(
  pool: Pool,
  boss: PgBoss,
  cache: PolicyCache,
  messages: readonly unknown[],
  jobs?: JobRef,
): Promise<IngestCounts> {
  const valid = new Map<string, TicketMessage>();
  for (const m of messages) if (isTicketMessage(m) && !valid.has(m.eventId)) valid.set(m.eventId, m);
  const batch = [...valid.values()].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  const rejected = messages.filter((m) => !isTicketMessage(m)).length;
  return transaction(pool, async (client) => {
    const locked = await lockTickets(
      client,
      batch.map((m) => m.ticketId),
      true,
    );
    const inserted = await client.query<{ event_id: string }>({
      name: 'sla-event-insert',
      text: `INSERT INTO sla_event (event_id, ticket_id, seq, event)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[])
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      values: [
        batch.map((m) => m.eventId),
        batch.map((m) => m.ticketId),
        batch.map((m) => m.seq),
        batch.map((m) => JSON.stringify(m.event)),
      ],
    });
    const fresh = new Map<string, TicketMessage[]>();
    for (const { event_id } of inserted.rows) {
      const m = valid.get(event_id)!;
      fresh.set(m.ticketId, [...(fresh.get(m.ticketId) ?? []), m]);
    }
    const policy = await cache.get(client, locked.version);
    const updates = new Map<string, { row: TicketRow; account: TicketRow['account']; update: TicketUpdate }>();
    const needEvents: string[] = [];
    for (const [ticketId, list] of fresh) {
      const row = locked.tickets.get(ticketId)!;
      const account = row.account ?? list.find((m) => m.account !== undefined)?.account ?? null;
      const sequenced = list.map((m) => ({ seq: m.seq, event: m.event }));
      const update = updateTicket(policy, { account, state: row.state, lastSeq: row.lastSeq }, sequenced);
      updates.set(ticketId, { row, account, update });
      if (update.kind === 'needs_events') needEvents.push(ticketId);
    }
    if (needEvents.length > 0) {
      const all = await client.query<{ ticket_id: string; seq: number; event: TicketEvent }>({
        name: 'sla-event-select',
        text: 'SELECT ticket_id, seq, event FROM sla_event WHERE ticket_id = ANY($1::text[])',
        values: [needEvents],
      });
      const byTicket = new Map<string, SequencedEvent[]>();
      for (const r of all.rows) byTicket.set(r.ticket_id, [...(byTicket.get(r.ticket_id) ?? []), r]);
      for (const ticketId of needEvents) {
        const u = updates.get(ticketId)!;
        const stored = { account: u.account, state: u.row.state, lastSeq: u.row.lastSeq };
        updates.set(ticketId, { ...u, update: updateTicket(policy, stored, [], byTicket.get(ticketId) ?? []) });
      }
    }
    let advanced = 0;
    let refolded = 0;
    const outcomes: TicketOutcome[] = [];
    for (const { row, account, update } of updates.values()) {
      if (update.kind === 'state') {
        if (update.via === 'advanced') advanced++;
        else refolded++;
      }
      outcomes.push(outcomeOf(row, account, update, locked.nowMs, locked.version));
    }
    const written = await writeOutcomes(client, boss, outcomes);
    await completeJobs(boss, client, jobs);
    return { delivered: messages.length, stored: inserted.rows.length, rejected, advanced, refolded, ...written };
  });
}

/** A ticket's outcome from its update, measured at `nowMs`. */
function outcomeOf(
  row: TicketRow,
  account: TicketRow['account'],
  update: TicketUpdate,
  nowMs: number,
  version: number,
): TicketOutcome {
  if (update.kind !== 'state') {
    // Waiting for `created`, or invalid: no measurement, no timer; the row keeps what it had.
    const error = update.kind === 'invalid' ? update.error : null;
    return {
      row,
      account,
      state: null,
      lastSeq: row.lastSeq,
      policyVersion: row.policyVersion,
      error,
      result: null,
      nowMs,
    };
  }
  const future = update.state
    .toJSON()
    .events.map(eventAtMs)
    .filter((at) => at > nowMs);
  return {
    row,
    account,
    state: update.state,
    lastSeq: update.lastSeq,
    policyVersion: version,
    error: null,
    result: measureState(update.state, nowMs),
    nowMs,
    futureEventAtMs: future.length === 0 ? null : Math.min(...future),
  };
}

/** What a batch of fired timers did. */
export interface TimerCounts extends WriteCounts {
  readonly fired: number;
  /** Jobs that were not their ticket's current timer, and did nothing. */
  readonly stale: number;
}

/**
 * Re-measures, at the database's now, the tickets whose current timer is among `jobs`, writes the
 * notifications due and schedules each ticket's next check, and completes the jobs, all in one
 * transaction. Jobs that are not their ticket's current timer (superseded) do nothing.
 */
export async function fireTimers(
  pool: Pool,
  boss: PgBoss,
  cache: PolicyCache,
  jobs: readonly PgBoss.Job<{ ticketId: string }>[],
): Promise<TimerCounts> {
  return transaction(pool, async (client) => {
    const locked = await lockTickets(
      client,
      jobs.map((j) => j.data.ticketId),
      false,
    );
    const policy = await cache.get(client, locked.version);
    const fired = new Set<string>();
    const outcomes: TicketOutcome[] = [];
    for (const job of jobs) {
      const row = locked.tickets.get(job.data.ticketId);
      if (row === undefined || row.timerJobId !== job.id || fired.has(job.id)) continue;
      fired.add(job.id);
      const update = updateTicket(policy, { account: row.account, state: row.state, lastSeq: row.lastSeq }, []);
      outcomes.push(outcomeOf(row, row.account, update, locked.nowMs, locked.version));
    }
    const written = await writeOutcomes(client, boss, outcomes, fired);
    await completeJobs(boss, client, { queue: QUEUES.timers, ids: jobs.map((j) => j.id) });
    return { fired: jobs.length, stale: jobs.length - fired.size, ...written };
  });
}
