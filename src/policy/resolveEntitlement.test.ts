import { DateTime } from 'luxon';
import { errorOf } from '../../test/fixtures/errors.js';
import { describe, expect, it } from 'vitest';
import {
  type AccountDefinition,
  type Entitlement,
  parsePolicy,
  resolveEntitlement,
  standardSupport,
} from '../index.js';

const standard = parsePolicy(standardSupport);
const madrid = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toMillis();

/** The value at a path inside a document. */
const at = (root: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[String(k)] : undefined),
    root,
  );
const summary = (e: Entitlement) =>
  e.targets.map((s) => [s.severity.id, s.targets.map((t) => `${t.metric} ${t.role} ${t.duration.iso} ${t.clock}`)]);

describe('resolveEntitlement: account types of standardSupport', () => {
  it('a direct Enterprise customer: chat and ticket, PT2H target and PT5M typical on every severity, vendor first, plan hours, direct CS', () => {
    const e = resolveEntitlement(standard, { type: 'direct', plan: 'enterprise' });
    expect(e.accountType).toEqual({ id: 'direct', label: 'Direct customer' });
    expect(e.plan).toEqual({ id: 'enterprise', label: 'Enterprise' });
    expect(e.addOns).toEqual([]);
    expect(e.channels.map((c) => `${c.channel} ${c.clock} ${c.source.kind}:${c.source.id}`)).toEqual([
      'chat support-hours plan:enterprise',
      'ticket support-hours plan:enterprise',
    ]);
    expect(e.channels.every((c) => !('openNow' in c) && !('nextOpening' in c))).toBe(true); // no `now`, no state
    expect(e.severityScale).toBe('incident');
    const both = ['firstResponse target PT2H support-hours', 'firstResponse typical PT5M support-hours'];
    expect(summary(e)).toEqual([
      ['critical', both],
      ['major', both],
      ['minor', both],
    ]);
    expect(e.targets[0]?.targets.map((t) => t.duration)).toEqual([
      { kind: 'time', iso: 'PT2H', ms: 7_200_000 },
      { kind: 'time', iso: 'PT5M', ms: 300_000 },
    ]);
    expect(e.firstLine).toEqual({ by: 'vendor', vendorTickets: 'yes' });
    expect(e.routing).toEqual({ dedicatedAgent: false, secondLevelAgents: false });
    expect(e.supportHours).toEqual({ from: 'plan', package: { kind: 'per_contract' } });
    expect(e.customerSuccess).toBe('direct');
  });

  it('Starter and Connect provider accounts get a 1-business-day target (P1D)', () => {
    for (const plan of ['starter', 'connect_provider']) {
      const e = resolveEntitlement(standard, { type: 'direct', plan });
      expect(e.targets.flatMap((s) => s.targets.map((t) => t.duration))).toEqual(
        [1, 2, 3].map(() => ({ kind: 'businessDays', iso: 'P1D', days: 1 })),
      );
    }
  });

  it('an account type whose targets or hours come from the plan needs a plan (invalid_account)', () => {
    const err = errorOf(() => resolveEntitlement(standard, { type: 'direct' }));
    expect([err.code, err.path]).toEqual(['invalid_account', ['account', 'plan']]);
  });

  it('an indirect customer must name its managing partner (invalid_account)', () => {
    for (const partner of [undefined, '']) {
      const account: AccountDefinition =
        partner === undefined ? { type: 'indirect', plan: 'premium' } : { type: 'indirect', plan: 'premium', partner };
      const err = errorOf(() => resolveEntitlement(standard, account));
      expect([err.code, err.path]).toEqual(['invalid_account', ['account', 'partner']]);
    }
  });

  it('an indirect customer: the partner is first line, vendor tickets in some cases, no target, partner hours, CS through the partner', () => {
    const e = resolveEntitlement(standard, { type: 'indirect', plan: 'premium', partner: 'acme' });
    expect(e.firstLine).toEqual({ by: 'partner', partner: 'acme', vendorTickets: 'some_cases' });
    expect(e.targets).toEqual([]);
    expect(e.severityScale).toBeNull();
    expect(e.supportHours).toEqual({ from: 'partner_pool', partner: 'acme' });
    expect(e.customerSuccess).toBe('through_partner');
    expect(e.reasons.map((r) => r.rule)).toContain('accountType.targets.none');
  });

  it('an indirect customer on a plan gets only the vendor\'s ticket channel ("in some cases"), never the plan\'s live chat', () => {
    const e = resolveEntitlement(standard, { type: 'indirect', plan: 'enterprise', partner: 'acme' });
    expect(e.channels.map((c) => c.channel)).toEqual(['ticket']);
    expect(e.targets).toEqual([]);
  });

  it('an indirect customer needs no plan: no plan, no channel, no target', () => {
    const e = resolveEntitlement(standard, { type: 'indirect', partner: 'acme' });
    expect([e.plan, e.channels, e.targets]).toEqual([null, [], []]);
  });

  it("a Solution Partner: vendor first line, its plan's targets, hours from its own pool, direct CS", () => {
    const e = resolveEntitlement(standard, { type: 'solution_partner', plan: 'premium' });
    expect(e.firstLine).toEqual({ by: 'vendor', vendorTickets: 'yes' });
    const both = ['firstResponse target PT12H support-hours', 'firstResponse typical PT4H support-hours'];
    expect(summary(e)).toEqual([
      ['critical', both],
      ['major', both],
      ['minor', both],
    ]);
    expect(e.supportHours).toEqual({ from: 'partner_pool' });
    expect(e.customerSuccess).toBe('direct');
  });

  it('a Technology Partner: no plan needed, no target, no hours, no CS', () => {
    const e = resolveEntitlement(standard, { type: 'technology_partner' });
    expect([e.plan, e.targets, e.supportHours, e.customerSuccess]).toEqual([null, [], { from: 'none' }, 'none']);
  });
});

