import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { OptionLookup, FunctionNode, LoopNode } from '../ast/nodes';
import type { TraceMap, TraceMapElement, TrackedReference } from '../ast/reference-tracker';
import type { ApiInfo, ApiShape, ClientName, ConstructApi, ConstructedKind, RequestSignature } from '../clients/catalogue';
import type { HttpClientSettings } from '../settings';
import type { TypeInfo } from './type-info';
import { allNodes, findProperty, getMethodCall, getStaticName, isFunctionNode, isInLoopBody, isLoopNode, isMemberNamed, isUndefinedLiteral, nodesOfType, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { GLOBAL_FETCH_SHAPE, GLOBAL_OBJECT_NAMES, instanceShapeOf, MODULE_SHAPES } from '../clients/catalogue';
import { enclosingClassBody, globalReferences, interopWrapperOf, isClassField, requireCalls } from '../ast/scope';
import { getSettings } from '../settings';
import { createTracker } from '../ast/reference-tracker';
import { getTypeInfo, isFetchResponseNode } from './type-info';
import type { FactoryFunction } from './client-stores';
import { callsOf, fieldStoreOf, returningFunction, storedValue, valueLeaves } from './client-stores';
import { isLocalResourceUrl } from './local-resources';

const { ReferenceTracker } = ASTUtils;

/**
 * An options or config argument as far as the code shows it.
 * - `none`: the argument is absent (or `undefined`);
 * - `object`: an object literal, whose properties can be looked up with {@link lookupOption};
 * - `unknown`: something else (a variable, a call, a spread argument): it may contain anything.
 */
export type OptionsRef =
  | { readonly kind: 'none' }
  | { readonly kind: 'object'; readonly node: TSESTree.ObjectExpression }
  | { readonly kind: 'unknown'; readonly node: TSESTree.Node | null };

/** Where a client instance came from. */
export type InstanceOrigin = 'construct' | 'factory' | 'library' | 'settings';

/**
 * A client that requests are made on: a library's default export (`axios`, `got`, `ky`), an instance
 * derived from it (`axios.create(config)`, `got.extend(options)`), an undici dispatcher, or a
 * pre-configured client that `settings['http-client'].clientModules` names.
 */
export interface ClientInstance {
  readonly client: ClientName;
  readonly origin: InstanceOrigin;
  /** The module the client (or its root) was imported from. */
  readonly module: string;
  /** The construction that made it; `null` for a library default or a settings client. */
  readonly construction: ClientConstruction | null;
  /** The config it was made with (`axios.create(config)`); `unknown` for settings clients. */
  readonly config: OptionsRef;
  /** The instance it was derived from (`base.extend(...)`), if any. */
  readonly parent: ClientInstance | null;
  /** Writes of `instance.defaults.<key> = value` seen in this file (axios). */
  readonly defaults: ReadonlyMap<string, TSESTree.AssignmentExpression>;
  /** `instance.defaults` is changed in a way that cannot be followed (`Object.assign`, reassignment). */
  readonly defaultsUnknown: boolean;
  /** Reads of `instance.interceptors` in this file (axios): the `api.interceptors` of `api.interceptors.request.use(fn)`. */
  readonly interceptorReads: readonly TSESTree.Node[];
}

/**
 * Where a construction runs, from the nearest enclosing function outwards. Static fields and
 * static blocks run once, where the class is defined, so they are looked through.
 */
export interface Placement {
  /** The nearest enclosing function, or `null` at module level or in an instance field. */
  readonly fn: FunctionNode | null;
  /** The nearest loop, inside `fn`, whose body contains the construction; `null` when none. */
  readonly loop: LoopNode | null;
  /** `fn` is a class constructor. */
  readonly inConstructor: boolean;
  /** The construction is an instance field initialiser (`agent = new Agent()`), run by every `new`. */
  readonly inClassField: boolean;
}

/**
 * A construction of a client, agent or pool: `axios.create()`, `got.extend()`, `ky.create()`,
 * `new https.Agent()`, undici `new Pool()`, `new HttpsProxyAgent()` and the like.
 */
export interface ClientConstruction {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** `instance` for factories (`axios.create`), otherwise what the class creates. */
  readonly kind: ConstructedKind | 'instance';
  /** The client whose requests the result can send, or `null` for plain agents. */
  readonly client: ClientName | null;
  readonly module: string;
  /** How the code names it, for messages: `axios.create()`, `new https.Agent()`. */
  readonly label: string;
  readonly options: OptionsRef;
  readonly placement: Placement;
  /** The instance it creates, when it can send requests itself. */
  readonly instance: ClientInstance | null;
  /** Interceptors or defaults of the created instance are changed in this file. */
  readonly mutated: boolean;
}

/** How a request was recognised. */
export type RequestSource =
  /** A call of a library export: `fetch()`, `axios.get()`, `got()`, `http.request()`. */
  | 'library'
  /** A call on a client instance: `api.get()` after `const api = axios.create()`. */
  | 'instance'
  /** A client that `settings['http-client'].clientModules` names. */
  | 'settings'
  /** A function named in `settings['http-client'].fetchFunctions` or `timeoutFunctions`. */
  | 'wrapper'
  /** Any call whose type is a Fetch `Response` promise (type-aware mode only). */
  | 'typed'
  /**
   * A project wrapper inferred from its name and the use of its result (`model/wrappers.ts`); such
   * requests are not in {@link HttpModel.requests}: rules that trust the inference ask for them.
   */
  | 'inferred';

/** An HTTP request the file sends. */
export interface HttpRequest {
  readonly node: TSESTree.CallExpression;
  readonly client: ClientName;
  /** The method called (`get`, `request`); `null` when the client itself is called. */
  readonly method: string | null;
  readonly source: RequestSource;
  /** The module the client came from; `null` for the global `fetch` and for typed or wrapper calls. */
  readonly module: string | null;
  /** The client instance for axios, got, ky and undici dispatchers (library defaults included). */
  readonly instance: ClientInstance | null;
  /** The URL argument, when the call has one separate from its options. */
  readonly url: TSESTree.Node | null;
  readonly options: OptionsRef;
  /** The response callback of `http.get(url, res => ...)`, when given inline. */
  readonly callback: FunctionNode | null;
  /** A function from `settings['http-client'].timeoutFunctions` gives the request its deadline. */
  readonly deadlineFromWrapper: boolean;
  /** The URL is a local resource (`data:`, `blob:`, a module asset), so the request never reaches the network. */
  readonly localResource: boolean;
}

/** Everything the plugin knows about the HTTP traffic of one file. */
export interface HttpModel {
  readonly requests: readonly HttpRequest[];
  readonly constructions: readonly ClientConstruction[];
  readonly settings: HttpClientSettings;
  /** Type information, or `null` when the file was linted without it. */
  readonly types: TypeInfo | null;
  /** The request made by `call`, if it is one. */
  requestOf(call: TSESTree.Node): HttpRequest | undefined;
  /** The construction made by `node`, if it is one. */
  constructionOf(node: TSESTree.Node): ClientConstruction | undefined;
  /** Is `callee` one of the project's status-check functions (`assertOk`)? */
  isStatusCheckFunction(callee: TSESTree.Node): boolean;
}

const cache = new WeakMap<TSESTree.Program, HttpModel>();

/**
 * The HTTP model of the file being linted. Built once per file and shared by every rule, so
 * enabling more rules does not repeat the analysis.
 */
export function getHttpModel(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): HttpModel {
  const sourceCode = context.sourceCode;
  // Keyed on the AST: oxlint's JS plugins reuse one `SourceCode` object for every file.
  let model = cache.get(sourceCode.ast);
  if (!model) {
    model = buildModel(sourceCode, getSettings(context), getTypeInfo(context));
    cache.set(sourceCode.ast, model);
  }
  return model;
}

/**
 * Looks up `name` in an options reference: `found` with its value, `missing`, or `unknown` when
 * the options cannot be seen (unknown is not missing: rules must not report it).
 */
export function lookupOption(options: OptionsRef, name: string): OptionLookup {
  switch (options.kind) {
    case 'none':
      return { kind: 'missing' };
    case 'object':
      return findProperty(options.node, name);
    case 'unknown':
      return { kind: 'unknown' };
  }
}

/**
 * Looks up a setting of a client instance as it applies to its requests: a
 * `defaults.<key> = value` write in the file wins, then the instance's own config, then the
 * instance it was derived from. Settings clients and untraceable defaults are `unknown`.
 */
export function lookupInstanceOption(instance: ClientInstance, name: string): OptionLookup {
  const write = instance.defaults.get(name);
  if (write) {
    return { kind: 'found', property: write, value: write.right };
  }
  if (instance.defaultsUnknown) return { kind: 'unknown' };
  const own = lookupOption(instance.config, name);
  if (own.kind !== 'missing') return own;
  return instance.parent ? lookupInstanceOption(instance.parent, name) : own;
}

/** Is the request's URL a local resource (`data:`, `blob:`, a bundled asset) rather than the network? */
export function isLocalResourceRequest(request: HttpRequest): boolean {
  return request.localResource;
}

/**
 * Does the dotted name of `callee` match one of `names`? A name without a dot matches a function
 * called by that name directly or as a method (`assertOk(...)`, `utils.assertOk(...)`); a dotted
 * name matches the end of the callee (`http.fetch` matches `this.http.fetch(...)`).
 */
export function calleeMatches(callee: TSESTree.Node, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const path = dottedPath(skipWrappersDown(callee));
  if (path === null) return false;
  return names.some((name) => path === name || path.endsWith(`.${name}`));
}

function dottedPath(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const key = getStaticName(node);
    const object = dottedPath(skipWrappersDown(node.object));
    return key === null || object === null ? null : `${object}.${key}`;
  }
  return null;
}

