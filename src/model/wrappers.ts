import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast/nodes';
import type { InferWrappersSettings } from '../settings';
import type { HttpModel, HttpRequest, OptionsRef } from './http';
import type { ResponseUse } from './response-uses';
import { getEnclosingFunction, getStaticName, isFunctionNode, isUndefinedLiteral, nameOf, nodesOfType, skipWrappersDown, skipWrappersUp, walk } from '../ast/nodes';
import { enclosingClassBody } from '../ast/scope';
import { fetchProfile } from '../clients/fetch';
import { DEFAULT_WRAPPER_PATTERN } from '../settings';
import { calleeMatches, getHttpModel } from './http';
import { isLocalResourceUrl } from './local-resources';
import { getEffectiveResponseFlow, getResponseUses, hasStatusCheck, isFetchStyleRequest, resolveFunction, STATUS_PROPERTIES } from './response-uses';
import { askChecker } from './type-info';

/**
 * Words of a wrapper's name that say it already did what the rules ask for: parsed the body
 * (`fetchJson`, `fetchText`), checked the status (`fetchOk`, `fetchOrThrow`, `fetchChecked`,
 * `safeFetch`) or set a deadline (`fetchWithTimeout`). Matched against the words of the camelCase
 * or snake_case name, case-insensitively.
 */
export const DONE_WORDS: ReadonlySet<string> = new Set(['checked', 'json', 'ok', 'parsed', 'safe', 'text', 'throw', 'throws', 'timeout']);

/** The Fetch `Response` methods that read the body. */
const BODY_METHODS: ReadonlySet<string> = fetchProfile.body.methods;

/** A callee whose name says it checks what it is given: `checkResponse`, `ensureOk`, `handleErrors`. */
const CHECKING_NAME = /assert|check|ensure|expect|guard|handle|raise|throw|validate|verify/iu;

/** `ts.TypeFlags.Any | ts.TypeFlags.Unknown`: a type that says nothing about the value. */
const UNTYPED_FLAGS = 1 | 2;

const cache = new WeakMap<TSESTree.Program, readonly HttpRequest[]>();

/**
 * The fetch-family requests the file makes through wrappers the settings do not name, inferred
 * untyped from two pieces of evidence that must come together:
 * - the callee's name says fetch (`settings['http-client'].inferWrappers.namePattern`, `/fetch/i`
 *   by default, on the last segment: `fetchWithCerts`, `this.http.fetch`), and does not say the
 *   work is done ({@link DONE_WORDS}, `inferWrappers.ignore`);
 * - and the awaited result (or the `.then` parameter) is used the way only a Fetch `Response` is:
 *   a body method (`json()`, `text()`, `arrayBuffer()`, `blob()` ...), `ok`, or `headers.get()`.
 * The callee is an import, a parameter, an injected `this.<field>.<name>` / `obj.<name>`, or a
 * function of this file whose body returns a fetch-family request without checking its status; a
 * function of this file that returns something else, or checks the status itself, is not a
 * wrapper. With type information, only calls whose type is unknown are inferred.
 *
 * These requests are not in {@link HttpModel.requests}; a rule that trusts the inference adds them.
 * Built once per file.
 */
export function getInferredRequests(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): readonly HttpRequest[] {
  const sourceCode = context.sourceCode;
  let requests = cache.get(sourceCode.ast);
  if (!requests) {
    requests = inferRequests(getHttpModel(context), sourceCode);
    cache.set(sourceCode.ast, requests);
  }
  return requests;
}

