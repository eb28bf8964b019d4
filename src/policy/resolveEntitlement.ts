import { argumentError } from '../errors.js';
import { checkPolicy } from '../internal/brand.js';
import { own, readOptions } from '../internal/record.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { instantMs } from '../instant.js';
import { channelState } from './channelState.js';
import { checkAccount, targetsOf } from './resolveTargets.js';
import { readAccount } from './readAccount.js';
import type {
  AccountDefinition,
  EntitledChannel,
  Entitlement,
  EntitlementReason,
  EntitlementSource,
  ResolveEntitlementOptions,
  SeverityTargets,
} from './entitlementTypes.js';
import { chooseLocale, localize } from './localize.js';
import type { Policy } from './schema.js';

/**
 * What an account is entitled to under a policy, and why: the channels it may use and when, its
 * response targets per severity with their clocks, who answers first, its routing, its
 * support-hours package and how Customer Success reaches it.
 *
 * @remarks
 * Rules, in the order applied (each recorded in `reasons` with the policy field it comes from):
 *
 * 1. The account type decides the first line (vendor or the managing partner), whether vendor
 *    tickets are open to it ("in some cases" for a partner-managed customer), and whether the
 *    plan's targets apply: a type with `targets: 'none'` gets no target (best effort).
 * 2. The plan gives channels, targets and the support-hours package.
 * 3. Each add-on (taken or included in the plan) must be available on the plan; it adds its
 *    channels and routing, and its targets replace the plan's when `replacesTargets` is set
 *    ("an add-on … whose targets replace the plan's"); it may bring its own severity scale.
 * 4. Targets are listed per severity level of the scale in force, most severe first; a target
 *    without `severities` applies to every level.
 *
 * With `now`, each channel says whether it is open then and when it next opens. Texts come in
 * `locale` when the policy carries it, else in English with `localeFallback: true`.
 *
 * @param policy - a validated policy ({@link parsePolicy})
 * @param account - the account's type, plan, add-ons and partner
 * @throws {@link InvalidArgumentError} `invalid_policy` when `policy` is not {@link parsePolicy}'s;
 *   `unknown_reference` (type, plan, add-on), `addon_not_allowed`,
 *   `invalid_account` (a plan or partner missing where the type needs one), `invalid_instant`
 * @example
 * ```ts
 * import { parsePolicy, resolveEntitlement, standardSupport } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const e = resolveEntitlement(policy, { type: 'direct', plan: 'premium' }, { locale: 'es' });
 * e.targets[0]?.severity.label; //=> 'Crítico'
 * e.targets[0]?.targets.map((t) => `${t.role} ${t.duration.iso} on ${t.clock}`); //=> ['target PT12H on support-hours', 'typical PT4H on support-hours']
 * resolveEntitlement(policy, { type: 'indirect', plan: 'premium', partner: 'acme' }).firstLine; //=> { by: 'partner', partner: 'acme', vendorTickets: 'some_cases' }
 * ```
 * @category Policy
 */
