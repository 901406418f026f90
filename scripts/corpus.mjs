#!/usr/bin/env node
// Fills `.smoke/corpus/` with a pinned list of published npm packages that make HTTP calls, so the
// smoke run and the benchmark lint code nobody here wrote. Each package is fetched with `npm pack
// <name>@<version>` (checked against the pinned integrity), extracted, and reduced to the files
// listed in `include` (one build per package: the ESM build or the TypeScript sources, not both).
//
//   node scripts/corpus.mjs            fetch what is missing, write .smoke/corpus/manifest.json
//   node scripts/corpus.mjs --docs     also rewrite docs/corpus.md
//
// Only the npm registry is needed. The folder is a cache: delete it to start over.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import * as espree from 'espree';

import { sourceTypeOf } from './lib/check.mjs';

const root = path.join(import.meta.dirname, '..');
export const SMOKE_DIR = path.join(root, '.smoke');
export const CORPUS_DIR = path.join(SMOKE_DIR, 'corpus');
export const MANIFEST = path.join(CORPUS_DIR, 'manifest.json');
const TARBALLS = path.join(SMOKE_DIR, 'tarballs');

/**
 * The pinned corpus. `include`: path prefixes inside the package (default: everything);
 * `typed`: its TypeScript files form the slice linted with type information.
 */
