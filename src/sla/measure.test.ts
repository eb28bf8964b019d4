import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import {
  type MeasureResult,
  measure,
  parsePolicy,
  policyFingerprint,
  standardSupport,
  type TargetMeasurement,
  type TicketEvent,
} from '../index.js';

// Instants by hand: in January Madrid is UTC+1, so support-hours (08:00–18:00 Madrid) are
// 07:00Z–17:00Z on weekdays. MON is Monday 12 January 2026 at 09:00 in Madrid.
const MIN = 60_000;
const HOUR = 3_600_000;
const MON = Date.parse('2026-01-12T08:00:00Z');
const std = parsePolicy(standardSupport);
const direct = (plan: string) => ({ type: 'direct', plan });
const enterprise = direct('enterprise');

const created = (at: number, severity?: string): TicketEvent =>
  severity === undefined ? { kind: 'created', at } : { kind: 'created', at, severity };
const agent = (at: number): TicketEvent => ({ kind: 'reply', at, author: 'agent' });
const customer = (at: number): TicketEvent => ({ kind: 'reply', at, author: 'customer' });
const status = (at: number, s: 'open' | 'waiting_on_customer' | 'on_hold' | 'solved' | 'reopened'): TicketEvent => ({
  kind: 'status',
  at,
  status: s,
});

/** The single measured target of a result (fails when there is not exactly one). */
function single(r: MeasureResult): TargetMeasurement {
  expect(r.targets).toHaveLength(1);
  return r.targets[0]!;
}
const firstResponse = (events: TicketEvent[], now: number, account: object = enterprise) =>
  single(measure(std, account as never, events, now));

describe('first response: met exactly at the due instant, breached one millisecond later', () => {
  it('a reply exactly at the due instant is achieved (Enterprise PT2H from 09:00 is due 11:00 Madrid)', () => {
    expect(firstResponse([created(MON, 'major'), agent(MON + 2 * HOUR)], MON + 3 * HOUR)).toMatchObject({
      metric: 'firstResponse',
      cycle: null,
      startedAt: MON,
      targetMs: 2 * HOUR,
      state: 'achieved',
      dueAt: MON + 2 * HOUR,
      stoppedAt: MON + 2 * HOUR,
      elapsedMs: 2 * HOUR,
      remainingMs: 0,
      percent: 100,
      breachedByMs: 0,
      severity: 'major',
      plan: 'enterprise',
      clock: 'support-hours',
    });
  });

  it('one more millisecond of open time is breached by 1', () => {
    expect(firstResponse([created(MON, 'major'), agent(MON + 2 * HOUR + 1)], MON + 3 * HOUR)).toMatchObject({
      state: 'breached',
      dueAt: MON + 2 * HOUR,
      stoppedAt: MON + 2 * HOUR + 1,
      elapsedMs: 2 * HOUR + 1,
      remainingMs: 0,
      breachedByMs: 1,
    });
  });

  // Created Monday 16:00 Madrid (15:00Z): 2 business hours end at Monday's closing, 18:00 (17:00Z).
  const late = Date.parse('2026-01-12T15:00:00Z');
  it('a deadline ending at a closing is that closing, and a reply at 19:30 used no more business time: achieved', () => {
    expect(firstResponse([created(late, 'minor'), agent(late + 3.5 * HOUR)], late + 4 * HOUR)).toMatchObject({
      state: 'achieved',
      dueAt: late + 2 * HOUR,
      elapsedMs: 2 * HOUR,
    });
  });

  it('still unanswered at 19:30 is running with nothing remaining; it breaches 1 ms after Tuesday 08:00', () => {
    expect(firstResponse([created(late, 'minor')], late + 3.5 * HOUR)).toMatchObject({
      state: 'running',
      remainingMs: 0,
      dueAt: late + 2 * HOUR,
    });
    const tuesday8 = Date.parse('2026-01-13T07:00:00Z');
    expect(firstResponse([created(late, 'minor')], tuesday8).state).toBe('running');
    expect(firstResponse([created(late, 'minor')], tuesday8 + 1)).toMatchObject({ state: 'breached', breachedByMs: 1 });
  });
});

