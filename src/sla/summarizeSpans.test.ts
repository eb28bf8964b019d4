import { describe, expect, it } from 'vitest';
import {
  dedicatedSupport,
  measure,
  parsePolicy,
  type Policy,
  type SlaSpan,
  standardSupport,
  type TicketEvent,
} from '../index.js';
import { firstExplained, pausingEnterprise } from '../../test/fixtures/sla.js';
import { summarizeSpans } from './summarizeSpans.js';

// Madrid is UTC+1 in winter (support hours 07:00Z–17:00Z, local midnight 23:00Z), UTC+2 from 29 March.
const z = (iso: string) => Date.parse(`${iso}Z`);
const std = parsePolicy(standardSupport);
const premium = { type: 'direct', plan: 'premium' };
const enterprise = { type: 'direct', plan: 'enterprise' };
const pausing = pausingEnterprise;
const created = (at: number, severity = 'minor'): TicketEvent => ({ kind: 'created', at, severity });
const status = (at: number, s: string): TicketEvent => ({ kind: 'status', at, status: s });

const explained = (events: TicketEvent[], now: number, account: object = premium, policy: Policy = std) =>
  firstExplained(policy, account, events, now);

describe('the reason summary of an explained deadline', () => {
  it('Premium from Friday 2 January 17:00: Epiphany, the nights around it and a weekend, in English and Spanish', () => {
    const t = explained([created(z('2026-01-02T16:00'))], z('2026-01-02T16:00'));
    expect(t.zone).toBe('Europe/Madrid');
    expect(t.summary).toEqual({
      en: 'Epiphany (Tue 6 Jan) closed; 2 nights; 1 weekend',
      es: 'Epiphany (mar 6 ene) cerrado; 2 noches; 1 fin de semana',
    });
    expect(Object.isFrozen(t.summary)).toBe(true);
  });

  it('a weekend takes in the nights at its ends; a holiday Monday after it adds the night after the holiday', () => {
    // Starter from Friday 9 October 19:30 (after hours): Saturday, Sunday, 12 October, then Tuesday.
    const t = explained([created(z('2026-10-09T17:30'))], z('2026-10-09T17:30'), { type: 'direct', plan: 'starter' });
    expect(t.summary?.['en']).toBe('National Day of Spain (Mon 12 Oct) closed; 1 night; 1 weekend');
  });

  it('one night between two working days (Enterprise, 2 h from Monday 17:00)', () => {
    const t = explained([created(z('2026-01-12T16:00'))], z('2026-01-12T16:00'), enterprise);
    expect(t.summary?.['en']).toBe('1 night');
  });

  it('closed time within one day is time outside hours: created at 06:00 on a Monday, opening at 08:00', () => {
    const t = explained([created(z('2026-01-12T05:00'))], z('2026-01-12T05:00'), enterprise);
    expect(t.summary).toEqual({ en: '2 h outside hours', es: '2 h fuera de horario' });
  });

  it('pauses by status and solved stretches count; nothing else stood in the way', () => {
    const events = [
      created(z('2026-01-12T08:00')),
      status(z('2026-01-12T08:30'), 'waiting_on_customer'),
      status(z('2026-01-12T09:00'), 'on_hold'),
      status(z('2026-01-12T09:45'), 'open'),
      status(z('2026-01-12T10:00'), 'solved'),
      status(z('2026-01-12T10:20'), 'reopened'),
    ];
    const t = explained(events, z('2026-01-12T10:30'), enterprise, pausing);
    expect(t.summary?.['en']).toBe('paused 30 min (waiting_on_customer); paused 45 min (on_hold); solved 20 min');
    expect(t.summary?.['es']).toBe('en pausa 30 min (waiting_on_customer); en pausa 45 min (on_hold); resuelto 20 min');
  });

  it('a stopped clock: the solved time after the stop is no reason, the projected way to the due instant is', () => {
    const t = explained(
      [created(z('2026-01-12T16:00')), status(z('2026-01-12T16:30'), 'solved')],
      z('2026-01-13T12:00'),
      enterprise,
    );
    expect(t.dueAt).toBe(z('2026-01-13T08:00'));
    expect(t.summary?.['en']).toBe('1 night');
  });

  it('a breached target: closures after the due instant are no reason', () => {
    const t = explained([created(z('2026-01-12T08:00'))], z('2026-01-14T12:00'), enterprise);
    expect(t.state).toBe('breached');
    expect(t.summary?.['en']).toBe('nothing closed or paused');
  });

  it('the 24/7 clock has no zone and closes nothing (the dedicated preset is in English only)', () => {
    const vip = { type: 'customer', plan: 'all_inclusive', addOns: ['dedicated_support'] };
    const t = explained(
      [created(z('2026-01-17T03:00'), 'sev1')],
      z('2026-01-17T03:30'),
      vip,
      parsePolicy(dedicatedSupport),
    );
    expect(t.zone).toBeNull();
    expect(t.summary).toEqual({ en: 'nothing closed or paused' });
  });

  it('without explain there is neither zone nor summary', () => {
    const [t] = measure(std, premium, [created(z('2026-01-12T08:00'))], z('2026-01-12T09:00')).targets;
    expect(t && ('zone' in t || 'summary' in t)).toBe(false);
  });
});

