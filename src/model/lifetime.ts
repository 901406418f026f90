import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FunctionNode, LoopNode } from '../ast/nodes';
import { getFunctionName, getStaticName, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { isAsyncHelper } from './escape';
import { getPlacement } from './http';

/** The code a value created at some node is created once per run of. */
export interface RunUnit {
  /** The function whose every call creates the value; `null` for a loop at module level. */
  readonly fn: FunctionNode | null;
  readonly loop: LoopNode | null;
  /** What the value must not outlive: `fn`, or `loop` when the function around it runs once. */
  readonly unit: FunctionNode | LoopNode;
}

/**
 * Where `node` runs per call. Code in an immediately invoked function, or in a function called
 * exactly once from the code around it (a `main()` script), runs as often as that code: the search
 * moves outwards. Module scope and functions that run once are not per call, but a loop in them
 * still runs per iteration. Returns `null` when the node runs once.
 */
export function getRunUnit(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): RunUnit | null {
  const placement = getPlacement(node);
  let fn = placement.fn;
  let loop = placement.loop;
  for (let depth = 0; depth < 16; depth++) {
    if (!fn) return loop ? { fn: null, loop, unit: loop } : null;
    // A listener of an event that fires once, such as shutdown, runs once like module code.
    if (isOnceListener(fn)) return loop ? { fn: null, loop, unit: loop } : null;
    // Start-up code (`main()`, `this.start = function`, what only they call) runs once per start.
    if (runsAtStartUp(fn, sourceCode, 0)) return loop ? { fn: null, loop, unit: loop } : null;
    if (!runsOncePerOuterRun(fn, sourceCode)) return { fn, loop, unit: fn };
    if (loop) return { fn: null, loop, unit: loop };
    const outer = getPlacement(fn);
    fn = outer.fn;
    loop = outer.loop;
  }
  return null;
}

/**
 * Names of the functions that start a program or a long-lived object, once: `main`, `start`,
 * `init`, `setup`, `bootstrap`, a post-install step, Nest's `onModuleInit`.
 */
const START_UP_NAMES = /^(?:main|start|init|initiali[sz]e|setup|bootstrap|boot|launch|install|postinstall|onModuleInit|onApplicationBootstrap)$/u;

/**
 * Does `fn` run only while a program or object starts: a method or export named like start-up
 * code (`start()`, `export async function main()`), or a function of the file (not exported) whose every call, apart from its own retries (calls inside
 * itself), is made outside a loop in code that runs at start-up (nested callbacks included).
 */
function runsAtStartUp(fn: FunctionNode, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  if (depth > 4) return false;
  const variable = functionVariable(fn, sourceCode);
  if (!variable) {
    // A method or export: its calls are not all visible, so its name says what it is for.
    const name = getFunctionName(fn, sourceCode)?.split('.').at(-1);
    return name !== undefined && START_UP_NAMES.test(name);
  }
  let outside = 0;
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    const identifier = reference.identifier;
    if (fn.range[0] <= identifier.range[0] && identifier.range[1] <= fn.range[1]) continue;
    const callee = skipWrappersUp(identifier);
    const call = callee.parent;
    if (reference.isWrite() || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return false;
    if (!calledAtStartUp(call, sourceCode, depth)) return false;
    outside++;
  }
  return outside > 0;
}

/** Is `call` made outside any loop inside a function (or one around it) that runs at start-up? */
function calledAtStartUp(call: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  let node: TSESTree.Node = call;
  for (let level = 0; level < 8; level++) {
    const where = getPlacement(node);
    if (where.loop || !where.fn) return false;
    if (runsAtStartUp(where.fn, sourceCode, depth + 1)) return true;
    if (!runsOncePerOuterRun(where.fn, sourceCode) && !isOneShotCallback(where.fn)) return false;
    node = where.fn;
  }
  return false;
}

/**
 * A callback that a call runs when it completes rather than per event: one handed to a plain
 * function (`loadConfig(options, function (error, config) {...})`), to `then`/`catch`/`finally`,
 * to `setTimeout`, or a promise executor. Listeners and route handlers (`app.get(path, fn)`,
 * `emitter.on(name, fn)`) and `setInterval` callbacks run many times and are not.
 */
function isOneShotCallback(fn: FunctionNode): boolean {
  const outer = skipWrappersUp(fn);
  const call = outer.parent;
  if (call?.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipWrappersDown(call.callee);
    return call.arguments[0] === outer && callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise';
  }
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === outer) return false;
  const callee = skipWrappersDown(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name !== 'setInterval' && callee.name !== 'setImmediate';
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticName(callee);
  return method === 'then' || method === 'catch' || method === 'finally';
}

/**
 * Does `fn` run once each time the code around it runs: an immediately invoked function, or a
 * function declared and then called exactly once, outside any loop, in the same function (or at
 * module level) and never handed out?
 */
export function runsOncePerOuterRun(fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  const outer = skipWrappersUp(fn);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) return true;
  if (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === outer &&
    (getStaticName(parent) === 'call' || getStaticName(parent) === 'apply')
  ) {
    const call = skipWrappersUp(parent).parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === skipWrappersUp(parent)) return true;
  }
  // TypeScript's emit of an async function: `__awaiter(this, void 0, void 0, function* () {...})`
  // runs the generator while the function's call lasts.
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.at(-1) === outer && isAsyncHelper(parent.callee)) return true;
  const variable = functionVariable(fn, sourceCode);
  if (!variable) return false;
  const reads = variable.references.filter((reference) => reference.init !== true);
  const [read] = reads;
  if (reads.length !== 1 || !read || read.isWrite()) return false;
  const callee = skipWrappersUp(read.identifier);
  const call = callee.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return false;
  const where = getPlacement(call);
  return where.loop === null && where.fn === getPlacement(fn).fn && !where.inClassField;
}

