import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getFieldStore, globalReferencesOf, requireCalls } from '../../src/ast/scope';
import { analyze } from '../model/analyze';

function globalScopeOf(code: string, options: Parameters<typeof analyze>[1] = {}) {
  const { sourceCode, text } = analyze(code, options);
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) throw new Error('no global scope');
  return { globalScope, sourceCode, text };
}

/** Every `new X()` of the file, in source order. */
function newExpressions(program: TSESTree.Node): TSESTree.NewExpression[] {
  const found: TSESTree.NewExpression[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.type === AST_NODE_TYPES.NewExpression) found.push(node as TSESTree.NewExpression);
    for (const [key, value] of Object.entries(record)) if (key !== 'parent') visit(value);
  };
  visit(program);
  return found;
}

describe('globalReferencesOf', () => {
  it('finds undeclared and declared globals, and none for a global the file declares or assigns', () => {
    const { globalScope, text } = globalScopeOf(
      `
        fetch(a);
        window.fetch(b);
        fetch(c);
        var self = {};
        self.fetch(d);
        global = {};
      `,
      { sourceType: 'script', globals: { window: 'readonly' } },
    );
    const references = globalReferencesOf(globalScope, ['fetch', 'window', 'self', 'global', 'unused']);
    expect(references.get('fetch')?.map((node) => text(node.parent))).toEqual(['fetch(a)', 'fetch(c)']);
    expect(references.get('window')?.map((node) => text(node.parent))).toEqual(['window.fetch']);
    expect(references.get('self')).toEqual([]);
    expect(references.get('global')).toEqual([]);
    expect(references.get('unused')).toEqual([]);
  });
});

describe('requireCalls', () => {
  it('lists calls of the global require with a literal module name only', () => {
    const { globalScope } = globalScopeOf(
      `
        const axios = require('axios');
        const name = 'got';
        const got = require(name);
        const dynamic = require(process.env.MODULE);
        const fn = require;
      `,
      { sourceType: 'commonjs' },
    );
    expect(requireCalls(globalScope).map(({ module }) => module)).toEqual(['axios']);
  });

  it('finds nothing when the file defines its own require', () => {
    const { globalScope } = globalScopeOf(`function require() {}\nrequire('axios');`, { sourceType: 'script' });
    expect(requireCalls(globalScope)).toEqual([]);
  });
});

describe('getFieldStore', () => {
  it('names the instance field a value is stored in', () => {
    const { sourceCode, text } = globalScopeOf(`
      class Api {
        agent = new Agent(1);
        static shared = new Agent(2);
        constructor() {
          this.pool = new Agent(3);
          this[key] = new Agent(4);
          other.pool = new Agent(5);
          (function () { this.lost = new Agent(6); })();
        }
      }
      const loose = new Agent(7);
    `);
    const stores = newExpressions(sourceCode.ast).map((node) => {
      const store = getFieldStore(node);
      return store && { field: store.field, store: text(store.store), inClass: store.classBody.type };
    });
    expect(stores).toEqual([
      { field: 'agent', store: 'agent', inClass: 'ClassBody' },
      null,
      { field: 'pool', store: 'this.pool', inClass: 'ClassBody' },
      null,
      null,
      null,
      null,
    ]);
  });
});
