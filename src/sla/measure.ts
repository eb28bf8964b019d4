import { argumentError, formatPath, InvalidArgumentError } from '../errors.js';
import { checkPolicyOrVersions, isPolicyVersions } from '../internal/brand.js';
import { type PolicyVersions, versionAt } from '../policy/policyVersions.js';
import { type InstantLike, instantMs } from '../instant.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { Policy } from '../policy/schema.js';
import { ClockEngine } from './engine.js';
import type { RuleMatch } from './rules.js';
import { collectResults, policyRef, type MeasureOptions, type MeasureResult, readMeasureOptions } from './results.js';
import type { PolicyRef } from './types.js';
import { ticketPath } from './paths.js';
import { TimelineReader } from './timeline.js';
import type { Timeline } from './types.js';

/**
 * Measures every SLA target of a ticket at `now`: first response, each follow-up cycle and
 * resolution, as the account's entitlement sets them for the ticket's severity.
 *
 * @remarks
 * The whole timeline is checked first (events after `now` included), then the events up to `now`
 * are applied. A clock runs while the ticket is neither solved nor in a status its target pauses
 * on; automatic replies never satisfy a target; a severity or plan change re-targets every clock
 * that has not ended and is not breached, from its original start; a breach is never undone.
 * Semantics in `docs/sla.md`. The same answer comes from feeding the events one by one to
 * {@link advance} and calling {@link measureState}.
 *
 * @param policy - a validated policy ({@link parsePolicy}, or a preset)
 * @param account - the ticket's account, as for {@link resolveEntitlement}
 * @param timeline - the ticket's events, `created` first, in time order
 * @param now - the instant of the answer (not before the ticket was created)
 * @throws {@link InvalidArgumentError} `invalid_event` naming the event's index and field (out of
 *   order, not starting with `created`, unknown type or value, unknown severity level),
 *   `invalid_instant` / `out_of_range` for a bad instant; the errors of {@link resolveEntitlement}
 *   for an unknown plan or account, under the event that names it.
 *
 * @example
 * ```ts
 * import { measure, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * // An Enterprise ticket opened on Monday 5 January 2026 at 09:00 in Madrid; the agent answers at 10:30.
 * const result = measure(policy, { type: 'direct', plan: 'enterprise' }, [
 *   { kind: 'created', at: Date.parse('2026-01-05T08:00:00Z'), severity: 'major' },
 *   { kind: 'reply', at: Date.parse('2026-01-05T09:30:00Z'), author: 'agent' },
 * ], Date.parse('2026-01-05T12:00:00Z'));
 * result.targets[0].state; //=> 'achieved'
 * result.targets[0].elapsedMs / 60_000; //=> 90
 * new Date(result.targets[0].dueAt!).toISOString(); //=> '2026-01-05T10:00:00.000Z'
 * ```
 * @category SLA
 */
export function measure(
  policy: Policy | PolicyVersions,
  account: AccountDefinition,
  timeline: Timeline,
  now: InstantLike,
  options?: MeasureOptions,
): MeasureResult {
  return new TicketMeasurer(policy, now, readMeasureOptions(options, ['explain']).explain).measure(
    account,
    timeline,
    -1,
  );
}

/**
 * Measures tickets of one policy at one `now`: {@link measure} uses it once, {@link measureMany}
 * for a whole batch, with one reader and one engine reset per ticket. @internal
 */
export class TicketMeasurer {
  readonly nowMs: number;
  /** One reader per policy version met (one for a plain policy): a reader reads tickets of one version. */
  private readers: Map<Policy, TimelineReader> | undefined;
  private readonly engine = new ClockEngine();

  constructor(
    private readonly policy: Policy | PolicyVersions,
    private readonly now: InstantLike,
    readonly explain: boolean,
  ) {
    checkPolicyOrVersions(policy);
    this.nowMs = instantMs(now, 'now');
    this.versions = isPolicyVersions(policy) ? (policy as PolicyVersions) : undefined;
  }

  /** The versions given, or `undefined` for a plain policy. */
  private readonly versions: PolicyVersions | undefined;
  /** The reader of the last ticket, and its policy: a batch of one version looks no reader up. */
  private lastReader: TimelineReader | undefined;

