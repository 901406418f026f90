/**
 * Summaries of the functions a file calls, read from their declarations wherever they live (type-aware
 * mode only). The checker finds the declaration of a callee in another file; its TypeScript AST tells
 * whether it sends a request, whether an error status can reach its caller, and whether it sets a
 * deadline. A summary is computed once per declaration for the whole lint run, follows calls at most
 * {@link MAX_DEPTH} deep, and gives up on bodies larger than {@link MAX_BODY}.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { ClientName } from '../clients/catalogue';
import type { HttpModel, HttpRequest } from './http';
import type { TypeInfo } from './type-info';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import { getStaticName, isFunctionNode, isMemberNamed, nodesOfType, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { axiosProfile } from '../clients/axios';
import { profileOf } from '../clients/catalogue';
import { fetchProfile } from '../clients/fetch';
import { hasDefaultTimeout, isDisabledTimeout } from '../clients/timeouts';
import { getHttpModel } from './http';
import { STATUS_PROPERTIES } from './response-uses';
import { declaredRequest, responseClientOf } from './summary-clients';
import { askChecker, loadTypeScript } from './type-info';

/**
 * What a caller gets when the server answers with an error status:
 * - `rejects`: the callee throws (it checks the status, or its client rejects by default);
 * - `resolves`: the error response reaches the caller;
 * - `unknown`: the summary cannot tell (no body, no request it can see, options it cannot read).
 */
export type StatusOutcome = 'rejects' | 'resolves' | 'unknown';

/** What a callee does, as far as its declaration shows. */
export interface CalleeSummary {
  /** The client of a request it sends, itself or through the functions it calls; `null` when it sends none it shows. */
  readonly client: ClientName | null;
  readonly status: StatusOutcome;
  /** It reads a status (`ok`, `status`, `statusCode`) in a condition: what an `assertOk(res)` helper does. */
  readonly checksStatus: boolean;
  /** It reads a `content-type` header. */
  readonly checksContentType: boolean;
  /** Every request it sends has a deadline (a `signal`, a `timeout`, `AbortSignal.timeout()`, a client default). */
  readonly setsDeadline: boolean;
  /** What it returns: the response, the parsed body, or something the summary cannot name. */
  readonly returns: 'body' | 'response' | 'unknown';
}

/** How a client that a typed call resolves with treats error statuses, for the status rules. */
export interface TypedStatusPolicy {
  /** The client whose response the call resolves with. */
  readonly client: ClientName;
  /** Why it resolves on errors, for messages (`''` for fetch, which always does). */
  readonly reason: string;
  readonly check: 'ok' | 'status' | 'statusCode';
  /** Whether the `res.ok` check suggestion fits. */
  readonly suggest: boolean;
}

/** How many calls deep a summary follows. */
export const MAX_DEPTH = 3;

/** Longest function body, in characters, that is summarised. */
export const MAX_BODY = 20_000;

/** Most calls of one body that are resolved to their declarations. */
const MAX_CALLS = 40;

const UNKNOWN: CalleeSummary = {
  client: null,
  status: 'unknown',
  checksStatus: false,
  checksContentType: false,
  setsDeadline: false,
  returns: 'unknown',
};

/** Error statuses a `validateStatus` function is tried with. */
const ERROR_STATUSES: readonly number[] = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];

// The Fetch `Response` body reads (`body`, `json()`, ...) and axios's `data`.
const BODY_READS: ReadonlySet<string> = new Set([
  ...fetchProfile.body.methods,
  ...fetchProfile.body.properties,
  ...axiosProfile.body.properties,
]);

/** Names of assertion functions a status may be handed to: `assert(res.ok)`. */
const ASSERTION = /^(?:assert|ensure|expect|invariant|require)/iu;

/** Summaries per declaration, with the depth budget they were computed with. */
const cache = new WeakMap<ts.Node, { readonly summary: CalleeSummary; readonly budget: number }>();

/** Declarations being summarised: a recursive function is not followed into itself. */
const active = new Set<ts.Node>();

/**
 * The summary of the function `call` calls: a client's request API (read from the call's own
 * arguments), or a function with a body in any file of the program. `null` without types or when the
 * checker finds no declaration.
 */