interface TraceInfo {
  readonly api: ApiInfo;
  readonly module: string;
}

/** What the reference tracker yields: the tracker's symbols carry a {@link TraceInfo}. */
type FoundReference = TrackedReference<TraceInfo>;

interface MutableInstance extends ClientInstance {
  construction: ClientConstruction | null;
  defaults: Map<string, TSESTree.AssignmentExpression>;
  defaultsUnknown: boolean;
  interceptorReads: TSESTree.Node[];
}

interface MutableConstruction extends ClientConstruction {
  mutated: boolean;
}

function buildModel(sourceCode: TSESLint.SourceCode, settings: HttpClientSettings, types: TypeInfo | null): HttpModel {
  const globalScope = sourceCode.scopeManager?.globalScope;
  const requests: HttpRequest[] = [];
  const constructions: MutableConstruction[] = [];
  const requestByNode = new Map<TSESTree.Node, HttpRequest>();
  const constructionByNode = new Map<TSESTree.Node, MutableConstruction>();
  const model: HttpModel = {
    requests,
    constructions,
    settings,
    types,
    requestOf: (node) => requestByNode.get(node),
    constructionOf: (node) => constructionByNode.get(node),
    isStatusCheckFunction: (callee) => calleeMatches(callee, settings.statusCheckFunctions),
  };
  if (!globalScope) return model;

  const tracker = createTracker<TraceInfo>(globalScope);
  const propertyTracker = tracker;
  const libraryInstances = new Map<string, MutableInstance>();
  /** Instances stored on `this.<field>`, resolved after the first pass. */
  const fieldInstances: { instance: MutableInstance; field: string; classBody: TSESTree.ClassBody; store: TSESTree.Node }[] = [];
  /** Methods that return an instance (`getApi() { return axios.create() }`), resolved in the walk. */
  const factoryMethods: { instance: MutableInstance; classBody: TSESTree.ClassBody; name: string }[] = [];
  /** Whether the file imports or requires a known module, or uses the global `axios`. */
  let hasLibraryRoot = false;

  const { traceMapOf, esmMap } = getTraceMaps(settings.clientModules);

  function libraryInstance(client: ClientName, module: string, origin: InstanceOrigin): MutableInstance {
    const key = `${origin}:${module}:${client}`;
    let instance = libraryInstances.get(key);
    if (!instance) {
      instance = {
        client,
        origin,
        module,
        construction: null,
        config: origin === 'settings' ? { kind: 'unknown', node: null } : { kind: 'none' },
        parent: null,
        defaults: new Map(),
        defaultsUnknown: false,
        interceptorReads: [],
      };
      libraryInstances.set(key, instance);
    }
    return instance;
  }

  function handle(found: FoundReference, context: MutableInstance | null): void {
    const { api, module } = found.info;
    const node = found.node;
    const settingsClient = Object.hasOwn(settings.clientModules, module) && !Object.hasOwn(MODULE_SHAPES, module);
    switch (api.role) {
      case 'request': {
        if (node.type !== AST_NODE_TYPES.CallExpression || requestByNode.has(node)) return;
        let instance = context;
        if (!instance && api.client !== 'fetch' && api.client !== 'node-http' && !(api.client === 'undici' && !settingsClient)) {
          instance = libraryInstance(api.client, module, settingsClient ? 'settings' : 'library');
        }
        addRequest(node, api.client, api.method, api.signature, {
          source: context ? 'instance' : settingsClient ? 'settings' : 'library',
          module: module === '' ? null : module,
          instance,
        });
        return;
      }
      case 'factory': {
        if (node.type !== AST_NODE_TYPES.CallExpression) return;
        // A factory that starts from fresh defaults (`ky.create()`) makes an instance without a parent.
        const parent = api.inherits ? (context ?? libraryInstance(api.client, module, settingsClient ? 'settings' : 'library')) : null;
        const instance = createInstance(node, 'instance', api.client, module, argumentOptions(node, 0), parent);
        if (instance) trackInstance(instance, node);
        return;
      }
      case 'construct': {
        if (node.type !== AST_NODE_TYPES.NewExpression) return;
        const instance = createInstance(node, api.kind, api.client, module, argumentOptions(node, api.optionsIndex), null, api);
        if (instance) trackInstance(instance, node);
        return;
      }
      case 'defaults': {
        // Only axios has `defaults`; `axios.defaults.timeout = ...` configures the library default.
        recordDefaultsUse(context ?? libraryInstance('axios', module, settingsClient ? 'settings' : 'library'), node);
        return;
      }
      case 'interceptors': {
        const target = context ?? libraryInstance('axios', module, settingsClient ? 'settings' : 'library');
        target.interceptorReads.push(node);
        if (target.construction) (target.construction as MutableConstruction).mutated = true;
        return;
      }
    }
  }

  function createInstance(
    node: TSESTree.CallExpression | TSESTree.NewExpression,
    kind: ConstructedKind | 'instance',
    client: ClientName | null,
    module: string,
    options: OptionsRef,
    parent: MutableInstance | null,
    construct?: ConstructApi,
  ): MutableInstance | null {
    if (constructionByNode.has(node)) return null;
    const instance: MutableInstance | null =
      client && (kind === 'instance' || construct?.client)
        ? {
            client,
            origin: kind === 'instance' ? 'factory' : 'construct',
            module,
            construction: null,
            config: options,
            parent,
            defaults: new Map(),
            defaultsUnknown: false,
            interceptorReads: [],
          }
        : null;
    const construction: MutableConstruction = {
      node,
      kind,
      client,
      module,
      label: constructionLabel(node),
      options,
      placement: getPlacement(node),
      instance,
      mutated: false,
    };
    if (instance) instance.construction = construction;
    constructions.push(construction);
    constructionByNode.set(node, construction);
    return instance;
  }

  function trackInstance(instance: MutableInstance, node: TSESTree.Node): void {
    const map = traceMapOf(instanceShapeOf(instance.client), instance.module);
    for (const found of propertyTracker.iteratePropertyReferences(node, map)) handle(found, instance);
    // this.api = axios.create() / class Api { api = axios.create() } / this.api = opts.api ?? axios.create()
    const fieldStore = fieldStoreOf(node);
    if (fieldStore) fieldInstances.push({ instance, ...fieldStore });
    // getApi() { return axios.create() } ... getApi().get(url)
    const factory = returningFunction(node, sourceCode);
    if (factory) trackFactoryCalls(instance, factory, map);
  }

  function trackFactoryCalls(instance: MutableInstance, factory: FactoryFunction, map: TraceMapElement): void {
    if (factory.kind === 'method') {
      factoryMethods.push({ instance, classBody: factory.classBody, name: factory.name });
      return;
    }
    for (const call of callsOf(factory.variable)) {
      for (const found of propertyTracker.iteratePropertyReferences(call, map)) handle(found, instance);
    }
  }

  /**
   * The library client that `leaf` names, when it is one with requests of its own (axios, got,
   * ky, or a settings client of theirs): an import binding, a `require()` of the module, or the
   * global `axios`. Used for values the tracker does not follow, such as `this.http = opts.http || axios`.
   */
  function libraryRootOf(leaf: TSESTree.Node): MutableInstance | null {
    if (leaf.type !== AST_NODE_TYPES.Identifier) return null;
    if (globalAxios.has(leaf)) return libraryInstance('axios', 'axios', 'library');
    const variable = ASTUtils.findVariable(sourceCode.getScope(leaf), leaf);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return null;
    let module: string | null = null;
    let name = 'default';
    if (def.node.type === AST_NODE_TYPES.ImportDefaultSpecifier || def.node.type === AST_NODE_TYPES.ImportSpecifier) {
      const declaration = def.node.parent;
      module = declaration.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : null;
      if (def.node.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported = def.node.imported;
        name = imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value;
      }
    } else if (
      def.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.node.id.type === AST_NODE_TYPES.Identifier &&
      def.node.init &&
      !variable?.references.some((reference) => reference.isWrite() && reference.init !== true)
    ) {
      let init = skipWrappersDown(def.node.init);
      if (isMemberNamed(init, 'default')) init = skipWrappersDown(init.object);
      const required = requiredModules.get(init);
      if (required === undefined) return null;
      module = required;
    }
    if (module === null || !Object.hasOwn(esmMap, module)) return null;
    const element = (esmMap[module] as Record<string, TraceMapElement | undefined>)[name];
    const info = element && (element as unknown as Record<symbol, TraceInfo | undefined>)[ReferenceTracker.CALL];
    if (info?.api.role !== 'request' || (info.api.client !== 'axios' && info.api.client !== 'got' && info.api.client !== 'ky')) {
      return null;
    }
    const settingsClient = Object.hasOwn(settings.clientModules, module) && !Object.hasOwn(MODULE_SHAPES, module);
    return libraryInstance(info.api.client, module, settingsClient ? 'settings' : 'library');
  }

  function recordDefaultsUse(instance: MutableInstance, node: TSESTree.Node): void {
    // node is `x.defaults`; look for `x.defaults.key = value`.
    const outer = skipWrappersUp(node);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
      const key = getStaticName(parent);
      const member = skipWrappersUp(parent);
      const assignment = member.parent;
      if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member) {
        if (key === null) instance.defaultsUnknown = true;
        else instance.defaults.set(key, assignment);
        if (instance.construction) (instance.construction as MutableConstruction).mutated = true;
      } else if (instance.construction && isAssignmentTarget(member)) {
        // `x.defaults.headers.common.Authorization = token` changes the defaults too.
        (instance.construction as MutableConstruction).mutated = true;
      }
      return;
    }
    // `x.defaults = {...}`, `Object.assign(x.defaults, ...)`, passing it on: cannot be followed.
    if (
      (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) ||
      parent?.type === AST_NODE_TYPES.CallExpression
    ) {
      instance.defaultsUnknown = true;
      if (instance.construction) (instance.construction as MutableConstruction).mutated = true;
    }
  }

  function addRequest(
    node: TSESTree.CallExpression,
    client: ClientName,
    method: string | null,
    signature: RequestSignature,
    extra: { source: RequestSource; module: string | null; instance: ClientInstance | null },
  ): void {
    const { url, options, callback } = readArguments(node, signature, method, sourceCode);
    const request: HttpRequest = {
      node,
      client,
      method,
      source: extra.source,
      module: extra.module,
      instance: extra.instance,
      url,
      options,
      callback,
      deadlineFromWrapper: isWrappedByTimeoutFunction(node, settings),
      localResource: url !== null && isLocalResourceUrl(url, sourceCode),
    };
    requests.push(request);
    requestByNode.set(node, request);
  }

  // 1. Imports and `require()` of known modules.
  for (const found of tracker.iterateEsmReferences(esmMap)) handle(found, null);
  const requiredModules = new Map<TSESTree.Node, string>();
  for (const { call, module: specifier } of requireCalls(globalScope)) {
    const module = knownModuleOf(specifier, esmMap);
    const map = module === null ? undefined : esmMap[module];
    if (!map || module === null) continue;
    // Transpiled CommonJS wraps the call: `__importDefault(require('axios'))`, then `axios_1.default.get()`.
    const root = interopWrapperOf(call) ?? call;
    requiredModules.set(root, module);
    for (const found of propertyTracker.iteratePropertyReferences(root, map)) handle(found, null);
  }

  // TypeScript's `import axios = require('axios')`.
  for (const statement of sourceCode.ast.body) {
    if (
      statement.type !== AST_NODE_TYPES.TSImportEqualsDeclaration ||
      statement.moduleReference.type !== AST_NODE_TYPES.TSExternalModuleReference
    ) {
      continue;
    }
    const name = statement.moduleReference.expression.value;
    const map = Object.hasOwn(esmMap, name) ? esmMap[name] : undefined;
    if (!map) continue;
    for (const variable of sourceCode.getDeclaredVariables(statement)) {
      for (const reference of variable.references) {
        if (!reference.isRead()) continue;
        for (const found of propertyTracker.iteratePropertyReferences(reference.identifier, map)) handle(found, null);
      }
    }
  }

  hasLibraryRoot =
    requiredModules.size > 0 ||
    sourceCode.ast.body.some(
      (statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && Object.hasOwn(esmMap, statement.source.value),
    );

  // 2. The global `fetch`, also as `globalThis.fetch`, `window.fetch`, `self.fetch`.
  const fetchMap = traceMapOf(GLOBAL_FETCH_SHAPE, '');
  for (const identifier of globalReferences(globalScope, 'fetch')) {
    for (const found of propertyTracker.iteratePropertyReferences(identifier, fetchMap)) handle(found, null);
  }
  const globalObjectMap = { fetch: fetchMap } as unknown as TraceMapElement;
  for (const name of GLOBAL_OBJECT_NAMES) {
    for (const identifier of globalReferences(globalScope, name)) {
      for (const found of propertyTracker.iteratePropertyReferences(identifier, globalObjectMap)) handle(found, null);
    }
  }
  // A browser `<script>` build of axios is the global `axios`: only when nothing in the file declares,
  // imports or assigns that name, so a local `axios` of any kind is never taken for it.
  const globalAxios = new Set<TSESTree.Node>(globalReferences(globalScope, 'axios'));
  if (globalAxios.size > 0) {
    hasLibraryRoot = true;
    const axiosMap = traceMapOf(MODULE_SHAPES.axios as ApiShape, 'axios');
    for (const identifier of globalAxios) {
      for (const found of propertyTracker.iteratePropertyReferences(identifier, axiosMap)) handle(found, null);
    }
  }

  // 3. What needs a walk of the tree: dynamic imports, `this.<field>` instances, wrappers named in
  //    settings, and typed requests. Done once, and only when something asks for it.
  const text = sourceCode.text;
  const wrapperNames = [...settings.fetchFunctions, ...settings.timeoutFunctions];
  const wantsWrappers = wrapperNames.some((name) => text.includes(name.slice(name.lastIndexOf('.') + 1)));
  const wantsImports = text.includes('import(');
  const wantsStores = hasLibraryRoot && text.includes('this');
  if (wantsWrappers || wantsImports || wantsStores || fieldInstances.length > 0 || factoryMethods.length > 0 || types) {
    const { calls, imports, thisMembers, stores } = collect(sourceCode, wantsStores);
    for (const node of imports) {
      const name = ASTUtils.getStringIfConstant(node.source);
      const map = name != null && Object.hasOwn(esmMap, name) ? esmMap[name] : undefined;
      const awaited = skipWrappersUp(node).parent;
      if (!map || awaited?.type !== AST_NODE_TYPES.AwaitExpression) continue;
      for (const found of propertyTracker.iteratePropertyReferences(awaited, map)) handle(found, null);
    }
    // A library client kept in a field, maybe as a default: `this.http = opts.http || axios`.
    for (const store of stores) {
      const value = storedValue(store);
      const fieldStore = value && fieldStoreOf(value);
      if (!value || !fieldStore) continue;
      for (const leaf of valueLeaves(value)) {
        const instance = libraryRootOf(leaf);
        if (instance) fieldInstances.push({ instance, ...fieldStore });
      }
    }
    // `this.<name>` reads by class and name, so each field instance finds its reads directly.
    const thisMembersByClass = new Map<TSESTree.ClassBody, Map<string, TSESTree.MemberExpression[]>>();
    if (fieldInstances.length > 0 || factoryMethods.length > 0) {
      for (const member of thisMembers) {
        const name = getStaticName(member);
        const classBody = name === null ? null : enclosingClassBody(member);
        if (name === null || !classBody) continue;
        let byName = thisMembersByClass.get(classBody);
        if (!byName) {
          byName = new Map();
          thisMembersByClass.set(classBody, byName);
        }
        const list = byName.get(name);
        if (list) list.push(member);
        else byName.set(name, [member]);
      }
    }
    // `this.getApi().get(url)` where `getApi()` returns `axios.create(...)`.
    for (const { instance, classBody, name } of factoryMethods) {
      const map = traceMapOf(instanceShapeOf(instance.client), instance.module);
      for (const member of thisMembersByClass.get(classBody)?.get(name) ?? []) {
        const call = getMethodCall(member);
        if (!call) continue;
        for (const found of propertyTracker.iteratePropertyReferences(call, map)) handle(found, instance);
      }
    }
    // Following a field may find more field instances (`this.b = this.a.extend()`): they are appended.
    for (const { instance, field, classBody, store } of fieldInstances) {
      const map = traceMapOf(instanceShapeOf(instance.client), instance.module);
      for (const member of thisMembersByClass.get(classBody)?.get(field) ?? []) {
        if (member === store) continue;
        for (const found of propertyTracker.iteratePropertyReferences(member, map)) handle(found, instance);
        const dispatched = dispatchedRequest(member, instance.client);
        if (dispatched && !requestByNode.has(dispatched)) {
          addRequest(dispatched, instance.client, null, 'config-or-url-options', {
            source: 'instance',
            module: instance.module,
            instance,
          });
        }
      }
    }
    // `calls` is in pre-order; walking it backwards sees every call after the calls inside it.
    const chainsOnRequest = new Set<TSESTree.Node>();
    for (let index = calls.length - 1; index >= 0; index--) {
      const call = calls[index] as TSESTree.CallExpression;
      if (requestByNode.has(call)) continue;
      if (wantsWrappers && calleeMatches(call.callee, wrapperNames)) {
        // `withDeadline(fetch(url))` gives the request inside it a deadline; it is not a second request.
        if (call.arguments.some((argument) => requestByNode.has(skipWrappersDown(argument)))) continue;
        addRequest(call, 'fetch', null, 'url-options', { source: 'wrapper', module: null, instance: null });
        continue;
      }
      if (!types || !isResponseConsumer(call)) continue;
      // `fetch(u).catch(f)` is still a `Response` promise, but of the request inside it, whose
      // response `getResponseFlow` follows through the chain: not a second request.
      const receiver = promiseChainReceiver(call);
      if (receiver && (requestByNode.has(receiver) || chainsOnRequest.has(receiver))) {
        chainsOnRequest.add(call);
      } else if (isFetchResponseNode(call, types)) {
        addRequest(call, 'fetch', null, 'url-options', { source: 'typed', module: null, instance: null });
      }
    }
  }

  requests.sort((a, b) => a.node.range[0] - b.node.range[0]);
  constructions.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return model;
}

