#!/usr/bin/env node
// What the plugin costs (`npm run bench`). Loads the built plugin from `dist/index.mjs` and measures:
// 1. overhead: ESLint over the corpus with `configs.all` against the same ESLint with no rules
//    (parse and traversal only), alternating runs in one process, median ratio;
// 2. per-rule time (ESLint `stats: true`) next to well-known rules as reference points;
// 3. scaling: generated files with 1x, 10x and 100x as many request sites;
// 4. peak RSS of a run with and without the plugin (child processes, `process.resourceUsage()`);
// 5. typed mode: the same comparison with typescript-eslint's project service on the TypeScript
//    slice of the corpus (child processes, so each run builds its own program).
//
//   npm run bench                        everything: 5 alternating runs, 3 typed runs
//   npm run bench -- --runs 3 --typed-runs 1 --only overhead,rules,scaling,rss,typed
//   npm run bench -- --only profile      CPU profiles of the corpus and of a generated file, by rule and source file
//   npm run bench -- --docs              also write the results into docs/benchmarks.md
//   npm run bench -- --strict            exit 1 if any goal below is missed (otherwise always 0)
//
// The goals are printed last, each with its measured figure and PASS or MISS, or "not measured"
// when this invocation skipped the part that measures it (see `--only`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import promisePlugin from 'eslint-plugin-promise';
import unicornPlugin from 'eslint-plugin-unicorn';

import { CORPUS_DIR, loadCorpus, SMOKE_DIR } from './corpus.mjs';

/**
 * The goals, one row each; `max` is the largest figure that passes. Figures are ratios.
 * docs/benchmarks.md ("Goals") says how to read them.
 */
const GOALS = {
  rulesShareOfNoRuleRun: { max: 0.02, label: "rules' own time (ESLint stats) / no-rule run wall time" },
  ratioToNoopRule: { max: 1.03, label: 'configs.all / one no-op rule, wall time, median of rotated runs' },
  scalingRulesTime: { max: 11, label: "10x request sites: rules' own time ratio" },
  typedTime: { max: 1.1, label: 'typed mode, configs.all / no plugin, wall time (median ratio)' },
  typedPeakRss: { max: 1.15, label: 'typed mode, configs.all / no plugin, peak RSS (ratio of medians)' },
};

const root = path.join(import.meta.dirname, '..');
const pluginPath = process.env.HTTP_CLIENT_PLUGIN ?? '../dist/index.mjs';
const { default: plugin } = await import(pluginPath);

