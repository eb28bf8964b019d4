import { formatPath, PolicyValidationError, type ValidationIssue } from '../errors.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { findDuplicateKeys } from '../internal/duplicateKeys.js';
import { brandPolicy } from '../internal/brand.js';
import { ownJsonCopy, scanUntrustedJson } from '../internal/guards.js';
import { toValidationIssues } from '../internal/zodIssues.js';
import { crossCheckPolicy } from './crossChecks.js';
import { type Policy, PolicySchema } from './schema.js';

/** Largest JSON text accepted (characters): a policy is a configuration file, not a data set. */
const MAX_TEXT_LENGTH = 5_000_000;

/**
 * The result of {@link safeParsePolicy}: zod's `{ success, data | error }` shape.
 * @category Policy
 */
export type SafeParsePolicyResult =
  | { readonly success: true; readonly data: Policy }
  | { readonly success: false; readonly error: PolicyValidationError };

export function collectIssues(input: unknown): { issues: ValidationIssue[]; data?: Policy } {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_TEXT_LENGTH) {
      return {
        issues: [
          {
            code: 'input_too_large',
            path: [],
            message: `(root): expected at most ${MAX_TEXT_LENGTH} characters of JSON, got ${input.length}`,
          },
        ],
      };
    }
    try {
      value = JSON.parse(input);
    } catch (e) {
      return {
        issues: [
          {
            code: 'invalid_json',
            path: [],
            message: `(root): expected JSON text, got a syntax error (${(e as Error).message})`,
          },
        ],
      };
    }
    const duplicates = findDuplicateKeys(input);
    if (duplicates.length > 0) {
      return {
        issues: duplicates.map((path) => ({
          code: 'duplicate_key' as const,
          path,
          message: `${formatPath(path)}: expected each key once in its object, got it twice`,
        })),
      };
    }
  }
  const scanned = scanUntrustedJson(value);
  if (scanned.length > 0) return { issues: scanned };
  const parsed = PolicySchema.safeParse(ownJsonCopy(value), { reportInput: true });
  if (!parsed.success) return { issues: toValidationIssues(parsed.error) };
  const policy = withDefaultAccountType(parsed.data as Policy);
  const crossed = crossCheckPolicy(policy);
  if (crossed.length > 0) return { issues: crossed };
  return { issues: [], data: deepFreeze(brandPolicy(policy)) as Policy };
}

/**
 * A policy without account types gets one, `customer`, served by the vendor with the plan's
 * targets and support hours; its label is "Customer" in every locale the policy declares.
 */
function withDefaultAccountType(p: Policy): Policy {
  if (Object.keys(p.accountTypes).length > 0) return p;
  const label = Object.fromEntries(p.locales.map((l) => [l, 'Customer'])) as { en: string };
  const customer = {
    label,
    firstLine: 'vendor',
    vendorTickets: 'yes',
    targets: 'plan',
    customerSuccess: 'none',
    supportHours: 'plan',
    requiresPartner: false,
  } as const;
  return { ...p, accountTypes: { customer } };
}

/**
 * Validates a support policy and returns it typed and frozen, or throws one error listing every
 * problem with its path.
 *
 * @remarks
 * Accepts the parsed object or the JSON text itself; from text, keys repeated within one object
 * (two plans with one id) are reported instead of silently keeping the last. Checks run in three
 * stages, each reporting all its problems: the input's shape (prototype keys, size, depth), the
 * schema (unknown fields, types, formats), then the references between fields (a target naming
 * an unknown calendar, an add-on available on a plan that does not exist or included in a plan
 * that may not take it, duplicate criterion ids, a deduction increment larger than the minimum,
 * a text missing a declared locale).
 *
 * @param input - a policy document (object or JSON text)
 * @returns the validated {@link Policy}, with defaults filled in, deeply frozen
 * @throws {@link PolicyValidationError} whose `issues` list every problem
 * @example
 * ```ts
 * import { parsePolicy, standardSupport } from 'support-policy';
 * const policy = parsePolicy(JSON.stringify(standardSupport));
 * policy.plans.enterprise.targets[0].duration; //=> 'PT2H'
 * ```
 * @category Policy
 */
export function parsePolicy(input: unknown): Policy {
  const { issues, data } = collectIssues(input);
  if (data === undefined) throw new PolicyValidationError(issues, 'policy');
  return data;
}

/**
 * Like {@link parsePolicy}, but returns `{ success: true, data }` or `{ success: false, error }`
 * instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParsePolicy } from 'support-policy';
 * const result = safeParsePolicy({ schemaVersion: 1 });
 * result.success; //=> false
 * ```
 * @category Policy
 */
export function safeParsePolicy(input: unknown): SafeParsePolicyResult {
  const { issues, data } = collectIssues(input);
  return data === undefined
    ? { success: false, error: new PolicyValidationError(issues, 'policy') }
    : { success: true, data };
}