/**
 * A request method picked at run time on a got or ky instance, `this.api[method](url, options)`:
 * every method such a key can name takes a URL and then options (`stream` and `paginate` too).
 * axios is left out: where its config goes depends on the method.
 */
function dispatchedRequest(instanceRead: TSESTree.Node, client: ClientName): TSESTree.CallExpression | null {
  if (client !== 'got' && client !== 'ky') return null;
  const outer = skipWrappersUp(instanceRead);
  const member = outer.parent;
  if (
    member?.type !== AST_NODE_TYPES.MemberExpression ||
    member.object !== outer ||
    !member.computed ||
    getStaticName(member) !== null
  ) {
    return null;
  }
  const call = getMethodCall(member);
  return call && call.arguments.length > 0 ? call : null;
}

/** Is `node`, or a member chain on it (`node.a.b`), the target of an assignment? */
function isAssignmentTarget(node: TSESTree.Node): boolean {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.left === current;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return false;
    current = skipWrappersUp(parent);
  }
}

/**
 * The known module a `require()` specifier loads: the specifier itself, or the package's main
 * file named outright (`axios/index`, `got/index.js`); `null` for anything else.
 */
function knownModuleOf(specifier: string, esmMap: TraceMap): string | null {
  if (Object.hasOwn(esmMap, specifier)) return specifier;
  const main = /^((?:@[^/]+\/)?[^/@]+)\/index(?:\.c?js)?$/u.exec(specifier);
  return main?.[1] !== undefined && Object.hasOwn(esmMap, main[1]) ? main[1] : null;
}

