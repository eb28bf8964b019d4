import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../src/index.js';

/** Epoch ms of a local wall time with an explicit offset, e.g. `'2026-03-29T03:00+02:00'`. */
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const HOUR = 3_600_000;
const MIN = 60_000;

describe('Europe/Madrid: 2026-03-29 jumps 02:00 → 03:00; 2026-10-25 falls back 03:00 → 02:00', () => {
  it('an opening in the spring-forward gap opens at the transition (02:30 → 03:00 CEST)', () => {
    const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 7: [['02:30', '04:00']] } });
    const open = at('2026-03-29T03:00+02:00');
    expect(cal.nextOpening(at('2026-03-28T12:00+01:00'))).toBe(open);
    expect(cal.isOpen(open - 1)).toBe(false);
    expect(cal.between(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'))).toBe(1 * HOUR);
  });

  it('a closing in the spring-forward gap closes at the transition (02:30 → 03:00 CEST)', () => {
    const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 7: [['01:00', '02:30']] } });
    expect(cal.nextClosing(at('2026-03-29T01:10+01:00'))).toBe(at('2026-03-29T03:00+02:00'));
    expect(cal.add(at('2026-03-29T01:00+01:00'), 1 * HOUR)).toBe(at('2026-03-29T03:00+02:00'));
  });

  it('an interval entirely inside the gap is empty, and its date is no business day', () => {
    const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 7: [['02:10', '02:50']], 1: [['09:00', '10:00']] } });
    expect(cal.between(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'))).toBe(0);
    // From Saturday, one business day is Monday's last closing, not Sunday's.
    expect(cal.addBusinessDays(at('2026-03-28T12:00+01:00'), 1)).toBe(at('2026-03-30T10:00+02:00'));
  });

  it('an opening in the fall-back overlap opens at the earlier occurrence (02:30 CEST)', () => {
    const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 7: [['02:30', '03:30']] } });
    expect(cal.nextOpening(at('2026-10-24T12:00+02:00'))).toBe(at('2026-10-25T02:30+02:00'));
    // 02:30 CEST → 03:30 CET is two hours of elapsed time.
    expect(cal.between(at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00'))).toBe(2 * HOUR);
  });

  it('a closing in the fall-back overlap closes at the earlier occurrence (02:30 CEST)', () => {
    const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 7: [['01:00', '02:30']] } });
    expect(cal.nextClosing(at('2026-10-25T01:00+02:00'))).toBe(at('2026-10-25T02:30+02:00'));
  });

  it('a business day keeps its wall-clock hours on both sides of a transition', () => {
    const weekdays: [string, string][] = [['08:00', '18:00']];
    const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 5: weekdays, 1: weekdays } });
    // Friday 17:00 CET + 2 h → Monday 09:00 CEST.
    expect(cal.add(at('2026-03-27T17:00+01:00'), 2 * HOUR)).toBe(at('2026-03-30T09:00+02:00'));
    expect(cal.addBusinessDays(at('2026-03-27T10:00+01:00'), 1)).toBe(at('2026-03-30T10:00+02:00'));
  });
});

describe('America/Santiago: the clock changes at midnight', () => {
  // 2026-09-06 00:00 (−04) jumps to 01:00 (−03); 2026-04-05 00:00 (−03) falls back to 04-04 23:00 (−04).
  it('a midnight opening on the spring-forward day opens at 01:00 (−03)', () => {
    const cal = compileCalendar({ zone: 'America/Santiago', week: { 7: [['00:00', '08:00']] } });
    expect(cal.nextOpening(at('2026-09-05T12:00-04:00'))).toBe(at('2026-09-06T01:00-03:00'));
    expect(cal.between(at('2026-09-05T12:00-04:00'), at('2026-09-07T00:00-03:00'))).toBe(7 * HOUR);
  });

  it('a 24:00 closing the evening before the jump closes at the same instant', () => {
    const cal = compileCalendar({ zone: 'America/Santiago', week: { 6: [['20:00', '24:00']] } });
    expect(cal.nextClosing(at('2026-09-05T21:00-04:00'))).toBe(at('2026-09-06T01:00-03:00'));
    expect(cal.between(at('2026-09-05T00:00-04:00'), at('2026-09-07T00:00-03:00'))).toBe(4 * HOUR);
  });

  it('24:00 on the fall-back evening is the midnight after the repeated hour', () => {
    const cal = compileCalendar({ zone: 'America/Santiago', week: { 6: [['20:00', '24:00']] } });
    // 20:00 (−03) to 00:00 (−04): five hours of elapsed time.
    expect(cal.nextClosing(at('2026-04-04T21:00-03:00'))).toBe(at('2026-04-05T00:00-04:00'));
    expect(cal.between(at('2026-04-04T00:00-03:00'), at('2026-04-06T00:00-04:00'))).toBe(5 * HOUR);
  });

  it('a 24/7 calendar is plain elapsed time across both transitions', () => {
    const day: [string, string][] = [['00:00', '24:00']];
    const cal = compileCalendar({
      zone: 'America/Santiago',
      week: { 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day },
    });
    for (const t of [at('2026-09-05T23:00-04:00'), at('2026-04-04T22:30-03:00')]) {
      expect(cal.add(t, 2 * HOUR)).toBe(t + 2 * HOUR);
      expect(cal.between(t, t + 5 * HOUR)).toBe(5 * HOUR);
    }
  });
});

describe('Australia/Lord_Howe: the clock shifts by 30 minutes', () => {
  // 2026-10-04 02:00 (+10:30) jumps to 02:30 (+11); 2026-04-05 02:00 (+11) falls back to 01:30 (+10:30).
  it('an opening in the 30-minute gap opens at 02:30 (+11)', () => {
    const cal = compileCalendar({ zone: 'Australia/Lord_Howe', week: { 7: [['02:00', '03:00']] } });
    expect(cal.nextOpening(at('2026-10-03T12:00+10:30'))).toBe(at('2026-10-04T02:30+11:00'));
    expect(cal.between(at('2026-10-03T12:00+10:30'), at('2026-10-05T00:00+11:00'))).toBe(30 * MIN);
  });

  it('a closing after the 30-minute overlap makes the interval 30 minutes longer', () => {
    const cal = compileCalendar({ zone: 'Australia/Lord_Howe', week: { 7: [['01:00', '02:00']] } });
    // 01:00 (+11) → 02:00 (+10:30): the first instant showing 02:00 is after the repeated half hour.
    expect(cal.nextClosing(at('2026-04-05T01:10+11:00'))).toBe(at('2026-04-05T02:00+10:30'));
    expect(cal.add(at('2026-04-05T01:00+11:00'), 90 * MIN)).toBe(at('2026-04-05T02:00+10:30'));
  });

  it('an opening inside the overlap opens at its earlier occurrence', () => {
    const cal = compileCalendar({ zone: 'Australia/Lord_Howe', week: { 7: [['01:45', '03:00']] } });
    expect(cal.nextOpening(at('2026-04-04T12:00+11:00'))).toBe(at('2026-04-05T01:45+11:00'));
  });
});
