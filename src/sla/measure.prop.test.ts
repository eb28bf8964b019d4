import fc from 'fast-check';
import { expect } from 'vitest';
import { DAY, setupTicketArb as ticketArb, type TicketCase } from '../../test/arbitraries/timeline.js';
import {
  at,
  byKey,
  forEachSetup,
  insertAt,
  lastAt,
  pauseOnOf,
  run,
  sameTarget,
  statusSteps,
  withEvents,
} from '../../test/arbitraries/timelineProps.js';
import {
  dedicatedSetup,
  helpdeskSetup,
  pausingSetup,
  type TicketSetup,
} from '../../test/arbitraries/timelineSetups.js';
import { advance, measureState, startTicket } from './advance.js';
import { restoreState } from './storedState.js';
import { measure } from './measure.js';
import { measureMany } from './measureMany.js';
import type { TargetMeasurement } from './results.js';
import type { TicketEvent } from './types.js';

/**
 * Properties of `measure` and friends over random timelines on the presets and on a policy whose
 * targets pause (test/arbitraries/timelineSetups.ts): incremental = whole, batch = single,
 * serialisable results, pauses and earlier replies never hurt, and same-instant events that
 * commute. The clocks themselves (the 24/7 deadline formula, explanations that add up,
 * monotonicity in `now`, and warning invariants) are in measureClocks.prop.test.ts.
 */

forEachSetup(
  '(a) folding the events through advance equals measure; every earlier state still answers as it did',
  (setup) => {
    fc.assert(
      fc.property(ticketArb(setup), fc.boolean(), fc.nat(), (c, explain, pick) => {
        // Every event is fed, those after `now` too: measureState ignores them, as measure does.
        const states = [startTicket(setup.policy, c.account)];
        for (const e of c.events) states.push(advance(states[states.length - 1]!, e));
        const state = states[states.length - 1]!;
        const whole = run(setup, c, { explain });
        expect(measureState(state, c.now, { explain })).toStrictEqual(whole);
        expect(state.eventCount).toBe(c.events.length);
        // Events after `now` are ignored: measuring the timeline cut at `now` gives the same answer.
        const upToNow = c.events.filter((e) => at(e) <= c.now);
        expect(measure(setup.policy, c.account, upToNow, c.now, { explain })).toStrictEqual(whole);
        // An earlier state, after the newest moved on, answers for its own events; advanced again
        // (a branch), it reaches the same answer as the line it was left by.
        const k = 1 + (pick % c.events.length);
        const prefix = c.events.slice(0, k);
        const last = Math.max(c.now, at(prefix[k - 1]!));
        expect(measureState(states[k]!, last)).toStrictEqual(measure(setup.policy, c.account, prefix, last));
        let branch = states[k]!;
        for (const e of c.events.slice(k)) branch = advance(branch, e);
        expect(measureState(branch, c.now, { explain })).toStrictEqual(whole);
        expect(measureState(state, c.now, { explain })).toStrictEqual(whole);
      }),
      { numRuns: 500 },
    );
  },
);

forEachSetup('(a2) a state stored as JSON and restored advances as the original does', (setup) => {
  fc.assert(
    fc.property(ticketArb(setup), fc.nat(), fc.boolean(), (c, pick, viaClone) => {
      const k = pick % (c.events.length + 1);
      let state = startTicket(setup.policy, c.account);
      for (const e of c.events.slice(0, k)) state = advance(state, e);
      const stored = viaClone ? structuredClone(state.toJSON()) : JSON.parse(JSON.stringify(state));
      let restored = restoreState(setup.policy, stored);
      for (const e of c.events.slice(k)) {
        state = advance(state, e);
        restored = advance(restored, e);
      }
      expect(restored.toJSON()).toStrictEqual(state.toJSON());
      expect(measureState(restored, c.now)).toStrictEqual(measureState(state, c.now));
    }),
    { numRuns: 300 },
  );
});

