/**
 * The smoke program every runtime runs against the packed package (test/runtimes/): the README's
 * snippets — a calendar deadline, a policy and an entitlement, a measured ticket, a batch as
 * columns and its compliance table — plus the DST hazards that lean on each runtime's time-zone
 * data (Madrid, Santiago at midnight, Lord Howe's half hour) and a zone error. It prints one line
 * of JSON: `answers`, a map of named cases that must be equal everywhere, and `environment`, the
 * runtime's own time zone and locale, which the tests set to other than UTC and English to show
 * that no answer depends on them. Plain JavaScript and only the public API, so that Node, Deno,
 * Bun and a browser bundle run the same file.
 */
import {
  columnsToResults,
  compileCalendar,
  complianceReport,
  isSupportPolicyError,
  measure,
  measureMany,
  parsePolicy,
  resolveEntitlement,
  spainNationalHolidays,
  standardSupport,
} from 'support-policy';

const at = (iso) => Date.parse(iso);
const iso = (ms) => new Date(ms).toISOString();
/** Typed arrays as plain lists, `NaN` (a column's `null`) as `null`: what JSON can carry. */
const list = (column) => Array.from(column, (v) => (typeof v === 'number' && Number.isNaN(v) ? null : v));
const answers = {};

// A deadline on the README's calendar: Madrid, weekdays 08:00–18:00, Spain's national holidays.
const weekdays = [['08:00', '18:00']];
const support = compileCalendar({
  zone: 'Europe/Madrid',
  week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays },
  holidays: [spainNationalHolidays],
});
const created = new Date('2026-01-05T16:00:00Z');
answers['deadline over Epiphany'] = support.add(created, 2 * 3_600_000).toISOString();
answers['business time to a reply'] = support.between(created, new Date('2026-01-07T07:45:00Z'));
answers['one business day from Friday evening'] = iso(support.addBusinessDays(at('2026-01-09T18:30:00Z'), 1));
answers['open on Epiphany'] = support.isOpen(at('2026-01-06T10:00:00Z'));
answers['next opening after Epiphany'] = iso(support.nextOpening(at('2026-01-06T10:00:00Z')));
answers['holidays of 2026'] = support.holidaysIn(2026).map((h) => [h.date, h.name]);

// DST: each zone's transitions come from the runtime's own time-zone data.
const always = [['00:00', '24:00']];
const everyDay = (zone) =>
  compileCalendar({ zone, week: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, always])) });
const madrid = everyDay('Europe/Madrid');
answers['Madrid: open time on the day clocks go forward'] = madrid.between(
  at('2026-03-28T23:00:00Z'),
  at('2026-03-29T22:00:00Z'),
);
answers['Madrid: open time on the day clocks go back'] = madrid.between(
  at('2026-10-24T22:00:00Z'),
  at('2026-10-25T23:00:00Z'),
);
const santiago = compileCalendar({ zone: 'America/Santiago', week: { 7: [['00:00', '06:00']] } });
answers['Santiago: a Sunday opening at a midnight that does not exist'] = iso(
  santiago.nextOpening(at('2026-09-05T12:00:00Z')),
);
answers['Santiago: open time on the Sunday clocks go back at midnight'] = santiago.between(
  at('2026-04-04T12:00:00Z'),
  at('2026-04-06T12:00:00Z'),
);
const lordHowe = compileCalendar({ zone: 'Australia/Lord_Howe', week: { 7: [['01:00', '04:00']] } });
answers['Lord Howe: Sunday 01:00 to 04:00 on the days of the half-hour shifts'] = [
  ...lordHowe.openIntervals(at('2026-04-04T12:00:00Z'), at('2026-04-05T12:00:00Z')),
  ...lordHowe.openIntervals(at('2026-10-03T12:00:00Z'), at('2026-10-04T12:00:00Z')),
].map((i) => [iso(i.start), iso(i.end)]);
try {
  compileCalendar({ zone: 'Europe/Madird', week: { 1: weekdays } });
  answers['an unknown zone'] = 'accepted';
} catch (error) {
  answers['an unknown zone'] = isSupportPolicyError(error) ? [error.code, error.path] : String(error);
}

// A policy, and what a Premium account gets under it.
const policy = parsePolicy(standardSupport);
const premium = resolveEntitlement(policy, { type: 'direct', plan: 'premium' }, { now: at('2026-01-10T10:00:00Z') });
answers['premium channels on a Saturday'] = premium.channels.map((c) => `${c.label}: ${c.openNow ? 'open' : 'closed'}`);
answers['premium first target'] = premium.targets[0]?.targets[0]?.duration.iso;
const spanish = resolveEntitlement(
  policy,
  { type: 'direct', plan: 'premium' },
  { now: at('2026-01-12T10:00:00Z'), locale: 'es' },
);
answers['premium channels on a Monday, in Spanish'] = spanish.channels.map(
  (c) => `${c.label}: ${c.openNow ? 'open' : 'closed'}`,
);

// A measured ticket: Enterprise, answered after Epiphany, with the spans behind its deadline.
const ticket = measure(
  policy,
  { type: 'direct', plan: 'enterprise' },
  [
    { kind: 'created', at: at('2026-01-05T16:00:00Z'), severity: 'major' },
    { kind: 'reply', at: at('2026-01-05T16:01:00Z'), author: 'automatic' },
    { kind: 'reply', at: at('2026-01-07T07:45:00Z'), author: 'agent' },
  ],
  at('2026-01-07T12:00:00Z'),
  { explain: true },
);
answers['measured ticket'] = ticket.targets.map((t) => [
  t.metric,
  t.state,
  t.dueAt === null ? null : iso(t.dueAt),
  t.elapsedMs,
]);
answers['measured ticket: spans of the first response'] = ticket.targets[0]?.spans?.map((s) => [
  s.kind,
  iso(s.from),
  iso(s.to),
  s.holiday ?? null,
]);

// A batch as columns, back to rows, and its compliance table.
const monday9 = at('2026-01-05T08:00:00Z');
const tickets = [
  {
    account: { type: 'direct', plan: 'enterprise' },
    events: [
      { kind: 'created', at: monday9, severity: 'major' },
      { kind: 'reply', at: monday9 + 5_400_000, author: 'agent' },
    ],
  },
  { account: { type: 'direct', plan: 'starter' }, events: [{ kind: 'created', at: monday9, severity: 'minor' }] },
];
const columns = measureMany(policy, tickets, monday9 + 3 * 3_600_000, { format: 'columns' });
answers['batch columns'] = {
  state: [...columns.targets.state],
  ticket: list(columns.targets.ticket),
  dueAt: list(columns.targets.dueAt),
  elapsedMs: list(columns.targets.elapsedMs),
  stoppedAt: list(columns.targets.stoppedAt),
};
answers['batch rows from columns'] = columnsToResults(columns).map((r) => r.targets.map((t) => [t.metric, t.state]));
answers['compliance by month in Madrid'] = complianceReport(columnsToResults(columns), {
  period: 'month',
  zone: 'Europe/Madrid',
}).map((r) => [r.period, r.plan, r.metric, r.met, r.breached, r.open]);

const environment = {
  zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  locale: Intl.DateTimeFormat().resolvedOptions().locale,
  offsetMinutes: -new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
};
console.log(JSON.stringify({ answers, environment }));
