import fc from 'fast-check';
import type { CalendarDefinition, PolicyDefinition } from '../../src/index.js';
import { FACT_VALUES, type FactName, ORDERED_FACTS } from '../../src/policy/facts.js';

/**
 * fast-check arbitraries for random VALID support policies (never the presets): 1–3 calendars with
 * simple weekly schedules in a few zones, 1–4 channels, 1–2 severity scales of 1–5 levels, 1–4
 * account types, 1–4 plans, 0–3 add-ons, locales `['en']` or `['en', 'es']`, and optional Customer
 * Success, scope, partner and support-hours sections. Every generated document satisfies the schema
 * and every rule of `src/policy/crossChecks.ts`:
 *
 * - ids are unique where required (levels, ranks, criteria across a whole scale, features, scope
 *   rules, out-of-scope items, partner conditions); record keys avoid the forbidden `constructor` and
 *   `prototype`;
 * - every reference exists: clocks (`24/7` or a calendar), channels (an account type's too), scales,
 *   plans, add-ons, target severities (on the add-on's own scale, or else on the scale of every plan
 *   the add-on is available on);
 * - included add-ons are available on their plan; a partial scope rule says what is still covered;
 * - Customer Success replies use one unit with expected ≤ target; deduction increment ≤ minimum;
 * - every text carries exactly the declared locales;
 * - a level's criterion sometimes has an `unless`, monotone like its `when` and naming some fact.
 */

type Def = PolicyDefinition;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Text = { en: string; es?: string };
type ScaleDef = Def['severityScales'][string];
type Condition = NonNullable<ScaleDef['levels'][number]['criteria']>[number]['when'];
type PlanDef = Def['plans'][string];
type AddOnDef = NonNullable<Def['addOns']>[string];
type TargetDef = NonNullable<PlanDef['targets']>[number];
type ChannelAccessDef = NonNullable<PlanDef['channels']>[number];

/** Zones of the generated calendars: CET/CEST, US Eastern, +05:30, UTC and Lord Howe's 30-minute DST. */
export const POLICY_ZONES = [
  'Europe/Madrid',
  'America/New_York',
  'Asia/Kolkata',
  'UTC',
  'Australia/Lord_Howe',
] as const;

const idArb = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,10}$/).filter((s) => s !== 'constructor' && s !== 'prototype');
const sentenceArb = fc.string({ minLength: 1, maxLength: 12 });
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** `m` minutes as an accepted duration: `PT<h>H`, `PT<m>M` or `PT<h>H<m>M`. */
export const minutesText = (m: number) => {
  const h = Math.floor(m / 60);
  const r = m % 60;
  return h === 0 ? `PT${r}M` : r === 0 ? `PT${h}H` : `PT${h}H${r}M`;
};
const durationArb = fc.oneof(
  fc.integer({ min: 1, max: 72 * 60 }).map(minutesText),
  fc.integer({ min: 1, max: 999 }).map((m) => `PT${m}M`),
  fc.integer({ min: 1, max: 30 }).map((d) => `P${d}D`),
);

/** A weekly schedule: one interval on a half-hour grid (possibly ending at 24:00) on 1–7 weekdays. */
const calendarArb: fc.Arbitrary<CalendarDefinition> = fc
  .record({
    zone: fc.constantFrom(...POLICY_ZONES),
    days: fc.subarray(['1', '2', '3', '4', '5', '6', '7'], { minLength: 1 }),
    open: fc.integer({ min: 0, max: 47 }),
    length: fc.integer({ min: 1, max: 48 }),
  })
  .map(({ zone, days, open, length }) => {
    const close = Math.min(open + length, 48);
    const interval: [string, string] = [hhmm(open * 30), close === 48 ? '24:00' : hhmm(close * 30)];
    return { zone, week: Object.fromEntries(days.map((d) => [d, [interval]])) as CalendarDefinition['week'] };
  });

