import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examplesFromMarkdown, examplesFromSource, toModule } from './extractExamples.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'test', '.doc-examples');
const indexPath = join(root, 'src', 'index.ts');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const sourceExamples = examplesFromSource(root);
const markdownExamples = examplesFromMarkdown(root);

describe('every documented example runs and its //=> results hold', () => {
  it('finds examples in the doc comments and in the guides', () => {
    expect(sourceExamples.length).toBeGreaterThan(10);
    expect(markdownExamples.length).toBeGreaterThan(3);
  });

  [...sourceExamples, ...markdownExamples].forEach((example, n) => {
    it(example.origin, async () => {
      const { source, assertions } = toModule(example, indexPath);
      const file = join(outDir, `example-${n}.ts`);
      writeFileSync(file, source);
      await import(/* @vite-ignore */ file);
      // An example that asserts nothing must at least run; one that asserts must assert every line it claims.
      expect(expect.getState().assertionCalls).toBeGreaterThanOrEqual(assertions);
    });
  });
});
