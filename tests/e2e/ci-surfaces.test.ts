import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../dist/index.mjs';

/**
 * The CI surfaces, through the `eslint` command line as a CI job runs it: SARIF from the standard
 * formatter (what `github/codeql-action/upload-sarif` takes), `--concurrency`, bulk suppressions for
 * adoption, and the typed-linting set-up with typescript-eslint's project service.
 */
const root = path.join(import.meta.dirname, '..', '..');
const ESLINT_BIN = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
const SARIF_FORMATTER = createRequire(import.meta.url).resolve('@microsoft/eslint-formatter-sarif');
const fileUrl = (file: string): string => JSON.stringify(pathToFileURL(file).href);
const DIST_URL = fileUrl(path.join(root, 'dist', 'index.mjs'));

interface Finding {
  file: string;
  ruleId: string | null;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number }[];
}

let work = '';

function eslintCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [ESLINT_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function findingsOf(cwd: string, results: readonly JsonResult[]): Finding[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
        ruleId: message.ruleId,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** A project with the examples and an `eslint.config.mjs` enabling the recommended preset. */
function createProject(name: string, copies = 1): string {
  const project = path.join(work, name);
  for (let copy = 0; copy < copies; copy++) {
    cpSync(path.join(root, 'examples'), path.join(project, copies === 1 ? 'examples' : `examples-${String(copy)}`), {
      recursive: true,
    });
  }
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  writeFileSync(
    path.join(project, 'eslint.config.mjs'),
    `import httpClient from ${DIST_URL};\nexport default [{ files: ['**/*.js'], ...httpClient.configs.recommended }];\n`,
  );
  return project;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'http-client-ci-'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('SARIF for code scanning', () => {
  interface SarifLog {
    version: string;
    $schema: string;
    runs: {
      tool: {
        driver: {
          name: string;
          rules: { id: string; helpUri: string; shortDescription: { text: string } }[];
        };
      };
      artifacts?: { location: { uri: string } }[];
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string; index?: number };
            region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
          };
        }[];
      }[];
    }[];
  }

  let project = '';
  let sarif: SarifLog;
  let json: JsonResult[];

  beforeAll(() => {
    project = createProject('sarif');
    const sarifRun = eslintCli(project, ['--format', SARIF_FORMATTER, '--output-file', 'eslint.sarif', 'examples']);
    expect(sarifRun.stderr).toBe('');
    expect(sarifRun.status).toBe(1);
    sarif = JSON.parse(readFileSync(path.join(project, 'eslint.sarif'), 'utf8')) as SarifLog;
    json = JSON.parse(eslintCli(project, ['--format', 'json', 'examples']).stdout) as JsonResult[];
  });

  it('is a SARIF 2.1.0 log with one ESLint run', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/u);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]?.tool.driver.name).toBe('ESLint');
  });

  it("describes each reported rule with its id, its description and its doc as helpUri", () => {
    const rules = sarif.runs[0]?.tool.driver.rules ?? [];
    const reported = new Set(json.flatMap((result) => result.messages.map((message) => message.ruleId)));
    expect(rules.map((rule) => rule.id).sort()).toEqual([...reported].sort());
    for (const rule of rules) {
      expect(rule.id).toMatch(/^http-client\//u);
      const meta = plugin.rules[rule.id.slice('http-client/'.length)]?.meta;
      expect(rule.helpUri).toBe(meta?.docs?.url);
      expect(rule.shortDescription.text).toBe(meta?.docs?.description);
    }
  });

  it('has one result per ESLint finding, pointing at the file, line and column, linked to its rule', () => {
    const run = sarif.runs[0];
    const rules = run?.tool.driver.rules ?? [];
    const results = run?.results ?? [];
    const fromSarif = results
      .map((result) => {
        const location = result.locations[0]?.physicalLocation;
        expect(result.level).toBe('error');
        expect(result.message.text.length).toBeGreaterThan(0);
        expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
        expect(location?.artifactLocation.uri).toMatch(/^file:\/\//u);
        const file = new URL(location?.artifactLocation.uri ?? 'file:///').pathname;
        return {
          file: path.relative(project, decodeURIComponent(file)).split(path.sep).join('/'),
          ruleId: result.ruleId,
          line: location?.region.startLine ?? 0,
          column: location?.region.startColumn ?? 0,
          endLine: location?.region.endLine,
          endColumn: location?.region.endColumn,
        };
      })
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    const expected = findingsOf(project, json);
    expect(expected.length).toBeGreaterThan(0);
    expect(fromSarif).toEqual(expected);
  });
});

