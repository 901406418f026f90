import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  findProperty,
  getEnclosingFunction,
  getFunctionName,
  getMethodCall,
  getStaticName,
  nameOf,
  getStaticValue,
  isFunctionNode,
  isInLoopBody,
  isLoopNode,
  isMemberNamed,
  isUndefinedLiteral,
  skipWrappersDown,
  skipWrappersUp,
  walk,
} from '../../src/ast/nodes';
import { analyze } from '../model/analyze';

interface Parsed {
  sourceCode: TSESLint.SourceCode;
  text: (node: { range: [number, number] }) => string;
  /** Every node of `type`, in source order. */
  all: <T extends AST_NODE_TYPES>(type: T) => Extract<TSESTree.Node, { type: T }>[];
}

/** Parses TypeScript (a superset of what the helpers see in JavaScript) and indexes its nodes. */
function parse(code: string): Parsed {
  const { sourceCode, text } = analyze(code, { typescript: true });
  const found: TSESTree.Node[] = [];
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const visit = (node: TSESTree.Node): void => {
    found.push(node);
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  found.sort((a, b) => a.range[0] - b.range[0]);
  return {
    sourceCode,
    text,
    all: <T extends AST_NODE_TYPES>(type: T) =>
      found.filter((node): node is Extract<TSESTree.Node, { type: T }> => node.type === type),
  };
}

describe('isFunctionNode and isLoopNode', () => {
  it('recognise every function and loop kind', () => {
    const { sourceCode } = parse(`
      function a() {}
      const b = function () {};
      const c = () => {};
      for (;;) {}
      for (const k in o) {}
      for (const v of o) {}
      while (x) {}
      do {} while (x);
      if (x) {}
    `);
    const statements = sourceCode.ast.body;
    const values = statements.map((statement) =>
      statement.type === AST_NODE_TYPES.VariableDeclaration ? statement.declarations[0].init : statement,
    );
    expect(values.map((node) => isFunctionNode(node))).toEqual([true, true, true, false, false, false, false, false, false]);
    expect(statements.map((node) => isLoopNode(node))).toEqual([false, false, false, true, true, true, true, true, false]);
    expect(isFunctionNode(null)).toBe(false);
    expect(isFunctionNode(undefined)).toBe(false);
  });
});

describe('isInLoopBody', () => {
  it('tells the per-iteration parts of a loop from the parts that run once', () => {
    const { all } = parse(`
      for (init; test; update) body;
      for (const k in object) body;
      for (const v of iterable) body;
      while (test) body;
    `);
    const [forLoop] = all(AST_NODE_TYPES.ForStatement);
    const [forIn] = all(AST_NODE_TYPES.ForInStatement);
    const [forOf] = all(AST_NODE_TYPES.ForOfStatement);
    const [whileLoop] = all(AST_NODE_TYPES.WhileStatement);
    if (!forLoop || !forIn || !forOf || !whileLoop) throw new Error('loops not parsed');
    expect(
      [forLoop.init, forLoop.test, forLoop.update, forLoop.body].map((child) => child && isInLoopBody(forLoop, child)),
    ).toEqual([false, true, true, true]);
    expect([forIn.left, forIn.right, forIn.body].map((child) => isInLoopBody(forIn, child))).toEqual([false, false, true]);
    expect([forOf.left, forOf.right, forOf.body].map((child) => isInLoopBody(forOf, child))).toEqual([false, false, true]);
    expect([whileLoop.test, whileLoop.body].map((child) => isInLoopBody(whileLoop, child))).toEqual([true, true]);
  });
});

describe('skipWrappersUp and skipWrappersDown', () => {
  it('look through every value-preserving wrapper', () => {
    const { all, text } = parse(`
      const a = ((((value as unknown) satisfies unknown)!) as any);
      const b = <any>other;
      const c = make<string>;
      const d = object?.member;
      const e = plain;
    `);
    const inits = all(AST_NODE_TYPES.VariableDeclarator).map((declarator) => declarator.init as TSESTree.Expression);
    expect(inits.map((init) => text(skipWrappersDown(init)))).toEqual(['value', 'other', 'make', 'object?.member', 'plain']);
    const identifiers = all(AST_NODE_TYPES.Identifier).filter((identifier) =>
      ['value', 'other', 'make', 'plain'].includes(identifier.name),
    );
    expect(identifiers.map((identifier) => skipWrappersUp(identifier)).map((node, index) => node === inits[index])).toEqual([
      true,
      true,
      true,
      false,
    ]);
    const member = all(AST_NODE_TYPES.MemberExpression)[0];
    expect(member && skipWrappersUp(member)).toBe(inits[3]);
  });
});

describe('nameOf', () => {
  it('names identifiers and static members, and nothing else', () => {
    const { all } = parse(`fetch(a); api.get(b); api[key](c); (0, mod.call)(d); make()(e);`);
    expect(all(AST_NODE_TYPES.CallExpression).map((call) => nameOf(call.callee))).toEqual(['fetch', 'get', null, null, null, 'make']);
  });
});

describe('getStaticName and isMemberNamed', () => {
  it('name members and keys written statically', () => {
    const { all } = parse(`
      a.b; a['c']; a[\`d\`]; a[e]; a[\`f\${g}\`]; a[1]; this.#h;
      const o = { i: 1, 'j': 2, 3: 3, [\`k\`]: 4, [l]: 5 };
      class C { #m = 1; n() {} static ['o'] = 1; accessor p = 1; }
    `);
    expect(all(AST_NODE_TYPES.MemberExpression).map((member) => getStaticName(member))).toEqual([
      'b',
      'c',
      'd',
      null,
      null,
      null,
      '#h',
    ]);
    expect(all(AST_NODE_TYPES.Property).map((property) => getStaticName(property))).toEqual(['i', 'j', '3', 'k', null]);
    expect(
      [
        ...all(AST_NODE_TYPES.PropertyDefinition),
        ...all(AST_NODE_TYPES.MethodDefinition),
        ...all(AST_NODE_TYPES.AccessorProperty),
      ].map((member) => getStaticName(member)),
    ).toEqual(['#m', 'o', 'n', 'p']);
    const members = all(AST_NODE_TYPES.MemberExpression);
    expect(members.map((member) => isMemberNamed(member, 'c'))).toEqual([false, true, false, false, false, false, false]);
    expect(members.map((member) => isMemberNamed(member, new Set(['b', 'd'])))).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(isMemberNamed(null, 'b')).toBe(false);
    expect(isMemberNamed(all(AST_NODE_TYPES.Property)[0], 'i')).toBe(false);
  });
});

describe('getMethodCall', () => {
  it('returns the call of a callee-side member only', () => {
    const { all, text } = parse('a.then(f); a?.then(f); a.then; g(a.then); (a.then as any)(f);');
    expect(
      all(AST_NODE_TYPES.MemberExpression).map((member) => {
        const call = getMethodCall(member);
        return call && text(call);
      }),
    ).toEqual(['a.then(f)', 'a?.then(f)', null, null, '(a.then as any)(f)']);
  });
});

describe('findProperty', () => {
  it('finds the last static property written after every spread and computed key', () => {
    const { all, text } = parse(`
      f({ timeout: 1 });
      f({ timeout: 1, timeout: 2 });
      f({ 'timeout': 3 });
      f({ ['timeout']: 4 });
      f({ method: 'GET' });
      f({});
      f({ ...defaults });
      f({ ...defaults, timeout: 5 });
      f({ timeout: 6, ...overrides });
      f({ [key]: value });
      f({ timeout: 7, [key]: value });
      f({ [key]: value, timeout: 8 });
      f({ timeout() { return 9; } });
    `);
    expect(
      all(AST_NODE_TYPES.ObjectExpression).map((object) => {
        const lookup = findProperty(object, 'timeout');
        return lookup.kind === 'found' ? `found ${text(lookup.value)} in ${text(lookup.property)}` : lookup.kind;
      }),
    ).toEqual([
      'found 1 in timeout: 1',
      'found 2 in timeout: 2',
      "found 3 in 'timeout': 3",
      "found 4 in ['timeout']: 4",
      'missing',
      'missing',
      'unknown',
      'found 5 in timeout: 5',
      'unknown',
      'unknown',
      'unknown',
      'found 8 in timeout: 8',
      'found () { return 9; } in timeout() { return 9; }',
    ]);
  });
});

describe('getStaticValue and isUndefinedLiteral', () => {
  it('evaluate what can be known without running the code', () => {
    const { all, sourceCode } = parse(`
      const limit = 10;
      f(limit * 2, 'a' + 'b', unknownValue, undefined, void 0, null, Infinity);
    `);
    const call = all(AST_NODE_TYPES.CallExpression)[0];
    if (!call) throw new Error('call not parsed');
    const scope = sourceCode.getScope(call);
    expect(call.arguments.map((argument) => getStaticValue(argument, scope))).toEqual([
      { value: 20 },
      { value: 'ab' },
      undefined,
      { value: undefined },
      { value: undefined },
      { value: null },
      { value: Infinity },
    ]);
    expect(call.arguments.map((argument) => isUndefinedLiteral(argument))).toEqual([
      false,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('getEnclosingFunction and getFunctionName', () => {
  it('find the function around a node and name it for messages', () => {
    const { all, sourceCode, text } = parse(`
      function declared() { mark(); }
      const assigned = () => mark();
      const [destructured] = [() => mark()];
      const { pattern } = () => mark();
      const object = { property: () => mark(), 'quoted': function () { mark(); } };
      class Service { method() { mark(); } field = () => mark(); }
      exports.handler = async () => mark();
      this.member.handler = function () { mark(); };
      [first] = function () { mark(); };
      app.get('/', (req, res) => mark());
      const named = function inner() { mark(); };
      mark();
    `);
    const names = all(AST_NODE_TYPES.CallExpression)
      .filter((call) => text(call) === 'mark()')
      .map((call) => {
        const fn = getEnclosingFunction(call);
        return fn && (getFunctionName(fn, sourceCode) ?? `unnamed ${fn.type}`);
      });
    expect(names).toEqual([
      'declared',
      'assigned',
      'unnamed ArrowFunctionExpression',
      'unnamed ArrowFunctionExpression',
      'property',
      'quoted',
      'method',
      'field',
      'exports.handler',
      'this.member.handler',
      'unnamed FunctionExpression',
      'unnamed ArrowFunctionExpression',
      'inner',
      null,
    ]);
  });
});

describe('walk', () => {
  it('visits in source order, skips children on request and stops early', () => {
    const { sourceCode, text } = parse('a(b(c)); function f() { d(); } e();');
    const seen: string[] = [];
    const stopped = walk(sourceCode.ast, sourceCode, (node) => {
      if (node.type === AST_NODE_TYPES.FunctionDeclaration) return 'skip';
      if (node.type === AST_NODE_TYPES.CallExpression) seen.push(text(node));
      return text(node) === 'e()' ? 'stop' : undefined;
    });
    expect(seen).toEqual(['a(b(c))', 'b(c)', 'e()']);
    expect(stopped).toBe(true);
    expect(walk(sourceCode.ast, sourceCode, () => undefined)).toBe(false);
  });
});
