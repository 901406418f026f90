import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast/nodes';
import type { ClientName } from '../clients/catalogue';
import type { HttpModel, HttpRequest } from './http';
import type { ResponseFlow } from './response-flow';
import { getStaticName, isFunctionNode, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { functionOfVariable } from '../ast/scope';
import { calleeMatches, isLocalResourceRequest } from './http';
import { followPromise, getResponseFlow } from './response-flow';

/**
 * What the code does with a response.
 * - `status`: reads `ok`, `status` or `statusCode` (also destructured);
 * - `checker`: hands the response to a function that checks its status (`assertOk(res)`,
 *   `.then(checkStatus)`, a function of this file that reads its status);
 * - `contentType`: reads the `content-type` header (or hands the headers on, which may);
 * - `body`: reads the body (`res.json()`, `res.body`, `res.data`, `res.on('data')`, `for await`);
 * - `handoff`: hands the response to code this file does not show, which may check it;
 * - `returned`: returns it to the caller;
 * - `stored`: stores it where other code can reach it (`this.last = res`, `{ res }`, `[res]`).
 */
export type ResponseUseKind = 'body' | 'checker' | 'contentType' | 'handoff' | 'returned' | 'status' | 'stored';

/** One use of a response. */
export interface ResponseUse {
  readonly kind: ResponseUseKind;
  /** The node that shows the use: the `res.json()` call, the `res.ok` member, the `assertOk(res)` call. */
  readonly node: TSESTree.Node;
  /**
   * For `body` uses, how the code reads the body, for messages: `json()`, `body`, `on('data')`,
   * `for await`, `toJson()` (a function of this file that reads it).
   */
  readonly label: string;
  /** For a direct `.json()` call on the response, the call (the member is its callee). */
  readonly jsonCall: TSESTree.CallExpression | null;
}

/** What to know besides the model when following a response. */
export interface ResponseCheckOptions {
  /** Extra names of functions that check a response's status (rule options). */
  readonly checkers: readonly string[];
}

/** Members whose read is a status check, on every client's response. */
export const STATUS_PROPERTIES: ReadonlySet<string> = new Set(['ok', 'status', 'statusCode']);

// https://developer.mozilla.org/en-US/docs/Web/API/Response#instance_methods
const FETCH_BODY_METHODS: ReadonlySet<string> = new Set(['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text']);

/** Properties that hold the body, per client. */
const BODY_PROPERTIES: Readonly<Record<ClientName, ReadonlySet<string>>> = {
  fetch: new Set(['body']),
  ky: new Set(['body']),
  // https://axios-http.com/docs/res_schema
  axios: new Set(['data']),
  // https://github.com/sindresorhus/got/blob/main/documentation/3-streams.md#response-2
  got: new Set(['body', 'rawBody']),
  // https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-responsedata
  undici: new Set(['body']),
  'node-http': new Set(),
};

/**
 * Promise shortcuts that parse the body straight from the request, before any code can see the
 * response: `got(url).json()`, `ky.get(url).json()`.
 */
const PROMISE_BODY_SHORTCUTS: Partial<Readonly<Record<ClientName, ReadonlySet<string>>>> = {
  // https://github.com/sindresorhus/got/blob/main/documentation/1-promise.md#promisejson
  got: new Set(['buffer', 'json', 'text']),
  // https://github.com/sindresorhus/ky#options
  ky: new Set(['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text']),
};

// https://nodejs.org/api/stream.html#event-data
const STREAM_LISTENERS: ReadonlySet<string> = new Set([
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
]);
const STREAM_BODY_EVENTS: ReadonlySet<string> = new Set(['data', 'readable']);

/** Calls that take a response without checking or keeping it. */
const INERT_CALLEE_OBJECTS: ReadonlySet<string> = new Set(['console']);

/**
 * Follows the response of `request` to every place the code uses it, along the flow the model
 * found: through its variable's references (and aliases of it), destructuring, a `.then`
 * handler, or a status-check function. Linear in the number of references: each variable and
 * each function of the file is looked at once per client.
 */
export function getResponseUses(
  request: HttpRequest,
  { flow, promise }: EffectiveResponseFlow,
  model: HttpModel,
  sourceCode: TSESLint.SourceCode,
  options: ResponseCheckOptions,
): ResponseUse[] {
  const tracer = new UseTracer(request.client, model, sourceCode, options);
  switch (flow.kind) {
    case 'variable':
      if (flow.variable) tracer.followVariable(flow.variable);
      break;
    case 'destructured':
      tracer.destructure(flow.pattern);
      break;
    case 'member':
      tracer.member(flow.node);
      break;
    case 'returned':
      tracer.add('returned', flow.node);
      break;
    case 'argument':
      tracer.argument(flow, promise);
      break;
    case 'unknown':
      tracer.promiseShortcut(request);
      break;
    case 'dropped':
      break;
  }
  return tracer.uses;
}

/**
 * Does `uses` show a status check, or a hand-off to code that may check? Unknown code is given the
 * benefit of the doubt: the plugin reports what it can show, not what it cannot see.
 */
export function hasStatusCheck(uses: readonly ResponseUse[]): boolean {
  return uses.some((use) => use.kind === 'status' || use.kind === 'checker' || use.kind === 'handoff');
}

/**
 * Is `request` a fetch-style request whose response resolves on HTTP errors: the fetch family,
 * typed and settings wrappers, but not a `data:`/`blob:` URL or a bundled asset, nor a settings
 * wrapper around another client's request (`withDeadline(axios.get(url))`)?
 */
export function isFetchStyleRequest(request: HttpRequest): boolean {
  return request.client === 'fetch' && !isLocalResourceRequest(request);
}

/** Where a response goes, and the promise (the request, or a deadline wrapper around it) it comes from. */
export interface EffectiveResponseFlow {
  readonly flow: ResponseFlow;
  /** The call whose value is the response: the request, or `withDeadline(fetch(url))`. */
  readonly promise: TSESTree.CallExpression;
}

/**
 * The flow of `request`'s response, followed through the deadline wrappers that
 * `settings['http-client'].timeoutFunctions` names: in `await withDeadline(fetch(url))` the
 * response comes out of the wrapper, so the code after it is where the response is used.
 */
export function getEffectiveResponseFlow(
  request: HttpRequest,
  model: HttpModel,
  sourceCode: TSESLint.SourceCode,
): EffectiveResponseFlow {
  let flow = getResponseFlow(request, sourceCode);
  let promise = request.node;
  while (
    flow.kind === 'argument' &&
    flow.call &&
    skipWrappersDown(flow.node) === promise &&
    calleeMatches(flow.call.callee, model.settings.timeoutFunctions)
  ) {
    promise = flow.call;
    flow = followPromise(promise, sourceCode);
  }
  return { flow, promise };
}

/** The name a suggestion or message can use for a response bound by `flow`, or `null`. */
export function getResponseName({ flow }: EffectiveResponseFlow): string | null {
  return flow.kind === 'variable' ? flow.id.name : null;
}

/** Header methods that go through every header, the `content-type` one included. */
const HEADER_ITERATION: ReadonlySet<string> = new Set(['entries', 'forEach', 'keys', 'raw', 'values']);

/**
 * Does the code look at the response's `content-type` header through `member`, a
 * `<response>.headers`: `res.headers.get('content-type')`, `res.headers.has('Content-Type')`,
 * `res.headers['content-type']`, or handing the headers on (`isJson(res.headers)`)? A header name
 * the code computes (`res.headers.get(name)`) may be it, and counts.
 */
export function isContentTypeRead(member: TSESTree.MemberExpression): boolean {
  const outer = skipWrappersUp(member);
  const parent = outer.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== outer) return true;
  const key = getStaticName(parent);
  if (key === null || key.toLowerCase() === 'content-type' || HEADER_ITERATION.has(key)) return true;
  if (key !== 'get' && key !== 'has') return false;
  const call = methodCall(parent);
  const name = call?.arguments[0];
  if (!name) return false;
  const value = ASTUtils.getStringIfConstant(name);
  return value === null || value.toLowerCase() === 'content-type';
}

