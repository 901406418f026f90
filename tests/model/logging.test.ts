import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isLogCallee, isLoggerName, memberCallee } from '../../src/model/logging';
import { analyze } from './analyze';

function callees(code: string): TSESTree.Node[] {
  const { sourceCode } = analyze(code);
  const found: TSESTree.Node[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const value = node as TSESTree.Node;
    if (value.type === AST_NODE_TYPES.CallExpression) found.push(value.callee);
    for (const [key, child] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(sourceCode.ast);
  return found;
}

describe('logging', () => {
  it('knows logger names', () => {
    expect(['console', 'log', 'logger', '_logger', 'appLogger', 'LOG'].every(isLoggerName)).toBe(true);
    expect(['catalog', 'dialog', 'client', 'blogger2'].some(isLoggerName)).toBe(false);
  });

  it('takes a log method of a logger as a log call, and nothing else', () => {
    const found = callees(`
      console.warn(a); this.logger.debug(b); log.info(c); appLogger.fatal(d);
      api.post(e); logger.child(f); cache.log(g); warn(h);
    `).map(isLogCallee);
    expect(found).toEqual([true, true, true, true, false, false, false, false]);
  });

  it('splits a member callee into its method and owner', () => {
    expect(callees('this.logger.warn(x); fetch(y);').map(memberCallee)).toEqual([{ method: 'warn', owner: 'logger' }, null]);
  });
});
