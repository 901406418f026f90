import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { HttpRequest } from '../model/http';
import type { ResponseUse } from '../model/response-uses';
import type { TypeInfo } from '../model/type-info';
import { getInferredRequests } from '../model/wrappers';
import { getTypedRequests, typedStatusPolicy } from '../model/summaries';
import { getStaticName, isFunctionNode, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { profileOf } from '../clients/catalogue';
import { createRule } from '../create-rule';
import { getHttpModel, lookupInstanceOption, lookupOption } from '../model/http';
import {
  getEffectiveResponseFlow,
  getResponseName,
  getResponseUses,
  getStatusCheckFix,
  guardsOf,
  isBodyGuarded,
  isFetchStyleRequest,
  rejectsNonJsonWithStatus,
} from '../model/response-uses';

type Options = [{ checkers?: string[]; ignoreReturnedResponses?: boolean }];
type MessageIds = 'suggestThrowUnlessOk' | 'uncheckedBody' | 'uncheckedReturn';

/** How a client treats HTTP error statuses, for one request. */
interface Policy {
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

/** Longest source text quoted in a message before it is shortened. */
const MAX_QUOTE = 40;

export default createRule<Options, MessageIds>({
  name: 'require-status-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require checking the HTTP status of a response before using it as success',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkers: {
            type: 'array',
            description:
              'Names of functions that throw when a response has an error status (`assertOk`, `http.ensureOk`), in addition to `settings["http-client"].statusCheckFunctions`.',
            items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$' },
            uniqueItems: true,
          },
          ignoreReturnedResponses: {
            type: 'boolean',
            description:
              'Leave alone a response that is returned unread or stored where other code can reach it: the code that receives it owns the check.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkers: [], ignoreReturnedResponses: true }],
    messages: {
      uncheckedBody: '`{{client}}` {{settles}} on HTTP errors{{reason}}: check `{{check}}` before `{{use}}` {{action}} the body.',
      uncheckedReturn:
        '`{{client}}` {{settles}} on HTTP errors{{reason}}: check `{{check}}` before this response leaves the function.',
      suggestThrowUnlessOk: 'Throw an error naming the status and the URL when `{{check}}` is false.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const checkers = options.checkers ?? [];
    const ignoreReturned = options.ignoreReturnedResponses !== false;
    return {
      Program() {
        const model = getHttpModel(context);
        for (const request of [...model.requests, ...getInferredRequests(context), ...getTypedRequests(context)]) {
          const policy = request.source === 'typed' ? typedPolicy(request, model.types, sourceCode) : policyOf(request, sourceCode);
          if (!policy) continue;
          const flow = getEffectiveResponseFlow(request, model, sourceCode);
          const uses = getResponseUses(request, flow, model, sourceCode, { checkers });
          if (ignoreReturned && uses.some((use) => use.kind === 'stored')) continue;
          // A body that is only logged after a look at the status (`if (!res.ok) log.warn(...);
          // log.info(await res.text())`) is a report of the outcome, not data taken as success.
          const looked = uses.some((use) => use.kind === 'status');
          const bodies = uses.filter((use) => use.kind === 'body' && !(looked && isOnlyLogged(use.node, sourceCode, 0)));
          // In a test, `expect(await res.text()).toBe(...)` is the check: an error page fails it.
          if (bodies.length > 0 && bodies.every((use) => flowsIntoAssertion(use.node))) continue;
          // A check counts where it decides what runs, even after the body read: APIs often read the
          // error payload first (`const body = await res.json(); if (!res.ok) throw ...`).
          const body = bodies.find((use) => !isBodyGuarded(use, uses, sourceCode) && !rejectsNonJsonWithStatus(use, uses, sourceCode));
          if (!body && (bodies.length > 0 || !isHandedOutUnchecked(uses, ignoreReturned))) continue;
          const name = getResponseName(flow) ?? (body ? receiverName(body.node) : null);
          const check = name ? `${name}.${policy.check}` : policy.check;
          const fix = policy.suggest ? getStatusCheckFix(request, flow, sourceCode) : null;
          const common = { client: policy.client, settles: policy.settles, reason: policy.reason, check };
          context.report({
            // A call over several lines (node's callback, a long options object) is shown by its callee.
            node: request.node.loc.start.line === request.node.loc.end.line ? request.node : request.node.callee,
            ...(body
              ? {
                  messageId: 'uncheckedBody',
                  data: { ...common, use: useText(body, name, sourceCode), action: body.label.startsWith('json') ? 'parses' : 'reads' },
                }
              : { messageId: 'uncheckedReturn', data: common }),
            suggest: fix ? [{ messageId: 'suggestThrowUnlessOk', data: { check }, fix }] : [],
          });
        }
      },
    };
  },
});

/**
 * Does the response leave the function (returned, or stored where other code can reach it) when
 * `ignoreReturnedResponses` is off? With the option on, the code that receives it owns the check.
 */
function isHandedOutUnchecked(uses: readonly ResponseUse[], ignoreReturned: boolean): boolean {
  return (
    !ignoreReturned &&
    uses.some((use) => (use.kind === 'stored' || use.kind === 'returned') && guardsOf(use.node, uses).length === 0)
  );
}

/** How `request`'s client treats HTTP errors, or `null` when it rejects on them (or is not the network). */
function policyOf(request: HttpRequest, sourceCode: TSESLint.SourceCode): Policy | null {
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
function typedPolicy(request: HttpRequest, types: TypeInfo | null, sourceCode: TSESLint.SourceCode): Policy | null {
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

/** The request as the code names it (`fetch`, `api.get`), or the client's name when that is long. */
function requestLabel(request: HttpRequest, sourceCode: TSESLint.SourceCode): string {
  let callee = skipWrappersDown(request.node.callee);
  // Compiled imports call `(0, _nodeFetch.default)(url)`: the client is the last expression.
  if (callee.type === AST_NODE_TYPES.SequenceExpression) callee = skipWrappersDown(callee.expressions.at(-1) ?? callee);
  const text = sourceCode.getText(callee);
  if (text.length <= MAX_QUOTE && !text.includes('\n')) return text;
  return request.method ?? request.client;
}

/** The code of a body use, shortened: `res.json()`, `res.on('data')`, `for await (… of res)`. */
function useText(use: ResponseUse, name: string | null, sourceCode: TSESLint.SourceCode): string {
  const text = sourceCode.getText(use.node);
  const passesCallback =
    use.node.type === AST_NODE_TYPES.CallExpression && use.node.arguments.some((argument) => isFunctionNode(argument));
  if (use.label !== 'for await' && !passesCallback && text.length <= MAX_QUOTE && !text.includes('\n')) return text;
  if (use.label === 'for await') return `for await (… of ${name ?? 'response'})`;
  // A function the response is passed to (`parse(…)`) is not a method of the response.
  if (use.label.endsWith('(…)') || name === null) return use.label;
  return `${name}.${use.label}`;
}

/** The response a body read is called on, when it is named: `reply` of `reply.json()`. */
function receiverName(node: TSESTree.Node): string | null {
  const callee = node.type === AST_NODE_TYPES.CallExpression ? skipWrappersDown(node.callee) : node;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = skipWrappersDown(callee.object);
  return object.type === AST_NODE_TYPES.Identifier ? object.name : null;
}

/** Log levels: `logger.warn(body)`, `this.log.info(text)`. */
const LOG_METHODS: ReadonlySet<string> = new Set(['debug', 'error', 'info', 'log', 'trace', 'verbose', 'warn', 'warning']);

/** Names of logger objects, whatever the method: `this.log.ifVerbose(body)`. */
const LOGGERS: ReadonlySet<string> = new Set(['console', 'log', 'logger']);

/** How many variables a logged body is followed through (`const text = ...; const line = text`). */
const MAX_LOG_ALIASES = 3;

/**
 * Does the body read at `node` only end up in log calls, whole or in part (`log.info('result: ' +
 * text)`, `console.debug(JSON.stringify(res.data))`)? Then no code takes it as data.
 */
function isOnlyLogged(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  let current = skipWrappersUp(node);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TemplateLiteral:
        break;
      case AST_NODE_TYPES.MemberExpression:
        // `text.slice(0, 200)`, `data.message`: a part of the body.
        if (parent.object !== current) return false;
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator !== '+') return false;
        break;
      case AST_NODE_TYPES.CallExpression: {
        if (parent.callee === current) break;
        const callee = skipWrappersDown(parent.callee);
        if (isLogCallee(callee)) return true;
        // `JSON.stringify(data)`, `String(text)`
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
        if (name !== 'stringify' && name !== 'String') return false;
        break;
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier || depth >= MAX_LOG_ALIASES) return false;
        const variable = ASTUtils.findVariable(sourceCode.getScope(parent.id), parent.id);
        const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
        return (
          variable !== null &&
          variable.references.every((reference) => reference.init === true || reference.isRead()) &&
          reads.length > 0 &&
          reads.every((reference) => isOnlyLogged(reference.identifier, sourceCode, depth + 1))
        );
      }
      default:
        return false;
    }
    current = skipWrappersUp(parent);
  }
}

/** `console.log`, `logger.warn`, `this.log.ifVerbose`. */
function isLogCallee(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipWrappersDown(callee.object);
  const owner = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression ? getStaticName(object) : null;
  const method = getStaticName(callee);
  return (owner !== null && LOGGERS.has(owner)) || (method !== null && LOG_METHODS.has(method) && owner !== null);
}

/** Callees whose arguments are test assertions: `expect(x)`, `assert(x)`, `assert.equal(x, y)`. */
const ASSERTION_ROOTS: ReadonlySet<string> = new Set(['assert', 'expect']);

/**
 * Does the value of `node` go straight into a test assertion, through `await` and a
 * `.then((res) => res.text())` callback? Such a body is compared with what the test expects, so an
 * error page fails the test instead of passing as data.
 */
function flowsIntoAssertion(node: TSESTree.Node): boolean {
  let current = skipWrappersUp(node);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.AwaitExpression) {
      current = skipWrappersUp(parent);
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current) {
      // `.then((res) => res.text())`: the callback's result is the value of the `.then()` call.
      const member = parent.parent;
      if (member.type !== AST_NODE_TYPES.CallExpression || member.arguments[0] !== parent) return false;
      const callee = skipWrappersDown(member.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticName(callee) !== 'then') return false;
      current = skipWrappersUp(member);
      continue;
    }
    if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee === current) return false;
    let root: TSESTree.Node = skipWrappersDown(parent.callee);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappersDown(root.object);
    return root.type === AST_NODE_TYPES.Identifier && ASSERTION_ROOTS.has(root.name);
  }
}
