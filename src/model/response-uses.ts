import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast/nodes';
import type { ClientName } from '../clients/catalogue';
import type { HttpModel, HttpRequest } from './http';
import type { ResponseFlow } from './response-flow';
import { getEnclosingFunction, getStaticName, isFunctionNode, isLoopNode, nameOf, skipWrappersDown, skipWrappersUp, unsequenced, walk } from '../ast/nodes';
import { functionOfVariable } from '../ast/scope';
import { profileOf } from '../clients/catalogue';
import { LISTENER_METHODS } from '../clients/node-http';
import { calleeMatches, isLocalResourceRequest } from './http';
import { followPromise, getResponseFlow } from './response-flow';
import { isLoggerName, LOG_METHODS } from './logging';

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
   * `for await`, `toJson(…)` (a function of this file the response is passed to, which reads it).
   */
  readonly label: string;
  /** For a direct `.json()` call on the response, the call (the member is its callee). */
  readonly jsonCall: TSESTree.CallExpression | null;
  /** For `status` uses, what the read protects; `null` for every other kind. */
  readonly guard: StatusGuard | null;
}

/**
 * What a read of a response's status protects. A read is a check only where it decides what runs.
 * - `none`: nothing: the status is logged or recorded (`metrics.record(res.status)`), kept in a
 *   variable that is never tested, read in a function nobody calls here, or tested in a way every
 *   response passes (`if (res.status)`, `typeof res.status === 'number'`, `assert.ok(res.status)`);
 * - `all`: every use: the status is asserted (`expect(res.status).toBe(200)`), handed to a function
 *   that checks it, returned or forwarded with the data (`return { ok: res.ok, data }`,
 *   `new Response(body, { status: res.status })`);
 * - `ranges`: the code that runs only when the test came out one way: a branch of an `if`, a ternary
 *   or a `&&`/`||`, a `case`, a loop body, or the rest of the block around a guard clause that
 *   leaves it (`if (!res.ok) throw ...`, `return`, `continue`), before it as well as after it.
 */
export type StatusGuard =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'ranges'; readonly ranges: readonly TSESTree.Range[] };

/** What to know besides the model when following a response. */
export interface ResponseCheckOptions {
  /** Extra names of functions that check a response's status (rule options). */
  readonly checkers: readonly string[];
}

/** Members whose read is a status check, on every client's response. */
export const STATUS_PROPERTIES: ReadonlySet<string> = new Set(['ok', 'status', 'statusCode']);

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
  const owner = getEnclosingFunction(flow.kind === 'variable' ? flow.id : promise);
  const tracer = new UseTracer(request.client, model, sourceCode, options, flow.kind === 'variable' ? (flow.callback ?? owner) : owner);
  tracer.flow(flow, promise, request);
  return tracer.uses;
}

/**
 * Does `uses` show a status check that guards something, or a hand-off to code that may check?
 * Unknown code is given the benefit of the doubt: the plugin reports what it can show, not what it
 * cannot see.
 */
export function hasStatusCheck(uses: readonly ResponseUse[]): boolean {
  return uses.some(
    (use) => use.kind === 'checker' || use.kind === 'handoff' || (use.kind === 'status' && use.guard?.kind !== 'none'),
  );
}

/**
 * The uses that protect `node` (a body read, a `return`): status reads whose guard covers it, and
 * checkers or hand-offs, which are taken to cover every use of the response.
 */
export function guardsOf(node: TSESTree.Node, uses: readonly ResponseUse[]): ResponseUse[] {
  return uses.filter((use) => {
    if (use.kind === 'checker' || use.kind === 'handoff') return true;
    const guard = use.kind === 'status' ? use.guard : null;
    if (!guard || guard.kind === 'none') return false;
    return guard.kind === 'all' || guard.ranges.some(([start, end]) => start <= node.range[0] && node.range[1] <= end);
  });
}

/**
 * Is the body read `use` protected by a status check among `uses`? A stream listener is protected
 * when every read of the chunk it is given is: `res.on('data', (chunk) => { if (res.statusCode
 * === 200) body += chunk; })` keeps nothing of an error response.
 */
export function isBodyGuarded(use: ResponseUse, uses: readonly ResponseUse[], sourceCode: TSESLint.SourceCode): boolean {
  if (guardsOf(use.node, uses).length > 0) return true;
  const reads = listenerChunkReads(use.node, sourceCode);
  return reads !== null && reads.length > 0 && reads.every((read) => guardsOf(read, uses).length > 0);
}

/**
 * Is `listener` a `data` listener that ignores its chunk: `() => {}`, `(_chunk) => count++`, a
 * `function` that neither names its first parameter nor reads `arguments`? It only drains the stream.
 */
function isDrainListener(listener: TSESTree.Node | undefined, sourceCode: TSESLint.SourceCode): boolean {
  if (!listener || !isFunctionNode(listener)) return false;
  const param = listener.params[0];
  if (param && param.type !== AST_NODE_TYPES.Identifier) return false;
  const variables = sourceCode.getDeclaredVariables(listener);
  const chunk = param && variables.find((candidate) => candidate.identifiers.includes(param));
  if (param && (!chunk || chunk.references.some((reference) => reference.isRead()))) return false;
  if (listener.type === AST_NODE_TYPES.ArrowFunctionExpression) return true;
  const args = sourceCode.getScope(listener).set.get('arguments');
  return args === undefined || args.references.length === 0;
}

