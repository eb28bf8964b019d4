import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  CLASSES,
  type Ctx,
  classifyArb,
  conflicting,
  documentArb,
  empty,
  fresh,
  grantArb,
  handleArb,
  HOUR,
  openArb,
  plan,
  type Planned,
  renewArb,
  rulesArb,
  scenarioArb,
  STANDARD,
  tagArb,
  voidArb,
  withShuffle,
  yearSpan,
} from '../../test/arbitraries/ledger.js';
import { checkInvariants, EVER, expectRejected, view } from '../../test/reference/ledgerInvariants.js';
import { LedgerModel, modelCharge } from '../../test/reference/ledgerModel.js';
import {
  applyEvent,
  balances,
  type ConversationClass,
  type DeductionRules,
  isSupportPolicyError,
  type LedgerEvent,
  type LedgerState,
  replay,
  statement,
} from '../index.js';

/**
 * Model-based property tests of the support-hours ledger (SPEC §5, issue 7): random command
 * sequences are applied with `applyEvent` to the ledger and to the reference model in
 * test/reference/ledgerModel.ts, and the invariants of test/reference/ledgerInvariants.ts are
 * checked after every command. Separate properties check that `replay` does not depend on the
 * order of its events (nor on the order of one conversation's classifications) and is idempotent.
 */

// ---------------------------------------------------------------------------------------------
// Commands

interface Model {
  readonly ctx: Ctx;
}
interface Real {
  state: LedgerState;
}

/** Applies an event to the ledger and to the model, or checks that the ledger rejects it. */
function apply(model: Model, real: Real, p: Planned): void {
  if (p.expected === 'ok') {
    real.state = applyEvent(real.state, p.event);
    model.ctx.m.add(p.event);
  } else {
    expectRejected(real.state, () => applyEvent(real.state, p.event), p.expected);
  }
}

class ActionCommand implements fc.Command<Model, Real> {
  constructor(readonly action: Action) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const p = plan(model.ctx, this.action);
    if (p === undefined) return;
    apply(model, real, p);
    checkInvariants(model.ctx.m, real.state);
  }
  toString = () => JSON.stringify(this.action);
}

/** Applies an already applied event again: nothing changes. */
class ReapplyCommand implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const { events } = model.ctx.m;
    const e = events[this.pick % events.length]!;
    const next = applyEvent(real.state, structuredClone(e));
    expect(next).toEqual(real.state);
    real.state = next;
    checkInvariants(model.ctx.m, real.state);
  }
  toString = () => `reapply(${this.pick})`;
}

/** Applies an event with a used id and different content: `event_conflict`, nothing changes. */
class ConflictCommand implements fc.Command<Model, Real> {
  constructor(
    readonly pick: number,
    readonly variant: number,
  ) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const { events } = model.ctx.m;
    const e = conflicting(events[this.pick % events.length]!, this.variant);
    expectRejected(real.state, () => applyEvent(real.state, e), 'event_conflict');
    checkInvariants(model.ctx.m, real.state);
  }
  toString = () => `conflict(${this.pick}, ${this.variant})`;
}

/**
 * Reclassifies an opened conversation normal → incident → normal, each later than every earlier
 * classification: the incident step refunds its charge, and the end state charges it exactly once,
 * as a normal conversation.
 */
class RoundTripCommand implements fc.Command<Model, Real> {
  constructor(
    readonly acc: number,
    readonly pick: number,
    readonly tag: string,
  ) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const { m } = model.ctx;
    const known = m.accounts();
    const account = known[this.acc % known.length]!;
    const rows = m.rows(account);
    const row = rows[this.pick % Math.max(1, rows.length)];
    if (row === undefined) return;
    const c = m.conversation(account, row.conversation);
    let last = c.opened!.at;
    for (const e of m.conversationEvents(account, row.conversation))
      if (e.kind === 'classified') last = Math.max(last, e.at);
    if (m.yearAt(account, last + 3) === undefined) return;
    const yearCharged = () => balances(real.state, account).find((y) => y.year === row.year)!.chargedMinutes;
    const chargeOf = () => statement(real.state, account, EVER).rows.filter((r) => r.conversation === row.conversation);
    const before = yearCharged();
    const normal = modelCharge(m.rules, { ...c, classification: 'normal' }).chargedMinutes;
    const classify = (k: number, as: ConversationClass) =>
      apply(model, real, {
        event: {
          id: fresh(model.ctx, 'k', this.tag),
          kind: 'classified',
          account,
          at: last + k,
          conversation: row.conversation,
          as,
        },
        expected: 'ok',
      });

