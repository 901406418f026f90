// The peers: other published lint rules that look for the same mistakes, scored on the same labels
// (`accuracy/peers.json`). Each peer maps its rules to the plugin's rule it competes with.

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
 * The plugin object ESLint gets for a peer: only its mapped rules, each adapted if needed, and the
 * names of the rules that needed an adapter.
 */
export function peerPlugin(module, peer) {
  const source = module?.default ?? module;
  const rules = {};
  const adapted = [];
  for (const name of Object.keys(peer.rules)) {
    const rule = source?.rules?.[name];
    if (rule === undefined) throw new Error(`${peer.name}@${peer.version} has no rule "${name}"`);
    const result = adaptRule(rule);
    rules[name] = result.rule;
    if (result.adapted) adapted.push(name);
  }
  return { plugin: { meta: { name: peer.name, version: peer.version }, rules }, adapted };
}
