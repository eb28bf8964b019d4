import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import { complianceReport, measure, parsePolicy, standardSupport } from '../index.js';

const policy = parsePolicy(standardSupport);
/** Tickets created at 23:30Z on the last day of each month: already the next month in Madrid. */
const results = ['2026-01-31T23:30:00Z', '2026-03-31T23:30:00Z', '2026-06-30T23:30:00Z'].map((iso) =>
  measure(
    policy,
    { type: 'direct', plan: 'enterprise' },
    [{ kind: 'created', at: Date.parse(iso), severity: 'major' }],
    Date.parse(iso),
  ),
);
const monthsIn = (zone: string) => complianceReport(results, { period: 'month', zone }).map((r) => r.period);

describe('complianceReport: the zone option in any case', () => {
  it('europe/madrid makes the periods Europe/Madrid makes', () => {
    expect(monthsIn('europe/madrid')).toEqual(monthsIn('Europe/Madrid'));
    expect(monthsIn('europe/madrid')).toEqual(['2026-02', '2026-04', '2026-07']);
  });

  it('utc and utc+01:00 make the periods UTC and UTC+01:00 make', () => {
    expect(monthsIn('utc')).toEqual(['2026-01', '2026-03', '2026-06']);
    expect(monthsIn('utc')).toEqual(monthsIn('UTC'));
    expect(monthsIn('utc+01:00')).toEqual(monthsIn('UTC+01:00'));
    expect(monthsIn('utc+01:00')).toEqual(['2026-02', '2026-04', '2026-07']);
  });

  it.each(['Local', 'system', 'Europe/Madird'])('still refuses %j, naming options.zone', (zone) => {
    expect(errorOf(() => complianceReport(results, { period: 'month', zone })).path).toEqual(['options', 'zone']);
  });
});