export const PACKAGES = [
  { name: 'openai', version: '6.49.0', integrity: 'sha512-aYCc0C6L864eR6WSYIwQGyXriw/nIyZx0ObvhzOEVuk0zoBDpynjSbrionWI7q65B5H8jJX0DXR9snEzM6bfPg==', clients: 'fetch (SDK)', include: ['src/'], typed: true },
  { name: '@anthropic-ai/sdk', version: '1.14.0', integrity: 'sha512-nADYXUd5fn9Zgw2nHi1iKyt/kb1UUt1cN3RbdxEI6XjTDTxbx4LLG4GnMrxWyS9GgXQllFOyAKSiFM3joDNK9A==', clients: 'fetch (SDK)', include: ['src/'], typed: true },
  { name: '@huggingface/inference', version: '4.13.30', integrity: 'sha512-d5iD7UxHFH5X4ndNhwn3eFT/P9M08RRcsWDoko40//9lgNCCCn87TziwcKWf7ztvoKOm8d29W+lrYO4ZZvyAnA==', clients: 'fetch (SDK)', include: ['src/'], typed: true },
  { name: '@supabase/postgrest-js', version: '2.109.0', integrity: 'sha512-Xk4gzuzyrGIPWCUuJolDQS/9zdFZDEXRhNsVeOHEKwFr+vpNU0himsHtLOhSEYlyPqwmeY8LUCKL6bLsDp0ScA==', clients: 'fetch (client)', include: ['src/'], typed: true },
  { name: 'ollama', version: '0.6.4', integrity: 'sha512-KzM6b5Sq0TgipeMTdImuELr/V4eNqrTf37PRzUTHCPPieFmboYw6qPn+pX7+lg0nSP1jsKwy4AFkiQFXhqHeZA==', clients: 'fetch (SDK)', include: ['src/'], typed: true },
  { name: 'postmark', version: '5.1.0', integrity: 'sha512-8lj2Fu94pL3fzx9Sy599opqpK4Z/0/1xCHZS8tbGBnqSS5rAcXtcHQ+TI0Jc4VwlBWma1Ug0Qm98FEe+v94BIQ==', clients: 'axios (SDK, tests)', include: ['dist/', 'test/'], typed: true },
  { name: 'replicate', version: '1.4.0', integrity: 'sha512-1ufKejfUVz/azy+5TnzQP7U1+MHVWZ6psnQ06az8byUUnRhT+DZ/MvewzB1NQYBVMgNKR7xPDtTwlcP5nv/5+w==', clients: 'fetch (SDK)' },
  { name: 'resend', version: '6.38.0', integrity: 'sha512-+t1bz6unmYcyYrLqrZtkn73ODZhUgKJTViuRf+a4ewgo3mT/Bpg64WkBtAVQlXQcmUkeuorO1eLAd2+1h4jgNQ==', clients: 'fetch (SDK)', include: ['dist/index.mjs'] },
  { name: '@octokit/request', version: '10.0.16', integrity: 'sha512-A0zWGjHzISIb+9ccG8s0dq7LKO5zVpJLRICjgUb+sJxEWqn8RUHB1rD3AE51+PECvXHIxqZ1VVvs4fHTSD9nUQ==', clients: 'fetch', include: ['dist-src/'] },
  { name: 'ofetch', version: '1.5.1', integrity: 'sha512-2W4oUZlVaqAPAil6FUg/difl6YhqhUR7x2eZY4bQCko22UXg3hptq9KLQdqFClV+Wu85UX7hNtdGTngi/1BxcA==', clients: 'fetch', include: ['dist/node.mjs', 'dist/index.mjs', 'dist/shared/ofetch.CWycOUEr.mjs'] },
  { name: '@notionhq/client', version: '5.26.0', integrity: 'sha512-Oc3438nQ5YmZkVO7YJG8fcTYl0V46CirdCvO33azZ9f7ZfD2rsHE4fUVANJiBB9Xf1sqpCs82nd8oKPxeXLmMg==', clients: 'fetch (SDK)', include: ['build/src/'] },
  { name: 'gaxios', version: '7.3.1', integrity: 'sha512-kB3rzJV7d9juLZh8/56QTXCwQfxyhdOMdyYk1HdQKFtF8TJTDTZQJtixWIwXdE9Jji91mC41DUNpjleo4L4eAQ==', clients: 'fetch, node-fetch', include: ['build/esm/'] },
  { name: 'node-fetch', version: '3.3.2', integrity: 'sha512-dRB78srN/l6gqWulah9SrxeYnxeddIG30+GOqK/9OlLVyLg3HPnr6SqOWTWOXKRwC2eGYCkZ59NNuSgvSrpgOA==', clients: 'node:http (fetch implementation)' },
  { name: 'make-fetch-happen', version: '15.0.6', integrity: 'sha512-Je0fLJ0F5atA7F+eIlLzk+Wkcl57JDf4kf+EW8xiP5E31xOQxkIxTbgf1Oi1Lw9tRI9UEMRdI5Vz2xTzoNU1Jw==', clients: 'minipass-fetch, agents' },
  { name: 'npm-registry-fetch', version: '19.1.1', integrity: 'sha512-TakBap6OM1w0H73VZVDf44iFXsOS3h+L4wVMXmbWOQroZgFhMch0juN6XSzBNlD965yIKvWg2dfu7NSiaYLxtw==', clients: 'make-fetch-happen (CLI library)' },
  { name: '@slack/web-api', version: '8.2.0', integrity: 'sha512-bIW8/8BLD/HLuHLIA2LfA7AhSokzui4swCbMJuwoRJxn/kzHVla6YEKLvN1nCFHK/DfX7g+4Wj3ess/ZSh/tWQ==', clients: 'axios (SDK)', include: ['dist/'] },
  { name: '@sendgrid/client', version: '8.1.6', integrity: 'sha512-/BHu0hqwXNHr2aLhcXU7RmmlVqrdfrbY9KpaNj00KZHlVOVoRxRVrpOCabIB+91ISXJ6+mLM9vpaVUhK6TwBWA==', clients: 'axios (SDK)' },
  { name: 'wait-on', version: '9.5.1', integrity: 'sha512-bOtj1wRY6u+GPnNskZLcgZNHOaL5NC4+5hRCbEpVoVX6MbMrCLCqIBM2bjsAfrgst3ZC0siIo7vLb4LuYFfIow==', clients: 'axios, http agents (CLI)' },
  { name: 'localtunnel', version: '2.0.2', integrity: 'sha512-n418Cn5ynvJd7m/N1d9WVJISLJF/ellZnfsLnx8WBWGzxv/ntNcFkJ1o6se5quUhCplfLGBNL5tYHiq5WF3Nug==', clients: 'axios, node:http (CLI)' },
  { name: 'axios-retry', version: '4.5.0', integrity: 'sha512-aR99oXhpEDGo0UuAlYcn2iGRds30k366Zfa05XWScR9QaQD4JYiP3/1Qt1u7YlefUOK+cn0CcwoL1oefavQUlQ==', clients: 'axios (interceptor)', include: ['dist/esm/'] },
  { name: 'axios', version: '1.21.1', integrity: 'sha512-6eI5Q/Y4u/Um9dDlsRoq5pY2rxnUTv+L4PpLitnbk/i4jb3MxLZ5CsN5Ih3IysbeRYK4pR+P7qfMsOQl9fwwFQ==', clients: 'node:http, fetch (client library)', include: ['lib/', 'index.js'] },
  { name: 'got', version: '14.6.6', integrity: 'sha512-QLV1qeYSo5l13mQzWgP/y0LbMr5Plr5fJilgAIwgnwseproEbtNym8xpLsDzeZ6MWXgNE6kdWGBjdh3zT/Qerg==', clients: 'node:http (client library)' },
  { name: 'shopify-api-node', version: '3.15.0', integrity: 'sha512-+m9/A0wS0pft9Ks6ViOJQHSMGWFJMh8mV0uOyXvu+XdRv10avCgthdKaPlleeUanLRog6DE4va2PRaq/iRfFuA==', clients: 'got (SDK)' },
  { name: 'ky', version: '1.14.3', integrity: 'sha512-9zy9lkjac+TR1c2tG+mkNSVlyOpInnWdSMiue4F+kq8TwJSgv6o8jhLRg8Ho6SnZ9wOYUq/yozts9qQCfk7bIw==', clients: 'fetch (client library)' },
  { name: '@discordjs/rest', version: '2.6.3', integrity: 'sha512-wvOylxNYJkwKjctS/Mn5GP1w9r3/rzyH+ThD1JlAca6zEdlHs8QWBBUQJpU5Q+W6DoIj/Ljh1IPlZs7hTU+UAg==', clients: 'undici (SDK)', include: ['dist/index.mjs', 'dist/web.mjs', 'dist/strategies/undiciRequest.mjs'] },
  { name: '@elastic/transport', version: '9.4.0', integrity: 'sha512-/lE1rEPoXWjbQD1pAFyI/zZuMU1XdsxYgfZIAbQGgDabhinKYpZbQh6Qc/dYS6tEPxHOqlJ/WSQvSHZap4+I+w==', clients: 'undici, node:http (transport)', include: ['lib/', 'index.js'] },
  { name: 'stripe', version: '23.1.0', integrity: 'sha512-fVUfMSfTPoukfoV//MUKAx2+YxyKmYaYtnAL9VkfnHfaPNQylFdWZMD+zgUFerI8rjbaiER8Vzj2XEUQ2AhAsQ==', clients: 'node:http, fetch (SDK)', include: ['esm/'] },
  { name: 'twitter-api-v2', version: '1.29.1', integrity: 'sha512-l5U8aP6woe+gv0RViz/YA0YEG/NRtqkO1iXWqxNfrn3MSc2V85u6w44oNDBWhy8zVV9r36SJv/uXNmnfni8Uxw==', clients: 'node:https (SDK)', include: ['dist/esm/'] },
  { name: 'superagent', version: '10.4.2', integrity: 'sha512-u+PFV+VKiAKKzJqnCvveNya3N+pR/8jUZs/ek6jRfE41fpSCNdFY61L7NYmSgB6I9TTFM50ywoPXRKgw2k3wKw==', clients: 'node:http (client library)', include: ['lib/'] },
  { name: 'needle', version: '3.5.0', integrity: 'sha512-jaQyPKKk2YokHrEg+vFDYxXIHTCBgiZwSHOoVx/8V3GIBS8/VN6NdVRmg8q1ERtPkMvmOvebsgga4sAj5hls/w==', clients: 'node:http (client library, examples, tests)' },
  { name: 'http-proxy', version: '1.18.1', integrity: 'sha512-7mz/721AbnJwIVbnaSv1Cz3Am0ZLT/UBwkC92VlxhXv/k/BBQfM2fXElQNC27BVGr0uwUpplYPQM9LnaBMR5NQ==', clients: 'node:http (server, proxy)' },
  { name: 'follow-redirects', version: '1.16.3', integrity: 'sha512-toOSoqN6d51Wjf1aOFJYcoVv1aND9rj/CwjLU0Vz40oDuSpWDayCeKe4JpL5NL0WdFvoOOCI3BRo69HahjbR1A==', clients: 'node:http' },
  { name: 'simple-get', version: '4.0.1', integrity: 'sha512-brv7p5WgH0jmQJr1ZDDfKDOSeWWg+OVypG99A/5vYGPqJ6pxiaHLy8nxtFjBA7oMa01ebA9gfh1uMCFqOuXxvA==', clients: 'node:http' },
];