/** Fields of a parsed body through which an API reports a failure: `{ "error": ... }`. */
const ERROR_FIELDS: ReadonlySet<string> = new Set(['error', 'errors']);

/**
 * Does the code reject a response that is not JSON with its status in the error, and the JSON it
 * parses by an error field? `if (!type.includes('json')) throw new Error(`${res.status} ...`);
 * return res.json()` then `if (body.error) reject(body.error)`: an HTML error page leaves with its
 * status, and an API that answers failures with `{ "error": ... }` is rejected through it. Needs all
 * three: a `content-type` test whose branch leaves, a read of the status in that branch, and a
 * test of the parsed body's `error` field.
 */
export function rejectsNonJsonWithStatus(use: ResponseUse, uses: readonly ResponseUse[], sourceCode: TSESLint.SourceCode): boolean {
  if (!use.jsonCall) return false;
  const guarded = uses.some((status) => {
    if (status.kind !== 'status') return false;
    const branch = leavingBranch(status.node);
    return (
      branch !== null &&
      branch.statement.range[1] <= use.node.range[0] &&
      isInRest(branch.statement, use.node) &&
      testsContentType(branch.statement.test, uses, sourceCode)
    );
  });
  return guarded && parsedErrorFieldTested(use.jsonCall, sourceCode);
}

/** The `if` whose consequent holds `node` and always leaves, or `null`. */
function leavingBranch(node: TSESTree.Node): { statement: TSESTree.IfStatement } | null {
  for (let current: TSESTree.Node = node; current.parent && !isFunctionNode(current.parent); current = current.parent) {
    const parent = current.parent;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === current) {
      return leaves(current, false) ? { statement: parent } : null;
    }
  }
  return null;
}

/** Is `node` after `statement` in the statement list around it (or nested in what follows)? */
function isInRest(statement: TSESTree.Node, node: TSESTree.Node): boolean {
  const list = statement.parent;
  return list !== undefined && STATEMENT_LISTS.has(list.type) && statement.range[1] <= node.range[0] && node.range[1] <= list.range[1];
}

/** Does `test` read the `content-type` (directly, or through a `const` that holds it)? */
function testsContentType(test: TSESTree.Node, uses: readonly ResponseUse[], sourceCode: TSESLint.SourceCode): boolean {
  const reads = uses.filter((use) => use.kind === 'contentType');
  const within = (node: TSESTree.Node): boolean => reads.some((read) => node.range[0] <= read.node.range[0] && read.node.range[1] <= node.range[1]);
  if (within(test)) return true;
  return walk(test, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    return definition?.type === TSESLintValues.Scope.DefinitionType.Variable && definition.node.init && within(definition.node.init)
      ? 'stop'
      : undefined;
  });
}

/**
 * Is an `error` field of the body parsed by `call` tested: `const body = await res.json(); if
 * (body.error) ...`, or in the handler chained after the one that returns it (`.then((res) =>
 * res.json()).then((body) => { if (body.error) ... })`)?
 */
function parsedErrorFieldTested(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  let value: TSESTree.Node = skipWrappersUp(call);
  if (value.parent?.type === AST_NODE_TYPES.AwaitExpression) value = skipWrappersUp(value.parent);
  const parent = value.parent;
  let binding: TSESTree.Node | null = null;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value) {
    binding = parent.id;
  } else {
    const fn = parent?.type === AST_NODE_TYPES.ReturnStatement ? getEnclosingFunction(parent) : parent && isFunctionNode(parent) ? parent : null;
    if (!fn) return false;
    const then = skipWrappersUp(fn).parent;
    if (then?.type !== AST_NODE_TYPES.CallExpression || then.arguments[0] !== skipWrappersUp(fn)) return false;
    const member = skipWrappersUp(then).parent;
    const next = member && skipWrappersUp(member).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || getStaticName(member) !== 'then' || next?.type !== AST_NODE_TYPES.CallExpression) return false;
    const handler = next.arguments[0];
    binding = handler && isFunctionNode(handler) ? (handler.params[0] ?? null) : null;
  }
  if (binding?.type !== AST_NODE_TYPES.Identifier) return false;
  const id = binding;
  const variable = sourceCode.getDeclaredVariables(id.parent).find((candidate) => candidate.identifiers.includes(id));
  return (variable?.references ?? []).some((reference) => {
    const member = skipWrappersUp(reference.identifier).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== skipWrappersUp(reference.identifier)) return false;
    if (!ERROR_FIELDS.has(getStaticName(member) ?? '')) return false;
    const test = skipWrappersUp(member).parent;
    return (
      (test?.type === AST_NODE_TYPES.IfStatement && test.test === skipWrappersUp(member)) ||
      (test?.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && test.parent.type === AST_NODE_TYPES.IfStatement)
    );
  });
}

