import { argumentError } from '../errors.js';
import type { InstantLike } from '../instant.js';
import { checkPolicy } from '../internal/brand.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { own, readOptions } from '../internal/record.js';
import type { AccountDefinition, EntitledChannel, EntitlementReason } from '../policy/entitlementTypes.js';
import { resolveEntitlement } from '../policy/resolveEntitlement.js';
import type { Policy } from '../policy/schema.js';

/**
 * Options of {@link routeRequest}.
 * @category Triage
 */
export interface RouteRequestOptions {
  /** Locale of the texts (channel labels, reasons), e.g. `es`; a locale the policy does not carry falls back to English. */
  readonly locale?: string;
}

/**
 * Where a new request should go, now.
 * @category Triage
 */
export interface Route {
  /** `partner`: the managing Solution Partner answers first; `dedicated_agent`: the account's named agent; `support_team`: the vendor's support. */
  readonly to: 'partner' | 'dedicated_agent' | 'support_team';
  /** The managing partner, when `to` is `partner`. */
  readonly partner?: string;
  /** Whether advanced issues go straight to second-level agents. */
  readonly secondLevelAgents: boolean;
  /** Whether the vendor's tickets are open to the account ("in some cases" for a partner-managed customer). */
  readonly vendorTickets: 'yes' | 'some_cases' | 'no';
  /** Channels open at `now`, each with its clock. */
  readonly openNow: readonly EntitledChannel[];
  /** Channels closed at `now`, each with its next opening: when the dedicated agent is reachable again, say. */
  readonly closedNow: readonly EntitledChannel[];
  /** When nothing is open: the channel that opens first, and when (epoch ms). */
  readonly nextOpening: { readonly channel: string; readonly at: number } | null;
  /** The entitlement rules that decided the route. */
  readonly reasons: readonly EntitlementReason[];
}

/**
 * Routing hints for a new request: who answers first, whether the dedicated agent or second-level
 * agents are the route, and which channels (on which calendars) are open now.
 *
 * @remarks
 * Built on {@link resolveEntitlement}: a partner-managed account goes to its partner first; an
 * account whose add-on gives a named agent goes to that agent ("a dedicated support agent … which
 * you can reach out to at any time"), with "priority access to senior agents" when the add-on
 * routes to second-level agents; everything else goes to the support team. `now` is required: the
 * answer is about this instant.
 *
 * @param policy - a validated policy ({@link parsePolicy}, or a preset)
 * @param account - the account asking, as for {@link resolveEntitlement}
 * @param now - the instant the request arrives; channels are open or closed relative to it
 * @param options - `locale`: the language of the texts
 * @throws {@link InvalidArgumentError} `invalid_policy` (not a policy `parsePolicy` returned),
 *   `invalid_instant` at `now` when it is missing or not an instant (`out_of_range` outside the
 *   supported years), `invalid_option` (options that are not a plain object, or an unknown option),
 *   and the errors of {@link resolveEntitlement}
 * @example
 * ```ts
 * import { dedicatedSupport, parsePolicy, routeRequest } from 'support-policy';
 * const policy = parsePolicy(dedicatedSupport);
 * // Saturday 28 November 2026, 03:00 in Bratislava: the dedicated channels are closed.
 * const r = routeRequest(policy, { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] }, Date.UTC(2026, 10, 28, 2));
 * r.to; //=> 'dedicated_agent'
 * r.openNow.map((c) => c.channel); //=> ['website_chat', 'email']
 * ```
 * @category Triage
 */
export function routeRequest(
  policy: Policy,
  account: AccountDefinition,
  now: InstantLike,
  options?: RouteRequestOptions,
): Route {
  checkPolicy(policy);
  // resolveEntitlement reads an undefined now as "no instant"; a route is always about one.
  if (now === undefined) throw argumentError('invalid_instant', ['now'], 'the instant the request arrives', now);
  const opts = readOptions(options, ['locale']);
  const locale = own(opts, 'locale') as string | undefined;
  const e = resolveEntitlement(policy, account, locale === undefined ? { now } : { now, locale });
  const openNow = e.channels.filter((c) => c.openNow === true);
  const upcoming = e.channels
    .filter((c) => c.nextOpening !== undefined)
    .sort((a, b) => (a.nextOpening ?? 0) - (b.nextOpening ?? 0))[0];
  const to = e.firstLine.by === 'partner' ? 'partner' : e.routing.dedicatedAgent ? 'dedicated_agent' : 'support_team';
  return deepFreeze({
    to,
    ...(e.firstLine.partner === undefined || to !== 'partner' ? {} : { partner: e.firstLine.partner }),
    secondLevelAgents: e.routing.secondLevelAgents,
    vendorTickets: e.firstLine.vendorTickets,
    openNow,
    closedNow: e.channels.filter((c) => c.openNow !== true),
    nextOpening:
      openNow.length > 0 || upcoming === undefined ? null : { channel: upcoming.channel, at: upcoming.nextOpening! },
    reasons: e.reasons,
  });
}
