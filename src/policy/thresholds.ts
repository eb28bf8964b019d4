import { parseDuration } from './duration.js';
import type { EntitledThreshold } from './entitlementTypes.js';
import type { Policy, Target } from './schema.js';

/**
 * A target's warnings and escalation levels: its own `warnAtPercent` (as `warn-<percent>`) and
 * `thresholds` when it has either, else the policy's `sla` ones. @internal
 */
export function thresholdsOf(policy: Policy, t: Target): readonly EntitledThreshold[] {
  const own = t.warnAtPercent !== undefined || t.thresholds !== undefined;
  const from = own ? t : (policy.sla ?? {});
  const out: EntitledThreshold[] = (from.warnAtPercent ?? []).map((p) => ({
    id: `warn-${p}`,
    percent: p,
    afterMs: null,
  }));
  for (const th of from.thresholds ?? []) {
    if ('percent' in th) out.push({ id: th.id, percent: th.percent, afterMs: null });
    else out.push({ id: th.id, percent: null, afterMs: (parseDuration(th.after) as { ms: number }).ms });
  }
  return out;
}
