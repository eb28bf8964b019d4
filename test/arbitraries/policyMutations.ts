import fc from 'fast-check';

/**
 * fast-check arbitraries for mutations of a policy document, for tests that compare two validators
 * of it: fields deleted, replaced (by values of another type, by values borrowed from elsewhere in
 * the document, by dates that do not exist), keys added (`__proto__`, `constructor`, locales),
 * renamed or duplicated, array items duplicated or swapped, zones in every form, holiday rules and
 * intervals out of order, override rules well-formed or not, texts over their length. Mutations
 * pick their target by index among the candidates of the document they are applied to, so one
 * arbitrary serves every document.
 */

type Json = unknown;
type Container = Record<string, Json> | Json[];
interface Site {
  readonly parent: Container;
  readonly key: string | number;
  readonly value: Json;
}

/** Fields whose values the rules are about: a replacement hits one of them half the time. */
const INTERESTING = new Set([
  'zone',
  'from',
  'to',
  'fromYear',
  'untilYear',
  'month',
  'day',
  'date',
  'readOn',
  'minimumMinutes',
  'incrementMinutes',
  'replacesTargets',
  'expected',
  'target',
  'clock',
  'channel',
  'channels',
  'severityScale',
  'availableOn',
  'includedAddOns',
  'coverage',
  'stillCovered',
  'warnAtPercent',
  'locales',
  'id',
  'rank',
  'duration',
  'severities',
  'affectedUsers',
  'dataLoss',
  'service',
  'businessImpact',
  'workaround',
  'when',
  'unless',
  'requestType',
  'decides',
  'role',
  'metric',
  'nth',
  'weekday',
  'offsetDays',
  'weekdays',
  'kind',
  'en',
  'es',
]);

const SCALARS: Json[] = [
  null,
  true,
  false,
  0,
  1,
  -1,
  1.5,
  2,
  4,
  12,
  13,
  15,
  29,
  30,
  31,
  60,
  75,
  90,
  99,
  100,
  1440,
  1441,
  1899,
  2026,
  2400,
  1e6,
  '',
  'x',
  'en',
  'es',
  'EN',
  'pt-BR',
  'PT2H',
  'PT30M',
  'PT',
  'P0D',
  'P1D',
  'P3D',
  'PT1H30M',
  'P1DT2H',
  'PT12.5H',
  '24/7',
  '08:00',
  '18:00',
  '24:00',
  '25:00',
  '8:00',
  '2026-02-28',
  '2026-02-29',
  '2024-02-29',
  '2026-13-01',
  'yesterday',
  'Europe/Madrid',
  'europe/madrid',
  'last',
  'fixed',
  'range',
  'date',
  'easter',
  'partial',
  'full',
  'none',
  'all',
  'down',
  'target',
  'typical',
  'firstResponse',
  'resolution',
  'before_levels',
  'constructor',
  '__proto__',
];
const valueArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...SCALARS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Json>([], {}, ['en'], { en: 'x' }, [['08:00', '18:00']], [75, 90], [90, 75]),
  },
);

/** Keys an added or renamed entry gets: prototype keys, locales, ids, malformed keys. */
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'es',
  'fr',
  'EN',
  'english',
  'extra',
  'x1',
  'Abc',
  'a b',
  '2026-02-30',
  '2024-02-29',
  '2025-02-29',
  '8',
  '1',
  'premium',
  'support-hours',
];