const SOURCE_FILE = /\.(?:[cm]?js|[cm]?ts)$/u;
const SKIPPED_FILE = /\.d\.[cm]?ts$|\.min\.js$/u;
/** Files larger than this are generated bundles, not code a person wrote. */
const MAX_BYTES = 512 * 1024;

/** The folder a package is extracted to. */
export function packageDir(pkg) {
  return path.join(CORPUS_DIR, `${pkg.name.replace('/', '+')}@${pkg.version}`);
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, out);
    } else if (entry.isFile()) out.push(full);
  }
  return out;
}

function fetchPackage(pkg) {
  const dir = packageDir(pkg);
  if (existsSync(path.join(dir, 'package', 'package.json'))) return dir;
  mkdirSync(TARBALLS, { recursive: true });
  const spec = `${pkg.name}@${pkg.version}`;
  const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', TARBALLS], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [info] = JSON.parse(out);
  if (info.integrity !== pkg.integrity) {
    throw new Error(`${spec}: integrity ${info.integrity} does not match the pinned ${pkg.integrity}`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', path.join(TARBALLS, info.filename), '-C', dir], { stdio: 'inherit' });
  // Published `src/tsconfig.json` files only cover `index.ts`; moving them aside lets the typed run
  // use the corpus-wide tsconfig.json written below for every file of the slice.
  for (const file of walk(dir)) {
    if (path.basename(file) === 'tsconfig.json') renameSync(file, `${file}.published`);
  }
  return dir;
}

function selectFiles(pkg, dir) {
  const base = path.join(dir, 'package');
  const include = pkg.include ?? [''];
  return walk(base)
    .map((file) => path.relative(base, file).split(path.sep).join('/'))
    .filter((rel) => SOURCE_FILE.test(rel) && !SKIPPED_FILE.test(rel))
    .filter((rel) => include.some((prefix) => rel === prefix || rel.startsWith(prefix)))
    .filter((rel) => statSync(path.join(base, rel)).size <= MAX_BYTES)
    .sort();
}

function countLines(text) {
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return text.length > 0 && !text.endsWith('\n') ? lines + 1 : lines;
}

/**
 * The source type a `.js` file parses as: the `type` of its package.json when that parses, else the
 * other one (ESM builds often ship without `"type": "module"` for bundlers).
 */
function detectSourceType(file, text) {
  const guess = sourceTypeOf(file, CORPUS_DIR);
  const other = guess === 'module' ? 'commonjs' : 'module';
  for (const sourceType of [guess, other]) {
    try {
      espree.parse(text, { ecmaVersion: 'latest', sourceType });
      return sourceType;
    } catch {
      // try the other one
    }
  }
  return guess;
}

/** Fetches every package that is missing and returns the manifest. */
export function buildCorpus({ log = console.log } = {}) {
  mkdirSync(CORPUS_DIR, { recursive: true });
  const packages = [];
  for (const pkg of PACKAGES) {
    const dir = fetchPackage(pkg);
    const files = selectFiles(pkg, dir);
    let lines = 0;
    const commonjs = [];
    for (const rel of files) {
      const full = path.join(dir, 'package', rel);
      const text = readFileSync(full, 'utf8');
      lines += countLines(text);
      if (rel.endsWith('.cjs') || (rel.endsWith('.js') && detectSourceType(full, text) === 'commonjs')) commonjs.push(rel);
    }
    const relDir = path.relative(CORPUS_DIR, path.join(dir, 'package')).split(path.sep).join('/');
    packages.push({
      name: pkg.name,
      version: pkg.version,
      clients: pkg.clients,
      include: pkg.include ?? ['(all)'],
      typed: pkg.typed === true,
      dir: relDir,
      files: files.map((rel) => `${relDir}/${rel}`),
      commonjs: commonjs.map((rel) => `${relDir}/${rel}`),
      lines,
    });
    log(`${pkg.name}@${pkg.version}: ${files.length} files, ${lines} lines`);
  }
  const typedFiles = packages.filter((p) => p.typed).flatMap((p) => p.files.filter((f) => /\.[cm]?ts$/u.test(f)));
  // One tsconfig for the TypeScript slice, found by typescript-eslint's project service.
  writeFileSync(
    path.join(CORPUS_DIR, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'Preserve',
          moduleResolution: 'Bundler',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: typedFiles,
      },
      null,
      2,
    )}\n`,
  );
  const manifest = { version: 2, packages, typedFiles };
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest, building the corpus first when it is missing or stale. */
export function loadCorpus(options) {
  if (existsSync(MANIFEST)) {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    const pinned = PACKAGES.map((p) => `${p.name}@${p.version}`).join();
    const current = manifest.version === 2 && manifest.packages.map((p) => `${p.name}@${p.version}`).join() === pinned;
    if (current) return manifest;
  }
  return buildCorpus(options);
}

function renderDocs(manifest) {
  const rows = manifest.packages.map(
    (p) =>
      `| \`${p.name}\` | ${p.version} | ${p.clients} | ${p.include.map((i) => `\`${i}\``).join(', ')} | ${p.files.length} | ${p.lines.toLocaleString('en-US')} |`,
  );
  const files = manifest.packages.reduce((n, p) => n + p.files.length, 0);
  const lines = manifest.packages.reduce((n, p) => n + p.lines, 0);
  return `# Real-world corpus

