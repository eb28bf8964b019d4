/**
 * `npx tsx examples/csv-batch.ts [FILE.csv] [--out REPORT.csv | --out -] [--now ISO]`: a backend
 * batch job that measures a year of exported helpdesk tickets and writes a compliance report.
 *
 * The input (by default `examples/data/tickets-2026.csv`, written by
 * `examples/data/make-tickets.ts`) holds one ticket event per row: `ticket_id, account_type, plan,
 * add_ons, at, type, author, status, severity`, with `at` in ISO-8601 UTC and add-ons separated by
 * `;`. The job parses it with a small hand-written CSV reader (quoted fields included, no
 * dependency), groups the rows into one timeline per ticket, picks each ticket's policy by its
 * account (the `standardSupport` preset, or `dedicatedSupport` for the VIP add-on), calls
 * `measureMany` once per policy at the instant of the export (2027-01-01 00:00 in Madrid, or
 * `--now`), and turns the results into one `complianceReport` with months in Europe/Madrid.
 *
 * It prints the report as a table (month, plan, severity, metric) and a first-response summary;
 * `--out FILE` also writes the report as CSV to FILE, and `--out -` writes the CSV to stdout
 * instead of the table (which then goes to stderr). A bad row stops the job with an error naming
 * the file and line: `tickets.csv:42: at: expected an ISO-8601 UTC instant …`.
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import {
  type AccountDefinition,
  type ComplianceRow,
  complianceReport,
  dedicatedSupport,
  isSupportPolicyError,
  type MeasureResult,
  measureMany,
  parsePolicy,
  type Policy,
  type SlaTicket,
  standardSupport,
  type TicketEvent,
} from '../src/index.js';
import { formatTable } from './formatTable.js';

export const ZONE = 'Europe/Madrid';
export const COLUMNS = [
  'ticket_id',
  'account_type',
  'plan',
  'add_ons',
  'at',
  'type',
  'author',
  'status',
  'severity',
] as const;
/** One CSV row, by column, with its line number in the file (the header is line 1). */
export type CsvRecord = Record<(typeof COLUMNS)[number], string> & { readonly line: number };

const policies: Readonly<Record<string, Policy>> = {
  standard: parsePolicy(standardSupport),
  dedicated: parsePolicy(dedicatedSupport),
};

/** An error about the input, naming the file and line. */
export class CsvError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    message: string,
  ) {
    super(`${source}:${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/**
 * Splits CSV text into records (RFC 4180: `,` separators, `"` quotes with `""` inside, LF or
 * CRLF line ends, newlines inside quotes), checks the header and every row's field count.
 */
export function parse(text: string, source = 'input.csv'): CsvRecord[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        cell += c;
        if (c === '\n') line++;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      rowLine = ++line;
    } else if (c === '"')
      throw new CsvError(
        source,
        line,
        'a quote inside an unquoted field (quote the whole field, doubling inner quotes)',
      );
    else cell += c;
  }
  if (quoted) throw new CsvError(source, rowLine, 'a quoted field is not closed before the end of the file');
  if (cell !== '' || cells.length > 0) rows.push({ line: rowLine, cells: [...cells, cell] });

  const [header, ...body] = rows;
  if (header === undefined || header.cells.join(',') !== COLUMNS.join(',')) {
    throw new CsvError(
      source,
      1,
      `expected the header ${COLUMNS.join(',')}, got ${header?.cells.join(',') ?? 'an empty file'}`,
    );
  }
  return body.map(({ line: at, cells: values }) => {
    if (values.length !== COLUMNS.length)
      throw new CsvError(source, at, `expected ${COLUMNS.length} fields, got ${values.length}`);
    return Object.assign(Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]!.trim()])), {
      line: at,
    }) as unknown as CsvRecord;
  });
}

