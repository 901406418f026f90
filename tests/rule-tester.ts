import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

/** Rule tester without type information: every rule must work on syntax alone. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

/** Directory of the typed-test project (`tests/fixtures/tsconfig.json`). */
export const FIXTURES_DIR = path.join(import.meta.dirname, 'fixtures');

/**
 * Rule tester with typescript-eslint's project service, for the type-aware paths. The project
 * service is one per process, so use it from one test file per rule and name test files
 * `file.ts` (or another file the fixture project includes).
 */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: FIXTURES_DIR,
      },
    },
  });
}
