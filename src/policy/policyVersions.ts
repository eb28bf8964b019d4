import { argumentError, formatPath, PolicyValidationError, type ValidationIssue } from '../errors.js';
import { brandPolicyVersions, isPolicyVersions } from '../internal/brand.js';
import { isPlainObject, own } from '../internal/record.js';
import { type InstantLike, instantMs } from '../instant.js';
import { collectIssues } from './parsePolicy.js';
import type { Policy } from './schema.js';

/**
 * A policy's dated versions, as {@link parsePolicyVersions} returns them: each a validated policy
 * with its `version`, in force for tickets created from its `effectiveFrom` until the next one's.
 * @category Policy
 */
export interface PolicyVersions {
  /** The id every version shares. */
  readonly id: string;
  /** The versions, oldest first. */
  readonly versions: readonly Policy[];
}

/** The most versions a document may hold. */
const MAX_VERSIONS = 100;

const issue = (code: ValidationIssue['code'], path: (string | number)[], expected: string): ValidationIssue => ({
  code,
  path,
  message: `${formatPath(path)}: ${expected}`,
});

/**
 * Validates a policy document that holds dated versions — `{ versions: [policy, …] }`, an object
 * or its JSON text — each checked as {@link parsePolicy} checks a policy. A ticket is then measured
 * with the version in force when it was created (pass the versions to `measure`, `measureMany` or
 * `startTicket`), and its results say which (`result.policy`).
 *
 * @remarks
 * Every version has a `version` (unique) and the same `id`; every version after the first has an
 * `effectiveFrom` instant (ISO 8601 with an offset), later than the one before. The first
 * version's `effectiveFrom` may be left out: it then applies to every ticket before the second.
 * A ticket created before the first version's `effectiveFrom` is measured with the first.
 *
 * @throws {@link PolicyValidationError} with every problem, paths under `versions[i]`
 * @example
 * ```ts
 * import { parsePolicyVersions, policyInForce, standardSupport } from 'support-policy';
 * const versions = parsePolicyVersions({
 *   versions: [
 *     { ...standardSupport, version: '2025' },
 *     { ...standardSupport, version: '2026', effectiveFrom: '2026-01-01T00:00:00+01:00' },
 *   ],
 * });
 * versions.versions.map((v) => v.version); //=> ['2025', '2026']
 * policyInForce(versions, Date.parse('2025-12-31T22:59:59Z')).version; //=> '2025'
 * policyInForce(versions, Date.parse('2025-12-31T23:00:00Z')).version; //=> '2026'
 * ```
 * @category Policy
 */
export function parsePolicyVersions(input: unknown): PolicyVersions {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new PolicyValidationError(
        [issue('invalid_json', [], `expected JSON text, got a syntax error (${(e as Error).message})`)],
        'policy versions',
      );
    }
  }
  const list = isPlainObject(value) ? own(value, 'versions') : undefined;
  const extra = isPlainObject(value) ? Object.keys(value).filter((k) => k !== 'versions') : [];
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_VERSIONS || extra.length > 0) {
    const path = extra.length > 0 ? [extra[0]!] : ['versions'];
    const what =
      extra.length > 0
        ? 'only "versions" in a versions document'
        : `a document { versions: [policy, …] } with 1 to ${MAX_VERSIONS} versions`;
    throw new PolicyValidationError([issue('invalid_definition', path, `expected ${what}`)], 'policy versions');
  }
  const issues: ValidationIssue[] = [];
  const policies: Policy[] = [];
  // Every index, holes included (a sparse list's hole is a missing version, not one to skip).
  for (let i = 0; i < list.length; i++) {
    const { issues: found, data } = collectIssues(list[i]);
    for (const x of found) {
      const path = ['versions', i, ...x.path];
      // The message without its own path (everything before the first ": "), under the version's.
      issues.push({ ...x, path, message: `${formatPath(path)}: ${x.message.slice(x.message.indexOf(': ') + 2)}` });
    }
    if (data !== undefined) policies.push(data);
  }
  if (issues.length === 0) checkSequence(policies, issues);
  if (issues.length > 0) throw new PolicyValidationError(issues, 'policy versions');
  return Object.freeze(brandPolicyVersions({ id: policies[0]!.id, versions: Object.freeze(policies) }));
}

/** Versions share their id, are named uniquely, and take effect one after the other. */
function checkSequence(policies: readonly Policy[], issues: ValidationIssue[]): void {
  const seen = new Set<string>();
  let previous = Number.NEGATIVE_INFINITY;
  policies.forEach((p, i) => {
    const at = (field: string) => ['versions', i, field];
    if (p.id !== policies[0]!.id)
      issues.push(
        issue('invalid_rule', at('id'), `expected the id of every version, "${policies[0]!.id}", got "${p.id}"`),
      );
    if (p.version === undefined) issues.push(issue('invalid_rule', at('version'), 'expected a version name'));
    else if (seen.has(p.version))
      issues.push(issue('duplicate_id', at('version'), `expected a unique version, got "${p.version}" again`));
    else seen.add(p.version);
    if (p.effectiveFrom === undefined) {
      if (i > 0)
        issues.push(issue('invalid_rule', at('effectiveFrom'), 'expected the instant this version takes effect'));
      return;
    }
    const from = Date.parse(p.effectiveFrom);
    if (from <= previous)
      issues.push(
        issue(
          'invalid_rule',
          at('effectiveFrom'),
          `expected an instant after the previous version's, got "${p.effectiveFrom}"`,
        ),
      );
    previous = from;
  });
}

/**
 * The version in force at an instant: the last whose `effectiveFrom` is not after it (the first
 * version before any).
 *
 * @throws {@link InvalidArgumentError} `invalid_policy` for versions `parsePolicyVersions` did not
 *   return; `invalid_instant` for a bad instant
 * @example
 * ```ts
 * import { parsePolicyVersions, policyInForce, standardSupport } from 'support-policy';
 * const versions = parsePolicyVersions({ versions: [{ ...standardSupport, version: 'v1' }] });
 * policyInForce(versions, Date.parse('2026-12-05T00:00:00Z')).version; //=> 'v1'
 * ```
 * @category Policy
 */
export function policyInForce(versions: PolicyVersions, at: InstantLike): Policy {
  checkVersions(versions);
  return versionAt(versions, instantMs(at, 'at'));
}

/** The version in force at `ms` (epoch ms) of checked versions. @internal */
export function versionAt(versions: PolicyVersions, ms: number): Policy {
  const list = versions.versions;
  let chosen = list[0]!;
  for (let i = 1; i < list.length; i++) if (Date.parse(list[i]!.effectiveFrom!) <= ms) chosen = list[i]!;
  return chosen;
}

function checkVersions(value: unknown): void {
  if (!isPolicyVersions(value))
    throw argumentError('invalid_policy', ['versions'], 'policy versions returned by parsePolicyVersions', value);
}