/** A ticket read from the CSV: its timeline, its policy, and the line of each event. */
export interface CsvTicket extends SlaTicket {
  readonly id: string;
  readonly policy: 'standard' | 'dedicated';
  readonly lines: readonly number[];
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** Groups records into tickets (in order of first appearance), each event checked and converted. */
export function toTickets(records: readonly CsvRecord[], source = 'input.csv'): CsvTicket[] {
  const tickets = new Map<
    string,
    {
      id: string;
      policy: CsvTicket['policy'];
      account: AccountDefinition;
      key: string;
      events: TicketEvent[];
      lines: number[];
    }
  >();
  for (const r of records) {
    const fail = (message: string): never => {
      throw new CsvError(source, r.line, message);
    };
    if (r.ticket_id === '') fail('ticket_id: expected a ticket id, got nothing');
    const at = ISO_UTC.test(r.at) ? Date.parse(r.at) : Number.NaN;
    if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 16) !== r.at.slice(0, 16)) {
      fail(`at: expected an ISO-8601 UTC instant such as 2026-01-05T08:00:00Z, got ${JSON.stringify(r.at)}`);
    }
    const required = (column: 'author' | 'status' | 'severity') =>
      r[column] === '' ? fail(`${column}: expected a value for a "${r.type}" row, got nothing`) : r[column];
    const addOns = r.add_ons === '' ? [] : r.add_ons.split(';').map((a) => a.trim());
    const key = [r.account_type, r.plan, addOns.join(';')].join('|');
    let ticket = tickets.get(r.ticket_id);
    let event: TicketEvent;
    switch (r.type) {
      case 'created': {
        if (ticket !== undefined) fail(`type: ticket ${r.ticket_id} was already created on line ${ticket.lines[0]}`);
        const account: AccountDefinition = {
          type: r.account_type,
          ...(r.plan === '' ? {} : { plan: r.plan }),
          ...(addOns.length === 0 ? {} : { addOns }),
        };
        const policy = (['standard', 'dedicated'] as const).find(
          (p) =>
            Object.hasOwn(policies[p]!.accountTypes, r.account_type) &&
            (r.plan === '' || Object.hasOwn(policies[p]!.plans, r.plan)),
        );
        if (policy === undefined)
          fail(
            `account_type, plan: no policy has account type ${JSON.stringify(r.account_type)} with plan ${JSON.stringify(r.plan)}`,
          );
        ticket = { id: r.ticket_id, policy: policy!, account, key, events: [], lines: [] };
        tickets.set(r.ticket_id, ticket);
        event = r.severity === '' ? { kind: 'created', at } : { kind: 'created', at, severity: r.severity };
        break;
      }
      case 'reply':
        event = { kind: 'reply', at, author: required('author') as 'agent' | 'customer' | 'automatic' };
        break;
      case 'status':
        event = { kind: 'status', at, status: required('status') as 'open' };
        break;
      case 'severity':
        event = { kind: 'severity', at, severity: required('severity') };
        break;
      case 'plan':
        event = { kind: 'plan', at, plan: r.plan, addOns, ...(r.severity === '' ? {} : { severity: r.severity }) };
        break;
      default:
        return fail(`type: expected created, reply, status, severity or plan, got ${JSON.stringify(r.type)}`);
    }
    if (ticket === undefined) return fail(`ticket_id: ticket ${r.ticket_id} has no "created" row before this one`);
    if (r.type === 'plan') ticket.key = key;
    else if (key !== ticket.key)
      fail(
        `account_type, plan, add_ons: expected ${showKey(ticket.key)} as on the ticket's earlier rows, got ${showKey(key)}`,
      );
    ticket.events.push(event);
    ticket.lines.push(r.line);
  }
  return [...tickets.values()].map(({ id, policy, account, events, lines }) => ({
    id,
    policy,
    account,
    events,
    lines,
  }));
}

function showKey(key: string): string {
  const [type, plan, addOns] = key.split('|');
  return `${type}, ${plan || '(no plan)'}, ${addOns || '(no add-ons)'}`;
}

/** What {@link run} returns. */
export interface BatchResult {
  readonly tickets: number;
  readonly events: number;
  /** Every ticket's measurement, in input order. */
  readonly results: readonly MeasureResult[];
  readonly report: readonly ComplianceRow[];
  /** The report as CSV text. */
  readonly csv: string;
}

/** The instant of the sample's export: 2027-01-01 00:00 in Madrid. */
export const EXPORTED_AT = DateTime.fromISO('2027-01-01T00:00', { zone: ZONE }).toMillis();

