import { formatPath, InvalidArgumentError, isSupportPolicyError, underPath } from '../errors.js';
import { type InstantLike, toEpochMs } from '../instant.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import type { Policy } from '../policy/schema.js';
import type { EngineEvent, TicketStatus } from './engine.js';
import { type AccountTargets, accountTargets, targetsFor } from './policyTargets.js';

/**
 * One event of a ticket's timeline, with its instant. A timeline starts with `created` (once) and
 * its instants never decrease; events sharing an instant apply in list order.
 *
 * - `created`: the ticket, with its severity level (required when the account has targets).
 * - `reply`: by an `agent`, the `customer`, or an `automatic` message (which never satisfies a
 *   target).
 * - `status`: `open`, `waiting_on_customer`, `on_hold`, `solved`; `reopened` is `open` after
 *   `solved` (any status other than `solved` reopens a solved ticket).
 * - `severity`: a new level; every clock that has not ended and is not breached is re-targeted
 *   from its original start.
 * - `plan`: the account moves to another plan (and add-ons, when given; else it keeps its own),
 *   re-targeting the same way; `severity` is needed when the new plan uses another scale.
 *
 * @category SLA
 */
export type TicketEvent =
  | { readonly type: 'created'; readonly at: InstantLike; readonly severity?: string }
  | { readonly type: 'reply'; readonly at: InstantLike; readonly author: 'agent' | 'customer' | 'automatic' }
  | { readonly type: 'status'; readonly at: InstantLike; readonly status: TicketStatus | 'reopened' }
  | { readonly type: 'severity'; readonly at: InstantLike; readonly severity: string }
  | { readonly type: 'plan'; readonly at: InstantLike; readonly plan: string; readonly addOns?: readonly string[]; readonly severity?: string };

/**
 * A ticket's timeline: its events in time order, `created` first.
 * @category SLA
 */
export type Timeline = readonly TicketEvent[];

const STATUSES: ReadonlySet<string> = new Set(['open', 'waiting_on_customer', 'on_hold', 'solved', 'reopened']);
const AUTHORS: ReadonlySet<string> = new Set(['agent', 'customer', 'automatic']);

type Path = readonly (string | number)[];

/**
 * Reads a timeline one event at a time: checks each event against the ones before it and the
 * policy, and turns it into what the clocks need. Errors name the event's index and field.
 * @internal
 */
export class TimelineReader {
  account: AccountDefinition;
  targets: AccountTargets;
  severity: string | null = null;
  last: number | undefined = undefined;
  count = 0;

  constructor(
    readonly policy: Policy,
    account: AccountDefinition,
    /** Where the ticket sits in the caller's input (`[]`, `['tickets', 3]`); paths are built on error only. */
    readonly at: Path,
  ) {
    this.account = account;
    this.targets = rebased(at, () => accountTargets(policy, account));
  }

  clone(): TimelineReader {
    const copy = Object.create(TimelineReader.prototype) as TimelineReader;
    return Object.assign(copy, this);
  }

