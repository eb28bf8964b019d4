import { parseDuration } from './duration.js';
import type { EntitledTarget, EntitledThreshold, EntitlementSource } from './entitlementTypes.js';
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

/** A policy target as it applies to an account or a ticket: parsed, with its thresholds and source. @internal */
export function entitledTarget(
  policy: Policy,
  t: Target,
  source: EntitlementSource,
  text?: (x: NonNullable<Target['note']>) => string,
): EntitledTarget {
  return {
    id: t.id ?? t.metric,
    metric: t.metric,
    duration: parseDuration(t.duration),
    clock: typeof t.clock === 'string' ? t.clock : t.clock.otherwise,
    ...(typeof t.clock === 'string'
      ? {}
      : {
          clockFrom:
            t.clock.from === 'field'
              ? { from: 'field' as const, field: t.clock.field, calendars: t.clock.calendars }
              : { from: 'account' as const },
        }),
    role: t.role,
    pauseOn: [...(t.pauseOn ?? [])],
    thresholds: thresholdsOf(policy, t),
    ...(t.note === undefined || text === undefined ? {} : { note: text(t.note) }),
    source,
  };
}
