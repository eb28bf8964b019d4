/**
 * The SLA batch workload: 100,000 tickets of 10 events each, from a seeded PRNG. Half are direct
 * customers of `standardSupport` (Enterprise, Premium, Starter, Connect provider), half are
 * All-inclusive customers with the `dedicated_support` add-on of `dedicatedSupport`. Tickets are
 * created over 2025–2027 (mostly in office hours) and listed in creation order, the way a helpdesk
 * export by ticket id is. Each one is created with a severity and answered automatically; then
 * agent turns (sometimes putting the ticket on waiting_on_customer) and customer turns (which
 * reopen it) alternate, with an occasional severity change and sometimes a solve and a reopening
 * on the way; the 10th event solves most tickets. Instants are whole epoch ms, never decreasing.
 */
import type { AccountDefinition, TicketEvent } from '../src/index.js';
import { mulberry32 } from './workload.js';

export const TICKETS = 100_000;
export const EVENTS_PER_TICKET = 10;
export const SLA_SEED = 0x51a7_2026;
/** Customers per preset; each has one account object, shared by its tickets. */
export const CUSTOMERS = 2_500;
/** Tickets are created in [CREATED_FROM, CREATED_TO). */
export const CREATED_FROM = Date.UTC(2025, 0, 1);
export const CREATED_TO = Date.UTC(2027, 11, 31);
/** The `now` of every batch call: some December 2027 tickets are still running, some events lie after it. */
export const NOW = Date.UTC(2027, 11, 31, 12);
/** Shares of the ticket-level variants. */
export const SEVERITY_CHANGE_SHARE = 0.08;
export const REOPEN_SHARE = 0.12;
export const SOLVED_LAST_SHARE = 0.88;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SlaTicketInput {
  readonly account: AccountDefinition;
  readonly events: TicketEvent[];
}

/** standardSupport: plan weights and severity weights (its `incident` scale). */
export const STANDARD_PLANS: readonly (readonly [string, number])[] = [
  ['enterprise', 0.2],
  ['premium', 0.35],
  ['starter', 0.35],
  ['connect_provider', 0.1],
];
export const STANDARD_LEVELS: readonly (readonly [string, number])[] = [
  ['critical', 0.1],
  ['major', 0.3],
  ['minor', 0.6],
];
/** dedicatedSupport: the `vip` scale. */
export const VIP_LEVELS: readonly (readonly [string, number])[] = [
  ['sev1', 0.05],
  ['sev2', 0.15],
  ['sev3', 0.3],
  ['sev4', 0.25],
  ['sev5', 0.25],
];
/** Mean first-reply delay (wall clock) per standard plan, and per VIP level. */
export const STANDARD_FIRST_REPLY: Readonly<Record<string, number>> = {
  enterprise: 1.5 * HOUR,
  premium: 6 * HOUR,
  starter: 14 * HOUR,
  connect_provider: 14 * HOUR,
};
export const VIP_FIRST_REPLY: Readonly<Record<string, number>> = {
  sev1: 35 * MINUTE,
  sev2: 45 * MINUTE,
  sev3: 2 * HOUR,
  sev4: 10 * HOUR,
  sev5: 12 * HOUR,
};

export interface PresetWorkload {
  readonly name: string;
  readonly tickets: SlaTicketInput[];
  /** Tickets per plan and per initial severity. */
  readonly plans: Readonly<Record<string, number>>;
  readonly severities: Readonly<Record<string, number>>;
}

export interface SlaWorkload {
  readonly standard: PresetWorkload;
  readonly dedicated: PresetWorkload;
  /** Events per kind over both presets ("reply:agent", "status:solved", …). */
  readonly kinds: Readonly<Record<string, number>>;
  readonly severityChanges: number;
  readonly reopened: number;
  /** Events after NOW (validated, then ignored by measure). */
  readonly eventsAfterNow: number;
  readonly ticketsAfterNowEvents: number;
}

export type Rng = {
  readonly u: () => number;
  readonly int: (n: number) => number;
  readonly pick: (w: readonly (readonly [string, number])[]) => string;
  readonly gap: (mean: number) => number;
};

export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const u = () => next() / 4_294_967_296;
  return {
    u,
    int: (n) => Math.floor(u() * n),
    pick: (w) => {
      let x = u();
      for (const [k, p] of w) if ((x -= p) < 0) return k;
      return w[w.length - 1]![0];
    },
    // Exponential with the given mean, whole ms, at least one second.
    gap: (mean) => 1_000 + Math.floor(-Math.log(1 - u()) * mean),
  };
}

/** A creation instant: a uniform day; 75 % in 07:00–19:00 UTC (office hours in Madrid and Bratislava), else any time. */
function createdAt(r: Rng): number {
  const days = Math.floor((CREATED_TO - CREATED_FROM) / DAY);
  const day = CREATED_FROM + r.int(days) * DAY;
  return r.u() < 0.75 ? day + 7 * HOUR + r.int(12 * HOUR) : day + r.int(DAY);
}

/** The workloads' customers: `CUSTOMERS` accounts of each preset, the standard ones on plans drawn from `r`. */
export function presetAccounts(r: Rng): {
  standardAccounts: AccountDefinition[];
  dedicatedAccounts: AccountDefinition[];
} {
  const standardAccounts = Array.from({ length: CUSTOMERS }, (): AccountDefinition => ({
    type: 'direct',
    plan: r.pick(STANDARD_PLANS),
  }));
  const dedicatedAccounts = Array.from({ length: CUSTOMERS }, (): AccountDefinition => ({
    type: 'customer',
    plan: 'all_inclusive',
    addOns: ['dedicated_support'],
  }));
  return { standardAccounts, dedicatedAccounts };
}

