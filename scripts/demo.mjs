#!/usr/bin/env node
// Lints the bundled examples with the `recommended` preset and prints ESLint's usual report, then
// how many problems each rule found. The examples under `examples/good/` must produce none.
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import plugin from '../dist/index.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['examples/**/*.{js,mjs,cjs,ts}'], ...plugin.configs.recommended },
    { files: ['examples/**/*.ts'], languageOptions: { parser: tsParser } },
    { files: ['examples/**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ],
});

const results = await eslint.lintFiles(['examples/']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const perRule = new Map();
let goodProblems = 0;
for (const result of results) {
  const isGood = path.relative(root, result.filePath).startsWith(path.join('examples', 'good'));
  for (const message of result.messages) {
    if (isGood) goodProblems += 1;
    const key = message.ruleId ?? '(parse error)';
    perRule.set(key, (perRule.get(key) ?? 0) + 1);
  }
}

console.log('Problems per rule (recommended preset):');
for (const name of Object.keys(plugin.configs.recommended.rules).sort()) {
  console.log(`  ${name.padEnd(48)} ${perRule.get(name) ?? 0}`);
}
for (const [name, count] of perRule) {
  if (!(name in plugin.configs.recommended.rules)) console.log(`  ${name.padEnd(48)} ${count}`);
}
if (goodProblems > 0) {
  console.error(`\n${goodProblems} problem(s) in examples/good/: the correct examples must lint clean.`);
  process.exitCode = 1;
} else {
  console.log('\nexamples/good/: no problems.');
}
