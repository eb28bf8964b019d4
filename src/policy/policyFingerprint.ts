import { checkPolicyOrVersions } from '../internal/brand.js';
import { canonicalJson } from '../internal/canonicalJson.js';
import { fnv1a64 } from '../internal/fnv1a64.js';
import type { PolicyVersions } from './policyVersions.js';
import type { Policy } from './schema.js';

/** One fingerprint per policy (or versions) object: results of many tickets name it without recomputing it. */
const fingerprints = new WeakMap<object, string>();

/**
 * A short, stable fingerprint of a validated policy's content: 16 hex digits that are the same for
 * two policies holding the same data, and differ when anything in them differs.
 *
 * @remarks
 * The FNV-1a 64-bit hash of the UTF-8 bytes of the policy's canonical JSON (RFC 8785: no white
 * space, keys sorted, arrays in order), so it does not depend on the order the document's keys
 * were written in, on the objects it is made of, or on the machine: it can be recomputed anywhere
 * from `parsePolicy`'s output. It covers the whole parsed policy, defaults filled in — calendars,
 * holidays, plans, targets, thresholds, statuses, rules, and also its texts, `version` and
 * `effectiveFrom` — so a fingerprint that changes says that something changed, not that a result
 * will; {@link compareDeadlines} says which deadlines move.
 *
 * It detects changes; it is not a security measure (anyone can make two policies with the same
 * fingerprint on purpose). Two different policies share one by chance with odds of about 2^-64
 * (one in 1.8 × 10^19) per pair. See docs/decisions.md.
 *
 * Given {@link PolicyVersions}, it fingerprints the whole list (`{ id, versions }`), so it changes
 * when any version changes or one is added; a result names the fingerprint of the one version it
 * was measured with (`result.policy.fingerprint`). Each object's fingerprint is computed once.
 *
 * @param policy - a policy from {@link parsePolicy}, or versions from {@link parsePolicyVersions}
 * @returns 16 lowercase hex digits
 * @throws {@link InvalidArgumentError} `invalid_policy` for anything `parsePolicy` or
 *   `parsePolicyVersions` did not return
 * @example
 * ```ts
 * import { parsePolicy, policyFingerprint, standardSupport } from 'support-policy';
 * const policy = parsePolicy(standardSupport);
 * const copy = parsePolicy(JSON.parse(JSON.stringify(standardSupport)));
 * policyFingerprint(policy) === policyFingerprint(copy); //=> true
 * /^[0-9a-f]{16}$/.test(policyFingerprint(policy)); //=> true
 * const renamed = parsePolicy({ ...standardSupport, version: '2027' });
 * policyFingerprint(renamed) === policyFingerprint(policy); //=> false
 * ```
 * @category Policy
 */
export function policyFingerprint(policy: Policy | PolicyVersions): string {
  let fingerprint = fingerprints.get(policy);
  if (fingerprint === undefined) {
    checkPolicyOrVersions(policy);
    fingerprint = fnv1a64(canonicalJson(policy));
    fingerprints.set(policy, fingerprint);
  }
  return fingerprint;
}
