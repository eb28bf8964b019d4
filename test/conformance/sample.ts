import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Path of a conformance vector file, kept in the repository (test/conformance/vectors/README.md). */
export const samplePath = (name: string): string => fileURLToPath(new URL(`./vectors/${name}`, import.meta.url));

/** A shared vector file, parsed. */
export function readSample<T>(name: string): T {
  return JSON.parse(readFileSync(samplePath(name), 'utf8')) as T;
}

/** Case ids listed in `expected-failures.txt` (one per line, then the reason), normally none. */
export const expectedFailures: readonly string[] = readFileSync(
  new URL('./expected-failures.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => l.split(/\s+/)[0] ?? '');
