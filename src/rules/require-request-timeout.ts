import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { ClientName } from '../clients/catalogue';
import type { DeadlineProblem, Remedy } from '../model/deadlines';
import type { HttpRequest } from '../model/http';
import { findProperty, isUndefinedLiteral, skipWrappersDown } from '../ast/nodes';
import { AXIOS_DATA_METHODS } from '../clients/catalogue';
import { DISABLED_TIMEOUT_DESCRIPTIONS } from '../clients/timeouts';
import { createRule } from '../create-rule';
import { addObjectProperty, insertArgument, setPropertyValue } from '../fixes/edits';
import { getDeadlineProblems } from '../model/deadlines';
import { callSetsDeadline } from '../model/summaries';
import { getTypeInfo } from '../model/type-info';

type Options = [
  {
    clients?: Partial<Record<ClientName, boolean>>;
    ms?: number;
  },
];

type MessageIds =
  | 'disabledTimeout'
  | 'ignoredTimeoutOption'
  | 'missingDeadline'
  | 'missingSignal'
  | 'suggestSignal'
  | 'suggestSignalForTimeout'
  | 'suggestTimeout'
  | 'suggestTimeoutValue';

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

const DEFAULT_MS = 10_000;

/** The `{{remedy}}` of `missingDeadline`. */
const REMEDIES: Readonly<Record<Remedy, string>> = {
  axios: 'set `timeout` or pass a `signal`',
  fetch: 'pass `signal: AbortSignal.timeout(ms)`',
  got: 'set `timeout: { request: ms }` or pass a `signal`',
  'node-http': 'pass a `signal` or call `req.setTimeout(ms)`',
};

