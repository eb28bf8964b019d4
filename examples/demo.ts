/**
 * `npm run demo`: first-response deadlines and compliance for sample tickets on the two shipped
 * presets. Each ticket's target comes from the policy (`resolveEntitlement`), and its deadline from
 * the target's clock: Spain's 08:00–18:00 support calendar for the standard plans, the dedicated
 * agent's 09:00–17:00 hours or 24/7 for the dedicated-support add-on.
 */
import { DateTime } from 'luxon';
import {
  compileCalendar,
  dedicatedSupport,
  type EntitledTarget,
  type Policy,
  parsePolicy,
  resolveEntitlement,
  standardSupport,
} from '../src/index.js';
import { formatTable } from './formatTable.js';

const HOUR = 3_600_000;
const standard = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);

/** Deadline and business time used, on the target's own clock. */
function measure(policy: Policy, target: EntitledTarget, created: number, replied: number) {
  const cal = target.clock === '24/7' ? undefined : compileCalendar(policy.calendars[target.clock]!);
  const d = target.duration;
  const due =
    d.kind === 'time'
      ? (cal?.add(created, d.ms) ?? created + d.ms)
      : (cal?.addBusinessDays(created, d.days) ?? created + d.days * 24 * HOUR);
  const used = cal?.between(created, replied) ?? replied - created;
  const budget = cal?.between(created, due) ?? due - created;
  return { due, used, budget };
}

const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('ccc dd LLL HH:mm');
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

const tickets = [
  { id: 'T-1001', policy: standard, plan: 'enterprise', addOns: [], severity: 'major', zone: 'Europe/Madrid', created: '2026-01-05T17:00', firstReply: '2026-01-07T08:45', why: 'Epiphany (Tue 6 Jan) is closed' },
  { id: 'T-1002', policy: standard, plan: 'enterprise', addOns: [], severity: 'minor', zone: 'Europe/Madrid', created: '2026-03-27T16:30', firstReply: '2026-03-30T08:20', why: 'DST starts on Sunday 29 Mar' },
  { id: 'T-1003', policy: standard, plan: 'premium', addOns: [], severity: 'major', zone: 'Europe/Madrid', created: '2026-04-01T15:00', firstReply: '2026-04-06T12:00', why: 'Good Friday (3 Apr) is closed' },
  { id: 'T-1004', policy: standard, plan: 'premium', addOns: [], severity: 'critical', zone: 'Europe/Madrid', created: '2026-12-07T09:00', firstReply: '2026-12-09T11:00', why: 'Immaculate Conception (8 Dec)' },
  { id: 'T-1005', policy: standard, plan: 'starter', addOns: [], severity: 'minor', zone: 'Europe/Madrid', created: '2026-10-09T19:30', firstReply: '2026-10-13T17:00', why: 'after hours; 12 Oct is closed' },
  { id: 'T-1006', policy: dedicated, plan: 'all_inclusive', addOns: ['dedicated_support'], severity: 'sev1', zone: 'Europe/Bratislava', created: '2026-10-24T23:10', firstReply: '2026-10-25T00:05', why: 'Severity 1 runs 24/7' },
  { id: 'T-1007', policy: dedicated, plan: 'all_inclusive', addOns: ['dedicated_support'], severity: 'sev3', zone: 'Europe/Bratislava', created: '2026-10-23T16:00', firstReply: '2026-10-26T10:30', why: 'dedicated hours 09:00–17:00' },
] as const;

const rows = tickets.map((t) => {
  const entitlement = resolveEntitlement(t.policy, { type: t.policy === standard ? 'direct' : 'customer', plan: t.plan, addOns: [...t.addOns] });
  const level = entitlement.targets.find((s) => s.severity.id === t.severity)!;
  const target = level.targets.find((x) => x.metric === 'firstResponse' && x.role === 'target')!;
  const created = at(t.created, t.zone);
  const replied = at(t.firstReply, t.zone);
  const { due, used, budget } = measure(t.policy, target, created, replied);
  return {
    ticket: t.id,
    plan: `${entitlement.plan?.label}${entitlement.addOns.length > 0 ? ` + ${entitlement.addOns.map((a) => a.label).join(', ')}` : ''}`,
    severity: level.severity.label,
    target: `${target.duration.iso} on ${target.clock}`,
    created: local(created, t.zone),
    due: local(due, t.zone),
    'first reply': local(replied, t.zone),
    used: `${(used / HOUR).toFixed(2)} h`,
    result: replied <= due ? 'met' : `breached by ${((used - budget) / HOUR).toFixed(2)} h`,
    why: t.why,
  };
});

console.log('First-response deadlines on the shipped presets (standard support and dedicated support)\n');
console.log(formatTable(rows));
const met = rows.filter((r) => r.result === 'met').length;
console.log(`\nCompliance: ${met} of ${rows.length} first responses met their target (${Math.round((100 * met) / rows.length)} %).`);
