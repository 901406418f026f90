import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../dist/index.mjs';

/**
 * The oxlint surface: oxlint runs the built plugin through its JS plugins (`jsPlugins`) with the
 * rules of `configs.oxlint`, and must find on the examples exactly what ESLint finds with the same
 * rules. What differs is asserted precisely: oxlint gives no type information (so typed-only
 * detection is absent) and its JSON output counts columns in UTF-8 bytes.
 */
const root = path.join(import.meta.dirname, '..', '..');
const OXLINT = path.join(root, 'node_modules', 'oxlint', 'bin', 'oxlint');
const DIST = path.join(root, 'dist', 'index.mjs');

interface Finding {
  file: string;
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface OxlintDiagnostic {
  message: string;
  code: string;
  severity: string;
  filename: string;
  labels: { span: { offset: number; length: number; line: number; column: number } }[];
}

let work = '';

/** `.oxlintrc.json` content: only the plugin's rules, none of oxlint's built-in ones. */
function oxlintrc(settings?: Record<string, unknown>): Record<string, unknown> {
  return {
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [DIST],
    ...(settings ? { settings } : {}),
    rules: plugin.configs.oxlint.rules,
  };
}

function runOxlint(config: string, targets: readonly string[]): { diagnostics: OxlintDiagnostic[]; numberOfRules: number } {
  const result = spawnSync(process.execPath, [OXLINT, '-c', config, '-f', 'json', ...targets], {
    cwd: work,
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  // Exit status 1 means "errors found"; anything else is a crash or a bad configuration.
  expect([0, 1]).toContain(result.status);
  const output = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[]; number_of_rules: number };
  return { diagnostics: output.diagnostics, numberOfRules: output.number_of_rules };
}

/** Converts a UTF-8 byte offset of a file to an ESLint position (1-based line, UTF-16 column). */
function positionOfByte(text: string, byteOffset: number): { line: number; column: number } {
  const before = Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

/** oxlint findings with their spans converted to ESLint positions through the file text. */
function fromOxlint(diagnostics: readonly OxlintDiagnostic[]): Finding[] {
  return diagnostics.map((diagnostic) => {
    const span = diagnostic.labels[0]?.span ?? { offset: 0, length: 0, line: 0, column: 0 };
    const text = readFileSync(path.join(work, diagnostic.filename), 'utf8');
    const start = positionOfByte(text, span.offset);
    const end = positionOfByte(text, span.offset + span.length);
    // The line oxlint prints agrees with the span; its column is checked separately (bytes).
    expect(span.line).toBe(start.line);
    return {
      file: diagnostic.filename.split(path.sep).join('/'),
      ruleId: diagnostic.code.replace(/^(.+)\((.+)\)$/u, '$1/$2'),
      message: diagnostic.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  });
}

function eslintConfig(options: { typed?: boolean; settings?: Record<string, unknown> } = {}): Linter.Config[] {
  const shared = { ...plugin.configs.oxlint, ...(options.settings ? { settings: options.settings } : {}) } as Linter.Config;
  return [
    { ...shared, files: ['**/*.{js,mjs,cjs}'] },
    {
      ...shared,
      files: ['**/*.ts'],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: options.typed === true ? { projectService: true, tsconfigRootDir: path.join(work, 'typed') } : {},
      },
    },
  ];
}

async function runEslint(targets: readonly string[], options: Parameters<typeof eslintConfig>[0] = {}): Promise<Finding[]> {
  const eslint = new ESLint({ cwd: work, overrideConfigFile: true, overrideConfig: eslintConfig(options) });
  const results = await eslint.lintFiles([...targets]);
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(work, result.filePath).split(path.sep).join('/'),
      ruleId: message.ruleId ?? '(fatal)',
      message: message.message,
      line: message.line,
      column: message.column,
      endLine: message.endLine ?? message.line,
      endColumn: message.endColumn ?? message.column,
    })),
  );
}

