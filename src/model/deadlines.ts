import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import type { FunctionNode, OptionLookup } from '../ast/nodes';
import type { ClientName } from '../clients/catalogue';
import type { ClientConstruction, ClientInstance, HttpModel, HttpRequest, OptionsRef } from './http';
import {
  getMethodCall,
  getStaticName,
  getStaticValue,
  isFunctionNode,
  isMemberNamed,
  isUndefinedLiteral,
  skipWrappersDown,
  skipWrappersUp,
  walk,
} from '../ast/nodes';
import { enclosingClassBody, resolveLocalFunction } from '../ast/scope';
import {
  CHAINABLE_REQUEST_METHODS,
  isDisabledTimeout,
  LISTENER_METHODS,
  NODE_FETCH_MODULES,
  UNDICI_TIMEOUT_OPTIONS,
} from '../clients/timeouts';
import { calleeMatches, getHttpModel, isLocalResourceRequest, lookupOption } from './http';
import type { IsIgnoredKey } from './options';
import { findResolvedProperty, resolveOptionsValue } from './options';
import { askChecker } from './type-info';

/** Whether a request or client has a deadline: `set` when it has one or may have one the code does not show. */
export type DeadlineState = 'absent' | 'set';

/** A timeout explicitly turned off (`timeout: 0`), where it is set and the value it has. */
export interface DisabledTimeout {
  readonly state: 'disabled';
  readonly node: TSESTree.AssignmentExpression | TSESTree.Property;
  readonly shown: string;
}

/** What the code says about one timeout option: set (or maybe set), absent (missing, `undefined`), or turned off. */
export type TimeoutSetting = DisabledTimeout | { readonly state: DeadlineState };

/** Which advice fits a request without a deadline: the client's own timeout option, or a signal. */
export type Remedy = 'axios' | 'fetch' | 'got' | 'node-http';

/**
 * A request or client that waits for a server as long as it takes.
 * - `missingSignal`: a fetch-family request without a signal; `runtimeDefault` when the runtime's
 *   300 s undici defaults still stop it;
 * - `ignoredTimeout`: a `timeout` init option that `fetch` ignores, and nothing else;
 * - `missingDeadline`: a request of a client that sets no timeout by default;
 * - `disabled`: a timeout turned off (`timeout: 0`), on a request, a client or its `defaults`.
 */
export type DeadlineProblem =
  | {
      readonly kind: 'disabled';
      readonly client: ClientName;
      readonly option: string;
      readonly setting: DisabledTimeout;
      /** The request or the construction the setting belongs to; `null` for a `defaults` write. */
      readonly owner: TSESTree.CallExpression | TSESTree.NewExpression | null;
    }
  | {
      readonly kind: 'ignoredTimeout';
      readonly client: 'fetch';
      readonly request: HttpRequest;
      readonly property: TSESTree.Property;
      /** The timeout's value when it is a usable number of milliseconds (or not known), else `null`. */
      readonly value: TSESTree.Node | null;
      /** The options also have a `signal` key (`signal: undefined`), which a replaced `timeout` would not win over. */
      readonly hasSignalKey: boolean;
    }
  | {
      readonly kind: 'missingDeadline';
      readonly client: ClientName;
      readonly request: HttpRequest;
      /** How messages name the client: `axios`, `node-fetch`, `node:https`. */
      readonly library: string;
      readonly remedy: Remedy;
    }
  | {
      readonly kind: 'missingSignal';
      readonly client: 'fetch';
      readonly request: HttpRequest;
      readonly runtimeDefault: boolean;
    };

const SET: TimeoutSetting = { state: 'set' };
const ABSENT: TimeoutSetting = { state: 'absent' };

const cache = new WeakMap<TSESTree.Program, readonly DeadlineProblem[]>();

/**
 * Every request and client of the file that has no deadline, or whose timeout is turned off, in
 * source order of the requests, then the constructions, then `defaults` writes. Built once per
 * file. Anything that may carry a deadline the code does not show counts as one.
 */
