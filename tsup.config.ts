import { defineConfig } from 'tsup';

/**
 * ESM keeps one file per source module, so that bundlers drop every module a program does not
 * import (the package is `sideEffects: false`): importing only the calendar leaves out the policy
 * schemas and the presets. CommonJS, which bundlers do not tree-shake, is one file. Types are one
 * bundled declaration file per format. `support-policy/arrow` (src/arrow.ts) is an entry of its
 * own, so that only it imports the optional peer dependency `apache-arrow`.
 */
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts'],
    format: ['esm'],
    bundle: false,
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
  {
    entry: { index: 'src/index.ts', arrow: 'src/arrow.ts' },
    format: ['esm', 'cjs'],
    dts: { only: true },
    clean: false,
    target: 'es2022',
  },
  {
    entry: { index: 'src/index.ts', arrow: 'src/arrow.ts' },
    format: ['cjs'],
    dts: false,
    sourcemap: true,
    clean: false,
    treeshake: true,
    target: 'es2022',
    splitting: false,
    external: ['apache-arrow'],
  },
]);
