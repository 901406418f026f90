import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import type { FunctionNode, LoopNode } from '../ast/nodes';
import { ARRAY_CALLBACK_METHODS, getStaticName, isFunctionNode, nameOf, PROMISE_CHAIN_METHODS, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { resolveLocalFunction } from '../ast/scope';
import { isLoggerName, LOG_METHODS } from './logging';

/**
 * How a value outlives the run of the code that created it.
 * - `returned`: returned to the caller (`return client`, `return { client }`, an arrow's body);
 * - `yielded`: yielded by a generator;
 * - `this`: stored on `this` (`this.client = ...`, `this.pools.push(...)`);
 * - `outer-variable`: assigned to a variable declared outside the function: a module variable, a
 *   memoised singleton (`client ??= ...`, `if (!client) client = ...`), a closure variable;
 * - `stored`: stored into an object that outlives the call: a cache (`cache.set(key, value)`,
 *   `cache[key] = value`), a parameter's property, a global;
 * - `argument`: passed to a function or constructor that may keep it (`useRef(x)`, `register(x)`);
 * - `closure`: read by a function that itself outlives the call (a returned callback, a timer);
 * - `unknown`: used in a way the analysis does not follow, so it may escape.
 */
export type EscapeKind = 'argument' | 'closure' | 'outer-variable' | 'returned' | 'stored' | 'this' | 'unknown' | 'yielded';

/** Where and how a value escapes. */
export interface Escape {
  readonly kind: EscapeKind;
  /** The node through which it escapes (the `return`, the assignment, the call). */
  readonly node: TSESTree.Node;
}

/** What {@link analyzeEscape} needs to know about the code around the value. */
export interface EscapeOptions {
  /**
   * The code whose single run the value must not outlive: the function that creates it, or the
   * loop that creates it at module level. Variables declared inside it are local.
   */
  readonly unit: TSESTree.Node;
  /**
   * The loop, inside `unit`, that creates the value. Inside a loop, putting the value into a local
   * array (`list.push(value)`, `list[i] = value`) does not count as escaping: each iteration still
   * makes a new one.
   */
  readonly loop: LoopNode | null;
  /** Is `call` a request sent right here? Its arguments (and their options) live only as long as it. */
  readonly isRequest: (call: TSESTree.CallExpression) => boolean;
  /**
   * Does `node` create another client, agent or pool? A value put into its options escapes
   * exactly when that one escapes (`axios.create({ httpsAgent: agent })`).
   */
  readonly isConstruction: (node: TSESTree.Node) => boolean;
}

/** The result of {@link analyzeEscape}. */
export interface EscapeAnalysis {
  /** How the value escapes, or `null` when it lives only as long as the unit's run. */
  readonly escape: Escape | null;
  /**
   * Every use of the value only sends requests with it or hands it to the options of a request or
   * of another client: nothing configures, closes or inspects it. Sharing one such value across
   * runs does not change what each run observes, apart from when it is created.
   */
  readonly passive: boolean;
  /** The `const x = value` declarator the value is bound to directly, if any. */
  readonly declarator: TSESTree.VariableDeclarator | null;
}

/** Methods that put their argument into the receiver: arrays, sets and maps. */
const STORE_METHODS: ReadonlySet<string> = new Set(['add', 'push', 'set', 'splice', 'unshift']);
/** The subset that adds without a key, like appending to an array. */
const APPEND_METHODS: ReadonlySet<string> = new Set(['add', 'push', 'splice', 'unshift']);

/**
 * Methods that call a callback while they run (array iteration) or keep it only until a promise
 * settles (`then`): a closure passed to them does not outlive the caller's run.
 */
const CALLBACK_METHODS: ReadonlySet<string> = new Set([
  ...ARRAY_CALLBACK_METHODS,
  ...PROMISE_CHAIN_METHODS,
  'sort',
  'toSorted',
]);

/**
 * Array methods that hand each element to a callback (`list.map((item) => ...)`); the second set
 * also returns elements of the receiver (`list.filter(...)`, `list.find(...)`).
 */
const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set(
  [...ARRAY_CALLBACK_METHODS].filter((name) => name !== 'reduce' && name !== 'reduceRight'),
);
const ELEMENT_RETURNING_METHODS: ReadonlySet<string> = new Set(['filter', 'find', 'findLast']);

/** Members of arrays, maps and sets that never hand out an element. */
const NON_ELEMENT_MEMBERS: ReadonlySet<string> = new Set(['has', 'includes', 'indexOf', 'join', 'lastIndexOf', 'length', 'size']);

const ASSIGNING_OPERATORS: ReadonlySet<string> = new Set(['=', '??=', '||=', '&&=']);


/**
 * Retry helpers that call their first argument until it succeeds, while the caller waits:
 * `p-retry`, `async-retry`, `promise-retry`, `exponential-backoff`'s `backOff`, and project
 * helpers named like them (`retry`, `withRetry`, `retryWithBackoff`).
 */
const RETRY_NAMES = /^(?:(?:p|async|promise|with|do|run|call)[-_]?)?retr(?:y|ies)(?:[A-Z_]\w*)?$|^(?:exponential[-_]?)?back[-_]?off$/iu;

/**
 * Methods whose result sends its requests through the receiver: undici's `dispatcher.compose()`
 * (https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatchercomposeinterceptors-interceptor),
 * and the `extend` / `child` / `withOptions` of clients that derive a configured copy.
 */
const DERIVING_METHODS: ReadonlySet<string> = new Set(['child', 'compose', 'extend', 'withOptions']);

/** Parameter names of the options a request function is given: `options`, `opts`, `init`, `reqOpts`. */
const OPTIONS_PARAMETER_NAMES = /^(?:\w*(?:options|opts|config)|init|params)$/iu;

/** How deep variables and containers are followed before giving up (and assuming an escape). */
const MAX_DEPTH = 12;

/**
 * Follows the value `node` creates (a `new Agent()`, an `axios.create()`) to every place it goes and
 * tells whether it outlives one run of `options.unit`. Unknown uses count as escapes, so a `null`
 * escape means the value is certainly thrown away when the run ends.
 *
 * The walk visits the uses of the value and of the variables and fresh containers it passes
 * through, each once.
 */
export function analyzeEscape(
  node: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
  options: EscapeOptions,
): EscapeAnalysis {
  const analyzer = new EscapeAnalyzer(sourceCode, options);
  const escape = analyzer.flow(node, { container: false, primary: true, depth: 0 });
  return { escape, passive: analyzer.passive, declarator: directDeclarator(node) };
}

interface FlowState {
  /** The node at hand holds the value inside it (an object or array literal, a local `Map`). */
  readonly container: boolean;
  /**
   * The keys of the container under which the value sits (`httpsAgent` of `{ httpsAgent: agent,
   * headers }`); absent when any key or element may hold it.
   */
  readonly keys?: ReadonlySet<string>;
  /** The node at hand is the analysed value itself (uses decide {@link EscapeAnalysis.passive}). */
  readonly primary: boolean;
  readonly depth: number;
}

type Memo = Map<object, Escape | null | 'pending'>;

class EscapeAnalyzer {
  passive = true;
  private readonly variables: Memo = new Map();
  private readonly containers: Memo = new Map();
  private readonly functions: Memo = new Map();
  private readonly keyed = new Map<TSESLint.Scope.Variable, Map<string, object>>();

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly options: EscapeOptions,
  ) {}

  /** Follows the value of expression `start` up the tree to where it ends up. */
  flow(start: TSESTree.Node, state: FlowState): Escape | null {
    if (state.depth > MAX_DEPTH) return { kind: 'unknown', node: start };
    let node = start;
    let container = state.container;
    let keys = state.keys;
    for (;;) {
      const outer = skipWrappersUp(node);
      const parent = outer.parent;
      if (!parent) return { kind: 'unknown', node: outer };
      const next: FlowState = { container, primary: state.primary, depth: state.depth, ...(keys ? { keys } : {}) };
      switch (parent.type) {
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === outer) return this.inert(next);
          node = parent;
          continue;
        case AST_NODE_TYPES.LogicalExpression:
        case AST_NODE_TYPES.AwaitExpression:
          // `a ?? value` and `await value` evaluate to the value.
          node = parent;
          continue;
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions.at(-1) !== outer) return this.inert(next);
          node = parent;
          continue;
        case AST_NODE_TYPES.Property: {
          if (parent.value !== outer || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) {
            return { kind: 'unknown', node: parent };
          }
          node = parent.parent;
          container = true;
          const key = getStaticName(parent);
          keys = key === null ? undefined : new Set([key]);
          continue;
        }
        case AST_NODE_TYPES.ArrayExpression:
          node = parent;
          container = true;
          keys = undefined;
          continue;
        case AST_NODE_TYPES.SpreadElement:
          return this.flowSpread(parent, next);
        case AST_NODE_TYPES.ReturnStatement:
          return { kind: 'returned', node: parent };
        case AST_NODE_TYPES.ArrowFunctionExpression:
          // The only expression an arrow function holds is its body.
          return { kind: 'returned', node: parent };
        case AST_NODE_TYPES.YieldExpression:
          return { kind: 'yielded', node: parent };
        case AST_NODE_TYPES.MemberExpression:
          if (parent.object !== outer) return this.inert(next);
          return this.flowMember(parent, next);
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          if (parent.callee === outer) {
            // Calling the value: an axios or got instance is itself a request function.
            if (!(parent.type === AST_NODE_TYPES.CallExpression && this.options.isRequest(parent))) {
              this.markActive(next);
            }
            return null;
          }
          return this.flowArgument(parent, next, outer);
        case AST_NODE_TYPES.VariableDeclarator:
          // Values only reach a declarator as its initialiser.
          return this.flowBinding(parent.id, next);
        case AST_NODE_TYPES.AssignmentPattern:
          // A default value: `function f(agent = new Agent())`.
          return this.flowBinding(parent.left, next);
        case AST_NODE_TYPES.AssignmentExpression: {
          if (parent.right !== outer) return this.inert(next);
          if (!ASSIGNING_OPERATORS.has(parent.operator)) return this.inert(next);
          const escape = this.flowAssignmentTarget(parent.left, next);
          if (escape) return escape;
          // `return (x = value)`: the assignment evaluates to the value.
          node = parent;
          continue;
        }
        case AST_NODE_TYPES.ForOfStatement:
          // Values only reach a `for...of` head as the iterated expression.
          this.markActive(next);
          // Iterating a container hands out the value; iterating a client is just reading it.
          return container ? this.flowForOfBinding(parent, next) : null;
        case AST_NODE_TYPES.ExpressionStatement:
          // `options.agent = value;` leaves nothing behind; a bare `new Agent();` is an odd use.
          return outer.type === AST_NODE_TYPES.AssignmentExpression ? null : this.inert(next);
        case AST_NODE_TYPES.TemplateLiteral:
          // A tag function receives the value itself: tag`${value}`.
          if (parent.parent.type === AST_NODE_TYPES.TaggedTemplateExpression) {
            return { kind: 'argument', node: parent.parent };
          }
          return this.inert(next);
        case AST_NODE_TYPES.UnaryExpression:
        case AST_NODE_TYPES.BinaryExpression:
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.ForInStatement:
        case AST_NODE_TYPES.SwitchStatement:
        case AST_NODE_TYPES.SwitchCase:
        case AST_NODE_TYPES.UpdateExpression:
          return this.inert(next);
        default:
          // `throw value`, `export default value`, JSX props, class fields and whatever else.
          return { kind: 'unknown', node: parent };
      }
    }
  }

  /** A use that neither keeps the value nor only sends requests with it. */
  private inert(state: FlowState): null {
    this.markActive(state);
    return null;
  }

  private markActive(state: FlowState): void {
    if (state.primary) this.passive = false;
  }

  /** `...value` inside an array or object literal copies the value (or its elements) into it. */
  private flowSpread(spread: TSESTree.SpreadElement, state: FlowState): Escape | null {
    const parent = spread.parent;
    if (parent.type === AST_NODE_TYPES.ArrayExpression || parent.type === AST_NODE_TYPES.ObjectExpression) {
      // Spreading a client copies its own properties, which may be its sockets and settings.
      this.markActive(state);
      const next: FlowState = { container: true, primary: false, depth: state.depth };
      return this.flow(parent, parent.type === AST_NODE_TYPES.ObjectExpression && state.keys ? { ...next, keys: state.keys } : next);
    }
    // Otherwise a spread argument: `register(...list)`.
    return this.flowArgument(parent, state, spread);
  }

  /** `value.member`: using a client, or reading out of a container. */
  private flowMember(member: TSESTree.MemberExpression, state: FlowState): Escape | null {
    const outer = skipWrappersUp(member);
    const parent = outer.parent;
    const call = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer ? parent : null;
    if (state.container) {
      const name = getStaticName(member);
      // `options.headers` while the value sits under `options.httpsAgent`: another value is read.
      if (!call && name !== null && state.keys && !state.keys.has(name) && !isAssignmentTarget(outer)) return null;
      this.markActive(state);
      if (isAssignmentTarget(outer)) return null;
      if (call && name !== null && STORE_METHODS.has(name)) return null;
      if (call && name !== null && ELEMENT_CALLBACK_METHODS.has(name)) return this.flowElements(call, name, state);
      if (name !== null && NON_ELEMENT_MEMBERS.has(name)) return null;
      // Whatever is read out (`opts.agent`, `list[0]`, `map.get(key)`) may be the value itself.
      const read: FlowState = { container: true, primary: state.primary, depth: state.depth + 1 };
      return this.flow(call ?? member, name !== null && state.keys?.has(name) === true && !call ? { ...read, container: false } : read);
    }
    if (call && this.options.isRequest(call)) return null;
    if (call && this.options.isConstruction(call)) {
      // `base.extend(options)`: the derived client keeps the base's settings alive.
      return this.flow(call, { container: false, primary: false, depth: state.depth + 1 });
    }
    // `pool.compose(interceptor)`: a dispatcher that sends through the value, so it lives as long.
    if (call && DERIVING_METHODS.has(getStaticName(member) ?? '')) {
      this.markActive(state);
      return this.flow(call, { container: false, primary: false, depth: state.depth + 1 });
    }
    // `agent.destroy()`, `api.defaults.timeout = 1`, `api.interceptors.request.use(...)`.
    this.markActive(state);
    return null;
  }

  /** `container.map((element) => ...)`: each element goes to the callback's first parameter. */
  private flowElements(call: TSESTree.CallExpression, method: string, state: FlowState): Escape | null {
    const callback = call.arguments[0];
    if (!callback || !isFunctionNode(callback)) return { kind: 'argument', node: call };
    const element = callback.params[0];
    const next: FlowState = { container: false, primary: false, depth: state.depth + 1 };
    const escape = element ? this.flowBinding(element, next) : null;
    if (escape || !ELEMENT_RETURNING_METHODS.has(method)) return escape;
    return this.flow(call, { ...state, depth: state.depth + 1 });
  }

  /** The value is an argument of `call`. */
  private flowArgument(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    state: FlowState,
    argument: TSESTree.Node,
  ): Escape | null {
    // The options of a request made here live as long as the request: the per-request case.
    if (call.type === AST_NODE_TYPES.CallExpression && this.options.isRequest(call)) return null;
    if (this.options.isConstruction(call)) {
      return this.flow(call, { container: false, primary: false, depth: state.depth + 1 });
    }
    if (call.type === AST_NODE_TYPES.CallExpression) {
      const forwarded = this.flowForwarded(call, state, argument);
      if (forwarded !== undefined) return forwarded;
    }
    this.markActive(state);
    const callee = skipWrappersDown(call.callee);
    if (call.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getStaticName(callee);
      if (method !== null && STORE_METHODS.has(method)) {
        return this.flowStore(callee.object, APPEND_METHODS.has(method), call, state);
      }
    }
    // `JSON.stringify(options)`, `logger.debug(options)`: read now, kept by nobody.
    if (call.type === AST_NODE_TYPES.CallExpression && this.isReadOnlyCall(call)) return null;
    return { kind: 'argument', node: call };
  }

  /**
   * The value is put into `target` (`target.push(value)`, `target[key] = value`, `target.x = value`).
   * `append` tells whether it is added like an array element rather than under a key.
   */
  private flowStore(
    target: TSESTree.Node,
    append: boolean,
    store: TSESTree.Node,
    state: FlowState,
    key: string | null = null,
  ): Escape | null {
    const root = memberRoot(target);
    if (root.type === AST_NODE_TYPES.ThisExpression) return { kind: 'this', node: store };
    if (root.type !== AST_NODE_TYPES.Identifier) return { kind: 'stored', node: store };
    const variable = this.findVariable(root);
    if (variable && key !== null && skipWrappersDown(target) === root && this.isOptionsParameter(variable)) {
      // `options.agent = value` into the options the caller handed in for this call: the value
      // sits under that key while the options are followed (to the request they are sent with).
      return this.flowVariable(variable, { container: true, primary: false, depth: state.depth + 1, keys: new Set([key]) });
    }
    if (!variable || !this.isFreshLocal(variable)) return { kind: 'stored', node: store };
    // Each iteration of a loop makes a new value, however long the array keeps them.
    if (append && this.options.loop && skipWrappersDown(target) === root) return null;
    // `options.httpsAgent = value`: the value sits under that key of the local object.
    const keys = key !== null && skipWrappersDown(target) === root ? { keys: new Set([key]) } : {};
    return this.flowVariable(variable, { container: true, primary: false, depth: state.depth + 1, ...keys });
  }

  /** The value is assigned: `x = value`, `this.x = value`, `cache[key] = value`, `x ??= value`. */
  private flowAssignmentTarget(left: TSESTree.Node, state: FlowState): Escape | null {
    const target = skipWrappersDown(left);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = this.findVariable(target);
      if (!variable || !this.isLocal(variable)) return { kind: 'outer-variable', node: target.parent };
      return this.flowVariable(variable, state);
    }
    if (target.type === AST_NODE_TYPES.MemberExpression) {
      const append = target.computed && this.isArrayIndex(target.property);
      return this.flowStore(target.object, append, target.parent, state, append ? null : getStaticName(target));
    }
    // Destructuring assignment out of a literal: not followed.
    return { kind: 'unknown', node: target };
  }

  /** The value is bound by a declaration, parameter default or loop head. */
  private flowBinding(pattern: TSESTree.Node, state: FlowState): Escape | null {
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      const variable = this.findVariable(pattern);
      if (!variable || !this.isLocal(variable)) return { kind: 'outer-variable', node: pattern };
      return this.flowVariable(variable, state);
    }
    // `const { get } = client`, `const [a, b] = [agentA, agentB]`: follow every binding.
    this.markActive(state);
    for (const identifier of patternIdentifiers(pattern)) {
      const variable = this.findVariable(identifier);
      if (!variable || !this.isLocal(variable)) return { kind: 'outer-variable', node: identifier };
      const escape = this.flowVariable(variable, { container: true, primary: false, depth: state.depth + 1 });
      if (escape) return escape;
    }
    return null;
  }

  private flowForOfBinding(loop: TSESTree.ForOfStatement, state: FlowState): Escape | null {
    const next: FlowState = { container: true, primary: false, depth: state.depth + 1 };
    if (loop.left.type !== AST_NODE_TYPES.VariableDeclaration) return this.flowAssignmentTarget(loop.left, next);
    for (const declarator of loop.left.declarations) {
      const escape = this.flowBinding(declarator.id, next);
      if (escape) return escape;
    }
    return null;
  }

  /** Follows every read of a local variable that holds the value (or a container of it). */
  private flowVariable(variable: TSESLint.Scope.Variable, state: FlowState): Escape | null {
    const memo = state.container ? this.containers : this.variables;
    const key = state.container && state.keys ? this.keyedVariable(variable, state.keys) : variable;
    const known = memo.get(key);
    if (known !== undefined) return known === 'pending' ? null : known;
    memo.set(key, 'pending');
    let result: Escape | null = null;
    for (const reference of variable.references) {
      if (reference.init === true) continue;
      const identifier = reference.identifier;
      if (!reference.isRead()) continue;
      const closure = this.closureEscape(identifier);
      if (closure) {
        result = closure;
        break;
      }
      const escape = this.flow(identifier, { ...state, depth: state.depth + 1 });
      if (escape) {
        result = escape;
        break;
      }
    }
    memo.set(key, result);
    return result;
  }

  /** One object per variable and set of keys, so that a container is followed once per key. */
  private keyedVariable(variable: TSESLint.Scope.Variable, keys: ReadonlySet<string>): object {
    let byKeys = this.keyed.get(variable);
    if (!byKeys) {
      byKeys = new Map();
      this.keyed.set(variable, byKeys);
    }
    const name = [...keys].sort().join('\0');
    let key = byKeys.get(name);
    if (!key) {
      key = {};
      byKeys.set(name, key);
    }
    return key;
  }

  /**
   * Calls that only read their arguments while they run: `JSON.stringify(value)` and logging
   * (`console.log(value)`, `logger.debug(value)`, `this.log.info(value)`).
   */
  private isReadOnlyCall(call: TSESTree.CallExpression): boolean {
    const callee = skipWrappersDown(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = getStaticName(callee);
    const object = skipWrappersDown(callee.object);
    if (method === 'stringify') return object.type === AST_NODE_TYPES.Identifier && object.name === 'JSON' && this.isGlobal(object);
    if (method === null || !LOG_METHODS.has(method)) return false;
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'console') return this.isGlobal(object);
    const name = nameOf(object);
    if (name !== null && isLoggerName(name)) return true;
    // `this.options.log('request:', options)`: a log method given a message first, whatever holds it.
    const message = call.arguments[0];
    return (
      message !== undefined &&
      ((message.type === AST_NODE_TYPES.Literal && typeof message.value === 'string') || message.type === AST_NODE_TYPES.TemplateLiteral)
    );
  }

  /**
   * The value is an argument of a function of the file that only uses it for its own run: a
   * method of the same class called on `this` (`this.send(url, agent)`), or a local function
   * (`send(url, agent)`). The parameter that receives it is followed inside that function; it
   * escapes when it escapes there. `undefined` when the callee is not such a function.
   */
  private flowForwarded(call: TSESTree.CallExpression, state: FlowState, argument: TSESTree.Node): Escape | null | undefined {
    if (state.depth > MAX_DEPTH) return undefined;
    const callee = skipWrappersDown(call.callee);
    const fn =
      callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression
        ? sameClassMethod(call, getStaticName(callee))
        : callee.type === AST_NODE_TYPES.Identifier
          ? resolveLocalFunction(callee, this.sourceCode)
          : null;
    if (!fn || fn.params.some((param) => param.type === AST_NODE_TYPES.RestElement)) return undefined;
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    let param = index === -1 ? undefined : fn.params[index];
    if (param?.type === AST_NODE_TYPES.AssignmentPattern) param = param.left;
    if (call.arguments.slice(0, index + 1).some((node) => node.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    let next: FlowState = {
      container: state.container,
      primary: state.primary,
      depth: state.depth + 1,
      ...(state.keys ? { keys: state.keys } : {}),
    };
    let name: string;
    if (param?.type === AST_NODE_TYPES.Identifier) {
      name = param.name;
    } else if (param?.type === AST_NODE_TYPES.ObjectPattern && state.container && state.keys?.size === 1) {
      // `function send(url, { agent, headers } = {})` given `{ agent, headers }`: the property
      // under the value's key binds the value itself.
      const binding = destructuredBinding(param, [...state.keys][0] as string);
      if (!binding) return undefined;
      name = binding.name;
      next = { container: false, primary: state.primary, depth: state.depth + 1 };
    } else {
      return undefined;
    }
    const variable = this.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === name);
    if (!variable) return undefined;
    const inner = new EscapeAnalyzer(this.sourceCode, { ...this.options, unit: fn, loop: null });
    const escape = inner.flowVariable(variable, next);
    if (!inner.passive) this.markActive(state);
    return escape ? { kind: 'argument', node: call } : null;
  }

  private isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.findVariable(identifier);
    return !variable || variable.defs.length === 0;
  }

  /**
   * A read inside a nested function keeps the value alive as long as that function: it escapes
   * when the function does (returned, registered as a listener or timer, ...).
   */
  private closureEscape(identifier: TSESTree.Node): Escape | null {
    for (let current = identifier.parent; current && current !== this.options.unit; current = current.parent) {
      if (isFunctionNode(current) && this.functionEscapes(current)) return { kind: 'closure', node: current };
    }
    return null;
  }

  private functionEscapes(fn: TSESTree.Node): boolean {
    const known = this.functions.get(fn);
    if (known !== undefined) return known !== 'pending' && known !== null;
    this.functions.set(fn, 'pending');
    const escape = this.computeFunctionEscape(fn);
    this.functions.set(fn, escape);
    return escape !== null;
  }

  private computeFunctionEscape(fn: TSESTree.Node): Escape | null {
    const state: FlowState = { container: false, primary: false, depth: 1 };
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      const variable = this.sourceCode.getDeclaredVariables(fn)[0];
      return variable ? this.flowVariable(variable, state) : { kind: 'unknown', node: fn };
    }
    const outer = skipWrappersUp(fn);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) {
      // An immediately invoked function, or `(function () {}).call(this)`.
      if (parent.callee === outer) return null;
      if (parent.type === AST_NODE_TYPES.CallExpression && this.options.isRequest(parent)) return null;
      if (isCallbackCall(parent)) return null;
      // `__awaiter(this, void 0, void 0, function* () {...})` runs the body of a compiled async function.
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.at(-1) === outer && isAsyncHelper(parent.callee)) return null;
      // `await pRetry(() => api.get(url, { httpsAgent: agent }))`: the retries run during this call.
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === outer && isRetryCall(parent)) return null;
      // `retry.operation(settings).attempt(fn)`: the `retry` module calls fn until it gives up.
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === outer && this.isRetryAttempt(parent)) return null;
    }
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return null;
    return this.flow(fn, state);
  }

  /** `operation.attempt(fn)` of an `operation` made by `retry.operation(...)` (or called on it directly). */
  private isRetryAttempt(call: TSESTree.CallExpression): boolean {
    const callee = skipWrappersDown(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticName(callee) !== 'attempt') return false;
    let operation: TSESTree.Node | null | undefined = skipWrappersDown(callee.object);
    if (operation.type === AST_NODE_TYPES.Identifier) {
      const definition = this.findVariable(operation)?.defs[0];
      operation = definition?.type === TSESLintValues.Scope.DefinitionType.Variable ? definition.node.init : null;
      if (operation) operation = skipWrappersDown(operation);
    }
    if (operation?.type !== AST_NODE_TYPES.CallExpression) return false;
    const maker = skipWrappersDown(operation.callee);
    return maker.type === AST_NODE_TYPES.MemberExpression && getStaticName(maker) === 'operation' && RETRY_NAMES.test(retryCalleeName(maker.object) ?? '');
  }

  private findVariable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    return ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
  }

  /** Is the variable declared inside the unit, so that it is a new binding on each run? */
  private isLocal(variable: TSESLint.Scope.Variable): boolean {
    const block = variable.scope.block;
    const unit = this.options.unit;
    return block.range[0] >= unit.range[0] && block.range[1] <= unit.range[1];
  }

  /**
   * Is the variable a local that starts as a new object (`{}`, `[]`, `new Map()`) and is never
   * reassigned? Only then is what it holds known to live no longer than the variable.
   */
  private isFreshLocal(variable: TSESLint.Scope.Variable): boolean {
    if (!this.isLocal(variable) || variable.defs.length !== 1) return false;
    const definition = variable.defs[0];
    if (definition?.type !== TSESLintValues.Scope.DefinitionType.Variable) return false;
    const declarator = definition.node;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return false;
    const init = skipWrappersDown(declarator.init);
    const fresh =
      init.type === AST_NODE_TYPES.ObjectExpression ||
      init.type === AST_NODE_TYPES.ArrayExpression ||
      init.type === AST_NODE_TYPES.NewExpression;
    return fresh && variable.references.every((reference) => reference.init === true || !reference.isWrite());
  }

  /**
   * Is the variable a parameter of the unit's own function, named like request options (`options`,
   * `opts`, `init`, `config`, `requestOptions`), and never reassigned? A caller hands such an
   * object in for one call; what the function puts into it goes with that call's request.
   */
  private isOptionsParameter(variable: TSESLint.Scope.Variable): boolean {
    if (variable.defs.length !== 1 || variable.defs[0]?.type !== TSESLintValues.Scope.DefinitionType.Parameter) return false;
    if (variable.scope.block !== this.options.unit) return false;
    if (!OPTIONS_PARAMETER_NAMES.test(variable.name)) return false;
    return variable.references.every((reference) => !reference.isWrite() || reference.init === true);
  }

  /** Is `key` an array index: a number, a `for (let i ...)` counter, or `list.length`? */
  private isArrayIndex(key: TSESTree.Node): boolean {
    const inner = skipWrappersDown(key);
    if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'number';
    if (inner.type === AST_NODE_TYPES.MemberExpression) return getStaticName(inner) === 'length';
    if (inner.type !== AST_NODE_TYPES.Identifier) return false;
    const declarator = this.findVariable(inner)?.defs[0]?.node;
    return (
      declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
      declarator.parent.parent.type === AST_NODE_TYPES.ForStatement &&
      declarator.parent.parent.init === declarator.parent
    );
  }
}

