#!/usr/bin/env node
// Lints the real-world corpus with `configs.all` of the built plugin (`dist/index.mjs`) and checks
// every fix and suggestion (see scripts/lib/check.mjs). Exits non-zero on a rule crash or on a fix or
// suggestion whose output does not parse or is not idempotent.
//
//   npm run smoke                          the corpus (fetched by scripts/corpus.mjs when missing)
//   npm run smoke -- --typed               also lint the TypeScript slice with type information
//   npm run smoke -- --typed-only          only the TypeScript slice, with type information
//   npm run smoke -- --dir ../some-repo    lint other folders too (repeatable); --only-dirs skips the corpus
//   npm run smoke -- --reports out.txt     write every report with its source line, for review
//   npm run smoke -- --json out.json       write the summary as JSON
//   npm run smoke -- --skip <rule>         leave a rule out, to look past a known failure (repeatable)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const { default: plugin } = await import(process.env.HTTP_CLIENT_PLUGIN ?? '../dist/index.mjs');
import { CORPUS_DIR, loadCorpus } from './corpus.mjs';
import { createChecker, sourceTypeOf } from './lib/check.mjs';

const args = process.argv.slice(2);
const valuesOf = (flag) => args.flatMap((arg, i) => (arg === flag && args[i + 1] ? [args[i + 1]] : []));
const typedOnly = args.includes('--typed-only');
const typedRun = typedOnly || args.includes('--typed');
const onlyDirs = args.includes('--only-dirs');
const reportsFile = valuesOf('--reports')[0];
const jsonFile = valuesOf('--json')[0];
const extraDirs = valuesOf('--dir').map((dir) => path.resolve(dir));

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/u;
const SKIPPED_FILE = /\.d\.[cm]?ts$|\.min\.js$/u;
const SKIPPED_DIR = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', 'vendor', '.next', 'out']);

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIR.has(entry.name) && !entry.name.startsWith('.')) walk(full, out);
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !SKIPPED_FILE.test(entry.name)) {
      if (statSync(full).size <= 512 * 1024) out.push(full);
    }
  }
  return out;
}

const groups = [];
if (!onlyDirs) {
  const manifest = loadCorpus({ log: () => undefined });
  const commonjs = new Set(manifest.packages.flatMap((p) => p.commonjs.map((f) => path.join(CORPUS_DIR, f))));
  if (!typedOnly) groups.push({
    name: 'corpus',
    cwd: CORPUS_DIR,
    files: manifest.packages.flatMap((p) => p.files.map((f) => path.join(CORPUS_DIR, f))),
    sourceTypeOf: (file) => (commonjs.has(file) ? 'commonjs' : 'module'),
  });
  if (typedRun) {
    groups.push({
      name: 'corpus, typed slice',
      cwd: CORPUS_DIR,
      typed: { tsconfigRootDir: CORPUS_DIR },
      files: manifest.typedFiles.map((f) => path.join(CORPUS_DIR, f)),
    });
  }
}
for (const dir of extraDirs) groups.push({ name: path.basename(dir), cwd: dir, files: walk(dir) });

// `--skip <rule>` (repeatable) leaves a rule out, to look past a known failure.
const skipped = new Set(valuesOf('--skip').map((name) => `http-client/${name}`));
const all = plugin.configs.all;
const config = { ...all, rules: Object.fromEntries(Object.entries(all.rules ?? {}).filter(([id]) => !skipped.has(id))) };
const ruleNames = Object.keys(config.rules);
console.log(`plugin ${plugin.meta.version}: ${ruleNames.length} rules in configs.all${ruleNames.length ? `: ${ruleNames.join(', ')}` : ''}`);

const reportLines = [];
const results = [];
let failed = false;
for (const group of groups) {
  const started = performance.now();
  const checker = createChecker({ plugin, config, cwd: group.cwd, typed: group.typed ?? null });
  for (const file of group.files) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(group.cwd, file);
    const sourceType = group.sourceTypeOf ? group.sourceTypeOf(file) : sourceTypeOf(file, group.cwd);
    const result = checker.checkFile(file, text, { sourceType, file: rel });
    if (reportsFile && result.messages) {
      const lines = text.split('\n');
      for (const m of result.messages) {
        reportLines.push(`${group.name}: ${rel}:${m.line}:${m.column} ${m.ruleId} ${m.messageId ?? ''}\n    ${(lines[m.line - 1] ?? '').trim().slice(0, 200)}\n    ${m.message}`);
      }
    }
  }
  const s = checker.summary;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  results.push({ group: group.name, seconds: Number(seconds), ...s });
  console.log(`\n== ${group.name}: ${s.files} files in ${seconds} s`);
  console.log(`parsed ${s.parsed}, parse failures of the input ${s.parseFailures.length}, rule crashes ${s.crashes.length}`);
  console.log(`reports: ${Object.entries(s.reports).map(([id, n]) => `${id.replace('http-client/', '')} ${n}`).join(', ') || '(no rules)'}`);
  console.log(`fixes checked ${s.fixesChecked} (+${s.fixSetsChecked} files with all fixes applied), failures ${s.fixFailures.length}`);
  console.log(`suggestions checked ${s.suggestionsChecked}, failures ${s.suggestionFailures.length}`);
  for (const f of s.parseFailures.slice(0, 20)) console.log(`  parse failure: ${f.file}: ${f.message}`);
  for (const c of s.crashes) console.log(`  CRASH ${c.rule} (${c.stage}) in ${c.file}: ${c.message}\n${c.stack}`);
  for (const f of [...s.fixFailures, ...s.suggestionFailures]) {
    console.log(`  FIX FAILURE ${f.rule} ${f.messageId}${f.suggestion ? ` suggestion ${f.suggestion}` : ''} in ${f.file}:${f.line}: ${f.reason}`);
    if (f.snippet) console.log(f.snippet.split('\n').map((l) => `      | ${l}`).join('\n'));
  }
  if (s.crashes.length > 0 || s.fixFailures.length > 0 || s.suggestionFailures.length > 0) failed = true;
}

if (reportsFile) writeFileSync(reportsFile, `${reportLines.join('\n')}\n`);
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ plugin: plugin.meta, rules: ruleNames, results }, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
