import { describe, expect, it } from 'vitest';
import { helpdeskPolicyDefinition } from '../../test/arbitraries/helpdeskPolicy.js';
import { errorOf } from '../../test/fixtures/errors.js';
import {
  compareDeadlines,
  measure,
  parsePolicy,
  parsePolicyVersions,
  type SlaTicket,
  standardSupport,
  type TicketEvent,
} from '../index.js';

type Doc = any; // a mutable JSON clone
const clone = (d: unknown): Doc => JSON.parse(JSON.stringify(d));
const MIN = 60_000;
const HOUR = 60 * MIN;
const helpdesk = parsePolicy(helpdeskPolicyDefinition);
/** The helpdesk policy with one change made to a copy of its definition. */
const edited = (edit: (d: Doc) => void) => {
  const d = clone(helpdeskPolicyDefinition);
  edit(d);
  return parsePolicy(d);
};
const MON = Date.parse('2026-01-12T08:00:00Z'); // Monday 09:00 in Berlin, the helpdesk's office opening
const created = (at: number, severity: string, fields?: Record<string, string | string[]>): TicketEvent =>
  fields === undefined ? { kind: 'created', at, severity } : { kind: 'created', at, severity, fields };
const agent = (at: number): TicketEvent => ({ kind: 'reply', at, author: 'agent' });
const ticket = (id: string, plan: string, events: TicketEvent[]): SlaTicket => ({
  id,
  account: { type: 'customer', plan },
  events,
});

