import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

/**
 * Every exported function, every argument slot (and the fields inside the records they take),
 * filled with hostile values: the only acceptable outcomes are an answer or a SupportPolicyError,
 * quickly. A bare TypeError, a RangeError, a stack overflow or a hang fails the property. (An
 * exception the caller's own code raises, from a getter or a Proxy trap, is the caller's and
 * passes through unchanged: docs/decisions.md.)
 */

const {
  parsePolicy,
  parsePolicyVersions,
  standardSupport,
  dedicatedSupport,
  compileCalendar,
  spainNationalHolidays,
  createLedger,
  replay,
  startTicket,
  advance,
  measureMany,
} = api;

const policy = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);
const versions = parsePolicyVersions({ versions: [{ ...standardSupport, version: 'v1' }] });
const calendar = compileCalendar({
  zone: 'Europe/Madrid',
  week: { 1: [['08:00', '18:00']], 3: [['22:00', '06:00']] },
  holidays: [spainNationalHolidays],
});
const monday9 = Date.parse('2026-01-05T08:00:00Z');
const premium = { type: 'direct', plan: 'premium' };
const created = { kind: 'created', at: monday9, severity: 'minor' } as const;
const reply = { kind: 'reply', at: monday9 + 3_600_000, author: 'agent' } as const;
const at = (iso: string) => Date.parse(`${iso}Z`);
const ledgerEvents: api.LedgerEvent[] = [
  {
    id: 'g',
    kind: 'package_granted',
    account: 'acme',
    at: at('2026-01-01T00:00'),
    year: '2026',
    from: at('2026-01-01T00:00'),
    to: at('2027-01-01T00:00'),
    minutes: 600,
  },
  {
    id: 'o',
    kind: 'conversation_opened',
    account: 'acme',
    at: at('2026-02-03T09:00'),
    conversation: 'T-1',
    channel: 'ticket',
  },
  { id: 'h', kind: 'time_handled', account: 'acme', at: at('2026-02-03T09:40'), conversation: 'T-1', minutes: 25 },
];
const ledger = replay(createLedger(policy), ledgerEvents);
const state = advance(startTicket(policy, premium), created);
const columns = measureMany(policy, [{ account: premium, events: [created, reply] }], monday9 + 7_200_000, {
  format: 'columns',
});
const results = measureMany(policy, [{ account: premium, events: [created, reply] }], monday9 + 7_200_000);

function cyclicObject(): unknown {
  const o: Record<string, unknown> = { kind: 'created', at: monday9 };
  o['self'] = o;
  return o;
}

function cyclicList(): unknown {
  const list: unknown[] = [];
  list.push(list);
  return list;
}

function deep(levels: number, asArray: boolean): unknown {
  let o: unknown = {};
  for (let i = 0; i < levels; i++) o = asArray ? [o] : { next: o, at: o };
  return o;
}

class Instance {
  readonly type = 'created';
  readonly at = monday9;
}

/**
 * The probe's kinds of hostile value, and random ones, each with a label (a value such as a
 * throwing Proxy cannot be printed in a counterexample) and made afresh for every run.
 */
