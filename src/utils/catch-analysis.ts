import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FunctionNode } from './ast';
import type { HttpModel, HttpRequest } from './http-model';
import { getMethodCall, getStaticName, isFunctionNode, skipWrappersDown, skipWrappersUp } from './ast';

/**
 * A place where the failure of a request is handled: a `catch` clause whose `try` block awaits the
 * request, or the rejection callback of `.catch(cb)` / `.then(onFulfilled, cb)` on its promise chain.
 */
export interface ErrorHandler {
  /** The `catch (error) {}` clause, or the rejection callback. */
  readonly node: TSESTree.CatchClause | FunctionNode;
  /** What receives the error: the catch parameter or the callback's first parameter, if any. */
  readonly param: TSESTree.Node | null;
  /** The code whose failures reach the handler: the `try` block, or the chain before `.catch()`. */
  readonly region: TSESTree.Node;
  /** The requests whose rejection reaches the handler, in source order. */
  readonly requests: readonly HttpRequest[];
}

/** The error handlers of a file that some request's failure reaches. */
export interface ErrorHandlers {
  readonly handlers: readonly ErrorHandler[];
  /** The handler a `catch` clause or rejection callback is, if a request's failure reaches it. */
  handlerOf(node: TSESTree.Node): ErrorHandler | undefined;
}

const cache = new WeakMap<HttpModel, ErrorHandlers>();

/**
 * Finds, for every request of the model, the handler its rejection reaches first. A request is
 * covered by a `try` only when its promise is awaited inside the `try` block (directly, through a
 * promise chain, or as an awaited `Promise.all` of callbacks that await or return it): a promise
 * that is merely created in a `try` rejects after the block has been left. The nearest handler
 * wins; a handler that rethrows is not followed.
 */
export function getErrorHandlers(model: HttpModel): ErrorHandlers {
  const cached = cache.get(model);
  if (cached) return cached;
  const byNode = new Map<TSESTree.Node, { handler: ErrorHandler; requests: HttpRequest[] }>();
  const handlers: ErrorHandler[] = [];
  for (const request of model.requests) {
    const found = findHandler(request.node);
    if (!found) continue;
    let entry = byNode.get(found.node);
    if (!entry) {
      const requests: HttpRequest[] = [];
      const handler: ErrorHandler = {
        node: found.node,
        param: found.node.type === AST_NODE_TYPES.CatchClause ? found.node.param : (found.node.params[0] ?? null),
        region: found.region,
        requests,
      };
      entry = { handler, requests };
      byNode.set(found.node, entry);
      handlers.push(handler);
    }
    entry.requests.push(request);
  }
  handlers.sort((a, b) => a.node.range[0] - b.node.range[0]);
  const result: ErrorHandlers = { handlers, handlerOf: (node) => byNode.get(node)?.handler };
  cache.set(model, result);
  return result;
}

/**
 * The variables that hold the caught error in a handler: its parameter (when it is a plain
 * identifier) and constants copied from it (`const error = err as AxiosError`). A handler whose
 * parameter is reassigned has none: what it holds can no longer be told.
 */
