import { describe, expect, it } from 'vitest';
import {
  dedicatedSupport,
  type MeasureResult,
  measure,
  parsePolicy,
  standardSupport,
  type TargetMeasurement,
  type TicketEvent,
} from '../index.js';

// Instants by hand: in January Bratislava and Madrid are UTC+1. dedicated-hours (09:00–17:00
// Bratislava) are 08:00Z–16:00Z on weekdays; support-hours (08:00–18:00 Madrid) 07:00Z–17:00Z.
// MON is Monday 12 January 2026, 09:00 in Bratislava and in Madrid.
const MIN = 60_000;
const HOUR = 3_600_000;
const MON = Date.parse('2026-01-12T08:00:00Z');
const ded = parsePolicy(dedicatedSupport);
const vip = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };

const created = (at: number, severity: string): TicketEvent => ({ kind: 'created', at, severity });
const agent = (at: number): TicketEvent => ({ kind: 'reply', at, author: 'agent' });
const customer = (at: number): TicketEvent => ({ kind: 'reply', at, author: 'customer' });
const severity = (at: number, level: string): TicketEvent => ({ kind: 'severity', at, severity: level });
const status = (at: number, s: 'open' | 'waiting_on_customer' | 'on_hold' | 'solved' | 'reopened'): TicketEvent => ({
  kind: 'status',
  at,
  status: s,
});
const run = (events: TicketEvent[], now: number) => measure(ded, vip, events, now);
const brief = (t: TargetMeasurement) => [t.metric, t.cycle, t.startedAt, t.state];
function byMetric(r: MeasureResult, metric: string, cycle: number | null = null): TargetMeasurement {
  const t = r.targets.find((x) => x.metric === metric && x.cycle === cycle);
  expect(t, `${metric} ${cycle}`).toBeDefined();
  return t!;
}

