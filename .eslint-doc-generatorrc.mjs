/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['oxlint', '⚓'],
  ],
  ignoreConfig: ['all'],
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-http-client/eslint-plugin-http-client#presets',
};
