/**
 * `npx tsx examples/stream-jsonl.ts [FILE.jsonl] [--format rows | csv] [--out FILE | -] [--now ISO] [--chunk-size N]`:
 * a backend job that measures a file of tickets too large to hold in memory, writing results as
 * they come.
 *
 * The input (by default `examples/data/tickets-2026.jsonl`, written by `sampleJsonl` below) holds
 * one ticket per line, as a helpdesk export or a queue dump does: `{ "id", "account", "events" }`
 * with instants as ISO-8601 UTC text (or epoch ms). The job reads it line by line
 * (`node:readline`), turns each line into a ticket, and hands the lines to `measureStream` on the
 * standard preset, which measures them chunk by chunk at `--now` (2027-01-01 00:00 in Madrid by
 * default) with `invalid: 'collect'`: a bad line is reported and the job goes on.
 *
 * `--format rows` (the default) writes one JSON line per ticket, its result with its id and line
 * number; `--format csv` asks for columns and writes, chunk by chunk, one CSV line per measured
 * target. Results go to stdout, or to `--out FILE`; each bad line is reported on stderr as
 * `tickets-2026.jsonl:7: T-26-00007: tickets[6].account.plan: …` (invalid JSON too), followed by a
 * summary. Memory stays that of one chunk (`--chunk-size`, 1,000 here), however long the file.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, realpathSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import {
  type MeasureManyResult,
  type MeasureResult,
  measureStream,
  parsePolicy,
  type SlaColumns,
  type SlaTicket,
  standardSupport,
} from '../src/index.js';
import { sampleTickets } from './sla-workers.js';

export const ZONE = 'Europe/Madrid';
/** The instant of the sample's export: 2027-01-01 00:00 in Madrid. */
export const EXPORTED_AT = DateTime.fromISO('2027-01-01T00:00', { zone: ZONE }).toMillis();
export const SAMPLE_PATH = fileURLToPath(new URL('./data/tickets-2026.jsonl', import.meta.url));
export const CSV_HEADER =
  'ticket_id,line,target,metric,cycle,state,started_at,due_at,elapsed_minutes,breached_by_minutes';

const policy = parsePolicy(standardSupport);

/**
 * The sample file's text: `count` tickets of `sampleTickets` (examples/sla-workers.ts) with ids
 * and ISO instants, one per line, and three bad lines among them (an unknown plan, an instant
 * that is not one, a line cut short) to show what the job does with them.
 */
export function sampleJsonl(count = 200): string {
  const lines = sampleTickets(count, 7).map((t, i) =>
    JSON.stringify({
      id: `T-26-${String(i + 1).padStart(5, '0')}`,
      account: t.account,
      events: t.events.map((e) => ({ ...e, at: new Date(e.at as number).toISOString() })),
    }),
  );
  lines[40] = lines[40]!.replace(/"plan":"\w+"/, '"plan":"gold"');
  lines[41] = lines[41]!.replace(/"at":"[^"]+"/, '"at":"yesterday"');
  lines[120] = lines[120]!.slice(0, 80);
  return lines.join('\n') + '\n';
}

/** A ticket of one line: parsed, its ISO instants turned into epoch ms (anything else is left to the library to refuse). */
export function ticketOf(line: string): unknown {
  const ticket: unknown = JSON.parse(line);
  const events = typeof ticket === 'object' && ticket !== null ? (ticket as { events?: unknown }).events : undefined;
  if (Array.isArray(events))
    for (const e of events as { at?: unknown }[]) {
      if (typeof e === 'object' && e !== null && typeof e.at === 'string' && !Number.isNaN(Date.parse(e.at)))
        e.at = Date.parse(e.at);
    }
  return ticket;
}

/** What a run did. */
export interface StreamSummary {
  readonly tickets: number;
  readonly measured: number;
  readonly failed: number;
  readonly chunks: number;
  readonly targets: number;
  /** The bad lines, as reported. */
  readonly failures: readonly string[];
}

export interface StreamOptions {
  readonly source?: string;
  readonly format?: 'rows' | 'csv';
  readonly now?: number;
  readonly chunkSize?: number;
}

/**
 * Reads `lines` (one ticket each; blank lines skipped), measures them with `measureStream`, and
 * writes each chunk's results to `out` before reading the next chunk; reports bad lines through
 * `report`. Only the current chunk's line numbers and JSON errors are kept.
 */
