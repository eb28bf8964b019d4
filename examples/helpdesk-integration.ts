/**
 * `npx tsx examples/helpdesk-integration.ts`: a helpdesk keeping every ticket's SLA deadlines up
 * to date as ticket events arrive, one at a time.
 *
 * An in-memory ticket store stands in for the helpdesk's database. For each incoming event (a
 * scripted stream: four tickets on the `standardSupport` preset, in Madrid, and one VIP ticket on
 * `dedicatedSupport`'s dedicated-support add-on, in Bratislava, in the Easter week of 2026) it
 * appends the event to the ticket's stored events, folds it into the ticket's state with
 * `advance`, measures the state with `measureState` at the event's instant, stores one deadline
 * row per target (state, due instant, next warning, next check) and prints a log line in the
 * ticket's local time. It also shows what an integration meets in practice: automatic
 * acknowledgements that never count, a severity change that re-targets the clock, a ticket solved
 * and reopened, an event refused with its path, and an event delivered late (earlier than events
 * already stored), handled by re-folding the stored events in time order. Finally it "restarts":
 * a new store is built from the saved events alone and must compute the same rows.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import {
  type AccountDefinition,
  advance,
  dedicatedSupport,
  isSupportPolicyError,
  type MeasureResult,
  measureState,
  parsePolicy,
  type SlaState,
  standardSupport,
  startTicket,
  type TicketEvent,
} from '../src/index.js';

/** The policies the helpdesk serves, validated once at start-up. */
const policies = { standard: parsePolicy(standardSupport), dedicated: parsePolicy(dedicatedSupport) };
export type PolicyName = keyof typeof policies;

/** Who a ticket belongs to: sent with its first event, stored with the ticket. */
export interface TicketInfo {
  readonly policy: PolicyName;
  readonly account: AccountDefinition;
  /** The zone the helpdesk shows the ticket's times in. */
  readonly zone: string;
}

/** An event as the helpdesk's webhook delivers it: instants as epoch ms. */
export interface IncomingEvent {
  readonly ticket: string;
  readonly event: TicketEvent & { readonly at: number };
  /** Present on the `created` event only. */
  readonly info?: TicketInfo;
}

/** One row of the helpdesk's deadline table: a target of a ticket, as of the ticket's last event. */
export interface DeadlineRow {
  readonly ticket: string;
  /** The target's id, with its cycle for follow-ups and periodic updates: `firstResponse`, `periodicUpdate#1`…. */
  readonly target: string;
  readonly state: 'running' | 'paused' | 'achieved' | 'breached';
  /** ISO-8601 UTC instants, or null. */
  readonly dueAt: string | null;
  readonly nextWarningAt: string | null;
  /** When the helpdesk should measure the ticket again (the same on every row of a ticket). */
  readonly nextCheckAt: string | null;
}

