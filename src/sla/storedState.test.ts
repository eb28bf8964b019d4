import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/fixtures/errors.js';
import {
  advance,
  measure,
  measureState,
  parsePolicy,
  parsePolicyVersions,
  policyFingerprint,
  restoreState,
  type PolicyDefinition,
  type SlaState,
  standardSupport,
  startTicket,
  type TicketEvent,
} from '../index.js';

const HOUR = 3_600_000;
const MON = Date.parse('2026-01-12T08:00:00Z'); // Monday 09:00 in Madrid
const std = parsePolicy(standardSupport);
const premium = { type: 'direct', plan: 'premium' };
const events: TicketEvent[] = [
  { kind: 'created', at: MON, severity: 'minor', fields: { channel: 'email', tags: ['vip'] } },
  { kind: 'reply', at: MON + HOUR, author: 'agent' },
  { kind: 'reply', at: MON + 2 * HOUR, author: 'customer' },
  { kind: 'plan', at: MON + 3 * HOUR, plan: 'enterprise' },
];
const fold = (state: SlaState, list: readonly TicketEvent[]) => list.reduce(advance, state);
const stored = () => JSON.parse(JSON.stringify(fold(startTicket(std, premium), events))) as Record<string, unknown>;

describe('a stored state', () => {
  it('is compact JSON: the policy by id, version and fingerprint, the starting account and the events', () => {
    const state = fold(startTicket(std, premium), events);
    const text = JSON.stringify(state);
    expect(text.length).toBeLessThan(600);
    expect(JSON.parse(text)).toEqual({
      format: 'support-policy/sla-state@1',
      policy: { id: 'standard-support', version: std.version ?? null, fingerprint: policyFingerprint(std) },
      account: premium,
      events: events.map((e) => ({ ...e, at: e.at })),
    });
    expect(state.toJSON()).toEqual(JSON.parse(text));
    // Not the caller's objects: changing them later changes nothing stored.
    expect(state.toJSON().events[0]).not.toBe(events[0]);
  });

  it('is restored against its policy: the same answers, and advancing it equals advancing the original', () => {
    const state = fold(startTicket(std, premium), events);
    const restored = restoreState(std, JSON.parse(JSON.stringify(state)));
    const now = MON + 5 * HOUR;
    expect(measureState(restored, now)).toEqual(measureState(state, now));
    expect([restored.eventCount, restored.lastEventAt, restored.account]).toEqual([4, MON + 3 * HOUR, state.account]);
    const next: TicketEvent = { kind: 'reply', at: MON + 4 * HOUR, author: 'agent' };
    expect(measureState(advance(restored, next), now)).toEqual(measureState(advance(state, next), now));
    expect(measureState(advance(restored, next), now)).toEqual(measure(std, premium, [...events, next], now));
  });

  it('survives structuredClone of its JSON form, and a state with no event', () => {
    const state = fold(startTicket(std, premium), events);
    const restored = restoreState(std, structuredClone(state.toJSON()));
    expect(measureState(restored, MON + 5 * HOUR)).toEqual(measureState(state, MON + 5 * HOUR));
    const empty = restoreState(std, JSON.parse(JSON.stringify(startTicket(std, premium))));
    expect([empty.eventCount, empty.lastEventAt]).toEqual([0, null]);
    expect(measureState(advance(empty, events[0]!), MON).targets[0]!.state).toBe('running');
  });

  it("against another policy is refused with 'policy_mismatch', saying how to re-measure", () => {
    const edited = parsePolicy({ ...standardSupport, version: 'edited' } as PolicyDefinition);
    const error = errorOf(() => restoreState(edited, stored()));
    expect(error).toMatchObject({ code: 'policy_mismatch', path: ['state', 'policy'] });
    expect(error.message).toContain(policyFingerprint(std));
    expect(error.message).toContain(policyFingerprint(edited));
    expect(error.message).toMatch(/measure its events .* with this policy instead/);
    // A policy equal in content (parsed again) is the same policy.
    expect(restoreState(parsePolicy(structuredClone(standardSupport)), stored()).eventCount).toBe(4);
  });

  it('on policy versions: the version in force at created must be the one stored', () => {
    const v1 = { ...standardSupport, version: '2026-01' } as PolicyDefinition;
    const v2 = {
      ...standardSupport,
      version: '2026-07',
      effectiveFrom: '2026-07-01T00:00:00+02:00',
    } as PolicyDefinition;
    const versions = parsePolicyVersions({ versions: [v1, v2] });
    const state = fold(startTicket(versions, premium), events);
    expect(state.toJSON().policy?.version).toBe('2026-01');
    const restored = restoreState(versions, JSON.parse(JSON.stringify(state)));
    expect(measureState(restored, MON + 5 * HOUR)).toEqual(measureState(state, MON + 5 * HOUR));
    expect(restoreState(versions.versions[0]!, JSON.parse(JSON.stringify(state))).eventCount).toBe(4);
    const moved = parsePolicyVersions({ versions: [{ ...v1, version: '2025-12' }, v2] });
    expect(errorOf(() => restoreState(moved, JSON.parse(JSON.stringify(state))))).toMatchObject({
      code: 'policy_mismatch',
    });
    // Before created no version is chosen: the stored state names none.
    const pending = JSON.parse(JSON.stringify(startTicket(versions, premium))) as { policy: unknown };
    expect(pending.policy).toBeNull();
    expect(advance(restoreState(versions, pending), events[0]!).policy).toBe(versions.versions[0]);
  });

  it("anything else is refused with 'invalid_state' or the event's own error, under 'state'", () => {
    const cases: [unknown, object][] = [
      [null, { code: 'invalid_state', path: ['state'] }],
      [[], { code: 'invalid_state', path: ['state'] }],
      [
        { ...stored(), extra: 1 },
        { code: 'invalid_state', path: ['state', 'extra'] },
      ],
      [
        { ...stored(), format: 'support-policy/sla-state@9' },
        { code: 'invalid_state', path: ['state', 'format'] },
      ],
      [
        { ...stored(), events: {} },
        { code: 'invalid_state', path: ['state', 'events'] },
      ],
      [
        { ...stored(), policy: { id: 'x' } },
        { code: 'invalid_state', path: ['state', 'policy'] },
      ],
      [
        { ...stored(), policy: null },
        { code: 'invalid_state', path: ['state', 'policy'] },
      ],
      [
        { ...stored(), events: [] },
        { code: 'invalid_state', path: ['state', 'events'] },
      ],
      [
        { ...stored(), account: { type: 'direct', plan: 'gold' } },
        { code: 'unknown_reference', path: ['state', 'account', 'plan'] },
      ],
    ];
    for (const [value, expected] of cases) expect(errorOf(() => restoreState(std, value))).toMatchObject(expected);
    const altered = stored();
    (altered['events'] as Record<string, unknown>[])[1]!['author'] = 'bot';
    expect(errorOf(() => restoreState(std, altered))).toMatchObject({
      code: 'invalid_event',
      path: ['state', 'events', 1, 'author'],
    });
    const polluted = JSON.parse(
      JSON.stringify(stored()).replace('"format"', '"__proto__":{"x":1},"format"'),
    ) as unknown;
    expect(errorOf(() => restoreState(std, polluted))).toMatchObject({
      code: 'invalid_state',
      path: ['state', '__proto__'],
    });
    expect(errorOf(() => restoreState({} as never, stored()))).toMatchObject({ code: 'invalid_policy' });
  });
});
