/**
 * The simple baseline of the support-hours bench: a mutable ledger. Each event is checked by the
 * ledger's own zod schema, then written in place into plain `Map`s (account → event id → event,
 * conversation → a running summary). Nothing is copied and no state stays valid after a change,
 * and it skips the ledger's other checks (known account, contract year, conflicts), so it is a
 * floor: what validating and recording one event costs at the least.
 */
import { LedgerEventSchema } from '../src/hours/events.js';

interface BaselineConversation {
  opened: boolean;
  handledMinutes: number;
  documented: boolean;
  voided: boolean;
  classifiedAt: number;
  classifiedId: string;
  classification: string;
}

interface BaselineAccount {
  readonly years: Map<string, { readonly from: number; readonly to: number; readonly minutes: number }>;
  readonly events: Map<string, unknown>;
  readonly conversations: Map<string, BaselineConversation>;
}

/** The baseline's ledger: one mutable map of accounts. */
export type BaselineLedger = Map<string, BaselineAccount>;

export const createBaseline = (): BaselineLedger => new Map();

/** Checks `event` with the ledger's schema and records it in place; throws on a malformed event. */
export function baselineApply(ledger: BaselineLedger, event: unknown): void {
  const parsed = LedgerEventSchema.safeParse(event);
  if (!parsed.success) throw new Error(`baseline: invalid event ${JSON.stringify(event)}`);
  const e = parsed.data;
  let a = ledger.get(e.account);
  if (a === undefined) {
    a = { years: new Map(), events: new Map(), conversations: new Map() };
    ledger.set(e.account, a);
  }
  if (a.events.has(e.id)) return;
  a.events.set(e.id, e);
  if (e.kind === 'package_granted' || e.kind === 'contract_renewed') {
    a.years.set(e.year, { from: e.from, to: e.to, minutes: e.minutes });
    return;
  }
  let c = a.conversations.get(e.conversation);
  if (c === undefined) {
    c = {
      opened: false,
      handledMinutes: 0,
      documented: false,
      voided: false,
      classifiedAt: -Infinity,
      classifiedId: '',
      classification: 'normal',
    };
    a.conversations.set(e.conversation, c);
  }
  switch (e.kind) {
    case 'conversation_opened':
      c.opened = true;
      break;
    case 'time_handled':
      c.handledMinutes += e.minutes;
      break;
    case 'answered_with_documentation':
      c.documented = true;
      break;
    case 'classified':
      if (e.at > c.classifiedAt || (e.at === c.classifiedAt && e.id > c.classifiedId)) {
        c.classifiedAt = e.at;
        c.classifiedId = e.id;
        c.classification = e.as;
      }
      break;
    case 'conversation_voided':
      c.voided = true;
      break;
  }
}

/** A checksum of the baseline's content, so that its work cannot be optimised away. */
export function baselineChecksum(ledger: BaselineLedger): number {
  let sum = 0;
  for (const a of ledger.values()) sum += a.events.size + a.conversations.size;
  return sum;
}
