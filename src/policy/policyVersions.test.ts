import { describe, expect, it } from 'vitest';
import {
  advance,
  columnsToResults,
  measure,
  measureMany,
  measureState,
  parsePolicy,
  parsePolicyVersions,
  type PolicyDefinition,
  policyFingerprint,
  PolicyValidationError,
  policyInForce,
  standardSupport,
  startTicket,
  type TicketEvent,
} from '../index.js';

// Two versions of the standard policy: from 1 July 2026 (Madrid), Enterprise's first response
// target drops from PT2H to PT1H.
const HOUR = 3_600_000;
const JULY = '2026-07-01T00:00:00+02:00';
const faster = structuredClone(standardSupport) as unknown as {
  plans: Record<string, { targets: { duration: string; metric: string; role?: string }[] }>;
};
faster.plans['enterprise']!.targets.find((t) => t.metric === 'firstResponse' && t.role === undefined)!.duration =
  'PT1H';
const versions = parsePolicyVersions({
  versions: [
    { ...standardSupport, version: '2026-01' },
    { ...(faster as unknown as PolicyDefinition), version: '2026-07', effectiveFrom: JULY },
  ],
});
const enterprise = { type: 'direct', plan: 'enterprise' } as const;
const created = (at: number): TicketEvent => ({ kind: 'created', at, severity: 'critical' });
const june30 = Date.parse('2026-06-30T08:00:00Z'); // Tuesday 10:00 in Madrid
const july1 = Date.parse('2026-07-01T08:00:00Z'); // Wednesday 10:00 in Madrid