/** The reads of the chunk parameter of `res.on('data', (chunk) => ...)`, or `null` for another node. */
function listenerChunkReads(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESTree.Node[] | null {
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipWrappersDown(node.callee);
  const listener = node.arguments[1];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_METHODS.has(getStaticName(callee) ?? '') || !listener) return null;
  if (!isFunctionNode(listener)) return null;
  const param = listener.params[0];
  if (param?.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = sourceCode.getDeclaredVariables(listener).find((candidate) => candidate.identifiers.includes(param));
  return variable ? variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier) : null;
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
    /** The function the response is bound in: a status it returns goes to its caller. */
    readonly owner: FunctionNode | null,
  ) {}

  add(kind: ResponseUseKind, node: TSESTree.Node, label = '', jsonCall: TSESTree.CallExpression | null = null): void {
    this.uses.push({ kind, node, label, jsonCall, guard: null });
  }

  /**
   * A read of the status at `read` (a member, or the variable a destructured status is bound to);
   * `decisive` when its value alone tells success (`ok`).
   */
  addStatus(node: TSESTree.Node, read: TSESTree.Node | null, decisive: boolean): void {
    let guard = NO_GUARD;
    if (read?.type === AST_NODE_TYPES.Identifier) guard = new GuardFinder(this).guardOfBinding(read, decisive);
    else if (read) guard = new GuardFinder(this).guardOf(read, decisive);
    this.uses.push({ kind: 'status', node, label: '', jsonCall: null, guard });
  }

  /** Follows the response along `flow`, the flow of `promise`. */
  flow(flow: ResponseFlow, promise: TSESTree.CallExpression, request: HttpRequest): void {
    switch (flow.kind) {
      case 'variable':
        if (flow.variable) this.followVariable(flow.variable, flow.id);
        break;
      case 'destructured':
        this.destructure(flow.pattern);
        break;
      case 'member':
        this.member(flow.node);
        break;
      case 'returned':
        this.add('returned', flow.node);
        break;
      case 'argument':
        this.argument(flow, promise);
        break;
      case 'unknown':
        if (!this.promiseVariable(flow.node, promise, request)) this.promiseShortcut(request);
        break;
      case 'dropped':
        break;
    }
  }

  /**
   * `const p = fetch(url); ... return p.then((res) => res.json())`: the request promise is held in
   * a variable, and each of its reads is followed like the request itself.
   */
  promiseVariable(node: TSESTree.Node, promise: TSESTree.CallExpression, request: HttpRequest): boolean {
    if (
      node.type !== AST_NODE_TYPES.VariableDeclarator ||
      node.id.type !== AST_NODE_TYPES.Identifier ||
      !node.init ||
      skipWrappersDown(node.init) !== promise
    ) {
      return false;
    }
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(node.id), node.id);
    if (!variable || this.#visited.has(variable) || variable.references.some((ref) => ref.isWrite() && ref.init !== true)) {
      return false;
    }
    this.#visited.add(variable);
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const flow = followPromise(reference.identifier, this.sourceCode);
      const inner = new UseTracer(this.client, this.model, this.sourceCode, this.options, flowOwner(flow, reference.identifier));
      inner.flow(flow, promise, request);
      this.uses.push(...inner.uses);
    }
    return true;
  }

  /**
   * Follows the reads of `variable`. When `binding` (the write that stored the response) is given
   * and the variable is written elsewhere too, a read belongs to this response only after that
   * write and before another write that surely runs first: a reassigned variable is judged by its
   * last value.
   */
  followVariable(variable: TSESLint.Scope.Variable, binding?: TSESTree.Identifier): void {
    if (this.#visited.has(variable)) return;
    this.#visited.add(variable);
    const writes = binding
      ? variable.references.filter((reference) => reference.isWrite() && reference.identifier !== binding)
      : [];
    const start = binding ? writeEnd(binding) : 0;
    // In a loop, a read before the write sees it on the next turn: `while (res.status === 202) res = await fetch(url)`.
    const loop = binding ? outermostLoop(binding) : null;
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const read = reference.identifier;
      const nextTurn = loop !== null && read.range[0] < start && loop.range[0] <= read.range[0];
      if (writes.length > 0 && !nextTurn && !ownsRead(start, writes, read)) continue;
      this.value(read);
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
      else if (STATUS_PROPERTIES.has(key)) this.addStatus(property, patternBinding(property.value), key === 'ok');
      else if (key === 'headers') this.add('contentType', property);
      else if (profileOf(this.client).body.properties.has(key)) this.add('body', property, key);
    }
  }

  /** `member` is `<response>.<name>`. */
  member(member: TSESTree.MemberExpression): void {
    const key = getStaticName(member);
    if (key === null) return;
    if (STATUS_PROPERTIES.has(key)) {
      this.addStatus(member, member, key === 'ok');
      return;
    }
    if (key === 'headers') {
      if (isContentTypeRead(member)) this.add('contentType', member);
      return;
    }
    if (profileOf(this.client).body.properties.has(key)) {
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
    if (profileOf(this.client).body.methods.has(key)) {
      this.add('body', call, `${key}()`, key === 'json' ? call : null);
      return;
    }
    if (this.client === 'node-http') this.stream(key, call);
  }

  /** A method call on a node `IncomingMessage`. */
  stream(key: string, call: TSESTree.CallExpression): void {
    if (LISTENER_METHODS.has(key)) {
      const event = call.arguments[0] && ASTUtils.getStringIfConstant(call.arguments[0]);
      if (event == null || !profileOf(this.client).body.events.has(event)) return;
      // `res.on('data', () => {})` drains the stream so the socket is freed; it keeps nothing of the body.
      if (event === 'data' && isDrainListener(call.arguments[1], this.sourceCode)) return;
      this.add('body', call, `${key}('${event}')`);
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
    if (summary.body) this.add('body', site, `${calleeLabel(target, this.sourceCode)}(…)`);
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
    const inner = new UseTracer(this.client, this.model, this.sourceCode, this.options, fn);
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
      checks: inner.uses.some((use) => use.kind === 'checker' || (use.kind === 'status' && use.guard?.kind !== 'none')),
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
    const shortcuts = profileOf(request.client).body.promiseMethods;
    if (shortcuts.size === 0) return;
    const outer = skipWrappersUp(request.node);
    const parent = outer.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== outer) return;
    const key = getStaticName(parent);
    const call = methodCall(parent);
    if (key !== null && call && shortcuts.has(key)) this.add('body', call, `${key}()`);
  }
}

