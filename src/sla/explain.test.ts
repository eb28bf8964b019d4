import { describe, expect, it } from 'vitest';
import {
  compileCalendar,
  dedicatedSupport,
  measure,
  type Policy,
  parsePolicy,
  type SlaSpan,
  standardSupport,
  type TargetMeasurement,
  type TicketEvent,
} from '../index.js';
import { firstExplained, pausingEnterprise } from '../../test/fixtures/sla.js';

// Instants by hand: Madrid is UTC+1 in January (support-hours 07:00Z–17:00Z) and UTC+2 from
// 29 March 2026 (06:00Z–16:00Z); local midnight is 23:00Z (winter) or 22:00Z (summer).
const HOUR = 3_600_000;
const z = (iso: string) => Date.parse(`${iso}Z`);
const std = parsePolicy(standardSupport);
const premium = { type: 'direct', plan: 'premium' };
const enterprise = { type: 'direct', plan: 'enterprise' };

// A policy whose Enterprise first response pauses on both pause statuses.
const pausing = pausingEnterprise;

const created = (at: number, severity = 'minor'): TicketEvent => ({ kind: 'created', at, severity });
const status = (at: number, s: 'open' | 'waiting_on_customer' | 'on_hold' | 'solved' | 'reopened'): TicketEvent => ({
  kind: 'status',
  at,
  status: s,
});
function explained(
  events: TicketEvent[],
  now: number,
  account: object = premium,
  policy: Policy = std,
): TargetMeasurement {
  const t = firstExplained(policy, account, events, now);
  expect(t.spans).toBeDefined();
  return t;
}
/** A span as [kind, from, to (ISO, without the seconds), counted hours, projected, status or holiday]. */
const row = (s: SlaSpan) => [
  s.kind,
  new Date(s.from).toISOString().slice(0, 16),
  new Date(s.to).toISOString().slice(0, 16),
  s.countedMs / HOUR,
  s.projected,
  s.status ?? s.holiday ?? '',
];
const rows = (t: TargetMeasurement) => t.spans!.map(row);

