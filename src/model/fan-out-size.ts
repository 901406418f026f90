/**
 * How many requests a fan-out starts: the size of a collection or the number of iterations of a
 * loop, as far as the code shows it, and the arithmetic that combines them.
 *
 * Sizes are judged syntactically: a literal array, a constant list, `Array.from({ length: 5 })`,
 * `items.slice(0, 10)` or a `for (let i = 0; i < 3; i++)` loop are known or capped; data that comes
 * from elsewhere is unknown, and unknown is what the rule reports.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { LoopNode } from '../ast/nodes';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';

import { getStaticName, isFunctionNode, isInLoopBody, isLoopNode, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { lookupOption } from './http';

/** How many requests a repetition starts, when the code does not say. */
export type Amount =
  | { readonly kind: 'elements'; readonly label: string | null }
  | { readonly kind: 'keys'; readonly label: string | null }
  | { readonly kind: 'indexes'; readonly label: string }
  | { readonly kind: 'iterations' };

/**
 * The size of a collection or the number of iterations of a loop. `range` marks a range of
 * indexes (`Array.from({ length: n })`) rather than data.
 */
export type Size =
  | { readonly kind: 'static'; readonly count: number; readonly range?: boolean }
  | { readonly kind: 'capped'; readonly range?: boolean }
  | { readonly kind: 'unknown'; readonly amount: Amount; readonly range?: boolean };

/** How many requests a promise collection holds. */
export type FanOut =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'capped' }
  | { readonly kind: 'unbounded'; readonly amount: Amount };

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

/** Comparisons, and the same comparison with its sides swapped (`i < n` is `n > i`). */
const MIRRORED_COMPARISONS: ReadonlyMap<string, string> = new Map([
  ['<', '>'],
  ['<=', '>='],
  ['>', '<'],
  ['>=', '<='],
]);

/** Calls that can add elements to an array. */
const GROWING_METHODS: ReadonlySet<string> = new Set(['push', 'splice', 'unshift']);

/** Longest code shown in a label. */
const MAX_LABEL_LENGTH = 40;

