import { argumentError, InvalidArgumentError } from '../errors.js';
import { checkPolicyOrVersions, isPolicyVersions } from '../internal/brand.js';
import { type PolicyVersions, versionAt } from '../policy/policyVersions.js';
import { readAccount } from '../policy/readAccount.js';
import { type InstantLike, instantMs } from '../instant.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { Policy } from '../policy/schema.js';
import { ClockEngine } from './engine.js';
import { collectResults, type MeasureOptions, type MeasureResult, policyRef, readMeasureOptions } from './results.js';
import { TimelineReader } from './timeline.js';
import { createdAt, measure } from './measure.js';
import { type StoredEvent, storedEvent } from './storedEvent.js';
import type { StoredSlaState, TicketEvent } from './types.js';

/** The `format` of a stored state ({@link StoredSlaState}): its layout's name and version. @internal */
export const STATE_FORMAT = 'support-policy/sla-state@1';

/**
 * A ticket's SLA clocks after the events fed so far, for services that receive events one at a
 * time. An immutable value: {@link advance} returns a new one, and every state, old or new, keeps
 * answering as it did.
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
  /**
   * The state as compact JSON data, without the policy: the policy's id, version and fingerprint,
   * the account the ticket was started with, and the events applied (instants in epoch ms).
   * `JSON.stringify(state)` calls it; {@link restoreState} reads it back against the policy.
   */
  toJSON(): StoredSlaState;
}

/**
 * What the states of one ticket share: the reader and the engine, which have applied the first
 * `applied` events of `log`, and the log of events fed (copies, `at` in epoch ms). States of a
 * ticket advanced in a line share one core, and each `advance` applies its event to it in place:
 * the state advanced from is then behind the core, and answers (or advances) by rebuilding a core
 * of its own from the log, which only a branch — advancing the same state twice — ever needs.
 */
interface Core {
  /** `undefined` before `created` when the ticket was started on policy versions: the version is chosen then. */
  reader: TimelineReader | undefined;
  engine: ClockEngine;
  applied: number;
  readonly log: StoredEvent[];
  /** The policy (or versions) and the account the ticket was started with. */
  readonly start: { readonly policy: Policy | PolicyVersions; readonly account: AccountDefinition };
}

interface Internals {
  core: Core;
  readonly count: number;
}

const internals = new WeakMap<SlaState, Internals>();

/** What every state inherits: its JSON form, read from its internals. */
const STATE_PROTOTYPE = Object.freeze({
  toJSON(this: SlaState): StoredSlaState {
    const { core, count } = open(this);
    const { reader, start, log } = core;
    return {
      format: STATE_FORMAT,
      // Before `created` on versions, no version is chosen yet: any policy may restore the state.
      policy: count === 0 || reader === undefined ? null : { ...policyRef(reader.policy) },
      account: start.account,
      events: log.slice(0, count),
    };
  },
});

function stateOf(core: Core): SlaState {
  const { reader, applied } = core;
  const state = Object.create(STATE_PROTOTYPE) as { -readonly [K in keyof SlaState]: SlaState[K] };
  state.policy = reader?.policy ?? core.start.policy;
  state.account = reader?.account ?? core.start.account;
  state.eventCount = applied;
  state.lastEventAt = reader === undefined || applied === 0 ? null : reader.last;
  Object.freeze(state);
  internals.set(state, { core, count: applied });
  return state;
}

function open(state: SlaState): Internals {
  const inner = internals.get(state);
  if (inner === undefined)
    throw new InvalidArgumentError(
      'invalid_state',
      ['state'],
      'state: expected a state made by startTicket, advance or restoreState, got another object',
      state,
    );
  return inner;
}

/** A reader on the policy a ticket is measured with: on versions, the one in force at `created`. */
function readerFor(start: Core['start'], created: number): TimelineReader {
  const { policy, account } = start;
  return new TimelineReader(
    isPolicyVersions(policy) ? versionAt(policy as PolicyVersions, created) : (policy as Policy),
    account,
  );
}

