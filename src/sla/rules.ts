import { describeValue } from '../internal/describeValue.js';
import { memoFor } from '../internal/memo.js';
import type { Policy } from '../policy/schema.js';
import type { RuleMatch, TicketFields } from './types.js';

export type { FieldValue, RuleMatch, TicketFields } from './types.js';

/**
 * SLA rules (`sla.rules`): which rule a ticket's fields, plan and severity match — the first, as in
 * Zendesk — and why.
 */

type Condition = NonNullable<NonNullable<Policy['sla']>['rules']>[number]['when'][number];

/** The value a condition reads: `plan` and `severity` are the ticket's own unless a field of that name is set. */
function valueOf(field: string, fields: TicketFields, plan: string | null, severity: string | null): unknown {
  if (Object.hasOwn(fields, field)) return fields[field];
  return field === 'plan' ? (plan ?? undefined) : field === 'severity' ? (severity ?? undefined) : undefined;
}

/** Whether a value meets a condition. */
function holds(c: Condition, v: unknown): boolean {
  switch (c.op) {
    case 'is':
      return v === c.value;
    case 'is_not':
      return v !== c.value;
    case 'one_of':
      return (c.values as readonly unknown[]).includes(v);
    case 'not_one_of':
      return !(c.values as readonly unknown[]).includes(v);
    case 'has_tag':
      return Array.isArray(v) && v.includes(c.tag);
    case 'lacks_tag':
      return !(Array.isArray(v) && v.includes(c.tag));
    case 'exists':
      return v !== undefined;
    case 'not_exists':
      return v === undefined;
    case 'greater_than':
      return typeof v === 'number' && v > c.value;
    case 'less_than':
      return typeof v === 'number' && v < c.value;
  }
}

/** A condition in words, with the value the ticket has: `channel is "email" (ticket: "email")`. */
function reason(c: Condition, v: unknown): string {
  const what =
    c.op === 'is' || c.op === 'is_not' || c.op === 'greater_than' || c.op === 'less_than'
      ? `${c.op.replace('_', ' ')} ${JSON.stringify(c.value)}`
      : c.op === 'one_of' || c.op === 'not_one_of'
        ? `${c.op.replaceAll('_', ' ')} ${JSON.stringify(c.values)}`
        : c.op === 'has_tag' || c.op === 'lacks_tag'
          ? `${c.op.replace('_', ' ')} ${JSON.stringify(c.tag)}`
          : c.op === 'exists'
            ? 'is set'
            : 'is not set';
  return `${c.field} ${what} (ticket: ${v === undefined ? 'not set' : describeValue(v)})`;
}

const matches = new WeakMap<Policy, Map<string, RuleMatch | null>>();

/**
 * The first rule of the policy whose every condition holds for the ticket, with one reason per
 * condition; `null` when none does (or the policy has no rules). Memoised per policy for tickets
 * without fields, the common case of a batch.
 * @internal
 */
export function matchRule(
  policy: Policy,
  fields: TicketFields,
  plan: string | null,
  severity: string | null,
): RuleMatch | null {
  const rules = policy.sla?.rules;
  if (rules === undefined || rules.length === 0) return null;
  const plain = Object.keys(fields).length === 0;
  const key = `${plan ?? ''}\u0000${severity ?? ''}`;
  const memo = plain ? memoFor(matches, policy) : undefined;
  const known = memo?.get(key);
  if (known !== undefined) return known;
  let found: RuleMatch | null = null;
  for (let i = 0; i < rules.length && found === null; i++) {
    const rule = rules[i]!;
    if (rule.when.every((c) => holds(c, valueOf(c.field, fields, plan, severity))))
      found = Object.freeze({
        id: rule.id,
        index: i,
        reasons: Object.freeze(rule.when.map((c) => reason(c, valueOf(c.field, fields, plan, severity)))),
      });
  }
  memo?.set(key, found);
  return found;
}