export function resolveEntitlement(
  policy: Policy,
  account: AccountDefinition,
  options?: ResolveEntitlementOptions,
): Entitlement {
  checkPolicy(policy);
  const holder = readAccount(account);
  const opts = readOptions(options, ['now', 'locale']);
  const locale = own(opts, 'locale');
  if (locale !== undefined && typeof locale !== 'string') {
    throw argumentError('invalid_option', ['options', 'locale'], 'a locale such as "es"', locale);
  }
  const nowOption = own(opts, 'now') as ResolveEntitlementOptions['now'];
  const choice = chooseLocale(policy.locales, locale);
  const text = (t: Readonly<Record<string, string>>) => localize(t, choice);
  const reasons: EntitlementReason[] = [];
  const why = (rule: string, path: (string | number)[], sentence: string) =>
    reasons.push({ rule, path, text: sentence });
  const now = nowOption === undefined ? undefined : instantMs(nowOption, 'now');

  const checked = checkAccount(policy, holder);
  const { type, plan, planId } = checked;
  const typePath = ['accountTypes', holder.type];

  const firstLine =
    type.firstLine === 'partner' && holder.partner !== undefined
      ? { by: 'partner' as const, partner: holder.partner, vendorTickets: type.vendorTickets }
      : { by: type.firstLine, vendorTickets: type.vendorTickets };
  if (type.channels !== undefined) {
    why(
      'accountType.channels',
      [...typePath, 'channels'],
      `${text(type.label)}: only ${type.channels.join(', ')} of the plan's channels.`,
    );
  }
  why(
    `accountType.firstLine.${type.firstLine}`,
    [...typePath, 'firstLine'],
    `${text(type.label)}: first line is the ${type.firstLine === 'partner' ? `partner${holder.partner ? ` (${holder.partner})` : ''}` : 'vendor'}; vendor tickets: ${type.vendorTickets.replace('_', ' ')}.`,
  );

  const addOnIds = checked.addOns;

  const channels: EntitledChannel[] = [];
  let routing = { dedicatedAgent: false, secondLevelAgents: false };
  const channelsFrom = (
    list: Policy['plans'][string]['channels'],
    source: Omit<EntitlementSource, 'path'>,
    base: (string | number)[],
  ) =>
    list.forEach((c, i) => {
      if (type.channels !== undefined && !type.channels.includes(c.channel)) return;
      const entry: EntitledChannel = {
        channel: c.channel,
        label: text(policy.channels[c.channel]!.label),
        clock: c.clock,
        ...(c.note === undefined ? {} : { note: text(c.note) }),
        source: { ...source, path: [...base, i] },
        ...(now === undefined ? {} : channelState(policy, c.clock, now)),
      };
      channels.push(entry);
    });

  if (plan !== undefined && planId !== undefined) {
    channelsFrom(plan.channels, { kind: 'plan', id: planId }, ['plans', planId, 'channels']);
    why(
      'plan',
      ['plans', planId],
      `Plan ${text(plan.label)}: ${plan.channels.length} channel(s), ${plan.targets.length} target(s).`,
    );
  }
  for (const { id } of addOnIds) {
    const addOn = policy.addOns[id]!;
    const path = ['addOns', id];
    channelsFrom(addOn.channels, { kind: 'addOn', id }, [...path, 'channels']);
    routing = {
      dedicatedAgent: routing.dedicatedAgent || addOn.routing.dedicatedAgent,
      secondLevelAgents: routing.secondLevelAgents || addOn.routing.secondLevelAgents,
    };
    why(
      addOn.replacesTargets ? 'addOn.replacesTargets' : 'addOn.addsTargets',
      path,
      `Add-on ${text(addOn.label)}: its targets ${addOn.replacesTargets ? "replace the plan's" : 'are added to the plan’s'}.`,
    );
  }

  const resolved = targetsOf(policy, holder, checked, text);
  const scale = resolved.scale;
  const planTargetsReplaced = resolved.replaced;
  const targets: SeverityTargets[] = resolved.levels.map(({ level, targets: list }) => ({
    severity: { id: level.id, rank: level.rank, label: text(level.label) },
    targets: list,
  }));
  if (type.targets === 'none') {
    why(
      'accountType.targets.none',
      [...typePath, 'targets'],
      `${text(type.label)}: no response-time target (best effort).`,
    );
  }
  if (type.targets !== 'none') {
    why(
      'targets.perSeverity',
      scale === null ? [] : ['severityScales', scale],
      targets.length === 0
        ? 'No response-time target applies to this plan.'
        : `Targets per level of scale "${scale}"${planTargetsReplaced ? ", the plan's replaced by the add-on's" : ''}; a target without severities applies to every level.`,
    );
  }
  const supportHours: Entitlement['supportHours'] =
    type.supportHours === 'plan' && plan !== undefined
      ? { from: 'plan', package: { ...plan.supportHours } }
      : type.supportHours === 'partner_pool'
        ? holder.partner === undefined
          ? { from: 'partner_pool' }
          : { from: 'partner_pool', partner: holder.partner }
        : { from: 'none' };
  why(
    `accountType.supportHours.${type.supportHours}`,
    [...typePath, 'supportHours'],
    `Support hours come from: ${type.supportHours.replace('_', ' ')}.`,
  );
  why(
    `accountType.customerSuccess.${type.customerSuccess}`,
    [...typePath, 'customerSuccess'],
    `Customer Success: ${type.customerSuccess.replace('_', ' ')}.`,
  );

  return deepFreeze({
    accountType: { id: holder.type, label: text(type.label) },
    plan: plan === undefined || planId === undefined ? null : { id: planId, label: text(plan.label) },
    addOns: addOnIds.map(({ id, included }) => ({ id, label: text(policy.addOns[id]!.label), included })),
    locale: choice.locale,
    localeFallback: choice.fallback,
    firstLine,
    channels,
    severityScale: type.targets === 'none' ? null : scale,
    targets,
    routing,
    supportHours,
    customerSuccess: type.customerSuccess,
    reasons,
  });
}