export function getDeadlineProblems(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): readonly DeadlineProblem[] {
  const sourceCode = context.sourceCode;
  let problems = cache.get(sourceCode.ast);
  if (!problems) {
    problems = findDeadlineProblems(getHttpModel(context), sourceCode);
    cache.set(sourceCode.ast, problems);
  }
  return problems;
}

function findDeadlineProblems(model: HttpModel, sourceCode: TSESLint.SourceCode): DeadlineProblem[] {
  const problems: DeadlineProblem[] = [];
  /** Where the checks put what they find: `problems`, or the list of one way a request's options may be. */
  let sink = problems;
  const isRequest = (call: TSESTree.CallExpression | TSESTree.NewExpression): boolean =>
    model.requestOf(call) !== undefined || model.constructionOf(call) !== undefined;

  const deadlineByFunction = new Map<FunctionNode, boolean>();

  /**
   * Does the file define the wrapper `request` calls (`fetchFunctions`), with a deadline of its own?
   * The definition decides, as it would if the wrapper were listed in `timeoutFunctions`.
   */
  function wrapperSetsDeadline(request: HttpRequest): boolean {
    const fn = wrapperDefinition(request.node.callee, sourceCode);
    if (!fn) return false;
    let sets = deadlineByFunction.get(fn);
    if (sets === undefined) {
      sets = walk(fn.body, sourceCode, (node) => (setsDeadline(node, model) ? 'stop' : undefined));
      deadlineByFunction.set(fn, sets);
    }
    return sets;
  }

  /**
   * Keys whose writes cannot give the request being checked a deadline (`opts.headers = h`):
   * set per request, since an `agent` carries one for node's `http` and a `dispatcher` for fetch.
   */
  let ignored: IsIgnoredKey = NO_IGNORED_KEY;

  /** Looks up an option, into spreads of known objects: `{ ...defaults, method }`. */
  function lookup(options: OptionsRef, name: string): OptionLookup {
    return options.kind === 'object'
      ? findResolvedProperty(options.node, name, sourceCode, isRequest, ignored)
      : lookupOption(options, name);
  }

  /** The ways `options` may be: `[options]` unless it names object literals the code builds out of place. */
  function optionsViews(options: OptionsRef): OptionsRef[] {
    if (options.kind !== 'unknown' || !options.node) return [options];
    const alternatives = resolveOptionsValue(options.node, sourceCode, isRequest, ignored);
    if (!alternatives || alternatives.length === 0) return [options];
    return alternatives.map((object) => (object ? { kind: 'object', node: object } : { kind: 'none' }));
  }

  /** `options` resolved when it can only be one object (for a client's config). */
  function onlyView(options: OptionsRef): OptionsRef {
    const views = optionsViews(options);
    return views.length === 1 ? (views[0] as OptionsRef) : options;
  }

  /**
   * Looks up a setting of a client instance as it applies to its requests: a `defaults.<key> = value`
   * write in the file wins, then the instance's own config, then the instance it was derived from.
   */
  function lookupInstance(instance: ClientInstance, name: string): OptionLookup {
    const write = instance.defaults.get(name);
    if (write) return { kind: 'found', property: write, value: write.right };
    if (instance.defaultsUnknown) return { kind: 'unknown' };
    const own = lookup(onlyView(instance.config), name);
    if (own.kind !== 'missing') return own;
    return instance.parent ? lookupInstance(instance.parent, name) : own;
  }

  /** The state of the `signal` of `options`; a signal no code can abort is none. */
  function signalOf(options: OptionsRef): DeadlineState {
    const found = lookup(options, 'signal');
    const state = signalState(found);
    return state === 'set' && found.kind === 'found' && isInertSignal(found.value, sourceCode) ? 'absent' : state;
  }

  /** What the value of a timeout option means for `client`. */
  function valueSetting(
    client: ClientName,
    node: TSESTree.AssignmentExpression | TSESTree.Property,
    value: TSESTree.Node,
  ): TimeoutSetting {
    const known = getStaticValue(value, sourceCode.getScope(value));
    if (!known) return SET;
    if (known.value === undefined) return ABSENT;
    return isDisabledTimeout(client, known.value) ? { state: 'disabled', node, shown: String(known.value) } : SET;
  }

  /** What a timeout option looked up on a request or a client means for `client`. */
  function setting(client: ClientName, lookup: OptionLookup): TimeoutSetting {
    if (lookup.kind === 'missing') return ABSENT;
    if (lookup.kind === 'unknown') return SET;
    return valueSetting(client, lookup.property, lookup.value);
  }

  function disabled(
    client: ClientName,
    own: DisabledTimeout,
    option: string,
    owner: TSESTree.CallExpression | TSESTree.NewExpression | null,
  ): void {
    sink.push({ kind: 'disabled', client, option, setting: own, owner });
  }

  function checkFetch(request: HttpRequest): void {
    // A pre-configured client from `clientModules` may add a signal of its own.
    if (request.source === 'settings') return;
    // `fetch(new Request(url, { signal }))`: the request object carries its own signal.
    if (request.url && isRequestObject(model, request.url, sourceCode)) return;
    const timeout = lookup(request.options, 'timeout');
    const module = request.module;
    if (module !== null && NODE_FETCH_MODULES.has(module)) {
      const own = setting('fetch', timeout);
      if (own.state === 'disabled') disabled('fetch', own, 'timeout', request.node);
      else if (own.state === 'absent') {
        sink.push({ kind: 'missingDeadline', client: 'fetch', request, library: module, remedy: 'fetch' });
      }
      return;
    }
    if (request.source === 'library' && (module === null || module === 'undici')) {
      // Node's fetch is undici's: it gives up after 300 s without response headers, or 300 s
      // between body chunks, unless a signal aborts it first.
      // https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-dispatchoptions
      const dispatcher = lookup(request.options, 'dispatcher');
      if (
        dispatcher.kind === 'found' &&
        agentState(model, dispatcher.value, sourceCode, 'undici', UNDICI_TIMEOUT_OPTIONS) === 'set'
      ) {
        return;
      }
      // Bun reads a `timeout` init option as an idle timeout; Node ignores it.
      // https://bun.sh/reference/globals/BunFetchRequestInit/timeout
      const ignored = foundProperty(timeout);
      if (ignored) {
        sink.push({
          kind: 'ignoredTimeout',
          client: 'fetch',
          request,
          property: ignored,
          value: valueSetting('fetch', ignored, ignored.value).state === 'set' ? ignored.value : null,
          hasSignalKey: lookup(request.options, 'signal').kind === 'found',
        });
      } else {
        sink.push({ kind: 'missingSignal', client: 'fetch', request, runtimeDefault: true });
      }
      return;
    }
    // A declared fetch wrapper or another ponyfill: it may implement a `timeout` option.
    if (setting('fetch', timeout).state === 'set') return;
    sink.push({ kind: 'missingSignal', client: 'fetch', request, runtimeDefault: false });
  }

  /** axios and got: a per-call `timeout`, else the instance's (`axios.create`, `axios.defaults`, `got.extend`). */
  function checkConfigured(request: HttpRequest, client: 'axios' | 'got'): void {
    // axios's legacy cancellation counts like a signal. https://axios-http.com/docs/cancellation
    if (client === 'axios' && signalState(lookup(request.options, 'cancelToken')) !== 'absent') return;
    const own = setting(client, lookup(request.options, 'timeout'));
    if (own.state === 'disabled') {
      disabled(client, own, 'timeout', request.node);
    } else if (own.state === 'absent' && request.instance !== null && instanceState(request.instance, client) === 'absent') {
      sink.push({ kind: 'missingDeadline', client, request, library: client, remedy: client });
    }
  }

  /** The deadline an axios or got instance gives its requests; a disabled one is reported where it is set. */
  function instanceState(instance: ClientInstance, client: 'axios' | 'got'): TimeoutSetting['state'] {
    const signal = lookupInstance(instance, 'signal');
    if (signalState(signal) !== 'absent' && !(signal.kind === 'found' && isInertSignal(signal.value, sourceCode))) {
      return 'set';
    }
    if (client === 'axios') {
      if (signalState(lookupInstance(instance, 'cancelToken')) !== 'absent') return 'set';
      if (instance.interceptorReads.some((read) => interceptorMaySetDeadline(read, sourceCode))) return 'set';
    }
    return setting(client, lookupInstance(instance, 'timeout')).state;
  }

  /** undici's 300 s `headersTimeout`/`bodyTimeout` apply unless set to `0`. */
  function checkUndici(options: OptionsRef, owner: TSESTree.CallExpression | TSESTree.NewExpression): void {
    for (const key of UNDICI_TIMEOUT_OPTIONS) {
      const own = setting('undici', lookup(options, key));
      if (own.state === 'disabled') disabled('undici', own, key, owner);
    }
  }

  /**
   * node's `http.request` sets no timeout; the `timeout` option, `req.setTimeout()` or a `signal`
   * give it one. https://nodejs.org/api/http.html#httprequesturl-options-callback
   */
  function checkNodeHttp(request: HttpRequest): void {
    if (request.source === 'settings') return;
    const own = setting('node-http', lookup(request.options, 'timeout'));
    if (own.state === 'set') return;
    const agent = lookup(request.options, 'agent');
    if (agent.kind === 'found' && agentState(model, agent.value, sourceCode, 'node-http', ['timeout']) === 'set') {
      return;
    }
    if (followFrom(request.node, sourceCode, true) === 'set') return;
    if (own.state === 'disabled') {
      disabled('node-http', own, 'timeout', request.node);
    } else {
      const library = `node:${String(request.module).replace(/^node:/u, '')}`;
      sink.push({ kind: 'missingDeadline', client: 'node-http', request, library, remedy: 'node-http' });
    }
  }

  function checkRequest(found: HttpRequest): void {
    const shown = withNodeHttpUrl(model, found, sourceCode);
    const request: HttpRequest = { ...shown, options: configArgument(shown) };
    if (
      // Typed requests are in-house wrappers nobody declared: their deadline is their own business.
      request.source === 'typed' ||
      request.deadlineFromWrapper ||
      (request.source === 'wrapper' && wrapperSetsDeadline(request)) ||
      isLocalResourceRequest(request) ||
      isRaced(request.node, sourceCode)
    ) {
      return;
    }
    // Options built out of place (`const init = {...}`, `cond ? a : b`, `getOptions()`) are checked
    // in each form they may take: the request lacks a deadline only when every form does.
    ignored = ignoredKeysOf(request.client, (value) =>
      agentState(model, value, sourceCode, 'node-http', ['timeout']) === 'absent');
    const views = optionsViews(request.options).map((options) => {
      sink = [];
      checkView({ ...request, options });
      return sink;
    });
    sink = problems;
    ignored = NO_IGNORED_KEY;
    if (views.some((found) => found.length === 0)) return;
    const retarget = (problem: DeadlineProblem): DeadlineProblem =>
      problem.kind === 'disabled' ? { ...problem, owner: request.node } : { ...problem, request };
    if (views.length === 1) {
      problems.push(...(views[0] ?? []).map(retarget));
      return;
    }
    const disabledSettings = new Set<TSESTree.Node>();
    for (const problem of views.flat()) {
      if (problem.kind !== 'disabled' || disabledSettings.has(problem.setting.node)) continue;
      disabledSettings.add(problem.setting.node);
      problems.push(retarget(problem));
    }
    const first = views[0]?.[0];
    if (disabledSettings.size === 0 && first) problems.push(retarget(first));
  }

  function checkView(request: HttpRequest): void {
    // Any signal counts: one from elsewhere (`req.signal`, a parameter) may well carry a deadline.
    if (signalOf(request.options) !== 'absent') return;
    switch (request.client) {
      case 'fetch':
        checkFetch(request);
        return;
      case 'axios':
      case 'got':
        checkConfigured(request, request.client);
        return;
      case 'ky': {
        // ky times out after 10 s unless told `timeout: false`. https://github.com/sindresorhus/ky#timeout
        const own = setting('ky', lookup(request.options, 'timeout'));
        if (own.state === 'disabled') disabled('ky', own, 'timeout', request.node);
        return;
      }
      case 'undici':
        checkUndici(request.options, request.node);
        return;
      case 'node-http':
        checkNodeHttp(request);
        return;
    }
  }

  /** A timeout turned off where a client is configured: every request through it is affected. */
  function checkConstruction({ node, client, options, instance }: ClientConstruction): void {
    if (!client) return;
    if (client === 'undici') {
      checkUndici(onlyView(options), node);
      return;
    }
    // `axios.create()`, `got.extend()`, `ky.create()`. A `defaults.timeout = ...` write decides
    // instead, and is checked on its own.
    if (!instance || instance.defaults.has('timeout') || instance.defaultsUnknown) return;
    const config = onlyView(options);
    if (signalOf(config) !== 'absent') return;
    const own = setting(client, lookup(config, 'timeout'));
    if (own.state === 'disabled') disabled(client, own, 'timeout', node);
  }

  function checkDefaultsWrite(instance: ClientInstance): void {
    const write = instance.defaults.get('timeout');
    // `defaults.timeout ??= 0` keeps a timeout that is already set.
    if (write?.operator !== '=') return;
    const own = valueSetting(instance.client, write, write.right);
    if (own.state === 'disabled') disabled(instance.client, own, 'timeout', null);
  }

  const instances = new Set<ClientInstance>();
  const addInstance = (instance: ClientInstance | null): void => {
    for (let current = instance; current && !instances.has(current); current = current.parent) {
      instances.add(current);
    }
  };
  for (const request of model.requests) {
    checkRequest(request);
    addInstance(request.instance);
  }
  for (const construction of model.constructions) {
    checkConstruction(construction);
    addInstance(construction.instance);
  }
  for (const instance of instances) checkDefaultsWrite(instance);
  return problems;
}