export default createRule<Options, MessageIds>({
  name: 'require-request-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a deadline on every HTTP request',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          clients: {
            type: 'object',
            additionalProperties: false,
            description: 'Which clients to check; set a client to `false` to leave its requests alone.',
            properties: {
              axios: { type: 'boolean', description: 'Check `axios` requests and instances.' },
              fetch: {
                type: 'boolean',
                description:
                  'Check the global `fetch`, `node-fetch`, `cross-fetch`, undici `fetch` and declared fetch wrappers.',
              },
              got: { type: 'boolean', description: 'Check `got` requests and instances.' },
              ky: { type: 'boolean', description: 'Check `ky` requests and instances for `timeout: false`.' },
              'node-http': { type: 'boolean', description: 'Check `http.request`/`http.get` and their `https` twins.' },
              undici: {
                type: 'boolean',
                description:
                  'Check undici `request`/`stream` and dispatchers for `headersTimeout: 0`/`bodyTimeout: 0`.',
              },
            },
          },
          ms: {
            type: 'integer',
            minimum: 1,
            maximum: 2_147_483_647,
            description: 'The deadline, in milliseconds, that suggestions insert.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        clients: { axios: true, fetch: true, got: true, ky: true, 'node-http': true, undici: true },
        ms: DEFAULT_MS,
      },
    ],
    messages: {
      missingSignal: 'This request sets no deadline{{fallback}}: pass `signal: AbortSignal.timeout(ms)`.',
      missingDeadline: 'This request has no deadline (`{{library}}` sets none): {{remedy}}.',
      disabledTimeout: '`{{setting}}` turns off {{what}}: set a timeout in milliseconds.',
      ignoredTimeoutOption:
        '`fetch` ignores `timeout`, so this request has no deadline: pass `signal: AbortSignal.timeout(ms)`.',
      suggestSignal: 'Add `signal: AbortSignal.timeout({{ms}})`.',
      suggestSignalForTimeout: 'Replace `timeout` with `signal: AbortSignal.timeout({{value}})`.',
      suggestTimeout: 'Add `timeout: {{value}}`.',
      suggestTimeoutValue: 'Set `{{option}}` to `{{value}}`.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const ms = String(options.ms ?? DEFAULT_MS);
    const enabled = (client: ClientName): boolean => options.clients?.[client] !== false;
    const signalSuggestion = (request: HttpRequest): Suggestion[] =>
      addOptionSuggestion(request, 'signal', `AbortSignal.timeout(${ms})`, { messageId: 'suggestSignal', data: { ms } });

    /** A suggestion that sets `key: value` in the request's options, adding the options argument if needed. */
    function addOptionSuggestion(
      request: HttpRequest,
      key: string,
      value: string,
      suggestion: Pick<Suggestion, 'data' | 'messageId'>,
    ): Suggestion[] {
      const { options } = request;
      const property = `${key}: ${value}`;
      if (options.kind === 'object') {
        // `{ signal: undefined }`: fill in the value rather than add a second key.
        const existing = findProperty(options.node, key);
        return [
          {
            ...suggestion,
            fix: (fixer) =>
              existing.kind === 'found' && existing.property.type === AST_NODE_TYPES.Property
                ? setPropertyValue(fixer, sourceCode, existing.property, value)
                : addObjectProperty(fixer, sourceCode, options.node, property),
          },
        ];
      }
      // Options built elsewhere (`init`, `getOptions()`): extend a copy here, since a shared object
      // would carry one signal, started when it was made, to every request.
      if (options.kind === 'unknown' && options.node) {
        const { node } = options;
        const inner = skipWrappersDown(node);
        const simple = inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.CallExpression;
        const spread = simple ? sourceCode.getText(node) : `(${sourceCode.getText(node)})`;
        return [{ ...suggestion, fix: (fixer) => fixer.replaceText(node, `{ ...${spread}, ${property} }`) }];
      }
      // A wrapper's parameters are only assumed to be fetch's: never add an argument to it.
      const index = optionsIndex(request);
      if (index === null || request.source === 'wrapper') return [];
      const argument = request.node.arguments[index];
      return [
        {
          ...suggestion,
          fix: (fixer) =>
            argument && isUndefinedLiteral(argument)
              ? fixer.replaceText(argument, `{ ${property} }`)
              : insertArgument(fixer, sourceCode, request.node, index, `{ ${property} }`),
        },
      ];
    }

    function report(problem: DeadlineProblem): void {
      switch (problem.kind) {
        case 'missingSignal':
          context.report({
            node: problem.request.node.callee,
            messageId: 'missingSignal',
            data: { fallback: problem.runtimeDefault ? ' (runtime default 300 s)' : '' },
            suggest: signalSuggestion(problem.request),
          });
          return;
        case 'missingDeadline': {
          const { request, remedy } = problem;
          const timeout = remedy === 'got' ? `{ request: ${ms} }` : ms;
          context.report({
            node: request.node.callee,
            messageId: 'missingDeadline',
            data: { library: problem.library, remedy: REMEDIES[remedy] },
            suggest:
              remedy === 'axios' || remedy === 'got'
                ? addOptionSuggestion(request, 'timeout', timeout, { messageId: 'suggestTimeout', data: { value: timeout } })
                : signalSuggestion(request),
          });
          return;
        }
        case 'ignoredTimeout': {
          const { property, request } = problem;
          const value = problem.value ? sourceCode.getText(problem.value) : ms;
          const inline = request.options.kind === 'object' && property.parent === request.options.node;
          context.report({
            node: request.node,
            messageId: 'ignoredTimeoutOption',
            // `{ timeout, signal: undefined }`: the later `signal` would still win over a replaced `timeout`.
            suggest: problem.hasSignalKey
              ? []
              : !inline
                ? signalSuggestion(request)
                : [
                  {
                    messageId: 'suggestSignalForTimeout',
                    data: { value },
                    fix: (fixer) => fixer.replaceText(property, `signal: AbortSignal.timeout(${value})`),
                  },
                ],
          });
          return;
        }
        case 'disabled': {
          const { client, option } = problem;
          const { node, shown } = problem.setting;
          const replacement = client === 'got' ? `{ request: ${ms} }` : ms;
          context.report({
            // The request or client the setting belongs to, so the report covers the call it affects.
            node: problem.owner ?? node,
            messageId: 'disabledTimeout',
            data: {
              setting: node.type === AST_NODE_TYPES.Property ? `${option}: ${shown}` : `defaults.${option} = ${shown}`,
              what: DISABLED_TIMEOUT_DESCRIPTIONS[client],
            },
            suggest: [
              {
                messageId: 'suggestTimeoutValue',
                data: { option, value: replacement },
                fix: (fixer) =>
                  node.type === AST_NODE_TYPES.Property
                    ? setPropertyValue(fixer, sourceCode, node, replacement)
                    : fixer.replaceText(node.right, replacement),
              },
            ],
          });
        }
      }
    }

    return {
      Program() {
        const types = getTypeInfo(context);
        for (const problem of getDeadlineProblems(context)) {
          // A declared wrapper defined in another file: its declaration, read through the types, may set the deadline.
          if (problem.kind !== 'disabled' && problem.request.source === 'wrapper' && callSetsDeadline(problem.request.node, types)) continue;
          if (enabled(problem.client)) report(problem);
        }
      },
    };
  },
});

/** Where the options argument of a request goes when the call has none yet; `null` when unclear. */
function optionsIndex(request: HttpRequest): number | null {
  if (!request.url) return null;
  if (request.client === 'axios' && request.method !== null && AXIOS_DATA_METHODS.has(request.method)) return 2;
  return 1;
}
