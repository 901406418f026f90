import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { OptionLookup } from '../ast/nodes';
import type { ClientName } from '../clients/catalogue';
import type { ClientConstruction, ClientInstance, HttpModel, HttpRequest, OptionsRef } from '../model/http';
import {
  findProperty,
  getMethodCall,
  getStaticName,
  getStaticValue,
  isFunctionNode,
  isUndefinedLiteral,
  skipWrappersDown,
  skipWrappersUp,
} from '../ast/nodes';
import { createRule } from '../create-rule';
import { addObjectProperty, insertArgument, setPropertyValue } from '../fixes/edits';
import { getHttpModel, isLocalResourceRequest, lookupInstanceOption, lookupOption } from '../model/http';

type Options = [
  {
    clients?: Partial<Record<ClientName, boolean>>;
    ms?: number;
  },
];

type MessageIds =
  | 'disabledTimeout'
  | 'ignoredTimeoutOption'
  | 'missingDeadline'
  | 'missingSignal'
  | 'suggestSignal'
  | 'suggestSignalForTimeout'
  | 'suggestTimeout'
  | 'suggestTimeoutValue';

/** Whether a request or client has a deadline: `set` when it has one or may have one the code does not show. */
type DeadlineState = 'absent' | 'set';

/** A timeout explicitly turned off (`timeout: 0`), where it is set and the value it has. */
interface Disabled {
  readonly state: 'disabled';
  readonly node: TSESTree.AssignmentExpression | TSESTree.Property;
  readonly shown: string;
}

/** What the code says about one timeout option: set (or maybe set), absent (missing, `undefined`), or turned off. */
type Setting = Disabled | { readonly state: DeadlineState };

const SET: Setting = { state: 'set' };
const ABSENT: Setting = { state: 'absent' };

const DEFAULT_MS = 10_000;

/** undici's two 300 s defaults. https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-dispatchoptions */
const UNDICI_TIMEOUTS: readonly string[] = ['headersTimeout', 'bodyTimeout'];

/**
 * node-fetch v2 (which cross-fetch, isomorphic-fetch and isomorphic-unfetch use in Node) has no
 * timeout unless its non-standard `timeout` option is set.
 * https://github.com/node-fetch/node-fetch/tree/2.x#options
 */
const NODE_FETCH_MODULES: ReadonlySet<string> = new Set([
  'cross-fetch',
  'isomorphic-fetch',
  'isomorphic-unfetch',
  'node-fetch',
]);

/** axios methods whose config comes after a `data` argument: `axios.post(url, data, config)`. */
const AXIOS_DATA_METHODS: ReadonlySet<string> = new Set(['patch', 'patchForm', 'post', 'postForm', 'put', 'putForm']);

/**
 * `ClientRequest` methods that return the request itself, so `http.get(url).on('error', f).setTimeout(ms)`
 * still configures the request. https://nodejs.org/api/http.html#class-httpclientrequest
 */
const CHAINABLE_REQUEST_METHODS: ReadonlySet<string> = new Set([
  'addListener',
  'end',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
  'setHeader',
  'setNoDelay',
  'setSocketKeepAlive',
]);

/** Methods that add an event listener: `req.on('socket', ...)` may time the socket out. */
const LISTENER_METHODS: ReadonlySet<string> = new Set([
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
]);

/** What a disabled timeout turns off, for messages. */
const DISABLED_WHAT: Readonly<Record<ClientName, string>> = {
  axios: 'the `axios` timeout',
  fetch: 'the `node-fetch` timeout',
  got: 'the `got` timeout',
  ky: 'the 10 s default timeout of `ky`',
  'node-http': 'the socket timeout of `node:http`',
  undici: 'the 300 s default of `undici`',
};

/** The `{{remedy}}` of `missingDeadline`. */
const REMEDIES: Readonly<Record<'axios' | 'fetch' | 'got' | 'node-http', string>> = {
  axios: 'Set `timeout` or pass a `signal`',
  fetch: 'Pass `signal: AbortSignal.timeout(ms)`',
  got: 'Set `timeout: { request: ms }` or pass a `signal`',
  'node-http': 'Pass `signal: AbortSignal.timeout(ms)` or call `req.setTimeout()`',
};