export function summarizeCall(call: TSESTree.CallExpression, info: TypeInfo | null): CalleeSummary | null {
  if (!info) return null;
  const node = info.services.esTreeNodeToTSNodeMap.get(call) as ts.Node | undefined;
  const typescript = loadTypeScript();
  if (!node || !typescript.isCallExpression(node)) return null;
  // The callee is the first level; the functions it calls are followed to `MAX_DEPTH` in all.
  return askChecker(null, () => new Summarizer(info, typescript).call(node, MAX_DEPTH - 1));
}

/**
 * How the response of a typed call treats error statuses: `null` when errors never reach the
 * caller (the callee checks, or its client rejects), so there is nothing to check. A Fetch
 * `Response` of a callee the summary cannot read resolves on errors, as `fetch` does; the other
 * clients' responses are reported only when the callee shows it turned the rejection off.
 */
export function typedStatusPolicy(call: TSESTree.CallExpression, info: TypeInfo | null): TypedStatusPolicy | null {
  if (!info) return null;
  const client = askChecker(null, () => responseClientOf(info.services.getTypeAtLocation(call), info));
  if (!client) return null;
  const summary = summarizeCall(call, info);
  const status = summary?.status ?? 'unknown';
  if (status === 'rejects' || (status === 'unknown' && client !== 'fetch')) return null;
  const policy = profileOf(client).status;
  return {
    client,
    reason: policy.option === null ? '' : ` with its \`${policy.option}\``,
    check: policy.check,
    suggest: policy.fetchResponse,
  };
}

/** Does the callee of a typed call check the status and the `content-type` (when `contentType`)? */
export function typedCallChecks(call: TSESTree.CallExpression, info: TypeInfo | null, contentType: boolean): boolean {
  const summary = summarizeCall(call, info);
  return summary !== null && summary.status === 'rejects' && (!contentType || summary.checksContentType);
}

/** Does the callee of `call`, read from its declaration, give every request it sends a deadline? */
export function callSetsDeadline(call: TSESTree.CallExpression, info: TypeInfo | null): boolean {
  return summarizeCall(call, info)?.setsDeadline === true;
}

const typedRequests = new WeakMap<TSESTree.Program, readonly HttpRequest[]>();

/**
 * Requests of the file that only their types show, beyond the Fetch `Response` ones the HTTP model
 * has: awaited (or `.then`-chained) calls that resolve with an `AxiosResponse`, got's `Response`,
 * ky's `KyResponse` or undici's `ResponseData`. Empty without types. Built once per file.
 */
export function getTypedRequests(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): readonly HttpRequest[] {
  const sourceCode = context.sourceCode;
  let requests = typedRequests.get(sourceCode.ast);
  if (!requests) {
    requests = findTypedRequests(getHttpModel(context), sourceCode);
    typedRequests.set(sourceCode.ast, requests);
  }
  return requests;
}

/** The iteration methods whose callbacks all run at once when they return promises. */
const FAN_OUT_METHODS: ReadonlySet<string> = new Set(['flatMap', 'forEach', 'map']);

/**
 * Calls in fan-out callbacks (`items.map((x) => ...)`) that send a request through a function the
 * file does not define, as the callee's summary or its response type shows:
 * `channels.map((c) => this.notifier.send(c))` where `send` posts with axios in another module.
 * Empty without types.
 */
export function findSummarizedRequests(sourceCode: TSESLint.SourceCode, model: HttpModel): ReadonlySet<TSESTree.CallExpression> {
  const found = new Set<TSESTree.CallExpression>();
  const info = model.types;
  if (!info) return found;
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression)) {
    if (model.requestOf(node) || !isInFanOutCallback(node) || callsPlainGlobal(node, sourceCode)) continue;
    if (askChecker(null, () => responseClientOf(info.services.getTypeAtLocation(node), info)) !== null || summarizeCall(node, info)?.client) {
      found.add(node);
    }
  }
  return found;
}

/** Global functions that return a primitive (or nothing): never a response, and no body to summarise. */
const PLAIN_GLOBAL_FUNCTIONS: ReadonlySet<string> = new Set([
  'Boolean',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'isFinite',
  'isNaN',
  'Number',
  'parseFloat',
  'parseInt',
  'String',
]);

/** Global objects whose every method returns a primitive (or nothing). */
const PLAIN_GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['console', 'Math']);

/**
 * Is `call` one of the globals above (`String(x)`, `console.log(x)`, `Math.max(a, b)`,
 * `JSON.stringify(x)`), not shadowed by a name of the file? The checker is not asked about those.
 */