export async function streamJsonl(
  lines: AsyncIterable<string>,
  out: Writable,
  report: (message: string) => void,
  options: StreamOptions = {},
): Promise<StreamSummary> {
  const source = options.source ?? 'input.jsonl';
  const format = options.format ?? 'rows';
  // Line numbers and JSON errors of the tickets read but not yet written, by position in the stream.
  const lineOf: number[] = [];
  const jsonErrors = new Map<number, string>();
  let read = 0;
  async function* tickets(): AsyncGenerator<SlaTicket> {
    let line = 0;
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      lineOf.push(line);
      let ticket: unknown;
      try {
        ticket = ticketOf(text);
      } catch (error) {
        jsonErrors.set(read, (error as Error).message);
        ticket = text; // refused by the stream as "not a ticket", and reported as invalid JSON below
      }
      read++;
      yield ticket as SlaTicket;
    }
  }
  const stream = measureStream(policy, tickets(), options.now ?? EXPORTED_AT, {
    chunkSize: options.chunkSize ?? 1_000,
    invalid: 'collect',
    format: format === 'csv' ? 'columns' : 'rows',
  });
  const failures: string[] = [];
  let measured = 0;
  let targets = 0;
  let chunks = 0;
  if (format === 'csv') await write(out, CSV_HEADER + '\n');
  for await (const chunk of stream) {
    const line = (position: number) => lineOf[position - chunk.first]!;
    await write(
      out,
      format === 'csv'
        ? csvOf(chunk as MeasureManyResult<SlaColumns>, line)
        : rowsOf(chunk as MeasureManyResult<MeasureResult[]>, line),
    );
    for (const f of chunk.failures) {
      const why = jsonErrors.get(f.index);
      const message = `${source}:${line(f.index)}: ${why === undefined ? `${f.id ?? '(no id)'}: ${f.error.message}` : `invalid JSON (${why})`}`;
      failures.push(message);
      report(message);
      jsonErrors.delete(f.index);
    }
    measured += chunk.index.length;
    targets += format === 'csv' ? (chunk.results as SlaColumns).targets.length : 0;
    if (format === 'rows') for (const r of chunk.results as MeasureResult[]) targets += r.targets.length;
    chunks++;
    lineOf.splice(0, chunk.count);
  }
  return { tickets: read, measured, failed: failures.length, chunks, targets, failures };
}

/** One JSON line per measured ticket: its line, id and result. */
function rowsOf(chunk: MeasureManyResult<MeasureResult[]>, line: (position: number) => number): string {
  let text = '';
  chunk.results.forEach((result, k) => {
    text += JSON.stringify({ line: line(chunk.index[k]!), id: chunk.ids[k], ...result }) + '\n';
  });
  return text;
}

const iso = (ms: number) => (Number.isNaN(ms) ? '' : new Date(ms).toISOString());
const minutes = (ms: number) => String(Math.round(ms / 6_000) / 10);

/** One CSV line per measured target of the chunk, read from its columns. */
function csvOf(chunk: MeasureManyResult<SlaColumns>, line: (position: number) => number): string {
  const t = chunk.results.targets;
  let text = '';
  for (let r = 0; r < t.length; r++) {
    const k = t.ticket[r]!;
    const cycle = t.cycle[r]!;
    text +=
      [
        chunk.ids[k] ?? '',
        line(chunk.index[k]!),
        t.id[r],
        t.metric[r],
        Number.isNaN(cycle) ? '' : cycle,
        t.state[r],
        iso(t.startedAt[r]!),
        iso(t.dueAt[r]!),
        minutes(t.elapsedMs[r]!),
        minutes(t.breachedByMs[r]!),
      ].join(',') + '\n';
  }
  return text;
}

/** Writes `text`, waiting for the stream to drain when its buffer is full. */
async function write(out: Writable, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await once(out, 'drain');
}

async function main(args: readonly string[]): Promise<void> {
  const flags = ['--format', '--out', '--now', '--chunk-size'];
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const file = args.find((a, i) => !a.startsWith('--') && !flags.includes(args[i - 1] ?? '')) ?? SAMPLE_PATH;
  const format = value('--format') ?? 'rows';
  if (format !== 'rows' && format !== 'csv') throw new Error(`--format: expected rows or csv, got ${format}`);
  const nowText = value('--now');
  const now = nowText === undefined ? EXPORTED_AT : Date.parse(nowText);
  if (Number.isNaN(now)) throw new Error(`--now: expected an ISO-8601 instant, got ${JSON.stringify(nowText)}`);
  const chunkSize = Number(value('--chunk-size') ?? 1_000);
  const outPath = value('--out') ?? '-';
  const out = outPath === '-' ? process.stdout : createWriteStream(outPath);
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  const report = (message: string) => console.error(`stream-jsonl: ${message}`);
  const summary = await streamJsonl(lines, out, report, { source: basename(file), format, now, chunkSize });
  if (out !== process.stdout) await new Promise<void>((done) => out.end(done));
  console.error(
    `stream-jsonl: ${summary.tickets} tickets from ${basename(file)} in ${summary.chunks} chunk${summary.chunks === 1 ? '' : 's'}: ${summary.measured} measured (${summary.targets} targets), ${summary.failed} refused`,
  );
}

const invoked = process.argv[1];
if (invoked !== undefined && realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url))) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
