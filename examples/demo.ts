/**
 * `npm run demo [REPORT.html]`: SLA deadlines and compliance for sample tickets on the two shipped
 * presets. Each ticket is a timeline (created, an automatic acknowledgement, replies, status
 * changes); `measureMany` measures every target the account's plan sets for the ticket's severity,
 * on the target's own clock: Spain's 08:00–18:00 support calendar for the standard plans, the
 * dedicated agent's 09:00–17:00 hours or 24/7 for the dedicated-support add-on. Every deadline is
 * explained, and the library's own summary says why it is where it is.
 *
 * It prints tables no wider than 120 columns, and writes an HTML report with a picture of every
 * deadline (`drawDeadline`) to REPORT.html, or to a new temporary folder, whose path it prints.
 */
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { complianceReport, type TargetMeasurement } from '../src/index.js';
import { demoReportHtml } from './demoReport.js';
import { at, local, measureSamples, type Sample, samples } from './demoSamples.js';
import { formatTable } from './formatTable.js';

const HOUR = 3_600_000;
/** The widest line the demo prints. */
export const MAX_WIDTH = 120;
const hours = (ms: number) => `${(ms / HOUR).toFixed(2)} h`;

const LABELS: Record<string, string> = {
  firstResponse: 'first response',
  followUp: 'follow-up',
  periodicUpdate: 'periodic update',
  resolution: 'resolution',
};
/** `periodic update #1`: a target's metric, and its cycle. */
const targetLabel = (t: TargetMeasurement): string => `${LABELS[t.metric]}${t.cycle === null ? '' : ` #${t.cycle}`}`;
const planOf = (s: Sample) =>
  s.account.addOns ? `${s.account.plan} + ${s.account.addOns.join(', ')}` : s.account.plan!;
const resultOf = (t: TargetMeasurement) =>
  t.state === 'breached'
    ? `breached by ${hours(t.breachedByMs)}`
    : t.state === 'achieved'
      ? `met in ${hours(t.elapsedMs)}`
      : `${t.state}, ${hours(t.elapsedMs)} used`;

/** Rows whose last cell is too long for `MAX_WIDTH`, cut at `; ` into continuation rows with empty leading cells. */
function wrapLast(rows: readonly Record<string, string>[], key: string): Record<string, string>[] {
  const others = Object.keys(rows[0] ?? {}).filter((k) => k !== key);
  const lead = Math.max(0, ...others.map((k) => Math.max(k.length, ...rows.map((r) => r[k]!.length)) + 2));
  const room = MAX_WIDTH - lead;
  return rows.flatMap((row) => {
    const lines: string[] = [];
    for (const part of row[key]!.split('; ')) {
      const last = lines.length - 1;
      if (last >= 0 && lines[last]!.length + 2 + part.length <= room) lines[last] += `; ${part}`;
      else lines.push(part);
    }
    return lines.map((text, i) => ({
      ...(i === 0 ? row : Object.fromEntries(others.map((k) => [k, '']))),
      [key]: text,
    }));
  });
}

/** What the demo prints, and the HTML report it writes. */
export function buildDemo(): { readonly text: string; readonly html: string } {
  const now = at('2026-12-31T12:00', 'Europe/Madrid');
  const results = measureSamples(now);
  const out: string[] = [];
  out.push(`SLA targets of sample tickets on the shipped presets, at ${local(now, 'Europe/Madrid')} (Madrid)`);
  out.push('', 'Tickets:', '');
  out.push(
    formatTable(
      samples.map((s) => ({
        ticket: s.id,
        plan: planOf(s),
        severity: s.severity,
        created: local(at(s.created, s.zone), s.zone),
        zone: s.zone,
      })),
    ),
  );
  const targets = samples.flatMap((s) => results.get(s)!.targets.map((t) => ({ s, t })));
  out.push('', 'Targets (times in the ticket’s zone):', '');
  out.push(
    formatTable(
      targets.map(({ s, t }) => ({
        ticket: s.id,
        target: `${targetLabel(t)}: ${t.duration.iso}`,
        clock: t.clock,
        due: t.dueAt === null ? '—' : local(t.dueAt, s.zone),
        stopped: t.stoppedAt === null ? '—' : local(t.stoppedAt, s.zone),
        result: resultOf(t),
      })),
    ),
  );
  out.push('', 'Why each deadline falls where it does (the explanation’s summary):', '');
  const why = targets.map(({ s, t }) => ({ ticket: s.id, target: targetLabel(t), why: t.summary!['en']! }));
  out.push(formatTable(wrapLast(why, 'why')));

  // Why is T-1001 due on Wednesday at 09:00? The spans that make up its 2 business hours.
  const first = samples[0]!;
  const explained = results.get(first)!.targets[0]!;
  out.push('', `Why ${first.id} was due ${local(explained.dueAt!, first.zone)}, span by span:`, '');
  out.push(
    formatTable(
      explained.spans!.map((span) => ({
        from: local(span.from, first.zone),
        to: local(span.to, first.zone),
        span: span.kind + (span.holiday ? ` (${span.holiday})` : '') + (span.projected ? ', after the reply' : ''),
        counted: hours(span.countedMs),
      })),
    ),
  );

  const report = complianceReport([...results.values()], { period: 'all' });
  out.push('', 'Compliance per plan, severity and target:', '');
  out.push(
    formatTable(
      report.map((r) => ({
        plan: r.plan ?? '—',
        severity: r.severity ?? '—',
        metric: r.metric,
        met: String(r.met),
        breached: String(r.breached),
        open: String(r.open),
        median: r.medianMs === null ? '—' : hours(r.medianMs),
      })),
    ),
  );
  const firstResponses = report.filter((r) => r.metric === 'firstResponse');
  const met = firstResponses.reduce((n, r) => n + r.met, 0);
  const total = firstResponses.reduce((n, r) => n + r.total, 0);
  out.push(
    '',
    `Compliance: ${met} of ${total} first responses met their target (${Math.round((100 * met) / total)} %).`,
  );
  return { text: out.join('\n'), html: demoReportHtml(samples, results, now) };
}

function main(args: readonly string[]): void {
  const { text, html } = buildDemo();
  console.log(text);
  const file = args[0] ?? join(mkdtempSync(join(tmpdir(), 'support-policy-demo-')), 'demo-report.html');
  writeFileSync(file, html);
  console.log(`\nA picture of every deadline: ${file}`);
}

// Runs only when executed, not when a test imports it.
const invoked = process.argv[1];
if (invoked !== undefined && realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url))) {
  main(process.argv.slice(2));
}
