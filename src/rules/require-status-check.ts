import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { ResponseUse } from '../model/response-uses';
import { getInferredRequests } from '../model/wrappers';
import { getTypedRequests } from '../model/summaries';
import { MAX_QUOTE, policyOf, typedPolicy } from '../model/status-policy';
import { flowsIntoAssertion, isOnlyLogged } from '../model/body-destinations';
import { isFunctionNode, skipWrappersDown } from '../ast/nodes';
import { createRule } from '../create-rule';
import { getHttpModel } from '../model/http';
import {
  getEffectiveResponseFlow,
  getResponseName,
  getResponseUses,
  getStatusCheckFix,
  guardsOf,
  isBodyGuarded,
  rejectsNonJsonWithStatus,
} from '../model/response-uses';

type Options = [{ checkers?: string[]; ignoreReturnedResponses?: boolean }];
type MessageIds = 'suggestThrowUnlessOk' | 'uncheckedBody' | 'uncheckedReturn';


export default createRule<Options, MessageIds>({
  name: 'require-status-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require checking the HTTP status of a response before using it as success',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkers: {
            type: 'array',
            description:
              'Names of functions that throw when a response has an error status (`assertOk`, `http.ensureOk`), in addition to `settings["http-client"].statusCheckFunctions`.',
            items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$' },
            uniqueItems: true,
          },
          ignoreReturnedResponses: {
            type: 'boolean',
            description:
              'Leave alone a response that is returned unread or stored where other code can reach it: the code that receives it owns the check.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkers: [], ignoreReturnedResponses: true }],
    messages: {
      uncheckedBody: '`{{client}}` {{settles}} on HTTP errors{{reason}}: check `{{check}}` before `{{use}}` {{action}} the body.',
      uncheckedReturn:
        '`{{client}}` {{settles}} on HTTP errors{{reason}}: check `{{check}}` before this response leaves the function.',
      suggestThrowUnlessOk: 'Throw an error naming the status and the URL when `{{check}}` is false.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const checkers = options.checkers ?? [];
    const ignoreReturned = options.ignoreReturnedResponses !== false;
    return {
      Program() {
        const model = getHttpModel(context);
        for (const request of [...model.requests, ...getInferredRequests(context), ...getTypedRequests(context)]) {
          const policy = request.source === 'typed' ? typedPolicy(request, model.types, sourceCode) : policyOf(request, sourceCode);
          if (!policy) continue;
          const flow = getEffectiveResponseFlow(request, model, sourceCode);
          const uses = getResponseUses(request, flow, model, sourceCode, { checkers });
          if (ignoreReturned && uses.some((use) => use.kind === 'stored')) continue;
          // A body that is only logged after a look at the status (`if (!res.ok) log.warn(...);
          // log.info(await res.text())`) is a report of the outcome, not data taken as success.
          const looked = uses.some((use) => use.kind === 'status');
          const bodies = uses.filter((use) => use.kind === 'body' && !(looked && isOnlyLogged(use.node, sourceCode, 0)));
          // In a test, `expect(await res.text()).toBe(...)` is the check: an error page fails it.
          if (bodies.length > 0 && bodies.every((use) => flowsIntoAssertion(use.node))) continue;
          // A check counts where it decides what runs, even after the body read: APIs often read the
          // error payload first (`const body = await res.json(); if (!res.ok) throw ...`).
          const body = bodies.find((use) => !isBodyGuarded(use, uses, sourceCode) && !rejectsNonJsonWithStatus(use, uses, sourceCode));
          if (!body && (bodies.length > 0 || !isHandedOutUnchecked(uses, ignoreReturned))) continue;
          const name = getResponseName(flow) ?? (body ? receiverName(body.node) : null);
          const check = name ? `${name}.${policy.check}` : policy.check;
          const fix = policy.suggest ? getStatusCheckFix(request, flow, sourceCode) : null;
          const common = { client: policy.client, settles: policy.settles, reason: policy.reason, check };
          context.report({
            // A call over several lines (node's callback, a long options object) is shown by its callee.
            node: request.node.loc.start.line === request.node.loc.end.line ? request.node : request.node.callee,
            ...(body
              ? {
                  messageId: 'uncheckedBody',
                  data: { ...common, use: useText(body, name, sourceCode), action: body.label.startsWith('json') ? 'parses' : 'reads' },
                }
              : { messageId: 'uncheckedReturn', data: common }),
            suggest: fix ? [{ messageId: 'suggestThrowUnlessOk', data: { check }, fix }] : [],
          });
        }
      },
    };
  },
});

/**
 * Does the response leave the function (returned, or stored where other code can reach it) when
 * `ignoreReturnedResponses` is off? With the option on, the code that receives it owns the check.
 */
function isHandedOutUnchecked(uses: readonly ResponseUse[], ignoreReturned: boolean): boolean {
  return (
    !ignoreReturned &&
    uses.some((use) => (use.kind === 'stored' || use.kind === 'returned') && guardsOf(use.node, uses).length === 0)
  );
}

/** The code of a body use, shortened: `res.json()`, `res.on('data')`, `for await (… of res)`. */
function useText(use: ResponseUse, name: string | null, sourceCode: TSESLint.SourceCode): string {
  const text = sourceCode.getText(use.node);
  const passesCallback =
    use.node.type === AST_NODE_TYPES.CallExpression && use.node.arguments.some((argument) => isFunctionNode(argument));
  if (use.label !== 'for await' && !passesCallback && text.length <= MAX_QUOTE && !text.includes('\n')) return text;
  if (use.label === 'for await') return `for await (… of ${name ?? 'response'})`;
  // A function the response is passed to (`parse(…)`) is not a method of the response.
  if (use.label.endsWith('(…)') || name === null) return use.label;
  return `${name}.${use.label}`;
}

/** The response a body read is called on, when it is named: `reply` of `reply.json()`. */
function receiverName(node: TSESTree.Node): string | null {
  const callee = node.type === AST_NODE_TYPES.CallExpression ? skipWrappersDown(node.callee) : node;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = skipWrappersDown(callee.object);
  return object.type === AST_NODE_TYPES.Identifier ? object.name : null;
}
