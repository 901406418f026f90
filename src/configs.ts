import type { ESLint, Linter } from 'eslint';

import type { HttpClientRuleDocs } from './create-rule';

/** The names of the presets the plugin ships. */
export type ConfigName = 'all' | 'oxlint' | 'recommended' | 'strict';

/** What the presets need to know of a rule. */
interface RuleWithDocs {
  readonly meta: { readonly docs?: HttpClientRuleDocs };
}

/** The namespace the rules live under in a flat config: `http-client/<rule>`. */
export const NAMESPACE = 'http-client';

/**
 * Builds the flat-config presets from each rule's `meta.docs`:
 * - `recommended`: rules with `docs.recommended`;
 * - `strict`: those plus rules with `docs.strict`, with `docs.strictOptions` applied;
 * - `all`: every rule, with its strict options;
 * - `oxlint`: `recommended` without rules that need type information, for oxlint's JS plugins.
 */
export function buildConfigs(
  plugin: ESLint.Plugin,
  rules: Readonly<Record<string, RuleWithDocs>>,
): Record<ConfigName, Linter.Config> {
  const pick = (
    name: ConfigName,
    include: (docs: HttpClientRuleDocs) => boolean,
    useStrictOptions: boolean,
  ): Linter.Config => {
    const entries: Linter.RulesRecord = {};
    for (const [ruleName, rule] of Object.entries(rules)) {
      const docs: HttpClientRuleDocs = rule.meta.docs ?? {};
      if (!include(docs)) continue;
      entries[`${NAMESPACE}/${ruleName}`] =
        useStrictOptions && docs.strictOptions ? ['error', ...docs.strictOptions] : 'error';
    }
    return { name: `${NAMESPACE}/${name}`, plugins: { [NAMESPACE]: plugin }, rules: entries };
  };
  return {
    recommended: pick('recommended', (docs) => docs.recommended === true, false),
    strict: pick('strict', (docs) => docs.recommended === true || docs.strict === true, true),
    all: pick('all', () => true, true),
    oxlint: pick('oxlint', (docs) => docs.recommended === true && docs.requiresTypeChecking !== true, false),
  };
}
