/**
 * One worker process: a `pg` pool, pg-boss over that same pool, and a handler per queue. Start as
 * many as you like on as many machines, all pointing at one database; they share nothing but it.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { type IngestCounts, fireTimers, ingestEvents, type TimerCounts } from './handlers.js';
import type { JobRef } from './store.js';
import { ensurePolicy, type PolicyChunk, type PolicyDocument, PolicyCache, remeasureChunk } from './policies.js';
import { migrate, QUEUES } from './schema.js';

export interface WorkerOptions {
  readonly databaseUrl: string;
  /** Timers handled per transaction. */
  readonly batchSize?: number;
  /** Deliveries (jobs of the events queue, each a list of events) ingested per transaction. */
  readonly deliveriesPerTransaction?: number;
  readonly pollingIntervalSeconds?: number;
  /** How long a job may stay active before pg-boss hands it to another worker (a crashed worker's jobs). */
  readonly expireInSeconds?: number;
  /** How often pg-boss looks for expired jobs and retries them. */
  readonly maintenanceIntervalSeconds?: number;
  /** Loaded as version 1 when the database has no policy yet. */
  readonly initialPolicy?: PolicyDocument;
  readonly log?: (line: string) => void;
}

/** What this worker has done since it started. */
export interface WorkerStats {
  eventsDelivered: number;
  eventsStored: number;
  ticketsAdvanced: number;
  ticketsRefolded: number;
  timersFired: number;
  timersStale: number;
  notifications: number;
  policyChunks: number;
  errors: number;
}

export interface RunningWorker {
  readonly boss: PgBoss;
  readonly pool: pg.Pool;
  readonly stats: WorkerStats;
  stop(): Promise<void>;
}

/** Creates the schema and queues when missing, then works the three queues until stopped. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? ((line: string) => console.error(line));
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 8 });
  // A server restart breaks idle connections; the pool drops them and opens new ones on demand.
  pool.on('error', (error) => log(`pool: ${error.message}`));
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  const stats: WorkerStats = {
    eventsDelivered: 0,
    eventsStored: 0,
    ticketsAdvanced: 0,
    ticketsRefolded: 0,
    timersFired: 0,
    timersStale: 0,
    notifications: 0,
    policyChunks: 0,
    errors: 0,
  };
  boss.on('error', (error) => {
    stats.errors++;
    log(`pg-boss: ${error.message}`);
  });
  await migrate(pool);
  await boss.start();
  const queue = { retryLimit: 10_000, retryDelay: 1, expireInSeconds: options.expireInSeconds ?? 60 };
  for (const name of Object.values(QUEUES)) {
    await boss.createQueue(name, { name, ...queue });
    // A queue made earlier (by another worker or a client) takes this worker's settings when it sets them.
    if (options.expireInSeconds !== undefined) await boss.updateQueue(name, { name, ...queue });
  }
  if (options.initialPolicy !== undefined) await ensurePolicy(pool, boss, options.initialPolicy);
  const cache = new PolicyCache();
  const pollMs = (options.pollingIntervalSeconds ?? 0.5) * 1000;
  let stopping = false;
  const onError = (error: unknown) => {
    stats.errors++;
    log(`handler: ${error instanceof Error ? error.message : String(error)}`);
  };
  const loops = [
    consume<Delivery>(boss, QUEUES.events, options.deliveriesPerTransaction ?? 2, async (jobs, done) => {
      const messages = jobs.flatMap((j) => (Array.isArray(j.data.messages) ? j.data.messages : []));
      const c: IngestCounts = await ingestEvents(pool, boss, cache, messages, done);
      stats.eventsDelivered += c.delivered;
      stats.eventsStored += c.stored;
      stats.ticketsAdvanced += c.advanced;
      stats.ticketsRefolded += c.refolded;
      stats.notifications += c.notifications;
    }),
    consume<{ ticketId: string }>(boss, QUEUES.timers, options.batchSize ?? 100, async (jobs) => {
      const c: TimerCounts = await fireTimers(pool, boss, cache, jobs);
      stats.timersFired += c.fired;
      stats.timersStale += c.stale;
      stats.notifications += c.notifications;
    }),
    consume<PolicyChunk>(boss, QUEUES.policy, 1, async (jobs, done) => {
      for (const job of jobs) await remeasureChunk(pool, boss, cache, job.data, done);
      stats.policyChunks += jobs.length;
    }),
  ];

  /**
   * A queue's loop: fetch a batch (pg-boss marks it active; SKIP LOCKED keeps workers apart), handle
   * it in one transaction that also completes it, fetch again at once while there is work, wait
   * `pollMs` when there is none. A failed batch is failed in pg-boss, which retries it after its
   * delay; a batch whose worker dies stays active until pg-boss expires it and retries it.
   */
  async function consume<T extends object>(
    b: PgBoss,
    queue: string,
    batchSize: number,
    handle: (jobs: PgBoss.Job<T>[], done: JobRef) => Promise<void>,
  ): Promise<void> {
    while (!stopping) {
      const jobs = await b.fetch<T>(queue, { batchSize }).catch((error: unknown) => (onError(error), []));
      if (jobs.length === 0) {
        await sleep(pollMs);
        continue;
      }
      const ids = jobs.map((j) => j.id);
      try {
        await handle(jobs, { queue, ids });
      } catch (error) {
        onError(error);
        // pg-boss's fail(name, ids, data): the typings lack ids with data.
        const fail = b.fail.bind(b) as unknown as (name: string, ids: string[], data: object) => Promise<unknown>;
        await fail(queue, ids, { message: String(error) }).catch(onError);
      }
    }
  }

  return {
    boss,
    pool,
    stats,
    async stop() {
      stopping = true;
      await Promise.all(loops);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await pool.end();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job of the events queue: events as a helpdesk's webhook receiver hands them over. */
export interface Delivery {
  readonly messages: readonly unknown[];
}

/**
 * Queues events for ingestion, as a webhook receiver does: `perDelivery` events a job (one
 * transaction ingests a job), 1,000 jobs an insert.
 */
export async function sendEvents(boss: PgBoss, messages: readonly object[], perDelivery = 25): Promise<void> {
  const jobs: PgBoss.JobInsert<Delivery>[] = [];
  for (let i = 0; i < messages.length; i += perDelivery)
    jobs.push({ name: QUEUES.events, data: { messages: messages.slice(i, i + perDelivery) } });
  for (let i = 0; i < jobs.length; i += 1000) await boss.insert(jobs.slice(i, i + 1000));
}
