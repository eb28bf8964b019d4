import { normalizeSeedText, readSeed } from '../../test/fixtures/seeds.js';
import { describe, expect, it } from 'vitest';
import {
  classified,
  d26,
  defined,
  documented,
  grant,
  handled,
  ledgerWith,
  open,
  policyWith,
  rowOf,
  voided,
} from '../../test/fixtures/hours.js';
import { balances, type LedgerEvent, replay } from '../index.js';
import { chargeConversation, type ConversationFacts } from './charge.js';

// Every seed-derived rule quotes its seed line; `quote` checks the line is really in that seed.
const norm = normalizeSeedText;
const seeds = { '000': readSeed('000'), '001': readSeed('001'), '002': readSeed('002'), '003': readSeed('003') };
function quote(seed: keyof typeof seeds, line: string): void {
  expect(seeds[seed], `seed ${seed} should contain: ${line}`).toContain(norm(line));
}

const standard = defined(policyWith().supportHours, 'standard support hours').deduction;
const rulesWith = (patch: Parameters<typeof policyWith>[0]) =>
  defined(policyWith(patch).supportHours, 'support hours').deduction;
const facts = (f: Partial<ConversationFacts> = {}): ConversationFacts => ({
  handledMinutes: 0,
  documented: false,
  classification: 'normal',
  voided: false,
  ...f,
});

/** The charge of conversation T opened on 2 March 2026 with these extra events, through the public API. */
function chargedThroughLedger(extra: LedgerEvent[], patch: Parameters<typeof policyWith>[0] = {}) {
  const state = replay(ledgerWith(patch), [grant('g', 2026, 600), open('o', 'T', d26(3, 2)), ...extra]);
  const row = rowOf(state, 'T');
  return { charged: row.chargedMinutes, rule: row.rule, balance: balances(state, 'acme')[0]?.balanceMinutes };
}

describe('the standard deduction rules come from the seeds', () => {
  it('the preset charges at least 15 minutes per conversation, rounding down to 15, incidents and Customer Success free, no carry-over', () => {
    quote('000', 'When a support conversation is opened, a minimum of 15 minutes is deducted.');
    quote('001', 'Opening of conversation: A minimum of 15 minutes is deducted from the total.');
    quote('002', 'Opening a conversation deducts a minimum of 15 minutes.');
    quote('003', 'Apertura de la conversación: se deducirá un mínimo de 15 minutos.');
    quote('000', 'Hours are deducted in the most favorable way following these rules');
    quote(
      '000',
      'Incidents are not counted as support hours, so they are not deducted from your contracted support-hours package.',
    );
    quote('003', 'Las incidencias no se contabilizan como horas de soporte');
    expect(standard).toEqual({
      minimumMinutes: 15,
      incrementMinutes: 15,
      rounding: 'down',
      documentationAnswer: 'minimum',
      incidents: 'free',
      customerSuccess: 'free',
      carryOver: { kind: 'none' },
    });
  });
});

