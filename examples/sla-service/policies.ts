/**
 * Policy versions in the database. The newest row of `sla_policy` is in force; every worker reads
 * its number in each transaction and parses a document once per version (a cache of immutable
 * rows, nothing another worker needs). Loading a document adds a version and, in the same
 * transaction, a policy-change row and one pg-boss job per chunk of tickets: the workers re-measure
 * the open tickets in the background, reschedule their timers, and add up, with
 * `compareDeadlines`, how many deadlines moved.
 */
import type { Pool, PoolClient } from 'pg';
import type PgBoss from 'pg-boss';
import {
  compareDeadlines,
  measureState,
  parsePolicy,
  parsePolicyVersions,
  type Policy,
  type PolicyVersions,
  type SlaTicket,
} from '../../src/index.js';
import { QUEUES } from './schema.js';
import {
  bossDb,
  completeJobs,
  type JobRef,
  lockTickets,
  type TicketOutcome,
  transaction,
  writeOutcomes,
} from './store.js';
import { restoreUnder } from './ticketState.js';

/** A policy document: one policy, or dated versions (`{ versions: [...] }`). */
export type PolicyDocument = object;

/** Parses a policy document of either kind (throws `PolicyValidationError` with every problem). */
export function parsePolicyDocument(document: PolicyDocument): Policy | PolicyVersions {
  return 'versions' in document ? parsePolicyVersions(document) : parsePolicy(document);
}

/** Parsed policies by version number: rows are never changed, so a worker may keep them. */
export class PolicyCache {
  readonly #parsed = new Map<number, Policy | PolicyVersions>();

  async get(client: PoolClient, version: number): Promise<Policy | PolicyVersions> {
    let policy = this.#parsed.get(version);
    if (policy === undefined) {
      const { rows } = await client.query<{ document: PolicyDocument }>(
        'SELECT document FROM sla_policy WHERE version = $1',
        [version],
      );
      if (rows[0] === undefined) throw new Error(`policy version ${version} is not in sla_policy`);
      policy = parsePolicyDocument(rows[0].document);
      this.#parsed.set(version, policy);
    }
    return policy;
  }
}

/** A policy load: its version and the change whose re-measure runs in the background. */
export interface PolicyLoad {
  readonly version: number;
  readonly changeId: number;
}

/**
 * Adds a policy version (validated first) and queues the re-measure of the open tickets in
 * `chunks` jobs. It waits for the transactions that hold tickets to end and holds new ones off
 * until it commits, so every ticket is measured afterwards with the new version: by its chunk,
 * or by the next event or timer, whichever comes first.
 */
export async function loadPolicy(pool: Pool, boss: PgBoss, document: PolicyDocument, chunks = 16): Promise<PolicyLoad> {
  parsePolicyDocument(document);
  return transaction(pool, async (client) => {
    await client.query('LOCK TABLE sla_ticket IN EXCLUSIVE MODE');
    const version = (
      await client.query<{ version: number }>('INSERT INTO sla_policy (document) VALUES ($1) RETURNING version', [
        JSON.stringify(document),
      ])
    ).rows[0]!.version;
    const changeId = (
      await client.query<{ id: number }>(
        'INSERT INTO sla_policy_change (to_version, chunks) VALUES ($1, $2) RETURNING id',
        [version, chunks],
      )
    ).rows[0]!.id;
    const jobs = Array.from({ length: chunks }, (_, chunk) => ({
      name: QUEUES.policy,
      data: { changeId, version, chunk, chunks },
    }));
    await boss.insert(jobs, { db: bossDb(client) });
    return { version, changeId };
  });
}

/** Loads `document` as version 1 when no policy is loaded yet (a fresh database). */
export async function ensurePolicy(pool: Pool, boss: PgBoss, document: PolicyDocument): Promise<void> {
  const { rows } = await pool.query('SELECT 1 FROM sla_policy LIMIT 1');
  if (rows.length === 0) {
    await transaction(pool, (c) => c.query("SELECT pg_advisory_xact_lock(hashtext('sla_policy first load'))"));
    const again = await pool.query('SELECT 1 FROM sla_policy LIMIT 1');
    if (again.rows.length === 0) await loadPolicy(pool, boss, document, 1);
  }
}

/** A policy re-measure chunk, as queued by `loadPolicy`. */
export interface PolicyChunk {
  readonly changeId: number;
  readonly version: number;
  readonly chunk: number;
  readonly chunks: number;
}

