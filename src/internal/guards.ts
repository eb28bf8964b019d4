import type { ValidationIssue } from '../errors.js';
import { formatPath } from '../errors.js';
import { describeInstance } from './describeValue.js';

/** Keys that could reach an object's prototype when copied or merged. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonLimits {
  /** Deepest nesting accepted. */
  readonly maxDepth: number;
  /** Most values (objects, arrays and scalars) accepted in one document. */
  readonly maxNodes: number;
}

export const DEFAULT_LIMITS: JsonLimits = { maxDepth: 32, maxNodes: 1_000_000 };

/**
 * Walks an untrusted document before schema validation and reports what must never get further:
 * prototype keys (`__proto__`, `constructor`, `prototype`), objects that are not plain (a class
 * instance or an object whose prototype was replaced could smuggle inherited fields), and documents
 * too deep or too large to validate quickly. Stops at the first size problem, so it is bounded.
 * @internal
 */
export function scanUntrustedJson(value: unknown, limits: JsonLimits = DEFAULT_LIMITS): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let nodes = 0;
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      issues.push({
        code: 'input_too_large',
        path: [],
        message: `(root): expected at most ${limits.maxNodes} values, got more`,
      });
      return issues;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= limits.maxDepth) {
      issues.push({
        code: 'input_too_large',
        path,
        message: `${formatPath(path)}: expected nesting at most ${limits.maxDepth} levels deep`,
      });
      return issues;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      issues.push({
        code: 'invalid_definition',
        path,
        message: `${formatPath(path)}: expected a plain JSON object, got ${describeInstance(v)}`,
      });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({
          code: 'forbidden_key',
          path: [...path, key],
          message: `${formatPath([...path, key])}: forbidden key ${JSON.stringify(key)}`,
        });
        continue;
      }
      stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

/**
 * A copy of a document that {@link scanUntrustedJson} passed, made of null-prototype objects and
 * plain arrays holding only own enumerable properties: the schema then reads the document's own
 * fields only, never one inherited from a polluted `Object.prototype`.
 * @internal
 */
export function ownJsonCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(ownJsonCopy);
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) copy[key] = ownJsonCopy((value as Record<string, unknown>)[key]);
  return copy;
}
