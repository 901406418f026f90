import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields every rule of this plugin declares. */
export interface HttpClientRuleDocs {
  /** Enabled in `configs.recommended` (and therefore in `strict` and `all`). */
  recommended?: boolean;
  /** Enabled in `configs.strict` (and `all`); implied by `recommended`. */
  strict?: boolean;
  /**
   * The rule only works with typescript-eslint type information. Such rules are left out of
   * `configs['oxlint-safe']`, because oxlint's JS plugins provide none.
   */
  requiresTypeChecking?: boolean;
  /** Options the `strict` and `all` presets pass instead of the defaults. */
  strictOptions?: readonly unknown[];
}

/** Builds a rule with a `meta.docs.url` that points at the rule's documentation. */
export const createRule = ESLintUtils.RuleCreator<HttpClientRuleDocs>(
  (name) =>
    `https://github.com/eslint-plugin-http-client/eslint-plugin-http-client/blob/main/docs/rules/${name}.md`,
);