forEachSetup('(b) measureMany equals measure per ticket, and survives JSON and structuredClone', (setup) => {
  fc.assert(
    fc.property(
      fc.array(ticketArb(setup), { minLength: 1, maxLength: 6 }),
      fc.nat(),
      fc.boolean(),
      (tickets, pick, explain) => {
        const created = Math.max(...tickets.map((t) => at(t.events[0]!)));
        const now = Math.max(created, tickets[pick % tickets.length]!.now);
        const batch = tickets.map((t) => ({ account: t.account, events: t.events }));
        const many = measureMany(setup.policy, batch, now, { explain });
        expect(many).toStrictEqual(tickets.map((t) => measure(setup.policy, t.account, t.events, now, { explain })));
        expect(JSON.parse(JSON.stringify(many))).toStrictEqual(many);
        expect(structuredClone(many)).toStrictEqual(many);
        // The input is plain data too: a copy measures the same.
        expect(measureMany(setup.policy, JSON.parse(JSON.stringify(batch)), now, { explain })).toStrictEqual(many);
      },
    ),
    { numRuns: 200 },
  );
});

/**
 * Inserts a pause, waiting_on_customer from `a` to `b`, inside a stretch where the ticket is open
 * and no status event falls strictly between: the waiting status goes after every event at `a`
 * and the `open` before every event at `b`, so the status differs only on `[a, b)` (open → waiting).
 */
function withPause(
  setup: TicketSetup,
  c: TicketCase,
  stretch: number,
  from: number,
  length: number,
): TicketEvent[] | undefined {
  const { status: pause, open: resume } = setup.pause ?? { status: 'waiting_on_customer', open: 'open' };
  const horizon = Math.max(c.now, lastAt(c)) + 3 * DAY;
  const steps = statusSteps(c.events, Number.POSITIVE_INFINITY);
  const open = steps
    .map((s, i) => ({ status: s.status, from: s.at, to: steps[i + 1]?.at ?? horizon }))
    .filter((s) => s.status === resume && s.to > s.from);
  if (open.length === 0) return undefined;
  const s = open[stretch % open.length]!;
  const a = s.from + Math.floor(((s.to - s.from - 1) * from) / 1000);
  const b = a + 1 + Math.floor(((s.to - a - 1) * length) / 1000);
  const events = [...c.events];
  const i = events.filter((e) => at(e) <= a).length;
  events.splice(i, 0, { kind: 'status', at: a, status: pause });
  const j = events.filter((e) => at(e) < b).length;
  events.splice(j, 0, { kind: 'status', at: b, status: resume });
  return events;
}

/** What a clock measured (not which severity level or plan chose its target). */
const clockOf = ({ state, dueAt, stoppedAt, elapsedMs, thresholds: warnings }: TargetMeasurement) => ({
  state,
  dueAt,
  stoppedAt,
  elapsedMs,
  warnings,
});

const permilleArb = fc.oneof(fc.constantFrom(0, 1000), fc.integer({ min: 0, max: 1000 }));

forEachSetup(
  '(c) adding a pause never makes a deadline earlier',
  (setup) => {
    fc.assert(
      fc.property(ticketArb(setup), fc.nat(), permilleArb, permilleArb, (c, stretch, from, length) => {
        const paused = withPause(setup, c, stretch, from, length);
        fc.pre(paused !== undefined);
        const a = byKey(run(setup, c));
        const b = byKey(run(setup, withEvents(c, paused)));
        for (const [key, ma] of a) {
          const mb = b.get(key);
          if (mb === undefined || !sameTarget(ma, mb)) continue;
          expect(mb.elapsedMs).toBeLessThanOrEqual(ma.elapsedMs);
          if (ma.dueAt !== null && mb.dueAt !== null) expect(mb.dueAt).toBeGreaterThanOrEqual(ma.dueAt);
          // Nor a threshold: a warning or an escalation.
          ma.thresholds.forEach((ta, k) => {
            const tb = mb.thresholds[k]!;
            if (ta.at !== null && tb.at !== null) expect(tb.at).toBeGreaterThanOrEqual(ta.at);
          });
          // A target that does not pause on the pausing status runs through the pause as before.
          if (!pauseOnOf(setup.policy, ma).includes(setup.pause?.status ?? 'waiting_on_customer'))
            expect(clockOf(mb)).toStrictEqual(clockOf(ma));
        }
      }),
      { numRuns: 1000 },
    );
  },
  [pausingSetup, dedicatedSetup, helpdeskSetup],
);