const order = (a: Finding, b: Finding): number =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
const sorted = (findings: readonly Finding[]): Finding[] => [...findings].sort(order);

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'http-client-oxlint-'));
  cpSync(path.join(root, 'examples'), path.join(work, 'examples'), { recursive: true });
  cpSync(path.join(root, 'tests', 'fixtures', 'surfaces'), work, { recursive: true });
  writeFileSync(path.join(work, '.oxlintrc.json'), JSON.stringify(oxlintrc(), null, 2));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('oxlint with the plugin as a JS plugin', () => {
  it('runs the oxlint preset: the recommended rules except those that need type information', () => {
    const recommended = Object.keys(plugin.configs.recommended.rules ?? {});
    const typeOnly = Object.entries(plugin.rules)
      .filter(([, rule]) => (rule.meta?.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking === true)
      .map(([name]) => `http-client/${name}`);
    const oxlintRules = Object.keys(plugin.configs.oxlint.rules ?? {});
    expect(oxlintRules).toEqual(recommended.filter((name) => !typeOnly.includes(name)));
    expect(oxlintRules.length).toBeGreaterThan(0);

    // oxlint loads every one of them from the plugin (none of its own rules are on).
    const { numberOfRules } = runOxlint('.oxlintrc.json', ['examples/good']);
    expect(numberOfRules).toBe(oxlintRules.length);
  });

  it('finds on the examples what ESLint finds with the same rules: file, rule, message, start and end', async () => {
    const oxlint = sorted(fromOxlint(runOxlint('.oxlintrc.json', ['examples']).diagnostics));
    const eslint = sorted(await runEslint(['examples']));
    expect(eslint.length).toBeGreaterThan(0);
    expect(oxlint.filter((finding) => finding.file.startsWith('examples/good/'))).toEqual([]);
    expect(oxlint).toEqual(eslint);
  });

  it('prints columns in UTF-8 bytes where ESLint counts UTF-16 code units', async () => {
    const { diagnostics } = runOxlint('.oxlintrc.json', ['unicode.js']);
    const eslint = await runEslint(['unicode.js']);
    // Same report, same place, once the byte span is mapped back to the text...
    expect(fromOxlint(diagnostics)).toEqual(eslint);
    expect(eslint).toHaveLength(1);
    // ...but oxlint's printed column counts '¡' and 'ñ' as 2 and '🍮' as 4, ESLint's as 1, 1 and 2.
    const [finding] = eslint;
    const line = readFileSync(path.join(work, 'unicode.js'), 'utf8').split('\n')[(finding?.line ?? 1) - 1] ?? '';
    const byteColumn = Buffer.byteLength(line.slice(0, (finding?.column ?? 1) - 1)) + 1;
    expect(diagnostics[0]?.labels[0]?.span.column).toBe(byteColumn);
    expect(byteColumn - (finding?.column ?? 0)).toBe(4);
  });

  it('misses a Response-returning wrapper that only types reveal, unless settings name it', async () => {
    const targets = ['typed/src'];
    const typed = await runEslint(targets, { typed: true });
    const untyped = await runEslint(targets);
    const oxlint = fromOxlint(runOxlint('.oxlintrc.json', targets).diagnostics);

    // With typescript-eslint's project service, `getWithRetry(...)` is known to resolve with a
    // Fetch `Response`, so the unchecked status (which covers the blind `.json()`) is found...
    expect(typed.map((finding) => finding.ruleId)).toEqual(['http-client/require-status-check']);
    expect(typed.every((finding) => finding.file === 'typed/src/users.ts')).toBe(true);
    // ...without types (ESLint without a project, and always oxlint) they are not.
    expect(untyped).toEqual([]);
    expect(oxlint).toEqual([]);

    // Naming the wrapper in settings['http-client'] (it returns a Response and adds a deadline)
    // works on syntax alone, in both.
    const settings = { 'http-client': { fetchFunctions: ['getWithRetry'], timeoutFunctions: ['getWithRetry'] } };
    writeFileSync(path.join(work, 'settings.oxlintrc.json'), JSON.stringify(oxlintrc(settings), null, 2));
    const oxlintWithSettings = sorted(fromOxlint(runOxlint('settings.oxlintrc.json', targets).diagnostics));
    const eslintWithSettings = sorted(await runEslint(targets, { settings }));
    expect(oxlintWithSettings).toEqual(eslintWithSettings);
    expect(oxlintWithSettings).toEqual(sorted(typed));
  });

  /**
   * Writes an `oxlint.config.mjs` that reads `configs.oxlint.rules` from the given build of the
   * plugin, lints the examples with it, and returns the findings.
   */
  function lintWithJsConfig(name: string, loadRules: string): Finding[] {
    writeFileSync(
      path.join(work, name),
      `${loadRules}\n` +
        `export default {\n  plugins: [],\n  categories: { correctness: 'off' },\n` +
        `  jsPlugins: [${JSON.stringify(DIST)}],\n  rules: plugin.configs.oxlint.rules,\n};\n`,
    );
    return sorted(fromOxlint(runOxlint(name, ['examples']).diagnostics));
  }

  it('takes configs.oxlint.rules from a JavaScript config file that reads the CommonJS build', () => {
    const fromJs = lintWithJsConfig(
      'oxlint.config.mjs',
      `import { createRequire } from 'node:module';\n` +
        `const plugin = createRequire(import.meta.url)(${JSON.stringify(path.join(root, 'dist', 'index.cjs'))});`,
    );
    const fromJson = sorted(fromOxlint(runOxlint('.oxlintrc.json', ['examples']).diagnostics));
    expect(fromJs.length).toBeGreaterThan(0);
    expect(fromJs).toEqual(fromJson);
  });

  // oxlint reuses one `context.sourceCode` object for every file. A JavaScript config that imports
  // the ESM build evaluates the plugin before oxlint patches `WeakMap`, so per-file caches must be
  // keyed by `context.sourceCode.ast` (fresh per file), not by `context.sourceCode`.
  it('takes configs.oxlint.rules from a JavaScript config file that imports the ESM build', () => {
    const fromJs = lintWithJsConfig(
      'oxlint-esm.config.mjs',
      `import plugin from ${JSON.stringify(pathToFileURL(DIST).href)};`,
    );
    const fromJson = sorted(fromOxlint(runOxlint('.oxlintrc.json', ['examples']).diagnostics));
    expect(fromJs.length).toBeGreaterThan(0);
    expect(fromJs).toEqual(fromJson);
  });
});