/** Zone names in every form: listed, aliases, other case, fixed offsets, unknown, machine-dependent. */
export const ZONES = [
  'Europe/Madrid',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Calcutta',
  'Europe/Kyiv',
  'Europe/Kiev',
  'US/Eastern',
  'Etc/GMT+5',
  'Etc/UTC',
  'GMT',
  'UTC',
  'UTC+01:00',
  'UTC-03:30',
  'UTC+14:00',
  'UTC-12:00',
  'europe/madrid',
  'EUROPE/MADRID',
  'america/new_york',
  'asia/kolkata',
  'us/eastern',
  'utc',
  'Utc',
  'utc+01:00',
  'gmt',
  'PST',
  'IST',
  'SystemV/EST5',
  'Europe/Madird',
  'Mars/Olympus',
  'Local',
  'local',
  'system',
  'Factory',
  'UTC+15:00',
  'UTC+1',
  'UTC+01:60',
  '',
  'Europe/',
  '../etc/passwd',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** `YYYY-MM-DD` texts around every edge: leap and common years, month 0 and 13, day 0, 29, 30, 32. */
const dateArb = fc
  .tuple(
    fc.constantFrom(0, 1900, 2000, 2024, 2025, 2026, 2027, 2100, 9999),
    fc.integer({ min: 0, max: 13 }),
    fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31)),
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const yearArb = fc.constantFrom(1899, 1900, 2000, 2025, 2026, 2027, 2399, 2400);
const holidayArb: fc.Arbitrary<Json> = fc.oneof(
  fc
    .record({ month: fc.integer({ min: 0, max: 13 }), day: fc.integer({ min: 0, max: 32 }) })
    .map(({ month, day }) => ({ kind: 'fixed', month, day, name: 'f' })),
  fc
    .record({ month: fc.constantFrom(1, 2, 4, 12), day: fc.constantFrom(1, 29, 30, 31), from: yearArb, until: yearArb })
    .map(({ month, day, from, until }) => ({ kind: 'fixed', month, day, name: 'f', fromYear: from, untilYear: until })),
  fc.record({ from: yearArb, until: yearArb }).map(({ from, until }) => ({
    kind: 'easter',
    offsetDays: -2,
    name: 'e',
    fromYear: from,
    untilYear: until,
  })),
  fc.record({ from: dateArb, to: dateArb }).map(({ from, to }) => ({ kind: 'range', from, to, name: 'r' })),
  fc
    .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 3 }))
    .map(([d, back]) => ({ kind: 'range', from: `2026-03-${pad(d + back)}`, to: `2026-03-${pad(d)}`, name: 'r' })),
  dateArb.map((date) => ({ kind: 'date', date, name: 'd' })),
);
/** Override rules, well-formed or not: every kind, with and without a month, weekdays and year bounds. */
const overrideRuleArb: fc.Arbitrary<Json> = fc
  .record(
    {
      kind: fc.constantFrom('fixed', 'nthWeekday', 'easter', 'range', 'date'),
      month: fc.constantFrom(1, 2, 4, 12, 0, 13),
      day: fc.constantFrom(1, 29, 30, 31, 32),
      weekday: fc.constantFrom(1, 5, 7, 8),
      nth: fc.constantFrom(1, 5, 6, 'last'),
      offsetDays: fc.constantFrom(-3, 201),
      from: dateArb,
      to: dateArb,
      fromYear: yearArb,
      untilYear: yearArb,
      weekdays: fc.constantFrom([1, 2, 3, 4, 5], [6], [], [0], [8], [1, 1]),
      open: fc.constantFrom(
        [],
        [['09:00', '14:00']],
        [
          ['09:00', '14:00'],
          ['13:00', '15:00'],
        ],
        [['9:00', '14:00']],
      ),
      name: fc.constantFrom('Christmas Eve', ''),
    },
    { requiredKeys: ['kind', 'open'] },
  )
  .map((rule) => {
    // Keep mostly the fields of the rule's kind, so that many rules are valid.
    const fields: Record<string, readonly string[]> = {
      fixed: ['month', 'day'],
      nthWeekday: ['month', 'weekday', 'nth'],
      easter: ['offsetDays'],
      range: ['from', 'to'],
      date: ['from'],
    };
    const keep = new Set(['kind', 'open', 'name', 'weekdays', ...fields[rule.kind]!]);
    if (rule.kind !== 'range') keep.add('fromYear').add('untilYear');
    return Object.fromEntries(Object.entries(rule).filter(([key]) => keep.has(key)));
  });