forEachSetup('(d) an earlier agent reply never makes the first response use more time', (setup) => {
  fc.assert(
    fc.property(ticketArb(setup), fc.boolean(), permilleArb, fc.nat(), (c, move, permille, pos) => {
      const created = at(c.events[0]!);
      const first = c.events.findIndex((e) => e.kind === 'reply' && e.author === 'agent');
      let events: TicketEvent[];
      if (move && first > 0) {
        // The first agent reply, moved earlier.
        const x = created + Math.floor(((at(c.events[first]!) - created) * permille) / 1000);
        events = insertAt(
          c.events.filter((_, i) => i !== first),
          { kind: 'reply', at: x, author: 'agent' },
          pos,
        );
      } else {
        // An extra agent reply, anywhere.
        const x = created + Math.floor(((Math.max(c.now, lastAt(c)) - created) * permille) / 1000);
        events = insertAt(c.events, { kind: 'reply', at: x, author: 'agent' }, pos);
      }
      // Nothing may follow a closed status: a reply inserted after one is not a timeline.
      const closing = events.findIndex((e) => closes(setup, e));
      if (closing >= 0 && closing < events.length - 1) return;
      const a = run(setup, c).targets.find((m) => m.metric === 'firstResponse');
      const b = run(setup, withEvents(c, events)).targets.find((m) => m.metric === 'firstResponse');
      if (a === undefined || b === undefined || !sameTarget(a, b)) return;
      expect(b.elapsedMs).toBeLessThanOrEqual(a.elapsedMs);
    }),
    { numRuns: 600 },
  );
});

/**
 * Same-instant events that commute, from the semantics (docs/sla.md, SLA.md, src/sla/engine.ts):
 * - an `automatic` reply changes nothing at all;
 * - a `status` event changes only the status history, and the clocks read the status after every
 *   event at an instant, while replies and re-targeting read only the status before it (elapsed
 *   time up to the instant), never the status itself: status commutes with replies, severity, plan;
 * - a `customer` reply opens a follow-up cycle with the targets in force; a severity or plan change
 *   at the same instant re-targets that new cycle (not ended, nothing elapsed) to the same target
 *   the cycle would have been opened with: customer commutes with severity and plan.
 * Not commuting: two statuses (the last wins), agent with customer (zero-length cycle or an open
 * one), agent with severity or plan (an ended first response keeps its target), two re-targets
 * (the second checks for a breach against the first's target), and `created`, always first.
 */
type Kind = 'created' | 'agent' | 'customer' | 'automatic' | 'status' | 'severity' | 'plan' | 'fields';
const kindOf = (e: TicketEvent): Kind => (e.kind === 'reply' ? e.author : e.kind);
const COMMUTING: Readonly<Record<Kind, readonly Kind[]>> = {
  created: [],
  fields: [],
  automatic: ['agent', 'customer', 'automatic', 'status', 'severity', 'plan'],
  status: ['agent', 'customer', 'automatic', 'severity', 'plan'],
  customer: ['automatic', 'status', 'severity', 'plan'],
  agent: ['automatic', 'status'],
  severity: ['automatic', 'status', 'customer'],
  plan: ['automatic', 'status', 'customer'],
};
/** A status of the `closed` category: nothing may follow it, so it commutes with nothing. */
const closes = (setup: TicketSetup, e: TicketEvent) =>
  e.kind === 'status' && !!setup.closedStatuses?.includes(e.status);
const commute = (setup: TicketSetup, x: TicketEvent, y: TicketEvent) =>
  at(x) === at(y) && !closes(setup, x) && !closes(setup, y) && COMMUTING[kindOf(x)].includes(kindOf(y));

forEachSetup('(e) swapping commuting events at one instant changes nothing', (setup) => {
  fc.assert(
    fc.property(
      ticketArb(setup),
      fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
      fc.boolean(),
      (c, picks, explain) => {
        const events = [...c.events];
        let swaps = 0;
        for (const pick of picks) {
          const candidates: number[] = [];
          for (let i = 1; i + 1 < events.length; i++)
            if (commute(setup, events[i]!, events[i + 1]!)) candidates.push(i);
          if (candidates.length === 0) break;
          const i = candidates[pick % candidates.length]!;
          [events[i], events[i + 1]] = [events[i + 1]!, events[i]!];
          swaps += 1;
        }
        fc.pre(swaps > 0);
        expect(run(setup, withEvents(c, events), { explain })).toStrictEqual(run(setup, c, { explain }));
      },
    ),
    { numRuns: 600 },
  );
});