/** Judges the sizes of the collections and loops of one file. */
export class Sizes {
  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    /** Loops whose body awaits something: their iterations do not all run at once. */
    private readonly awaitedLoops: ReadonlySet<LoopNode>,
    /** Does `call` send a request (of a client library or an SDK)? */
    private readonly isRequest: (call: TSESTree.CallExpression) => boolean = () => false,
  ) {}

  /** The code of `node` when it is short enough for a message, else `null`. */
  label(node: TSESTree.Node): string | null {
    const text = this.sourceCode.getText(node);
    return text.length <= MAX_LABEL_LENGTH && !text.includes('\n') ? text : null;
  }

  /** Is `node` the global `name` (not shadowed)? */
  isGlobal(node: TSESTree.Node, name: string): boolean {
    const inner = skipWrappersDown(node);
    if (inner.type !== AST_NODE_TYPES.Identifier || inner.name !== name) return false;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(inner), inner);
    return !variable || variable.defs.length === 0;
  }

  /** The number of elements of a collection, as far as the code shows it. */
  sizeOf(node: TSESTree.Node, depth = 0): Size {
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
        if (this.isImportedConstant(inner)) return { kind: 'capped' };
        return this.identifierSize(inner, depth) ?? unknown;
      case AST_NODE_TYPES.CallExpression:
        return this.callSize(inner, depth) ?? (this.isPage(inner, depth) ? { kind: 'capped' } : unknown);
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
        if (inner.computed && this.inAwaitedLoop(inner)) return { kind: 'capped' };
        if (this.isImportedConstant(inner)) return { kind: 'capped' };
        {
          const exported = this.exportedConstantValue(inner);
          if (exported) return this.sizeOf(exported, depth + 1);
        }
        return this.isPage(inner, depth) ? { kind: 'capped' } : unknown;
      default:
        return unknown;
    }
  }

  /**
   * Is `node` a constant of another module of the project, named in SCREAMING_CASE
   * (`SUPPORTED_CONTEXTS` imported from `./constants`, or `constants_1.SUPPORTED_CONTEXTS`)? Such a
   * list is written in the code, so its size is fixed by the code, like a literal array's.
   */
  private isImportedConstant(node: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipWrappersDown(node.object);
      return (
        !node.computed &&
        object.type === AST_NODE_TYPES.Identifier &&
        SCREAMING_CASE.test(getStaticName(node) ?? '') &&
        this.moduleOf(object) !== null
      );
    }
    return SCREAMING_CASE.test(node.name) && this.moduleOf(node) !== null;
  }

  /**
   * The array literal a CommonJS module assigns once, at its top level, to a SCREAMING_CASE export
   * it then reads (`exports.REQUIRED_APIS = ['a', 'b']` … `exports.REQUIRED_APIS.map(...)`), as
   * compiled TypeScript writes an exported constant; `null` for anything else.
   */
  private exportedConstantValue(node: TSESTree.MemberExpression): TSESTree.ArrayExpression | null {
    const name = node.computed ? null : getStaticName(node);
    if (name === null || !SCREAMING_CASE.test(name) || !isExportsObject(node.object, this.sourceCode)) return null;
    let value: TSESTree.ArrayExpression | null = null;
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      const assignment = statement.expression;
      if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left.type !== AST_NODE_TYPES.MemberExpression) continue;
      if (assignment.left.computed || getStaticName(assignment.left) !== name || !isExportsObject(assignment.left.object, this.sourceCode)) continue;
      const right = skipWrappersDown(assignment.right);
      // `exports.NAME = void 0;` only declares the export.
      if (right.type === AST_NODE_TYPES.UnaryExpression && right.operator === 'void') continue;
      if (right.type !== AST_NODE_TYPES.ArrayExpression || value !== null) return null;
      value = right;
    }
    return value;
  }

  /** The relative module an identifier is imported or required from, or `null`. */
  private moduleOf(identifier: TSESTree.Identifier): string | null {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    let source: string | null = null;
    if (def?.type === TSESLint.Scope.DefinitionType.ImportBinding) {
      source = (def.parent as TSESTree.ImportDeclaration).source.value;
    } else if (def?.type === TSESLint.Scope.DefinitionType.Variable && def.node.init) {
      const init = skipWrappersDown(def.node.init);
      const call = init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require' ? init : null;
      const argument = call?.arguments[0];
      source = argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : null;
    }
    return source?.startsWith('.') === true ? source : null;
  }

  private identifierSize(identifier: TSESTree.Identifier, depth: number): Size | null {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length !== 1) return null;
    const def = variable.defs[0] as TSESLint.Scope.Definition;
    if (def.type !== TSESLint.Scope.DefinitionType.Variable) return null;
    if (def.node.id !== def.name) return this.isPage(identifier, depth) ? { kind: 'capped' } : null;
    const declaration = def.parent;
    const loop = declaration.parent;
    // for (const batch of batches) await Promise.all(batch.map(...)): one batch at a time.
    if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration) {
      return this.awaitedLoops.has(loop) ? { kind: 'capped' } : null;
    }
    if (isGrown(variable)) {
      const assigned = this.assignedSize(variable, def.node.init, depth);
      // A page handed to a function (`log(items)`) is still that page, unless something adds to it.
      if (assigned === null && def.node.init && !isAddedTo(variable) && this.isPage(def.node.init, depth)) return { kind: 'capped' };
      return assigned;
    }
    if (!def.node.init) return null;
    const size = this.sizeOf(def.node.init, depth + 1);
    return size.kind === 'unknown' && this.isPage(def.node.init, depth) ? { kind: 'capped' } : size;
  }

  /**
   * A variable given its value by plain assignments (`let batch; ... batch = items.slice(i, i + 10)`)
   * or as the target of a `for (batch of batches)` loop: the largest of the values it is given.
   * Anything else that changes it (`push`, index writes, `+=`) makes its size unknown.
   */
  private assignedSize(variable: TSESLint.Scope.Variable, init: TSESTree.Expression | null, depth: number): Size | null {
    let size: Size = init ? this.sizeOf(init, depth + 1) : { kind: 'static', count: 0 };
    for (const reference of variable.references) {
      if (reference.init) continue;
      const parent = skipWrappersUp(reference.identifier).parent;
      if (!reference.isWrite()) {
        if (isGrowingUse(reference)) return null;
        continue;
      }
      if (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.left === reference.identifier) {
        if (!this.awaitedLoops.has(parent)) return null;
        size = largest(size, { kind: 'capped' });
      } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.left === reference.identifier) {
        size = largest(size, this.sizeOf(parent.right, depth + 1));
      } else {
        return null;
      }
    }
    return size.kind === 'unknown' ? null : size;
  }

  /**
   * Does `node` hold (part of) the response of a request that asks for a page of a static size:
   * `?per_page=15` in its URL, `{ limit: 20 }` or `{ params: { pageSize: 50 } }` in its options,
   * `first: 10` in a GraphQL query? The server returns at most that many items, so a fan-out over
   * them is bounded like `items.slice(0, 20)`.
   */
  private isPage(node: TSESTree.Node, depth: number): boolean {
    if (depth > 8) return false;
    const inner = skipWrappersDown(node);
    switch (inner.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.isPage(inner.argument, depth + 1);
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipWrappersDown(inner.callee);
        if (this.isRequest(inner)) {
          // `octokit.paginate(route, { per_page: 100 })` and got's `paginate.all` read every page.
          const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticName(callee) : null;
          if (method !== null && ALL_PAGES.test(method)) return false;
          return inner.arguments.some((argument) => hasPageSize(argument, this.sourceCode, 0));
        }
        // `res.json()`, `page.data.filter(...)`, `request.then((r) => r.data)`
        return callee.type === AST_NODE_TYPES.MemberExpression && this.isPage(callee.object, depth + 1);
      }
      case AST_NODE_TYPES.MemberExpression:
        return this.isPage(inner.object, depth + 1);
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(this.sourceCode.getScope(inner), inner);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.type !== TSESLint.Scope.DefinitionType.Variable || !def.node.init) return false;
        if (variable?.references.some((reference) => reference.isWrite() && !reference.init)) return false;
        return this.isPage(def.node.init, depth + 1);
      }
      default:
        return false;
    }
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
  arrayFromSize(source: TSESTree.Node): Size {
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
  keysSize(object: TSESTree.Node): Size {
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
  loopSize(loop: LoopNode): Size {
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

  staticValue(node: TSESTree.Node): unknown {
    return ASTUtils.getStaticValue(node, this.sourceCode.getScope(node))?.value;
  }

  /** Is `node` inside the body of a loop, in the same function, that awaits each iteration? */
  private inAwaitedLoop(node: TSESTree.Node): boolean {
    let child = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      if (isFunctionNode(current)) return false;
      if (isLoopNode(current) && isInLoopBody(current, child)) return this.awaitedLoops.has(current);
    }
    return false;
  }
}

export function fanOutOfSize(size: Size): FanOut {
  switch (size.kind) {
    case 'static':
      return { kind: 'count', count: size.count };
    case 'capped':
      return size;
    case 'unknown':
      return { kind: 'unbounded', amount: size.amount };
  }
}


export function combine(a: FanOut | null, b: FanOut | null): FanOut | null {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === 'unbounded') return a;
  if (b.kind === 'unbounded') return b;
  if (a.kind === 'capped' || b.kind === 'capped') return { kind: 'capped' };
  return { kind: 'count', count: a.count + b.count };
}

