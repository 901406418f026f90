/**
 * Error handlers that receive axios errors although the request is not in sight: the rejection
 * callback of an axios response interceptor, and a `catch` (or `.catch()`) around a call into the
 * project's own API module. The HTTP model cannot see the request there, so the evidence is the
 * shape of the code.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { HandlerSite } from './error-response';
import { getStaticName, skipWrappersDown, skipWrappersUp, walk } from '../ast/nodes';
import { requireCalls, resolveLocalFunction } from '../ast/scope';
import { findRejectionHandler } from './errors';

/** A handler of axios errors that the HTTP model does not know, and why it is one. */
export interface AxiosErrorHandler extends HandlerSite {
  /**
   * - `interceptor`: the rejection callback of `x.interceptors.response.use(onFulfilled, onRejected)`,
   *   which only axios (and axios-compatible clients) offer;
   * - `api-module`: a handler around a call of a function (or a method of an object) imported from
   *   a module of the project, in a file that imports axios or from a module whose path says it is
   *   an API client (`./api`, `@/services/http-client`, `../userApi`).
   */
  readonly evidence: 'api-module' | 'interceptor';
  /** The imported call whose rejection reaches the handler (`api-module` only). */
  readonly call: TSESTree.CallExpression | null;
}

/** Words of a module path that say it is an API client. */
const API_MODULE_WORDS: ReadonlySet<string> = new Set(['api', 'apis', 'client', 'clients', 'http']);

/** Module specifiers of the project itself: relative paths and the usual source aliases. */
const PROJECT_MODULE = /^(?:\.{1,2}\/|@\/|~\/|#)/u;

const cache = new WeakMap<TSESTree.Program, readonly AxiosErrorHandler[]>();

/**
 * The handlers of axios errors in the file that its requests do not explain, in source order,
 * each once (an interceptor wins over an API call).
 */
export function getAxiosErrorHandlers(sourceCode: TSESLint.SourceCode): readonly AxiosErrorHandler[] {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const handlers = new Map<TSESTree.Node, AxiosErrorHandler>();
  // Cheap gates: no handler reads a response without the word in the text.
  if (sourceCode.text.includes('response')) {
    for (const handler of interceptorHandlers(sourceCode)) handlers.set(handler.node, handler);
    for (const handler of apiModuleHandlers(sourceCode)) {
      if (!handlers.has(handler.node)) handlers.set(handler.node, handler);
    }
  }
  const result = [...handlers.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
  cache.set(sourceCode.ast, result);
  return result;
}

/**
 * `api.interceptors.response.use(onFulfilled, onRejected)` (also on `axios` itself): `onRejected`
 * receives every failed response and every network error or timeout of that client.
 * https://axios-http.com/docs/interceptors
 */
function interceptorHandlers(sourceCode: TSESLint.SourceCode): AxiosErrorHandler[] {
  if (!sourceCode.text.includes('interceptors')) return [];
  const handlers: AxiosErrorHandler[] = [];
  walk(sourceCode.ast, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || !isResponseInterceptorUse(node.callee)) return undefined;
    const fn = resolveLocalFunction(node.arguments[1], sourceCode);
    if (fn) handlers.push({ node: fn, param: fn.params[0] ?? null, evidence: 'interceptor', call: null });
    return undefined;
  });
  return handlers;
}

/** `<x>.interceptors.response.use` */
function isResponseInterceptorUse(callee: TSESTree.Node): boolean {
  const use = skipWrappersDown(callee);
  if (use.type !== AST_NODE_TYPES.MemberExpression || getStaticName(use) !== 'use') return false;
  const response = skipWrappersDown(use.object);
  if (response.type !== AST_NODE_TYPES.MemberExpression || getStaticName(response) !== 'response') return false;
  const interceptors = skipWrappersDown(response.object);
  return interceptors.type === AST_NODE_TYPES.MemberExpression && getStaticName(interceptors) === 'interceptors';
}

/** Handlers around calls of functions and objects imported from the project's API modules. */
function apiModuleHandlers(sourceCode: TSESLint.SourceCode): AxiosErrorHandler[] {
  const imports = sourceCode.ast.body.filter(
    (statement): statement is TSESTree.ImportDeclaration =>
      statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type',
  );
  if (imports.length === 0) return [];
  const axiosInFile = importsAxios(imports, sourceCode);
  const handlers: AxiosErrorHandler[] = [];
  for (const declaration of imports) {
    const module = declaration.source.value;
    if (!PROJECT_MODULE.test(module) || !(axiosInFile || isApiModulePath(module))) continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') continue;
      const variable = ASTUtils.findVariable(sourceCode.getScope(specifier), specifier.local);
      for (const reference of variable?.references ?? []) {
        const call = importedCall(reference.identifier);
        if (!call) continue;
        const found = findRejectionHandler(call);
        if (found?.kind !== 'handler') continue;
        const param = found.node.type === AST_NODE_TYPES.CatchClause ? found.node.param : (found.node.params[0] ?? null);
        handlers.push({ node: found.node, param, evidence: 'api-module', call });
      }
    }
  }
  return handlers;
}

/** Does the file import or require axios? */
function importsAxios(imports: readonly TSESTree.ImportDeclaration[], sourceCode: TSESLint.SourceCode): boolean {
  if (imports.some((declaration) => declaration.source.value === 'axios')) return true;
  const globalScope = sourceCode.scopeManager?.globalScope;
  return globalScope ? requireCalls(globalScope).some(({ module }) => module === 'axios') : false;
}

/** `./api`, `@/services/http-client`, `../lib/userApi`: a path whose words include api, client or http. */
export function isApiModulePath(module: string): boolean {
  const words = module
    .replace(/\.[cm]?[jt]sx?$/u, '')
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/u)
    .map((word) => word.toLowerCase());
  return words.some((word) => API_MODULE_WORDS.has(word));
}

/** `getUser(id)` or `api.users.get(id)` for a reference to the imported binding; `null` otherwise. */
function importedCall(identifier: TSESTree.Node): TSESTree.CallExpression | null {
  let callee = skipWrappersUp(identifier);
  for (;;) {
    const parent = callee.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression) return parent.callee === callee ? parent : null;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== callee) return null;
    callee = skipWrappersUp(parent);
  }
}

