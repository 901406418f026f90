import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, LoopNode } from '../ast/nodes';
import type { TraceMapElement } from '../ast/reference-tracker';
import type { HttpModel, Placement } from '../model/http';
import type { LimiterConstruction, LimiterModel } from '../model/limiters';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';

import {
  ARRAY_CALLBACK_METHODS,
  getEnclosingFunction,
  getFunctionName,
  getStaticName,
  isFunctionNode,
  isInLoopBody,
  isLoopNode,
  PROMISE_CHAIN_METHODS,
  skipWrappersDown,
  skipWrappersUp,
} from '../ast/nodes';
import { createRule } from '../create-rule';
import { createTracker } from '../ast/reference-tracker';
import { lineStart, removalRange, topLevelStatement } from '../fixes/hoist';
import { calleeMatches, getHttpModel, getPlacement, isLocalResourceRequest, lookupOption } from '../model/http';
import { getLimiterModel, getUnlimitedSetting } from '../model/limiters';
import { enclosingClassBody, globalReferencesOf } from '../ast/scope';

type Options = [
  {
    limiters?: string[];
    maxInlineElements?: number;
  },
];

type MessageIds =
  | 'perCallLimiter'
  | 'perIterationLimiter'
  | 'suggestHoistLimiter'
  | 'unboundedFanOut'
  | 'unboundedIteration'
  | 'unboundedLoop'
  | 'unboundedMapper'
  | 'unlimitedConnections'
  | 'unlimitedLimiter'
  | 'unlimitedSockets';

const DEFAULT_MAX_INLINE_ELEMENTS = 10;

/** `Promise` combinators that start every promise of their input before any settles. */
const COMBINATORS = ['all', 'allSettled', 'any', 'race'];

/** Array methods whose result has at most as many elements as their receiver. */
const SAME_SIZE_METHODS: ReadonlySet<string> = new Set([
  'copyWithin',
  'entries',
  'fill',
  'filter',
  'keys',
  'map',
  'reverse',
  'sort',
  'toReversed',
  'toSorted',
  'values',
  'with',
]);

/** Array methods that return an array of the same promises (or fewer). */
const PROMISE_ARRAY_METHODS: ReadonlySet<string> = new Set(['concat', 'filter', 'flat', 'reverse', 'slice']);

/** Comparisons, and the same comparison with its sides swapped (`i < n` is `n > i`). */
const MIRRORED_COMPARISONS: ReadonlyMap<string, string> = new Map([
  ['<', '>'],
  ['<=', '>='],
  ['>', '<'],
  ['>=', '<='],
]);

/** Calls that can add elements to an array. */
const GROWING_METHODS: ReadonlySet<string> = new Set(['push', 'splice', 'unshift']);

