import { argumentError, InvalidArgumentError } from '../errors.js';
import { describeValue } from '../internal/describeValue.js';
import { isPlainObject } from '../internal/record.js';
import { toValidationIssues } from '../internal/zodIssues.js';
import type { DeductionRules } from './charge.js';
import { eventInput } from './eventInput.js';
import { type LedgerEvent, LedgerEventSchema } from './events.js';

/** A contract year of an account. @internal */
export interface YearRecord {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly minutes: number;
  readonly previousYear?: string;
}

/** What the ledger knows of one conversation, keyed by event id so that replays change nothing. @internal */
export interface ConversationRecord {
  opened?: { readonly at: number; readonly channel: string; readonly client?: string; readonly eventId: string };
  readonly handled: Map<string, number>;
  readonly documented: Set<string>;
  readonly classifications: Map<string, { readonly at: number; readonly as: string }>;
  readonly voided: Set<string>;
}

/** One account's (or partner pool's) ledger. @internal */
export interface AccountLedger {
  readonly years: Map<string, YearRecord>;
  readonly conversations: Map<string, ConversationRecord>;
  /** Event id → the (validated, immutable) event, to tell a replay (same content) from a conflict. */
  readonly events: Map<string, LedgerEvent>;
}

/**
 * A support-hours ledger: the deduction rules and every account's events, as applied. Treat it as
 * immutable: {@link applyEvent} and {@link replay} return new states and never change one they
 * were given.
 * @category Hours
 */
export interface LedgerState {
  readonly rules: DeductionRules;
  /** @internal */
  readonly accounts: ReadonlyMap<string, AccountLedger>;
}

/** Deep equality of two JSON values; a field set to undefined equals one left out, as in JSON. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

const eventPath = (index: number | undefined) => (index === undefined ? ['event'] : ['events', index]);

/**
 * Validates an untrusted event against the schema, reading its own fields only. The event is
 * `event`, or `events[index]` of a replay; `clean` is {@link eventPrototypeIsClean}, asked once per call.
 * @internal
 */
export function parseEvent(event: unknown, index: number | undefined, clean: boolean): LedgerEvent {
  if (!isPlainObject(event)) throw argumentError('invalid_event', eventPath(index), 'an event (a plain object)', event);
  const parsed = LedgerEventSchema.safeParse(eventInput(event, clean), { reportInput: true });
  if (!parsed.success) {
    // The schema's first issue, already in the `path: expected …, got …` shape (internal/zodIssues.ts).
    const issue = toValidationIssues(parsed.error, eventPath(index))[0]!;
    throw new InvalidArgumentError('invalid_event', issue.path, issue.message, event);
  }
  return parsed.data as LedgerEvent;
}

export function emptyAccount(): AccountLedger {
  return { years: new Map(), conversations: new Map(), events: new Map() };
}

/** A copy of an account's ledger that can be changed without touching the original. @internal */
export function cloneAccount(a: AccountLedger): AccountLedger {
  const conversations = new Map<string, ConversationRecord>();
  for (const [k, c] of a.conversations) {
    conversations.set(k, {
      ...(c.opened === undefined ? {} : { opened: c.opened }),
      handled: new Map(c.handled),
      documented: new Set(c.documented),
      classifications: new Map(c.classifications),
      voided: new Set(c.voided),
    });
  }
  return { years: new Map(a.years), conversations, events: new Map(a.events) };
}

/** A validated instant (epoch ms within the supported range) as ISO 8601, for messages. */
const iso = (ms: number) => new Date(ms).toISOString();

function yearOf(a: AccountLedger, at: number): YearRecord | undefined {
  for (const y of a.years.values()) if (at >= y.from && at < y.to) return y;
  return undefined;
}

/**
 * Adds one validated event to a (mutable, private) account ledger, or throws without changing it:
 * every check runs before the first write.
 * @internal
 */
