import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index';

/**
 * Every rule doc's examples are linted with the rule at its default options: each block under
 * "❌ Incorrect" must be reported, each block under "✅ Correct" must not, and every block must parse.
 */
const docsDir = path.join(import.meta.dirname, '..', 'docs', 'rules');

interface Block {
  kind: 'correct' | 'incorrect';
  code: string;
  line: number;
}

/** The `js` code blocks under the "❌ Incorrect" and "✅ Correct" headings of a rule doc. */
function exampleBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let kind: Block['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.startsWith('#')) {
      kind = /^###\s+❌/u.test(line) ? 'incorrect' : /^###\s+✅/u.test(line) ? 'correct' : undefined;
      continue;
    }
    if (kind && /^```(?:js|javascript|jsx)\s*$/u.test(line)) {
      const start = index + 1;
      let end = start;
      while (end < lines.length && !(lines[end] ?? '').startsWith('```')) end++;
      blocks.push({ kind, code: lines.slice(start, end).join('\n'), line: start + 1 });
      index = end;
    }
  }
  return blocks;
}

const linter = new Linter();
const docs = readdirSync(docsDir).filter((file) => file.endsWith('.md'));

describe('rule docs', () => {
  it('document every rule', () => {
    expect(docs.map((file) => file.replace(/\.md$/u, '')).sort()).toEqual(Object.keys(plugin.rules).sort());
  });

  describe.each(docs)('%s', (file) => {
    const rule = file.replace(/\.md$/u, '');
    const blocks = exampleBlocks(readFileSync(path.join(docsDir, file), 'utf8'));

    it('has incorrect and correct examples', () => {
      expect(blocks.some((block) => block.kind === 'incorrect')).toBe(true);
      expect(blocks.some((block) => block.kind === 'correct')).toBe(true);
    });

    it.each(blocks.map((block) => [`${block.kind} example at line ${String(block.line)}`, block] as const))(
      '%s',
      (_, block) => {
        const messages = linter.verify(
          block.code,
          [
            {
              plugins: { 'http-client': plugin },
              languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
              rules: { [`http-client/${rule}`]: 'error' },
            },
          ],
          `${rule}.example.js`,
        );
        expect(messages.filter((message) => message.fatal === true)).toEqual([]);
        const reports = messages.filter((message) => message.ruleId === `http-client/${rule}`);
        if (block.kind === 'incorrect') expect(reports.length).toBeGreaterThan(0);
        else expect(reports.map((report) => `${String(report.line)}: ${report.message}`)).toEqual([]);
      },
    );
  });
});
