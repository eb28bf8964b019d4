/**
 * The service's pure parts: bringing a ticket up to date through the incremental API gives what
 * one `measure` of its events gives, whatever order they arrive in; the notifications and the next
 * check read from a result.
 */
import { describe, expect, it } from 'vitest';
import { measure, measureState, parsePolicy } from '../../src/index.js';
import { demoPolicy } from './demoPolicy.js';
import * as ev from './events.js';
import { notificationKey, notificationsOf } from './notifications.js';
import { type SequencedEvent, type StoredTicket, updateTicket } from './ticketState.js';

const policy = parsePolicy(demoPolicy());
const account = { type: 'direct', plan: 'enterprise' } as const;
const t0 = Date.parse('2026-03-02T09:00:00Z');
const timeline = [
  ev.created(t0, 'major'),
  ev.reply(t0 + 5_000, 'automatic'),
  ev.status(t0 + 10_000, 'waiting_on_customer'),
  ev.reply(t0 + 12_000, 'customer'),
  ev.status(t0 + 14_000, 'open'),
];
const sequenced: SequencedEvent[] = timeline.map((event, i) => ({ seq: i + 1, event }));

/** Delivers `order` one event at a time, as the ingest handler does (loading every event when asked). */
function deliverInOrder(order: readonly number[]) {
  let ticket: StoredTicket = { account, state: null, lastSeq: 0 };
  const stored: SequencedEvent[] = [];
  const vias: string[] = [];
  for (const i of order) {
    stored.push(sequenced[i]!);
    let update = updateTicket(policy, ticket, [sequenced[i]!]);
    if (update.kind === 'needs_events') update = updateTicket(policy, ticket, [], stored);
    if (update.kind === 'state') {
      ticket = { account, state: update.state.toJSON(), lastSeq: update.lastSeq };
      vias.push(update.via);
    } else vias.push(update.kind);
  }
  return { ticket, vias };
}

describe('bringing a ticket up to date', () => {
  const now = t0 + 70_000;
  const expected = JSON.stringify(measure(policy, account, timeline, now));

  it('events in order advance the stored state, and measure as the whole timeline does', () => {
    const { ticket, vias } = deliverInOrder([0, 1, 2, 3, 4]);
    expect(vias).toEqual(['refolded', 'advanced', 'advanced', 'advanced', 'advanced']);
    const update = updateTicket(policy, ticket, []);
    expect(update.kind === 'state' && JSON.stringify(measureState(update.state, now))).toBe(expected);
  });

  it('an event that arrives late is folded in again from the stored events', () => {
    const { ticket, vias } = deliverInOrder([3, 0, 4, 1, 2]);
    expect(vias).toEqual(['waiting', 'refolded', 'advanced', 'refolded', 'refolded']);
    const update = updateTicket(policy, ticket, []);
    expect(update.kind === 'state' && JSON.stringify(measureState(update.state, now))).toBe(expected);
  });

  it('a state stored under another policy is measured with the new one from its own events', () => {
    const { ticket } = deliverInOrder([0, 1, 2, 3, 4]);
    const slower = parsePolicy(demoPolicy(2));
    const update = updateTicket(slower, ticket, []);
    expect(update.kind === 'state' && update.via).toBe('refolded');
    expect(update.kind === 'state' && JSON.stringify(measureState(update.state, now))).toBe(
      JSON.stringify(measure(slower, account, timeline, now)),
    );
  });

  it('an invalid timeline is reported with the library message, not thrown', () => {
    const { ticket } = deliverInOrder([0]);
    const update = updateTicket(policy, ticket, [{ seq: 2, event: ev.reply(t0 - 1, 'agent') }]);
    expect(update.kind).toBe('invalid');
  });
});

describe('notifications and the next check', () => {
  it('warnings, the breach and escalations, each keyed by ticket, target, cycle and threshold', () => {
    const result = measure(policy, account, [ev.created(t0, 'major')], t0 + 66_000);
    expect(notificationsOf('T1', result).map(notificationKey)).toEqual([
      'T1|firstResponse|0|warning|warn-90',
      'T1|firstResponse|0|escalation|escalate-110',
      'T1|firstResponse|0|breach|',
      'T1|resolution|0|warning|warn-90',
      'T1|resolution|0|escalation|escalate-110',
      'T1|resolution|0|breach|',
    ]);
  });

  it('a breached clock that runs on is checked again at its next escalation', () => {
    const result = measure(policy, account, [ev.created(t0, 'major')], t0 + 61_000);
    expect(result.targets.map((t) => t.state)).toEqual(['breached', 'breached']);
    expect(result.nextCheckAt).toBe(t0 + 66_000);
  });
});
