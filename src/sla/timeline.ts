import { argumentError, isSupportPolicyError, underPath } from '../errors.js';
import { ticketPath } from './paths.js';
import { type InstantLike, instantMs, MAX_SUPPORTED_MS } from '../instant.js';
import type { TicketEvent } from './types.js';
import { isId, ownFields, prototypeIsClean } from '../internal/record.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import { readAccount } from '../policy/readAccount.js';
import type { Policy } from '../policy/schema.js';
import { type EngineEvent, engineEvent, type EventKind, type Status, type TargetSet } from './clockTypes.js';
import { matchRule, type RuleMatch, type TicketFields } from './rules.js';
import { mergeFields, NO_FIELDS } from './ticketFields.js';
import { chooseClocks } from './clockChoice.js';
import { type Vocabulary, vocabularyOf } from './statuses.js';
import { type AccountTargets, accountTargets, ruleTargets, targetsFor } from './policyTargets.js';
import * as eventKeys from './eventFields.js';
import { movedAccount, severityExpected } from './eventFields.js';
import { BatchAccounts } from './batchAccounts.js';

type Path = readonly (string | number)[];

/**
 * Reads a timeline one event at a time: checks each event against the ones before it and the
 * policy, and turns it into what the clocks need. Errors name the event's index and field.
 * @internal
 */
export class TimelineReader {
  /** The account's plan (`account.plan`, or null), kept beside it: read for every ticket, it saves a visit to the account. */
  plan: string | null;
  targets: AccountTargets;
  severity: string | null = null;
  /** The instant of the last event read; −∞ before the first. */
  last = Number.NEGATIVE_INFINITY;
  /** The instant of the event being read, once checked. */
  private instant = Number.NaN;
  count = 0;
  /** Whether a `closed`-category status was read: no event may follow. */
  closed = false;
  /** The ticket's fields, and the SLA rule they matched (`null`: none, or the policy has no rules). */
  fields: TicketFields = NO_FIELDS;
  rule: RuleMatch | null = null;
  readonly vocabulary: Vocabulary;
  /** The vocabulary's statuses by name, and a new ticket's status (read for every event). */
  private readonly statuses: ReadonlyMap<string, Status>;
  private readonly initial: Status;

  constructor(
    readonly policy: Policy,
    account: AccountDefinition,
    /** The ticket's index in a batch (`tickets[3]`), or −1 for a ticket alone: paths are built on error only. */
    public ticket = -1,
  ) {
    const { checked, targets } = this.readAccountOf(account);
    this.checked = checked;
    this.plan = checked.plan ?? null;
    this.targets = targets;
    this.vocabulary = vocabularyOf(policy);
    this.statuses = this.vocabulary.byName;
    this.initial = this.vocabulary.initial;
  }

  /** The ticket's account, checked (a copy of the caller's); in a batch, looked up when first read. */
  get account(): AccountDefinition {
    return (this.checked ??= this.batchAccounts!.copyOf(this.caller));
  }
  private checked: AccountDefinition | undefined; // `undefined` until read, in a batch
  private caller: unknown; // in a batch, the caller's account object of the ticket

  /** Where the ticket sits in the caller's input: `[]`, or `['tickets', 3]`. */
  get at(): Path {
    return ticketPath(this.ticket);
  }

  /** Whether no event field can be inherited from `Object.prototype` (checked once per reader). */
  private cleanPrototype = prototypeIsClean(eventKeys.EVENT_FIELDS);
  /** The event {@link read} returns, refilled by every call. */
  private event: EngineEvent = engineEvent(0, 'created');
  /** The accounts of a batch: {@link begin} reads each once. */
  private batchAccounts: BatchAccounts | undefined;

  /** Starts over on ticket `ticket` of a batch (one reader reads them all; each account is read once). */
  begin(account: AccountDefinition, ticket: number): void {
    this.ticket = ticket;
    const known = (this.batchAccounts ??= new BatchAccounts());
    const targets = known.targetsOf(account) ?? known.add(account, this.readAccountOf(account));
    this.targets = targets;
    this.plan = targets.plan;
    this.caller = account;
    this.checked = undefined;
    this.severity = null;
    this.last = Number.NEGATIVE_INFINITY;
    this.count = 0;
    this.closed = false;
    this.fields = NO_FIELDS;
    this.rule = null;
  }

  /** The caller's `account`, checked and copied, and its targets; errors under the ticket's place. */
  private readAccountOf(account: AccountDefinition): { checked: AccountDefinition; targets: AccountTargets } {
    try {
      const checked = readAccount(account);
      return { checked, targets: accountTargets(this.policy, checked) };
    } catch (error) {
      throw isSupportPolicyError(error) ? underPath(error, this.at) : error; // as rebased, without its closures
    }
  }