describe('--concurrency', () => {
  // 8 copies of the examples: enough files for `auto` to start workers where it has the cores.
  const COPIES = 8;
  let project = '';
  let single: Finding[];
  let fileCount = 0;

  const lint = (concurrency: string): { findings: Finding[]; debug: string } => {
    const run = eslintCli(project, ['--format', 'json', `--concurrency=${concurrency}`, '.'], { DEBUG: 'eslint:eslint' });
    expect(run.status).toBe(1);
    return { findings: findingsOf(project, JSON.parse(run.stdout) as JsonResult[]), debug: run.stderr };
  };

  beforeAll(() => {
    project = createProject('concurrency', COPIES);
    const run = lint('off');
    expect(run.debug).toContain('Linting in single-thread mode.');
    single = run.findings;
    fileCount = new Set(single.map((finding) => finding.file)).size;
  });

  it('finds with two worker threads exactly what one thread finds', () => {
    const { findings, debug } = lint('2');
    expect(debug).toContain('Linting using 2 worker thread(s).');
    expect(single.length).toBeGreaterThan(0);
    expect(findings).toEqual(single);
  });

  it('finds with --concurrency=auto exactly what one thread finds', () => {
    const { findings, debug } = lint('auto');
    // ESLint's rule for `auto`: one worker per 50 files, at most half the available cores, and no
    // workers at all when that comes to one (so on a 2-core runner `auto` lints in one thread).
    const maxWorkers = availableParallelism() >> 1;
    const workers = maxWorkers > 1 ? Math.min(Math.ceil(fileCount / 50), maxWorkers) : 0;
    expect(debug).toContain(workers > 1 ? `Linting using ${String(workers)} worker thread(s).` : 'Linting in single-thread mode.');
    expect(findings).toEqual(single);
  });

  it('needs the plugin in a config file, not in API options, when workers are used', async () => {
    const eslint = (): ESLint =>
      new ESLint({
        cwd: project,
        concurrency: 2,
        overrideConfigFile: true,
        overrideConfig: [{ files: ['**/*.js'], ...(plugin.configs.recommended) }],
      });
    expect(eslint).toThrow(/"overrideConfig" cannot be cloned/u);
    const fromConfigFile = new ESLint({ cwd: project, concurrency: 2 });
    const results = (await fromConfigFile.lintFiles(['.'])) as unknown as JsonResult[];
    expect(findingsOf(project, results)).toEqual(single);
  });
});

describe('bulk suppressions for adoption', () => {
  it('suppresses today’s findings with --suppress-all and still reports new ones', () => {
    const project = createProject('suppressions');
    const baseline = eslintCli(project, ['--suppress-all', 'examples']);
    expect(baseline.status).toBe(0);
    const suppressions = JSON.parse(readFileSync(path.join(project, 'eslint-suppressions.json'), 'utf8')) as Record<
      string,
      Record<string, { count: number }>
    >;
    const rules = new Set(Object.values(suppressions).flatMap((byRule) => Object.keys(byRule)));
    expect([...rules].every((rule) => rule.startsWith('http-client/'))).toBe(true);
    expect(rules.size).toBeGreaterThan(0);

    expect(eslintCli(project, ['examples']).status).toBe(0);

    // A new unchecked request in a suppressed file is still an error.
    const file = path.join(project, 'examples', 'good', 'require-status-check.js');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}\nexport async function latest() {\n` +
        `  const res = await fetch('https://example.com/latest', { signal: AbortSignal.timeout(5000) });\n` +
        `  return res.json();\n}\n`,
    );
    const after = eslintCli(project, ['--format', 'json', 'examples']);
    expect(after.status).toBe(1);
    const findings = findingsOf(project, JSON.parse(after.stdout) as JsonResult[]);
    expect(findings.map((finding) => finding.file)).toEqual(
      findings.map(() => 'examples/good/require-status-check.js'),
    );
    expect(findings.map((finding) => finding.ruleId)).toContain('http-client/require-status-check');
  });
});

describe('typed linting with the project service', () => {
  let project = '';

  /** The documented recipe: typescript-eslint's parser with `projectService`, then the preset. */
  const typedConfig = (projectService: boolean): string =>
    `import tseslint from ${fileUrl(createRequire(import.meta.url).resolve('typescript-eslint'))};\n` +
    `import httpClient from ${DIST_URL};\n` +
    `export default [\n` +
    `  {\n    files: ['**/*.ts'],\n    languageOptions: {\n      parser: tseslint.parser,\n` +
    `      parserOptions: ${projectService ? '{ projectService: true, tsconfigRootDir: import.meta.dirname }' : '{}'},\n` +
    `    },\n  },\n  { files: ['**/*.ts'], ...httpClient.configs.recommended },\n];\n`;

  beforeAll(() => {
    project = path.join(work, 'typed');
    cpSync(path.join(root, 'tests', 'fixtures', 'surfaces', 'typed'), project, { recursive: true });
    writeFileSync(path.join(project, 'eslint.config.mjs'), typedConfig(true));
    writeFileSync(path.join(project, 'eslint.untyped.config.mjs'), typedConfig(false));
    expect(existsSync(path.join(project, 'tsconfig.json'))).toBe(true);
  });

  it('catches a Response-returning wrapper only with type information', () => {
    const typedRun = eslintCli(project, ['--format', 'json', 'src']);
    expect(typedRun.stderr).toBe('');
    const typed = findingsOf(project, JSON.parse(typedRun.stdout) as JsonResult[]);
    const untypedRun = eslintCli(project, ['--config', 'eslint.untyped.config.mjs', '--format', 'json', 'src']);
    const untyped = findingsOf(project, JSON.parse(untypedRun.stdout) as JsonResult[]);

    expect(untypedRun.status).toBe(0);
    expect(untyped).toEqual([]);
    expect(typedRun.status).toBe(1);
    // `const res = await getWithRetry(...)`: the status is never checked, so `.json()` is blind —
    // one problem, one report (the status rule's).
    const source = readFileSync(path.join(project, 'src', 'users.ts'), 'utf8').split('\n');
    const requestLine = source.findIndex((line) => line.includes('await getWithRetry(')) + 1;
    expect(requestLine).toBeGreaterThan(0);
    expect(typed.map(({ file, ruleId, line }) => ({ file, ruleId, line }))).toEqual([
      { file: 'src/users.ts', ruleId: 'http-client/require-status-check', line: requestLine },
    ]);
  });
});
