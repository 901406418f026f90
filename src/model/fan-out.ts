/**
 * Fan-out: which functions of a file reach an HTTP request when they run, and how many requests a
 * `Promise.all`, an array iteration, a loop or a mapper starts at once.
 *
 * A request is reached from the function around it and outwards through callbacks that run at
 * once (`.then`, array callbacks, IIFEs, `new Promise`), then through calls of the functions of
 * this file that reach one. A limiter, or a function that awaits a limiter slot, stops the walk:
 * what runs under it is bounded. Collections are sized by {@link Sizes}.
 *
 * A model returns facts: the rule decides what is too many and reports.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, LoopNode } from '../ast/nodes';
import type { TraceMapElement } from '../ast/reference-tracker';
import type { HttpModel, Placement } from './http';
import type { LimiterConstruction, LimiterModel, MapperCall } from './limiters';
import type { FanOut, Size } from './fan-out-size';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';

import {
  ARRAY_CALLBACK_METHODS,
  getEnclosingFunction,
  getStaticName,
  isFunctionNode,
  isInLoopBody,
  isLoopNode,
  nodesOfType,
  PROMISE_CHAIN_METHODS,
  skipWrappersDown,
  skipWrappersUp,
} from '../ast/nodes';
import { createTracker } from '../ast/reference-tracker';
import { enclosingClassBody, globalReferencesOf, requireCalls } from '../ast/scope';
import { calleeMatches, getHttpModel, getPlacement, isLocalResourceRequest, lookupOption } from './http';
import { getLimiterModel } from './limiters';
import { requestFunctionReferences } from './fan-out-references';
import { findNamedRequests } from './fan-out-names';
import { findSdkRequests } from './fan-out-sdks';
import { findSummarizedRequests } from './summaries';
import { combine, fanOutOfSize, multiply, Sizes, worst } from './fan-out-size';

export type { Amount, FanOut, Size } from './fan-out-size';

/** Requests a function makes when it runs. */
export interface RequestMark {
  /**
   * How many calls of functions of this file lie between it and the request: 0 when it sends the
   * request itself, at most {@link MAX_DEPTH}.
   */
  depth: number;
  /** Every request it makes runs inside a loop of its own: it is a sequential worker. */
  allInLoop: boolean;
  /** It starts a request that it neither awaits nor hands on (dropped, or returned to the caller). */
  unawaited: boolean;
}

/**
 * A callback that reaches a request: a function of this file, with the requests it makes, or a
 * request function passed by reference (`urls.map(fetch)`, `ids.map(axios.get)`), whose `fn` is `null`.
 */
export interface Reach {
  readonly fn: FunctionNode | null;
  readonly mark: RequestMark;
}

/** A place that starts several requests at once, with how many. */
export type FanOutSite =
  /** `Promise.all(promises)` and its siblings: every promise of the input is already running. */
  | {
      readonly kind: 'combinator';
      readonly node: TSESTree.CallExpression;
      /** `Promise.all`, `Promise.allSettled`... */
      readonly combinator: string;
      readonly fanOut: FanOut;
    }
  /** `items.forEach(cb)`, or a dropped `items.map(cb)`, whose callback starts a request nobody waits for. */
  | {
      readonly kind: 'iteration';
      readonly node: TSESTree.CallExpression;
      readonly receiver: TSESTree.MemberExpression;
      readonly method: string;
      readonly fanOut: FanOut;
    }
  /** A loop whose body drops a request it starts, and awaits nothing. */
  | { readonly kind: 'loop'; readonly loop: LoopNode; readonly fanOut: FanOut }
  /** `pMap(items, requestFn)` without a finite `concurrency`; `node` is the callee or the `concurrency` property. */
  | { readonly kind: 'mapper'; readonly node: TSESTree.Node; readonly mapper: MapperCall; readonly fanOut: FanOut };

/**
 * Where a limiter that wraps requests lives: shared by every call, or created anew on every
 * iteration of a loop or on every call of a function (so it limits nothing overall).
 */
export type LimiterPlacement =
  | { readonly kind: 'shared' }
  | { readonly kind: 'per-iteration'; readonly loop: LoopNode }
  | { readonly kind: 'per-call'; readonly fn: FunctionNode };

/** A limiter of this file that wraps requests, and where it lives. */
export interface UsedLimiter {
  readonly construction: LimiterConstruction;
  readonly placement: LimiterPlacement;
}

/** Everything the plugin knows about the request fan-out of one file. */
export interface FanOutModel {
  /** The places that start several requests at once, in source order of discovery. */
  readonly sites: readonly FanOutSite[];
  /** The limiters that wrap requests, in source order. */
  readonly limiters: readonly UsedLimiter[];
  /** The function a callback is (inline, or a function of this file passed by name) when it reaches a request. */
  reachOf(callback: TSESTree.Node | null | undefined): Reach | null;
  /** What a promise collection holds, or `null` when it holds no requests. */
  collectionFanOut(node: TSESTree.Node): FanOut | null;
  /** The number of elements of a collection, as far as the code shows it. */
  sizeOf(node: TSESTree.Node): Size;
  /** Does every iteration of `loop` await something (so its iterations do not all run at once)? */
  isAwaitedLoop(loop: LoopNode): boolean;
}

