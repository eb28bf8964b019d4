/**
 * What a measurement says a helpdesk must be told: every warning and escalation reached and every
 * breach, one notification each, keyed by ticket, target, cycle and threshold. The service writes
 * them to its outbox under that key (so a second writer of the same notification changes nothing),
 * and the tests predict the outbox with the same function over one `measure` of each full timeline.
 */
import type { MeasureResult } from '../../src/index.js';

/** One notification: a warning (before the due instant), the breach, or an escalation (after it). */
export interface Notification {
  readonly ticketId: string;
  readonly targetId: string;
  /** The follow-up or periodic-update cycle, 0 for targets without cycles. */
  readonly cycle: number;
  readonly kind: 'warning' | 'breach' | 'escalation';
  /** The threshold's id in the policy; empty for a breach. */
  readonly threshold: string;
  /** When it fell due (a threshold's instant, the due instant for a breach), when the result says. */
  readonly atMs: number | null;
}

/** The notifications a ticket's measurement calls for, in the result's order. */
export function notificationsOf(ticketId: string, result: MeasureResult): Notification[] {
  const out: Notification[] = [];
  for (const target of result.targets) {
    const key = { ticketId, targetId: target.id, cycle: target.cycle ?? 0 };
    for (const threshold of target.thresholds) {
      if (!threshold.reached) continue;
      const kind = threshold.elapsedMs <= target.targetMs ? 'warning' : 'escalation';
      out.push({ ...key, kind, threshold: threshold.id, atMs: threshold.at });
    }
    if (target.state === 'breached') out.push({ ...key, kind: 'breach', threshold: '', atMs: target.dueAt });
  }
  return out;
}

/** The outbox's unique key of a notification, as one text (for sets and comparisons). */
export function notificationKey(n: Pick<Notification, 'ticketId' | 'targetId' | 'cycle' | 'kind' | 'threshold'>) {
  return `${n.ticketId}|${n.targetId}|${n.cycle}|${n.kind}|${n.threshold}`;
}