const args = process.argv.slice(2);
const valueOf = (flag) => {
  const i = args.indexOf(flag);
  return i === -1 ? undefined : args[i + 1];
};
const RUNS = Number(valueOf('--runs') ?? 5);
const TYPED_RUNS = Number(valueOf('--typed-runs') ?? 3);
const STRICT = args.includes('--strict');
const ONLY = new Set((valueOf('--only') ?? 'overhead,rules,scaling,rss,typed').split(','));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;
const pct = (ratio) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`;

/** The plugin's rules as `configs.all` sets them. */
const pluginRules = plugin.configs.all.rules ?? {};
/**
 * A rule that does nothing: ESLint with one rule enabled does per-file work (rule contexts, the
 * listener dispatch over the traversal) that it skips with none, so "configs.all against one no-op
 * rule" is the plugin's own cost in a project that has any rule at all.
 */
const noopRule = { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) };
const NOOP_RULES = { 'bench/noop': 'error' };
const REFERENCE_RULES = {
  'promise/catch-or-return': 'error',
  'unicorn/no-useless-promise-resolve-reject': 'error',
  'no-unused-vars': 'error',
};

/**
 * The flat config for a run: the same languages and parsers with or without rules. `.js` files get
 * the source type of their package; TypeScript files the typescript-eslint parser (with the project
 * service in typed mode).
 */
function configFor({ rules, typed = false, cjs = new Set() }) {
  return [
    { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    {
      files: [(file) => cjs.has(file), '**/*.cjs'],
      languageOptions: { sourceType: 'commonjs' },
    },
    {
      files: ['**/*.ts', '**/*.mts', '**/*.cts'],
      languageOptions: {
        parser: tsParser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: CORPUS_DIR } : {},
      },
    },
    {
      plugins: { 'http-client': plugin, promise: promisePlugin, unicorn: unicornPlugin, bench: { rules: { noop: noopRule } } },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules,
    },
  ];
}

function corpusFiles() {
  const manifest = loadCorpus({ log: () => undefined });
  const files = manifest.packages.flatMap((p) => p.files.map((f) => path.join(CORPUS_DIR, f)));
  const cjs = new Set(manifest.packages.flatMap((p) => p.commonjs.map((f) => path.join(CORPUS_DIR, f))));
  const lines = manifest.packages.reduce((n, p) => n + p.lines, 0);
  const typedFiles = manifest.typedFiles.map((f) => path.join(CORPUS_DIR, f));
  return { files, cjs, lines, typedFiles, manifest };
}

async function lintOnce({ files, cjs, rules, typed = false, stats = false }) {
  const eslint = new ESLint({ cwd: CORPUS_DIR, overrideConfigFile: true, overrideConfig: configFor({ rules, typed, cjs }), stats });
  const started = performance.now();
  const results = await eslint.lintFiles(files);
  const elapsed = performance.now() - started;
  const fatal = results.reduce((n, r) => n + r.messages.filter((m) => m.fatal).length, 0);
  const problems = results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('http-client/')).length, 0);
  return { elapsed, results, fatal, problems };
}

/** A generated file with `blocks` blocks of five request sites each (fetch, axios, got, ky, a fan-out). */
function scalingText(blocks) {
  const block = (i) => `
async function load${i}(url, items, options) {
  const res = await fetch(\`\${url}/a/${i}\`);
  const body = await res.json();
  const { data } = await axios.get(url + '/b/${i}', { timeout: 5000 });
  const page = await got(url, { searchParams: { page: ${i} } }).json();
  await Promise.all(items.map((item) => fetch(\`\${url}/c/\${item}\`).then((r) => r.text())));
  try {
    await ky.post(url, { json: data });
  } catch (err) {
    console.error(err.response.status);
  }
  return { body, data, page };
}
`;
  const header = "import axios from 'axios';\nimport got from 'got';\nimport ky from 'ky';\n";
  let text = header;
  for (let i = 0; i < blocks; i++) text += block(i);
  return text;
}

// A child process under `--cpu-prof`: one lint with configs.all, of the corpus or of the largest
// generated file; the profile is written when it exits.
if (args[0] === '--child-profile') {
  const what = args[1];
  if (what === 'scaling') {
    const dir = path.join(SMOKE_DIR, 'scaling');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'profile-2000-blocks.mjs');
    writeFileSync(file, scalingText(2000));
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configFor({ rules: pluginRules }) });
    await eslint.lintFiles([file]);
  } else {
    const { files, cjs } = corpusFiles();
    await lintOnce({ files, cjs, rules: pluginRules });
  }
  process.exit(0);
}

// A child process: one run, prints its time and peak RSS.
if (args[0] === '--child') {
  const [, what, typedFlag] = args;
  const { files, cjs, typedFiles } = corpusFiles();
  const typed = typedFlag === 'typed';
  const run = await lintOnce({ files: typed ? typedFiles : files, cjs, rules: what === 'plugin' ? pluginRules : {}, typed });
  const maxRSS = process.resourceUsage().maxRSS;
  // What stays on the heap after a full collection, with the results still held: caches a rule
  // forgot to release would show here, unlike in the peak, which follows the collector's mood.
  globalThis.gc?.();
  const retained = process.memoryUsage().heapUsed / 1024;
  process.stdout.write(JSON.stringify({ elapsed: run.elapsed, maxRSS, retained, fatal: run.fatal, problems: run.problems }));
  process.exit(0);
}