  /** The next event, checked and converted; nothing changes when it is refused. */
  read(raw: TicketEvent): EngineEvent {
    const i = this.count;
    if (typeof raw !== 'object' || raw === null) this.fail(undefined, 'expected an event object', raw);
    const e = raw as Record<string, unknown>;
    let at: number;
    try {
      at = toEpochMs(e['at'] as InstantLike, 'at');
    } catch (error) {
      // The event's path is built only on error: this runs for every event of a batch.
      throw isSupportPolicyError(error) ? underPath(error, this.here()) : error;
    }
    if (this.last !== undefined && at < this.last) this.fail('at', `expected events in time order, got an instant before the previous event's (${new Date(this.last).toISOString()})`, e['at']);
    if ((e['type'] === 'created') !== (i === 0)) this.fail('type', i === 0 ? `expected the timeline to start with "created", got ${JSON.stringify(e['type'])}` : 'expected a single "created", first', e['type']);
    let event: EngineEvent;
    let severity = this.severity;
    let account = this.account;
    let targets = this.targets;
    switch (e['type']) {
      case 'created':
        severity = this.checkSeverity(e['severity'], targets, false);
        event = { at, kind: 'created', targets: targetsFor(targets, severity) };
        break;
      case 'reply':
        if (!AUTHORS.has(e['author'] as string)) this.fail('author', `expected agent, customer or automatic, got ${JSON.stringify(e['author'])}`, e['author']);
        event = { at, kind: e['author'] as 'agent' | 'customer' | 'automatic' };
        break;
      case 'status': {
        const s = e['status'];
        if (typeof s !== 'string' || !STATUSES.has(s)) this.fail('status', `expected open, waiting_on_customer, on_hold, solved or reopened, got ${JSON.stringify(s)}`, s);
        event = { at, kind: 'status', status: s === 'reopened' ? 'open' : (s as TicketStatus) };
        break;
      }
      case 'severity':
        severity = this.checkSeverity(e['severity'], targets, true);
        event = { at, kind: 'retarget', targets: targetsFor(targets, severity) };
        break;
      case 'plan': {
        if (typeof e['plan'] !== 'string') this.fail('plan', `expected a plan id, got ${JSON.stringify(e['plan'])}`, e['plan']);
        account = { ...this.account, plan: e['plan'] as string, ...(e['addOns'] === undefined ? {} : { addOns: e['addOns'] as string[] }) };
        const next = account;
        // Kept add-ons the new plan cannot take are the plan's fault when the event names none.
        const keeps = e['addOns'] === undefined;
        targets = rebased(this.here(), () => accountTargets(this.policy, next), 1, keeps ? 'plan' : undefined);
        const given = e['severity'] === undefined ? severity : e['severity'];
        severity = this.checkSeverity(given, targets, false);
        event = { at, kind: 'retarget', targets: targetsFor(targets, severity) };
        break;
      }
      default:
        return this.fail('type', `expected created, reply, status, severity or plan, got ${JSON.stringify(e['type'])}`, e['type']);
    }
    this.severity = severity;
    this.account = account;
    this.targets = targets;
    this.last = at;
    this.count = i + 1;
    return event;
  }

  /** The path of the event being read, or of one of its fields. */
  private here(field?: string): (string | number)[] {
    return field === undefined ? [...this.at, 'events', this.count] : [...this.at, 'events', this.count, field];
  }

  private fail(field: string | undefined, message: string, value: unknown): never {
    const path = this.here(field);
    throw new InvalidArgumentError('invalid_event', path, `${formatPath(path)}: ${message}`, value);
  }

  /** A severity level of the account's scale; a missing one is refused when `required` or when targets depend on it. */
  private checkSeverity(value: unknown, targets: AccountTargets, required: boolean): string | null {
    if (value === undefined || value === null) {
      if (!required && !targets.hasTargets) return null;
      const why = targets.hasTargets ? ", which the account's targets depend on" : '';
      return this.fail('severity', `expected a severity level${levelList(targets)}${why}, got ${String(value)}`, value);
    }
    if (typeof value !== 'string' || (targets.levels !== null && !targets.levels.has(value))) {
      return this.fail('severity', `expected a severity level${levelList(targets)}, got ${JSON.stringify(value)}`, value);
    }
    return value;
  }
}

function levelList(t: AccountTargets): string {
  return t.levels === null ? '' : ` of scale "${t.scale}" (${[...t.levels].join(', ')})`;
}

/**
 * Runs `f`, moving the path of any library error it throws under `prefix` (after dropping `drop`
 * leading segments); with `addOnsAs`, an error about add-ons the event did not name points at
 * that field instead.
 */
function rebased<T>(prefix: Path, f: () => T, drop = 0, addOnsAs?: string): T {
  try {
    return f();
  } catch (error) {
    if (!isSupportPolicyError(error)) throw error;
    if (addOnsAs !== undefined && error.path[drop] === 'addOns') throw underPath(error, [...prefix, addOnsAs], error.path.length);
    throw underPath(error, prefix, drop);
  }
}
