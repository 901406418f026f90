import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { TSESLint } from '@typescript-eslint/utils';

import { hoistedName, lineStart, planHoist, removalRange, topLevelStatement } from '../../src/fixes/hoist';
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

/** Applies the edits a fix function asks for, the way ESLint does (no overlapping ranges). */
function applyFix(code: string, fix: TSESLint.ReportFixFunction): string {
  const edits: { range: readonly [number, number]; text: string }[] = [];
  const fixer = {
    insertTextBeforeRange: (range: readonly [number, number], text: string) => ({ range: [range[0], range[0]] as const, text }),
    removeRange: (range: readonly [number, number]) => ({ range, text: '' }),
    replaceText: (node: { range: readonly [number, number] }, text: string) => ({ range: node.range, text }),
  };
  const result = fix(fixer as unknown as TSESLint.RuleFixer);
  for (const edit of (Array.isArray(result) ? result : [result]) as typeof edits) edits.push(edit);
  edits.sort((a, b) => b.range[0] - a.range[0]);
  let output = code;
  for (const edit of edits) output = output.slice(0, edit.range[0]) + edit.text + output.slice(edit.range[1]);
  return output;
}

/** Plans hoisting the first construction the HTTP model finds in `code` and applies the plan. */
function hoisted(code: string): { name: string; output: string } | null {
  const { model, sourceCode } = analyze(code);
  const construction = model.constructions[0];
  if (!construction) throw new Error('no construction in the code');
  const parent = construction.node.parent;
  const declarator = parent.type === AST_NODE_TYPES.VariableDeclarator ? parent : null;
  const plan = planHoist(construction.node, declarator, sourceCode, (node) => model.constructionOf(node) !== undefined);
  return plan ? { name: plan.name, output: applyFix(code, plan.fix) } : null;
}

describe('planHoist', () => {
  it('moves a lone `const` declaration before the top-level statement, keeping its name', () => {
    const code = `import https from 'node:https';\n\nexport function get(url) {\n  const agent = new https.Agent({ keepAlive: true });\n  return https.get(url, { agent });\n}\n`;
    expect(hoisted(code)).toEqual({
      name: 'agent',
      output: `import https from 'node:https';\n\nconst agent = new https.Agent({ keepAlive: true });\n\nexport function get(url) {\n  return https.get(url, { agent });\n}\n`,
    });
  });

  it('names an inline construction after what it builds, and uses shorthand when the key matches', () => {
    const inline = `import axios from 'axios';\nimport https from 'node:https';\nexport function get(url) {\n  return axios.get(url, { httpsAgent: new https.Agent() });\n}\n`;
    expect(hoisted(inline)).toEqual({
      name: 'httpsAgent',
      output: `import axios from 'axios';\nimport https from 'node:https';\n\nconst httpsAgent = new https.Agent();\n\nexport function get(url) {\n  return axios.get(url, { httpsAgent });\n}\n`,
    });
    const taken = `import https from 'node:https';\nconst httpsAgent = 1;\nexport function get(url) {\n  return https.get(url, { agent: new https.Agent() });\n}\n`;
    expect(hoisted(taken)?.output).toBe(
      `import https from 'node:https';\nconst httpsAgent = 1;\n\nconst httpsAgent2 = new https.Agent();\n\nexport function get(url) {\n  return https.get(url, { agent: httpsAgent2 });\n}\n`,
    );
  });

  it('keeps leading comments and decorators with the statement it goes before', () => {
    const code = `import https from 'node:https';\n// Fetches a page.\nexport function get(url) {\n  const agent = new https.Agent();\n  return https.get(url, { agent });\n}\n`;
    expect(hoisted(code)?.output).toBe(
      `import https from 'node:https';\n\nconst agent = new https.Agent();\n\n// Fetches a page.\nexport function get(url) {\n  return https.get(url, { agent });\n}\n`,
    );
  });

  it.each([
    ['a parameter', `import https from 'node:https';\nexport function get(url, keepAlive) {\n  const agent = new https.Agent({ keepAlive });\n  return https.get(url, { agent });\n}\n`],
    ['a local variable', `import https from 'node:https';\nexport function get(url) {\n  const n = 4;\n  const agent = new https.Agent({ maxSockets: n });\n  return https.get(url, { agent });\n}\n`],
    ['a constant declared after the function', `import https from 'node:https';\nexport function get(url) {\n  const agent = new https.Agent(OPTIONS);\n  return https.get(url, { agent });\n}\nconst OPTIONS = {};\n`],
    ['a mutated constant', `import https from 'node:https';\nconst OPTIONS = {};\nOPTIONS.keepAlive = true;\nexport function get(url) {\n  const agent = new https.Agent(OPTIONS);\n  return https.get(url, { agent });\n}\n`],
    ['a call of unknown effect', `import https from 'node:https';\nexport function get(url) {\n  const agent = new https.Agent(readOptions());\n  return https.get(url, { agent });\n}\n`],
    ['an arrow function using this', `import https from 'node:https';\nexport class A {\n  get(url) {\n    const agent = new https.Agent({ lookup: () => this.lookup });\n    return https.get(url, { agent });\n  }\n}\n`],
  ])('gives up when an argument reads %s', (_, code) => {
    expect(hoisted(code)).toBeNull();
  });

  it.each([
    ['a literal, process.env and a pure conversion', `{ maxSockets: Number(process.env.MAX ?? '8'), keepAlive: !false }`],
    ['a template of module constants', '{ servername: `${HOST}.example.com` }'],
    ['a self-contained function', `{ lookup: (host, options, callback) => dns.lookup(host, options, callback) }`],
  ])('moves a construction whose arguments are %s', (_, options) => {
    const code = `import dns from 'node:dns';\nimport https from 'node:https';\nconst HOST = 'api';\nexport function get(url) {\n  const agent = new https.Agent(${options});\n  return https.get(url, { agent });\n}\n`;
    expect(hoisted(code)?.name).toBe('agent');
  });
});

describe('hoistedName', () => {
  it.each([
    [`import https from 'node:https'; new https.Agent();`, 'httpsAgent'],
    [`import { Pool } from 'undici'; new Pool('http://localhost');`, 'pool'],
    [`import axios from 'axios'; axios.create();`, 'axiosClient'],
    [`import got from 'got'; const api = got.extend({}); api.extend({});`, 'gotClient'],
  ])('%s → %s', (code, name) => {
    const { model } = analyze(code);
    const construction = model.constructions[0];
    if (!construction) throw new Error('no construction in the code');
    expect(hoistedName(construction.node)).toBe(name);
  });

  it('names a factory call after what it makes, unless its name says it', () => {
    const { sourceCode } = analyze(`connect(); tunnel.httpsOverHttp(); createApiClient(); makePool();`);
    const calls = sourceCode.ast.body.map((statement) => (statement as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression);
    expect(calls.map((call) => hoistedName(call))).toEqual(['connectClient', 'httpsOverHttpClient', 'apiClient', 'pool']);
    expect(calls.map((call) => hoistedName(call, 'agent'))).toEqual(['connectAgent', 'httpsOverHttpAgent', 'apiClient', 'pool']);
  });
});