function child(what, typed = false) {
  const out = execFileSync(process.execPath, ['--expose-gc', path.join(import.meta.dirname, 'bench.mjs'), '--child', what, typed ? 'typed' : 'plain'], {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out);
}

const log = (line = '') => console.log(line);
/** The results of one part, printed now and kept for docs/benchmarks.md. */
const sections = {};
function section(key, title, lines) {
  sections[key] = { title, lines };
  log(`\n## ${title}`);
  for (const line of lines) log(line);
}

const corpus = corpusFiles();
const ruleIds = Object.keys(pluginRules);
const header = [
  `plugin ${plugin.meta.version} with ${ruleIds.length} rules (configs.all): ${ruleIds.map((r) => r.replace('http-client/', '')).join(', ') || '(none)'}`,
  `corpus: ${corpus.files.length} files, ${corpus.lines.toLocaleString('en-US')} lines; typed slice ${corpus.typedFiles.length} files`,
];
for (const line of header) log(line);
const results = { ruleIds, corpus: { files: corpus.files.length, lines: corpus.lines, typedFiles: corpus.typedFiles.length } };

// 1. Overhead, alternating: no rules, one no-op rule, configs.all.
if (ONLY.has('overhead')) {
  const variants = { base: {}, noop: NOOP_RULES, plugin: pluginRules };
  for (const rules of Object.values(variants)) await lintOnce({ ...corpus, rules });
  const times = { base: [], noop: [], plugin: [] };
  const ratios = [];
  const noopRatios = [];
  let problems = 0;
  let fatal = 0;
  const names = Object.keys(variants);
  for (let run = 0; run < RUNS; run++) {
    // Rotate the order so that no variant always runs first or last.
    const order = names.map((_, i) => names[(i + run) % names.length]);
    const current = {};
    for (const which of order) {
      const r = await lintOnce({ ...corpus, rules: variants[which] });
      current[which] = r.elapsed;
      times[which].push(r.elapsed);
      if (which === 'plugin') problems = r.problems;
      fatal = r.fatal;
    }
    ratios.push(current.plugin / current.base);
    noopRatios.push(current.plugin / current.noop);
  }
  results.overhead = {
    base: median(times.base),
    noop: median(times.noop),
    plugin: median(times.plugin),
    ratio: median(ratios),
    ratioToNoop: median(noopRatios),
    ratios,
    noopRatios,
    problems,
    fatal,
  };
  section('overhead', `Overhead on the corpus (${RUNS} runs, order rotated)`, [
    `no rules: median ${ms(median(times.base))}; one no-op rule: median ${ms(median(times.noop))}; configs.all: median ${ms(median(times.plugin))}`,
    `configs.all / no rules: median ratio ${median(ratios).toFixed(3)} (${pct(median(ratios))}); per run ${ratios.map((r) => r.toFixed(3)).join(', ')}`,
    `configs.all / one no-op rule: median ratio ${median(noopRatios).toFixed(3)} (${pct(median(noopRatios))}); per run ${noopRatios.map((r) => r.toFixed(3)).join(', ')}`,
    `${problems} reports, ${fatal} parse failures`,
  ]);
}

// 2. Per-rule time with ESLint stats.
if (ONLY.has('rules')) {
  const rules = { ...pluginRules, ...REFERENCE_RULES };
  const perRule = Object.fromEntries(Object.keys(rules).map((id) => [id, []]));
  const parse = [];
  const totals = [];
  for (let run = 0; run < Math.max(3, Math.ceil(RUNS / 2)); run++) {
    const r = await lintOnce({ ...corpus, rules, stats: true });
    const sums = Object.fromEntries(Object.keys(rules).map((id) => [id, 0]));
    let parseMs = 0;
    let total = 0;
    for (const result of r.results) {
      for (const pass of result.stats?.times.passes ?? []) {
        parseMs += pass.parse?.total ?? 0;
        total += pass.total ?? 0;
        for (const [id, time] of Object.entries(pass.rules ?? {})) sums[id] = (sums[id] ?? 0) + time.total;
      }
    }
    for (const id of Object.keys(rules)) perRule[id].push(sums[id]);
    parse.push(parseMs);
    totals.push(total);
  }
  const parseMedian = median(parse);
  const rows = Object.entries(perRule)
    .map(([id, times]) => ({ id, time: median(times), reference: id in REFERENCE_RULES }))
    .sort((a, b) => Number(a.reference) - Number(b.reference) || b.time - a.time);
  results.rules = { parse: parseMedian, total: median(totals), rows };
  const pluginSum = rows.filter((row) => !row.reference).reduce((n, row) => n + row.time, 0);
  section('rules', `Per-rule time (ESLint stats, median of ${perRule[Object.keys(perRule)[0]].length} runs)`, [
    `parse: ${ms(parseMedian)}; whole lint with these rules (parse + rules + fixes): ${ms(median(totals))}`,
    '| rule | time | % of parse time |',
    '| --- | ---: | ---: |',
    ...rows.map((row) => `| ${row.reference ? `${row.id} (reference)` : `\`${row.id}\``} | ${row.time.toFixed(1)} ms | ${((row.time / parseMedian) * 100).toFixed(2)} % |`),
    `| **the plugin's rules together** | **${pluginSum.toFixed(1)} ms** | **${((pluginSum / parseMedian) * 100).toFixed(2)} %** |`,
  ]);
}

// 3. Scaling on generated files.
if (ONLY.has('scaling')) {
  const dir = path.join(SMOKE_DIR, 'scaling');
  mkdirSync(dir, { recursive: true });
  const SITES_PER_BLOCK = 5;
  const sizes = [1, 10, 100];
  const blocks = 20;
  const rows = [];
  for (const size of sizes) {
    const count = blocks * size;
    const text = scalingText(count);
    const file = path.join(dir, `sites-${size}x.mjs`);
    writeFileSync(file, text);
    const repeat = Math.max(3, Math.round(30 / size));
    const eslintBase = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configFor({ rules: {} }) });
    const eslintPlugin = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configFor({ rules: pluginRules }), stats: true });
    await eslintBase.lintFiles([file]);
    await eslintPlugin.lintFiles([file]);
    const baseTimes = [];
    const pluginTimes = [];
    const ruleTimes = [];
    for (let i = 0; i < repeat; i++) {
      let t = performance.now();
      await eslintBase.lintFiles([file]);
      baseTimes.push(performance.now() - t);
      t = performance.now();
      const [result] = await eslintPlugin.lintFiles([file]);
      pluginTimes.push(performance.now() - t);
      let rulesMs = 0;
      for (const pass of result?.stats?.times.passes ?? []) {
        for (const [id, time] of Object.entries(pass.rules ?? {})) if (id.startsWith('http-client/')) rulesMs += time.total;
      }
      ruleTimes.push(rulesMs);
    }
    rows.push({ size, sites: count * SITES_PER_BLOCK, lines: text.split('\n').length, base: median(baseTimes), plugin: median(pluginTimes), rules: median(ruleTimes) });
  }
  results.scaling = rows;
  section('scaling', `Scaling on generated files (goal: 10x request sites cost at most ${GOALS.scalingRulesTime.max}x the rules' own time)`, [
    '| request sites | lines | no rules | configs.all | plugin rules alone | time ratio to previous size |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row, i) => {
      const prev = rows[i - 1];
      const ratio = prev ? `${(row.plugin / prev.plugin).toFixed(1)}x (rules alone ${(row.rules / Math.max(prev.rules, 0.001)).toFixed(1)}x)` : '';
      return `| ${row.sites} | ${row.lines} | ${ms(row.base)} | ${ms(row.plugin)} | ${row.rules.toFixed(1)} ms | ${ratio} |`;
    }),
  ]);
}

