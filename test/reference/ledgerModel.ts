import type {
  ChargeRule,
  ConversationClass,
  DeductionRules,
  LedgerEvent,
  StatementRow,
  YearBalance,
} from '../../src/index.js';

/**
 * A slow, obviously correct model of SPEC.md section 5 (support-hours deduction), used as an oracle
 * by the property tests of src/hours. It shares no code with the ledger: it keeps a plain list of the
 * accepted events, and every question is answered from scratch by scanning that list: a
 * conversation's charge from its final state, a year's balance by straightforward loops.
 *
 * It does not validate: callers add only events the ledger must accept (an event whose id was
 * already added, with the same content, is a replay and is ignored).
 */

type Of<K extends LedgerEvent<number>['kind']> = Extract<LedgerEvent<number>, { kind: K }>;
type YearEvent = Of<'package_granted'> | Of<'contract_renewed'>;
type ConversationEvent = Exclude<LedgerEvent<number>, YearEvent>;

/** A contract year as the model sees it. */
export interface ModelYear {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly minutes: number;
  readonly previousYear: string | undefined;
}

/** Everything the model knows of one conversation. */
export interface ModelConversation {
  readonly conversation: string;
  readonly opened: Of<'conversation_opened'> | undefined;
  readonly handledMinutes: number;
  readonly documented: boolean;
  readonly voided: boolean;
  readonly classification: ConversationClass;
}

const isYearEvent = (e: LedgerEvent<number>): e is YearEvent =>
  e.kind === 'package_granted' || e.kind === 'contract_renewed';

/** The charge of a conversation under `rules`, from its final state (SPEC §5, one rule at a time). */
export function modelCharge(
  rules: DeductionRules,
  c: {
    readonly handledMinutes: number;
    readonly documented: boolean;
    readonly voided: boolean;
    readonly classification: ConversationClass;
  },
): { chargedMinutes: number; rule: ChargeRule } {
  if (c.voided) return { chargedMinutes: 0, rule: 'voided' };
  if (c.classification === 'incident' && rules.incidents === 'free')
    return { chargedMinutes: 0, rule: 'incident_free' };
  if (c.classification === 'customer_success' && rules.customerSuccess === 'free')
    return { chargedMinutes: 0, rule: 'customer_success_free' };
  if (c.documented && rules.documentationAnswer === 'minimum')
    return { chargedMinutes: rules.minimumMinutes, rule: 'documentation_minimum' };
  // Whole increments, by integer arithmetic: `below` is the largest multiple of the increment ≤ handled.
  const inc = rules.incrementMinutes;
  const rest = c.handledMinutes % inc;
  const below = c.handledMinutes - rest;
  const above = rest === 0 ? below : below + inc;
  let rounded: number;
  if (rules.rounding === 'down') rounded = below;
  else if (rules.rounding === 'up') rounded = above;
  else rounded = 2 * rest >= inc ? above : below; // nearest, halves up
  if (rounded <= rules.minimumMinutes) return { chargedMinutes: rules.minimumMinutes, rule: 'minimum' };
  return { chargedMinutes: rounded, rule: 'handled_rounded' };
}

export class LedgerModel {
  /** Every accepted event, once, in the order it was accepted. */
  readonly events: LedgerEvent<number>[] = [];

  constructor(readonly rules: DeductionRules) {}

  /** The accepted event of `account` with this id, if any. */
  find(account: string, id: string): LedgerEvent<number> | undefined {
    for (const e of this.events) if (e.account === account && e.id === id) return e;
    return undefined;
  }

  /** Records an event the ledger accepted; a replay (same account and id) changes nothing. */
  add(e: LedgerEvent<number>): void {
    if (this.find(e.account, e.id) === undefined) this.events.push(e);
  }

  /** Accounts with at least one contract year, in the order they appeared. */
  accounts(): string[] {
    const out: string[] = [];
    for (const e of this.events) if (!out.includes(e.account)) out.push(e.account);
    return out;
  }

  /** An account's contract years, oldest first. */
  years(account: string): ModelYear[] {
    const out: ModelYear[] = [];
    for (const e of this.events) {
      if (e.account !== account || !isYearEvent(e)) continue;
      out.push({
        id: e.year,
        from: e.from,
        to: e.to,
        minutes: e.minutes,
        previousYear: e.kind === 'contract_renewed' ? e.previousYear : undefined,
      });
    }
    return out.sort((a, b) => a.from - b.from);
  }

  /** The year of `account` holding the instant `at`, if any. */
  yearAt(account: string, at: number): ModelYear | undefined {
    for (const y of this.years(account)) if (at >= y.from && at < y.to) return y;
    return undefined;
  }

  /** The conversation events of `account` (optionally of one conversation). */
  conversationEvents(account: string, conversation?: string): ConversationEvent[] {
    const out: ConversationEvent[] = [];
    for (const e of this.events) {
      if (e.account !== account || isYearEvent(e)) continue;
      if (conversation === undefined || e.conversation === conversation) out.push(e);
    }
    return out;
  }

  /** The ids of every conversation of `account` that has at least one event, sorted. */
  conversationIds(account: string): string[] {
    const ids: string[] = [];
    for (const e of this.conversationEvents(account)) if (!ids.includes(e.conversation)) ids.push(e.conversation);
    return ids.sort();
  }

