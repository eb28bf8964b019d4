import { argumentError } from '../errors.js';
import { checkPolicy } from '../internal/brand.js';
import { describeValue } from '../internal/describeValue.js';
import { own, readOptions } from '../internal/record.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { toEpochMs } from '../instant.js';
import { channelState } from './channelState.js';
import { entitledTarget } from './thresholds.js';
import { readAccount } from './readAccount.js';
import type {
  AccountDefinition,
  EntitledChannel,
  EntitledTarget,
  Entitlement,
  EntitlementReason,
  EntitlementSource,
  ResolveEntitlementOptions,
  SeverityTargets,
} from './entitlementTypes.js';
import { chooseLocale, localize } from './localize.js';
import type { Policy } from './schema.js';

function known<T>(record: Readonly<Record<string, T>>, key: string, path: (string | number)[], what: string): T {
  if (!Object.hasOwn(record, key)) {
    const ids = Object.keys(record).join(', ') || 'none';
    throw argumentError('unknown_reference', path, `one of the policy's ${what} (${ids})`, key);
  }
  return record[key]!;
}

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
  const now = nowOption === undefined ? undefined : toEpochMs(nowOption, 'now');

  const type = known(policy.accountTypes, holder.type, ['account', 'type'], 'account types');
  if (typeof holder.calendar === 'string' && holder.calendar !== '24/7')
    known(policy.calendars, holder.calendar, ['account', 'calendar'], 'calendars, or "24/7"');
  const typePath = ['accountTypes', holder.type];
  if (type.requiresPartner && (holder.partner === undefined || holder.partner === '')) {
    const what = `the managing partner of a "${holder.type}" account`;
    throw argumentError('invalid_account', ['account', 'partner'], what, holder.partner);
  }
  const needsPlan = type.targets === 'plan' || type.supportHours === 'plan';
  if (holder.plan === undefined && needsPlan) {
    const what = `a plan for a "${holder.type}" account (its targets or hours come from the plan)`;
    throw argumentError('invalid_account', ['account', 'plan'], what, undefined);
  }
  const planId = holder.plan;
  const plan = planId === undefined ? undefined : known(policy.plans, planId, ['account', 'plan'], 'plans');

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

  // Add-ons: the plan's included ones, then those taken; each must be available on the plan.
  const addOnIds: { id: string; included: boolean }[] = (plan?.includedAddOns ?? []).map((id) => ({
    id,
    included: true,
  }));
  (holder.addOns ?? []).forEach((id, i) => {
    const addOn = known(policy.addOns, id, ['account', 'addOns', i], 'add-ons');
    if (planId === undefined || !addOn.availableOn.includes(planId)) {
      const what = `an add-on available on plan ${describeValue(planId)} (${id} is available on ${addOn.availableOn.join(', ')})`;
      throw argumentError('addon_not_allowed', ['account', 'addOns', i], what, id);
    }
    // Naming an add-on the plan already includes (or naming one twice) changes nothing.
    if (!addOnIds.some((a) => a.id === id)) addOnIds.push({ id, included: false });
  });
  // Apply add-ons in the policy's order, so the order an account lists them in changes nothing.
  const addOnOrder = Object.keys(policy.addOns);
  addOnIds.sort((a, b) => addOnOrder.indexOf(a.id) - addOnOrder.indexOf(b.id));

  const channels: EntitledChannel[] = [];
  const planTargets: { source: EntitlementSource; list: Policy['plans'][string]['targets'] }[] = [];
  const addOnTargets: typeof planTargets = [];
  let planTargetsReplaced = false;
  let scale = plan?.severityScale ?? null;
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
    planTargets.push({ source: { kind: 'plan', id: planId, path: ['plans', planId, 'targets'] }, list: plan.targets });
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
    // An add-on replaces the plan's targets, never another add-on's: the result does not depend on their order.
    if (addOn.replacesTargets) planTargetsReplaced = true;
    addOnTargets.push({ source: { kind: 'addOn', id, path: [...path, 'targets'] }, list: addOn.targets });
    if (addOn.severityScale !== undefined) scale = addOn.severityScale;
    why(
      addOn.replacesTargets ? 'addOn.replacesTargets' : 'addOn.addsTargets',
      path,
      `Add-on ${text(addOn.label)}: its targets ${addOn.replacesTargets ? "replace the plan's" : 'are added to the plan’s'}.`,
    );
  }

  let targets: SeverityTargets[] = [];
  if (type.targets === 'none') {
    why(
      'accountType.targets.none',
      [...typePath, 'targets'],
      `${text(type.label)}: no response-time target (best effort).`,
    );
  } else if (scale !== null) {
    const targetsFrom = planTargetsReplaced ? addOnTargets : [...planTargets, ...addOnTargets];
    const levels = [...policy.severityScales[scale]!.levels].sort((a, b) => a.rank - b.rank);
    targets = levels.map((level) => ({
      severity: { id: level.id, rank: level.rank, label: text(level.label) },
      targets: targetsFrom.flatMap(({ source, list }) =>
        list.flatMap((t, i): EntitledTarget[] =>
          t.severities === undefined || t.severities.includes(level.id)
            ? [entitledTarget(policy, t, { ...source, path: [...source.path, i] }, text)]
            : [],
        ),
      ),
    }));
  }

  targets = targets.filter((level) => level.targets.length > 0);
  // Two add-ons taken together may not both measure one metric on one level: one deadline per promise.
  for (const level of targets) {
    const measured = level.targets.filter((t) => t.role !== 'typical');
    const clash = measured.find((t, i) => measured.findIndex((u) => u.id === t.id) !== i);
    if (clash !== undefined) {
      const first = measured.find((u) => u.id === clash.id)!;
      const taken = (holder.addOns ?? []).indexOf(clash.source.id);
      const what = `add-ons that do not both set a target "${clash.id}" for level "${level.severity.id}" (${first.source.id} sets one)`;
      const path = taken >= 0 ? ['account', 'addOns', taken] : ['account', 'plan'];
      throw argumentError('addon_not_allowed', path, what, clash.source.id);
    }
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
