import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import type { OptionLookup } from '../ast/nodes';
import { getStaticName, isFunctionNode, isUndefinedLiteral, skipWrappersDown, skipWrappersUp, walk } from '../ast/nodes';
import { resolveLocalFunction } from '../ast/scope';
import { isLogCallee, memberCallee } from './logging';

/**
 * Options objects the code builds out of place: a `const` object literal used as options, a
 * conditional between literals, a spread of a known literal, a local helper that returns a
 * literal. What the code could change out of sight — a parameter, a variable that is mutated or
 * handed to another function, a module-level object of a script — stays unknown.
 */

/** The object literals an options expression may be; `null` stands for no options (`undefined`). */
export type OptionsAlternatives = readonly (TSESTree.ObjectExpression | null)[];

/** How deep constants, helpers and spreads are followed; real code rarely nests more. */
const MAX_DEPTH = 4;

/**
 * Decides whether a call is a request or a client construction of the HTTP model, which reads the
 * options it is given and never changes them.
 */
export type IsRequestCall = (call: TSESTree.CallExpression | TSESTree.NewExpression) => boolean;

/**
 * Keys the caller does not ask about, so a write of one (`opts.headers = h`, `opts.agent = a`)
 * leaves the object literal a true answer for the keys it does ask about. `value` is the value
 * written when the write sets the key itself (`opts.agent = value`), so a caller may ignore a key
 * only for values that cannot answer its question. A computed key (`opts[key] = v`) may be any
 * key and is never one of them.
 */
export type IsIgnoredKey = (key: string, value: TSESTree.Expression | null) => boolean;

const NO_KEY: IsIgnoredKey = () => false;

/**
 * The object literals `node` may evaluate to, or `null` when that cannot be known. `isRequest`
 * tells the calls that only read an options object they are given.
 */
export function resolveOptionsValue(
  node: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
  isRequest: IsRequestCall,
  ignored: IsIgnoredKey = NO_KEY,
  depth = 0,
): OptionsAlternatives | null {
  if (depth > MAX_DEPTH) return null;
  const inner = skipWrappersDown(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return [inner];
  if (isUndefinedLiteral(inner)) return [null];
  switch (inner.type) {
    case AST_NODE_TYPES.ConditionalExpression: {
      const consequent = resolveOptionsValue(inner.consequent, sourceCode, isRequest, ignored, depth + 1);
      const alternate = consequent && resolveOptionsValue(inner.alternate, sourceCode, isRequest, ignored, depth + 1);
      return consequent && alternate ? [...consequent, ...alternate] : null;
    }
    case AST_NODE_TYPES.Identifier: {
      const init = unchangedInitializer(inner, sourceCode, isRequest, ignored);
      if (init) return resolveOptionsValue(init, sourceCode, isRequest, ignored, depth + 1);
      // A parameter of a function whose every call the file shows: what the calls pass.
      const passed = passedArguments(inner, sourceCode, isRequest, ignored);
      if (!passed) return null;
      const results: (TSESTree.ObjectExpression | null)[] = [];
      for (const argument of passed) {
        const resolved = argument ? resolveOptionsValue(argument, sourceCode, isRequest, ignored, depth + 1) : [null];
        if (!resolved) return null;
        results.push(...resolved);
      }
      return results;
    }
    case AST_NODE_TYPES.CallExpression: {
      if (inner.callee.type !== AST_NODE_TYPES.Identifier) return null;
      const fn = resolveLocalFunction(inner.callee, sourceCode);
      if (!fn || fn.async || fn.generator) return null;
      const results: (TSESTree.ObjectExpression | null)[] = [];
      for (const value of returnedValues(fn, sourceCode)) {
        const resolved = value ? resolveOptionsValue(value, sourceCode, isRequest, ignored, depth + 1) : [null];
        if (!resolved) return null;
        results.push(...resolved);
      }
      return results;
    }
    default:
      return null;
  }
}

/**
 * Looks up `name` in an object literal as {@link findProperty} does, but looks into spreads of
 * objects that {@link resolveOptionsValue} knows: `{ ...defaults, method }` with a `const defaults = {...}`.
 */
export function findResolvedProperty(
  object: TSESTree.ObjectExpression,
  name: string,
  sourceCode: TSESLint.SourceCode,
  isRequest: IsRequestCall,
  ignored: IsIgnoredKey = NO_KEY,
  depth = 0,
): OptionLookup {
  let result: OptionLookup = { kind: 'missing' };
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread =
        depth < MAX_DEPTH ? resolveOptionsValue(property.argument, sourceCode, isRequest, ignored, depth + 1) : null;
      const only = spread?.length === 1 ? spread[0] : undefined;
      if (only === undefined) {
        result = { kind: 'unknown' };
      } else if (only !== null) {
        const inside = findResolvedProperty(only, name, sourceCode, isRequest, ignored, depth + 1);
        if (inside.kind !== 'missing') result = inside;
      }
      continue;
    }
    const key = getStaticName(property);
    // `{ [key]: value }` may be any property.
    if (key === null) result = { kind: 'unknown' };
    else if (key === name) result = { kind: 'found', property, value: property.value };
  }
  return result;
}

