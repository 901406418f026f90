// @ts-check
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

import httpClient from './dist/index.mjs';

export default tseslint.config(
  {
    ignores: ['dist/', 'coverage/', 'node_modules/', 'examples/', 'tests/fixtures/', '.smoke/', 'docs/'],
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-warning-comments': 'off',
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Require|Disallow|Enforce|Prefer) ' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/prefer-placeholders': 'error',
      'eslint-plugin/no-property-in-node': 'error',
      'eslint-plugin/require-meta-docs-url': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/consistent-output': 'error',
      'eslint-plugin/no-identical-tests': 'error',
    },
  },
  // The plugin lints its own sources and scripts, which make HTTP requests in the benchmark and
  // corpus tooling.
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs'],
    ...httpClient.configs.all,
  },
);
