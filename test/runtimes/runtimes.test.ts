/**
 * The package wherever its users' code runs: Node 22 and 24 beside the Node running this suite,
 * Deno, Bun and a browser. The package is built and packed once (workspace.ts); the smoke program
 * (smoke.mjs) runs on it in each runtime, each under a time zone other than UTC, and every
 * runtime's answers must equal this Node's, case by case. On Node 22 and 24 the packed-package
 * tests of test/package/ run too. The runtimes come from `npm run runtimes`
 * (scripts/install-runtimes.ts, which .ci/run calls first); a runtime that is not installed is
 * skipped with the reason.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locate, type RuntimeName } from '../../scripts/runtimes/catalog.js';
import { type Bundle, bundleSmoke, launchChromium, runInPage } from './browser.js';
import {
  childEnv,
  copyRepository,
  differences,
  packForRuntimes,
  parseSmoke,
  readVitestReport,
  run,
  type SmokeOutput,
  type Workspace,
} from './workspace.js';

const THIS_NODE = `Node ${process.versions.node}`;
let work: Workspace;
let reference: SmokeOutput;
let bundle: Promise<Bundle> | undefined;
const bundled = () => (bundle ??= bundleSmoke(work.consumer));

beforeAll(async () => {
  work = await packForRuntimes();
  const { stdout } = await run(process.execPath, ['smoke.mjs'], { cwd: work.consumer, env: childEnv('UTC') });
  reference = parseSmoke(stdout);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work.dir, { recursive: true, force: true });
});

/**
 * A runtime to test on, or a skip that says why there is none. Under CI a runtime may be missing
 * only because its install failed: one never installed means .ci/run did not run the installer.
 */
function find(name: RuntimeName, skip: (note: string) => never): { path: string; version: string } {
  const where = locate(name);
  if (!('skipped' in where)) return where;
  if (['true', '1'].includes(process.env['CI'] ?? '') && !where.installFailed)
    throw new Error(`${where.skipped}; under CI, .ci/run installs the runtimes first (scripts/install-runtimes.ts)`);
  return skip(where.skipped);
}

/** A zone's UTC offset in January, in minutes: what the smoke program reports of the zone it ran in. */
const offsetIn = (zone: string) => DateTime.fromMillis(Date.UTC(2026, 0, 15), { zone }).offset;

describe(`the smoke program on ${THIS_NODE}, the reference`, () => {
  it("gives the README's answers", () => {
    expect(reference.environment.offsetMinutes).toBe(0);
    expect(reference.answers).toMatchObject({
      'deadline over Epiphany': '2026-01-07T08:00:00.000Z',
      'business time to a reply': 6_300_000,
      'one business day from Friday evening': '2026-01-12T17:00:00.000Z',
      'premium channels on a Saturday': ['Support ticket: closed', 'Email: closed'],
      'premium first target': 'PT12H',
      'measured ticket': [['firstResponse', 'achieved', '2026-01-07T08:00:00.000Z', 6_300_000]],
      'batch columns': { state: ['achieved', 'running'], ticket: [0, 1], elapsedMs: [5_400_000, 10_800_000] },
      'Madrid: open time on the day clocks go forward': 23 * 3_600_000,
      'Santiago: a Sunday opening at a midnight that does not exist': '2026-09-06T04:00:00.000Z',
      'an unknown zone': ['invalid_zone', ['zone']],
    });
    expect(Object.keys(reference.answers)).toHaveLength(20);
  });

  it('bundled for browsers, weighs under 300 kB minified and 100 kB gzipped', async () => {
    const { bytes, gzipBytes, byPackage } = await bundled();
    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    const parts = Object.entries(byPackage).map(([name, n]) => `${name} ${kB(n)}`);
    console.log(
      `browser bundle of the smoke program: ${kB(bytes)} minified, ${kB(gzipBytes)} gzipped (${parts.join(', ')})`,
    );
    expect(bytes).toBeLessThan(300_000);
    expect(gzipBytes).toBeLessThan(100_000);
    // With `import { z } from 'zod'` every zod locale came along: 454 kB of zod (docs/decisions.md).
    expect(byPackage.zod).toBeLessThan(150_000);
  });
});

