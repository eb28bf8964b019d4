import { argumentError } from '../errors.js';
import { isPlainObject, own, readRecord } from '../internal/record.js';
import type { BusinessCalendar } from '../calendar/BusinessCalendar.js';
import { compileCalendar } from '../calendar/compileCalendar.js';
import type { CalendarDefinition } from '../calendar/schema.js';
import { isSupportPolicyError } from '../errors.js';
import type { AccountDefinition } from './entitlementTypes.js';

const ACCOUNT_KEYS = ['type', 'plan', 'addOns', 'partner', 'calendar'] as const;
/** Where an account's errors point by default (one list, not one per call: a batch reads thousands). */
const ACCOUNT_PATH: readonly string[] = Object.freeze(['account']);

/** The compiled calendar of an account that brings its own definition, by the account's checked copy. */
const ownCalendars = new WeakMap<AccountDefinition, BusinessCalendar>();

/** The account's own compiled calendar, when its `calendar` is a definition. @internal */
export const ownCalendarOf = (account: AccountDefinition): BusinessCalendar | undefined => ownCalendars.get(account);

/**
 * The account the caller passed, checked for shape and copied: a frozen object with the four
 * fields (those not given are `undefined`), read from the caller's own properties. Whatever the caller does with its object
 * afterwards changes nothing that was computed or kept from it. Which ids the policy knows is
 * checked later, by the functions that look them up.
 * @internal
 */
export function readAccount(value: unknown, path: readonly (string | number)[] = ACCOUNT_PATH): AccountDefinition {
  // Batches and services pass the same account object again and again: while its fields are
  // unchanged, it reads as the same copy (which memos downstream are keyed by).
  const seen = typeof value === 'object' && value !== null ? copies.get(value) : undefined;
  if (seen !== undefined && isPlainObject(value) && sameFields(seen, value)) return seen;
  const record = readRecord(
    value,
    path,
    ACCOUNT_KEYS,
    'invalid_account',
    'an account { type, plan?, addOns?, partner?, calendar? }',
  );
  const type = own(record, 'type');
  const plan = own(record, 'plan');
  const partner = own(record, 'partner');
  const addOns = own(record, 'addOns');
  const calendar = own(record, 'calendar');
  if (typeof type !== 'string') throw argumentError('unknown_reference', [...path, 'type'], 'an account type id', type);
  if (plan !== undefined && typeof plan !== 'string') {
    throw argumentError('unknown_reference', [...path, 'plan'], 'a plan id', plan);
  }
  if (partner !== undefined && typeof partner !== 'string') {
    throw argumentError('invalid_account', [...path, 'partner'], 'the id of the managing partner', partner);
  }
  let ids: readonly string[] | undefined;
  if (addOns !== undefined) {
    if (!Array.isArray(addOns))
      throw argumentError('invalid_account', [...path, 'addOns'], 'a list of add-on ids', addOns);
    ids = Object.freeze(Array.from(addOns as unknown[], (id, i) => checkAddOnId(id, [...path, 'addOns', i])));
  }
  // Every field is an own property (`undefined` when not given): a field the caller left out reads
  // as missing even under a polluted Object.prototype, and every copy has one shape (fast to read).
  const ownCalendar =
    calendar !== undefined && typeof calendar !== 'string' ? compileOwn(calendar, [...path, 'calendar']) : undefined;
  const copy: AccountDefinition = { type, plan, addOns: ids, partner, calendar } as AccountDefinition;
  Object.freeze(copy);
  if (ownCalendar !== undefined) ownCalendars.set(copy, ownCalendar);
  copies.set(record, copy);
  return copy;
}

const copies = new WeakMap<object, AccountDefinition>();

/** Whether a caller's account still has exactly the fields of its copy (own ones, nothing added). */
function sameFields(copy: AccountDefinition, value: Record<string, unknown>): boolean {
  let keys = 0;
  for (const key in value) if (Object.hasOwn(value, key)) keys++;
  const addOns = own(value, 'addOns');
  const given =
    1 +
    +(copy.plan !== undefined) +
    +(copy.addOns !== undefined) +
    +(copy.partner !== undefined) +
    +(copy.calendar !== undefined);
  return (
    keys === given &&
    own(value, 'type') === copy.type &&
    own(value, 'calendar') === copy.calendar &&
    own(value, 'plan') === copy.plan &&
    own(value, 'partner') === copy.partner &&
    (addOns === copy.addOns || (Array.isArray(addOns) && sameIds(addOns, copy.addOns)))
  );
}

/** Whether a caller's list of add-on ids holds the ids of a copy's list, in order. */
function sameIds(given: readonly unknown[], kept: readonly string[] | undefined): boolean {
  if (kept === undefined || given.length !== kept.length) return false;
  for (let i = 0; i < given.length; i++) if (given[i] !== kept[i]) return false;
  return true;
}

/** An account's own calendar definition, compiled; a bad one is `invalid_account` at its path, saying why. */
function compileOwn(definition: unknown, path: readonly (string | number)[]): BusinessCalendar {
  try {
    return compileCalendar(definition as CalendarDefinition);
  } catch (error) {
    if (!isSupportPolicyError(error)) throw error;
    const why = error.message.split('\n')[0]!;
    throw argumentError(
      'invalid_account',
      path,
      `a calendar id of the policy, or a valid calendar definition (${why})`,
      definition,
    );
  }
}

function checkAddOnId(id: unknown, path: readonly (string | number)[]): string {
  if (typeof id !== 'string') throw argumentError('unknown_reference', path, 'an add-on id', id);
  return id;
}
