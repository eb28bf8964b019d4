/**
 * The analyst notebooks in examples/notebooks/ are shipped with their outputs (`npm run notebooks`
 * executes them with Deno's Jupyter kernel). These checks need no Deno: the files are well-formed
 * nbformat 4 for the Deno kernel, fully executed and normalised, import only the built package's
 * public exports, carry an SVG chart, and the numbers they show (and the deadline pictures they
 * draw) are the ones the library computes in Node from the same sample data.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parse, toTickets } from '../../examples/csv-batch.js';
import {
  balances,
  complianceReport,
  createLedger,
  dedicatedSupport,
  drawDeadline,
  measure,
  type LedgerEvent,
  measureMany,
  parsePolicy,
  replay,
  standardSupport,
  statement,
  type MeasureResult,
  type SlaTicket,
  type TicketEvent,
} from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = join(root, 'examples', 'notebooks');
const ZONE = 'Europe/Madrid';

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  execution_count?: number | null;
}
interface Cell {
  cell_type: string;
  id: string;
  source: string | string[];
  metadata: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
}
interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec?: { name: string; language: string } };
  cells: Cell[];
}

const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join('') : (t ?? ''));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();
const raw = (file: string) => readFileSync(join(dir, file), 'utf8');
const load = (file: string) => JSON.parse(raw(file)) as Notebook;
const code = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === 'code');
const cell = (nb: Notebook, id: string) => nb.cells.find((c) => c.id === id) ?? expect.unreachable(`no cell ${id}`);

/** The rows of every Markdown table a cell displayed, as arrays of cells (header first). */
function tables(c: Cell): string[][][] {
  return (c.outputs ?? [])
    .map((o) => text(o.data?.['text/markdown']))
    .filter((md) => md.startsWith('|'))
    .map((md) =>
      md
        .split('\n')
        .filter((l) => !/^\|( --- \|)+$/.test(l))
        .map((l) => l.slice(2, -2).split(' | ')),
    );
}
/** The values of each SVG chart a cell displayed (bars, or a line chart's markers): `category/series` → value. */
function charts(c: Cell): Map<string, number>[] {
  return (c.outputs ?? [])
    .map((o) => text(o.data?.['image/svg+xml']))
    .filter(Boolean)
    .map(
      (svg) =>
        new Map(
          [...svg.matchAll(/data-category="([^"]+)" data-series="([^"]+)" data-value="([^"]+)"/g)].map((m) => [
            `${m[1]}/${m[2]}`,
            Number(m[3]),
          ]),
        ),
    );
}
/** The values of every SVG chart a cell displayed, in one map. */
const bars = (c: Cell) => new Map(charts(c).flatMap((m) => [...m]));