/** How many calls of functions of this file a request is followed through. */
export const MAX_DEPTH = 3;

/** `Promise` combinators that start every promise of their input before any settles. */
const COMBINATORS = ['all', 'allSettled', 'any', 'race'];

/** Array methods that return an array of the same promises (or fewer). */
const PROMISE_ARRAY_METHODS: ReadonlySet<string> = new Set(['concat', 'filter', 'flat', 'reverse', 'slice']);

/** How the function that holds a request is run. */
type Host =
  | { readonly kind: 'propagate'; readonly node: TSESTree.Node }
  | { readonly kind: 'limited'; readonly constructions: readonly LimiterConstruction[] }
  | { readonly kind: 'stop' };

const STOP: Host = { kind: 'stop' };

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const cache = new WeakMap<TSESTree.Program, Map<string, FanOutModel>>();

/**
 * The fan-out model of the file being linted, built once per file (and per list of the project's
 * own limiter functions, `limiterNames`) and shared.
 */
export function getFanOutModel(context: Context, limiterNames: readonly string[] = []): FanOutModel {
  const sourceCode = context.sourceCode;
  // Keyed on the AST: oxlint's JS plugins reuse one `SourceCode` object for every file.
  let byOptions = cache.get(sourceCode.ast);
  if (!byOptions) {
    byOptions = new Map();
    cache.set(sourceCode.ast, byOptions);
  }
  const key = limiterNames.join('\n');
  let model = byOptions.get(key);
  if (!model) {
    model = new Analysis(sourceCode, getHttpModel(context), getLimiterModel(sourceCode), limiterNames).model();
    byOptions.set(key, model);
  }
  return model;
}

/** The nodes the analysis collects from the file's shared node index. */
interface Collected {
  /** `x.forEach(cb)` and `x.map(cb);` whose result is dropped. */
  readonly iterationCalls: { node: TSESTree.CallExpression; receiver: TSESTree.MemberExpression; method: string }[];
  /** `this.method(...)`: calls of same-class methods that may send requests. */
  readonly thisCalls: TSESTree.CallExpression[];
  /** Calls of the project's own limiter functions. */
  readonly optionLimiterCalls: Set<TSESTree.CallExpression>;
  /** Loops whose body awaits something: their iterations do not all run at once. */
  readonly awaitedLoops: Set<LoopNode>;
}

function collect(sourceCode: TSESLint.SourceCode, limiterNames: readonly string[]): Collected {
  const collected: Collected = { iterationCalls: [], thisCalls: [], optionLimiterCalls: new Set(), awaitedLoops: new Set() };
  const { awaitedLoops } = collected;
  function markAwait(node: TSESTree.Node): void {
    let child = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      if (isFunctionNode(current)) return;
      if (isLoopNode(current) && isInLoopBody(current, child)) {
        if (awaitedLoops.has(current)) return;
        awaitedLoops.add(current);
      }
    }
  }
  // From the file's shared node index; the set of awaited loops does not depend on the order.
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.AwaitExpression)) markAwait(node);
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.ForOfStatement)) {
    if (!node.await) continue;
    awaitedLoops.add(node);
    markAwait(node);
  }
  for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression)) {
    const callee = skipWrappersDown(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (callee.object.type === AST_NODE_TYPES.ThisExpression) collected.thisCalls.push(node);
      const method = getStaticName(callee);
      if (method === 'forEach' || (method === 'map' && isDropped(node))) {
        collected.iterationCalls.push({ node, receiver: callee, method });
      }
    }
    if (calleeMatches(node.callee, limiterNames)) collected.optionLimiterCalls.add(node);
  }
  return collected;
}

const EMPTY: FanOutModel = {
  sites: [],
  limiters: [],
  reachOf: () => null,
  collectionFanOut: () => null,
  sizeOf: () => ({ kind: 'unknown', amount: { kind: 'iterations' } }),
  isAwaitedLoop: () => false,
};