describe('which replies count', () => {
  it('an automatic reply never satisfies the first response', () => {
    const t = firstResponse(
      [created(MON, 'critical'), { kind: 'reply', at: MON + MIN, author: 'automatic' }],
      MON + HOUR,
    );
    expect(t).toMatchObject({ state: 'running', stoppedAt: null, elapsedMs: HOUR, dueAt: MON + 2 * HOUR });
  });

  it('a customer reply before the first agent reply does nothing: the first response keeps running', () => {
    expect(firstResponse([created(MON, 'critical'), customer(MON + 30 * MIN)], MON + HOUR)).toMatchObject({
      state: 'running',
      elapsedMs: HOUR,
    });
  });

  it('the first agent reply after an automatic one ends the first response at the agent reply', () => {
    const events = [
      created(MON, 'critical'),
      { kind: 'reply', at: MON + MIN, author: 'automatic' } as const,
      agent(MON + 30 * MIN),
    ];
    expect(firstResponse(events, MON + HOUR)).toMatchObject({
      state: 'achieved',
      stoppedAt: MON + 30 * MIN,
      elapsedMs: 30 * MIN,
    });
  });
});

describe('solved stops every clock; any other status after solved resumes it', () => {
  it('solved without an agent reply stops the first response: achieved, due as if it had run on from the stop', () => {
    expect(firstResponse([created(MON, 'major'), status(MON + HOUR, 'solved')], MON + 2 * HOUR)).toMatchObject({
      state: 'achieved',
      stoppedAt: MON + HOUR,
      elapsedMs: HOUR,
      remainingMs: HOUR,
      dueAt: MON + 2 * HOUR,
    });
  });

  it("'reopened' resumes the clock from where it stopped", () => {
    const r = measure(
      std,
      enterprise,
      [created(MON, 'major'), status(MON + HOUR, 'solved'), status(MON + 3 * HOUR, 'reopened')],
      MON + 3.5 * HOUR,
    );
    expect(r.status).toBe('open');
    expect(single(r)).toMatchObject({
      state: 'running',
      stoppedAt: null,
      elapsedMs: 1.5 * HOUR,
      dueAt: MON + 4 * HOUR,
    });
  });

  it("'open' and 'on_hold' after 'solved' reopen the ticket too (Enterprise does not pause on on_hold)", () => {
    for (const s of ['open', 'on_hold'] as const) {
      const r = measure(
        std,
        enterprise,
        [created(MON, 'major'), status(MON + HOUR, 'solved'), status(MON + 3 * HOUR, s)],
        MON + 3.5 * HOUR,
      );
      expect(r.status).toBe(s);
      expect(single(r)).toMatchObject({ state: 'running', elapsedMs: 1.5 * HOUR });
    }
  });

  it('a repeated solved is no change: stoppedAt is the solved event that began the solved period', () => {
    const t = firstResponse(
      [created(MON, 'major'), status(MON + HOUR, 'solved'), status(MON + 1.5 * HOUR, 'solved')],
      MON + 2 * HOUR,
    );
    expect(t).toMatchObject({ state: 'achieved', stoppedAt: MON + HOUR, elapsedMs: HOUR });
  });

  it('an agent reply while solved ends the first response at the reply; reopening does not resume it', () => {
    const events = [
      created(MON, 'major'),
      status(MON + HOUR, 'solved'),
      agent(MON + 1.5 * HOUR),
      status(MON + 2 * HOUR, 'reopened'),
    ];
    expect(firstResponse(events, MON + 4 * HOUR)).toMatchObject({
      state: 'achieved',
      stoppedAt: MON + 1.5 * HOUR,
      elapsedMs: HOUR,
    });
  });

  it('a breach is sticky: neither a later reply nor solving the ticket undoes it', () => {
    const events = [created(MON, 'major'), agent(MON + 3 * HOUR), status(MON + 4 * HOUR, 'solved')];
    expect(firstResponse(events, MON + 5 * HOUR)).toMatchObject({
      state: 'breached',
      stoppedAt: MON + 3 * HOUR,
      elapsedMs: 3 * HOUR,
      breachedByMs: HOUR,
    });
  });
});