describe('explained deadlines, span by span', () => {
  it("the docs' example: Premium from Friday 2 January 17:00 is due Wednesday 09:00, past a weekend and Epiphany", () => {
    const t = explained([created(z('2026-01-02T16:00'))], z('2026-01-02T16:00'));
    expect(t.dueAt).toBe(z('2026-01-07T08:00'));
    expect(rows(t)).toEqual([
      ['open', '2026-01-02T16:00', '2026-01-02T17:00', 1, true, ''],
      ['closed', '2026-01-02T17:00', '2026-01-05T07:00', 0, true, ''],
      ['open', '2026-01-05T07:00', '2026-01-05T17:00', 10, true, ''],
      ['closed', '2026-01-05T17:00', '2026-01-05T23:00', 0, true, ''],
      ['holiday', '2026-01-05T23:00', '2026-01-06T23:00', 0, true, 'Epiphany'],
      ['closed', '2026-01-06T23:00', '2026-01-07T07:00', 0, true, ''],
      ['open', '2026-01-07T07:00', '2026-01-07T08:00', 1, true, ''],
    ]);
  });

  it('a holiday inside a running stretch is a holiday span with its name (Epiphany, Tuesday 6 January 2026)', () => {
    expect(compileCalendar(std.calendars['support-hours']!).holidaysIn(2026)).toContainEqual(
      expect.objectContaining({ date: '2026-01-06', name: 'Epiphany' }),
    );
    // Premium from Monday 5 January 10:00 Madrid, explained on Wednesday at 10:00: 8 h + 2 h counted.
    const t = explained([created(z('2026-01-05T09:00'))], z('2026-01-07T09:00'));
    expect([t.elapsedMs, t.dueAt]).toEqual([10 * HOUR, z('2026-01-07T11:00')]);
    expect(rows(t)).toEqual([
      ['open', '2026-01-05T09:00', '2026-01-05T17:00', 8, false, ''],
      ['closed', '2026-01-05T17:00', '2026-01-05T23:00', 0, false, ''],
      ['holiday', '2026-01-05T23:00', '2026-01-06T23:00', 0, false, 'Epiphany'],
      ['closed', '2026-01-06T23:00', '2026-01-07T07:00', 0, false, ''],
      ['open', '2026-01-07T07:00', '2026-01-07T09:00', 2, false, ''],
      ['open', '2026-01-07T09:00', '2026-01-07T11:00', 2, true, ''],
    ]);
  });

  it('Good Friday in summer time: the holiday is the local day, 22:00Z to 22:00Z', () => {
    // Premium from Thursday 2 April 10:00 Madrid (UTC+2), explained on Monday 6 April at 10:00.
    const t = explained([created(z('2026-04-02T08:00'))], z('2026-04-06T08:00'));
    expect(rows(t)).toEqual([
      ['open', '2026-04-02T08:00', '2026-04-02T16:00', 8, false, ''],
      ['closed', '2026-04-02T16:00', '2026-04-02T22:00', 0, false, ''],
      ['holiday', '2026-04-02T22:00', '2026-04-03T22:00', 0, false, 'Good Friday'],
      ['closed', '2026-04-03T22:00', '2026-04-06T06:00', 0, false, ''],
      ['open', '2026-04-06T06:00', '2026-04-06T08:00', 2, false, ''],
      ['open', '2026-04-06T08:00', '2026-04-06T10:00', 2, true, ''],
    ]);
  });

  it('closed nights and a weekend while the clock runs are one closed span (Friday 18:00 to Monday 08:00)', () => {
    const t = explained([created(z('2026-01-09T16:00'))], z('2026-01-12T08:00'));
    expect(rows(t)).toEqual([
      ['open', '2026-01-09T16:00', '2026-01-09T17:00', 1, false, ''],
      ['closed', '2026-01-09T17:00', '2026-01-12T07:00', 0, false, ''],
      ['open', '2026-01-12T07:00', '2026-01-12T08:00', 1, false, ''],
      ['open', '2026-01-12T08:00', '2026-01-12T17:00', 9, true, ''],
      ['closed', '2026-01-12T17:00', '2026-01-13T07:00', 0, true, ''],
      ['open', '2026-01-13T07:00', '2026-01-13T08:00', 1, true, ''],
    ]);
  });

  it('a deadline on Tuesday 10:00 explained from Monday 17:00 (Premium from Monday 08:00)', () => {
    const t = explained([created(z('2026-01-12T07:00'))], z('2026-01-12T16:00'));
    expect([t.dueAt, t.elapsedMs, t.remainingMs]).toEqual([z('2026-01-13T09:00'), 9 * HOUR, 3 * HOUR]);
    expect(rows(t)).toEqual([
      ['open', '2026-01-12T07:00', '2026-01-12T16:00', 9, false, ''],
      ['open', '2026-01-12T16:00', '2026-01-12T17:00', 1, true, ''],
      ['closed', '2026-01-12T17:00', '2026-01-13T07:00', 0, true, ''],
      ['open', '2026-01-13T07:00', '2026-01-13T09:00', 2, true, ''],
    ]);
  });

  it('pauses are paused spans with their status; the projection starts at now', () => {
    const events = [
      created(z('2026-01-12T08:00')),
      status(z('2026-01-12T08:30'), 'waiting_on_customer'),
      status(z('2026-01-12T09:00'), 'on_hold'),
      status(z('2026-01-12T09:30'), 'open'),
    ];
    expect(rows(explained(events, z('2026-01-12T10:00'), enterprise, pausing))).toEqual([
      ['open', '2026-01-12T08:00', '2026-01-12T08:30', 0.5, false, ''],
      ['paused', '2026-01-12T08:30', '2026-01-12T09:00', 0, false, 'waiting_on_customer'],
      ['paused', '2026-01-12T09:00', '2026-01-12T09:30', 0, false, 'on_hold'],
      ['open', '2026-01-12T09:30', '2026-01-12T10:00', 0.5, false, ''],
      ['open', '2026-01-12T10:00', '2026-01-12T11:00', 1, true, ''],
    ]);
  });

  it('paused at now: the spans end with the pause and nothing is projected (no due instant)', () => {
    const t = explained(
      [created(z('2026-01-12T08:00')), status(z('2026-01-12T08:30'), 'on_hold')],
      z('2026-01-12T10:00'),
      enterprise,
      pausing,
    );
    expect(t.dueAt).toBeNull();
    expect(rows(t)).toEqual([
      ['open', '2026-01-12T08:00', '2026-01-12T08:30', 0.5, false, ''],
      ['paused', '2026-01-12T08:30', '2026-01-12T10:00', 0, false, 'on_hold'],
    ]);
  });

  it('solved stretches are solved spans (not counted); reopening resumes open time', () => {
    const events = [
      created(z('2026-01-12T08:00')),
      status(z('2026-01-12T08:30'), 'solved'),
      status(z('2026-01-12T09:00'), 'reopened'),
    ];
    expect(rows(explained(events, z('2026-01-12T09:30'), enterprise))).toEqual([
      ['open', '2026-01-12T08:00', '2026-01-12T08:30', 0.5, false, ''],
      ['solved', '2026-01-12T08:30', '2026-01-12T09:00', 0, false, 'solved'],
      ['open', '2026-01-12T09:00', '2026-01-12T09:30', 0.5, false, ''],
      ['open', '2026-01-12T09:30', '2026-01-12T10:30', 1, true, ''],
    ]);
  });

  it('a clock stopped short of its target is projected from its stop to its due instant', () => {
    const answered = explained(
      [created(z('2026-01-12T08:00')), { kind: 'reply', at: z('2026-01-12T08:30'), author: 'agent' }],
      z('2026-01-12T12:00'),
      enterprise,
    );
    expect(rows(answered)).toEqual([
      ['open', '2026-01-12T08:00', '2026-01-12T08:30', 0.5, false, ''],
      ['open', '2026-01-12T08:30', '2026-01-12T10:00', 1.5, true, ''],
    ]);
    const solved = explained(
      [created(z('2026-01-12T08:00')), status(z('2026-01-12T08:30'), 'solved')],
      z('2026-01-12T12:00'),
      enterprise,
    );
    expect(rows(solved).slice(1)).toEqual([
      ['solved', '2026-01-12T08:30', '2026-01-12T12:00', 0, false, 'solved'],
      ['open', '2026-01-12T08:30', '2026-01-12T10:00', 1.5, true, ''],
    ]);
  });

  it('a reached target is not projected: the spans end at now and count the whole elapsed time', () => {
    const t = explained([created(z('2026-01-12T08:00'))], z('2026-01-12T11:00'), enterprise);
    expect(t.state).toBe('breached');
    expect(rows(t)).toEqual([['open', '2026-01-12T08:00', '2026-01-12T11:00', 3, false, '']]);
  });

  it('a 24/7 target has only open spans, even outside dedicated-hours', () => {
    const vip = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };
    const t = explained(
      [created(z('2026-01-17T03:00'), 'sev1')],
      z('2026-01-17T03:30'),
      vip,
      parsePolicy(dedicatedSupport),
    );
    expect(rows(t)).toEqual([
      ['open', '2026-01-17T03:00', '2026-01-17T03:30', 0.5, false, ''],
      ['open', '2026-01-17T03:30', '2026-01-17T04:00', 0.5, true, ''],
    ]);
  });
});

