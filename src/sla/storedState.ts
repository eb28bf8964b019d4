import { argumentError, InvalidArgumentError, isSupportPolicyError, underPath } from '../errors.js';
import { checkPolicyOrVersions, isPolicyVersions } from '../internal/brand.js';
import { own, readRecord } from '../internal/record.js';
import type { AccountDefinition } from '../policy/entitlementTypes.js';
import { type PolicyVersions, versionAt } from '../policy/policyVersions.js';
import type { Policy } from '../policy/schema.js';
import type { SlaState } from './advance.js';
import { STATE_FORMAT, stateFrom } from './advance.js';
import { createdAt } from './measure.js';
import { policyRef } from './results.js';
import type { PolicyRef, TicketEvent } from './types.js';

const KEYS = ['format', 'policy', 'account', 'events'];
const REF_KEYS = ['id', 'version', 'fingerprint'];

/**
 * A ticket's state read back from its JSON form ({@link StoredSlaState}), against the policy it
 * was measured with: the same state, which answers and advances as the one stored.
 *
 * @remarks
 * The policy is recognised by its fingerprint (`policyFingerprint`), not by its id or version
 * alone: a version edited in place is another policy. Given policy versions, the version in force
 * at the ticket's `created` must be the one stored. The events are checked again as they are
 * applied, so a stored state that was altered is refused with the path of the bad field under
 * `state`. Restoring costs what measuring the events costs (docs/performance.md).
 *
 * @param policy - the policy (or versions) the state was measured with
 * @param stored - what `state.toJSON()` returned, or `JSON.parse` of `JSON.stringify(state)`
 * @throws {@link InvalidArgumentError} `policy_mismatch` at `['state', 'policy']` when the state
 *   was measured with another policy: measure the ticket's events (`stored.events`) with the new
 *   one instead (`measure`, or `startTicket` and `advance`), and `compareDeadlines` says which
 *   deadlines move; `invalid_state` for anything that is not a stored state; the errors of
 *   `advance` for an event, under `['state', 'events', i]`
 * @example
 * ```ts
 * import { advance, measureState, parsePolicy, restoreState, standardSupport, startTicket } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const t0 = Date.parse('2026-01-05T08:00:00Z');
 * let state = startTicket(policy, { type: 'direct', plan: 'premium' });
 * state = advance(state, { kind: 'created', at: t0, severity: 'minor' });
 * const text = JSON.stringify(state); // no policy inside
 * text.length < 400; //=> true
 * const restored = advance(restoreState(policy, JSON.parse(text)), { kind: 'reply', at: t0 + 3_600_000, author: 'agent' });
 * measureState(restored, t0 + 7_200_000).targets[0].state; //=> 'achieved'
 * ```
 * @category SLA
 */
export function restoreState(policy: Policy | PolicyVersions, stored: unknown): SlaState {
  checkPolicyOrVersions(policy);
  const what = `a stored SLA state { format: "${STATE_FORMAT}", policy, account, events }`;
  const record = readRecord(stored, ['state'], KEYS, 'invalid_state', what);
  if (own(record, 'format') !== STATE_FORMAT)
    throw argumentError('invalid_state', ['state', 'format'], JSON.stringify(STATE_FORMAT), own(record, 'format'));
  const events = own(record, 'events');
  if (!Array.isArray(events)) throw argumentError('invalid_state', ['state', 'events'], 'a list of events', events);
  const ref = own(record, 'policy');
  if (ref !== null) checkPolicy(policy, readRef(ref, events.length), events as TicketEvent[]);
  else if (events.length > 0 && !isPolicyVersions(policy))
    throw argumentError('invalid_state', ['state', 'policy'], 'the policy of a ticket with events', ref);
  try {
    return stateFrom(policy, own(record, 'account') as AccountDefinition, events as TicketEvent[]);
  } catch (error) {
    throw isSupportPolicyError(error) ? underPath(error, ['state']) : error;
  }
}

function readRef(value: unknown, events: number): PolicyRef {
  const what = 'the policy a state was measured with { id, version, fingerprint }';
  const ref = readRecord(value, ['state', 'policy'], REF_KEYS, 'invalid_state', what);
  const { id, version, fingerprint } = ref;
  if (typeof id !== 'string' || (version !== null && typeof version !== 'string') || typeof fingerprint !== 'string')
    throw argumentError('invalid_state', ['state', 'policy'], what, value);
  if (events === 0) throw argumentError('invalid_state', ['state', 'events'], 'the events of the policy stored', []);
  return { id, version, fingerprint };
}

/** Refuses a policy whose version in force at `created` is not the one the state was measured with. */
function checkPolicy(policy: Policy | PolicyVersions, stored: PolicyRef, events: readonly TicketEvent[]): void {
  const inForce = isPolicyVersions(policy)
    ? versionAt(policy as PolicyVersions, createdAt(events))
    : (policy as Policy);
  const given = policyRef(inForce);
  if (given.fingerprint === stored.fingerprint) return;
  const name = (r: PolicyRef) =>
    `"${r.id}"${r.version === null ? '' : ` version "${r.version}"`} (fingerprint ${r.fingerprint})`;
  const message =
    `state.policy: the state was measured with policy ${name(stored)}, not with ${name(given)}: ` +
    'measure its events (state.events) with this policy instead, by measure or by startTicket and advance; ' +
    'compareDeadlines lists the deadlines that move';
  throw new InvalidArgumentError('policy_mismatch', ['state', 'policy'], message, stored);
}
