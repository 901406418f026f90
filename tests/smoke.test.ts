// The fast slice of the smoke run (`npm run smoke`) and the generated-program check (`npm run fuzz`):
// a handful of realistic files and a few hundred generated programs, linted with `configs.all`.
// No rule may crash, and every fix and suggestion must give code that parses and is idempotent.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Summary } from '../scripts/lib/check.mjs';
import { applyFixes, createChecker } from '../scripts/lib/check.mjs';
import { makeProgramArbitrary } from '../scripts/lib/programs.mjs';
import plugin from '../src/index';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'smoke');
const fixtureFiles = readdirSync(FIXTURES).filter((file) => /\.[cm]?[jt]s$/u.test(file));

/** Every problem a checker recorded, one line each, so a failing test prints them all. */
function problemsOf(summary: Summary): string[] {
  return [
    ...summary.crashes.map((c) => `crash ${c.rule} (${c.stage}) in ${c.file}: ${c.message}\n${c.stack}`),
    ...summary.parseFailures.map((f) => `input does not parse: ${f.file}: ${f.message}`),
    ...[...summary.fixFailures, ...summary.suggestionFailures].map(
      (f) => `${f.rule} ${f.messageId}${f.suggestion ? ` suggestion ${f.suggestion}` : ''} in ${f.file}:${f.line}: ${f.reason}`,
    ),
  ];
}

describe('smoke: realistic files', () => {
  it.each(fixtureFiles)('%s: no crash, fixes and suggestions parse', (file) => {
    const checker = createChecker({ plugin, cwd: FIXTURES });
    checker.checkFile(path.join(FIXTURES, file), readFileSync(path.join(FIXTURES, file), 'utf8'), { file });
    expect(problemsOf(checker.summary)).toEqual([]);
    expect(checker.summary.parsed).toBe(1);
  });
});

describe('smoke: generated programs', () => {
  it('lints a few hundred random programs without a crash', () => {
    const checker = createChecker({ plugin });
    let index = 0;
    fc.assert(
      fc.property(makeProgramArbitrary({ maxDeclarations: 2 }), ({ code, mode }) => {
        const before = problemsOf(checker.summary).length;
        // One program in four as TypeScript (syntax only): its parser is slower.
        const filename = index++ % 4 === 0 ? 'file.ts' : mode === 'module' ? 'file.mjs' : 'file.cjs';
        checker.checkFile(filename, code);
        const problems = problemsOf(checker.summary).slice(before);
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- ${filename} ---\n${code}`);
      }),
      { numRuns: 200, seed: Number(process.env.FUZZ_SEED ?? 20_251_125) },
    );
    expect(checker.summary.parsed).toBe(checker.summary.files);
  });
});

describe('smoke: the checker itself', () => {
  const crashing = {
    meta: { type: 'problem' as const, schema: [], fixable: 'code' as const, hasSuggestions: true, messages: { m: 'M.', s: 'S.' } },
    create(context: { report: (descriptor: object) => void }) {
      return {
        'CallExpression[callee.name="boom"]'() {
          throw new TypeError('boom');
        },
        'CallExpression[callee.name="broken"]'(node: { range: [number, number] }) {
          context.report({
            node,
            messageId: 'm',
            fix: (fixer: { insertTextBefore: (n: object, t: string) => unknown }) => fixer.insertTextBefore(node, '('),
            suggest: [{ messageId: 's', fix: (fixer: { insertTextAfter: (n: object, t: string) => unknown }) => fixer.insertTextAfter(node, ')') }],
          });
        },
      };
    },
  };
  const fake = { rules: { probe: crashing }, configs: { all: {} } };
  fake.configs.all = { plugins: { 'http-client': fake }, rules: { 'http-client/probe': 'error' } };

  it('counts crashes, parse failures and broken fixes apart', () => {
    const checker = createChecker({ plugin: fake });
    checker.checkFile('a.js', 'boom();\n');
    checker.checkFile('b.js', 'const = 1;\n');
    checker.checkFile('c.js', 'broken();\n');
    const { summary } = checker;
    expect(summary.crashes.map((c) => c.rule)).toEqual(['http-client/probe']);
    expect(summary.parseFailures.map((f) => f.file)).toEqual(['b.js']);
    expect(summary.fixFailures.map((f) => f.reason)).toEqual([
      expect.stringContaining('fix output does not parse'),
      expect.stringContaining('fix-all output does not parse'),
    ]);
    expect(summary.suggestionFailures.map((f) => f.reason)).toEqual([expect.stringContaining('suggestion output does not parse')]);
  });

  it('applies non-overlapping fixes in order', () => {
    expect(
      applyFixes('abcdef', [
        { range: [4, 5], text: 'E' },
        { range: [0, 1], text: 'A' },
        { range: [0, 2], text: 'skipped' },
      ]),
    ).toBe('AbcdEf');
  });
});