/**
 * Re-measures one chunk of a policy change: the open tickets (hash of the id modulo `chunks`)
 * still measured with an older version. Counted once: the chunk's row is written with the counts,
 * and a chunk already written does nothing.
 */
export async function remeasureChunk(
  pool: Pool,
  boss: PgBoss,
  cache: PolicyCache,
  job: PolicyChunk,
  jobs?: JobRef,
): Promise<void> {
  await transaction(pool, async (client) => {
    await completeJobs(boss, client, jobs);
    const done = await client.query(
      'INSERT INTO sla_policy_change_chunk (change_id, chunk) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [job.changeId, job.chunk],
    );
    if (done.rowCount === 0) return;
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM sla_ticket
        WHERE open AND state IS NOT NULL AND policy_version < $1 AND abs(hashtext(id)) % $2 = $3`,
      [job.version, job.chunks, job.chunk],
    );
    const locked = await lockTickets(
      client,
      rows.map((r) => r.id),
      false,
    );
    const after = await cache.get(client, job.version);
    const byVersion = new Map<number, SlaTicket[]>();
    const outcomes: TicketOutcome[] = [];
    for (const row of locked.tickets.values()) {
      // Measured meanwhile with this version or a newer one (by an event or a timer): nothing to do.
      if (row.state === null || row.account === null || row.policyVersion === null || row.policyVersion >= job.version)
        continue;
      const list = byVersion.get(row.policyVersion) ?? [];
      list.push({ id: row.id, account: row.state.account, events: row.state.events });
      byVersion.set(row.policyVersion, list);
      const state = restoreUnder(after, row.account, row.state);
      outcomes.push({
        row,
        account: row.account,
        state,
        lastSeq: row.lastSeq,
        policyVersion: job.version,
        error: null,
        result: measureState(state, locked.nowMs),
        nowMs: locked.nowMs,
      });
    }
    const totals = { tickets: 0, changedTickets: 0, moved: 0, added: 0, removed: 0, nextChecks: 0 };
    for (const [version, tickets] of byVersion) {
      const { summary } = compareDeadlines(await cache.get(client, version), after, tickets, locked.nowMs);
      totals.tickets += summary.tickets;
      totals.changedTickets += summary.changedTickets;
      totals.moved += summary.moved;
      totals.added += summary.added;
      totals.removed += summary.removed;
      totals.nextChecks += summary.nextChecks;
    }
    await writeOutcomes(client, boss, outcomes);
    await client.query(
      `UPDATE sla_policy_change SET chunks_done = chunks_done + 1, tickets = tickets + $2,
          changed_tickets = changed_tickets + $3, moved = moved + $4, added = added + $5, removed = removed + $6,
          next_checks_moved = next_checks_moved + $7,
          finished_at = CASE WHEN chunks_done + 1 = chunks THEN clock_timestamp() END
        WHERE id = $1`,
      [
        job.changeId,
        totals.tickets,
        totals.changedTickets,
        totals.moved,
        totals.added,
        totals.removed,
        totals.nextChecks,
      ],
    );
  });
}

/** What a policy change found so far (complete once `finished`). */
export interface PolicyChangeReport {
  readonly changeId: number;
  readonly version: number;
  readonly finished: boolean;
  readonly chunksDone: number;
  readonly chunks: number;
  readonly tickets: number;
  readonly changedTickets: number;
  /** Targets whose due instant, a threshold's instant or state moved. */
  readonly moved: number;
  readonly added: number;
  readonly removed: number;
  /** Tickets whose next check (their timer) moved. */
  readonly nextChecksMoved: number;
}

export async function policyChangeReport(pool: Pool, changeId: number): Promise<PolicyChangeReport> {
  const { rows } = await pool.query('SELECT * FROM sla_policy_change WHERE id = $1', [changeId]);
  const r = rows[0] as Record<string, number | Date | null> | undefined;
  if (r === undefined) throw new Error(`no policy change ${changeId}`);
  return {
    changeId,
    version: r['to_version'] as number,
    finished: r['finished_at'] !== null,
    chunksDone: r['chunks_done'] as number,
    chunks: r['chunks'] as number,
    tickets: r['tickets'] as number,
    changedTickets: r['changed_tickets'] as number,
    moved: r['moved'] as number,
    added: r['added'] as number,
    removed: r['removed'] as number,
    nextChecksMoved: r['next_checks_moved'] as number,
  };
}
