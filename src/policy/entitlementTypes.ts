import type { CalendarDefinition } from '../calendar/schema.js';
import type { InstantLike } from '../instant.js';
import type { ParsedDuration } from './duration.js';

/**
 * An account, as the helpdesk knows it: its type, plan, add-ons and managing partner.
 * @category Policy
 */
export interface AccountDefinition {
  /** An account type id of the policy (`direct`, `indirect`, …). */
  readonly type: string;
  /** A plan id of the policy; required when the account type uses the plan's targets or hours. */
  readonly plan?: string;
  /** Add-on ids the account has taken (besides those its plan includes). */
  readonly addOns?: readonly string[];
  /** The managing Solution Partner, for account types that require one. */
  readonly partner?: string;
  /**
   * The account's own business hours, for targets whose clock is chosen by the account
   * (`clock: { from: 'account', otherwise }`): a calendar id of the policy (or `24/7`), or a
   * calendar definition of its own.
   */
  readonly calendar?: string | CalendarDefinition;
}

/**
 * Options of {@link resolveEntitlement}.
 * @category Policy
 */
export interface ResolveEntitlementOptions {
  /** When given, each channel says whether it is open at that instant and when it next opens. */
  readonly now?: InstantLike;
  /** Locale of the texts; a locale the policy does not carry falls back to English. */
  readonly locale?: string;
}

/**
 * Why an entitlement says what it says: a stable rule id, the policy field it comes from, and a
 * sentence.
 * @category Policy
 */
export interface EntitlementReason {
  readonly rule: string;
  readonly path: readonly (string | number)[];
  readonly text: string;
}

/**
 * Where a channel or target comes from: the plan, an add-on or an SLA rule (`sla.rules`), and the field's path.
 * @category Policy
 */
export interface EntitlementSource {
  readonly kind: 'plan' | 'addOn' | 'rule';
  readonly id: string;
  readonly path: readonly (string | number)[];
}

/**
 * A channel the account may use, on its clock.
 * @category Policy
 */
export interface EntitledChannel {
  readonly channel: string;
  readonly label: string;
  /** A calendar id of the policy, or `24/7`. */
  readonly clock: string;
  readonly note?: string;
  readonly source: EntitlementSource;
  /** With `now`: whether the channel is open at that instant. */
  readonly openNow?: boolean;
  /** With `now`: the next instant (epoch ms) at which it is open; `now` itself when open. */
  readonly nextOpening?: number;
}

/**
 * A response target that applies, with its clock and parsed duration.
 * @category Policy
 */
export interface EntitledTarget {
  /** The target's id: its metric's name unless the policy names it. */
  readonly id: string;
  readonly metric: 'firstResponse' | 'followUp' | 'periodicUpdate' | 'resolution';
  readonly duration: ParsedDuration;
  /** A calendar id of the policy, or `24/7`: the target's clock, or when chosen per ticket, the one used otherwise. */
  readonly clock: string;
  /**
   * When the clock is chosen per ticket: by a ticket field (the calendar named for its value) or
   * by the account (its own `calendar`); `clock` applies to tickets the choice does not name.
   */
  readonly clockFrom?:
    | { readonly from: 'field'; readonly field: string; readonly calendars: Readonly<Record<string, string>> }
    | { readonly from: 'account' };
  /** `target` is measured; `typical` is informational and never breached. */
  readonly role: 'target' | 'typical';
  /** Statuses of the policy's vocabulary on which the clock pauses. */
  readonly pauseOn: readonly string[];
  /**
   * Its warnings and escalation levels: its own (`warnAtPercent` as `warn-<p>`, then
   * `thresholds`), or else the policy's `sla` ones.
   */
  readonly thresholds: readonly EntitledThreshold[];
  readonly note?: string;
  readonly source: EntitlementSource;
}

/**
 * A warning or escalation threshold of a target: a percentage of it, or open time past its due
 * instant (exactly one of `percent` and `afterMs` is set).
 * @category Policy
 */
export interface EntitledThreshold {
  readonly id: string;
  readonly percent: number | null;
  readonly afterMs: number | null;
}

/**
 * The targets of one severity level.
 * @category Policy
 */
export interface SeverityTargets {
  readonly severity: { readonly id: string; readonly rank: number; readonly label: string };
  readonly targets: readonly EntitledTarget[];
}

/**
 * What an account is entitled to, and why. See {@link resolveEntitlement}.
 * @category Policy
 */
export interface Entitlement {
  readonly accountType: { readonly id: string; readonly label: string };
  readonly plan: { readonly id: string; readonly label: string } | null;
  readonly addOns: readonly { readonly id: string; readonly label: string; readonly included: boolean }[];
  /**
   * The locale of every label and note in this result, and whether the requested one was missing.
   * `reasons` are in English: they are meant for logs and support leads, not for customers.
   */
  readonly locale: string;
  readonly localeFallback: boolean;
  /** Who answers first, and whether the vendor's tickets are open to the account. */
  readonly firstLine: {
    readonly by: 'vendor' | 'partner';
    readonly partner?: string;
    readonly vendorTickets: 'yes' | 'some_cases' | 'no';
  };
  readonly channels: readonly EntitledChannel[];
  /** The severity scale the targets use, and the targets per level, most severe first; levels without a target are left out, so an empty list means no target applies. */
  readonly severityScale: string | null;
  readonly targets: readonly SeverityTargets[];
  readonly routing: { readonly dedicatedAgent: boolean; readonly secondLevelAgents: boolean };
  readonly supportHours:
    | {
        readonly from: 'plan';
        readonly package:
          | { readonly kind: 'per_contract' }
          | { readonly kind: 'fixed'; readonly annualMinutes: number }
          | { readonly kind: 'none' };
      }
    | { readonly from: 'partner_pool'; readonly partner?: string }
    | { readonly from: 'none' };
  readonly customerSuccess: 'direct' | 'through_partner' | 'none';
  /** Every rule that shaped this result, in the order applied. */
  readonly reasons: readonly EntitlementReason[];
}
