import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../src/index';
import { rules } from '../src/rules';
import type { HttpClientRuleDocs } from '../src/create-rule';

const root = path.join(import.meta.dirname, '..');
const ruleNames = Object.keys(rules);
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/u, ''));

describe('plugin', () => {
  it('has meta with the package name, version and namespace', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'http-client' });
  });

  it('exports every rule file, in alphabetical order', () => {
    expect(Object.keys(plugin.rules)).toEqual(ruleNames);
    expect(ruleNames).toEqual([...ruleFiles].sort());
    expect(ruleNames).toEqual([...ruleNames].sort());
  });

  describe.each(ruleNames)('%s', (name) => {
    const rule = rules[name];

    it('has a test file and a doc', () => {
      expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
      expect(existsSync(path.join(root, 'docs/rules', `${name}.md`))).toBe(true);
    });

    it('has a description in the house style and a docs url naming the rule', () => {
      expect(rule?.meta.docs?.description).toMatch(/^(Require|Disallow|Enforce|Prefer) .+[^.]$/u);
      expect(rule?.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`, 'u'));
    });

    it('has messages of one or two sentences that start with a capital or code and end with a period', () => {
      const messages = Object.entries(rule?.meta.messages ?? {});
      expect(messages.length).toBeGreaterThan(0);
      for (const [id, message] of messages) {
        expect(message, id).toMatch(/^[A-Z`].*\.$/su);
      }
    });

    it('says what is wrong and what to do in a first sentence of about 100 characters', () => {
      for (const [id, message] of Object.entries(rule?.meta.messages ?? {})) {
        // Placeholders stand for short code (`res`, `fetch`); count them as 8 characters each.
        const text = message.replaceAll(/\{\{\s*\w+\s*\}\}/gu, 'x'.repeat(8));
        const first = /^.*?[.:;](?=\s|$)/su.exec(text)?.[0] ?? text;
        expect(first.length, `${id}: ${message}`).toBeLessThanOrEqual(110);
      }
    });

    it('names suggestion messages with a `suggest` prefix', () => {
      const ids = Object.keys(rule?.meta.messages ?? {});
      if (rule?.meta.hasSuggestions === true) expect(ids.some((id) => id.startsWith('suggest'))).toBe(true);
      else expect(ids.filter((id) => id.startsWith('suggest'))).toEqual([]);
    });

    it('is a problem rule with a schema that rejects unknown options', () => {
      expect(rule?.meta.type).toBe('problem');
      const schema = rule?.meta.schema;
      const items = Array.isArray(schema) ? schema : [];
      for (const item of items as { type?: string; additionalProperties?: boolean }[]) {
        if (item.type === 'object') expect(item.additionalProperties).toBe(false);
      }
    });
  });
});

describe('configs', () => {
  const ruleEntries = (configName: keyof typeof plugin.configs) =>
    Object.keys(plugin.configs[configName].rules ?? {}).map((key) => key.replace(/^http-client\//u, ''));
  const docsOf = (name: string): HttpClientRuleDocs => rules[name]?.meta.docs ?? {};

  it('recommended holds exactly the rules marked recommended', () => {
    expect(ruleEntries('recommended')).toEqual(ruleNames.filter((name) => docsOf(name).recommended === true));
  });

  it('strict holds the recommended and the strict rules, with their strict options', () => {
    expect(ruleEntries('strict')).toEqual(
      ruleNames.filter((name) => docsOf(name).recommended === true || docsOf(name).strict === true),
    );
    for (const name of ruleEntries('strict')) {
      const options = docsOf(name).strictOptions;
      expect(plugin.configs.strict.rules?.[`http-client/${name}`]).toEqual(options ? ['error', ...options] : 'error');
    }
  });

  it('all holds every rule', () => {
    expect(ruleEntries('all')).toEqual(ruleNames);
  });

  it('oxlint holds the recommended rules that need no type information', () => {
    expect(ruleEntries('oxlint')).toEqual(
      ruleNames.filter((name) => docsOf(name).recommended === true && docsOf(name).requiresTypeChecking !== true),
    );
  });

  it('every preset registers the plugin under its namespace', () => {
    for (const config of Object.values(plugin.configs)) {
      expect(config.plugins?.['http-client']).toBe(plugin);
      expect(config.name).toMatch(/^http-client\//u);
    }
  });
});