const hostile: fc.Arbitrary<readonly [string, () => unknown]> = fc.oneof(
  fc.constantFrom<readonly [string, () => unknown]>(
    ['undefined', () => undefined],
    ['null', () => null],
    ['Number.NaN', () => Number.NaN],
    ['Number.POSITIVE_INFINITY', () => Number.POSITIVE_INFINITY],
    ['Number.NEGATIVE_INFINITY', () => Number.NEGATIVE_INFINITY],
    ['-0', () => -0],
    ['1.5', () => 1.5],
    ['-1', () => -1],
    ['2 ** 53', () => 2 ** 53],
    ['Number.MAX_VALUE', () => Number.MAX_VALUE],
    ['10n', () => 10n],
    ['""', () => ''],
    ['"x"', () => 'x'],
    ['"__proto__"', () => '__proto__'],
    ['"Europe/Madird"', () => 'Europe/Madird'],
    ['"PT2H"', () => 'PT2H'],
    ['Symbol("hostile")', () => Symbol('hostile')],
    ['() => 1', () => () => 1],
    ['[]', () => []],
    ['[null]', () => [null]],
    ['({})', () => ({})],
    ['Object.create(null)', () => Object.create(null) as unknown],
    [
      'Object.create({ certified: true, kind: "created" })',
      () => Object.create({ certified: true, kind: 'created' }) as unknown,
    ],
    [
      'JSON.parse("{"__proto__": {"polluted": true}}")',
      () => JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
    ],
    ['new Map()', () => new Map()],
    ['new Instance()', () => new Instance()],
    ['new Date(Number.NaN)', () => new Date(Number.NaN)],
    ['new Date(8.64e15)', () => new Date(8.64e15)],
    ['DateTime.invalid("hostile")', () => DateTime.invalid('hostile')],
    ['DateTime.fromMillis(0)', () => DateTime.fromMillis(0)],
    ['Object.freeze([1, 2, 3])', () => Object.freeze([1, 2, 3])],
    ['new Array(5)', () => new Array(5)],
    ['cyclicObject', cyclicObject],
    ['cyclicList', cyclicList],
    ['deep(10_000, false)', () => deep(10_000, false)],
    ['deep(10_000, true)', () => deep(10_000, true)],
    ['an empty Proxy', () => new Proxy({}, {})],
    ['a Proxy of an event', () => new Proxy({ ...created }, {})],
  ),
  fc
    .anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withDate: true, maxDepth: 3 })
    .map((value) => [fc.stringify(value), () => value] as const),
);

type Call = (x: unknown) => unknown;

/** Puts `x` at `path` inside a structured copy of `base` (or replaces `base` for an empty path). */
function placed(base: unknown, path: readonly (string | number)[], x: unknown): unknown {
  if (path.length === 0) return x;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<string | number, unknown>;
  copy[head] = placed(copy[head], rest, x);
  return copy;
}