    classify(1, 'normal');
    expect(chargeOf().map((r) => r.chargedMinutes)).toEqual([normal]);
    expect(yearCharged()).toBe(before - row.chargedMinutes + normal);
    classify(2, 'incident');
    expect(chargeOf().map((r) => [r.chargedMinutes, r.rule])).toEqual([[0, c.voided ? 'voided' : 'incident_free']]);
    expect(yearCharged()).toBe(before - row.chargedMinutes);
    classify(3, 'normal');
    // Charged exactly once: one row, the normal charge, counted once in the year.
    expect(chargeOf().map((r) => r.chargedMinutes)).toEqual([normal]);
    expect(yearCharged()).toBe(before - row.chargedMinutes + normal);
    if (row.classification === 'normal' || row.classification === 'expected_behaviour')
      expect(yearCharged()).toBe(before);
    checkInvariants(m, real.state);
  }
  toString = () => `roundTrip(${this.acc}, ${this.pick}, ${this.tag})`;
}

const action = (arb: fc.Arbitrary<Action>, weight: number) => ({
  arbitrary: arb.map((a) => new ActionCommand(a)),
  weight,
});
/** fc.commands draws uniformly from its list: an arbitrary listed n times is drawn n times as often. */
const weighted = (entries: readonly { arbitrary: fc.Arbitrary<fc.Command<Model, Real>>; weight: number }[]) =>
  entries.flatMap((e) => Array.from({ length: e.weight }, () => e.arbitrary));
const commandArbs: fc.Arbitrary<fc.Command<Model, Real>>[] = weighted([
  action(grantArb, 1),
  action(renewArb, 1),
  action(openArb, 4),
  action(handleArb, 4),
  action(documentArb, 1),
  action(classifyArb, 3),
  action(voidArb, 1),
  { arbitrary: fc.nat().map((n) => new ReapplyCommand(n)), weight: 1 },
  { arbitrary: fc.tuple(fc.nat(), fc.nat()).map(([n, v]) => new ConflictCommand(n, v)), weight: 1 },
  { arbitrary: fc.tuple(fc.nat(), fc.nat(), tagArb).map(([a, n, t]) => new RoundTripCommand(a, n, t)), weight: 1 },
]);

/** A ledger with one granted year (acme, 2026), and the model of it. */
function setup(rules: DeductionRules): { model: Model; real: Real } {
  const ctx: Ctx = { m: new LedgerModel(rules), next: 0 };
  const span = yearSpan(2026);
  const grant: LedgerEvent<number> = {
    id: 'g-start',
    kind: 'package_granted',
    account: 'acme',
    at: span.from,
    ...span,
    minutes: 120,
  };
  ctx.m.add(grant);
  return { model: { ctx }, real: { state: applyEvent(empty(rules), grant) } };
}