/**
 * The variable a function is bound to, `function f() {}` or `const f = () => {}`: `null` when it
 * is exported (callers elsewhere cannot be seen) or bound otherwise.
 */
export function functionVariable(
  fn: FunctionNode,
  sourceCode: TSESLint.SourceCode,
): TSESLint.Scope.Variable | null | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    if (!fn.id || isExportDeclaration(fn.parent)) return null;
    const name = fn.id.name;
    return sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === name);
  }
  const declarator = fn.parent;
  if (
    declarator.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== fn ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const' ||
    isExportDeclaration(declarator.parent.parent)
  ) {
    return null;
  }
  return sourceCode.getDeclaredVariables(declarator)[0];
}

/**
 * The entry of `byNode` (a construction) whose arguments contain `node` directly, through object
 * and array literals: the `axios.create(...)` of `axios.create({ httpsAgent: new https.Agent() })`.
 */
export function enclosingConstruction<T>(node: TSESTree.Node, byNode: ReadonlyMap<TSESTree.Node, T>): T | null {
  let current = skipWrappersUp(node);
  for (let parent = current.parent; parent; parent = current.parent) {
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current) {
      current = skipWrappersUp(parent.parent);
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ArrayExpression) {
      current = skipWrappersUp(parent);
      continue;
    }
    if (
      (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
      parent.callee !== current
    ) {
      return byNode.get(parent) ?? null;
    }
    return null;
  }
  return null;
}

function isExportDeclaration(node: TSESTree.Node | undefined): boolean {
  return (
    node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration
  );
}

/**
 * Is `node`, created in `fn`, what a `return` of `fn` (or its arrow body) hands out as it is:
 * `return new Agent()`, `return cond ? new Agent() : null`, `const agent = ...; return agent`?
 * Not when it is returned inside an object or array, which the caller may keep apart from it.
 */