const NO_GUARD: StatusGuard = { kind: 'none' };
const ALL_GUARD: StatusGuard = { kind: 'all' };

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['!=', '!==', '<', '<=', '==', '===', '>', '>=']);

/** Roots of test assertions: `assert(x)`, `assert.equal(x, y)`, `expect(x).toBe(y)`, `t.is(x, y)`. */
const ASSERTION_ROOTS: ReadonlySet<string> = new Set(['assert', 'expect', 't']);

/** Assertions that only ask for a truthy or present value, which every status is. */
const TRUTHY_ASSERTIONS: ReadonlySet<string> = new Set([
  'assert',
  'exists',
  'isDefined',
  'isNotNull',
  'isNotUndefined',
  'isNumber',
  'isOk',
  'ok',
  'truthy',
]);

/** `expect(x)` matchers that every status passes (alone or with `.not`). */
const WEAK_MATCHERS: ReadonlySet<string> = new Set([
  'toBeDefined',
  'toBeFalsy',
  'toBeInstanceOf',
  'toBeNull',
  'toBeNumber',
  'toBeTruthy',
  'toBeTypeOf',
  'toBeUndefined',
]);

/** Methods that send a status on to a client: `reply.status(res.status)`, `res.writeHead(upstream.status)`. */
const FORWARDING_METHODS: ReadonlySet<string> = new Set(['code', 'sendStatus', 'status', 'writeHead']);

/** Methods that log or record a value: `logger.warn(res.status)`, `metrics.record(res.status)`. */
const RECORDING_METHODS: ReadonlySet<string> = new Set([
  'addBreadcrumb',
  'capture',
  'captureMessage',
  'count',
  'debug',
  'error',
  'gauge',
  'histogram',
  'increment',
  'info',
  'log',
  'observe',
  'record',
  'set',
  'track',
  'trace',
  'warn',
]);

/** A function whose name says it checks what it is given: `assertStatus(s)`, `ensureSuccess(code)`. */
const CHECKING_NAME = /assert|check|ensure|expect|guard|handle|raise|throw|validate|verify/iu;

/** Does a function throw somewhere in its own body (not in functions nested in it)? Per function node. */
const throwsCache = new WeakMap<FunctionNode, boolean>();

/** Finds what one status read protects (see {@link StatusGuard}). */
class GuardFinder {
  readonly #ranges: TSESTree.Range[] = [];
  readonly #seen = new Set<TSESLint.Scope.Variable>();

  constructor(readonly tracer: UseTracer) {}

  guardOf(read: TSESTree.Node, decisive: boolean): StatusGuard {
    return this.#result(this.#follow(read, decisive, true, true));
  }

  /** The guard of a status bound by destructuring (`const { ok } = res`): the reads of the variable. */
  guardOfBinding(id: TSESTree.Identifier, decisive: boolean): StatusGuard {
    return this.#result(this.#variable(id, decisive, true, true));
  }

