import { argumentError } from '../errors.js';
import { describeValue } from '../internal/describeValue.js';
import type { AccountDefinition, EntitledTarget, EntitlementSource } from './entitlementTypes.js';
import type { AccountType, Plan, Policy, SeverityScale } from './schema.js';
import { entitledTarget } from './thresholds.js';

/**
 * The plain target resolution: which account type, plan and add-ons an account has (checked
 * against the policy), and the targets that apply per severity level. `resolveEntitlement` builds
 * the whole entitlement on it (labels, channels, reasons); the SLA functions use it alone.
 */

/** An account checked against the policy: its type, its plan, and its add-ons in the policy's order. */
export interface CheckedAccount {
  readonly type: AccountType;
  readonly plan: Plan | undefined;
  readonly planId: string | undefined;
  readonly addOns: readonly { readonly id: string; readonly included: boolean }[];
}

/** The targets of an account per severity level (levels without any left out), and where they come from. */
export interface ResolvedTargets {
  /** The scale the targets use: the plan's, or an add-on's own; `null` without a plan. */
  readonly scale: string | null;
  /** Whether an add-on replaces the plan's targets. */
  readonly replaced: boolean;
  readonly levels: readonly {
    readonly level: SeverityScale['levels'][number];
    readonly targets: readonly EntitledTarget[];
  }[];
}

function known<T>(record: Readonly<Record<string, T>>, key: string, path: (string | number)[], what: string): T {
  if (!Object.hasOwn(record, key)) {
    const ids = Object.keys(record).join(', ') || 'none';
    throw argumentError('unknown_reference', path, `one of the policy's ${what} (${ids})`, key);
  }
  return record[key]!;
}

/**
 * Checks an account (already read by `readAccount`) against the policy: a known type, calendar,
 * plan and add-ons, a partner where the type needs one, add-ons available on the plan.
 * @internal
 */
export function checkAccount(policy: Policy, holder: AccountDefinition): CheckedAccount {
  const type = known(policy.accountTypes, holder.type, ['account', 'type'], 'account types');
  if (typeof holder.calendar === 'string' && holder.calendar !== '24/7')
    known(policy.calendars, holder.calendar, ['account', 'calendar'], 'calendars, or "24/7"');
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
  // Add-ons: the plan's included ones, then those taken; each must be available on the plan.
  const addOns: { id: string; included: boolean }[] = (plan?.includedAddOns ?? []).map((id) => ({
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
    if (!addOns.some((a) => a.id === id)) addOns.push({ id, included: false });
  });
  // Apply add-ons in the policy's order, so the order an account lists them in changes nothing.
  const order = Object.keys(policy.addOns);
  addOns.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { type, plan, planId, addOns };
}

/**
 * The targets of a checked account per severity level: the plan's and its add-ons' (an add-on
 * that replaces the plan's targets replaces them), those without `severities` on every level.
 * `text` localises targets' notes (left out without it).
 * @throws `addon_not_allowed` when two add-ons taken together set a target with one id on one level
 * @internal
 */
export function targetsOf(
  policy: Policy,
  holder: AccountDefinition,
  account: CheckedAccount,
  text?: (t: Readonly<Record<string, string>>) => string,
): ResolvedTargets {
  const { type, plan, planId } = account;
  const sources: { source: EntitlementSource; list: Plan['targets'] }[] = [];
  let replaced = false;
  let scale = plan?.severityScale ?? null;
  if (plan !== undefined && planId !== undefined)
    sources.push({ source: { kind: 'plan', id: planId, path: ['plans', planId, 'targets'] }, list: plan.targets });
  const fromAddOns: typeof sources = [];
  for (const { id } of account.addOns) {
    const addOn = policy.addOns[id]!;
    // An add-on replaces the plan's targets, never another add-on's: the result does not depend on their order.
    if (addOn.replacesTargets) replaced = true;
    fromAddOns.push({ source: { kind: 'addOn', id, path: ['addOns', id, 'targets'] }, list: addOn.targets });
    if (addOn.severityScale !== undefined) scale = addOn.severityScale;
  }
  if (type.targets === 'none' || scale === null) return { scale, replaced, levels: [] };
  const from = replaced ? fromAddOns : [...sources, ...fromAddOns];
  const levels = [...policy.severityScales[scale]!.levels]
    .sort((a, b) => a.rank - b.rank)
    .map((level) => ({
      level,
      targets: from.flatMap(({ source, list }) =>
        list.flatMap((t, i): EntitledTarget[] =>
          t.severities === undefined || t.severities.includes(level.id)
            ? [entitledTarget(policy, t, { ...source, path: [...source.path, i] }, text)]
            : [],
        ),
      ),
    }))
    .filter((l) => l.targets.length > 0);
  // Two add-ons taken together may not both measure one target on one level: one deadline per promise.
  for (const { level, targets } of levels) {
    const measured = targets.filter((t) => t.role !== 'typical');
    const clash = measured.find((t, i) => measured.findIndex((u) => u.id === t.id) !== i);
    if (clash !== undefined) {
      const first = measured.find((u) => u.id === clash.id)!;
      const taken = (holder.addOns ?? []).indexOf(clash.source.id);
      const what = `add-ons that do not both set a target "${clash.id}" for level "${level.id}" (${first.source.id} sets one)`;
      const path = taken >= 0 ? ['account', 'addOns', taken] : ['account', 'plan'];
      throw argumentError('addon_not_allowed', path, what, clash.source.id);
    }
  }
  return { scale, replaced, levels };
}
