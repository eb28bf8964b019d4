import fc from 'fast-check';
import { expect } from 'vitest';
import { laterStepArb, setupTicketArb as ticketArb, stepFrom } from '../../test/arbitraries/timeline.js';
import {
  byKey,
  forEachSetup,
  keyOf,
  pauseOnOf,
  run,
  sameTarget,
  statusSteps,
  stoppedTime,
} from '../../test/arbitraries/timelineProps.js';
import { dedicatedSetup, pausingSetup, type TicketSetup } from '../../test/arbitraries/timelineSetups.js';

/** Whether a status stops every clock: one of the `solved` or `closed` category. */
const stopsClocks = (setup: TicketSetup, status: string) =>
  status === 'solved' || !!setup.closedStatuses?.includes(status);

/**
 * Properties of the clocks `measure` reports, over random timelines on the presets and on a policy
 * whose targets pause (test/arbitraries/timelineSetups.ts): the 24/7 deadline formula,
 * explanations that add up, monotonicity in `now`, and warning invariants. Timeline-level
 * properties (incremental = whole, batch = single, …) are in measure.prop.test.ts.
 */

forEachSetup(
  "(f) a 24/7 target's due is its start + its duration + the time it did not run",
  (setup) => {
    fc.assert(
      fc.property(ticketArb(setup), (c) => {
        const r = run(setup, c);
        const steps = statusSteps(c.events, c.now);
        for (const m of r.targets) {
          if (m.clock !== '24/7') continue;
          const pauseOn = pauseOnOf(setup.policy, m);
          const N = (to: number) => stoppedTime(steps, pauseOn, m.startedAt, to);
          const stop = m.stoppedAt ?? c.now;
          expect(m.elapsedMs).toBe(stop - m.startedAt - N(stop));
          if (m.elapsedMs >= m.targetMs) expect(m.dueAt).toBe(m.startedAt + m.targetMs + N(m.dueAt!));
          else if (m.stoppedAt !== null) expect(m.dueAt).toBe(m.startedAt + m.targetMs + N(m.stoppedAt));
          else if (m.state === 'paused') expect(m.dueAt).toBeNull();
          else expect(m.dueAt).toBe(m.startedAt + m.targetMs + N(c.now));
        }
      }),
      { numRuns: 1000 },
    );
  },
  [dedicatedSetup, pausingSetup],
);

forEachSetup('(g) explained spans add up to the elapsed time and lead to the due instant', (setup) => {
  fc.assert(
    fc.property(ticketArb(setup), (c) => {
      const plain = run(setup, c);
      const explained = run(setup, c, { explain: true });
      expect(explained.targets.map(({ spans: _s, zone: _z, summary: _m, ...rest }) => rest)).toStrictEqual(
        plain.targets.map((m) => ({ ...m })),
      );
      expect({ ...explained, targets: null }).toStrictEqual({ ...plain, targets: null });
      for (const m of explained.targets) {
        const spans = m.spans!;
        const past = spans.filter((s) => !s.projected);
        const ahead = spans.filter((s) => s.projected);
        expect(spans).toStrictEqual([...past, ...ahead]);
        const pauseOn = pauseOnOf(setup.policy, m);
        for (const s of spans) {
          expect(s.from).toBeLessThan(s.to);
          expect(s.countedMs).toBe(s.kind === 'open' ? s.to - s.from : 0);
          if (s.kind === 'paused') expect(pauseOn).toContain(s.status);
          if (m.clock === '24/7') expect(['open', 'paused', 'solved']).toContain(s.kind);
        }
        // Not projected: contiguous from the start, to the stopping reply or to now.
        past.forEach((s, i) => expect(s.from).toBe(i === 0 ? m.startedAt : past[i - 1]!.to));
        expect(past.reduce((sum, s) => sum + s.countedMs, 0)).toBe(m.elapsedMs);
        const end = past.length === 0 ? m.startedAt : past[past.length - 1]!.to;
        if (end !== c.now) expect(end).toBe(m.stoppedAt);
        else if (m.stoppedAt !== null && m.stoppedAt < c.now && !stopsClocks(setup, explained.status))
          throw new Error(`spans run past the stop ${m.stoppedAt}`);
        // Projected: from the stop (or now) to the due instant, counting what remains.
        if (m.dueAt !== null && m.elapsedMs < m.targetMs) {
          expect(ahead.length).toBeGreaterThan(0);
          ahead.forEach((s, i) => expect(s.from).toBe(i === 0 ? (m.stoppedAt ?? c.now) : ahead[i - 1]!.to));
          expect(ahead[ahead.length - 1]!.to).toBe(m.dueAt);
          expect(ahead.reduce((sum, s) => sum + s.countedMs, 0)).toBe(m.targetMs - m.elapsedMs);
          for (const s of ahead) expect(['open', 'closed', 'holiday']).toContain(s.kind);
        } else {
          expect(ahead).toStrictEqual([]);
        }
      }
    }),
    { numRuns: 400 },
  );
});