describe('support-hours ledger against the reference model (fc.commands)', () => {
  it('standardSupport: every invariant holds after every command', () => {
    expect(STANDARD).toMatchObject({
      minimumMinutes: 15,
      incrementMinutes: 15,
      rounding: 'down',
      documentationAnswer: 'minimum',
      incidents: 'free',
      customerSuccess: 'free',
    });
    fc.assert(
      fc.property(fc.commands(commandArbs, { maxCommands: 60, size: 'max' }), (cmds) => {
        fc.modelRun(() => setup(STANDARD), cmds);
      }),
      { numRuns: 150 },
    );
  });

  it('other deduction rules and carry-over: every invariant holds after every command', () => {
    fc.assert(
      fc.property(rulesArb, fc.commands(commandArbs, { maxCommands: 50, size: 'max' }), (rules, cmds) => {
        fc.modelRun(() => setup(rules), cmds);
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Replay

describe('replay', () => {
  it('order independence: replay(shuffled events) = replay(events) = the model', () => {
    fc.assert(
      fc.property(withShuffle(STANDARD), ({ events, shuffled, model }) => {
        const inOrder = replay(empty(STANDARD), events);
        const anyOrder = replay(empty(STANDARD), shuffled);
        expect(view(anyOrder, model.accounts())).toEqual(view(inOrder, model.accounts()));
        checkInvariants(model, anyOrder);
      }),
      { numRuns: 150 },
    );
  });

  it('order independence holds under other deduction rules and carry-over', () => {
    fc.assert(
      fc.property(rulesArb.chain(withShuffle), ({ events, shuffled, model }) => {
        expect(view(replay(empty(model.rules), shuffled), model.accounts())).toEqual(
          view(replay(empty(model.rules), events), model.accounts()),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('the final classification decides, whatever the order of a conversation’s classifications (latest `at`, ties by id)', () => {
    const span = yearSpan(2026);
    const head: LedgerEvent<number>[] = [
      { id: 'g', kind: 'package_granted', account: 'acme', at: span.from, ...span, minutes: 600 },
      {
        id: 'o',
        kind: 'conversation_opened',
        account: 'acme',
        at: span.from + HOUR,
        conversation: 'T-1',
        channel: 'ticket',
      },
      { id: 'h', kind: 'time_handled', account: 'acme', at: span.from + HOUR, conversation: 'T-1', minutes: 50 },
    ];
    const classification = fc.record({
      id: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 3 }),
      dt: fc.nat(2),
      as: fc.constantFrom(...CLASSES),
    });
    const arb = fc
      .uniqueArray(classification, { selector: (c) => c.id, minLength: 1, maxLength: 8 })
      .map((cs) =>
        cs.map((c): LedgerEvent<number> => ({
          id: `k-${c.id}`,
          kind: 'classified',
          account: 'acme',
          at: span.from + 2 * HOUR + c.dt,
          conversation: 'T-1',
          as: c.as,
        })),
      )
      .chain((cs) =>
        fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }).map((shuffled) => ({ cs, shuffled })),
      );
    fc.assert(
      fc.property(arb, ({ cs, shuffled }) => {
        const model = new LedgerModel(STANDARD);
        for (const e of [...head, ...cs]) model.add(e);
        const expected = model.rows('acme');
        // replay, in either order
        expect(statement(replay(empty(STANDARD), [...shuffled, ...head]), 'acme', EVER).rows).toEqual(expected);
        // applyEvent, one at a time, in either order
        let state = empty(STANDARD);
        for (const e of [...head, ...shuffled]) state = applyEvent(state, e);
        expect(statement(state, 'acme', EVER).rows).toEqual(expected);
        const charged =
          expected[0]!.classification === 'incident' || expected[0]!.classification === 'customer_success' ? 0 : 45;
        expect(expected[0]!.chargedMinutes).toBe(charged);
      }),
      { numRuns: 300 },
    );
  });

  it('idempotence: replay(events ++ events) = replay(events) = replay(replay(events), events)', () => {
    fc.assert(
      fc.property(scenarioArb(STANDARD), ({ events, model }) => {
        const once = replay(empty(STANDARD), events);
        const accounts = model.accounts();
        expect(view(replay(empty(STANDARD), [...events, ...events]), accounts)).toEqual(view(once, accounts));
        expect(view(replay(once, events), accounts)).toEqual(view(once, accounts));
        checkInvariants(model, once);
      }),
      { numRuns: 150 },
    );
  });

  it('replay(events) = applyEvent one event at a time', () => {
    fc.assert(
      fc.property(scenarioArb(STANDARD), ({ events, model }) => {
        let state = empty(STANDARD);
        for (const e of events) state = applyEvent(state, e);
        expect(view(state, model.accounts())).toEqual(view(replay(empty(STANDARD), events), model.accounts()));
      }),
      { numRuns: 100 },
    );
  });

  it('a used id with different content anywhere in the list: event_conflict, and the given state is unchanged', () => {
    const arb = withShuffle(STANDARD).chain((s) =>
      fc
        .record({ pick: fc.nat(s.events.length - 1), variant: fc.nat(), at: fc.nat(s.events.length) })
        .map((p) => ({ ...s, ...p })),
    );
    fc.assert(
      fc.property(arb, ({ shuffled, pick, variant, at }) => {
        const bad = conflicting(shuffled[pick]!, variant);
        const list = [...shuffled.slice(0, at), bad, ...shuffled.slice(at)];
        const start = replay(
          empty(STANDARD),
          shuffled.filter((e) => e.kind === 'package_granted'),
        );
        expectRejected(start, () => replay(start, list), 'event_conflict');
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// States are values

/** What a state reports for these accounts; an account it does not know yet reads as `unknown`. */
function reads(state: LedgerState, accounts: readonly string[]) {
  return accounts.map((account) => {
    try {
      return view(state, [account])[0];
    } catch (e) {
      if (isSupportPolicyError(e) && e.code === 'unknown_account') return 'unknown';
      throw e;
    }
  });
}

describe('old states stay valid and unchanged', () => {
  it('after applyEvent, replay and rejected events: every earlier state reads as it did, and equals its copy', () => {
    const arb = scenarioArb(STANDARD).chain((s) =>
      fc.record({ from: fc.nat(s.events.length - 1), variant: fc.nat() }).map((p) => ({ ...s, ...p })),
    );
    fc.assert(
      fc.property(arb, ({ events, model, from, variant }) => {
        const accounts = model.accounts();
        const kept: { state: LedgerState; seen: ReturnType<typeof reads>; copy: LedgerState }[] = [];
        let state = empty(STANDARD);
        for (const e of events) {
          kept.push({ state, seen: reads(state, accounts), copy: structuredClone(state) });
          state = applyEvent(state, e);
        }
        // Replays from earlier states, and a conflicting event applied to the last one.
        const middle = kept[from]!.state;
        const replayed = replay(middle, events.slice(from));
        expect(() => applyEvent(state, conflicting(events[variant % events.length]!, variant))).toThrow();
        expect(reads(replayed, accounts)).toEqual(reads(state, accounts));
        for (const k of kept) {
          expect(reads(k.state, accounts)).toEqual(k.seen);
          expect(k.state).toEqual(k.copy);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('an event applied to one state, then another to the same state: two independent states', () => {
    fc.assert(
      fc.property(scenarioArb(STANDARD), fc.nat(), ({ events, model }, pick) => {
        const base = replay(empty(STANDARD), events);
        const accounts = model.accounts();
        const account = accounts[pick % accounts.length]!;
        const at = balances(base, account)[0]!.from + HOUR;
        const a = applyEvent(base, {
          id: 'new-a',
          kind: 'conversation_opened',
          account,
          at,
          conversation: 'A',
          channel: 'chat',
        });
        const b = applyEvent(base, {
          id: 'new-b',
          kind: 'conversation_opened',
          account,
          at,
          conversation: 'B',
          channel: 'chat',
        });
        const rowsOf = (s: LedgerState) => statement(s, account, EVER).rows.map((r) => r.conversation);
        expect(rowsOf(a)).toContain('A');
        expect(rowsOf(a)).not.toContain('B');
        expect(rowsOf(b)).toContain('B');
        expect(rowsOf(b)).not.toContain('A');
        expect(rowsOf(base)).not.toContain('A');
      }),
      { numRuns: 100 },
    );
  });
});
