import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CalendarDefinition, compileCalendar, PolicyValidationError } from '../index.js';

/**
 * The calendar's schemas are written with `zod/mini`, whose messages do not come from zod's English
 * locale: a calendar compiled by a program that never loads `zod` itself (and its locale) must
 * still report the same issues, word for word, as in this process, where the policy schema has
 * loaded it. The calendar alone is bundled here, run in a child process, and compared.
 */

interface EsbuildLike {
  buildSync(options: object): {
    outputFiles: { text: string }[];
    metafile: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  };
}

const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildLike;
const dir = mkdtempSync(join(tmpdir(), 'support-policy-zod-mini-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = { zone: 'UTC', week: { 1: [['08:00', '18:00']] } };
/** Bad calendars reaching every kind of issue the calendar's schemas report. */
const BAD: unknown[] = [
  null,
  'x',
  { zone: 5, week: [] },
  { ...base, zone: 'Mars/Olympus' },
  { ...base, week: { 8: [], 1: [['8:00', '25:00']], 2: [['08:00']], 3: [['08:00', '09:00', '10:00']] } },
  {
    ...base,
    week: {
      1: [
        ['08:00', '12:00'],
        ['11:00', '13:00'],
      ],
      7: [['22:00', '09:00']],
    },
  },
  { ...base, holidays: [{ kind: 'nthWeekday', month: 13, weekday: 0, nth: 'first', name: '' }] },
  {
    ...base,
    holidays: [{ kind: 'fixed', month: 2, day: 30, name: 'x', observed: 'always', fromYear: 2030, untilYear: 2020 }],
  },
  {
    ...base,
    holidays: [{ kind: 'set', name: 's', holidays: [{ kind: 'nope' }, { kind: 'easter', offsetDays: 1.5 }] }],
  },
  { ...base, holidays: [{ kind: 'range', from: '2026-03-10', to: '2026-03-01', name: 'r' }, { name: 'x' }] },
  {
    ...base,
    holidayExceptions: ['2026-02-30', 5],
    overrides: { '2026-13-01': { open: [] }, '2026-01-05': { open: 'x' } },
  },
  {
    ...base,
    overrideRules: [
      { kind: 'fixed', month: 4, day: 31, open: [], weekdays: [1, 1] },
      {
        kind: 'nthWeekday',
        weekday: 5,
        nth: 6,
        open: [
          ['09:00', '12:00'],
          ['10:00', '11:00'],
        ],
      },
      { kind: 'date', date: '2026-12-24', open: [] },
      { kind: 'range', from: '2026-08-31', to: '2026-08-01', open: [], fromYear: 2026 },
    ],
  },
];

function issuesHere(def: unknown): unknown {
  try {
    compileCalendar(def as CalendarDefinition);
    return 'compiled';
  } catch (e) {
    return e instanceof PolicyValidationError ? e.issues : String(e);
  }
}

describe('the calendar on zod/mini', () => {
  const entry = fileURLToPath(new URL('./compileCalendar.ts', import.meta.url));
  const built = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    metafile: true,
  });
  // The modules the bundle keeps code of (esbuild also lists those it resolved and then shook out).
  const inputs = Object.values(built.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );

  it('bundles no part of zod beyond its core and zod/mini: no classic schemas, no locale', () => {
    expect(inputs.some((path) => path.includes('zod/v4/mini/'))).toBe(true);
    expect(inputs.filter((path) => /zod\/v4\/(classic|locales)\//.test(path))).toEqual([]);
  });

  it('reports the same issues without zod’s locale as with it', () => {
    const file = join(dir, 'calendar.mjs');
    writeFileSync(file, built.outputFiles[0]!.text);
    const script = `
      const { compileCalendar } = await import(${JSON.stringify(file)});
      const out = JSON.parse(process.argv[1]).map((def) => {
        try { compileCalendar(def); return 'compiled'; } catch (e) { return e.issues ?? String(e); }
      });
      process.stdout.write(JSON.stringify(out));`;
    const alone = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(BAD)], { encoding: 'utf8' }),
    ) as unknown[];
    const here = BAD.map(issuesHere);
    expect(here.every((x) => Array.isArray(x) && x.length > 0)).toBe(true);
    expect(alone).toEqual(JSON.parse(JSON.stringify(here)));
  });
});