export function worst(a: FanOut | null, b: FanOut | null): FanOut | null {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === 'unbounded') return a;
  if (b.kind === 'unbounded') return b;
  if (a.kind === 'count' && b.kind === 'count') return a.count >= b.count ? a : b;
  return a.kind === 'count' ? a : b;
}

export function multiply(fanOut: FanOut, size: Size): FanOut {
  if (fanOut.kind === 'unbounded') return fanOut;
  if (size.kind === 'unknown') return { kind: 'unbounded', amount: size.amount };
  if (size.kind === 'capped' || fanOut.kind === 'capped') return { kind: 'capped' };
  return { kind: 'count', count: fanOut.count * size.count };
}


export function addSizes(a: Size, b: Size): Size {
  if (a.kind === 'unknown') return a;
  if (b.kind === 'unknown') return b;
  if (a.kind === 'capped' || b.kind === 'capped') return { kind: 'capped' };
  return { kind: 'static', count: a.count + b.count };
}

export function largest(a: Size, b: Size): Size {
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
  return variable.references.some((reference) => !reference.init && (reference.isWrite() || isGrowingUse(reference)));
}

/** Is the array in `variable` reassigned or added to in the code (`push`, `splice`, index writes)? */
function isAddedTo(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    if (reference.init) return false;
    if (reference.isWrite()) return true;
    const outer = skipWrappersUp(reference.identifier);
    return outer.parent?.type === AST_NODE_TYPES.MemberExpression && outer.parent.object === outer && isGrowingUse(reference);
  });
}

