import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import { getDecorators, getStaticName, isFunctionNode, skipWrappersDown, skipWrappersUp, walk } from '../ast/nodes';

/** Global functions without side effects that may appear in hoisted constructor arguments. */
const PURE_GLOBAL_FUNCTIONS: ReadonlySet<string> = new Set(['Boolean', 'Number', 'parseFloat', 'parseInt', 'String']);
const STATIC_GLOBALS: ReadonlySet<string> = new Set(['Infinity', 'NaN', 'undefined']);

/** The statement of the program that holds `node`: where a hoisted declaration goes before. */
export function topLevelStatement(node: TSESTree.Node): TSESTree.ProgramStatement {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current as TSESTree.ProgramStatement;
}

/**
 * The range that removes `statement` cleanly: its whole line, indentation and line break included,
 * when nothing else is on that line; otherwise the statement and the spaces after it.
 */
export function removalRange(statement: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESTree.Range {
  const text = sourceCode.text;
  let start = statement.range[0];
  let end = statement.range[1];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const ownLine = (start === 0 || text[start - 1] === '\n') && (end === text.length || text[end] === '\n' || text[end] === '\r');
  if (!ownLine) return [statement.range[0], end];
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return [start, end];
}

/** The index of the start of the line `node` starts on. */
export function lineStart(node: TSESTree.Node | TSESTree.Comment): number {
  return node.range[0] - node.loc.start.column;
}

/** A planned move of a construction to a module-scope constant. */
export interface HoistPlan {
  /** The name of the module-scope constant. */
  readonly name: string;
  readonly fix: TSESLint.ReportFixFunction;
}

/**
 * Plans moving `node` (a client, agent or pool construction) to a module-scope constant, placed
 * before the top-level statement that holds it. Only when every argument can be evaluated at
 * import time without changing its meaning: literals, module-scope constants declared before that
 * point, imports, `process.env.X`, pure conversions (`Number(...)`), self-contained functions, and
 * other constructions (`isConstruction`) built from those. `declarator` is the `const x = node`
 * the value is bound to, if any: alone in its declaration, it moves as it is; otherwise the node
 * is replaced by a new constant named after what it builds (`new https.Agent()` → `httpsAgent`;
 * {@link hoistedName}, with `noun` for factory functions).
 *
 * Whether moving it keeps the behaviour (nothing configures the value, nothing depends on a fresh
 * one per run) is for the caller to decide.
 */
export function planHoist(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  declarator: TSESTree.VariableDeclarator | null,
  sourceCode: TSESLint.SourceCode,
  isConstruction: (node: TSESTree.Node) => boolean,
  noun = 'client',
): HoistPlan | null {
  const statement = topLevelStatement(node);
  const insertAt = leadingCommentsStart(statement, sourceCode);
  // Keep a blank line between the new constant and the code above it.
  const before = sourceCode.text.slice(0, insertAt);
  const eol = sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
  const separator = before === '' || /\n[ \t]*\r?\n$/u.test(before) || !before.endsWith('\n') ? '' : eol;
  const checker = new StaticChecker(sourceCode, insertAt, isConstruction);
  if (!checker.isStatic(node)) return null;

  if (declarator && isMovable(declarator)) {
    const id = declarator.id as TSESTree.Identifier;
    const scope = ASTUtils.findVariable(sourceCode.getScope(declarator), id)?.scope;
    if (scope && isNameFree(id.name, scope.upper)) {
      const declaration = declarator.parent;
      const text = `const ${reindent(sourceCode.getText(declarator), declaration, sourceCode)};`;
      return {
        name: id.name,
        fix: (fixer) => [
          fixer.insertTextBeforeRange([insertAt, insertAt], `${separator}${text}${eol}${eol}`),
          fixer.removeRange(removalRange(declaration, sourceCode)),
        ],
      };
    }
  }

  const base = hoistedName(node, noun);
  const name = freeName(/^[A-Za-z_$][\w$]*$/u.test(base) ? base : 'client', sourceCode.getScope(node));
  if (name === null) return null;
  const text = `const ${name} = ${reindent(sourceCode.getText(node), node, sourceCode)};`;
  const property = node.parent;
  const shorthand =
    property.type === AST_NODE_TYPES.Property &&
    property.value === node &&
    !property.computed &&
    property.key.type === AST_NODE_TYPES.Identifier &&
    property.key.name === name;
  return {
    name,
    fix: (fixer) => [
      fixer.insertTextBeforeRange([insertAt, insertAt], `${separator}${text}${eol}${eol}`),
      shorthand ? fixer.replaceText(property, name) : fixer.replaceText(node, name),
    ],
  };
}

/**
 * Where a statement starts, counting the decorators written before `export` and the comments
 * attached to it (no blank line in between).
 */
export function leadingCommentsStart(statement: TSESTree.ProgramStatement, sourceCode: TSESLint.SourceCode): number {
  const declaration =
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? statement.declaration
      : null;
  // `@Controller() export class X {}`: the decorators come before the export.
  const decorator = declaration?.type === AST_NODE_TYPES.ClassDeclaration ? getDecorators(declaration)[0] : undefined;
  const first = decorator && decorator.range[0] < statement.range[0] ? decorator : statement;
  let start = first.range[0];
  const comments = sourceCode.getCommentsBefore(first);
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index];
    if (!comment || (comment.type as string) === 'Shebang') break;
    const gap = sourceCode.text.slice(comment.range[1], start);
    if (gap.trim() !== '' || gap.split('\n').length > 2) break;
    start = comment.range[0];
  }
  return start;
}