/** Every slot of every exported function: the argument list with `x` put in one place. */
function slots(): [string, Call][] {
  const out: [string, Call][] = [];
  const add = (name: string, args: unknown[], fn: (...a: unknown[]) => unknown, fields: (string | number)[][] = []) => {
    args.forEach((_, i) => out.push([`${name} arg ${i}`, (x) => fn(...args.map((a, k) => (k === i ? x : a)))]));
    for (const field of fields) {
      const [i, ...rest] = field as [number, ...(string | number)[]];
      out.push([
        `${name} arg ${i}.${rest.join('.')}`,
        (x) => fn(...args.map((a, k) => (k === i ? placed(a, rest, x) : a))),
      ]);
    }
  };
  const f = api as unknown as Record<string, (...a: unknown[]) => unknown>;
  add('toEpochMs', [monday9, 'at'], f['toEpochMs']!);
  add('compileCalendar', [{ zone: 'UTC', week: { 1: [['08:00', '18:00']] } }], f['compileCalendar']!, [
    [0, 'zone'],
    [0, 'week'],
    [0, 'week', 1, 0],
    [0, 'holidays'],
    [0, 'overrides'],
  ]);
  for (const method of ['isOpen', 'nextOpening', 'nextClosing'] as const) {
    add(`calendar.${method}`, [monday9], (...a) => (calendar[method] as Call)(a[0]));
  }
  for (const method of ['add', 'subtract', 'addBusinessDays', 'between', 'openIntervals'] as const) {
    const second = method === 'between' || method === 'openIntervals' ? monday9 + 86_400_000 : 3_600_000;
    add(`calendar.${method}`, [monday9, second], (...a) =>
      (calendar[method] as (p: unknown, q: unknown) => unknown)(a[0], a[1]),
    );
  }
  add('calendar.holidaysIn', [2026], (...a) => calendar.holidaysIn(a[0] as number));
  add('parsePolicy', [standardSupport], f['parsePolicy']!, [
    [0, 'id'],
    [0, 'locales'],
    [0, 'calendars'],
    [0, 'plans'],
    [0, 'sla'],
  ]);
  add('safeParsePolicy', [dedicatedSupport], f['safeParsePolicy']!, [[0, 'plans']]);
  add('parsePolicyVersions', [{ versions: [{ ...standardSupport, version: 'v1' }] }], f['parsePolicyVersions']!, [
    [0, 'versions'],
  ]);
  add('policyInForce', [versions, monday9], f['policyInForce']!);
  add('policyFingerprint', [versions], f['policyFingerprint']!);
  add('parseDuration', ['PT2H'], f['parseDuration']!);
  add('resolveEntitlement', [policy, premium, { now: monday9, locale: 'es' }], f['resolveEntitlement']!, [
    [1, 'type'],
    [1, 'plan'],
    [1, 'addOns'],
    [1, 'partner'],
    [2, 'now'],
    [2, 'locale'],
  ]);
  add('classify', [policy, { service: 'down', workaround: false }, { locale: 'es' }], f['classify']!, [
    [1, 'service'],
    [2, 'scale'],
    [2, 'locale'],
  ]);
  add('assessScope', [policy, { topics: ['client-formulas'] }, { locale: 'es' }], f['assessScope']!, [
    [1, 'topics'],
    [1, 'topics', 0],
  ]);
  add(
    'assessPartnerEligibility',
    [policy, { conditions: { certified: true }, escalatedToTechnicalTeam: true }, {}],
    f['assessPartnerEligibility']!,
    [
      [1, 'conditions'],
      [1, 'conditions', 'certified'],
      [1, 'escalatedToTechnicalTeam'],
    ],
  );
  add('routeRequest', [policy, premium, monday9, { locale: 'es' }], f['routeRequest']!, [
    [1, 'type'],
    [3, 'locale'],
  ]);
  add('createLedger', [policy], f['createLedger']!);
  add('applyEvent', [ledger, ledgerEvents[2]], f['applyEvent']!, [
    [1, 'kind'],
    [1, 'at'],
    [1, 'minutes'],
    [1, 'account'],
  ]);
  add('replay', [createLedger(policy), ledgerEvents], f['replay']!, [
    [1, 0],
    [1, 0, 'from'],
    [1, 1, 'channel'],
  ]);
  add('balances', [ledger, 'acme', { asOf: monday9 }], f['balances']!, [[2, 'asOf']]);
  add(
    'statement',
    [ledger, 'acme', { from: at('2026-01-01T00:00'), to: at('2027-01-01T00:00'), asOf: monday9 }],
    f['statement']!,
    [
      [2, 'from'],
      [2, 'to'],
      [2, 'asOf'],
    ],
  );
  add('measure', [policy, premium, [created, reply], monday9 + 7_200_000, { explain: true }], f['measure']!, [
    [1, 'plan'],
    [2, 0],
    [2, 1],
    [2, 0, 'at'],
    [2, 0, 'severity'],
    [2, 1, 'author'],
    [2, 1, 'type'],
    [4, 'explain'],
  ]);
  add(
    'measureMany',
    [dedicated, [{ account: { type: 'direct', plan: 'all_inclusive' }, events: [created] }], monday9, {}],
    f['measureMany']!,
    [
      [1, 0],
      [1, 0, 'account'],
      [1, 0, 'events'],
      [1, 0, 'events', 0, 'at'],
      [3, 'format'],
    ],
  );
  add(
    'compareDeadlines',
    [policy, versions, [{ id: 'T-1', account: premium, events: [created, reply] }], monday9 + 7_200_000],
    f['compareDeadlines']!,
    [
      [2, 0],
      [2, 0, 'id'],
      [2, 0, 'account'],
      [2, 0, 'events'],
    ],
  );
  // A stream answers as its chunks are read: they are read here, so that every ticket is met.
  const stream = (...a: unknown[]) => [...(f['measureStream']!(...a) as Iterable<unknown>)];
  add(
    'measureStream',
    [dedicated, [{ account: { type: 'direct', plan: 'all_inclusive' }, events: [created] }], monday9, { chunkSize: 1 }],
    stream,
    [
      [1, 0],
      [1, 0, 'account'],
      [1, 0, 'events', 0, 'at'],
      [3, 'format'],
      [3, 'chunkSize'],
      [3, 'invalid'],
    ],
  );
  add('columnsToResults', [columns], f['columnsToResults']!, [
    [0, 'tickets'],
    [0, 'targets', 'state'],
    [0, 'warnings', 'length'],
  ]);
  add('startTicket', [policy, premium], f['startTicket']!, [[1, 'addOns']]);
  add('advance', [state, reply], f['advance']!, [
    [1, 'at'],
    [1, 'author'],
  ]);
  add('measureState', [state, monday9 + 60_000, { explain: true }], f['measureState']!, [[2, 'explain']]);
  add('restoreState', [policy, JSON.parse(JSON.stringify(state))], f['restoreState']!, [
    [1, 'format'],
    [1, 'policy'],
    [1, 'policy', 'fingerprint'],
    [1, 'account'],
    [1, 'events'],
    [1, 'events', 0],
    [1, 'events', 0, 'at'],
  ]);
  add('complianceReport', [results, { period: 'week', zone: 'Europe/Madrid' }], f['complianceReport']!, [
    [0, 0],
    [0, 0, 'targets'],
    [1, 'period'],
    [1, 'zone'],
  ]);
  const explained = api.measure(policy, premium, [created, reply], monday9 + 7_200_000, { explain: true }).targets[0]!;
  add(
    'drawDeadline',
    [explained, { events: [created, reply], locale: 'es', zone: 'Europe/Madrid' }],
    f['drawDeadline']!,
    [
      [0, 'id'],
      [0, 'spans'],
      [0, 'spans', 0],
      [0, 'spans', 0, 'from'],
      [0, 'spans', 0, 'holiday'],
      [0, 'thresholds', 0],
      [0, 'thresholds', 0, 'at'],
      [0, 'zone'],
      [0, 'summary'],
      [0, 'duration'],
      [1, 'events'],
      [1, 'events', 0],
      [1, 'events', 1, 'at'],
      [1, 'locale'],
      [1, 'width'],
      [1, 'zone'],
    ],
  );
  add('isSupportPolicyError', [new Error('x')], f['isSupportPolicyError']!);
  return out;
}

