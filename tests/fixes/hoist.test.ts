import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { lineStart, removalRange, topLevelStatement } from '../../src/fixes/hoist';
import { analyze } from '../model/analyze';

/** The first `const` declaration nested inside the first function of `code`. */
function innerDeclaration(code: string) {
  const { sourceCode } = analyze(code);
  const fn = sourceCode.ast.body.find((statement) => statement.type === AST_NODE_TYPES.FunctionDeclaration);
  const declaration = fn?.body.body.find(
    (statement): statement is TSESTree.VariableDeclaration => statement.type === AST_NODE_TYPES.VariableDeclaration,
  );
  if (!declaration) throw new Error('no declaration in the first function');
  return { sourceCode, declaration };
}

function removed(code: string): string {
  const { sourceCode, declaration } = innerDeclaration(code);
  const [start, end] = removalRange(declaration, sourceCode);
  return code.slice(0, start) + code.slice(end);
}

describe('topLevelStatement', () => {
  it('climbs to the statement of the program', () => {
    const { sourceCode, declaration } = innerDeclaration('const a = 1;\nfunction f() {\n  const b = 2;\n}\n');
    expect(topLevelStatement(declaration)).toBe(sourceCode.ast.body[1]);
    expect(topLevelStatement(sourceCode.ast.body[0] as TSESTree.Node)).toBe(sourceCode.ast.body[0]);
  });
});

describe('removalRange', () => {
  it('takes the whole line when the statement is alone on it', () => {
    expect(removed('function f() {\n  const b = 2;\n  return b;\n}\n')).toBe('function f() {\n  return b;\n}\n');
    expect(removed('function f() {\r\n\tconst b = 2;\r\n\treturn b;\r\n}')).toBe('function f() {\r\n\treturn b;\r\n}');
  });

  it('keeps the rest of a shared line, and the indentation of a trailing comment', () => {
    expect(removed('function f() {\n  const b = 2; // why\n}\n')).toBe('function f() {\n  // why\n}\n');
    expect(removed('function f() { const b = 2; return b; }')).toBe('function f() { return b; }');
  });

  it('handles a statement at the very end of the text', () => {
    expect(removed('function f() {\n  const b = 2;}')).toBe('function f() {\n  }');
    expect(removed('function f() {\n  const b = 2;\n}')).toBe('function f() {\n}');
  });
});

describe('lineStart', () => {
  it('is the offset of the first character of the line', () => {
    const { sourceCode, declaration } = innerDeclaration('function f() {\n    const b = 2;\n}');
    expect(lineStart(declaration)).toBe(sourceCode.text.indexOf('\n') + 1);
  });
});