/**
 * The initialiser of the variable `id` names, when nothing can change what it holds: one
 * declaration with a value, never reassigned, not exported, not a global of a script, and every
 * other use only reads it — a property read, a spread into a new object, `JSON.stringify()`, or
 * the options of a request.
 */
function unchangedInitializer(
  id: TSESTree.Identifier,
  sourceCode: TSESLint.SourceCode,
  isRequest: IsRequestCall,
  ignored: IsIgnoredKey,
): TSESTree.Expression | null {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (
    !variable ||
    variable.scope.type === TSESLintValues.Scope.ScopeType.global ||
    definition?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    definition.node.id.type !== AST_NODE_TYPES.Identifier ||
    !definition.node.init ||
    definition.node.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration
  ) {
    return null;
  }
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    if (reference.isWrite() || !isReadOnlyUse(reference.identifier as TSESTree.Identifier, sourceCode, isRequest, ignored)) return null;
  }
  return definition.node.init;
}

/**
 * When `id` names a plain parameter of a function of the file that only reads it, and every use
 * of the function is a call the file shows — it is declared in a module or function scope, not
 * exported, never passed or stored — the argument each call passes there (`null` when a call
 * passes none). `null` when any of that is not so.
 */
function passedArguments(
  id: TSESTree.Identifier,
  sourceCode: TSESLint.SourceCode,
  isRequest: IsRequestCall,
  ignored: IsIgnoredKey,
): (TSESTree.Node | null)[] | null {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== TSESLintValues.Scope.DefinitionType.Parameter) return null;
  const fn = definition.node;
  if (!isFunctionNode(fn)) return null;
  const index = fn.params.indexOf(definition.name);
  if (index < 0) return null;
  for (const reference of variable.references) {
    if (reference.isWrite() || !isReadOnlyUse(reference.identifier as TSESTree.Identifier, sourceCode, isRequest, ignored)) return null;
  }
  const callee = functionVariable(fn, sourceCode);
  if (!callee) return null;
  const passed: (TSESTree.Node | null)[] = [];
  for (const reference of callee.references) {
    if (reference.init === true) continue;
    const outer = skipWrappersUp(reference.identifier);
    const call = outer.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outer) return null;
    // A call the model takes for a request itself (a wrapper of the file) is checked where it is made.
    if (isRequest(call)) return null;
    // A call from inside the function itself (a retry, a redirect) passes what it was given.
    if (isInside(call, fn)) return null;
    const before = call.arguments.slice(0, index + 1);
    if (before.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return null;
    passed.push(call.arguments[index] ?? null);
  }
  return passed.length > 0 ? passed : null;
}

/**
 * The variable that names `fn` — `function send() {}`, `const send = () => {}` — when it is
 * declared in a module or function scope, never reassigned and not exported.
 */
function functionVariable(fn: TSESTree.Node, sourceCode: TSESLint.SourceCode): ReturnType<typeof ASTUtils.findVariable> {
  let name: TSESTree.Identifier | null = null;
  let declaration: TSESTree.Node = fn;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    name = fn.id;
  } else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
    name = fn.parent.id;
    declaration = fn.parent.parent;
  }
  const exported = declaration.parent?.type;
  if (
    !name ||
    exported === AST_NODE_TYPES.ExportNamedDeclaration ||
    exported === AST_NODE_TYPES.ExportDefaultDeclaration
  ) {
    return null;
  }
  const variable = ASTUtils.findVariable(sourceCode.getScope(name), name);
  if (
    !variable ||
    variable.defs.length !== 1 ||
    variable.scope.type === TSESLintValues.Scope.ScopeType.global ||
    variable.references.some((reference) => reference.isWrite() && reference.init !== true)
  ) {
    return null;
  }
  return variable;
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current === container) return true;
  }
  return false;
}