describe('resolveEntitlement: unknown references', () => {
  it.each([
    ['an unknown account type', { type: 'reseller', plan: 'premium' }, ['account', 'type']],
    ['an unknown plan', { type: 'direct', plan: 'gold' }, ['account', 'plan']],
    ['an unknown add-on', { type: 'direct', plan: 'enterprise', addOns: ['priority'] }, ['account', 'addOns', '0']],
    [
      'an add-on of the other preset (presets never mix)',
      { type: 'direct', plan: 'enterprise', addOns: ['dedicated_support'] },
      ['account', 'addOns', '0'],
    ],
  ] as const)('%s is rejected with unknown_reference and its path', (_, account, path) => {
    const err = errorOf(() => resolveEntitlement(standard, account));
    expect(err.code).toBe('unknown_reference');
    expect(err.path.map(String)).toEqual(path);
  });
});

describe('resolveEntitlement: locale', () => {
  it("locale 'es' on standardSupport gives Spanish labels, without fallback", () => {
    const e = resolveEntitlement(standard, { type: 'direct', plan: 'premium' }, { locale: 'es' });
    expect([e.locale, e.localeFallback]).toEqual(['es', false]);
    expect(e.accountType.label).toBe('Cliente directo');
    expect(e.channels.map((c) => c.label)).toEqual(['Ticket de soporte', 'Correo electrónico']);
    expect(e.targets.map((s) => s.severity.label)).toEqual(['Crítico', 'Mayor', 'Menor']);
  });

  it('without a locale, or with en, texts are English without fallback', () => {
    for (const options of [{}, { locale: 'en' }]) {
      const e = resolveEntitlement(standard, { type: 'direct', plan: 'premium' }, options);
      expect([e.locale, e.localeFallback, e.targets[0]?.severity.label]).toEqual(['en', false, 'Critical']);
    }
  });
});

describe('resolveEntitlement: channel state at `now`', () => {
  const enterprise = { type: 'direct', plan: 'enterprise' } as const;

  it('a business-hours channel is closed on Saturday and next opens on Monday 08:00 Madrid', () => {
    const e = resolveEntitlement(standard, enterprise, { now: madrid('2026-11-28T12:00') });
    const monday = madrid('2026-11-30T08:00');
    expect(monday).toBe(Date.UTC(2026, 10, 30, 7, 0));
    expect(e.channels.map((c) => [c.channel, c.openNow, c.nextOpening])).toEqual([
      ['chat', false, monday],
      ['ticket', false, monday],
    ]);
  });

  it('a business-hours channel is open on Monday 10:00 Madrid, and its next opening is now', () => {
    const now = madrid('2026-11-30T10:00');
    const e = resolveEntitlement(standard, enterprise, { now });
    expect(e.channels.map((c) => [c.openNow, c.nextOpening])).toEqual([
      [true, now],
      [true, now],
    ]);
  });

  it('on Good Friday the channels are closed until Monday 08:00 Madrid (Easter Monday is not a national holiday)', () => {
    const e = resolveEntitlement(standard, enterprise, { now: madrid('2026-04-03T10:00') });
    expect(e.channels.map((c) => [c.openNow, c.nextOpening])).toEqual([
      [false, madrid('2026-04-06T08:00')],
      [false, madrid('2026-04-06T08:00')],
    ]);
  });

  it('now may be a Date or a luxon DateTime: the answer is the same epoch ms', () => {
    const ms = madrid('2026-11-28T12:00');
    const expected = resolveEntitlement(standard, enterprise, { now: ms }).channels;
    expect(resolveEntitlement(standard, enterprise, { now: new Date(ms) }).channels).toEqual(expected);
    expect(
      resolveEntitlement(standard, enterprise, { now: DateTime.fromMillis(ms, { zone: 'Asia/Tokyo' }) }).channels,
    ).toEqual(expected);
  });

  it('an invalid now (NaN, Invalid Date) is rejected with invalid_instant', () => {
    for (const now of [Number.NaN, new Date(Number.NaN)]) {
      const err = errorOf(() => resolveEntitlement(standard, enterprise, { now }));
      expect([err.code, err.path]).toEqual(['invalid_instant', ['now']]);
    }
  });
});

