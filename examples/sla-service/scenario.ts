/**
 * The fault test's and the benchmark's workload: tickets created in the past on the demo policy,
 * each with its events already behind it, so that their warnings, breaches and escalations fall
 * due a few seconds after every event has been ingested; delivered shuffled, some twice.
 *
 * Why no notification can come too early: every clock starts at or after its ticket's creation and
 * runs at most as fast as real time, so whatever subset of its events the service has seen, no
 * threshold of a ticket is reached before its creation plus 54 s (90 % of a minute, the demo
 * policy's earliest). Tickets are created `ingestBudgetMs` less than that before the start, so
 * whatever the service writes once ingestion is over it writes from the full timeline: exactly what
 * one `measure` of that timeline predicts.
 */
import type { AccountDefinition, TicketEvent } from '../../src/index.js';
import { pick, prng } from '../random.js';
import { EARLIEST_THRESHOLD_MS } from './demoPolicy.js';
import * as ev from './events.js';

/** One ticket of the workload. */
export interface ScenarioTicket {
  readonly id: string;
  readonly account: AccountDefinition;
  readonly events: readonly TicketEvent[];
}

export interface ScenarioOptions {
  readonly tickets: number;
  /** Events per ticket on average (at least 2). */
  readonly eventsPerTicket: number;
  /** The start: every event lies before it. */
  readonly startMs: number;
  /** How long after the start ingestion may take before the first threshold falls due. */
  readonly ingestBudgetMs: number;
  readonly seed?: number;
  /** The share of events delivered a second time. */
  readonly duplicateShare?: number;
  /** Tickets are created over this span (default 10 s); 0 makes every ticket's thresholds fall due together. */
  readonly creationSpreadMs?: number;
}

/** The latest a clock may be held by a pause in the workload (so thresholds stay within the window). */
const MAX_PAUSE_MS = 4_000;

/** Tickets with their full timelines. */
export function scenarioTickets(options: ScenarioOptions): ScenarioTicket[] {
  const random = prng(options.seed ?? 17);
  const latest = options.startMs - 500; // every event is in the past at the start
  const tickets: ScenarioTicket[] = [];
  for (let i = 0; i < options.tickets; i++) {
    const plan = pick(random(), [
      ['enterprise', 40],
      ['premium', 40],
      ['starter', 20],
    ] as const);
    const severity = pick(random(), [
      ['critical', 20],
      ['major', 30],
      ['minor', 50],
    ] as const);
    const created =
      options.startMs +
      options.ingestBudgetMs -
      EARLIEST_THRESHOLD_MS +
      Math.floor(random() * (options.creationSpreadMs ?? 10_000));
    if (created >= latest) throw new Error('ingestBudgetMs is too long: tickets would be created after the start');
    // The other events, at increasing instants between creation and the start.
    const extra = Math.max(1, Math.round((options.eventsPerTicket - 1) * (0.5 + random())));
    const instants = Array.from(
      { length: extra },
      () => created + 1 + Math.floor(random() * (latest - created - 1)),
    ).sort((a, b) => a - b);
    const events: TicketEvent[] = [ev.created(created, severity, { channel: 'email' })];
    const answered = random() < 0.4;
    const answerAt = answered ? Math.floor(random() * instants.length) : -1;
    let paused = 0;
    let pausedSince: number | null = null;
    // Solved for good: a solved stretch stops every clock, so a reopen would move thresholds past the window.
    let solved = false;
    instants.forEach((at, k) => {
      const r = random();
      if (k === answerAt) events.push(ev.reply(at, 'agent'));
      else if (pausedSince !== null && (r < 0.5 || at - pausedSince > MAX_PAUSE_MS - paused - 1)) {
        // A pause ends before it can hold a clock longer than MAX_PAUSE_MS in all.
        events.push(ev.status(pausedSince + Math.min(at - pausedSince, MAX_PAUSE_MS - paused - 1), 'open'));
        paused += Math.min(at - pausedSince, MAX_PAUSE_MS - paused - 1);
        pausedSince = null;
      } else if (r < 0.08 && pausedSince === null && !solved && paused < MAX_PAUSE_MS - 500) {
        events.push(ev.status(at, 'waiting_on_customer'));
        pausedSince = at;
      } else if (r < 0.12 && pausedSince === null && !solved) {
        events.push(ev.status(at, 'solved'));
        solved = true;
      } else if (r < 0.2) events.push(ev.severity(at, severity === 'minor' ? 'major' : 'minor'));
      else if (r < 0.3) events.push(ev.fields(at, { channel: r < 0.25 ? 'chat' : 'email' }));
      else if (r < 0.45) events.push(ev.reply(at, 'automatic'));
      else events.push(ev.reply(at, 'customer'));
    });
    if (pausedSince !== null) events.push(ev.status(Math.min(latest, pausedSince + MAX_PAUSE_MS - paused - 1), 'open'));
    // Status events may have been placed before a later instant of the list: keep the timeline in order.
    events.sort((a, b) => ev.eventAtMs(a) - ev.eventAtMs(b));
    tickets.push({ id: `T${String(i).padStart(6, '0')}`, account: { type: 'direct', plan }, events });
  }
  return tickets;
}

/** The messages delivering the tickets' events: every event once, a share again, all shuffled. */
export function scenarioMessages(tickets: readonly ScenarioTicket[], options: ScenarioOptions): ev.TicketMessage[] {
  const random = prng((options.seed ?? 17) + 1);
  const messages: ev.TicketMessage[] = [];
  for (const t of tickets)
    t.events.forEach((event, k) => {
      const m: ev.TicketMessage = {
        eventId: `${t.id}:${k + 1}`,
        ticketId: t.id,
        seq: k + 1,
        event,
        ...(ev.isCreated(event) ? { account: t.account } : {}),
      };
      messages.push(m);
      if (random() < (options.duplicateShare ?? 0.05)) messages.push(m);
    });
  for (let i = messages.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [messages[i], messages[j]] = [messages[j]!, messages[i]!];
  }
  return messages;
}
