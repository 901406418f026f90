import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { ErrorHandler } from './errors';
import { getStaticName, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { getErrorVariables, isSingleAssignment } from './errors';

/**
 * `isAxiosError(err)` only says the error came from axios; network errors and timeouts are axios
 * errors without a `response`. Other functions the error is passed to in a condition may be type
 * guards that do check it (`isHttpError(err)`), so they count as guards.
 */
const NON_GUARD_FUNCTIONS: ReadonlySet<string> = new Set(['isAxiosError', 'isCancel']);

/** The part of an error handler the analysis reads: where it ends, and what receives the error. */
export type HandlerSite = Pick<ErrorHandler, 'node' | 'param'>;

/**
 * The places in an error handler that read the error's `response` where nothing guarantees it
 * exists: not inside a condition that checks it (`if (err.response)`, `err.response && ...`,
 * `err.response?.status === 404`, `'response' in err`, `err instanceof HTTPError`, a type guard
 * call), nor after a guard clause that leaves without it (`if (!err.response) throw err;`).
 * Optional chains and non-null assertions are not uses. Empty when the handler writes
 * `err.response` itself (it may fill it in). Sorted by position.
 */
export function findUnguardedUses(handler: HandlerSite, sourceCode: TSESLint.SourceCode): readonly UnguardedUse[] {
  const subject = collectSubject(handler, sourceCode);
  if (!subject || subject.mutated) return [];
  return subject.uses.filter((use) => !isGuarded(use.node, handler.node, subject));
}

/** A place that throws when the response is missing. */
export type UnguardedUse =
  /** `err.response.status`: `node` is `err.response` (or an alias), `member` the read. */
  | { readonly kind: 'read'; readonly node: TSESTree.Node; readonly member: TSESTree.MemberExpression }
  /** `const { status } = err.response`. */
  | { readonly kind: 'destructure'; readonly node: TSESTree.Node }
  /** `catch ({ response: { status } })`: `node` is the `response` key. */
  | { readonly kind: 'pattern'; readonly node: TSESTree.Node; readonly pattern: TSESTree.ObjectPattern };

/** How a handler refers to the error's response. */
interface Subject {
  /** Variables that hold the error. */
  readonly errors: ReadonlySet<TSESLint.Scope.Variable>;
  /** Variables that hold the response (`const { response } = err`, `const res = err.response`). */
  readonly aliases: ReadonlySet<TSESLint.Scope.Variable>;
  /** Places that throw when the response is missing, before guards are considered. */
  readonly uses: readonly UnguardedUse[];
  /** The handler assigns `err.response`, so the response may be filled in: nothing is reported. */
  readonly mutated: boolean;
  /** Is `node` an identifier that refers to one of `variables`? */
  refersTo(node: TSESTree.Node, variables: ReadonlySet<TSESLint.Scope.Variable>): boolean;
}

function collectSubject(handler: HandlerSite, sourceCode: TSESLint.SourceCode): Subject | null {
  const errors = new Set(getErrorVariables(handler, sourceCode));
  const aliases = new Set<TSESLint.Scope.Variable>();
  const uses: UnguardedUse[] = [];
  const identifiers = new Map<TSESTree.Node, TSESLint.Scope.Variable>();
  let mutated = false;

  /** Records what a `{ response }` pattern taken from the error binds. */
  function takeResponse(pattern: TSESTree.ObjectPattern): void {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property || getStaticName(property) !== 'response') continue;
      const value = property.value;
      if (value.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
        if (variable && isSingleAssignment(variable)) aliases.add(variable);
      } else if (value.type === AST_NODE_TYPES.ObjectPattern) {
        uses.push({ kind: 'pattern', node: property.key, pattern: value });
      }
    }
  }

  /** Records how the response held by `node` (`err.response` or an alias) is used. */
  function useResponse(node: TSESTree.Node): void {
    const outer = skipWrappersUp(node);
    // `err.response!.status`: the author asserted that it exists.
    if (hasNonNullAssertion(node, outer)) return;
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer && !parent.optional) {
      uses.push({ kind: 'read', node, member: parent });
    } else if (
      (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) ||
      (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer)
    ) {
      const target = parent.type === AST_NODE_TYPES.VariableDeclarator ? parent.id : parent.left;
      if (target.type === AST_NODE_TYPES.ObjectPattern) {
        uses.push({ kind: 'destructure', node });
      } else if (target.type === AST_NODE_TYPES.Identifier && parent.type === AST_NODE_TYPES.VariableDeclarator) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
        if (variable && isSingleAssignment(variable)) aliases.add(variable);
      }
    }
  }

  const param = handler.param && skipWrappersDown(handler.param);
  if (param?.type === AST_NODE_TYPES.ObjectPattern) takeResponse(param);
  for (const error of errors) {
    for (const reference of error.references) {
      const identifier = reference.identifier as TSESTree.Identifier;
      identifiers.set(identifier, error);
      const outer = skipWrappersUp(identifier);
      const parent = outer.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
        if (getStaticName(parent) !== 'response') continue;
        const assignment = skipWrappersUp(parent).parent;
        if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === skipWrappersUp(parent)) {
          mutated = true;
          continue;
        }
        useResponse(parent);
      } else if (
        parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.init === outer &&
        parent.id.type === AST_NODE_TYPES.ObjectPattern
      ) {
        takeResponse(parent.id);
      }
    }
  }
  for (const alias of aliases) {
    for (const reference of alias.references) {
      identifiers.set(reference.identifier, alias);
      if (reference.isRead()) useResponse(reference.identifier);
    }
  }
  if (errors.size === 0 && aliases.size === 0 && uses.length === 0) return null;
  uses.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return {
    errors,
    aliases,
    uses,
    mutated,
    refersTo(node, variables) {
      const variable = identifiers.get(node);
      return variable !== undefined && variables.has(variable);
    },
  };
}