  /** The policy last {@link run} measured with, and its reference in results. */
  current: Policy | undefined;
  currentRef: PolicyRef | undefined;

  /** The severity level and plan at `now` of the ticket last {@link run}. */
  severity: string | null = null;
  plan: string | null = null;
  rule: RuleMatch | null = null;

  /**
   * Drops the readers: a reader remembers every account object of the caller it met, to read each
   * once per batch, so a stream renews them between chunks and holds no ticket of a past chunk.
   */
  forgetAccounts(): void {
    this.readers = undefined;
    this.lastReader = undefined;
  }

  /** One ticket: `ticket` is its index in a batch, or −1 alone (for error paths). */
  measure(account: AccountDefinition, timeline: Timeline, ticket: number): MeasureResult {
    const engine = this.run(account, timeline, ticket);
    return collectResults(engine, this, this.nowMs, this.explain);
  }

  /**
   * Checks a ticket's whole timeline and applies its events up to `now`: the engine returned
   * (reset by the next call) holds its clocks, `severity`, `plan` and `rule` their values at `now`.
   */
  run(account: AccountDefinition, timeline: Timeline, ticket: number): ClockEngine {
    const nowMs = this.nowMs;
    const policy =
      this.versions === undefined ? (this.policy as Policy) : versionAt(this.versions, createdAt(timeline));
    if (policy !== this.current) {
      this.current = policy;
      this.currentRef = policyRef(policy);
    }
    let reader =
      this.lastReader !== undefined && this.lastReader.policy === policy ? this.lastReader : this.readers?.get(policy);
    if (reader === undefined) {
      reader = new TimelineReader(policy, account, ticket);
      // A second version of a batch: readers are kept per version from then on.
      if (this.lastReader !== undefined)
        (this.readers ??= new Map([[this.lastReader.policy, this.lastReader]])).set(policy, reader);
    } else reader.begin(account, ticket);
    this.lastReader = reader;
    if (!Array.isArray(timeline) || timeline.length === 0) {
      throw argumentError(
        'invalid_event',
        [...ticketPath(ticket), 'events'],
        'a timeline starting with "created"',
        timeline,
      );
    }
    // One pass: every event is checked, those up to `now` are applied. A refused event throws before
    // anything is returned, so nothing half-computed escapes; severity and plan are those at `now`.
    const engine = this.engine;
    engine.reset();
    let severity: string | null = null;
    let rule: RuleMatch | null = null;
    let plan = reader.plan;
    for (let i = 0; i < timeline.length; i++) {
      const e = reader.read(timeline[i]!);
      if (i === 0 && nowMs < e.at) this.createdAfterNow(e.at, ticketPath(ticket));
      if (e.at <= nowMs) {
        engine.apply(e);
        severity = reader.severity;
        rule = reader.rule;
        plan = reader.plan;
      }
    }
    this.severity = severity;
    this.rule = rule;
    this.plan = plan;
    return engine;
  }

  private createdAfterNow(created: number, at: readonly (string | number)[]): never {
    // Alone, `now` is the odd one; in a batch, the ticket created after it is.
    const path = at.length === 0 ? ['now'] : [...at, 'events', 0, 'at'];
    const message =
      at.length === 0
        ? `expected an instant not before the ticket was created (${new Date(created).toISOString()}), got ${new Date(this.nowMs).toISOString()}`
        : `expected a ticket created by now (${new Date(this.nowMs).toISOString()}), got ${new Date(created).toISOString()}`;
    throw new InvalidArgumentError(
      'out_of_range',
      path,
      `${formatPath(path)}: ${message}`,
      at.length === 0 ? this.now : created,
    );
  }
}

/**
 * The instant of a timeline's first event, to choose the policy version in force; NaN when it is
 * not readable (the reader then refuses the event itself). @internal
 */
export function createdAt(timeline: unknown): number {
  if (!Array.isArray(timeline) || timeline.length === 0) return Number.NaN;
  const first: unknown = timeline[0];
  if (typeof first !== 'object' || first === null || !Object.hasOwn(first, 'at')) return Number.NaN;
  try {
    return instantMs((first as { at: InstantLike }).at, 'at');
  } catch {
    return Number.NaN;
  }
}
