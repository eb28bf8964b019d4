import { memoFor } from '../internal/memo.js';
import { calendarOf } from '../policy/policyCalendars.js';
import type { AccountDefinition, EntitledTarget, EntitlementSource } from '../policy/entitlementTypes.js';
import type { ParsedDuration } from '../policy/duration.js';
import { checkAccount, targetsOf } from '../policy/resolveTargets.js';
import { entitledTarget } from '../policy/thresholds.js';
import type { Policy } from '../policy/schema.js';
import { type EngineTarget, type Metric, NO_TARGETS, type TargetSet, targetSet } from './clockTypes.js';
import { engineTarget } from './clockStates.js';

/** What a measured target says about itself: where it comes from and what it promises. */
export interface TargetInfo {
  readonly severity: string | null;
  readonly plan: string | null;
  readonly duration: ParsedDuration;
  readonly clock: string;
  readonly source: EntitlementSource;
}

/** An account's measured targets per severity level, and the levels its scale has. */
export interface AccountTargets {
  readonly plan: string | null;
  /** The scale's level ids, or `null` when no target applies to the account type. */
  readonly levels: ReadonlySet<string> | null;
  readonly scale: string | null;
  /** Targets per level; `''` holds the (empty) set of an account without targets. */
  readonly bySeverity: ReadonlyMap<string, TargetSet>;
  /** Whether some level has a measured target, or SLA rules apply (then a ticket must say its severity). */
  readonly hasTargets: boolean;
  /** Whether the policy's SLA rules apply to the account (its type takes targets, and the policy has rules). */
  readonly rulesApply: boolean;
}

const memo = new WeakMap<Policy, Map<string, AccountTargets>>();

/**
 * The measured targets of an account on a policy, memoised per policy object and account. The
 * account is a checked, frozen copy (`readAccount`), so its identity says it is unchanged.
 * Throws the errors of `resolveEntitlement` for an account the policy does not know (the same
 * checks, `checkAccount` in src/policy/resolveTargets.ts).
 * @internal
 */
export function accountTargets(policy: Policy, account: AccountDefinition): AccountTargets {
  const seen = byAccount.get(account);
  if (seen !== undefined && seen.policy === policy) return seen.result;
  const result = lookUp(policy, account);
  byAccount.set(account, { policy, result });
  return result;
}

const byAccount = new WeakMap<AccountDefinition, { policy: Policy; result: AccountTargets }>();

function lookUp(policy: Policy, account: AccountDefinition): AccountTargets {
  const key = accountKey(account);
  const byAccount = memoFor(memo, policy);
  const hit = key === undefined ? undefined : byAccount.get(key);
  if (hit !== undefined) return hit;
  const checked = checkAccount(policy, account);
  const resolved = targetsOf(policy, account, checked);
  const planId = checked.planId ?? null;
  // Without targets (a best-effort account type) a severity is still read on the plan's scale.
  const scale = checked.type.targets === 'none' ? (checked.plan?.severityScale ?? null) : resolved.scale;
  const bySeverity = new Map<string, TargetSet>();
  const rulesApply = checked.type.targets === 'plan' && (policy.sla?.rules?.length ?? 0) > 0;
  let hasTargets = rulesApply;
  for (const { level, targets } of resolved.levels) {
    const set = measuredSet(policy, targets, level.id, planId);
    hasTargets ||= set !== NO_TARGETS;
    bySeverity.set(level.id, set);
  }
  const result: AccountTargets = Object.freeze({
    plan: planId,
    scale,
    levels: scale === null ? null : new Set(policy.severityScales[scale]!.levels.map((l) => l.id)),
    bySeverity,
    hasTargets,
    rulesApply,
  });
  if (key !== undefined) byAccount.set(key, result);
  return result;
}

/** The targets in force for a severity level (none for a level without targets). */
export function targetsFor(account: AccountTargets, severity: string | null): TargetSet {
  return (severity === null ? undefined : account.bySeverity.get(severity)) ?? NO_TARGETS;
}

