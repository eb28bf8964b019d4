/**
 * `examples/stream-jsonl.ts`: a JSON-lines file measured chunk by chunk gives, line by line, what
 * one `measureMany` call gives for its good tickets; bad lines are reported with their line
 * numbers and the job goes on. Run in-process on a file written to a temp dir, and once as a child
 * process on the committed sample.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CSV_HEADER,
  EXPORTED_AT,
  SAMPLE_PATH,
  sampleJsonl,
  streamJsonl,
  ticketOf,
} from '../../examples/stream-jsonl.js';
import { measureMany, parsePolicy, type SlaTicket, standardSupport } from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const policy = parsePolicy(standardSupport);
const dir = mkdtempSync(join(tmpdir(), 'stream-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The sample's 200 lines, a blank line after line 10 (so later tickets sit one line lower), and a
// line that is JSON but not a ticket at the end.
const lines = sampleJsonl().trimEnd().split('\n');
const text = [...lines.slice(0, 10), '', ...lines.slice(10), '[1, 2]'].join('\n') + '\n';
const file = join(dir, 'tickets.jsonl');
writeFileSync(file, text);
const BAD = new Set([40, 41, 120, 200]); // positions in the stream (0-based, blank line not counted)
const lineOf = (position: number) => position + 1 + (position >= 10 ? 1 : 0);

/** The good tickets, as the example reads them, with their positions. */
const good = [...lines, '[1, 2]']
  .map((line, position) => ({ line, position }))
  .filter(({ position }) => !BAD.has(position))
  .map(({ line, position }) => ({ position, ticket: ticketOf(line) as SlaTicket }));
const expected = measureMany(
  policy,
  good.map((g) => g.ticket),
  EXPORTED_AT,
);

async function* linesOf(content: string): AsyncGenerator<string> {
  for (const line of content.split('\n').slice(0, -1)) yield line;
}

async function run(format: 'rows' | 'csv', chunkSize: number) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (b: Buffer) => chunks.push(b));
  const reported: string[] = [];
  const summary = await streamJsonl(linesOf(text), out, (m) => reported.push(m), {
    source: 'tickets.jsonl',
    format,
    chunkSize,
  });
  out.end();
  return { summary, reported, output: Buffer.concat(chunks).toString('utf8') };
}

describe('examples/stream-jsonl.ts', () => {
  it('the committed sample is what sampleJsonl writes', () => {
    expect(readFileSync(SAMPLE_PATH, 'utf8')).toBe(sampleJsonl());
  });

  it('rows: one JSON line per good ticket, its line and id with what measureMany gives', async () => {
    const { summary, reported, output } = await run('rows', 7);
    const rows = output
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; id: string });
    expect(rows.map((r) => r.line)).toStrictEqual(good.map((g) => lineOf(g.position)));
    expect(rows.map((r) => r.id)).toStrictEqual(good.map((g) => g.ticket.id));
    expect(rows.map(({ line: _line, id: _id, ...result }) => result)).toStrictEqual(
      JSON.parse(JSON.stringify(expected)),
    );
    expect(summary).toMatchObject({ tickets: 201, measured: 197, failed: 4, chunks: 29 });
    expect(reported).toStrictEqual([
      expect.stringMatching(
        /^tickets\.jsonl:42: T-26-00041: tickets\[40\]\.account\.plan: expected one of the policy's plans/,
      ),
      expect.stringMatching(
        /^tickets\.jsonl:43: T-26-00042: tickets\[41\]\.events\[0\]\.at: expected epoch milliseconds/,
      ),
      expect.stringMatching(/^tickets\.jsonl:122: invalid JSON \(/),
      expect.stringMatching(/^tickets\.jsonl:202: \(no id\): tickets\[200\]: expected a ticket/),
    ]);
  });

  it('csv: one line per measured target, chunk by chunk, in ticket order', async () => {
    const { summary, output } = await run('csv', 50);
    const [header, ...body] = output.trimEnd().split('\n');
    expect(header).toBe(CSV_HEADER);
    const targets = expected.flatMap((r, k) => r.targets.map((t) => ({ k, t })));
    expect(body).toHaveLength(targets.length);
    expect(summary).toMatchObject({ measured: 197, failed: 4, chunks: 5, targets: targets.length });
    body.forEach((line, i) => {
      const { k, t } = targets[i]!;
      const cells = line.split(',');
      expect(cells.slice(0, 6)).toStrictEqual([
        good[k]!.ticket.id,
        String(lineOf(good[k]!.position)),
        t.id,
        t.metric,
        t.cycle === null ? '' : String(t.cycle),
        t.state,
      ]);
      expect(cells[7]).toBe(t.dueAt === null ? '' : new Date(t.dueAt).toISOString());
    });
  });

  it('runs as a script: rows to stdout, bad lines and a summary on stderr; CSV to a file', () => {
    const script = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'examples/stream-jsonl.ts', ...args], {
        cwd: root,
        encoding: 'utf8',
      });
    const sample = script([]);
    expect(sample.status).toBe(0);
    expect(sample.stdout.trimEnd().split('\n')).toHaveLength(197);
    expect(sample.stderr).toContain('stream-jsonl: tickets-2026.jsonl:41: T-26-00041: tickets[40].account.plan');
    expect(sample.stderr).toContain(
      'stream-jsonl: 200 tickets from tickets-2026.jsonl in 1 chunk: 197 measured (197 targets), 3 refused',
    );
    const out = join(dir, 'targets.csv');
    const csv = script([file, '--format', 'csv', '--chunk-size', '20', '--out', out]);
    expect(csv.stderr).toContain('201 tickets from tickets.jsonl in 11 chunks: 197 measured');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(CSV_HEADER);
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'examples/stream-jsonl.ts', '--format', 'xml'], {
        cwd: root,
        stdio: 'pipe',
      }),
    ).toThrow(/--format: expected rows or csv/);
  });
});
