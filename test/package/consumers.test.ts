/**
 * The package as its users get it: built, packed with `npm pack`, unpacked into a scratch
 * project's node_modules, then imported from an ES module, required from CommonJS and compiled
 * by TypeScript under `moduleResolution: bundler` and `node16`. publint and arethetypeswrong check
 * the same tarball. Also: what the tarball holds, that importing only the calendar leaves the
 * policy schemas out of a bundle, and that only the subpath entries import their optional peers.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
let scratch: string;
let tarball: string;

// Asynchronous, so that a build of a minute never blocks the test worker's messages to vitest.
const run = async (cmd: string, args: string[], cwd: string): Promise<string> => {
  try {
    return (await promisify(execFile)(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error });
  }
};
const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

/** What every consumer computes: a deadline, a measured ticket and the schema's title. */
const BODY = `
const cal = compileCalendar({ zone: 'Europe/Madrid', week: { 1: [['08:00', '18:00']], 3: [['08:00', '18:00']] } });
const policy = parsePolicy(standardSupport);
const ticket = measure(policy, { type: 'direct', plan: 'enterprise' }, [
  { kind: 'created', at: Date.parse('2026-01-05T16:00:00Z'), severity: 'major' },
], Date.parse('2026-01-05T16:30:00Z'));
console.log(JSON.stringify([new Date(cal.add(Date.parse('2026-01-05T16:00:00Z'), 7_200_000)).toISOString(), ticket.targets[0].state, typeof schema]));
`;
const EXPECTED = JSON.stringify(['2026-01-07T08:00:00.000Z', 'running', 'object']);

/** The optional peer dependencies, one per subpath entry, and what a consumer of each computes. */
const PEERS = ['date-holidays', 'ical.js', 'apache-arrow'];
const SUBPATH_BODY = `
const munich = compileCalendar(withDateHolidays({ zone: 'Europe/Berlin', week: {} }, { country: 'DE', state: 'BY', fromYear: 2026, untilYear: 2026 }));
let caught;
try { dateHolidays({ country: 'XX', fromYear: 2026, untilYear: 2026 }); } catch (e) { caught = e; }
const feed = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//EN', 'BEGIN:VEVENT', 'UID:1', 'DTSTAMP:20260101T000000Z',
  'DTSTART;VALUE=DATE:20261224', 'RRULE:FREQ=YEARLY', 'SUMMARY:Eve', 'END:VEVENT', 'END:VCALENDAR'].join('\\r\\n');
const office = compileCalendar(withIcal({ zone: 'Europe/Berlin', week: {} }, feed, { fromYear: 2026, untilYear: 2030 }));
let feedError;
try { icalHolidays('not a feed', { zone: 'UTC', fromYear: 2026, untilYear: 2026 }); } catch (e) { feedError = e; }
console.log(JSON.stringify([munich.holidaysIn(2026).length, caught instanceof InvalidArgumentError, office.holidaysIn(2030).length, feedError instanceof InvalidArgumentError]));
`;
const SUBPATH_EXPECTED = JSON.stringify([12, true, 1, true]);

