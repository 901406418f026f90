// The labeled sites of the accuracy set (`accuracy/sites/<rule>.jsonl`, format in accuracy/README.md):
// parsing and validation, with every error naming the file and line of the JSONL it comes from.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The values the `client` field may take. */
export const CLIENTS = Object.freeze([
  'fetch',
  'node-fetch',
  'undici',
  'axios',
  'got',
  'ky',
  'node-http',
  'proxy-agent',
  'superagent',
  'sdk',
  'wrapper',
  'other',
]);

const FIELDS = ['project', 'version', 'path', 'line', 'rule', 'expected', 'client', 'shape', 'reason'];
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
// An npm package name: lower case, optionally scoped (https://docs.npmjs.com/cli/configuring-npm/package-json#name).
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/u;
// An exact semver version, no range: a label is only reproducible against one published tarball.
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/u;

/** Labels that could not be read; `errors` are `file:line: message` strings. */
export class LabelError extends Error {
  /** @param {string[]} errors */
  constructor(errors) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} with the labels:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.name = 'LabelError';
    this.errors = errors;
  }
}

/**
 * Why one parsed JSONL object is not a valid label, or `[]` when it is.
 * `knownRules`, when given, is the set of rule names the label's `rule` must be one of.
 */
export function validateLabel(value, { fileRule, knownRules } = {}) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not a JSON object'];
  const problems = [];
  for (const field of FIELDS) if (!(field in value)) problems.push(`missing field "${field}"`);
  for (const field of Object.keys(value)) if (!FIELDS.includes(field)) problems.push(`unknown field "${field}"`);
  const { project, version, path: file, line, rule, expected, client, shape, reason } = value;
  if ('project' in value && (typeof project !== 'string' || !PACKAGE_NAME.test(project))) {
    problems.push(`"project" must be an npm package name, got ${JSON.stringify(project)}`);
  }
  if ('version' in value && (typeof version !== 'string' || !EXACT_VERSION.test(version))) {
    problems.push(`"version" must be an exact version such as "1.2.3", got ${JSON.stringify(version)}`);
  }
  if ('path' in value) {
    const bad =
      typeof file !== 'string' ||
      file === '' ||
      file.startsWith('/') ||
      file.startsWith('package/') ||
      file.includes('\\') ||
      file.split('/').some((part) => part === '..' || part === '.' || part === '');
    if (bad) problems.push(`"path" must be a relative path inside the package folder (no "package/" prefix), got ${JSON.stringify(file)}`);
  }
  if ('line' in value && !(Number.isInteger(line) && line >= 1)) {
    problems.push(`"line" must be a positive integer, got ${JSON.stringify(line)}`);
  }
  if ('rule' in value) {
    if (typeof rule !== 'string' || !KEBAB.test(rule)) {
      problems.push(`"rule" must be a rule name without the plugin prefix, got ${JSON.stringify(rule)}`);
    } else if (knownRules && !knownRules.has(rule)) {
      problems.push(`unknown rule "${rule}"`);
    } else if (fileRule !== undefined && rule !== fileRule) {
      problems.push(`"rule" is "${rule}" but the file holds the sites of "${fileRule}"`);
    }
  }
  if ('expected' in value && expected !== true && expected !== false && expected !== 'ambiguous') {
    problems.push(`"expected" must be true, false or "ambiguous", got ${JSON.stringify(expected)}`);
  }
  if ('client' in value && !CLIENTS.includes(client)) {
    problems.push(`"client" must be one of ${CLIENTS.join(', ')}, got ${JSON.stringify(client)}`);
  }
  if ('shape' in value && (typeof shape !== 'string' || !KEBAB.test(shape))) {
    problems.push(`"shape" must be a kebab-case tag, got ${JSON.stringify(shape)}`);
  }
  if ('reason' in value && (typeof reason !== 'string' || reason.trim() === '')) {
    problems.push('"reason" must be a non-empty sentence');
  }
  return problems;
}

/** The identity of a site: two labels with the same key label the same place. */
export const siteKey = (label) => `${label.project}@${label.version}\0${label.path}\0${label.line}\0${label.rule}`;

/**
 * The labels of one JSONL text. `file` names it in errors; a file named `<rule>.jsonl` may only hold
 * sites of that rule. Blank lines are skipped. Returns the labels, each with `source: "file:line"`,
 * and the errors (never throws).
 */
export function parseLabels(text, file, { knownRules } = {}) {
  const fileRule = path.basename(file).replace(/\.jsonl$/u, '');
  const labels = [];
  const errors = [];
  text.split(/\r?\n/u).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const source = `${file}:${index + 1}`;
    let value;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push(`${source}: not valid JSON (${error.message})`);
      return;
    }
    const problems = validateLabel(value, { fileRule, knownRules });
    if (problems.length > 0) errors.push(...problems.map((p) => `${source}: ${p}`));
    else labels.push({ ...value, source });
  });
  return { labels, errors };
}

/**
 * Every label of a folder of `*.jsonl` files, sorted by file and line. Throws a `LabelError` listing
 * every invalid line and every site labeled twice.
 */
export function loadLabels(dir, { knownRules, display = (file) => file } = {}) {
  let names;
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort();
  } catch (error) {
    throw new LabelError([`${display(dir)}: cannot read the folder (${error.code ?? error.message})`]);
  }
  const labels = [];
  const errors = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const result = parseLabels(readFileSync(file, 'utf8'), display(file), { knownRules });
    labels.push(...result.labels);
    errors.push(...result.errors);
  }
  errors.push(...duplicateErrors(labels));
  if (errors.length > 0) throw new LabelError(errors);
  return labels;
}

/** One error per label whose site an earlier label already covers. */
export function duplicateErrors(labels) {
  const seen = new Map();
  const errors = [];
  for (const label of labels) {
    const key = siteKey(label);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, label.source);
    else errors.push(`${label.source}: the same site as ${first} (${label.project}@${label.version} ${label.path}:${label.line} ${label.rule})`);
  }
  return errors;
}

/**
 * The labels grouped by package: one entry per `project@version`, with the labeled files of that
 * package and their labels, in a stable order.
 */
export function groupByPackage(labels) {
  const groups = new Map();
  for (const label of labels) {
    const id = `${label.project}@${label.version}`;
    let group = groups.get(id);
    if (group === undefined) {
      group = { id, project: label.project, version: label.version, files: new Map() };
      groups.set(id, group);
    }
    const list = group.files.get(label.path) ?? [];
    list.push(label);
    group.files.set(label.path, list);
  }
  return [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