const FACTS = Object.keys(FACT_VALUES) as FactName[];
const KIND_FACTS = FACTS.filter((k) => !ORDERED_FACTS.includes(k));
/** A level's condition: ordered facts accept a value and every worse one (the monotonicity rule). */
const conditionArb = fc.record(
  Object.fromEntries(
    FACTS.map((k) => {
      const values = [...FACT_VALUES[k]] as unknown[];
      return [
        k,
        ORDERED_FACTS.includes(k)
          ? fc.nat(values.length - 1).map((from) => values.slice(from))
          : fc.subarray(values, { minLength: 1 }),
      ];
    }),
  ),
  { requiredKeys: [] },
) as unknown as fc.Arbitrary<Condition>;
/** A level criterion's `unless`: a condition naming one or two facts (more would seldom all be given). */
const unlessConditionArb = fc.uniqueArray(fc.constantFrom(...FACTS), { minLength: 1, maxLength: 2 }).chain((names) =>
  fc.record(
    Object.fromEntries(
      names.map((k) => {
        const values = [...FACT_VALUES[k]] as unknown[];
        return [
          k,
          ORDERED_FACTS.includes(k)
            ? fc.nat(values.length - 1).map((from) => values.slice(from))
            : fc.subarray(values, { minLength: 1 }),
        ];
      }),
    ),
  ),
) as unknown as fc.Arbitrary<Condition>;
/** A "not an incident" condition names only the request's kind. */
const kindConditionArb = fc.record(
  Object.fromEntries(KIND_FACTS.map((k) => [k, fc.subarray([...FACT_VALUES[k]] as unknown[], { minLength: 1 })])),
  { requiredKeys: [] },
) as unknown as fc.Arbitrary<Condition>;

const accountTypeArb = fc.record({
  firstLine: fc.constantFrom('vendor' as const, 'partner' as const),
  vendorTickets: fc.constantFrom('yes' as const, 'some_cases' as const, 'no' as const),
  targets: fc.constantFrom('plan' as const, 'none' as const),
  customerSuccess: fc.constantFrom('direct' as const, 'through_partner' as const, 'none' as const),
  supportHours: fc.constantFrom('plan' as const, 'partner_pool' as const, 'none' as const),
  requiresPartner: fc.boolean(),
});
const planHoursArb: fc.Arbitrary<PlanDef['supportHours']> = fc.oneof(
  fc.constant({ kind: 'per_contract' as const }),
  fc.constant({ kind: 'none' as const }),
  fc.integer({ min: 1, max: 1_000_000 }).map((annualMinutes) => ({ kind: 'fixed' as const, annualMinutes })),
);
const priceArb = fc.record({
  amountMinor: fc.maxSafeNat(),
  currency: fc.constantFrom('EUR', 'USD', 'GBP'),
  per: fc.constantFrom('month' as const, 'year' as const, 'once' as const),
});
const carryOverArb = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'all' as const }),
  fc.integer({ min: 1, max: 1_000_000 }).map((capMinutes) => ({ kind: 'capped' as const, capMinutes })),
);
const readOnArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

// Builders for `fc.gen()`: module-level functions, so that fast-check caches one arbitrary per call shape.
const ids = (min: number, max: number) => fc.uniqueArray(idArb, { minLength: min, maxLength: max });
const uniqueRanks = (n: number) => fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n });
const texts = (withEs: boolean) =>
  fc.tuple(sentenceArb, sentenceArb).map(([en, es]): Text => (withEs ? { en, es } : { en }));
const constant =
  <T>(arb: fc.Arbitrary<T>) =>
  () =>
    arb;
const [
  oneId,
  sentence,
  durations,
  calendars,
  conditions,
  unlessConditions,
  kindConditions,
  accountTypes,
  planHours,
  prices,
  carryOvers,
  readOns,
] = [
  constant(idArb),
  constant(sentenceArb),
  constant(durationArb),
  constant(calendarArb),
  constant(conditionArb),
  constant(unlessConditionArb),
  constant(kindConditionArb),
  constant(accountTypeArb),
  constant(planHoursArb),
  constant(priceArb),
  constant(carryOverArb),
  constant(readOnArb),
] as const;

