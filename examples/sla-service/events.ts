/**
 * Every ticket event the service builds or inspects goes through this module: the constructors
 * below and `isCreated`. The objects are the library's `TicketEvent` JSON (instants as epoch ms),
 * stored as they are in `sla_event.event`, so a change to the library's event shape (the
 * discriminant's name, say) is a change here only.
 */
import { type AccountDefinition, type TicketEvent, toEpochMs } from '../../src/index.js';

type Fields = Readonly<Record<string, string | number | boolean | readonly string[] | null>>;

/** The ticket is opened, with its severity (and fields, for SLA rules). */
export function created(at: number, severity: string, fields?: Fields): TicketEvent {
  return fields === undefined ? { kind: 'created', at, severity } : { kind: 'created', at, severity, fields };
}

/** A reply by an agent, the customer, or an automatic one (which never satisfies a target). */
export function reply(at: number, author: 'agent' | 'customer' | 'automatic'): TicketEvent {
  return { kind: 'reply', at, author };
}

/** The ticket's status changes (a status of the policy's vocabulary). */
export function status(at: number, to: string): TicketEvent {
  return { kind: 'status', at, status: to };
}

/** The ticket's severity changes. */
export function severity(at: number, to: string): TicketEvent {
  return { kind: 'severity', at, severity: to };
}

/** Ticket fields change (`null` removes one). */
export function fields(at: number, changed: Fields): TicketEvent {
  return { kind: 'fields', at, fields: changed };
}

/** Whether an event opens the ticket (the one that must come with the ticket's account). */
export function isCreated(event: TicketEvent): boolean {
  return event.kind === 'created';
}

/**
 * What the helpdesk delivers for one event: its id (the same on every redelivery), the ticket, the
 * event's position in the ticket's history (`seq`, from 1, which orders events sharing an instant),
 * the event, and, with `created`, the account the ticket belongs to.
 */
export interface TicketMessage {
  readonly eventId: string;
  readonly ticketId: string;
  readonly seq: number;
  readonly event: TicketEvent;
  readonly account?: AccountDefinition;
}

/** An event's instant as epoch ms (events from the database carry epoch ms already). */
export function eventAtMs(event: TicketEvent): number {
  return toEpochMs(event.at);
}