/** `const x = new Agent();` alone in a block: the declaration itself can move to module scope. */
function isMovable(declarator: TSESTree.VariableDeclarator): boolean {
  const declaration = declarator.parent;
  return (
    declaration.kind === 'const' &&
    declaration.declarations.length === 1 &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    (declaration.parent.type === AST_NODE_TYPES.BlockStatement || declaration.parent.type === AST_NODE_TYPES.SwitchCase)
  );
}

/**
 * Is `name` free to declare at module scope for code in `scope`: not declared in `scope` or any
 * scope around it (module and global included), and not used anywhere as an undeclared global?
 */
export function isNameFree(name: string, scope: TSESLint.Scope.Scope | null): boolean {
  let global: TSESLint.Scope.Scope | null = null;
  for (let current = scope; current; current = current.upper) {
    if (current.set.has(name)) return false;
    global = current;
  }
  return !global?.through.some((reference) => reference.identifier.name === name);
}

/** `base`, or `base2` … `base9`, whichever is free at module scope for code in `scope`; `null` when none is. */
export function freeName(base: string, scope: TSESLint.Scope.Scope): string | null {
  for (let index = 1; index < 10; index++) {
    const name = index === 1 ? base : `${base}${index}`;
    if (isNameFree(name, scope)) return name;
  }
  return null;
}

/**
 * `new https.Agent()` → `httpsAgent`, `new Pool()` → `pool`, `axios.create()` → `axiosClient`,
 * `createApiClient()` → `apiClient`. `noun` names what a factory function returns when its own name
 * does not say it: `connect()` → `connectClient`, `tunnel.httpsOverHttp()` → `httpsOverHttpAgent`.
 */
export function hoistedName(node: TSESTree.CallExpression | TSESTree.NewExpression, noun = 'client'): string {
  const parts: string[] = [];
  let current = skipWrappersDown(node.callee);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    parts.unshift(getStaticName(current) ?? '');
    current = skipWrappersDown(current.object);
  }
  // Static arguments guarantee that the callee is a chain of names ending in an identifier.
  if (current.type === AST_NODE_TYPES.Identifier) parts.unshift(current.name);
  if (node.type === AST_NODE_TYPES.NewExpression) return camelCase(parts.slice(-2));
  const method = parts.at(-1) ?? '';
  if (parts.length > 1 && (method === 'create' || method === 'extend')) {
    // `axios.create()`, `api.extend()`: name the client after what it derives from.
    return camelCase([...parts.slice(0, -1), 'client']);
  }
  // A factory function: `createApiClient()` → `apiClient`, `connect()` → `connectClient`.
  const rest = method.replace(/^(?:build|create|get|make|new)(?=[A-Z])/u, '');
  return camelCase([rest, ...(rest === method ? [noun] : [])]);
}

function camelCase(parts: readonly string[]): string {
  return parts
    .map((word, index) =>
      index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join('');
}

/** Removes the indentation of `node`'s first line from the following lines, for text moved to column 0. */
export function reindent(text: string, node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string {
  const lineStart = node.range[0] - node.loc.start.column;
  let end = lineStart;
  while (sourceCode.text[end] === ' ' || sourceCode.text[end] === '\t') end++;
  const indentation = sourceCode.text.slice(lineStart, end);
  if (indentation === '' || !text.includes('\n')) return text;
  return text
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(indentation) ? line.slice(indentation.length) : line))
    .join('\n');
}

