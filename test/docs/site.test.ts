/**
 * The API reference as readers get it: typedoc builds the site into a scratch folder, every page
 * stays small (types link by name instead of being spelled out in every signature), every guide
 * of docs/ is in it, and headless Chromium (Debian's, driven by playwright-core from the runtimes
 * directory, as test/runtimes/ does) shows the `measure` page's description and example on the
 * first screen.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locate, type RuntimeName } from '../../scripts/runtimes/catalog.js';
import { launchChromium } from '../runtimes/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MAX_PAGE_BYTES = 150 * 1024;
/** The first screen of a laptop: a 1280 × 900 viewport. */
const FOLD = 900;
let site: string;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'support-policy-site-'));
  await promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', site],
    {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}, 180_000);

afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
});

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : name.endsWith('.html') ? [path] : [];
  });
}

describe('the API reference site', () => {
  it(`keeps every page under ${MAX_PAGE_BYTES / 1024} KB`, () => {
    const all = pages(site);
    expect(all.length).toBeGreaterThan(100);
    const large = all.filter((p) => statSync(p).size >= MAX_PAGE_BYTES).map((p) => relative(site, p));
    expect(large).toEqual([]);
  });

  it('links Policy by name in the signatures that take one', () => {
    for (const fn of ['measure', 'measureMany', 'parsePolicy', 'resolveEntitlement']) {
      const html = readFileSync(join(site, 'functions', `support-policy.${fn}.html`), 'utf8');
      expect(html, fn).toContain('href="../interfaces/support-policy.Policy.html"');
      expect(html, fn).not.toContain('customerSuccess');
    }
  });

  it('includes every guide of docs/', () => {
    const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { projectDocuments: string[] };
    const guides = readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`);
    expect([...config.projectDocuments].sort()).toEqual(guides.sort());
    const documents = readdirSync(join(site, 'documents'));
    for (const name of ['notebooks', 'conformance', 'arrow']) expect(documents).toContain(`${name}.html`);
  });
});

/** What this test uses of playwright-core's API (it is installed outside the project). */
interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
interface Page {
  goto(url: string): Promise<unknown>;
  screenshot(options: { path: string }): Promise<Buffer>;
  locator(selector: string): { first(): { boundingBox(): Promise<Box | null>; textContent(): Promise<string | null> } };
}
interface Browser {
  newContext(options: { viewport: { width: number; height: number } }): Promise<{
    newPage(): Promise<Page>;
    close(): Promise<void>;
  }>;
  close(): Promise<void>;
}

/** A runtime's path; skipped when it is not installed, except under CI where only a failed install may skip. */
function find(name: RuntimeName, skip: (note: string) => void): string | undefined {
  const where = locate(name);
  if (!('skipped' in where)) return where.path;
  if (['true', '1'].includes(process.env['CI'] ?? '') && !where.installFailed)
    throw new Error(`${where.skipped}; under CI, .ci/run installs the runtimes first (scripts/install-runtimes.ts)`);
  skip(where.skipped);
  return undefined;
}

describe('the measure page in headless Chromium', () => {
  it(`shows the description and the example within the first ${FOLD} px`, async (context) => {
    const playwright = find('playwright-core', (note) => context.skip(note));
    const chromium = find('chromium', (note) => context.skip(note));
    if (playwright === undefined || chromium === undefined) return;
    const browser = (await launchChromium(playwright, chromium)) as unknown as Browser;
    try {
      const view = await browser.newContext({ viewport: { width: 1280, height: FOLD } });
      const page = await view.newPage();
      await page.goto(pathToFileURL(join(site, 'functions', 'support-policy.measure.html')).href);
      const shot = await page.screenshot({ path: join(site, 'measure.png') });
      expect(shot.length).toBeGreaterThan(20_000); // a rendered page, not a blank one
      const description = page.locator('.tsd-description > .tsd-comment > p').first();
      const example = page.locator('.tsd-tag-example pre').first();
      expect(await description.textContent()).toMatch(/^Measures every SLA target of a ticket/);
      expect(await example.textContent()).toContain('measure(');
      // The whole description, and the first lines of the example (150 px, about seven lines of code).
      const descriptionBox = await description.boundingBox();
      const exampleBox = await example.boundingBox();
      expect(descriptionBox).not.toBeNull();
      expect(exampleBox).not.toBeNull();
      expect(descriptionBox!.y + descriptionBox!.height).toBeLessThanOrEqual(FOLD);
      expect(exampleBox!.y).toBeGreaterThan(descriptionBox!.y);
      expect(exampleBox!.y + 150).toBeLessThanOrEqual(FOLD);
      await view.close();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
