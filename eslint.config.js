// typescript-eslint's strict rules over every TypeScript file of the project (`npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'docs/api/', 'coverage/', 'node_modules/', 'test/.doc-examples/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // Node's globals, for the scripts, benches and examples that are plain JavaScript.
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
    rules: {
      // noUncheckedIndexedAccess types every index read as possibly undefined; the table code reads
      // within bounds it has checked, and says so with `!` rather than with a branch that cannot run.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `interface Target extends Output<typeof TargetSchema> {}` gives an inferred type a name that
      // the API reference links to (src/policy/policyTypes.ts); a type alias would be spelled out.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests take policies apart to break them on purpose: a mutable `any` copy is the plain way to do it.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-dynamic-delete': 'off' },
  },
);