function inferRequests(model: HttpModel, sourceCode: TSESLint.SourceCode): readonly HttpRequest[] {
  const infer = model.settings.inferWrappers;
  // Without the word in the file, no callee can match the default pattern: skip the walk.
  if (!infer) return [];
  const hasFetchRequest = model.requests.some((request) => isFetchStyleRequest(request));
  if (infer.namePattern === DEFAULT_WRAPPER_PATTERN && !hasFetchRequest && !DEFAULT_WRAPPER_PATTERN.test(sourceCode.text)) return [];
  // Functions of the file that hand back a fetch response unchecked; only built when the file has a request.
  const wrappers = hasFetchRequest ? localWrappers(model, sourceCode) : new Map<FunctionNode, 'checked' | 'unchecked'>();
  const hasUnchecked = [...wrappers.values()].includes('unchecked');
  const found: HttpRequest[] = [];
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression)) {
    if (model.requestOf(node)) continue;
    const name = calleeName(node.callee);
    if (name === null || calleeMatches(node.callee, infer.ignore)) continue;
    const named = namesWrapper(name, node.callee, infer);
    // A name that does not say fetch needs a definition in the file that returns a fetch response
    // unchecked: `get(path) { return fetch(base + path); }` called as `await this.get('/user')`.
    if (!named && !hasUnchecked) continue;
    const definition = visibleDefinition(node.callee, model, sourceCode);
    if (definition === null) {
      if (!named) continue;
    } else {
      const state = wrappers.get(definition);
      if (state === 'checked' || (state === undefined && !(named && forwardsFetch(definition, infer, sourceCode)))) continue;
    }
    if (model.types && !isUntyped(node, model)) continue;
    const request = inferredRequest(node, model, sourceCode);
    const flow = getEffectiveResponseFlow(request, model, sourceCode);
    const uses = getResponseUses(request, flow, model, sourceCode, { checkers: [] });
    if (uses.some(isResponseEvidence)) found.push(request);
  }
  return found;
}

/** Does the last segment of the callee's name say fetch, and not that the work is done? */
function namesWrapper(name: string, callee: TSESTree.Node, infer: InferWrappersSettings): boolean {
  if (!infer.namePattern.test(name) || calleeMatches(callee, infer.ignore)) return false;
  return !nameWords(name).some((word) => DONE_WORDS.has(word));
}

/**
 * Does the function `fn`, named as a fetch wrapper, hand back what a fetch-named call of its body
 * returns, through code the file does not show (`return this.caller.call(() => this.fetchFn(url))`)?
 * It must return a value, make such a call (whose name does not say the work is done), and neither
 * read a status or a body nor call a function whose name says it checks: a function that does (or
 * returns something else, `cache.get(key)`) is not a wrapper.
 */
function forwardsFetch(fn: FunctionNode, infer: InferWrappersSettings, sourceCode: TSESLint.SourceCode): boolean {
  let returns = fn.body.type !== AST_NODE_TYPES.BlockStatement;
  let fetches = false;
  const handles = walk(fn.body, sourceCode, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && getEnclosingFunction(node) === fn) returns = true;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const key = getStaticName(node);
      if (key !== null && (STATUS_PROPERTIES.has(key) || BODY_METHODS.has(key))) return 'stop';
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipWrappersDown(node.callee);
      const name = nameOf(callee);
      if (name === null) return undefined;
      // `.then(checkResponse)`, `ensureOk(res)`: the wrapper may check what it returns.
      if (CHECKING_NAME.test(name)) return 'stop';
      if (infer.namePattern.test(name) && !nameWords(name).some((word) => DONE_WORDS.has(word))) fetches = true;
    }
    return undefined;
  });
  return !handles && returns && fetches;
}

