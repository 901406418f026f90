import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast/nodes';
import type { HttpModel, HttpRequest } from './http';
import { getMethodCall, getStaticName, isFunctionNode, PROMISE_CHAIN_METHODS, skipWrappersDown, skipWrappersUp, walk } from '../ast/nodes';
import { resolveLocalFunction } from '../ast/scope';
import { kyProfile } from '../clients/ky';

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
  /** Requests written in the region (or in callbacks it awaits) whose rejection reaches the handler. */
  readonly requests: readonly HttpRequest[];
  /**
   * Requests made by functions of the same file that the region calls and awaits (`await
   * this.fetchUser(id)`), whose rejection leaves those functions and reaches the handler.
   */
  readonly calledRequests: readonly HttpRequest[];
}

/** The error handlers of a file that some request's failure reaches. */
export interface ErrorHandlers {
  readonly handlers: readonly ErrorHandler[];
  /** The handler a `catch` clause or rejection callback is, if a request's failure reaches it. */
  handlerOf(node: TSESTree.Node): ErrorHandler | undefined;
}

interface HandlerEntry {
  readonly handler: ErrorHandler;
  readonly requests: HttpRequest[];
  readonly calledRequests: HttpRequest[];
}

const cache = new WeakMap<HttpModel, ErrorHandlers>();

/**
 * Finds, for every request of the model, the handler its rejection reaches first. A request is
 * covered by a `try` only when its promise is awaited inside the `try` block (directly, through a
 * promise chain, or as an awaited `Promise.all` of callbacks that await or return it): a promise
 * that is merely created in a `try` rejects after the block has been left. A rejection that leaves
 * a function of the file (awaited in it, or returned) is followed to the calls of that function
 * the file shows. The nearest handler wins; a handler that rethrows is not followed.
 */
export function getErrorHandlers(model: HttpModel, sourceCode: TSESLint.SourceCode): ErrorHandlers {
  const cached = cache.get(model);
  if (cached) return cached;
  const byNode = new Map<TSESTree.Node, HandlerEntry>();
  const handlers: ErrorHandler[] = [];
  /** Requests whose rejection leaves a function, per function. */
  const escaped = new Map<FunctionNode, Set<HttpRequest>>();
  const pending: { fn: FunctionNode; request: HttpRequest }[] = [];
  const callSites = new CallSites(sourceCode);

  function follow(start: TSESTree.Node, request: HttpRequest, called: boolean): void {
    const found = findRejectionHandler(start);
    if (!found) return;
    if (found.kind === 'escape') {
      let requests = escaped.get(found.fn);
      if (!requests) {
        requests = new Set();
        escaped.set(found.fn, requests);
      }
      if (!requests.has(request)) {
        requests.add(request);
        pending.push({ fn: found.fn, request });
      }
      return;
    }
    let entry = byNode.get(found.node);
    if (!entry) {
      const requests: HttpRequest[] = [];
      const calledRequests: HttpRequest[] = [];
      const param = found.node.type === AST_NODE_TYPES.CatchClause ? found.node.param : (found.node.params[0] ?? null);
      const handler: ErrorHandler = { node: found.node, param, region: found.region, requests, calledRequests };
      entry = { handler, requests, calledRequests };
      byNode.set(found.node, entry);
      handlers.push(handler);
    }
    const list = called ? entry.calledRequests : entry.requests;
    if (!list.includes(request)) list.push(request);
  }

  for (const request of model.requests) follow(request.node, request, false);
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const call of callSites.of(next.fn)) follow(call, next.request, true);
  }
  handlers.sort((a, b) => a.node.range[0] - b.node.range[0]);
  for (const entry of byNode.values()) entry.calledRequests.sort((a, b) => a.node.range[0] - b.node.range[0]);
  const result: ErrorHandlers = { handlers, handlerOf: (node) => byNode.get(node)?.handler };
  cache.set(model, result);
  return result;
}

/**
 * The variables that hold the caught error in a handler: its parameter (when it is a plain
 * identifier) and constants copied from it (`const error = err as AxiosError`). A handler whose
 * parameter is reassigned has none: what it holds can no longer be told.
 */