describe('periodic updates (sev1/sev2: PT4H on the 24/7 clock, from the first response until solved)', () => {
  it('each agent reply ends the open cycle and opens the next; customer replies do nothing', () => {
    const events = [
      created(MON, 'sev2'),
      agent(MON + 30 * MIN),
      customer(MON + HOUR),
      agent(MON + 2 * HOUR),
      customer(MON + 3 * HOUR),
      customer(MON + 3.5 * HOUR),
    ];
    const r = run(events, MON + 8 * HOUR);
    expect(r.targets.map(brief)).toEqual([
      ['firstResponse', null, MON, 'achieved'],
      ['periodicUpdate', 1, MON + 30 * MIN, 'achieved'],
      ['periodicUpdate', 2, MON + 2 * HOUR, 'breached'],
    ]);
    // Cycle 1: 09:30 to 11:00 Bratislava, 1 h 30 min of the 4 h.
    expect(byMetric(r, 'periodicUpdate', 1)).toMatchObject({
      targetMs: 4 * HOUR,
      clock: '24/7',
      stoppedAt: MON + 2 * HOUR,
      elapsedMs: 90 * MIN,
      dueAt: MON + 4.5 * HOUR,
    });
    // Cycle 2 runs from 11:00 (the customer's 12:00 and 12:30 replies neither end nor open a
    // cycle): due 15:00; at 17:00 6 h have elapsed, 2 h over.
    expect(byMetric(r, 'periodicUpdate', 2)).toMatchObject({
      stoppedAt: null,
      elapsedMs: 6 * HOUR,
      breachedByMs: 2 * HOUR,
      dueAt: MON + 6 * HOUR,
    });
  });

  it('the follow-up of a customer message is not measured for sev1/sev2: the periodic update replaces it', () => {
    const r = run([created(MON, 'sev1'), agent(MON + 10 * MIN), customer(MON + 20 * MIN)], MON + HOUR);
    expect(r.targets.map((t) => t.metric)).toEqual(['firstResponse', 'periodicUpdate']);
  });

  it('customer replies before the first agent reply open nothing: the first cycle opens at the first response', () => {
    const r = run(
      [created(MON, 'sev1'), customer(MON + 10 * MIN), customer(MON + 20 * MIN), agent(MON + 30 * MIN)],
      MON + HOUR,
    );
    expect(r.targets.map(brief)).toEqual([
      ['firstResponse', null, MON, 'achieved'],
      ['periodicUpdate', 1, MON + 30 * MIN, 'running'],
    ]);
    expect(r.targets[0]).toMatchObject({ stoppedAt: MON + 30 * MIN, elapsedMs: 30 * MIN });
    // 09:30 + 4 h = 13:30 Bratislava; at 10:00, 30 min used.
    expect(byMetric(r, 'periodicUpdate', 1)).toMatchObject({ elapsedMs: 30 * MIN, dueAt: MON + 4.5 * HOUR });
  });

  it('two agent replies at one instant act as one: no zero-length cycle', () => {
    const r = run([created(MON, 'sev1'), agent(MON + 10 * MIN), agent(MON + HOUR), agent(MON + HOUR)], MON + 2 * HOUR);
    expect(r.targets.map(brief)).toEqual([
      ['firstResponse', null, MON, 'achieved'],
      ['periodicUpdate', 1, MON + 10 * MIN, 'achieved'],
      ['periodicUpdate', 2, MON + HOUR, 'running'],
    ]);
    expect(byMetric(r, 'periodicUpdate', 1)).toMatchObject({ elapsedMs: 50 * MIN, stoppedAt: MON + HOUR });
  });

  it('waiting on the customer does not pause it: 4 h 50 min without an update is breached by 50 min', () => {
    const r = run(
      [created(MON, 'sev1'), agent(MON + 10 * MIN), status(MON + 20 * MIN, 'waiting_on_customer')],
      MON + 5 * HOUR,
    );
    expect(byMetric(r, 'periodicUpdate', 1)).toMatchObject({
      state: 'breached',
      elapsedMs: 290 * MIN,
      breachedByMs: 50 * MIN,
      dueAt: MON + 250 * MIN,
    });
  });

  it('solved stops the open cycle; reopened, it runs on from where it stopped', () => {
    const events = [created(MON, 'sev1'), agent(MON + 10 * MIN), status(MON + 20 * MIN, 'solved')];
    // Stopped at 09:20 with 10 min used: it would have been due 3 h 50 min later, at 13:10.
    expect(byMetric(run(events, MON + 10 * HOUR), 'periodicUpdate', 1)).toMatchObject({
      state: 'achieved',
      stoppedAt: MON + 20 * MIN,
      elapsedMs: 10 * MIN,
      dueAt: MON + 4 * HOUR + 10 * MIN,
    });
    // Reopened at 11:00, measured at 12:00: 10 min + 1 h used, 2 h 50 min left: due 14:50.
    const reopened = run([...events, status(MON + 2 * HOUR, 'reopened')], MON + 3 * HOUR);
    expect(byMetric(reopened, 'periodicUpdate', 1)).toMatchObject({
      state: 'running',
      stoppedAt: null,
      elapsedMs: 70 * MIN,
      dueAt: MON + 5 * HOUR + 50 * MIN,
    });
  });

  it('sev1 runs on the 24/7 clock: at night on a Saturday too', () => {
    const saturday3 = Date.parse('2026-01-17T03:00:00Z');
    const t = byMetric(run([created(saturday3, 'sev1')], saturday3 + 30 * MIN), 'firstResponse');
    expect(t).toMatchObject({
      clock: '24/7',
      state: 'running',
      elapsedMs: 30 * MIN,
      dueAt: saturday3 + HOUR,
      thresholds: [{ at: saturday3 + 45 * MIN }],
    });
  });
});

describe('business-day targets on dedicated-hours', () => {
  it("sev4 P1D created Friday 18:00 Bratislava (after closing) is due at Monday's closing, 17:00: 8 business hours", () => {
    const friday18 = Date.parse('2026-01-16T17:00:00Z');
    const t = byMetric(run([created(friday18, 'sev4')], friday18), 'firstResponse');
    expect(t).toMatchObject({
      targetMs: 8 * HOUR,
      dueAt: Date.parse('2026-01-19T16:00:00Z'),
      clock: 'dedicated-hours',
      duration: { iso: 'P1D' },
    });
  });

  it('a sev3 follow-up (P2D) opened Thursday 16:00 is due Monday 16:00 Bratislava: 16 business hours', () => {
    const thursday10 = Date.parse('2026-01-15T09:00:00Z');
    const thursday16 = Date.parse('2026-01-15T15:00:00Z');
    const friday13 = Date.parse('2026-01-16T12:00:00Z'); // 1 h on Thursday + 4 h on Friday
    const r = run([created(thursday10, 'sev3'), agent(thursday10 + 30 * MIN), customer(thursday16)], friday13);
    expect(byMetric(r, 'followUp', 1)).toMatchObject({
      targetMs: 16 * HOUR,
      elapsedMs: 5 * HOUR,
      dueAt: Date.parse('2026-01-19T15:00:00Z'),
      state: 'running',
    });
  });

  it("'typical' figures are not measured: sev3 measures PT2H (not PT1H), sev4 P1D on dedicated-hours (not PT24H on 24/7)", () => {
    const iso = (level: string) =>
      run([created(MON, level)], MON).targets.map((t) => `${t.metric} ${t.duration.iso} ${t.clock}`);
    expect(iso('sev3')).toEqual(['firstResponse PT2H dedicated-hours']);
    expect(iso('sev4')).toEqual(['firstResponse P1D dedicated-hours']);
    expect(iso('sev1')).toEqual(['firstResponse PT1H 24/7']);
  });
});