function hasNonNullAssertion(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  for (let current: TSESTree.Node = node; current !== outer; current = current.parent as TSESTree.Node) {
    if (current.parent?.type === AST_NODE_TYPES.TSNonNullExpression) return true;
  }
  return false;
}

/**
 * Is the read at `node` reached only when the response exists? Looks at the conditions that
 * enclose it (`if (err.response)`, `err.response && ...`, `err.response ? ... : ...`, a
 * `case 404:` of `switch (err.response?.status)`) and at guard clauses before it in the same
 * blocks (`if (!err.response) throw err;`), up to the handler.
 */
function isGuarded(node: TSESTree.Node, boundary: TSESTree.Node, subject: Subject): boolean {
  let child = node;
  for (let current = node.parent; current && current !== boundary; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === current.consequent && implies(current.test, true, subject)) return true;
        if (child === current.alternate && implies(current.test, false, subject)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === current.right && current.operator !== '??') {
          if (implies(current.left, current.operator === '&&', subject)) return true;
        }
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (child !== current.test && caseGuards(current, subject)) return true;
        if (child !== current.test && hasGuardClauseBefore(current.consequent, child, subject)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
        if (hasGuardClauseBefore(current.body, child, subject)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/** Does a statement before `child` in `statements` leave when the response is missing? */
function hasGuardClauseBefore(statements: readonly TSESTree.Statement[], child: TSESTree.Node, subject: Subject): boolean {
  for (const statement of statements) {
    if (statement === child) return false;
    if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
    if (alwaysExits(statement.consequent) && implies(statement.test, false, subject)) return true;
    if (statement.alternate && alwaysExits(statement.alternate) && implies(statement.test, true, subject)) return true;
  }
  /* v8 ignore next -- `child` is always one of `statements` */
  return false;
}

/** Does the statement always leave the block (`return`, `throw`, `break`, `continue`, `process.exit()`)? */
function alwaysExits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(alwaysExits);
    case AST_NODE_TYPES.IfStatement:
      return alwaysExits(statement.consequent) && statement.alternate !== null && alwaysExits(statement.alternate);
    case AST_NODE_TYPES.ExpressionStatement: {
      const call = skipWrappersDown(statement.expression);
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipWrappersDown(call.callee);
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        getStaticName(callee) === 'exit' &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'process'
      );
    }
    default:
      return false;
  }
}

/**
 * Is a `case` of a `switch` on the response (`switch (err.response?.status)`) reached only when
 * the response exists? True for a case with a non-nullish test, when the cases that can fall
 * through into it are such cases too.
 */
function caseGuards(switchCase: TSESTree.SwitchCase, subject: Subject): boolean {
  const statement = switchCase.parent;
  const discriminant = statement.discriminant;
  const index = statement.cases.indexOf(switchCase);
  for (let at = index; at >= 0; at--) {
    const current = statement.cases[at] as TSESTree.SwitchCase;
    if (at < index && current.consequent.some(alwaysExits)) return true;
    if (!current.test || !comparisonImplies(discriminant, current.test, '===', true, subject)) return false;
  }
  return true;
}

/**
 * Does `test` evaluating to `truthy` (or to falsy, when `truthy` is false) mean that the response
 * exists? Unknown conditions imply nothing.
 */
function implies(test: TSESTree.Node, truthy: boolean, subject: Subject): boolean {
  const node = skipWrappersDown(test);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' && implies(node.argument, !truthy, subject);
    case AST_NODE_TYPES.LogicalExpression: {
      if (node.operator === '??') return false;
      const left = implies(node.left, truthy, subject);
      const right = implies(node.right, truthy, subject);
      // `a && b` is truthy when both are; `a || b` is falsy when both are.
      return (node.operator === '&&') === truthy ? left || right : left && right;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return binaryImplies(node, truthy, subject);
    case AST_NODE_TYPES.CallExpression:
      return truthy && (isGuardCall(node, subject) || isResponseChain(node, subject));
    default:
      return truthy && isResponseChain(node, subject);
  }
}