/** `fetchJSONData` → `fetch`, `json`, `data`; `safe_fetch` → `safe`, `fetch`. */
export function nameWords(name: string): string[] {
  return name
    .replaceAll(/([a-z\d])([A-Z])/gu, '$1 $2')
    .replaceAll(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .split(/[\s_$#]+/u)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** The last segment of the callee's name: `fetchUser` of `this.api.fetchUser(...)`. */
function calleeName(node: TSESTree.Node): string | null {
  const callee = skipWrappersDown(node);
  // A local `fetch` (a parameter, a variable) shadows the global one: the plugin never takes a
  // shadowing name for the client, so it is not inferred either.
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'fetch' ? null : callee.name;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = skipWrappersDown(callee.object);
  // `this.x.fetch()`, `api.fetch()`, `getClient().fetch()`; not `(await import('x')).fetch()`-like chains of literals.
  if (object.type === AST_NODE_TYPES.Literal || object.type === AST_NODE_TYPES.ArrayExpression) return null;
  return getStaticName(callee);
}

/**
 * The function of this file the callee names, when its body can be seen: a local function, a
 * method of the same class (`this.fetchUser`), a function property of a local object literal.
 * `null` for imports, parameters, injected members and everything else.
 */
function visibleDefinition(node: TSESTree.Node, model: HttpModel, sourceCode: TSESLint.SourceCode): FunctionNode | null {
  const callee = skipWrappersDown(node);
  if (callee.type === AST_NODE_TYPES.Identifier) return resolveFunction(callee, model, sourceCode);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = getStaticName(callee);
  const object = skipWrappersDown(callee.object);
  if (name === null) return null;
  if (object.type === AST_NODE_TYPES.ThisExpression) return classMember(callee, name);
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(object), object);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init;
  if (!init || skipWrappersDown(init).type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const property of (skipWrappersDown(init) as TSESTree.ObjectExpression).properties) {
    if (property.type === AST_NODE_TYPES.Property && getStaticName(property) === name && isFunctionNode(property.value)) {
      return property.value;
    }
  }
  return null;
}

/** The method (or function-valued field) `name` of the class `member` is read in. */
function classMember(member: TSESTree.MemberExpression, name: string): FunctionNode | null {
  const body = enclosingClassBody(member);
  for (const element of body?.body ?? []) {
    if (
      (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
      !element.static &&
      getStaticName(element) === name &&
      element.value &&
      isFunctionNode(element.value)
    ) {
      return element.value;
    }
  }
  return null;
}

/**
 * What each function of this file does with the fetch-family requests it returns: `unchecked`
 * when it returns one (`return fetch(url, options)`, `return res` after `const res = await
 * fetch(url)`) without a status check, `checked` when it checks first.
 */
function localWrappers(model: HttpModel, sourceCode: TSESLint.SourceCode): Map<FunctionNode, 'checked' | 'unchecked'> {
  const wrappers = new Map<FunctionNode, 'checked' | 'unchecked'>();
  for (const request of model.requests) {
    if (!isFetchStyleRequest(request)) continue;
    const flow = getEffectiveResponseFlow(request, model, sourceCode);
    const uses = getResponseUses(request, flow, model, sourceCode, { checkers: [] });
    const returned = flow.flow.kind === 'returned' ? flow.flow.node : uses.find((use) => use.kind === 'returned')?.node;
    const fn = returned && getEnclosingFunction(returned.type === AST_NODE_TYPES.ArrowFunctionExpression ? returned.body : returned);
    if (!fn) continue;
    if (hasStatusCheck(uses)) wrappers.set(fn, 'checked');
    else if (!wrappers.has(fn)) wrappers.set(fn, 'unchecked');
  }
  return wrappers;
}

/** Is the use one that only a Fetch `Response` has? `status` and `body` are common fields of data too. */
function isResponseEvidence(use: ResponseUse): boolean {
  const node = use.node;
  switch (use.kind) {
    case 'body':
      return node.type === AST_NODE_TYPES.CallExpression && BODY_METHODS.has(use.label.slice(0, -2)) && use.label.endsWith('()');
    case 'status':
      return getStaticName(node as TSESTree.MemberExpression) === 'ok';
    case 'contentType': {
      const parent = skipWrappersUp(node).parent;
      return parent?.type === AST_NODE_TYPES.MemberExpression && (getStaticName(parent) === 'get' || getStaticName(parent) === 'has');
    }
    default:
      return false;
  }
}

/** With type information, is the call's type one that says nothing (`any`, `unknown`)? */
function isUntyped(call: TSESTree.CallExpression, model: HttpModel): boolean {
  const types = model.types;
  /* v8 ignore next -- only called with types */
  if (!types) return true;
  return askChecker(true, () => (types.services.getTypeAtLocation(call).flags & UNTYPED_FLAGS) !== 0);
}

function inferredRequest(node: TSESTree.CallExpression, model: HttpModel, sourceCode: TSESLint.SourceCode): HttpRequest {
  const [url, options] = node.arguments;
  const spread = node.arguments.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  let optionsRef: OptionsRef = { kind: 'none' };
  if (spread !== -1 && spread <= 1) optionsRef = { kind: 'unknown', node: null };
  else if (options && !isUndefinedLiteral(options)) {
    const inner = skipWrappersDown(options);
    optionsRef = inner.type === AST_NODE_TYPES.ObjectExpression ? { kind: 'object', node: inner } : { kind: 'unknown', node: options };
  }
  const outer = skipWrappersUp(node).parent;
  const timeoutFunctions = model.settings.timeoutFunctions;
  return {
    node,
    client: 'fetch',
    method: null,
    source: 'inferred',
    localResource: url !== undefined && url.type !== AST_NODE_TYPES.SpreadElement && isLocalResourceUrl(url, sourceCode),
    module: null,
    instance: null,
    url: url && spread !== 0 ? url : null,
    options: optionsRef,
    callback: null,
    deadlineFromWrapper:
      calleeMatches(node.callee, timeoutFunctions) ||
      (outer?.type === AST_NODE_TYPES.CallExpression && outer.callee !== node && calleeMatches(outer.callee, timeoutFunctions)),
  };
}