describe('chargeConversation under the standard rules', () => {
  it('a conversation with no handled time costs the minimum, 15 minutes ("a minimum of 15 minutes is deducted")', () => {
    quote('000', 'a minimum of 15 minutes is deducted');
    expect(chargeConversation(standard, facts())).toEqual({ chargedMinutes: 15, rule: 'minimum' });
  });

  it('handled time is rounded down to the 15-minute increment, never below the minimum ("most favorable way")', () => {
    quote('002', 'Hours are deducted in the most favorable way');
    const cases: [handled: number, charged: number, rule: string][] = [
      [14, 15, 'minimum'],
      [15, 15, 'minimum'],
      [16, 15, 'minimum'],
      [29, 15, 'minimum'],
      [30, 30, 'handled_rounded'],
      [40, 30, 'handled_rounded'],
      [44, 30, 'handled_rounded'],
      [45, 45, 'handled_rounded'],
      [59, 45, 'handled_rounded'],
      [61, 60, 'handled_rounded'],
    ];
    for (const [handledMinutes, chargedMinutes, rule] of cases) {
      expect(chargeConversation(standard, facts({ handledMinutes })), `${handledMinutes} min handled`).toEqual({
        chargedMinutes,
        rule,
      });
    }
  });

  it('every normal charge is a multiple of the increment, at least the minimum, and never more than the handled time above it', () => {
    for (let handledMinutes = 0; handledMinutes <= 600; handledMinutes++) {
      const { chargedMinutes } = chargeConversation(standard, facts({ handledMinutes }));
      expect(chargedMinutes % 15).toBe(0);
      expect(chargedMinutes).toBeGreaterThanOrEqual(15);
      expect(chargedMinutes).toBeLessThanOrEqual(Math.max(15, handledMinutes));
    }
  });

  it('a conversation answered with documentation costs the minimum, whatever its handled time', () => {
    for (const handledMinutes of [0, 14, 40, 200]) {
      expect(chargeConversation(standard, facts({ handledMinutes, documented: true }))).toEqual({
        chargedMinutes: 15,
        rule: 'documentation_minimum',
      });
    }
  });

  it('an incident costs nothing, even with handled time or a documentation answer ("Incidents are not counted as support hours")', () => {
    quote(
      '001',
      'Incidents are not counted as support hours and therefore are not deducted from the total contracted hours.',
    );
    expect(
      chargeConversation(standard, facts({ classification: 'incident', handledMinutes: 200, documented: true })),
    ).toEqual({ chargedMinutes: 0, rule: 'incident_free' });
  });

  it('Customer Success work costs nothing', () => {
    expect(chargeConversation(standard, facts({ classification: 'customer_success', handledMinutes: 120 }))).toEqual({
      chargedMinutes: 0,
      rule: 'customer_success_free',
    });
  });

  it('expected behaviour is charged as a normal conversation', () => {
    expect(chargeConversation(standard, facts({ classification: 'expected_behaviour', handledMinutes: 40 }))).toEqual({
      chargedMinutes: 30,
      rule: 'handled_rounded',
    });
    expect(chargeConversation(standard, facts({ classification: 'expected_behaviour' }))).toEqual({
      chargedMinutes: 15,
      rule: 'minimum',
    });
  });

  it('a voided conversation costs nothing, whatever else is known of it', () => {
    expect(chargeConversation(standard, facts({ voided: true, handledMinutes: 90, documented: true }))).toEqual({
      chargedMinutes: 0,
      rule: 'voided',
    });
    expect(chargeConversation(standard, facts({ voided: true, classification: 'incident' }))).toEqual({
      chargedMinutes: 0,
      rule: 'voided',
    });
  });
});