export function getErrorVariables(handler: Pick<ErrorHandler, 'param'>, sourceCode: TSESLint.SourceCode): TSESLint.Scope.Variable[] {
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

/**
 * Methods that ky adds to its response promise (`ky.get(url).json()`); the promise they return
 * rejects when the request does.
 */
const BODY_METHODS: ReadonlySet<string> = kyProfile.body.promiseMethods;

/**
 * Follows the rejection of the promise `start` (a call that may reject) to the handler it reaches:
 * a `catch` clause whose `try` block awaits it, a rejection callback on its chain, or the function
 * it leaves (`escape`); `null` when the promise is stored, dropped or lost. While `mode` is `carried`
 * the current node is a promise that rejects with the request's error; once an `await` throws the
 * error (`thrown`) or a `return` hands the promise to the caller (`returned`), the walk climbs the
 * enclosing statements to a `try` block or to the function boundary. With `sourceCode`, a rejection
 * callback named by a local function (`.catch(normalizeError)`) is resolved to that function.
 */
export function findRejectionHandler(
  start: TSESTree.Node,
  sourceCode?: TSESLint.SourceCode,
):
  | { readonly kind: 'handler'; readonly node: TSESTree.CatchClause | FunctionNode; readonly region: TSESTree.Node }
  | { readonly kind: 'escape'; readonly fn: FunctionNode }
  | null {
  let node = start;
  let mode: 'carried' | 'returned' | 'thrown' = 'carried';
  for (;;) {
    if (mode === 'carried') {
      const outer = skipWrappersUp(node);
      // A promise is an expression or a function passed on, so it always has a parent.
      const parent = outer.parent as TSESTree.Node;
      const step = followPromise(outer, parent, sourceCode);
      if (!step) return null;
      if (step.kind === 'handler') return { kind: 'handler', node: step.node, region: outer };
      node = step.kind === 'promise' ? step.node : parent;
      if (step.kind !== 'promise') mode = step.kind === 'awaited' ? 'thrown' : 'returned';
      continue;
    }
    if (isFunctionNode(node)) {
      // The error leaves the function as its rejected promise (an async function that awaited
      // it, or a function that returned it), which its caller must pass on: `items.map(fn)`,
      // `.then(fn)`, an immediately invoked function, or the calls of a named function.
      const outer = skipWrappersUp(node);
      const parent = outer.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression) return { kind: 'escape', fn: node };
      if (parent.callee === outer) node = parent;
      mode = 'carried';
      continue;
    }
    const parent = node.parent;
    if (!parent) return null;
    // A `try` catches the error only when it is thrown inside its block, not when the promise is
    // returned from it (`try { return fetch(url) } catch {}` catches nothing).
    if (mode === 'thrown' && parent.type === AST_NODE_TYPES.TryStatement && parent.block === node && parent.handler) {
      return { kind: 'handler', node: parent.handler, region: parent.block };
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
function followPromise(outer: TSESTree.Node, parent: TSESTree.Node, sourceCode?: TSESLint.SourceCode): PromiseStep | null {
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== outer) return null;
      const call = getMethodCall(parent);
      const name = getStaticName(parent);
      if (!call || name === null) return null;
      if (PROMISE_CHAIN_METHODS.has(name)) {
        const onRejected = name === 'catch' ? call.arguments[0] : name === 'then' ? call.arguments[1] : undefined;
        if (onRejected) {
          if (isFunctionNode(onRejected)) return { kind: 'handler', node: onRejected };
          const named = sourceCode ? resolveLocalFunction(onRejected, sourceCode) : null;
          return named ? { kind: 'handler', node: named } : null;
        }
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

/**
 * Finds the calls of a function that the file shows: by name, for a function declaration or a
 * constant holding a function (`fetchUser(id)`); as a method of a class, through `this` inside the
 * class, a constant holding `new Client()`, or the class itself for static members
 * (`this.fetchUser(id)`, `client.fetchUser(id)`, `Client.load()`); and as a method of an object
 * literal held by a constant (`api.fetchUser(id)`).
 */
class CallSites {
  private thisCalls: Map<string, TSESTree.CallExpression[]> | null = null;

  constructor(private readonly sourceCode: TSESLint.SourceCode) {}

  of(fn: FunctionNode): TSESTree.CallExpression[] {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      return fn.id ? this.callsOf(this.variableOf(fn.id)) : [];
    }
    const outer = skipWrappersUp(fn);
    const parent = outer.parent as TSESTree.Node;
    switch (parent.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.id.type === AST_NODE_TYPES.Identifier ? this.callsOf(this.variableOf(parent.id)) : [];
      case AST_NODE_TYPES.MethodDefinition:
      case AST_NODE_TYPES.PropertyDefinition: {
        const name = getStaticName(parent);
        if (name === null || (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind !== 'method')) return [];
        return this.classMemberCalls(parent.parent.parent, name, parent.static);
      }
      case AST_NODE_TYPES.Property: {
        const name = getStaticName(parent);
        const holder = skipWrappersUp(parent.parent).parent;
        if (name === null || holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) {
          return [];
        }
        return this.memberCallsOn(this.variableOf(holder.id), name);
      }
      default:
        return [];
    }
  }

  private variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    return variable && isSingleAssignment(variable) ? variable : null;
  }

  /** Calls of the variable itself: `fetchUser(id)`. */
  private callsOf(variable: TSESLint.Scope.Variable | null): TSESTree.CallExpression[] {
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of variable?.references ?? []) {
      const outer = skipWrappersUp(reference.identifier);
      const parent = outer.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) calls.push(parent);
    }
    return calls;
  }

  /** Method calls on the variable: `api.fetchUser(id)`. */
  private memberCallsOn(variable: TSESLint.Scope.Variable | null, name: string): TSESTree.CallExpression[] {
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of variable?.references ?? []) {
      const outer = skipWrappersUp(reference.identifier);
      const member = outer.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer || getStaticName(member) !== name) {
        continue;
      }
      const call = getMethodCall(member);
      if (call) calls.push(call);
    }
    return calls;
  }

  private classMemberCalls(
    classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    name: string,
    isStatic: boolean,
  ): TSESTree.CallExpression[] {
    const classVariable = this.classVariableOf(classNode);
    const calls = (this.thisCallsByName().get(name) ?? []).filter((call) => {
      const owner = thisOwner(call);
      return owner?.classNode === classNode && owner.isStatic === isStatic;
    });
    if (!classVariable) return calls;
    if (isStatic) return [...calls, ...this.memberCallsOn(classVariable, name)];
    // `const client = new Client(); client.fetchUser(id)`.
    for (const reference of classVariable.references) {
      const outer = skipWrappersUp(reference.identifier);
      const construction = outer.parent;
      if (construction?.type !== AST_NODE_TYPES.NewExpression || construction.callee !== outer) continue;
      const holder = skipWrappersUp(construction).parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
        calls.push(...this.memberCallsOn(this.variableOf(holder.id), name));
      }
    }
    return calls;
  }

  private classVariableOf(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESLint.Scope.Variable | null {
    if (classNode.type === AST_NODE_TYPES.ClassDeclaration) {
      // A class declaration names itself twice: in the enclosing scope, and in its own scope for
      // the code of the class. The calls from outside use the first.
      const outer = this.sourceCode.getDeclaredVariables(classNode).find((variable) => variable.scope.block !== classNode);
      return outer && isSingleAssignment(outer) ? outer : null;
    }
    const holder = skipWrappersUp(classNode).parent;
    return holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier
      ? this.variableOf(holder.id)
      : null;
  }

  /** Calls of `this.<name>(...)` in the file, by name; collected in one walk, the first time they are needed. */
  private thisCallsByName(): Map<string, TSESTree.CallExpression[]> {
    if (this.thisCalls) return this.thisCalls;
    const byName = new Map<string, TSESTree.CallExpression[]>();
    walk(this.sourceCode.ast, this.sourceCode, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipWrappersDown(node.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticName(callee) : null;
        if (name !== null && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
          const list = byName.get(name);
          if (list) list.push(node);
          else byName.set(name, [node]);
        }
      }
      return undefined;
    });
    this.thisCalls = byName;
    return byName;
  }
}

/**
 * The class whose instance (or, in static members, the class itself) `this` is at `node`, looking
 * through arrow functions; `null` inside a plain function, which has its own `this`.
 */
function thisOwner(
  node: TSESTree.Node,
): { classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression; isStatic: boolean } | null {
  let isStatic = false;
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        if (current.parent.type !== AST_NODE_TYPES.MethodDefinition) return null;
        break;
      case AST_NODE_TYPES.MethodDefinition:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.StaticBlock:
        isStatic = current.type === AST_NODE_TYPES.StaticBlock || current.static;
        break;
      case AST_NODE_TYPES.ClassBody:
        return { classNode: current.parent, isStatic };
      default:
        break;
    }
  }
  return null;
}