/** One ticket's 10 events. `levels` is the severity scale; `firstReply` the mean delay of the first agent reply. */
export function ticketEvents(
  r: Rng,
  created: number,
  severity: string,
  levels: readonly (readonly [string, number])[],
  firstReply: number,
): { events: TicketEvent[]; severityChanged: boolean; reopened: boolean } {
  const events: TicketEvent[] = [];
  const cap = EVENTS_PER_TICKET - 1; // the last slot is kept for the closing event
  const push = (e: TicketEvent) => {
    if (events.length < cap) events.push(e);
  };
  let t = created;
  events.push({ kind: 'created', at: t, severity });
  // The automatic acknowledgement: at the same millisecond three times in ten, else within 30 s.
  t += r.u() < 0.3 ? 0 : r.int(30_000);
  events.push({ kind: 'reply', at: t, author: 'automatic' });

  const changeSeverity = r.u() < SEVERITY_CHANGE_SHARE;
  const reopen = r.u() < REOPEN_SHARE;
  let level = severity;
  let agentReplies = 0;
  let waiting = false;
  let severityChanged = false;
  let reopened = false;
  while (events.length < cap) {
    // Agent turn: maybe a severity change first (triage), then the reply, often waiting on the customer.
    if (changeSeverity && !severityChanged && (agentReplies > 0 || r.u() < 0.5)) {
      let next = level;
      while (next === level) next = r.pick(levels);
      t += r.gap(agentReplies === 0 ? firstReply / 3 : 4 * HOUR);
      push({ kind: 'severity', at: t, severity: next });
      level = next;
      severityChanged = true;
    }
    t += r.gap(agentReplies === 0 ? firstReply : 3 * HOUR);
    push({ kind: 'reply', at: t, author: 'agent' });
    agentReplies++;
    if (r.u() < 0.6) {
      t += r.gap(2 * MINUTE);
      push({ kind: 'status', at: t, status: 'waiting_on_customer' });
      waiting = true;
    }
    // Solved on the way, and reopened by the customer days later.
    if (reopen && !reopened && agentReplies === 2) {
      t += r.gap(DAY);
      push({ kind: 'status', at: t, status: 'solved' });
      t += r.gap(3 * DAY);
      push({ kind: 'status', at: t, status: 'reopened' });
      reopened = events.length < cap;
      waiting = false;
    }
    // Customer turn: a reply, and the ticket back to open when it was waiting.
    t += r.gap(8 * HOUR);
    push({ kind: 'reply', at: t, author: 'customer' });
    if (waiting) {
      t += r.gap(MINUTE);
      push({ kind: 'status', at: t, status: 'open' });
      waiting = false;
    }
  }
  // The 10th event: solved most of the time, else one more reply.
  const x = r.u();
  t += r.gap(x < SOLVED_LAST_SHARE ? DAY : 4 * HOUR);
  events.push(
    x < SOLVED_LAST_SHARE
      ? { kind: 'status', at: t, status: 'solved' }
      : { kind: 'reply', at: t, author: x < 0.95 ? 'agent' : 'customer' },
  );
  return { events, severityChanged, reopened };
}

function count(into: Record<string, number>, key: string) {
  into[key] = (into[key] ?? 0) + 1;
}

export function makeSlaWorkload(tickets = TICKETS, seed = SLA_SEED): SlaWorkload {
  const r = rng(seed);
  const kinds: Record<string, number> = {};
  let severityChanges = 0;
  let reopenedCount = 0;
  let eventsAfterNow = 0;
  let ticketsAfterNowEvents = 0;

  const build = (
    name: string,
    n: number,
    accounts: readonly AccountDefinition[],
    levels: typeof VIP_LEVELS,
    firstReply: (a: AccountDefinition, level: string) => number,
  ): PresetWorkload => {
    const created = Array.from({ length: n }, () => createdAt(r)).sort((a, b) => a - b);
    const plans: Record<string, number> = {};
    const severities: Record<string, number> = {};
    const list: SlaTicketInput[] = [];
    for (let i = 0; i < n; i++) {
      const account = accounts[r.int(accounts.length)]!;
      const level = r.pick(levels);
      const t = ticketEvents(r, created[i]!, level, levels, firstReply(account, level));
      count(plans, account.plan ?? '');
      count(severities, level);
      if (t.severityChanged) severityChanges++;
      if (t.reopened) reopenedCount++;
      let after = 0;
      for (const e of t.events) {
        count(kinds, e.kind === 'reply' ? `reply:${e.author}` : e.kind === 'status' ? `status:${e.status}` : e.kind);
        if ((e.at as number) > NOW) after++;
      }
      eventsAfterNow += after;
      if (after > 0) ticketsAfterNowEvents++;
      list.push({ account, events: t.events });
    }
    return { name, tickets: list, plans, severities };
  };

  const half = Math.floor(tickets / 2);
  const { standardAccounts, dedicatedAccounts } = presetAccounts(r);
  const standard = build(
    'standardSupport',
    half,
    standardAccounts,
    STANDARD_LEVELS,
    (a) => STANDARD_FIRST_REPLY[a.plan!]!,
  );
  const dedicated = build(
    'dedicatedSupport',
    tickets - half,
    dedicatedAccounts,
    VIP_LEVELS,
    (_, level) => VIP_FIRST_REPLY[level]!,
  );
  return {
    standard,
    dedicated,
    kinds,
    severityChanges,
    reopened: reopenedCount,
    eventsAfterNow,
    ticketsAfterNowEvents,
  };
}