describe('policy versions', () => {
  it('a ticket is measured with the version in force when it was created, and says which', () => {
    const before = measure(versions, enterprise, [created(june30)], june30 + 24 * HOUR);
    const after = measure(versions, enterprise, [created(july1)], july1);
    expect([before.policy, before.targets[0]!.duration.iso]).toEqual([
      { id: 'standard-support', version: '2026-01', fingerprint: policyFingerprint(versions.versions[0]!) },
      'PT2H',
    ]);
    expect([after.policy, after.targets[0]!.duration.iso]).toEqual([
      { id: 'standard-support', version: '2026-07', fingerprint: policyFingerprint(versions.versions[1]!) },
      'PT1H',
    ]);
  });

  it('the switch is at effectiveFrom to the millisecond, and earlier tickets take the first version', () => {
    const at = Date.parse(JULY);
    expect(policyInForce(versions, at - 1).version).toBe('2026-01');
    expect(policyInForce(versions, at).version).toBe('2026-07');
    expect(policyInForce(versions, Date.parse('1999-01-01T00:00:00Z')).version).toBe('2026-01');
  });

  it('a batch mixes versions per ticket; rows and columns agree', () => {
    const tickets = [june30, july1].map((at) => ({ account: enterprise, events: [created(at)] }));
    const rows = measureMany(versions, tickets, july1 + HOUR);
    expect(rows.map((r) => r.policy.version)).toEqual(['2026-01', '2026-07']);
    const columns = measureMany(versions, tickets, july1 + HOUR, { format: 'columns' });
    expect(columns.tickets.policy.map((p) => p.version)).toEqual(['2026-01', '2026-07']);
    expect(columnsToResults(columns)).toEqual(rows);
  });

  it('startTicket on versions chooses the version at created; measureState says which', () => {
    const state = advance(startTicket(versions, enterprise), created(july1));
    expect(measureState(state, july1).policy.version).toBe('2026-07');
    expect(() => measureState(startTicket(versions, enterprise), july1)).toThrow(
      expect.objectContaining({ code: 'invalid_event' }),
    );
  });

  it('a plain policy reports its own id, version (null without one) and fingerprint', () => {
    const v9 = parsePolicy({ ...standardSupport, version: 'v9' });
    const r = measure(v9, enterprise, [created(july1)], july1);
    expect(r.policy).toEqual({ id: 'standard-support', version: 'v9', fingerprint: policyFingerprint(v9) });
  });

  it("a result names the fingerprint of its ticket's version, not of the list", () => {
    const rows = measureMany(versions, [{ account: enterprise, events: [created(june30)] }], july1);
    expect(rows[0]!.policy.fingerprint).toBe(policyFingerprint(versions.versions[0]!));
    expect(rows[0]!.policy.fingerprint).not.toBe(policyFingerprint(versions));
    expect(policyFingerprint(versions.versions[0]!)).not.toBe(policyFingerprint(versions.versions[1]!));
  });

  it('refuses versions out of order, unnamed, repeated, of another policy, or empty, with paths', () => {
    const issues = (doc: unknown) => {
      try {
        parsePolicyVersions(doc);
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyValidationError);
        return (e as PolicyValidationError).issues.map((i) => `${i.code} ${i.path.join('.')}`);
      }
    };
    const v = (version: string | undefined, effectiveFrom?: string, more: object = {}) => ({
      ...standardSupport,
      ...(version === undefined ? {} : { version }),
      ...(effectiveFrom === undefined ? {} : { effectiveFrom }),
      ...more,
    });
    expect(issues({ versions: [v('a'), v('b', '2026-01-01T00:00:00Z'), v('c', '2025-01-01T00:00:00Z')] })).toEqual([
      'invalid_rule versions.2.effectiveFrom',
    ]);
    expect(issues({ versions: [v('a'), v('b')] })).toEqual(['invalid_rule versions.1.effectiveFrom']);
    expect(issues({ versions: [v(undefined)] })).toEqual(['invalid_rule versions.0.version']);
    expect(issues({ versions: [v('a'), v('a', JULY)] })).toEqual(['duplicate_id versions.1.version']);
    expect(issues({ versions: [v('a'), v('b', JULY, { id: 'other' })] })).toEqual(['invalid_rule versions.1.id']);
    expect(issues({ versions: [] })).toEqual(['invalid_definition versions']);
    expect(issues({ versions: [v('a')], extra: 1 })).toEqual(['invalid_definition extra']);
    expect(issues({ versions: [v('a', '2026-07-01')] })).toEqual(['invalid_definition versions.0.effectiveFrom']);
    expect(issues({ versions: [v('a', '2026-02-30T00:00:00Z')] })).toHaveLength(1);
    // An effectiveFrom that exists is taken; one that does not, or that Date.parse cannot read, is refused.
    const only = (effectiveFrom: string) => issues({ versions: [v('a', effectiveFrom)] });
    for (const ok of ['2024-02-29T00:00Z', '2026-07-01T24:00:00.000+02:00', '2026-07-01T09:30:59.5-03:30'])
      expect(only(ok), ok).toEqual([]);
    const bad = [
      '2026-02-29T00:00Z', // not a leap year
      '2026-04-31T00:00Z',
      '2026-13-01T00:00Z',
      '2026-07-01T24:30Z', // past the end of the day
      '2026-07-01T23:60Z',
      '2026-07-01T23:59:60Z',
      '2026-07-01T10:00+24:00', // an offset Date.parse cannot read (it was taken, then read as NaN)
      '2026-07-01T10:00+23:60',
    ];
    for (const text of bad) expect(only(text), text).toEqual(['invalid_definition versions.0.effectiveFrom']);
    // A version's own problems, under its index.
    expect(issues({ versions: [v('a', undefined, { locales: [] })] })[0]).toMatch(/ versions\.0\.locales$/);
    expect(issues('{"versions": [')).toEqual(['invalid_json ']);
    // A sparse list: its holes are missing versions, reported each at its index.
    expect(issues({ versions: new Array(2) })).toHaveLength(2);
  });

  it('measure refuses anything but a parsed policy or parsed versions', () => {
    expect(() => measure({ versions: [] } as never, enterprise, [created(july1)], july1)).toThrow(
      expect.objectContaining({ code: 'invalid_policy' }),
    );
  });
});
