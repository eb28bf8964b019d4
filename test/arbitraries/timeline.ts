import fc from 'fast-check';
import type { AccountDefinition, FieldValue, TicketEvent } from '../../src/index.js';
import {
  dedicatedSetup,
  helpdeskSetup,
  pausingSetup,
  type PlanChange,
  SETUPS,
  standardSetup,
  type TicketSetup,
} from './timelineSetups.js';

/**
 * fast-check arbitraries for SLA ticket timelines on a policy and account: a `created` event with a
 * valid severity of the account's scale, then 0–15 events (replies by agent, customer or automatic;
 * statuses of the setup's vocabulary (by default open, waiting_on_customer, on_hold, solved, reopened;
 * a closed status ends the timeline); severity changes to valid levels;
 * plan changes to valid plans) at non-decreasing integer instants — often several at one instant,
 * often at an exact opening or closing of the setup's calendar — and a `now` not before `created`
 * (after the last event, at an event's instant, or somewhere in between).
 *
 * The setups (policies, accounts, calendars, windows) are in test/arbitraries/timelineSetups.ts.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** One generated ticket: its account, its timeline, and the instant to measure it at. */
export interface TicketCase {
  readonly account: AccountDefinition;
  readonly events: readonly TicketEvent[];
  readonly now: number;
}

const boundaryCache = new WeakMap<TicketSetup, number[]>();

/** Every opening and closing of the setup's calendar from a day before its window to 20 days after. */
export function boundaries(setup: TicketSetup): number[] {
  let list = boundaryCache.get(setup);
  if (list === undefined) {
    const from = setup.window[0] - DAY;
    const to = setup.window[1] + 20 * DAY;
    list = [...new Set(setup.calendar.openIntervals(from, to).flatMap((iv) => [iv.start, iv.end]))]
      .filter((x) => x !== from && x !== to)
      .sort((a, b) => a - b);
    boundaryCache.set(setup, list);
  }
  return list;
}

/** The `skip`-th opening or closing at or after `at` (or `at` itself past the last one). */
function boundaryFrom(setup: TicketSetup, at: number, skip: number): number {
  const list = boundaries(setup);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return list[lo + skip] ?? at;
}

/** How far an instant lies after the one before it. */
export type Step =
  | { readonly kind: 'same' }
  | { readonly kind: 'ms'; readonly ms: number }
  | { readonly kind: 'boundary'; readonly skip: number };

/** Steps between events: often none (one instant), a few ms, minutes, hours, or to a calendar boundary. */
export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'same' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }).map((ms) => ({ kind: 'ms' as const, ms })) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 180 }).map((m) => ({ kind: 'ms' as const, ms: m * MINUTE })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 * HOUR }).map((ms) => ({ kind: 'ms' as const, ms })) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }).map((skip) => ({ kind: 'boundary' as const, skip })) },
);

/** The instant a step leads to from `at` (never earlier). */
export function stepFrom(setup: TicketSetup, at: number, step: Step): number {
  switch (step.kind) {
    case 'same':
      return at;
    case 'ms':
      return at + step.ms;
    case 'boundary':
      return boundaryFrom(setup, at, step.skip);
  }
}

/** An event without its instant. */
export type EventSpec =
  | { readonly kind: 'reply'; readonly author: 'agent' | 'customer' | 'automatic' }
  | { readonly kind: 'status'; readonly status: string }
  | { readonly kind: 'severity'; readonly severity: string }
  | { readonly kind: 'plan'; readonly change: PlanChange; readonly severity: string | undefined }
  | { readonly kind: 'fields'; readonly fields: Readonly<Record<string, FieldValue | null>> };

function eventSpecArb(setup: TicketSetup, changes: boolean): fc.Arbitrary<EventSpec> {
  const options: fc.WeightedArbitrary<EventSpec>[] = [
    {
      weight: 6,
      arbitrary: fc
        .constantFrom('agent' as const, 'customer' as const, 'automatic' as const)
        .map((author) => ({ kind: 'reply' as const, author })),
    },
    {
      weight: 5,
      arbitrary: fc
        .constantFrom(...(setup.statuses ?? ['open', 'waiting_on_customer', 'on_hold', 'solved', 'reopened']))
        .map((status) => ({ kind: 'status' as const, status })),
    },
  ];
  if (changes && setup.fields !== undefined) {
    options.push({
      weight: 1,
      arbitrary: fc.constantFrom(...setup.fields).map((fields) => ({ kind: 'fields' as const, fields })),
    });
  }
  if (changes) {
    options.push({
      weight: 1,
      arbitrary: fc.constantFrom(...setup.levels).map((severity) => ({ kind: 'severity' as const, severity })),
    });
    if (setup.planChanges.length > 0) {
      options.push({
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...setup.planChanges), fc.option(fc.constantFrom(...setup.levels), { nil: undefined }))
          .map(([change, severity]) => ({ kind: 'plan' as const, change, severity })),
      });
    }
  }
  return fc.oneof(...options);
}

/** The event of a spec at an instant. */
export function eventAt(spec: EventSpec, at: number): TicketEvent {
  switch (spec.kind) {
    case 'reply':
      return { kind: 'reply', at, author: spec.author };
    case 'status':
      return { kind: 'status', at, status: spec.status };
    case 'severity':
      return { kind: 'severity', at, severity: spec.severity };
    case 'fields':
      return { kind: 'fields', at, fields: spec.fields };
    case 'plan':
      return {
        kind: 'plan',
        at,
        plan: spec.change.plan,
        ...(spec.change.addOns === undefined ? {} : { addOns: spec.change.addOns }),
        ...(spec.severity === undefined ? {} : { severity: spec.severity }),
      };
  }
}