// 4. Peak RSS in child processes.
if (ONLY.has('rss')) {
  const rss = { base: [], plugin: [] };
  const retained = { base: [], plugin: [] };
  const RSS_RUNS = 3;
  for (let run = 0; run < RSS_RUNS; run++) {
    for (const which of run % 2 === 0 ? ['base', 'plugin'] : ['plugin', 'base']) {
      const r = child(which);
      rss[which].push(r.maxRSS);
      retained[which].push(r.retained);
    }
  }
  const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
  results.rss = {
    base: median(rss.base),
    plugin: median(rss.plugin),
    baseRuns: rss.base,
    pluginRuns: rss.plugin,
    retainedBase: median(retained.base),
    retainedPlugin: median(retained.plugin),
  };
  section('rss', `Memory (one ESLint run over the corpus per child process, ${RSS_RUNS} of each, alternating)`, [
    `peak RSS, median: no rules ${mib(results.rss.base)}; configs.all ${mib(results.rss.plugin)} (${pct(results.rss.plugin / results.rss.base)})`,
    `peak RSS per run: no rules ${rss.base.map(mib).join(', ')}; configs.all ${rss.plugin.map(mib).join(', ')}`,
    `heap retained after a full GC, median: no rules ${mib(results.rss.retainedBase)}; configs.all ${mib(results.rss.retainedPlugin)} (${pct(results.rss.retainedPlugin / results.rss.retainedBase)})`,
  ]);
}

