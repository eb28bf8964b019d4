import { argumentError, InvalidArgumentError } from '../errors.js';
import { checkPolicyOrVersions, isPolicyVersions } from '../internal/brand.js';
import { type PolicyVersions, versionAt } from '../policy/policyVersions.js';
import { readAccount } from '../policy/readAccount.js';
import { type InstantLike, toEpochMs } from '../instant.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { Policy } from '../policy/schema.js';
import { ClockEngine } from './engine.js';
import { collectResults, type MeasureOptions, type MeasureResult, readMeasureOptions } from './results.js';
import { TimelineReader } from './timeline.js';
import { createdAt } from './measure.js';
import type { TicketEvent } from './types.js';

/**
 * A ticket's SLA clocks after the events fed so far, for services that receive events one at a
 * time. An immutable value: {@link advance} returns a new one. Persist the events, not the state:
 * the state holds the policy object and is rebuilt by folding the events again.
 * @category SLA
 */
export interface SlaState {
  /** The policy the ticket is measured with: the version in force at `created` once read (the versions given, before). */
  readonly policy: Policy | PolicyVersions;
  /** The account as the events left it (a `plan` event moves it). */
  readonly account: AccountDefinition;
  /** The number of events applied; the next event's index in error paths. */
  readonly eventCount: number;
  /** The instant of the last event applied, or `null` before `created`. */
  readonly lastEventAt: number | null;
}

interface Internals {
  /** `undefined` before `created` when the ticket was started on policy versions: the version is chosen then. */
  readonly reader: TimelineReader | undefined;
  readonly engine: ClockEngine;
  /** Before `created` on versions: the versions and the account. */
  readonly pending?: { readonly versions: PolicyVersions; readonly account: AccountDefinition };
}

const internals = new WeakMap<SlaState, Internals>();

function stateOf(reader: TimelineReader, engine: ClockEngine): SlaState {
  const state: SlaState = Object.freeze({
    policy: reader.policy,
    account: reader.account,
    eventCount: reader.count,
    lastEventAt: reader.count === 0 ? null : reader.last,
  });
  internals.set(state, { reader, engine });
  return state;
}

/** A ticket started on policy versions, before `created` chooses the version. */
function pendingState(versions: PolicyVersions, account: AccountDefinition): SlaState {
  const copy = readAccount(account);
  const state: SlaState = Object.freeze({ policy: versions, account: copy, eventCount: 0, lastEventAt: null });
  internals.set(state, { reader: undefined, engine: new ClockEngine(), pending: { versions, account: copy } });
  return state;
}

function open(state: SlaState): Internals {
  const inner = internals.get(state);
  if (inner === undefined)
    throw new InvalidArgumentError(
      'invalid_state',
      ['state'],
      'state: expected a state made by startTicket or advance, got another object',
      state,
    );
  return inner;
}

/**
 * The state of a ticket before its first event: feed it `created`, then every later event, with
 * {@link advance}.
 *
 * @throws the errors of {@link resolveEntitlement} for an account the policy does not know
 * @example
 * ```ts
 * import { startTicket, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * startTicket(policy, { type: 'direct', plan: 'premium' }).eventCount; //=> 0
 * ```
 * @category SLA
 */
export function startTicket(policy: Policy | PolicyVersions, account: AccountDefinition): SlaState {
  checkPolicyOrVersions(policy);
  if (isPolicyVersions(policy)) return pendingState(policy as PolicyVersions, account);
  return stateOf(new TimelineReader(policy as Policy, account), new ClockEngine());
}

/**
 * Applies one more event to a ticket's state and returns the new state; the old one is unchanged.
 * Folding a timeline through `advance` and calling {@link measureState} gives the same answer as
 * {@link measure} on the whole timeline.
 *
 * @throws {@link InvalidArgumentError} `invalid_event` as {@link measure} does, with the event's
 *   index (`events[4].at` for an event earlier than the one before it); nothing changes.
 * @example
 * ```ts
 * import { advance, measureState, startTicket, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * let state = startTicket(policy, { type: 'direct', plan: 'premium' });
 * state = advance(state, { type: 'created', at: Date.parse('2026-01-05T08:00:00Z'), severity: 'minor' });
 * const result = measureState(state, Date.parse('2026-01-05T10:00:00Z'));
 * result.targets[0].remainingMs / 3_600_000; //=> 10
 * ```
 * @category SLA
 */
export function advance(state: SlaState, event: TicketEvent): SlaState {
  const { reader, engine, pending } = open(state);
  // On versions, `created` chooses the version in force at its instant.
  const nextReader =
    reader?.clone() ?? new TimelineReader(versionAt(pending!.versions, createdAt([event])), pending!.account);
  const e = nextReader.read(event);
  const nextEngine = engine.clone();
  nextEngine.apply(e);
  return stateOf(nextReader, nextEngine);
}

/**
 * Every measured target of a ticket's state at `now`, as {@link measure} returns it.
 *
 * @throws {@link InvalidArgumentError} `invalid_event` before `created`; `out_of_range` for a
 *   `now` before the last event applied (its events cannot be taken back)
 * @example
 * ```ts
 * import { advance, measureState, startTicket, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const created = advance(startTicket(policy, { type: 'direct', plan: 'enterprise' }),
 *   { type: 'created', at: Date.parse('2026-01-05T08:00:00Z'), severity: 'critical' });
 * measureState(created, Date.parse('2026-01-05T09:00:00Z')).targets[0].state; //=> 'running'
 * ```
 * @category SLA
 */
export function measureState(state: SlaState, now: InstantLike, options?: MeasureOptions): MeasureResult {
  const { reader, engine } = open(state);
  const nowMs = toEpochMs(now, 'now');
  if (reader === undefined)
    throw argumentError('invalid_event', ['events', 0], 'a "created" event before measuring', undefined);
  const { explain } = readMeasureOptions(options, ['explain']);
  if (reader.count === 0)
    throw argumentError('invalid_event', ['events', 0], 'a "created" event before measuring', undefined);
  if (nowMs < reader.last) {
    const last = new Date(reader.last).toISOString();
    throw argumentError('out_of_range', ['now'], `an instant not before the last event applied (${last})`, now);
  }
  return collectResults(
    engine,
    { current: reader.policy, severity: reader.severity, plan: reader.account.plan ?? null, rule: reader.rule },
    nowMs,
    explain,
  );
}