/** Jupyter's own serialisation (sorted keys, one-space indent), as `npm run notebooks` writes it. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
  );
}

/** The names src/index.ts exports (values and types). */
const publicNames = new Set(
  [...readFileSync(join(root, 'src', 'index.ts'), 'utf8').matchAll(/^export (?:type )?\{([^}]+)\}/gm)].flatMap((m) =>
    (m[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
);

/** The names support-policy/arrow exports. */
const arrowNames = new Set(Object.keys(await import('../../src/adapters/arrow.js')));

describe('every notebook', () => {
  it('the two notebooks are there', () => {
    expect(files).toEqual(['sla-compliance.ipynb', 'support-hours.ipynb']);
  });

  describe.each(files)('%s', (file) => {
    const nb = load(file);

    it('is nbformat 4 for the Deno kernel (TypeScript), with unique cell ids', () => {
      expect(nb.nbformat).toBe(4);
      expect(nb.nbformat_minor).toBeGreaterThanOrEqual(5);
      expect(nb.metadata.kernelspec).toMatchObject({ name: 'deno', language: 'typescript' });
      const ids = nb.cells.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(nb.cells.filter((c) => c.cell_type === 'markdown').length).toBeGreaterThanOrEqual(code(nb).length);
    });

    it('was executed top to bottom: every code cell has outputs, none an error', () => {
      expect(code(nb).map((c) => c.execution_count)).toEqual(code(nb).map((_, i) => i + 1));
      expect(
        code(nb)
          .filter((c) => (c.outputs ?? []).length === 0)
          .map((c) => c.id),
      ).toEqual([]);
      expect(
        code(nb)
          .flatMap((c) => c.outputs ?? [])
          .filter((o) => o.output_type === 'error'),
      ).toEqual([]);
    });

    it('is stored normalised: no execution timings, one output per stream, Jupyter key order', () => {
      expect(nb.cells.filter((c) => 'execution' in c.metadata)).toEqual([]);
      for (const c of code(nb)) {
        const streams = (c.outputs ?? []).map(
          (o, i, all) =>
            o.output_type === 'stream' && all[i - 1]?.output_type === 'stream' && all[i - 1]?.name === o.name,
        );
        expect(streams, c.id).not.toContain(true);
      }
      expect(raw(file)).toBe(`${JSON.stringify(sorted(nb), null, 1)}\n`);
    });

    it('shows an SVG chart', () => {
      const svgs = code(nb)
        .flatMap((c) => c.outputs ?? [])
        .map((o) => text(o.data?.['image/svg+xml']))
        .filter(Boolean);
      expect(svgs.filter((svg) => svg.includes(' data-value=')).length).toBeGreaterThanOrEqual(1);
      for (const svg of svgs) {
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>$/);
        // A chart's bars and markers carry their values; a deadline picture (drawDeadline) its spans.
        expect(svg).toMatch(/<rect [^>]*data-value=|<rect class="span /);
      }
    });

    it('imports only public exports of the built package', () => {
      const sources = code(nb)
        .map((c) => text(c.source))
        .join('\n');
      const specifiers = [
        ...sources.matchAll(
          /\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm,
        ),
      ].map((m) => m[1] ?? m[2] ?? m[3]);
      expect(specifiers.length).toBeGreaterThan(0);
      // The package's two entries as built, and (SLA notebook) DuckDB-Wasm for SQL over its Arrow output.
      expect(
        specifiers.filter(
          (s) => !['../../dist/index.js', '../../dist/adapters/arrow.js', '@duckdb/duckdb-wasm/blocking'].includes(s!),
        ),
      ).toEqual([]);
      expect(specifiers).toContain('../../dist/index.js');
      const names = [...sources.matchAll(/import\s*\{([^}]+)\}\s*from/g)].flatMap((m) =>
        (m[1] ?? '')
          .split(',')
          .map((s) => s.trim().replace(/^type\s+/, ''))
          .filter(Boolean),
      );
      expect(names.filter((n) => !publicNames.has(n) && !arrowNames.has(n))).toEqual([]);
    });
  });
});

describe('CI', () => {
  it('executes the notebooks and compares their outputs, before the tests and their summary', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    const step = ci.indexOf('bash scripts/ci-notebooks.sh');
    expect(step).toBeGreaterThan(ci.indexOf('scripts/install-runtimes.ts'));
    expect(step).toBeLessThan(ci.indexOf('npm test'));
    expect(ci.trimEnd().split('\n').at(-1)).toBe('exit $status');
    const script = readFileSync(join(root, 'scripts', 'ci-notebooks.sh'), 'utf8');
    expect(script).toContain('node scripts/notebooks.mjs --check --require-tools');
    expect(script).toContain("locate('deno')");
  });
});

describe('the sample data', () => {
  it('is what data/generate.mjs generates', () => {
    const out = mkdtempSync(join(tmpdir(), 'notebook-data-'));
    execFileSync(process.execPath, [join(dir, 'data', 'generate.mjs'), out]);
    for (const name of ['tickets.csv', 'dedicated-tickets.csv', 'conversations.csv']) {
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(dir, 'data', name), 'utf8'));
    }
  });
});