/**
 * The function `node` refers to, when this file shows its body: a function expression, a
 * function declared in this file and never reassigned, or (with types) the declaration the
 * type checker finds for a method or a property (`this.checkStatus`, `utils.assertOk`).
 */
export function resolveFunction(node: TSESTree.Node, model: HttpModel, sourceCode: TSESLint.SourceCode): FunctionNode | null {
  const target = skipWrappersDown(node);
  if (isFunctionNode(target)) return target;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
    const resolved = variable && functionOfVariable(variable);
    if (resolved !== undefined) return resolved;
  }
  return model.types ? resolveWithTypes(target, model) : null;
}

function resolveWithTypes(node: TSESTree.Node, model: HttpModel): FunctionNode | null {
  const types = model.types;
  /* v8 ignore next -- only called with types */
  if (!types) return null;
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node;
  const tsNode = types.services.esTreeNodeToTSNodeMap.get(key);
  const symbol = types.checker.getSymbolAtLocation(tsNode);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!declaration) return null;
  const mapped = types.services.tsNodeToESTreeNodeMap.get(declaration) as TSESTree.Node | undefined;
  if (!mapped) return null;
  if (isFunctionNode(mapped)) return mapped;
  switch (mapped.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return mapped.value && isFunctionNode(mapped.value) ? mapped.value : null;
    case AST_NODE_TYPES.VariableDeclarator:
      return mapped.init && isFunctionNode(skipWrappersDown(mapped.init)) ? (skipWrappersDown(mapped.init) as FunctionNode) : null;
    default:
      return null;
  }
}

