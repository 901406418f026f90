import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { EscapeAnalysis } from '../../src/model/escape';
import { analyzeEscape } from '../../src/model/escape';
import { analyze } from './analyze';

/**
 * Analyses the escape of the construction marked by a `/*here*\/` comment right before it (or the
 * first one), with the function or loop around it as the unit.
 */
function escapeOf(code: string): EscapeAnalysis & { text: (node: { range: [number, number] }) => string } {
  const { model, sourceCode, text } = analyze(code);
  const marker = code.indexOf('/*here*/');
  const construction =
    marker === -1
      ? model.constructions[0]
      : model.constructions.find((candidate) => candidate.node.range[0] >= marker + '/*here*/'.length);
  if (!construction) throw new Error('no construction in the code');
  const { fn, loop } = construction.placement;
  const unit: TSESTree.Node | null = fn ?? loop;
  if (!unit) throw new Error('the construction is at module level');
  const analysis = analyzeEscape(construction.node, sourceCode, {
    unit,
    loop,
    isRequest: (call) => model.requestOf(call) !== undefined,
    isConstruction: (node) => model.constructionOf(node) !== undefined,
  });
  return { ...analysis, text };
}

function kindOf(code: string): string | null {
  return escapeOf(code).escape?.kind ?? null;
}