/** A tickets CSV file of the SLA notebook as timelines, in the order of the file. */
function loadTimelines(file: string, account: (plan: string) => SlaTicket['account']): SlaTicket[] {
  const timelines = new Map<string, { account: SlaTicket['account']; events: TicketEvent[] }>();
  for (const line of readFileSync(join(dir, 'data', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)) {
    const [id = '', plan = '', at = '', event, value = ''] = line.split(',');
    if (!timelines.has(id)) timelines.set(id, { account: account(plan), events: [] });
    const when = Date.parse(at);
    timelines
      .get(id)!
      .events.push(
        event === 'created'
          ? { kind: 'created', at: when, severity: value }
          : event === 'reply'
            ? { kind: 'reply', at: when, author: value as 'agent' }
            : { kind: 'status', at: when, status: value as 'solved' },
      );
  }
  return [...timelines.values()];
}

/** The ticket ids of a tickets CSV file of the SLA notebook, in the order of loadTimelines. */
const ticketIds = (file: string): string[] => [
  ...new Set(
    readFileSync(join(dir, 'data', file), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]!),
  ),
];

/** The nearest-rank percentile, as complianceReport computes its own. */
function nearestRank(values: readonly number[], p: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
const wallTimes = (targets: MeasureResult['targets']) =>
  targets.filter((t) => t.stoppedAt !== null).map((t) => t.stoppedAt! - t.startedAt);

describe('sla-compliance.ipynb shows what measureMany and complianceReport give in Node', () => {
  const nb = load('sla-compliance.ipynb');
  const policy = parsePolicy(standardSupport);
  const dedicated = parsePolicy(dedicatedSupport);
  const tickets = loadTimelines('tickets.csv', (plan) => ({ type: 'direct', plan }));
  const vipTickets = loadTimelines('dedicated-tickets.csv', (plan) => ({
    type: 'customer',
    plan,
    addOns: ['dedicated_support'],
  }));
  const now = Date.parse(/const now = Date\.parse\("([^"]+)"\)/.exec(text(cell(nb, 'measure').source))?.[1] ?? '');
  const results = measureMany(policy, tickets, now);
  const vipResults = measureMany(dedicated, vipTickets, now);
  const percent = (met: number, decided: number) => (decided === 0 ? '—' : `${((100 * met) / decided).toFixed(1)} %`);
  const hours = (ms: number | null) => (ms === null ? '—' : (ms / 3_600_000).toFixed(2));
  const ratio = (met: number, breached: number) =>
    met + breached === 0 ? null : Math.round((1000 * met) / (met + breached)) / 10;

  it('measures the 260 standard and 120 dedicated-support tickets at the same instant: every metric, with the same states', () => {
    expect([tickets.length, vipTickets.length]).toEqual([260, 120]);
    expect(now).toBe(Date.parse('2026-04-01T07:30:00Z'));
    const expected = [
      ['standard-support', results],
      ['dedicated-support', vipResults],
    ].flatMap(([id, rs]) => {
      const targets = (rs as MeasureResult[]).flatMap((r) => r.targets);
      return ['firstResponse', 'followUp', 'periodicUpdate', 'resolution']
        .filter((m) => targets.some((t) => t.metric === m))
        .map((m) => {
          const of = targets.filter((t) => t.metric === m);
          const ticketCount = (rs as MeasureResult[]).filter((r) => r.targets.some((t) => t.metric === m)).length;
          const states = ['achieved', 'breached', 'running', 'paused'].map((s) =>
            String(of.filter((t) => t.state === s).length),
          );
          return [id as string, m, String(ticketCount), String(of.length), ...states];
        });
    });
    expect(expected.map((r) => r[1])).toEqual(['firstResponse', 'firstResponse', 'followUp', 'periodicUpdate']);
    const [table] = tables(cell(nb, 'measure'));
    expect(table?.[0]).toEqual(['policy', 'metric', 'tickets', 'targets', 'achieved', 'breached', 'running', 'paused']);
    expect(table?.slice(1)).toEqual(expected);
  });

  it('the monthly report rows match complianceReport by month, with wall-clock percentiles beside the business ones', () => {
    const targets = results.flatMap((r) => r.targets);
    const month = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('yyyy-MM');
    const expected = complianceReport(results, { period: 'month', zone: ZONE }).map((r) => {
      const wall = wallTimes(
        targets.filter((t) => month(t.startedAt) === r.period && t.plan === r.plan && t.severity === r.severity),
      );
      return [
        r.period,
        r.plan ?? '—',
        r.severity ?? '—',
        String(r.met),
        String(r.breached),
        String(r.open),
        percent(r.met, r.met + r.breached),
        hours(r.medianMs),
        hours(nearestRank(wall, 0.5)),
        hours(r.p90Ms),
        hours(nearestRank(wall, 0.9)),
      ];
    });
    const [table] = tables(cell(nb, 'monthly-report'));
    expect(table?.[0]).toEqual([
      'month',
      'plan',
      'severity',
      'met',
      'breached',
      'open',
      'compliance',
      'median business h',
      'median wall h',
      'p90 business h',
      'p90 wall h',
    ]);
    expect(table?.slice(1)).toEqual(expected);
    // A median of no business time is there, and its wall-clock median beside it is not zero.
    expect(table?.some((r) => r[7] === '0.00' && r[8] !== '0.00')).toBe(true);
  });

  it('the breaches per week, in the table and in the chart, match complianceReport by ISO week', () => {
    const weekly = complianceReport(results, { period: 'week', zone: ZONE });
    const weeks = [...new Set(weekly.map((r) => r.period))];
    const breached = (week: string, plan?: string) =>
      weekly
        .filter((r) => r.period === week && (plan === undefined || r.plan === plan))
        .reduce((n, r) => n + r.breached, 0);
    const [table] = tables(cell(nb, 'weekly-breaches'));
    expect(table?.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual(
      weeks.map((w) => [
        w,
        ...['enterprise', 'premium', 'starter'].map((p) => String(breached(w, p))),
        String(breached(w)),
      ]),
    );
    const expectedBars = new Map(
      weeks
        .flatMap((w) => ['enterprise', 'premium', 'starter'].map((p) => [`${w}/${p}`, breached(w, p)] as const))
        .filter(([, v]) => v > 0),
    );
    expect(bars(cell(nb, 'breaches-chart'))).toEqual(expectedBars);
    expect(weeks.reduce((n, w) => n + breached(w), 0)).toBe(
      results.flatMap((r) => r.targets).filter((t) => t.state === 'breached').length,
    );
  });

  it('the compliance in percent per week, per plan and per severity, in the table and the charts, matches complianceReport', () => {
    const weekly = complianceReport(results, { period: 'week', zone: ZONE });
    const weeks = [...new Set(weekly.map((r) => r.period))];
    const groups = [
      ...['enterprise', 'premium', 'starter'].map((p) => [p, (r: (typeof weekly)[number]) => r.plan === p] as const),
      ...['critical', 'major', 'minor'].map((s) => [s, (r: (typeof weekly)[number]) => r.severity === s] as const),
    ];
    const compliance = (week: string, of: (r: (typeof weekly)[number]) => boolean) => {
      const rows = weekly.filter((r) => r.period === week && of(r));
      return ratio(
        rows.reduce((n, r) => n + r.met, 0),
        rows.reduce((n, r) => n + r.breached, 0),
      );
    };
    const [table] = tables(cell(nb, 'weekly-compliance'));
    expect(table?.[0]).toEqual(['week', 'monday', ...groups.map(([name]) => name)]);
    expect(table?.slice(1).map((r) => [r[0], ...r.slice(2)])).toEqual(
      weeks.map((w) => [
        w,
        ...groups.map(([, of]) => {
          const v = compliance(w, of);
          return v === null ? '—' : `${v.toFixed(1)} %`;
        }),
      ]),
    );
    const expectedMarkers = new Map(
      weeks
        .flatMap((w) => groups.map(([name, of]) => [`${w}/${name}`, compliance(w, of)] as const))
        .filter((e): e is readonly [`${string}/${string}`, number] => e[1] !== null),
    );
    expect(bars(cell(nb, 'compliance-charts'))).toEqual(expectedMarkers);
  });

  it('every target of the dedicated-support tickets: the quarter per metric and severity, and the weeks per metric', () => {
    const quarter = complianceReport(vipResults, { period: 'all' });
    expect(new Set(quarter.map((r) => r.metric))).toEqual(new Set(['firstResponse', 'followUp', 'periodicUpdate']));
    expect(tables(cell(nb, 'dedicated-report'))[0]?.slice(1)).toEqual(
      quarter.map((r) => [
        r.metric,
        r.severity ?? '—',
        String(
          vipResults.filter((x) => x.targets.some((t) => t.metric === r.metric && t.severity === r.severity)).length,
        ),
        String(r.total),
        String(r.met),
        String(r.breached),
        String(r.open),
        percent(r.met, r.met + r.breached),
      ]),
    );
    const weekly = complianceReport(vipResults, { period: 'week', zone: ZONE });
    const weeks = [...new Set(weekly.map((r) => r.period))];
    const metrics = ['firstResponse', 'followUp', 'periodicUpdate'];
    const of = (week: string, metric: string) => weekly.filter((r) => r.period === week && r.metric === metric);
    const count = (rows: typeof weekly, f: 'met' | 'breached') => rows.reduce((n, r) => n + r[f], 0);
    const breaches = new Map<string, number>();
    const compliance = new Map<string, number>();
    for (const w of weeks) {
      for (const m of metrics) {
        const rows = of(w, m);
        const v = ratio(count(rows, 'met'), count(rows, 'breached'));
        if (count(rows, 'breached') > 0) breaches.set(`${w}/${m}`, count(rows, 'breached'));
        if (v !== null) compliance.set(`${w}/${m}`, v);
      }
    }
    expect(charts(cell(nb, 'dedicated-weekly'))).toEqual([breaches, compliance]);
  });

  it('draws the largest breach and the periodic update furthest past its target as drawDeadline does, each with its summary', () => {
    /** The target furthest past its due instant among those `keep` keeps (ties: by ticket id, then cycle). */
    const furthest = (rs: MeasureResult[], ids: string[], keep: (t: MeasureResult['targets'][number]) => boolean) =>
      rs
        .flatMap((r, ticket) => r.targets.map((t) => ({ id: ids[ticket]!, ticket, t })))
        .filter(({ t }) => keep(t))
        .sort(
          (a, b) =>
            b.t.breachedByMs - a.t.breachedByMs ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.t.cycle ?? 0) - (b.t.cycle ?? 0)),
        )[0]!;
    const largest = furthest(results, ticketIds('tickets.csv'), (t) => t.state === 'breached');
    const update = furthest(vipResults, ticketIds('dedicated-tickets.csv'), (t) => t.metric === 'periodicUpdate');
    // The largest breach is the first row of the notebook's table of the largest breaches.
    expect(tables(cell(nb, 'worst-breaches'))[0]?.[1]?.[0]).toBe(largest.id);
    expect(update.t.state).toBe('breached');
    const drawn = [
      { p: policy, of: largest, timelines: tickets },
      { p: dedicated, of: update, timelines: vipTickets },
    ].map(({ p, of, timelines }) => {
      const { account, events } = timelines[of.ticket]!;
      const [t] = measure(p, account, events, now, { explain: true }).targets.filter(
        (x) => x.metric === of.t.metric && x.cycle === of.t.cycle,
      );
      return { id: of.id, svg: drawDeadline(t!, { events, zone: ZONE }), summary: t!.summary!['en']! };
    });
    const outputs = cell(nb, 'deadline-pictures').outputs ?? [];
    const shown = (type: string) => outputs.map((o) => text(o.data?.[type])).filter(Boolean);
    expect(shown('image/svg+xml')).toEqual(drawn.map((d) => d.svg));
    expect(drawn[1]!.svg).toContain('<line class="marker due"');
    const sentences = shown('text/markdown');
    expect(sentences).toHaveLength(2);
    drawn.forEach((d, i) => {
      expect(sentences[i]).toMatch(new RegExp(`^Why ${d.id}'s `));
      expect(sentences[i]?.endsWith(`: **${d.summary}**.`), sentences[i]).toBe(true);
    });
  });

  it('the business time beside the wall-clock time, per plan (or add-on), severity and metric', () => {
    const expected = [
      { rs: results, label: (plan: string | null) => plan ?? '—' },
      { rs: vipResults, label: () => 'dedicated' },
    ].flatMap(({ rs, label }) => {
      const all = rs.flatMap((r) => r.targets);
      return complianceReport(rs, { period: 'all' }).map((r) => {
        const of = all.filter((t) => t.plan === r.plan && t.severity === r.severity && t.metric === r.metric);
        const stopped = of.filter((t) => t.stoppedAt !== null);
        return [
          label(r.plan),
          r.severity ?? '—',
          r.metric,
          String(stopped.length),
          String(stopped.filter((t) => t.elapsedMs === 0).length),
          hours(r.medianMs),
          hours(nearestRank(wallTimes(of), 0.5)),
          hours(r.p90Ms),
          hours(nearestRank(wallTimes(of), 0.9)),
          hours(
            nearestRank(
              of.filter((t) => t.dueAt !== null).map((t) => t.dueAt! - t.startedAt),
              0.5,
            ),
          ),
        ];
      });
    });
    expect(tables(cell(nb, 'time-table'))[0]?.slice(1)).toEqual(expected);
    const chart = bars(cell(nb, 'time-chart'));
    for (const r of expected) {
      const key = `${r[0]} · ${r[1]} · ${r[2]}`;
      expect([chart.get(`${key}/median business h`), chart.get(`${key}/median wall h`)]).toEqual([
        Number(r[5]),
        Number(r[6]),
      ]);
    }
  });
});

