/**
 * The smoke program in a browser: bundled by esbuild as a front end would ship it, and run in
 * headless Chromium (Debian's, driven by playwright-core from the runtimes directory) under an
 * emulated time zone.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface Bundle {
  readonly code: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Bytes of the minified output that come from each package. */
  readonly byPackage: Readonly<Record<'support-policy' | 'luxon' | 'zod' | 'smoke program', number>>;
}

/** The consumer's smoke.mjs as one minified ES module for browsers, and what it weighs. */
export async function bundleSmoke(consumer: string): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(consumer, 'smoke.mjs')],
    absWorkingDir: consumer,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]!;
  const byPackage = { 'support-policy': 0, luxon: 0, zod: 0, 'smoke program': 0 };
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
    const from = /node_modules\/(support-policy|luxon|zod)\//.exec(input)?.[1] as keyof typeof byPackage | undefined;
    byPackage[from ?? 'smoke program'] += bytesInOutput;
  }
  return {
    code: output.text,
    bytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    byPackage,
  };
}

/** The part of playwright-core's API used here (it is installed outside the project). */
interface Page {
  on(event: 'console', listener: (message: { text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  setContent(html: string): Promise<void>;
  addScriptTag(options: { content: string; type: string }): Promise<unknown>;
}
interface Browser {
  newContext(options: {
    timezoneId: string;
    locale: string;
  }): Promise<{ newPage(): Promise<Page>; close(): Promise<void> }>;
  version(): string;
  close(): Promise<void>;
}
interface PlaywrightCore {
  chromium: { launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> };
}

/** Flags for a headless Chromium that runs as root and reaches nothing on the network by itself. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(playwrightCore: string, chromium: string): Promise<Browser> {
  const { chromium: launcher } = (await import(pathToFileURL(playwrightCore).href)) as PlaywrightCore;
  return launcher.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
}

/** Loads the bundle into a blank page of a context with this zone and locale; what it logs, or its error. */
export async function runInPage(browser: Browser, code: string, timezoneId: string, locale: string): Promise<string> {
  const context = await browser.newContext({ timezoneId, locale });
  try {
    const page = await context.newPage();
    const printed = new Promise<string>((resolve, reject) => {
      page.on('console', (message) => resolve(message.text()));
      page.on('pageerror', reject);
      setTimeout(() => reject(new Error(`the page printed nothing in 30 s (${timezoneId})`)), 30_000).unref();
    });
    await page.setContent('<!doctype html><meta charset="utf-8"><title>support-policy smoke</title>');
    await page.addScriptTag({ content: code, type: 'module' });
    return await printed;
  } finally {
    await context.close();
  }
}
