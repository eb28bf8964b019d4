import { describe, expect, it } from 'vitest';
import { helpdeskPolicy } from '../../test/arbitraries/helpdeskPolicy.js';
import { complianceReport, type MeasureResult, measure, type TargetMeasurement, type TicketEvent } from '../index.js';

// A helpdesk's own policy (test/arbitraries/helpdeskPolicy.ts): statuses new, open, pending, hold,
// solved, closed; office hours 09:00–17:00 in Berlin. In March 2026 before the 29th Berlin is UTC+1:
// T0 is Monday 2 March 2026, 09:00 in Berlin.
const MIN = 60_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T08:00:00Z');
const pro = { type: 'customer', plan: 'pro' } as const;
const basic = { type: 'customer', plan: 'basic' } as const;

const created = (at: number, severity = 'urgent'): Extract<TicketEvent, { kind: 'created' }> => ({
  kind: 'created',
  at,
  severity,
});
const agent = (at: number): TicketEvent => ({ kind: 'reply', at, author: 'agent' });
const status = (at: number, s: string): TicketEvent => ({ kind: 'status', at, status: s });
const rows = (r: MeasureResult) => r.targets.map((t) => [t.id, t.metric, t.cycle]);
const target = (r: MeasureResult, id: string, cycle: number | null = null): TargetMeasurement => {
  const t = r.targets.find((x) => x.id === id && x.cycle === cycle);
  expect(t, `${id} ${cycle}`).toBeDefined();
  return t!;
};
const thresholds = (t: TargetMeasurement) =>
  t.thresholds.map((w) => [w.id, w.at === null ? null : w.at - T0, w.reached]);

describe('periodic updates: every agent reply ends the open cycle and opens the next', () => {
  const r = measure(
    helpdeskPolicy,
    pro,
    [created(T0), agent(T0 + HOUR), agent(T0 + 3 * HOUR), agent(T0 + 3 * HOUR), agent(T0 + 8 * HOUR)],
    T0 + 9 * HOUR,
  );

  it('lists first response, three periodic-update cycles (two replies at one instant act as one), then both resolution targets', () => {
    expect(rows(r)).toEqual([
      ['firstResponse', 'firstResponse', null],
      ['periodicUpdate', 'periodicUpdate', 1],
      ['periodicUpdate', 'periodicUpdate', 2],
      ['periodicUpdate', 'periodicUpdate', 3],
      ['requester_wait', 'resolution', null],
      ['agent_work', 'resolution', null],
    ]);
  });

  it('each cycle is measured like a follow-up: achieved within 4 hours, breached past them, running from the last reply', () => {
    const [one, two, three] = [1, 2, 3].map((n) => target(r, 'periodicUpdate', n));
    expect([one!.state, one!.elapsedMs, one!.dueAt! - T0]).toEqual(['achieved', 2 * HOUR, 5 * HOUR]);
    expect([two!.state, two!.breachedByMs, two!.dueAt! - T0]).toEqual(['breached', HOUR, 7 * HOUR]);
    expect([three!.state, three!.startedAt - T0, three!.dueAt! - T0]).toEqual(['running', 8 * HOUR, 12 * HOUR]);
    // The policy's 75 % warning (the target has no thresholds of its own): reached in cycle 2, ahead in cycle 3.
    expect(thresholds(two!)).toEqual([['warn-75', 6 * HOUR, true]]);
    expect(thresholds(three!)).toEqual([['warn-75', 11 * HOUR, false]]);
    expect(thresholds(one!)).toEqual([['warn-75', null, false]]);
  });

  it("a target's own thresholds replace the policy's, in their order: a warning at half, an escalation 30 minutes past due", () => {
    const first = target(r, 'firstResponse');
    expect([first.state, first.elapsedMs]).toEqual(['achieved', HOUR]); // exactly on time is met
    expect(thresholds(first)).toEqual([
      ['half', 30 * MIN, true],
      ['late', null, false], // stopped short of it
    ]);
    expect(first.thresholds[1]).toMatchObject({ percent: null, afterMs: 30 * MIN, elapsedMs: 90 * MIN });
  });

  it('escalations are reached while a breached clock runs on, and the next one is projected', () => {
    const work = target(r, 'agent_work');
    // 8 office hours (Monday 09:00–17:00) against 6: breached at 15:00.
    expect([work.state, work.dueAt! - T0, work.breachedByMs]).toEqual(['breached', 6 * HOUR, 2 * HOUR]);
    expect(thresholds(work)).toEqual([
      ['warn-80', 4 * HOUR + 48 * MIN, true],
      ['manager', 8 * HOUR, true], // 2 hours past due: Monday's closing
      ['director', 28 * HOUR, false], // 200 %: 4 more office hours, Tuesday 13:00
    ]);
    const wait = target(r, 'requester_wait');
    expect([wait.state, wait.elapsedMs, wait.remainingMs, wait.dueAt! - T0]).toEqual([
      'running',
      8 * HOUR,
      0,
      8 * HOUR,
    ]);
  });

  it('nextCheckAt is the earliest threshold or breach ahead: the third cycle’s warning', () => {
    expect(r.nextCheckAt! - T0).toBe(11 * HOUR);
  });
});