/** What a function of this file does with one of its parameters, summarised for its call sites. */
interface ParameterSummary {
  readonly checks: boolean;
  readonly contentType: boolean;
  readonly body: boolean;
  readonly unknown: boolean;
  readonly stored: boolean;
}

const UNKNOWN_SUMMARY: ParameterSummary = { checks: false, contentType: false, body: false, unknown: true, stored: false };

/** Summaries per file, per function, per client and parameter index. */
const summaryCache = new WeakMap<TSESTree.Program, Map<FunctionNode, Map<string, ParameterSummary | null>>>();

class UseTracer {
  readonly uses: ResponseUse[] = [];
  readonly #visited = new Set<TSESLint.Scope.Variable>();

  constructor(
    readonly client: ClientName,
    readonly model: HttpModel,
    readonly sourceCode: TSESLint.SourceCode,
    readonly options: ResponseCheckOptions,
  ) {}

  add(kind: ResponseUseKind, node: TSESTree.Node, label = '', jsonCall: TSESTree.CallExpression | null = null): void {
    this.uses.push({ kind, node, label, jsonCall });
  }

  followVariable(variable: TSESLint.Scope.Variable): void {
    if (this.#visited.has(variable)) return;
    this.#visited.add(variable);
    for (const reference of variable.references) {
      if (reference.isRead()) this.value(reference.identifier);
    }
  }

  /** A use of the response value at `node` (an identifier that refers to it, or `await fetch()`). */
  value(node: TSESTree.Node): void {
    const outer = valueConsumer(node);
    const parent = outer.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object === outer) this.member(parent);
        return;
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee !== outer) this.call(parent, parent.arguments.indexOf(outer as TSESTree.CallExpressionArgument), parent);
        return;
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.JSXExpressionContainer:
      case AST_NODE_TYPES.TaggedTemplateExpression:
        this.add('handoff', parent);
        return;
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
        this.add('returned', parent);
        return;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (parent.body === outer) this.add('returned', outer);
        return;
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
        this.add('stored', outer);
        return;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === outer) this.bind(parent.id, true);
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === outer) this.bind(parent.left, false);
        return;
      case AST_NODE_TYPES.ForOfStatement:
        // A response stream iterated chunk by chunk: `for await (const chunk of res)`.
        if (parent.right === outer && parent.await) this.add('body', parent, 'for await');
        return;
      default:
        return;
    }
  }

  /**
   * The response is bound to a new name or pattern: an alias (`const alias = res`) is followed; a
   * variable of an outer function or of the module (`cache = res`), a property (`this.last = res`)
   * keep it for other code.
   */
  bind(target: TSESTree.Node, declared: boolean): void {
    switch (target.type) {
      case AST_NODE_TYPES.Identifier: {
        const scope = this.sourceCode.getScope(target);
        const variable = ASTUtils.findVariable(scope, target);
        if (variable && (declared || variable.scope.variableScope === scope.variableScope)) {
          this.followVariable(variable);
        } else {
          this.add('stored', target);
        }
        return;
      }
      case AST_NODE_TYPES.ObjectPattern:
      case AST_NODE_TYPES.ArrayPattern:
        this.destructure(target);
        return;
      default:
        this.add('stored', target);
    }
  }

  destructure(pattern: TSESTree.ArrayPattern | TSESTree.ObjectPattern): void {
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern) {
      this.add('handoff', pattern);
      return;
    }
    for (const property of pattern.properties) {
      if (property.type === AST_NODE_TYPES.RestElement) {
        this.add('handoff', property);
        continue;
      }
      const key = getStaticName(property);
      if (key === null) this.add('handoff', property);
      else if (STATUS_PROPERTIES.has(key)) this.add('status', property);
      else if (key === 'headers') this.add('contentType', property);
      else if (BODY_PROPERTIES[this.client].has(key)) this.add('body', property, key);
    }
  }

  /** `member` is `<response>.<name>`. */
  member(member: TSESTree.MemberExpression): void {
    const key = getStaticName(member);
    if (key === null) return;
    if (STATUS_PROPERTIES.has(key)) {
      this.add('status', member);
      return;
    }
    if (key === 'headers') {
      if (isContentTypeRead(member)) this.add('contentType', member);
      return;
    }
    if (BODY_PROPERTIES[this.client].has(key)) {
      // `res.body.locked` asks whether the stream is in use; it reads nothing from it.
      const outer = skipWrappersUp(member).parent;
      if (outer?.type === AST_NODE_TYPES.MemberExpression && getStaticName(outer) === 'locked') return;
      this.add('body', member, key);
      return;
    }
    const call = methodCall(member);
    if (!call) return;
    if (key === 'clone') {
      // `res.clone().json()`: the clone has the same status and body.
      this.value(call);
      return;
    }
    if ((this.client === 'fetch' || this.client === 'ky') && FETCH_BODY_METHODS.has(key)) {
      this.add('body', call, `${key}()`, key === 'json' ? call : null);
      return;
    }
    if (this.client === 'node-http') this.stream(key, call);
  }

  /** A method call on a node `IncomingMessage`. */
  stream(key: string, call: TSESTree.CallExpression): void {
    if (STREAM_LISTENERS.has(key)) {
      const event = call.arguments[0] && ASTUtils.getStringIfConstant(call.arguments[0]);
      if (event != null && STREAM_BODY_EVENTS.has(event)) this.add('body', call, `${key}('${event}')`);
      return;
    }
    if (key === 'pipe' || key === 'read') this.add('body', call, `${key}()`);
  }

  /** The response is argument `index` of `call` (or the fulfilment handler of `call`, a `.then`). */
  call(call: TSESTree.CallExpression, index: number, site: TSESTree.Node, handler?: TSESTree.Node): void {
    const target = handler ?? call.callee;
    if (this.model.isStatusCheckFunction(target) || calleeMatches(target, this.options.checkers)) {
      this.add('checker', site);
      return;
    }
    const callee = skipWrappersDown(call.callee);
    if (
      !handler &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      INERT_CALLEE_OBJECTS.has(callee.object.name)
    ) {
      return;
    }
    if (call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
      this.add('handoff', site);
      return;
    }
    const fn = resolveFunction(target, this.model, this.sourceCode);
    const summary = fn ? this.summarise(fn, index) : UNKNOWN_SUMMARY;
    if (summary.checks) this.add('checker', site);
    if (summary.contentType) this.add('contentType', site);
    if (summary.unknown) this.add('handoff', site);
    if (summary.stored) this.add('stored', site);
    if (summary.body) this.add('body', site, `${calleeLabel(target, this.sourceCode)}()`);
  }

  /** What `fn` does with its parameter `index`, from the uses of that parameter. */
  summarise(fn: FunctionNode, index: number): ParameterSummary {
    let perFile = summaryCache.get(this.sourceCode.ast);
    if (!perFile) {
      perFile = new Map();
      summaryCache.set(this.sourceCode.ast, perFile);
    }
    let perFunction = perFile.get(fn);
    if (!perFunction) {
      perFunction = new Map();
      perFile.set(fn, perFunction);
    }
    const key = `${this.client}:${index}`;
    const cached = perFunction.get(key);
    // `null` marks a summary under way: a recursive function is taken as unknown.
    if (cached !== undefined) return cached ?? UNKNOWN_SUMMARY;
    perFunction.set(key, null);
    const param = fn.params[index];
    const inner = new UseTracer(this.client, this.model, this.sourceCode, this.options);
    if (!param || param.type === AST_NODE_TYPES.RestElement || param.type === AST_NODE_TYPES.TSParameterProperty) {
      inner.add('handoff', fn);
    } else {
      const binding = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      if (binding.type === AST_NODE_TYPES.Identifier) {
        const variable = this.sourceCode
          .getDeclaredVariables(fn)
          .find((candidate) => candidate.identifiers.includes(binding));
        if (variable) inner.followVariable(variable);
      } else {
        inner.destructure(binding);
      }
    }
    const kinds = new Set(inner.uses.map((use) => use.kind));
    const summary: ParameterSummary = {
      checks: kinds.has('status') || kinds.has('checker'),
      contentType: kinds.has('contentType'),
      body: kinds.has('body'),
      // A response the function returns or passes on is checked, or not, by someone else.
      unknown: kinds.has('handoff') || kinds.has('returned'),
      stored: kinds.has('stored'),
    };
    perFunction.set(key, summary);
    return summary;
  }

  /** Flow `argument`: the response (or its promise) is handed to a function. */
  argument(flow: Extract<ResponseFlow, { kind: 'argument' }>, promise: TSESTree.Node): void {
    const { call, node } = flow;
    const callee = call && skipWrappersDown(call.callee);
    if (
      call &&
      callee?.type === AST_NODE_TYPES.MemberExpression &&
      getStaticName(callee) === 'then' &&
      call.arguments[0] === node
    ) {
      // `fetch(url).then(checkStatus)`: the handler receives the response.
      this.call(call, 0, node, node);
      return;
    }
    if (skipWrappersDown(node).type === AST_NODE_TYPES.AwaitExpression) {
      this.value(skipWrappersDown(node));
      return;
    }
    // The promise itself is handed on (`withRetry(fetch(url))`): what happens to it is not visible.
    this.add('handoff', promise);
  }

  /** `got(url).json()`: the body is parsed before any code sees the status. */
  promiseShortcut(request: HttpRequest): void {
    const shortcuts = PROMISE_BODY_SHORTCUTS[request.client];
    if (!shortcuts) return;
    const outer = skipWrappersUp(request.node);
    const parent = outer.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== outer) return;
    const key = getStaticName(parent);
    const call = methodCall(parent);
    if (key !== null && call && shortcuts.has(key)) this.add('body', call, `${key}()`);
  }
}

