import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  CalculationError,
  InvalidArgumentError,
  isSupportPolicyError,
  PolicyValidationError,
  SupportPolicyError,
} from './index.js';

describe('error hierarchy', () => {
  it('every error is a SupportPolicyError with a code and a path', () => {
    const errors = [
      new InvalidArgumentError('invalid_duration', ['durationMs'], 'durationMs: expected …'),
      new CalculationError('never_open', [], 'calendar: never open'),
      new PolicyValidationError([{ code: 'invalid_zone', path: ['zone'], message: 'zone: unknown' }]),
    ];
    for (const e of errors) {
      expect(e).toBeInstanceOf(SupportPolicyError);
      expect(e).toBeInstanceOf(Error);
      expect(isSupportPolicyError(e)).toBe(true);
    }
    expect(errors.map((e) => e.name)).toEqual(['InvalidArgumentError', 'CalculationError', 'PolicyValidationError']);
    expect(errors[2]).toMatchObject({ code: 'invalid_zone', path: ['zone'] });
  });

  it('isSupportPolicyError recognises an error from another realm by its registered brand', () => {
    const foreign = runInNewContext(`
      const e = new Error('from another realm');
      Object.defineProperty(e, Symbol.for('support-policy.error'), { value: true });
      e;
    `);
    expect(foreign instanceof Error).toBe(false);
    expect(isSupportPolicyError(foreign)).toBe(true);
    expect(isSupportPolicyError({ code: 'never_open' })).toBe(false);
    expect(isSupportPolicyError(null)).toBe(false);
  });

  it('issues and paths are frozen', () => {
    const e = new PolicyValidationError([{ code: 'invalid_time', path: ['week', '1', 0, 0], message: 'x' }]);
    expect(Object.isFrozen(e.issues)).toBe(true);
    expect(Object.isFrozen(e.issues[0]?.path)).toBe(true);
    expect(Object.isFrozen(e.path)).toBe(true);
  });
});
