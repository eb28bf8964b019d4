import type { ErrorCode, ValidationIssue } from '../errors.js';
import { formatPath } from '../errors.js';
import { tryParseDuration } from './duration.js';
import { checkCriteria } from './criteriaChecks.js';
import type { Policy } from './schema.js';
import { checkSla, oneMeasuredPerIdAndLevel, targetClockRefs } from './slaChecks.js';

type Path = (string | number)[];

/**
 * The checks that span several fields of a schema-valid policy: every reference names something
 * that exists, ids are unique, every text carries every declared locale, and the deduction and
 * Customer Success rules are consistent. Returns every problem found, grouped by kind of check.
 * @internal
 */
export function crossCheckPolicy(p: Policy): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: ErrorCode, path: Path, message: string) =>
    issues.push({ code, path, message: `${formatPath(path)}: ${message}` });
  const known = (kind: string, ids: object, path: Path, value: string) => {
    if (!Object.hasOwn(ids, value))
      add(
        'unknown_reference',
        path,
        `expected the id of one of the policy's ${kind} (${listOf(ids)}), got ${JSON.stringify(value)}`,
      );
  };
  const clock = (path: Path, value: string) => {
    if (value !== '24/7') known('calendars, or "24/7"', p.calendars, path, value);
  };
  const unique = (items: readonly { id: string }[], path: Path, what: string, seen = new Set<string>()) => {
    items.forEach((item, i) => {
      if (seen.has(item.id))
        add('duplicate_id', [...path, i, 'id'], `expected a unique ${what} id, got ${JSON.stringify(item.id)} again`);
      seen.add(item.id);
    });
  };

  // Locales: English first, no duplicates, and every text in exactly the declared locales.
  if (p.locales[0] !== 'en')
    add('invalid_locale', ['locales', 0], `expected "en" first, got ${JSON.stringify(p.locales[0])}`);
  p.locales.forEach((l, i) => {
    if (p.locales.indexOf(l) !== i)
      add('invalid_locale', ['locales', i], `expected each locale once, got ${JSON.stringify(l)} again`);
  });
  forEachText(p, [], (text, path) => {
    for (const l of p.locales)
      if (!Object.hasOwn(text, l))
        add('invalid_locale', [...path, l], `expected a text in "${l}", which the policy declares`);
    for (const l of Object.keys(text))
      if (!p.locales.includes(l))
        add('invalid_locale', [...path, l], `expected only declared locales (${p.locales.join(', ')}), got "${l}"`);
  });

  // Severity scales: unique level ids and ranks, criterion ids unique across the whole scale, and
  // criteria that keep classification monotone (criteriaChecks.ts).
  for (const [scaleId, scale] of Object.entries(p.severityScales)) {
    const base = ['severityScales', scaleId];
    unique(scale.levels, [...base, 'levels'], 'level');
    scale.levels.forEach((level, i) => {
      if (scale.levels.findIndex((l) => l.rank === level.rank) !== i)
        add('duplicate_id', [...base, 'levels', i, 'rank'], `expected a unique rank, got ${level.rank} again`);
    });
    const criteria = new Set<string>();
    scale.levels.forEach((level, i) =>
      unique(level.criteria, [...base, 'levels', i, 'criteria'], 'criterion', criteria),
    );
    unique(scale.notIncident ?? [], [...base, 'notIncident'], 'criterion', criteria);
    checkCriteria(scale, base, add);
  }
  const levelsOf = (scaleId: string) => new Set(p.severityScales[scaleId]?.levels.map((l) => l.id) ?? []);

  (p.severityMappings ?? []).forEach((m, i) => {
    const base = ['severityMappings', i];
    known('severity scales', p.severityScales, [...base, 'from'], m.from);
    known('severity scales', p.severityScales, [...base, 'to'], m.to);
    // Level checks only against scales that exist: an unknown scale is reported once, above.
    const fromKnown = Object.hasOwn(p.severityScales, m.from);
    const toKnown = Object.hasOwn(p.severityScales, m.to);
    const from = levelsOf(m.from);
    const to = levelsOf(m.to);
    for (const [a, b] of Object.entries(m.levels)) {
      if (fromKnown && !from.has(a))
        add('unknown_reference', [...base, 'levels', a], `expected a level of scale "${m.from}", got "${a}"`);
      if (toKnown && !to.has(b))
        add('unknown_reference', [...base, 'levels', a], `expected a level of scale "${m.to}", got "${b}"`);
    }
  });

  checkSla(p, add);
  // One measured target per id (its metric's name unless named) and severity level, so that a
  // ticket has one deadline per target; `others` are targets measured beside these (a plan's, for
  // an add-on that adds to it).
  const targets = (list: Policy['plans'][string]['targets'], path: Path, scales: string[]) =>
    list.forEach((t, i) => {
      for (const [suffix, id] of targetClockRefs(t.clock)) clock([...path, i, 'clock', ...suffix], id);
      t.severities?.forEach((s, j) => {
        for (const scale of scales) {
          if (!levelsOf(scale).has(s))
            add('unknown_reference', [...path, i, 'severities', j], `expected a level of scale "${scale}", got "${s}"`);
        }
      });
    });
  const channels = (list: Policy['plans'][string]['channels'], path: Path) =>
    list.forEach((c, i) => {
      known('channels', p.channels, [...path, i, 'channel'], c.channel);
      clock([...path, i, 'clock'], c.clock);
    });

  for (const [typeId, type] of Object.entries(p.accountTypes)) {
    type.channels?.forEach((c, i) => known('channels', p.channels, ['accountTypes', typeId, 'channels', i], c));
  }

  for (const [planId, plan] of Object.entries(p.plans)) {
    const base = ['plans', planId];
    known('severity scales', p.severityScales, [...base, 'severityScale'], plan.severityScale);
    channels(plan.channels, [...base, 'channels']);
    targets(
      plan.targets,
      [...base, 'targets'],
      Object.hasOwn(p.severityScales, plan.severityScale) ? [plan.severityScale] : [],
    );
    oneMeasuredPerIdAndLevel(plan.targets, [...base, 'targets'], add);
    plan.includedAddOns?.forEach((a, i) => {
      known('add-ons', p.addOns, [...base, 'includedAddOns', i], a);
      const addOn = p.addOns[a];
      if (addOn && !addOn.availableOn.includes(planId)) {
        add(
          'addon_not_allowed',
          [...base, 'includedAddOns', i],
          `expected an add-on available on plan "${planId}", got "${a}" (available on ${addOn.availableOn.join(', ')})`,
        );
      }
    });
  }

  for (const [addOnId, addOn] of Object.entries(p.addOns)) {
    const base = ['addOns', addOnId];
    addOn.availableOn.forEach((planId, i) => known('plans', p.plans, [...base, 'availableOn', i], planId));
    if (addOn.severityScale !== undefined) {
      known('severity scales', p.severityScales, [...base, 'severityScale'], addOn.severityScale);
      // Its own scale makes the plan's levels meaningless: the plan's targets could not be kept.
      const other = addOn.availableOn.find(
        (planId) => p.plans[planId] && p.plans[planId].severityScale !== addOn.severityScale,
      );
      if (!addOn.replacesTargets && other !== undefined) {
        add(
          'invalid_rule',
          [...base, 'replacesTargets'],
          `expected true for an add-on with its own severity scale "${addOn.severityScale}" (plan "${other}" uses "${p.plans[other]!.severityScale}", whose targets could not apply), got false`,
        );
      }
    }
    const scales =
      addOn.severityScale !== undefined
        ? [addOn.severityScale]
        : addOn.availableOn.flatMap((planId) => (p.plans[planId] ? [p.plans[planId].severityScale] : []));
    channels(addOn.channels, [...base, 'channels']);
    targets(
      addOn.targets,
      [...base, 'targets'],
      [...new Set(scales)].filter((s) => Object.hasOwn(p.severityScales, s)),
    );
    const beside = addOn.replacesTargets
      ? []
      : addOn.availableOn.flatMap((planId) =>
          p.plans[planId] ? [{ list: p.plans[planId].targets, path: ['plans', planId, 'targets'] }] : [],
        );
    oneMeasuredPerIdAndLevel(addOn.targets, [...base, 'targets'], add, beside);
    unique(addOn.features ?? [], [...base, 'features'], 'feature');
  }

  if (p.customerSuccess) {
    const cs = p.customerSuccess;
    clock(['customerSuccess', 'reply', 'clock'], cs.reply.clock);
    cs.channels.forEach((c, i) => known('channels', p.channels, ['customerSuccess', 'channels', i], c));
    unique(cs.outOfScope, ['customerSuccess', 'outOfScope'], 'out-of-scope item');
    const expected = tryParseDuration(cs.reply.expected);
    const target = tryParseDuration(cs.reply.target);
    if (expected && target && (expected.kind !== target.kind || magnitude(expected) > magnitude(target))) {
      add(
        'invalid_rule',
        ['customerSuccess', 'reply', 'target'],
        `expected a target of the same unit as, and not below, the expected reply ${cs.reply.expected}, got ${cs.reply.target}`,
      );
    }
  }

  unique(p.scope ?? [], ['scope'], 'scope rule');
  (p.scope ?? []).forEach((rule, i) => {
    if (rule.coverage === 'partial' && rule.stillCovered === undefined) {
      add(
        'invalid_rule',
        ['scope', i, 'stillCovered'],
        'expected what is still covered, for a rule with partial coverage',
      );
    }
  });
  if (p.partners)
    unique(p.partners.integrationSupport.conditions, ['partners', 'integrationSupport', 'conditions'], 'condition');

  const d = p.supportHours?.deduction;
  if (d !== undefined && d.incrementMinutes > d.minimumMinutes) {
    add(
      'invalid_rule',
      ['supportHours', 'deduction', 'incrementMinutes'],
      `expected an increment no larger than the minimum (${d.minimumMinutes}), got ${d.incrementMinutes}`,
    );
  }
  return issues;
}

function magnitude(d: NonNullable<ReturnType<typeof tryParseDuration>>): number {
  return d.kind === 'time' ? d.ms : d.days;
}

function listOf(ids: object): string {
  const keys = Object.keys(ids);
  return keys.length === 0 ? 'none defined' : keys.map((k) => JSON.stringify(k)).join(', ');
}

/** Calls `visit` on every localized text of the policy (calendars and mappings hold none). */
function forEachText(value: unknown, path: Path, visit: (text: Record<string, string>, path: Path) => void): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => forEachText(v, [...path, i], visit));
    return;
  }
  const entries = Object.entries(value);
  if (entries.length > 0 && Object.hasOwn(value, 'en') && entries.every(([, v]) => typeof v === 'string')) {
    visit(value as Record<string, string>, path);
    return;
  }
  for (const [k, v] of entries) {
    if (path.length === 0 && (k === 'calendars' || k === 'severityMappings' || k === 'source')) continue;
    forEachText(v, [...path, k], visit);
  }
}
