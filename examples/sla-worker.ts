/**
 * The worker side of `examples/sla-workers.ts`: receives a policy as JSON text, a chunk of tickets
 * and `now` as `workerData`, validates the policy with `parsePolicy` (so a custom policy works as
 * well as a preset), measures the chunk with one `measureMany` call and posts the results back.
 * Everything that crosses the thread boundary is plain data (epoch-ms instants, no functions).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { measureMany, parsePolicy, type SlaTicket } from '../src/index.js';

/** What `measureInWorkers` sends each worker. */
export interface SlaWorkerInput {
  readonly policyJson: string;
  readonly tickets: readonly SlaTicket[];
  readonly now: number;
  /** `columns`: post `SlaColumns`, transferring their buffers; `rows` (the default): post the rows. */
  readonly format?: 'rows' | 'columns';
}

if (parentPort !== null) {
  const { policyJson, tickets, now, format } = workerData as SlaWorkerInput;
  const policy = parsePolicy(policyJson);
  if (format === 'columns') {
    const columns = measureMany(policy, tickets, now, { format: 'columns' });
    // One buffer per table holds its numeric columns: moving it moves them all.
    parentPort.postMessage(columns, [
      columns.tickets.nextCheckAt.buffer,
      columns.targets.dueAt.buffer,
      columns.thresholds.at.buffer,
    ] as ArrayBuffer[]);
  } else parentPort.postMessage(measureMany(policy, tickets, now));
}
