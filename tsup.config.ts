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

/** What every build shares, then what the declaration and the CommonJS builds share. */
const shared = { clean: false, target: 'es2022' } satisfies Options;
const declarations = { ...shared, format: ['esm', 'cjs'], dts: { only: true } } satisfies Options;
const commonJs = {
  ...shared,
  format: ['cjs'],
  dts: false,
  sourcemap: true,
  treeshake: true,
  splitting: false,
} satisfies Options;

/**
 * ESM keeps one file per source module, so that bundlers drop every module a program does not
 * import (the package is `sideEffects: false`): importing only the calendar leaves out the policy
 * schemas and the presets. CommonJS, which bundlers do not tree-shake, is one file. Types are one
 * bundled declaration file per format. Each subpath entry (an adapter) has the same: one CommonJS
 * file and one declaration file per format beside the core's.
 */
export default defineConfig([
  {
    ...shared,
    entry: ['src/**/*.ts', '!src/**/*.test.ts'],
    format: ['esm'],
    bundle: false,
    dts: false,
    sourcemap: true,
  },
  { ...declarations, entry: { index: 'src/index.ts' } },
  { ...commonJs, entry: { index: 'src/index.ts' } },
  { ...declarations, entry: adapters },
  { ...commonJs, entry: adapters, esbuildPlugins: [coreExternal] },
]);
