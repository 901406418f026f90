#!/usr/bin/env node
// How often the rules are right on real code (`npm run accuracy`). Reads the labeled sites of
// `accuracy/sites/*.jsonl` (format in accuracy/README.md), downloads each labeled package version
// from the npm registry into a cache outside the repository, lints only the labeled files with the
// built plugin (`dist/index.mjs`, every labeled rule at its default options) and with the peers of
// `accuracy/peers.json` (each with only the rules it competes with), and scores the reports against
// the labels: TP/FP/FN/TN, precision, recall and F1 per rule and overall. A peer that is not on npm
// runs only from a local build of its public source (`--peer-source`), else it is listed as not run.
//
//   npm run accuracy                         everything; rewrites docs/accuracy.md
//   npm run accuracy -- --rule require-status-check --rule no-implicit-json
//   npm run accuracy -- --typed              also lint with type information (a "typed" column)
//   npm run accuracy -- --no-write           do not rewrite docs/accuracy.md
//   npm run accuracy -- --json results.json  machine-readable results
//   npm run accuracy -- --sites <dir>        another folder of *.jsonl labels
//   npm run accuracy -- --peer-source <name>=<dir>   a local build of an unpublished peer (repeatable;
//                                            or HTTP_CLIENT_ACCURACY_PEER_SOURCES='{"<name>":"<dir>"}')
//
// docs/accuracy.md is written only by a full run (no --rule, no --sites). The last line is
// `accuracy: P=… R=… over N sites in M projects`. Exits 1 when the run cannot be done (a bad label,
// a missing file, a failed download), never on a low score.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';

import { sourceTypeOf } from './lib/check.mjs';
import { cacheDir, packageDir } from './lib/accuracy/cache.mjs';
import { groupByPackage, LabelError, loadLabels } from './lib/accuracy/labels.mjs';
import { notRunNote, parsePeers, parsePeerSources, PEER_SOURCES_VARIABLE, peerPlugin, resolvePeerSources } from './lib/accuracy/peers.mjs';
import { renderMarkdown, renderTerminal, summarizeSet } from './lib/accuracy/render.mjs';
import { matchReports, score } from './lib/accuracy/score.mjs';

const root = path.join(import.meta.dirname, '..');
const PREFIX = 'http-client/';
/** Every file kind a labeled site may be in; `**\/*` alone would not make ESLint lint TypeScript. */
const FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/** A failure of the script itself (not a low score): printed, and the run exits 1. */
class RunError extends Error {}

/** Relative paths are taken from the folder the command was typed in (`npm run` changes into the root). */
const invocationDir = process.env.INIT_CWD ?? process.cwd();
const resolveArg = (value) => path.resolve(invocationDir, value);

function parseArgs(argv) {
  const options = { rules: [], write: true, typed: false, json: undefined, sites: undefined, peerSources: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new RunError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--rule') options.rules.push(value());
    else if (arg === '--no-write') options.write = false;
    else if (arg === '--typed') options.typed = true;
    else if (arg === '--json') options.json = resolveArg(value());
    else if (arg === '--sites') options.sites = resolveArg(value());
    else if (arg === '--peer-source') options.peerSources.push(value());
    else {
      throw new RunError(`unknown argument ${arg} (known: --rule <name>, --typed, --no-write, --json <file>, --sites <dir>, --peer-source <name>=<dir>)`);
    }
  }
  return options;
}

const relative = (file) => (file.startsWith(root + path.sep) ? path.relative(root, file) : file);

function run(command, args, what) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  } catch (error) {
    const detail = String(error.stderr ?? error.message).trim().split('\n').slice(-5).join('\n');
    throw new RunError(`${what} failed (${command} ${args.join(' ')}):\n${detail}`);
  }
}

/**
 * Downloads and unpacks a package version into the cache unless it is there already. A
 * half-unpacked folder (no `package/package.json`) is removed and fetched again.
 */