/**
 * A core that has applied the first `count` events of `log` (read again: they were checked once);
 * its reader is made by the first of them ({@link applyTo}).
 */
function rebuild(start: Core['start'], log: readonly TicketEvent[], count: number): Core {
  const core: Core = { reader: undefined, engine: new ClockEngine(), applied: 0, log: [], start };
  for (let i = 0; i < count; i++) applyTo(core, log[i]!);
  return core;
}

/**
 * A state of a ticket started with `policy` and `account` that has applied `events`: each is
 * checked again, with its index in error paths. For {@link restoreState}.
 * @internal
 */
export function stateFrom(
  policy: Policy | PolicyVersions,
  account: AccountDefinition,
  events: readonly TicketEvent[],
): SlaState {
  const first = startTicket(policy, account);
  const { start } = open(first).core;
  return events.length === 0 ? first : stateOf(rebuild(start, events, events.length));
}

/** Reads and applies one event to a core it is the tip of; refused, it changes nothing. */
function applyTo(core: Core, event: TicketEvent): void {
  const reader = core.reader ?? readerFor(core.start, createdAt([event]));
  const e = reader.read(event);
  core.engine.apply(e);
  core.reader = reader;
  core.log.push(storedEvent(event, e.at));
  core.applied++;
}

/** The core of `state`, brought to its own events: the shared one when the state is its tip. */
function coreOf(state: SlaState): Core {
  const inner = open(state);
  const { core, count } = inner;
  if (core.applied === count) return core;
  inner.core = rebuild(core.start, core.log, count);
  return inner.core;
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
  // On a plain policy the account is checked now; on versions, when `created` chooses the version.
  const reader = isPolicyVersions(policy) ? undefined : new TimelineReader(policy as Policy, account);
  const start = { policy, account: reader?.account ?? readAccount(account) };
  return stateOf({ reader, engine: new ClockEngine(), applied: 0, log: [], start });
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
 * state = advance(state, { kind: 'created', at: Date.parse('2026-01-05T08:00:00Z'), severity: 'minor' });
 * const result = measureState(state, Date.parse('2026-01-05T10:00:00Z'));
 * result.targets[0].remainingMs / 3_600_000; //=> 10
 * ```
 * @category SLA
 */
export function advance(state: SlaState, event: TicketEvent): SlaState {
  const core = coreOf(state);
  applyTo(core, event);
  return stateOf(core);
}

/**
 * Every measured target of a ticket's state at `now`, as {@link measure} returns it.
 *
 * Events applied after `now` are ignored, as by {@link measure}: the answer is that of the
 * timeline cut at `now`.
 *
 * @throws {@link InvalidArgumentError} `invalid_event` before `created`; `out_of_range` for a
 *   `now` before `created`
 * @example
 * ```ts
 * import { advance, measureState, startTicket, standardSupport, parsePolicy } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const created = advance(startTicket(policy, { type: 'direct', plan: 'enterprise' }),
 *   { kind: 'created', at: Date.parse('2026-01-05T08:00:00Z'), severity: 'critical' });
 * measureState(created, Date.parse('2026-01-05T09:00:00Z')).targets[0].state; //=> 'running'
 * ```
 * @category SLA
 */
export function measureState(state: SlaState, now: InstantLike, options?: MeasureOptions): MeasureResult {
  const inner = open(state);
  const nowMs = instantMs(now, 'now');
  const { explain } = readMeasureOptions(options, ['explain']);
  if (inner.count === 0)
    throw argumentError('invalid_event', ['events', 0], 'a "created" event before measuring', undefined);
  const { start, log } = inner.core;
  // Events after `now` are ignored, as by `measure`: the state answers as its timeline cut at `now`.
  if (nowMs < log[inner.count - 1]!.at)
    return measure(start.policy, start.account, log.slice(0, inner.count), now, options);
  const { reader, engine } = coreOf(state);
  return collectResults(
    engine,
    { current: reader!.policy, severity: reader!.severity, plan: reader!.account.plan ?? null, rule: reader!.rule },
    nowMs,
    explain,
  );
}
