/**
 * `npx tsx examples/arrow-duckdb.ts [OUT_DIR]`: a year of helpdesk tickets
 * (`examples/data/tickets-2026.csv`, read as `csv-batch.ts` reads it) measured as columns,
 * written as Apache Arrow with `support-policy/arrow`, and queried in SQL with DuckDB.
 *
 * It writes `tickets.arrows`, `targets.arrows` and `thresholds.arrows` (Arrow IPC streams) to
 * OUT_DIR, or to a temporary folder it removes, loads the targets into an in-memory DuckDB
 * (DuckDB-Wasm, which runs in Node without a native build), runs the monthly compliance report of
 * docs/arrow.md, checks that it equals `complianceReport` on the same results, and prints it.
 * The same files open in Polars (`pl.read_ipc_stream`), pandas (`pd.read_feather` for `.arrow`
 * files, or pyarrow's `ipc.open_stream`) and DuckDB's own `read_arrow`.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slaColumnsToArrowIPC } from '../src/adapters/arrow.js';
import { columnsToResults, complianceReport, measureMany, parsePolicy, standardSupport } from '../src/index.js';
import { EXPORTED_AT, parse, toTickets } from './csv-batch.js';
import { formatTable } from './formatTable.js';

const CSV = fileURLToPath(new URL('data/tickets-2026.csv', import.meta.url));

/** The monthly compliance report in SQL: months of the targets' start in UTC. */
export const COMPLIANCE_SQL = `
SELECT strftime(make_timestamp(epoch_ms(startedAt) * 1000), '%Y-%m') AS period, plan, severity, metric, id AS target,
       count(*) FILTER (state = 'achieved') AS met,
       count(*) FILTER (state = 'breached') AS breached,
       count(*) FILTER (state IN ('running', 'paused')) AS open,
       100.0 * met / nullif(met + breached, 0) AS compliance_percent
FROM targets GROUP BY ALL ORDER BY ALL`;

/** What this example uses of DuckDB-Wasm's synchronous Node build. */
interface DuckdbWasm {
  createDuckDB(
    bundles: unknown,
    logger: unknown,
    runtime: unknown,
  ): Promise<{ instantiate(): Promise<unknown>; connect(): Sql }>;
  VoidLogger: new () => unknown;
  NODE_RUNTIME: unknown;
}
interface Sql {
  query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
  insertArrowFromIPCStream(bytes: Uint8Array, options: { name: string }): void;
}

/** An in-memory DuckDB that fetches no extension: the queries use its core functions only. */
export async function connectDuckdb(): Promise<Sql> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const duckdb = require(entry) as DuckdbWasm;
  const bundle = (name: string) => ({
    mainModule: join(dirname(entry), `duckdb-${name}.wasm`),
    mainWorker: join(dirname(entry), `duckdb-node-${name}.worker.cjs`),
  });
  const db = await duckdb.createDuckDB(
    { mvp: bundle('mvp'), eh: bundle('eh') },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const sql = db.connect();
  sql.query('SET autoinstall_known_extensions = false');
  sql.query('SET autoload_known_extensions = false');
  return sql;
}

export interface ArrowDuckdbResult {
  readonly tickets: number;
  readonly targets: number;
  /** The SQL report's rows: period, plan, severity, metric, met, breached, open, compliance_percent. */
  readonly rows: readonly Record<string, unknown>[];
  /** Whether every row equals the matching row of `complianceReport` (months in UTC). */
  readonly matchesComplianceReport: boolean;
  /** Bytes of each Arrow stream written. */
  readonly bytes: Readonly<Record<string, number>>;
}

/** Measures the standard-policy tickets of the CSV, writes them as Arrow to `outDir`, queries them. */
export async function runArrowDuckdb(outDir: string): Promise<ArrowDuckdbResult> {
  const tickets = toTickets(parse(readFileSync(CSV, 'utf8'), 'tickets-2026.csv'))
    .filter((t) => t.policy === 'standard')
    .map(({ account, events }) => ({ account, events }));
  const columns = measureMany(parsePolicy(standardSupport), tickets, EXPORTED_AT, { format: 'columns' });
  const ipc = slaColumnsToArrowIPC(columns);
  mkdirSync(outDir, { recursive: true });
  for (const name of Object.keys(ipc) as (keyof typeof ipc)[]) writeFileSync(join(outDir, `${name}.arrows`), ipc[name]);
  const sql = await connectDuckdb();
  sql.insertArrowFromIPCStream(readFileSync(join(outDir, 'targets.arrows')), { name: 'targets' });
  const rows = sql
    .query(COMPLIANCE_SQL)
    .toArray()
    .map((r) => r.toJSON());
  const key = (r: {
    readonly period?: unknown;
    readonly plan?: unknown;
    readonly severity?: unknown;
    readonly metric?: unknown;
  }) => JSON.stringify([r.period, r.plan, r.severity, r.metric]);
  const report = new Map(
    complianceReport(columnsToResults(columns), { period: 'month', zone: 'UTC' }).map((r) => [key(r), r]),
  );
  const matchesComplianceReport =
    rows.length === report.size &&
    rows.every((r) => {
      const c = report.get(key(r));
      return (
        c !== undefined &&
        Number(r['met']) === c.met &&
        Number(r['breached']) === c.breached &&
        Number(r['open']) === c.open &&
        (r['compliance_percent'] === null
          ? c.compliancePercent === null
          : Math.abs(Number(r['compliance_percent']) - (c.compliancePercent ?? Number.NaN)) < 1e-9)
      );
    });
  return {
    tickets: columns.tickets.length,
    targets: columns.targets.length,
    rows,
    matchesComplianceReport,
    bytes: Object.fromEntries(Object.entries(ipc).map(([name, bytes]) => [name, bytes.length])),
  };
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'support-policy-arrow-'));
  try {
    const r = await runArrowDuckdb(out);
    console.log(
      `${r.tickets} tickets, ${r.targets} targets as Arrow: ${Object.entries(r.bytes)
        .map(([name, n]) => `${name}.arrows ${(n / 1024).toFixed(0)} KiB`)
        .join(', ')}`,
    );
    console.log(
      formatTable(
        r.rows.map((row) => ({
          month: String(row['period']),
          plan: String(row['plan'] ?? '—'),
          severity: String(row['severity'] ?? '—'),
          metric: String(row['metric']),
          met: String(row['met']),
          breached: String(row['breached']),
          open: String(row['open']),
          compliance: row['compliance_percent'] === null ? '—' : `${Number(row['compliance_percent']).toFixed(1)} %`,
        })),
      ),
    );
    console.log(`the SQL report ${r.matchesComplianceReport ? 'equals' : 'DIFFERS FROM'} complianceReport`);
    if (!r.matchesComplianceReport) process.exitCode = 1;
  } finally {
    if (process.argv[2] === undefined) rmSync(out, { recursive: true, force: true });
  }
}