const TIMES = [
  '00:00',
  '00:30',
  '08:00',
  '09:00',
  '12:00',
  '13:00',
  '18:00',
  '22:00',
  '23:59',
  '24:00',
  '8:00',
  '25:00',
];
const intervalArb = fc.tuple(fc.constantFrom(...TIMES), fc.constantFrom(...TIMES));
const longTextArb = fc.oneof(
  fc.integer({ min: 2001, max: 4000 }).map((n) => '😀'.repeat(n)),
  fc.integer({ min: 101, max: 200 }).map((n) => '😀'.repeat(n)),
  fc.constant('x'.repeat(4001)),
);

/** One mutation; `pick` chooses its target among the document's candidates. */
export type Mutation =
  | { readonly op: 'replace'; readonly pick: number; readonly focus: boolean; readonly value: Json }
  | { readonly op: 'borrow' | 'swapItems'; readonly pick: number; readonly pick2: number }
  | { readonly op: 'delete' | 'duplicateItem'; readonly pick: number }
  | { readonly op: 'addKey'; readonly pick: number; readonly key: string; readonly copy: boolean; readonly value: Json }
  | { readonly op: 'renameKey'; readonly pick: number; readonly key: string }
  | { readonly op: 'zone' | 'date' | 'longText'; readonly pick: number; readonly value: string }
  | { readonly op: 'holiday' | 'overrideRule'; readonly pick: number; readonly value: Json }
  | { readonly op: 'interval'; readonly pick: number; readonly value: readonly [string, string] };

const pick = fc.nat();
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant('replace' as const), pick, focus: fc.boolean(), value: valueArb }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('borrow' as const), pick, pick2: pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swapItems' as const), pick, pick2: pick }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicateItem' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('addKey' as const),
      pick,
      key: fc.constantFrom(...KEYS),
      copy: fc.boolean(),
      value: valueArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('renameKey' as const), pick, key: fc.constantFrom(...KEYS) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('zone' as const), pick, value: fc.constantFrom(...ZONES) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('date' as const), pick, value: dateArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('holiday' as const), pick, value: holidayArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('overrideRule' as const), pick, value: overrideRuleArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('interval' as const), pick, value: intervalArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('longText' as const), pick, value: longTextArb }) },
);

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isContainer = (v: Json): v is Container => typeof v === 'object' && v !== null;

