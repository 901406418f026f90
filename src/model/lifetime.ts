import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FunctionNode, LoopNode } from '../ast/nodes';
import { getStaticName, skipWrappersUp } from '../ast/nodes';
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
    if (!runsOncePerOuterRun(fn, sourceCode)) return { fn, loop, unit: fn };
    if (loop) return { fn: null, loop, unit: loop };
    const outer = getPlacement(fn);
    fn = outer.fn;
    loop = outer.loop;
  }
  return null;
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
