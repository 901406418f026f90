import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast/nodes';
import type { HttpRequest } from './http';
import { getStaticName, isFunctionNode, skipWrappersUp } from '../ast/nodes';

/**
 * Where the response of a request goes once it resolves.
 * - `variable`: bound to a variable (`const res = await fetch(u)`, `.then(res => ...)`,
 *   `http.get(u, res => ...)`); `variable` is `null` when the binding has no scope variable;
 * - `destructured`: taken apart at once (`const { ok, status } = await fetch(u)`);
 * - `member`: used in place (`(await fetch(u)).json()`, `fetch(u).then(r => r.json())` body);
 * - `returned`: handed back to the caller (the promise or the awaited response);
 * - `argument`: passed to a function (`check(await fetch(u))`, `.then(handleResponse)`);
 * - `dropped`: not used (`await fetch(u);`);
 * - `unknown`: stored or combined in a way the model does not follow (`Promise.all`, an array).
 */
export type ResponseFlow =
  | { readonly kind: 'argument'; readonly node: TSESTree.Node; readonly call: TSESTree.CallExpression | null }
  | { readonly kind: 'destructured'; readonly pattern: TSESTree.ObjectPattern | TSESTree.ArrayPattern }
  | { readonly kind: 'dropped' }
  | { readonly kind: 'member'; readonly node: TSESTree.MemberExpression }
  | { readonly kind: 'returned'; readonly node: TSESTree.Node }
  | { readonly kind: 'unknown'; readonly node: TSESTree.Node }
  | {
      readonly kind: 'variable';
      readonly id: TSESTree.Identifier;
      readonly variable: TSESLint.Scope.Variable | null;
      /** The callback that receives the response, for `.then(res => ...)` and node callbacks. */
      readonly callback: FunctionNode | null;
    };

/**
 * Follows the response of `request` from the call to where it goes: through `await`, a
 * `.then(callback)` (and `.catch`/`.finally`, which pass the response on), or the response
 * callback of node's `http.get`/`http.request`.
 */
export function getResponseFlow(request: HttpRequest, sourceCode: TSESLint.SourceCode): ResponseFlow {
  if (request.client === 'node-http') {
    return request.callback
      ? flowIntoCallback(request.callback, sourceCode)
      : { kind: 'unknown', node: request.node };
  }
  return followPromise(request.node, sourceCode);
}

/** Follows a promise of a response (`fetch(u)`) to where its value goes. */
export function followPromise(promise: TSESTree.Node, sourceCode: TSESLint.SourceCode): ResponseFlow {
  let node = skipWrappersUp(promise);
  for (;;) {
    const parent = node.parent;
    if (!parent) return { kind: 'unknown', node };
    if (parent.type === AST_NODE_TYPES.AwaitExpression) return followValue(parent, sourceCode);
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const method = getStaticName(parent);
      const call = skipWrappersUp(parent).parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== skipWrappersUp(parent)) {
        return { kind: 'unknown', node: parent };
      }
      if (method === 'then') {
        const onFulfilled = call.arguments[0];
        if (!onFulfilled) return { kind: 'unknown', node: call };
        if (isFunctionNode(onFulfilled)) return flowIntoCallback(onFulfilled, sourceCode);
        return { kind: 'argument', node: onFulfilled, call };
      }
      if (method === 'catch' || method === 'finally') {
        // The fulfilled value passes through to whatever is chained next.
        node = skipWrappersUp(call);
        continue;
      }
      return { kind: 'unknown', node: call };
    }
    return classifyValueUse(node, parent, sourceCode, true);
  }
}

/** Follows an already-resolved response value (`await fetch(u)`) to where it goes. */
function followValue(value: TSESTree.Node, sourceCode: TSESLint.SourceCode): ResponseFlow {
  const node = skipWrappersUp(value);
  const parent = node.parent;
  if (!parent) return { kind: 'unknown', node };
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    return { kind: 'member', node: parent };
  }
  return classifyValueUse(node, parent, sourceCode, false);
}

function classifyValueUse(
  node: TSESTree.Node,
  parent: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
  isPromise: boolean,
): ResponseFlow {
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init !== node) break;
      if (parent.id.type === AST_NODE_TYPES.Identifier) {
        if (isPromise) return { kind: 'unknown', node: parent };
        return {
          kind: 'variable',
          id: parent.id,
          variable: ASTUtils.findVariable(sourceCode.getScope(parent.id), parent.id),
          callback: null,
        };
      }
      if (!isPromise) return { kind: 'destructured', pattern: parent.id };
      break;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right !== node || parent.left.type !== AST_NODE_TYPES.Identifier || isPromise) break;
      return {
        kind: 'variable',
        id: parent.left,
        variable: ASTUtils.findVariable(sourceCode.getScope(parent.left), parent.left),
        callback: null,
      };
    case AST_NODE_TYPES.ReturnStatement:
      return { kind: 'returned', node: parent };
    case AST_NODE_TYPES.ArrowFunctionExpression:
      // An expression directly under an arrow function is its body.
      return { kind: 'returned', node: parent };
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      if (parent.callee !== node) {
        return { kind: 'argument', node, call: parent.type === AST_NODE_TYPES.CallExpression ? parent : null };
      }
      break;
    case AST_NODE_TYPES.ExpressionStatement:
      return { kind: 'dropped' };
    case AST_NODE_TYPES.UnaryExpression:
      if (parent.operator === 'void') return { kind: 'dropped' };
      break;
    default:
      break;
  }
  return { kind: 'unknown', node: parent };
}

function flowIntoCallback(callback: FunctionNode, sourceCode: TSESLint.SourceCode): ResponseFlow {
  const param = callback.params[0];
  if (!param) return { kind: 'dropped' };
  if (param.type === AST_NODE_TYPES.Identifier) {
    const variable = sourceCode.getDeclaredVariables(callback).find((candidate) =>
      candidate.identifiers.includes(param),
    );
    return { kind: 'variable', id: param, variable: variable ?? null, callback };
  }
  if (param.type === AST_NODE_TYPES.ObjectPattern || param.type === AST_NODE_TYPES.ArrayPattern) {
    return { kind: 'destructured', pattern: param };
  }
  return { kind: 'unknown', node: param };
}