/** Every value below the root, with its parent and key. */
function sites(root: Json): Site[] {
  const out: Site[] = [];
  const walk = (v: Json) => {
    if (!isContainer(v)) return;
    for (const [k, child] of Object.entries(v)) {
      const key = Array.isArray(v) ? Number(k) : k;
      out.push({ parent: v, key, value: child });
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** Sets an own, enumerable property, as `JSON.parse` does (so `__proto__` is a key, not the prototype). */
function setOwn(target: Container, key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
const choose = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];
const copy = (v: Json): Json => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const calendarsOf = (doc: Json) => Object.values(isObject(doc) && isObject(doc['calendars']) ? doc['calendars'] : {});
/** Interval lists: weekdays', overrides' and override rules' `open`. */
const intervalLists = (doc: Json) =>
  calendarsOf(doc).flatMap((c) => {
    if (!isObject(c)) return [];
    const week = isObject(c['week']) ? Object.values(c['week']) : [];
    const overrides = isObject(c['overrides'])
      ? Object.values(c['overrides']).map((o) => isObject(o) && o['open'])
      : [];
    const rules = Array.isArray(c['overrideRules']) ? c['overrideRules'].map((r) => isObject(r) && r['open']) : [];
    return [...week, ...overrides, ...rules].filter(Array.isArray);
  });

function apply(doc: Json, m: Mutation): void {
  const all = sites(doc);
  switch (m.op) {
    case 'replace': {
      const focused = all.filter((s) => INTERESTING.has(String(s.key)));
      const site = choose(m.focus && focused.length > 0 ? focused : all, m.pick);
      if (site) setOwn(site.parent, site.key, copy(m.value));
      return;
    }
    case 'borrow': {
      const strings = all.filter((s) => typeof s.value === 'string');
      const site = choose(strings, m.pick);
      const from = choose(strings, m.pick2);
      if (site && from) setOwn(site.parent, site.key, from.value);
      return;
    }
    case 'delete': {
      const site = choose(all, m.pick);
      if (site && Array.isArray(site.parent)) site.parent.splice(Number(site.key), 1);
      else if (site) delete (site.parent as Record<string, Json>)[site.key];
      return;
    }
    case 'duplicateItem': {
      const list = choose(
        all.map((s) => s.value).filter((v): v is Json[] => Array.isArray(v) && v.length > 0),
        m.pick,
      );
      if (list) list.push(copy(list[m.pick % list.length]));
      return;
    }
    case 'swapItems': {
      const list = choose(
        all.map((s) => s.value).filter((v): v is Json[] => Array.isArray(v) && v.length > 1),
        m.pick,
      );
      if (!list) return;
      const [i, j] = [m.pick % list.length, m.pick2 % list.length];
      [list[i], list[j]] = [list[j], list[i]];
      return;
    }
    case 'addKey': {
      const objects = [doc, ...all.map((s) => s.value)].filter(isObject);
      const target = choose(objects, m.pick);
      if (!target) return;
      const sibling = Object.values(target)[0];
      setOwn(target, m.key, copy(m.copy && sibling !== undefined ? sibling : m.value));
      return;
    }
    case 'renameKey': {
      const site = choose(
        all.filter((s) => !Array.isArray(s.parent)),
        m.pick,
      );
      if (!site) return;
      delete (site.parent as Record<string, Json>)[site.key];
      setOwn(site.parent, m.key, site.value);
      return;
    }
    case 'zone': {
      const calendar = choose(calendarsOf(doc).filter(isObject), m.pick);
      if (calendar) calendar['zone'] = m.value;
      return;
    }
    case 'date': {
      const dated = all.filter((s) => typeof s.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.value));
      const site = choose(dated, m.pick);
      if (site) setOwn(site.parent, site.key, m.value);
      else {
        const calendar = choose(calendarsOf(doc).filter(isObject), m.pick);
        if (calendar) calendar['overrides'] = { [m.value]: { open: [] } };
      }
      return;
    }
    case 'holiday':
    case 'overrideRule': {
      const calendar = choose(calendarsOf(doc).filter(isObject), m.pick);
      if (!calendar) return;
      const field = m.op === 'holiday' ? 'holidays' : 'overrideRules';
      const list = Array.isArray(calendar[field]) ? calendar[field] : (calendar[field] = []);
      list.push(copy(m.value));
      return;
    }
    case 'interval': {
      const lists = intervalLists(doc);
      const list = choose(lists, m.pick);
      if (list) list.push([...m.value]);
      return;
    }
    case 'longText': {
      // A text (by locale) or a name: the strings whose limits count characters.
      const site = choose(
        all.filter((s) => typeof s.value === 'string' && (s.key === 'name' || Object.hasOwn(s.parent, 'en'))),
        m.pick,
      );
      if (site) setOwn(site.parent, site.key, m.value);
      return;
    }
  }
}

/** The JSON text of each base document, made once. */
const texts = new WeakMap<object, string>();

/**
 * A copy of `base` with the mutations applied in order, passed through `JSON.stringify` and
 * `JSON.parse` as a service receives it (added `__proto__` keys arrive as own keys).
 */
export function mutate(base: object, mutations: readonly Mutation[]): Json {
  let text = texts.get(base);
  if (text === undefined) texts.set(base, (text = JSON.stringify(base)));
  const doc: Json = JSON.parse(text);
  for (const m of mutations) apply(doc, m);
  return JSON.parse(JSON.stringify(doc));
}
