import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, toEpochMs } from './index.js';

describe('toEpochMs', () => {
  it('accepts epoch ms, Date and DateTime for the same instant', () => {
    const ms = Date.UTC(2026, 0, 5, 7);
    expect(toEpochMs(ms)).toBe(ms);
    expect(toEpochMs(new Date(ms))).toBe(ms);
    expect(toEpochMs(DateTime.fromMillis(ms, { zone: 'Asia/Kolkata' }))).toBe(ms);
  });

  it.each([Number.NaN, Number.NEGATIVE_INFINITY, 0.1, new Date(Number.NaN), DateTime.invalid('x'), null, '2026-01-05'])(
    'invalid_instant: %s',
    (value) => {
      expect(() => toEpochMs(value as never, { field: 'createdAt' })).toThrow(InvalidArgumentError);
      try {
        toEpochMs(value as never, { field: 'createdAt' });
      } catch (e) {
        expect((e as InvalidArgumentError).code).toBe('invalid_instant');
        expect((e as InvalidArgumentError).path).toEqual(['createdAt']);
      }
    },
  );

  it("takes the argument's name as an option; anything else there is invalid_option", () => {
    expect(() => toEpochMs(Number.NaN)).toThrow(/^instant: /);
    for (const [options, path] of [
      ['createdAt', ['options']],
      [{ field: 3 }, ['options', 'field']],
      [{ name: 'x' }, ['options', 'name']],
    ] as const) {
      expect(() => toEpochMs(0, options as never)).toThrow(expect.objectContaining({ code: 'invalid_option', path }));
    }
  });

  it('out_of_range: before 1900 or from 2400', () => {
    expect(() => toEpochMs(new Date('1899-12-31T23:59:59.999Z'))).toThrow(/1900-01-01 to 2399-12-31/);
    expect(() => toEpochMs(new Date('2400-01-01T00:00:00.000Z'))).toThrow(/out|1900/);
    expect(toEpochMs(new Date('2399-12-31T23:59:59.999Z'))).toBe(Date.UTC(2399, 11, 31, 23, 59, 59, 999));
  });
});