describe('what every explanation satisfies', () => {
  const cal = compileCalendar(std.calendars['support-hours']!);
  const d = z('2026-01-02T16:00'); // Friday 17:00 Madrid, before a weekend and Epiphany
  const timelines: [TicketEvent[], number][] = [
    [[created(d)], d + 100 * HOUR],
    [[created(d), status(d + 70 * HOUR, 'solved'), status(d + 90 * HOUR, 'reopened')], d + 120 * HOUR],
    [[created(d), status(d + 70 * HOUR, 'solved')], d + 80 * HOUR],
    [[created(d), { kind: 'reply', at: d + 66 * HOUR, author: 'agent' }], d + 200 * HOUR],
    [[created(d)], d + 300 * HOUR],
  ];

  it('non-projected spans run contiguously from the start; their counted time is the elapsed time', () => {
    for (const [events, now] of timelines) {
      const t = explained(events, now);
      const past = t.spans!.filter((s) => !s.projected);
      expect(past[0]?.from).toBe(t.startedAt);
      past.slice(1).forEach((s, i) => expect(s.from).toBe(past[i]!.to));
      expect(past.reduce((sum, s) => sum + s.countedMs, 0)).toBe(t.elapsedMs);
    }
  });

  it('projected spans run contiguously from the stop (or now) to the due instant and count the remaining time', () => {
    for (const [events, now] of timelines) {
      const t = explained(events, now);
      const ahead = t.spans!.filter((s) => s.projected);
      if (t.elapsedMs >= t.targetMs) {
        expect(ahead).toEqual([]);
        continue;
      }
      expect(ahead[0]?.from).toBe(t.stoppedAt ?? now);
      ahead.slice(1).forEach((s, i) => expect(s.from).toBe(ahead[i]!.to));
      expect(ahead.at(-1)?.to).toBe(t.dueAt);
      expect(ahead.reduce((sum, s) => sum + s.countedMs, 0)).toBe(t.remainingMs);
    }
  });

  it('open spans are wholly open on the calendar, closed and holiday spans wholly closed; spans are frozen', () => {
    for (const [events, now] of timelines) {
      const t = explained(events, now);
      expect(Object.isFrozen(t.spans)).toBe(true);
      for (const s of t.spans!) {
        expect(Object.isFrozen(s)).toBe(true);
        if (s.kind === 'open') expect(cal.between(s.from, s.to)).toBe(s.to - s.from);
        if (s.kind === 'closed' || s.kind === 'holiday') expect(cal.between(s.from, s.to)).toBe(0);
      }
    }
  });

  it('without explain there are no spans', () => {
    const [t] = measure(std, premium, [created(d)], d + HOUR).targets;
    expect(t && 'spans' in t).toBe(false);
  });
});
