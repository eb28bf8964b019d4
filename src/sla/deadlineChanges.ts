import type { DeadlineChange, ThresholdChange } from './deadlineChangeTypes.js';
import type { MeasureResult, SlaThreshold, TargetMeasurement } from './types.js';

/**
 * The rules of {@link compareDeadlines} for one ticket: which of its measured targets differ
 * between two results of it, matched by metric, cycle and target id.
 */

/** A measured target's key within its ticket's result: one target per id, metric and cycle. */
const keyOf = (t: TargetMeasurement) => `${t.metric}\u0000${t.cycle ?? 0}\u0000${t.id}`;

const NO_THRESHOLDS: readonly ThresholdChange[] = Object.freeze([]);

/**
 * Appends to `out` the changes of one ticket (`ticket`, its index; `ticketId`, its id) from
 * `before` to `after`: the targets of `after` in their order, then those only `before` measures.
 * @internal
 */
export function targetChanges(
  before: MeasureResult,
  after: MeasureResult,
  ticket: number,
  ticketId: string | number | null,
  out: DeadlineChange[],
): void {
  const earlier = new Map<string, TargetMeasurement>();
  for (const t of before.targets) earlier.set(keyOf(t), t);
  const change = (
    kind: DeadlineChange['change'],
    from: TargetMeasurement | undefined,
    to: TargetMeasurement | undefined,
  ) => {
    const t = (to ?? from)!;
    out.push(
      Object.freeze({
        ticket,
        ticketId,
        change: kind,
        target: t.id,
        metric: t.metric,
        cycle: t.cycle,
        from: from?.dueAt ?? null,
        to: to?.dueAt ?? null,
        stateFrom: from?.state ?? null,
        stateTo: to?.state ?? null,
        thresholds: thresholdChanges(from?.thresholds ?? [], to?.thresholds ?? []),
      }),
    );
  };
  for (const t of after.targets) {
    const key = keyOf(t);
    const b = earlier.get(key);
    if (b === undefined) change('added', undefined, t);
    else {
      earlier.delete(key);
      if (differs(b, t)) change('moved', b, t);
    }
  }
  // What is left was measured under the first policy only, in its result order.
  for (const b of earlier.values()) change('removed', b, undefined);
}

/**
 * Whether a target measured under both policies changed for a timer: its state, or (unless it is
 * stopped under both, its deadlines then projections) its due instant or a threshold's instant.
 */
function differs(b: TargetMeasurement, a: TargetMeasurement): boolean {
  if (b.state !== a.state) return true;
  if (b.stoppedAt !== null && a.stoppedAt !== null) return false;
  return b.dueAt !== a.dueAt || thresholdChanges(b.thresholds, a.thresholds).length > 0;
}

/** The thresholds whose instants differ: those of `after` in order, then any only `before` has. */
function thresholdChanges(before: readonly SlaThreshold[], after: readonly SlaThreshold[]): readonly ThresholdChange[] {
  if (before.length === 0 && after.length === 0) return NO_THRESHOLDS;
  const out: ThresholdChange[] = [];
  const at = (list: readonly SlaThreshold[], id: string) => list.find((th) => th.id === id)?.at ?? null;
  for (const th of after) {
    const from = at(before, th.id);
    if (from !== th.at) out.push(Object.freeze({ id: th.id, from, to: th.at }));
  }
  for (const th of before) {
    if (th.at !== null && !after.some((x) => x.id === th.id))
      out.push(Object.freeze({ id: th.id, from: th.at, to: null }));
  }
  return out.length === 0 ? NO_THRESHOLDS : Object.freeze(out);
}
