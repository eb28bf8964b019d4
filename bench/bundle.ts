/**
 * The library as it ships: `src/index.ts` bundled into one ES module with esbuild (what tsup does
 * for dist/), loaded from a temporary file. Under tsx each source file is compiled on its own and
 * cross-module calls (BusinessCalendar → add → tables → search) go through export accessors; the
 * bundle has none, so this variant checks that running src through tsx does not distort the figures.
 * esbuild is present wherever tsx is (it is tsx's compiler); if it cannot be loaded, the bundled
 * variant is skipped and the reason printed.
 *
 * Run directly (`npx tsx bench/bundle.ts`), it prints what a browser bundle of the library weighs
 * ({@link bundleSizes}): `import { compileCalendar }` alone and the whole API, minified and gzipped
 * (level 9), with luxon and zod included, and what luxon, zod and the library each add to it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { printMachine } from './machine.js';

import type * as LibraryModule from '../src/index.js';

export type Library = typeof LibraryModule;

interface EsbuildLike {
  buildSync(options: object): {
    outputFiles?: { text: string }[];
    metafile?: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  };
  version: string;
}

const loadEsbuild = () => createRequire(import.meta.url)('esbuild') as EsbuildLike;

export async function loadBundledLibrary(): Promise<{ lib: Library; note: string } | { error: string }> {
  let dir: string | undefined;
  try {
    const esbuild = loadEsbuild();
    const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    // luxon and zod are bundled too, so the file imports nothing and can live outside the repo.
    const out = esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
    });
    const text = out.outputFiles?.[0]?.text;
    if (text === undefined) return { error: 'esbuild produced no output' };
    dir = mkdtempSync(path.join(os.tmpdir(), 'support-policy-bench-'));
    const file = path.join(dir, 'support-policy.bundle.mjs');
    writeFileSync(file, text);
    const lib = (await import(pathToFileURL(file).href)) as Library;
    return {
      lib,
      note: `src/index.ts bundled by esbuild ${esbuild.version} (ESM, node20), ${Math.round(text.length / 1024)} KiB`,
    };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}

/** Sizes in bytes of one browser bundle: minified, and gzipped at level 9. */
export interface BundleSize {
  readonly minified: number;
  readonly gzipped: number;
}

/** One entry's bundle, whole, and what each part of it weighs. */
export interface EntrySizes {
  readonly entry: string;
  /** luxon, zod and the library, all bundled. */
  readonly whole: BundleSize;
  /** Minified bytes of each part in the whole bundle (esbuild's metafile). */
  readonly minifiedParts: { readonly luxon: number; readonly zod: number; readonly library: number };
  /** The same bundle with luxon, with zod, and with both left out (external): what each adds gzipped. */
  readonly withoutLuxon: BundleSize;
  readonly withoutZod: BundleSize;
  readonly libraryOnly: BundleSize;
}

/** Entries measured: the calendar alone, and the whole API. */
export const BUNDLE_ENTRIES = {
  "import { compileCalendar } from 'support-policy'": 'export { compileCalendar } from',
  "import * from 'support-policy'": 'export * from',
} as const;

/**
 * Bundles each of {@link BUNDLE_ENTRIES} from src/ with esbuild for the browser (ES module,
 * minified, as a front end ships it) and weighs it, whole and without luxon, zod or both.
 */
export function bundleSizes(): { esbuild: string; entries: EntrySizes[] } {
  const esbuild = loadEsbuild();
  const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));
  const build = (contents: string, external: string[]) => {
    const out = esbuild.buildSync({
      stdin: { contents, resolveDir: path.dirname(index), sourcefile: 'entry.ts', loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      external,
    });
    const text = out.outputFiles?.[0]?.text ?? '';
    const size = { minified: Buffer.byteLength(text), gzipped: gzipSync(text, { level: 9 }).length };
    return { size, inputs: Object.values(out.metafile?.outputs ?? {}).flatMap((o) => Object.entries(o.inputs)) };
  };
  const entries = Object.entries(BUNDLE_ENTRIES).map(([entry, statement]): EntrySizes => {
    const contents = `${statement} ${JSON.stringify(index)};\n`;
    const whole = build(contents, []);
    const parts = { luxon: 0, zod: 0, library: 0 };
    for (const [file, input] of whole.inputs) {
      const part = file.includes('node_modules/luxon/')
        ? 'luxon'
        : file.includes('node_modules/zod/')
          ? 'zod'
          : 'library';
      parts[part] += input.bytesInOutput;
    }
    return {
      entry,
      whole: whole.size,
      minifiedParts: parts,
      withoutLuxon: build(contents, ['luxon']).size,
      withoutZod: build(contents, ['zod']).size,
      libraryOnly: build(contents, ['luxon', 'zod']).size,
    };
  });
  return { esbuild: esbuild.version, entries };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printMachine('support-policy: browser bundle sizes');
  const { esbuild, entries } = bundleSizes();
  console.log(`esbuild ${esbuild}: ES module for the browser, minified; gzip level 9\n`);
  for (const e of entries) {
    const { whole, minifiedParts: p } = e;
    console.log(e.entry);
    console.log(`  whole (luxon and zod included)  ${kB(whole.minified)} min, ${kB(whole.gzipped)} gz`);
    console.log(`  minified, by part               luxon ${kB(p.luxon)}, zod ${kB(p.zod)}, library ${kB(p.library)}`);
    console.log(
      `  without luxon                   ${kB(e.withoutLuxon.minified)} min, ${kB(e.withoutLuxon.gzipped)} gz`,
    );
    console.log(`  without zod                     ${kB(e.withoutZod.minified)} min, ${kB(e.withoutZod.gzipped)} gz`);
    console.log(`  the library alone               ${kB(e.libraryOnly.minified)} min, ${kB(e.libraryOnly.gzipped)} gz`);
  }
}
