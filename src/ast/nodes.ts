import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

/** Any node that creates a function: declaration, expression or arrow. */
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/** Nodes that repeat their body: every kind of loop. */
export type LoopNode =
  | TSESTree.DoWhileStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForStatement
  | TSESTree.WhileStatement;

/** Is `node` a function declaration, function expression or arrow function? */
export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** Is `node` a loop statement? */
export function isLoopNode(node: TSESTree.Node): node is LoopNode {
  switch (node.type) {
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.WhileStatement:
      return true;
    default:
      return false;
  }
}

/**
 * Is `child` inside the part of `loop` that runs once per iteration (its body, test or update),
 * as opposed to the part that runs once (`for (init; ...)`, the iterated expression of `for...of`)?
 */
export function isInLoopBody(loop: LoopNode, child: TSESTree.Node): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return child !== loop.init;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return child === loop.body;
    default:
      return true;
  }
}

/** Nodes that only wrap an expression without changing its runtime value. */
const TRANSPARENT_WRAPPERS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
]);

/**
 * Walks up from `node` past wrappers that do not change its value (`x!`, `x as T`, `x satisfies T`,
 * `<T>x`, optional-chain wrappers) and returns the outermost such wrapper, or `node` itself.
 */
export function skipWrappersUp(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && TRANSPARENT_WRAPPERS.has(current.parent.type)) {
    current = current.parent;
  }
  return current;
}

/** Strips value-preserving wrappers (`x!`, `x as T`, ...) from `node`. */
export function skipWrappersDown(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/**
 * The last expression of a comma sequence, through wrappers: compiled code calls an imported function
 * as `(0, mod.fn)(...)` so that it gets no `this`; the callee is `mod.fn`.
 */
export function unsequenced(node: TSESTree.Node): TSESTree.Node {
  const inner = skipWrappersDown(node);
  const last = inner.type === AST_NODE_TYPES.SequenceExpression ? inner.expressions.at(-1) : undefined;
  return last ? skipWrappersDown(last) : inner;
}

/**
 * The static name of a member access or property key: `a.b`, `a['b']`, `a[`b`]`, `{ b: 1 }`,
 * `{ 'b': 1 }`, and `#b` for a private name (`this.#b`), which can never equal a public one.
 * Returns `null` for computed keys that are not constant.
 */
export function getStaticName(
  node:
    | TSESTree.AccessorProperty
    | TSESTree.MemberExpression
    | TSESTree.MethodDefinition
    | TSESTree.Property
    | TSESTree.PropertyDefinition,
): string | null {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    if (!node.computed) {
      return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : `#${node.property.name}`;
    }
    return literalString(node.property);
  }
  if (!node.computed) {
    switch (node.key.type) {
      case AST_NODE_TYPES.Identifier:
        return node.key.name;
      case AST_NODE_TYPES.PrivateIdentifier:
        return `#${node.key.name}`;
      case AST_NODE_TYPES.Literal:
        return String(node.key.value);
    }
  }
  return literalString(node.key);
}

/** The name an identifier or a member expression reads: `fetch`, `get` of `api.get`; else `null`. */
export function nameOf(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.MemberExpression ? getStaticName(node) : null;
}

function literalString(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** Is `node` a member access `object.name` (or `object['name']`, or `object?.name`)? */
export function isMemberNamed(
  node: TSESTree.Node | null | undefined,
  name: string | ReadonlySet<string>,
): node is TSESTree.MemberExpression {
  if (node?.type !== AST_NODE_TYPES.MemberExpression) return false;
  const key = getStaticName(node);
  if (key === null) return false;
  return typeof name === 'string' ? key === name : name.has(key);
}

/**
 * Is `node` the callee-side member of a method call, e.g. the `x.then` in `x.then(cb)`?
 * Returns the call when it is.
 */
export function getMethodCall(member: TSESTree.MemberExpression): TSESTree.CallExpression | null {
  const outer = skipWrappersUp(member);
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer ? parent : null;
}

/**
 * Where a value is looked up in an options object literal.
 * - `found`: the property is written literally, after any spread, so its value is known;
 *   `property` is the property, or for an instance option the `x.defaults.key = value` write;
 * - `missing`: the object is a literal without the property and without spreads;
 * - `unknown`: the object (or a spread in it) cannot be seen, so the property may be there.
 */
export type OptionLookup =
  | {
      readonly kind: 'found';
      readonly property: TSESTree.AssignmentExpression | TSESTree.Property;
      readonly value: TSESTree.Node;
    }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unknown' };

/** Looks up property `name` in an object literal, as {@link OptionLookup} describes. */
export function findProperty(object: TSESTree.ObjectExpression, name: string): OptionLookup {
  let sawSpread = false;
  let found: TSESTree.Property | null = null;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      sawSpread = true;
      found = null;
      continue;
    }
    const key = getStaticName(property);
    if (key === null) {
      // `{ [key]: value }` may be any property.
      sawSpread = true;
      found = null;
      continue;
    }
    if (key === name) found = property;
  }
  if (found) return { kind: 'found', property: found, value: found.value };
  return sawSpread ? { kind: 'unknown' } : { kind: 'missing' };
}

