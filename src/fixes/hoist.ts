import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

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
