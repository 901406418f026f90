// The peers: other lint rules that look for the same mistakes, scored on the same labels
// (`accuracy/peers.json`). Each peer maps its rules to the plugin's rule it competes with. A published
// peer is installed from the npm registry; one that is not published runs only from a local build of
// its public source, passed with `--peer-source <name>=<dir>` or `HTTP_CLIENT_ACCURACY_PEER_SOURCES`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The variable that may name local builds of peers, as a JSON object: package name → folder. */
export const PEER_SOURCES_VARIABLE = 'HTTP_CLIENT_ACCURACY_PEER_SOURCES';

/**
 * The peers of `accuracy/peers.json`, validated. `knownRules` are the plugin's rule names; every
 * mapping must point at one of them. Throws an `Error` listing every problem.
 */
export function parsePeers(value, { knownRules, file = 'accuracy/peers.json' } = {}) {
  const errors = [];
  const peers = Array.isArray(value?.peers) ? value.peers : null;
  if (peers === null) throw new Error(`${file}: expected an object with a "peers" array`);
  peers.forEach((peer, i) => {
    const at = `${file}: peers[${i}]`;
    if (typeof peer?.name !== 'string' || peer.name === '') errors.push(`${at}: "name" must be a package name`);
    if (typeof peer?.published !== 'boolean') errors.push(`${at}: "published" must be true or false`);
    if (peer?.published === true && (typeof peer.version !== 'string' || !/^\d+\.\d+\.\d+/u.test(peer.version))) {
      errors.push(`${at}: a published peer needs an exact "version"`);
    }
    if (peer?.published === false && (typeof peer.note !== 'string' || peer.note === '')) {
      errors.push(`${at}: a peer that is not run needs a "note" saying why`);
    }
    if (peer?.published === true && (typeof peer.namespace !== 'string' || peer.namespace === '')) {
      errors.push(`${at}: a published peer needs the "namespace" its rules are registered under`);
    }
    if (peer?.commit !== undefined) {
      if (peer.published !== false) errors.push(`${at}: "commit" is for a peer that is not published (a published one runs from npm)`);
      if (typeof peer.commit !== 'string' || !/^[0-9a-f]{40}$/u.test(peer.commit)) errors.push(`${at}: "commit" must be a full 40-digit commit hash`);
      if (typeof peer.repository !== 'string' || peer.repository === '') errors.push(`${at}: a peer with a "commit" needs the "repository" it is a commit of`);
      if (typeof peer.namespace !== 'string' || peer.namespace === '') errors.push(`${at}: a peer with a "commit" needs the "namespace" its rules are registered under`);
    }
    const rules = peer?.rules;
    if (typeof rules !== 'object' || rules === null || Object.keys(rules).length === 0) {
      errors.push(`${at}: "rules" must map the peer's rule names to the plugin's`);
    } else {
      for (const [theirs, ours] of Object.entries(rules)) {
        if (knownRules && !knownRules.has(ours)) errors.push(`${at}: "${theirs}" maps to unknown rule "${ours}"`);
      }
    }
  });
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return peers;
}

/**
 * A rule object that ESLint 10 can run. ESLint rules have `create(context)`, called once per file;
 * oxlint's JS plugins may instead define `createOnce(context)`, called once, whose visitor may carry
 * `before()` (return `false` to skip the file) and `after()` hooks
 * (https://oxc.rs/docs/guide/usage/linter/writing-js-plugins.html). Returns the rule unchanged when
 * it has `create`, and whether it had to be adapted.
 */
export function adaptRule(rule) {
  if (typeof rule?.create === 'function') return { rule, adapted: false };
  if (typeof rule?.createOnce !== 'function') throw new Error('the rule has neither create() nor createOnce()');
  const adapted = {
    meta: rule.meta ?? { type: 'problem', schema: false },
    create(context) {
      const { before, after, ...visitor } = rule.createOnce(context);
      if (typeof before === 'function' && before() === false) return {};
      if (typeof after !== 'function') return visitor;
      const exit = visitor['Program:exit'];
      return {
        ...visitor,
        'Program:exit'(node) {
          if (typeof exit === 'function') exit(node);
          after();
        },
      };
    },
  };
  return { rule: adapted, adapted: true };
}