  #result(all: boolean): StatusGuard {
    if (all) return ALL_GUARD;
    return this.#ranges.length > 0 ? { kind: 'ranges', ranges: this.#ranges } : NO_GUARD;
  }

  /**
   * Follows the value at `read` up through what derives a test from it (`res.status >= 400`,
   * `!res.ok`, `[200, 204].includes(res.status)`) to the statement it decides, recording the
   * ranges it protects. `strong`: the value tells success from failure (a bare `res.status` does
   * not, every status being truthy); `whenTrue`/`whenFalse`: a true (false) value of the current
   * expression tells the status, as in `res.ok && x` (true) or `!res.ok || x` (false). Returns
   * `true` when the read protects every use.
   */
  #follow(read: TSESTree.Node, strongIn: boolean, whenTrueIn: boolean, whenFalseIn: boolean): boolean {
    let strong = strongIn;
    let whenTrue = whenTrueIn;
    let whenFalse = whenFalseIn;
    let node = skipWrappersUp(read);
    for (;;) {
      const parent = node.parent;
      if (!parent) return false;
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression:
          // `res.status.toString()`
          if (parent.object !== node) return false;
          break;
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee !== node) {
            const verdict = this.#argument(parent, strong);
            if (verdict !== 'derive') return verdict === 'all';
            // `isSuccess(res.status)`, `[200, 204].includes(res.status)`: a test of the status.
            strong = whenTrue = whenFalse = true;
          } else if (parent.arguments.length > 0) {
            // `String(res.status).startsWith('2')`
            strong = whenTrue = whenFalse = true;
          }
          break;
        case AST_NODE_TYPES.BinaryExpression:
          if (COMPARISON_OPERATORS.has(parent.operator)) {
            // `res.status != null` is true for every response.
            if (isNullish(parent.left === node ? parent.right : parent.left)) return false;
            strong = whenTrue = whenFalse = true;
          }
          break;
        case AST_NODE_TYPES.UnaryExpression:
          if (parent.operator !== '!') return false;
          [whenTrue, whenFalse] = [whenFalse, whenTrue];
          break;
        case AST_NODE_TYPES.AwaitExpression:
          break;
        case AST_NODE_TYPES.TemplateLiteral:
          strong = false;
          break;
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions.at(-1) !== node) return false;
          break;
        case AST_NODE_TYPES.LogicalExpression:
          if (parent.operator === '??') return false;
          if (!strong) break;
          if (parent.left === node && (parent.operator === '&&' ? whenTrue : whenFalse)) this.#ranges.push(parent.right.range);
          // `res.status >= 500 && res.status < 600` is still a test of the status alone: either outcome
          // tells something about it, and a guard clause on it is a deliberate decision about failures.
          // `verbose && !res.ok` is not: with `verbose` off, a failed response goes on.
          if (isStatusOnly(parent.left === node ? parent.right : parent.left, this.tracer.sourceCode, 0)) break;
          if (parent.operator === '&&') whenFalse = false;
          else whenTrue = false;
          break;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === node && strong) {
            if (whenTrue) this.#ranges.push(parent.consequent.range);
            if (whenFalse) this.#ranges.push(parent.alternate.range);
          }
          return false;
        case AST_NODE_TYPES.IfStatement:
          if (parent.test === node && strong) this.#ifGuard(parent, whenTrue, whenFalse);
          return false;
        case AST_NODE_TYPES.DoWhileStatement:
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.WhileStatement:
          if (parent.test === node && strong) {
            this.#ranges.push(parent.body.range);
            // A retry loop (`while (!res.ok && attempt < 3)`) ends on a good response or gives up:
            // the code after it is taken as guarded either way.
            this.#rest(parent);
          }
          return false;
        case AST_NODE_TYPES.SwitchCase:
          // `switch (true) { case res.status >= 500: throw ... }`
          if (parent.test === node && strong) this.#caseGuard(parent);
          return false;
        case AST_NODE_TYPES.SwitchStatement:
          if (parent.discriminant === node) this.#switchGuard(parent);
          return false;
        case AST_NODE_TYPES.ReturnStatement:
          return getEnclosingFunction(parent) === this.tracer.owner;
        case AST_NODE_TYPES.ArrowFunctionExpression:
          return parent.body === node && parent === this.tracer.owner;
        case AST_NODE_TYPES.YieldExpression:
          return true;
        case AST_NODE_TYPES.Property:
          // `return { ok: res.ok, data }`, `new Response(body, { status: res.status })`: handed on.
          return parent.value === node && !isRecorded(parent.parent);
        case AST_NODE_TYPES.AssignmentExpression:
          if (parent.right !== node) return false;
          // `ctx.status = res.status`: stored where other code reads it.
          if (parent.left.type === AST_NODE_TYPES.MemberExpression) return true;
          return parent.left.type === AST_NODE_TYPES.Identifier && this.#variable(parent.left, strong, whenTrue, whenFalse);
        case AST_NODE_TYPES.VariableDeclarator:
          return (
            parent.init === node &&
            parent.id.type === AST_NODE_TYPES.Identifier &&
            this.#variable(parent.id, strong, whenTrue, whenFalse)
          );
        default:
          return false;
      }
      node = skipWrappersUp(parent);
    }
  }

  /** `const ok = res.ok`, `const failed = res.status >= 400`: each read of the variable is a read of the test. */
  #variable(id: TSESTree.Identifier, strong: boolean, whenTrue: boolean, whenFalse: boolean): boolean {
    const variable = ASTUtils.findVariable(this.tracer.sourceCode.getScope(id), id);
    if (!variable || this.#seen.has(variable)) return false;
    this.#seen.add(variable);
    return variable.references.some(
      (reference) => reference.isRead() && this.#follow(reference.identifier, strong, whenTrue, whenFalse),
    );
  }

  /** What passing the status (or a test of it) to `call` does: checks it, drops it, or derives a test. */
  #argument(call: TSESTree.CallExpression, strong: boolean): 'all' | 'derive' | 'none' {
    const { model, options, sourceCode } = this.tracer;
    const callee = unsequenced(call.callee);
    if (model.isStatusCheckFunction(callee) || calleeMatches(callee, options.checkers)) return 'all';
    const root = rootName(callee);
    if (root === 'console') return 'none';
    if (root !== null && ASSERTION_ROOTS.has(root) && (root !== 't' || callee.type === AST_NODE_TYPES.MemberExpression)) {
      return strong || !isTruthyAssertion(call, callee) ? 'all' : 'none';
    }
    const name =
      nameOf(callee);
    if (name !== null) {
      if (callee.type === AST_NODE_TYPES.MemberExpression && FORWARDING_METHODS.has(name)) return 'all';
      if (callee.type === AST_NODE_TYPES.MemberExpression && RECORDING_METHODS.has(name)) return 'none';
      // `errors.assert(ok)` checks; `errors.assert(status)` only asks for a truthy value, which every status is.
      if (CHECKING_NAME.test(name)) return !strong && TRUTHY_ASSERTIONS.has(name) ? 'none' : 'all';
    }
    const fn = resolveFunction(callee, model, sourceCode);
    return fn && throwsInBody(fn, sourceCode) ? 'all' : 'derive';
  }

  #ifGuard(statement: TSESTree.IfStatement, whenTrue: boolean, whenFalse: boolean): void {
    const { consequent, alternate } = statement;
    if (whenTrue) this.#ranges.push(consequent.range);
    if (whenFalse && alternate) this.#ranges.push(alternate.range);
    // A guard clause: the code around it runs only when the branch that leaves was not taken.
    if ((whenFalse && leaves(consequent, true)) || (whenTrue && alternate && leaves(alternate, true))) this.#rest(statement);
    // `if (res.ok) break;` in a retry loop: the code after the loop runs once a response was good
    // (or the loop gave up, which is taken as guarded too).
    const loop = (whenTrue && breaks(consequent)) || (whenFalse && alternate && breaks(alternate)) ? enclosingLoop(statement) : null;
    if (loop) this.#rest(loop);
  }

  #caseGuard(switchCase: TSESTree.SwitchCase): void {
    this.#ranges.push(switchCase.range);
    if (switchCase.consequent.some((child) => leaves(child, false))) this.#rest(switchCase.parent);
  }

  #switchGuard(statement: TSESTree.SwitchStatement): void {
    for (const switchCase of statement.cases) this.#ranges.push(switchCase.range);
    // `break` leaves the `switch`, not the code after it.
    if (statement.cases.some((switchCase) => switchCase.consequent.some((child) => leaves(child, false)))) {
      this.#rest(statement);
    }
  }

  /** The rest of the statement list around `statement`, before it (a check after the body read) and after it. */
  #rest(statement: TSESTree.Node): void {
    const list = statement.parent;
    if (!list || !STATEMENT_LISTS.has(list.type)) return;
    this.#ranges.push([list.range[0], statement.range[0]], [statement.range[1], list.range[1]]);
    // `res.json().then((body) => { if (!res.ok) throw ... })`: the handler is the rest of the code
    // after the promise it is chained on, like the statements after `const body = await res.json()`.
    const promise = chainedPromise(list);
    if (promise) this.#ranges.push(promise.range);
  }
}