export default createRule<Options, MessageIds>({
  name: 'require-request-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a deadline on every HTTP request',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          clients: {
            type: 'object',
            additionalProperties: false,
            description: 'Which clients to check; set a client to `false` to leave its requests alone.',
            properties: {
              axios: { type: 'boolean', description: 'Check `axios` requests and instances.' },
              fetch: {
                type: 'boolean',
                description:
                  'Check the global `fetch`, `node-fetch`, `cross-fetch`, undici `fetch` and declared fetch wrappers.',
              },
              got: { type: 'boolean', description: 'Check `got` requests and instances.' },
              ky: { type: 'boolean', description: 'Check `ky` requests and instances for `timeout: false`.' },
              'node-http': { type: 'boolean', description: 'Check `http.request`/`http.get` and their `https` twins.' },
              undici: {
                type: 'boolean',
                description:
                  'Check undici `request`/`stream` and dispatchers for `headersTimeout: 0`/`bodyTimeout: 0`.',
              },
            },
          },
          ms: {
            type: 'integer',
            minimum: 1,
            maximum: 2_147_483_647,
            description: 'The deadline, in milliseconds, that suggestions insert.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        clients: { axios: true, fetch: true, got: true, ky: true, 'node-http': true, undici: true },
        ms: DEFAULT_MS,
      },
    ],
    messages: {
      missingSignal:
        'This request has no explicit deadline{{fallback}}, so a server that stops answering keeps the caller waiting. Pass `signal: AbortSignal.timeout(ms)`.',
      missingDeadline:
        'This request has no deadline, and `{{library}}` sets none by default, so a server that stops answering keeps it waiting indefinitely. {{remedy}}.',
      disabledTimeout:
        '`{{setting}}` turns off {{what}}, so a server that stops answering keeps the request waiting indefinitely.',
      ignoredTimeoutOption:
        '`timeout` is not a Fetch option: Node ignores it and Bun reads it only as an idle timeout, so this request has no overall deadline (runtime default 300 s). Pass `signal: AbortSignal.timeout(ms)` instead.',
      suggestSignal: 'Add `signal: AbortSignal.timeout({{ms}})`.',
      suggestSignalForTimeout: 'Replace `timeout` with `signal: AbortSignal.timeout({{value}})`.',
      suggestTimeout: 'Add `timeout: {{value}}`.',
      suggestTimeoutValue: 'Set `{{option}}` to `{{value}}`.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const ms = String(options.ms ?? DEFAULT_MS);
    const enabled = (client: ClientName): boolean => options.clients?.[client] !== false;

    /** What the value of a timeout option means for `client`. */
    function valueSetting(
      client: ClientName,
      node: TSESTree.AssignmentExpression | TSESTree.Property,
      value: TSESTree.Node,
    ): Setting {
      const known = getStaticValue(value, sourceCode.getScope(value));
      if (!known) return SET;
      if (known.value === undefined) return ABSENT;
      return isDisabledValue(client, known.value) ? { state: 'disabled', node, shown: String(known.value) } : SET;
    }

    /** What a timeout option looked up on a request or a client means for `client`. */
    function setting(client: ClientName, lookup: OptionLookup): Setting {
      if (lookup.kind === 'missing') return ABSENT;
      if (lookup.kind === 'unknown') return SET;
      return valueSetting(client, lookup.property, lookup.value);
    }

    function reportDisabled(client: ClientName, { node, shown }: Disabled, option: string): void {
      const replacement = client === 'got' ? `{ request: ${ms} }` : ms;
      context.report({
        node,
        messageId: 'disabledTimeout',
        data: {
          setting: node.type === AST_NODE_TYPES.Property ? `${option}: ${shown}` : `defaults.${option} = ${shown}`,
          what: DISABLED_WHAT[client],
        },
        suggest: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option, value: replacement },
            fix: (fixer) =>
              node.type === AST_NODE_TYPES.Property
                ? setPropertyValue(fixer, sourceCode, node, replacement)
                : fixer.replaceText(node.right, replacement),
          },
        ],
      });
    }

    /** A suggestion that sets `key: value` in the request's options, adding the options argument if needed. */
    function addOptionSuggestion(
      request: HttpRequest,
      key: string,
      value: string,
      suggestion: Pick<TSESLint.SuggestionReportDescriptor<MessageIds>, 'data' | 'messageId'>,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const { options } = request;
      const property = `${key}: ${value}`;
      if (options.kind === 'object') {
        // `{ signal: undefined }`: fill in the value rather than add a second key.
        const existing = foundProperty(findProperty(options.node, key));
        return [
          {
            ...suggestion,
            fix: (fixer) =>
              existing
                ? setPropertyValue(fixer, sourceCode, existing, value)
                : addObjectProperty(fixer, sourceCode, options.node, property),
          },
        ];
      }
      // A wrapper's parameters are only assumed to be fetch's: never add an argument to it.
      const index = optionsIndex(request);
      if (index === null || request.source === 'wrapper') return [];
      const argument = request.node.arguments[index];
      return [
        {
          ...suggestion,
          fix: (fixer) =>
            argument && isUndefinedLiteral(argument)
              ? fixer.replaceText(argument, `{ ${property} }`)
              : insertArgument(fixer, sourceCode, request.node, index, `{ ${property} }`),
        },
      ];
    }

    function reportMissingSignal(request: HttpRequest, fallback: string): void {
      context.report({
        node: request.node.callee,
        messageId: 'missingSignal',
        data: { fallback },
        suggest: addOptionSuggestion(request, 'signal', `AbortSignal.timeout(${ms})`, {
          messageId: 'suggestSignal',
          data: { ms },
        }),
      });
    }

    function reportMissingDeadline(request: HttpRequest, library: string, remedy: keyof typeof REMEDIES): void {
      const timeout = remedy === 'got' ? `{ request: ${ms} }` : ms;
      context.report({
        node: request.node.callee,
        messageId: 'missingDeadline',
        data: { library, remedy: REMEDIES[remedy] },
        suggest:
          remedy === 'axios' || remedy === 'got'
            ? addOptionSuggestion(request, 'timeout', timeout, {
                messageId: 'suggestTimeout',
                data: { value: timeout },
              })
            : addOptionSuggestion(request, 'signal', `AbortSignal.timeout(${ms})`, {
                messageId: 'suggestSignal',
                data: { ms },
              }),
      });
    }

    function reportIgnoredTimeout(request: HttpRequest, property: TSESTree.Property): void {
      const value =
        valueSetting('fetch', property, property.value).state === 'set' ? sourceCode.getText(property.value) : ms;
      // `{ timeout, signal: undefined }`: the later `signal` would still win over a replaced `timeout`.
      const hasSignalKey = lookupOption(request.options, 'signal').kind === 'found';
      context.report({
        node: property,
        messageId: 'ignoredTimeoutOption',
        suggest: hasSignalKey
          ? []
          : [
              {
                messageId: 'suggestSignalForTimeout',
                data: { value },
                fix: (fixer) => fixer.replaceText(property, `signal: AbortSignal.timeout(${value})`),
              },
            ],
      });
    }

    function checkFetch(model: HttpModel, request: HttpRequest): void {
      // A pre-configured client from `clientModules` may add a signal of its own.
      if (request.source === 'settings') return;
      // `fetch(new Request(url, { signal }))`: the request object carries its own signal.
      if (request.url && isRequestObject(model, request.url, sourceCode)) return;
      const timeout = lookupOption(request.options, 'timeout');
      const module = request.module;
      if (module !== null && NODE_FETCH_MODULES.has(module)) {
        const own = setting('fetch', timeout);
        if (own.state === 'disabled') reportDisabled('fetch', own, 'timeout');
        else if (own.state === 'absent') reportMissingDeadline(request, module, 'fetch');
        return;
      }
      if (request.source === 'library' && (module === null || module === 'undici')) {
        // Node's fetch is undici's: it gives up after 300 s without response headers, or 300 s
        // between body chunks, unless a signal aborts it first.
        // https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-dispatchoptions
        const dispatcher = lookupOption(request.options, 'dispatcher');
        if (
          dispatcher.kind === 'found' &&
          agentState(model, dispatcher.value, sourceCode, 'undici', UNDICI_TIMEOUTS) === 'set'
        ) {
          return;
        }
        // Bun reads a `timeout` init option as an idle timeout; Node ignores it.
        // https://bun.sh/reference/globals/BunFetchRequestInit/timeout
        const ignored = foundProperty(timeout);
        if (ignored) reportIgnoredTimeout(request, ignored);
        else reportMissingSignal(request, ' (runtime default 300 s)');
        return;
      }
      // A declared fetch wrapper or another ponyfill: it may implement a `timeout` option.
      if (setting('fetch', timeout).state === 'set') return;
      reportMissingSignal(request, '');
    }

    /** axios and got: a per-call `timeout`, else the instance's (`axios.create`, `axios.defaults`, `got.extend`). */
    function checkConfigured(request: HttpRequest, client: 'axios' | 'got'): void {
      // axios's legacy cancellation counts like a signal. https://axios-http.com/docs/cancellation
      if (client === 'axios' && signalState(lookupOption(request.options, 'cancelToken')) !== 'absent') return;
      const own = setting(client, lookupOption(request.options, 'timeout'));
      if (own.state === 'disabled') {
        reportDisabled(client, own, 'timeout');
      } else if (
        own.state === 'absent' &&
        request.instance !== null &&
        instanceState(request.instance, client) === 'absent'
      ) {
        reportMissingDeadline(request, client, client);
      }
    }

    /** The deadline an axios or got instance gives its requests; a disabled one is reported where it is set. */
    function instanceState(instance: ClientInstance, client: 'axios' | 'got'): Setting['state'] {
      if (signalState(lookupInstanceOption(instance, 'signal')) !== 'absent') return 'set';
      if (client === 'axios') {
        if (signalState(lookupInstanceOption(instance, 'cancelToken')) !== 'absent') return 'set';
        if (instance.interceptorReads.some((read) => interceptorMaySetDeadline(read, sourceCode))) return 'set';
      }
      return setting(client, lookupInstanceOption(instance, 'timeout')).state;
    }

    /** ky times out after 10 s unless told `timeout: false`. https://github.com/sindresorhus/ky#timeout */
    function checkKy(request: HttpRequest): void {
      const own = setting('ky', lookupOption(request.options, 'timeout'));
      if (own.state === 'disabled') reportDisabled('ky', own, 'timeout');
    }

    /** undici's 300 s `headersTimeout`/`bodyTimeout` apply unless set to `0`. */
    function checkUndici(options: OptionsRef): void {
      for (const key of UNDICI_TIMEOUTS) {
        const own = setting('undici', lookupOption(options, key));
        if (own.state === 'disabled') reportDisabled('undici', own, key);
      }
    }

    /**
     * node's `http.request` sets no timeout; the `timeout` option, `req.setTimeout()` or a `signal`
     * give it one. https://nodejs.org/api/http.html#httprequesturl-options-callback
     */
    function checkNodeHttp(model: HttpModel, request: HttpRequest): void {
      if (request.source === 'settings') return;
      const own = setting('node-http', lookupOption(request.options, 'timeout'));
      if (own.state === 'set') return;
      const agent = lookupOption(request.options, 'agent');
      if (agent.kind === 'found' && agentState(model, agent.value, sourceCode, 'node-http', ['timeout']) === 'set') {
        return;
      }
      if (followFrom(request.node, sourceCode, true) === 'set') return;
      if (own.state === 'disabled') reportDisabled('node-http', own, 'timeout');
      else reportMissingDeadline(request, `node:${String(request.module).replace(/^node:/u, '')}`, 'node-http');
    }

    function checkRequest(model: HttpModel, found: HttpRequest): void {
      const request = withNodeHttpUrl(model, found, sourceCode);
      if (
        !enabled(request.client) ||
        // Typed requests are in-house wrappers nobody declared: their deadline is their own business.
        request.source === 'typed' ||
        request.deadlineFromWrapper ||
        isLocalResourceRequest(request) ||
        isRaced(request.node, sourceCode)
      ) {
        return;
      }
      // Any signal counts: one from elsewhere (`req.signal`, a parameter) may well carry a deadline.
      if (signalState(lookupOption(request.options, 'signal')) !== 'absent') return;
      switch (request.client) {
        case 'fetch':
          checkFetch(model, request);
          return;
        case 'axios':
        case 'got':
          checkConfigured(request, request.client);
          return;
        case 'ky':
          checkKy(request);
          return;
        case 'undici':
          checkUndici(request.options);
          return;
        case 'node-http':
          checkNodeHttp(model, request);
          return;
      }
    }

    /** A timeout turned off where a client is configured: every request through it is affected. */
    function checkConstruction({ client, options, instance }: ClientConstruction): void {
      if (!client || !enabled(client)) return;
      if (client === 'undici') {
        checkUndici(options);
        return;
      }
      // `axios.create()`, `got.extend()`, `ky.create()`. A `defaults.timeout = ...` write decides
      // instead, and is checked on its own.
      if (!instance || instance.defaults.has('timeout') || instance.defaultsUnknown) return;
      if (signalState(lookupOption(options, 'signal')) !== 'absent') return;
      const own = setting(client, lookupOption(options, 'timeout'));
      if (own.state === 'disabled') reportDisabled(client, own, 'timeout');
    }

    function checkDefaultsWrite(instance: ClientInstance): void {
      const write = instance.defaults.get('timeout');
      // `defaults.timeout ??= 0` keeps a timeout that is already set.
      if (write?.operator !== '=' || !enabled(instance.client)) return;
      const own = valueSetting(instance.client, write, write.right);
      if (own.state === 'disabled') reportDisabled(instance.client, own, 'timeout');
    }

    return {
      Program() {
        const model = getHttpModel(context);
        const instances = new Set<ClientInstance>();
        const addInstance = (instance: ClientInstance | null): void => {
          for (let current = instance; current && !instances.has(current); current = current.parent) {
            instances.add(current);
          }
        };
        for (const request of model.requests) {
          checkRequest(model, request);
          addInstance(request.instance);
        }
        for (const construction of model.constructions) {
          checkConstruction(construction);
          addInstance(construction.instance);
        }
        for (const instance of instances) checkDefaultsWrite(instance);
      },
    };
  },
});