describe('resolveEntitlement: reasons, freezing, inputs', () => {
  it('reasons list the rules applied, in order, each with a path into the policy', () => {
    const e = resolveEntitlement(standard, { type: 'direct', plan: 'enterprise' });
    expect(e.reasons.map((r) => [r.rule, r.path.join('.')])).toEqual([
      ['accountType.firstLine.vendor', 'accountTypes.direct.firstLine'],
      ['plan', 'plans.enterprise'],
      ['targets.perSeverity', 'severityScales.incident'],
      ['accountType.supportHours.plan', 'accountTypes.direct.supportHours'],
      ['accountType.customerSuccess.direct', 'accountTypes.direct.customerSuccess'],
    ]);
    for (const r of e.reasons) {
      expect(at(standard, r.path), r.rule).toBeDefined();
      expect(r.text.length).toBeGreaterThan(0);
    }
    const indirect = resolveEntitlement(standard, { type: 'indirect', partner: 'acme' });
    expect(indirect.reasons.map((r) => r.rule)).toEqual([
      'accountType.channels',
      'accountType.firstLine.partner',
      'accountType.targets.none',
      'accountType.supportHours.partner_pool',
      'accountType.customerSuccess.through_partner',
    ]);
    expect(indirect.reasons.map((r) => at(standard, r.path))).toEqual([
      ['ticket'],
      'partner',
      'none',
      'partner_pool',
      'through_partner',
    ]);
  });

  it('every channel and target source points at the policy field it comes from', () => {
    const e = resolveEntitlement(standard, { type: 'direct', plan: 'premium' });
    for (const c of e.channels)
      expect(at(standard, c.source.path)).toMatchObject({ channel: c.channel, clock: c.clock });
    for (const t of e.targets.flatMap((s) => s.targets)) {
      expect(at(standard, t.source.path)).toMatchObject({
        metric: t.metric,
        duration: t.duration.iso,
        clock: t.clock,
        role: t.role,
      });
    }
  });

  it('the result is deeply frozen', () => {
    const e = resolveEntitlement(standard, { type: 'direct', plan: 'enterprise' }, { now: madrid('2026-11-30T10:00') });
    for (const part of [
      e,
      e.channels,
      e.channels[0],
      e.targets,
      e.targets[0]?.targets,
      e.targets[0]?.targets[0]?.duration,
      e.reasons,
      e.reasons[0]?.path,
      e.firstLine,
    ]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
  });

  it('neither the policy nor the account is mutated (nor frozen)', () => {
    const account = { type: 'indirect', plan: 'premium', partner: 'acme', addOns: [] as string[] };
    const before = { policy: JSON.stringify(standard), account: structuredClone(account) };
    resolveEntitlement(standard, account, { now: madrid('2026-11-28T12:00'), locale: 'es' });
    expect(JSON.stringify(standard)).toBe(before.policy);
    expect(account).toEqual(before.account);
    expect(Object.isFrozen(account) || Object.isFrozen(account.addOns)).toBe(false);
  });

  // A copy of a parsed policy (structuredClone, JSON) was never checked as such: it is refused
  // with what to call, instead of being read as if it had been.
  it.each([
    ['a structured clone', () => structuredClone(standard)],
    ['a JSON round trip', () => JSON.parse(JSON.stringify(standard)) as unknown],
    ['the unparsed preset', () => standardSupport],
  ])('%s of a policy is refused: call parsePolicy first', (_, copy) => {
    const e = errorOf(() => resolveEntitlement(copy() as typeof standard, { type: 'direct', plan: 'enterprise' }));
    expect([e.code, e.path]).toEqual(['invalid_policy', ['policy']]);
    expect(e.message).toMatch(/^policy: expected a policy returned by parsePolicy \(call parsePolicy first\), got \{/);
  });
});
