/**
 * Error handlers that receive axios errors although the request is not in sight: the rejection
 * callback of an axios response interceptor, and a `catch` (or `.catch()`) around a call into the
 * project's own API module. The HTTP model cannot see the request there, so the evidence is the
 * shape of the code.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import type { HandlerSite } from './error-response';
import type { FunctionNode } from '../ast/nodes';
import { getMethodCall, getStaticName, isFunctionNode, nameOf, skipWrappersDown, skipWrappersUp, walk } from '../ast/nodes';
import { enclosingClassBody, interopWrapperOf, requireCalls, resolveLocalFunction } from '../ast/scope';
import { findRejectionHandler, isSingleAssignment } from './errors';

/** A handler of axios errors that the HTTP model does not know, and why it is one. */
export interface AxiosErrorHandler extends HandlerSite {
  /**
   * - `interceptor`: the rejection callback of `x.interceptors.response.use(onFulfilled, onRejected)`,
   *   which only axios (and axios-compatible clients) offer;
   * - `api-module`: a handler around a call of a function (or a method of an object) imported from
   *   a module of the project, in a file that imports axios or from a module whose path says it is
   *   an API client (`./api`, `@/services/http-client`, `../userApi`);
   * - `transpiled`: a handler around a request of axios required through a compiler's interop
   *   helper (`axios_1.default.get(url)`, `(0, axios_1.default)(config)`), or of an instance that
   *   such an axios created and that the code keeps in a constant or a field of `this`;
   * - `is-axios-error`: the handler itself tests that the error is an axios error
   *   (`err.isAxiosError`, `axios.isAxiosError(err)`), which network errors and timeouts are too;
   * - `named-instance`: a handler around a request of a client whose name says it is an axios
   *   instance (`axiosInstance(config)`, `this.axios.get(url)`, `ctx.axiosClient.post(url)`), as
   *   code that receives its instance from a context or options object writes it.
   */
  readonly evidence: 'api-module' | 'interceptor' | 'is-axios-error' | 'named-instance' | 'transpiled';
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
    for (const handler of [
      ...transpiledHandlers(sourceCode),
      ...isAxiosErrorHandlers(sourceCode),
      ...namedInstanceHandlers(sourceCode),
      ...apiModuleHandlers(sourceCode),
    ]) {
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


/**
 * The last words of a name that says it holds an axios instance: `axios`, `myAxios`,
 * `axiosInstance`, `axiosClient`, `authAxiosApi`. Names that end otherwise hold something about
 * axios rather than a client (`axiosConfig`, `axiosOptions`, `axiosError`).
 */
const INSTANCE_WORDS: ReadonlySet<string> = new Set(['api', 'axios', 'client', 'http', 'instance']);

/** Is `name` the name of an axios instance: it has the word `axios` and ends in an instance word? */
export function isAxiosInstanceName(name: string): boolean {
  const words = name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/u).filter(Boolean).map((word) => word.toLowerCase());
  return words.includes('axios') && INSTANCE_WORDS.has(words.at(-1) ?? '');
}

/**
 * Handlers around requests of a client named as an axios instance, however the code got it (a
 * parameter, `const { axiosInstance } = context`, a field of `this` or of another object): called
 * itself (`axiosInstance(config)`) or through a request method (`this.axios.get(url)`). The model
 * cannot tell what such a value is; its name is the evidence.
 */
function namedInstanceHandlers(sourceCode: TSESLint.SourceCode): AxiosErrorHandler[] {
  if (!/axios/iu.test(sourceCode.text)) return [];
  const handlers: AxiosErrorHandler[] = [];
  walk(sourceCode.ast, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipWrappersDown(node.callee);
    let client: TSESTree.Node = callee;
    if (callee.type === AST_NODE_TYPES.MemberExpression && AXIOS_REQUEST_METHODS.has(getStaticName(callee) ?? '')) {
      client = skipWrappersDown(callee.object);
    }
    const name =
      nameOf(client);
    // A plain `axios` is the module itself, which the HTTP model follows through its import; a
    // local variable of that name that shadows it is not the client.
    if (name === null || !isAxiosInstanceName(name) || (client.type === AST_NODE_TYPES.Identifier && name === 'axios')) return undefined;
    const found = findRejectionHandler(node, sourceCode);
    if (found?.kind !== 'handler') return undefined;
    const param = found.node.type === AST_NODE_TYPES.CatchClause ? found.node.param : (found.node.params[0] ?? null);
    handlers.push({ node: found.node, param, evidence: 'named-instance', call: node });
    return undefined;
  });
  return handlers;
}

/** The methods of axios and of its instances that send a request. https://axios-http.com/docs/api_intro */
const AXIOS_REQUEST_METHODS: ReadonlySet<string> = new Set([
  'delete',
  'get',
  'head',
  'options',
  'patch',
  'postForm',
  'post',
  'putForm',
  'put',
  'request',
]);