/**
 * Which values turn a client's timeout off. ky takes only `false` (`0` would time out at once);
 * undici's `headersTimeout`/`bodyTimeout` only `0`; for the others `0`, `Infinity`, `null` and
 * `false` all mean "no timeout" (axios: https://axios-http.com/docs/req_config).
 */
function isDisabledValue(client: ClientName, value: unknown): value is boolean | number | null {
  switch (client) {
    case 'ky':
      return value === false;
    case 'undici':
      return value === 0;
    default:
      return value === 0 || value === Number.POSITIVE_INFINITY || value === null || value === false;
  }
}

/**
 * The state of a `signal` (or axios `cancelToken`) option. Any value counts as a deadline, except
 * a literal `undefined` or `null`, which is the same as no signal.
 */
function signalState(lookup: OptionLookup): DeadlineState {
  if (lookup.kind === 'unknown') return 'set';
  if (lookup.kind === 'missing') return 'absent';
  const value = skipWrappersDown(lookup.value);
  const nullish = isUndefinedLiteral(value) || (value.type === AST_NODE_TYPES.Literal && value.raw === 'null');
  return nullish ? 'absent' : 'set';
}

/** The property a lookup in an object literal found (rather than a `defaults` write). */
function foundProperty(lookup: OptionLookup): TSESTree.Property | null {
  return lookup.kind === 'found' && lookup.property.type === AST_NODE_TYPES.Property ? lookup.property : null;
}