/**
 * Walks up from a response value past what passes it on unchanged: `x!`, `x as T`, `await x`,
 * `(a, x)`, `c ? x : y`, `x ?? y`.
 */
function valueConsumer(node: TSESTree.Node): TSESTree.Node {
  let current = skipWrappersUp(node);
  while (current.parent && passesValueOn(current.parent, current)) current = skipWrappersUp(current.parent);
  return current;
}

function passesValueOn(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== child;
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === child;
    default:
      return false;
  }
}

function methodCall(member: TSESTree.MemberExpression): TSESTree.CallExpression | null {
  const outer = skipWrappersUp(member);
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer ? parent : null;
}

function calleeLabel(callee: TSESTree.Node, sourceCode: TSESLint.SourceCode): string {
  const text = sourceCode.getText(skipWrappersDown(callee));
  return text.length <= 30 && !text.includes('\n') ? text : 'handler';
}

/** Statements that hold a list of statements, after one of which another can be inserted. */
const STATEMENT_LISTS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
]);

/**
 * A fixer that inserts `if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);` right
 * where a fetch-style response is bound, or `null` when that place is not obvious:
 * - `const res = await fetch(url);` (or `res = await fetch(url);`) as a statement of a block: the
 *   check goes on the next line;
 * - `fetch(url).then((res) => ...)`: the check goes first in the handler (an expression body
 *   becomes a block that returns it).
 * The error names the URL when the request's URL is an identifier or a literal, and `res.url`
 * otherwise. Inserting it twice is impossible: once present, the check satisfies the rules.
 */
