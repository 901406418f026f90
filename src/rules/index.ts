import type { TSESLint } from '@typescript-eslint/utils';

import type { HttpClientRuleDocs } from '../utils/create-rule';

import noImplicitJson from './no-implicit-json';
import noUnguardedErrorResponse from './no-unguarded-error-response';
import requireStatusCheck from './require-status-check';

/** Every rule of the plugin, keyed by name, in alphabetical order. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], HttpClientRuleDocs>> = {
  'no-implicit-json': noImplicitJson,
  'no-unguarded-error-response': noUnguardedErrorResponse,
  'require-status-check': requireStatusCheck,
};
