import { formatPath, InvalidArgumentError } from '../errors.js';
import { toValidationIssues } from '../internal/zodIssues.js';
import type { DeductionRules } from './charge.js';
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

function fail(
  code: 'invalid_event' | 'unknown_account' | 'outside_contract_year' | 'event_conflict',
  path: (string | number)[],
  message: string,
  value?: unknown,
): never {
  throw new InvalidArgumentError(code, path, message, value);
}

/** Validates an untrusted event against the schema. @internal */
export function parseEvent(event: unknown, index?: number): LedgerEvent {
  const parsed = LedgerEventSchema.safeParse(event, { reportInput: true });
  if (!parsed.success) {
    const prefix = index === undefined ? ['event'] : ['events', index];
    const issue = toValidationIssues(parsed.error, prefix)[0]!;
    fail('invalid_event', [...issue.path], issue.message, event);
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
    fail(
      'event_conflict',
      [...where, 'id'],
      `${formatPath([...where, 'id'])}: expected event "${e.id}" again with the same content, got different content`,
      e.id,
    );
  }
  if (e.kind === 'package_granted' || e.kind === 'contract_renewed') {
    if (e.to <= e.from)
      fail(
        'invalid_event',
        [...where, 'to'],
        `${formatPath([...where, 'to'])}: expected the end of the contract year after its start`,
        e.to,
      );
    if (a.years.has(e.year))
      fail(
        'event_conflict',
        [...where, 'year'],
        `${formatPath([...where, 'year'])}: expected a new contract year, got "${e.year}" again`,
        e.year,
      );
    for (const y of a.years.values()) {
      if (e.from < y.to && y.from < e.to)
        fail(
          'invalid_event',
          [...where, 'from'],
          `${formatPath([...where, 'from'])}: expected a contract year not overlapping "${y.id}"`,
          e.from,
        );
    }
    if (e.kind === 'contract_renewed') {
      const previous = a.years.get(e.previousYear);
      if (previous === undefined) {
        fail(
          'invalid_event',
          [...where, 'previousYear'],
          `${formatPath([...where, 'previousYear'])}: expected a contract year of account "${e.account}", got "${e.previousYear}"`,
          e.previousYear,
        );
      }
      if (e.from < previous.to) {
        fail(
          'invalid_event',
          [...where, 'from'],
          `${formatPath([...where, 'from'])}: expected a renewal starting when or after "${previous.id}" ends (${new Date(previous.to).toISOString()}), got ${new Date(e.from).toISOString()}`,
          e.from,
        );
      }
      for (const y of a.years.values()) {
        if (y.previousYear === e.previousYear) {
          fail(
            'event_conflict',
            [...where, 'previousYear'],
            `${formatPath([...where, 'previousYear'])}: expected "${e.previousYear}" to be renewed once, but "${y.id}" already renews it`,
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
    fail(
      'outside_contract_year',
      [...where, 'at'],
      `${formatPath([...where, 'at'])}: expected an instant within one of account "${e.account}"'s contract years, got ${new Date(e.at).toISOString()}`,
      e.at,
    );
  }
  const existing = a.conversations.get(e.conversation);
  if (e.kind === 'conversation_opened' && existing?.opened !== undefined) {
    fail(
      'event_conflict',
      [...where, 'conversation'],
      `${formatPath([...where, 'conversation'])}: expected conversation "${e.conversation}" to be opened once, got a second opening`,
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
    fail(
      'unknown_account',
      [...where, 'account'],
      `${formatPath([...where, 'account'])}: expected an account with a granted package, got "${e.account}"`,
      e.account,
    );
  }
  return a;
}