/**
 * Handlers around requests of axios as compilers emit its import: the module bound through an
 * interop helper (`const axios_1 = __importDefault(require('axios'))`, `_interopDefaultLegacy(axios)`)
 * and read as `axios_1.default` or `axios_1["default"]`; and around calls of the instances it
 * creates (`axios_1.default.create()`) when they are kept in a `const` or in a field of `this`
 * (`this.api = ...`, then `this.api.get(url)` in the same class).
 */
function transpiledHandlers(sourceCode: TSESLint.SourceCode): AxiosErrorHandler[] {
  const handlers: AxiosErrorHandler[] = [];
  for (const call of getCompiledAxiosRequests(sourceCode)) {
    const found = findRejectionHandler(call, sourceCode);
    if (found?.kind !== 'handler') continue;
    const param = found.node.type === AST_NODE_TYPES.CatchClause ? found.node.param : (found.node.params[0] ?? null);
    handlers.push({ node: found.node, param, evidence: 'transpiled', call });
  }
  return handlers;
}

const compiledCache = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.CallExpression>>();

/**
 * The requests of axios as compilers emit its import, which the HTTP model does not see: calls of
 * `axios_1.default` (`axios_1.default.get(url)`, `(0, axios_1.default)(config)`) for a module bound
 * through an interop helper, and of the instances its `create()` makes when they are kept in a
 * constant or a field of `this`, in source order.
 */
export function getCompiledAxiosRequests(sourceCode: TSESLint.SourceCode): ReadonlySet<TSESTree.CallExpression> {
  const cached = compiledCache.get(sourceCode.ast);
  if (cached) return cached;
  const calls = new Set([...findCompiledAxiosRequests(sourceCode)].sort((a, b) => a.range[0] - b.range[0]));
  compiledCache.set(sourceCode.ast, calls);
  return calls;
}

function findCompiledAxiosRequests(sourceCode: TSESLint.SourceCode): TSESTree.CallExpression[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope || !/\bdefault\b/u.test(sourceCode.text)) return [];
  const requires = requireCalls(globalScope).filter(({ module }) => module === 'axios');
  if (requires.length === 0) return [];
  /** Variables holding the interop-wrapped module, whose `default` is axios. */
  const wrapped = new Set<TSESLint.Scope.Variable>();
  /** Variables holding axios itself, read from the module's `default`. */
  const direct = new Set<TSESLint.Scope.Variable>();
  /** Variables holding `require('axios')` itself, which a later helper call may wrap. */
  const plain: TSESLint.Scope.Variable[] = [];
  for (const { call } of requires) {
    const outer = skipWrappersUp(call);
    const parent = outer.parent;
    const helped = interopWrapperOf(call);
    if (helped) {
      const variable = declaredConstant(helped, sourceCode);
      if (variable) wrapped.add(variable);
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
      const variable = declaredConstant(call, sourceCode);
      if (variable) plain.push(variable);
    } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer && getStaticName(parent) === 'default') {
      // `var axios = require('axios')["default"]`: Babel's emit of a default import.
      const variable = declaredConstant(parent, sourceCode);
      if (variable) direct.add(variable);
    }
  }
  for (const variable of plain) {
    for (const reference of variable.references) {
      const wrapper = interopWrapperOf(reference.identifier);
      const helped = wrapper && declaredConstant(wrapper, sourceCode);
      if (helped) wrapped.add(helped);
    }
  }
  const calls: TSESTree.CallExpression[] = [];
  /**
   * Instances by the `this` field that holds them, per class body; `null` for fields set in
   * functions outside classes (a compiled constructor function and its prototype methods).
   */
  const fields = new Map<TSESTree.ClassBody | null, Set<string>>();
  const values: TSESTree.Node[] = [];
  for (const variable of wrapped) {
    for (const reference of variable.references) {
      const outer = skipWrappersUp(reference.identifier);
      const member = outer.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer || getStaticName(member) !== 'default') continue;
      values.push(skipWrappersUp(member));
    }
  }
  for (const variable of direct) {
    for (const reference of variable.references) {
      if (reference.init !== true) values.push(skipWrappersUp(reference.identifier));
    }
  }
  for (const value of values) {
    const request = clientCall(value);
    if (request) {
      calls.push(request);
      continue;
    }
    // `axios_1.default.create(config)`: an instance.
    const create = value.parent;
    if (create?.type !== AST_NODE_TYPES.MemberExpression || create.object !== value || getStaticName(create) !== 'create') continue;
    const construction = getMethodCall(create);
    if (!construction) continue;
    const holder = skipWrappersUp(construction).parent;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === skipWrappersUp(construction)) {
      const instance = declaredConstant(construction, sourceCode);
      for (const use of instance?.references ?? []) {
        const call = use.init === true ? null : clientCall(skipWrappersUp(use.identifier));
        if (call) calls.push(call);
      }
    } else if (
      holder?.type === AST_NODE_TYPES.AssignmentExpression &&
      holder.right === skipWrappersUp(construction) &&
      holder.operator === '='
    ) {
      const target = skipWrappersDown(holder.left);
      const name = target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression ? getStaticName(target) : null;
      if (name !== null) {
        const body = enclosingClassBody(holder);
        let names = fields.get(body);
        if (!names) {
          names = new Set();
          fields.set(body, names);
        }
        names.add(name);
      }
    }
  }
  if (fields.size > 0) {
    walk(sourceCode.ast, sourceCode, (node) => {
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
      const name = getStaticName(node);
      const body = enclosingClassBody(node);
      if (name === null || fields.get(body)?.has(name) !== true || isAssigned(node)) return undefined;
      const call = clientCall(skipWrappersUp(node));
      if (call) calls.push(call);
      return undefined;
    });
  }
  return calls;
}