  /**
   * The next event, checked and converted; nothing changes when it is refused. The answer is one
   * object refilled by the next call: apply it before reading on. Replies and statuses, most of a
   * timeline, are read here; the other kinds by {@link readOther}, so that this stays small.
   */
  read(raw: TicketEvent): EngineEvent {
    // A plain object (isPlainObject, written out): `kind` is read before the prototype check, so
    // that V8 knows the event's shape there and folds the check to a constant (a call otherwise,
    // 10 ns per event).
    if (this.closed || typeof raw !== 'object' || raw === null || Array.isArray(raw)) this.refuse(raw);
    const first = (raw as Record<string, unknown>)['kind'];
    const proto: unknown = Object.getPrototypeOf(raw);
    if (proto !== Object.prototype && proto !== null) this.refuse(raw);
    // Fields are read directly; under a polluted Object.prototype, from a copy of the own ones.
    const clean = this.cleanPrototype;
    const e: Record<string, unknown> = clean ? raw : ownFields(raw);
    const kind = clean ? first : e['kind'];
    this.readInstant(e, kind);
    if (kind !== 'reply' && kind !== 'status') return this.readOther(e, kind);
    // Keys besides an id, counted here rather than by a call per event; checkKeys says what is wrong.
    const id = e['id'];
    let keys = id === undefined ? 0 : -1;
    for (const _key in e) keys++;
    const field = kind === 'reply' ? e['author'] : e['status'];
    if (keys !== (field === undefined ? 2 : 3) || (id !== undefined && !isId(id)))
      this.checkKeys(e, kind === 'reply' ? eventKeys.REPLY_KEYS : eventKeys.STATUS_KEYS, field === undefined ? 0 : 1);
    if (kind === 'reply') {
      if (field !== 'agent' && field !== 'customer' && field !== 'automatic')
        this.fail('author', 'agent, customer or automatic', field);
      return this.emit(field, this.initial);
    }
    const status = (typeof field === 'string' ? this.statuses.get(field) : undefined) ?? this.otherStatus(field);
    if (status.category === 'closed') this.closed = true;
    return this.emit('status', status);
  }

  /** Refuses an event after a closed status, or one that is not an event object. */
  private refuse(raw: unknown): never {
    if (this.closed) this.fail(undefined, 'no event after the ticket was closed', raw);
    return this.fail(undefined, 'an event object { kind, at, … }', raw);
  }

  /** A status name the vocabulary does not hold: `reopened` (read as `open`) by default, else refused. */
  private otherStatus(s: unknown): Status {
    const v = this.vocabulary;
    if (s === 'reopened' && !v.custom) return v.byName.get('open')!;
    return this.fail('status', `a status of the policy (${v.names})`, s);
  }

  /**
   * Reads the event's instant into {@link instant}: a later event's in-range integer instant, in order,
   * here, anything else (a ticket's first event among them) by {@link instantOf}. The instant goes
   * through a field rather than a return value or an argument: V8 boxes a number that is not a
   * small integer (every epoch ms) each time it crosses a call it does not inline.
   */
  private readInstant(e: Record<string, unknown>, kind: unknown): void {
    const value = e['at'];
    const inOrder = typeof value === 'number' && value >= this.last && value < MAX_SUPPORTED_MS;
    if (this.count !== 0 && inOrder && Number.isInteger(value)) this.instant = value;
    else this.instantOf(e, kind);
  }

  /** Reads the instant of the next event into {@link instant}, checked: valid, and not before the previous one. */
  private instantOf(e: Record<string, unknown>, kind: unknown): void {
    const value = e['at'];
    let at: number;
    try {
      at = instantMs(value as InstantLike, 'at');
    } catch (error) {
      // The event's path is built only on error: this runs for every event of a batch.
      throw isSupportPolicyError(error) ? underPath(error, this.here()) : error;
    }
    if (at < this.last) {
      const previous = new Date(this.last).toISOString();
      this.fail('at', `events in time order (an instant not before the previous event's, ${previous})`, value);
    }
    if (this.count === 0 && kind !== 'created') this.fail('kind', 'the timeline to start with "created"', kind);
    this.instant = at;
  }