/** `a.b.c` → `a`; `this.x[k]` → `this`. */
function memberRoot(node: TSESTree.Node): TSESTree.Node {
  let current = skipWrappersDown(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipWrappersDown(current.object);
  return current;
}

function isAssignmentTarget(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
    (parent?.type === AST_NODE_TYPES.UpdateExpression && parent.argument === node) ||
    (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
  );
}

/** `list.map(cb)`, `promise.then(cb)`, `new Promise(executor)`: the callback does not outlive the call. */
function isCallbackCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipWrappersDown(call.callee);
  if (call.type === AST_NODE_TYPES.NewExpression) {
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise';
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticName(callee);
  return method !== null && CALLBACK_METHODS.has(method);
}

function patternIdentifiers(pattern: TSESTree.Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern];
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) =>
        patternIdentifiers(property.type === AST_NODE_TYPES.Property ? property.value : property.argument),
      );
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element ? patternIdentifiers(element) : []));
    case AST_NODE_TYPES.AssignmentPattern:
      return patternIdentifiers(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternIdentifiers(pattern.argument);
    default:
      return [];
  }
}

function directDeclarator(node: TSESTree.Node): TSESTree.VariableDeclarator | null {
  const outer = skipWrappersUp(node);
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === outer &&
    parent.id.type === AST_NODE_TYPES.Identifier
    ? parent
    : null;
}