beforeAll(async () => {
  await run('npm', ['run', '--silent', 'build'], root);
  scratch = mkdtempSync(join(tmpdir(), 'support-policy-consumer-'));
  const packed = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', scratch], root)) as {
    filename: string;
  }[];
  tarball = join(scratch, packed[0]!.filename);
  const home = join(scratch, 'node_modules', 'support-policy');
  mkdirSync(home, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', home, '--strip-components=1'], scratch);
  // The runtime dependencies (and luxon's types) come from this repository's install.
  // So do the optional peer dependencies of the subpath entries.
  for (const dep of ['luxon', 'zod', join('@types', 'luxon'), join('@types', 'node'), 'undici-types', ...PEERS]) {
    mkdirSync(dirname(join(scratch, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), join(scratch, 'node_modules', dep), 'dir');
  }
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds only dist/, the README, the changelog, the licence and package.json', async () => {
    const files = JSON.parse(await run('npm', ['pack', '--dry-run', '--json'], root))[0].files.map(
      (f: { path: string }) => f.path,
    ) as string[];
    expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'package.json',
    ]);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.cjs');
    expect(files).toContain('dist/policy.schema.json');
    expect(files).toContain('dist/date-holidays.cjs');
    expect(files).toContain('dist/adapters/dateHolidays.js');
    expect(files).toContain('dist/ical.cjs');
    expect(files).toContain('dist/adapters/ical.js');
    expect(files.some((f) => f.includes('.test.'))).toBe(false);
  });

  it('an ES module imports it, and its JSON Schema', async () => {
    write(
      join(scratch, 'esm', 'consumer.mjs'),
      `import { compileCalendar, measure, parsePolicy, standardSupport } from 'support-policy';\nimport schema from 'support-policy/policy.schema.json' with { type: 'json' };\n${BODY}`,
    );
    expect((await run(process.execPath, ['consumer.mjs'], join(scratch, 'esm'))).trim()).toBe(EXPECTED);
  });

  it('CommonJS requires it, and its JSON Schema', async () => {
    write(
      join(scratch, 'cjs', 'consumer.cjs'),
      `const { compileCalendar, measure, parsePolicy, standardSupport } = require('support-policy');\nconst schema = require('support-policy/policy.schema.json');\n${BODY}`,
    );
    expect((await run(process.execPath, ['consumer.cjs'], join(scratch, 'cjs'))).trim()).toBe(EXPECTED);
  });

  it('the core entry leaves the optional peer dependencies out', () => {
    // Every module of the core (all of dist/ but the adapters), and its declarations.
    const core = readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.(js|cjs|d\.ts|d\.cts)$/.test(f) && !/^(adapters\/|date-holidays\.|ical\.|arrow\.)/.test(f),
    );
    expect(core).toContain('index.js');
    expect(core).toContain('index.cjs');
    for (const file of core) {
      const text = readFileSync(join(root, 'dist', file), 'utf8');
      for (const peer of PEERS) expect(text, `${file} imports ${peer}`).not.toMatch(new RegExp(`['"]${peer}['"]`));
    }
    expect(readFileSync(join(root, 'dist', 'index.js'), 'utf8')).not.toContain('date-holidays');
  });

  it('an ES module imports the adapters’ entries, which throw the core’s own errors', async () => {
    write(
      join(scratch, 'esm', 'subpath.mjs'),
      `import { compileCalendar, InvalidArgumentError } from 'support-policy';\nimport { dateHolidays, withDateHolidays } from 'support-policy/date-holidays';\nimport { icalHolidays, withIcal } from 'support-policy/ical';\n${SUBPATH_BODY}`,
    );
    expect((await run(process.execPath, ['subpath.mjs'], join(scratch, 'esm'))).trim()).toBe(SUBPATH_EXPECTED);
  });

  it('CommonJS requires the adapters’ entries, which throw the core’s own errors', async () => {
    write(
      join(scratch, 'cjs', 'subpath.cjs'),
      `const { compileCalendar, InvalidArgumentError } = require('support-policy');\nconst { dateHolidays, withDateHolidays } = require('support-policy/date-holidays');\nconst { icalHolidays, withIcal } = require('support-policy/ical');\n${SUBPATH_BODY}`,
    );
    expect((await run(process.execPath, ['subpath.cjs'], join(scratch, 'cjs'))).trim()).toBe(SUBPATH_EXPECTED);
  });

  for (const [name, compilerOptions, type] of [
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'module'],
    ['node16', { module: 'node16', moduleResolution: 'node16' }, 'module'],
    ['node16 from CommonJS', { module: 'node16', moduleResolution: 'node16' }, 'commonjs'],
  ] as const) {
    it(`TypeScript compiles and runs it with moduleResolution ${name}`, async () => {
      const dir = join(scratch, `ts-${name.replace(/\W+/g, '-')}`);
      write(join(dir, 'package.json'), JSON.stringify({ type }));
      write(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            ...compilerOptions,
            target: 'es2022',
            strict: true,
            resolveJsonModule: true,
            outDir: 'out',
            skipLibCheck: false,
            types: ['node'],
          },
        }),
      );
      // Import attributes need module esnext or node18+; under node16 an ES module reads JSON through require.
      const schemaImport =
        type === 'commonjs'
          ? `import schema = require('support-policy/policy.schema.json');`
          : name === 'bundler'
            ? `import schema from 'support-policy/policy.schema.json' with { type: 'json' };`
            : `import { createRequire } from 'node:module';\nconst schema: unknown = createRequire(import.meta.url)('support-policy/policy.schema.json');`;
      write(
        join(dir, 'consumer.ts'),
        `import { compileCalendar, measure, parsePolicy, standardSupport, type MeasureResult } from 'support-policy';\nimport type { DateHolidaysOptions } from 'support-policy/date-holidays';\nimport type { IcalOptions } from 'support-policy/ical';\nconst years: IcalOptions = { fromYear: 2026, untilYear: 2026 };\nvoid years;\nconst bavaria: DateHolidaysOptions = { country: 'DE', state: 'BY', fromYear: 2026, untilYear: 2026 };\nvoid bavaria;\n${schemaImport}\nconst typed: (r: MeasureResult) => string = (r) => r.targets[0]!.state;\nvoid typed;\n${BODY.replace('ticket.targets[0].state', 'ticket.targets[0]!.state')}`,
      );
      await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], dir);
      expect((await run(process.execPath, [join(dir, 'out', 'consumer.js')], dir)).trim()).toBe(EXPECTED);
    }, 60_000);
  }

  it('publint and arethetypeswrong (node16 profile) find nothing', async () => {
    expect(await run(bin('publint'), ['run', root], root)).toMatch(/All good!/);
    // attw exits non-zero on any problem; the node10 resolution the profile leaves out is not a problem.
    const report = JSON.parse(await run(bin('attw'), [tarball, '--profile', 'node16', '--format', 'json'], root)) as {
      analysis: { problems: { kind: string; resolutionKind?: string }[] };
    };
    expect(report.analysis.problems.filter((p) => p.resolutionKind !== 'node10')).toEqual([]);
  }, 60_000);

  it('support-policy/arrow is imported from an ES module and required from CommonJS; the main entry never loads apache-arrow', async () => {
    const body = (load: string) =>
      `${load}\nconst columns = measureMany(parsePolicy(standardSupport), [{ account: { type: 'direct', plan: 'enterprise' }, events: [{ kind: 'created', at: Date.parse('2026-01-05T08:00:00Z'), severity: 'major' }] }], Date.parse('2026-01-05T09:00:00Z'), { format: 'columns' });\nconsole.log(slaColumnsToArrow(columns).targets.numRows === columns.targets.length, slaColumnsToArrowIPC(columns).targets.length > 0);\n`;
    write(
      join(scratch, 'esm', 'arrow.mjs'),
      body(
        `import { measureMany, parsePolicy, standardSupport } from 'support-policy';\nimport { slaColumnsToArrow, slaColumnsToArrowIPC } from 'support-policy/arrow';`,
      ),
    );
    write(
      join(scratch, 'cjs', 'arrow.cjs'),
      body(
        `const { measureMany, parsePolicy, standardSupport } = require('support-policy');\nconst { slaColumnsToArrow, slaColumnsToArrowIPC } = require('support-policy/arrow');`,
      ),
    );
    expect((await run(process.execPath, ['arrow.mjs'], join(scratch, 'esm'))).trim()).toBe('true true');
    expect((await run(process.execPath, ['arrow.cjs'], join(scratch, 'cjs'))).trim()).toBe('true true');
    const dist = join(scratch, 'node_modules', 'support-policy', 'dist');
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts'])
      expect(readFileSync(join(dist, file), 'utf8'), file).not.toContain('apache-arrow');
    expect(readFileSync(join(dist, 'adapters', 'arrow.js'), 'utf8')).toContain('apache-arrow');
    expect(readFileSync(join(dist, 'arrow.cjs'), 'utf8')).toContain('apache-arrow');
  });

  it('importing only the calendar leaves the policy schemas and the presets out of a bundle', async () => {
    write(join(scratch, 'shake', 'entry.mjs'), `export { compileCalendar } from 'support-policy';\n`);
    const out = join(scratch, 'shake', 'out.js');
    await run(
      bin('esbuild'),
      [
        join(scratch, 'shake', 'entry.mjs'),
        '--bundle',
        '--minify',
        '--format=esm',
        '--external:luxon',
        '--external:zod',
        `--outfile=${out}`,
        '--log-level=error',
      ],
      join(scratch, 'shake'),
    );
    const text = readFileSync(out, 'utf8');
    expect(text.length).toBeGreaterThan(5_000); // the calendar engine itself is there
    for (const word of ['severityScale', 'replacesTargets', 'warnAtPercent', 'dedicated_support', 'minimumMinutes'])
      expect(text, word).not.toContain(word);
    expect(text.length).toBeLessThan(40_000);
  });

  it('the calendar alone bundles without luxon, under 40 kB gzipped with zod included', async () => {
    write(join(scratch, 'calendar', 'entry.mjs'), `export { compileCalendar } from 'support-policy';\n`);
    const out = join(scratch, 'calendar', 'out.js');
    const meta = join(scratch, 'calendar', 'meta.json');
    const options = ['--bundle', '--minify', '--format=esm', '--platform=browser', '--log-level=error'];
    await run(
      bin('esbuild'),
      [join(scratch, 'calendar', 'entry.mjs'), ...options, `--outfile=${out}`, `--metafile=${meta}`],
      join(scratch, 'calendar'),
    );
    // What each input file put in the bundle (a file read but shaken off entirely weighs 0 bytes).
    const { outputs } = JSON.parse(readFileSync(meta, 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const inBundle = Object.values(outputs).flatMap((o) =>
      Object.entries(o.inputs).flatMap(([file, { bytesInOutput }]) => (bytesInOutput > 0 ? [file] : [])),
    );
    expect(inBundle.some((file) => file.includes('node_modules/zod/'))).toBe(true);
    expect(inBundle.filter((file) => file.includes('node_modules/luxon/'))).toEqual([]);
    const text = readFileSync(out, 'utf8');
    expect(gzipSync(text, { level: 9 }).length).toBeLessThan(40_000);
  });

  it('the whole core API bundles without luxon: explanations, pictures and reports read zones through Intl', async () => {
    const dir = join(scratch, 'core');
    write(join(dir, 'entry.mjs'), `export * from 'support-policy';\n`);
    const meta = join(dir, 'meta.json');
    const options = ['--bundle', '--minify', '--format=esm', '--platform=browser', '--log-level=error'];
    await run(
      bin('esbuild'),
      [join(dir, 'entry.mjs'), ...options, `--outfile=${join(dir, 'out.js')}`, `--metafile=${meta}`],
      dir,
    );
    const { inputs } = JSON.parse(readFileSync(meta, 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(inputs).some((file) => file.includes('support-policy'))).toBe(true);
    expect(Object.keys(inputs).filter((file) => file.includes('node_modules/luxon/'))).toEqual([]);
  });
});
