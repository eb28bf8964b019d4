import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  dedicatedSupport,
  type Entitlement,
  InvalidArgumentError,
  parsePolicy,
  resolveEntitlement,
  safeParsePolicy,
} from '../index.js';

// resolveEntitlement with add-ons, on the dedicatedSupport preset (seed 004) and modified copies of
// it. The account-type, locale, `now`, reasons and freezing cases are in resolveEntitlement.test.ts.
const dedicated = parsePolicy(dedicatedSupport);
const vipAccount = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] } as const;
const bratislava = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Bratislava' }).toMillis();
const summary = (e: Entitlement) =>
  e.targets.map((s) => [s.severity.id, s.targets.map((t) => `${t.metric} ${t.role} ${t.duration.iso} ${t.clock}`)]);

/** A copy of the preset with a second, lower plan `basic` (the add-on stays available on all_inclusive only). */
const withBasicPlan = (basic: Record<string, unknown> = {}) => ({
  ...dedicatedSupport,
  plans: {
    ...dedicatedSupport.plans,
    basic: { ...dedicatedSupport.plans['all_inclusive'], label: { en: 'Basic' }, rank: 2, ...basic },
  },
});

const vipTargets = [
  ['sev1', ['firstResponse target PT1H 24/7', 'periodicUpdate target PT4H 24/7']],
  ['sev2', ['firstResponse target PT1H 24/7', 'periodicUpdate target PT4H 24/7']],
  [
    'sev3',
    [
      'firstResponse target PT2H dedicated-hours',
      'firstResponse typical PT1H dedicated-hours',
      'followUp target P2D dedicated-hours',
    ],
  ],
  ['sev4', ['firstResponse target P1D dedicated-hours', 'firstResponse typical PT24H 24/7']],
  ['sev5', ['firstResponse target P1D dedicated-hours', 'firstResponse typical PT24H 24/7']],
];