function binaryImplies(node: TSESTree.BinaryExpression, truthy: boolean, subject: Subject): boolean {
  const left = skipWrappersDown(node.left);
  const right = skipWrappersDown(node.right);
  switch (node.operator) {
    case 'in':
      // `'response' in err`: axios and got only set `response` when there is one.
      return truthy && isStringLiteral(left, 'response') && isError(right, subject);
    case 'instanceof': {
      // got's and ky's `HTTPError` always carry the response.
      return truthy && staticName(right) === 'HTTPError' && isError(left, subject);
    }
    case '===':
    case '==':
    case '!==':
    case '!=': {
      const equal = node.operator === '===' || node.operator === '==';
      const strict = node.operator === '===' || node.operator === '!==';
      return (
        comparisonImplies(left, right, strict ? '===' : '==', equal ? truthy : !truthy, subject) ||
        comparisonImplies(right, left, strict ? '===' : '==', equal ? truthy : !truthy, subject)
      );
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      // `undefined > 400` is false, so a true comparison means the value was there.
      return truthy && (isResponseChain(left, subject) || isResponseChain(right, subject));
    default:
      return false;
  }
}

/**
 * Does `side === other` (or `==`) being `equal` mean that the response exists? `side` is the
 * response-dependent operand: `err.response`, `err.response?.status`, `typeof err.response`,
 * `err.name` (`'HTTPError'`), `err.code` (`'ERR_NON_2XX_3XX_RESPONSE'`).
 */
function comparisonImplies(
  sideNode: TSESTree.Node,
  otherNode: TSESTree.Node,
  operator: '==' | '===',
  equal: boolean,
  subject: Subject,
): boolean {
  const side = skipWrappersDown(sideNode);
  const other = skipWrappersDown(otherNode);
  if (side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof') {
    if (!isResponseChain(side.argument, subject) || !isStringLiteral(other)) return false;
    return isStringLiteral(other, 'undefined') ? !equal : equal;
  }
  if (side.type === AST_NODE_TYPES.MemberExpression && isError(side.object, subject)) {
    const name = getStaticName(side);
    // https://github.com/sindresorhus/got/blob/main/documentation/8-errors.md#httperror
    if (name === 'name' && isStringLiteral(other, 'HTTPError')) return equal;
    if (name === 'code' && isStringLiteral(other, 'ERR_NON_2XX_3XX_RESPONSE')) return equal;
  }
  if (!isResponseChain(side, subject)) return false;
  if (isNullish(other)) {
    // `x == null` covers `undefined`; `x === null` does not, and `x === undefined` does.
    const coversUndefined = operator === '==' || !(other.type === AST_NODE_TYPES.Literal && other.value === null);
    return coversUndefined && !equal;
  }
  // Equal to a value that is not nullish: `err.response?.status === 404`. An unknown operand
  // (`=== expected`) counts as well: unknown is not a violation.
  return equal;
}

/** Is `node` the response, or reached through it (`err.response?.data?.message`, `err.status`)? */
function isResponseChain(node: TSESTree.Node, subject: Subject): boolean {
  let current = skipWrappersDown(node);
  for (;;) {
    if (isResponse(current, subject)) return true;
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      // axios sets `err.status` from the response (axios ≥ 1.7).
      if (getStaticName(current) === 'status' && isError(current.object, subject)) return true;
      current = skipWrappersDown(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = skipWrappersDown(current.callee);
    } else {
      return false;
    }
  }
}

/** Is `node` `err.response` (for an error variable) or a variable holding the response? */
function isResponse(node: TSESTree.Node, subject: Subject): boolean {
  const inner = skipWrappersDown(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return subject.refersTo(inner, subject.aliases);
  return inner.type === AST_NODE_TYPES.MemberExpression && getStaticName(inner) === 'response' && isError(inner.object, subject);
}

function isError(node: TSESTree.Node, subject: Subject): boolean {
  return subject.refersTo(skipWrappersDown(node), subject.errors);
}

/** A call in a condition that receives the error or its response may be a type guard. */
function isGuardCall(call: TSESTree.CallExpression, subject: Subject): boolean {
  const name = staticName(call.callee);
  if (name !== null && NON_GUARD_FUNCTIONS.has(name)) return false;
  return call.arguments.some((argument) => isError(argument, subject) || isResponseChain(argument, subject));
}

/** The name of an identifier or the property name of a member access (`HTTPError`, `got.HTTPError`). */
function staticName(node: TSESTree.Node): string | null {
  const inner = skipWrappersDown(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  return inner.type === AST_NODE_TYPES.MemberExpression ? getStaticName(inner) : null;
}

function isStringLiteral(node: TSESTree.Node, value?: string): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && (value === undefined || node.value === value);
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return value === undefined || node.quasis[0]?.value.cooked === value;
  }
  return false;
}

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}
