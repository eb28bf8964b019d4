/**
 * Pictures of explained deadlines as a real renderer draws them. The picture in docs/sla.md: the
 * committed SVG is what `drawDeadline` draws now (`npm run docs:pictures` redraws it), with open,
 * closed and holiday spans and the due marker. And a picture drawn here of a ticket put on hold,
 * solved and reopened, with paused and solved spans, a warning and an escalation. Headless Chromium
 * (Debian's, from the runtimes manifest, as test/runtimes/ and the site test use it) takes a
 * screenshot of each, and the pixels where a span of a known kind, a marker and the background
 * must be have the picture's colours. Without Chromium those tests are skipped, saying why.
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
import { drawDeadline, measure, parsePolicy, standardSupport, type TicketEvent } from '../../src/index.js';
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
  const png = svgFile.replace(/\.svg$/, '.png');
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

/** What a picture's pixels are checked with, once Chromium has drawn it at its own size. */
interface Rendered {
  /** The pixel at (x, y), rounded down, is `colour` (±3 per channel). */
  near(x: number, y: number, colour: string): void;
  /** A point inside the widest span of class `cls`, at least 5 px from every marker line, is `colour`. */
  middle(cls: string, colour: string): void;
  /** A dashed marker line (`5 3`, 2 px) is `colour` at the rows of its dashes within `[top, bottom]`. */
  dashes(cls: string, top: number, bottom: number, colour: string): void;
  readonly width: number;
  readonly height: number;
}

/** Headless Chromium's screenshot of `svg`, with the checks of {@link Rendered}. */
async function render(browser: string, svg: string, name: string): Promise<Rendered> {
  const size = /width="(\d+)" height="(\d+)"/.exec(svg)!;
  const [width, height] = [Number(size[1]), Number(size[2])];
  const file = join(scratch, `${name}.svg`);
  writeFileSync(file, svg);
  const png = decodePng(await screenshot(browser, file, width, height));
  expect([png.width, png.height]).toEqual([width, height]);
  const near = (x: number, y: number, colour: string) => {
    const want = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const got = png.rgb(Math.floor(x), Math.floor(y));
    expect(
      got.every((v, i) => Math.abs(v - want[i]!) <= 3),
      `${name}: pixel (${Math.floor(x)}, ${Math.floor(y)}) is ${png.hex(Math.floor(x), Math.floor(y))}, expected ${colour}`,
    ).toBe(true);
  };
  // Marker lines are drawn over spans: a span's pixel is looked for away from them.
  const lines = svg.match(/<line class="marker[^>]*>/g)!.map((l) => Number(/x1="([\d.]+)"/.exec(l)![1]));
  const middle = (cls: string, colour: string) => {
    const r = all(svg, 'rect', cls).sort((a, b) => b['width']! - a['width']!)[0]!;
    const x = [0.5, 0.3, 0.7, 0.15, 0.85]
      .map((f) => r['x']! + r['width']! * f)
      .find((at) => lines.every((l) => Math.abs(l - at) > 5));
    expect(x, `${name}: a point of ${cls} away from the markers`).toBeDefined();
    near(x!, r['y']! + r['height']! / 2, colour);
  };
  // A dash of `5 3` from y1 down covers rows y1 + 8k to y1 + 8k + 4; the middle row of each is checked.
  const dashes = (cls: string, top: number, bottom: number, colour: string) => {
    const [line] = all(svg, 'line', cls);
    expect(new RegExp(`<line class="${cls}"[^>]* stroke-width="2" stroke-dasharray="5 3"/>`).test(svg), cls).toBe(true);
    let checked = 0;
    for (let y = line!['y1']! + 2; y <= Math.min(bottom, line!['y2']! - 3); y += 8) {
      if (y < top) continue;
      near(line!['x1']!, y, colour);
      checked++;
    }
    expect(checked, `${name}: dashes of ${cls} between y ${top} and ${bottom}`).toBeGreaterThan(0);
  };
  return { near, middle, dashes, width, height };
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
    const { near, middle, width, height } = await render(browser, svg, 'explained-deadline');
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

describe('the picture of a ticket put on hold, solved and reopened', () => {
  // A Premium ticket in Madrid (UTC+1 in January: open 07:00Z–17:00Z) under a first response of
  // 4 business hours that pauses on hold, warns at half of it and escalates 1 open hour past it.
  const doc = structuredClone(standardSupport) as typeof standardSupport & { plans: { premium: { targets: unknown } } };
  doc.plans.premium.targets = [
    {
      metric: 'firstResponse',
      duration: 'PT4H',
      clock: 'support-hours',
      pauseOn: ['on_hold'],
      thresholds: [
        { id: 'warn-50', percent: 50 },
        { id: 'manager', after: 'PT1H' },
      ],
    },
  ];
  const events: TicketEvent[] = [
    { kind: 'created', at: Date.parse('2026-01-12T08:00:00Z'), severity: 'minor' }, // Monday 09:00 in Madrid
    { kind: 'status', at: Date.parse('2026-01-12T09:00:00Z'), status: 'on_hold' },
    { kind: 'status', at: Date.parse('2026-01-12T12:00:00Z'), status: 'solved' },
    { kind: 'status', at: Date.parse('2026-01-12T15:00:00Z'), status: 'reopened' },
  ];
  const now = Date.parse('2026-01-12T16:00:00Z');
  const [target] = measure(parsePolicy(doc), { type: 'direct', plan: 'premium' }, events, now, {
    explain: true,
  }).targets;
  const svg = drawDeadline(target!, { events });

  it('has 3 hours paused and 3 solved, a warning and an escalation, due on Tuesday at 09:00', () => {
    expect(target!.summary!['en']).toBe('1 night; paused 3 h (on_hold); solved 3 h');
    expect(all(svg, 'rect', 'span paused')).toHaveLength(1);
    expect(all(svg, 'rect', 'span solved')).toHaveLength(1);
    expect(svg).toContain('>due Tue 13 Jan 2026 09:00</text>');
    expect(svg).toContain('>warn-50</text>');
    expect(svg).toContain('>manager</text>');
  });

  it('renders in headless Chromium with the paused and solved spans, the warning and the escalation in their colours', async (context) => {
    const browser = chromium((note) => context.skip(note));
    if (browser === undefined) return;
    const { near, middle, dashes, width, height } = await render(browser, svg, 'paused-deadline');
    middle('span paused', DEADLINE_COLOURS.paused[0]);
    middle('span solved', DEADLINE_COLOURS.solved[0]);
    middle('span open', DEADLINE_COLOURS.open[0]);
    middle('span closed projected', DEADLINE_COLOURS.closed[1]);
    // Over the lanes (y 134 to 200), where the warning crosses a span, and above them.
    dashes('marker warning', 80, 200, DEADLINE_COLOURS.warning);
    dashes('marker escalation', 80, 200, DEADLINE_COLOURS.escalation);
    const [due] = all(svg, 'line', 'marker due');
    for (const y of [120, 150, 185]) near(due!['x1']!, y, DEADLINE_COLOURS.due);
    near(width - 8, height / 2, '#ffffff');
    near(4, 4, '#ffffff');
  }, 120_000);
});
