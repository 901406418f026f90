import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getFieldStore, globalReferencesOf, interopWrapperOf, requireCalls, resolveLocalFunction } from '../../src/ast/scope';
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

describe('interopWrapperOf', () => {
  it('finds the compiler helper a require() is wrapped in', () => {
    const { globalScope, text } = globalScopeOf(
      [
        "const a = __importDefault(require('axios'));",
        "const b = tslib.__importStar(require('https'));",
        "const c = _interopRequireDefault(require('got'));",
        "const d = __toESM(require('undici'));",
        "const e = wrap(require('ky'));",
        "const f = require('node-fetch');",
      ].join('\n'),
      { sourceType: 'commonjs' },
    );
    expect(requireCalls(globalScope).map(({ call }) => {
      const wrapper = interopWrapperOf(call);
      return wrapper ? text(wrapper.callee) : null;
    })).toEqual(['__importDefault', 'tslib.__importStar', '_interopRequireDefault', '__toESM', null, null]);
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

describe('resolveLocalFunction', () => {
  /** The function each argument of the last statement's call resolves to, as its first line. */
  function resolved(code: string): (string | null)[] {
    const { sourceCode, text } = analyze(code);
    const last = sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement;
    const call = last.expression as TSESTree.CallExpression;
    return call.arguments.map((argument) => {
      const fn = resolveLocalFunction(argument, sourceCode);
      return fn && (text(fn).split('\n')[0] ?? null);
    });
  }

  it('finds inline functions, declarations and never-reassigned variables', () => {
    expect(
      resolved(`
        function declared() {}
        const arrow = () => 1;
        let reassigned = () => 2;
        reassigned = () => 3;
        let twice = () => 4, other = 5;
        use(() => 0, declared, arrow, reassigned, other, imported, undefined, (arrow));
      `),
    ).toEqual(['() => 0', 'function declared() {}', '() => 1', null, null, null, null, '() => 1']);
  });

  it('does not take the name of a function expression for a function of its own', () => {
    const { sourceCode } = analyze('run(function pump() { return next(pump); });');
    const outer = (sourceCode.ast.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
    const pump = outer.arguments[0] as TSESTree.FunctionExpression;
    const inner = ((pump.body.body[0] as TSESTree.ReturnStatement).argument as TSESTree.CallExpression).arguments[0];
    expect(resolveLocalFunction(inner, sourceCode)).toBeNull();
    expect(resolveLocalFunction(undefined, sourceCode)).toBeNull();
  });
});