/**
 * The promise a function body is the fulfilment handler of: `res.json()` for the block of
 * `res.json().then((body) => { ... })`; `null` for any other block.
 */
function chainedPromise(block: TSESTree.Node): TSESTree.Node | null {
  const fn = block.parent;
  if (!fn || !isFunctionNode(fn) || fn.body !== block) return null;
  const call = skipWrappersUp(fn).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== skipWrappersUp(fn)) return null;
  const callee = skipWrappersDown(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && getStaticName(callee) === 'then' ? callee.object : null;
}

/** Does `node` always leave the code around it: `throw`, `return`, `continue` (and `break` where allowed)? */
function leaves(node: TSESTree.Node, allowBreak: boolean): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BreakStatement:
      return allowBreak;
    case AST_NODE_TYPES.BlockStatement:
      return node.body.some((child) => leaves(child, allowBreak));
    case AST_NODE_TYPES.IfStatement:
      return leaves(node.consequent, allowBreak) && node.alternate !== null && leaves(node.alternate, allowBreak);
    case AST_NODE_TYPES.TryStatement:
      return (
        (node.finalizer !== null && leaves(node.finalizer, allowBreak)) ||
        (leaves(node.block, allowBreak) && (node.handler === null || leaves(node.handler.body, allowBreak)))
      );
    case AST_NODE_TYPES.ExpressionStatement:
      return isSettlingCall(skipWrappersDown(node.expression)) || handsOnNewError(skipWrappersDown(node.expression));
    default:
      return false;
  }
}

