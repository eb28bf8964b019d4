import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  advance,
  dedicatedSupport,
  measure,
  measureState,
  parsePolicy,
  type Policy,
  type SlaState,
  standardSupport,
  startTicket,
  type TicketEvent,
} from '../index.js';

const MIN = 60_000;
const HOUR = 3_600_000;
const MON = Date.parse('2026-01-12T08:00:00Z'); // Monday 09:00 in Madrid and in Bratislava
const std = parsePolicy(standardSupport);
const ded = parsePolicy(dedicatedSupport);
const enterprise = { type: 'direct', plan: 'enterprise' };
const vip = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };

const fold = (policy: Policy, account: { type: string }, events: readonly TicketEvent[]) =>
  events.reduce<SlaState>((s, e) => advance(s, e), startTicket(policy, account));

describe('startTicket and advance: immutable states', () => {
  it('a new ticket has no event and no last instant', () => {
    const s = startTicket(std, enterprise);
    expect([s.eventCount, s.lastEventAt, s.account, s.policy]).toEqual([0, null, enterprise, std]);
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('advance returns a new frozen state counting the event and its instant (epoch ms, whatever kind came in)', () => {
    const s0 = startTicket(std, enterprise);
    const s1 = advance(s0, { kind: 'created', at: new Date(MON), severity: 'major' });
    const s2 = advance(s1, {
      kind: 'reply',
      at: DateTime.fromMillis(MON + HOUR, { zone: 'Europe/Madrid' }),
      author: 'agent',
    });
    expect([s1.eventCount, s1.lastEventAt, s2.eventCount, s2.lastEventAt]).toEqual([1, MON, 2, MON + HOUR]);
    expect(s1).not.toBe(s0);
    expect(s2).not.toBe(s1);
    for (const s of [s1, s2]) expect(Object.isFrozen(s)).toBe(true);
    expect([s0.eventCount, s0.lastEventAt]).toEqual([0, null]);
  });

  it('the old state is unchanged: measuring it still gives the old answer', () => {
    const s1 = advance(startTicket(std, enterprise), { kind: 'created', at: MON, severity: 'major' });
    const before = measureState(s1, MON + 3 * HOUR);
    const s2 = advance(s1, { kind: 'reply', at: MON + HOUR, author: 'agent' });
    expect(measureState(s2, MON + 3 * HOUR).targets[0]).toMatchObject({ state: 'achieved', stoppedAt: MON + HOUR });
    expect(measureState(s1, MON + 3 * HOUR)).toEqual(before);
    expect(before.targets[0]).toMatchObject({ state: 'breached', stoppedAt: null, elapsedMs: 3 * HOUR });
    expect([s1.eventCount, s1.lastEventAt]).toEqual([1, MON]);
  });

  it('two events advanced from one state give two independent branches', () => {
    const s1 = advance(startTicket(std, enterprise), { kind: 'created', at: MON, severity: 'major' });
    const solved = advance(s1, { kind: 'status', at: MON + HOUR, status: 'solved' });
    const answered = advance(s1, { kind: 'reply', at: MON + 30 * MIN, author: 'agent' });
    expect(measureState(solved, MON + 2 * HOUR).targets[0]).toMatchObject({ stoppedAt: MON + HOUR, elapsedMs: HOUR });
    expect(measureState(answered, MON + 2 * HOUR).targets[0]).toMatchObject({
      stoppedAt: MON + 30 * MIN,
      elapsedMs: 30 * MIN,
    });
    expect([measureState(solved, MON + 2 * HOUR).status, measureState(answered, MON + 2 * HOUR).status]).toEqual([
      'solved',
      'open',
    ]);
    expect(measureState(s1, MON + 2 * HOUR).targets[0]).toMatchObject({ stoppedAt: null, elapsedMs: 2 * HOUR });
  });

  it("a plan event moves the new state's account; the old state keeps its own", () => {
    const s1 = advance(startTicket(std, { type: 'direct', plan: 'starter' }), {
      kind: 'created',
      at: MON,
      severity: 'minor',
    });
    const s2 = advance(s1, { kind: 'plan', at: MON + HOUR, plan: 'enterprise' });
    expect([s1.account.plan, s2.account.plan]).toEqual(['starter', 'enterprise']);
    expect([measureState(s1, MON + HOUR).plan, measureState(s2, MON + HOUR).plan]).toEqual(['starter', 'enterprise']);
  });

  it('one state may be measured at many nows, each not before its last event', () => {
    const s = fold(std, enterprise, [{ kind: 'created', at: MON, severity: 'major' }]);
    expect([HOUR, 2 * HOUR, 2 * HOUR + 1].map((dt) => measureState(s, MON + dt).targets[0]?.state)).toEqual([
      'running',
      'running',
      'breached',
    ]);
  });
});

describe('folding events through advance equals measuring the whole timeline', () => {
  const cases: {
    name: string;
    policy: Policy;
    account: { type: string; plan?: string; addOns?: string[]; partner?: string };
    events: TicketEvent[];
  }[] = [
    {
      name: 'Enterprise: automatic and customer replies, an answer, a follow-up, solved and reopened',
      policy: std,
      account: enterprise,
      events: [
        { kind: 'created', at: MON, severity: 'critical' },
        { kind: 'reply', at: MON + MIN, author: 'automatic' },
        { kind: 'reply', at: MON + 10 * MIN, author: 'customer' },
        { kind: 'reply', at: MON + 90 * MIN, author: 'agent' },
        { kind: 'reply', at: MON + 2 * HOUR, author: 'customer' },
        { kind: 'status', at: MON + 3 * HOUR, status: 'solved' },
        { kind: 'status', at: MON + 26 * HOUR, status: 'reopened' },
      ],
    },
    {
      name: 'Starter → Enterprise after the deadline would have passed (breached at once), then answered',
      policy: std,
      account: { type: 'direct', plan: 'starter' },
      events: [
        { kind: 'created', at: MON, severity: 'minor' },
        { kind: 'plan', at: MON + 3 * HOUR, plan: 'enterprise' },
        { kind: 'reply', at: MON + 4 * HOUR, author: 'agent' },
      ],
    },
    {
      name: 'dedicated sev4 → sev1 → sev3 with follow-up cycles, events sharing instants, and the add-on dropped',
      policy: ded,
      account: vip,
      events: [
        { kind: 'created', at: MON, severity: 'sev4' },
        { kind: 'reply', at: MON + 20 * MIN, author: 'agent' },
        { kind: 'reply', at: MON + 30 * MIN, author: 'customer' },
        { kind: 'severity', at: MON + 30 * MIN, severity: 'sev1' },
        { kind: 'reply', at: MON + 5 * HOUR, author: 'agent' },
        { kind: 'reply', at: MON + 5 * HOUR, author: 'customer' },
        { kind: 'status', at: MON + 6 * HOUR, status: 'waiting_on_customer' },
        { kind: 'severity', at: MON + 7 * HOUR, severity: 'sev3' },
        { kind: 'status', at: MON + 8 * HOUR, status: 'solved' },
        { kind: 'status', at: MON + 9 * HOUR, status: 'on_hold' },
        { kind: 'plan', at: MON + 30 * HOUR, plan: 'all_inclusive', addOns: [] },
      ],
    },
    {
      name: 'a partner-managed ticket without severity',
      policy: std,
      account: { type: 'indirect', plan: 'premium', partner: 'acme' },
      events: [
        { kind: 'created', at: MON },
        { kind: 'reply', at: MON + HOUR, author: 'agent' },
      ],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      let state = startTicket(c.policy, c.account);
      c.events.forEach((e, i) => {
        state = advance(state, e);
        // After each event: the prefix measured at that event, and later, gives the same answer.
        const prefix = c.events.slice(0, i + 1);
        const at = state.lastEventAt!;
        for (const now of [at, at + 45 * MIN, at + 50 * HOUR]) {
          expect(measureState(state, now), `${i} @ ${now - MON}`).toEqual(measure(c.policy, c.account, prefix, now));
        }
      });
      const last = state.lastEventAt! + HOUR;
      expect(JSON.stringify(measureState(state, last, { explain: true }))).toBe(
        JSON.stringify(measure(c.policy, c.account, c.events, last, { explain: true })),
      );
      expect(state.eventCount).toBe(c.events.length);
    });
  }
});
