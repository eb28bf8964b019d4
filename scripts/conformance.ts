/**
 * Conformance runner: `npm run --silent conformance -- FILE.json` prints `{ id: result }` as one
 * JSON object. Exits 0 when the file could be read, whatever the answers; non-zero when the file
 * itself is unusable.
 */
import { readFileSync } from 'node:fs';
import { runVectors } from './conformance/runVectors.js';

const path = process.argv[2];
if (path === undefined) {
  process.stderr.write('usage: npm run --silent conformance -- FILE.json\n');
  process.exit(2);
}
let file: unknown;
try {
  file = JSON.parse(readFileSync(path, 'utf8'));
} catch (e) {
  process.stderr.write(`conformance: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
try {
  process.stdout.write(`${JSON.stringify(runVectors(file))}\n`);
} catch (e) {
  process.stderr.write(`conformance: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
