#!/usr/bin/env node
// Runs the real-world checks and writes their table into docs/benchmarks.md ("Real-world check
// results", between the `real-world-table` markers): the pinned corpus (`npm run smoke`), its
// TypeScript slice with type information, and generated programs with two fixed seeds (`npm run fuzz`).
//
//   npm run real-world                       run everything, then write the table
//   npm run real-world -- --from a.json ...  only write the table from earlier `--json` summaries
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { renderRealWorldTable, replaceBetweenMarkers } from './lib/real-world-table.mjs';

const root = path.join(import.meta.dirname, '..');
const DOC = path.join(root, 'docs', 'benchmarks.md');
const args = process.argv.slice(2);
const from = args.includes('--from') ? args.slice(args.indexOf('--from') + 1) : [];

/** The runs: a label for the table, and the script with its arguments. */
const RUNS = [
  { label: '`npm run smoke` (pinned corpus)', script: 'smoke.mjs', args: [] },
  { label: '`npm run smoke -- --typed-only` (TypeScript slice, project service)', script: 'smoke.mjs', args: ['--typed-only'] },
  { label: '`npm run fuzz -- --runs 1500 --seed 2026`', script: 'fuzz.mjs', args: ['--runs', '1500', '--seed', '2026'] },
  { label: '`npm run fuzz -- --runs 3000 --seed 7`', script: 'fuzz.mjs', args: ['--runs', '3000', '--seed', '7'] },
];

const rows = [];
if (from.length > 0) {
  for (const file of from) {
    const summary = JSON.parse(readFileSync(file, 'utf8'));
    for (const result of summary.results) rows.push({ label: result.group, plugin: summary.plugin, rules: summary.rules, result });
  }
} else {
  const work = mkdtempSync(path.join(tmpdir(), 'http-client-real-world-'));
  try {
    for (const [index, run] of RUNS.entries()) {
      const json = path.join(work, `${String(index)}.json`);
      console.log(`running ${run.label}`);
      // A failing check exits non-zero after writing its summary: the table shows the failure.
      try {
        execFileSync(process.execPath, [path.join(root, 'scripts', run.script), ...run.args, '--json', json], { stdio: 'inherit' });
      } catch {
        process.exitCode = 1;
      }
      const summary = JSON.parse(readFileSync(json, 'utf8'));
      for (const result of summary.results) rows.push({ label: run.label, plugin: summary.plugin, rules: summary.rules, result });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const date = new Date().toISOString().slice(0, 10);
const table = renderRealWorldTable(rows, date);
writeFileSync(DOC, replaceBetweenMarkers(readFileSync(DOC, 'utf8'), 'real-world-table', table));
console.log(`\n${table}\nwrote ${path.relative(root, DOC)}`);
