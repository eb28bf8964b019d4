import type { FieldValue, TicketEvent } from './types.js';

/**
 * An event as a ticket's state keeps it: a frozen copy of a checked event, its instant in epoch
 * ms, holding nothing of the caller's (a later change to the caller's object changes nothing).
 * @internal
 */
export type StoredEvent = TicketEvent & { readonly at: number };

/** A copy of a field map; list values are copied too. */
function copyFields(fields: Readonly<Record<string, FieldValue | null>>): Readonly<Record<string, FieldValue | null>> {
  const copy: Record<string, FieldValue | null> = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key]!;
    // A plain assignment would call an `Object.prototype` setter for `__proto__` (refused by the reader anyway).
    Object.defineProperty(copy, key, {
      value: Array.isArray(value) ? Object.freeze([...(value as readonly string[])]) : value,
      enumerable: true,
    });
  }
  return Object.freeze(copy);
}

/**
 * The stored copy of `event`, which the reader has checked (so its fields are the kind's own),
 * with its instant `at` in epoch ms.
 * @internal
 */
export function storedEvent(event: TicketEvent, at: number): StoredEvent {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    const value = (event as Record<string, unknown>)[key];
    copy[key] =
      key === 'at'
        ? at
        : key === 'fields'
          ? copyFields(value as Readonly<Record<string, FieldValue | null>>)
          : key === 'addOns'
            ? Object.freeze([...(value as readonly string[])])
            : value;
  }
  return Object.freeze(copy) as StoredEvent;
}