  /**
   * Refuses a key the event's kind does not have (own keys only: an inherited one is never read),
   * and a bad id. `set` counts the kind's fields found set besides `kind` and `at`: when the keys
   * number those and an id, counting them is enough (`read` counts a reply's or status's itself).
   */
  private checkKeys(e: Record<string, unknown>, known: readonly string[], set: number): void {
    const id = e['id'];
    let keys = 0;
    for (const _key in e) keys++;
    if (keys !== 2 + set + (id === undefined ? 0 : 1)) {
      for (const key in e) {
        if (!known.includes(key) && Object.hasOwn(e, key)) this.fail(key, `one of the fields ${known.join(', ')}`, key);
      }
    }
    if (id !== undefined && !isId(id)) this.fail('id', 'an event id (a string or a whole number)', id);
  }

  /** Counts a reply or status event and fills the answer (pointer stores only where it changes). */
  private emit(kind: EventKind, status: Status): EngineEvent {
    const at = this.instant;
    this.last = at;
    this.count += 1;
    const event = this.event;
    event.at = at;
    if (event.kind !== kind) event.kind = kind;
    if (event.status !== status) event.status = status;
    return event;
  }

  /** `created`, `severity` and `plan` events, which choose targets; anything else is refused. */
  private readOther(e: Record<string, unknown>, kind: unknown): EngineEvent {
    if ((kind === 'created') !== (this.count === 0)) this.fail('kind', 'a single "created", first', kind);
    let severity = this.severity;
    let account: AccountDefinition | undefined; // only a plan event moves the account
    let targets = this.targets;
    let fields = this.fields;
    switch (kind) {
      case 'created':
        this.checkKeys(
          e,
          eventKeys.CREATED_KEYS,
          (e['severity'] === undefined ? 0 : 1) + (e['fields'] === undefined ? 0 : 1),
        );
        severity = this.checkSeverity(e['severity'], targets, false);
        if (e['fields'] !== undefined) fields = mergeFields(NO_FIELDS, e['fields'], this.here('fields'));
        break;
      case 'fields':
        this.checkKeys(e, eventKeys.FIELDS_KEYS, -1);
        if (e['fields'] === undefined) this.fail('fields', 'the ticket fields that change', undefined);
        fields = mergeFields(fields, e['fields'], this.here('fields'));
        break;
      case 'severity':
        this.checkKeys(e, eventKeys.SEVERITY_KEYS, e['severity'] === undefined ? 0 : 1);
        severity = this.checkSeverity(e['severity'], targets, true);
        break;
      case 'plan': {
        this.checkKeys(e, eventKeys.PLAN_KEYS, -1); // rare: always looks at every key
        if (typeof e['plan'] !== 'string') this.fail('plan', 'a plan id', e['plan']);
        ({ account, targets } = movedAccount(this.policy, this.account, e, this.here()));
        const given = e['severity'];
        severity = this.checkSeverity(given === undefined ? severity : given, targets, false);
        break;
      }
      default:
        return this.fail('kind', 'created, reply, status, severity, plan or fields', kind);
    }
    this.severity = severity;
    // Only a plan event moves the account: the other kinds need not visit it for its plan.
    if (account !== undefined) this.plan = (this.checked = account).plan ?? null;
    this.targets = targets;
    this.fields = fields;
    const event = this.emit(kind === 'created' ? 'created' : 'retarget', this.initial);
    event.targets = this.select();
    return event;
  }

  /**
   * The targets in force for the ticket as read so far: the first SLA rule its fields, plan and
   * severity match (noted in {@link rule}), else its account's for its severity; each on the clock
   * chosen for the ticket where the policy chooses per ticket.
   */
  private select(): TargetSet {
    const targets = this.targets;
    const plan = this.plan;
    this.rule = targets.rulesApply ? matchRule(this.policy, this.fields, plan, this.severity) : null;
    const set =
      this.rule === null
        ? targetsFor(targets, this.severity)
        : ruleTargets(this.policy, this.rule.index, this.severity, plan);
    // The account is read only where a clock is chosen by it or by a field (in a batch, a lookup).
    return set.chooses ? chooseClocks(this.policy, set, this.fields, this.account) : set;
  }

  /** The path of the event being read, or of one of its fields. */
  private here(field?: string): (string | number)[] {
    return field === undefined ? [...this.at, 'events', this.count] : [...this.at, 'events', this.count, field];
  }

  /** Refuses the event being read (or one of its fields): `expected` completes "expected …". */
  private fail(field: string | undefined, expected: string, value: unknown): never {
    throw argumentError('invalid_event', this.here(field), expected, value);
  }

  /** A severity level of the account's scale; a missing one is refused when `required` or when targets depend on it. */
  private checkSeverity(value: unknown, targets: AccountTargets, required: boolean): string | null {
    if (typeof value === 'string' && (targets.levels === null || targets.levels.has(value))) return value;
    const expected = severityExpected(value, targets, required);
    if (expected !== undefined) this.fail('severity', expected, value);
    return (value as string | undefined) ?? null;
  }
}