describe('nextCheckAt counts the escalations of a breached target whose clock runs on', () => {
  it("agent_work's director escalation, Tuesday 13:00, once nothing else lies ahead", () => {
    // Monday 09:00 created, answered at 10:00; measured Tuesday 12:00, before the director's 200 %.
    const r = measure(helpdeskPolicy, pro, [created(T0), agent(T0 + HOUR)], T0 + 27 * HOUR);
    const work = target(r, 'agent_work');
    expect(work.state).toBe('breached');
    expect(thresholds(work).at(-1)).toEqual(['director', 28 * HOUR, false]);
    const ahead = r.targets.flatMap((t) =>
      t.state === 'running' || t.state === 'breached' ? t.thresholds.filter((w) => !w.reached && w.at !== null) : [],
    );
    const breaches = r.targets.filter((t) => t.state === 'running' && t.dueAt !== null).map((t) => t.dueAt! + 1);
    expect(r.nextCheckAt).toBe(Math.min(...ahead.map((w) => w.at!), ...breaches));
    expect(r.nextCheckAt! - T0).toBeLessThanOrEqual(28 * HOUR);
  });

  it('a breached target alone: its next escalation is the next check', () => {
    const r = measure(
      helpdeskPolicy,
      pro,
      [created(T0), agent(T0 + HOUR), status(T0 + 26 * HOUR, 'hold')],
      T0 + 26 * HOUR,
    );
    const open = r.targets.filter((t) => t.state === 'running' || (t.state === 'breached' && t.stoppedAt === null));
    const projected = open.flatMap((t) => t.thresholds.filter((w) => !w.reached && w.at !== null).map((w) => w.at!));
    expect(projected.length).toBeGreaterThan(0);
    expect(r.nextCheckAt).toBe(
      Math.min(...projected, ...open.filter((t) => t.state === 'running').map((t) => t.dueAt! + 1)),
    );
  });
});

describe('a status vocabulary: each target pauses on its own statuses', () => {
  const r = measure(
    helpdeskPolicy,
    pro,
    [created(T0, 'normal'), status(T0 + HOUR, 'hold'), status(T0 + 3 * HOUR, 'open'), status(T0 + 4 * HOUR, 'pending')],
    T0 + 6 * HOUR,
  );

  it('tickets start in the initial status and report the status at now', () => {
    expect(measure(helpdeskPolicy, pro, [created(T0)], T0).status).toBe('new');
    expect(r.status).toBe('pending');
  });

  it('requester wait pauses on pending only, agent work on pending and hold', () => {
    const wait = target(r, 'requester_wait');
    const work = target(r, 'agent_work');
    expect([wait.state, wait.elapsedMs, wait.dueAt]).toEqual(['paused', 4 * HOUR, null]);
    expect([work.state, work.elapsedMs, work.dueAt]).toEqual(['paused', 2 * HOUR, null]);
    // Paused: no threshold can be scheduled.
    expect(work.thresholds.map((w) => w.at)).toEqual([null, null, null]);
  });

  it('the first response pauses on hold and runs through pending: breached, its escalation reached', () => {
    const first = target(r, 'firstResponse');
    expect([first.state, first.dueAt! - T0, first.breachedByMs]).toEqual(['breached', HOUR, 3 * HOUR]);
    expect(thresholds(first)).toEqual([
      ['half', 30 * MIN, true],
      ['late', 3 * HOUR + 30 * MIN, true],
    ]);
  });

  it('a status outside the vocabulary is refused, and so is "reopened", which only the default vocabulary knows', () => {
    for (const s of ['waiting_on_customer', 'reopened', 'Open']) {
      expect(() => measure(helpdeskPolicy, pro, [created(T0), status(T0, s)], T0)).toThrow(
        expect.objectContaining({ code: 'invalid_event', path: ['events', 1, 'status'] }),
      );
    }
  });
});

