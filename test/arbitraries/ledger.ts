import fc from 'fast-check';
import {
  type ConversationClass,
  createLedger,
  type DeductionRules,
  type ErrorCode,
  type LedgerEvent,
  parsePolicy,
  type Policy,
  standardSupport,
} from '../../src/index.js';
import { LedgerModel } from '../reference/ledgerModel.js';

/**
 * Random support-hours ledgers for the property tests of src/hours: random choices ("actions")
 * turned into events against the reference model's current state, so that one description serves
 * both the fc.commands test and the generator of valid event lists for the replay properties.
 * Three accounts (`pool` is a partner pool with clients), contract years 2024–2029, conversations
 * whose events fall in the first 48 hours of a year (so that classifications often tie on `at`).
 */

export const HOUR = 3_600_000;
export const ACCOUNTS = ['acme', 'globex', 'pool'] as const;
/** Clients of the partner pool `pool`; `undefined` is a conversation of the pool itself. */
const CLIENTS = ['shop-1', 'shop-2', undefined] as const;
const FIRST_YEAR = 2024;
const SLOTS = 6; // contract years 2024–2029, each a calendar year in UTC
export const CLASSES: readonly ConversationClass[] = ['normal', 'incident', 'expected_behaviour', 'customer_success'];

const basePolicy = parsePolicy(standardSupport);
export const STANDARD = basePolicy.supportHours!.deduction;
/** The standard preset with other deduction rules, parsed (a ledger takes only a policy parsePolicy returned). */
export const policyWith = (rules: DeductionRules): Policy =>
  parsePolicy({ ...standardSupport, supportHours: { ...standardSupport.supportHours, deduction: rules } });

/** Contract years are calendar years in UTC, with ids `y2026`. */
const slotYear = (slot: number) => FIRST_YEAR + (slot % SLOTS);
export const yearSpan = (y: number) => ({ year: `y${y}`, from: Date.UTC(y, 0, 1), to: Date.UTC(y + 1, 0, 1) });

export type Action =
  | { readonly t: 'grant'; readonly acc: number; readonly slot: number; readonly minutes: number; readonly tag: string }
  | { readonly t: 'renew'; readonly acc: number; readonly gap: number; readonly minutes: number; readonly tag: string }
  | {
      readonly t: 'open';
      readonly acc: number;
      readonly pick: number;
      readonly mode: 'new' | 'pending' | 'again';
      readonly year: number;
      readonly hour: number;
      readonly channel: string;
      readonly client: number;
      readonly tag: string;
    }
  | {
      readonly t: 'handle';
      readonly acc: number;
      readonly pick: number;
      readonly fresh: boolean;
      readonly year: number;
      readonly hour: number;
      readonly minutes: number;
      readonly tag: string;
    }
  | {
      readonly t: 'document' | 'void';
      readonly acc: number;
      readonly pick: number;
      readonly year: number;
      readonly hour: number;
      readonly tag: string;
    }
  | {
      readonly t: 'classify';
      readonly acc: number;
      readonly pick: number;
      readonly year: number;
      readonly hour: number;
      readonly as: ConversationClass;
      readonly tag: string;
    };

/** The model plus a counter for fresh ids. */
export interface Ctx {
  readonly m: LedgerModel;
  next: number;
}

/** An event built from an action, and what the ledger must do with it. */
export interface Planned {
  readonly event: LedgerEvent<number>;
  readonly expected: 'ok' | ErrorCode;
}

/** Ids start with a random letter, so the tie-break by id is unrelated to the order of application. */
export const fresh = (ctx: Ctx, prefix: string, tag: string) => `${tag}${prefix}${ctx.next++}`;