/** Where the options argument of a request goes when the call has none yet; `null` when unclear. */
function optionsIndex(request: HttpRequest): number | null {
  if (!request.url) return null;
  if (request.client === 'axios' && request.method !== null && AXIOS_DATA_METHODS.has(request.method)) return 2;
  return 1;
}

/**
 * Is the request promise raced against something else (`Promise.race([fetch(u), timer])`), directly
 * or through a variable (`const pending = fetch(u); await Promise.race([pending, timer])`)? Then the
 * caller stops waiting when the other side settles, which is a deadline.
 */
function isRaced(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  let node = skipWrappersUp(call);
  // `fetch(u).then(r => r.json())` is raced the same way.
  for (;;) {
    const parent = node.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) break;
    const name = getStaticName(parent);
    const next = getMethodCall(parent);
    if (!next || (name !== 'then' && name !== 'catch' && name !== 'finally')) break;
    node = skipWrappersUp(next);
  }
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(parent.id), parent.id);
    return variable?.references.some((reference) => isRaceElement(reference.identifier)) === true;
  }
  return isRaceElement(node);
}

/** Is `node` an element of the array literal passed to `Promise.race`, next to something else? */
function isRaceElement(node: TSESTree.Node): boolean {
  const array = skipWrappersUp(node).parent;
  if (array?.type !== AST_NODE_TYPES.ArrayExpression || array.elements.length < 2) return false;
  const race = array.parent;
  return (
    race.type === AST_NODE_TYPES.CallExpression &&
    race.arguments[0] === array &&
    race.callee.type === AST_NODE_TYPES.MemberExpression &&
    race.callee.object.type === AST_NODE_TYPES.Identifier &&
    race.callee.object.name === 'Promise' &&
    getStaticName(race.callee) === 'race'
  );
}