describe('summarizeSpans, on spans given by hand', () => {
  const span = (kind: SlaSpan['kind'], from: string, to: string, extra: Partial<SlaSpan> = {}): SlaSpan => ({
    kind,
    from: z(from),
    to: z(to),
    countedMs: kind === 'open' ? z(to) - z(from) : 0,
    projected: false,
    ...extra,
  });
  const target = (spans: SlaSpan[]) => ({ startedAt: spans[0]!.from, dueAt: spans.at(-1)!.to, stoppedAt: null });

  it('keys each locale whose language it writes (a regional tag reads as its language); others are left out', () => {
    const spans = [
      span('open', '2026-01-12T16:00', '2026-01-12T17:00'),
      span('closed', '2026-01-12T17:00', '2026-01-13T07:00'),
      span('open', '2026-01-13T07:00', '2026-01-13T08:00'),
    ];
    expect(summarizeSpans(spans, target(spans), 'Europe/Madrid', ['en', 'pt-BR', 'es-MX'])).toEqual({
      en: '1 night',
      'es-MX': '1 noche',
    });
  });

  it('a whole closed weekday that is no holiday is a closed day, and the nights beside it go with it', () => {
    // Closed on Wednesday 14 January: Tuesday 18:00 to Thursday 08:00 Madrid.
    const spans = [
      span('open', '2026-01-13T16:00', '2026-01-13T17:00'),
      span('closed', '2026-01-13T17:00', '2026-01-15T07:00'),
      span('open', '2026-01-15T07:00', '2026-01-15T08:00'),
    ];
    expect(summarizeSpans(spans, target(spans), 'Europe/Madrid', ['en'])['en']).toBe('1 closed day');
  });

  it('names three holidays and counts the rest; a holiday of several days is named once with its first and last day', () => {
    const holiday = (name: string, from: string, to: string) => span('holiday', from, to, { holiday: name });
    const spans = [
      span('open', '2026-12-21T16:00', '2026-12-21T17:00'),
      span('closed', '2026-12-21T17:00', '2026-12-21T23:00'),
      holiday('Winter break', '2026-12-21T23:00', '2026-12-24T23:00'),
      holiday('Christmas Day', '2026-12-24T23:00', '2026-12-25T23:00'),
      holiday('Boxing Day', '2026-12-25T23:00', '2026-12-26T23:00'),
      holiday('Company day', '2026-12-26T23:00', '2026-12-27T23:00'),
      holiday('Another', '2026-12-27T23:00', '2026-12-28T23:00'),
      span('closed', '2026-12-28T23:00', '2026-12-29T07:00'),
      span('open', '2026-12-29T07:00', '2026-12-29T08:00'),
    ];
    expect(summarizeSpans(spans, target(spans), 'Europe/Madrid', ['en'])['en']).toBe(
      'Winter break (Tue 22 Dec – Thu 24 Dec) closed; Christmas Day (Fri 25 Dec) closed; Boxing Day (Sat 26 Dec) closed; 2 more holidays; 8 nights',
    );
  });

  it('reads days in the zone given, not the machine’s: the same spans in New York', () => {
    const spans = [
      span('open', '2026-01-12T21:00', '2026-01-12T22:00'),
      span('closed', '2026-01-12T22:00', '2026-01-13T14:00'),
      span('open', '2026-01-13T14:00', '2026-01-13T15:00'),
    ];
    expect(summarizeSpans(spans, target(spans), 'America/New_York', ['en'])['en']).toBe('1 night');
    expect(summarizeSpans(spans, target(spans), 'Asia/Tokyo', ['en'])['en']).toBe('16 h outside hours');
  });
});

describe('the days of a closure in a zone that skipped one', () => {
  it('Pacific/Apia skipped 30 December 2011: the closure from the 29th at 17:00 to the 31st at 08:00 is one night', () => {
    // UTC−10 until the end of the 29th, UTC+14 from the 31st: 17:00 on the 29th is 03:00Z on the
    // 30th, 08:00 on the 31st is 18:00Z on the 30th.
    const at = (h: number) => Date.UTC(2011, 11, 30, h);
    const span = (from: number, to: number, kind: 'open' | 'closed'): SlaSpan => ({
      from,
      to,
      kind,
      countedMs: kind === 'open' ? to - from : 0,
      projected: false,
    });
    const spans = [span(at(-6), at(3), 'open'), span(at(3), at(18), 'closed'), span(at(18), at(20), 'open')];
    const target = { startedAt: at(-6), dueAt: at(20), stoppedAt: null };
    expect(summarizeSpans(spans, target, 'Pacific/Apia', ['en'])).toEqual({ en: '1 night' });
  });
});