describe('sla-compliance.ipynb queries a year of Arrow results in DuckDB', () => {
  const nb = load('sla-compliance.ipynb');
  const percent = (met: number, decided: number) => (decided === 0 ? '—' : `${((100 * met) / decided).toFixed(1)} %`);
  it('the compliance per quarter and plan equals complianceReport (quarters in UTC) on the same tickets', () => {
    const year = toTickets(parse(readFileSync(join(root, 'examples', 'data', 'tickets-2026.csv'), 'utf8')))
      .filter((t) => t.policy === 'standard')
      .map(({ account, events }) => ({ account, events }));
    const now = Date.parse('2027-01-01T00:00:00+01:00');
    const report = complianceReport(measureMany(parsePolicy(standardSupport), year, now), {
      period: 'quarter',
      zone: 'UTC',
    });
    const keys = [...new Set(report.map((r) => `${r.period}|${r.plan}`))].sort();
    const expected = keys.map((key) => {
      const rows = report.filter((r) => `${r.period}|${r.plan}` === key);
      const [met, breached, open] = (['met', 'breached', 'open'] as const).map((f) =>
        rows.reduce((n, r) => n + r[f], 0),
      );
      return [...key.split('|'), String(met), String(breached), String(open), percent(met!, met! + breached!)];
    });
    const c = cell(nb, 'duckdb-year');
    expect(tables(c)[0]?.[0]).toEqual(['quarter', 'plan', 'met', 'breached', 'open', 'compliance']);
    expect(tables(c)[0]?.slice(1)).toEqual(expected);
    expect(expected).toHaveLength(12);
    expect(text(c.outputs?.find((o) => o.output_type === 'stream')?.text)).toMatch(
      new RegExp(`^${year.length} tickets, \\d+ KiB of Arrow`),
    );
  });
});

