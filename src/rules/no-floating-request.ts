import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { HttpRequest } from '../model/http';
import { getEnclosingFunction, getMethodCall, getStaticName, isFunctionNode, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { CLIENT_LABELS, profileOf } from '../clients/catalogue';
import { createRule } from '../create-rule';
import { getHttpModel } from '../model/http';

type Options = [];
type MessageIds = 'floatingRequest' | 'suggestAwait';

/** Where a floating request was found. */
interface Floating {
  /** The promise the statement drops: the request or the chain built on it. */
  readonly promise: TSESTree.Node;
  /** The promise is dropped by `forEach` (or a discarded `map`), where `await` cannot go. */
  readonly inCallback: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'no-floating-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the promise of an HTTP request to be awaited, returned or given a rejection handler',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      floatingRequest: 'Await, return or `.catch()` this {{client}} request: its failure is otherwise an unhandled rejection.',
      suggestAwait: 'Await the request, so that its failure reaches the caller or the surrounding `try`.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const request of getHttpModel(context).requests) {
          if (!returnsPromise(request)) continue;
          const floating = findFloating(request);
          if (!floating) continue;
          const canAwait = !floating.inCallback && getEnclosingFunction(floating.promise)?.async === true;
          context.report({
            node: request.node,
            messageId: 'floatingRequest',
            data: { client: CLIENT_LABELS[request.client] },
            suggest: canAwait
              ? [{ messageId: 'suggestAwait', fix: (fixer) => fixer.insertTextBefore(floating.promise, 'await ') }]
              : [],
          });
        }
      },
    };
  },
});

/**
 * Does the call return a promise? Node's `http.request()` returns a `ClientRequest`; got's
 * `stream()` a stream and `paginate()` an async iterator; undici's `request()` and `stream()`
 * return nothing when given a completion callback
 * (https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback).
 */
function returnsPromise(request: HttpRequest): boolean {
  switch (request.client) {
    case 'node-http':
      return false;
    case 'got': {
      if (request.method !== null && profileOf('got').streamMethods.has(request.method)) return false;
      // got.stream.get(url)
      const callee = skipWrappersDown(request.node.callee);
      return !(
        callee.type === AST_NODE_TYPES.MemberExpression &&
        skipWrappersDown(callee.object).type === AST_NODE_TYPES.MemberExpression &&
        getStaticName(skipWrappersDown(callee.object) as TSESTree.MemberExpression) === 'stream'
      );
    }
    case 'undici': {
      const callbacks = request.node.arguments.filter((argument) => isFunctionNode(argument)).length;
      // `stream(options, factory)` takes one function and still returns a promise.
      return callbacks < (request.method === 'stream' ? 2 : 1);
    }
    default:
      return true;
  }
}

/**
 * Follows the request's promise through `.then()`/`.finally()` (which pass a rejection on), and
 * through `&&`, `? :` and `,`, to a statement that drops it. `.catch(handler)` and
 * `.then(onFulfilled, onRejected)` handle the rejection; `await`, `return`, `void`, a variable or
 * an argument (`Promise.all([...])`, `track(promise)`) hand it to code that may.
 */
function findFloating(request: HttpRequest): Floating | null {
  let node: TSESTree.Node = request.node;
  let promise: TSESTree.Node = request.node;
  for (;;) {
    const outer = skipWrappersUp(node);
    const parent = outer.parent as TSESTree.Node;
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const call = getMethodCall(parent);
        const name = getStaticName(parent);
        if (!call || parent.object !== outer || !passesRejectionOn(name, call, request)) return null;
        node = call;
        promise = call;
        continue;
      }
      case AST_NODE_TYPES.ExpressionStatement:
        return { promise: skipWrappersUp(promise), inCallback: false };
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.right !== outer) return null;
        node = parent;
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === outer) return null;
        node = parent;
        continue;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) === outer) {
          node = parent;
          continue;
        }
        return { promise: skipWrappersUp(promise), inCallback: false };
      case AST_NODE_TYPES.ArrowFunctionExpression:
        // `urls.forEach((url) => fetch(url))`: the returned promise is thrown away.
        return isDroppingCallback(parent) ? { promise: skipWrappersUp(promise), inCallback: true } : null;
      default:
        return null;
    }
  }
}

/** Does `.name(...)` on a request promise return a promise that still rejects when it does? */
function passesRejectionOn(name: string | null, call: TSESTree.CallExpression, request: HttpRequest): boolean {
  switch (name) {
    case 'catch':
      return call.arguments.length === 0;
    case 'then':
      return call.arguments.length < 2;
    case 'finally':
      return true;
    default:
      // ky's body shortcuts return a promise of the body (`ky.get(url).json()`); got's are not followed.
      return request.client === 'ky' && name !== null && profileOf('ky').body.promiseMethods.has(name);
  }
}

/**
 * Is the arrow the callback of `forEach`, or of a `map` whose result is thrown away? Both ignore
 * what the callback returns.
 */
function isDroppingCallback(arrow: TSESTree.ArrowFunctionExpression): boolean {
  const call = skipWrappersUp(arrow).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== skipWrappersUp(arrow)) return false;
  const callee = skipWrappersDown(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticName(callee);
  if (method === 'forEach') return true;
  return method === 'map' && skipWrappersUp(call).parent?.type === AST_NODE_TYPES.ExpressionStatement;
}