/** Methods that keep or log an error rather than act on it: `errors.push(new Error(...))`. */
const KEEPING_METHODS: ReadonlySet<string> = new Set(['add', 'push', 'set', 'unshift']);

/**
 * `callback(new Error(...))`, `next(new HttpError(res.status))`, `retry(new Error('HTTP 503'))`: the
 * code makes an error of the response and hands it to whoever handles failures, which decides
 * that the response failed, like `reject(error)`. Logging it (`console.error(new Error(...))`) or
 * keeping it in a list does not.
 */
function handsOnNewError(node: TSESTree.Node): boolean {
  const call = node.type === AST_NODE_TYPES.AwaitExpression ? skipWrappersDown(node.argument) : node;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unsequenced(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getStaticName(callee);
    const owner = rootName(callee);
    if (method === null || KEEPING_METHODS.has(method) || LOG_METHODS.has(method) || (owner !== null && isLoggerName(owner))) return false;
  } else if (callee.type !== AST_NODE_TYPES.Identifier || LOG_METHODS.has(callee.name) || isLoggerName(callee.name)) {
    return false;
  }
  return call.arguments.some((argument) => {
    const value = skipWrappersDown(argument);
    if (value.type !== AST_NODE_TYPES.NewExpression) return false;
    const constructor = unsequenced(value.callee);
    const name = nameOf(constructor);
    return name !== null && /Error$/u.test(name);
  });
}


/** Does `node` end with an unlabelled `break` (alone or as the last statement of a block)? */
function breaks(node: TSESTree.Statement): boolean {
  if (node.type === AST_NODE_TYPES.BreakStatement) return node.label === null;
  if (node.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = node.body.at(-1);
  return last !== undefined && breaks(last);
}

/** The outermost loop around `node` inside its function, or `null`. */
function outermostLoop(node: TSESTree.Node): TSESTree.Node | null {
  let loop: TSESTree.Node | null = null;
  for (let current = node.parent; current && !isFunctionNode(current); current = current.parent) {
    if (isLoopNode(current)) loop = current;
  }
  return loop;
}

/** The loop an unlabelled `break` in `node` leaves; `null` when a `switch` or a function comes first. */
function enclosingLoop(node: TSESTree.Node): TSESTree.Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.SwitchCase) return null;
    if (isLoopNode(current)) return current;
  }
  return null;
}

/** How many variables a status-only test is followed through (`const code = res.status; const server = code >= 500`). */
const MAX_STATUS_ALIASES = 3;

/** Functions of a status that keep a test of it a test of the status alone: `Math.floor(res.status / 100)`. */
const STATUS_FUNCTIONS: ReadonlySet<string> = new Set(['Number', 'String', 'floor', 'trunc']);

/**
 * Is `node` computed from the status alone, with constants: `res.status <= 599`, `!res.ok`,
 * `[502, 503].includes(res.statusCode)`, `Math.floor(status / 100) === 5` where `status` holds the
 * status? A variable the code binds to something else (`verbose`, `attempt < 3`) is not.
 */
function isStatusOnly(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const inner = skipWrappersDown(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return !('regex' in inner);
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.length === 0;
    case AST_NODE_TYPES.MemberExpression:
      return STATUS_PROPERTIES.has(getStaticName(inner) ?? '');
    case AST_NODE_TYPES.UnaryExpression:
      return inner.operator !== 'delete' && inner.operator !== 'void' && isStatusOnly(inner.argument, sourceCode, depth);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return (
        inner.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
        isStatusOnly(inner.left, sourceCode, depth) &&
        isStatusOnly(inner.right, sourceCode, depth)
      );
    case AST_NODE_TYPES.ArrayExpression:
      return inner.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isStatusOnly(element, sourceCode, depth));
    case AST_NODE_TYPES.CallExpression: {
      if (!inner.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isStatusOnly(argument, sourceCode, depth))) {
        return false;
      }
      const callee = skipWrappersDown(inner.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return STATUS_FUNCTIONS.has(callee.name);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const object = skipWrappersDown(callee.object);
      // `Math.floor(...)`, `[502, 503].includes(...)`, `String(res.status).startsWith('5')`
      if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Math') return STATUS_FUNCTIONS.has(getStaticName(callee) ?? '');
      return isStatusOnly(object, sourceCode, depth);
    }
    case AST_NODE_TYPES.Identifier:
      return inner.name === 'undefined' || isStatusVariable(inner, sourceCode, depth);
    default:
      return false;
  }
}

/** Is `id` a variable that holds the status or a status-only test: `const code = res.status`, `const { ok } = res`? */
function isStatusVariable(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  if (depth >= MAX_STATUS_ALIASES) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== TSESLintValues.Scope.DefinitionType.Variable || definition.parent.kind !== 'const') return false;
  const declarator = definition.node;
  if (declarator.id === definition.name) return declarator.init !== null && isStatusOnly(declarator.init, sourceCode, depth + 1);
  // `const { ok, status } = res`: the binding comes straight from a status property.
  const property = definition.name.parent;
  return (
    property.type === AST_NODE_TYPES.Property &&
    property.value === definition.name &&
    property.parent.type === AST_NODE_TYPES.ObjectPattern &&
    property.parent === declarator.id &&
    STATUS_PROPERTIES.has(getStaticName(property) ?? '')
  );
}

