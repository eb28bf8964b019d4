import { InvalidArgumentError } from '../errors.js';
import type { InstantLike } from '../instant.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { Policy } from '../policy/schema.js';
import { TicketMeasurer } from './measure.js';
import type { MeasureOptions, MeasureResult } from './results.js';
import type { Timeline } from './timeline.js';

/**
 * A ticket for {@link measureMany}: its account and its timeline (plain, serialisable data).
 * @category SLA
 */
export interface SlaTicket {
  readonly account: AccountDefinition;
  readonly events: Timeline;
}

/**
 * Measures many tickets at one `now`, in one call: the answer for each ticket is the one
 * {@link measure} gives, in input order. Compiled calendars and resolved targets are shared by
 * every ticket of the batch (and by later calls on the same policy object).
 *
 * @remarks
 * A pure function of (policy, tickets, now): inputs and results are plain data that survive
 * `structuredClone` and JSON (with epoch-ms instants), so a large batch can be split across
 * worker threads or the map stage of a data engine and the parts concatenated
 * (`examples/sla-workers.ts`).
 *
 * @throws {@link InvalidArgumentError} for the first bad ticket, with its index in the path
 *   (`tickets[41].events[3].at`); nothing is returned for a batch with a bad ticket
 * @example
 * ```ts
 * import { measureMany, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const monday9 = Date.parse('2026-01-05T08:00:00Z'); // 09:00 in Madrid
 * const results = measureMany(policy, [
 *   { account: { type: 'direct', plan: 'enterprise' }, events: [{ type: 'created', at: monday9, severity: 'critical' }] },
 *   { account: { type: 'direct', plan: 'starter' }, events: [{ type: 'created', at: monday9, severity: 'minor' }] },
 * ], monday9 + 3 * 3_600_000);
 * results.map((r) => r.targets[0].state); //=> ['breached', 'running']
 * ```
 * @category SLA
 */
export function measureMany(policy: Policy, tickets: readonly SlaTicket[], now: InstantLike, options?: MeasureOptions): MeasureResult[] {
  const measurer = new TicketMeasurer(policy, now, options);
  if (!Array.isArray(tickets)) throw new InvalidArgumentError('invalid_event', ['tickets'], `tickets: expected a list of tickets, got ${String(tickets)}`, tickets);
  const out = new Array<MeasureResult>(tickets.length);
  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i];
    if (typeof ticket !== 'object' || ticket === null) {
      throw new InvalidArgumentError('invalid_event', ['tickets', i], `tickets[${i}]: expected { account, events }, got ${String(ticket)}`, ticket);
    }
    out[i] = measurer.measure(ticket.account, ticket.events, ['tickets', i]);
  }
  return out;
}
