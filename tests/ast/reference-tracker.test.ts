import type { TSESLint } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { createTracker } from '../../src/ast/reference-tracker';
import { analyze } from '../model/analyze';

function referencesIn(code: string, find: (globalScope: TSESLint.Scope.Scope) => string[]): string[] {
  const globalScope = analyze(code).sourceCode.scopeManager?.globalScope;
  if (!globalScope) throw new Error('no global scope');
  return find(globalScope);
}

describe('createTracker', () => {
  it('finds ESM references with their info and path', () => {
    const found = referencesIn("import axios from 'axios';\naxios.get('/x');", (globalScope) => {
      const tracker = createTracker<string>(globalScope);
      const map = { axios: { get: { [ASTUtils.ReferenceTracker.READ]: 'get' } } };
      return [...tracker.iterateEsmReferences(map)].map((reference) => `${reference.info}:${reference.path.join('.')}`);
    });
    expect(found).toEqual(['get:axios.get']);
  });

  it('reaches the CommonJS default through a default import (legacy mode)', () => {
    const found = referencesIn("import got from 'got';\ngot('/x');", (globalScope) => {
      const tracker = createTracker<string>(globalScope);
      const map = { got: { [ASTUtils.ReferenceTracker.CALL]: 'call' } };
      return [...tracker.iterateEsmReferences(map)].map((reference) => reference.info);
    });
    expect(found).toEqual(['call']);
  });

  it('follows property references from a given node', () => {
    const found = referencesIn('const client = makeClient();\nclient.request.send();', (globalScope) => {
      const tracker = createTracker<string>(globalScope);
      const variable = globalScope.childScopes[0]?.set.get('client') ?? globalScope.set.get('client');
      const read = variable?.references.find((reference) => reference.isRead())?.identifier;
      if (!read) return [];
      const map = { request: { send: { [ASTUtils.ReferenceTracker.CALL]: 'send' } } };
      return [...tracker.iteratePropertyReferences(read, map)].map((reference) => reference.info);
    });
    expect(found).toEqual(['send']);
  });
});
