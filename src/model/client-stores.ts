import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FieldStore } from '../ast/scope';
import { getStaticName, isFunctionNode, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { getFieldStore } from '../ast/scope';

/**
 * Where the HTTP model follows a client value that the reference tracker does not: into an
 * instance field through a default (`this.http = opts.http || axios`), and out of a factory
 * function or method through its calls (`getApi() { return axios.create() }` … `getApi().get(u)`).
 */

/**
 * The outermost expression whose value may be `node`: through `a || node`, `a ?? node`,
 * `node || b`, `c ? node : d` and value-preserving wrappers.
 */
function outermostValue(node: TSESTree.Node): TSESTree.Node {
  let current = skipWrappersUp(node);
  for (;;) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&') {
      current = skipWrappersUp(parent);
    } else if (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) {
      current = skipWrappersUp(parent);
    } else {
      return current;
    }
  }
}

/**
 * The instance field that may hold the value of `node`, directly or as one side of a default:
 * `this.http = node`, `this.http = opts.http ?? node`, `http = cond ? node : other`.
 */
export function fieldStoreOf(node: TSESTree.Node): FieldStore | null {
  return getFieldStore(outermostValue(node));
}

/**
 * The leaves an expression may evaluate to, through defaults and conditionals: `opts.http || axios`
 * gives `opts.http` and `axios`.
 */
export function valueLeaves(node: TSESTree.Node): TSESTree.Node[] {
  const inner = skipWrappersDown(node);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '&&') {
    return [...valueLeaves(inner.left), ...valueLeaves(inner.right)];
  }
  if (inner.type === AST_NODE_TYPES.ConditionalExpression) {
    return [...valueLeaves(inner.consequent), ...valueLeaves(inner.alternate)];
  }
  return [inner];
}

/**
 * The value stored in an instance field: `this.x = value`, a lazy `this.x ??= value` or
 * `this.x ||= value`, or a class field `x = value`.
 */
export function storedValue(node: TSESTree.Node): TSESTree.Node | null {
  if (
    node.type === AST_NODE_TYPES.AssignmentExpression &&
    (node.operator === '=' || node.operator === '??=' || node.operator === '||=') &&
    node.left.type === AST_NODE_TYPES.MemberExpression &&
    node.left.object.type === AST_NODE_TYPES.ThisExpression
  ) {
    return node.right;
  }
  if (node.type === AST_NODE_TYPES.PropertyDefinition && !node.static && node.value) return node.value;
  return null;
}

/** A function whose calls return a client: a local function's variable, or a method of a class called on `this`. */
export type FactoryFunction =
  | { readonly kind: 'function'; readonly variable: TSESLint.Scope.Variable }
  | { readonly kind: 'method'; readonly classBody: TSESTree.ClassBody; readonly name: string };

/**
 * The function that returns the value of `node` (`return axios.create()`, `() => axios.create()`),
 * named so that its calls can be found; `null` when `node` is not returned or the function has no
 * name that calls could use.
 */
export function returningFunction(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): FactoryFunction | null {
  const outer = skipWrappersUp(node);
  const parent = outer.parent;
  let fn: TSESTree.Node | undefined;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) {
    for (let current: TSESTree.Node | undefined = parent.parent; current; current = current.parent) {
      if (isFunctionNode(current)) {
        fn = current;
        break;
      }
    }
  } else if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === outer) {
    fn = parent;
  }
  if (!isFunctionNode(fn)) return null;
  const holder = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(fn), fn.id);
    return variable ? { kind: 'function', variable } : null;
  }
  if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    const variable = sourceCode.getDeclaredVariables(holder)[0];
    return variable ? { kind: 'function', variable } : null;
  }
  if (
    (holder.type === AST_NODE_TYPES.MethodDefinition && holder.kind === 'method') ||
    holder.type === AST_NODE_TYPES.PropertyDefinition
  ) {
    const name = holder.static ? null : getStaticName(holder);
    return name === null ? null : { kind: 'method', classBody: holder.parent, name };
  }
  return null;
}

/** The calls of a local factory function: `getApi()` where `getApi` is the function's variable. */
export function callsOf(variable: TSESLint.Scope.Variable): TSESTree.CallExpression[] {
  // A reassigned variable may hold another function by the time it is called.
  if (variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    const outer = skipWrappersUp(reference.identifier);
    const call = outer.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === outer) calls.push(call);
  }
  return calls;
}