function ensurePackage(cache, group, log) {
  const dir = packageDir(cache, group.project, group.version);
  if (existsSync(path.join(dir, 'package', 'package.json'))) return dir;
  const tarballs = path.join(cache, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  log(`downloading ${group.id}`);
  const out = run('npm', ['pack', group.id, '--json', '--pack-destination', tarballs], `downloading ${group.id}`);
  const [info] = JSON.parse(out);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  run('tar', ['-xzf', path.join(tarballs, info.filename), '-C', dir], `unpacking ${group.id}`);
  if (!existsSync(path.join(dir, 'package'))) throw new RunError(`${group.id}: the tarball has no package/ folder`);
  return dir;
}

/** Every labeled file must exist and be long enough for its labels' lines. */
function checkFiles(cache, groups) {
  const errors = [];
  for (const group of groups) {
    const base = path.join(packageDir(cache, group.project, group.version), 'package');
    for (const [file, labels] of group.files) {
      const full = path.join(base, file);
      if (!existsSync(full)) {
        errors.push(`${labels[0].source}: ${group.id} has no file ${file}`);
        continue;
      }
      const lines = readFileSync(full, 'utf8').split('\n').length;
      for (const label of labels) {
        if (label.line > lines) errors.push(`${label.source}: line ${label.line} is past the end of ${group.id} ${file} (${lines} lines)`);
      }
    }
  }
  if (errors.length > 0) throw new RunError(`labels that do not fit the packages:\n${errors.map((e) => `  ${e}`).join('\n')}`);
}

/**
 * The tsconfig.json of a package folder for the typed run: the labeled files with JavaScript
 * allowed, the DOM and Node types (so `fetch` and `Response` have types), and nothing else. Published
 * tsconfig.json files are moved aside: they often extend files that are not published, and the
 * project service would pick them as the nearest one.
 */
function writeTsconfig(dir, files) {
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.name === 'tsconfig.json') renameSync(full, `${full}.published`);
    }
  };
  walk(path.join(dir, 'package'));
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'Preserve',
      moduleResolution: 'Bundler',
      allowJs: true,
      checkJs: false,
      jsx: 'preserve',
      noEmit: true,
      skipLibCheck: true,
      strict: true,
      typeRoots: [path.join(root, 'node_modules', '@types')],
      types: ['node'],
    },
    files: files.map((file) => `package/${file}`),
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * Whether a `.js` file that its package calls CommonJS is an ES module all the same: builds ship
 * `dist/esm/` or `src/` folders with `import`/`export` statements under a CommonJS package.json.
 */