class Analysis {
  private readonly marks = new Map<FunctionNode, RequestMark>();
  /** Calls of functions of this file that send a request (one level deep). */
  private readonly localCalls = new Set<TSESTree.CallExpression>();
  /** Functions that await a limiter slot, with the limiters of this file they may take it from. */
  private readonly acquiring = new Map<FunctionNode, readonly LimiterConstruction[]>();
  /** Limiters that something in this file uses to wrap requests. */
  private readonly usedLimiters = new Set<LimiterConstruction>();
  private readonly methodsByClass = new Map<TSESTree.ClassBody, Map<string, FunctionNode>>();
  private readonly sites: FanOutSite[] = [];
  private readonly loops = new Set<LoopNode>();
  /** Marked functions in the order they were marked: the work list of {@link followLocalCalls}. */
  private readonly queue: FunctionNode[] = [];
  private methodCalls: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;
  private requestFunctions: ReadonlySet<TSESTree.Node> = new Set();
  /**
   * Network calls of well-known SDKs (`s3.send(command)`) and calls that are requests by the names
   * of their clients and helpers (`this.api.deleteUser(id)`), which count as requests here.
   */
  private sdkRequests: ReadonlySet<TSESTree.CallExpression> = new Set();
  private collected!: Collected;
  private sizes!: Sizes;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly http: HttpModel,
    private readonly limiters: LimiterModel,
    private readonly limiterNames: readonly string[],
  ) {}

  model(): FanOutModel {
    this.requestFunctions = requestFunctionReferences(this.sourceCode);
    const http = this.http;
    const named = [...findNamedRequests(this.sourceCode)].filter((call) => http.requestOf(call) === undefined);
    // With types, calls that reach a request through a function in another file count too.
    this.sdkRequests = new Set([...findSdkRequests(this.sourceCode), ...named, ...findSummarizedRequests(this.sourceCode, http)]);
    if (http.requests.length + http.constructions.length + this.requestFunctions.size + this.sdkRequests.size === 0) {
      return EMPTY;
    }
    this.collected = collect(this.sourceCode, this.limiterNames);
    this.sizes = new Sizes(
      this.sourceCode,
      this.collected.awaitedLoops,
      (call) => this.http.requestOf(call) !== undefined || this.sdkRequests.has(call),
    );
    this.findAcquiringFunctions();
    const requests = [
      ...this.http.requests.filter((request) => !isLocalResourceRequest(request)).map((r) => r.node),
      ...this.sdkRequests,
    ];
    for (const request of requests) this.walkUp(request, 0, false);
    this.followLocalCalls();
    this.findCombinators();
    this.findIterations();
    for (const evidence of [...requests, ...this.localCalls]) this.findLoop(evidence);
    this.findMappers();
    const limiters = this.findLimiters();
    return {
      sites: this.sites,
      limiters,
      reachOf: (callback) => this.callbackFunction(callback),
      collectionFanOut: (node) => this.collectionFanOut(node, new Set()),
      sizeOf: (node) => this.sizes.sizeOf(node),
      isAwaitedLoop: (loop) => this.collected.awaitedLoops.has(loop),
    };
  }

  // Which functions send requests.

  private findAcquiringFunctions(): void {
    const acquire = (call: TSESTree.CallExpression, constructions: readonly LimiterConstruction[]): void => {
      // `await sema.acquire()` holds a slot until it is released; only the awaited form waits for it.
      if (skipWrappersUp(call).parent?.type !== AST_NODE_TYPES.AwaitExpression) return;
      const fn = getEnclosingFunction(call);
      if (fn) this.acquiring.set(fn, [...(this.acquiring.get(fn) ?? []), ...constructions]);
    };
    for (const use of this.limiters.acquires) acquire(use.node, use.constructions);
    for (const call of this.collected.optionLimiterCalls) acquire(call, []);
  }

  /**
   * Marks every function that runs `evidence` when it runs: the function around it, and outwards
   * through callbacks that run at once (`.then`, array callbacks, IIFEs, `new Promise`). Stops at a
   * limiter, at a function that awaits a limiter slot, and at callbacks handed to anything else.
   */
  private walkUp(evidence: TSESTree.CallExpression, depth: number, startsInLoop: boolean): void {
    const unawaited = isUnawaited(evidence);
    let inLoop = startsInLoop;
    let nearest = true;
    let child: TSESTree.Node = evidence;
    let current: TSESTree.Node | undefined = evidence.parent;
    while (current) {
      if (isLoopNode(current) && isInLoopBody(current, child)) inLoop = true;
      if (isFunctionNode(current)) {
        const fn = current;
        const slots = this.acquiring.get(fn);
        if (slots) {
          for (const construction of slots) this.usedLimiters.add(construction);
          return;
        }
        this.markFunction(fn, depth, inLoop, nearest && unawaited);
        nearest = false;
        const host = this.hostOf(fn);
        if (host.kind === 'limited') {
          for (const construction of host.constructions) this.usedLimiters.add(construction);
          return;
        }
        if (host.kind === 'stop') return;
        child = host.node;
        current = host.node.parent;
        continue;
      }
      child = current;
      current = current.parent;
    }
  }

  private markFunction(fn: FunctionNode, depth: number, inLoop: boolean, unawaited: boolean): void {
    const existing = this.marks.get(fn);
    if (existing) {
      existing.depth = Math.min(existing.depth, depth);
      existing.allInLoop &&= inLoop;
      existing.unawaited ||= unawaited;
      return;
    }
    this.marks.set(fn, { depth, allInLoop: inLoop, unawaited });
    this.queue.push(fn);
  }

  /** How `fn` is run: at once as part of the code around it, under a limiter, or by someone else. */
  private hostOf(fn: FunctionNode): Host {
    const outer = skipWrappersUp(fn);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression) {
      return parent.callee === outer ? { kind: 'propagate', node: parent } : this.callbackHost(parent, outer);
    }
    if (
      parent?.type === AST_NODE_TYPES.NewExpression &&
      parent.arguments[0] === outer &&
      this.sizes.isGlobal(parent.callee, 'Promise')
    ) {
      // The executor of `new Promise(executor)` runs synchronously.
      return { kind: 'propagate', node: parent };
    }
    if (parent?.type === AST_NODE_TYPES.ArrayExpression) {
      // `queue.addAll([() => fetch(a), ...])`, `async.parallelLimit([...], 2)`
      const call = skipWrappersUp(parent).parent;
      if (call?.type === AST_NODE_TYPES.CallExpression) return this.limiterUseOf(call) ?? STOP;
    }
    return STOP;
  }

  private callbackHost(call: TSESTree.CallExpression, argument: TSESTree.Node): Host {
    const use = this.limiterUseOf(call);
    if (use) return use;
    if (this.limiters.mapperOf(call)) return STOP;
    if (this.limiters.runsCallbackNow(call)) return { kind: 'propagate', node: call };
    const callee = skipWrappersDown(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return STOP;
    const name = memberName(callee);
    if (PROMISE_CHAIN_METHODS.has(name)) return { kind: 'propagate', node: call };
    if (ARRAY_CALLBACK_METHODS.has(name) && call.arguments[0] === argument) return { kind: 'propagate', node: call };
    if (name === 'from' && call.arguments[1] === argument && this.sizes.isGlobal(callee.object, 'Array')) {
      return { kind: 'propagate', node: call };
    }
    return STOP;
  }

  private limiterUseOf(call: TSESTree.CallExpression): Host | null {
    const use = this.limiters.wrapperOf(call);
    if (use) return { kind: 'limited', constructions: use.constructions };
    return this.collected.optionLimiterCalls.has(call) ? { kind: 'limited', constructions: [] } : null;
  }

  /**
   * Follows the calls of every marked function outwards, breadth first, up to {@link MAX_DEPTH}
   * calls from the request. Each function is followed once, so cycles end and the work stays
   * linear in the number of calls.
   */
  private followLocalCalls(): void {
    for (let index = 0; index < this.queue.length; index++) {
      const fn = this.queue[index] as FunctionNode;
      const mark = this.marks.get(fn) as RequestMark;
      if (mark.depth >= MAX_DEPTH) continue;
      for (const call of this.callsOf(fn)) {
        if (this.localCalls.has(call)) continue;
        this.localCalls.add(call);
        this.walkUp(call, mark.depth + 1, mark.allInLoop);
      }
    }
  }

  /** The calls of `fn` in this file: by its name, or as `this.name()` in its class. */
  private callsOf(fn: FunctionNode): TSESTree.CallExpression[] {
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of this.bindingOf(fn)?.references ?? []) {
      const outer = skipWrappersUp(reference.identifier);
      const parent = outer.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) calls.push(parent);
      // `helper.call(this, ...)`, `helper.apply(this, args)`
      const call = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer ? skipWrappersUp(parent).parent : undefined;
      const method = parent?.type === AST_NODE_TYPES.MemberExpression ? getStaticName(parent) : null;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === skipWrappersUp(parent as TSESTree.Node) && (method === 'call' || method === 'apply')) {
        calls.push(call);
      }
    }
    if (isMethod(fn)) calls.push(...(this.thisCallsByMethod().get(fn) ?? []));
    return calls;
  }

  /** The `this.name()` calls of the file, by the method they call; built once, when a method is marked. */
  private thisCallsByMethod(): Map<FunctionNode, TSESTree.CallExpression[]> {
    if (!this.methodCalls) {
      this.methodCalls = new Map();
      for (const call of this.collected.thisCalls) {
        const callee = this.functionOfCallee(call.callee);
        if (callee) this.methodCalls.set(callee, [...(this.methodCalls.get(callee) ?? []), call]);
      }
    }
    return this.methodCalls;
  }

  /** The variable a function is bound to (`function f() {}`, `const f = () => {}`), if it is never reassigned. */
  private bindingOf(fn: FunctionNode): TSESLint.Scope.Variable | null {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      // `export default function () {}` has no name to call it by.
      const isName = (def: TSESLint.Scope.Definition): boolean =>
        def.type === TSESLint.Scope.DefinitionType.FunctionName && def.node === fn;
      return this.sourceCode.getDeclaredVariables(fn).find((variable) => variable.defs.some(isName)) ?? null;
    }
    const outer = skipWrappersUp(fn);
    const declarator = outer.parent;
    if (
      declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
      declarator.init !== outer ||
      declarator.id.type !== AST_NODE_TYPES.Identifier
    ) {
      return null;
    }
    const variable = this.sourceCode.getDeclaredVariables(declarator)[0];
    if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
    return variable;
  }

  /** The function of this file that `callee` calls: a local function, or a method of the same class via `this`. */
  private functionOfCallee(calleeNode: TSESTree.Node): FunctionNode | null {
    const callee = skipWrappersDown(calleeNode);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.sourceCode.getScope(callee), callee);
      return variable ? localFunctionOf(variable) : null;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = getStaticName(callee);
      const classBody = enclosingClassBody(callee);
      return name !== null && classBody ? (this.methodsOf(classBody).get(name) ?? null) : null;
    }
    return null;
  }

  private methodsOf(classBody: TSESTree.ClassBody): Map<string, FunctionNode> {
    let methods = this.methodsByClass.get(classBody);
    if (!methods) {
      methods = new Map();
      for (const member of classBody.body) {
        if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
        const value = member.value && skipWrappersDown(member.value);
        if (isFunctionNode(value)) methods.set(memberName(member), value);
      }
      this.methodsByClass.set(classBody, methods);
    }
    return methods;
  }

  /** The function a callback is, with the requests it makes, when it sends some. */
  private callbackFunction(callback: TSESTree.Node | null | undefined): Reach | null {
    if (!callback) return null;
    const inner = skipWrappersDown(callback);
    const fn = isFunctionNode(inner) ? inner : this.functionOfCallee(inner);
    const mark = fn && this.marks.get(fn);
    if (mark) return { fn, mark };
    // `urls.map(fetch)`: the request function itself, called with each element; its promise is handed back.
    if (!fn && this.isRequestFunction(inner)) return { fn: null, mark: { depth: 0, allInLoop: false, unawaited: true } };
    return null;
  }

  /** Is `node` a request function of a client library, read rather than called (`fetch`, `axios.get`)? */
  private isRequestFunction(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return false;
    return this.requestFunctions.has(node);
  }

  private callbackMark(callback: TSESTree.Node | null | undefined): RequestMark | null {
    return this.callbackFunction(callback)?.mark ?? null;
  }

  /** Does `node` evaluate to the promise of a request started right there? */
  private startsRequest(node: TSESTree.Node): boolean {
    const inner = skipWrappersDown(node);
    switch (inner.type) {
      case AST_NODE_TYPES.CallExpression: {
        if (this.isEvidence(inner)) return true;
        const callee = skipWrappersDown(inner.callee);
        if (isFunctionNode(callee)) return this.marks.has(callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && PROMISE_CHAIN_METHODS.has(memberName(callee))) {
          return this.startsRequest(callee.object) || inner.arguments.some((argument) => this.callbackMark(argument) !== null);
        }
        return false;
      }
      case AST_NODE_TYPES.NewExpression: {
        const executor = inner.arguments[0];
        return this.sizes.isGlobal(inner.callee, 'Promise') && executor !== undefined && isFunctionNode(executor) && this.marks.has(executor);
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return this.startsRequest(inner.consequent) || this.startsRequest(inner.alternate);
      case AST_NODE_TYPES.LogicalExpression:
        return this.startsRequest(inner.right);
      default:
        return false;
    }
  }

  private isEvidence(call: TSESTree.CallExpression): boolean {
    const request = this.http.requestOf(call);
    if (request) return !isLocalResourceRequest(request);
    return this.sdkRequests.has(call) || this.localCalls.has(call);
  }


  // Where requests fan out.

  /**
   * `Promise.all` and its siblings receive promises that are already running: every request of the
   * array was started before the combinator was even called.
   * https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/all
   */
  private findCombinators(): void {
    const globalScope = this.sourceCode.getScope(this.sourceCode.ast);
    const combinators = Object.fromEntries(
      COMBINATORS.map((name) => [name, { [ASTUtils.ReferenceTracker.CALL]: name }]),
    ) as unknown as TraceMapElement;
    const tracker = createTracker<string>(globalScope);
    // `axios.all(promises)` is `Promise.all`. https://github.com/axios/axios#concurrency-deprecated
    const axiosAll = { all: { [ASTUtils.ReferenceTracker.CALL]: 'all' } } as unknown as TraceMapElement;
    const axiosMap = { axios: { ...axiosAll, default: axiosAll } } as unknown as Record<string, TraceMapElement>;
    const required = requireCalls(globalScope)
      .filter(({ module }) => module === 'axios')
      .flatMap(({ call }) => [...tracker.iteratePropertyReferences(call, { ...axiosAll, default: axiosAll })]);
    for (const found of [...tracker.iterateEsmReferences(axiosMap), ...required]) {
      const call = found.node as TSESTree.CallExpression;
      const argument = call.arguments[0];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
      const fanOut = this.collectionFanOut(argument, new Set());
      if (fanOut) this.sites.push({ kind: 'combinator', node: call, combinator: 'axios.all', fanOut });
    }
    const globals = globalReferencesOf(globalScope, ['Promise', 'globalThis', 'self', 'window', 'global']);
    for (const [name, references] of globals) {
      // `Promise.all(...)`, and `globalThis.Promise.all(...)` through the global object.
      const map = name === 'Promise' ? combinators : { Promise: combinators };
      for (const node of references) {
        for (const found of tracker.iteratePropertyReferences(node, map)) {
          const call = found.node as TSESTree.CallExpression;
          const argument = call.arguments[0];
          if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
          const fanOut = this.collectionFanOut(argument, new Set());
          if (fanOut) this.sites.push({ kind: 'combinator', node: call, combinator: `Promise.${found.info}`, fanOut });
        }
      }
    }
  }

  private findIterations(): void {
    for (const { node, receiver, method } of this.collected.iterationCalls) {
      const callback = this.callbackFunction(node.arguments[0]);
      if (!callback) continue;
      const { fn, mark } = callback;
      // `forEach` ignores what its callback returns, so it never waits for a promise: an async
      // callback, or a request the callback starts without awaiting, runs on its own for every
      // element. https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/forEach#description
      if (!mark.unawaited && fn !== null && !fn.async && !this.bodyStartsRequest(fn)) continue;
      const fanOut = fanOutOfSize(this.sizes.sizeOf(receiver.object));
      this.sites.push({ kind: 'iteration', node, receiver, method, fanOut });
    }
  }

  /** Does an arrow's expression body, or a statement of a function's body, start a request it drops? */
  private bodyStartsRequest(fn: FunctionNode): boolean {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.startsRequest(fn.body);
    return fn.body.body.some(
      (statement) =>
        (statement.type === AST_NODE_TYPES.ExpressionStatement && this.startsRequest(statement.expression)) ||
        (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null && this.startsRequest(statement.argument)),
    );
  }

  /** A request dropped in a loop: every iteration starts one more, and nothing waits for them. */
  private findLoop(evidence: TSESTree.CallExpression): void {
    if (useOf(chainEnd(evidence)) !== 'dropped') return;
    let child: TSESTree.Node = evidence;
    for (let current: TSESTree.Node | undefined = evidence.parent; current; child = current, current = current.parent) {
      if (isFunctionNode(current)) return;
      if (!isLoopNode(current) || !isInLoopBody(current, child)) continue;
      const loop = current;
      if (this.collected.awaitedLoops.has(loop) || this.loops.has(loop)) return;
      this.loops.add(loop);
      this.sites.push({ kind: 'loop', loop, fanOut: fanOutOfSize(this.sizes.loopSize(loop)) });
      return;
    }
  }

  private findMappers(): void {
    for (const mapper of this.limiters.mappers) {
      if (!this.callbackMark(mapper.mapper) || !mapper.input) continue;
      // https://github.com/sindresorhus/p-map#concurrency: defaults to Infinity.
      const concurrency = lookupOption(mapper.options, 'concurrency');
      let node: TSESTree.Node;
      if (concurrency.kind === 'missing') node = mapper.node.callee;
      else if (concurrency.kind === 'found' && this.sizes.staticValue(concurrency.value) === Infinity) node = concurrency.property;
      else continue;
      this.sites.push({ kind: 'mapper', node, mapper, fanOut: fanOutOfSize(this.sizes.sizeOf(mapper.input)) });
    }
  }

  private findLimiters(): UsedLimiter[] {
    for (const use of this.limiters.wrappers) {
      // `limit.map(users, fetchUser)`, `queue.add(fetchAll)`: a request function passed by name.
      if (use.node.arguments.some((argument) => this.callbackMark(argument) !== null)) {
        for (const construction of use.constructions) this.usedLimiters.add(construction);
      }
    }
    return this.limiters.constructions
      .filter((construction) => this.usedLimiters.has(construction))
      .map((construction) => ({ construction, placement: this.placementOf(construction) }));
  }

  // Collections of promises.

  /** What a promise collection passed to `Promise.all` holds, or `null` when it holds no requests. */
  private collectionFanOut(node: TSESTree.Node, seen: Set<TSESLint.Scope.Variable>): FanOut | null {
    const inner = skipWrappersDown(node);
    switch (inner.type) {
      case AST_NODE_TYPES.ArrayExpression: {
        let total: FanOut | null = null;
        for (const element of inner.elements) {
          if (!element) continue;
          if (element.type === AST_NODE_TYPES.SpreadElement) {
            total = combine(total, this.collectionFanOut(element.argument, seen));
          } else if (this.startsRequest(element)) {
            total = combine(total, { kind: 'count', count: 1 });
          }
        }
        return total;
      }
      case AST_NODE_TYPES.CallExpression:
        return this.callFanOut(inner, seen);
      case AST_NODE_TYPES.Identifier:
        return this.variableFanOut(inner, seen);
      case AST_NODE_TYPES.ConditionalExpression:
        return worst(this.collectionFanOut(inner.consequent, seen), this.collectionFanOut(inner.alternate, seen));
      case AST_NODE_TYPES.LogicalExpression:
        return worst(this.collectionFanOut(inner.left, seen), this.collectionFanOut(inner.right, seen));
      default:
        return null;
    }
  }

  private callFanOut(call: TSESTree.CallExpression, seen: Set<TSESLint.Scope.Variable>): FanOut | null {
    const callee = skipWrappersDown(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = getStaticName(callee);
    const [first, second] = call.arguments;
    if (name === 'from' && this.sizes.isGlobal(callee.object, 'Array') && first && first.type !== AST_NODE_TYPES.SpreadElement) {
      if (!second) return this.collectionFanOut(first, seen);
      return this.perElement(this.sizes.arrayFromSize(first), second);
    }
    if (name === 'map' || name === 'flatMap') {
      const mark = this.callbackMark(first);
      if (!mark) return this.collectionFanOut(callee.object, seen);
      return this.perElement(this.sizes.sizeOf(callee.object), first);
    }
    if (name !== null && PROMISE_ARRAY_METHODS.has(name)) {
      let total = this.collectionFanOut(callee.object, seen);
      if (name === 'concat') {
        for (const argument of call.arguments) {
          if (argument.type !== AST_NODE_TYPES.SpreadElement) total = combine(total, this.collectionFanOut(argument, seen));
        }
      }
      return total;
    }
    return null;
  }

  /** One request per element of a collection of `size`, made by `callback`. */
  private perElement(size: Size, callback: TSESTree.Node | undefined): FanOut | null {
    const mark = this.callbackMark(callback);
    if (!mark) return null;
    // `Array.from({ length: n }, worker)` where each worker loops over shared work is a pool of n workers.
    if (size.range && mark.allInLoop) return { kind: 'capped' };
    return fanOutOfSize(size);
  }

  /** What an array variable holds: its initialiser, what is assigned to it, and what loops push into it. */
  private variableFanOut(identifier: TSESTree.Identifier, seen: Set<TSESLint.Scope.Variable>): FanOut | null {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    if (!variable || seen.has(variable) || variable.defs.length !== 1) return null;
    seen.add(variable);
    const def = variable.defs[0] as TSESLint.Scope.Definition;
    let total: FanOut | null = null;
    if (def.type === TSESLint.Scope.DefinitionType.Variable && def.node.init && def.node.id === def.name) {
      total = this.collectionFanOut(def.node.init, seen);
    }
    for (const reference of variable.references) {
      const outer = skipWrappersUp(reference.identifier);
      const parent = outer.parent as TSESTree.Node;
      if (reference.isWrite() && !reference.init) {
        if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) {
          total = combine(total, this.collectionFanOut(parent.right, seen));
        }
        continue;
      }
      const added = this.addedRequests(outer, parent, seen);
      if (added) total = combine(total, this.repeat(added, outer, variable));
    }
    return total;
  }

  /** Requests added to an array by `promises.push(fetch(u))` or `promises[i] = fetch(u)`. */
  private addedRequests(array: TSESTree.Node, parent: TSESTree.Node, seen: Set<TSESLint.Scope.Variable>): FanOut | null {
    if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== array) return null;
    const member = skipWrappersUp(parent);
    const use = member.parent;
    if (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member && parent.computed) {
      return this.startsRequest(use.right) ? { kind: 'count', count: 1 } : null;
    }
    const name = getStaticName(parent);
    if (use?.type !== AST_NODE_TYPES.CallExpression || use.callee !== member || (name !== 'push' && name !== 'unshift')) {
      return null;
    }
    let total: FanOut | null = null;
    for (const argument of use.arguments) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) total = combine(total, this.collectionFanOut(argument.argument, seen));
      else if (this.startsRequest(argument)) total = combine(total, { kind: 'count', count: 1 });
    }
    return total;
  }

  /** `added` requests, repeated by every loop or array callback between `node` and the array's declaration. */
  private repeat(added: FanOut, node: TSESTree.Node, variable: TSESLint.Scope.Variable): FanOut | null {
    const declaration = variable.defs[0]?.name;
    let total: FanOut = added;
    let child = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      if (declaration && current.range[0] <= declaration.range[0] && declaration.range[1] <= current.range[1]) break;
      if (isLoopNode(current) && isInLoopBody(current, child)) {
        // An iteration that awaits something (a batch, a pause) does not start everything at once.
        if (this.collected.awaitedLoops.has(current)) return { kind: 'capped' };
        total = multiply(total, this.sizes.loopSize(current));
      } else if (isFunctionNode(current)) {
        const host = this.hostOf(current);
        if (host.kind !== 'propagate') return null;
        const call = host.node;
        if (call.type === AST_NODE_TYPES.CallExpression) {
          const callee = skipWrappersDown(call.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression && ARRAY_CALLBACK_METHODS.has(memberName(callee))) {
            total = multiply(total, this.sizes.sizeOf(callee.object));
          }
        }
        child = call;
        current = call;
      }
    }
    return total;
  }


  // Limiters.

  /** A limiter is only a limit when every call shares it: it must live longer than one call or one iteration. */
  private placementOf(construction: LimiterConstruction): LimiterPlacement {
    const placement = getPlacement(construction.node);
    if (placement.inClassField || placement.inConstructor) return { kind: 'shared' };
    if (this.escapes(construction.node, placement)) return { kind: 'shared' };
    const loop = placement.loop && !this.collected.awaitedLoops.has(placement.loop) ? placement.loop : null;
    if (loop) return { kind: 'per-iteration', loop };
    if (placement.fn === null || this.runsOnce(placement.fn)) return { kind: 'shared' };
    return { kind: 'per-call', fn: placement.fn };
  }


  /**
   * Does the limiter outlive the call that creates it: stored outside the function, returned,
   * cached or handed on? The reference tracker only reaches limiters through variables,
   * assignments, parameter defaults and direct calls, so those are the shapes to tell apart.
   */
  private escapes(node: TSESTree.Node, placement: Placement): boolean {
    let current = skipWrappersUp(node);
    for (;;) {
      const parent = current.parent as TSESTree.Node;
      switch (parent.type) {
        case AST_NODE_TYPES.ConditionalExpression:
        case AST_NODE_TYPES.LogicalExpression:
          current = skipWrappersUp(parent);
          continue;
        case AST_NODE_TYPES.AssignmentExpression: {
          if (parent.left.type !== AST_NODE_TYPES.Identifier) return true;
          const variable = ASTUtils.findVariable(this.sourceCode.getScope(parent.left), parent.left);
          return !variable || this.variableEscapes(variable, placement);
        }
        case AST_NODE_TYPES.VariableDeclarator: {
          if (parent.id.type !== AST_NODE_TYPES.Identifier) return true;
          const variable = this.sourceCode.getDeclaredVariables(parent)[0] as TSESLint.Scope.Variable;
          return this.variableEscapes(variable, placement);
        }
        case AST_NODE_TYPES.CallExpression:
          // pLimit(2)(() => fetch(url)): used once, right here.
          return parent.callee !== current;
        case AST_NODE_TYPES.MemberExpression:
          // new PQueue().add(...)
          return false;
        default:
          // A parameter default, a returned or stored value: it may live on.
          return true;
      }
    }
  }

  /** Is the variable that holds a limiter declared outside its function, or passed on from it? */
  private variableEscapes(variable: TSESLint.Scope.Variable, placement: Placement): boolean {
    const declared = variable.defs[0]?.name;
    const fn = placement.fn;
    if (!declared || (fn && !(fn.range[0] <= declared.range[0] && declared.range[1] <= fn.range[1]))) return true;
    if (!fn && placement.loop && !(placement.loop.range[0] <= declared.range[0] && declared.range[1] <= placement.loop.range[1])) {
      return true;
    }
    return variable.references.some((reference) => {
      if (reference.isWrite()) return false;
      const outer = skipWrappersUp(reference.identifier);
      const parent = outer.parent;
      const used =
        (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) ||
        (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer);
      return !used || this.isCapturedByClosure(outer, fn);
    });
  }

  /**
   * Is `node` inside a function, nested in `fn`, that is kept rather than run at once (a closure
   * returned in an object, stored, or registered as a handler)? The limiter then outlives the call.
   */
  private isCapturedByClosure(node: TSESTree.Node, fn: FunctionNode | null): boolean {
    for (let current = node.parent; current && current !== fn; current = current.parent) {
      if (isFunctionNode(current) && this.hostOf(current).kind === 'stop') return true;
    }
    return false;
  }

  /**
   * Does `fn` run once per program: an IIFE at module level, or a function that is not exported
   * and is called exactly once, from module level (`main()`)?
   */
  private runsOnce(fn: FunctionNode): boolean {
    const outer = skipWrappersUp(fn);
    if (outer.parent?.type === AST_NODE_TYPES.CallExpression && outer.parent.callee === outer) {
      return atModuleLevel(outer.parent);
    }
    const variable = this.bindingOf(fn);
    if (!variable) return false;
    const reads = variable.references.filter((reference) => !reference.init);
    if (reads.length !== 1) return false;
    const call = skipWrappersUp(reads[0]?.identifier as TSESTree.Node);
    return call.parent?.type === AST_NODE_TYPES.CallExpression && call.parent.callee === call && atModuleLevel(call.parent);
  }

}