interface StoredTicket {
  readonly info: TicketInfo;
  /** The record: every accepted event, in time order. */
  readonly events: (TicketEvent & { readonly at: number })[];
  /** A cache, rebuilt from the events after a restart: a state cannot be serialised. */
  state: SlaState;
  deadlines: DeadlineRow[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The deadline rows of one measured ticket. */
export function deadlineRows(ticket: string, result: MeasureResult): DeadlineRow[] {
  return result.targets.map((t) => ({
    ticket,
    target: t.cycle === null ? t.id : `${t.id}#${t.cycle}`,
    state: t.state,
    dueAt: iso(t.dueAt),
    nextWarningAt: iso(t.thresholds.find((w) => !w.reached && w.at !== null)?.at ?? null),
    nextCheckAt: iso(result.nextCheckAt),
  }));
}

/** Folds events into a fresh state: after a restart, or when an event arrives late. */
function fold(info: TicketInfo, events: readonly TicketEvent[]): SlaState {
  return events.reduce(advance, startTicket(policies[info.policy], info.account));
}

/** The helpdesk's ticket store, in memory. */
export class TicketStore {
  readonly tickets = new Map<string, StoredTicket>();

  /** Applies one incoming event and returns a log line. A refused event changes nothing. */
  receive({ ticket: id, event, info }: IncomingEvent): string {
    let ticket = this.tickets.get(id);
    const zone = ticket?.info.zone ?? info?.zone ?? 'UTC';
    const head = `${local(event.at, zone, 'ccc dd LLL HH:mm')}  ${id.padEnd(5)}  ${describe(event).padEnd(34)}`;
    try {
      let note = '';
      if (ticket === undefined) {
        if (info === undefined) throw new Error(`ticket ${id}: expected its "created" event first, with the account`);
        ticket = {
          info,
          events: [event],
          state: advance(startTicket(policies[info.policy], info.account), event),
          deadlines: [],
        };
        this.tickets.set(id, ticket);
      } else if (event.at >= ticket.state.lastEventAt!) {
        // The usual case: one more event. `advance` validates it and leaves the old state untouched.
        ticket.state = advance(ticket.state, event);
        ticket.events.push(event);
      } else {
        // Delivered late: a state cannot take events back, so insert it in time order and re-fold.
        const events = [...ticket.events];
        events.splice(
          events.findIndex((e) => e.at > event.at),
          0,
          event,
        );
        ticket.state = fold(ticket.info, events);
        ticket.events.splice(0, ticket.events.length, ...events);
        note = ` (late: re-folded ${events.length} events)`;
      }
      // Measured as of the ticket's latest event: the event's own instant, unless it came late.
      const result = measureState(ticket.state, Math.max(event.at, ticket.state.lastEventAt!));
      ticket.deadlines = deadlineRows(id, result);
      return `${head}${summary(result, zone)}${note}`;
    } catch (error) {
      if (!isSupportPolicyError(error)) throw error;
      return `${head}REFUSED ${error.code}: ${error.message}`;
    }
  }

  /** Every stored deadline row, ticket by ticket. */
  rows(): DeadlineRow[] {
    return [...this.tickets.values()].flatMap((t) => t.deadlines);
  }

  /** What the helpdesk persists: the ticket info and the events, as JSON. */
  save(): string {
    return JSON.stringify([...this.tickets].map(([id, t]) => ({ id, info: t.info, events: t.events })));
  }

  /** A store rebuilt from saved events: each ticket re-folded and measured as of its last event. */
  static restore(saved: string): TicketStore {
    const store = new TicketStore();
    for (const { id, info, events } of JSON.parse(saved) as {
      id: string;
      info: TicketInfo;
      events: StoredTicket['events'];
    }[]) {
      const state = fold(info, events);
      store.tickets.set(id, {
        info,
        events,
        state,
        deadlines: deadlineRows(id, measureState(state, state.lastEventAt!)),
      });
    }
    return store;
  }
}

function local(ms: number, zone: string, format = 'ccc HH:mm'): string {
  return DateTime.fromMillis(ms, { zone }).toFormat(format);
}

function describe(e: TicketEvent): string {
  switch (e.kind) {
    case 'created':
      return `created, ${e.severity}`;
    case 'reply':
      return `${e.author} reply`;
    case 'status':
      return `status ${e.status}`;
    case 'severity':
      return `severity → ${e.severity}`;
    case 'fields':
      return `fields ${Object.keys(e.fields).join(', ')}`;
    default:
      return `plan → ${e.plan}`;
  }
}

const LABELS: Record<string, string> = {
  firstResponse: 'first response',
  followUp: 'follow-up',
  periodicUpdate: 'periodic update',
  resolution: 'resolution',
};

/** `first response running, due Thu 02 Apr 08:30 · next check Wed 18:00 (warning)`. */
function summary(result: MeasureResult, zone: string): string {
  if (result.targets.length === 0) return 'no SLA target';
  const day = (ms: number) => local(ms, zone, 'ccc dd LLL HH:mm');
  const parts = result.targets.map((t) => {
    const name = LABELS[t.id] ?? t.id;
    const label = t.cycle === null ? name : `${name} #${t.cycle}`;
    if (t.state === 'achieved') return `${label} met (${t.elapsedMs / 60_000} min)`;
    if (t.state === 'breached') return `${label} BREACHED by ${t.breachedByMs / 60_000} min`;
    return `${label} ${t.state}${t.dueAt === null ? '' : `, due ${day(t.dueAt)}`}`;
  });
  const next = result.nextCheckAt;
  const why = result.targets.some((t) => t.thresholds.some((w) => w.at === next && !w.reached)) ? 'warning' : 'breach';
  return parts.join('; ') + (next === null ? '' : ` · next check ${day(next)} (${why})`);
}

const MADRID = 'Europe/Madrid';
const BRATISLAVA = 'Europe/Bratislava';
const infos: Record<string, TicketInfo> = {
  'T-101': { policy: 'standard', account: { type: 'direct', plan: 'enterprise' }, zone: MADRID },
  'T-102': { policy: 'standard', account: { type: 'direct', plan: 'premium' }, zone: MADRID },
  'T-103': { policy: 'standard', account: { type: 'direct', plan: 'starter' }, zone: MADRID },
  'T-104': { policy: 'standard', account: { type: 'direct', plan: 'enterprise' }, zone: MADRID },
  'V-201': {
    policy: 'dedicated',
    account: { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] },
    zone: BRATISLAVA,
  },
};

/** The scripted stream, in arrival order: [ticket, local time in the ticket's zone, event]. */
const script: readonly (readonly [string, string, Record<string, string>])[] = [
  ['T-101', '2026-04-01T16:30', { kind: 'created', severity: 'major' }],
  ['T-101', '2026-04-01T16:31', { kind: 'reply', author: 'automatic' }],
  ['T-101', '2026-04-01T17:10', { kind: 'reply', author: 'agent' }],
  ['T-101', '2026-04-01T17:12', { kind: 'status', status: 'waiting_on_customer' }],
  ['T-101', '2026-04-02T09:05', { kind: 'reply', author: 'customer' }],
  ['T-101', '2026-04-02T09:05', { kind: 'status', status: 'open' }],
  ['T-101', '2026-04-02T10:00', { kind: 'status', status: 'solved' }],
  ['T-102', '2026-04-02T15:00', { kind: 'created', severity: 'minor' }],
  ['T-102', '2026-04-02T15:01', { kind: 'reply', author: 'automatic' }],
  ['V-201', '2026-04-02T16:00', { kind: 'created', severity: 'sev3' }],
  ['V-201', '2026-04-02T16:01', { kind: 'reply', author: 'automatic' }],
  // "Everything is down": Severity 1 runs on the 24/7 clock, from the ticket's creation.
  ['V-201', '2026-04-02T16:30', { kind: 'severity', severity: 'sev1' }],
  ['V-201', '2026-04-02T16:50', { kind: 'reply', author: 'agent' }],
  ['V-201', '2026-04-02T19:00', { kind: 'reply', author: 'agent' }],
  // The customer's 17:30 email reaches the helpdesk after the agent's 19:00 answer.
  ['V-201', '2026-04-02T17:30', { kind: 'reply', author: 'customer' }],
  // Severity 1 expects an update at most every 4 hours until solved, waiting on the customer or
  // not: the night without one breaches the periodic update.
  ['V-201', '2026-04-02T19:05', { kind: 'status', status: 'waiting_on_customer' }],
  ['V-201', '2026-04-03T08:00', { kind: 'reply', author: 'customer' }],
  ['V-201', '2026-04-03T08:00', { kind: 'status', status: 'open' }],
  ['V-201', '2026-04-03T09:15', { kind: 'reply', author: 'agent' }],
  ['V-201', '2026-04-03T10:00', { kind: 'status', status: 'solved' }],
  // Good Friday: a holiday on the Madrid calendar, not on the dedicated agent's.
  ['T-103', '2026-04-03T10:00', { kind: 'created', severity: 'minor' }],
  ['T-103', '2026-04-03T10:01', { kind: 'reply', author: 'automatic' }],
  ['T-103', '2026-04-04T11:00', { kind: 'status', status: 'solved' }],
  // The standard preset's targets do not depend on the severity: the deadline stays.
  ['T-102', '2026-04-06T09:00', { kind: 'severity', severity: 'major' }],
  ['T-103', '2026-04-06T09:00', { kind: 'reply', author: 'customer' }],
  ['T-103', '2026-04-06T09:00', { kind: 'status', status: 'reopened' }],
  // An integration bug: a severity the standard scale does not have.
  ['T-102', '2026-04-06T09:30', { kind: 'severity', severity: 'blocker' }],
  ['T-102', '2026-04-06T12:00', { kind: 'reply', author: 'agent' }],
  ['T-102', '2026-04-06T12:05', { kind: 'status', status: 'waiting_on_customer' }],
  ['T-103', '2026-04-07T10:00', { kind: 'reply', author: 'agent' }],
  ['T-103', '2026-04-07T10:30', { kind: 'status', status: 'solved' }],
  // Still waiting for an agent when the script ends.
  ['T-104', '2026-04-07T11:00', { kind: 'created', severity: 'critical' }],
  ['T-104', '2026-04-07T11:01', { kind: 'reply', author: 'automatic' }],
];

/** The scripted stream as the webhook would deliver it. */
export function incomingEvents(): IncomingEvent[] {
  return script.map(([ticket, when, e]) => {
    const info = infos[ticket]!;
    const event = { ...e, at: DateTime.fromISO(when, { zone: info.zone }).toMillis() } as IncomingEvent['event'];
    return { ticket, event, ...(e['kind'] === 'created' ? { info } : {}) };
  });
}

/** Feeds the whole stream to a new store; returns the log lines, the stored rows and the store. */
export function runIntegration(events: readonly IncomingEvent[] = incomingEvents()): {
  log: string[];
  rows: DeadlineRow[];
  store: TicketStore;
} {
  const store = new TicketStore();
  const log = events.map((e) => store.receive(e));
  return { log, rows: store.rows(), store };
}

function main(): void {
  const { log, rows, store } = runIntegration();
  console.log('Incoming ticket events (local times: Madrid for T-*, Bratislava for V-*):\n');
  for (const line of log) console.log(line);
  console.log('\nStored deadline rows (UTC):\n');
  console.table(rows);
  const restored = TicketStore.restore(store.save());
  deepStrictEqual(restored.rows(), rows);
  console.log(
    `\nRestart: ${restored.tickets.size} tickets re-folded from ${store.save().length} bytes of saved events; the same ${rows.length} deadline rows.`,
  );
}

// Runs only when executed, not when a test imports it.
const invoked = process.argv[1];
if (invoked !== undefined && realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url))) main();