export function getStatusCheckFix(
  request: HttpRequest,
  { flow, promise }: EffectiveResponseFlow,
  sourceCode: TSESLint.SourceCode,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  if (flow.kind !== 'variable') return null;
  const name = flow.id.name;
  if (flow.callback) return thenHandlerFix(request, promise, flow.callback, name, sourceCode);
  const statement = bindingStatement(promise, flow.id);
  if (!statement) return null;
  const check = statusCheckText(name, urlText(request, name, new Set()));
  // Keep a comment that ends the line with the statement it belongs to.
  const trailing = sourceCode
    .getCommentsAfter(statement)
    .filter((comment) => comment.loc.start.line === statement.loc.end.line)
    .at(-1);
  const anchor = trailing ?? statement;
  const indent = lineIndent(statement, sourceCode);
  const separator = indent === null ? ' ' : `\n${indent}`;
  return (fixer) => fixer.insertTextAfterRange(anchor.range, `${separator}${check}`);
}

/** The statement that binds `id` to the awaited `promise`, when it stands alone in a statement list. */
function bindingStatement(promise: TSESTree.Node, id: TSESTree.Identifier): TSESTree.Node | null {
  const parent = id.parent;
  let statement: TSESTree.Node | undefined;
  let value: TSESTree.Node | null = null;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === id) {
    if (parent.parent.declarations.length !== 1 || parent.parent.declare) return null;
    statement = parent.parent;
    value = parent.init;
  } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === id && parent.operator === '=') {
    statement = parent.parent;
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return null;
    value = parent.right;
  }
  if (!statement || !value || !STATEMENT_LISTS.has(statement.parent?.type as AST_NODE_TYPES)) return null;
  // Only `await request(...)` itself: after `.catch(() => null)` the value may not be a response.
  const awaited = skipWrappersDown(value);
  return awaited.type === AST_NODE_TYPES.AwaitExpression && skipWrappersDown(awaited.argument) === promise
    ? statement
    : null;
}

