/**
 * A ticket's SLA state brought up to date with newly stored events, through the library's
 * incremental API: restored from its stored JSON and advanced when the new events all come after
 * the ones applied (the usual case), folded again from the ticket's events when one arrives out of
 * order, and from the events the stored state holds when the policy changed since.
 */
import {
  type AccountDefinition,
  advance,
  isSupportPolicyError,
  type Policy,
  type PolicyVersions,
  restoreState,
  type SlaState,
  startTicket,
  type StoredSlaState,
  type TicketEvent,
} from '../../src/index.js';
import { isCreated } from './events.js';

/** An event with its position in the ticket's history. */
export interface SequencedEvent {
  readonly seq: number;
  readonly event: TicketEvent;
}

/** What the database holds for a ticket between two measurements. */
export interface StoredTicket {
  /** From the `created` message; `null` until it arrives. */
  readonly account: AccountDefinition | null;
  /** The state's JSON, `null` until the ticket could be measured. */
  readonly state: StoredSlaState | null;
  /** The highest `seq` folded into `state` (0 for none). */
  readonly lastSeq: number;
}

export type TicketUpdate =
  /** Measurable: the new state, and how it was reached. */
  | {
      readonly kind: 'state';
      readonly state: SlaState;
      readonly lastSeq: number;
      readonly via: 'advanced' | 'refolded';
    }
  /** Nothing to measure yet: the `created` event has not arrived. */
  | { readonly kind: 'waiting' }
  /** The stored state cannot be advanced: call again with all the ticket's events. */
  | { readonly kind: 'needs_events' }
  /** The events do not form a valid timeline under the policy (the library's error message). */
  | { readonly kind: 'invalid'; readonly error: string };

/**
 * Brings a ticket up to date with `fresh` (events just stored, never stored before). Pass `all`
 * (every stored event of the ticket, `fresh` included) after a `needs_events` answer.
 */
export function updateTicket(
  policy: Policy | PolicyVersions,
  ticket: StoredTicket,
  fresh: readonly SequencedEvent[],
  all?: readonly SequencedEvent[],
): TicketUpdate {
  try {
    if (all !== undefined) return refold(policy, ticket.account, all);
    const inOrder = fresh.every((e) => e.seq > ticket.lastSeq);
    if (ticket.state === null || ticket.account === null || !inOrder) return { kind: 'needs_events' };
    const sorted = [...fresh].sort((a, b) => a.seq - b.seq);
    let state: SlaState;
    let via: 'advanced' | 'refolded' = 'advanced';
    try {
      state = restoreState(policy, ticket.state);
    } catch (error) {
      if (!isSupportPolicyError(error) || error.code !== 'policy_mismatch') throw error;
      // Another policy since: the stored state's events, measured with this one.
      state = ticket.state.events.reduce(advance, startTicket(policy, ticket.account));
      via = 'refolded';
    }
    for (const e of sorted) state = advance(state, e.event);
    return { kind: 'state', state, lastSeq: sorted.at(-1)?.seq ?? ticket.lastSeq, via };
  } catch (error) {
    if (isSupportPolicyError(error)) return { kind: 'invalid', error: error.message };
    throw error;
  }
}

function refold(
  policy: Policy | PolicyVersions,
  account: AccountDefinition | null,
  all: readonly SequencedEvent[],
): TicketUpdate {
  const sorted = [...all].sort((a, b) => a.seq - b.seq);
  if (account === null || !sorted.some((e) => isCreated(e.event))) return { kind: 'waiting' };
  let state = startTicket(policy, account);
  for (const e of sorted) state = advance(state, e.event);
  return { kind: 'state', state, lastSeq: sorted.at(-1)!.seq, via: 'refolded' };
}

/** A stored state measured with another policy: its events, measured with `policy` (no database read). */
export function restoreUnder(policy: Policy | PolicyVersions, account: AccountDefinition, stored: StoredSlaState) {
  try {
    return restoreState(policy, stored);
  } catch (error) {
    if (!isSupportPolicyError(error) || error.code !== 'policy_mismatch') throw error;
    return stored.events.reduce(advance, startTicket(policy, account));
  }
}
