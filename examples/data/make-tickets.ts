/**
 * `npx tsx examples/data/make-tickets.ts`: writes `examples/data/tickets-2026.csv`, the sample
 * input of `examples/csv-batch.ts` — a year of helpdesk tickets, one event per row, as a
 * helpdesk's export would give them (rows in time order, every row repeating its ticket's account).
 *
 * Deterministic: a seeded PRNG (mulberry32) picks every value, so the same seed writes the same
 * bytes on every machine (a test checks that the committed file is what this script writes).
 * Tickets on the standard preset (direct customers and Solution Partners, Madrid office hours
 * favoured) and on the dedicated-support add-on (VIP customers, severities 1–5); each gets an
 * automatic acknowledgement, usually an agent reply, sometimes an escalation, customer replies,
 * waits on the customer, follow-up answers, a solve and now and then a reopening. The export is
 * taken at 2027-01-01 00:00 in Madrid: later events are not in it.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { COLUMNS, EXPORTED_AT, ZONE } from '../csv-batch.js';
import { pick, prng } from '../random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
type Row = Record<(typeof COLUMNS)[number], string>;

/** How late the first agent reply may come, in wall-clock hours (some go over their target). */
const REPLY_WITHIN_HOURS: Record<string, number> = { enterprise: 6, premium: 48, starter: 96, all_inclusive: 10 };

/** The CSV text for `count` tickets created in 2026. */
export function makeTicketsCsv(count = 900, seed = 2026): string {
  const random = prng(seed);
  const year = DateTime.fromISO('2026-01-01T00:00', { zone: ZONE });
  const rows: { at: number; ticket: number; n: number; row: Row }[] = [];
  for (let i = 0; i < count; i++) {
    const vip = random() < 0.15;
    const accountType = vip ? 'customer' : random() < 0.12 ? 'solution_partner' : 'direct';
    const plan = vip
      ? 'all_inclusive'
      : pick(random(), [
          ['enterprise', 25],
          ['premium', 35],
          ['starter', 40],
        ] as const);
    const addOns = vip ? 'dedicated_support' : '';
    const severity = vip
      ? pick(random(), [
          ['sev1', 5],
          ['sev2', 10],
          ['sev3', 35],
          ['sev4', 30],
          ['sev5', 20],
        ] as const)
      : pick(random(), [
          ['critical', 10],
          ['major', 30],
          ['minor', 60],
        ] as const);
    // Most tickets arrive in office hours (08:00–18:00 Madrid), the rest at any time.
    const day = year.plus({ days: Math.floor(random() * 365) });
    const minuteOfDay = random() < 0.8 ? 8 * 60 + Math.floor(random() * 600) : Math.floor(random() * 1440);
    let at = day.plus({ minutes: minuteOfDay }).toMillis();
    const id = `T-26-${String(i + 1).padStart(5, '0')}`;
    let n = 0;
    const add = (type: string, more: Partial<Row>) => {
      if (at >= EXPORTED_AT) return;
      const row: Row = {
        ticket_id: id,
        account_type: accountType,
        plan,
        add_ons: addOns,
        at: new Date(at).toISOString().replace('.000Z', 'Z'),
        type,
        author: '',
        status: '',
        severity: '',
        ...more,
      };
      rows.push({ at, ticket: i, n: n++, row });
    };
    const later = (maxMs: number) => (at += Math.max(MINUTE, Math.floor((random() * maxMs) / MINUTE) * MINUTE));
    add('created', { severity });
    later(2 * MINUTE);
    add('reply', { author: 'automatic' });
    const escalated = vip ? 'sev1' : 'critical';
    if (severity !== escalated && random() < 0.06) {
      later(3 * HOUR);
      add('severity', { severity: escalated });
    }
    if (random() < 0.04) {
      // Solved by the customer before anyone answered.
      later(24 * HOUR);
      add('status', { status: 'solved' });
      continue;
    }
    if (random() < 0.93) {
      later(random() ** 2 * REPLY_WITHIN_HOURS[plan]! * HOUR);
      add('reply', { author: 'agent' });
      let waiting = false;
      for (let round = 0; round < 3 && random() < 0.55; round++) {
        if (random() < 0.5) {
          later(10 * MINUTE);
          add('status', { status: 'waiting_on_customer' });
          waiting = true;
        }
        later(30 * HOUR);
        add('reply', { author: 'customer' });
        if (waiting) {
          add('status', { status: 'open' });
          waiting = false;
        }
        if (random() < 0.8) {
          later(random() ** 2 * 40 * HOUR);
          add('reply', { author: 'agent' });
        }
      }
      if (random() < 0.8) {
        later(72 * HOUR);
        add('status', { status: 'solved' });
        if (random() < 0.06) {
          later(96 * HOUR);
          add('status', { status: 'reopened' });
          later(24 * HOUR);
          add('reply', { author: 'agent' });
          later(24 * HOUR);
          add('status', { status: 'solved' });
        }
      }
    }
  }
  rows.sort((a, b) => a.at - b.at || a.ticket - b.ticket || a.n - b.n);
  return [COLUMNS.join(','), ...rows.map(({ row }) => COLUMNS.map((c) => row[c]).join(','))].join('\n') + '\n';
}

/** Where the committed sample lives. */
export const CSV_PATH = fileURLToPath(new URL('./tickets-2026.csv', import.meta.url));

const invoked = process.argv[1];
if (invoked !== undefined && realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url))) {
  const csv = makeTicketsCsv();
  writeFileSync(CSV_PATH, csv);
  console.log(`Wrote ${CSV_PATH}: ${csv.split('\n').length - 2} events, ${csv.length} bytes.`);
}