/** `process.exit(1)`, or `reject(error)` in a promise executor: nothing after it changes the outcome. */
function isSettlingCall(node: TSESTree.Node): boolean {
  const call = node.type === AST_NODE_TYPES.AwaitExpression ? skipWrappersDown(node.argument) : node;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappersDown(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'reject';
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process' &&
    getStaticName(callee) === 'exit'
  );
}

function isNullish(node: TSESTree.Node): boolean {
  const inner = skipWrappersDown(node);
  return (
    (inner.type === AST_NODE_TYPES.Literal && inner.value === null && !('regex' in inner)) ||
    (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined') ||
    (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === 'void')
  );
}

/** `assert(x)`, `assert.ok(x)`, `t.truthy(x)`, `expect(x).toBeDefined()`: passed by every status. */
function isTruthyAssertion(call: TSESTree.CallExpression, callee: TSESTree.Node): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'expect') {
    let current: TSESTree.Node = skipWrappersUp(call);
    for (;;) {
      const member = current.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return true;
      const name = getStaticName(member);
      if (name !== 'not' && name !== 'resolves' && name !== 'rejects') return name === null || WEAK_MATCHERS.has(name);
      current = skipWrappersUp(member);
    }
  }
  if (callee.type === AST_NODE_TYPES.Identifier) return true;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticName(callee) : null;
  return method === null || TRUTHY_ASSERTIONS.has(method);
}

/** Is the object literal (or one it is nested in) given straight to a logging or recording call? */
function isRecorded(object: TSESTree.Node): boolean {
  let current = skipWrappersUp(object);
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.Property || current.parent.type === AST_NODE_TYPES.ObjectExpression || current.parent.type === AST_NODE_TYPES.ArrayExpression)
  ) {
    current = skipWrappersUp(current.parent);
  }
  const call = current.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === current) return false;
  const callee = skipWrappersDown(call.callee);
  if (rootName(callee) === 'console') return true;
  const name =
    nameOf(callee);
  return name !== null && RECORDING_METHODS.has(name);
}

/** The identifier a member chain starts from: `assert` of `assert.strict.equal`. */
function rootName(node: TSESTree.Node): string | null {
  let current = skipWrappersDown(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappersDown(current.object);
  if (current.type === AST_NODE_TYPES.CallExpression) return rootName(current.callee);
  return current.type === AST_NODE_TYPES.Identifier ? current.name : null;
}

function throwsInBody(fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  const cached = throwsCache.get(fn);
  if (cached !== undefined) return cached;
  const throws = walk(fn.body, sourceCode, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) return 'stop';
    return isFunctionNode(node) ? 'skip' : undefined;
  });
  throwsCache.set(fn, throws);
  return throws;
}

/** Where a write of a variable ends: reads inside `res = await retry(res)` still see the old value. */
function writeEnd(id: TSESTree.Node): number {
  const parent = id.parent;
  /* v8 ignore next -- a written identifier always has a parent */
  if (!parent) return id.range[1];
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === id) return parent.range[1];
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === id) return parent.range[1];
  return id.range[1];
}

/**
 * Does the read see the value written where `start` is? Not before it, and not after another
 * write that surely runs in between: a statement of a block that holds the read, in the same function.
 */
function ownsRead(start: number, writes: readonly TSESLint.Scope.Reference[], read: TSESTree.Node): boolean {
  if (read.range[0] < start) return false;
  const fn = getEnclosingFunction(read);
  return !writes.some((write) => {
    const end = writeEnd(write.identifier);
    if (end <= start || end > read.range[0]) return false;
    const assignment = write.identifier.parent;
    const statement = assignment.parent;
    const list = statement?.parent;
    return (
      assignment.type === AST_NODE_TYPES.AssignmentExpression &&
      statement?.type === AST_NODE_TYPES.ExpressionStatement &&
      list !== undefined &&
      STATEMENT_LISTS.has(list.type) &&
      list.range[0] <= read.range[0] &&
      read.range[1] <= list.range[1] &&
      getEnclosingFunction(statement) === fn
    );
  });
}

/** The function a response is bound in along `flow` (reached from `node`). */
function flowOwner(flow: ResponseFlow, node: TSESTree.Node): FunctionNode | null {
  return flow.kind === 'variable' ? (flow.callback ?? getEnclosingFunction(flow.id)) : getEnclosingFunction(node);
}

/** The variable a destructured property is bound to: `ok` of `{ ok }` or `{ ok = false }`. */
function patternBinding(value: TSESTree.Node): TSESTree.Identifier | null {
  const target = value.type === AST_NODE_TYPES.AssignmentPattern ? value.left : value;
  return target.type === AST_NODE_TYPES.Identifier ? target : null;
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