describe('support-hours.ipynb shows what the ledger gives in Node', () => {
  const nb = load('support-hours.ipynb');
  const source = code(nb)
    .map((c) => text(c.source))
    .join('\n');
  const packages = [...source.matchAll(/\{ account: "([^"]+)", label: "[^"]*", hours: (\d+) \}/g)].map((m) => ({
    account: m[1]!,
    hours: Number(m[2]),
  }));
  const from = Date.parse('2026-01-01T00:00:00+01:00');
  const to = Date.parse('2027-01-01T00:00:00+01:00');
  const asOf = Date.parse('2026-07-01T00:00:00+02:00');
  const [header = '', ...lines] = readFileSync(join(dir, 'data', 'conversations.csv'), 'utf8')
    .trim()
    .split('\n');
  const columns = header.split(',');
  const events = lines.map((line) =>
    Object.fromEntries(
      line.split(',').flatMap((v, i) => {
        const c = columns[i]!;
        return v === '' ? [] : [[c, c === 'at' ? Date.parse(v) : c === 'minutes' ? Number(v) : v]];
      }),
    ),
  );
  const granted = packages.map((p) => ({
    id: `grant-${p.account}`,
    kind: 'package_granted',
    account: p.account,
    at: from,
    year: '2026',
    from,
    to,
    minutes: p.hours * 60,
  }));
  // Rows read from a CSV file: the ledger checks them at run time.
  const ledger = replay(createLedger(parsePolicy(standardSupport)), [...granted, ...events] as LedgerEvent[]);
  const h = (minutes: number) => String(+(minutes / 60).toFixed(2));

  it('the balances on 1 July match balances()', () => {
    expect(packages.map((p) => p.account)).toEqual(['acme', 'globex', 'nova-partners']);
    const [table] = tables(cell(nb, 'balances'));
    expect(table?.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5], r[6]])).toEqual(
      packages.map(({ account }) => {
        const [y] = balances(ledger, account, { asOf });
        return [
          account,
          String(y!.conversations),
          h(y!.grantedMinutes),
          h(y!.chargedMinutes),
          h(y!.balanceMinutes),
          h(y!.overageMinutes),
        ];
      }),
    );
  });

  it('the hours charged per month, in the table and in the chart, match the statements', () => {
    const month = (ms: number) =>
      new Date(ms).toLocaleDateString('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).slice(0, 7);
    const rows = packages.flatMap(({ account }) =>
      statement(ledger, account, { from, to: asOf }).rows.map((r) => ({ account, ...r })),
    );
    const months = [...new Set(rows.map((r) => month(r.openedAt)))].sort();
    expect(months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    const charged = (m: string, account: string) =>
      rows.filter((r) => r.account === account && month(r.openedAt) === m).reduce((s, r) => s + r.chargedMinutes, 0);
    const [table] = tables(cell(nb, 'hours-per-month'));
    expect(table?.slice(1).map((r) => r.slice(0, 4))).toEqual(
      months.map((m) => [m, ...packages.map((p) => h(charged(m, p.account)))]),
    );
    expect(bars(cell(nb, 'hours-chart'))).toEqual(
      new Map(
        months
          .flatMap((m) => packages.map((p) => [`${m}/${p.account}`, Number(h(charged(m, p.account)))] as const))
          .filter(([, v]) => v > 0),
      ),
    );
  });

  it('the burn-down: at each month end, the package minus what the statement up to then charges', () => {
    // The first instant of each month, February to July, in Madrid: the end of the month before.
    const ends = [2, 3, 4, 5, 6, 7].map((m) => DateTime.fromObject({ year: 2026, month: m, day: 1 }, { zone: ZONE }));
    const left = (account: string, hours: number, end: DateTime) =>
      hours * 60 - statement(ledger, account, { from, to: end.toMillis() }).totals.chargedMinutes;
    const [table] = tables(cell(nb, 'burndown'));
    expect(table?.[0]).toEqual(['end of', ...packages.map((p) => `${p.account} (${p.hours} h)`)]);
    expect(table?.slice(1)).toEqual([
      ['start (1 Jan)', ...packages.map((p) => String(p.hours))],
      ...ends.map((end) => [
        end.minus({ days: 1 }).setLocale('en-GB').toFormat('d LLL'),
        ...packages.map((p) => h(left(p.account, p.hours, end))),
      ]),
    ]);
    // On 30 June the burn-down ends at the balances of 1 July.
    expect(table?.at(-1)?.slice(1)).toEqual(
      packages.map(({ account }) => h(balances(ledger, account, { asOf })[0]!.balanceMinutes)),
    );
    const [chart] = charts(cell(nb, 'burndown-chart'));
    expect(chart).toEqual(
      new Map(
        ends.flatMap((end) =>
          packages.map(
            (p) =>
              [
                `${end.minus({ days: 1 }).toFormat('yyyy-MM-dd')}/${p.account}`,
                Number(h(left(p.account, p.hours, end))),
              ] as const,
          ),
        ),
      ),
    );
  });
});