/** The outermost node of a promise chain that starts at `call`: `fetch(u).then(...).catch(...)`. */
function chainEnd(call: TSESTree.CallExpression): TSESTree.Node {
  let node = skipWrappersUp(call);
  for (;;) {
    const parent = node.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return node;
    if (!PROMISE_CHAIN_METHODS.has(memberName(parent))) return node;
    const member = skipWrappersUp(parent);
    const chained = member.parent;
    if (chained?.type !== AST_NODE_TYPES.CallExpression || chained.callee !== member) return node;
    node = skipWrappersUp(chained);
  }
}

/** What happens to the value of `node`: `dropped` (an expression statement, `void`), `returned` or `used`. */
function useOf(node: TSESTree.Node): 'dropped' | 'returned' | 'used' {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return 'dropped';
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return 'dropped';
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return 'returned';
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node) return 'returned';
  return 'used';
}

/** Does the request's promise leave its function unawaited: dropped, or returned to whoever called it? */
function isUnawaited(call: TSESTree.CallExpression): boolean {
  return useOf(chainEnd(call)) !== 'used';
}

/** Is the value of `call` dropped (`x.map(...);`)? */
function isDropped(call: TSESTree.CallExpression): boolean {
  return useOf(skipWrappersUp(call)) === 'dropped';
}

/** The function a variable holds, when it is declared once as a function and never reassigned. */
function localFunctionOf(variable: TSESLint.Scope.Variable): FunctionNode | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0] as TSESLint.Scope.Definition;
  if (def.type === TSESLint.Scope.DefinitionType.FunctionName) return def.node as FunctionNode;
  if (def.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id !== def.name || !def.node.init) return null;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  const init = skipWrappersDown(def.node.init);
  return isFunctionNode(init) ? init : null;
}

/** Is `fn` a method (or an arrow function in a class field), callable as `this.name()`? */
function isMethod(fn: FunctionNode): boolean {
  const parent = skipWrappersUp(fn).parent;
  return parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition;
}

/** The static name of a member or class member, or `''` when it is computed. */
function memberName(
  node: TSESTree.MemberExpression | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string {
  return getStaticName(node) ?? '';
}

function atModuleLevel(node: TSESTree.Node): boolean {
  const placement = getPlacement(node);
  return placement.fn === null && placement.loop === null && !placement.inClassField;
}