describe('a severity change re-targets every clock that has not ended and is not breached, from its start', () => {
  it('lowered below the elapsed time (sev4 → sev1 after 90 min) breaches at once, due before the change', () => {
    const r = run([created(MON, 'sev4'), severity(MON + 90 * MIN, 'sev1')], MON + 90 * MIN);
    expect(r.severity).toBe('sev1');
    expect(byMetric(r, 'firstResponse')).toMatchObject({
      severity: 'sev1',
      clock: '24/7',
      targetMs: HOUR,
      state: 'breached',
      breachedByMs: 30 * MIN,
      dueAt: MON + HOUR,
    });
  });

  it('sev4 → sev3 re-targets to PT2H on dedicated-hours, due two business hours after creation', () => {
    const t = byMetric(run([created(MON, 'sev4'), severity(MON + 30 * MIN, 'sev3')], MON + HOUR), 'firstResponse');
    expect(t).toMatchObject({
      severity: 'sev3',
      targetMs: 2 * HOUR,
      dueAt: MON + 2 * HOUR,
      state: 'running',
      elapsedMs: HOUR,
    });
  });

  it('set to exactly the elapsed time leaves the clock met: a reply at that instant is achieved', () => {
    const events = [created(MON, 'sev4'), severity(MON + HOUR, 'sev1')];
    expect(byMetric(run(events, MON + HOUR), 'firstResponse')).toMatchObject({
      state: 'running',
      remainingMs: 0,
      dueAt: MON + HOUR,
    });
    expect(byMetric(run([...events, agent(MON + HOUR)], MON + 2 * HOUR), 'firstResponse')).toMatchObject({
      state: 'achieved',
      breachedByMs: 0,
    });
  });

  it('after the first response it changes nothing about it; a periodic update sev1 adds runs from the last agent reply', () => {
    const r = run(
      [created(MON, 'sev4'), agent(MON + 30 * MIN), severity(MON + HOUR, 'sev1'), customer(MON + 2 * HOUR)],
      MON + 3 * HOUR,
    );
    expect(byMetric(r, 'firstResponse')).toMatchObject({
      severity: 'sev4',
      targetMs: 8 * HOUR,
      clock: 'dedicated-hours',
      state: 'achieved',
    });
    // The cycle opened at the 09:30 agent reply: at 12:00, 2 h 30 min of the 4 h, due 13:30.
    expect(byMetric(r, 'periodicUpdate', 1)).toMatchObject({
      severity: 'sev1',
      startedAt: MON + 30 * MIN,
      targetMs: 4 * HOUR,
      state: 'running',
      elapsedMs: 150 * MIN,
      dueAt: MON + 4.5 * HOUR,
    });
  });

  it('after a breach it changes nothing: the breached clock keeps its target', () => {
    const r = run([created(MON, 'sev1'), severity(MON + 2 * HOUR, 'sev4'), agent(MON + 3 * HOUR)], MON + 4 * HOUR);
    expect(r.severity).toBe('sev4');
    expect(byMetric(r, 'firstResponse')).toMatchObject({
      severity: 'sev1',
      targetMs: HOUR,
      state: 'breached',
      breachedByMs: 2 * HOUR,
    });
  });

  it('a metric the new level lacks is no longer measured (an open sev1 periodic update after → sev4)', () => {
    const r = run(
      [created(MON, 'sev1'), agent(MON + 10 * MIN), customer(MON + 20 * MIN), severity(MON + 30 * MIN, 'sev4')],
      MON + HOUR,
    );
    expect(r.targets.map(brief)).toEqual([['firstResponse', null, MON, 'achieved']]);
  });

  it('a metric the new level adds is measured from its clock start (sev4 → sev3: P2D from the cycle start)', () => {
    const r = run(
      [created(MON, 'sev4'), agent(MON + 10 * MIN), customer(MON + 20 * MIN), severity(MON + HOUR, 'sev3')],
      MON + 2 * HOUR,
    );
    // Mon 09:20 + 2 business days = Wed 09:20: 16 h; 1 h 40 min elapsed; due Wed 09:20 Bratislava.
    expect(byMetric(r, 'followUp', 1)).toMatchObject({
      severity: 'sev3',
      startedAt: MON + 20 * MIN,
      targetMs: 16 * HOUR,
      elapsedMs: 100 * MIN,
      dueAt: Date.parse('2026-01-14T08:20:00Z'),
    });
  });

  it('a plan event that drops the add-on leaves no target to measure (the plan itself has none)', () => {
    const r = run(
      [created(MON, 'sev1'), { kind: 'plan', at: MON + 10 * MIN, plan: 'all_inclusive', addOns: [] }],
      MON + HOUR,
    );
    expect([r.plan, r.severity, r.targets, r.nextCheckAt]).toEqual(['all_inclusive', 'sev1', [], null]);
  });
});

