import { argumentError } from '../errors.js';
import { describeValue } from '../internal/describeValue.js';
import { type Edit, mapGet, mapSet } from '../internal/persistentMap.js';
import type { ParsedLedgerEvent } from './events.js';
import { editableRecord, NEW_CONVERSATION, recordEvent } from './conversationRecord.js';
import { type AccountDraft, eventPath, type YearRecord } from './state.js';

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

/** A validated instant (epoch ms within the supported range) as ISO 8601, for messages. */
const iso = (ms: number) => new Date(ms).toISOString();

/** Whether `at` is within one of the account's contract years. */
function inSomeYear(a: AccountDraft, at: number): boolean {
  const spans = a.spans;
  for (let i = 0; i < spans.length; i += 2) if (at >= spans[i]! && at < spans[i + 1]!) return true;
  return false;
}

/** Checks a contract year (a package or a renewal) against the account's years; throws on the first problem. */
function checkYear(
  a: AccountDraft,
  e: Extract<ParsedLedgerEvent, { kind: 'package_granted' | 'contract_renewed' }>,
  index: number | undefined,
): void {
  if (e.to <= e.from)
    throw argumentError(
      'invalid_event',
      eventPath(index, 'to'),
      `the end of the contract year, after its start (${iso(e.from)})`,
      e.to,
    );
  if (a.years.some((y) => y.id === e.year))
    throw argumentError('event_conflict', eventPath(index, 'year'), 'a contract year not granted yet', e.year);
  for (const y of a.years) {
    if (e.from < y.to && y.from < e.to)
      throw argumentError(
        'invalid_event',
        eventPath(index, 'from'),
        `a contract year not overlapping ${describeValue(y.id)}`,
        e.from,
      );
  }
  if (e.kind !== 'contract_renewed') return;
  const previous = a.years.find((y) => y.id === e.previousYear);
  if (previous === undefined) {
    const what = `a contract year of account ${describeValue(e.account)}`;
    throw argumentError('invalid_event', eventPath(index, 'previousYear'), what, e.previousYear);
  }
  if (e.from < previous.to) {
    const what = `a renewal starting when or after ${describeValue(previous.id)} ends (${iso(previous.to)})`;
    throw argumentError('invalid_event', eventPath(index, 'from'), what, e.from);
  }
  const renewal = a.years.find((y) => y.previousYear === e.previousYear);
  if (renewal !== undefined) {
    const what = `a contract year renewed once (${describeValue(renewal.id)} already renews it)`;
    throw argumentError('event_conflict', eventPath(index, 'previousYear'), what, e.previousYear);
  }
}

/**
 * Adds one validated event to an account's draft, or throws without changing it: every check runs
 * before the first write. Returns `false` when the event was already applied (the same id and
 * content), which changes nothing. `index` is the event's in a replay's list (see eventPath); `edit`
 * the token of a replay's transient changes, or `null`.
 * @internal
 */
export function addEvent(a: AccountDraft, e: ParsedLedgerEvent, index: number | undefined, edit: Edit | null): boolean {
  const seen = mapGet(a.events, e.id);
  if (seen !== undefined) {
    if (sameJson(seen, e)) return false; // a replay: nothing changes
    const what = 'a new event id, or the same content as the event already applied under it';
    throw argumentError('event_conflict', eventPath(index, 'id'), what, e.id);
  }
  if (e.kind === 'package_granted' || e.kind === 'contract_renewed') {
    checkYear(a, e, index);
    const year: YearRecord = { id: e.year, from: e.from, to: e.to, minutes: e.minutes };
    a.years = [...a.years, e.kind === 'contract_renewed' ? { ...year, previousYear: e.previousYear } : year];
    a.spans = [...a.spans, e.from, e.to];
    a.events = mapSet(a.events, e.id, e, edit);
    return true;
  }
  if (!inSomeYear(a, e.at)) {
    throw argumentError(
      'outside_contract_year',
      eventPath(index, 'at'),
      `an instant within one of the contract years of account ${describeValue(e.account)} (${iso(e.at)} is in none)`,
      e.at,
    );
  }
  const existing = mapGet(a.conversations, e.conversation);
  if (e.kind === 'conversation_opened' && existing?.openedAt !== undefined) {
    const what = 'a conversation opened once, not again';
    throw argumentError('event_conflict', eventPath(index, 'conversation'), what, e.conversation);
  }
  const c = editableRecord(existing ?? NEW_CONVERSATION, edit);
  recordEvent(c, e);
  if (c !== existing) a.conversations = mapSet(a.conversations, e.conversation, c, edit);
  a.events = mapSet(a.events, e.id, e, edit);
  return true;
}
