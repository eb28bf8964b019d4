/**
 * `npm run demo`: first-response deadlines for sample tickets on Spain's 08:00–18:00 support
 * calendar (Europe/Madrid, national holidays excluded), and whether each reply met its target.
 *
 * The targets are those of the standard support policy: Enterprise "First response within 2
 * hours", Premium "within 12 hours", Starter 1 business day, all "during business hours,
 * excluding national holidays".
 */
import { DateTime } from 'luxon';
import { compileCalendar, spainNationalHolidays } from '../src/index.js';
import { formatTable } from './formatTable.js';

const HOUR = 3_600_000;
const weekdays: [string, string][] = [['08:00', '18:00']];
const support = compileCalendar({
  zone: 'Europe/Madrid',
  week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays },
  holidays: [spainNationalHolidays],
});

type Plan = 'Enterprise' | 'Premium' | 'Starter';
const target: Record<Plan, { label: string; due: (createdMs: number) => number; budgetMs: (createdMs: number) => number }> = {
  Enterprise: { label: '2 business hours', due: (t) => support.add(t, 2 * HOUR), budgetMs: () => 2 * HOUR },
  Premium: { label: '12 business hours', due: (t) => support.add(t, 12 * HOUR), budgetMs: () => 12 * HOUR },
  Starter: {
    label: '1 business day',
    due: (t) => support.addBusinessDays(t, 1),
    budgetMs: (t) => support.between(t, support.addBusinessDays(t, 1)),
  },
};

const local = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Madrid' }).toFormat('ccc dd LLL HH:mm');
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toMillis();

const tickets: { id: string; plan: Plan; created: string; firstReply: string; note: string }[] = [
  { id: 'T-1001', plan: 'Enterprise', created: '2026-01-05T17:00', firstReply: '2026-01-07T08:45', note: 'Epiphany (Tue 6 Jan) is closed' },
  { id: 'T-1002', plan: 'Enterprise', created: '2026-03-27T16:30', firstReply: '2026-03-30T08:20', note: 'DST starts on Sunday 29 Mar' },
  { id: 'T-1003', plan: 'Premium', created: '2026-04-01T15:00', firstReply: '2026-04-06T12:00', note: 'Good Friday (3 Apr) is closed' },
  { id: 'T-1004', plan: 'Premium', created: '2026-12-07T09:00', firstReply: '2026-12-09T11:00', note: 'Immaculate Conception (8 Dec)' },
  { id: 'T-1005', plan: 'Starter', created: '2026-10-09T19:30', firstReply: '2026-10-13T17:00', note: 'after hours; 12 Oct is closed' },
  { id: 'T-1006', plan: 'Starter', created: '2026-10-23T11:00', firstReply: '2026-10-26T10:30', note: 'DST ends on Sunday 25 Oct' },
];

const rows = tickets.map((t) => {
  const created = at(t.created);
  const replied = at(t.firstReply);
  const due = target[t.plan].due(created);
  const used = support.between(created, replied);
  const budget = target[t.plan].budgetMs(created);
  return {
    ticket: t.id,
    plan: t.plan as string,
    target: target[t.plan].label,
    created: local(created),
    due: local(due),
    'first reply': local(replied),
    'business time used': `${(used / HOUR).toFixed(2)} h`,
    result: replied <= due ? 'met' : `breached by ${((used - budget) / HOUR).toFixed(2)} h`,
    why: t.note,
  };
});

console.log("First-response deadlines on Spain's support calendar (Mon–Fri 08:00–18:00 Europe/Madrid, national holidays closed)\n");
console.log(formatTable(rows));
const met = rows.filter((r) => r.result === 'met').length;
console.log(`\nCompliance: ${met} of ${rows.length} first responses met their target (${Math.round((100 * met) / rows.length)} %).`);
console.log(`Holidays in 2026: ${support.holidaysIn(2026).map((h) => `${h.date.slice(5)} ${h.name}`).join(', ')}`);