describe('closed: every clock stops for good, and nothing may follow', () => {
  const events = [created(T0), agent(T0 + 30 * MIN), status(T0 + HOUR, 'solved'), status(T0 + 2 * HOUR, 'closed')];

  it('solved then closed is one stopped period, from the solve', () => {
    const r = measure(helpdeskPolicy, pro, events, T0 + 5 * HOUR);
    expect(r.status).toBe('closed');
    expect(r.nextCheckAt).toBeNull();
    const wait = target(r, 'requester_wait');
    expect([wait.state, wait.stoppedAt! - T0, wait.elapsedMs]).toEqual(['achieved', HOUR, HOUR]);
    expect(target(r, 'periodicUpdate', 1).stoppedAt! - T0).toBe(HOUR);
  });

  it('an event after closed is refused — at the same instant, later, or after now — naming it', () => {
    for (const extra of [agent(T0 + 2 * HOUR), status(T0 + 3 * HOUR, 'open'), agent(T0 + 99 * HOUR)]) {
      expect(() => measure(helpdeskPolicy, pro, [...events, extra], T0 + 5 * HOUR)).toThrow(
        expect.objectContaining({ code: 'invalid_event', path: ['events', 4] }),
      );
    }
  });
});

describe('a plan change adds and drops targets by id', () => {
  it('basic → pro: requester wait appears, measured from creation; agent work and first response take pro’s targets', () => {
    const r = measure(
      helpdeskPolicy,
      basic,
      [created(T0), { kind: 'plan', at: T0 + 2 * HOUR, plan: 'pro' }],
      T0 + 3 * HOUR,
    );
    expect(rows(r)).toEqual([
      ['firstResponse', 'firstResponse', null],
      ['requester_wait', 'resolution', null],
      ['agent_work', 'resolution', null],
    ]);
    // Pro's first response (1 hour on the 24/7 clock) is past at the change: breached, due before it.
    const first = target(r, 'firstResponse');
    expect([first.state, first.dueAt! - T0, first.clock]).toEqual(['breached', HOUR, '24/7']);
    expect([target(r, 'requester_wait').elapsedMs, target(r, 'requester_wait').startedAt]).toEqual([3 * HOUR, T0]);
    expect([target(r, 'agent_work').targetMs, target(r, 'agent_work').dueAt! - T0]).toEqual([6 * HOUR, 6 * HOUR]);
  });

  it('pro → basic: requester wait is dropped (basic has none), agent work takes basic’s two business days', () => {
    const r = measure(
      helpdeskPolicy,
      pro,
      [created(T0), { kind: 'plan', at: T0 + 2 * HOUR, plan: 'basic' }],
      T0 + 3 * HOUR,
    );
    expect(rows(r).map((x) => x[0])).toEqual(['firstResponse', 'agent_work']);
    // Two business days from Monday 09:00: to Wednesday 09:00, 16 office hours.
    expect(target(r, 'agent_work').targetMs).toBe(16 * HOUR);
  });

  it('a breached target is kept through the change, with its own target', () => {
    const r = measure(
      helpdeskPolicy,
      pro,
      [created(T0), { kind: 'plan', at: T0 + 7 * HOUR, plan: 'basic' }],
      T0 + 8 * HOUR,
    );
    const work = target(r, 'agent_work');
    expect([work.state, work.targetMs, work.plan]).toEqual(['breached', 6 * HOUR, 'pro']);
    expect(rows(r).map((x) => x[0])).toEqual(['firstResponse', 'agent_work']);
  });
});

