/**
 * `npx tsx examples/sla-workers.ts`: measuring a large batch of tickets across worker threads.
 *
 * `measureMany` is a pure function of (policy, tickets, now) over plain data, so a batch can be
 * split into chunks, each chunk measured in a `node:worker_threads` Worker, and the parts
 * concatenated: the answer is the one a single call gives. The policy crosses the thread boundary
 * as JSON text and each worker validates it with `parsePolicy`, so a custom policy works exactly
 * like a preset. This script builds a deterministic batch (seeded PRNG) on the standard preset,
 * measures it both ways, asserts that the results are deep-equal, and prints the timings and a
 * monthly compliance table (`complianceReport`, months in Europe/Madrid).
 */
import { deepStrictEqual } from 'node:assert/strict';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DateTime } from 'luxon';
import {
  columnsToResults,
  complianceReport,
  type MeasureResult,
  measureMany,
  parsePolicy,
  type SlaColumns,
  type SlaTicket,
  standardSupport,
  type TicketEvent,
} from '../src/index.js';
import { formatTable } from './formatTable.js';
import type { SlaWorkerInput } from './sla-worker.js';
import { pick, prng } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ZONE = 'Europe/Madrid';

/** How late the agent's first reply may come, in wall-clock hours, per plan (some go over). */
const REPLY_WITHIN_HOURS: Record<string, number> = { enterprise: 8, premium: 60, starter: 120 };

/**
 * A deterministic batch of tickets on the standard preset, created from 1 January to 30 November
 * 2026 at any hour: an automatic acknowledgement, usually an agent reply (sometimes after an
 * escalation), then often a customer reply, a wait on the customer and a solve.
 */
export function sampleTickets(count: number, seed = 2026): SlaTicket[] {
  const random = prng(seed);
  const from = DateTime.fromISO('2026-01-01T00:00', { zone: ZONE }).toMillis();
  const to = DateTime.fromISO('2026-12-01T00:00', { zone: ZONE }).toMillis();
  const tickets: SlaTicket[] = [];
  for (let i = 0; i < count; i++) {
    const plan = pick(random(), [
      ['enterprise', 25],
      ['premium', 35],
      ['starter', 40],
    ] as const);
    const severity = pick(random(), [
      ['critical', 10],
      ['major', 30],
      ['minor', 60],
    ] as const);
    let at = from + Math.floor(random() * ((to - from) / MINUTE)) * MINUTE;
    const events: TicketEvent[] = [{ kind: 'created', at, severity }];
    const later = (maxMs: number) => (at += Math.max(MINUTE, Math.floor((random() * maxMs) / MINUTE) * MINUTE));
    events.push({ kind: 'reply', at: later(MINUTE), author: 'automatic' });
    if (severity !== 'critical' && random() < 0.05)
      events.push({ kind: 'severity', at: later(2 * HOUR), severity: 'critical' });
    if (random() < 0.92) {
      // Squaring skews the delay towards quick replies.
      events.push({ kind: 'reply', at: later(random() ** 2 * REPLY_WITHIN_HOURS[plan]! * HOUR), author: 'agent' });
      if (random() < 0.6) events.push({ kind: 'reply', at: later(24 * HOUR), author: 'customer' });
      if (random() < 0.4) events.push({ kind: 'status', at: later(4 * HOUR), status: 'waiting_on_customer' });
      if (random() < 0.7) events.push({ kind: 'status', at: later(72 * HOUR), status: 'solved' });
    }
    tickets.push({ account: { type: 'direct', plan }, events });
  }
  return tickets;
}