describe('resolveEntitlement: the dedicated-support add-on', () => {
  it("all_inclusive with the add-on: the VIP targets replace the plan's, per severity sev1..sev5", () => {
    const e = resolveEntitlement(dedicated, vipAccount);
    expect(e.severityScale).toBe('vip');
    expect(summary(e)).toEqual(vipTargets);
    expect(e.targets.map((s) => s.severity.label)).toEqual([
      'Severity 1 Critical',
      'Severity 2 High',
      'Severity 3 Standard',
      'Severity 4 Bugfix',
      'Severity 5 Request',
    ]);
    expect(
      e.targets
        .flatMap((s) => s.targets)
        .every((t) => t.source.kind === 'addOn' && t.source.id === 'dedicated_support'),
    ).toBe(true);
    const sev3 = e.targets[2]?.targets ?? [];
    expect(sev3.map((t) => t.duration)).toEqual([
      { kind: 'time', iso: 'PT2H', ms: 7_200_000 },
      { kind: 'time', iso: 'PT1H', ms: 3_600_000 },
      { kind: 'businessDays', iso: 'P2D', days: 2 },
    ]);
    expect(e.targets.slice(3).every((s) => s.targets.every((t) => t.metric === 'firstResponse'))).toBe(true); // sev4–5: no follow-up
  });

  it('the add-on routes to a dedicated agent and to second-level agents, and is listed as taken', () => {
    const e = resolveEntitlement(dedicated, vipAccount);
    expect(e.routing).toEqual({ dedicatedAgent: true, secondLevelAgents: true });
    expect(e.addOns).toEqual([{ id: 'dedicated_support', label: 'Dedicated support', included: false }]);
    expect(e.reasons.map((r) => [r.rule, r.path.join('.')])).toEqual([
      ['accountType.firstLine.vendor', 'accountTypes.customer.firstLine'],
      ['plan', 'plans.all_inclusive'],
      ['addOn.replacesTargets', 'addOns.dedicated_support'],
      ['targets.perSeverity', 'severityScales.vip'],
      ['accountType.supportHours.none', 'accountTypes.customer.supportHours'],
      ['accountType.customerSuccess.none', 'accountTypes.customer.customerSuccess'],
    ]);
  });

  it("the add-on's dedicated channels join the plan's 24/7 website chat and email", () => {
    const e = resolveEntitlement(dedicated, vipAccount);
    expect(e.channels.map((c) => `${c.channel} ${c.clock} ${c.source.kind}`)).toEqual([
      'website_chat 24/7 plan',
      'email 24/7 plan',
      'dedicated_chat dedicated-hours addOn',
      'dedicated_email dedicated-hours addOn',
      'call dedicated-hours addOn',
    ]);
    expect(e.channels.map((c) => c.note)).toEqual([
      undefined,
      undefined,
      undefined,
      'Emails received outside office hours are collected; no action is guaranteed until the next working day.',
      'Calls received out of office hours are forwarded to a voicemail.',
    ]);
  });

  it('all_inclusive without the add-on: no target on any severity, plain routing, only the 24/7 channels', () => {
    const e = resolveEntitlement(dedicated, { type: 'customer', plan: 'all_inclusive' });
    expect(e.targets.flatMap((s) => s.targets)).toEqual([]);
    expect(e.routing).toEqual({ dedicatedAgent: false, secondLevelAgents: false });
    expect(e.channels.map((c) => c.channel)).toEqual(['website_chat', 'email']);
    expect(e.addOns).toEqual([]);
  });

  it('an add-on a plan includes applies without being taken, and is listed as included', () => {
    const policy = parsePolicy({
      ...dedicatedSupport,
      plans: { all_inclusive: { ...dedicatedSupport.plans['all_inclusive'], includedAddOns: ['dedicated_support'] } },
    });
    const e = resolveEntitlement(policy, { type: 'customer', plan: 'all_inclusive' });
    expect(e.addOns).toEqual([{ id: 'dedicated_support', label: 'Dedicated support', included: true }]);
    expect(summary(e)).toEqual(vipTargets);
  });

  it("the add-on on a plan that may not take it is rejected with addon_not_allowed and the add-on's path", () => {
    const policy = parsePolicy(withBasicPlan());
    expect(resolveEntitlement(policy, { type: 'customer', plan: 'basic' }).plan).toEqual({
      id: 'basic',
      label: 'Basic',
    });
    let caught: unknown;
    try {
      resolveEntitlement(policy, { type: 'customer', plan: 'basic', addOns: ['dedicated_support'] });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect((caught as InvalidArgumentError).code).toBe('addon_not_allowed');
    expect((caught as InvalidArgumentError).path.map(String)).toEqual(['account', 'addOns', '0']);
  });

  it('parsePolicy rejects a plan whose includedAddOns names an add-on not available on it (addon_not_allowed, with its path)', () => {
    const result = safeParsePolicy(withBasicPlan({ includedAddOns: ['dedicated_support'] }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe('addon_not_allowed');
    expect(result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ['addon_not_allowed', ['plans', 'basic', 'includedAddOns', 0]],
    ]);
    expect(() => parsePolicy(withBasicPlan({ includedAddOns: ['dedicated_support'] }))).toThrow(
      /plans\.basic\.includedAddOns\[0\]/,
    );
  });

  // KNOWN BUG (src/policy/resolveEntitlement.ts): `if (addOn.replacesTargets) targetsFrom.length = 0`
  // also drops the targets of add-ons listed BEFORE the replacing one, not only the plan's, so the
  // entitlement depended on the order of `account.addOns` (fixed: add-ons apply in policy order).
  it("a replacing add-on replaces the plan's targets only: the order of add-ons does not matter", () => {
    const extra = {
      label: { en: 'Resolution target' },
      price: { amountMinor: 1, currency: 'EUR', per: 'month' },
      availableOn: ['all_inclusive'],
      replacesTargets: false,
      channels: [],
      targets: [{ metric: 'resolution', duration: 'P5D', clock: 'dedicated-hours' }],
      routing: { dedicatedAgent: false, secondLevelAgents: false },
    };
    const policy = parsePolicy({ ...dedicatedSupport, addOns: { ...dedicatedSupport.addOns, extra } });
    const first = resolveEntitlement(policy, {
      type: 'customer',
      plan: 'all_inclusive',
      addOns: ['dedicated_support', 'extra'],
    });
    const second = resolveEntitlement(policy, {
      type: 'customer',
      plan: 'all_inclusive',
      addOns: ['extra', 'dedicated_support'],
    });
    expect(first.targets[0]?.targets.map((t) => t.metric)).toEqual(['firstResponse', 'periodicUpdate', 'resolution']);
    expect(first.addOns.map((a) => a.id)).toEqual(['dedicated_support', 'extra']);
    expect(summary(second)).toEqual(summary(first));
  });
});

describe('resolveEntitlement: dedicatedSupport locale and clocks', () => {
  it("locale 'es' on the English-only dedicatedSupport falls back to English, with localeFallback true", () => {
    const e = resolveEntitlement(dedicated, vipAccount, { locale: 'es' });
    expect([e.locale, e.localeFallback]).toEqual(['en', true]);
    expect(e.plan?.label).toBe('All-inclusive');
    expect(e.targets[0]?.severity.label).toBe('Severity 1 Critical');
  });

  it('24/7 channels are always open (next opening = now); dedicated ones follow 09:00–17:00 Bratislava', () => {
    const saturdayNight = bratislava('2026-11-28T03:00');
    const monday = bratislava('2026-11-30T09:00');
    expect(monday).toBe(Date.UTC(2026, 10, 30, 8, 0));
    const closed = resolveEntitlement(dedicated, vipAccount, { now: saturdayNight });
    expect(closed.channels.map((c) => [c.channel, c.openNow, c.nextOpening])).toEqual([
      ['website_chat', true, saturdayNight],
      ['email', true, saturdayNight],
      ['dedicated_chat', false, monday],
      ['dedicated_email', false, monday],
      ['call', false, monday],
    ]);
    const noon = bratislava('2026-11-30T12:00');
    const open = resolveEntitlement(dedicated, vipAccount, { now: noon });
    expect(open.channels.map((c) => [c.openNow, c.nextOpening])).toEqual(open.channels.map(() => [true, noon]));
    const evening = bratislava('2026-11-30T17:00');
    const after = resolveEntitlement(dedicated, vipAccount, { now: evening });
    expect(after.channels.map((c) => c.openNow)).toEqual([true, true, false, false, false]);
    expect(after.channels[2]?.nextOpening).toBe(bratislava('2026-12-01T09:00'));
  });
});