function callsPlainGlobal(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const callee = skipWrappersDown(call.callee);
  let root: TSESTree.Identifier;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (!PLAIN_GLOBAL_FUNCTIONS.has(callee.name)) return false;
    root = callee;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const object = callee.object.name;
    if (!PLAIN_GLOBAL_OBJECTS.has(object) && !(object === 'JSON' && getStaticName(callee) === 'stringify')) return false;
    root = callee.object;
  } else {
    return false;
  }
  const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
  return !variable || variable.defs.length === 0;
}

class Summarizer {
  constructor(
    private readonly info: TypeInfo,
    private readonly api: typeof ts,
  ) {}

  /** The summary of what `call` does, with `budget` levels of calls left to follow. */
  call(call: ts.CallExpression, budget: number): CalleeSummary | null {
    const declaration = this.declarationOf(call);
    if (!declaration) return null;
    const request = declaredRequest(declaration, this.info);
    if (request) return this.request(call, request.client);
    const fn = this.withBody(declaration);
    return fn ? this.function(fn, budget) : null;
  }

  private declarationOf(call: ts.CallExpression): ts.Declaration | null {
    const checker = this.info.checker;
    const signature = checker.getResolvedSignature(call);
    const declaration = signature?.declaration;
    if (declaration && !this.api.isJSDocSignature(declaration)) return declaration;
    let symbol = checker.getSymbolAtLocation(this.api.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression);
    if (symbol && symbol.flags & this.api.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0] ?? null;
  }

  /** The function with a body that `declaration` is or holds: an overload's implementation, `const f = () => ...`. */
  private withBody(declaration: ts.Declaration): ts.FunctionLikeDeclaration | null {
    const typescript = this.api;
    let node: ts.Node = declaration;
    if ((typescript.isVariableDeclaration(node) || typescript.isPropertyDeclaration(node) || typescript.isPropertyAssignment(node)) && node.initializer) {
      node = typescript.skipPartiallyEmittedExpressions(node.initializer);
      while (typescript.isParenthesizedExpression(node) || typescript.isAsExpression(node) || typescript.isSatisfiesExpression(node)) {
        node = node.expression;
      }
    }
    if (!typescript.isFunctionLike(node)) return null;
    const fn = node as ts.FunctionLikeDeclaration;
    if (fn.body) return fn;
    // An overload signature: the implementation is the declaration of the same symbol with a body.
    const symbol = fn.name ? this.info.checker.getSymbolAtLocation(fn.name) : undefined;
    const implementation = symbol?.declarations?.find((candidate) => typescript.isFunctionLike(candidate) && (candidate as ts.FunctionLikeDeclaration).body);
    return (implementation as ts.FunctionLikeDeclaration | undefined) ?? null;
  }

  /** A request of a client's own API, as its arguments show it. */
  private request(call: ts.CallExpression, client: ClientName): CalleeSummary {
    const objects = call.arguments.filter((argument): argument is ts.ObjectLiteralExpression => this.api.isObjectLiteralExpression(argument));
    const unknownOptions =
      call.arguments.some((argument) => this.api.isSpreadElement(argument)) ||
      objects.some((object) => object.properties.some((property) => this.api.isSpreadAssignment(property)));
    const option = profileOf(client).status.option;
    let status: StatusOutcome = option ? 'rejects' : 'resolves';
    if (option) {
      const value = objects.map((object) => this.property(object, option)).find((found) => found !== undefined);
      const accepts = value === undefined ? false : client === 'axios' ? this.acceptsByValidateStatus(value) : this.acceptsByThrowHttpErrors(value);
      if (accepts) status = 'resolves';
    }
    const deadline = objects.some((object) => this.deadlineOption(object, client));
    return {
      ...UNKNOWN,
      client,
      status: unknownOptions && status === 'rejects' ? 'unknown' : status,
      // ky stops after 10 s by default; undici's `request` has its 300 s header and body timeouts.
      // https://github.com/sindresorhus/ky#timeout, https://undici.nodejs.org/#/docs/api/Dispatcher
      setsDeadline: deadline || (hasDefaultTimeout(client) && !objects.some((object) => this.disablesTimeout(object, client))),
      returns: 'response',
    };
  }