/** Splits a list into `parts` contiguous chunks whose sizes differ by at most one. */
export function chunks<T>(items: readonly T[], parts: number): T[][] {
  const n = Math.max(1, Math.min(Math.floor(parts), items.length));
  const out: T[][] = [];
  for (let i = 0, start = 0; i < n; i++) {
    const end = start + Math.floor(items.length / n) + (i < items.length % n ? 1 : 0);
    out.push(items.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * The URL of tsx's ESM API (the `import` entry of `tsx/esm/api`), read from its exports map:
 * `import.meta.resolve` would do, but vitest's module runner does not provide it.
 */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/**
 * The worker's entry point. On Node 20, `execArgv: ['--import', 'tsx']` does not make a worker
 * load TypeScript (tsx registers its hooks in the main thread only there: privatenumber/tsx#354,
 * nodejs/node#47747), so a small JavaScript module registers tsx in the worker, then imports it.
 */
let bootstrap: URL | undefined;
function workerEntry(): URL {
  const worker = new URL('./sla-worker.ts', import.meta.url).href;
  const code = `const { register } = await import(${JSON.stringify(tsxEsmApi())});\nregister();\nawait import(${JSON.stringify(worker)});`;
  return (bootstrap ??= new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

/** Measures one chunk in a new worker thread; columns come back as rows, through `columnsToResults`. */
function measureInWorker(input: SlaWorkerInput): Promise<MeasureResult[]> {
  return new Promise((resolve, reject) => {
    // No inherited flags: the entry registers tsx itself.
    const worker = new Worker(workerEntry(), { execArgv: [], workerData: input });
    let settled = false;
    worker.once('message', (answer: MeasureResult[] | SlaColumns) => {
      settled = true;
      resolve(Array.isArray(answer) ? answer : columnsToResults(answer));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`SLA worker stopped with exit code ${code} before answering`));
    });
  });
}

/**
 * Measures `tickets` at `now` on the policy given as JSON text, split into `workers` contiguous
 * chunks, each in its own worker thread; returns the parts concatenated, in input order (the
 * answer `measureMany(parsePolicy(policyJson), tickets, now)` gives). With `format: 'columns'`
 * the workers answer in columns, moved back without a copy, and read here as rows.
 */
export async function measureInWorkers(
  policyJson: string,
  tickets: readonly SlaTicket[],
  now: number,
  workers: number,
  format: 'rows' | 'columns' = 'rows',
): Promise<MeasureResult[]> {
  if (tickets.length === 0) return [];
  const parts = await Promise.all(
    chunks(tickets, workers).map((chunk) => measureInWorker({ policyJson, tickets: chunk, now, format })),
  );
  return parts.flat();
}

/** Compliance (met ÷ decided) as a percentage, or a dash when nothing is decided yet. */
const percent = (met: number, decided: number) => (decided === 0 ? '—' : `${((100 * met) / decided).toFixed(1)} %`);

/** First-response compliance per month (Madrid dates of ticket creation) and plan, from `complianceReport`. */
function monthlyTable(results: readonly MeasureResult[], plans: readonly string[]): Record<string, string>[] {
  const rows = complianceReport(results, { period: 'month', zone: ZONE }).filter((r) => r.metric === 'firstResponse');
  const months = [...new Set(rows.map((r) => r.period))];
  const sum = (of: typeof rows) => ({
    total: of.reduce((n, r) => n + r.total, 0),
    met: of.reduce((n, r) => n + r.met, 0),
    decided: of.reduce((n, r) => n + r.met + r.breached, 0),
    open: of.reduce((n, r) => n + r.open, 0),
  });
  return [...months, 'all'].map((month) => {
    const inMonth = rows.filter((r) => month === 'all' || r.period === month);
    const all = sum(inMonth);
    const byPlan = Object.fromEntries(
      plans.map((p) => {
        const s = sum(inMonth.filter((r) => r.plan === p));
        return [p, percent(s.met, s.decided)];
      }),
    );
    return {
      month,
      tickets: String(all.total),
      met: String(all.met),
      breached: String(all.decided - all.met),
      open: String(all.open),
      ...byPlan,
      overall: percent(all.met, all.decided),
    };
  });
}

async function main(): Promise<void> {
  const count = 4000;
  const workers = Math.min(4, availableParallelism());
  const policyJson = JSON.stringify(standardSupport);
  const tickets = sampleTickets(count);
  const now = DateTime.fromISO('2026-12-01T12:00', { zone: ZONE }).toMillis();

  let started = performance.now();
  const single = measureMany(parsePolicy(policyJson), tickets, now);
  const singleMs = performance.now() - started;

  started = performance.now();
  const parallel = await measureInWorkers(policyJson, tickets, now, workers);
  const parallelMs = performance.now() - started;

  started = performance.now();
  const viaColumns = await measureInWorkers(policyJson, tickets, now, workers, 'columns');
  const columnsMs = performance.now() - started;

  deepStrictEqual(parallel, single);
  deepStrictEqual(viaColumns, single);

  const targets = single.reduce((n, r) => n + r.targets.length, 0);
  console.log(
    `SLA of ${count} tickets on the standard preset at ${DateTime.fromMillis(now, { zone: ZONE }).toFormat('dd LLL yyyy HH:mm')} (Madrid), ${targets} targets\n`,
  );
  console.log(
    formatTable([
      { variant: 'one measureMany call, main thread', workers: '—', ms: singleMs.toFixed(0) },
      {
        variant: 'chunks in worker threads, concatenated',
        workers: String(workers),
        ms: `${parallelMs.toFixed(0)} (with worker start-up and tsx)`,
      },
      {
        variant: 'the same, answers moved back as columns',
        workers: String(workers),
        ms: `${columnsMs.toFixed(0)} (likewise)`,
      },
    ]),
  );
  console.log('\nThe three answers are deep-equal (node:assert deepStrictEqual).');
  console.log('\nFirst-response compliance by month (Madrid) and plan:\n');
  console.log(formatTable(monthlyTable(single, ['enterprise', 'premium', 'starter'])));
}

// Runs only when executed (`npx tsx examples/sla-workers.ts`), not when a test imports it.
const invoked = process.argv[1];
if (invoked !== undefined && realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