/** The reference-tracker maps for the known modules and the project's client modules. */
interface TraceMaps {
  /** The map of `shape` whose infos name `module`; the same object for the same arguments. */
  readonly traceMapOf: (shape: ApiShape, module: string) => TraceMapElement;
  /** Every module by import specifier, with `default` looked through for CommonJS interop. */
  readonly esmMap: TraceMap;
}

/**
 * Trace maps depend only on the settings, and the tracker only reads them, so they are built once
 * per `clientModules` value and shared by every file instead of being rebuilt per file.
 */
const traceMapsCache = new WeakMap<object, TraceMaps>();

function getTraceMaps(clientModules: HttpClientSettings['clientModules']): TraceMaps {
  const cached = traceMapsCache.get(clientModules);
  if (cached) return cached;
  const perModule = new Map<string, Map<ApiShape, TraceMapElement>>();
  const traceMapOf = (shape: ApiShape, module: string): TraceMapElement => {
    let maps = perModule.get(module);
    if (!maps) {
      maps = new Map();
      perModule.set(module, maps);
    }
    const known = maps.get(shape);
    if (known) return known;
    const map: Record<string | symbol, unknown> = {};
    maps.set(shape, map as TraceMapElement);
    if (shape.call) map[ReferenceTracker.CALL] = { api: shape.call, module };
    if (shape.construct) map[ReferenceTracker.CONSTRUCT] = { api: shape.construct, module };
    if (shape.read) map[ReferenceTracker.READ] = { api: shape.read, module };
    for (const [key, member] of Object.entries(shape.members ?? {})) {
      map[key] = traceMapOf(member, module);
    }
    return map as TraceMapElement;
  };
  const allModules: Record<string, ApiShape> = { ...MODULE_SHAPES };
  for (const [module, exports] of Object.entries(clientModules)) {
    allModules[module] = settingsModuleShape(exports);
  }
  const esmMap: TraceMap = {};
  for (const [module, shape] of Object.entries(allModules)) {
    const map = traceMapOf(shape, module);
    esmMap[module] = { ...map, default: map };
  }
  const maps: TraceMaps = { traceMapOf, esmMap };
  traceMapsCache.set(clientModules, maps);
  return maps;
}

