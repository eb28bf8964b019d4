/**
 * `node examples/notebooks/data/generate.mjs`: writes the notebooks' sample data, deterministically
 * (a seeded PRNG and fixed dates: the same files on every machine and every run).
 *
 * - tickets.csv: one line per ticket event (created, replies, status changes) of 260 tickets on
 *   the standard preset's plans, created in the first quarter of 2026 in Madrid, as seen on
 *   1 April 2026 at 09:30 (later events are left out). In week 2026-W07 (9–15 February) the
 *   team is short-staffed: agents reply three times slower, so breaches spike.
 * - dedicated-tickets.csv: the same columns for 120 tickets of accounts on the All-inclusive plan
 *   with the Dedicated support add-on (the dedicated preset's severities `sev1`…`sev5`), created in
 *   the same quarter and seen at the same instant. Their conversations go on after the first
 *   response (agent updates, customer messages and the agent's answers) so that the add-on's
 *   periodic-update (Severities 1 and 2) and follow-up (Severity 3) targets have cycles to
 *   measure; week 2026-W07 is slow for this team as well.
 * - conversations.csv: one line per support-hours ledger event (conversations opened, time handled,
 *   documentation answers, classifications, voids) of three accounts in January–June 2026.
 *
 * The files are committed; run this only to change the samples (then `npm run notebooks`). With a
 * directory argument it writes there instead (the notebook test checks that the output matches).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';

const ZONE = 'Europe/Madrid';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks from weighted choices with one random number in [0, 1). */
function pick(r, choices) {
  let rest = r * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of choices) if ((rest -= weight) < 0) return value;
  return choices[choices.length - 1][0];
}

/** Local ISO time with its offset, to the minute: `2026-01-05T09:13:00+01:00`. */
const iso = (ms) => DateTime.fromMillis(ms, { zone: ZONE }).toISO({ suppressMilliseconds: true });
const local = (text) => DateTime.fromISO(text, { zone: ZONE }).toMillis();

/** A minute in [from, to): on a weekday between 08:00 and 18:00 three times in four, else any. */
function creationTime(random, from, to) {
  for (;;) {
    const at = from + Math.floor(random() * ((to - from) / MINUTE)) * MINUTE;
    const d = DateTime.fromMillis(at, { zone: ZONE });
    if (random() < 0.25 || (d.weekday <= 5 && d.hour >= 8 && d.hour < 18)) return at;
  }
}

function tickets() {
  const random = prng(1);
  const from = local('2026-01-01T00:00');
  const to = local('2026-04-01T00:00');
  const now = local('2026-04-01T09:30');
  const slowFrom = local('2026-02-09T00:00');
  const slowTo = local('2026-02-16T00:00');
  // Wall-clock hours within which the agent's first reply comes, per plan (squared: mostly quick).
  const within = { enterprise: 5, premium: 40, starter: 80 };
  const rows = [];
  const list = [];
  for (let i = 0; i < 260; i++) {
    const plan = pick(random(), [
      ['enterprise', 25],
      ['premium', 35],
      ['starter', 40],
    ]);
    const severity = pick(random(), [
      ['critical', 10],
      ['major', 30],
      ['minor', 60],
    ]);
    let at = creationTime(random, from, to);
    const slow = at >= slowFrom && at < slowTo ? 3 : 1;
    const events = [['created', at, severity]];
    const later = (maxMs) => (at += Math.max(MINUTE, Math.floor((random() * maxMs) / MINUTE) * MINUTE));
    events.push(['reply', later(MINUTE), 'automatic']);
    if (random() < 0.94) {
      events.push(['reply', later(random() ** 2 * within[plan] * slow * HOUR), 'agent']);
      if (random() < 0.5) events.push(['reply', later(24 * HOUR), 'customer']);
      if (random() < 0.3) events.push(['status', later(4 * HOUR), 'waiting_on_customer']);
      if (random() < 0.75) events.push(['status', later(72 * HOUR), 'solved']);
    } else if (random() < 0.8) {
      // Solved without an agent's reply (the customer found the answer): the clock stops there.
      events.push(['status', later(48 * HOUR), 'solved']);
    }
    list.push({ created: events[0][1], plan, events: events.filter(([, when]) => when <= now) });
  }
  // Numbered in order of creation.
  list.sort((a, b) => a.created - b.created);
  list.forEach((t, i) => {
    const id = `T-${String(i + 1).padStart(4, '0')}`;
    for (const [type, when, value] of t.events) rows.push([id, t.plan, iso(when), type, value].join(','));
  });
  return `ticket,plan,at,event,value\n${rows.join('\n')}\n`;
}