/** The variable of `const x = <value>` (or a `var`/`let` never reassigned) for the value `node`. */
function declaredConstant(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESLint.Scope.Variable | null {
  const outer = skipWrappersUp(node);
  const parent = outer.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== outer || parent.id.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = sourceCode.getDeclaredVariables(parent)[0];
  return variable && isSingleAssignment(variable) ? variable : null;
}

/**
 * The request made with the client `value`: `value(config)`, `(0, value)(config)` and
 * `value.get(url)` (any request method); `null` for other uses.
 */
function clientCall(value: TSESTree.Node): TSESTree.CallExpression | null {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === value) return parent;
  if (
    parent?.type === AST_NODE_TYPES.SequenceExpression &&
    parent.expressions.length === 2 &&
    parent.expressions[1] === value &&
    parent.expressions[0]?.type === AST_NODE_TYPES.Literal
  ) {
    const outer = skipWrappersUp(parent);
    const call = outer.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === outer ? call : null;
  }
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
    const name = getStaticName(parent);
    if (name === null || !AXIOS_REQUEST_METHODS.has(name)) return null;
    return getMethodCall(parent);
  }
  return null;
}

function isAssigned(node: TSESTree.Node): boolean {
  const outer = skipWrappersUp(node);
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer;
}

/**
 * Handlers that test the error with `err.isAxiosError` or `isAxiosError(err)` (`axios.isAxiosError`
 * included): the code says the error is an axios error, and axios errors of network failures and
 * timeouts have no response. Only a `catch` clause and the callback of `.catch(cb)` /
 * `.then(ok, cb)` whose parameter is tested count.
 */
function isAxiosErrorHandlers(sourceCode: TSESLint.SourceCode): AxiosErrorHandler[] {
  if (!sourceCode.text.includes('isAxiosError')) return [];
  const handlers: AxiosErrorHandler[] = [];
  const seen = new Set<TSESTree.Node>();
  walk(sourceCode.ast, sourceCode, (node) => {
    let tested: TSESTree.Node | undefined;
    if (node.type === AST_NODE_TYPES.MemberExpression && getStaticName(node) === 'isAxiosError') {
      const outer = skipWrappersUp(node);
      const call = outer.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === outer) tested = call.arguments[0];
      else tested = node.object;
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappersDown(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'isAxiosError') tested = node.arguments[0];
    }
    const subject = tested && skipWrappersDown(tested);
    if (subject?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(subject), subject);
    const definition = variable?.defs[0];
    if (!definition) return undefined;
    let handler: TSESTree.CatchClause | FunctionNode | null = null;
    if (definition.type === TSESLintValues.Scope.DefinitionType.CatchClause) {
      handler = definition.node;
    } else if (definition.type === TSESLintValues.Scope.DefinitionType.Parameter && isRejectionCallback(definition.node)) {
      const fn = definition.node;
      if (fn.params[0] === definition.name) handler = fn;
    }
    if (!handler || seen.has(handler)) return undefined;
    seen.add(handler);
    const param = handler.type === AST_NODE_TYPES.CatchClause ? handler.param : (handler.params[0] ?? null);
    handlers.push({ node: handler, param, evidence: 'is-axios-error', call: null });
    return undefined;
  });
  return handlers;
}

/** Is `fn` written as the rejection callback of `.catch(fn)` or `.then(onFulfilled, fn)`? */
function isRejectionCallback(fn: TSESTree.Node): fn is FunctionNode {
  if (!isFunctionNode(fn)) return false;
  const outer = skipWrappersUp(fn);
  const call = outer.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappersDown(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticName(callee);
  return (name === 'catch' && call.arguments[0] === outer) || (name === 'then' && call.arguments[1] === outer);
}