/** Can an expression be evaluated once at module level, before `insertAt`, with the same meaning? */
class StaticChecker {
  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly insertAt: number,
    private readonly isConstruction: (node: TSESTree.Node) => boolean,
  ) {}

  isStatic(node: TSESTree.Node): boolean {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return true;
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.every((expression) => this.isStatic(expression));
      case AST_NODE_TYPES.Identifier:
        return this.isStaticIdentifier(node);
      case AST_NODE_TYPES.MemberExpression:
        if (this.isProcessEnv(node)) return true;
        return this.isStatic(node.object) && (!node.computed || this.isStatic(node.property));
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.every((property) =>
          property.type === AST_NODE_TYPES.SpreadElement
            ? this.isStatic(property.argument)
            : (!property.computed || this.isStatic(property.key)) && this.isStatic(property.value),
        );
      case AST_NODE_TYPES.ArrayExpression:
        return node.elements.every(
          (element) =>
            element === null ||
            this.isStatic(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element),
        );
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator !== 'delete' && this.isStatic(node.argument);
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return this.isStatic(node.left) && this.isStatic(node.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.isStatic(node.test) && this.isStatic(node.consequent) && this.isStatic(node.alternate);
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return this.isStaticCall(node);
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        return this.isSelfContained(node);
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return this.isStatic(node.expression);
      default:
        return false;
    }
  }

  /** A client built from static arguments, or a pure conversion such as `Number(process.env.X)`. */
  private isStaticCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const argumentsAreStatic = node.arguments.every((argument) =>
      this.isStatic(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument),
    );
    if (!argumentsAreStatic) return false;
    if (this.isConstruction(node)) return this.isStatic(node.callee);
    const callee = node.callee;
    return (
      node.type === AST_NODE_TYPES.CallExpression &&
      callee.type === AST_NODE_TYPES.Identifier &&
      PURE_GLOBAL_FUNCTIONS.has(callee.name) &&
      this.isGlobal(callee)
    );
  }

  /**
   * An imported binding, a module-level function, or a module-level `const` declared before the
   * insertion point whose properties are never written.
   */
  private isStaticIdentifier(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length === 0) return STATIC_GLOBALS.has(identifier.name);
    const definition = variable.defs[0];
    if (variable.defs.length !== 1 || !definition || variable.scope.block.type !== AST_NODE_TYPES.Program) {
      return false;
    }
    switch (definition.type) {
      case TSESLintValues.Scope.DefinitionType.ImportBinding:
      case TSESLintValues.Scope.DefinitionType.FunctionName:
        return true;
      case TSESLintValues.Scope.DefinitionType.Variable:
        return (
          definition.parent.kind === 'const' &&
          definition.node.range[1] <= this.insertAt &&
          !variable.references.some((reference) => isPropertyWrite(reference.identifier))
        );
      default:
        return false;
    }
  }

  /** `process.env.NAME` or `process.env['NAME']`, with `process` the Node.js global. */
  private isProcessEnv(node: TSESTree.MemberExpression): boolean {
    const env = skipWrappersDown(node.object);
    if (env.type !== AST_NODE_TYPES.MemberExpression || getStaticName(env) !== 'env' || getStaticName(node) === null) {
      return false;
    }
    const process = skipWrappersDown(env.object);
    return process.type === AST_NODE_TYPES.Identifier && process.name === 'process' && this.isGlobal(process);
  }

  private isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    return !variable || variable.defs.length === 0;
  }

  /**
   * A function literal whose free variables all live at module level, and which does not use the
   * surrounding `this` (arrow functions): it means the same anywhere in the module.
   */
  private isSelfContained(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): boolean {
    const scope = this.sourceCode.scopeManager?.acquire(fn);
    if (!scope) return false;
    const free = scope.through.every((reference) => {
      const variable = reference.resolved;
      return !variable || variable.scope.block.type === AST_NODE_TYPES.Program;
    });
    return free && (fn.type === AST_NODE_TYPES.FunctionExpression || !usesLexicalThis(fn.body, this.sourceCode));
  }
}

/** Is `identifier` the object of a property write: `x.y = 1`, `x.y++`, `delete x.y`? */
function isPropertyWrite(identifier: TSESTree.Node): boolean {
  const member = skipWrappersUp(identifier).parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== skipWrappersUp(identifier)) return false;
  const outer = skipWrappersUp(member);
  const parent = outer.parent;
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) ||
    (parent?.type === AST_NODE_TYPES.UpdateExpression && parent.argument === outer) ||
    (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
  );
}

/** Does an arrow function's body use `this`, `super`, or `new.target` of the enclosing function? */
function usesLexicalThis(root: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  return walk(root, sourceCode, (node) => {
    if (
      node.type === AST_NODE_TYPES.ThisExpression ||
      node.type === AST_NODE_TYPES.Super ||
      node.type === AST_NODE_TYPES.MetaProperty
    ) {
      return 'stop';
    }
    // A non-arrow function has its own `this`.
    return node !== root && isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression
      ? 'skip'
      : undefined;
  });
}