/**
 * `await retry(fn)` / `return pRetry(fn)`: a retry helper whose promise the caller waits for or
 * hands on, so the callback runs while the caller's run lasts.
 */
function isRetryCall(call: TSESTree.CallExpression): boolean {
  if (!RETRY_NAMES.test(retryCalleeName(call.callee) ?? '')) return false;
  const outer = skipWrappersUp(call);
  const parent = outer.parent;
  return (
    parent?.type === AST_NODE_TYPES.AwaitExpression ||
    parent?.type === AST_NODE_TYPES.ReturnStatement ||
    (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === outer) ||
    isCompiledReturn(parent, outer)
  );
}

/**
 * The name a retry helper is called by: `retry`, `pRetry`, `utils.retry`, and the default import
 * as compilers emit it, `(0, async_retry_1.default)(...)`, named after its module binding.
 */
function retryCalleeName(node: TSESTree.Node): string | null {
  let callee = skipWrappersDown(node);
  if (callee.type === AST_NODE_TYPES.SequenceExpression && callee.expressions.length === 2) {
    callee = skipWrappersDown(callee.expressions[1] as TSESTree.Expression);
  }
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = getStaticName(callee);
  if (name !== 'default') return name;
  const object = skipWrappersDown(callee.object);
  return object.type === AST_NODE_TYPES.Identifier ? object.name.replace(/_\d+$/u, '') : null;
}