/** Is this use of an options object one that cannot change it or hand it to code that might? */
function isReadOnlyUse(
  identifier: TSESTree.Identifier,
  sourceCode: TSESLint.SourceCode,
  isRequest: IsRequestCall,
  ignored: IsIgnoredKey,
  depth = 0,
): boolean {
  const outer = skipWrappersUp(identifier);
  const parent = outer.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === outer && !isChangedMember(parent, ignored);
    case AST_NODE_TYPES.SpreadElement:
      return parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== outer && isRequest(parent);
    case AST_NODE_TYPES.CallExpression:
      if (parent.callee === outer) return false;
      return isRequest(parent) || isPrintingCall(parent) || isReadingParameter(parent, outer, sourceCode, isRequest, ignored, depth);
    default:
      return false;
  }
}

/**
 * Does `call` hand `argument` to a plain parameter of a local function that only reads it
 * (`send(options)` of a `function send(options) { return https.request(options) }`)?
 */
function isReadingParameter(
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
  isRequest: IsRequestCall,
  ignored: IsIgnoredKey,
  depth: number,
): boolean {
  if (depth >= MAX_DEPTH || call.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index < 0 || call.arguments.slice(0, index).some((item) => item.type === AST_NODE_TYPES.SpreadElement)) return false;
  const fn = resolveLocalFunction(call.callee, sourceCode);
  const parameter = fn?.params[index];
  if (!fn || parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(parameter), parameter);
  return (
    variable?.defs.length === 1 &&
    variable.references.every(
      (reference) =>
        !reference.isWrite() &&
        isReadOnlyUse(reference.identifier as TSESTree.Identifier, sourceCode, isRequest, ignored, depth + 1),
    )
  );
}

/**
 * Does `call` only print or serialise its arguments? `JSON.stringify(opts)`, and a log method
 * of the console or of a logger (`console.log`, `this.logger.debug`, `log.info`).
 */
function isPrintingCall(call: TSESTree.CallExpression): boolean {
  const member = memberCallee(call.callee);
  if (member?.owner === 'JSON') return member.method === 'stringify';
  return isLogCallee(call.callee);
}

/**
 * Is `member` (`opts.a`, `opts.a.b`) written, deleted or called as a method, which may change the
 * object? A write under a key the caller ignores (`opts.headers = h`, `opts.headers.x = v`) does not count.
 */
function isChangedMember(member: TSESTree.MemberExpression, ignored: IsIgnoredKey = NO_KEY): boolean {
  const key = getStaticName(member);
  if (key !== null && isPlainWrite(member) && ignored(key, writtenValue(member))) return false;
  let current: TSESTree.Node = skipWrappersUp(member);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.left === current;
      case AST_NODE_TYPES.UpdateExpression:
        return true;
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === 'delete';
      case AST_NODE_TYPES.CallExpression:
        return parent.callee === current;
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== current) return false;
        current = skipWrappersUp(parent);
        continue;
      default:
        return false;
    }
  }
}

/** The value of `opts.key = value` when `member` is its target, else `null` (`opts.key.x = v`, `opts.key += v`). */
function writtenValue(member: TSESTree.MemberExpression): TSESTree.Expression | null {
  const outer = skipWrappersUp(member);
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer && parent.operator === '='
    ? parent.right
    : null;
}

/** Is `member` (or a member chain on it) the target of an assignment, as in `opts.headers = h` or `opts.headers.x = v`? */
function isPlainWrite(member: TSESTree.MemberExpression): boolean {
  let current: TSESTree.Node = skipWrappersUp(member);
  for (;;) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.left === current;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== current) return false;
    current = skipWrappersUp(parent);
  }
}

/**
 * The values a function returns: the body of an expression arrow, else the argument of each
 * `return` of its own (not of nested functions); `null` for a `return;` or no `return` at all.
 */
function returnedValues(
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression,
  sourceCode: TSESLint.SourceCode,
): (TSESTree.Expression | null)[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const values: (TSESTree.Expression | null)[] = [];
  walk(fn.body, sourceCode, (node) => {
    if (isFunctionNode(node)) return 'skip';
    if (node.type === AST_NODE_TYPES.ReturnStatement) values.push(node.argument);
    return undefined;
  });
  return values.length > 0 ? values : [null];
}
