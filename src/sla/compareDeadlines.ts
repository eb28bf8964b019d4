import { checkPolicyOrVersions } from '../internal/brand.js';
import type { InstantLike } from '../instant.js';
import type { PolicyVersions } from '../policy/policyVersions.js';
import type { Policy } from '../policy/schema.js';
import type { CompareDeadlinesResult, DeadlineChange, NextCheckChange } from './deadlineChangeTypes.js';
import { targetChanges } from './deadlineChanges.js';
import { measureMany, type SlaTicket } from './measureMany.js';

export type {
  CompareDeadlinesResult,
  DeadlineChange,
  DeadlineChangeSummary,
  NextCheckChange,
  ThresholdChange,
} from './deadlineChangeTypes.js';

/**
 * Measures tickets at `now` under two policies and lists the deadlines that move: for a service
 * that keeps timers on the results, the ones to reschedule when a policy changes.
 *
 * @remarks
 * Each ticket is measured as {@link measureMany} measures it, under `before` and under `after`
 * (each a policy or versions: a ticket takes the version in force when it was created). A target
 * measured under both is listed (`moved`) when its state, its due instant or one of its
 * thresholds' instants differs — but a target stopped under both only when its outcome (`state`)
 * differs. A target only `after` measures is `added`, one only `before` measures is `removed`,
 * whatever its state. Targets are matched by metric, cycle and id. Every ticket whose
 * `nextCheckAt` differs is listed in `nextChecks`. Comparing a policy with itself, or with a copy
 * holding the same data, lists nothing.
 *
 * Changes come ticket by ticket in input order; a ticket's targets in its result order under
 * `after`, then those only `before` measures, in theirs. A target is breached 1 ms after its due
 * instant (or after the next opening, for a deadline at a closing): a calendar change that moves
 * only that opening shows in `nextChecks`.
 *
 * @param before - the policy (or versions) the timers were scheduled with
 * @param after - the policy (or versions) that replaces it
 * @param tickets - the tickets, as {@link measureMany} takes them (usually the open ones)
 * @param now - the instant both measurements are taken at
 * @throws {@link InvalidArgumentError} `invalid_policy` (path `before` or `after`) for a policy
 *   `parsePolicy` or `parsePolicyVersions` did not return; the errors of {@link measureMany} for
 *   a bad ticket or instant, and for a ticket either policy cannot measure (a plan or severity
 *   level the new policy lacks), with the ticket's index in the path
 * @example
 * ```ts
 * import { compareDeadlines, parsePolicy, standardSupport } from 'support-policy';
 * // Before: the standard policy without its holidays. After: with them (6 January is Epiphany).
 * const hours = standardSupport.calendars['support-hours'];
 * const before = parsePolicy({ ...standardSupport, calendars: { 'support-hours': { ...hours, holidays: [] } } });
 * const after = parsePolicy(standardSupport);
 * const monday17 = Date.parse('2026-01-05T16:00:00Z'); // 17:00 in Madrid, the day before Epiphany
 * const tickets = [
 *   { id: 'T-1', account: { type: 'direct' as const, plan: 'starter' }, events: [{ kind: 'created' as const, at: monday17, severity: 'minor' }] },
 * ];
 * const { changes, nextChecks, summary } = compareDeadlines(before, after, tickets, monday17);
 * changes.map((c) => [c.ticketId, c.target, c.change]); //=> [['T-1', 'firstResponse', 'moved']]
 * (changes[0].to! - changes[0].from!) / 3_600_000; //=> 24
 * nextChecks.length; //=> 1
 * summary.moved; //=> 1
 * ```
 * @category SLA
 */
export function compareDeadlines(
  before: Policy | PolicyVersions,
  after: Policy | PolicyVersions,
  tickets: readonly SlaTicket[],
  now: InstantLike,
): CompareDeadlinesResult {
  checkPolicyOrVersions(before, ['before']);
  checkPolicyOrVersions(after, ['after']);
  const was = measureMany(before, tickets, now);
  const is = measureMany(after, tickets, now);
  const changes: DeadlineChange[] = [];
  const nextChecks: NextCheckChange[] = [];
  let changedTickets = 0;
  for (let i = 0; i < is.length; i++) {
    const ticket = tickets[i]!;
    const ticketId = Object.hasOwn(ticket, 'id') && ticket.id !== undefined ? ticket.id : null;
    const listed = changes.length;
    targetChanges(was[i]!, is[i]!, i, ticketId, changes);
    const from = was[i]!.nextCheckAt;
    const to = is[i]!.nextCheckAt;
    if (from !== to) nextChecks.push(Object.freeze({ ticket: i, ticketId, from, to }));
    if (changes.length > listed || from !== to) changedTickets++;
  }
  const count = (kind: DeadlineChange['change']) => changes.filter((c) => c.change === kind).length;
  return Object.freeze({
    changes: Object.freeze(changes),
    nextChecks: Object.freeze(nextChecks),
    summary: Object.freeze({
      tickets: is.length,
      changedTickets,
      moved: count('moved'),
      added: count('added'),
      removed: count('removed'),
      nextChecks: nextChecks.length,
    }),
  });
}