function hasModuleSyntax(file) {
  return /^\s*(?:import\s*[\w{*'"]|export\s+(?:default|const|let|var|function|class|async|\{|\*))/mu.test(readFileSync(file, 'utf8'));
}

/**
 * The flat config of one lint: JavaScript through ESLint's own parser (as an untyped JavaScript project
 * lints it; it also reads sloppy-mode scripts that typescript-eslint refuses), TypeScript — and with
 * `typed`, every file — through typescript-eslint's parser.
 */
function configFor({ plugins, rules, typed, cache, commonjs }) {
  return [
    { files: FILES, languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    {
      files: typed ? FILES : ['**/*.{ts,tsx,mts,cts}'],
      languageOptions: {
        parser: tsParser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: cache } : {},
      },
    },
    { files: ['**/*.jsx', '**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: [(file) => commonjs.has(file)], languageOptions: { sourceType: 'commonjs' } },
    // The authors' own `eslint-disable` comments would hide reports from the score.
    { plugins, rules, linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
  ];
}

/**
 * Lints the labeled files and returns the reports as `{ project, version, path, rule, line, endLine,
 * message }` (rule names through `ruleName`) and the files that did not parse.
 */
async function lint(options) {
  if (!options.typed) return lintGroups(options);
  // With type information, one package at a time: a project service over every package at once
  // holds all their programs in memory.
  const reports = [];
  const parseFailures = [];
  for (const group of options.groups) {
    const result = await lintGroups({ ...options, groups: [group] });
    reports.push(...result.reports);
    parseFailures.push(...result.parseFailures);
  }
  return { reports, parseFailures };
}

async function lintGroups({ cache, groups, plugins, rules, typed = false, ruleName }) {
  const files = new Map();
  const commonjs = new Set();
  for (const group of groups) {
    const base = path.join(packageDir(cache, group.project, group.version), 'package');
    for (const file of group.files.keys()) {
      const full = path.join(base, file);
      files.set(full, { group, file });
      if (full.endsWith('.cjs') || full.endsWith('.cts') || (full.endsWith('.js') && sourceTypeOf(full, base) === 'commonjs' && !hasModuleSyntax(full))) commonjs.add(full);
    }
  }
  if (files.size === 0) return { reports: [], parseFailures: [] };
  const eslint = new ESLint({ cwd: cache, overrideConfigFile: true, overrideConfig: configFor({ plugins, rules, typed, cache, commonjs }) });
  const results = await eslint.lintFiles([...files.keys()]);
  const reports = [];
  const parseFailures = [];
  for (const result of results) {
    const where = files.get(result.filePath);
    if (where === undefined) throw new RunError(`ESLint linted a file that was not asked for: ${result.filePath}`);
    const site = { project: where.group.project, version: where.group.version, path: where.file };
    const fatal = result.messages.find((m) => m.fatal);
    if (fatal) {
      // ESLint reports a file it was told to ignore as a "fatal" warning without a line.
      if (fatal.message.startsWith('File ignored')) throw new RunError(`${where.group.id} ${where.file}: ${fatal.message}`);
      parseFailures.push({ ...site, id: where.group.id, message: `${fatal.message} (${fatal.line}:${fatal.column})`, labels: where.group.files.get(where.file).length });
      continue;
    }
    for (const m of result.messages) {
      // ESLint's own notes (an inline config that `noInlineConfig` turns off) have no rule.
      if (m.ruleId === null) continue;
      const rule = ruleName(m.ruleId);
      if (rule !== undefined) reports.push({ ...site, rule, line: m.line, endLine: m.endLine ?? m.line, message: m.message });
    }
  }
  return { reports, parseFailures };
}

/** Installs the published peers that are missing from `<cache>/peers`, all in one npm call. */
function ensurePeers(cache, peers, log) {
  const dir = path.join(cache, 'peers');
  const installedVersion = (name) => {
    try {
      return JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return undefined;
    }
  };
  // `npm install --no-save` prunes what it was not asked for, so every peer goes into each install.
  if (peers.some((peer) => installedVersion(peer.name) !== peer.version)) {
    const specs = peers.map((peer) => `${peer.name}@${peer.version}`);
    log(`installing ${specs.join(', ')} into ${dir}`);
    mkdirSync(dir, { recursive: true });
    run('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', ...specs], 'installing the peers');
  }
  return dir;
}

/** Loads an installed peer, ESM or CommonJS, through its package's own entry point. */
async function importPeer(dir, name) {
  const require = createRequire(path.join(dir, 'package.json'));
  let entry;
  try {
    entry = require.resolve(name);
  } catch {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8'));
    const dot = manifest.exports?.['.'] ?? manifest.exports;
    const target = typeof dot === 'string' ? dot : (dot?.import?.default ?? dot?.import ?? dot?.default ?? manifest.module ?? manifest.main ?? 'index.js');
    entry = path.join(dir, 'node_modules', name, target);
  }
  return import(pathToFileURL(entry).href);
}

/**
 * The local builds of unpublished peers, checked: each is a build of a peer of peers.json that pins
 * the commit of its source, and a build folder that is a git work tree is at that commit.
 */
function peerSources(options, peers) {
  let resolved;
  try {
    const sources = parsePeerSources({ args: options.peerSources, variable: process.env[PEER_SOURCES_VARIABLE], cwd: invocationDir });
    resolved = resolvePeerSources(sources, peers);
  } catch (error) {
    throw new RunError(error.message);
  }
  for (const [name, { dir }] of resolved) {
    const { commit } = peers.find((peer) => peer.name === name);
    if (!existsSync(path.join(dir, '.git'))) continue;
    const head = run('git', ['-C', dir, 'rev-parse', 'HEAD'], `reading the commit of ${dir}`).trim();
    if (head !== commit) throw new RunError(`--peer-source ${name}: ${dir} is at commit ${head}, accuracy/peers.json pins ${commit}`);
  }
  return resolved;
}

const labelsOfRules = (groups, rules) =>
  groups
    .map((group) => ({ ...group, files: new Map([...group.files].map(([file, labels]) => [file, labels.filter((l) => rules.has(l.rule))]).filter(([, labels]) => labels.length > 0)) }))
    .filter((group) => group.files.size > 0);

const fileKeys = (failures) => new Set(failures.map((f) => `${f.project}@${f.version}\0${f.path}`));

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (line = '') => console.log(line);
  const pluginPath = process.env.HTTP_CLIENT_PLUGIN ?? path.join(root, 'dist', 'index.mjs');
  if (!existsSync(pluginPath)) throw new RunError(`${relative(pluginPath)} is missing: run npm run build first`);
  const { default: plugin } = await import(pathToFileURL(pluginPath).href);
  const knownRules = new Set(Object.keys(plugin.rules));
  for (const rule of options.rules) if (!knownRules.has(rule)) throw new RunError(`--rule ${rule}: the plugin has no such rule`);

  const sitesDir = options.sites ?? path.join(root, 'accuracy', 'sites');
  const allLabels = loadLabels(sitesDir, { knownRules, display: relative });
  const labels = options.rules.length > 0 ? allLabels.filter((label) => options.rules.includes(label.rule)) : allLabels;
  if (labels.length === 0) log(`no labeled sites in ${relative(sitesDir)}${options.rules.length > 0 ? ' for the rules asked for' : ''}`);
  const rules = [...new Set([...labels.map((label) => label.rule), ...options.rules])].sort();
  const peersFile = path.join(root, 'accuracy', 'peers.json');
  // A full run lists every peer, a --rule run the peers of those rules.
  const inScope = (rule) => options.rules.length === 0 || options.rules.includes(rule);
  const allPeers = parsePeers(JSON.parse(readFileSync(peersFile, 'utf8')), { knownRules, file: relative(peersFile) });
  const sources = peerSources(options, allPeers);
  const peers = allPeers
    .map((peer) => ({ ...peer, rules: Object.fromEntries(Object.entries(peer.rules).filter(([, ours]) => inScope(ours))) }))
    .filter((peer) => Object.keys(peer.rules).length > 0);
  const labeledRules = new Set(labels.map((label) => label.rule));
  const hasLabels = (peer) => Object.values(peer.rules).some((rule) => labeledRules.has(rule));

  const cache = cacheDir();
  mkdirSync(cache, { recursive: true });
  const groups = groupByPackage(labels);
  for (const group of groups) ensurePackage(cache, group, log);
  checkFiles(cache, groups);

  const ours = (ruleId) => (ruleId.startsWith(PREFIX) ? ruleId.slice(PREFIX.length) : undefined);
  const pluginConfig = {
    plugins: { 'http-client': plugin },
    rules: Object.fromEntries(rules.map((rule) => [`${PREFIX}${rule}`, 'error'])),
  };
  const runs = [];
  const plain = await lint({ cache, groups, ...pluginConfig, ruleName: ours });
  const unparsed = fileKeys(plain.parseFailures);
  runs.push({ mode: 'plain', ...matchReports(labels, plain.reports, { unparsed }) });
  if (options.typed) {
    for (const group of groups) writeTsconfig(packageDir(cache, group.project, group.version), [...group.files.keys()]);
    const typed = await lint({ cache, groups, ...pluginConfig, typed: true, ruleName: ours });
    // A file scored without types but not with them would make the two columns count different sites.
    for (const f of typed.parseFailures) if (!unparsed.has(`${f.project}@${f.version}\0${f.path}`)) log(`typed run: ${f.id} ${f.path} does not parse: ${f.message}`);
    runs.push({ mode: 'typed', ...matchReports(labels, typed.reports, { unparsed: new Set([...unparsed, ...fileKeys(typed.parseFailures)]) }) });
  }
  for (const r of runs) r.scored = score(r.outcomes, { rules });

  const published = peers.filter((peer) => peer.published && hasLabels(peer));
  const peersDir = published.length > 0 ? ensurePeers(cache, published, log) : undefined;
  const peerRuns = [];
  for (const peer of peers) {
    const base = { name: peer.name, version: peer.version ?? null, author: peer.author ?? null, repository: peer.repository ?? null, rules: peer.rules };
    const source = sources.get(peer.name);
    if (!peer.published && source === undefined) {
      peerRuns.push({ ...base, status: 'not run', note: notRunNote(peer) });
      continue;
    }
    if (!hasLabels(peer)) {
      peerRuns.push({ ...base, status: 'not run', note: 'no labeled sites of its rules yet' });
      continue;
    }
    const from = source === undefined ? null : { commit: peer.commit };
    if (source !== undefined) log(`${peer.name}: running the local build of its public source at commit ${peer.commit} (${source.entry})`);
    const mapped = new Set(Object.values(base.rules));
    const peerLabels = labels.filter((label) => mapped.has(label.rule));
    try {
      const module = source === undefined ? await importPeer(peersDir, peer.name) : await import(pathToFileURL(source.entry).href);
      const { plugin: wrapped, adapted, shims } = peerPlugin(module, { ...peer, rules: base.rules });
      const prefix = `${peer.namespace}/`;
      const result = await lint({
        cache,
        groups: labelsOfRules(groups, mapped),
        plugins: { [peer.namespace]: wrapped },
        rules: Object.fromEntries(Object.keys(base.rules).map((name) => [`${prefix}${name}`, 'error'])),
        ruleName: (ruleId) => (ruleId.startsWith(prefix) ? base.rules[ruleId.slice(prefix.length)] : undefined),
      });
      // The peer is scored on the sites the plugin is scored on: a file that does not parse for one
      // is not scored for either.
      const matched = matchReports(peerLabels, result.reports, { unparsed: new Set([...unparsed, ...fileKeys(result.parseFailures)]) });
      const adapters = [
        ...(adapted.length > 0 ? [`adapter for oxlint's createOnce() (${adapted.join(', ')})`] : []),
        ...(shims.size > 0 ? [`shims for the rule-context API that ESLint 10 removed (${[...shims].sort().join(', ')})`] : []),
        ...(peer.adapter ? [peer.adapter] : []),
      ];
      const adapter = adapters.length > 0 ? adapters.join('; ') : null;
      peerRuns.push({ ...base, status: 'run', source: from, adapter, ...matched, scored: score(matched.outcomes, { rules: [...mapped].sort() }) });
    } catch (error) {
      if (error instanceof RunError) throw error;
      peerRuns.push({ ...base, status: 'not run', source: from, note: `it failed under ESLint ${ESLint.version}: ${error.message}` });
    }
  }

  const result = {
    date: new Date().toISOString().slice(0, 10),
    plugin: { name: plugin.meta.name, version: plugin.meta.version },
    eslint: ESLint.version,
    set: summarizeSet(labels),
    runs,
    peers: peerRuns,
    parseFailures: plain.parseFailures,
  };
  if (options.json) {
    const site = ({ label, outcome, reports }) => ({ ...label, outcome, reports: reports.map(({ line, endLine, message }) => ({ line, endLine, message })) });
    const plainRun = (r) => ({ ...r, outcomes: r.outcomes?.map(site) });
    writeFileSync(options.json, `${JSON.stringify({ ...result, runs: runs.map(plainRun), peers: peerRuns.map(plainRun) }, null, 2)}\n`);
    log(`wrote ${relative(options.json)}`);
  }
  const partial = options.rules.length > 0 || options.sites !== undefined;
  if (options.write && !partial) {
    writeFileSync(path.join(root, 'docs', 'accuracy.md'), renderMarkdown(result));
    log('wrote docs/accuracy.md');
  } else if (options.write) {
    log('docs/accuracy.md not written: --rule and --sites runs are partial');
  }
  log();
  for (const line of renderTerminal(result)) log(line);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof RunError || error instanceof LabelError)) throw error;
  console.error(`accuracy: ${error.message}`);
  process.exitCode = 1;
}