describe('analyzeEscape', () => {
  describe('returned', () => {
    it.each([
      ['return value', `import axios from 'axios'; function f() { return axios.create(); }`],
      ['arrow body', `import axios from 'axios'; const f = (o) => axios.create(o);`],
      ['return { client }', `import axios from 'axios'; function f() { const client = axios.create(); return { client }; }`],
      ['return [client]', `import { Pool } from 'undici'; function f(o) { const p = new Pool(o); return [p]; }`],
      ['through a variable', `import got from 'got'; function f() { const c = got.extend({}); const d = c; return d; }`],
      ['returned assignment', `import { Agent } from 'undici'; function f() { let a; return (a = new Agent()); }`],
      ['conditional', `import { Agent } from 'undici'; function f(x) { return x ? new Agent() : null; }`],
      ['logical', `import { Agent } from 'undici'; function f(x) { return x ?? new Agent(); }`],
      ['awaited', `import { Agent } from 'undici'; async function f() { return await new Agent(); }`],
      ['sequence', `import { Agent } from 'undici'; function f() { return (0, new Agent()); }`],
      ['derived client', `import got from 'got'; function f() { const base = got.extend({}); return base.extend({}); }`],
      ['element read out', `import { Agent } from 'undici'; function f() { const list = [new Agent()]; return list[0]; }`],
      ['found element', `import { Agent } from 'undici'; function f() { const list = [new Agent()]; return list.find((a) => a.ok); }`],
      ['returned by a map callback', `import { Agent } from 'undici'; function f() { const list = [new Agent()]; list.map((a) => a); }`],
      ['object spread', `import { Agent } from 'undici'; function f() { const o = { agent: new Agent() }; return { ...o }; }`],
      ['destructured container', `import { Agent } from 'undici'; function f() { const { a } = { a: new Agent() }; return a; }`],
      ['array pattern with rest', `import { Agent } from 'undici'; function f() { const [x = 1, ...rest] = [0, new Agent()]; return rest; }`],
      ['object pattern with rest', `import { Agent } from 'undici'; function f() { const { x, ...rest } = { x: 0, a: new Agent() }; return rest; }`],
      ['for-of into an existing variable', `import { Agent } from 'undici'; function f() { let a; for (a of [new Agent()]); return a; }`],
      ['for-of element', `import { Agent } from 'undici'; function f() { const list = [new Agent()]; for (const a of list) return a; }`],
    ])('%s', (_name, code) => {
      expect(kindOf(code)).toBe('returned');
    });
  });

  it('yielded', () => {
    expect(kindOf(`import { Pool } from 'undici'; function* f(o) { yield new Pool(o); }`)).toBe('yielded');
  });

  describe('stored on this', () => {
    it.each([
      ['this.x = value', `import axios from 'axios'; class A { constructor() { this.api = axios.create(); } }`],
      ['this.x ??= value', `import axios from 'axios'; class A { get api() { return (this._api ??= axios.create()); } }`],
      ['this.list.push(value)', `import { Pool } from 'undici'; class A { add(o) { this.pools.push(new Pool(o)); } }`],
      ['through self', `import axios from 'axios'; function A() { const self = this; self.api = axios.create(); }`],
    ])('%s', (_name, code) => {
      expect(kindOf(code)).toBe(code.includes('self') ? 'stored' : 'this');
    });
  });

  describe('outer variables and singletons', () => {
    it.each([
      ['memoised if (!x)', `import axios from 'axios'; let c; function f() { if (!c) c = axios.create(); return c; }`],
      ['??=', `import axios from 'axios'; let c; const f = () => (c ??= axios.create());`],
      ['||= in a closure', `import { Pool } from 'undici'; function f(o) { let p; return () => (p ||= new Pool(o)); }`],
      ['implicit global', `import axios from 'axios'; function f() { client = axios.create(); }`],
      ['module-level destructuring in a loop', `import { Agent } from 'undici'; for (const x of [1]) { var { a } = { a: new Agent() }; }`],
      ['module-level var in a loop', `import { Agent } from 'undici'; for (const x of [1]) { var agent = new Agent(); }`],
    ])('%s', (_name, code) => {
      expect(kindOf(code)).toBe('outer-variable');
    });
  });

  describe('stored into something that outlives the call', () => {
    it.each([
      ['map.set(key, value)', `import { Agent } from 'undici'; const m = new Map(); function f(k) { m.set(k, new Agent()); }`],
      ['cache[key] = value', `import { Agent } from 'undici'; const c = {}; function f(k) { c[k] = new Agent(); }`],
      ['outer array push', `import { Agent } from 'undici'; const list = []; function f() { list.push(new Agent()); }`],
      ['parameter property', `import { Agent } from 'undici'; function f(req) { req.agent = new Agent(); }`],
      ['global object', `import { Agent } from 'undici'; function f() { globalThis.agent = new Agent(); }`],
      ['module.exports', `import { Agent } from 'undici'; function f() { module.exports.agent = new Agent(); }`],
      ['local without an initialiser', `import { Agent } from 'undici'; function f() { let o; o = {}; o.agent = new Agent(); }`],
      ['local that is not fresh', `import { Agent } from 'undici'; function f() { const o = get(); o.agent = new Agent(); }`],
      ['reassigned local', `import { Agent } from 'undici'; function f() { let o = {}; o = get(); o.agent = new Agent(); }`],
      ['call result', `import { Agent } from 'undici'; function f() { get().agent = new Agent(); }`],
      ['outer array in a loop', `import { Agent } from 'undici'; const l = []; function f(xs) { for (const x of xs) l.push(new Agent()); }`],
      ['keyed store in a loop', `import { Pool } from 'undici'; const m = new Map(); function f(xs) { for (const x of xs) m.set(x, new Pool(x)); }`],
    ])('%s', (_name, code) => {
      expect(kindOf(code)).toBe('stored');
    });
  });

  describe('handed to code that may keep it', () => {
    it.each([
      ['function call', `import { Agent, setGlobalDispatcher } from 'undici'; function f() { setGlobalDispatcher(new Agent()); }`],
      ['constructor', `import { Agent } from 'undici'; function f() { return new Registry(new Agent()); }`],
      ['React hook', `import axios from 'axios'; function C() { const r = useRef(axios.create()); }`],
      ['tagged template', `import { Agent } from 'undici'; function f() { return keep\`\${new Agent()}\`; }`],
      ['method call', `import { Agent } from 'undici'; function f() { registry.watch(new Agent()); }`],
      ['a method of something that is not a logger', `import { Agent } from 'undici'; function f() { cache.info(new Agent()); }`],
      ['a shadowed console', `import { Agent } from 'undici'; function f(console) { console.log(new Agent()); }`],
      ['a read of the key that holds it', `import https from 'https'; function f(u) { const o = { agent: new https.Agent(), path: u }; keep(o.agent); https.get(o); }`],
      ['a forwarded method that keeps it', `import { Agent } from 'undici'; class C { f(u) { return this.g(u, new Agent()); } g(u, a) { keep(a); return fetch(u, { dispatcher: a }); } }`],
      ['a forwarded function that takes it as rest', `import { Agent } from 'undici'; function g(...a) { return fetch('/', { dispatcher: a[0] }); } function f() { return g(new Agent()); }`],
      ['spread argument', `import { Agent } from 'undici'; function f() { const l = [new Agent()]; register(...l); }`],
      ['forEach with a named callback', `import { Agent } from 'undici'; function f() { const l = [new Agent()]; l.forEach(register); }`],
    ])('%s', (_name, code) => {
      expect(kindOf(code)).toBe('argument');
    });
  });

  describe('captured by a function that outlives the call', () => {
    it.each([
      ['returned arrow', `import { Agent } from 'undici'; function f() { const a = new Agent(); return () => fetch('/', { dispatcher: a }); }`],
      ['timer', `import { Agent } from 'undici'; function f() { const a = new Agent(); setInterval(() => fetch('/', { dispatcher: a }), 1); }`],
      ['a retry helper whose promise is dropped', `import { Agent } from 'undici'; function f(u) { const a = new Agent(); retry(() => fetch(u, { dispatcher: a })); }`],
      ['returned declaration', `import { Agent } from 'undici'; function f() { const a = new Agent(); function g() { return fetch('/', { dispatcher: a }); } return g; }`],
    ])('%s', (_name, code) => {
      expect(kindOf(code)).toBe('closure');
    });
  });

  describe('unknown uses count as escapes', () => {
    it.each([
      ['thrown', `import { Agent } from 'undici'; function f() { throw new Agent(); }`, 'unknown'],
      ['computed key', `import { Agent } from 'undici'; function f() { return { [new Agent()]: 1 }; }`, 'unknown'],
      ['dynamic import', `import { Agent } from 'undici'; function f() { return import(new Agent()); }`, 'unknown'],
      ['destructuring assignment', `import { Agent } from 'undici'; function f() { let a; [a] = [new Agent()]; }`, 'unknown'],
      ['spread of the client', `import { Agent } from 'undici'; function f() { return { ...new Agent() }; }`, 'returned'],
      ['bound method', `import { Agent } from 'undici'; function f() { const { close } = new Agent(); return close; }`, 'returned'],
      ['class method', `import { Agent } from 'undici'; function f() { const a = new Agent(); return class { m() { return a; } }; }`, 'closure'],
      ['filter with a named predicate', `import { Agent } from 'undici'; function f() { return [new Agent()].filter(Boolean); }`, 'argument'],
    ])('%s', (_name, code, kind) => {
      expect(kindOf(code)).toBe(kind);
    });
  });

  describe('does not escape', () => {
    it.each([
      ['request options', `import { Agent } from 'undici'; function f(u) { return fetch(u, { dispatcher: new Agent() }); }`],
      ['axios options', `import axios from 'axios'; import https from 'https'; function f(u) { return axios.get(u, { httpsAgent: new https.Agent() }); }`],
      ['node request options', `import https from 'https'; function f(host) { https.request({ host, agent: new https.Agent() }).end(); }`],
      ['request on the instance', `import axios from 'axios'; async function f(u) { const api = axios.create(); return (await api.get(u)).data; }`],
      ['options variable', `import https from 'https'; function f(u) { const o = { agent: new https.Agent() }; https.get(u, o); }`],
      ['options filled in', `import https from 'https'; function f(u) { const o = {}; o.agent = new https.Agent(); https.get(u, o); }`],
      ['configured and closed', `import https from 'https'; function f(u) { const a = new https.Agent(); a.maxSockets = 1; https.get(u, { agent: a }); a.destroy(); }`],
      ['local array in a loop', `import { Pool } from 'undici'; function f(xs) { const l = []; for (const x of xs) l.push(new Pool(x)); return l; }`],
      ['array index in a loop', `import { Pool } from 'undici'; function f(xs) { const l = []; for (let i = 0; i < xs.length; i++) l[i] = new Pool(xs[i]); return l; }`],
      ['array length in a loop', `import { Pool } from 'undici'; function f(xs) { const l = []; for (const x of xs) l[l.length] = new Pool(x); return l; }`],
      ['tested', `import { Agent } from 'undici'; function f() { return new Agent() ? 1 : 2; }`],
      ['sequence', `import { Agent } from 'undici'; function f() { return (new Agent(), 1); }`],
      ['compound assignments', `import { Agent } from 'undici'; function f(b) { let a = new Agent(); a ??= b; let n = 0; n += new Agent(); }`],
      ['stored twice in one container', `import { Agent } from 'undici'; function f(u) { const a = new Agent(); const o = {}; o.x = a; o.y = a; fetch(u, o); }`],
      ['read twice in one closure', `import { Agent } from 'undici'; function f(us) { const a = new Agent(); us.forEach((u) => { fetch(u, { dispatcher: a }); fetch(u, { dispatcher: a }); }); }`],
      ['response callback', `import https from 'https'; function f(u) { const agent = new https.Agent(); https.get(u, (res) => res.pipe(agent.out)); }`],
      ['function called with call()', `import { Agent } from 'undici'; function f(u) { const a = new Agent(); (function () { fetch(u, { dispatcher: a }); }).call(this); }`],
      ['numeric index in a loop', `import { Pool } from 'undici'; function f(xs) { const l = []; for (const x of xs) l[0] = new Pool(x); return l; }`],
      ['keyed local in a loop', `import { Pool } from 'undici'; function f(xs) { const m = {}; for (const x of xs) m[x.id] = new Pool(x); return 1; }`],
      ['array hole', `import { Agent } from 'undici'; function f(u) { const [, a] = [0, new Agent()]; fetch(u, { dispatcher: a }); }`],
      ['local map', `import { Pool } from 'undici'; function f(xs) { const m = new Map(); m.set('a', new Pool('a')); return m.size + m.has('a'); }`],
      ['map callback', `import { Agent } from 'undici'; async function f(us) { const a = new Agent(); await Promise.all(us.map((u) => fetch(u, { dispatcher: a }))); }`],
      ['then callback', `import { Agent } from 'undici'; function f(u) { const a = new Agent(); return fetch(u).then(() => fetch(u, { dispatcher: a })); }`],
      ['promise executor', `import { Agent } from 'undici'; function f(u) { const a = new Agent(); return new Promise((r) => r(fetch(u, { dispatcher: a }))); }`],
      ['IIFE', `import { Agent } from 'undici'; function f(u) { const a = new Agent(); (() => fetch(u, { dispatcher: a }))(); }`],
      ['called local function', `import { Agent } from 'undici'; function f(u) { const a = new Agent(); function g() { return fetch(u, { dispatcher: a }); } g(); }`],
      ['element callback', `import { Agent } from 'undici'; function f(u) { [new Agent()].forEach((a) => fetch(u, { dispatcher: a })); }`],
      ['element callback without a parameter', `import { Agent } from 'undici'; function f() { [new Agent()].forEach(() => 1); }`],
      ['filtered elements used here', `import { Agent } from 'undici'; function f(u) { const a = [new Agent()].filter((x) => x !== null)[0]; fetch(u, { dispatcher: a }); }`],
      ['iterated container', `import { Agent } from 'undici'; async function f(u) { for (const a of [new Agent()]) await fetch(u, { dispatcher: a }); }`],
      ['default parameter', `import https from 'https'; function f(u, agent = new https.Agent()) { return https.get(u, { agent }); }`],
      ['options of a client that does not escape', `import axios from 'axios'; import https from 'https'; function f(u) { const agent = new https.Agent(); return axios.create({ httpsAgent: agent }).get(u); }`],
      ['compared and tested', `import { Agent } from 'undici'; function f(b) { const a = new Agent(); if (a === b || !a) return 1; return typeof a + \`\${a}\`; }`],
      ['dropped', `import { Agent } from 'undici'; function f() { new Agent(); }`],
      ['deleted from a local', `import { Agent } from 'undici'; function f() { const o = { a: new Agent() }; delete o.a; o.b++; }`],
      ['used as a key', `import { Agent } from 'undici'; function f(m) { const a = new Agent(); return m[a]; }`],
      ['loop test', `import { Agent } from 'undici'; function f() { let a = new Agent(); while (a) a = null; }`],
      ['for-of over a client', `import { Agent } from 'undici'; function f() { for (const x of new Agent()) x; }`],
      ['module-level loop', `import { Agent } from 'undici'; for (const u of ['a']) { const a = new Agent(); fetch(u, { dispatcher: a }); }`],
      ['another key of the options read', `import axios from 'axios'; import https from 'https'; function f(u, t) { const o = { httpsAgent: new https.Agent(), headers: { t } }; log(o.headers); keep(o['baseURL']); return axios.get(u, o); }`],
      ['JSON.stringify', `import https from 'https'; function f(u) { const o = { agent: new https.Agent() }; send(JSON.stringify(o)); https.get(u, o); }`],
      ['console and loggers', `import https from 'https'; function f(u) { const o = { agent: new https.Agent() }; console.debug(o); logger.info(o); this.log.warn(o); appLogger.error(o); https.get(u, o); }`],
      ['an awaited retry helper', `import pRetry from 'p-retry'; import { Agent } from 'undici'; async function f(u) { const a = new Agent(); return await pRetry(() => fetch(u, { dispatcher: a }), { retries: 2 }); }`],
      ['a returned backoff', `import { backOff } from 'exponential-backoff'; import { Agent } from 'undici'; function f(u) { const a = new Agent(); return backOff(() => fetch(u, { dispatcher: a })); }`],
      ['a retry helper as an arrow body', `import { Agent } from 'undici'; const f = (u) => { const a = new Agent(); return [0].map(() => withRetry(() => fetch(u, { dispatcher: a }))); };`],
      ['a same-class method that forwards it', `import axios from 'axios'; import https from 'https'; class C { f(u) { return this.send(u, new https.Agent()); } send(u, agent) { return axios.get(u, { httpsAgent: agent }); } }`],
      ['a static method that forwards it', `import { Agent } from 'undici'; class C { static f(u) { return this.send(u, new Agent()); } static send(u, a) { return fetch(u, { dispatcher: a }); } }`],
      ['a local function that forwards it', `import { Agent } from 'undici'; function send(u, a) { return fetch(u, { dispatcher: a }); } function f(u) { return send(u, new Agent()); }`],
    ])('%s', (_name, code) => {
      expect(escapeOf(code).escape).toBeNull();
    });
  });

  it('reports where the value escapes', () => {
    const result = escapeOf(`import axios from 'axios'; function f() { const api = axios.create(); return api; }`);
    expect(result.escape?.node.type).toBe(AST_NODE_TYPES.ReturnStatement);
    expect(result.text(result.escape?.node as TSESTree.Node)).toBe('return api;');
  });

  describe('passive', () => {
    it.each([
      [`import { Agent } from 'undici'; function f(u) { return fetch(u, { dispatcher: new Agent() }); }`, true],
      [`import axios from 'axios'; function f(u) { const api = axios.create(); return api.get(u); }`, true],
      [`import axios from 'axios'; function f(u) { const api = axios.create(); return api(u); }`, true],
      [`import https from 'https'; function f(u) { const o = {}; o.agent = new https.Agent(); https.get(u, o); }`, true],
      [`import { Agent } from 'undici'; function f(us) { const a = new Agent(); return us.map((u) => fetch(u, { dispatcher: a })); }`, true],
      [`import got from 'got'; function f() { const b = got.extend({}); return b.extend({}).get('x'); }`, true],
      [`import https from 'https'; function f(u) { const a = new https.Agent(); https.get(u, { agent: a }); a.destroy(); }`, false],
      [`import axios from 'axios'; function f(u) { const api = axios.create(); api.defaults.timeout = 1; return api.get(u); }`, false],
      [`import { Agent } from 'undici'; function f() { const a = new Agent(); a(); }`, false],
      [`import { Agent } from 'undici'; function f() { new Agent(); }`, false],
      [`import { Agent } from 'undici'; function f() { const { close } = new Agent(); }`, false],
      [`import { Agent } from 'undici'; function f(u) { for (const a of [new Agent()]) fetch(u, { dispatcher: a }); }`, false],
      [`import { Agent } from 'undici'; function f(u) { const a = new Agent(); if (a) fetch(u, { dispatcher: a }); }`, false],
    ])('%s → %s', (code, passive) => {
      expect(escapeOf(code).passive).toBe(passive);
    });
  });

  it('names the declarator the value is bound to', () => {
    const bound = escapeOf(`import { Agent } from 'undici'; function f(u) { const agent = new Agent() as never; fetch(u, { dispatcher: agent }); }`.replace(' as never', ''));
    expect(bound.declarator && bound.text(bound.declarator)).toBe('agent = new Agent()');
    expect(escapeOf(`import { Agent } from 'undici'; function f(u) { fetch(u, { dispatcher: new Agent() }); }`).declarator).toBeNull();
    expect(escapeOf(`import { Agent } from 'undici'; function f(u) { const { a } = new Agent(); }`).declarator).toBeNull();
  });

  it('gives up on very long chains of variables', () => {
    const chain = Array.from({ length: 20 }, (_, index) => `const v${index + 1} = v${index};`).join(' ');
    const code = `import { Agent } from 'undici'; function f() { const v0 = new Agent(); ${chain} fetch('/', { dispatcher: v20 }); }`;
    expect(kindOf(code)).toBe('unknown');
  });

  it('follows cycles between variables once', () => {
    const code = `import { Agent } from 'undici'; function f() { let a = new Agent(); let b = a; a = b; fetch('/', { dispatcher: a }); }`;
    expect(escapeOf(code).escape).toBeNull();
  });

  it('follows recursive local functions once', () => {
    const code = `import { Agent } from 'undici'; function f() { const a = new Agent(); function g() { fetch('/', { dispatcher: a }); return g(); } g(); }`;
    expect(escapeOf(code).escape).toBeNull();
  });
});
