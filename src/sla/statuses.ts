import type { Policy } from '../policy/schema.js';
import { statusCategories } from '../policy/slaChecks.js';
import { OPEN_STATUS, type Status } from './clockTypes.js';

/** A policy's status vocabulary as the clocks use it: one {@link Status} object per name. */
export interface Vocabulary {
  readonly byName: ReadonlyMap<string, Status>;
  readonly initial: Status;
  /** Whether the policy declares its own statuses (else `reopened` is read as `open`). */
  readonly custom: boolean;
  /** The names, for error messages. */
  readonly names: string;
}

const memo = new WeakMap<Policy, Vocabulary>();

/** The vocabulary of a validated policy (memoised per policy object). @internal */
export function vocabularyOf(policy: Policy): Vocabulary {
  let v = memo.get(policy);
  if (v === undefined) {
    const custom = policy.sla?.statuses !== undefined;
    const byName = new Map<string, Status>();
    for (const [name, category] of Object.entries(statusCategories(policy)))
      byName.set(name, name === 'open' && category === 'open' ? OPEN_STATUS : Object.freeze({ name, category }));
    const initial = byName.get(policy.sla?.initialStatus ?? 'open')!;
    const names = [...byName.keys(), ...(custom ? [] : ['reopened'])].join(', ');
    v = Object.freeze({ byName, initial, custom, names });
    memo.set(policy, v);
  }
  return v;
}
