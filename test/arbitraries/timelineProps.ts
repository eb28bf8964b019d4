import { describe, it } from 'vitest';
import type { Policy } from '../../src/policy/schema.js';

import { measure } from '../../src/sla/measure.js';
import type { MeasureResult, TargetMeasurement } from '../../src/sla/results.js';
import type { TicketEvent } from '../../src/sla/types.js';
import type { TicketCase } from './timeline.js';
import { SETUPS, type TicketSetup } from './timelineSetups.js';

/**
 * Helpers shared by the properties of `measure` over random timelines (src/sla/measure.prop.test.ts
 * and src/sla/measureClocks.prop.test.ts): measuring a generated ticket, matching its targets
 * across two timelines, the status history and stopped time of a clock, editing a timeline, and
 * one test per setup.
 */

export const at = (e: TicketEvent) => e.at as number;
export const run = (setup: TicketSetup, c: TicketCase, options?: { explain?: boolean }) =>
  measure(setup.policy, c.account, c.events, c.now, options);
/** A target's identity within one ticket: its id and cycle. */
export const keyOf = (m: TargetMeasurement) => `${m.id}#${m.cycle ?? 0}`;
export const byKey = (r: MeasureResult) => new Map(r.targets.map((m) => [keyOf(m), m]));
/**
 * The same policy target (so the same duration, clock and pause statuses), from the same start.
 * Comparisons across two timelines are made only then: a re-target skips breached clocks, so a
 * pause or an earlier reply may leave a clock with another target (even another clock) in one of
 * them, and elapsed times on different targets do not compare.
 */
export const sameTarget = (a: TargetMeasurement, b: TargetMeasurement) =>
  a.startedAt === b.startedAt && a.targetMs === b.targetMs && JSON.stringify(a.source) === JSON.stringify(b.source);

/** The pause statuses of the policy target a measurement was read from. */
export function pauseOnOf(policy: Policy, m: TargetMeasurement): readonly string[] {
  if (m.source.kind === 'rule') {
    const [, , rule, , index] = m.source.path as [string, string, number, string, number];
    return policy.sla!.rules![rule]!.targets[index]!.pauseOn ?? [];
  }
  const [section, id, , index] = m.source.path as [string, string, string, number];
  const owner = section === 'plans' ? policy.plans[id] : policy.addOns[id];
  return owner!.targets[index]!.pauseOn ?? [];
}

/** The status from each instant on (after every event at that instant), for the events up to `upTo`. */
export function statusSteps(events: readonly TicketEvent[], upTo: number): { at: number; status: string }[] {
  const steps = [{ at: at(events[0]!), status: 'open' as string }];
  for (const e of events) {
    if (at(e) > upTo) break;
    if (e.kind !== 'status') continue;
    const status: string = e.status === 'reopened' ? 'open' : e.status;
    const last = steps[steps.length - 1]!;
    if (last.at === at(e)) last.status = status;
    else steps.push({ at: at(e), status });
  }
  return steps;
}

/** N: the time in `[from, to)` at which a clock with `pauseOn` does not run (solved or paused). */
export function stoppedTime(
  steps: readonly { at: number; status: string }[],
  pauseOn: readonly string[],
  from: number,
  to: number,
): number {
  let sum = 0;
  steps.forEach((s, i) => {
    if (s.status !== 'solved' && !pauseOn.includes(s.status as string)) return;
    const a = Math.max(s.at, from);
    const b = Math.min(steps[i + 1]?.at ?? Number.POSITIVE_INFINITY, to);
    if (a < b) sum += b - a;
  });
  return sum;
}

/** Inserts `event` among the events at its instant (position `pos` of the possible ones), keeping time order. */
export function insertAt(events: readonly TicketEvent[], event: TicketEvent, pos: number): TicketEvent[] {
  const x = at(event);
  const lo = Math.max(1, events.filter((e) => at(e) < x).length);
  const hi = Math.max(lo, events.filter((e) => at(e) <= x).length);
  const i = lo + (pos % (hi - lo + 1));
  return [...events.slice(0, i), event, ...events.slice(i)];
}

export const withEvents = (c: TicketCase, events: readonly TicketEvent[]): TicketCase => ({ ...c, events });
export const lastAt = (c: TicketCase) => at(c.events[c.events.length - 1]!);

/** One property, one test per setup. */
export function forEachSetup(
  name: string,
  body: (setup: TicketSetup) => void,
  setups: readonly TicketSetup[] = SETUPS,
) {
  describe(name, () => {
    for (const setup of setups) it(setup.name, () => body(setup));
  });
}