/** Longest code shown in a message. */
const MAX_LABEL_LENGTH = 40;

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-concurrency',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow unbounded request fan-out, unlimited connection pools and limiters created per call',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          limiters: {
            type: 'array',
            description:
              'Functions of the project that bound concurrency, such as `runLimited` or `this.queue.run`: requests in callbacks passed to them, or made after awaiting them, count as limited.',
            items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$' },
            uniqueItems: true,
          },
          maxInlineElements: {
            type: 'integer',
            description:
              'Largest number of requests that may start at once when the count is known from the code (a literal array, a constant list, `Array.from({ length: 5 })`).',
            minimum: 0,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ limiters: [], maxInlineElements: DEFAULT_MAX_INLINE_ELEMENTS }],
    messages: {
      unboundedFanOut:
        '`{{combinator}}` waits on {{amount}}, all started at once, so the open connections grow with the data (rate limits, HTTP 429, `EMFILE`). Bound the concurrency with a limiter such as `p-limit`, or process the data in fixed-size batches.',
      unboundedIteration:
        '`{{method}}` starts {{amount}} without waiting for any of them, so the open connections grow with the data and failures go unhandled. Await each request in a `for...of` loop, or bound the concurrency with a limiter such as `p-limit`.',
      unboundedLoop:
        'This loop starts {{amount}} without awaiting any of them, so the open connections grow with the data. Await each request, or bound the concurrency with a limiter such as `p-limit`.',
      unboundedMapper:
        '`{{mapper}}` runs {{amount}} at once: its `concurrency` is `Infinity`, also the default when the option is left out. Pass a finite `concurrency`, such as `{ concurrency: 5 }`.',
      unlimitedSockets:
        '`maxSockets: {{value}}` lets this agent open a new socket for every concurrent request to a host, so a fan-out opens as many connections as it has requests. Set a finite `maxSockets`, such as `50`.',
      unlimitedConnections:
        '`connections: {{value}}` lets this undici {{kind}} open a new connection for every concurrent request to an origin, so a fan-out opens as many sockets as it has requests. Set a finite `connections`, such as `50`.',
      unlimitedLimiter:
        '`{{limiter}}` limits nothing: without a finite `{{option}}` it runs every task as soon as it is added, so the requests it wraps are unbounded. Set one, such as `{{example}}`.',
      perCallLimiter:
        '`{{limiter}}` is created on every call of {{owner}}, so each call gets its own limit and the calls together are unbounded; create it once at module scope.',
      perIterationLimiter:
        '`{{limiter}}` is created on every iteration of this loop, so each iteration gets its own limit and the iterations together are unbounded; create it once before the loop.',
      suggestHoistLimiter: 'Create `{{name}}` once at module scope.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // createRule merges the defaults in, so both options are set.
    const { limiters: limiterNames, maxInlineElements: maxInline } = options as Required<Options[0]>;

    /** `x.forEach(cb)` and `x.map(cb);` whose result is dropped. */
    const iterationCalls: IterationCall[] = [];
    /** `this.method(...)`: calls of same-class methods that may send requests. */
    const thisCalls: TSESTree.CallExpression[] = [];
    /** Calls of the functions named in the `limiters` option. */
    const optionLimiterCalls: TSESTree.CallExpression[] = [];
    /** Loops whose body awaits something: their iterations do not all run at once. */
    const awaitedLoops = new Set<LoopNode>();

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

    return {
      AwaitExpression: markAwait,
      ForOfStatement(node) {
        if (node.await) {
          awaitedLoops.add(node);
          markAwait(node);
        }
      },
      CallExpression(node) {
        const callee = skipWrappersDown(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          if (callee.object.type === AST_NODE_TYPES.ThisExpression) thisCalls.push(node);
          const method = getStaticName(callee);
          if (method === 'forEach' || (method === 'map' && isDropped(node))) {
            iterationCalls.push({ node, receiver: callee, method });
          }
        }
        if (limiterNames.length > 0 && calleeMatches(node.callee, limiterNames)) optionLimiterCalls.push(node);
      },
      'Program:exit'() {
        const model = getHttpModel(context);
        if (model.requests.length === 0 && model.constructions.length === 0) return;
        const analysis = new Analysis(context, model, getLimiterModel(sourceCode), {
          maxInline,
          limiterNames,
          iterationCalls,
          thisCalls,
          optionLimiterCalls,
          awaitedLoops,
        });
        analysis.run();
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

interface Collected {
  readonly maxInline: number;
  readonly limiterNames: readonly string[];
  readonly iterationCalls: readonly IterationCall[];
  readonly thisCalls: readonly TSESTree.CallExpression[];
  readonly optionLimiterCalls: readonly TSESTree.CallExpression[];
  readonly awaitedLoops: ReadonlySet<LoopNode>;
}

/** `users.forEach(cb)`, or `users.map(cb);` whose result is dropped. */
interface IterationCall {
  readonly node: TSESTree.CallExpression;
  readonly receiver: TSESTree.MemberExpression;
  readonly method: string;
}

/** A callback that is a function of this file, with the requests it makes. */
interface MarkedFunction {
  readonly fn: FunctionNode;
  readonly mark: Mark;
}

/** How many requests a repetition starts, when the code does not say. */
type Amount =
  | { readonly kind: 'elements'; readonly label: string | null }
  | { readonly kind: 'keys'; readonly label: string | null }
  | { readonly kind: 'indexes'; readonly label: string }
  | { readonly kind: 'iterations' };

/** The size of a collection or the number of iterations of a loop. */
type Size =
  | { readonly kind: 'static'; readonly count: number; readonly range?: boolean }
  | { readonly kind: 'capped'; readonly range?: boolean }
  | { readonly kind: 'unknown'; readonly amount: Amount; readonly range?: boolean };

/** How many requests a promise collection holds. */
type FanOut =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'capped' }
  | { readonly kind: 'unbounded'; readonly amount: Amount };

/** Requests a function makes when it runs. */
interface Mark {
  /** A request (or a call of a local request function) it makes. */
  readonly evidence: TSESTree.CallExpression;
  /** It sends a request itself (not only through another local function). */
  direct: boolean;
  /** Every request it makes runs inside a loop of its own: it is a sequential worker. */
  allInLoop: boolean;
  /** It starts a request that it neither awaits nor hands on (dropped, or returned to the caller). */
  unawaited: boolean;
}

/** How the function that holds a request is run. */
type Host =
  | { readonly kind: 'propagate'; readonly node: TSESTree.Node }
  | { readonly kind: 'limited'; readonly constructions: readonly LimiterConstruction[] }
  | { readonly kind: 'stop' };

const STOP: Host = { kind: 'stop' };

class Analysis {
  private readonly sourceCode: TSESLint.SourceCode;
  private readonly marks = new Map<FunctionNode, Mark>();
  /** Calls of functions of this file that send a request (one level deep). */
  private readonly localCalls = new Set<TSESTree.CallExpression>();
  /** Functions that await a limiter slot, with the limiters of this file they may take it from. */
  private readonly acquiring = new Map<FunctionNode, readonly LimiterConstruction[]>();
  /** Limiters that something in this file uses to wrap requests. */
  private readonly usedLimiters = new Set<LimiterConstruction>();
  private readonly methodsByClass = new Map<TSESTree.ClassBody, Map<string, FunctionNode>>();
  private readonly optionLimiterCalls: ReadonlySet<TSESTree.CallExpression>;
  private readonly reportedLoops = new Set<LoopNode>();

  constructor(
    private readonly context: Context,
    private readonly model: HttpModel,
    private readonly limiters: LimiterModel,
    private readonly collected: Collected,
  ) {
    this.sourceCode = context.sourceCode;
    this.optionLimiterCalls = new Set(collected.optionLimiterCalls);
  }

  run(): void {
    this.findAcquiringFunctions();
    const requests = this.model.requests.filter((request) => !isLocalResourceRequest(request)).map((r) => r.node);
    for (const request of requests) this.walkUp(request, true, false);
    for (const { call, mark } of this.findLocalRequestCalls()) {
      this.localCalls.add(call);
      this.walkUp(call, false, mark.allInLoop);
    }
    this.checkCombinators();
    this.checkIterations();
    for (const evidence of [...requests, ...this.localCalls]) this.checkLoop(evidence);
    this.checkMappers();
    this.checkLimiters();
    this.checkPools();
  }

  // ---------------------------------------------------------------------------------------------
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
  private walkUp(evidence: TSESTree.CallExpression, direct: boolean, startsInLoop: boolean): void {
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
        this.mark(fn, evidence, direct, inLoop, nearest && unawaited);
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

  private mark(fn: FunctionNode, evidence: TSESTree.CallExpression, direct: boolean, inLoop: boolean, unawaited: boolean): void {
    const existing = this.marks.get(fn);
    if (existing) {
      existing.direct ||= direct;
      existing.allInLoop &&= inLoop;
      existing.unawaited ||= unawaited;
      return;
    }
    this.marks.set(fn, { evidence, direct, allInLoop: inLoop, unawaited });
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
      this.isGlobal(parent.callee, 'Promise')
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
    if (name === 'from' && call.arguments[1] === argument && this.isGlobal(callee.object, 'Array')) {
      return { kind: 'propagate', node: call };
    }
    return STOP;
  }

  private limiterUseOf(call: TSESTree.CallExpression): Host | null {
    const use = this.limiters.wrapperOf(call);
    if (use) return { kind: 'limited', constructions: use.constructions };
    return this.optionLimiterCalls.has(call) ? { kind: 'limited', constructions: [] } : null;
  }

  /** Calls of the functions marked so far: functions of this file whose own body sends a request. */
  private findLocalRequestCalls(): { call: TSESTree.CallExpression; mark: Mark }[] {
    const calls: { call: TSESTree.CallExpression; mark: Mark }[] = [];
    let hasMethods = false;
    for (const [fn, mark] of this.marks) {
      hasMethods ||= isMethod(fn);
      for (const reference of this.bindingOf(fn)?.references ?? []) {
        const outer = skipWrappersUp(reference.identifier);
        const parent = outer.parent;
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) calls.push({ call: parent, mark });
      }
    }
    if (!hasMethods) return calls;
    for (const call of this.collected.thisCalls) {
      const callee = this.functionOfCallee(call.callee);
      const mark = callee && this.marks.get(callee);
      if (mark) calls.push({ call, mark });
    }
    return calls;
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
  private callbackFunction(callback: TSESTree.Node | null | undefined): MarkedFunction | null {
    if (!callback) return null;
    const inner = skipWrappersDown(callback);
    const inline = isFunctionNode(inner);
    const fn = inline ? inner : this.functionOfCallee(inner);
    const mark = fn && this.marks.get(fn);
    // A function of this file passed by name counts when its own body sends a request (one level).
    return mark && (inline || mark.direct) ? { fn, mark } : null;
  }

  private callbackMark(callback: TSESTree.Node | null | undefined): Mark | null {
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
        return this.isGlobal(inner.callee, 'Promise') && executor !== undefined && isFunctionNode(executor) && this.marks.has(executor);
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
    const request = this.model.requestOf(call);
    return request ? !isLocalResourceRequest(request) : this.localCalls.has(call);
  }

  // ---------------------------------------------------------------------------------------------
  // Reports.

  /**
   * `Promise.all` and its siblings receive promises that are already running: every request of the
   * array was started before the combinator was even called.
   * https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/all
   */
  private checkCombinators(): void {
    const globalScope = this.globalScope();
    const combinators = Object.fromEntries(
      COMBINATORS.map((name) => [name, { [ASTUtils.ReferenceTracker.CALL]: name }]),
    ) as unknown as TraceMapElement;
    const tracker = createTracker<string>(globalScope);
    const globals = globalReferencesOf(globalScope, ['Promise', 'globalThis', 'self', 'window', 'global']);
    const roots: { node: TSESTree.Node; map: TraceMapElement }[] = [];
    for (const [name, references] of globals) {
      // `Promise.all(...)`, and `globalThis.Promise.all(...)` through the global object.
      const map = name === 'Promise' ? combinators : { Promise: combinators };
      for (const node of references) roots.push({ node, map });
    }
    for (const { node, map } of roots) {
      for (const found of tracker.iteratePropertyReferences(node, map)) {
        const call = found.node as TSESTree.CallExpression;
        const argument = call.arguments[0];
        if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
        const fanOut = this.collectionFanOut(argument, new Set());
        const amount = fanOut && this.excess(fanOut);
        if (amount) {
          this.context.report({
            node: call.callee,
            messageId: 'unboundedFanOut',
            data: { combinator: `Promise.${found.info}`, amount },
          });
        }
      }
    }
  }

  private checkIterations(): void {
    for (const { node, receiver, method } of this.collected.iterationCalls) {
      const callback = this.callbackFunction(node.arguments[0]);
      if (!callback) continue;
      const { fn, mark } = callback;
      // `forEach` ignores what its callback returns, so it never waits for a promise: an async
      // callback, or a request the callback starts without awaiting, runs on its own for every
      // element. https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/forEach#description
      if (!fn.async && !mark.unawaited && !this.bodyStartsRequest(fn)) continue;
      const amount = this.excess(fanOutOfSize(this.sizeOf(receiver.object)));
      if (amount) this.context.report({ node: receiver, messageId: 'unboundedIteration', data: { method, amount } });
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
  private checkLoop(evidence: TSESTree.CallExpression): void {
    if (useOf(chainEnd(evidence)) !== 'dropped') return;
    let child: TSESTree.Node = evidence;
    for (let current: TSESTree.Node | undefined = evidence.parent; current; child = current, current = current.parent) {
      if (isFunctionNode(current)) return;
      if (!isLoopNode(current) || !isInLoopBody(current, child)) continue;
      const loop = current;
      if (this.collected.awaitedLoops.has(loop) || this.reportedLoops.has(loop)) return;
      const amount = this.excess(fanOutOfSize(this.loopSize(loop)));
      if (amount) {
        this.reportedLoops.add(loop);
        this.context.report({ loc: this.loopHead(loop), messageId: 'unboundedLoop', data: { amount } });
      }
      return;
    }
  }

  private checkMappers(): void {
    for (const mapper of this.limiters.mappers) {
      if (!this.callbackMark(mapper.mapper) || !mapper.input) continue;
      // https://github.com/sindresorhus/p-map#concurrency: defaults to Infinity.
      const concurrency = lookupOption(mapper.options, 'concurrency');
      let node: TSESTree.Node;
      if (concurrency.kind === 'missing') node = mapper.node.callee;
      else if (concurrency.kind === 'found' && this.staticValue(concurrency.value) === Infinity) node = concurrency.property;
      else continue;
      const amount = this.excess(fanOutOfSize(this.sizeOf(mapper.input)));
      if (amount) {
        this.context.report({ node, messageId: 'unboundedMapper', data: { mapper: mapper.name, amount } });
      }
    }
  }

  private checkLimiters(): void {
    for (const use of this.limiters.wrappers) {
      // `limit.map(users, fetchUser)`, `queue.add(fetchAll)`: a request function passed by name.
      if (use.node.arguments.some((argument) => this.callbackMark(argument) !== null)) {
        for (const construction of use.constructions) this.usedLimiters.add(construction);
      }
    }
    for (const construction of this.limiters.constructions) {
      if (!this.usedLimiters.has(construction)) continue;
      const unlimited = getUnlimitedSetting(construction, this.sourceCode.getScope(construction.node));
      if (unlimited) {
        this.context.report({
          node: unlimited.node,
          messageId: 'unlimitedLimiter',
          data: { limiter: this.limiterLabel(construction), option: unlimited.option, example: unlimited.example },
        });
      }
      this.checkPlacement(construction);
    }
  }

  /** A limiter is only a limit when every call shares it: it must live longer than one call or one iteration. */
  private checkPlacement(construction: LimiterConstruction): void {
    const placement = getPlacement(construction.node);
    if (placement.inClassField || placement.inConstructor) return;
    if (this.escapes(construction.node, placement)) return;
    const loop = placement.loop && !this.collected.awaitedLoops.has(placement.loop) ? placement.loop : null;
    if (!loop && (placement.fn === null || this.runsOnce(placement.fn))) return;
    const limiter = this.limiterLabel(construction);
    const suggestion = this.hoistSuggestion(construction);
    const suggest = suggestion ? [suggestion] : [];
    if (loop) {
      this.context.report({ node: construction.node, messageId: 'perIterationLimiter', data: { limiter }, suggest });
      return;
    }
    this.context.report({
      node: construction.node,
      messageId: 'perCallLimiter',
      data: { limiter, owner: this.ownerLabel(placement.fn as FunctionNode) },
      suggest,
    });
  }

  /** Unlimited pools: `maxSockets: Infinity` on node agents, `connections: 0 | null` on undici pools. */
  private checkPools(): void {
    for (const construction of this.model.constructions) {
      if (construction.module === 'undici') {
        if (construction.kind === 'client' || construction.kind === 'instance') continue;
        // https://undici.nodejs.org/#/docs/api/Pool?id=parameter-pooloptions: `connections: null`
        // means no limit, and the pool stores `connections || null`, so 0 means no limit too.
        const connections = lookupOption(construction.options, 'connections');
        if (connections.kind !== 'found') continue;
        const value = this.staticValue(connections.value);
        if (value === 0 || value === null) {
          this.context.report({
            node: connections.property,
            messageId: 'unlimitedConnections',
            data: { value: String(value), kind: construction.kind === 'pool' ? 'pool' : 'agent' },
          });
        }
        continue;
      }
      if (construction.kind !== 'agent' && construction.kind !== 'proxy-agent') continue;
      // https://nodejs.org/api/http.html#new-agentoptions: `maxSockets` defaults to Infinity, and
      // the agent stores `options.maxSockets || Infinity`, so 0 and null mean no limit too.
      const maxSockets = lookupOption(construction.options, 'maxSockets');
      if (maxSockets.kind !== 'found') continue;
      const value = this.staticValue(maxSockets.value);
      if (value !== Infinity && value !== 0 && value !== null) continue;
      // A `maxTotalSockets` (other than Infinity) still caps the agent as a whole.
      const total = lookupOption(construction.options, 'maxTotalSockets');
      if (total.kind === 'unknown' || (total.kind === 'found' && this.staticValue(total.value) !== Infinity)) continue;
      this.context.report({
        node: maxSockets.property,
        messageId: 'unlimitedSockets',
        data: { value: this.sourceCode.getText(maxSockets.value) },
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sizes.

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
    if (name === 'from' && this.isGlobal(callee.object, 'Array') && first && first.type !== AST_NODE_TYPES.SpreadElement) {
      if (!second) return this.collectionFanOut(first, seen);
      return this.perElement(this.arrayFromSize(first), second);
    }
    if (name === 'map' || name === 'flatMap') {
      const mark = this.callbackMark(first);
      if (!mark) return this.collectionFanOut(callee.object, seen);
      return this.perElement(this.sizeOf(callee.object), first);
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
        total = multiply(total, this.loopSize(current));
      } else if (isFunctionNode(current)) {
        const host = this.hostOf(current);
        if (host.kind !== 'propagate') return null;
        const call = host.node;
        if (call.type === AST_NODE_TYPES.CallExpression) {
          const callee = skipWrappersDown(call.callee);
          if (callee.type === AST_NODE_TYPES.MemberExpression && ARRAY_CALLBACK_METHODS.has(memberName(callee))) {
            total = multiply(total, this.sizeOf(callee.object));
          }
        }
        child = call;
        current = call;
      }
    }
    return total;
  }

  /** The number of elements of a collection, as far as the code shows it. */
  private sizeOf(node: TSESTree.Node, depth = 0): Size {
    const inner = skipWrappersDown(node);
    const unknown: Size = { kind: 'unknown', amount: { kind: 'elements', label: this.label(inner) } };
    if (depth > 8) return unknown;
    switch (inner.type) {
      case AST_NODE_TYPES.ArrayExpression: {
        const [only] = inner.elements;
        // [...Array(n)]: the size (and the range of indexes) of what is spread.
        if (inner.elements.length === 1 && only?.type === AST_NODE_TYPES.SpreadElement) return this.sizeOf(only.argument, depth + 1);
        let total: Size = { kind: 'static', count: 0 };
        for (const element of inner.elements) {
          const size: Size =
            element?.type === AST_NODE_TYPES.SpreadElement
              ? this.sizeOf(element.argument, depth + 1)
              : { kind: 'static', count: 1 };
          total = addSizes(total, size);
        }
        return total;
      }
      case AST_NODE_TYPES.Identifier:
        return this.identifierSize(inner, depth) ?? unknown;
      case AST_NODE_TYPES.CallExpression:
        return this.callSize(inner, depth) ?? unknown;
      case AST_NODE_TYPES.NewExpression: {
        const [first] = inner.arguments;
        if (this.isGlobal(inner.callee, 'Array')) return this.arrayConstructorSize(inner.arguments);
        if ((this.isGlobal(inner.callee, 'Set') || this.isGlobal(inner.callee, 'Map')) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
          return this.sizeOf(first, depth + 1);
        }
        return unknown;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return largest(this.sizeOf(inner.consequent, depth + 1), this.sizeOf(inner.alternate, depth + 1));
      case AST_NODE_TYPES.LogicalExpression:
        return largest(this.sizeOf(inner.left, depth + 1), this.sizeOf(inner.right, depth + 1));
      case AST_NODE_TYPES.MemberExpression:
        // `batches[i]` in a loop that awaits each batch: one element of a list of batches.
        return inner.computed && this.inAwaitedLoop(inner) ? { kind: 'capped' } : unknown;
      default:
        return unknown;
    }
  }

  private identifierSize(identifier: TSESTree.Identifier, depth: number): Size | null {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length !== 1) return null;
    const def = variable.defs[0] as TSESLint.Scope.Definition;
    if (def.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id !== def.name) return null;
    const declaration = def.parent;
    const loop = declaration.parent;
    // for (const batch of batches) await Promise.all(batch.map(...)): one batch at a time.
    if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration) {
      return this.collected.awaitedLoops.has(loop) ? { kind: 'capped' } : null;
    }
    if (!def.node.init || isGrown(variable)) return null;
    return this.sizeOf(def.node.init, depth + 1);
  }

  private callSize(call: TSESTree.CallExpression, depth: number): Size | null {
    const callee = skipWrappersDown(call.callee);
    const args = call.arguments;
    if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return null;
    const [first, second] = args as TSESTree.Expression[];
    if (this.isGlobal(callee, 'Array')) return this.arrayConstructorSize(args);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = getStaticName(callee);
    const object = callee.object;
    if (this.isGlobal(object, 'Object') && (name === 'keys' || name === 'values' || name === 'entries') && first) {
      const keys = this.keysSize(first);
      return keys.kind === 'unknown' ? null : keys;
    }
    if (this.isGlobal(object, 'Array')) {
      if (name === 'from' && first) return this.arrayFromSize(first);
      if (name === 'of') return { kind: 'static', count: args.length };
      return null;
    }
    switch (name) {
      case 'slice':
        return this.sliceSize(object, first, second, depth);
      case 'splice':
        // queue.splice(0, size) takes one batch off a queue.
        return second ? { kind: 'capped' } : null;
      case 'concat':
        return args.reduce<Size>((total, argument) => addSizes(total, this.sizeOf(argument, depth + 1)), this.sizeOf(object, depth + 1));
      default:
        return name !== null && SAME_SIZE_METHODS.has(name) ? this.sizeOf(object, depth + 1) : null;
    }
  }

  /**
   * A slice with an end is a window the code chose (`items.slice(0, 10)`, `items.slice(i, i + size)`),
   * and so is a negative start (`items.slice(-5)`); other slices are as large as the array.
   */
  private sliceSize(object: TSESTree.Node, start: TSESTree.Node | undefined, end: TSESTree.Node | undefined, depth: number): Size {
    if (!start) return this.sizeOf(object, depth + 1);
    if (!end) {
      const value = this.staticValue(start);
      return typeof value === 'number' && value < 0 ? { kind: 'capped' } : this.sizeOf(object, depth + 1);
    }
    return isLengthOf(end) ? this.sizeOf(object, depth + 1) : { kind: 'capped' };
  }

  /** `Array.from(x)`: the size of `x`; `Array.from({ length: n })`: n elements. */
  private arrayFromSize(source: TSESTree.Node): Size {
    const inner = skipWrappersDown(source);
    if (inner.type === AST_NODE_TYPES.ObjectExpression) {
      const length = lookupOption({ kind: 'object', node: inner }, 'length');
      if (length.kind === 'found') return this.lengthSize(length.value);
      // Array.from({}) is empty; Array.from({ ...options }) may have any length.
      if (length.kind === 'missing') return { kind: 'static', count: 0 };
    }
    return this.sizeOf(source, 1);
  }

  private arrayConstructorSize(args: readonly TSESTree.CallExpressionArgument[]): Size {
    const [first] = args;
    if (args.length !== 1 || !first || first.type === AST_NODE_TYPES.SpreadElement) return { kind: 'static', count: args.length };
    const inner = skipWrappersDown(first);
    if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value !== 'number') return { kind: 'static', count: 1 };
    return this.lengthSize(first);
  }

  /** The size of `{ length: n }`: n, known or not. A length that is not a data length makes a range of indexes. */
  private lengthSize(length: TSESTree.Node): Size {
    if (isLengthOf(length)) return this.sizeOf((skipWrappersDown(length) as TSESTree.MemberExpression).object, 1);
    const count = this.staticCount(length);
    if (count) return { ...count, range: true };
    const label = this.label(length);
    return label === null
      ? { kind: 'unknown', amount: { kind: 'elements', label: null }, range: true }
      : { kind: 'unknown', amount: { kind: 'indexes', label }, range: true };
  }

  /** The number of keys of an object: known for an object literal constant, unknown otherwise. */
  private keysSize(object: TSESTree.Node): Size {
    const inner = skipWrappersDown(object);
    const unknown: Size = { kind: 'unknown', amount: { kind: 'keys', label: this.label(inner) } };
    let literal: TSESTree.Node | null = inner;
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.sourceCode.getScope(inner), inner);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      literal =
        def?.type === TSESLint.Scope.DefinitionType.Variable && def.node.id === def.name && def.parent.kind === 'const'
          ? def.node.init
          : null;
    }
    if (literal?.type !== AST_NODE_TYPES.ObjectExpression) return unknown;
    if (literal.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement || property.computed)) {
      return unknown;
    }
    return { kind: 'static', count: literal.properties.length };
  }

  /** How many times a loop runs. */
  private loopSize(loop: LoopNode): Size {
    switch (loop.type) {
      case AST_NODE_TYPES.ForOfStatement:
        return this.sizeOf(loop.right);
      case AST_NODE_TYPES.ForInStatement:
        return this.keysSize(loop.right);
      case AST_NODE_TYPES.ForStatement:
        return this.forSize(loop);
      default:
        return { kind: 'unknown', amount: { kind: 'iterations' } };
    }
  }

  /**
   * `for (let i = a; i < n; i++)`: `n - a` iterations, or one per element of `x` for `i < x.length`
   * (and `for (let i = x.length - 1; i >= 0; i--)`).
   */
  private forSize(loop: TSESTree.ForStatement): Size {
    const unknown: Size = { kind: 'unknown', amount: { kind: 'iterations' } };
    const step = stepOf(loop.update, (node) => this.staticValue(node));
    const test = loop.test;
    if (!step || test?.type !== AST_NODE_TYPES.BinaryExpression) return unknown;
    const comparison = compareCounter(test, step.name);
    if (!comparison || comparison.increasing !== step.delta > 0) return unknown;
    const start = initialValue(loop.init, step.name);
    const [low, high] = comparison.increasing ? [start, comparison.bound] : [comparison.bound, start];
    const data = comparison.increasing ? lengthOf(comparison.bound) : lengthOf(start, true);
    if (data && Math.abs(step.delta) === 1) return this.sizeOf(data);
    const from = low && this.staticValue(low);
    const to = high && this.staticValue(high);
    if (typeof from !== 'number' || typeof to !== 'number') return unknown;
    const count = Math.ceil((to - from + (comparison.inclusive ? 1 : 0)) / Math.abs(step.delta));
    return { kind: 'static', count: Math.max(0, count) };
  }

  private staticCount(node: TSESTree.Node): Size | null {
    const value = this.staticValue(node);
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? { kind: 'static', count: Math.floor(value) } : null;
  }

  private staticValue(node: TSESTree.Node): unknown {
    return ASTUtils.getStaticValue(node, this.sourceCode.getScope(node))?.value;
  }

  /** Is `node` inside the body of a loop, in the same function, that awaits each iteration? */
  private inAwaitedLoop(node: TSESTree.Node): boolean {
    let child = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      if (isFunctionNode(current)) return false;
      if (isLoopNode(current) && isInLoopBody(current, child)) return this.collected.awaitedLoops.has(current);
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Limiters.

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

  /** Moving `const limit = pLimit(5)` to module scope, when its arguments are static and the name is free. */
  private hoistSuggestion(construction: LimiterConstruction): TSESLint.SuggestionReportDescriptor<MessageIds> | null {
    const outer = skipWrappersUp(construction.node);
    const declarator = outer.parent;
    if (
      declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
      declarator.init !== outer ||
      declarator.id.type !== AST_NODE_TYPES.Identifier ||
      declarator.id.typeAnnotation
    ) {
      return null;
    }
    const declaration = declarator.parent;
    if (declaration.declarations.length !== 1 || declaration.kind === 'var') return null;
    if (declaration.parent.type !== AST_NODE_TYPES.BlockStatement) return null;
    const name = declarator.id.name;
    const top = topLevelStatement(declaration);
    const moduleScope = this.moduleScope();
    if (moduleScope.set.has(name) || moduleScope.through.some((reference) => reference.identifier.name === name)) {
      return null;
    }
    const variable = this.sourceCode.getDeclaredVariables(declarator)[0];
    if (variable?.references.some((reference) => reference.isWrite() && !reference.init)) return null;
    if (!this.isHoistable(construction.node, top, moduleScope)) return null;
    const insertAt = lineStart(this.sourceCode.getCommentsBefore(top)[0] ?? top);
    let text = this.sourceCode.getText(declaration);
    if (!text.endsWith(';')) text += ';';
    const removal = removalRange(declaration, this.sourceCode);
    return {
      messageId: 'suggestHoistLimiter',
      data: { name },
      fix: (fixer) => [fixer.insertTextBeforeRange([insertAt, insertAt], `${text}\n`), fixer.removeRange(removal)],
    };
  }

  /** Are the construction's arguments static, with every name defined at module level before `top`? */
  private isHoistable(
    node: TSESTree.CallExpression | TSESTree.NewExpression,
    top: TSESTree.Node,
    moduleScope: TSESLint.Scope.Scope,
  ): boolean {
    const staticArguments = node.arguments.every(
      (argument) => argument.type !== AST_NODE_TYPES.SpreadElement && this.staticValue(argument) !== undefined,
    );
    if (!staticArguments) return false;
    const outerScopes: ReadonlySet<TSESLint.Scope.Scope> = new Set([moduleScope, this.globalScope()]);
    // An unresolved name is a global of the runtime, the same everywhere.
    return this.sourceCode
      .getScope(node)
      .references.filter(
        (reference) =>
          reference.resolved !== null &&
          reference.identifier.range[0] >= node.range[0] &&
          reference.identifier.range[1] <= node.range[1],
      )
      .every((reference) => {
        const resolved = reference.resolved as TSESLint.Scope.Variable;
        return (
          outerScopes.has(resolved.scope) &&
          resolved.defs.every(
            (def) => def.type === TSESLint.Scope.DefinitionType.ImportBinding || def.node.range[1] <= top.range[0],
          )
        );
      });
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers.

  /** The phrase for a fan-out that is too large, or `null` when it is bounded. */
  private excess(fanOut: FanOut | null): string | null {
    if (!fanOut || fanOut.kind === 'capped') return null;
    if (fanOut.kind === 'count') return fanOut.count > this.collected.maxInline ? `${fanOut.count} requests` : null;
    return phrase(fanOut.amount);
  }

  private isGlobal(node: TSESTree.Node, name: string): boolean {
    const inner = skipWrappersDown(node);
    if (inner.type !== AST_NODE_TYPES.Identifier || inner.name !== name) return false;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(inner), inner);
    return !variable || variable.defs.length === 0;
  }

  private label(node: TSESTree.Node): string | null {
    const text = this.sourceCode.getText(node);
    return text.length <= MAX_LABEL_LENGTH && !text.includes('\n') ? text : null;
  }

  private limiterLabel(construction: LimiterConstruction): string {
    const node = construction.node;
    const callee = this.sourceCode.getText(node.callee);
    return this.label(node) ?? (node.type === AST_NODE_TYPES.NewExpression ? `new ${callee}(…)` : `${callee}(…)`);
  }

  /** `\`sync\``, `the callback passed to \`app.get\``, or `this function`, for messages. */
  private ownerLabel(fn: FunctionNode): string {
    const name = getFunctionName(fn, this.sourceCode);
    if (name !== null) return `\`${name}\``;
    // A function without a name of its own is a callback (a limiter is never created in an IIFE that runs once).
    const parent = skipWrappersUp(fn).parent;
    const callee = parent?.type === AST_NODE_TYPES.CallExpression ? this.label(parent.callee) : null;
    return callee === null ? 'this function' : `the callback passed to \`${callee}\``;
  }

  private globalScope(): TSESLint.Scope.Scope {
    return this.sourceCode.getScope(this.sourceCode.ast);
  }

  /** The scope of the program's own declarations: the module scope, CommonJS's function scope, or the global scope. */
  private moduleScope(): TSESLint.Scope.Scope {
    const globalScope = this.globalScope();
    return globalScope.childScopes.find((scope) => scope.block === this.sourceCode.ast) ?? globalScope;
  }

  /** The `for (...)` / `while (...)` / `do` part of a loop, without its body. */
  private loopHead(loop: LoopNode): TSESTree.SourceLocation {
    const token =
      loop.type === AST_NODE_TYPES.DoWhileStatement
        ? this.sourceCode.getFirstToken(loop)
        : this.sourceCode.getTokenBefore(loop.body);
    return { start: loop.loc.start, end: (token as TSESTree.Token).loc.end };
  }
}

function phrase(amount: Amount): string {
  switch (amount.kind) {
    case 'elements':
      return amount.label === null
        ? 'one request per element of an array of unknown size'
        : `one request per element of \`${amount.label}\``;
    case 'keys':
      return amount.label === null
        ? 'one request per key of an object of unknown size'
        : `one request per key of \`${amount.label}\``;
    case 'indexes':
      return `\`${amount.label}\` requests`;
    case 'iterations':
      return 'an unbounded number of requests (one per loop iteration)';
  }
}

function fanOutOfSize(size: Size): FanOut {
  switch (size.kind) {
    case 'static':
      return { kind: 'count', count: size.count };
    case 'capped':
      return size;
    case 'unknown':
      return { kind: 'unbounded', amount: size.amount };
  }
}

function combine(a: FanOut | null, b: FanOut | null): FanOut | null {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === 'unbounded') return a;
  if (b.kind === 'unbounded') return b;
  if (a.kind === 'capped' || b.kind === 'capped') return { kind: 'capped' };
  return { kind: 'count', count: a.count + b.count };
}

function worst(a: FanOut | null, b: FanOut | null): FanOut | null {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === 'unbounded') return a;
  if (b.kind === 'unbounded') return b;
  if (a.kind === 'count' && b.kind === 'count') return a.count >= b.count ? a : b;
  return a.kind === 'count' ? a : b;
}

function multiply(fanOut: FanOut, size: Size): FanOut {
  if (fanOut.kind === 'unbounded') return fanOut;
  if (size.kind === 'unknown') return { kind: 'unbounded', amount: size.amount };
  if (size.kind === 'capped' || fanOut.kind === 'capped') return { kind: 'capped' };
  return { kind: 'count', count: fanOut.count * size.count };
}

function addSizes(a: Size, b: Size): Size {
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  if (a.kind === 'capped' || b.kind === 'capped') return { kind: 'capped' };
  return { kind: 'static', count: a.count + b.count };
}

function largest(a: Size, b: Size): Size {
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  if (a.kind === 'static' && b.kind === 'static') return a.count >= b.count ? a : b;
  return { kind: 'capped' };
}

/** Is `node` `x.length`? */
function isLengthOf(node: TSESTree.Node): boolean {
  const inner = skipWrappersDown(node);
  return inner.type === AST_NODE_TYPES.MemberExpression && getStaticName(inner) === 'length';
}

/** The counter of a `for` loop and how much its update adds to it: `i++`, `i--`, `i += k`, `i -= k`. */
function stepOf(
  update: TSESTree.Expression | null,
  valueOf: (node: TSESTree.Node) => unknown,
): { name: string; delta: number } | null {
  if (update?.type === AST_NODE_TYPES.UpdateExpression && update.argument.type === AST_NODE_TYPES.Identifier) {
    return { name: update.argument.name, delta: update.operator === '++' ? 1 : -1 };
  }
  if (
    update?.type !== AST_NODE_TYPES.AssignmentExpression ||
    update.left.type !== AST_NODE_TYPES.Identifier ||
    (update.operator !== '+=' && update.operator !== '-=')
  ) {
    return null;
  }
  const value = valueOf(update.right);
  if (typeof value !== 'number' || !(value > 0)) return null;
  return { name: update.left.name, delta: update.operator === '+=' ? value : -value };
}

/** `i < n`, `n > i`, `i >= 0`...: whether the counter goes up to the bound or down to it. */
function compareCounter(
  test: TSESTree.BinaryExpression,
  name: string,
): { increasing: boolean; inclusive: boolean; bound: TSESTree.Node } | null {
  const mirrored = MIRRORED_COMPARISONS.get(test.operator);
  if (mirrored === undefined) return null;
  const isCounter = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === name;
  let operator: string;
  let bound: TSESTree.Node;
  if (isCounter(test.left)) {
    operator = test.operator;
    bound = test.right;
  } else if (isCounter(test.right)) {
    operator = mirrored;
    bound = test.left;
  } else {
    return null;
  }
  return { increasing: operator.startsWith('<'), inclusive: operator.endsWith('='), bound };
}

/** The initial value of the counter `name` in a `for` loop's init (`let i = 0`). */
function initialValue(init: TSESTree.ForStatement['init'], name: string): TSESTree.Node | null {
  if (init?.type !== AST_NODE_TYPES.VariableDeclaration) return null;
  const declarator = init.declarations.find(
    (candidate) => candidate.id.type === AST_NODE_TYPES.Identifier && candidate.id.name === name,
  );
  return declarator?.init ?? null;
}

/**
 * The array whose length `node` is: `x` for `x.length`, and with `minusOne` also for
 * `x.length - 1` (the start of a loop that counts down).
 */
function lengthOf(node: TSESTree.Node | null, minusOne = false): TSESTree.Node | null {
  if (!node) return null;
  const inner = skipWrappersDown(node);
  if (isLengthOf(inner)) return (inner as TSESTree.MemberExpression).object;
  if (
    minusOne &&
    inner.type === AST_NODE_TYPES.BinaryExpression &&
    inner.operator === '-' &&
    inner.right.type === AST_NODE_TYPES.Literal &&
    inner.right.value === 1
  ) {
    return lengthOf(inner.left);
  }
  return null;
}

/** Can the array in `variable` grow after its initialiser (`push`, `splice`, index writes, handed to a call)? */
function isGrown(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    if (reference.init) return false;
    if (reference.isWrite()) return true;
    const outer = skipWrappersUp(reference.identifier);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
      const member = skipWrappersUp(parent);
      const use = member.parent;
      if (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member) return true;
      const name = getStaticName(parent);
      return use?.type === AST_NODE_TYPES.CallExpression && use.callee === member && name !== null && GROWING_METHODS.has(name);
    }
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== outer;
  });
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
