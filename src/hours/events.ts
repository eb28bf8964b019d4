import * as z from 'zod';
import type { InstantLike } from '../instant.js';

/**
 * The events of a support-hours ledger, as zod schemas (the single source of their types). Every
 * event has an `id` (unique within its account's ledger), the `account` (a customer or a partner
 * pool) and the instant `at`. Minutes are whole numbers. The schemas read instants as epoch ms: an
 * event's `Date` or luxon `DateTime` instants are converted before (eventInput.ts).
 */

/** The bounds of the fields, shared with the fast check of well-formed events (checkEvent.ts). @internal */
export const EVENT_BOUNDS = {
  idLength: 200,
  firstInstant: -2_208_988_800_000,
  lastInstant: 13_569_465_599_999,
  maxMinutes: 10_000_000,
} as const;

const id = z.string().min(1).max(EVENT_BOUNDS.idLength);
const instant = z.int().min(EVENT_BOUNDS.firstInstant).max(EVENT_BOUNDS.lastInstant);
const minutes = z.int().min(0).max(EVENT_BOUNDS.maxMinutes);
const base = { id, account: id, at: instant };

/** A contract year's package: `minutes` of support for `[from, to)`. */
export const PackageGrantedSchema = z.strictObject({
  ...base,
  kind: z.literal('package_granted'),
  year: id,
  from: instant,
  to: instant,
  minutes,
});
/** The contract renewed: a new year following `previousYear`, whose unused minutes may carry over. */
export const ContractRenewedSchema = z.strictObject({
  ...base,
  kind: z.literal('contract_renewed'),
  year: id,
  previousYear: id,
  from: instant,
  to: instant,
  minutes,
});
/** A support conversation (ticket or chat) opened; `client` names the client of a partner pool. */
export const ConversationOpenedSchema = z.strictObject({
  ...base,
  kind: z.literal('conversation_opened'),
  conversation: id,
  channel: id,
  client: id.optional(),
});
/** Time an agent spent on a conversation. */
export const TimeHandledSchema = z.strictObject({
  ...base,
  kind: z.literal('time_handled'),
  conversation: id,
  minutes,
});
/** The conversation was answered by pointing to existing documentation. */
export const AnsweredWithDocumentationSchema = z.strictObject({
  ...base,
  kind: z.literal('answered_with_documentation'),
  conversation: id,
});
/** The classes of a conversation. @internal */
export const CLASSES = ['normal', 'incident', 'expected_behaviour', 'customer_success'] as const;

/** The conversation classified (or reclassified): the one with the latest `at` (then `id`) decides. */
export const ClassifiedSchema = z.strictObject({
  ...base,
  kind: z.literal('classified'),
  conversation: id,
  as: z.enum(CLASSES),
});
/** The conversation voided (opened by mistake, duplicate): it costs nothing. */
export const ConversationVoidedSchema = z.strictObject({
  ...base,
  kind: z.literal('conversation_voided'),
  conversation: id,
});

export const LedgerEventSchema = z.discriminatedUnion('kind', [
  PackageGrantedSchema,
  ContractRenewedSchema,
  ConversationOpenedSchema,
  TimeHandledSchema,
  AnsweredWithDocumentationSchema,
  ClassifiedSchema,
  ConversationVoidedSchema,
]);

/** An event as the schema returns it: every instant in epoch ms. @internal */
export type ParsedLedgerEvent = Readonly<z.output<typeof LedgerEventSchema>>;

/** The instant fields of the events: `at`, and a contract year's `from` and `to`. */
type InstantField = 'at' | 'from' | 'to';

/** Each kind of event with its instants of type `I`, every field readonly. */
type WithInstants<E, I> = E extends unknown ? { readonly [K in keyof E]: K extends InstantField ? I : E[K] } : never;

/**
 * One event of a support-hours ledger: a union discriminated on `kind`, one member per kind
 * (docs/hours.md lists their fields). `applyEvent` and `replay` take it; a misspelt `kind` or
 * field does not compile.
 *
 * @remarks
 * Its instants (`at`, and a contract year's `from` and `to`) are any {@link InstantLike}: epoch
 * ms, a `Date` or a luxon `DateTime`, as the SLA functions take them. `LedgerEvent<number>` is
 * the same union with epoch ms only, as JSON carries them.
 *
 * @typeParam I - the type of its instants
 * @category Hours
 */
export type LedgerEvent<I extends InstantLike = InstantLike> = WithInstants<z.output<typeof LedgerEventSchema>, I>;

/**
 * How a conversation was finally classified.
 * @category Hours
 */
export type ConversationClass = z.output<typeof ClassifiedSchema>['as'];