describe('pauses, warnings and the next check (a policy whose Enterprise targets pause)', () => {
  const doc = structuredClone(standardSupport) as unknown as { plans: Record<string, { targets: unknown[] }> };
  doc.plans['enterprise']!.targets = [
    { metric: 'firstResponse', duration: 'PT2H', clock: 'support-hours', pauseOn: ['waiting_on_customer'] },
    { metric: 'resolution', duration: 'PT8H', clock: 'support-hours', pauseOn: ['waiting_on_customer', 'on_hold'] },
  ];
  const paused = parsePolicy(doc);
  const enterprise = { type: 'direct', plan: 'enterprise' };
  const at = (events: TicketEvent[], now: number) =>
    measure(paused, enterprise, [created(MON, 'major'), ...events], now);

  it('while paused a clock has no due instant, its warnings no instant, and there is no next check', () => {
    const r = at([status(MON + 30 * MIN, 'waiting_on_customer')], MON + HOUR);
    expect(r.targets.map((t) => [t.metric, t.state, t.dueAt, t.elapsedMs, t.thresholds[0]?.at])).toEqual([
      ['firstResponse', 'paused', null, 30 * MIN, null],
      ['resolution', 'paused', null, 30 * MIN, null],
    ]);
    expect(r.nextCheckAt).toBeNull();
  });

  it('paused exactly at the due instant: paused, nothing remaining, due that instant', () => {
    const r = at([status(MON + 2 * HOUR, 'waiting_on_customer')], MON + 3 * HOUR);
    expect(byMetric(r, 'firstResponse')).toMatchObject({
      state: 'paused',
      remainingMs: 0,
      dueAt: MON + 2 * HOUR,
      thresholds: [{ at: MON + 90 * MIN, reached: true }],
    });
  });

  it('a pause extends the deadline by the paused business time', () => {
    const r = at([status(MON + 30 * MIN, 'waiting_on_customer'), status(MON + HOUR, 'open')], MON + HOUR);
    expect(byMetric(r, 'firstResponse')).toMatchObject({
      state: 'running',
      elapsedMs: 30 * MIN,
      dueAt: MON + 2.5 * HOUR,
    });
  });

  it('each target pauses on its own statuses: on_hold pauses resolution, not the first response', () => {
    const r = at([status(MON + 30 * MIN, 'on_hold')], MON + HOUR);
    expect(r.targets.map((t) => [t.metric, t.state, t.elapsedMs])).toEqual([
      ['firstResponse', 'running', HOUR],
      ['resolution', 'paused', 30 * MIN],
    ]);
    expect(r.nextCheckAt).toBe(MON + 90 * MIN);
  });

  it('nextCheckAt is the earliest future warning or breach (1 ms past due) of the running clocks', () => {
    expect(at([], MON + HOUR).nextCheckAt).toBe(MON + 90 * MIN); // first response's warning
    expect(at([], MON + 100 * MIN).nextCheckAt).toBe(MON + 2 * HOUR + 1); // first response's breach
    // Answered: resolution alone, 8 h from 09:00 Madrid: warning at 15:00, due at 17:00.
    expect(at([agent(MON + HOUR)], MON + HOUR).nextCheckAt).toBe(MON + 6 * HOUR);
    expect(at([agent(MON + HOUR)], MON + 7 * HOUR).nextCheckAt).toBe(MON + 8 * HOUR + 1);
    expect(at([agent(MON + HOUR), status(MON + 2 * HOUR, 'solved')], MON + 2 * HOUR).nextCheckAt).toBeNull();
  });

  it('a deadline at a closing, still running after it, breaches just after the next opening', () => {
    // Monday 16:00 Madrid, 2 h: due at the 18:00 closing; at 19:30 nothing remains, and the clock
    // breaches at Tuesday 08:00:00.001.
    const r = measure(paused, enterprise, [created(MON + 7 * HOUR, 'major')], MON + 10.5 * HOUR);
    expect(byMetric(r, 'firstResponse')).toMatchObject({ state: 'running', remainingMs: 0, dueAt: MON + 9 * HOUR });
    expect(r.nextCheckAt).toBe(MON + 23 * HOUR + 1);
  });
});