export function addEvent(a: AccountLedger, e: LedgerEvent, where: (string | number)[]): void {
  const seen = a.events.get(e.id);
  if (seen !== undefined) {
    if (sameJson(seen, e)) return; // a replay: nothing changes
    throw argumentError(
      'event_conflict',
      [...where, 'id'],
      'a new event id, or the same content as the event already applied under it',
      e.id,
    );
  }
  if (e.kind === 'package_granted' || e.kind === 'contract_renewed') {
    if (e.to <= e.from)
      throw argumentError(
        'invalid_event',
        [...where, 'to'],
        `the end of the contract year, after its start (${iso(e.from)})`,
        e.to,
      );
    if (a.years.has(e.year))
      throw argumentError('event_conflict', [...where, 'year'], 'a contract year not granted yet', e.year);
    for (const y of a.years.values()) {
      if (e.from < y.to && y.from < e.to)
        throw argumentError(
          'invalid_event',
          [...where, 'from'],
          `a contract year not overlapping ${describeValue(y.id)}`,
          e.from,
        );
    }
    if (e.kind === 'contract_renewed') {
      const previous = a.years.get(e.previousYear);
      if (previous === undefined) {
        throw argumentError(
          'invalid_event',
          [...where, 'previousYear'],
          `a contract year of account ${describeValue(e.account)}`,
          e.previousYear,
        );
      }
      if (e.from < previous.to) {
        throw argumentError(
          'invalid_event',
          [...where, 'from'],
          `a renewal starting when or after ${describeValue(previous.id)} ends (${iso(previous.to)})`,
          e.from,
        );
      }
      for (const y of a.years.values()) {
        if (y.previousYear === e.previousYear) {
          throw argumentError(
            'event_conflict',
            [...where, 'previousYear'],
            `a contract year renewed once (${describeValue(y.id)} already renews it)`,
            e.previousYear,
          );
        }
      }
    }
    a.years.set(e.year, {
      id: e.year,
      from: e.from,
      to: e.to,
      minutes: e.minutes,
      ...(e.kind === 'contract_renewed' ? { previousYear: e.previousYear } : {}),
    });
    a.events.set(e.id, e);
    return;
  }
  if (yearOf(a, e.at) === undefined) {
    throw argumentError(
      'outside_contract_year',
      [...where, 'at'],
      `an instant within one of the contract years of account ${describeValue(e.account)} (${iso(e.at)} is in none)`,
      e.at,
    );
  }
  const existing = a.conversations.get(e.conversation);
  if (e.kind === 'conversation_opened' && existing?.opened !== undefined) {
    throw argumentError(
      'event_conflict',
      [...where, 'conversation'],
      'a conversation opened once, not again',
      e.conversation,
    );
  }
  const c: ConversationRecord = existing ?? {
    handled: new Map(),
    documented: new Set(),
    classifications: new Map(),
    voided: new Set(),
  };
  switch (e.kind) {
    case 'conversation_opened':
      c.opened = {
        at: e.at,
        channel: e.channel,
        ...(e.client === undefined ? {} : { client: e.client }),
        eventId: e.id,
      };
      break;
    case 'time_handled':
      c.handled.set(e.id, e.minutes);
      break;
    case 'answered_with_documentation':
      c.documented.add(e.id);
      break;
    case 'classified':
      c.classifications.set(e.id, { at: e.at, as: e.as });
      break;
    case 'conversation_voided':
      c.voided.add(e.id);
      break;
  }
  a.conversations.set(e.conversation, c);
  a.events.set(e.id, e);
}

/** Raises `unknown_account` for an event of an account with no contract year. @internal */
export function requireAccount(
  accounts: ReadonlyMap<string, AccountLedger>,
  e: LedgerEvent,
  where: (string | number)[],
): AccountLedger | undefined {
  const a = accounts.get(e.account);
  if (a === undefined && e.kind !== 'package_granted') {
    throw argumentError('unknown_account', [...where, 'account'], 'an account with a granted package', e.account);
  }
  return a;
}