  private property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
    for (const property of object.properties) {
      if (!property.name || this.nameOf(property.name) !== name) continue;
      if (this.api.isPropertyAssignment(property)) return property.initializer;
      if (this.api.isShorthandPropertyAssignment(property)) return property.name;
      if (this.api.isMethodDeclaration(property)) return property as unknown as ts.Expression;
    }
    return undefined;
  }

  private nameOf(name: ts.PropertyName): string | null {
    return this.api.isIdentifier(name) || this.api.isStringLiteral(name) ? name.text : null;
  }

  /** A `signal` or a `timeout` that is not turned off. */
  private deadlineOption(object: ts.ObjectLiteralExpression, client: ClientName): boolean {
    if (this.property(object, 'signal') !== undefined) return true;
    const timeout = this.property(object, 'timeout');
    return timeout !== undefined && !isDisabledTimeout(client, this.literal(timeout));
  }

  private disablesTimeout(object: ts.ObjectLiteralExpression, client: ClientName): boolean {
    const timeout = this.property(object, 'timeout');
    return timeout !== undefined && isDisabledTimeout(client, this.literal(timeout));
  }

  /** The value of a literal (`0`, `false`, `null`, `Infinity`), or `undefined` when it is not one. */
  private literal(node: ts.Expression): unknown {
    const typescript = this.api;
    if (typescript.isNumericLiteral(node)) return Number(node.text);
    if (node.kind === typescript.SyntaxKind.FalseKeyword) return false;
    if (node.kind === typescript.SyntaxKind.TrueKeyword) return true;
    if (node.kind === typescript.SyntaxKind.NullKeyword) return null;
    if (typescript.isIdentifier(node) && node.text === 'Infinity') return Number.POSITIVE_INFINITY;
    return undefined;
  }

  /**
   * axios resolves when `validateStatus` is `null`/`false` or returns true for an error status.
   * https://axios-http.com/docs/handling_errors
   */
  private acceptsByValidateStatus(value: ts.Expression): boolean {
    const literal = this.literal(value);
    if (literal === null || literal === false) return true;
    return this.triesErrorStatus(value, (result) => result === true);
  }

  /** got and ky resolve with `throwHttpErrors: false` (ky also takes a function of the status). */
  private acceptsByThrowHttpErrors(value: ts.Expression): boolean {
    if (this.literal(value) === false) return true;
    return this.triesErrorStatus(value, (result) => result === false);
  }

  /** Does the arrow or function `node` answer `accepted` for some error status? */
  private triesErrorStatus(node: ts.Node, accepted: (result: unknown) => boolean): boolean {
    const typescript = this.api;
    if (!typescript.isArrowFunction(node) && !typescript.isFunctionExpression(node) && !typescript.isMethodDeclaration(node)) return false;
    const parameter = node.parameters[0];
    const name = parameter && typescript.isIdentifier(parameter.name) ? parameter.name.text : null;
    let expression: ts.Node | undefined = node.body;
    if (expression && typescript.isBlock(expression)) {
      const only = expression.statements.length === 1 ? expression.statements[0] : undefined;
      expression = only && typescript.isReturnStatement(only) ? only.expression : undefined;
    }
    if (!expression) return false;
    const body = expression;
    return ERROR_STATUSES.some((status) => accepted(this.evaluate(body, name, status)));
  }

  /** Evaluates the small expressions status predicates are written with; `undefined` when it cannot. */
  private evaluate(node: ts.Node, parameter: string | null, status: number): unknown {
    const typescript = this.api;
    if (typescript.isParenthesizedExpression(node)) return this.evaluate(node.expression, parameter, status);
    if (typescript.isIdentifier(node)) return node.text === parameter ? status : undefined;
    if (typescript.isPrefixUnaryExpression(node) && node.operator === typescript.SyntaxKind.ExclamationToken) {
      const operand = this.evaluate(node.operand, parameter, status);
      return operand === undefined ? undefined : !operand;
    }
    if (typescript.isBinaryExpression(node)) {
      const left = this.evaluate(node.left, parameter, status);
      const right = this.evaluate(node.right, parameter, status);
      if (typeof left !== typeof right || left === undefined) return undefined;
      const a = left as number;
      const b = right as number;
      switch (node.operatorToken.kind) {
        case typescript.SyntaxKind.LessThanToken:
          return a < b;
        case typescript.SyntaxKind.LessThanEqualsToken:
          return a <= b;
        case typescript.SyntaxKind.GreaterThanToken:
          return a > b;
        case typescript.SyntaxKind.GreaterThanEqualsToken:
          return a >= b;
        case typescript.SyntaxKind.EqualsEqualsEqualsToken:
          return a === b;
        case typescript.SyntaxKind.ExclamationEqualsEqualsToken:
          return a !== b;
        case typescript.SyntaxKind.AmpersandAmpersandToken:
          return a && b;
        case typescript.SyntaxKind.BarBarToken:
          return a || b;
        default:
          return undefined;
      }
    }
    return this.literal(node as ts.Expression);
  }

  /** The summary of a function with a body, from the cache or walked now. */
  private function(fn: ts.FunctionLikeDeclaration, budget: number): CalleeSummary {
    const cached = cache.get(fn);
    if (cached && cached.budget >= budget) return cached.summary;
    const body = fn.body;
    if (!body || active.has(fn) || body.end - body.pos > MAX_BODY) return UNKNOWN;
    active.add(fn);
    let summary: CalleeSummary;
    try {
      summary = this.walkBody(body, budget);
    } finally {
      active.delete(fn);
    }
    cache.set(fn, { summary, budget });
    return summary;
  }

  private walkBody(body: ts.ConciseBody, budget: number): CalleeSummary {
    const typescript = this.api;
    const reached: CalleeSummary[] = [];
    // Fields rather than variables: the visitor below sets them.
    const seen = { checksStatus: false, checksContentType: false, abortSignalTimeout: false, calls: 0 };
    const returns: ('body' | 'response' | 'unknown')[] = [];
    if (!typescript.isBlock(body)) returns.push(this.returned(body));

    const visit = (node: ts.Node): void => {
      if (typescript.isPropertyAccessExpression(node)) {
        const name = node.name.text;
        if (STATUS_PROPERTIES.has(name) && this.inCondition(node)) seen.checksStatus = true;
      } else if (typescript.isStringLiteral(node) && node.text.toLowerCase() === 'content-type') {
        seen.checksContentType = true;
      } else if (typescript.isReturnStatement(node) && node.expression) {
        if (this.ownFunction(node) === body.parent) returns.push(this.returned(node.expression));
      } else if (typescript.isCallExpression(node)) {
        const callee = node.expression;
        if (typescript.isPropertyAccessExpression(callee) && callee.name.text === 'timeout' && typescript.isIdentifier(callee.expression) && callee.expression.text === 'AbortSignal') {
          seen.abortSignalTimeout = true;
        } else if (seen.calls < MAX_CALLS) {
          seen.calls++;
          const summary = budget > 0 ? this.call(node, budget - 1) : this.libraryRequest(node);
          if (summary) {
            // `assertOk(res)`: a helper that checks the status it is given, and sends nothing itself.
            if (summary.checksStatus && summary.client === null && node.arguments.length > 0) seen.checksStatus = true;
            else if (summary.client !== null) reached.push(summary);
          }
          if (budget > 0 && this.passesChecker(node, budget - 1)) seen.checksStatus = true;
        }
      }
      typescript.forEachChild(node, visit);
    };
    visit(body);

    const client = reached[0]?.client ?? null;
    let status: StatusOutcome = 'unknown';
    if (seen.checksStatus) status = 'rejects';
    else if (reached.some((summary) => summary.status === 'resolves')) status = 'resolves';
    else if (reached.length > 0 && reached.every((summary) => summary.status === 'rejects')) status = 'rejects';
    const kinds = new Set(returns);
    return {
      client,
      status,
      checksStatus: seen.checksStatus,
      checksContentType: seen.checksContentType || reached.some((summary) => summary.checksContentType),
      setsDeadline: reached.length > 0 && (seen.abortSignalTimeout || reached.every((summary) => summary.setsDeadline)),
      returns: kinds.size === 1 ? (returns[0] ?? 'unknown') : 'unknown',
    };
  }

  /** A client's request at the last level, where project functions are no longer followed. */
  private libraryRequest(call: ts.CallExpression): CalleeSummary | null {
    const declaration = this.declarationOf(call);
    const request = declaration && declaredRequest(declaration, this.info);
    return request ? this.request(call, request.client) : null;
  }

  /** `.then(checkStatus)`: a function handed to `then` that checks the status it is given. */
  private passesChecker(call: ts.CallExpression, budget: number): boolean {
    const typescript = this.api;
    const callee = call.expression;
    if (!typescript.isPropertyAccessExpression(callee) || callee.name.text !== 'then') return false;
    const handler = call.arguments[0];
    if (!handler || !(typescript.isIdentifier(handler) || typescript.isPropertyAccessExpression(handler))) return false;
    let symbol = this.info.checker.getSymbolAtLocation(typescript.isPropertyAccessExpression(handler) ? handler.name : handler);
    if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = this.info.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    const fn = declaration && this.withBody(declaration);
    return fn ? this.function(fn, budget).checksStatus : false;
  }

  /** Is a status read part of a decision: an `if`, a `?:`, a `switch`, `&&`/`||`, an assertion? */
  private inCondition(read: ts.Node): boolean {
    const typescript = this.api;
    let child: ts.Node = read;
    for (let current = read.parent; !typescript.isFunctionLike(current) && !typescript.isSourceFile(current); child = current, current = current.parent) {
      if (typescript.isIfStatement(current) || typescript.isWhileStatement(current)) return current.expression === child;
      if (typescript.isConditionalExpression(current)) return current.condition === child;
      if (typescript.isSwitchStatement(current)) return current.expression === child;
      if (typescript.isCallExpression(current) && current.arguments.includes(child as ts.Expression)) {
        const callee = current.expression;
        const name = typescript.isIdentifier(callee) ? callee.text : typescript.isPropertyAccessExpression(callee) ? callee.name.text : '';
        return ASSERTION.test(name);
      }
      if (
        typescript.isBinaryExpression(current) &&
        (current.operatorToken.kind === typescript.SyntaxKind.AmpersandAmpersandToken || current.operatorToken.kind === typescript.SyntaxKind.BarBarToken) &&
        current.left === child
      ) {
        return true;
      }
      if (typescript.isBlock(current) || typescript.isExpressionStatement(current) || typescript.isVariableStatement(current)) return false;
    }
    return false;
  }

  /** The function a node is in. */
  private ownFunction(node: ts.Node): ts.Node | undefined {
    let current = node.parent;
    while (!this.api.isFunctionLike(current) && !this.api.isSourceFile(current)) current = current.parent;
    return current;
  }

  /** What a returned expression is: a parsed body (`res.json()`, `res.data`), the response, or unknown. */
  private returned(expression: ts.Expression): 'body' | 'response' | 'unknown' {
    const typescript = this.api;
    let node: ts.Expression = expression;
    while (typescript.isAwaitExpression(node) || typescript.isParenthesizedExpression(node)) node = node.expression;
    const read = typescript.isCallExpression(node) ? node.expression : node;
    if (typescript.isPropertyAccessExpression(read) && BODY_READS.has(read.name.text)) return 'body';
    return responseClientOf(this.info.checker.getTypeAtLocation(node), this.info) === null ? 'unknown' : 'response';
  }
}

