import * as z from 'zod';
import type { DeepReadonly } from '../internal/types.js';

/**
 * The events of a support-hours ledger, as zod schemas (the single source of their types). Every
 * event has an `id` (unique within its account's ledger), the `account` (a customer or a partner
 * pool) and the instant `at` (epoch ms). Minutes are whole numbers.
 */

const id = z.string().min(1).max(200);
const instant = z.int().min(-2_208_988_800_000).max(13_569_465_599_999);
const minutes = z.int().min(0).max(10_000_000);
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
/** The conversation classified (or reclassified): the one with the latest `at` (then `id`) decides. */
export const ClassifiedSchema = z.strictObject({
  ...base,
  kind: z.literal('classified'),
  conversation: id,
  as: z.enum(['normal', 'incident', 'expected_behaviour', 'customer_success']),
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

/**
 * One event of a support-hours ledger, discriminated on `kind`.
 * @category Hours
 */
export type LedgerEvent = DeepReadonly<z.output<typeof LedgerEventSchema>>;

/**
 * How a conversation was finally classified.
 * @category Hours
 */
export type ConversationClass = z.output<typeof ClassifiedSchema>['as'];
