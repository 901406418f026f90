import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

import { isRelevantFile } from './model/relevance';
import { getSettings } from './settings';

/** Extra `meta.docs` fields every rule of this plugin declares. */
export interface HttpClientRuleDocs {
  /** Enabled in `configs.recommended` (and therefore in `strict` and `all`). */
  recommended?: boolean;
  /** Enabled in `configs.strict` (and `all`); implied by `recommended`. */
  strict?: boolean;
  /**
   * The rule only works with typescript-eslint type information. Such rules are left out of
   * `configs.oxlint`, because oxlint's JS plugins provide none.
   */
  requiresTypeChecking?: boolean;
  /** Options the `strict` and `all` presets pass instead of the defaults. */
  strictOptions?: readonly unknown[];
}

/** The message id every rule gets for a wrong `settings['http-client']`. */
export const INVALID_SETTINGS = 'invalidSettings';

const ruleCreator = ESLintUtils.RuleCreator<HttpClientRuleDocs>(
  (name) =>
    `https://github.com/eslint-plugin-http-client/eslint-plugin-http-client/blob/main/docs/rules/${name}.md`,
);

/** Files whose wrong settings were already reported, by one rule for all of them. */
const settingsReported = new WeakSet<object>();

/**
 * What is wrong with the file's `settings['http-client']`, or `undefined` when they are valid.
 * A wrong setting is the user's configuration, not a failure of a rule: it becomes one report per
 * file instead of an exception that ESLint would print as a crash.
 */
function settingsProblem(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string | undefined {
  try {
    getSettings(context);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^eslint-plugin-http-client: /u, '');
  }
}

/**
 * Builds a rule with a `meta.docs.url` that points at the rule's documentation. Every rule checks the
 * plugin's settings first: when they are wrong, the first rule to run on a file reports which setting
 * is wrong and what it expects, and no rule looks at that file. Then the cheap per-file test
 * (`isRelevantFile`): a file in which no rule can report gets no listeners at all.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, HttpClientRuleDocs>>,
): TSESLint.RuleModule<MessageIds | typeof INVALID_SETTINGS, Options, HttpClientRuleDocs> {
  const built = ruleCreator(rule) as unknown as TSESLint.RuleModule<
    MessageIds | typeof INVALID_SETTINGS,
    Options,
    HttpClientRuleDocs
  >;
  // The options with their defaults, merged once per distinct configuration rather than once per
  // file: the merge clones the defaults (`structuredClone`), which costs more than most rules do.
  // Rules never change their options, so files with the same configuration share them.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the rules declare `defaultOptions`
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  const optionsOf = (options: Options): Options => {
    const key = JSON.stringify(options);
    let value = merged.get(key);
    if (!value) {
      value = ESLintUtils.applyDefault<Options, Options>(defaults, options);
      merged.set(key, value);
    }
    return value;
  };
  return {
    ...built,
    meta: {
      ...built.meta,
      messages: {
        ...built.meta.messages,
        [INVALID_SETTINGS]: 'Wrong setting: {{problem}} The http-client rules skip this file until it is fixed.',
      },
    },
    create(context) {
      const problem = settingsProblem(context);
      if (problem === undefined) {
        // A file that names no client, wrapper or request API: no rule can report in it, so none
        // builds a model or listens to its traversal (model/relevance.ts).
        if (!isRelevantFile(context)) return {};
        return rule.create(context, optionsOf(context.options));
      }
      return {
        Program(node) {
          if (settingsReported.has(context.sourceCode.ast)) return;
          settingsReported.add(context.sourceCode.ast);
          context.report({ node, loc: { line: 1, column: 0 }, messageId: INVALID_SETTINGS, data: { problem } });
        },
      };
    },
  };
}