/**
 * The rule-context API that ESLint 9 deprecated and ESLint 10 removed, each served from its
 * replacement (https://eslint.org/docs/latest/use/migrate-to-10.0.0). `current()` is the node being
 * visited, for the methods that used to take it implicitly.
 */
const CONTEXT_SHIMS = {
  getSourceCode: (context) => () => context.sourceCode,
  getFilename: (context) => () => context.filename,
  getPhysicalFilename: (context) => () => context.physicalFilename,
  getCwd: (context) => () => context.cwd,
  getScope: (context, current) => () => context.sourceCode.getScope(current()),
  getAncestors: (context, current) => () => context.sourceCode.getAncestors(current()),
  getDeclaredVariables: (context) => (node) => context.sourceCode.getDeclaredVariables(node),
  markVariableAsUsed: (context, current) => (name) => context.sourceCode.markVariableAsUsed(name, current()),
};
/** Old context properties, read from their replacement. */
const CONTEXT_PROPERTY_SHIMS = {
  parserServices: (context) => context.sourceCode.parserServices,
  parserOptions: (context) => context.languageOptions?.parserOptions ?? {},
};

/** How a shim is named in the output: `context.getSourceCode()`, `context.parserServices`. */
export const shimName = (name) => (name in CONTEXT_SHIMS ? `context.${name}()` : `context.${name}`);

/**
 * The context a peer's rule gets: ESLint's own, plus each old method or property it lacks (and only
 * those), served from its replacement. Each shim adds its name (`shimName`) to `used` when the rule
 * calls or reads it, so the output says which shims a peer needed.
 */
export function shimContext(context, used, current = () => context.sourceCode?.ast) {
  const properties = {};
  for (const [name, make] of Object.entries(CONTEXT_SHIMS)) {
    if (name in context) continue;
    const method = make(context, current);
    properties[name] = {
      value: (...args) => {
        used.add(shimName(name));
        return method(...args);
      },
    };
  }
  for (const [name, read] of Object.entries(CONTEXT_PROPERTY_SHIMS)) {
    if (name in context) continue;
    properties[name] = {
      get: () => {
        used.add(shimName(name));
        return read(context);
      },
    };
  }
  return Object.freeze(Object.create(context, properties));
}

/**
 * The rule with its `create(context)` given a shimmed context (`shimContext`). Every listener of its
 * visitor records the node it is called with, for `getScope()` and `getAncestors()`.
 */
export function shimRule(rule, used) {
  return {
    ...rule,
    create(context) {
      let node;
      const shimmed = shimContext(context, used, () => node ?? context.sourceCode.ast);
      const visitor = rule.create(shimmed);
      const wrapped = {};
      for (const [key, listener] of Object.entries(visitor ?? {})) {
        wrapped[key] =
          typeof listener === 'function'
            ? function (...args) {
                if (typeof args[0]?.type === 'string') node = args[0];
                return listener.apply(this, args);
              }
            : listener;
      }
      return wrapped;
    },
  };
}

/**
 * The plugin object ESLint gets for a peer: only its mapped rules, each adapted if needed and given a
 * shimmed context, the names of the rules that needed an adapter, and `shims`: the set the context
 * shims add their names to while the rules run (empty until then).
 */
export function peerPlugin(module, peer) {
  const source = module?.default ?? module;
  const rules = {};
  const adapted = [];
  const shims = new Set();
  for (const name of Object.keys(peer.rules)) {
    const rule = source?.rules?.[name];
    if (rule === undefined) throw new Error(`${peer.name}@${peer.version} has no rule "${name}"`);
    const result = adaptRule(rule);
    rules[name] = shimRule(result.rule, shims);
    if (result.adapted) adapted.push(name);
  }
  return { plugin: { meta: { name: peer.name, version: peer.version }, rules }, adapted, shims };
}