export function isReturnedItself(
  escapeNode: TSESTree.Node,
  node: TSESTree.Node,
  declarator: TSESTree.VariableDeclarator | null,
  fn: FunctionNode,
): boolean {
  let value: TSESTree.Node | null | undefined;
  if (escapeNode.type === AST_NODE_TYPES.ReturnStatement) {
    if (getPlacement(escapeNode).fn !== fn) return false;
    value = escapeNode.argument;
  } else if (escapeNode === fn && fn.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    value = fn.body;
  }
  if (!value) return false;
  const name = declarator?.id.type === AST_NODE_TYPES.Identifier ? declarator.id.name : null;
  const matches = (candidate: TSESTree.Node): boolean => {
    const inner = skipWrappersDown(candidate);
    if (inner === node) return true;
    if (inner.type === AST_NODE_TYPES.Identifier) return name !== null && inner.name === name;
    if (inner.type === AST_NODE_TYPES.ConditionalExpression) return matches(inner.consequent) || matches(inner.alternate);
    if (inner.type === AST_NODE_TYPES.LogicalExpression) return matches(inner.left) || matches(inner.right);
    if (inner.type === AST_NODE_TYPES.AwaitExpression) return matches(inner.argument);
    return false;
  };
  return matches(value);
}

/**
 * The calls of a function of the file that is bound to a name and not exported, when every use of
 * the name is a call of it (`createClient()`); `null` when it is handed out or read otherwise.
 */
export function localCallSites(fn: FunctionNode, sourceCode: TSESLint.SourceCode): TSESTree.CallExpression[] | null {
  const variable = functionVariable(fn, sourceCode);
  if (!variable) return null;
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    if (reference.isWrite()) return null;
    const callee = skipWrappersUp(reference.identifier);
    const call = callee.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return null;
    calls.push(call);
  }
  return calls.length > 0 ? calls : null;
}

/** Events an emitter fires at most once: its end, and the process's exit and termination signals. */
const ONCE_EVENTS: ReadonlySet<string> = new Set(['beforeExit', 'close', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'shutdown']);

/**
 * Is `fn` a listener of an event that fires once (`emitter.on('close', fn)`,
 * `process.once('SIGTERM', fn)`), which runs at shutdown rather than per call?
 */
function isOnceListener(fn: FunctionNode): boolean {
  const outer = skipWrappersUp(fn);
  const call = outer.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== outer) return false;
  const callee = skipWrappersDown(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticName(callee);
  if (method !== 'on' && method !== 'once' && method !== 'addListener' && method !== 'prependOnceListener') return false;
  const event = call.arguments[0];
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && ONCE_EVENTS.has(event.value);
}

/** Methods that shut a client, agent or pool down. */
const CLOSE_METHODS: ReadonlySet<string> = new Set(['close', 'destroy']);

/**
 * Is the value bound by `declarator` closed (`probe.close()`, `agent.destroy()`) in the function
 * that creates it before that function waits for anything (no `await` or `yield` in between)? No
 * response can come back through it: it is a probe made and shut at once, not a client for traffic.
 */
export function isClosedAtOnce(
  declarator: TSESTree.VariableDeclarator | null,
  fn: FunctionNode,
  sourceCode: TSESLint.SourceCode,
): boolean {
  if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  if (!variable) return false;
  for (const reference of variable.references) {
    const member = skipWrappersUp(reference.identifier).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || !CLOSE_METHODS.has(getStaticName(member) ?? '')) continue;
    const call = skipWrappersUp(member).parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== skipWrappersUp(member)) continue;
    if (getPlacement(call).fn !== fn || getPlacement(declarator).fn !== fn) continue;
    if (!waitsBetween(fn, declarator.range[1], call.range[0])) return true;
  }
  return false;
}

/** Is there an `await` or `yield` of `fn` itself (not of a nested function) between two offsets? */
function waitsBetween(fn: FunctionNode, start: number, end: number): boolean {
  const pending: TSESTree.Node[] = [fn.body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.range[1] <= start || node.range[0] >= end) continue;
    if ((node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) && node.range[0] >= start) return true;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string' && !isNestedFunction(child as TSESTree.Node)) {
          pending.push(child as TSESTree.Node);
        }
      }
    }
  }
  return false;
}

function isNestedFunction(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}