describe('compareDeadlines', () => {
  it('a holiday added moves a due instant by a day', () => {
    const hours = standardSupport.calendars['support-hours']!;
    const without = parsePolicy({ ...standardSupport, calendars: { 'support-hours': { ...hours, holidays: [] } } });
    const standard = parsePolicy(standardSupport);
    const monday9 = Date.parse('2026-01-05T08:00:00Z'); // 09:00 in Madrid
    const monday17 = monday9 + 8 * HOUR; // Tuesday 6 January is Epiphany
    const tickets: SlaTicket[] = [
      { id: 7, account: { type: 'direct', plan: 'enterprise' }, events: [created(monday17, 'major')] },
      { account: { type: 'direct', plan: 'enterprise' }, events: [created(monday9, 'major')] },
    ];
    const { changes, nextChecks, summary } = compareDeadlines(without, standard, tickets, monday17);
    expect(changes).toHaveLength(1);
    const [c] = changes;
    expect(c).toMatchObject({ ticket: 0, ticketId: 7, change: 'moved', target: 'firstResponse', cycle: null });
    expect([c!.stateFrom, c!.stateTo]).toEqual(['running', 'running']);
    expect(c!.to! - c!.from!).toBe(24 * HOUR);
    expect(c!.thresholds.map((th) => [th.id, th.to! - th.from!])).toEqual([['warn-75', 24 * HOUR]]);
    expect(nextChecks.map((n) => [n.ticket, n.to! - n.from!])).toEqual([[0, 24 * HOUR]]);
    expect(summary).toEqual({ tickets: 2, changedTickets: 1, moved: 1, added: 0, removed: 0, nextChecks: 1 });
    // Breached under both by Friday, but still running: its (past) due instant moved, so it is listed.
    const friday = Date.parse('2026-01-09T08:00:00Z');
    expect(compareDeadlines(without, standard, tickets, friday).changes.map((x) => [x.ticket, x.stateTo])).toEqual([
      [0, 'breached'],
    ]);
  });

  it('a target shortened moves its due instant and thresholds, and the next check', () => {
    const faster = edited((d) => (d.plans.pro.targets[0].duration = 'PT30M'));
    const { changes, nextChecks } = compareDeadlines(
      helpdesk,
      faster,
      [ticket('A', 'pro', [created(MON, 'normal')])],
      MON,
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ target: 'firstResponse', from: MON + HOUR, to: MON + 30 * MIN });
    expect(changes[0]!.thresholds).toEqual([
      { id: 'half', from: MON + 30 * MIN, to: MON + 15 * MIN },
      { id: 'late', from: MON + 90 * MIN, to: MON + 60 * MIN },
    ]);
    expect(nextChecks).toEqual([{ ticket: 0, ticketId: 'A', from: MON + 30 * MIN, to: MON + 15 * MIN }]);
  });

  it('a stopped target is listed only when its outcome changes', () => {
    const faster = edited((d) => (d.plans.pro.targets[0].duration = 'PT30M'));
    const tickets = [
      ticket('early', 'pro', [created(MON, 'normal'), agent(MON + 10 * MIN)]),
      ticket('late', 'pro', [created(MON, 'normal'), agent(MON + 40 * MIN)]),
    ];
    const { changes } = compareDeadlines(helpdesk, faster, tickets, MON + HOUR);
    expect(changes.map((c) => [c.ticketId, c.target, c.stateFrom, c.stateTo])).toEqual([
      ['late', 'firstResponse', 'achieved', 'breached'],
    ]);
  });

  it('a target removed is listed as removed, with its last due instant', () => {
    const fewer = edited((d) => d.plans.basic.targets.splice(2, 1)); // basic's agent_work (urgent only)
    const events = [created(MON, 'urgent')];
    const before = measure(helpdesk, { type: 'customer', plan: 'basic' }, events, MON + HOUR);
    const { changes, summary } = compareDeadlines(helpdesk, fewer, [ticket('U', 'basic', events)], MON + HOUR);
    expect(changes).toEqual([
      {
        ticket: 0,
        ticketId: 'U',
        change: 'removed',
        target: 'agent_work',
        metric: 'resolution',
        cycle: null,
        from: before.targets.find((t) => t.id === 'agent_work')!.dueAt,
        to: null,
        stateFrom: 'running',
        stateTo: null,
        thresholds: before.targets
          .find((t) => t.id === 'agent_work')!
          .thresholds.map((th) => ({
            id: th.id,
            from: th.at,
            to: null,
          })),
      },
    ]);
    expect(summary.removed).toBe(1);
  });

  it('a new rule that applies replaces the targets of the tickets it matches, and only theirs', () => {
    const withRule = edited((d) =>
      d.sla.rules.unshift({
        id: 'eu',
        when: [{ field: 'tags', op: 'has_tag', tag: 'eu' }],
        targets: [
          { metric: 'firstResponse', duration: 'PT2H', clock: '24/7' },
          { id: 'eu_resolution', metric: 'resolution', duration: 'P1D', clock: 'office' },
        ],
      }),
    );
    const tickets = [
      ticket('plain', 'basic', [created(MON, 'urgent', { tags: ['us'] })]),
      ticket('eu', 'basic', [created(MON, 'urgent', { tags: ['eu'] })]),
    ];
    const now = MON + 30 * MIN;
    const { changes, summary } = compareDeadlines(helpdesk, withRule, tickets, now);
    const ruled = measure(withRule, tickets[1]!.account, tickets[1]!.events, now);
    expect(ruled.rule?.id).toBe('eu');
    expect(changes.map((c) => [c.ticketId, c.change, c.target, c.to])).toEqual([
      ['eu', 'moved', 'firstResponse', MON + 2 * HOUR],
      ['eu', 'added', 'eu_resolution', ruled.targets[1]!.dueAt],
      ['eu', 'removed', 'agent_work', null],
    ]);
    expect(summary).toMatchObject({ tickets: 2, changedTickets: 1, moved: 1, added: 1, removed: 1 });
  });

  it('an unchanged policy lists nothing: the same object, an equal copy, or the same versions', () => {
    const tickets = [
      ticket('A', 'pro', [
        created(MON, 'urgent'),
        agent(MON + 10 * MIN),
        { kind: 'reply', at: MON + HOUR, author: 'customer' },
      ]),
      ticket('B', 'basic', [created(MON, 'normal', { tags: ['vip'] })]),
    ];
    const empty = {
      changes: [],
      nextChecks: [],
      summary: { tickets: 2, changedTickets: 0, moved: 0, added: 0, removed: 0, nextChecks: 0 },
    };
    expect(compareDeadlines(helpdesk, helpdesk, tickets, MON + 2 * HOUR)).toEqual(empty);
    expect(compareDeadlines(helpdesk, parsePolicy(clone(helpdeskPolicyDefinition)), tickets, MON + 2 * HOUR)).toEqual(
      empty,
    );
    const versions = parsePolicyVersions({ versions: [{ ...helpdeskPolicyDefinition, version: '1' }] });
    expect(compareDeadlines(versions, versions, tickets, MON + 2 * HOUR)).toEqual(empty);
  });

  it('compares versions ticket by ticket: each takes the version in force when it was created', () => {
    const JULY = '2026-07-01T00:00:00+02:00';
    const v1 = { ...helpdeskPolicyDefinition, version: '1' };
    const faster = clone(v1);
    faster.plans.pro.targets[0].duration = 'PT30M';
    const before = parsePolicyVersions({ versions: [v1] });
    const after = parsePolicyVersions({ versions: [v1, { ...faster, version: '2', effectiveFrom: JULY }] });
    const july = Date.parse('2026-07-06T07:00:00Z');
    const tickets = [ticket('jan', 'pro', [created(MON, 'normal')]), ticket('jul', 'pro', [created(july, 'normal')])];
    const { changes } = compareDeadlines(before, after, tickets, july);
    expect(changes.map((c) => [c.ticketId, c.target, c.to])).toEqual([['jul', 'firstResponse', july + 30 * MIN]]);
  });

  it('lists changes ticket by ticket in input order, each in its result order, whatever the ids', () => {
    const faster = edited((d) => {
      for (const t of d.plans.pro.targets) if (t.duration === 'PT8H' || t.duration === 'PT1H') t.duration = 'PT45M';
    });
    const tickets = [ticket('z', 'pro', [created(MON, 'normal')]), ticket('a', 'pro', [created(MON + MIN, 'normal')])];
    const { changes } = compareDeadlines(helpdesk, faster, tickets, MON + 5 * MIN);
    expect(changes.map((c) => `${c.ticket}:${c.target}`)).toEqual([
      '0:firstResponse',
      '0:requester_wait',
      '1:firstResponse',
      '1:requester_wait',
    ]);
    expect(Object.isFrozen(changes) && Object.isFrozen(changes[0]) && Object.isFrozen(changes[0]!.thresholds)).toBe(
      true,
    );
  });

  it('does not mutate its inputs', () => {
    const tickets = [ticket('A', 'pro', [created(MON, 'normal')])];
    const copy = clone(tickets);
    compareDeadlines(
      helpdesk,
      edited((d) => (d.plans.pro.targets[0].duration = 'PT30M')),
      tickets,
      MON,
    );
    expect(tickets).toEqual(copy);
  });

  it('invalid_policy: a policy parsePolicy did not return, named before or after', () => {
    const tickets = [ticket('A', 'pro', [created(MON, 'normal')])];
    expect(errorOf(() => compareDeadlines(helpdeskPolicyDefinition as never, helpdesk, tickets, MON))).toMatchObject({
      code: 'invalid_policy',
      path: ['before'],
    });
    expect(errorOf(() => compareDeadlines(helpdesk, clone(helpdesk), tickets, MON))).toMatchObject({
      code: 'invalid_policy',
      path: ['after'],
    });
  });

  it('invalid_event, invalid_instant and unknown_account: bad tickets and instants, with the ticket in the path', () => {
    const good = ticket('A', 'pro', [created(MON, 'normal')]);
    expect(errorOf(() => compareDeadlines(helpdesk, helpdesk, 'tickets' as never, MON))).toMatchObject({
      code: 'invalid_event',
      path: ['tickets'],
    });
    const bad = ticket('B', 'pro', [created(MON, 'normal'), { kind: 'reply', at: MON, author: 'bot' } as never]);
    expect(errorOf(() => compareDeadlines(helpdesk, helpdesk, [good, bad], MON))).toMatchObject({
      code: 'invalid_event',
      path: ['tickets', 1, 'events', 1, 'author'],
    });
    expect(errorOf(() => compareDeadlines(helpdesk, helpdesk, [good], Number.NaN))).toMatchObject({
      code: 'invalid_instant',
    });
    // A plan the new policy no longer has: that ticket cannot be measured under it.
    const withoutBasic = edited((d) => delete d.plans.basic);
    const basic = ticket('C', 'basic', [created(MON, 'normal')]);
    expect(errorOf(() => compareDeadlines(helpdesk, withoutBasic, [good, basic], MON)).path.slice(0, 2)).toEqual([
      'tickets',
      1,
    ]);
  });
});
