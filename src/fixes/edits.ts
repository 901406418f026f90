import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

/**
 * Fixers shared by the rules: small edits of object literals and argument lists that keep the
 * code parsing and the surrounding formatting recognisable. Each returns one `RuleFix`, so it can
 * be used directly as a `fix` or a suggestion's `fix`.
 */

/**
 * Adds `propertyText` (e.g. `signal: AbortSignal.timeout(10000)`) as the last property of
 * `object`. An empty object becomes `{ propertyText }`; a multi-line object gets the property on
 * its own line, indented like the last property; a trailing comma stays trailing.
 */
export function addObjectProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  object: TSESTree.ObjectExpression,
  propertyText: string,
): TSESLint.RuleFix {
  const last = object.properties.at(-1);
  if (!last) {
    const closing = sourceCode.getLastToken(object) as TSESTree.Token;
    return fixer.replaceTextRange([object.range[0], closing.range[1]], `{ ${propertyText} }`);
  }
  const lastToken = sourceCode.getLastToken(last) as TSESTree.Token;
  if (last.loc.start.line === object.loc.start.line) {
    return fixer.insertTextAfter(lastToken, `, ${propertyText}`);
  }
  const line = sourceCode.lines[last.loc.start.line - 1] as string;
  const indent = line.slice(0, line.length - line.trimStart().length);
  return fixer.insertTextAfter(lastToken, `,\n${indent}${propertyText}`);
}

/**
 * Replaces the value of `property` with `valueText`. A shorthand property (`{ timeout }`) is
 * written out in full (`{ timeout: 10000 }`), because replacing its value alone would also
 * replace its key.
 */
export function setPropertyValue(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  property: TSESTree.Property,
  valueText: string,
): TSESLint.RuleFix {
  if (property.shorthand) {
    return fixer.replaceText(property, `${sourceCode.getText(property.key)}: ${valueText}`);
  }
  return fixer.replaceText(property.value, valueText);
}

/**
 * Inserts `text` as an argument of `call` so that it ends up at position `index`: before the
 * argument now at `index` (`http.get(url, cb)` → `http.get(url, text, cb)`), or after the last
 * argument, padding the positions in between with `undefined` (`axios.post(url)` with index 2 →
 * `axios.post(url, undefined, text)`). Parentheses around arguments and a trailing comma are kept.
 */
export function insertArgument(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  text: string,
): TSESLint.RuleFix {
  const args = call.arguments;
  const before = args[index];
  if (before) {
    return fixer.insertTextBefore(firstTokenOfArgument(sourceCode, call, before), `${text}, `);
  }
  const padded = [...Array.from({ length: index - args.length }, () => 'undefined'), text].join(', ');
  const closing = sourceCode.getLastToken(call) as TSESTree.Token;
  const previous = sourceCode.getTokenBefore(closing) as TSESTree.Token;
  if (args.length === 0) return fixer.insertTextBefore(closing, padded);
  if (ASTUtils.isCommaToken(previous)) return fixer.insertTextAfter(previous, ` ${padded}`);
  return fixer.insertTextAfter(previous, `, ${padded}`);
}

/** The first token of `argument`, including any parentheses around it that belong to it, not to `call`. */
function firstTokenOfArgument(
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.CallExpressionArgument,
): TSESTree.Token {
  const callee = call.typeArguments ?? call.callee;
  const opening = sourceCode.getTokenAfter(callee, ASTUtils.isOpeningParenToken) as TSESTree.Token;
  let first = sourceCode.getFirstToken(argument) as TSESTree.Token;
  for (;;) {
    const previous = sourceCode.getTokenBefore(first) as TSESTree.Token;
    if (previous.range[0] === opening.range[0] || !ASTUtils.isOpeningParenToken(previous)) {
      return first;
    }
    first = previous;
  }
}

