import { describe, expect, it } from 'vitest';
import {
  classified,
  d26,
  documented,
  grant,
  handled,
  jan1,
  ledgerWith,
  open,
  shuffled,
  voided,
} from '../../test/fixtures/hours.js';
import { applyEvent, balances, type LedgerEvent, replay, statement } from '../index.js';

const POOL = 'partner-pool';
const inPool = { account: POOL };

/** A partner pool with three clients and one conversation opened from the partner's own account. */
const poolEvents: LedgerEvent[] = [
  grant('g', 2026, 600, POOL),
  open('o1', 'A1', d26(1, 10), { ...inPool, client: 'shop-b', channel: 'ticket' }),
  handled('h1', 'A1', 50, d26(1, 10), POOL),
  open('o2', 'A2', d26(1, 5), { ...inPool, client: 'shop-a', channel: 'chat' }),
  documented('d2', 'A2', d26(1, 5), POOL),
  open('o3', 'A3', d26(2, 1), { ...inPool, client: 'shop-a', channel: 'ticket' }),
  handled('h3', 'A3', 95, d26(2, 1), POOL),
  open('o4', 'A4', d26(2, 3), { ...inPool, client: 'shop-c' }),
  classified('c4', 'A4', 'incident', d26(2, 4), POOL),
  open('o5', 'A5', d26(3, 1), { ...inPool, channel: 'chat' }),
  open('o6', 'A6', d26(3, 2), { ...inPool, client: 'shop-b' }),
  voided('v6', 'A6', d26(3, 2), POOL),
];
const pool = replay(ledgerWith(), poolEvents);
const wholeYear = { from: jan1(2026), to: jan1(2027) };

describe('partner pools: usage per client', () => {
  it('conversation_opened carries the client, and each row shows it', () => {
    const rows = statement(pool, POOL, wholeYear).rows;
    expect(rows.map((r) => [r.conversation, r.client])).toEqual([
      ['A2', 'shop-a'],
      ['A1', 'shop-b'],
      ['A3', 'shop-a'],
      ['A4', 'shop-c'],
      ['A5', undefined],
      ['A6', 'shop-b'],
    ]);
    expect(rows.find((r) => r.conversation === 'A5')).not.toHaveProperty('client');
  });

  it('perClient sums conversations and charged minutes per client, by client name, with no client under ""', () => {
    expect(statement(pool, POOL, wholeYear).perClient).toEqual([
      { client: '', conversations: 1, chargedMinutes: 15 },
      { client: 'shop-a', conversations: 2, chargedMinutes: 15 + 90 },
      { client: 'shop-b', conversations: 2, chargedMinutes: 45 + 0 },
      { client: 'shop-c', conversations: 1, chargedMinutes: 0 },
    ]);
  });

  it('perClient adds up to the totals, and the totals to the pool balance', () => {
    const s = statement(pool, POOL, wholeYear);
    expect(s.perClient.reduce((n, c) => n + c.chargedMinutes, 0)).toBe(s.totals.chargedMinutes);
    expect(s.perClient.reduce((n, c) => n + c.conversations, 0)).toBe(s.totals.conversations);
    expect(s.totals).toEqual({ conversations: 6, handledMinutes: 50 + 95, chargedMinutes: 165 });
    expect(balances(pool, POOL)[0]).toMatchObject({ chargedMinutes: 165, balanceMinutes: 435 });
  });

  it('perClient covers only the conversations opened in the period', () => {
    expect(statement(pool, POOL, { from: d26(2, 1), to: d26(3, 1) }).perClient).toEqual([
      { client: 'shop-a', conversations: 1, chargedMinutes: 90 },
      { client: 'shop-c', conversations: 1, chargedMinutes: 0 },
    ]);
  });
});