// 5. Typed mode with the project service, child processes.
if (ONLY.has('typed')) {
  const base = [];
  const withPlugin = [];
  const ratios = [];
  const rss = { base: [], plugin: [] };
  let fatal = 0;
  let problems = 0;
  for (let run = 0; run < TYPED_RUNS; run++) {
    const times = {};
    for (const which of run % 2 === 0 ? ['base', 'plugin'] : ['plugin', 'base']) {
      const r = child(which, true);
      times[which] = r.elapsed;
      rss[which].push(r.maxRSS);
      fatal = r.fatal;
      if (which === 'plugin') problems = r.problems;
    }
    base.push(times.base);
    withPlugin.push(times.plugin);
    ratios.push(times.plugin / times.base);
  }
  results.typed = { base: median(base), plugin: median(withPlugin), ratio: median(ratios), ratios, rssBase: median(rss.base), rssPlugin: median(rss.plugin), fatal, problems };
  section('typed', `Typed mode (project service, ${corpus.typedFiles.length} TypeScript files, ${TYPED_RUNS} alternating runs in child processes)`, [
    `no rules: median ${ms(median(base))}; configs.all: median ${ms(median(withPlugin))}; median ratio ${median(ratios).toFixed(3)} (${pct(median(ratios))})`,
    `ratios per run: ${ratios.map((r) => r.toFixed(3)).join(', ')}`,
    `peak RSS, median: no rules ${(results.typed.rssBase / 1024).toFixed(0)} MiB, configs.all ${(results.typed.rssPlugin / 1024).toFixed(0)} MiB; ${problems} reports, ${fatal} parse failures`,
  ]);
}

