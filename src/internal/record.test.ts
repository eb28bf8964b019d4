import { afterEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { own, readOptions, readRecord } from './record.js';

const KNOWN = ['type', 'plan'] as const;

function refusal(call: () => unknown): InvalidArgumentError {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return e as InvalidArgumentError;
  }
  throw new Error('expected a refusal');
}

describe('one rule for objects passed in', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>)['plan'];
  });

  it('a plain or null-prototype object with known keys is read as it is', () => {
    const plain = { type: 'direct' };
    expect(readRecord(plain, ['account'], KNOWN, 'invalid_account', 'an account')).toBe(plain);
    const bare = Object.assign(Object.create(null) as object, { type: 'direct' });
    expect(readRecord(bare, ['account'], KNOWN, 'invalid_account', 'an account')).toBe(bare);
  });

  it('an unknown key is refused at its own path', () => {
    const e = refusal(() =>
      readRecord({ type: 'direct', plna: 'x' }, ['account'], KNOWN, 'invalid_account', 'an account'),
    );
    expect([e.code, e.path, e.message]).toEqual([
      'invalid_account',
      ['account', 'plna'],
      'account.plna: expected one of the fields type, plan, got "plna"',
    ]);
  });

  it.each<[string, unknown]>([
    ['a class instance', new Map()],
    ['an object with a replaced prototype', Object.create({ type: 'direct' })],
    ['an array', []],
    ['null', null],
    ['a string', 'direct'],
  ])('%s is not a record', (_, value) => {
    const e = refusal(() => readRecord(value, ['account'], KNOWN, 'invalid_account', 'an account'));
    expect([e.code, e.path]).toEqual(['invalid_account', ['account']]);
  });

  it('a polluted Object.prototype is never read as input', () => {
    (Object.prototype as Record<string, unknown>)['plan'] = 'enterprise';
    const account = readRecord({ type: 'direct' }, ['account'], KNOWN, 'invalid_account', 'an account');
    expect(own(account, 'plan')).toBeUndefined();
  });

  it('options: undefined is none, null or unknown keys are invalid_option', () => {
    expect(Object.keys(readOptions(undefined, ['now']))).toEqual([]);
    expect(refusal(() => readOptions(null, ['now'])).code).toBe('invalid_option');
    expect(refusal(() => readOptions({ nwo: 1 }, ['now'])).path).toEqual(['options', 'nwo']);
  });
});