/** Is `call` inside a callback of `items.map(...)`, `items.forEach(...)` or `Array.from(items, ...)`? */
function isInFanOutCallback(call: TSESTree.CallExpression): boolean {
  for (let current: TSESTree.Node | undefined = call.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const outer = skipWrappersUp(current);
    const parent = outer.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(outer as TSESTree.CallExpressionArgument)) return false;
    const callee = skipWrappersDown(parent.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticName(callee) : null;
    return method !== null && (FAN_OUT_METHODS.has(method) || method === 'from');
  }
  return false;
}

function findTypedRequests(model: HttpModel, sourceCode: TSESLint.SourceCode): readonly HttpRequest[] {
  const info = model.types;
  if (!info) return [];
  const found: HttpRequest[] = [];
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression)) {
    if (model.requestOf(node) || !isAwaitedOrChained(node)) continue;
    const callee = skipWrappersDown(node.callee);
    if (isMemberNamed(callee, PROMISE_METHODS)) continue;
    const client = askChecker(null, () => responseClientOf(info.services.getTypeAtLocation(node), info));
    if (client === null || client === 'fetch') continue;
    found.push({
      node,
      client,
      method: null,
      source: 'typed',
      module: null,
      instance: null,
      url: null,
      options: { kind: 'unknown', node: null },
      callback: null,
      deadlineFromWrapper: false,
      localResource: false,
    });
  }
  return found;
}

const PROMISE_METHODS: ReadonlySet<string> = new Set(['catch', 'finally', 'then']);

function isAwaitedOrChained(call: TSESTree.CallExpression): boolean {
  const outer = skipWrappersUp(call);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer && isMemberNamed(parent, PROMISE_METHODS);
}