/** The measured targets of a list (those with `role: 'target'`), as the engine's set; {@link NO_TARGETS} for none. */
function measuredSet(
  policy: Policy,
  targets: readonly EntitledTarget[],
  severity: string,
  plan: string | null,
): TargetSet {
  const set: Partial<Record<Metric, EngineTarget<TargetInfo>[]>> = {};
  let any = false;
  for (const t of targets) {
    if (t.role === 'typical') continue;
    (set[t.metric] ??= []).push(toEngineTarget(policy, t, severity, plan));
    any = true;
  }
  if (!any) return NO_TARGETS;
  return targetSet(
    set,
    targets.some((t) => t.clockFrom !== undefined && t.role !== 'typical'),
  );
}

const byRule = new WeakMap<Policy, Map<string, TargetSet>>();

/**
 * The targets SLA rule `index` sets for a severity level and plan (those listing the level, or
 * every level), memoised per policy.
 * @internal
 */
export function ruleTargets(policy: Policy, index: number, severity: string | null, plan: string | null): TargetSet {
  const memo = memoFor(byRule, policy);
  const key = `${index}\u0000${severity ?? ''}\u0000${plan ?? ''}`;
  let set = memo.get(key);
  if (set === undefined) {
    const rule = policy.sla!.rules![index]!;
    const applying = rule.targets.flatMap((t, i) =>
      severity !== null && (t.severities === undefined || t.severities.includes(severity))
        ? [entitledTarget(policy, t, { kind: 'rule', id: rule.id, path: ['sla', 'rules', index, 'targets', i] })]
        : [],
    );
    set = severity === null ? NO_TARGETS : measuredSet(policy, applying, severity, plan);
    memo.set(key, set);
  }
  return set;
}

function toEngineTarget(
  policy: Policy,
  t: EntitledTarget,
  severity: string,
  plan: string | null,
): EngineTarget<TargetInfo> {
  return engineTarget({
    id: t.id,
    metric: t.metric,
    calendar: calendarOf(policy, t.clock) ?? null,
    pauseOn: t.pauseOn,
    duration: t.duration,
    thresholds: Object.freeze(
      t.thresholds.map((th) =>
        Object.freeze(
          th.percent !== null
            ? { id: th.id, kind: 'percent' as const, value: th.percent }
            : { id: th.id, kind: 'after' as const, value: th.afterMs! },
        ),
      ),
    ),
    choice: t.clockFrom,
    info: Object.freeze({ severity, plan, duration: t.duration, clock: t.clock, source: t.source }),
  });
}

/** A memo key for a well-formed account; `undefined` sends anything odd to the full checks. */
function accountKey(a: AccountDefinition): string | undefined {
  if (typeof a !== 'object' || a === null || typeof a.type !== 'string') return undefined;
  const { type, plan, partner, addOns, calendar } = a;
  if ((plan !== undefined && typeof plan !== 'string') || (partner !== undefined && typeof partner !== 'string'))
    return undefined;
  // An account's own calendar definition skips the memo (its copy is memoised by identity instead).
  if (calendar !== undefined && typeof calendar !== 'string') return undefined;
  let key = `${type}\u0000${plan ?? '\u0001'}\u0000${partner ?? '\u0001'}\u0000${calendar ?? '\u0001'}`;
  if (addOns !== undefined) {
    if (!Array.isArray(addOns)) return undefined;
    for (const id of addOns) {
      if (typeof id !== 'string') return undefined;
      key += `\u0000${id}`;
    }
  }
  // A separator inside a value could make two accounts share a key: such values skip the memo.
  // eslint-disable-next-line no-control-regex -- the separators are control characters on purpose
  return /[\u0000\u0001]/.test(`${type}${plan ?? ''}${partner ?? ''}${calendar ?? ''}${addOns?.join('') ?? ''}`)
    ? undefined
    : key;
}