/**
 * The statically known value of `node` (a literal, a constant, a simple expression of them),
 * or `undefined` when it cannot be known without running the code.
 */
export function getStaticValue(
  node: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
): { value: unknown } | undefined {
  return ASTUtils.getStaticValue(node, scope) ?? undefined;
}

/** Is `node` `undefined`, written as the identifier or as `void 0`? */
export function isUndefinedLiteral(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

/** The nearest function that encloses `node` (not counting `node` itself), or `null` at module level. */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/**
 * A readable name for a function, for messages: `handler`, `Client.fetchUser`, `the arrow function
 * passed to \`app.get\``. Returns `null` when nothing better than "this function" can be said.
 */
export function getFunctionName(fn: FunctionNode, sourceCode: TSESLint.SourceCode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return getStaticName(parent);
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left.type === AST_NODE_TYPES.Identifier || parent.left.type === AST_NODE_TYPES.MemberExpression
        ? sourceCode.getText(parent.left)
        : null;
    default:
      return null;
  }
}

/**
 * The decorators of a class or class member. typescript-eslint's parser always sets `decorators`,
 * but ESLint's default parser (espree) leaves it out, so it may be missing at runtime.
 */
export function getDecorators(
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): readonly TSESTree.Decorator[] {
  return (node as { decorators?: readonly TSESTree.Decorator[] }).decorators ?? [];
}

/** What a {@link walk} visitor asks for: skip the node's children, or stop the whole walk. */
export type WalkControl = 'skip' | 'stop' | undefined;

/**
 * Visits `root` and its descendants in source order with an explicit stack (deep trees cannot
 * overflow the call stack), using the parser's visitor keys. The visitor may return `'skip'` to
 * leave out a node's children or `'stop'` to end the walk. Returns `true` when it was stopped.
 */
export function walk(
  root: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
  visit: (node: TSESTree.Node) => WalkControl,
): boolean {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const control = visit(node);
    if (control === 'stop') return true;
    if (control === 'skip') continue;
    const nodeKeys = keys[node.type] ?? [];
    for (let keyIndex = nodeKeys.length - 1; keyIndex >= 0; keyIndex--) {
      const value = (node as unknown as Record<string, unknown>)[nodeKeys[keyIndex] as string];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--) {
          const child = value[index] as TSESTree.Node | null;
          if (child) stack.push(child);
        }
      } else if (value && typeof value === 'object') {
        stack.push(value as TSESTree.Node);
      }
    }
  }
  return false;
}

/** The nodes of a file in {@link walk} order, all of them and by type. */
interface NodeIndex {
  readonly all: readonly TSESTree.Node[];
  readonly byType: ReadonlyMap<string, readonly TSESTree.Node[]>;
}

const nodeIndexes = new WeakMap<TSESTree.Program, NodeIndex>();

function nodeIndexOf(sourceCode: TSESLint.SourceCode): NodeIndex {
  const known = nodeIndexes.get(sourceCode.ast);
  if (known) return known;
  const all: TSESTree.Node[] = [];
  const byType = new Map<string, TSESTree.Node[]>();
  walk(sourceCode.ast, sourceCode, (node) => {
    all.push(node);
    const list = byType.get(node.type);
    if (list) list.push(node);
    else byType.set(node.type, [node]);
    return undefined;
  });
  const index = { all, byType };
  nodeIndexes.set(sourceCode.ast, index);
  return index;
}

/**
 * The nodes of `type` in the whole file, in the order {@link walk} visits them. One walk per file
 * serves every model that would otherwise walk the whole tree for the same nodes.
 */
export function nodesOfType<T extends AST_NODE_TYPES>(
  sourceCode: TSESLint.SourceCode,
  type: T,
): readonly Extract<TSESTree.Node, { type: T }>[] {
  return (nodeIndexOf(sourceCode).byType.get(type) ?? []) as readonly Extract<TSESTree.Node, { type: T }>[];
}

/** Every node of the file, in the order {@link walk} visits them (the file's one walk, shared). */
export function allNodes(sourceCode: TSESLint.SourceCode): readonly TSESTree.Node[] {
  return nodeIndexOf(sourceCode).all;
}

/** Array methods that call their callback once per element, synchronously, while they run. */
export const ARRAY_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'map',
  'reduce',
  'reduceRight',
  'some',
]);

/** Promise methods whose callbacks run as part of the chain they belong to. */
export const PROMISE_CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);
