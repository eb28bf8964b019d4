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
import { dedicatedSetup, pausingSetup } from '../../test/arbitraries/timelineSetups.js';

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
      expect(explained.targets.map(({ spans: _, ...rest }) => rest)).toStrictEqual(
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
        else if (m.stoppedAt !== null && m.stoppedAt < c.now && explained.status !== 'solved')
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

forEachSetup('(i) warnings fall at their threshold, before the due instant', (setup) => {
  fc.assert(
    fc.property(ticketArb(setup), (c) => {
      const r = run(setup, c);
      if (r.nextCheckAt !== null) expect(r.nextCheckAt).toBeGreaterThan(c.now);
      for (const m of r.targets) {
        for (const w of m.thresholds) {
          expect(w.elapsedMs).toBe(Math.max(1, Math.ceil((m.targetMs * w.percent!) / 100)));
          expect(w.elapsedMs).toBeLessThanOrEqual(m.targetMs);
          expect(w.reached).toBe(m.elapsedMs >= w.elapsedMs);
          if (w.reached) {
            expect(w.at).not.toBeNull();
            expect(w.at!).toBeGreaterThanOrEqual(m.startedAt);
            expect(w.at!).toBeLessThanOrEqual(c.now);
            if (m.dueAt !== null) expect(w.at!).toBeLessThanOrEqual(m.dueAt);
          } else if (w.at !== null) {
            // Projected: only while running, after now, not after the due instant.
            expect(m.state).toBe('running');
            expect(w.at).toBeGreaterThan(c.now);
            expect(w.at).toBeLessThanOrEqual(m.dueAt!);
          } else {
            expect(m.state === 'running').toBe(false);
          }
        }
      }
    }),
    { numRuns: 600 },
  );
});
