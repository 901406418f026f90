import type { TSESLint } from '@typescript-eslint/utils';

import { name, version } from '../package.json';
import type { ConfigName } from './configs';
import { buildConfigs, NAMESPACE } from './configs';
import { rules } from './rules';

/** The plugin: `meta`, `rules` and the flat-config presets in `configs`. */
interface HttpClientPlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: typeof rules;
  readonly configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
}

const configs = {} as Record<ConfigName, TSESLint.FlatConfig.Config>;

const plugin: HttpClientPlugin = {
  meta: { name, version, namespace: NAMESPACE },
  rules,
  configs,
};

// The presets refer to the plugin object itself, so they are filled in after it exists.
Object.assign(configs, buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules));

export default plugin;