interface SmokeRun {
  readonly name: RuntimeName;
  readonly label: string;
  readonly tz: string;
  readonly args: readonly string[];
  readonly env?: (dir: string) => NodeJS.ProcessEnv;
}

const SMOKE_RUNS: readonly SmokeRun[] = [
  { name: 'node22', label: 'Node 22', tz: 'Asia/Kolkata', args: ['smoke.mjs'] },
  { name: 'node24', label: 'Node 24', tz: 'America/Los_Angeles', args: ['smoke.mjs'] },
  {
    name: 'deno',
    label: 'Deno',
    tz: 'Pacific/Chatham',
    // The consumer's package.json makes Deno resolve bare imports from its node_modules.
    args: ['run', '--allow-read', '--no-lock', 'smoke.mjs'],
    env: (dir) => ({ DENO_DIR: join(dir, 'deno-cache'), DENO_NO_UPDATE_CHECK: '1' }),
  },
  { name: 'bun', label: 'Bun', tz: 'America/Santiago', args: ['--no-install', 'smoke.mjs'] },
];

const BROWSER_CONTEXTS = [
  ['America/Los_Angeles', 'en-US'],
  ['Asia/Kolkata', 'ar-EG'],
] as const;

describe.concurrent(`every runtime gives ${THIS_NODE}'s answers`, () => {
  for (const r of SMOKE_RUNS) {
    it(`${r.label}, under TZ=${r.tz}: the smoke program on the packed package`, async ({ expect, skip }) => {
      const where = find(r.name, skip);
      const env = childEnv(r.tz, r.env?.(work.dir));
      const out = parseSmoke((await run(where.path, r.args, { cwd: work.consumer, env })).stdout);
      expect(out.environment.offsetMinutes, `${r.label} ran in ${r.tz}`).toBe(offsetIn(r.tz));
      expect(differences(reference, out)).toEqual([]);
    });
  }

  for (const r of SMOKE_RUNS.filter((s) => s.name.startsWith('node'))) {
    it(`${r.label}, under TZ=${r.tz}: the packed-package tests (test/package/)`, async ({ expect, skip }) => {
      const where = find(r.name, skip);
      // A copy of its own: those tests build dist/ and pack it, which must not race another build.
      const repo = copyRepository(join(work.dir, r.name));
      const report = join(work.dir, `${r.name}-package-tests.json`);
      const vitest = join(repo, 'node_modules', 'vitest', 'vitest.mjs');
      // No results cache: the shared node_modules/.vite would have two runs write one file.
      const args = [vitest, 'run', 'test/package/', '--no-cache', '--reporter=json', `--outputFile=${report}`];
      const failure = await run(where.path, args, { cwd: repo, env: childEnv(r.tz), timeoutMs: 480_000 }).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (!existsSync(report)) throw failure;
      const { passed, failed } = readVitestReport(report);
      expect(failed).toEqual([]);
      expect(passed.length).toBeGreaterThan(0);
    }, 500_000);
  }

  it(`Chromium, under ${BROWSER_CONTEXTS.map((c) => c.join(' ')).join(' and ')}: the smoke program bundled by esbuild`, async ({
    expect,
    skip,
  }) => {
    const playwright = find('playwright-core', skip);
    const chromium = find('chromium', skip);
    const { code } = await bundled();
    const browser = await launchChromium(playwright.path, chromium.path);
    try {
      for (const [zone, locale] of BROWSER_CONTEXTS) {
        const out = parseSmoke(await runInPage(browser, code, zone, locale));
        expect(out.environment, `Chromium ${browser.version()} ran in ${zone}, ${locale}`).toMatchObject({
          offsetMinutes: offsetIn(zone),
          locale,
        });
        expect(differences(reference, out), `${zone}, ${locale}`).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