// 6. Where the time goes: CPU profiles (`node --cpu-prof`) of one corpus lint and of one lint of a
//    generated file with 10,000 request sites, attributed to the plugin's source files by the
//    `//#region src/...` markers of the bundle. Only with `--only profile`.
if (ONLY.has('profile')) {
  const bundle = path.resolve(import.meta.dirname, pluginPath);
  const regions = readFileSync(bundle, 'utf8')
    .split('\n')
    .flatMap((line, index) => (line.startsWith('//#region src/') ? [{ line: index, file: line.slice('//#region '.length) }] : []));
  const regionOf = (line) => {
    let found = null;
    for (const region of regions) if (region.line <= line) found = region.file;
    return found;
  };
  const bundleUrl = `file://${bundle}`;
  const profileLines = [];
  for (const what of ['corpus', 'scaling']) {
    const dir = path.join(SMOKE_DIR, `profile-${what}`);
    rmSync(dir, { recursive: true, force: true });
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, path.join(import.meta.dirname, 'bench.mjs'), '--child-profile', what], {
      env: process.env,
      stdio: 'ignore',
    });
    const [name] = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
    const profile = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parentOf = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    const frameOf = (node) => {
      const { url, functionName, lineNumber } = node.callFrame;
      if (url !== bundleUrl) return null;
      const file = regionOf(lineNumber) ?? 'src/index.ts';
      return { file, fn: `${functionName || '(anonymous)'} (${file.replace(/^src\//u, '')})` };
    };
    const sampleMs = new Map();
    profile.samples.forEach((id, i) => sampleMs.set(id, (sampleMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    let total = 0;
    let pluginTotal = 0;
    const byRule = new Map();
    const byFile = new Map();
    const byFunction = new Map();
    const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);
    for (const [id, time] of sampleMs) {
      total += time;
      const stack = [];
      for (let current = id; current !== undefined; current = parentOf.get(current)) stack.push(byId.get(current));
      const frames = stack.reverse().map(frameOf).filter(Boolean);
      if (frames.length === 0) continue;
      pluginTotal += time;
      const rule = frames.find((frame) => frame.file.startsWith('src/rules/'))?.file ?? frames[0].file;
      add(byRule, rule.replace(/^src\/rules\//u, '').replace(/\.ts$/u, ''), time);
      for (const file of new Set(frames.map((frame) => frame.file))) add(byFile, file, time);
      for (const fn of new Set(frames.map((frame) => frame.fn))) add(byFunction, fn, time);
    }
    const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
    const share = (time) => `${((time / total) * 100).toFixed(1)} %`;
    const title = what === 'corpus' ? `the corpus (${corpus.files.length} files)` : 'a generated file with 10,000 request sites';
    profileLines.push(
      `**${title}**: ${ms(total)} sampled, of which the plugin ${ms(pluginTotal)} (${share(pluginTotal)}), callees in ESLint and typescript-eslint included`,
      '',
      '| rule (outermost plugin frame) | time | share of the run |',
      '| --- | ---: | ---: |',
      ...top(byRule, 12).map(([rule, time]) => `| ${rule} | ${ms(time)} | ${share(time)} |`),
      '',
      '| source file (time with it on the stack) | time | share of the run |',
      '| --- | ---: | ---: |',
      ...top(byFile, 15).map(([file, time]) => `| \`${file}\` | ${ms(time)} | ${share(time)} |`),
      '',
      '| function (time with it on the stack) | time | share of the run |',
      '| --- | ---: | ---: |',
      ...top(byFunction, 20).map(([fn, time]) => `| \`${fn}\` | ${ms(time)} | ${share(time)} |`),
      '',
    );
  }
  section('profile', 'Where the time goes (CPU profiles, one run each)', profileLines);
}

const versions = () => {
  const version = (name) => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    node: process.version,
    eslint: ESLint.version,
    'typescript-eslint': version('typescript-eslint'),
    typescript: version('typescript'),
    'eslint-plugin-promise': version('eslint-plugin-promise'),
    'eslint-plugin-unicorn': version('eslint-plugin-unicorn'),
  };
};
results.machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  os: `${os.type()} ${os.release()}`,
  load: os.loadavg().map((l) => l.toFixed(1)).join(' '),
};
results.versions = versions();
results.date = new Date().toISOString();
log(`\nmachine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory}, ${results.machine.os}, load average ${results.machine.load}`);
log(`versions: ${Object.entries(results.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);

writeFileSync(path.join(SMOKE_DIR, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
if (args.includes('--docs')) {
  // Parts measured in earlier invocations (`--only ...`) are kept, each with its own date and command.
  const store = path.join(SMOKE_DIR, 'bench-sections.json');
  let kept = {};
  try {
    kept = JSON.parse(readFileSync(store, 'utf8'));
  } catch {
    kept = {};
  }
  const command = `npm run bench -- ${args.filter((a) => a !== '--docs' && a !== '--strict').join(' ')}`.trim().replace(/ --$/u, '');
  const env = `${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory}, load average ${results.machine.load}; ${Object.entries(results.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`;
  for (const [key, value] of Object.entries(sections)) kept[key] = { ...value, date: results.date.slice(0, 16).replace('T', ' '), command, env, header };
  writeFileSync(store, `${JSON.stringify(kept, null, 2)}\n`);
  const order = ['overhead', 'rules', 'scaling', 'rss', 'typed', 'profile'];
  const parts = order
    .filter((key) => kept[key])
    .map((key) => {
      const part = kept[key];
      const table = part.lines.some((line) => line.startsWith('|'));
      const body = table
        ? part.lines.map((line) => (line.startsWith('|') || line === '' ? line : `${line}\n`)).join('\n')
        : `\`\`\`text\n${part.lines.join('\n')}\n\`\`\``;
      return `### ${part.title}\n\n_${part.date} UTC, \`${part.command}\`; ${part.header.join('; ')}; ${part.env}._\n\n${body}`;
    });
  const docs = path.join(root, 'docs', 'benchmarks.md');
  const text = readFileSync(docs, 'utf8');
  const begin = '<!-- begin bench results -->';
  const end = '<!-- end bench results -->';
  writeFileSync(docs, text.replace(new RegExp(`${begin}[\\s\\S]*${end}`, 'u'), `${begin}\n\n${parts.join('\n\n')}\n\n${end}`));
  console.log('updated docs/benchmarks.md');
}