function thenHandlerFix(
  request: HttpRequest,
  promise: TSESTree.Node,
  handler: FunctionNode,
  name: string,
  sourceCode: TSESLint.SourceCode,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const then = handler.parent;
  // Only a handler chained straight on the request: after `.catch()` the value may not be a response.
  if (
    then.type !== AST_NODE_TYPES.CallExpression ||
    then.arguments[0] !== handler ||
    skipWrappersDown(then.callee).type !== AST_NODE_TYPES.MemberExpression ||
    skipWrappersDown((skipWrappersDown(then.callee) as TSESTree.MemberExpression).object) !== promise
  ) {
    return null;
  }
  const shadowed = new Set(
    handler.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])),
  );
  const check = statusCheckText(name, urlText(request, name, shadowed));
  const body = handler.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const first = body.body[0];
    if (!first) return null;
    const indent = lineIndent(first, sourceCode);
    const separator = indent === null ? ' ' : `\n${indent}`;
    return (fixer) => fixer.insertTextBefore(first, `${check}${separator}`);
  }
  // An expression body: `(res) => res.json()` becomes `(res) => { if (...) throw ...; return res.json(); }`.
  const arrow = sourceCode.getTokenBefore(body, (token) => token.value === '=>');
  /* v8 ignore next -- an arrow function always has its `=>` before the body */
  if (!arrow) return null;
  const start = arrow.range[1];
  const end = handler.range[1];
  const returned = sourceCode.getText(body);
  return (fixer) => fixer.replaceTextRange([start, end], ` { ${check} return ${returned}; }`);
}

function statusCheckText(name: string, url: string): string {
  return `if (!${name}.ok) throw new Error(\`HTTP \${${name}.status} for ${url}\`);`;
}

/**
 * The URL as a template-literal part: `${url}` for an identifier the check can see, the text of a
 * literal, or `${res.url}` (the URL the response came from) for anything else.
 */
function urlText(request: HttpRequest, name: string, shadowed: ReadonlySet<string>): string {
  const url = request.url && skipWrappersDown(request.url);
  if (url?.type === AST_NODE_TYPES.Identifier && url.name !== name && !shadowed.has(url.name) && url.name !== 'undefined') {
    return `\${${url.name}}`;
  }
  if (url?.type === AST_NODE_TYPES.Literal && typeof url.value === 'string') {
    return url.value.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
  }
  if (url?.type === AST_NODE_TYPES.TemplateLiteral && url.expressions.length === 0) {
    return url.quasis[0]?.value.raw ?? `\${${name}.url}`;
  }
  return `\${${name}.url}`;
}

/** The indentation of the line `node` starts, or `null` when other code precedes it on that line. */
function lineIndent(node: TSESTree.Node | TSESTree.Token, sourceCode: TSESLint.SourceCode): string | null {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const before = line.slice(0, node.loc.start.column);
  return /^\s*$/u.test(before) ? before : null;
}