describe('chargeConversation under modified rules (increment, minimum and rounding are policy data)', () => {
  it("rounding 'up' charges the next increment: 16 → 30, 31 → 45, never below the minimum", () => {
    const up = rulesWith({ rounding: 'up' });
    expect(chargeConversation(up, facts())).toEqual({ chargedMinutes: 15, rule: 'minimum' });
    expect(chargeConversation(up, facts({ handledMinutes: 15 }))).toEqual({ chargedMinutes: 15, rule: 'minimum' });
    expect(chargeConversation(up, facts({ handledMinutes: 16 }))).toEqual({
      chargedMinutes: 30,
      rule: 'handled_rounded',
    });
    expect(chargeConversation(up, facts({ handledMinutes: 31 }))).toEqual({
      chargedMinutes: 45,
      rule: 'handled_rounded',
    });
  });

  it("rounding 'nearest' goes to the closer increment, halves up: 22 → 15, 23 → 30, 37 → 30, 38 → 45", () => {
    const nearest = rulesWith({ rounding: 'nearest' });
    expect(chargeConversation(nearest, facts({ handledMinutes: 22 })).chargedMinutes).toBe(15);
    expect(chargeConversation(nearest, facts({ handledMinutes: 23 })).chargedMinutes).toBe(30);
    expect(chargeConversation(nearest, facts({ handledMinutes: 37 })).chargedMinutes).toBe(30);
    expect(chargeConversation(nearest, facts({ handledMinutes: 38 })).chargedMinutes).toBe(45);
    const tens = rulesWith({ rounding: 'nearest', incrementMinutes: 10, minimumMinutes: 20 });
    expect(chargeConversation(tens, facts({ handledMinutes: 25 })).chargedMinutes).toBe(30);
    expect(chargeConversation(tens, facts({ handledMinutes: 24 })).chargedMinutes).toBe(20);
  });

  it('a minimum that is not a multiple of the increment still floors the charge', () => {
    const rules = rulesWith({ minimumMinutes: 20, incrementMinutes: 15 });
    expect(chargeConversation(rules, facts({ handledMinutes: 29 }))).toEqual({ chargedMinutes: 20, rule: 'minimum' });
    expect(chargeConversation(rules, facts({ handledMinutes: 30 }))).toEqual({
      chargedMinutes: 30,
      rule: 'handled_rounded',
    });
  });

  it("documentationAnswer 'handled' charges a documented conversation its handled time", () => {
    const rules = rulesWith({ documentationAnswer: 'handled' });
    expect(chargeConversation(rules, facts({ documented: true, handledMinutes: 40 }))).toEqual({
      chargedMinutes: 30,
      rule: 'handled_rounded',
    });
    expect(chargeConversation(rules, facts({ documented: true }))).toEqual({ chargedMinutes: 15, rule: 'minimum' });
  });

  it("incidents 'charged' charges an incident as a normal conversation", () => {
    const rules = rulesWith({ incidents: 'charged' });
    expect(chargeConversation(rules, facts({ classification: 'incident', handledMinutes: 40 }))).toEqual({
      chargedMinutes: 30,
      rule: 'handled_rounded',
    });
  });

  it("customerSuccess 'charged' charges Customer Success work as a normal conversation", () => {
    const rules = rulesWith({ customerSuccess: 'charged' });
    expect(chargeConversation(rules, facts({ classification: 'customer_success', documented: true }))).toEqual({
      chargedMinutes: 15,
      rule: 'documentation_minimum',
    });
  });
});

describe('charges through the ledger (replay, balances, statement)', () => {
  it('an opened conversation with no handled time costs 15 minutes of the package', () => {
    expect(chargedThroughLedger([])).toEqual({ charged: 15, rule: 'minimum', balance: 585 });
  });

  it('the handled time of all time_handled events is summed before rounding: 20 + 20 → 40 → 30', () => {
    expect(chargedThroughLedger([handled('h1', 'T', 20), handled('h2', 'T', 20)])).toEqual({
      charged: 30,
      rule: 'handled_rounded',
      balance: 570,
    });
  });

  it('a documentation answer costs 15 whatever the handled time', () => {
    expect(chargedThroughLedger([handled('h', 'T', 95), documented('d', 'T')])).toEqual({
      charged: 15,
      rule: 'documentation_minimum',
      balance: 585,
    });
  });

  it('an incident costs nothing; Customer Success costs nothing; a voided conversation costs nothing', () => {
    expect(chargedThroughLedger([handled('h', 'T', 95), classified('c', 'T', 'incident')])).toEqual({
      charged: 0,
      rule: 'incident_free',
      balance: 600,
    });
    expect(chargedThroughLedger([handled('h', 'T', 95), classified('c', 'T', 'customer_success')])).toEqual({
      charged: 0,
      rule: 'customer_success_free',
      balance: 600,
    });
    expect(chargedThroughLedger([handled('h', 'T', 95), voided('v', 'T')])).toEqual({
      charged: 0,
      rule: 'voided',
      balance: 600,
    });
  });

  it('expected behaviour is charged as a normal conversation: 40 → 30', () => {
    expect(chargedThroughLedger([handled('h', 'T', 40), classified('c', 'T', 'expected_behaviour')])).toEqual({
      charged: 30,
      rule: 'handled_rounded',
      balance: 570,
    });
  });

  it("a modified policy's rules apply through the ledger: rounding 'up' 16 → 30, incidents 'charged' 40 → 30", () => {
    expect(chargedThroughLedger([handled('h', 'T', 16)], { rounding: 'up' })).toEqual({
      charged: 30,
      rule: 'handled_rounded',
      balance: 570,
    });
    expect(
      chargedThroughLedger([handled('h', 'T', 40), classified('c', 'T', 'incident')], { incidents: 'charged' }),
    ).toEqual({ charged: 30, rule: 'handled_rounded', balance: 570 });
  });
});
