import { type ErrorCode, formatPath } from '../errors.js';
import type { Policy, Target } from './schema.js';

type Path = (string | number)[];
type Add = (code: ErrorCode, path: Path, message: string) => void;

/** The statuses of the default vocabulary, with their categories. */
export const DEFAULT_STATUSES: Readonly<Record<string, 'open' | 'solved' | 'closed'>> = Object.freeze({
  open: 'open',
  waiting_on_customer: 'open',
  on_hold: 'open',
  solved: 'solved',
});

/** The categories of a policy's statuses: its own vocabulary, or the default one. */
export function statusCategories(p: Policy): Readonly<Record<string, 'open' | 'solved' | 'closed'>> {
  const own = p.sla?.statuses;
  if (own === undefined) return DEFAULT_STATUSES;
  return Object.fromEntries(Object.entries(own).map(([name, s]) => [name, s.category]));
}

/**
 * The SLA checks that span fields: the status vocabulary and its initial status, each target's
 * increasing warning percentages,
 * pause statuses (declared, `open` category; without a vocabulary, `waiting_on_customer` and
 * `on_hold` only, as before vocabularies existed), and unique threshold ids per target.
 * @internal
 */
export function checkSla(p: Policy, add: Add): void {
  const categories = statusCategories(p);
  const custom = p.sla?.statuses !== undefined;
  const names = Object.keys(categories);
  if (custom && names.length === 0) add('invalid_rule', ['sla', 'statuses'], 'expected at least one status');
  if (custom && !names.some((n) => categories[n] === 'open'))
    add('invalid_rule', ['sla', 'statuses'], 'expected at least one status of the open category');
  const initial = p.sla?.initialStatus ?? 'open';
  if (categories[initial] !== 'open' && names.length > 0) {
    const path = p.sla?.initialStatus === undefined ? ['sla'] : ['sla', 'initialStatus'];
    add(
      'unknown_reference',
      path,
      `expected an initial status of the open category (${openList(categories)}), got "${initial}"`,
    );
  }
  increasing(p.sla?.warnAtPercent, ['sla', 'warnAtPercent'], add);
  const pausable = (s: string) => (custom ? categories[s] === 'open' : s === 'waiting_on_customer' || s === 'on_hold');
  const target = (t: Target, path: Path) => {
    t.pauseOn?.forEach((s, j) => {
      if (!pausable(s))
        add(
          'unknown_reference',
          [...path, 'pauseOn', j],
          `expected a status of the open category to pause on (${custom ? openList(categories) : '"waiting_on_customer", "on_hold"'}), got "${s}"`,
        );
    });
    increasing(t.warnAtPercent, [...path, 'warnAtPercent'], add);
    thresholdIds(t, path, add);
  };
  for (const [id, plan] of Object.entries(p.plans))
    plan.targets.forEach((t, i) => target(t, ['plans', id, 'targets', i]));
  for (const [id, addOn] of Object.entries(p.addOns))
    addOn.targets.forEach((t, i) => target(t, ['addOns', id, 'targets', i]));
  if (p.sla?.thresholds !== undefined) thresholdIds({ thresholds: p.sla.thresholds }, ['sla'], add);
  checkRules(p, add, target);
}

/**
 * SLA rules: unique ids; their targets' clocks, severity levels (of some scale of the policy) and
 * pauses; one measured target per id and level within a rule.
 */
function checkRules(p: Policy, add: Add, target: (t: Target, path: Path) => void): void {
  const levels = new Set(Object.values(p.severityScales).flatMap((s) => s.levels.map((l) => l.id)));
  const seen = new Set<string>();
  p.sla?.rules?.forEach((rule, r) => {
    const base = ['sla', 'rules', r];
    if (seen.has(rule.id)) add('duplicate_id', [...base, 'id'], `expected a unique rule id, got "${rule.id}" again`);
    seen.add(rule.id);
    oneMeasuredPerIdAndLevel(rule.targets, [...base, 'targets'], add);
    rule.targets.forEach((t, i) => {
      const path = [...base, 'targets', i];
      target(t, path);
      for (const [suffix, id] of targetClockRefs(t.clock))
        if (id !== '24/7' && !Object.hasOwn(p.calendars, id))
          add(
            'unknown_reference',
            [...path, 'clock', ...suffix],
            `expected a calendar id of the policy, or "24/7", got "${id}"`,
          );
      t.severities?.forEach((s, j) => {
        if (!levels.has(s))
          add('unknown_reference', [...path, 'severities', j], `expected a severity level of the policy, got "${s}"`);
      });
    });
  });
}

/** Warning percentages must increase. */
function increasing(list: readonly number[] | undefined, path: Path, add: Add): void {
  list?.forEach((v, i) => {
    if (i > 0 && v <= list[i - 1]!)
      add('invalid_rule', [...path, i], `expected increasing percentages, got ${v} after ${list[i - 1]}`);
  });
}

/** A target's threshold ids (its `warnAtPercent` as `warn-<p>`, then its `thresholds`) must be unique. */
function thresholdIds(t: Pick<Target, 'thresholds' | 'warnAtPercent'>, path: Path, add: Add): void {
  const seen = new Set((t.warnAtPercent ?? []).map((p) => `warn-${p}`));
  t.thresholds?.forEach((th, j) => {
    if (seen.has(th.id))
      add('duplicate_id', [...path, 'thresholds', j, 'id'], `expected a unique threshold id, got "${th.id}" again`);
    seen.add(th.id);
  });
}

function openList(categories: Readonly<Record<string, string>>): string {
  const open = Object.keys(categories).filter((n) => categories[n] === 'open');
  return open.length === 0 ? 'none declared' : open.map((n) => JSON.stringify(n)).join(', ');
}

/**
 * The calendar ids a target's clock names, each with its path under `clock`: the clock itself, or
 * a choice's calendars and its `otherwise`.
 * @internal
 */
export function targetClockRefs(clock: Target['clock']): [suffix: string[], id: string][] {
  if (typeof clock === 'string') return [[[], clock]];
  const refs: [string[], string][] = [];
  if (clock.from === 'field')
    for (const [value, id] of Object.entries(clock.calendars)) refs.push([['calendars', value], id]);
  refs.push([['otherwise'], clock.otherwise]);
  return refs;
}

/**
 * One measured target per id (its metric's name unless named) and severity level in a list of
 * targets, so that a ticket has one deadline per target; `others` are targets measured beside
 * these (a plan's, for an add-on that adds to it). Plans, add-ons and SLA rules are checked by it.
 * @internal
 */
export function oneMeasuredPerIdAndLevel(
  list: readonly Target[],
  path: Path,
  add: Add,
  others: { list: readonly Target[]; path: Path }[] = [],
): void {
  list.forEach((t, i) => {
    if (t.role !== 'target') return;
    const clash = (u: Target) =>
      u.role === 'target' &&
      (u.id ?? u.metric) === (t.id ?? t.metric) &&
      (t.severities === undefined || u.severities === undefined || t.severities.some((s) => u.severities!.includes(s)));
    const earlier = list.slice(0, i).findIndex(clash);
    const where =
      earlier >= 0
        ? [...path, earlier]
        : others.map((o) => ({ ...o, j: o.list.findIndex(clash) })).find((o) => o.j >= 0);
    if (where !== undefined) {
      const at = Array.isArray(where) ? where : [...where.path, where.j];
      add(
        'invalid_rule',
        [...path, i],
        `expected one measured target "${t.id ?? t.metric}" per severity level (name targets of one metric apart with "id"), got a second one besides ${formatPath(at)}`,
      );
    }
  });
}