/** `{ [key]: value }`, or `{}` when the value is absent (exactOptionalPropertyTypes-friendly). */
const opt = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function buildPolicy(g: fc.GeneratorValue): PolicyDefinition {
  const int = (min: number, max: number) => g(fc.integer, { min, max });
  const bool = () => g(fc.boolean);
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const some = <T>(xs: readonly T[], minLength = 0): T[] => g(fc.subarray, [...xs], { minLength });
  const maybe = <T>(f: () => T): T | undefined => (bool() ? f() : undefined);
  const times = <T>(min: number, max: number, f: (i: number) => T): T[] =>
    Array.from({ length: int(min, max) }, (_, i) => f(i));
  const withEs = bool();
  const text = () => g(texts, withEs);
  const record = <T>(keys: readonly string[], f: (key: string) => T): Record<string, T> =>
    Object.fromEntries(keys.map((k) => [k, f(k)]));

  const calendarIds = g(ids, 1, 3);
  const clocks = ['24/7', ...calendarIds];
  const channelIds = g(ids, 1, 4);
  const scaleIds = g(ids, 1, 2);
  const levelsOf: Record<string, string[]> = {};
  const scales = record(scaleIds, (scaleId): ScaleDef => {
    const levelIds = g(ids, 1, 5);
    levelsOf[scaleId] = levelIds;
    const ranks = g(uniqueRanks, levelIds.length);
    // `${level}.c${k}` and `n${k}` cannot collide: criterion ids are unique across the whole scale.
    const criterion = (id: string, kind = false) => ({
      id,
      text: text(),
      when: g(kind ? kindConditions : conditions),
      ...(kind
        ? opt(
            'decides',
            maybe(() => pick(['before_levels', 'after_levels'] as const)),
          )
        : opt(
            'unless',
            maybe(() => g(unlessConditions)),
          )),
    });
    return {
      label: text(),
      levels: levelIds.map((id, i) => ({
        id,
        rank: ranks[i]!,
        label: text(),
        ...opt('definition', maybe(text)),
        criteria: times(1, 3, (k) => criterion(`${id}.c${k}`)),
        ...opt(
          'examples',
          maybe(() => times(0, 2, text)),
        ),
      })),
      ...opt(
        'notIncident',
        maybe(() => times(0, 2, (k) => criterion(`n${k}`, true))),
      ),
    };
  });

  const channelAccess = (): ChannelAccessDef => ({
    channel: pick(channelIds),
    clock: pick(clocks),
    ...opt('note', maybe(text)),
  });
  const target = (levels: readonly string[]): TargetDef => ({
    metric: pick(['firstResponse', 'followUp', 'resolution'] as const),
    ...opt('severities', levels.length === 0 ? undefined : maybe(() => some(levels, 1))),
    duration: g(durations),
    clock: pick(clocks),
    ...opt(
      'role',
      maybe(() => pick(['target', 'typical'] as const)),
    ),
    ...opt(
      'pauseOn',
      maybe(() => some(['waiting_on_customer', 'on_hold'] as const)),
    ),
    ...opt(
      'warnAtPercent',
      maybe(() => [...new Set(times(1, 3, () => int(1, 99)))].sort((a, b) => a - b)),
    ),
    ...opt('note', maybe(text)),
  });

  const planIds = g(ids, 1, 4);
  const plans = record(planIds, (): Mutable<PlanDef> => {
    const severityScale = pick(scaleIds);
    return {
      label: text(),
      ...opt(
        'rank',
        maybe(() => int(1, 100)),
      ),
      severityScale,
      channels: times(0, 3, channelAccess),
      targets: times(0, 4, () => target(levelsOf[severityScale]!)),
      supportHours: g(planHours),
    };
  });

  const addOns = record(g(ids, 0, 3), (): AddOnDef => {
    const availableOn = some(planIds, 1);
    const ownScale = maybe(() => pick(scaleIds));
    // Without its own scale, a target's severities must exist on the scale of every plan it may join.
    const allowed =
      ownScale !== undefined
        ? levelsOf[ownScale]!
        : levelsOf[plans[availableOn[0]!]!.severityScale]!.filter((l) =>
            availableOn.every((p) => levelsOf[plans[p]!.severityScale]!.includes(l)),
          );
    return {
      label: text(),
      price: g(prices),
      availableOn,
      // An add-on with its own scale must replace the targets of any plan on another scale.
      replacesTargets:
        ownScale !== undefined && availableOn.some((p) => plans[p]!.severityScale !== ownScale) ? true : bool(),
      ...opt('severityScale', ownScale),
      channels: times(0, 3, channelAccess),
      targets: times(0, 4, () => target(allowed)),
      routing: { dedicatedAgent: bool(), secondLevelAgents: bool() },
      ...opt(
        'features',
        maybe(() => g(ids, 0, 3).map((id) => ({ id, text: text() }))),
      ),
    };
  });
  // One measured target per metric and level (parsePolicy refuses a second): clashes become typical.
  const measuredOnly = (list: TargetDef[], beside: readonly TargetDef[] = []) => {
    const kept: TargetDef[] = [...beside.filter((t) => t.role !== 'typical')];
    return list.map((t) => {
      if (t.role === 'typical') return t;
      const clash = kept.some(
        (u) =>
          u.metric === t.metric &&
          (!t.severities || !u.severities || t.severities.some((l) => u.severities!.includes(l))),
      );
      if (clash) return { ...t, role: 'typical' as const };
      kept.push(t);
      return t;
    });
  };
  for (const plan of Object.values(plans)) plan.targets = measuredOnly([...(plan.targets ?? [])]);
  // Add-ons may be taken together, so their measured targets may not clash with each other either.
  const taken: TargetDef[] = [];
  for (const addOn of Object.values(addOns) as Mutable<AddOnDef>[]) {
    addOn.targets = measuredOnly(
      [...addOn.targets],
      [...taken, ...(addOn.replacesTargets ? [] : addOn.availableOn.flatMap((p) => plans[p]!.targets ?? []))],
    );
    taken.push(...addOn.targets);
  }
  for (const [planId, plan] of Object.entries(plans)) {
    const available = Object.keys(addOns).filter((a) => addOns[a]!.availableOn.includes(planId));
    const included = maybe(() => some(available));
    if (included !== undefined) plan.includedAddOns = included;
  }

  const customerSuccess = maybe(() => {
    const [a, b] = [int(1, 10), int(1, 10)].sort((x, y) => x - y) as [number, number];
    const inDays = bool();
    const reply = inDays
      ? { expected: `P${a}D`, target: `P${b}D` }
      : { expected: minutesText(a * 60), target: minutesText(b * 60) };
    return {
      reply: { ...reply, clock: pick(clocks) },
      channels: some(channelIds, 1),
      reviews: { cadence: pick(['monthly', 'quarterly', 'yearly'] as const), text: text() },
      outOfScope: g(ids, 0, 3).map((id) => ({ id, text: text() })),
    };
  });
  const scope = maybe(() =>
    g(ids, 0, 4).map((id) => {
      const coverage = pick(['full', 'partial', 'none'] as const);
      return { id, coverage, text: text(), ...opt('stillCovered', coverage === 'partial' ? text() : maybe(text)) };
    }),
  );
  const partners = maybe(() => ({
    integrationSupport: { conditions: g(ids, 1, 3).map((id) => ({ id, text: text() })), escalation: text() },
    ...opt('withoutEndCustomer', maybe(text)),
  }));
  const supportHours = maybe(() => {
    const minimumMinutes = int(1, 120);
    return {
      deduction: {
        minimumMinutes,
        incrementMinutes: int(1, minimumMinutes),
        rounding: pick(['down', 'up', 'nearest'] as const),
        documentationAnswer: pick(['minimum', 'handled'] as const),
        incidents: pick(['free', 'charged'] as const),
        customerSuccess: pick(['free', 'charged'] as const),
        carryOver: g(carryOvers),
      },
    };
  });
  const severityMappings = maybe(() =>
    times(0, 2, () => {
      const [from, to] = [pick(scaleIds), pick(scaleIds)];
      return { from, to, levels: Object.fromEntries(some(levelsOf[from]!).map((l) => [l, pick(levelsOf[to]!)])) };
    }),
  );

  return {
    schemaVersion: 1,
    id: g(oneId),
    name: text(),
    locales: withEs ? ['en', 'es'] : ['en'],
    ...opt(
      'source',
      maybe(() => ({ title: g(sentence), documents: times(1, 2, () => g(sentence)), readOn: g(readOns) })),
    ),
    calendars: record(calendarIds, () => g(calendars)),
    channels: record(channelIds, () => ({ label: text() })),
    severityScales: scales,
    ...opt('severityMappings', severityMappings),
    accountTypes: record(g(ids, 1, 4), () => ({
      label: text(),
      description: text(),
      ...g(accountTypes),
      ...opt(
        'channels',
        maybe(() => some(channelIds, 1)),
      ),
    })),
    plans,
    addOns,
    ...opt('customerSuccess', customerSuccess),
    ...opt('scope', scope),
    ...opt('partners', partners),
    ...opt('supportHours', supportHours),
  };
}

/** A random valid policy definition. */
export const policyArb: fc.Arbitrary<PolicyDefinition> = fc.gen().map(buildPolicy);

/** Every clock reference of a policy (`24/7` included), with its path, in the order cross checks report them. */
export function clockReferences(p: PolicyDefinition): { path: (string | number)[]; clock: string }[] {
  const refs: { path: (string | number)[]; clock: string }[] = [];
  const from = (section: 'plans' | 'addOns', id: string, owner: PlanDef | AddOnDef) => {
    (owner.channels ?? []).forEach((c, i) =>
      refs.push({ path: [section, id, 'channels', i, 'clock'], clock: c.clock }),
    );
    (owner.targets ?? []).forEach((t, i) => {
      if (typeof t.clock === 'string') refs.push({ path: [section, id, 'targets', i, 'clock'], clock: t.clock });
    });
  };
  for (const [id, plan] of Object.entries(p.plans)) from('plans', id, plan);
  for (const [id, addOn] of Object.entries(p.addOns ?? {})) from('addOns', id, addOn);
  if (p.customerSuccess)
    refs.push({ path: ['customerSuccess', 'reply', 'clock'], clock: p.customerSuccess.reply.clock });
  return refs;
}