/**
 * The local builds of peers: `--peer-source <name>=<dir>` arguments (`args`, each `<name>=<dir>`)
 * over the JSON object of `variable` (package name → folder). Relative folders are resolved from
 * `cwd`. Returns a Map of package name → absolute folder; throws an `Error` on a malformed value.
 */
export function parsePeerSources({ args = [], variable, cwd = process.cwd() } = {}) {
  const sources = new Map();
  const add = (name, dir, where) => {
    if (typeof name !== 'string' || name === '') throw new Error(`${where}: expected a package name`);
    if (typeof dir !== 'string' || dir === '') throw new Error(`${where}: expected the folder of ${name}'s build`);
    sources.set(name, path.resolve(cwd, dir));
  };
  if (variable !== undefined && variable.trim() !== '') {
    let value;
    try {
      value = JSON.parse(variable);
    } catch (error) {
      throw new Error(`${PEER_SOURCES_VARIABLE} is not valid JSON (${error.message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`${PEER_SOURCES_VARIABLE} must be a JSON object of package name → folder`);
    }
    for (const [name, dir] of Object.entries(value)) add(name, dir, `${PEER_SOURCES_VARIABLE} "${name}"`);
  }
  for (const arg of args) {
    // A scoped name starts with "@" and holds no "=", so the first "=" after the name splits.
    const at = arg.indexOf('=', 1);
    if (at === -1) throw new Error(`--peer-source ${arg}: expected <package-name>=<dir>`);
    add(arg.slice(0, at), arg.slice(at + 1), `--peer-source ${arg}`);
  }
  return sources;
}

/**
 * The entry file of a local build: the package.json `exports` (its `require`, `default` or `import`
 * target of "."), else `main`, else `index.js`. Throws an `Error` when the folder is not a build of
 * `peer` (no package.json, another name, no entry file).
 */
export function sourceEntry(dir, peer) {
  const manifestFile = path.join(dir, 'package.json');
  if (!existsSync(manifestFile)) throw new Error(`--peer-source ${peer.name}: ${dir} has no package.json`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (manifest.name !== peer.name) throw new Error(`--peer-source ${peer.name}: ${dir} holds ${manifest.name ?? 'a package without a name'}, not ${peer.name}`);
  const dot = typeof manifest.exports === 'object' && manifest.exports !== null && '.' in manifest.exports ? manifest.exports['.'] : manifest.exports;
  const target = typeof dot === 'string' ? dot : (dot?.require ?? dot?.default ?? dot?.import ?? manifest.main ?? 'index.js');
  const entry = path.resolve(dir, typeof target === 'string' ? target : 'index.js');
  if (!existsSync(entry)) throw new Error(`--peer-source ${peer.name}: ${entry} is missing: build ${peer.name} first (its own build script)`);
  return entry;
}

/**
 * The peers a source is given for, checked against `peers.json`: each must be a peer there, not
 * published, with a pinned `commit`. Returns Map of name → { dir, entry }; throws an `Error`
 * listing every problem.
 */
export function resolvePeerSources(sources, peers) {
  const errors = [];
  const resolved = new Map();
  for (const [name, dir] of sources) {
    const peer = peers.find((p) => p.name === name);
    if (peer === undefined) errors.push(`--peer-source ${name}: accuracy/peers.json has no such peer`);
    else if (peer.published) errors.push(`--peer-source ${name}: this peer is published on npm and is installed from there`);
    else if (peer.commit === undefined) errors.push(`--peer-source ${name}: accuracy/peers.json pins no "commit" of its source`);
    else {
      try {
        resolved.set(name, { dir, entry: sourceEntry(dir, peer) });
      } catch (error) {
        errors.push(error.message);
      }
    }
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return resolved;
}

/** Why a peer that is not published is not run: its note, and how to run a local build if it can be. */
export const notRunNote = (peer) => (peer.commit === undefined ? peer.note : `${peer.note}; pass --peer-source ${peer.name}=<dir> to run a local build of its public source`);
