import type { TSESLint } from '@typescript-eslint/utils';

/** Every rule of the plugin, keyed by name, in alphabetical order. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
};
