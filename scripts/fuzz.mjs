#!/usr/bin/env node
// Generated-program check: lints thousands of random valid programs that make HTTP calls (see
// scripts/lib/programs.mjs) with `configs.all` of the built plugin and asserts that no rule crashes,
// that every program is valid to begin with, and that every fix and suggestion yields code that
// parses and is idempotent (scripts/lib/check.mjs). fast-check shrinks a failure to a small program.
//
//   npm run fuzz                       5000 programs, a random seed
//   npm run fuzz -- --runs 20000 --seed 42
//   npm run fuzz -- --skip no-client-per-request     leave a rule out (repeatable)
//   npm run fuzz -- --json out.json    write the summary as JSON (scripts/real-world.mjs reads it)
import { writeFileSync } from 'node:fs';

import fc from 'fast-check';

import { createChecker } from './lib/check.mjs';
import { programArbitrary } from './lib/programs.mjs';

const args = process.argv.slice(2);
const valueOf = (flag) => {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
};
const runs = Number(valueOf('--runs') ?? 5000);
const seed = valueOf('--seed') === undefined ? Date.now() % 2 ** 31 : Number(valueOf('--seed'));
const pluginPath = process.env.HTTP_CLIENT_PLUGIN ?? '../dist/index.mjs';
const { default: plugin } = await import(pluginPath);

// `--skip <rule>` (repeatable) leaves a rule out, to look past a known failure.
const skipped = new Set(args.flatMap((arg, i) => (arg === '--skip' && args[i + 1] ? [`http-client/${args[i + 1]}`] : [])));
const all = plugin.configs.all;
const config = { ...all, rules: Object.fromEntries(Object.entries(all.rules ?? {}).filter(([id]) => !skipped.has(id))) };
const checker = createChecker({ plugin, config });
const { summary } = checker;
let programs = 0;
let lines = 0;
const started = performance.now();

/** Lints one program; throws with the program text when something is wrong. */
function check({ code, mode }, asTypeScript) {
  const before = {
    crashes: summary.crashes.length,
    parseFailures: summary.parseFailures.length,
    fixFailures: summary.fixFailures.length,
    suggestionFailures: summary.suggestionFailures.length,
  };
  // About half the programs are linted as TypeScript (syntax only), the rest as JavaScript.
  const filename = asTypeScript ? 'file.ts' : mode === 'module' ? 'file.mjs' : 'file.cjs';
  checker.checkFile(filename, code);
  const problems = [
    ...summary.crashes.slice(before.crashes).map((c) => `rule crash ${c.rule} (${c.stage}): ${c.message}\n${c.stack}`),
    ...summary.parseFailures.slice(before.parseFailures).map((f) => `the generated program does not parse: ${f.message}`),
    ...[...summary.fixFailures.slice(before.fixFailures), ...summary.suggestionFailures.slice(before.suggestionFailures)].map(
      (f) => `${f.rule} ${f.messageId}${f.suggestion ? ` suggestion ${f.suggestion}` : ''} line ${f.line}: ${f.reason}`,
    ),
  ];
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- ${filename} ---\n${code}`);
}

try {
  fc.assert(
    fc.property(programArbitrary, fc.boolean(), (program, asTypeScript) => {
      programs++;
      lines += program.code.split('\n').length;
      check(program, asTypeScript);
    }),
    { numRuns: runs, seed, includeErrorInReport: true },
  );
} catch (error) {
  console.error(String(error.message ?? error));
  process.exitCode = 1;
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`plugin ${plugin.meta.version}: ${Object.keys(config.rules).length} rules of configs.all${skipped.size ? ` (skipped: ${[...skipped].join(', ')})` : ''}`);
console.log(`seed ${seed}: ${programs} programs (${lines} lines) in ${seconds} s`);
console.log(`rule crashes ${summary.crashes.length}, generated programs that do not parse ${summary.parseFailures.length}`);
console.log(`reports: ${Object.entries(summary.reports).map(([id, n]) => `${id.replace('http-client/', '')} ${n}`).join(', ') || '(no rules)'}`);
console.log(`fixes checked ${summary.fixesChecked} (+${summary.fixSetsChecked} programs with all fixes applied), failures ${summary.fixFailures.length}`);
console.log(`suggestions checked ${summary.suggestionsChecked}, failures ${summary.suggestionFailures.length}`);

const jsonFile = valueOf('--json');
if (jsonFile) {
  const result = { group: `fuzz, seed ${seed}`, seed, runs, programs, lines, seconds: Number(seconds), ...summary };
  writeFileSync(jsonFile, `${JSON.stringify({ plugin: plugin.meta, rules: Object.keys(config.rules), results: [result] }, null, 2)}\n`);
}