const all = slots();

describe('every exported function answers or refuses with a typed error', () => {
  it('covers every exported function', () => {
    const functions = Object.entries(api)
      .filter(([, v]) => typeof v === 'function' && !/Error$/.test(v.name) && v !== api.BusinessCalendar)
      .map(([name]) => name);
    const probed = new Set(all.map(([slot]) => slot.split(' ')[0]));
    expect(functions.filter((name) => !probed.has(name))).toEqual([]);
    expect(all.length).toBeGreaterThan(100);
  });

  it('hostile values in any slot: an answer or a SupportPolicyError, within seconds', () => {
    let slowest = 0;
    fc.assert(
      fc.property(fc.constantFrom(...all), hostile, ([slot, call], [, make]) => {
        const x = make();
        const started = performance.now();
        try {
          call(x);
        } catch (error) {
          if (!api.isSupportPolicyError(error)) {
            throw new Error(`${slot}: ${String((error as Error)?.name)}: ${String((error as Error)?.message)}`, {
              cause: error,
            });
          }
        }
        const took = performance.now() - started;
        slowest = Math.max(slowest, took);
        if (took > 5_000) throw new Error(`${slot}: took ${Math.round(took)} ms`);
      }),
      { numRuns: 3_000 },
    );
    expect(slowest).toBeGreaterThan(0);
  }, 120_000);
});
