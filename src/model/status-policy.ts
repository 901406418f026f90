/**
 * How each client treats HTTP error statuses for one request: whether its promise (or callback)
 * resolves on a 404 or a 500, which option made it so, and which property tells an error apart. Read by
 * `require-status-check`; the facts per client come from the client profiles.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { HttpRequest } from './http';
import type { TypeInfo } from './type-info';
import { isFunctionNode, skipWrappersDown } from '../ast/nodes';
import { profileOf } from '../clients/catalogue';
import { lookupInstanceOption, lookupOption } from './http';
import { isFetchStyleRequest } from './response-uses';
import { typedStatusPolicy } from './summaries';
/** How a client treats HTTP error statuses, for one request. */
export interface Policy {
  /** The request as the code names it: `fetch`, `api.get`, `https.get`. */
  readonly client: string;
  /** `resolves` for promises, `calls back` for node's callbacks. */
  readonly settles: string;
  /** Why the client does not reject here, or `''` when it never does. */
  readonly reason: string;
  /** The property that tells an error status apart. */
  readonly check: 'ok' | 'status' | 'statusCode';
  /** Whether the response is a Fetch `Response`, which the suggestion's `res.ok` check fits. */
  readonly suggest: boolean;
}

/** Error statuses a `validateStatus` or `throwHttpErrors` function is tried with. */
const ERROR_STATUSES: readonly number[] = [400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504];

/** An expression the little evaluator below cannot decide. */
const UNKNOWN = Symbol('unknown');

/** How `request`'s client treats HTTP errors, or `null` when it rejects on them (or is not the network). */
export function policyOf(request: HttpRequest, sourceCode: TSESLint.SourceCode): Policy | null {
  const client = requestLabel(request, sourceCode);
  const { status, streamMethods } = profileOf(request.client);
  switch (request.client) {
    case 'fetch':
      // https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch#return_value: only network errors reject.
      return isFetchStyleRequest(request)
        ? { client, settles: 'resolves', reason: '', check: status.check, suggest: status.fetchResponse }
        : null;
    case 'undici':
      // https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
      return request.method === 'request'
        ? { client, settles: 'resolves', reason: '', check: status.check, suggest: status.fetchResponse }
        : null;
    case 'node-http':
      // https://nodejs.org/api/http.html#class-httpincomingmessage: the callback runs for every status.
      return request.callback
        ? { client, settles: 'calls back', reason: '', check: status.check, suggest: status.fetchResponse }
        : null;
    case 'axios': {
      // https://axios-http.com/docs/handling_errors: `validateStatus` decides what rejects.
      const value = acceptingOption(request, status.option, acceptsErrorsByValidateStatus);
      return value
        ? { client, settles: 'resolves', reason: ' with this `validateStatus`', check: status.check, suggest: status.fetchResponse }
        : null;
    }
    case 'got':
    case 'ky': {
      // https://github.com/sindresorhus/got/blob/main/documentation/2-options.md#throwhttperrors
      // https://github.com/sindresorhus/ky#throwhttperrors
      if (request.method !== null && streamMethods.has(request.method)) return null;
      const value = acceptingOption(request, status.option, acceptsErrorsByThrowHttpErrors);
      if (!value) return null;
      return {
        client,
        settles: 'resolves',
        reason:
          value.type === AST_NODE_TYPES.Literal ? ' with `throwHttpErrors: false`' : ' with this `throwHttpErrors`',
        check: status.check,
        suggest: status.fetchResponse,
      };
    }
  }
}

/** A typed call's policy, from its type and its callee's summary: `null` when the callee checks or its client rejects. */
export function typedPolicy(request: HttpRequest, types: TypeInfo | null, sourceCode: TSESLint.SourceCode): Policy | null {
  const policy = typedStatusPolicy(request.node, types);
  return policy && { ...policy, client: requestLabel(request, sourceCode), settles: 'resolves' };
}

/**
 * The value of option `name` (the client's status option), set on the call or else on the client
 * instance, when it makes the client resolve on error statuses; `null` otherwise. Unknown settings
 * are not reported.
 */
function acceptingOption(
  request: HttpRequest,
  name: string | null,
  accepts: (value: TSESTree.Node) => boolean | null,
): TSESTree.Node | null {
  if (name === null) return null;
  let lookup = lookupOption(request.options, name);
  if (lookup.kind === 'missing' && request.instance) lookup = lookupInstanceOption(request.instance, name);
  if (lookup.kind !== 'found') return null;
  const value = skipWrappersDown(lookup.value);
  return accepts(value) === true ? value : null;
}

/**
 * axios resolves when `validateStatus` is unset (`null`, `undefined`, `false`) or returns true.
 * https://github.com/axios/axios/blob/v1.x/lib/core/settle.js
 */