/** Where `now` lies: after the last event, at an event's instant, or a fraction of the way through. */
type NowSpec =
  | { readonly kind: 'after'; readonly step: Step }
  | { readonly kind: 'event'; readonly index: number }
  | { readonly kind: 'within'; readonly permille: number };

/** Longer steps for `now`: up to six days after the last event. */
export const laterStepArb: fc.Arbitrary<Step> = fc.oneof(
  stepArb,
  fc.integer({ min: 1, max: 6 * DAY }).map((ms) => ({ kind: 'ms' as const, ms })),
);

const nowSpecArb = (after: fc.Arbitrary<Step>): fc.Arbitrary<NowSpec> =>
  fc.oneof(
    { weight: 6, arbitrary: after.map((step) => ({ kind: 'after' as const, step })) },
    { weight: 1, arbitrary: fc.nat().map((index) => ({ kind: 'event' as const, index })) },
    {
      weight: 2,
      arbitrary: fc.integer({ min: 0, max: 1000 }).map((permille) => ({ kind: 'within' as const, permille })),
    },
  );

/** Short steps (same instant, ms, minutes up to an hour): timelines where deadlines are rarely passed. */
export const shortStepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'same' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }).map((ms) => ({ kind: 'ms' as const, ms })) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 60 }).map((m) => ({ kind: 'ms' as const, ms: m * MINUTE })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1 }).map((skip) => ({ kind: 'boundary' as const, skip })) },
);

/** The instant of a ticket's creation: anywhere in the window, or at (or 1 ms off) an opening or closing. */
function createdArb(setup: TicketSetup): fc.Arbitrary<number> {
  const [from, to] = setup.window;
  const inWindow = boundaries(setup).filter((b) => b >= from && b < to);
  return fc.oneof(
    fc.integer({ min: from, max: to - 1 }),
    fc.tuple(fc.constantFrom(...inWindow), fc.constantFrom(0, 0, 0, -1, 1)).map(([b, n]) => b + n),
  );
}

export interface TicketArbOptions {
  /** Most events after `created` (15). */
  readonly maxEvents?: number;
  /** Whether severity and plan changes occur (true). */
  readonly changes?: boolean;
  /** Steps between events ({@link stepArb}). */
  readonly steps?: fc.Arbitrary<Step>;
  /** Steps from the last event to `now`, when `now` is after it (steps, or up to six days). */
  readonly nowSteps?: fc.Arbitrary<Step>;
}

/** A ticket of a setup: account, timeline (`created` then 0–15 events in time order) and `now`. */
export function ticketArb(
  setup: TicketSetup,
  { maxEvents = 15, changes = true, steps = stepArb, nowSteps = laterStepArb }: TicketArbOptions = {},
): fc.Arbitrary<TicketCase> {
  return fc
    .record({
      account: fc.constantFrom(...setup.accounts),
      severity: fc.constantFrom(...setup.levels),
      created: createdArb(setup),
      fields: fc.option(fc.constantFrom(...(setup.fields ?? [{}])), { nil: undefined }),
      items: fc.array(fc.tuple(steps, eventSpecArb(setup, changes)), { maxLength: maxEvents }),
      now: nowSpecArb(nowSteps),
    })
    .map(({ account, severity, created, fields, items, now }): TicketCase => {
      const events: TicketEvent[] = [
        {
          kind: 'created',
          at: created,
          severity,
          ...(setup.fields === undefined || fields === undefined ? {} : { fields }),
        },
      ];
      let at = created;
      for (const [step, spec] of items) {
        at = stepFrom(setup, at, step);
        events.push(eventAt(spec, at));
        // Nothing may follow a closed status: the timeline ends there.
        if (spec.kind === 'status' && setup.closedStatuses?.includes(spec.status)) break;
      }
      const last = at;
      const nowAt =
        now.kind === 'after'
          ? stepFrom(setup, last, now.step)
          : now.kind === 'event'
            ? (events[now.index % events.length]!.at as number)
            : created + Math.floor(((last - created) * now.permille) / 1000);
      return { account, events, now: nowAt };
    });
}

/** Tickets of a setup: with the default steps, or (half the time) with short ones, so more clocks run. */
export const setupTicketArb = (setup: TicketSetup, options: TicketArbOptions = {}): fc.Arbitrary<TicketCase> =>
  fc.oneof(ticketArb(setup, options), ticketArb(setup, { steps: shortStepArb, nowSteps: shortStepArb, ...options }));

export const standardTicketArb = ticketArb(standardSetup);
export const dedicatedTicketArb = ticketArb(dedicatedSetup);
export const pausingTicketArb = ticketArb(pausingSetup);
export const helpdeskTicketArb = ticketArb(helpdeskSetup);

/** A setup with one of its tickets. */
export const anyTicketArb: fc.Arbitrary<{ setup: TicketSetup; ticket: TicketCase }> = fc.oneof(
  ...SETUPS.map((setup) => setupTicketArb(setup).map((ticket) => ({ setup, ticket }))),
);