// The goals, last: figure, threshold, PASS or MISS; "not measured" when a part was skipped.
const goalLines = [];
let missed = 0;
function goal(key, figure, shown, note = '') {
  const { max, label } = GOALS[key];
  const limit = key === 'scalingRulesTime' ? `${max}x` : max < 1 ? `${(max * 100).toFixed(0)} %` : `${max.toFixed(2)} (${pct(max)})`;
  if (figure === undefined || Number.isNaN(figure)) {
    goalLines.push(`not measured  ${label} <= ${limit}${note ? ` (${note})` : ''}`);
    return;
  }
  const pass = figure <= max;
  if (!pass) missed++;
  goalLines.push(`${pass ? 'PASS' : 'MISS'}          ${label} <= ${limit}: ${shown}${note ? ` (${note})` : ''}`);
}
{
  const pluginSum = results.rules?.rows.filter((row) => !row.reference).reduce((n, row) => n + row.time, 0);
  const share = results.rules && results.overhead ? pluginSum / results.overhead.base : undefined;
  goal(
    'rulesShareOfNoRuleRun',
    share,
    share === undefined ? '' : `${(share * 100).toFixed(2)} % (${pluginSum.toFixed(0)} ms of ${ms(results.overhead.base)})`,
    share === undefined ? 'needs --only overhead,rules' : '',
  );
  const noop = results.overhead?.ratioToNoop;
  goal('ratioToNoopRule', noop, noop === undefined ? '' : `${noop.toFixed(3)} (${pct(noop)}; ${RUNS} runs)`, noop === undefined ? 'needs --only overhead' : '');
  const steps = (results.scaling ?? []).slice(1).map((row, i) => ({ row, prev: results.scaling[i] }));
  if (steps.length === 0) goal('scalingRulesTime', undefined, '', 'needs --only scaling');
  for (const { row, prev } of steps) {
    const ratio = row.rules / Math.max(prev.rules, 0.001);
    goal('scalingRulesTime', ratio, `${ratio.toFixed(1)}x (${prev.sites} -> ${row.sites} sites: ${prev.rules.toFixed(1)} -> ${row.rules.toFixed(1)} ms)`);
  }
  const typed = results.typed;
  goal('typedTime', typed?.ratio, typed ? `${typed.ratio.toFixed(3)} (${pct(typed.ratio)}; ${TYPED_RUNS} runs)` : '', typed ? '' : 'needs --only typed');
  const rssRatio = typed ? typed.rssPlugin / typed.rssBase : undefined;
  goal('typedPeakRss', rssRatio, typed ? `${rssRatio.toFixed(3)} (${pct(rssRatio)}; ${(typed.rssBase / 1024).toFixed(0)} -> ${(typed.rssPlugin / 1024).toFixed(0)} MiB)` : '', typed ? '' : 'needs --only typed');
}
results.goals = goalLines;
writeFileSync(path.join(SMOKE_DIR, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
log('\n## Goals');
for (const line of goalLines) log(line);
log(`${missed === 0 ? 'all measured goals met' : `${missed} goal(s) missed`}${STRICT ? '' : ' (exit 0 without --strict: a benchmark, not a test)'}`);
process.exitCode = STRICT && missed > 0 ? 1 : 0;