describe('SLA rules: the first rule a ticket’s fields, plan and severity match sets its targets', () => {
  const vip = { tags: ['vip', 'eu'] };

  it('a VIP ticket on pro gets the vip rule’s targets, and says which rule and why', () => {
    const r = measure(helpdeskPolicy, pro, [{ ...created(T0, 'normal'), fields: vip }], T0 + HOUR);
    expect(rows(r)).toEqual([
      ['firstResponse', 'firstResponse', null],
      ['agent_work', 'resolution', null],
    ]);
    expect(r.rule).toEqual({
      id: 'vip',
      index: 0,
      reasons: ['tags has tag "vip" (ticket: ["vip", "eu"])', 'plan is "pro" (ticket: "pro")'],
    });
    const first = target(r, 'firstResponse');
    expect([first.targetMs, first.state, first.source]).toEqual([
      30 * MIN,
      'breached',
      { kind: 'rule', id: 'vip', path: ['sla', 'rules', 0, 'targets', 0] },
    ]);
  });

  it('rules are tried in order: a VIP urgent phone ticket gets the first match (vip), not urgent_phone', () => {
    const r = measure(helpdeskPolicy, pro, [{ ...created(T0), fields: { ...vip, channel: 'phone' } }], T0);
    expect(r.rule?.id).toBe('vip');
    const other = measure(helpdeskPolicy, basic, [{ ...created(T0), fields: { ...vip, channel: 'phone' } }], T0);
    expect(other.rule?.id).toBe('urgent_phone'); // vip needs plan pro
    expect(rows(other)).toEqual([['firstResponse', 'firstResponse', null]]);
  });

  it('no rule matching: the plan’s targets, and rule null', () => {
    const r = measure(helpdeskPolicy, pro, [{ ...created(T0, 'normal'), fields: { channel: 'phone' } }], T0);
    expect(r.rule).toBeNull();
    expect(rows(r).map((x) => x[0])).toEqual(['firstResponse', 'requester_wait', 'agent_work']);
  });

  it('a fields event re-selects like a severity change: unbreached clocks take the new rule’s targets from their start', () => {
    const events = [created(T0, 'normal'), { kind: 'fields', at: T0 + 20 * MIN, fields: { tags: ['vip'] } } as const];
    const r = measure(helpdeskPolicy, pro, events, T0 + 25 * MIN);
    expect(r.rule?.id).toBe('vip');
    const first = target(r, 'firstResponse');
    expect([first.targetMs, first.elapsedMs, first.dueAt! - T0]).toEqual([30 * MIN, 25 * MIN, 30 * MIN]);
    // requester_wait is not a target of the rule: no longer measured.
    expect(rows(r).map((x) => x[0])).toEqual(['firstResponse', 'agent_work']);
    // Removing the tag (null) goes back to the plan's targets.
    const back = measure(
      helpdeskPolicy,
      pro,
      [...events, { kind: 'fields', at: T0 + 25 * MIN, fields: { tags: null } }],
      T0 + 25 * MIN,
    );
    expect([back.rule, target(back, 'firstResponse').targetMs]).toEqual([null, HOUR]);
  });

  it('a breach under one rule stays when the fields change', () => {
    const events = [
      { ...created(T0, 'normal'), fields: vip },
      { kind: 'fields', at: T0 + 40 * MIN, fields: { tags: [] } } as const,
    ];
    const first = target(measure(helpdeskPolicy, pro, events, T0 + 50 * MIN), 'firstResponse');
    expect([first.state, first.targetMs, first.source.kind]).toEqual(['breached', 30 * MIN, 'rule']);
  });

  it('bad fields are refused with the path of the field', () => {
    const bad = (fields: unknown, path: (string | number)[]) =>
      expect(() => measure(helpdeskPolicy, pro, [{ ...created(T0), fields } as TicketEvent], T0)).toThrow(
        expect.objectContaining({ code: 'invalid_event', path }),
      );
    bad({ Channel: 'x' }, ['events', 0, 'fields', 'Channel']);
    bad({ channel: { nested: true } }, ['events', 0, 'fields', 'channel']);
    bad({ score: Number.NaN }, ['events', 0, 'fields', 'score']);
    bad({ tags: ['ok', 3] }, ['events', 0, 'fields', 'tags']);
    bad('channel=email', ['events', 0, 'fields']);
    expect(() =>
      measure(helpdeskPolicy, pro, [created(T0), { kind: 'fields', at: T0 } as unknown as TicketEvent], T0),
    ).toThrow(expect.objectContaining({ code: 'invalid_event', path: ['events', 1, 'fields'] }));
  });
});

