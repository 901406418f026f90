import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import type { FunctionNode } from './nodes';
import { getStaticName, isFunctionNode, nameOf, skipWrappersDown, skipWrappersUp } from './nodes';

/**
 * Identifiers that refer to each of the globals `names`, whether or not the config declares them
 * (ESLint's `ReferenceTracker` only sees declared globals), in one pass over the global scope's
 * unresolved references. A global the file declares or assigns is not the runtime's: it gets no
 * references.
 */
export function globalReferencesOf(
  globalScope: TSESLint.Scope.Scope,
  names: readonly string[],
): Map<string, TSESTree.Identifier[]> {
  const through = new Map<string, TSESLint.Scope.Reference[]>(names.map((name) => [name, []]));
  for (const reference of globalScope.through) through.get(reference.identifier.name)?.push(reference);
  const result = new Map<string, TSESTree.Identifier[]>();
  for (const [name, unresolved] of through) {
    const declared = globalScope.set.get(name);
    const references = [...(declared?.references ?? []), ...unresolved];
    const shadowed = (declared?.defs.length ?? 0) > 0 || references.some((reference) => reference.isWrite());
    result.set(
      name,
      shadowed
        ? []
        : references.filter((reference) => reference.isRead()).map((reference) => reference.identifier as TSESTree.Identifier),
    );
  }
  return result;
}

/** Identifiers that refer to the global `name`; see {@link globalReferencesOf}. */
export function globalReferences(globalScope: TSESLint.Scope.Scope, name: string): TSESTree.Identifier[] {
  return globalReferencesOf(globalScope, [name]).get(name) ?? [];
}

/** Calls of the global `require` (not shadowed) with a literal module name. */
export function requireCalls(
  globalScope: TSESLint.Scope.Scope,
): { readonly call: TSESTree.CallExpression; readonly module: string }[] {
  const calls: { call: TSESTree.CallExpression; module: string }[] = [];
  for (const identifier of globalReferences(globalScope, 'require')) {
    const call = identifier.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
    const argument = call.arguments[0];
    const module = argument && ASTUtils.getStringIfConstant(argument);
    if (module != null) calls.push({ call, module });
  }
  return calls;
}

/** Is `node` a class field (`x = value`, `accessor x = value`)? */
export function isClassField(node: TSESTree.Node): node is TSESTree.AccessorProperty | TSESTree.PropertyDefinition {
  return node.type === AST_NODE_TYPES.PropertyDefinition || node.type === AST_NODE_TYPES.AccessorProperty;
}

/**
 * The class body whose `this` is in scope at `node`, or `null` when a plain function in between
 * has its own `this`.
 */
export function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    if (
      (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) &&
      current.parent.type !== AST_NODE_TYPES.MethodDefinition
    ) {
      return null;
    }
  }
  return null;
}

/** Where a value is kept on instances of a class: the field name, the class, and the storing node. */
export interface FieldStore {
  readonly field: string;
  readonly classBody: TSESTree.ClassBody;
  /** The `this.x` target or the field key; reads of the field other than this one are uses. */
  readonly store: TSESTree.Node;
}

/**
 * The instance field that the value of `node` is stored in: `this.api = <node>` in a method or
 * constructor, or a class field `api = <node>`. `null` for anything else (static fields included).
 */
export function getFieldStore(node: TSESTree.Node): FieldStore | null {
  const value = skipWrappersUp(node);
  const parent = value.parent;
  if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === value &&
    parent.left.type === AST_NODE_TYPES.MemberExpression &&
    parent.left.object.type === AST_NODE_TYPES.ThisExpression
  ) {
    const field = getStaticName(parent.left);
    const classBody = enclosingClassBody(parent);
    return field !== null && classBody ? { field, classBody, store: parent.left } : null;
  }
  if (parent && isClassField(parent) && parent.value === value && !parent.static) {
    const field = getStaticName(parent);
    return field !== null ? { field, classBody: parent.parent, store: parent.key } : null;
  }
  return null;
}

/**
 * The function a variable holds, `null` when it holds something else, `undefined` when it is not
 * a variable of this file (an import, a parameter).
 */
export function functionOfVariable(variable: TSESLint.Scope.Variable): FunctionNode | null | undefined {
  const def = variable.defs[0];
  if (!def || variable.defs.length > 1) return undefined;
  if (def.type === TSESLintValues.Scope.DefinitionType.FunctionName) {
    // `declare function assertOk(res: Response): void` has no body to look into.
    return isFunctionNode(def.node) ? def.node : undefined;
  }
  if (def.type !== TSESLintValues.Scope.DefinitionType.Variable) return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return undefined;
  const init = skipWrappersDown(declarator.init);
  return isFunctionNode(init) ? init : undefined;
}

/**
 * The function `node` is, or names in this file: an inline function, a function declaration, or a
 * `const` (or never reassigned `let`) initialised with a function.
 */
export function resolveLocalFunction(node: TSESTree.Node | undefined, sourceCode: TSESLint.SourceCode): FunctionNode | null {
  if (!node) return null;
  const target = skipWrappersDown(node);
  if (isFunctionNode(target)) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  // The name of a function expression is only seen inside it: a self-reference, not a callback of its own.
  if (variable?.defs[0]?.node.type === AST_NODE_TYPES.FunctionExpression) return null;
  return (variable && functionOfVariable(variable)) ?? null;
}

/**
 * The helpers compilers wrap a `require()` in for ES module interop: TypeScript's
 * `__importDefault`/`__importStar`, Babel's `_interopRequireDefault`/`_interopRequireWildcard`,
 * Rollup's `_interopDefaultLegacy`, esbuild's `__toESM`. Each returns the module, or an object whose
 * `default` is the module.
 */
const INTEROP_HELPER = /^_{0,2}(?:interop\w*|import(?:Default|Star)|toESM)$/u;

/**
 * The interop helper call around `call` (`__importDefault(require('axios'))`,
 * `tslib.__importStar(require('https'))`), or `null` when `call` is not wrapped in one.
 */
export function interopWrapperOf(call: TSESTree.Node): TSESTree.CallExpression | null {
  const outer = skipWrappersUp(call);
  const parent = outer.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== outer) return null;
  const name = nameOf(skipWrappersDown(parent.callee));
  return name !== null && INTEROP_HELPER.test(name) ? parent : null;
}
