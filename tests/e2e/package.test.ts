import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packs the plugin as npm would publish it, installs the tarball into fresh projects with ESLint 9
 * and ESLint 10, and lints the bundled examples there through the `recommended` preset.
 */
const root = path.join(import.meta.dirname, '..', '..');
const ESLINT_VERSIONS = ['9.39.5', '10.15.0'] as const;

interface Finding {
  file: string;
  ruleId: string | null;
  line: number;
  column: number;
}

let workDir = '';
let tarball = '';

function run(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Lints `examples/` with the given plugin entry and returns the findings in a stable order. */
function lintScript(pluginSpecifier: string): string {
  return `
import { ESLint } from 'eslint';
import plugin from ${JSON.stringify(pluginSpecifier)};
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['examples/**/*.{js,mjs,cjs}'], ...plugin.configs.recommended },
    { files: ['examples/**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ],
});
const results = await eslint.lintFiles(['examples/**/*.{js,mjs,cjs}']);
const findings = results.flatMap((result) =>
  result.messages.map((message) => ({
    file: result.filePath.slice(process.cwd().length + 1),
    ruleId: message.ruleId,
    line: message.line,
    column: message.column,
  })),
);
console.log(JSON.stringify({ version: ESLint.version, findings }));
`;
}

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'http-client-e2e-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', workDir], root)) as { filename: string }[];
  tarball = path.join(workDir, packed[0]?.filename ?? '');
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('packed package', () => {
  it('ships the built entry points and the rule docs, and nothing from the sources or tests', () => {
    const listing = run('tar', ['-tzf', tarball], root).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/index.mjs');
    expect(listing).toContain('package/dist/index.cjs');
    expect(listing).toContain('package/dist/index.d.mts');
    expect(listing).toContain('package/dist/index.d.cts');
    expect(listing.filter((file) => file.startsWith('package/docs/rules/')).length).toBe(
      readdirSync(path.join(root, 'docs/rules')).length,
    );
    expect(listing.some((file) => file.startsWith('package/src/') || file.startsWith('package/tests/'))).toBe(false);
  });

  /** The same lint run from the repository, against the freshly built `dist/`. */
  const inRepo = (): Finding[] => {
    const entry = pathToFileURL(path.join(root, 'dist', 'index.mjs')).href;
    return (JSON.parse(run('node', ['--input-type=module', '-e', lintScript(entry)], root)) as { findings: Finding[] })
      .findings;
  };

  describe.each(ESLINT_VERSIONS)('with ESLint %s', (eslintVersion) => {
    let project = '';

    beforeAll(() => {
      project = path.join(workDir, `eslint-${eslintVersion}`);
      cpSync(path.join(root, 'examples'), path.join(project, 'examples'), { recursive: true });
      writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'e2e', private: true, type: 'module' }));
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `eslint@${eslintVersion}`, tarball], project);
    });

    it('lints the examples with the recommended preset and finds what the sources find', () => {
      const output = JSON.parse(run('node', ['--input-type=module', '-e', lintScript('eslint-plugin-http-client')], project)) as {
        version: string;
        findings: Finding[];
      };
      expect(output.version).toBe(eslintVersion);
      const findings = output.findings;
      expect(findings.filter((finding) => finding.file.startsWith('examples/good/'))).toEqual([]);
      expect(findings.every((finding) => finding.ruleId?.startsWith('http-client/'))).toBe(true);
      const badFiles = new Set(findings.map((finding) => finding.file));
      for (const file of readdirSync(path.join(root, 'examples', 'bad'))) {
        if (/\.(?:c|m)?js$/u.test(file)) expect(badFiles).toContain(`examples/bad/${file}`);
      }
      expect(findings).toEqual(inRepo());
    });

    it('returns the plugin itself from require()', () => {
      const requireFromProject = createRequire(path.join(project, 'package.json'));
      const resolved = requireFromProject.resolve('eslint-plugin-http-client');
      const output = run(
        'node',
        ['-e', `const p = require(${JSON.stringify(resolved)}); console.log(JSON.stringify({ name: p.meta.name, rules: Object.keys(p.rules), configs: Object.keys(p.configs) }))`],
        project,
      );
      const loaded = JSON.parse(output) as { name: string; rules: string[]; configs: string[] };
      expect(loaded.name).toBe('eslint-plugin-http-client');
      expect(loaded.configs.sort()).toEqual(['all', 'oxlint', 'recommended', 'strict']);
    });
  });
});
