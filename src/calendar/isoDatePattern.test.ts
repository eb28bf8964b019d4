import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../internal/civil.js';
import { ISO_DATE_PATTERN } from './isoDatePattern.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('ISO_DATE_PATTERN', () => {
  it('matches exactly the dates parseIsoDate accepts, for every year 0000–9999 at every month and day edge', () => {
    let checked = 0;
    for (let year = 0; year <= 9999; year++) {
      for (let month = 0; month <= 13; month++) {
        for (const day of [0, 1, 9, 10, 19, 20, 27, 28, 29, 30, 31, 32]) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (ISO_DATE_PATTERN.test(text) !== (parseIsoDate(text) !== undefined))
            throw new Error(`disagree on ${text}`);
          checked++;
        }
      }
    }
    expect(checked).toBe(10_000 * 14 * 12);
  });

  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['0000-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    ['2026-01-01T00:00', false],
    ['yesterday', false],
  ])('%s: %s', (text, exists) => {
    expect(ISO_DATE_PATTERN.test(text)).toBe(exists);
  });

  it('has no look-around, so that regular-expression engines without it (RE2) read it too', () => {
    expect(ISO_DATE_PATTERN.source).not.toMatch(/\(\?[=!<]/);
  });
});
