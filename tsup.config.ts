import { defineConfig, type Options } from 'tsup';

/** The subpath entries over optional peer dependencies: `support-policy/<name>`. */
const adapters = {
  'date-holidays': 'src/adapters/dateHolidays.ts',
  ical: 'src/adapters/ical.ts',
  arrow: 'src/adapters/arrow.ts',
};

/**
 * An adapter's CommonJS bundle reaches the core through `../index.js` only; that import stays a
 * `require('./index.cjs')`, so an adapter shares the core's classes (errors, calendars) rather than
 * bundling a copy of them.
 */
const coreExternal: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'core-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: './index.cjs', external: true }));
  },
};

/**
 * ESM keeps one file per source module, so that bundlers drop every module a program does not
 * import (the package is `sideEffects: false`): importing only the calendar leaves out the policy
 * schemas and the presets. CommonJS, which bundlers do not tree-shake, is one file. Types are one
 * bundled declaration file per format. Each subpath entry (an adapter) has the same: one CommonJS
 * file and one declaration file per format beside the core's.
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
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { only: true },
    clean: false,
    target: 'es2022',
  },
  {
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: false,
    sourcemap: true,
    clean: false,
    treeshake: true,
    target: 'es2022',
    splitting: false,
  },
  {
    entry: adapters,
    format: ['esm', 'cjs'],
    dts: { only: true },
    clean: false,
    target: 'es2022',
  },
  {
    entry: adapters,
    format: ['cjs'],
    dts: false,
    sourcemap: true,
    clean: false,
    treeshake: true,
    target: 'es2022',
    splitting: false,
    esbuildPlugins: [coreExternal],
  },
]);
