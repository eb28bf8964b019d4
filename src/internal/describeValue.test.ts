import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { argumentError } from '../errors.js';
import { describeValue } from './describeValue.js';

function cyclic(): object {
  const o: Record<string, unknown> = { a: 1 };
  o['self'] = o;
  return o;
}

function deep(levels: number): object {
  let o: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) o = { next: o };
  return o;
}

describe('describeValue renders any value safely and briefly', () => {
  it.each<[string, unknown, string]>([
    ['a string, quoted', 'Europe/Madird', '"Europe/Madird"'],
    ['a BigInt, with its n', 10n, '10n'],
    ['NaN', Number.NaN, 'NaN'],
    ['negative zero', -0, '-0'],
    ['a symbol', Symbol('x'), 'Symbol(x)'],
    ['a function', () => 1, 'a function'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['an Invalid Date', new Date(Number.NaN), 'Invalid Date'],
    ['a Date, as ISO', new Date(0), '1970-01-01T00:00:00.000Z'],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { at: 1 }), '{ at: 1 }'],
    ['an empty null-prototype object', Object.create(null), '{}'],
    ['a cyclic object', cyclic(), '{ a: 1, self: { a: 1, self: {…} } }'],
    ['a 10,000-deep object', deep(10_000), '{ next: { next: {…} } }'],
    ['a class instance, by name', new Map(), 'an instance of Map'],
    [
      'an object with a replaced prototype',
      Object.create({ certified: true }),
      'an object with a non-standard prototype',
    ],
    ['a long array, counted', [1, 2, 3, 4, 5, 6, 7], '[1, 2, 3, 4, 5, … 2 more]'],
    ['a key that is not an identifier, quoted', { 'a b': 1 }, '{ "a b": 1 }'],
    ['a getter, unread', Object.defineProperty({}, 'x', { get: () => 1, enumerable: true }), '{ x: a getter }'],
  ])('%s', (_, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('a valid luxon DateTime shows its ISO form, an invalid one its reason', () => {
    expect(describeValue(DateTime.fromMillis(0, { zone: 'UTC' }))).toBe('DateTime 1970-01-01T00:00:00.000Z');
    expect(describeValue(DateTime.invalid('broken'))).toBe('an invalid DateTime (broken)');
  });

  it('a Proxy whose traps throw is described without being read', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('no');
        },
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    expect(describeValue(hostile)).toBe('a value of type object');
  });

  it('cuts long renderings to 120 characters', () => {
    expect(describeValue('x'.repeat(1_000))).toHaveLength(120);
    expect(
      describeValue(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key${i}`, 'y'.repeat(40)]))),
    ).toHaveLength(120);
  });

  it('argumentError builds "path: expected …, got …" with the value rendered safely', () => {
    const e = argumentError('invalid_event', ['events', 3, 'author'], 'agent, customer or automatic', 10n);
    expect(e.message).toBe('events[3].author: expected agent, customer or automatic, got 10n');
    expect([e.code, e.path, e.value]).toEqual(['invalid_event', ['events', 3, 'author'], 10n]);
  });
});