export function plan(ctx: Ctx, a: Action): Planned | undefined {
  const { m } = ctx;
  // A grant may open a new account; every other event goes to an account that has a contract year.
  const known = m.accounts();
  const account =
    a.t === 'grant' || known.length === 0 ? ACCOUNTS[a.acc % ACCOUNTS.length]! : known[a.acc % known.length]!;
  const years = m.years(account);
  if (a.t === 'grant') {
    const y = slotYear(a.slot);
    const span = yearSpan(y);
    const event: LedgerEvent<number> = {
      id: fresh(ctx, 'g', a.tag),
      kind: 'package_granted',
      account,
      at: span.from,
      ...span,
      minutes: a.minutes,
    };
    // A year already granted to this account: its id is reused, which is a conflict.
    return { event, expected: years.some((z) => z.id === span.year) ? 'event_conflict' : 'ok' };
  }
  const latest = years[years.length - 1];
  if (latest === undefined) return undefined; // no contract year yet: nothing else applies
  if (a.t === 'renew') {
    const y = new Date(latest.from).getUTCFullYear() + 1 + a.gap;
    if (y >= FIRST_YEAR + SLOTS) return undefined;
    const span = yearSpan(y);
    const event: LedgerEvent<number> = {
      id: fresh(ctx, 'r', a.tag),
      kind: 'contract_renewed',
      account,
      at: span.from,
      ...span,
      previousYear: latest.id,
      minutes: a.minutes,
    };
    return { event, expected: 'ok' };
  }
  const year = years[a.year % years.length]!;
  const base = { account, at: year.from + (a.hour % 48) * HOUR } as const;
  const conversations = m.conversationIds(account);
  const pickFrom = (list: readonly string[]) => (list.length === 0 ? undefined : list[a.pick % list.length]);
  if (a.t === 'open') {
    const pending = m.pending(account);
    const opened = conversations.filter((c) => !pending.includes(c));
    const client = account === 'pool' ? CLIENTS[a.client % CLIENTS.length] : undefined;
    const again = a.mode === 'again' ? pickFrom(opened) : undefined;
    const conversation = again ?? (a.mode === 'pending' ? pickFrom(pending) : undefined) ?? fresh(ctx, 'c', '');
    const event: LedgerEvent<number> = {
      id: fresh(ctx, 'o', a.tag),
      kind: 'conversation_opened',
      ...base,
      conversation,
      channel: a.channel,
      ...(client === undefined ? {} : { client }),
    };
    return { event, expected: again === undefined ? 'ok' : 'event_conflict' };
  }
  const conversation = (a.t === 'handle' && a.fresh ? undefined : pickFrom(conversations)) ?? fresh(ctx, 'c', '');
  const id = fresh(ctx, a.t[0]!, a.tag);
  switch (a.t) {
    case 'handle':
      return { event: { id, kind: 'time_handled', ...base, conversation, minutes: a.minutes }, expected: 'ok' };
    case 'document':
      return { event: { id, kind: 'answered_with_documentation', ...base, conversation }, expected: 'ok' };
    case 'void':
      return { event: { id, kind: 'conversation_voided', ...base, conversation }, expected: 'ok' };
    case 'classify':
      return { event: { id, kind: 'classified', ...base, conversation, as: a.as }, expected: 'ok' };
  }
}

/** The same event id with different content: one field changed. */
export function conflicting(e: LedgerEvent<number>, variant: number): LedgerEvent<number> {
  if (variant % 2 === 0) return { ...e, at: e.at + 1 };
  switch (e.kind) {
    case 'package_granted':
    case 'contract_renewed':
    case 'time_handled':
      return { ...e, minutes: e.minutes + 15 };
    case 'classified':
      return { ...e, as: e.as === 'incident' ? 'normal' : 'incident' };
    case 'conversation_opened':
      return { ...e, channel: `${e.channel}-x` };
    default:
      return { ...e, conversation: `${e.conversation}-x` };
  }
}

export const tagArb = fc.constantFrom('a', 'm', 'z');
const handledMinutesArb = fc.oneof(
  fc.constantFrom(0, 1, 14, 15, 16, 22, 23, 29, 30, 31, 44, 45, 46, 60, 61),
  fc.nat(240),
);
const packageMinutesArb = fc.oneof(fc.constantFrom(0, 15, 30, 60, 120, 600), fc.nat(1000));
const where = { acc: fc.nat(), pick: fc.nat(), year: fc.nat(), hour: fc.nat(), tag: tagArb };