The smoke run (\`npm run smoke\`) and the benchmark (\`npm run bench\`) lint this corpus: published npm
packages that make HTTP calls with fetch, axios, got, ky, undici or \`node:http\`. \`npm run corpus\`
fetches each one with \`npm pack <name>@<version>\`, checks the tarball against the pinned integrity
(in \`scripts/corpus.mjs\`) and extracts it into the git-ignored \`.smoke/corpus/\`. Only the npm registry
is needed.

Per package only one build is kept (the TypeScript sources or the ESM build, not both), and
declaration files, minified files and files over 512 KiB are left out. The TypeScript sources of the
packages marked *typed* form the slice linted with type information (typescript-eslint's project
service over a tsconfig the script writes next to the corpus).

| package | version | HTTP client | files kept | files | lines |
| --- | --- | --- | --- | ---: | ---: |
${rows.join('\n')}
| **total** | | | | **${files}** | **${lines.toLocaleString('en-US')}** |

Typed slice: ${manifest.typedFiles.length} TypeScript files from ${manifest.packages
    .filter((p) => p.typed)
    .map((p) => `\`${p.name}\``)
    .join(', ')}.

Regenerate this page with \`node scripts/corpus.mjs --docs\`.
`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const manifest = buildCorpus();
  const files = manifest.packages.reduce((n, p) => n + p.files.length, 0);
  console.log(`corpus: ${manifest.packages.length} packages, ${files} files (${manifest.typedFiles.length} in the typed slice)`);
  if (process.argv.includes('--docs')) {
    writeFileSync(path.join(root, 'docs', 'corpus.md'), renderDocs(manifest));
    console.log('wrote docs/corpus.md');
  }
}
