import { normalizeSeedText, readSeed } from '../../test/fixtures/seeds.js';
import { DateTime } from 'luxon';
import { errorOf } from '../../test/fixtures/errors.js';
import { describe, expect, it } from 'vitest';
import {
  type AccountDefinition,
  assessPartnerEligibility,
  dedicatedSupport,
  type PartnerFacts,
  parsePolicy,
  resolveEntitlement,
  routeRequest,
  standardSupport,
} from '../index.js';

const standard = parsePolicy(standardSupport);
const dedicated = parsePolicy(dedicatedSupport);
const madrid = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toMillis();
const bratislava = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Bratislava' }).toMillis();
// Monday 30 November 2026 and the Saturday before it (no Spanish national holiday that week).
const MONDAY_10_MADRID = madrid('2026-11-30T10:00');
const SATURDAY_10_MADRID = madrid('2026-11-28T10:00');

// Quotes are checked against the seed they come from (whitespace and curly apostrophes normalised).
function quote(prefix: string, line: string): string {
  expect(readSeed(prefix), `seed ${prefix} should contain: ${line}`).toContain(normalizeSeedText(line));
  return normalizeSeedText(line);
}

const ALL_MET = { certified: true, 'technical-knowledge': true, 'production-access': true } as const;

describe('assessPartnerEligibility on standardSupport (SPEC §4, partner articles 001/002)', () => {
  it('all three conditions met: eligible, nothing missing, each condition with its sentence', () => {
    quote('001_', 'They have been certified in accordance with our certification program.');
    quote(
      '001_',
      'They have sufficient technical knowledge with the ability to interpret/modify advanced API setups/plugin code.',
    );
    quote('001_', 'Have direct access to the customer’s production account.');
    const e = assessPartnerEligibility(standard, { conditions: ALL_MET });
    expect([e.eligible, e.missing]).toEqual([true, []]);
    expect(e.conditions).toEqual([
      { id: 'certified', text: 'The partner is certified through the certification program.', met: true },
      {
        id: 'technical-knowledge',
        text: 'The partner can interpret and modify advanced API setups or plugin code.',
        met: true,
      },
      {
        id: 'production-access',
        text: "The partner has direct access to the customer's production account.",
        met: true,
      },
    ]);
    expect([e.locale, e.localeFallback]).toEqual(['en', false]);
  });

  it.each(['certified', 'technical-knowledge', 'production-access'])(
    '%s not met: not eligible, and it alone is listed missing',
    (id) => {
      const e = assessPartnerEligibility(standard, { conditions: { ...ALL_MET, [id]: false } });
      expect([e.eligible, e.missing]).toEqual([false, [id]]);
      expect(e.conditions.filter((c) => !c.met).map((c) => c.id)).toEqual([id]);
    },
  );

  it('a condition not given counts as not met; nothing given misses all three, in the policy order', () => {
    const e = assessPartnerEligibility(standard, { conditions: { certified: true, 'technical-knowledge': true } });
    expect([e.eligible, e.missing]).toEqual([false, ['production-access']]);
    const none = assessPartnerEligibility(standard, { conditions: {} });
    expect(none.missing).toEqual(['certified', 'technical-knowledge', 'production-access']);
    expect(
      assessPartnerEligibility(standard, { conditions: { 'production-access': false, certified: false } }).missing,
    ).toEqual(['certified', 'technical-knowledge', 'production-access']);
  });

  it('the escalation flag is carried with its sentence: escalating may change response times', () => {
    quote(
      '001_',
      'Integration support may have different response times if there is a need to escalate the matter to our internal technical team.',
    );
    quote('002_', 'Response times may vary if escalation to the internal technical team is required.');
    const text =
      'Integration support may have different response times if the matter is escalated to the internal technical team.';
    const escalated = assessPartnerEligibility(standard, { conditions: ALL_MET, escalatedToTechnicalTeam: true });
    expect(escalated.escalation).toEqual({ escalated: true, mayChangeResponseTimes: true, text });
    expect(escalated.eligible).toBe(true); // escalation changes response times, not eligibility
    expect(
      assessPartnerEligibility(standard, { conditions: ALL_MET, escalatedToTechnicalTeam: false }).escalation.escalated,
    ).toBe(false);
    expect(assessPartnerEligibility(standard, { conditions: ALL_MET }).escalation).toEqual({
      escalated: false,
      mayChangeResponseTimes: true,
      text,
    });
  });

  it("in Spanish, the conditions and the escalation sentence come from the preset's es texts", () => {
    const e = assessPartnerEligibility(
      standard,
      { conditions: { certified: true }, escalatedToTechnicalTeam: true },
      { locale: 'es' },
    );
    expect([e.locale, e.localeFallback]).toEqual(['es', false]);
    expect(e.conditions[0]?.text).toBe('El partner está certificado según el programa de certificación.');
    expect(e.escalation.text).toBe(
      'El soporte de integraciones puede tener otros tiempos de respuesta si se escala al equipo técnico interno.',
    );
    expect(assessPartnerEligibility(standard, { conditions: {} }, { locale: 'fr' })).toMatchObject({
      locale: 'en',
      localeFallback: true,
    });
  });

  it('an unknown condition id is unknown_reference at [partner, conditions, id]', () => {
    for (const id of ['certification', 'constructor', '__proto__']) {
      const conditions = JSON.parse(`{"certified": true, ${JSON.stringify(id)}: true}`) as Record<string, boolean>;
      const e = errorOf(() => assessPartnerEligibility(standard, { conditions }));
      expect([e.code, e.path, e.value]).toEqual(['unknown_reference', ['partner', 'conditions', id], id]);
      expect(e.message).toContain('certified, technical-knowledge, production-access');
    }
  });

  it.each([['yes'], [1], [null]])('a non-boolean value (%j) is invalid_fact at [partner, conditions, id]', (value) => {
    const e = errorOf(() =>
      assessPartnerEligibility(standard, { conditions: { certified: value } } as unknown as PartnerFacts),
    );
    expect([e.code, e.path]).toEqual(['invalid_fact', ['partner', 'conditions', 'certified']]);
    expect(e.message).toMatch(/^partner\.conditions\.certified: expected true or false, got /);
  });

  it('a condition left undefined is not given, hence not met (as an undefined fact in classify)', () => {
    const e = assessPartnerEligibility(standard, {
      conditions: { certified: true, 'production-access': undefined },
    } as unknown as PartnerFacts);
    expect(e.missing).toEqual(['technical-knowledge', 'production-access']);
  });

  it.each([[null], ['certified'], [['certified']]])(
    'conditions that are not an object (%j) are invalid_fact at [partner, conditions]',
    (conditions) => {
      const e = errorOf(() => assessPartnerEligibility(standard, { conditions } as unknown as PartnerFacts));
      expect([e.code, e.path]).toEqual(['invalid_fact', ['partner', 'conditions']]);
    },
  );

  it('an escalation flag that is not a boolean is invalid_fact', () => {
    const e = errorOf(() =>
      assessPartnerEligibility(standard, {
        conditions: {},
        escalatedToTechnicalTeam: 'yes',
      } as unknown as PartnerFacts),
    );
    expect([e.code, e.path]).toEqual(['invalid_fact', ['partner', 'escalatedToTechnicalTeam']]);
  });

  it('a policy without partner terms (dedicatedSupport) is invalid_rule at [policy, partners]', () => {
    const e = errorOf(() => assessPartnerEligibility(dedicated, { conditions: {} }));
    expect([e.code, e.path]).toEqual(['invalid_rule', ['policy', 'partners']]);
  });

  it('the result is deeply frozen and the input not mutated', () => {
    const partner = { conditions: { certified: true }, escalatedToTechnicalTeam: true };
    const e = assessPartnerEligibility(standard, partner);
    expect(partner).toEqual({ conditions: { certified: true }, escalatedToTechnicalTeam: true });
    for (const part of [e, e.conditions, e.conditions[0], e.missing, e.escalation])
      expect(Object.isFrozen(part)).toBe(true);
  });
});

