import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createRule } from '../../src/create-rule';
import { isRelevantText, KNOWN_MODULES } from '../../src/model/relevance';
import { parseSettings } from '../../src/settings';

const RULE_TESTS = path.join(import.meta.dirname, '..', 'rules');
const NO_SETTINGS = parseSettings({});

interface Case {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly settings: unknown;
  readonly options: readonly unknown[];
  readonly typed: boolean;
}

/** Sets `parent` on every node, as ESLint does, so that scopes can be found from a node. */
function linkParents(node: TSESTree.Node, parent: TSESTree.Node | undefined): void {
  (node as { parent?: TSESTree.Node }).parent = parent;
  for (const key of visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(child) ? child : [child]) {
      if (item && typeof (item as TSESTree.Node).type === 'string') linkParents(item as TSESTree.Node, node);
    }
  }
}

/**
 * The valid and invalid cases of every `ruleTester.run(name, rule, { valid, invalid })` of a rule
 * test file, read from its syntax: each case's code, settings and options where they are constant
 * (top-level constants of the file included). Cases built at run time are left out.
 */
function casesOf(file: string): { valid: Case[]; invalid: Case[] } {
  const text = readFileSync(file, 'utf8');
  const { ast, scopeManager } = parseForESLint(text, { range: true, loc: true, sourceType: 'module', ecmaVersion: 'latest' });
  linkParents(ast, undefined);
  const scopeOf = (node: TSESTree.Node): TSESLint.Scope.Scope => {
    for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
      const scope = scopeManager.acquire(current, true);
      if (scope) return scope;
    }
    return scopeManager.globalScope as TSESLint.Scope.Scope;
  };
  const valueOf = (node: TSESTree.Node | undefined): unknown =>
    node ? ASTUtils.getStaticValue(node, scopeOf(node))?.value : undefined;
  const typed = file.endsWith('.typed.test.ts');
  const result = { valid: [] as Case[], invalid: [] as Case[] };
  const visit = (node: TSESTree.Node): void => {
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      ASTUtils.getPropertyName(node.callee) === 'run' &&
      node.arguments[2]?.type === AST_NODE_TYPES.ObjectExpression
    ) {
      for (const property of node.arguments[2].properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.ArrayExpression) continue;
        const kind = ASTUtils.getPropertyName(property);
        if (kind !== 'valid' && kind !== 'invalid') continue;
        for (const element of property.value.elements) {
          if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
          const object = element.type === AST_NODE_TYPES.ObjectExpression ? element : null;
          const field = (name: string): TSESTree.Node | undefined => {
            const found = object?.properties.find(
              (candidate) => candidate.type === AST_NODE_TYPES.Property && ASTUtils.getPropertyName(candidate) === name,
            );
            return found?.type === AST_NODE_TYPES.Property ? found.value : undefined;
          };
          const code = valueOf(object ? field('code') : element);
          if (typeof code !== 'string') continue;
          const options = valueOf(field('options'));
          result[kind].push({
            file: path.basename(file),
            line: element.loc.start.line,
            code,
            settings: valueOf(field('settings')),
            options: Array.isArray(options) ? options : [],
            typed,
          });
        }
      }
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
      }
    }
  };
  visit(ast);
  return result;
}

const files = readdirSync(RULE_TESTS)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => path.join(RULE_TESTS, name));
const cases = files.map((file) => casesOf(file));
const invalid = cases.flatMap((found) => found.invalid);
const valid = cases.flatMap((found) => found.valid);

function relevant(found: Case): boolean {
  const raw = (found.settings as Record<string, unknown> | undefined)?.['http-client'];
  return isRelevantText(found.code, {
    settings: raw === undefined ? NO_SETTINGS : parseSettings(raw),
    typed: found.typed,
    ruleOptions: found.options,
  });
}