function dedicatedTickets() {
  const random = prng(3);
  const from = local('2026-01-01T00:00');
  const to = local('2026-04-01T00:00');
  const now = local('2026-04-01T09:30');
  const slowFrom = local('2026-02-09T00:00');
  const slowTo = local('2026-02-16T00:00');
  // Wall-clock hours within which the agent's first reply comes, per severity (squared: mostly quick).
  const within = { sev1: 1.4, sev2: 1.4, sev3: 6, sev4: 40, sev5: 40 };
  const list = [];
  for (let i = 0; i < 120; i++) {
    const severity = pick(random(), [
      ['sev1', 6],
      ['sev2', 14],
      ['sev3', 40],
      ['sev4', 25],
      ['sev5', 15],
    ]);
    const urgent = severity === 'sev1' || severity === 'sev2';
    let at = creationTime(random, from, to);
    const slow = at >= slowFrom && at < slowTo ? 3 : 1;
    const events = [['created', at, severity]];
    const later = (maxMs) => (at += Math.max(MINUTE, Math.floor((random() * maxMs) / MINUTE) * MINUTE));
    events.push(['reply', later(MINUTE), 'automatic']);
    events.push(['reply', later(random() ** 2 * within[severity] * slow * HOUR), 'agent']);
    for (let k = 0, rounds = Math.floor(random() * (urgent || severity === 'sev3' ? 5 : 3)); k < rounds; k++) {
      if (urgent) {
        // While the service is restored the agent posts updates; the customer chips in now and then.
        if (random() < 0.4) events.push(['reply', later(HOUR), 'customer']);
        events.push(['reply', later(random() ** 0.5 * 6 * slow * HOUR), 'agent']);
      } else {
        // A message from the customer, then the agent's answer to it.
        events.push(['reply', later(30 * HOUR), 'customer']);
        events.push(['reply', later(random() ** 1.5 * 80 * slow * HOUR), 'agent']);
      }
    }
    if (urgent || random() < 0.85) events.push(['status', later((urgent ? 3 : 24) * HOUR), 'solved']);
    list.push({ created: events[0][1], events: events.filter(([, when]) => when <= now) });
  }
  list.sort((a, b) => a.created - b.created);
  const rows = list.flatMap((t, i) =>
    t.events.map(([type, when, value]) =>
      [`V-${String(i + 1).padStart(4, '0')}`, 'all_inclusive', iso(when), type, value].join(','),
    ),
  );
  return `ticket,plan,at,event,value\n${rows.join('\n')}\n`;
}

function conversations() {
  const random = prng(7);
  const accounts = [
    // account, conversations per month, mean handled minutes, clients of a partner pool
    ['acme', 5, 35, []],
    ['globex', 7, 45, []],
    ['nova-partners', 9, 30, ['shop-1', 'shop-2', 'shop-3']],
  ];
  const rows = [];
  let n = 0;
  for (const [account, perMonth, mean, clients] of accounts) {
    for (let month = 1; month <= 6; month++) {
      const start = local(`2026-${String(month).padStart(2, '0')}-01T00:00`);
      const end = DateTime.fromMillis(start, { zone: ZONE }).plus({ months: 1 }).toMillis();
      const count = perMonth - 2 + Math.floor(random() * 5);
      const opened = Array.from({ length: count }, () => creationTime(random, start, end - 4 * HOUR)).sort(
        (a, b) => a - b,
      );
      for (const at0 of opened) {
        n++;
        const conversation = `C-${String(n).padStart(4, '0')}`;
        const line = (kind, at, more = {}) =>
          rows.push(
            [
              `e${rows.length + 1}`,
              account,
              iso(at),
              kind,
              conversation,
              more.channel ?? '',
              more.client ?? '',
              more.minutes ?? '',
              more.as ?? '',
            ].join(','),
          );
        let at = at0;
        const client = clients.length === 0 ? '' : clients[Math.floor(random() * clients.length)];
        line('conversation_opened', at, {
          channel: pick(random(), [
            ['ticket', 60],
            ['chat', 30],
            ['email', 10],
          ]),
          client,
        });
        if (random() < 0.03) {
          line('conversation_voided', at + 2 * MINUTE);
          continue;
        }
        for (let k = 0, parts = 1 + Math.floor(random() * 3); k < parts; k++) {
          const minutes = Math.max(3, Math.round(((random() + random()) * mean) / parts));
          line('time_handled', (at += (minutes + Math.floor(random() * 120)) * MINUTE), { minutes });
        }
        const r = random();
        if (r < 0.1) line('answered_with_documentation', at);
        else if (r < 0.22) line('classified', at + MINUTE, { as: 'incident' });
        else if (r < 0.27) {
          line('classified', at + MINUTE, { as: 'incident' });
          line('classified', at + MINUTE + HOUR, { as: 'expected_behaviour' });
        } else if (r < 0.31) line('classified', at + MINUTE, { as: 'customer_success' });
      }
    }
  }
  return `id,account,at,kind,conversation,channel,client,minutes,as\n${rows.join('\n')}\n`;
}

const out = process.argv[2] ?? fileURLToPath(new URL('.', import.meta.url));
writeFileSync(join(out, 'tickets.csv'), tickets());
writeFileSync(join(out, 'dedicated-tickets.csv'), dedicatedTickets());
writeFileSync(join(out, 'conversations.csv'), conversations());
