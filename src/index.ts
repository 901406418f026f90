import type { ESLint, Linter, Rule } from 'eslint';

import { name, version } from '../package.json';
import type { ConfigName } from './configs';
import { buildConfigs, NAMESPACE } from './configs';
import { rules } from './rules';

/**
 * The plugin: `meta`, `rules` and the flat-config presets in `configs`. Typed with ESLint's own
 * types, so `httpClient.configs.recommended` fits `defineConfig()` and `Linter.Config[]` as is.
 */
interface HttpClientPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: Record<string, Rule.RuleModule>;
  readonly configs: Record<ConfigName, Linter.Config>;
}

const configs = {} as Record<ConfigName, Linter.Config>;

const plugin: HttpClientPlugin = {
  meta: { name, version, namespace: NAMESPACE },
  // typescript-eslint's rule type is structurally ESLint's, but declares `create` more narrowly.
  rules: rules as unknown as Record<string, Rule.RuleModule>,
  configs,
};

// The presets refer to the plugin object itself, so they are filled in after it exists.
Object.assign(configs, buildConfigs(plugin, rules));

export default plugin;