describe('statement rows', () => {
  it('are in date order with date, channel, handled, charged, rule, classification and year', () => {
    expect(statement(pool, POOL, wholeYear).rows).toEqual([
      {
        conversation: 'A2',
        year: '2026',
        openedAt: d26(1, 5),
        channel: 'chat',
        client: 'shop-a',
        classification: 'normal',
        handledMinutes: 0,
        chargedMinutes: 15,
        rule: 'documentation_minimum',
      },
      {
        conversation: 'A1',
        year: '2026',
        openedAt: d26(1, 10),
        channel: 'ticket',
        client: 'shop-b',
        classification: 'normal',
        handledMinutes: 50,
        chargedMinutes: 45,
        rule: 'handled_rounded',
      },
      {
        conversation: 'A3',
        year: '2026',
        openedAt: d26(2, 1),
        channel: 'ticket',
        client: 'shop-a',
        classification: 'normal',
        handledMinutes: 95,
        chargedMinutes: 90,
        rule: 'handled_rounded',
      },
      {
        conversation: 'A4',
        year: '2026',
        openedAt: d26(2, 3),
        channel: 'ticket',
        client: 'shop-c',
        classification: 'incident',
        handledMinutes: 0,
        chargedMinutes: 0,
        rule: 'incident_free',
      },
      {
        conversation: 'A5',
        year: '2026',
        openedAt: d26(3, 1),
        channel: 'chat',
        classification: 'normal',
        handledMinutes: 0,
        chargedMinutes: 15,
        rule: 'minimum',
      },
      {
        conversation: 'A6',
        year: '2026',
        openedAt: d26(3, 2),
        channel: 'ticket',
        client: 'shop-b',
        classification: 'normal',
        handledMinutes: 0,
        chargedMinutes: 0,
        rule: 'voided',
      },
    ]);
  });

  it('do not depend on the order the events arrived in', () => {
    const reference = statement(pool, POOL, wholeYear);
    for (const seed of [11, 12, 13])
      expect(statement(replay(ledgerWith(), shuffled(poolEvents, seed)), POOL, wholeYear)).toEqual(reference);
  });

  it('conversations opened at the same instant are ordered by conversation id', () => {
    const state = replay(ledgerWith(), [
      grant('g', 2026, 600),
      open('o2', 'T-2', d26(4, 1)),
      open('o1', 'T-1', d26(4, 1)),
    ]);
    expect(statement(state, 'acme', { from: jan1(2026), to: jan1(2027) }).rows.map((r) => r.conversation)).toEqual([
      'T-1',
      'T-2',
    ]);
  });

  it('only conversations opened in [from, to) are listed: from is included, to is not', () => {
    const rows = (from: number, to: number) => statement(pool, POOL, { from, to }).rows.map((r) => r.conversation);
    expect(rows(d26(1, 10), d26(2, 3))).toEqual(['A1', 'A3']);
    expect(rows(d26(1, 10) + 1, d26(2, 3) + 1)).toEqual(['A3', 'A4']);
    expect(rows(d26(4, 1), jan1(2027))).toEqual([]);
  });

  it('a conversation opened before the period is not listed, even if its time was handled in the period', () => {
    const later = applyEvent(pool, handled('h1b', 'A1', 30, d26(6, 1), POOL));
    const s = statement(later, POOL, { from: d26(5, 1), to: jan1(2027) });
    expect(s.rows.map((r) => r.conversation)).toEqual([]);
    expect(s.totals.chargedMinutes).toBe(0);
    expect(statement(later, POOL, wholeYear).rows.find((r) => r.conversation === 'A1')).toMatchObject({
      handledMinutes: 80,
      chargedMinutes: 75,
    });
  });

  it('years lists the contract years overlapping the period', () => {
    expect(statement(pool, POOL, wholeYear).years.map((y) => y.year)).toEqual(['2026']);
    expect(statement(pool, POOL, { from: jan1(2027), to: jan1(2028) }).years).toEqual([]);
  });
});

describe('pending conversations: events but no opening', () => {
  const events = [
    grant('g', 2026, 600),
    handled('h', 'P', 90, d26(5, 1)),
    classified('c', 'P', 'normal', d26(5, 1)),
    open('o', 'T', d26(5, 2)),
  ];
  const state = replay(ledgerWith(), events);

  it('are listed as pending and not charged', () => {
    const s = statement(state, 'acme', { from: jan1(2026), to: jan1(2027) });
    expect(s.pending).toEqual(['P']);
    expect(s.rows.map((r) => r.conversation)).toEqual(['T']);
    expect(balances(state, 'acme')[0]).toMatchObject({ chargedMinutes: 15, conversations: 1 });
  });

  it('are charged once their opening arrives, from the events already recorded', () => {
    const opened = applyEvent(state, open('oP', 'P', d26(4, 30)));
    const s = statement(opened, 'acme', { from: jan1(2026), to: jan1(2027) });
    expect(s.pending).toEqual([]);
    expect(s.rows.find((r) => r.conversation === 'P')).toMatchObject({
      handledMinutes: 90,
      chargedMinutes: 90,
      rule: 'handled_rounded',
    });
    expect(balances(opened, 'acme')[0]?.chargedMinutes).toBe(105);
  });
});
