import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { HandlerSite, UnguardedUse } from '../model/error-response';
import type { ClientName } from '../clients/catalogue';
import { getStaticName, skipWrappersUp } from '../ast/nodes';
import { getAxiosErrorHandlers } from '../model/axios-handlers';
import { findRejectionHandler, getErrorHandlers } from '../model/errors';
import { findUnguardedUses } from '../model/error-response';
import { CLIENT_LABELS, CLIENT_NAMES, profileOf } from '../clients/catalogue';
import { createRule } from '../create-rule';
import { getHttpModel } from '../model/http';

type Options = [];
type MessageIds = 'suggestEmptyObject' | 'suggestOptionalChaining' | 'unguardedResponse';

/** Clients whose errors carry `response` only when the server answered (axios, got, ky). */
const CLIENTS: ReadonlySet<ClientName> = new Set(CLIENT_NAMES.filter((client) => profileOf(client).errorResponse));

/** The fields of an axios response read through `error.response`. https://axios-http.com/docs/res_schema */
const AXIOS_RESPONSE_FIELDS: ReadonlySet<string> = new Set(['data', 'headers', 'status']);

export default createRule<Options, MessageIds>({
  name: 'no-unguarded-error-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading `error.response` of an axios, got or ky error without checking that it exists',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unguardedResponse: '`{{response}}` is undefined when the {{client}} request gets no response; check it first or use `?.`.',
      suggestOptionalChaining: 'Read it with optional chaining (`?.`).',
      suggestEmptyObject: 'Destructure from `{}` when there is no response.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        const model = getHttpModel(context);
        const checked = new Set<TSESTree.Node>();
        if (model.requests.some((request) => CLIENTS.has(request.client))) {
          for (const handler of getErrorHandlers(model, sourceCode).handlers) {
            const request = [...handler.requests, ...handler.calledRequests].find((candidate) => CLIENTS.has(candidate.client));
            if (!request) continue;
            checked.add(handler.node);
            checkHandler(handler, CLIENT_LABELS[request.client], false);
          }
          // `.catch(normalizeError)`: a rejection callback named by a function of the file.
          for (const request of model.requests) {
            if (!CLIENTS.has(request.client)) continue;
            const found = findRejectionHandler(request.node, sourceCode);
            if (found?.kind !== 'handler' || found.node.type === AST_NODE_TYPES.CatchClause || checked.has(found.node)) continue;
            checked.add(found.node);
            checkHandler({ node: found.node, param: found.node.params[0] ?? null }, CLIENT_LABELS[request.client], false);
          }
        }
        for (const handler of getAxiosErrorHandlers(sourceCode)) {
          if (!checked.has(handler.node)) checkHandler(handler, CLIENT_LABELS.axios, handler.evidence === 'api-module');
        }
      },
    };

    /**
     * Reports the unguarded response reads of a handler. Around a call into an API module, where
     * the client is inferred, only reads of `status`, `data` and `headers` count: the axios
     * response's fields, and the evidence that the error is an axios error.
     */
    function checkHandler(handler: HandlerSite, client: string, responseFieldsOnly: boolean): void {
      for (const use of findUnguardedUses(handler, sourceCode)) {
        if (responseFieldsOnly && !(use.kind === 'read' && AXIOS_RESPONSE_FIELDS.has(getStaticName(use.member) ?? ''))) continue;
        context.report({
          node: use.node,
          messageId: 'unguardedResponse',
          data: { response: describe(use.node, sourceCode), client },
          suggest: suggestionFor(use),
        });
      }
    }

    function suggestionFor(use: UnguardedUse): TSESLint.ReportSuggestionArray<MessageIds> {
      switch (use.kind) {
        case 'read': {
          if (!canChain(use.member)) return [];
          const object = skipWrappersUp(use.node);
          const token = sourceCode.getTokenAfter(object, ASTUtils.isNotClosingParenToken);
          /* v8 ignore next -- a member expression always has a `.` or `[` after its object */
          if (!token) return [];
          return [
            {
              messageId: 'suggestOptionalChaining',
              fix: (fixer) => (token.value === '.' ? fixer.replaceText(token, '?.') : fixer.insertTextBefore(token, '?.')),
            },
          ];
        }
        case 'destructure': {
          const value = skipWrappersUp(use.node);
          const text = sourceCode.getText(value);
          const simple = value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.Identifier;
          return [
            {
              messageId: 'suggestEmptyObject',
              fix: (fixer) => fixer.replaceText(value, `${simple ? text : `(${text})`} ?? {}`),
            },
          ];
        }
        case 'pattern':
          return [
            {
              messageId: 'suggestEmptyObject',
              fix: (fixer) => fixer.insertTextAfter(use.pattern, ' = {}'),
            },
          ];
      }
    }
  },
});

/**
 * Can `?.` be inserted before `member`'s property? Not when the chain it ends up in is written
 * to (`err.response.data = x`), constructed (`new err.response.Type()`) or used as a tag: optional
 * chains are not allowed there.
 */
function canChain(member: TSESTree.MemberExpression): boolean {
  let outer = skipWrappersUp(member);
  for (;;) {
    const parent = outer.parent as TSESTree.Node;
    if (
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === outer)
    ) {
      outer = skipWrappersUp(parent);
    } else {
      break;
    }
  }
  const parent = outer.parent as TSESTree.Node;
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.AssignmentPattern:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left !== outer;
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== outer;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag !== outer;
    case AST_NODE_TYPES.Property:
      // A destructuring target: `({ total: err.response.count } = stats)`.
      return !(parent.value === outer && parent.parent.type === AST_NODE_TYPES.ObjectPattern);
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
      return false;
    default:
      return true;
  }
}

/** The code of `node` for the message, or `response` when it is too long to read there. */
function describe(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string {
  const text = sourceCode.getText(node);
  return text.length > 40 || text.includes('\n') ? 'response' : text;
}
