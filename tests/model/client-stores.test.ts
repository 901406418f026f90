import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { walk } from '../../src/ast/nodes';
import { callsOf, fieldStoreOf, returningFunction, storedValue, valueLeaves } from '../../src/model/client-stores';
import { analyze } from './analyze';

/** Every node of `type` in `code`, in source order, with the source code to print them. */
function nodesOf<T extends AST_NODE_TYPES>(code: string, type: T) {
  const { sourceCode, text } = analyze(code, { typescript: true });
  const found: Extract<TSESTree.Node, { type: T }>[] = [];
  walk(sourceCode.ast, sourceCode, (node) => {
    if (node.type === type) found.push(node as Extract<TSESTree.Node, { type: T }>);
    return undefined;
  });
  return { found, sourceCode, text };
}

describe('valueLeaves', () => {
  it('looks through defaults and conditionals, not through `&&` or a test', () => {
    const { found, text } = nodesOf(
      `
        x = a || b;
        x = a ?? (c ? d : e);
        x = a && b;
        x = (f as T) || g;
      `,
      AST_NODE_TYPES.AssignmentExpression,
    );
    expect(found.map((node) => valueLeaves(node.right).map(text))).toEqual([
      ['a', 'b'],
      ['a', 'd', 'e'],
      ['a && b'],
      ['f', 'g'],
    ]);
  });
});

describe('storedValue and fieldStoreOf', () => {
  it('finds the value kept in an instance field and the field it is kept in', () => {
    const { found, text } = nodesOf(
      `
        class A {
          a = opts.a ?? client;
          static b = client;
          constructor() {
            this.c = opts.c || client;
            this.d ??= client;
            other.e = client;
            this.f = flag ? client : other;
          }
        }
      `,
      AST_NODE_TYPES.Identifier,
    );
    const clients = found.filter((node) => node.name === 'client');
    expect(clients.map((node) => fieldStoreOf(node)?.field ?? null)).toEqual(['a', null, 'c', 'd', null, 'f']);
    const stores = clients.map((node) => {
      let current: TSESTree.Node = node;
      for (;;) {
        const value = storedValue(current);
        if (value) return text(value);
        if (current.type === AST_NODE_TYPES.Program) return null;
        current = current.parent;
      }
    });
    expect(stores).toEqual(['opts.a ?? client', null, 'opts.c || client', 'client', null, 'flag ? client : other']);
  });
});

describe('returningFunction and callsOf', () => {
  it('names the function or method that returns a value, and finds the calls of a function', () => {
    const { found, sourceCode, text } = nodesOf(
      `
        function a() { return make(); }
        const b = () => make();
        class C {
          c() { return make(); }
          d = () => make();
          static e() { return make(); }
        }
        function f() { const x = make(); return x; }
        a(); a.call(null); b(); new b();
      `,
      AST_NODE_TYPES.CallExpression,
    );
    const makes = found.filter((call) => text(call) === 'make()');
    expect(
      makes.map((call) => {
        const factory = returningFunction(call, sourceCode);
        if (!factory) return null;
        return factory.kind === 'function'
          ? `function ${factory.variable.name}: ${callsOf(factory.variable).map(text).join(', ')}`
          : `method ${factory.name}`;
      }),
    ).toEqual(['function a: a()', 'function b: b()', 'method c', 'method d', null, null]);
  });
});