describe('clocks chosen per ticket: by a field, or by the account', () => {
  // T0 is Monday 08:00Z: 03:00 in New York (UTC−5), 17:00 in Tokyo (UTC+9).
  const tokyoDay: [string, string][] = [['09:00', '18:00']];
  const tokyo = { zone: 'Asia/Tokyo', week: { 1: tokyoDay, 2: tokyoDay, 3: tokyoDay, 4: tokyoDay, 5: tokyoDay } };

  it("the account's calendar, by id: basic's first response runs on New York hours", () => {
    const r = measure(helpdeskPolicy, { ...basic, calendar: 'new_york' }, [created(T0)], T0);
    const first = target(r, 'firstResponse');
    // New York opens at 09:00 (14:00Z), then 4 hours: 18:00Z.
    expect([first.clock, first.dueAt! - T0]).toEqual(['new_york', 10 * HOUR]);
  });

  it("the account's own calendar definition: shown as clock 'account'", () => {
    const r = measure(helpdeskPolicy, { ...basic, calendar: tokyo }, [created(T0)], T0);
    const first = target(r, 'firstResponse');
    // Tokyo's Monday has one open hour left (17:00–18:00), then Tuesday 09:00–12:00: 03:00Z.
    expect([first.clock, first.dueAt! - T0]).toEqual(['account', 19 * HOUR]);
  });

  it("without a calendar of its own the account's tickets use the target's `otherwise`", () => {
    expect(target(measure(helpdeskPolicy, basic, [created(T0)], T0), 'firstResponse').clock).toBe('office');
  });

  it('an account calendar the policy does not have, or a bad definition, is refused at account.calendar', () => {
    expect(() => measure(helpdeskPolicy, { ...basic, calendar: 'mars' }, [created(T0)], T0)).toThrow(
      expect.objectContaining({ code: 'unknown_reference', path: ['account', 'calendar'] }),
    );
    expect(() =>
      measure(helpdeskPolicy, { ...basic, calendar: { zone: 'Mars/Olympus', week: {} } } as never, [created(T0)], T0),
    ).toThrow(expect.objectContaining({ code: 'invalid_account', path: ['account', 'calendar'] }));
  });

  it("a field: pro's follow-ups run on the calendar of the ticket's group, and a group change re-targets", () => {
    const events: TicketEvent[] = [
      { ...created(T0, 'normal'), fields: { group: 'us' } },
      agent(T0 + HOUR),
      { kind: 'reply', at: T0 + 2 * HOUR, author: 'customer' },
    ];
    const us = target(measure(helpdeskPolicy, pro, events, T0 + 3 * HOUR), 'followUp', 1);
    // 10:00Z is 05:00 in New York: 2 hours from its opening (14:00Z) is 16:00Z.
    expect([us.clock, us.dueAt! - T0]).toEqual(['new_york', 8 * HOUR]);
    const moved = [...events, { kind: 'fields', at: T0 + 3 * HOUR, fields: { group: 'emea' } } as const];
    const emea = target(measure(helpdeskPolicy, pro, moved, T0 + 3 * HOUR), 'followUp', 1);
    // In Berlin the cycle ran from 11:00 to 12:00 local: 1 hour elapsed, due at 13:00 (12:00Z).
    expect([emea.clock, emea.elapsedMs, emea.dueAt! - T0]).toEqual(['office', HOUR, 4 * HOUR]);
  });
});

describe('compliance rows per target id', () => {
  it('two resolution targets of one ticket are two rows, told apart by target', () => {
    const r = measure(
      helpdeskPolicy,
      pro,
      [created(T0, 'normal'), agent(T0 + HOUR), status(T0 + 2 * HOUR, 'solved')],
      T0 + 3 * HOUR,
    );
    const rows = complianceReport([r], { period: 'all' });
    expect(rows.map((x) => [x.metric, x.target, x.met, x.breached])).toEqual([
      ['firstResponse', 'firstResponse', 1, 0],
      ['resolution', 'agent_work', 1, 0],
      ['resolution', 'requester_wait', 1, 0],
    ]);
  });
});
