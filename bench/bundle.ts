/**
 * The library as it ships: `src/index.ts` bundled into one ES module with esbuild (what tsup does
 * for dist/), loaded from a temporary file. Under tsx each source file is compiled on its own and
 * cross-module calls (BusinessCalendar → add → tables → search) go through export accessors; the
 * bundle has none, so this variant checks that running src through tsx does not distort the figures.
 * esbuild is present wherever tsx is (it is tsx's compiler); if it cannot be loaded, the bundled
 * variant is skipped and the reason printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type * as LibraryModule from '../src/index.js';

export type Library = typeof LibraryModule;

interface EsbuildLike {
  buildSync(options: object): { outputFiles?: { text: string }[] };
  version: string;
}

export async function loadBundledLibrary(): Promise<{ lib: Library; note: string } | { error: string }> {
  let dir: string | undefined;
  try {
    const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildLike;
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