/** Does this read of an array let it grow: `push`/`splice`/`unshift`, an index write, or handing it to a call? */
function isGrowingUse(reference: TSESLint.Scope.Reference): boolean {
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
}

/** A constant's name: `SUPPORTED_CONTEXTS`, `PAGE_SIZE`, `URLS`. */
const SCREAMING_CASE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/u;

/** A constant whose name says it is a page or batch size: `PAGE_SIZE`, `MAX_ITEMS_PER_BATCH`, `LIMIT`. */
const PAGE_SIZE_CONSTANT = /(?:^|_)(?:BATCH|LIMIT|PAGE|PER)(?:_|$)|_SIZE$/u;

/** Request methods that follow every page (`octokit.paginate`, got's `paginate.all`, `listAll`). */
const ALL_PAGES = /^paginate|^(?:all|each)$|All$/u;

/** Query parameters that ask a server for a page of at most N items. */
const PAGE_SIZE_PARAMETER =
  /[?&](?:per_page|perPage|page_size|pageSize|limit|first|last|top|\$top|take|size|max_results|maxResults)=\d+(?:&|#|$)/u;
/** The end of a URL part that a page size follows: `?per_page=`. */
const PAGE_SIZE_PREFIX = /[?&](?:per_page|perPage|page_size|pageSize|limit|first|last|top|\$top|take|size|max_results|maxResults)=$/u;
/** GraphQL connection arguments with a literal size: `repositories(first: 10)`. */
const GRAPHQL_PAGE_SIZE = /\b(?:first|last)\s*:\s*\d+\b/u;
/** Option names that ask for a page of at most N items. */
const PAGE_SIZE_OPTIONS: ReadonlySet<string> = new Set([
  '$top',
  'first',
  'last',
  'Limit',
  'limit',
  'max_results',
  'MaxItems',
  'MaxKeys',
  'maxResults',
  'MaxResults',
  'page_size',
  'pageSize',
  'per_page',
  'perPage',
  'take',
  'top',
]);

/** Does a request argument set a static page size: in a URL or query string, or in (nested) options? */
function hasPageSize(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  if (depth > 3) return false;
  const inner = skipWrappersDown(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'string' && isPageQuery(inner.value);
    case AST_NODE_TYPES.TemplateLiteral:
      return (
        inner.quasis.some((quasi) => isPageQuery(quasi.value.cooked ?? '')) ||
        inner.expressions.some((expression) => hasPageSize(expression, sourceCode, depth + 1)) ||
        // `?per_page=${PER_PAGE}`, `&limit=${20}`
        inner.expressions.some(
          (expression, index) =>
            PAGE_SIZE_PREFIX.test(inner.quasis[index]?.value.cooked ?? '') &&
            (isConstantName(expression) || Number(ASTUtils.getStaticValue(expression, sourceCode.getScope(expression))?.value) > 0),
        )
      );
    case AST_NODE_TYPES.BinaryExpression:
      return inner.operator === '+' && (hasPageSize(inner.left, sourceCode, depth) || hasPageSize(inner.right, sourceCode, depth));
    case AST_NODE_TYPES.Identifier:
      // `api.listSteps(MAX_STEPS_PER_BATCH)`, `` `/items?${params}` `` with `params.set('limit', '20')`
      return (depth === 0 && isPageSizeConstant(inner)) || searchParamsHavePageSize(inner, sourceCode, depth);
    case AST_NODE_TYPES.MemberExpression:
      return depth === 0 && isPageSizeConstant(inner);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      if (inner.callee.type === AST_NODE_TYPES.MemberExpression && getStaticName(inner.callee) === 'toString') {
        return hasPageSize(inner.callee.object, sourceCode, depth);
      }
      // `s3.send(new ListObjectsV2Command({ Bucket, MaxKeys: 100 }))`, `new URL('/items?limit=20', base)`,
      // `body: JSON.stringify({ query, variables: { first: 10 } })`
      return inner.arguments.some((argument) => hasPageSize(argument, sourceCode, depth + 1));
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.some((property) => {
        if (property.type !== AST_NODE_TYPES.Property) return false;
        const name = getStaticName(property);
        if (name !== null && PAGE_SIZE_OPTIONS.has(name)) {
          if (isConstantName(property.value)) return true;
          const value = ASTUtils.getStaticValue(property.value, sourceCode.getScope(property.value))?.value;
          const count = typeof value === 'string' ? Number(value) : value;
          return typeof count === 'number' && Number.isFinite(count) && count > 0;
        }
        return hasPageSize(property.value, sourceCode, depth + 1);
      });
    default:
      return false;
  }
}

/** Is `node` CommonJS's `exports` or `module.exports` (not a local variable of that name)? */
function isExportsObject(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const inner = skipWrappersDown(node);
  const isUnbound = (identifier: TSESTree.Identifier): boolean => {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    return !variable || variable.defs.length === 0;
  };
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name === 'exports' && isUnbound(inner);
  return (
    inner.type === AST_NODE_TYPES.MemberExpression &&
    !inner.computed &&
    inner.object.type === AST_NODE_TYPES.Identifier &&
    inner.object.name === 'module' &&
    isUnbound(inner.object) &&
    getStaticName(inner) === 'exports'
  );
}

/** Is `node` a constant named in SCREAMING_CASE (`USERS_PAGE_SIZE`, `constants.LIMIT`)? */
function isConstantName(node: TSESTree.Node): boolean {
  const inner = skipWrappersDown(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return SCREAMING_CASE.test(inner.name);
  return inner.type === AST_NODE_TYPES.MemberExpression && SCREAMING_CASE.test(getStaticName(inner) ?? '');
}

function isPageSizeConstant(node: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : (getStaticName(node) ?? '');
  return SCREAMING_CASE.test(name) && PAGE_SIZE_CONSTANT.test(name);
}

/**
 * Does a `URLSearchParams` variable ask for a page of a static size: in what it is built from
 * (`new URLSearchParams({ per_page: '15' })`) or in a `set`/`append` call (`params.set('limit', '20')`)?
 */
function searchParamsHavePageSize(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id !== def.name || !def.node.init) return false;
  const init = skipWrappersDown(def.node.init);
  if (init.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'URLSearchParams') {
    return false;
  }
  if (init.arguments.some((argument) => hasPageSize(argument, sourceCode, depth + 1))) return true;
  return (variable as TSESLint.Scope.Variable).references.some((reference) => {
    const member = reference.identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
    const method = getStaticName(member);
    const call = member.parent;
    if ((method !== 'set' && method !== 'append') || call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
    const [key, value] = call.arguments;
    const name = key && ASTUtils.getStringIfConstant(key, sourceCode.getScope(key));
    if (name == null || !PAGE_SIZE_OPTIONS.has(name) || !value) return false;
    const count = Number(ASTUtils.getStaticValue(value, sourceCode.getScope(value))?.value);
    return Number.isFinite(count) && count > 0;
  });
}

function isPageQuery(text: string): boolean {
  return PAGE_SIZE_PARAMETER.test(text) || GRAPHQL_PAGE_SIZE.test(text);
}
