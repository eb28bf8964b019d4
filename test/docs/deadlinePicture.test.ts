/**
 * The picture of an explained deadline in docs/sla.md: the committed SVG is what `drawDeadline`
 * draws now (`npm run docs:pictures` redraws it), and a real renderer draws it as intended:
 * headless Chromium (Debian's, from the runtimes manifest, as test/runtimes/ and the site test
 * use it) takes a screenshot, and the pixels where a span of a known kind, the due marker and the
 * background must be have the picture's colours. Without Chromium that test is skipped, saying why.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCS_PICTURE, docsDeadlineSvg } from '../../scripts/draw-docs-deadline.js';
import { locate } from '../../scripts/runtimes/catalog.js';
import { DEADLINE_COLOURS } from '../../src/sla/drawDeadline.js';
import { decodePng } from './png.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'support-policy-picture-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The numeric attributes of every element `name` whose class is exactly `cls`. */
function all(svg: string, name: string, cls: string): Record<string, number>[] {
  const tags = [...svg.matchAll(new RegExp(`<${name} class="${cls}"[^>]*>`, 'g'))].map((m) => m[0]);
  if (tags.length === 0) throw new Error(`no <${name} class="${cls}"> in the picture`);
  return tags.map((tag) =>
    Object.fromEntries([...tag.matchAll(/([\w-]+)="(-?[\d.]+)"/g)].map((m) => [m[1]!, Number(m[2])])),
  );
}

/** Chromium's path, or a skip that says why there is none (under CI only a failed install may skip). */
function chromium(skip: (note: string) => void): string | undefined {
  const where = locate('chromium');
  if (!('skipped' in where)) return where.path;
  if (['true', '1'].includes(process.env['CI'] ?? '') && !where.installFailed)
    throw new Error(`${where.skipped}; under CI, .ci/run installs the runtimes first (scripts/install-runtimes.ts)`);
  skip(where.skipped);
  return undefined;
}

/** Headless Chromium's screenshot of an SVG file at its own size, one device pixel per px. */
async function screenshot(browser: string, svgFile: string, width: number, height: number): Promise<Buffer> {
  const png = join(scratch, 'picture.png');
  await promisify(execFile)(
    browser,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--force-device-scale-factor=1',
      '--default-background-color=ffffffff',
      `--user-data-dir=${join(scratch, 'profile')}`,
      `--window-size=${width},${height}`,
      `--screenshot=${png}`,
      pathToFileURL(svgFile).href,
    ],
    { timeout: 90_000 },
  );
  return readFileSync(png);
}

describe('the picture of an explained deadline in docs/sla.md', () => {
  const svg = docsDeadlineSvg();

  it('is committed as drawDeadline draws it now (npm run docs:pictures redraws it)', () => {
    expect(readFileSync(DOCS_PICTURE, 'utf8')).toBe(svg);
    expect(readFileSync(join(root, 'docs', 'sla.md'), 'utf8')).toContain('](images/explained-deadline.svg)');
  });

  it('renders in headless Chromium with each span, the due marker and the background in their colours', async (context) => {
    const browser = chromium((note) => context.skip(note));
    if (browser === undefined) return;
    const size = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    const [width, height] = [Number(size[1]), Number(size[2])];
    const file = join(scratch, 'explained-deadline.svg');
    writeFileSync(file, svg);
    const png = decodePng(await screenshot(browser, file, width, height));
    expect([png.width, png.height]).toEqual([width, height]);
    const near = (x: number, y: number, colour: string) => {
      const want = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
      const got = png.rgb(Math.floor(x), Math.floor(y));
      expect(
        got.every((v, i) => Math.abs(v - want[i]!) <= 3),
        `pixel (${Math.floor(x)}, ${Math.floor(y)}) is ${png.hex(Math.floor(x), Math.floor(y))}, expected ${colour}`,
      ).toBe(true);
    };
    // A point inside the widest span of a kind, at least 5 px from every marker line (they are drawn over spans).
    const lines = svg.match(/<line class="marker[^>]*>/g)!.map((l) => Number(/x1="([\d.]+)"/.exec(l)![1]));
    const middle = (cls: string, colour: string) => {
      const r = all(svg, 'rect', cls).sort((a, b) => b['width']! - a['width']!)[0]!;
      const x = [0.5, 0.3, 0.7, 0.15, 0.85]
        .map((f) => r['x']! + r['width']! * f)
        .find((at) => lines.every((l) => Math.abs(l - at) > 5));
      expect(x, `a point of ${cls} away from the markers`).toBeDefined();
      near(x!, r['y']! + r['height']! / 2, colour);
    };
    middle('span open', DEADLINE_COLOURS.open[0]);
    middle('span closed', DEADLINE_COLOURS.closed[0]);
    middle('span holiday projected', DEADLINE_COLOURS.holiday[1]);
    middle('span closed projected', DEADLINE_COLOURS.closed[1]);
    // The due marker is 3 px wide: the pixel column under its x, in each lane and above them.
    const [due] = all(svg, 'line', 'marker due');
    for (const y of [120, 150, 185]) near(due!['x1']!, y, DEADLINE_COLOURS.due);
    near(width - 8, height / 2, '#ffffff');
    near(4, 4, '#ffffff');
  }, 120_000);
});
