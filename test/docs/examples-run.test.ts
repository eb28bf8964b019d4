/**
 * The integration examples are part of the suite: each is run in-process through its exported
 * functions (values hand-checked against the calendars), and once as a child process
 * (`node --import tsx examples/<file>.ts`), checking key lines of what it prints.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPLIANCE_SQL, runArrowDuckdb } from '../../examples/arrow-duckdb.js';
import { CsvError, parse, run, toTickets } from '../../examples/csv-batch.js';
import { CSV_PATH, makeTicketsCsv } from '../../examples/data/make-tickets.js';
import { incomingEvents, runIntegration, TicketStore } from '../../examples/helpdesk-integration.js';
import { classification, deliberateMistake, entitlement, measured, ny } from '../../examples/policy-from-scratch.js';
import { measure, parsePolicy, standardSupport } from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runExample = (file: string, args: string[] = []) =>
  execFileSync(process.execPath, ['--import', 'tsx', `examples/${file}`, ...args], { cwd: root, encoding: 'utf8' });
const HEADER = 'ticket_id,account_type,plan,add_ons,at,type,author,status,severity';

describe('examples/helpdesk-integration.ts', () => {
  const { log, rows, store } = runIntegration();

  it('stores one deadline row per target, hand-checked against the calendars', () => {
    expect(rows).toEqual([
      // Wed 16:30 Madrid: 1.5 h to the 18:00 closing, 0.5 h on Thursday from 08:00.
      {
        ticket: 'T-101',
        target: 'firstResponse',
        state: 'achieved',
        dueAt: '2026-04-02T06:30:00.000Z',
        nextWarningAt: null,
        nextCheckAt: null,
      },
      // Thu 15:00: 3 h; Good Friday closed; 9 h on Monday from 08:00: 17:00 Madrid.
      {
        ticket: 'T-102',
        target: 'firstResponse',
        state: 'achieved',
        dueAt: '2026-04-06T15:00:00.000Z',
        nextWarningAt: null,
        nextCheckAt: null,
      },
      // Re-targeted to Severity 1 (1 h, 24/7) from its creation at 16:00 Bratislava.
      {
        ticket: 'V-201',
        target: 'firstResponse',
        state: 'achieved',
        dueAt: '2026-04-02T15:00:00.000Z',
        nextWarningAt: null,
        nextCheckAt: null,
      },
      // Severity 1's periodic update, 4 h on 24/7 from each agent reply (16:50, 19:00 and 09:15
      // Bratislava, UTC+2): due 20:50, 23:00 (the night passes without an update: 14 h 15 min,
      // breached by 615 min) and 13:15; the late customer reply changes nothing.
      {
        ticket: 'V-201',
        target: 'periodicUpdate#1',
        state: 'achieved',
        dueAt: '2026-04-02T18:50:00.000Z',
        nextWarningAt: null,
        nextCheckAt: null,
      },
      {
        ticket: 'V-201',
        target: 'periodicUpdate#2',
        state: 'breached',
        dueAt: '2026-04-02T21:00:00.000Z',
        nextWarningAt: null,
        nextCheckAt: null,
      },
      {
        ticket: 'V-201',
        target: 'periodicUpdate#3',
        state: 'achieved',
        dueAt: '2026-04-03T11:15:00.000Z',
        nextWarningAt: null,
        nextCheckAt: null,
      },
      // Reopened Monday 09:00 with nothing used: 9 h on Monday, 1 h on Tuesday.
      {
        ticket: 'T-103',
        target: 'firstResponse',
        state: 'breached',
        dueAt: '2026-04-07T07:00:00.000Z',
        nextWarningAt: null,
        nextCheckAt: null,
      },
      // Tue 11:00 Madrid + 2 h; the 75 % warning at 12:30.
      {
        ticket: 'T-104',
        target: 'firstResponse',
        state: 'running',
        dueAt: '2026-04-07T11:00:00.000Z',
        nextWarningAt: '2026-04-07T10:30:00.000Z',
        nextCheckAt: '2026-04-07T10:30:00.000Z',
      },
    ]);
  });

  it('logs one line per event in local time, refusing a bad event and re-folding a late one', () => {
    expect(log).toHaveLength(incomingEvents().length);
    expect(log[0]).toBe(
      'Wed 01 Apr 16:30  T-101  created, major                    first response running, due Thu 02 Apr 08:30 · next check Wed 01 Apr 18:00 (warning)',
    );
    expect(log.find((l) => l.includes('blocker'))).toMatch(
      /REFUSED invalid_event: events\[3\]\.severity: expected a severity level of scale "incident"/,
    );
    expect(log.find((l) => l.includes('late:'))).toMatch(
      /Thu 02 Apr 17:30 {2}V-201 {2}customer reply .*periodic update #1 met \(130 min\); periodic update #2 running.* \(late: re-folded 6 events\)/,
    );
    expect(log.find((l) => l.includes('T-103  status solved') && l.includes('Sat'))).toMatch(
      /first response met \(0 min\)/,
    );
    expect(log.filter((l) => l.includes('T-103')).at(-1)).toMatch(/BREACHED by 60 min/);
    expect(log.filter((l) => l.includes('V-201')).at(-1)).toMatch(/periodic update #2 BREACHED by 615 min/);
  });

  it('stores the deadlines as of each event: a severity change re-targets, warnings are scheduled', () => {
    const events = incomingEvents();
    const upTo = (n: number) => runIntegration(events.slice(0, n)).rows;
    expect(upTo(1)).toEqual([
      {
        ticket: 'T-101',
        target: 'firstResponse',
        state: 'running',
        dueAt: '2026-04-02T06:30:00.000Z',
        nextWarningAt: '2026-04-01T16:00:00.000Z',
        nextCheckAt: '2026-04-01T16:00:00.000Z',
      },
    ]);
    const severity = events.findIndex((e) => e.ticket === 'V-201' && e.event.kind === 'severity');
    const vip = (n: number) => upTo(n).filter((r) => r.ticket === 'V-201');
    // Severity 3: 1 h on Thursday to 17:00, 1 h on Friday from 09:00 Bratislava (not a holiday there).
    expect(vip(severity)).toEqual([
      expect.objectContaining({ dueAt: '2026-04-03T08:00:00.000Z', nextWarningAt: '2026-04-03T07:30:00.000Z' }),
    ]);
    // Severity 1 at 16:30: 1 h from 16:00 on the 24/7 clock, warning at 75 %, 16:45.
    expect(vip(severity + 1)).toEqual([
      expect.objectContaining({
        dueAt: '2026-04-02T15:00:00.000Z',
        nextWarningAt: '2026-04-02T14:45:00.000Z',
        nextCheckAt: '2026-04-02T14:45:00.000Z',
      }),
    ]);
  });

  it('a late event gives what the events in time order give; a restart gives the same rows', () => {
    const inOrder = [...incomingEvents()].sort((a, b) => a.event.at - b.event.at);
    expect(runIntegration(inOrder).rows).toEqual(rows);
    const saved = store.save();
    expect(TicketStore.restore(saved).rows()).toEqual(rows);
    expect(JSON.parse(saved)).toHaveLength(5);
  });

  it('runs as a script', () => {
    const out = runExample('helpdesk-integration.ts');
    expect(out).toContain(
      'Thu 02 Apr 16:30  V-201  severity → sev1                   first response running, due Thu 02 Apr 17:00 · next check Thu 02 Apr 16:45 (warning)',
    );
    expect(out).toMatch(/'T-104'\s+│ 'firstResponse'\s+│ 'running'\s+│ '2026-04-07T11:00:00.000Z'/);
    expect(out).toContain('Restart: 5 tickets re-folded from');
    expect(out).toContain('the same 8 deadline rows.');
  });
});

describe('examples/csv-batch.ts', () => {
  const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

  it('parses quoted fields, CRLF line ends and numbers lines from the header', () => {
    const records = parse(
      `${HEADER}\r\n"A,1",direct,enterprise,,2026-01-05T08:00:00Z,created,,,"ma""jor"\r\n\r\nB,direct,starter,,2026-01-05T08:00:00Z,created,,,minor`,
    );
    expect(records.map((r) => [r.line, r.ticket_id, r.severity])).toEqual([
      [2, 'A,1', 'ma"jor'],
      [4, 'B', 'minor'],
    ]);
  });

  it('names the line of a bad row', () => {
    const error = (text: string) => {
      try {
        run(text, { source: 't.csv' });
      } catch (e) {
        expect(e).toBeInstanceOf(CsvError);
        return (e as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(error('id,at\nA,1')).toMatch(/^t\.csv:1: expected the header ticket_id,account_type/);
    expect(error(csv('A,direct,enterprise,,2026-01-05T08:00:00Z,created,,major'))).toBe(
      't.csv:2: expected 9 fields, got 8',
    );
    expect(
      error(
        csv(
          'A,direct,enterprise,,2026-01-05T08:00:00Z,created,,,major',
          'A,direct,enterprise,,2026-01-05 09:00,reply,agent,,',
        ),
      ),
    ).toMatch(/^t\.csv:3: at: expected an ISO-8601 UTC instant/);
    expect(error(csv('A,direct,enterprise,,2026-02-30T08:00:00Z,created,,,major'))).toMatch(/^t\.csv:2: at:/);
    expect(error(csv('A,direct,gold,,2026-01-05T08:00:00Z,created,,,major'))).toBe(
      't.csv:2: account_type, plan: no policy has account type "direct" with plan "gold"',
    );
    expect(error(csv('A,direct,enterprise,,2026-01-05T08:00:00Z,reply,agent,,'))).toMatch(
      /^t\.csv:2: ticket_id: ticket A has no "created" row/,
    );
    // Errors the library finds come back with the line of the event it names.
    expect(
      error(
        csv(
          'A,direct,enterprise,,2026-01-05T08:00:00Z,created,,,major',
          'B,direct,starter,,2026-01-05T08:00:00Z,created,,,minor',
          'A,direct,enterprise,,2026-01-05T07:00:00Z,reply,agent,,',
        ),
      ),
    ).toMatch(/^t\.csv:4: ticket A: events\[1\]\.at: expected events in time order/);
    expect(
      error(
        csv(
          'B,direct,starter,,2026-01-05T08:00:00Z,created,,,minor',
          'A,direct,enterprise,,2026-01-05T08:00:00Z,created,,,blocker',
        ),
      ),
    ).toMatch(/^t\.csv:3: ticket A: events\[0\]\.severity:/);
  });

  it('reports the hand-checked compliance of a small export: one of two Enterprise first responses met', () => {
    const result = run(
      csv(
        'A,direct,enterprise,,2026-01-05T08:00:00Z,created,,,major',
        'B,direct,enterprise,,2026-01-05T08:00:00Z,created,,,major',
        'A,direct,enterprise,,2026-01-05T09:00:00Z,reply,agent,,',
        'B,direct,enterprise,,2026-01-05T11:00:00Z,reply,agent,,',
        'V,customer,all_inclusive,dedicated_support,2026-01-05T08:00:00Z,created,,,sev1',
        'V,customer,all_inclusive,dedicated_support,2026-01-05T08:30:00Z,reply,agent,,',
      ),
    );
    expect(result.csv).toBe(
      [
        'month,plan,severity,metric,total,met,breached,open,compliance_percent,median_minutes,p90_minutes',
        '2026-01,all_inclusive,sev1,firstResponse,1,1,0,0,100.0,30,30',
        // Severity 1's periodic update opens at the 08:30 reply and nobody updates V by the end of the year.
        '2026-01,all_inclusive,sev1,periodicUpdate,1,0,1,0,0.0,,',
        '2026-01,enterprise,major,firstResponse,2,1,1,0,50.0,60,180',
        '',
      ].join('\n'),
    );
  });

  const text = readFileSync(CSV_PATH, 'utf8');
  const result = run(text, { source: 'tickets-2026.csv' });

  it('the committed export is what the seeded generator writes, and stays small', () => {
    expect(makeTicketsCsv()).toBe(text);
    expect(text.length).toBeLessThan(600_000);
  });

  it('measures the year: 900 tickets, 5716 events, one report row per month, plan, severity and metric', () => {
    expect([result.tickets, result.events, result.report.length]).toEqual([900, 5716, 182]);
    expect(result.report.reduce((n, r) => n + r.total, 0)).toBe(
      result.results.reduce((n, r) => n + r.targets.length, 0),
    );
    expect(new Set(result.report.map((r) => r.period))).toEqual(
      new Set(Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`)),
    );
    expect(
      result.report.find((r) => r.period === '2026-03' && r.plan === 'premium' && r.severity === 'minor'),
    ).toMatchObject({ total: 10, met: 9, breached: 1, compliancePercent: 90 });
  });

  it('a ticket of the export, hand-checked: Premium from Friday 2 January 15:32 Madrid is due Monday 17:32', () => {
    const tickets = toTickets(parse(text));
    const i = tickets.findIndex((t) => t.id === 'T-26-00886');
    expect(tickets[i]!.lines.slice(0, 3)).toEqual([5, 6, 25]);
    // 2 h 28 min on Friday; the agent answers on Sunday night; the deadline it had: 9 h 32 min on Monday from 08:00.
    expect(result.results[i]!.targets[0]).toMatchObject({
      state: 'achieved',
      dueAt: Date.parse('2026-01-05T16:32:00Z'),
      elapsedMs: 148 * 60_000,
    });
  });

  it('its rows agree with measuring each ticket on its own', () => {
    const policy = parsePolicy(standardSupport);
    const tickets = toTickets(parse(text)).filter((t) => t.account.plan === 'enterprise');
    const firstResponses = tickets.map(
      (t) => measure(policy, t.account, t.events, Date.parse('2026-12-31T23:00:00Z')).targets[0]!,
    );
    const rows = result.report.filter((r) => r.plan === 'enterprise' && r.metric === 'firstResponse');
    expect(rows.reduce((n, r) => n + r.met, 0)).toBe(firstResponses.filter((t) => t.state === 'achieved').length);
    expect(rows.reduce((n, r) => n + r.breached, 0)).toBe(firstResponses.filter((t) => t.state === 'breached').length);
  });

  it('runs as a script, printing the table and writing the CSV with --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-batch-'));
    const out = join(dir, 'report.csv');
    const stdout = runExample('csv-batch.ts', ['--out', out]);
    const written = readFileSync(out, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    expect(stdout).toContain('900 tickets, 5716 events from tickets-2026.csv, measured at 2027-01-01 00:00 (Madrid)');
    expect(stdout).toMatch(/2026-03\s+premium\s+minor\s+firstResponse\s+9\s+1\s+0\s+90\.0 %/);
    expect(stdout).toMatch(/enterprise\s+213\s+171\s+42\s+80\.3 %/);
    expect(stdout).toContain(`Wrote 182 report rows to ${out}.`);
    expect(written).toBe(result.csv);
  });
});

describe('examples/policy-from-scratch.ts', () => {
  it('safeParsePolicy names the typo with its path', () => {
    expect(deliberateMistake()).toEqual([
      expect.objectContaining({ code: 'unknown_reference', path: ['plans', 'team', 'targets', 2, 'clock'] }),
    ]);
  });

  it('resolves the add-on: 24/7 channels open on the 4th of July, the office phone from Monday 09:00', () => {
    const e = entitlement();
    expect(e.channels.map((c) => [c.channel, c.openNow, c.nextOpening])).toEqual([
      ['portal', true, ny('2026-07-04T10:00')],
      ['phone', false, ny('2026-07-06T09:00')],
      ['urgent_phone', true, ny('2026-07-04T10:00')],
    ]);
    expect(e.targets[0]!.targets.map((t) => `${t.metric} ${t.duration.iso} ${t.clock}`)).toEqual([
      'firstResponse PT30M 24/7',
      'followUp PT2H 24/7',
      'resolution PT8H 24/7',
    ]);
    const c = classification();
    expect(c.kind === 'incident' && [c.severity.id, c.criterion.id]).toEqual(['normal', 'normal.misbehaving']);
  });

  it('measures the ticket across the Independence Day weekend, hand-checked', () => {
    const [first, followUp, resolution] = measured().targets;
    // 2 h on Thursday; Friday 3 July (observed) and Saturday 4 July closed; 1.5 h on Monday.
    expect(first).toMatchObject({ state: 'achieved', elapsedMs: 3.5 * 3_600_000, dueAt: ny('2026-07-06T11:00') });
    expect(first!.spans!.filter((s) => s.kind === 'holiday').map((s) => s.holiday)).toEqual([
      'Independence Day (observed)',
      'Independence Day',
    ]);
    expect(followUp).toMatchObject({
      cycle: 1,
      state: 'achieved',
      elapsedMs: 3.5 * 3_600_000,
      dueAt: ny('2026-07-08T09:30'),
    });
    // P3D from Thursday 15:00 is 24 business hours; paused while waiting on the customer.
    expect(resolution).toMatchObject({
      targetMs: 24 * 3_600_000,
      state: 'achieved',
      elapsedMs: 12 * 3_600_000,
      dueAt: ny('2026-07-09T14:00'),
    });
    expect(resolution!.spans!.find((s) => s.kind === 'paused')).toMatchObject({
      from: ny('2026-07-06T10:30'),
      to: ny('2026-07-07T09:30'),
      status: 'waiting_on_customer',
    });
  });

  it('runs as a script', () => {
    const out = runExample('policy-from-scratch.ts');
    expect(out).toContain(
      'unknown_reference: plans.team.targets[2].clock: expected the id of one of the policy\'s calendars, or "24/7" ("ny-office"), got "ny_office"',
    );
    expect(out).toMatch(/Phone\s+ny-office\s+closed, opens Mon 06 Jul 09:00/);
    expect(out).toContain('classify: Normal (criterion normal.misbehaving)');
    expect(out).toMatch(
      /resolution\s+P3D \(24 h\)\s+Thu 02 Jul 15:00\s+Thu 09 Jul 14:00\s+Wed 08 Jul 10:00\s+12 h\s+achieved/,
    );
    expect(out).toMatch(/Fri 03 Jul 00:00\s+Sat 04 Jul 00:00\s+holiday: Independence Day \(observed\)/);
  });
});

describe('examples/arrow-duckdb.ts', () => {
  it('writes a year of results as Arrow, and DuckDB reports the same compliance as complianceReport', async () => {
    const out = mkdtempSync(join(tmpdir(), 'arrow-duckdb-'));
    try {
      const r = await runArrowDuckdb(out);
      expect(r.tickets).toBeGreaterThan(700);
      expect(r.targets).toBeGreaterThanOrEqual(r.tickets);
      expect(new Set(r.rows.map((row) => String(row['period']).slice(0, 4)))).toEqual(new Set(['2026']));
      expect(new Set(r.rows.map((row) => row['period'])).size).toBe(12);
      expect(r.matchesComplianceReport).toBe(true);
      expect(readFileSync(join(out, 'targets.arrows')).length).toBe(r.bytes.targets);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('runs the SQL that docs/arrow.md shows', () => {
    const words = (sql: string) => sql.replace(/;\s*$/, '').split(/\s+/).filter(Boolean).join(' ');
    const doc = readFileSync(join(root, 'docs', 'arrow.md'), 'utf8');
    const shown = /```sql\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(words(shown)).toBe(words(COMPLIANCE_SQL));
  });

  it('runs as a script', () => {
    const out = runExample('arrow-duckdb.ts');
    expect(out).toMatch(/^\d+ tickets, \d+ targets as Arrow: tickets\.arrows \d+ KiB/);
    expect(out).toMatch(/2026-01\s+enterprise\s+major\s+firstResponse\s+\d+\s+\d+\s+\d+\s+[\d.]+ %/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('the SQL report equals complianceReport');
  }, 60_000);
});