function acceptsErrorsByValidateStatus(value: TSESTree.Node): boolean | null {
  const node = skipWrappersDown(value);
  if (node.type === AST_NODE_TYPES.Literal) return node.value === null || node.value === false ? true : null;
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') return true;
  return someErrorStatus(node, (result) => Boolean(result));
}

/** got and ky resolve when `throwHttpErrors` is `false` (ky also takes a function of the status). */
function acceptsErrorsByThrowHttpErrors(value: TSESTree.Node): boolean | null {
  const node = skipWrappersDown(value);
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'boolean' ? !node.value : null;
  return someErrorStatus(node, (result) => !result);
}

/**
 * Tries the function `node` (`(status) => status < 500`) with common error statuses; `null`
 * when it is not a function whose body this evaluator understands.
 */
function someErrorStatus(node: TSESTree.Node, accepted: (result: unknown) => boolean): boolean | null {
  if (!isFunctionNode(node) || node.async || node.generator) return null;
  const param = node.params[0];
  if (param && param.type !== AST_NODE_TYPES.Identifier) return null;
  let expression: TSESTree.Node | null;
  if (node.body.type !== AST_NODE_TYPES.BlockStatement) {
    expression = node.body;
  } else {
    const only = node.body.body[0];
    if (node.body.body.length !== 1 || only?.type !== AST_NODE_TYPES.ReturnStatement) return null;
    expression = only.argument;
  }
  if (!expression) return null;
  let accepts = false;
  for (const status of ERROR_STATUSES) {
    const result = evaluate(expression, param?.name ?? null, status);
    if (result === UNKNOWN) return null;
    if (accepted(result)) accepts = true;
  }
  return accepts;
}

/** Evaluates the small expressions status predicates are written with, `param` being `status`. */
function evaluate(node: TSESTree.Node, param: string | null, status: number): unknown {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return node.value;
    case AST_NODE_TYPES.Identifier:
      if (node.name === param) return status;
      return node.name === 'undefined' ? undefined : UNKNOWN;
    case AST_NODE_TYPES.UnaryExpression: {
      const argument = evaluate(node.argument, param, status);
      if (argument === UNKNOWN) return UNKNOWN;
      if (node.operator === '!') return !argument;
      if (node.operator === '-') return -Number(argument);
      return UNKNOWN;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = evaluate(node.left, param, status);
      if (left === UNKNOWN) return UNKNOWN;
      if (node.operator === '&&') return left ? evaluate(node.right, param, status) : left;
      if (node.operator === '||') return left ? left : evaluate(node.right, param, status);
      return UNKNOWN;
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const test = evaluate(node.test, param, status);
      if (test === UNKNOWN) return UNKNOWN;
      return evaluate(test ? node.consequent : node.alternate, param, status);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return binary(node, param, status);
    case AST_NODE_TYPES.CallExpression:
      return includes(node, param, status);
    default:
      return UNKNOWN;
  }
}

function binary(node: TSESTree.BinaryExpression, param: string | null, status: number): unknown {
  const left = evaluate(node.left, param, status);
  const right = evaluate(node.right, param, status);
  if (left === UNKNOWN || right === UNKNOWN || typeof left === 'object' || typeof right === 'object') return UNKNOWN;
  const a = left as number;
  const b = right as number;
  switch (node.operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '===':
    case '==':
      return a === b;
    case '!==':
    case '!=':
      return a !== b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    default:
      return UNKNOWN;
  }
}

/** `[200, 404].includes(status)`. */
function includes(node: TSESTree.CallExpression, param: string | null, status: number): unknown {
  const callee = node.callee;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    callee.property.name !== 'includes' ||
    callee.object.type !== AST_NODE_TYPES.ArrayExpression ||
    node.arguments.length !== 1
  ) {
    return UNKNOWN;
  }
  const argument = node.arguments[0];
  /* v8 ignore next -- the length was checked */
  if (!argument) return UNKNOWN;
  const needle = evaluate(argument, param, status);
  const values = callee.object.elements.map((element) =>
    element && element.type !== AST_NODE_TYPES.SpreadElement ? evaluate(element, param, status) : UNKNOWN,
  );
  if (needle === UNKNOWN || values.includes(UNKNOWN)) return UNKNOWN;
  return values.includes(needle);
}

/** Longest source text quoted in a message before it is shortened. */
export const MAX_QUOTE = 40;

/** The request as the code names it (`fetch`, `api.get`), or the client's name when that is long. */
export function requestLabel(request: HttpRequest, sourceCode: TSESLint.SourceCode): string {
  let callee = skipWrappersDown(request.node.callee);
  // Compiled imports call `(0, _nodeFetch.default)(url)`: the client is the last expression.
  if (callee.type === AST_NODE_TYPES.SequenceExpression) callee = skipWrappersDown(callee.expressions.at(-1) ?? callee);
  const text = sourceCode.getText(callee);
  if (text.length <= MAX_QUOTE && !text.includes('\n')) return text;
  return request.method ?? request.client;
}