describe('business-day targets: the open time between the start and addBusinessDays(start, n)', () => {
  it('Starter P1D from Monday 10:00 Madrid is due Tuesday 10:00: 10 business hours', () => {
    const start = Date.parse('2026-01-12T09:00:00Z');
    const t = firstResponse([created(start, 'minor')], start, direct('starter'));
    expect(t).toMatchObject({
      targetMs: 10 * HOUR,
      dueAt: Date.parse('2026-01-13T09:00:00Z'),
      duration: { iso: 'P1D' },
    });
  });

  it("Starter P1D created Friday 19:00 Madrid is due at Monday's closing (18:00, 17:00Z)", () => {
    const friday19 = Date.parse('2026-01-16T18:00:00Z');
    const monday13 = Date.parse('2026-01-19T12:00:00Z'); // 5 business hours into Monday
    const t = firstResponse([created(friday19, 'minor')], monday13, direct('starter'));
    expect(t).toMatchObject({
      state: 'running',
      targetMs: 10 * HOUR,
      elapsedMs: 5 * HOUR,
      dueAt: Date.parse('2026-01-19T17:00:00Z'),
    });
  });

  it('Starter P1D from Monday 5 January 10:00 skips Epiphany (Tuesday 6): due Wednesday 10:00', () => {
    const start = Date.parse('2026-01-05T09:00:00Z');
    expect(firstResponse([created(start, 'minor')], start, direct('starter'))).toMatchObject({
      targetMs: 10 * HOUR,
      dueAt: Date.parse('2026-01-07T09:00:00Z'),
    });
  });
});

describe('re-targeting on a plan change', () => {
  const starter = direct('starter');
  const toEnterprise = (at: number): TicketEvent => ({ kind: 'plan', at, plan: 'enterprise' });

  it('Starter → Enterprise re-targets the first response to PT2H from the original start', () => {
    const r = measure(std, starter, [created(MON, 'minor'), toEnterprise(MON + HOUR)], MON + 1.5 * HOUR);
    expect(r.plan).toBe('enterprise');
    expect(single(r)).toMatchObject({
      plan: 'enterprise',
      targetMs: 2 * HOUR,
      duration: { iso: 'PT2H' },
      state: 'running',
      dueAt: MON + 2 * HOUR,
      elapsedMs: 1.5 * HOUR,
    });
  });

  it('a change whose target is already below the elapsed time breaches at once, due before the change', () => {
    const t = single(measure(std, starter, [created(MON, 'minor'), toEnterprise(MON + 2.5 * HOUR)], MON + 2.5 * HOUR));
    expect(t).toMatchObject({ state: 'breached', breachedByMs: 30 * MIN, dueAt: MON + 2 * HOUR });
  });

  it('Enterprise → Starter lengthens it to one business day from the start (Monday 09:00 → Tuesday 09:00)', () => {
    const events: TicketEvent[] = [created(MON, 'minor'), { kind: 'plan', at: MON + HOUR, plan: 'starter' }];
    expect(single(measure(std, enterprise, events, MON + 3 * HOUR))).toMatchObject({
      plan: 'starter',
      targetMs: 10 * HOUR,
      dueAt: MON + 24 * HOUR,
      state: 'running',
    });
  });

  it('a plan change after the first response changes nothing about it', () => {
    const t = single(
      measure(
        std,
        starter,
        [created(MON, 'minor'), agent(MON + 3 * HOUR), toEnterprise(MON + 4 * HOUR)],
        MON + 5 * HOUR,
      ),
    );
    expect(t).toMatchObject({ plan: 'starter', targetMs: 10 * HOUR, state: 'achieved' });
  });
});

describe('warnings at 75 % (Enterprise PT2H warns after 90 business minutes)', () => {
  const warning = (events: TicketEvent[], now: number) => firstResponse(events, now).thresholds;

  it('while running, the warning is projected and is the next check', () => {
    const r = measure(std, enterprise, [created(MON, 'major')], MON + HOUR);
    expect(single(r).thresholds).toEqual([
      { id: 'warn-75', percent: 75, afterMs: null, elapsedMs: 90 * MIN, at: MON + 90 * MIN, reached: false },
    ]);
    expect(r.nextCheckAt).toBe(MON + 90 * MIN);
  });

  it('once reached, the warning keeps its past instant and the breach (1 ms past due) becomes the next check', () => {
    const r = measure(std, enterprise, [created(MON, 'major')], MON + 100 * MIN);
    expect(single(r).thresholds).toEqual([
      { id: 'warn-75', percent: 75, afterMs: null, elapsedMs: 90 * MIN, at: MON + 90 * MIN, reached: true },
    ]);
    expect(r.nextCheckAt).toBe(MON + 2 * HOUR + 1);
  });

  it('a projected warning skips the night: from Monday 17:00 Madrid it falls on Tuesday 08:30', () => {
    const monday17 = Date.parse('2026-01-12T16:00:00Z');
    expect(warning([created(monday17, 'major')], monday17)[0]?.at).toBe(Date.parse('2026-01-13T07:30:00Z'));
  });

  it('stopped short of the threshold the warning has no instant; stopped after it, its past instant', () => {
    expect(warning([created(MON, 'major'), agent(MON + HOUR)], MON + 2 * HOUR)[0]).toMatchObject({
      at: null,
      reached: false,
    });
    expect(warning([created(MON, 'major'), agent(MON + 100 * MIN)], MON + 2 * HOUR)[0]).toMatchObject({
      at: MON + 90 * MIN,
      reached: true,
    });
  });

  it('a stopped ticket has no next check', () => {
    expect(measure(std, enterprise, [created(MON, 'major'), agent(MON + HOUR)], MON + HOUR).nextCheckAt).toBeNull();
  });
});