/** The value a `const` (or never reassigned) variable was initialised with, if `node` names one. */
function resolveInitializer(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESTree.Node {
  const inner = skipWrappersDown(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return inner;
  const variable = ASTUtils.findVariable(sourceCode.getScope(inner), inner);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (
    definition?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    !definition.node.init ||
    variable?.references.some((reference) => reference.isWrite() && !reference.init)
  ) {
    return inner;
  }
  return skipWrappersDown(definition.node.init);
}

/**
 * `http.get(x, callback)` may take options as `x`, so the model does not know whether options are
 * missing. When `x` is certainly a URL — a constant holding a string, a template or a `new URL()`,
 * or (with types) anything typed `string` or `URL` — the request has no options.
 */
function withNodeHttpUrl(model: HttpModel, request: HttpRequest, sourceCode: TSESLint.SourceCode): HttpRequest {
  if (request.client !== 'node-http' || request.options.kind !== 'unknown' || !request.url) return request;
  const rest = request.node.arguments.filter((argument) => argument !== request.callback);
  if (rest.length !== 1 || !isUrlValue(model, request.url, sourceCode)) return request;
  return { ...request, options: { kind: 'none' } };
}

function isUrlValue(model: HttpModel, node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const value = resolveInitializer(node, sourceCode);
  if (
    (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') ||
    value.type === AST_NODE_TYPES.TemplateLiteral ||
    isNewOf(value, 'URL')
  ) {
    return true;
  }
  const types = model.types;
  if (!types) return false;
  const type = types.services.getTypeAtLocation(node);
  const candidates = type.isUnion() ? type.types : [type];
  const string = types.checker.getStringType();
  return candidates.every(
    (candidate) =>
      candidate === string ||
      candidate.isStringLiteral() ||
      (candidate.getSymbol()?.getName() === 'URL' && candidate.getProperty('searchParams') !== undefined),
  );
}

/**
 * Is the first argument of `fetch` a `Request` object? It carries its own signal, which the code
 * may not show: `fetch(new Request(url, { signal }))`, a constant holding one, or (with types) any
 * expression typed `Request`.
 */
function isRequestObject(model: HttpModel, node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const value = resolveInitializer(node, sourceCode);
  if (isNewOf(value, 'Request')) return true;
  const types = model.types;
  if (!types) return false;
  const type = types.services.getTypeAtLocation(node);
  const candidates = type.isUnion() ? type.types : [type];
  return candidates.some(
    (candidate) =>
      candidate.getSymbol()?.getName() === 'Request' &&
      candidate.getProperty('signal') !== undefined &&
      candidate.getProperty('url') !== undefined,
  );
}

/** Is `node` a `new Name(...)` of the global class `Name`? */
function isNewOf(node: TSESTree.Node, name: string): boolean {
  return (
    node.type === AST_NODE_TYPES.NewExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === name
  );
}

/** The construction (`new Agent(...)`) that `node` holds, when it can be seen. */
function resolveConstruction(
  model: HttpModel,
  node: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): ClientConstruction | undefined {
  return model.constructionOf(resolveInitializer(node, sourceCode));
}

/** Is `node` a value that means "none" for an agent or dispatcher option (`undefined`, `null`, `false`)? */
function isNoneValue(node: TSESTree.Node): boolean {
  const inner = skipWrappersDown(node);
  return (
    isUndefinedLiteral(inner) ||
    (inner.type === AST_NODE_TYPES.Literal && (inner.raw === 'null' || inner.value === false))
  );
}

/**
 * Does the agent or dispatcher in `node` give requests a timeout of its own? `option` names its
 * timeout settings: an http `Agent`'s `timeout` sets the socket timeout
 * (https://nodejs.org/api/http.html#new-agentoptions); an undici dispatcher's explicit
 * `headersTimeout`/`bodyTimeout` is a deadline chosen on purpose. One the code does not show may have one.
 */
function agentState(
  model: HttpModel,
  node: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
  client: ClientName,
  keys: readonly string[],
): DeadlineState {
  if (isNoneValue(node)) return 'absent';
  const construction = resolveConstruction(model, node, sourceCode);
  if (!construction) return 'set';
  for (const key of keys) {
    const lookup = lookupOption(construction.options, key);
    if (lookup.kind === 'unknown') return 'set';
    if (lookup.kind === 'missing') continue;
    const known = getStaticValue(lookup.value, sourceCode.getScope(lookup.value));
    if (!known || (known.value !== undefined && !isDisabledValue(client, known.value))) return 'set';
  }
  return 'absent';
}

/**
 * Follows the `ClientRequest` that `http.request()` returns, from `start`, to see whether the code
 * sets a timeout on it (`req.setTimeout(ms)`): through method chains and, when `mayBind`, a
 * variable. A request handed elsewhere (returned, passed, stored), read in a way not followed
 * (`req.socket`), or given a `'socket'` listener (which may time the socket out) is `set`: its
 * deadline may be added out of sight. A `'timeout'` listener alone sets nothing.
 * https://nodejs.org/api/http.html#requestsettimeouttimeout-callback
 */
function followFrom(start: TSESTree.Node, sourceCode: TSESLint.SourceCode, mayBind: boolean): DeadlineState {
  let node = skipWrappersUp(start);
  let parent = node.parent;
  while (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const name = getStaticName(parent);
    const call = getMethodCall(parent);
    if (!call || name === null || name === 'setTimeout') return 'set';
    if (LISTENER_METHODS.has(name) && isStringLiteral(call.arguments[0], 'socket')) return 'set';
    if (!CHAINABLE_REQUEST_METHODS.has(name)) return 'absent';
    node = skipWrappersUp(call);
    parent = node.parent;
  }
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return 'absent';
  // `const req = http.request(...)`, `req = http.request(...)`: what happens to the variable decides.
  if (mayBind && parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return followVariable(parent.id, sourceCode);
  }
  if (
    mayBind &&
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.left.type === AST_NODE_TYPES.Identifier
  ) {
    return followVariable(parent.left, sourceCode);
  }
  return 'set';
}

function followVariable(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): DeadlineState {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  // An undeclared global may be used anywhere.
  if (!variable) return 'set';
  const used = variable.references.some(
    (reference) => !reference.isWrite() && followFrom(reference.identifier, sourceCode, false) === 'set',
  );
  return used ? 'set' : 'absent';
}

function isStringLiteral(node: TSESTree.Node | undefined, value: string): boolean {
  return node?.type === AST_NODE_TYPES.Literal && node.value === value;
}

/**
 * May an axios request interceptor set a deadline (`config.timeout = ...`, `config.signal = ...`)?
 * `read` is the `api.interceptors` of `api.interceptors.request.use(fn)`. A handler not written
 * inline, or `interceptors` handed elsewhere, may; response interceptors and `eject` do not.
 * https://axios-http.com/docs/interceptors
 */
function interceptorMaySetDeadline(read: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const outer = skipWrappersUp(read);
  const side = outer.parent;
  if (side?.type !== AST_NODE_TYPES.MemberExpression || side.object !== outer) return true;
  if (getStaticName(side) !== 'request') return false;
  const use = skipWrappersUp(side).parent;
  if (use?.type !== AST_NODE_TYPES.MemberExpression || getStaticName(use) !== 'use') return false;
  const handler = getMethodCall(use)?.arguments[0];
  if (!isFunctionNode(handler)) return handler !== undefined;
  return /\b(?:timeout|signal|cancelToken)\b/u.test(sourceCode.getText(handler.body));
}
