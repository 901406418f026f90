/**
 * The cheap per-file test: can any rule of the plugin report anything in this file? Most files of a
 * project send no request; for them no rule builds a model or registers a listener
 * (`createRule` returns no listeners), so the plugin costs one scan of the text.
 *
 * The test must never lose a report, so it is a superset of what the rules react to. Every report
 * starts from one of these, and each one leaves a word in the text:
 * - a module the catalogues know, imported, required or `import()`ed: the HTTP clients and agent
 *   modules (`MODULE_SHAPES`, `node:http` included), agent factories, the SDKs of
 *   `clients/sdks.ts`, the limiter modules of `model/limiters.ts`, and the project's
 *   `clientModules` from the settings. Matched as a string: a quote, the specifier, a quote (or the
 *   start of a specifier matched by prefix, `@aws-sdk/client-`);
 * - the global `fetch` (also `globalThis.fetch`, `window.fetch`) and every wrapper the default
 *   inference takes for one: the letters `fetch` in any case; with a custom
 *   `inferWrappers.namePattern`, the pattern against the text and against each identifier;
 * - the global `axios` of a `<script>` build: the word `axios`;
 * - error handlers around calls into the project's API modules and axios interceptors
 *   (`no-unguarded-error-response`): the word `response`, which every report of theirs reads;
 * - the functions `settings['http-client']` names (`fetchFunctions`, `timeoutFunctions`,
 *   `statusCheckFunctions`), by their last segment, and every string of the rule's own options
 *   (`additionalClients` modules and exports, `limiters`, `checkers`);
 * - with type information, any awaited or chained call may resolve to a Fetch `Response`
 *   (`source: 'typed'`): a typed file is relevant as soon as it has `await`, `then`, `catch` or
 *   `finally` in it.
 *
 * Names the parser reads differently from their letters are covered too: a file with an escape
 * that may spell an ASCII letter (`\x66`, `\u0066`, `\u{66}`) is relevant, and so is one that adds
 * short string literals together (`require('ax' + 'ios')`), which the reference tracker evaluates.
 *
 * Agent and limiter classes, `Promise.all`, streams, `TextDecoder` and `AbortSignal` need no word of
 * their own: a rule only reports them about a request, a client or a limiter found above.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { HttpClientSettings } from '../settings';
import { AGENT_FACTORY_MODULES } from '../clients/agents';
import { MODULE_SHAPES } from '../clients/catalogue';
import { SDK_MODULES } from '../clients/sdks';
import { DEFAULT_WRAPPER_PATTERN, getSettings } from '../settings';
import { NAMED_REQUEST_WORDS } from './fan-out-names';
import { LIMITER_MODULE_NAMES } from './limiters';

/** What besides the text decides whether a file is relevant. */
export interface RelevanceInput {
  readonly settings: HttpClientSettings;
  /** The file was parsed with type information. */
  readonly typed: boolean;
  /** The options the rule was configured with (`context.options`). */
  readonly ruleOptions?: readonly unknown[];
}

/** Module specifiers matched exactly, from every catalogue that names modules. */
export const KNOWN_MODULES: readonly string[] = [
  ...new Set([...Object.keys(MODULE_SHAPES), ...Object.keys(AGENT_FACTORY_MODULES), ...Object.keys(SDK_MODULES), ...LIMITER_MODULE_NAMES]),
].sort();

/** Module specifiers matched by their start (`sdkModule` takes every AWS SDK v3 client package). */
export const MODULE_PREFIXES: readonly string[] = ['@aws-sdk/client-'];

const escapeRegExp = (text: string): string => text.replaceAll(/[.*+?^${}()|[\]\\/]/gu, String.raw`\$&`);

/** A quoted known specifier: `'axios'`, `"node:http"`, `` `p-limit` ``, `'@aws-sdk/client-s3'`. */
const MODULE_PATTERN = new RegExp(
  `['"\`](?:(?:${KNOWN_MODULES.map(escapeRegExp).join('|')})['"\`]|${MODULE_PREFIXES.map(escapeRegExp).join('|')})`,
  'u',
);