describe('what is measured', () => {
  it("'typical' figures are not measured: Enterprise measures PT2H, not its typical PT5M", () => {
    const r = measure(std, enterprise, [created(MON, 'critical')], MON);
    expect(r.targets.map((t) => [t.metric, t.duration.iso, t.source.path.join('.')])).toEqual([
      ['firstResponse', 'PT2H', 'plans.enterprise.targets.0'],
    ]);
  });

  it("an account type with targets 'none' measures nothing and its ticket needs no severity", () => {
    expect(standardSupport.accountTypes!['indirect']?.targets).toBe('none');
    expect(standardSupport.accountTypes!['technology_partner']?.targets).toBe('none');
    for (const account of [{ type: 'indirect', plan: 'premium', partner: 'acme' }, { type: 'technology_partner' }]) {
      const r = measure(std, account, [created(MON), agent(MON + 9 * HOUR)], MON + 10 * HOUR);
      expect(r).toEqual({
        policy: { id: 'standard-support', version: null, fingerprint: policyFingerprint(std) },
        severity: null,
        plan: account.plan ?? null,
        rule: null,
        status: 'open',
        targets: [],
        nextCheckAt: null,
      });
    }
  });

  it('the result, its targets and their warnings are frozen', () => {
    const r = measure(std, enterprise, [created(MON, 'major')], MON + HOUR);
    const t = single(r);
    for (const v of [r, r.targets, t, t.thresholds, t.thresholds[0]]) expect(Object.isFrozen(v)).toBe(true);
    expect(() => (r.targets as TargetMeasurement[]).push(t)).toThrow(TypeError);
  });

  it('instants may be Date or luxon DateTime; results are epoch ms and equal those from numbers', () => {
    const numbers = measure(std, enterprise, [created(MON, 'major'), agent(MON + HOUR)], MON + 2 * HOUR);
    const mixed = measure(
      std,
      enterprise,
      [
        { kind: 'created', at: new Date(MON), severity: 'major' },
        { kind: 'reply', at: DateTime.fromMillis(MON + HOUR, { zone: 'Asia/Tokyo' }), author: 'agent' },
      ],
      DateTime.fromMillis(MON + 2 * HOUR, { zone: 'Europe/Madrid' }),
    );
    expect(mixed).toEqual(numbers);
    expect(typeof single(mixed).stoppedAt).toBe('number');
  });

  it('events after now are ignored (severity and plan are those at now), an event at now is applied', () => {
    const events: TicketEvent[] = [
      created(MON, 'major'),
      { kind: 'severity', at: MON + HOUR, severity: 'critical' },
      agent(MON + 3 * HOUR),
    ];
    const before = measure(std, enterprise, events, MON + HOUR - 1);
    expect([before.severity, single(before).state]).toEqual(['major', 'running']);
    expect(measure(std, enterprise, events, MON + HOUR).severity).toBe('critical');
    expect(single(measure(std, enterprise, events, MON + 3 * HOUR)).state).toBe('breached');
  });

  it('events after now are still validated', () => {
    const events = [
      created(MON, 'major'),
      { kind: 'reply', at: MON + 5 * HOUR, author: 'bot' } as unknown as TicketEvent,
    ];
    expect(errorOf(() => measure(std, enterprise, events, MON + HOUR))).toMatchObject({
      code: 'invalid_event',
      path: ['events', 1, 'author'],
    });
  });
});
