import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../src/index.js';
import { type ClockResult, measureClock, type TimelineEvent } from '../../scripts/conformance/measureClock.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 9); // Monday 2 March 2026, 10:00 in Madrid
const weekdays: [string, string][] = [['08:00', '18:00']];
const madrid = compileCalendar({
  zone: 'Europe/Madrid',
  week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays },
});

/** Random customer/automatic replies and status changes (never an agent reply, never solved) after creation. */
const noise = fc.array(
  fc.record({
    dt: fc.integer({ min: 0, max: 30 * HOUR }),
    kind: fc.constantFrom('customer', 'automatic', 'open', 'on_hold'),
  }),
  { maxLength: 6 },
);

function timeline(items: { dt: number; kind: string }[]): TimelineEvent[] {
  const sorted = [...items].sort((a, b) => a.dt - b.dt);
  return [
    { at: T0, type: 'created' },
    ...sorted.map((x): TimelineEvent =>
      x.kind === 'customer' || x.kind === 'automatic'
        ? { at: T0 + x.dt, type: 'reply', author: x.kind }
        : { at: T0 + x.dt, type: 'status', status: x.kind as 'open' | 'on_hold' },
    ),
  ];
}

/** Inserts a pause (waiting on the customer from `a` to `b`) into a timeline, keeping time order. */
function withPause(events: TimelineEvent[], a: number, b: number): TimelineEvent[] {
  const extra: TimelineEvent[] = [
    { at: a, type: 'status', status: 'waiting_on_customer' },
    { at: b, type: 'status', status: 'open' },
  ];
  // A pause ends any hold too, so only timelines without statuses inside [a, b] are compared.
  return [...events, ...extra].sort(
    (x, y) => x.at - y.at || (x.type === 'created' ? -1 : y.type === 'created' ? 1 : 0),
  );
}

const target = (ms: number) => ({ metric: 'firstResponse', ms, pauseOn: ['waiting_on_customer', 'on_hold'] });

describe('SLA clock properties', () => {
  it("a 24/7 target's due is start + duration + the time it spent paused", () => {
    fc.assert(
      fc.property(
        noise,
        fc.integer({ min: 1, max: 20 * HOUR }),
        fc.integer({ min: 0, max: 40 * HOUR }),
        (items, ms, nowDt) => {
          const events = timeline(items).filter((e) => e.at <= T0 + nowDt);
          const r = measureClock(null, { target: target(ms), events, now: T0 + nowDt }) as ClockResult;
          if (r.state !== 'running') return;
          // Paused time: the spans in on_hold before now.
          let paused = 0;
          let holdSince: number | undefined;
          for (const e of events) {
            if (e.type !== 'status') continue;
            if (e.status === 'on_hold' && holdSince === undefined) holdSince = e.at;
            if (e.status === 'open' && holdSince !== undefined) {
              paused += e.at - holdSince;
              holdSince = undefined;
            }
          }
          expect(r.due).toBe(T0 + ms + paused);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding a pause never makes a deadline earlier', () => {
    fc.assert(
      fc.property(
        noise.map((items) => items.filter((x) => x.kind === 'customer' || x.kind === 'automatic')),
        fc.integer({ min: 1, max: 20 * HOUR }),
        fc.integer({ min: 0, max: 30 * HOUR }),
        fc.integer({ min: 1, max: 10 * HOUR }),
        fc.integer({ min: 30 * HOUR, max: 60 * HOUR }),
        fc.boolean(),
        (items, ms, pauseStart, pauseLength, nowDt, business) => {
          const cal = business ? madrid : null;
          const now = T0 + nowDt;
          const base = timeline(items);
          const paused = withPause(base, T0 + pauseStart, T0 + pauseStart + pauseLength);
          const a = measureClock(cal, { target: target(ms), events: base, now }) as ClockResult;
          const b = measureClock(cal, { target: target(ms), events: paused, now }) as ClockResult;
          expect(b.elapsed).toBeLessThanOrEqual(a.elapsed);
          if (a.due !== null && b.due !== null) expect(b.due).toBeGreaterThanOrEqual(a.due);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an agent reply earlier never makes the first response later', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * HOUR }),
        fc.integer({ min: 0, max: 40 * HOUR }),
        fc.integer({ min: 1, max: 20 * HOUR }),
        (x, y, ms) => {
          const [early, late] = x <= y ? [x, y] : [y, x];
          const run = (dt: number) =>
            measureClock(madrid, {
              target: target(ms),
              events: [
                { at: T0, type: 'created' },
                { at: T0 + dt, type: 'reply', author: 'agent' },
              ],
              now: T0 + 50 * HOUR,
            }) as ClockResult;
          const a = run(early);
          const b = run(late);
          expect(a.stoppedAt!).toBeLessThanOrEqual(b.stoppedAt!);
          expect(a.elapsed).toBeLessThanOrEqual(b.elapsed);
        },
      ),
      { numRuns: 300 },
    );
  });
});