const NO_IGNORED_KEY: IsIgnoredKey = () => false;

/** Options that give a request a deadline, or hold what gives it one, for every client. */
const DEADLINE_KEYS: ReadonlySet<string> = new Set([
  'bodyTimeout',
  'cancelToken',
  'dispatcher',
  'headersTimeout',
  'signal',
  'timeout',
]);

/**
 * The keys a write of which cannot give a request of `client` a deadline. `agentWithout` tells
 * an agent that has no timeout of its own (`opts.agent = new HttpsProxyAgent(proxy)`).
 */
function ignoredKeysOf(client: ClientName, agentWithout: (value: TSESTree.Node) => boolean): IsIgnoredKey {
  // node's `http` reads an agent's `timeout`; the other clients' agents carry no deadline of theirs.
  return client === 'node-http'
    ? (key, value) =>
        key === 'agent' ? value !== null && agentWithout(value) : key !== 'createConnection' && !DEADLINE_KEYS.has(key)
    : (key) => !DEADLINE_KEYS.has(key);
}

/**
 * The options of `request` as written: for `axios(config)`, `axios.request(config)`, `got(x)` and
 * `http.request(x, callback)` with one argument of unknown kind, that argument, which may be a URL
 * or a config; resolving it decides, since a URL is never an object literal.
 */