  /** One conversation, rebuilt from its events. */
  conversation(account: string, conversation: string): ModelConversation {
    let opened: Of<'conversation_opened'> | undefined;
    let handledMinutes = 0;
    let documented = false;
    let voided = false;
    let last: Of<'classified'> | undefined;
    for (const e of this.conversationEvents(account, conversation)) {
      if (e.kind === 'conversation_opened') opened = e;
      else if (e.kind === 'time_handled') handledMinutes += e.minutes;
      else if (e.kind === 'answered_with_documentation') documented = true;
      else if (e.kind === 'conversation_voided') voided = true;
      else if (e.kind === 'classified') {
        // The final classification: the latest `at`, and on a tie the greatest id.
        if (last === undefined || e.at > last.at || (e.at === last.at && e.id > last.id)) last = e;
      }
    }
    return {
      conversation,
      opened,
      handledMinutes,
      documented,
      voided,
      classification: last === undefined ? 'normal' : last.as,
    };
  }

  /** Statement rows of every opened conversation of `account`, by opening instant then id. */
  rows(account: string): StatementRow[] {
    const rows: StatementRow[] = [];
    for (const id of this.conversationIds(account)) {
      const c = this.conversation(account, id);
      if (c.opened === undefined) continue;
      const year = this.yearAt(account, c.opened.at);
      if (year === undefined) throw new Error(`model: conversation ${id} opened outside every year`);
      const row: StatementRow = {
        conversation: id,
        year: year.id,
        openedAt: c.opened.at,
        channel: c.opened.channel,
        ...(c.opened.client === undefined ? {} : { client: c.opened.client }),
        classification: c.classification,
        handledMinutes: c.handledMinutes,
        ...modelCharge(this.rules, c),
      };
      rows.push(row);
    }
    return rows.sort(
      (a, b) =>
        a.openedAt - b.openedAt || (a.conversation < b.conversation ? -1 : a.conversation > b.conversation ? 1 : 0),
    );
  }

  /** Conversations with events but no opening, sorted. */
  pending(account: string): string[] {
    return this.conversationIds(account).filter((id) => this.conversation(account, id).opened === undefined);
  }

  /** Minutes charged to a year: the sum over the conversations opened in it. */
  charged(account: string, year: string): number {
    let sum = 0;
    for (const r of this.rows(account)) if (r.year === year) sum += r.chargedMinutes;
    return sum;
  }

  private carriedOut(account: string, y: ModelYear): number {
    const renewed = this.years(account).some((z) => z.previousYear === y.id);
    if (!renewed) return 0;
    const unused = Math.max(0, y.minutes + this.carriedIn(account, y) - this.charged(account, y.id));
    const carry = this.rules.carryOver;
    if (carry.kind === 'none') return 0;
    if (carry.kind === 'all') return unused;
    return Math.min(carry.capMinutes, unused);
  }

  private carriedIn(account: string, y: ModelYear): number {
    if (y.previousYear === undefined) return 0;
    const previous = this.years(account).find((z) => z.id === y.previousYear);
    if (previous === undefined) throw new Error(`model: year ${y.id} renews unknown year ${y.previousYear}`);
    return this.carriedOut(account, previous);
  }

  /** The balance of every year of `account`, oldest first, as SPEC §5 and the issue define it. */
  balances(account: string, asOf?: number): YearBalance[] {
    const out: YearBalance[] = [];
    for (const y of this.years(account)) {
      const charged = this.charged(account, y.id);
      let conversations = 0;
      for (const r of this.rows(account)) if (r.year === y.id) conversations++;
      const carriedIn = this.carriedIn(account, y);
      const carriedOut = this.carriedOut(account, y);
      const available = y.minutes + carriedIn;
      const unused = Math.max(0, available - charged);
      const renewed = this.years(account).some((z) => z.previousYear === y.id);
      const ended = renewed || (asOf !== undefined && asOf >= y.to);
      const expired = ended ? unused - carriedOut : 0;
      out.push({
        year: y.id,
        from: y.from,
        to: y.to,
        grantedMinutes: y.minutes,
        carriedInMinutes: carriedIn,
        chargedMinutes: charged,
        balanceMinutes: available - charged - carriedOut - expired,
        overageMinutes: Math.max(0, charged - available),
        carriedOutMinutes: carriedOut,
        expiredMinutes: expired,
        conversations,
      });
    }
    return out;
  }

  /** Usage per client of the conversations opened in `[from, to)` (no client: `""`), by client. */
  perClient(
    account: string,
    from: number,
    to: number,
  ): { client: string; conversations: number; chargedMinutes: number }[] {
    const clients: string[] = [];
    for (const r of this.rows(account))
      if (r.openedAt >= from && r.openedAt < to && !clients.includes(r.client ?? '')) clients.push(r.client ?? '');
    return clients.sort().map((client) => {
      let conversations = 0;
      let chargedMinutes = 0;
      for (const r of this.rows(account)) {
        if (r.openedAt < from || r.openedAt >= to || (r.client ?? '') !== client) continue;
        conversations++;
        chargedMinutes += r.chargedMinutes;
      }
      return { client, conversations, chargedMinutes };
    });
  }
}