/** `return [2 /*return*\/, value]`: a `return value` of an async function compiled to `__generator`. */
function isCompiledReturn(parent: TSESTree.Node | undefined, outer: TSESTree.Node): boolean {
  if (parent?.type !== AST_NODE_TYPES.ArrayExpression || parent.elements.length !== 2 || parent.elements[1] !== outer) return false;
  const op = parent.elements[0];
  return op?.type === AST_NODE_TYPES.Literal && op.value === 2 && parent.parent.type === AST_NODE_TYPES.ReturnStatement;
}

/**
 * The method `name` of the class whose instance `this` is at `call` (looking through arrow
 * functions), with the same `static`-ness as the member the call is made in.
 */
function sameClassMethod(call: TSESTree.Node, name: string | null): FunctionNode | null {
  if (name === null) return null;
  let isStatic = false;
  for (let current = call.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        if (current.parent.type !== AST_NODE_TYPES.MethodDefinition) return null;
        break;
      case AST_NODE_TYPES.MethodDefinition:
      case AST_NODE_TYPES.PropertyDefinition:
        isStatic = current.static;
        break;
      case AST_NODE_TYPES.StaticBlock:
        isStatic = true;
        break;
      case AST_NODE_TYPES.ClassBody: {
        const method = current.body.find(
          (member): member is TSESTree.MethodDefinition =>
            member.type === AST_NODE_TYPES.MethodDefinition &&
            member.kind === 'method' &&
            member.static === isStatic &&
            !member.computed &&
            getStaticName(member) === name,
        );
        return method && isFunctionNode(method.value) ? method.value : null;
      }
      default:
        break;
    }
  }
  return null;
}

/**
 * The identifier that `{ key: name }` (or `{ key }`, `{ key = fallback }`) of `pattern` binds; `null`
 * when the key is bound to a nested pattern, or a rest element may take it.
 */
function destructuredBinding(pattern: TSESTree.ObjectPattern, key: string): TSESTree.Identifier | null {
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.RestElement) return null;
    if (getStaticName(property) !== key) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    return value.type === AST_NODE_TYPES.Identifier ? value : null;
  }
  return null;
}

/** `__awaiter` and `__generator`, the helpers of TypeScript's downlevel async functions. */
export function isAsyncHelper(callee: TSESTree.Node): boolean {
  const inner = skipWrappersDown(callee);
  return inner.type === AST_NODE_TYPES.Identifier && (inner.name === '__awaiter' || inner.name === '__generator');
}