export function getErrorVariables(handler: ErrorHandler, sourceCode: TSESLint.SourceCode): TSESLint.Scope.Variable[] {
  const param = handler.param && skipWrappersDown(handler.param);
  if (param?.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = ASTUtils.findVariable(sourceCode.getScope(param), param);
  if (!variable || !isSingleAssignment(variable)) return [];
  const variables = [variable];
  for (let index = 0; index < variables.length; index++) {
    for (const reference of (variables[index] as TSESLint.Scope.Variable).references) {
      const outer = skipWrappersUp(reference.identifier);
      const parent = outer.parent;
      if (
        parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.init === outer &&
        parent.id.type === AST_NODE_TYPES.Identifier
      ) {
        const alias = ASTUtils.findVariable(sourceCode.getScope(parent), parent.id);
        if (alias && isSingleAssignment(alias)) variables.push(alias);
      }
    }
  }
  return variables;
}

/** Is the variable written only where it is declared (a `const`, or a `let`/parameter never reassigned)? */
export function isSingleAssignment(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.every((reference) => !reference.isWrite() || reference.init === true);
}

/** Methods of a promise chain that pass a rejection on to what follows. */
const CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/**
 * Methods that ky adds to its response promise (`ky.get(url).json()`); the promise they return
 * rejects when the request does.
 */
const BODY_METHODS: ReadonlySet<string> = new Set(['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text']);

/**
 * Follows the rejection of the promise `start` to the handler it reaches. While `mode` is `carried`
 * the current node is a promise that rejects with the request's error; once an `await` throws the
 * error (`thrown`) or a `return` hands the promise to the caller (`returned`), the walk climbs the
 * enclosing statements to a `try` block or to the function boundary.
 */
function findHandler(
  start: TSESTree.Node,
): { node: TSESTree.CatchClause | FunctionNode; region: TSESTree.Node } | null {
  let node = start;
  let mode: 'carried' | 'returned' | 'thrown' = 'carried';
  for (;;) {
    if (mode === 'carried') {
      const outer = skipWrappersUp(node);
      // A promise is an expression or a function passed on, so it always has a parent.
      const parent = outer.parent as TSESTree.Node;
      const step = followPromise(outer, parent);
      if (!step) return null;
      if (step.kind === 'handler') return { node: step.node, region: outer };
      node = step.kind === 'promise' ? step.node : parent;
      if (step.kind !== 'promise') mode = step.kind === 'awaited' ? 'thrown' : 'returned';
      continue;
    }
    if (isFunctionNode(node)) {
      // The error leaves the function as its rejected promise (an async function that awaited
      // it, or a function that returned it), which its caller must pass on: `items.map(fn)`,
      // `.then(fn)`, or an immediately invoked function.
      const outer = skipWrappersUp(node);
      const parent = outer.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression) return null;
      if (parent.callee === outer) node = parent;
      mode = 'carried';
      continue;
    }
    const parent = node.parent;
    if (!parent) return null;
    // A `try` catches the error only when it is thrown inside its block, not when the promise is
    // returned from it (`try { return fetch(url) } catch {}` catches nothing).
    if (mode === 'thrown' && parent.type === AST_NODE_TYPES.TryStatement && parent.block === node && parent.handler) {
      return { node: parent.handler, region: parent.block };
    }
    node = parent;
  }
}

type PromiseStep =
  | { readonly kind: 'handler'; readonly node: FunctionNode }
  | { readonly kind: 'promise'; readonly node: TSESTree.Node }
  | { readonly kind: 'awaited' }
  | { readonly kind: 'returned' };

/** Where a rejecting promise `outer` goes next; `null` when it is stored, dropped or lost. */
function followPromise(outer: TSESTree.Node, parent: TSESTree.Node): PromiseStep | null {
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== outer) return null;
      const call = getMethodCall(parent);
      const name = getStaticName(parent);
      if (!call || name === null) return null;
      if (CHAIN_METHODS.has(name)) {
        const onRejected = name === 'catch' ? call.arguments[0] : name === 'then' ? call.arguments[1] : undefined;
        if (onRejected) return isFunctionNode(onRejected) ? { kind: 'handler', node: onRejected } : null;
        return { kind: 'promise', node: call };
      }
      return BODY_METHODS.has(name) ? { kind: 'promise', node: call } : null;
    }
    case AST_NODE_TYPES.AwaitExpression:
      return { kind: 'awaited' };
    case AST_NODE_TYPES.ReturnStatement:
      return { kind: 'returned' };
    case AST_NODE_TYPES.ArrowFunctionExpression:
      // The arrow's expression body (a parameter cannot be a call).
      return { kind: 'returned' };
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SpreadElement:
      return { kind: 'promise', node: parent };
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === outer ? null : { kind: 'promise', node: parent };
    case AST_NODE_TYPES.LogicalExpression:
      return parent.right === outer ? { kind: 'promise', node: parent } : null;
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === outer) return null;
      // `Promise.all([...])`, `pLimit(() => ...)`, `withDeadline(fetch(url))` reject with the request's
      // error; `Promise.allSettled()` never rejects.
      const callee = skipWrappersDown(parent.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && getStaticName(callee) === 'allSettled') return null;
      return { kind: 'promise', node: parent };
    }
    default:
      return null;
  }
}
