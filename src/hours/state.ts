import { argumentError, InvalidArgumentError } from '../errors.js';
import { emptyMap, type PersistentMap } from '../internal/persistentMap.js';
import { isPlainObject } from '../internal/record.js';
import { toValidationIssues } from '../internal/zodIssues.js';
import type { DeductionRules } from './charge.js';
import { checkEvent } from './checkEvent.js';
import { eventInput } from './eventInput.js';
import type { ConversationRecord } from './conversationRecord.js';
import { LedgerEventSchema, type ParsedLedgerEvent } from './events.js';

/** A contract year of an account. @internal */
export interface YearRecord {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly minutes: number;
  readonly previousYear?: string;
}

/** One account's (or partner pool's) ledger. Persistent maps: a change shares what it does not touch. @internal */
export interface AccountLedger {
  /** Contract years, in the order they were granted. */
  readonly years: readonly YearRecord[];
  /**
   * The same years' `from` and `to`, flat (`[from₀, to₀, from₁, to₁, …]`): every conversation event
   * checks its year, and a flat array of numbers is one memory load where the records are one each.
   */
  readonly spans: readonly number[];
  readonly conversations: PersistentMap<ConversationRecord>;
  /** Event id → the validated event, to tell a replay (same content) from a conflict. */
  readonly events: PersistentMap<ParsedLedgerEvent>;
}

/** An account's ledger being changed, before it is frozen into a state. @internal */
export type AccountDraft = { -readonly [K in keyof AccountLedger]: AccountLedger[K] };

/**
 * A support-hours ledger: the deduction rules and every account's events, as applied. It is
 * immutable: {@link applyEvent} and {@link replay} return new states that share what did not
 * change, and never change one they were given.
 * @category Hours
 */
export interface LedgerState {
  readonly rules: DeductionRules;
  /** @internal */
  readonly accounts: PersistentMap<AccountLedger>;
}

/** A draft of an account with nothing yet. @internal */
export const emptyAccount = (): AccountDraft => ({
  years: [],
  spans: [],
  conversations: emptyMap(),
  events: emptyMap(),
});

/**
 * The path of an event (`event`, or `events[index]` of a replay), or of one of its fields: built
 * only for an error, so that a valid event allocates no path. @internal
 */
export function eventPath(index: number | undefined, field?: string): (string | number)[] {
  const path: (string | number)[] = index === undefined ? ['event'] : ['events', index];
  if (field !== undefined) path.push(field);
  return path;
}

/**
 * Validates an untrusted event, reading its own fields only. The event is `event`, or
 * `events[index]` of a replay; `clean` is {@link eventPrototypeIsClean}, asked once per call. A
 * well-formed event passes the fast check (checkEvent.ts); anything else goes to the schema, which
 * words the error.
 * @internal
 */
export function parseEvent(event: unknown, index: number | undefined, clean: boolean): ParsedLedgerEvent {
  if (!isPlainObject(event)) throw argumentError('invalid_event', eventPath(index), 'an event (a plain object)', event);
  if (clean) {
    const checked = checkEvent(event);
    if (checked !== undefined) return checked;
  }
  const parsed = LedgerEventSchema.safeParse(eventInput(event, clean, eventPath(index)), { reportInput: true });
  if (!parsed.success) {
    // The schema's first issue, already in the `path: expected …, got …` shape (internal/zodIssues.ts).
    const issue = toValidationIssues(parsed.error, eventPath(index))[0]!;
    throw new InvalidArgumentError('invalid_event', issue.path, issue.message, event);
  }
  return parsed.data;
}

/** Raises `unknown_account` for an event of an account with no contract year. @internal */
export function requireAccount(
  account: AccountLedger | undefined,
  e: ParsedLedgerEvent,
  index: number | undefined,
): AccountLedger | undefined {
  if (account === undefined && e.kind !== 'package_granted') {
    throw argumentError('unknown_account', eventPath(index, 'account'), 'an account with a granted package', e.account);
  }
  return account;
}