function settingsModuleShape(exports: Readonly<Record<string, ClientName>>): ApiShape {
  const members: Record<string, ApiShape> = {};
  for (const [name, client] of Object.entries(exports)) members[name] = instanceShapeOf(client);
  const root = exports.default ? instanceShapeOf(exports.default) : {};
  return { ...root, members: { ...root.members, ...members } };
}

function argumentOptions(node: TSESTree.CallExpression | TSESTree.NewExpression, index: number): OptionsRef {
  if (node.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
    return { kind: 'unknown', node: null };
  }
  return toOptions(node.arguments[index]);
}

function toOptions(node: TSESTree.Node | undefined): OptionsRef {
  if (!node || isUndefinedLiteral(node)) return { kind: 'none' };
  const inner = skipWrappersDown(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return { kind: 'object', node: inner };
  return { kind: 'unknown', node };
}

/** Is `node` certainly a URL (a string or template literal, a `new URL()`, a concatenation)? */
function isUrlLike(node: TSESTree.Node): boolean {
  const inner = skipWrappersDown(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return inner.operator === '+';
    case AST_NODE_TYPES.NewExpression:
      return inner.callee.type === AST_NODE_TYPES.Identifier && inner.callee.name === 'URL';
    default:
      return false;
  }
}

/** Is `node` an identifier bound once, by `const`, to something {@link isUrlLike}? */
function isConstantUrl(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const inner = skipWrappersDown(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(inner), inner);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return (
    definition?.node.type === AST_NODE_TYPES.VariableDeclarator &&
    definition.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
    definition.parent.kind === 'const' &&
    definition.node.init !== null &&
    isUrlLike(definition.node.init)
  );
}

function readArguments(
  node: TSESTree.CallExpression,
  signature: RequestSignature,
  method: string | null,
  sourceCode: TSESLint.SourceCode,
): { url: TSESTree.Node | null; options: OptionsRef; callback: FunctionNode | null } {
  const args = node.arguments;
  const spread = args.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  const at = (index: number): TSESTree.Node | undefined =>
    spread !== -1 && index >= spread ? undefined : args[index];
  const unknown: OptionsRef = { kind: 'unknown', node: null };
  const optionsAt = (index: number): OptionsRef =>
    spread !== -1 && index >= spread ? unknown : toOptions(args[index]);
  switch (signature) {
    case 'url-options':
      return { url: at(0) ?? null, options: optionsAt(1), callback: null };
    case 'url-data-options':
      return { url: at(0) ?? null, options: optionsAt(2), callback: null };
    case 'options':
      return { url: null, options: optionsAt(0), callback: null };
    case 'config-or-url-options': {
      const first = at(0);
      if (first && skipWrappersDown(first).type === AST_NODE_TYPES.ObjectExpression) {
        return { url: null, options: toOptions(first), callback: null };
      }
      // `axios(x)`, `got(x)` and `axios.request(x)` with one argument of unknown kind may be a whole
      // config; a named method (`got.get(x)`) almost always takes a URL first.
      if (
        first &&
        args.length === 1 &&
        (method === null || method === 'request') &&
        !isUrlLike(first) &&
        !isConstantUrl(first, sourceCode)
      ) {
        return { url: first, options: unknown, callback: null };
      }
      return { url: first ?? null, options: optionsAt(1), callback: null };
    }
    case 'node-http': {
      const last = args.at(-1);
      const callback = last && isFunctionNode(last) ? last : null;
      const rest = callback ? args.slice(0, -1) : args;
      if (spread !== -1) return { url: null, options: unknown, callback };
      const first = rest[0];
      if (!first) return { url: null, options: { kind: 'none' }, callback };
      if (skipWrappersDown(first).type === AST_NODE_TYPES.ObjectExpression) {
        return { url: null, options: toOptions(first), callback };
      }
      const second = rest[1];
      if (second) return { url: first, options: toOptions(second), callback };
      // `http.get(x)` or `http.get(x, handler)`: `x` may be an options object, `handler` may be options.
      if (!isUrlLike(first) && !isConstantUrl(first, sourceCode)) return { url: first, options: unknown, callback };
      return { url: first, options: callback || args.length === 1 ? { kind: 'none' } : unknown, callback };
    }
  }
}

function isWrappedByTimeoutFunction(node: TSESTree.CallExpression, settings: HttpClientSettings): boolean {
  if (settings.timeoutFunctions.length === 0) return false;
  if (calleeMatches(node.callee, settings.timeoutFunctions)) return true;
  const outer = skipWrappersUp(node);
  const parent = outer.parent;
  return (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.includes(outer as TSESTree.CallExpressionArgument) &&
    calleeMatches(parent.callee, settings.timeoutFunctions)
  );
}

const PROMISE_METHODS: ReadonlySet<string> = new Set(['catch', 'finally', 'then']);

/**
 * Is the call's result awaited or chained with `.then`/`.catch`/`.finally`? Only such calls are
 * checked against the `Response` type: it keeps type-aware mode cheap and skips calls that return
 * a response to be handled elsewhere.
 */
function isResponseConsumer(call: TSESTree.CallExpression): boolean {
  const outer = skipWrappersUp(call);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer && isMemberNamed(parent, PROMISE_METHODS);
}

/** The call that `call` chains `.then()`/`.catch()`/`.finally()` on, if any: `p()` in `p().then(f)`. */
function promiseChainReceiver(call: TSESTree.CallExpression): TSESTree.Node | null {
  const callee = skipWrappersDown(call.callee);
  if (!isMemberNamed(callee, PROMISE_METHODS)) return null;
  const receiver = skipWrappersDown(callee.object);
  return receiver.type === AST_NODE_TYPES.CallExpression ? receiver : null;
}

function constructionLabel(node: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const callee = skipWrappersDown(node.callee);
  // A dotted name (`axios.create`), else the method alone: `ky.create({ ... }).extend` → `extend`.
  let name = dottedPath(callee);
  if (name === null || name.length > 40) {
    name = callee.type === AST_NODE_TYPES.MemberExpression ? (getStaticName(callee) ?? 'client') : 'client';
  }
  return node.type === AST_NODE_TYPES.NewExpression ? `new ${name}()` : `${name}()`;
}

/** Where `node` runs: the nearest function, the loop around it inside that function, and class context. */
export function getPlacement(node: TSESTree.Node): Placement {
  let loop: LoopNode | null = null;
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      const method = current.parent;
      return {
        fn: current,
        loop,
        inConstructor: method.type === AST_NODE_TYPES.MethodDefinition && method.kind === 'constructor',
        inClassField: false,
      };
    }
    if (isClassField(current) && current.value === child && !current.static) {
      return { fn: null, loop, inConstructor: false, inClassField: true };
    }
    if (!loop && isLoopNode(current) && isInLoopBody(current, child)) loop = current;
  }
  return { fn: null, loop, inConstructor: false, inClassField: false };
}

/** The node kinds the model's second phase needs, from the file's shared node index (one walk). */
function collect(
  sourceCode: TSESLint.SourceCode,
  wantsStores: boolean,
): {
  calls: readonly TSESTree.CallExpression[];
  imports: readonly TSESTree.ImportExpression[];
  thisMembers: readonly TSESTree.MemberExpression[];
  stores: readonly (TSESTree.AssignmentExpression | TSESTree.PropertyDefinition)[];
} {
  const calls = nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression);
  const imports = nodesOfType(sourceCode, AST_NODE_TYPES.ImportExpression);
  const thisMembers = nodesOfType(sourceCode, AST_NODE_TYPES.MemberExpression).filter(
    (node) => node.object.type === AST_NODE_TYPES.ThisExpression,
  );
  const stores = wantsStores
    ? allNodes(sourceCode).filter(
        (node): node is TSESTree.AssignmentExpression | TSESTree.PropertyDefinition =>
          node.type === AST_NODE_TYPES.AssignmentExpression || node.type === AST_NODE_TYPES.PropertyDefinition,
      )
    : [];
  return { calls, imports, thisMembers, stores };
}