forEachSetup('(h) elapsed time never decreases as now grows, and a breach stays', (setup) => {
  fc.assert(
    fc.property(ticketArb(setup), laterStepArb, (c, step) => {
      const later = stepFrom(setup, c.now, step);
      const a = run(setup, c);
      const b = byKey(run(setup, { ...c, now: later }));
      for (const ma of a.targets) {
        const mb = b.get(keyOf(ma));
        if (ma.state === 'breached') {
          // A breached clock keeps its target through any later event.
          expect(mb).toBeDefined();
          expect(sameTarget(ma, mb!)).toBe(true);
          expect(mb!.state).toBe('breached');
        }
        if (mb !== undefined && sameTarget(ma, mb)) expect(mb.elapsedMs).toBeGreaterThanOrEqual(ma.elapsedMs);
      }
    }),
    { numRuns: 600 },
  );
});

forEachSetup('(i) thresholds fall at their open time, in order, and only while running are projected', (setup) => {
  fc.assert(
    fc.property(ticketArb(setup), (c) => {
      const r = run(setup, c);
      if (r.nextCheckAt !== null) expect(r.nextCheckAt).toBeGreaterThan(c.now);
      for (const m of r.targets) {
        for (const w of m.thresholds) {
          expect((w.percent === null) !== (w.afterMs === null)).toBe(true);
          expect(w.elapsedMs).toBe(
            w.percent !== null ? Math.max(1, Math.ceil((m.targetMs * w.percent) / 100)) : m.targetMs + w.afterMs!,
          );
          expect(w.reached).toBe(m.elapsedMs >= w.elapsedMs);
          if (w.reached) {
            expect(w.at).not.toBeNull();
            expect(w.at!).toBeGreaterThanOrEqual(m.startedAt);
            expect(w.at!).toBeLessThanOrEqual(c.now);
          } else if (w.at !== null) {
            // Projected: only while the clock runs (breached or not), after now.
            expect(m.state === 'running' || m.state === 'breached').toBe(true);
            expect(m.stoppedAt).toBeNull();
            expect(w.at).toBeGreaterThan(c.now);
          } else {
            expect(m.state === 'running').toBe(false);
          }
          // Before the due instant for a warning, not before it for an escalation.
          if (w.at !== null && m.dueAt !== null && (w.reached || m.stoppedAt === null)) {
            if (w.elapsedMs <= m.targetMs) expect(w.at).toBeLessThanOrEqual(m.dueAt);
            if (w.elapsedMs >= m.targetMs) expect(w.at).toBeGreaterThanOrEqual(m.dueAt);
          }
        }
        // Thresholds with more open time fall later.
        const timed = [...m.thresholds].filter((w) => w.at !== null).sort((x, y) => x.elapsedMs - y.elapsedMs);
        timed.forEach((w, i) => {
          if (i > 0) expect(w.at!).toBeGreaterThanOrEqual(timed[i - 1]!.at!);
        });
      }
    }),
    { numRuns: 600 },
  );
});