export const grantArb = fc.record({
  t: fc.constant('grant' as const),
  acc: fc.nat(),
  slot: fc.nat(),
  minutes: packageMinutesArb,
  tag: tagArb,
});
export const renewArb = fc.record({
  t: fc.constant('renew' as const),
  acc: fc.nat(),
  gap: fc.nat(1),
  minutes: packageMinutesArb,
  tag: tagArb,
});
export const openArb = fc.record({
  t: fc.constant('open' as const),
  ...where,
  mode: fc.constantFrom('new' as const, 'new' as const, 'pending' as const, 'again' as const),
  channel: fc.constantFrom('ticket', 'chat'),
  client: fc.nat(),
});
export const handleArb = fc.record({
  t: fc.constant('handle' as const),
  ...where,
  fresh: fc.nat(5).map((n) => n === 0),
  minutes: handledMinutesArb,
});
export const documentArb = fc.record({ t: fc.constant('document' as const), ...where });
export const voidArb = fc.record({ t: fc.constant('void' as const), ...where });
export const classifyArb = fc.record({
  t: fc.constant('classify' as const),
  ...where,
  as: fc.constantFrom(...CLASSES),
});

/** Actions that always produce an accepted event (used to generate valid event lists). */
export const validActionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: grantArb, weight: 1 },
  { arbitrary: renewArb, weight: 1 },
  { arbitrary: openArb.map((a) => (a.mode === 'again' ? { ...a, mode: 'new' as const } : a)), weight: 4 },
  { arbitrary: handleArb, weight: 4 },
  { arbitrary: documentArb, weight: 1 },
  { arbitrary: voidArb, weight: 1 },
  { arbitrary: classifyArb, weight: 4 },
);

/** Deduction rules within the invariants' assumptions: incidents and Customer Success free, minimum in whole increments. */
export const rulesArb: fc.Arbitrary<DeductionRules> = fc
  .record({
    incrementMinutes: fc.constantFrom(1, 5, 6, 10, 15, 30),
    steps: fc.integer({ min: 1, max: 4 }),
    rounding: fc.constantFrom('down' as const, 'up' as const, 'nearest' as const),
    documentationAnswer: fc.constantFrom('minimum' as const, 'handled' as const),
    carryOver: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.constant({ kind: 'all' as const }),
      fc.integer({ min: 1, max: 300 }).map((capMinutes) => ({ kind: 'capped' as const, capMinutes })),
    ),
  })
  .map(({ steps, ...r }) => ({
    ...r,
    minimumMinutes: steps * r.incrementMinutes,
    incidents: 'free' as const,
    customerSuccess: 'free' as const,
  }));

/** A valid list of events (in an order `applyEvent` accepts), possibly with replays, and its model. */
export const scenarioArb = (rules: DeductionRules) =>
  fc
    .tuple(fc.array(validActionArb, { minLength: 1, maxLength: 60, size: 'max' }), fc.array(fc.nat(), { maxLength: 6 }))
    .map(([actions, dups]) => {
      const ctx: Ctx = { m: new LedgerModel(rules), next: 0 };
      const span = yearSpan(2026);
      const events: LedgerEvent<number>[] = [
        { id: 'g-start', kind: 'package_granted', account: 'acme', at: span.from, ...span, minutes: 120 },
      ];
      ctx.m.add(events[0]!);
      for (const a of actions) {
        const p = plan(ctx, a);
        if (p === undefined || p.expected !== 'ok') continue;
        ctx.m.add(p.event);
        events.push(p.event);
      }
      for (const d of dups) events.push(structuredClone(events[d % events.length]!)); // replays within the list
      return { events, model: ctx.m };
    });

export const withShuffle = (rules: DeductionRules) =>
  scenarioArb(rules).chain((s) =>
    fc
      .shuffledSubarray(s.events, { minLength: s.events.length, maxLength: s.events.length })
      .map((shuffled) => ({ ...s, shuffled })),
  );

export const empty = (rules: DeductionRules) => createLedger(policyWith(rules));