describe('routeRequest on standardSupport', () => {
  const direct: AccountDefinition = { type: 'direct', plan: 'enterprise' };

  it("an indirect customer goes to its partner first; vendor tickets only 'in some cases'", () => {
    quote(
      '000_',
      'Support is primarily provided by the partner. In some cases, you may also contact Sales Layer via the platform ticket system',
    );
    const r = routeRequest(standard, { type: 'indirect', plan: 'premium', partner: 'acme' }, MONDAY_10_MADRID);
    expect([r.to, r.partner, r.vendorTickets, r.secondLevelAgents]).toEqual(['partner', 'acme', 'some_cases', false]);
    expect(r.openNow.map((c) => c.channel)).toEqual(['ticket']); // the indirect type's only channel
    expect(r.reasons.map((x) => x.rule)).toContain('accountType.firstLine.partner');
  });

  it('an indirect customer without its partner is invalid_account', () => {
    const e = errorOf(() => routeRequest(standard, { type: 'indirect', plan: 'premium' }, MONDAY_10_MADRID));
    expect([e.code, e.path]).toEqual(['invalid_account', ['account', 'partner']]);
  });

  it('a direct Enterprise customer on Monday 10:00 Madrid: the support team, with chat and ticket open', () => {
    quote('000_', 'Enterprise: First response within 2 hours. Live chat during business hours.');
    const r = routeRequest(standard, direct, MONDAY_10_MADRID);
    expect([r.to, r.vendorTickets, r.secondLevelAgents, r.nextOpening]).toEqual(['support_team', 'yes', false, null]);
    expect('partner' in r).toBe(false);
    expect(r.openNow.map((c) => `${c.channel} ${c.clock} ${c.openNow} ${c.nextOpening}`)).toEqual([
      `chat support-hours true ${MONDAY_10_MADRID}`,
      `ticket support-hours true ${MONDAY_10_MADRID}`,
    ]);
  });

  it('the same customer on Saturday: nothing open; the first channel (chat) opens Monday 08:00 Madrid', () => {
    quote('000_', 'Business hours: Regional hours of operation excluding national holidays. 08:00 AM to 06:00 PM CET.');
    const r = routeRequest(standard, direct, SATURDAY_10_MADRID);
    expect(r.openNow).toEqual([]);
    expect(r.nextOpening).toEqual({ channel: 'chat', at: madrid('2026-11-30T08:00') });
    expect(r.nextOpening?.at).toBe(Date.UTC(2026, 10, 30, 7)); // CET is UTC+1 in November
  });

  it('now may be a Date or a luxon DateTime, with the same answer', () => {
    const fromMs = routeRequest(standard, direct, SATURDAY_10_MADRID);
    expect(routeRequest(standard, direct, new Date(SATURDAY_10_MADRID))).toEqual(fromMs);
    expect(routeRequest(standard, direct, DateTime.fromMillis(SATURDAY_10_MADRID, { zone: 'Asia/Tokyo' }))).toEqual(
      fromMs,
    );
  });

  it('a missing now is invalid_instant at [now], whatever the options; an invalid one too', () => {
    const missing = undefined as unknown as number;
    for (const options of [undefined, {}, { locale: 'es' }]) {
      const e = errorOf(() => routeRequest(standard, direct, missing, options));
      expect([e.code, e.path]).toEqual(['invalid_instant', ['now']]);
    }
    // The former call shape, now inside an options object, is not an instant.
    const former = errorOf(() => routeRequest(standard, direct, { now: MONDAY_10_MADRID } as unknown as number));
    expect([former.code, former.path]).toEqual(['invalid_instant', ['now']]);
    expect(errorOf(() => routeRequest(standard, direct, Number.NaN)).code).toBe('invalid_instant');
  });

  it('the locale reaches the channel labels; the result is deeply frozen', () => {
    const r = routeRequest(standard, direct, MONDAY_10_MADRID, { locale: 'es' });
    expect(r.openNow.map((c) => c.label)).toEqual(['Chat', 'Ticket de soporte']);
    for (const part of [r, r.openNow, r.openNow[0], r.reasons]) expect(Object.isFrozen(part)).toBe(true);
  });
});