/** Parses, groups, measures (one `measureMany` call per policy) and reports. */
export function run(text: string, options: { readonly source?: string; readonly now?: number } = {}): BatchResult {
  const source = options.source ?? 'input.csv';
  const now = options.now ?? EXPORTED_AT;
  const tickets = toTickets(parse(text, source), source);
  const results = new Array<MeasureResult>(tickets.length);
  for (const name of ['standard', 'dedicated'] as const) {
    const indices = tickets.flatMap((t, i) => (t.policy === name ? [i] : []));
    let measured: MeasureResult[];
    try {
      // measureMany takes exactly { id, account, events }: the CSV's own fields stay here.
      const batch = indices.map((i) => ({
        id: tickets[i]!.id,
        account: tickets[i]!.account,
        events: tickets[i]!.events,
      }));
      measured = measureMany(policies[name]!, batch, now);
    } catch (error) {
      // A library error names the ticket's place in the batch: translate it to the CSV line.
      if (!isSupportPolicyError(error) || error.path[0] !== 'tickets') throw error;
      const ticket = tickets[indices[error.path[1] as number]!]!;
      const line = error.path[2] === 'events' ? ticket.lines[error.path[3] as number]! : ticket.lines[0]!;
      throw new CsvError(source, line, `ticket ${ticket.id}: ${error.message.replace(/^tickets\[\d+\]\./, '')}`);
    }
    measured.forEach((r, k) => (results[indices[k]!] = r));
  }
  const report = complianceReport(results, { period: 'month', zone: ZONE });
  return {
    tickets: tickets.length,
    events: tickets.reduce((n, t) => n + t.events.length, 0),
    results,
    report,
    csv: reportCsv(report),
  };
}

const minutes = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 6_000) / 10));
const percent = (p: number | null) => (p === null ? '' : p.toFixed(1));

/** The report as CSV: one line per month, plan, severity and metric; times in business minutes. */
export function reportCsv(report: readonly ComplianceRow[]): string {
  const header = 'month,plan,severity,metric,total,met,breached,open,compliance_percent,median_minutes,p90_minutes';
  const lines = report.map((r) =>
    [
      r.period,
      r.plan ?? '',
      r.severity ?? '',
      r.metric,
      r.total,
      r.met,
      r.breached,
      r.open,
      percent(r.compliancePercent),
      minutes(r.medianMs),
      minutes(r.p90Ms),
    ].join(','),
  );
  return [header, ...lines].join('\n') + '\n';
}

/** First-response compliance per plan over the whole year, for the summary. */
export function firstResponseByPlan(report: readonly ComplianceRow[]): Record<string, string>[] {
  const plans = [...new Set(report.map((r) => r.plan ?? '—'))];
  return plans.map((plan) => {
    const rows = report.filter((r) => (r.plan ?? '—') === plan && r.metric === 'firstResponse');
    const met = rows.reduce((n, r) => n + r.met, 0);
    const breached = rows.reduce((n, r) => n + r.breached, 0);
    return {
      plan,
      tickets: String(rows.reduce((n, r) => n + r.total, 0)),
      met: String(met),
      breached: String(breached),
      compliance: `${percent((100 * met) / (met + breached))} %`,
    };
  });
}

function main(args: readonly string[]): void {
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const out = value('--out');
  const nowText = value('--now');
  const file =
    args.find((a, i) => !a.startsWith('--') && !['--out', '--now'].includes(args[i - 1] ?? '')) ??
    fileURLToPath(new URL('./data/tickets-2026.csv', import.meta.url));
  const now = nowText === undefined ? EXPORTED_AT : Date.parse(nowText);
  if (Number.isNaN(now)) throw new Error(`--now: expected an ISO-8601 instant, got ${JSON.stringify(nowText)}`);
  const result = run(readFileSync(file, 'utf8'), { source: basename(file), now });
  const print = out === '-' ? (s: string) => console.error(s) : (s: string) => console.log(s);
  print(
    `${result.tickets} tickets, ${result.events} events from ${basename(file)}, measured at ${DateTime.fromMillis(now, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm')} (Madrid)\n`,
  );
  print(
    formatTable(
      result.report.map((r) => ({
        month: r.period,
        plan: r.plan ?? '—',
        severity: r.severity ?? '—',
        metric: r.metric,
        met: String(r.met),
        breached: String(r.breached),
        open: String(r.open),
        compliance: r.compliancePercent === null ? '—' : `${percent(r.compliancePercent)} %`,
        'median (min)': minutes(r.medianMs) || '—',
        'p90 (min)': minutes(r.p90Ms) || '—',
      })),
    ),
  );
  print('\nFirst responses in 2026, per plan:\n');
  print(formatTable(firstResponseByPlan(result.report)));
  if (out === '-') process.stdout.write(result.csv);
  else if (out !== undefined) {
    writeFileSync(out, result.csv);
    print(`\nWrote ${result.report.length} report rows to ${out}.`);
  }
}

const invoked = process.argv[1];
if (invoked !== undefined && realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url))) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof CsvError ? `csv-batch: ${error.message}` : error);
    process.exitCode = 1;
  }
}