describe('the per-file relevance test', () => {
  it('reads the cases of every rule test file', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
    for (const found of cases) expect(found.invalid.length + found.valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(300);
  });

  it('finds every invalid case of the rule tests relevant: the fast path hides no report', () => {
    const missed = invalid.filter((found) => !relevant(found)).map((found) => `${found.file}:${found.line}`);
    expect(missed).toEqual([]);
  });

  it('skips only valid cases that name no client, wrapper or request API', () => {
    // Valid cases may be irrelevant (a local `limit` is not a limiter); the ones skipped say no client's name.
    const skipped = valid.filter((found) => !relevant(found));
    for (const found of skipped) {
      expect(found.code).not.toMatch(/fetch|axios|\bgot\b|\bky\b|undici|node:http|\bresponse\b/u);
    }
    expect(skipped.length).toBeLessThan(valid.length / 10);
  });

  it('skips files that make no request', () => {
    const component = `
      import React, { useState } from 'react';
      import { formatDate } from './format';

      export function Calendar({ events }) {
        const [selected, setSelected] = useState(null);
        return (
          <ul>
            {events.map((event) => (
              <li key={event.id} onClick={() => setSelected(event)}>
                {formatDate(event.date)} {selected === event ? '(selected)' : ''}
              </li>
            ))}
          </ul>
        );
      }
    `;
    const utility = `
      // See https://example.com/docs for the format; it is shared with the http layer.
      export function chunk(items, size) {
        const out = [];
        for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
        return out;
      }
      export const clamp = (value, min, max) => Math.min(max, Math.max(min, value));
      export async function sleep(ms) {
        await new Promise((resolve) => setTimeout(resolve, ms));
      }
    `;
    const types = `
      export interface User { id: string; name: string }
      export type Handler = (user: User) => void;
    `;
    for (const text of [component, utility, types]) expect(isRelevantText(text, { settings: NO_SETTINGS, typed: false })).toBe(false);
    // With type information an awaited call may resolve to a Response; a file without one is still skipped.
    expect(isRelevantText(types, { settings: NO_SETTINGS, typed: true })).toBe(false);
    expect(isRelevantText(utility, { settings: NO_SETTINGS, typed: true })).toBe(true);
  });

  it('takes a known module only as a quoted specifier', () => {
    const check = (text: string): boolean => isRelevantText(text, { settings: NO_SETTINGS, typed: false });
    expect(check(`const u = 'https://example.com/got/ky';`)).toBe(false);
    expect(check(`import got from 'got';`)).toBe(true);
    expect(check(`const http = require("node:http");`)).toBe(true);
    expect(check('const { Agent } = await import(`https`);')).toBe(true);
    expect(check(`import { S3Client } from '@aws-sdk/client-s3';`)).toBe(true);
    expect(check(`import pLimit from 'p-limit';`)).toBe(true);
    expect(check(`const mapLimit = require('async/mapLimit');`)).toBe(true);
    for (const module of KNOWN_MODULES) expect(check(`import x from '${module}';`), module).toBe(true);
  });

  it('sees names the parser reads differently from their letters', () => {
    const check = (text: string): boolean => isRelevantText(text, { settings: NO_SETTINGS, typed: false });
    expect(check(String.raw`const http = require('\x68ttp');`)).toBe(true);
    expect(check(String.raw`\u0066etch(url);`)).toBe(true);
    expect(check(`const client = require('ax' + 'ios');`)).toBe(true);
    expect(check(String.raw`const nbsp = '\u00a0';`)).toBe(false);
  });

  it('knows the names the settings and the rule options give', () => {
    const text = `
      import { loadAll } from '@/lib/transport';
      await callUpstream(url);
      getUser(id);
    `;
    expect(isRelevantText(text, { settings: NO_SETTINGS, typed: false })).toBe(false);
    const settings = (raw: unknown) => ({ settings: parseSettings(raw), typed: false });
    expect(isRelevantText(text, settings({ fetchFunctions: ['api.callUpstream'] }))).toBe(true);
    expect(isRelevantText(text, settings({ timeoutFunctions: ['callUpstream'] }))).toBe(true);
    expect(isRelevantText(text, settings({ statusCheckFunctions: ['loadAll'] }))).toBe(true);
    expect(isRelevantText(text, settings({ clientModules: { '@/lib/transport': { loadAll: 'axios' } } }))).toBe(true);
    // A custom wrapper pattern is tried on the text and on each name, so anchors keep working.
    expect(isRelevantText(text, settings({ inferWrappers: { namePattern: '^call' } }))).toBe(true);
    expect(isRelevantText(text, settings({ inferWrappers: { namePattern: 'Upstream$' } }))).toBe(true);
    expect(isRelevantText(text, settings({ inferWrappers: { namePattern: '^post' } }))).toBe(false);
    expect(isRelevantText(text, { ...settings({}), ruleOptions: [{ additionalClients: [{ module: '@/lib/transport', export: 'Pool' }] }] })).toBe(true);
    expect(isRelevantText(text, { ...settings({}), ruleOptions: [{ limiters: ['queue.run'], maxInlineElements: 5 }] })).toBe(false);
  });

  it('gives a rule built by createRule no listeners in a file that is not relevant', () => {
    let created = 0;
    const rule = createRule({
      name: 'probe',
      meta: { type: 'problem', docs: { description: 'probe' }, schema: [], messages: { seen: 'seen' } },
      create(context) {
        created++;
        return {
          Program(node) {
            context.report({ node, messageId: 'seen' });
          },
        };
      },
    });
    const linter = new Linter();
    const config = [{ plugins: { probe: { rules: { probe: rule } } }, rules: { 'probe/probe': 'error' } }] as unknown as Linter.Config[];
    expect(linter.verify('export const sum = (a, b) => a + b;', config, 'sum.js')).toHaveLength(0);
    expect(created).toBe(0);
    expect(linter.verify('await fetch(url);', config, 'load.js')).toHaveLength(1);
    expect(created).toBe(1);
  });
});