describe('routeRequest on dedicatedSupport (seed 004)', () => {
  const vip: AccountDefinition = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };

  it('an account with the dedicated-support add-on goes to its dedicated agent, with second-level agents', () => {
    quote('004_', 'You’ll have a dedicated support agent, who you’ll know by name');
    quote('004_', 'we’ll immediately route you to a 2nd level technical agent');
    const r = routeRequest(dedicated, vip, bratislava('2026-11-30T10:00'));
    expect([r.to, r.secondLevelAgents, r.vendorTickets, r.nextOpening]).toEqual(['dedicated_agent', true, 'yes', null]);
  });

  it('on Saturday the 24/7 channels are open, the dedicated ones closed', () => {
    quote('004_', 'Apart from 24/7 chat support on our website and standard email support');
    const r = routeRequest(dedicated, vip, SATURDAY_10_MADRID);
    expect(r.to).toBe('dedicated_agent');
    expect(r.openNow.map((c) => `${c.channel} ${c.clock}`)).toEqual(['website_chat 24/7', 'email 24/7']);
    expect(r.nextOpening).toBeNull(); // something is open, so no next opening is given
    // The route itself says when the dedicated agent is reachable again: Monday 09:00 in Bratislava.
    expect(r.closedNow.map((c) => [c.channel, c.openNow, c.nextOpening])).toEqual(
      ['dedicated_chat', 'dedicated_email', 'call'].map((ch) => [ch, false, bratislava('2026-11-30T09:00')]),
    );
    const e = resolveEntitlement(dedicated, vip, { now: SATURDAY_10_MADRID });
    const dedicatedChannels = e.channels.filter((c) => c.clock === 'dedicated-hours');
    expect(dedicatedChannels.map((c) => [c.channel, c.openNow, c.nextOpening])).toEqual(
      ['dedicated_chat', 'dedicated_email', 'call'].map((ch) => [ch, false, bratislava('2026-11-30T09:00')]),
    );
  });

  it('the dedicated channels open at Monday 09:00 Bratislava, not a millisecond before', () => {
    quote('004_', 'Dedicated chat support from 9:00 A.M. to 5:00 P.M. CET Monday – Friday');
    const before = routeRequest(dedicated, vip, bratislava('2026-11-30T08:59:59.999'));
    expect(before.openNow.map((c) => c.channel)).toEqual(['website_chat', 'email']);
    const at = routeRequest(dedicated, vip, bratislava('2026-11-30T09:00'));
    expect(at.openNow.map((c) => `${c.channel} ${c.clock}`)).toEqual([
      'website_chat 24/7',
      'email 24/7',
      'dedicated_chat dedicated-hours',
      'dedicated_email dedicated-hours',
      'call dedicated-hours',
    ]);
  });

  it('without the add-on, the plan alone goes to the support team, no second-level routing', () => {
    const r = routeRequest(dedicated, { type: 'customer', plan: 'all_inclusive' }, SATURDAY_10_MADRID);
    expect([r.to, r.secondLevelAgents]).toEqual(['support_team', false]);
    expect(r.openNow.map((c) => c.channel)).toEqual(['website_chat', 'email']);
  });
});