/** Words any of which makes a file relevant whatever the settings. */
const WORD_PATTERN = /[Ff][Ee][Tt][Cc][Hh]|axios|response/u;

/** An escape that may spell an ASCII letter or digit in a string or an identifier. */
const LETTER_ESCAPE = /\\(?:x|u\{?0*)[2-7][\dA-Fa-f]/u;

/** Short string literals added together: `'ax' + 'ios'`, `"fe" + "tch"`. */
const JOINED_STRINGS = /['"`][\w@/:.-]{0,40}['"`]\s*\+\s*['"`]/u;

/** What makes a call's result a candidate `Response` in typed mode. */
const CONSUMER_WORDS = /await|then|catch|finally/u;

const IDENTIFIER = /[\p{L}_$][\p{L}\p{N}_$]*/gu;

/**
 * Can a rule report anything in a file whose source text is `text`? `false` means that no rule of
 * the plugin can: the file needs no model. See the module comment for what counts.
 */
export function isRelevantText(text: string, input: RelevanceInput): boolean {
  if (WORD_PATTERN.test(text) || MODULE_PATTERN.test(text) || NAMED_REQUEST_WORDS.test(text)) return true;
  if (LETTER_ESCAPE.test(text) || JOINED_STRINGS.test(text)) return true;
  if (input.typed && CONSUMER_WORDS.test(text)) return true;
  if (mentionsSettings(text, input.settings)) return true;
  return mentionsOptions(text, input.ruleOptions ?? []);
}

function mentionsSettings(text: string, settings: HttpClientSettings): boolean {
  const functions = [...settings.fetchFunctions, ...settings.timeoutFunctions, ...settings.statusCheckFunctions];
  if (functions.some((name) => text.includes(name.slice(name.lastIndexOf('.') + 1)))) return true;
  if (Object.keys(settings.clientModules).some((module) => text.includes(module))) return true;
  const pattern = settings.inferWrappers?.namePattern;
  if (!pattern || pattern === DEFAULT_WRAPPER_PATTERN) return false;
  // The pattern is tested against one name; anchors (`^get`) only match it against that name.
  if (pattern.test(text)) return true;
  const seen = new Set<string>();
  for (const [word] of text.matchAll(IDENTIFIER)) {
    if (seen.has(word)) continue;
    seen.add(word);
    if (pattern.test(word)) return true;
  }
  return false;
}

/** Does the text contain any string of the rule's options (module names, function names)? */
function mentionsOptions(text: string, value: unknown): boolean {
  if (typeof value === 'string') {
    const name = value.slice(value.lastIndexOf('.') + 1);
    return value !== '' && (text.includes(value) || (name !== '' && text.includes(name)));
  }
  if (Array.isArray(value)) return value.some((item) => mentionsOptions(text, item));
  if (typeof value === 'object' && value !== null) return Object.values(value).some((item) => mentionsOptions(text, item));
  return false;
}

/** The files found relevant without looking at a rule's options, by AST. */
const cache = new WeakMap<TSESTree.Program, boolean>();

/**
 * Is the file being linted relevant to the rule of `context`? Computed once per file for the
 * settings and the type information; a rule's options are looked at only when that says no.
 * Settings must be valid (`getSettings` does not throw): `createRule` checks them first.
 */
export function isRelevantFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const sourceCode = context.sourceCode;
  // Keyed on the AST: oxlint's JS plugins reuse one `SourceCode` object for every file.
  let relevant = cache.get(sourceCode.ast);
  if (relevant === undefined) {
    const services = sourceCode.parserServices as { program?: unknown } | undefined;
    relevant = isRelevantText(sourceCode.text, { settings: getSettings(context), typed: Boolean(services?.program) });
    cache.set(sourceCode.ast, relevant);
  }
  return relevant || (context.options.length > 0 && mentionsOptions(sourceCode.text, context.options));
}
