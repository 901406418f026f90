/**
 * Where a body read ends up when it is not taken as data: only in log calls, or straight into a test
 * assertion. Read by `require-status-check` to tell a body used as success from one only looked at.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import { getStaticName, nameOf, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { isLoggerName, LOG_METHODS, memberCallee } from './logging';

/** How many variables a logged body is followed through (`const text = ...; const line = text`). */
const MAX_LOG_ALIASES = 3;

/**
 * Does the body read at `node` only end up in log calls, whole or in part (`log.info('result: ' +
 * text)`, `console.debug(JSON.stringify(res.data))`)? Then no code takes it as data.
 */
export function isOnlyLogged(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  let current = skipWrappersUp(node);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TemplateLiteral:
        break;
      case AST_NODE_TYPES.MemberExpression:
        // `text.slice(0, 200)`, `data.message`: a part of the body.
        if (parent.object !== current) return false;
        break;
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.operator !== '+') return false;
        break;
      case AST_NODE_TYPES.CallExpression: {
        if (parent.callee === current) break;
        const callee = skipWrappersDown(parent.callee);
        if (isLogLikeCallee(callee)) return true;
        // `JSON.stringify(data)`, `String(text)`
        const name = nameOf(callee);
        if (name !== 'stringify' && name !== 'String') return false;
        break;
      }
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier || depth >= MAX_LOG_ALIASES) return false;
        const variable = ASTUtils.findVariable(sourceCode.getScope(parent.id), parent.id);
        const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
        return (
          variable !== null &&
          variable.references.every((reference) => reference.init === true || reference.isRead()) &&
          reads.length > 0 &&
          reads.every((reference) => isOnlyLogged(reference.identifier, sourceCode, depth + 1))
        );
      }
      default:
        return false;
    }
    current = skipWrappersUp(parent);
  }
}

/**
 * `console.log`, `logger.warn`, `this.log.ifVerbose`, `job.info`: any method of a logger, or a log
 * method of anything. Wider than {@link isLogCallee}: a body that only reaches such a call is not
 * taken as data, so a wide test can only make the rule quieter.
 */
function isLogLikeCallee(callee: TSESTree.Node): boolean {
  const member = memberCallee(callee);
  if (!member?.owner) return false;
  return isLoggerName(member.owner) || (member.method !== null && LOG_METHODS.has(member.method));
}

/** Callees whose arguments are test assertions: `expect(x)`, `assert(x)`, `assert.equal(x, y)`. */
const ASSERTION_ROOTS: ReadonlySet<string> = new Set(['assert', 'expect']);

/**
 * Does the value of `node` go straight into a test assertion, through `await` and a
 * `.then((res) => res.text())` callback? Such a body is compared with what the test expects, so an
 * error page fails the test instead of passing as data.
 */
export function flowsIntoAssertion(node: TSESTree.Node): boolean {
  let current = skipWrappersUp(node);
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.AwaitExpression) {
      current = skipWrappersUp(parent);
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current) {
      // `.then((res) => res.text())`: the callback's result is the value of the `.then()` call.
      const member = parent.parent;
      if (member.type !== AST_NODE_TYPES.CallExpression || member.arguments[0] !== parent) return false;
      const callee = skipWrappersDown(member.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || getStaticName(callee) !== 'then') return false;
      current = skipWrappersUp(member);
      continue;
    }
    if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee === current) return false;
    let root: TSESTree.Node = skipWrappersDown(parent.callee);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappersDown(root.object);
    return root.type === AST_NODE_TYPES.Identifier && ASSERTION_ROOTS.has(root.name);
  }
}
