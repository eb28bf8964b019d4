import type { Edit } from '../internal/persistentMap.js';
import type { ConversationClass, ParsedLedgerEvent } from './events.js';

/**
 * What the ledger knows of one conversation: the sums its charge depends on, kept up to date event
 * by event (each event id counts once: the account's events tell a replay from a new one).
 *
 * Records are shared between ledger states, so a change makes a new one, except during a replay:
 * a record made under the replay's {@link Edit} token is changed in place by the replay's later
 * events (as persistent-map nodes are), which spares an allocation per event; once the replay
 * returns, nothing holds the token and the record never changes again. A class rather than an
 * object literal: V8 moves a literal's allocations to the old generation once most of them survive
 * (they do, during a replay), and `applyEvent`'s short-lived copies would then fill it, as they did
 * for the persistent map's nodes when those were literals (docs/decisions.md).
 * @internal
 */
export class ConversationRecord {
  constructor(
    /** When it was opened; `undefined` until its `conversation_opened` event arrives. */
    public openedAt: number | undefined,
    public channel: string,
    public client: string | undefined,
    public handledMinutes: number,
    public documented: boolean,
    public voided: boolean,
    /** The classification that decides: the latest `at`, ties broken by the greatest event id. */
    public classification: ConversationClass | undefined,
    public classifiedAt: number,
    public classifiedBy: string,
    /** The replay that may change this record in place, or `null`. */
    public edit: Edit | null,
  ) {}
}

/** A conversation no event has touched yet. @internal */
export const NEW_CONVERSATION: ConversationRecord = Object.freeze(
  new ConversationRecord(undefined, '', undefined, 0, false, false, undefined, 0, '', null),
);

/** `c` itself when `edit` owns it (a replay), otherwise a copy that `edit` owns. @internal */
export function editableRecord(c: ConversationRecord, edit: Edit | null): ConversationRecord {
  if (edit !== null && c.edit === edit) return c;
  return new ConversationRecord(
    c.openedAt,
    c.channel,
    c.client,
    c.handledMinutes,
    c.documented,
    c.voided,
    c.classification,
    c.classifiedAt,
    c.classifiedBy,
    edit,
  );
}

/** Records one more of the conversation's events in `c`, a record that may be changed (see above). @internal */
export function recordEvent(c: ConversationRecord, e: ParsedLedgerEvent): void {
  switch (e.kind) {
    case 'conversation_opened':
      c.openedAt = e.at;
      c.channel = e.channel;
      c.client = e.client;
      break;
    case 'time_handled':
      c.handledMinutes += e.minutes;
      break;
    case 'answered_with_documentation':
      c.documented = true;
      break;
    case 'conversation_voided':
      c.voided = true;
      break;
    case 'classified':
      if (
        c.classification === undefined ||
        e.at > c.classifiedAt ||
        (e.at === c.classifiedAt && e.id > c.classifiedBy)
      ) {
        c.classification = e.as;
        c.classifiedAt = e.at;
        c.classifiedBy = e.id;
      }
      break;
    default:
      break;
  }
}