function configArgument(request: HttpRequest): OptionsRef {
  const { options, url } = request;
  if (options.kind !== 'unknown' || options.node !== null || url === null) return options;
  if (request.client !== 'axios' && request.client !== 'got' && request.client !== 'node-http') return options;
  const rest = request.node.arguments.filter((argument) => argument !== request.callback);
  return rest.length === 1 && rest[0] === url ? { kind: 'unknown', node: url } : options;
}

/**
 * The state of a `signal` (or axios `cancelToken`) option. Any value counts as a deadline, except
 * a literal `undefined` or `null`, which is the same as no signal.
 */
export function signalState(lookup: OptionLookup): DeadlineState {
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

/**
 * Is the request promise raced against something else (`Promise.race([fetch(u), timer])`), directly
 * or through a variable (`const pending = fetch(u); await Promise.race([pending, timer])`)? Then the
 * caller stops waiting when the other side settles, which is a deadline.
 */
export function isRaced(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
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
  return askChecker(false, () => {
    const type = types.services.getTypeAtLocation(node);
    const candidates = type.isUnion() ? type.types : [type];
    const string = types.checker.getStringType();
    return candidates.every(
      (candidate) =>
        candidate === string ||
        candidate.isStringLiteral() ||
        (candidate.getSymbol()?.getName() === 'URL' && candidate.getProperty('searchParams') !== undefined),
    );
  });
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
  return askChecker(false, () => {
    const type = types.services.getTypeAtLocation(node);
    const candidates = type.isUnion() ? type.types : [type];
    return candidates.some(
      (candidate) =>
        candidate.getSymbol()?.getName() === 'Request' &&
        candidate.getProperty('signal') !== undefined &&
        candidate.getProperty('url') !== undefined,
    );
  });
}

/** Is `node` a `new Name(...)` of the global class `Name`? */
function isNewOf(node: TSESTree.Node, name: string): boolean {
  return (
    node.type === AST_NODE_TYPES.NewExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === name
  );
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
 * Does the agent or dispatcher in `node` give requests a timeout of its own? `keys` name its
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
  const value = resolveInitializer(node, sourceCode);
  // `proxy ? new ProxyAgent(proxy) : undefined`, `proxy && new ProxyAgent(proxy)`: each agent it may be decides.
  if (value.type === AST_NODE_TYPES.ConditionalExpression) {
    return agentState(model, value.consequent, sourceCode, client, keys) === 'absent'
      ? agentState(model, value.alternate, sourceCode, client, keys)
      : 'set';
  }
  if (value.type === AST_NODE_TYPES.LogicalExpression && value.operator === '&&') {
    return agentState(model, value.right, sourceCode, client, keys);
  }
  const construction = model.constructionOf(value);
  if (!construction) return 'set';
  for (const key of keys) {
    const found = lookupOption(construction.options, key);
    if (found.kind === 'unknown') return 'set';
    if (found.kind === 'missing') continue;
    const known = getStaticValue(found.value, sourceCode.getScope(found.value));
    if (!known || (known.value !== undefined && !isDisabledTimeout(client, known.value))) return 'set';
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
    if (LISTENER_METHODS.has(name) && isStringLiteral(call.arguments[0], 'socket') && socketListenerMayTimeOut(call.arguments[1], sourceCode)) {
      return 'set';
    }
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

/**
 * May a `'socket'` listener time the socket out? One not written inline may; an inline one only
 * when it speaks of a timeout or ends the socket (`socket.setTimeout(ms)`, `socket.destroy()`),
 * not when it only watches the connection's events (`socket.on('connect', ...)`).
 */
function socketListenerMayTimeOut(listener: TSESTree.Node | undefined, sourceCode: TSESLint.SourceCode): boolean {
  if (!isFunctionNode(listener)) return true;
  return /\b(?:setTimeout|timeout|destroy|end|abort)\b/iu.test(sourceCode.getText(listener.body));
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

/**
 * Is `value` the signal of a local `new AbortController()` that nothing can abort: every use of
 * the controller reads its `signal`, so no `abort()` is called and the controller never leaves
 * the function (or module) that made it? Such a signal never fires.
 * https://developer.mozilla.org/en-US/docs/Web/API/AbortController/abort
 */
function isInertSignal(value: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const inner = skipWrappersDown(value);
  if (!isMemberNamed(inner, 'signal') || inner.object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(inner.object), inner.object);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (
    !variable ||
    variable.scope.type === TSESLintValues.Scope.ScopeType.global ||
    definition?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    definition.node.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    !definition.node.init
  ) {
    return false;
  }
  const init = skipWrappersDown(definition.node.init);
  if (
    init.type !== AST_NODE_TYPES.NewExpression ||
    init.callee.type !== AST_NODE_TYPES.Identifier ||
    init.callee.name !== 'AbortController' ||
    // A class of the file named `AbortController` is not the global one.
    ASTUtils.findVariable(sourceCode.getScope(init), init.callee)?.defs.length
  ) {
    return false;
  }
  return variable.references.every((reference) => {
    if (reference.init === true) return true;
    const outer = skipWrappersUp(reference.identifier);
    const member = outer.parent;
    return (
      !reference.isWrite() &&
      isMemberNamed(member, 'signal') &&
      member.object === outer &&
      !(member.parent.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member)
    );
  });
}

/**
 * The function a wrapper call runs, when the file defines it: `fetchJson(url)` of a local
 * function, `this.fetchJson(url)` of a method of the same class, `api.fetch(url)` of a method of
 * a `const api = { ... }` object literal or of a `const api = new Api()` of a class of the file.
 */
function wrapperDefinition(callee: TSESTree.Node, sourceCode: TSESLint.SourceCode): FunctionNode | null {
  const target = skipWrappersDown(callee);
  if (target.type === AST_NODE_TYPES.Identifier) return resolveLocalFunction(target, sourceCode);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = getStaticName(target);
  if (name === null) return null;
  const object = skipWrappersDown(target.object);
  let members: readonly TSESTree.Node[] = [];
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    members = enclosingClassBody(target)?.body ?? [];
  } else if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(object), object);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : null;
    if (init?.type === AST_NODE_TYPES.ObjectExpression) members = init.properties;
    // `const http = new Client()` of a class the file defines.
    if (init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier) {
      const classVariable = ASTUtils.findVariable(sourceCode.getScope(init), init.callee);
      const classNode = classVariable?.defs.length === 1 ? classVariable.defs[0]?.node : undefined;
      if (classNode?.type === AST_NODE_TYPES.ClassDeclaration) members = classNode.body.body;
    }
  }
  for (const member of members) {
    if (
      (member.type === AST_NODE_TYPES.MethodDefinition ||
        member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.Property) &&
      !(member.type !== AST_NODE_TYPES.Property && member.static) &&
      getStaticName(member) === name
    ) {
      return isFunctionNode(member.value) ? member.value : null;
    }
  }
  return null;
}

/** Methods of `AbortSignal` that make a signal with a deadline. https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal */
const DEADLINE_SIGNALS: ReadonlySet<string> = new Set(['any', 'timeout']);

/**
 * Is `node` a way a wrapper gives its request a deadline: `AbortSignal.timeout()` or
 * `AbortSignal.any()`, a timer (`setTimeout`, which may abort a controller), `Promise.race`, a
 * `timeout` option, or a call of a `timeoutFunctions` function?
 */
function setsDeadline(node: TSESTree.Node, model: HttpModel): boolean {
  if (node.type === AST_NODE_TYPES.Property) return getStaticName(node) === 'timeout';
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappersDown(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'setTimeout') return true;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    ((callee.object.name === 'AbortSignal' && isMemberNamed(callee, DEADLINE_SIGNALS)) ||
      (callee.object.name === 'Promise' && isMemberNamed(callee, 'race')))
  ) {
    return true;
  }
  return calleeMatches(callee, model.settings.timeoutFunctions);
}
