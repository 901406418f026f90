// A small grammar of valid programs that make HTTP calls, as fast-check arbitraries. Programs mix
// fetch, axios (and instances), got, ky, undici and node:http/https requests with awaits, `.then`
// chains, loops, `Promise.all`, try/catch, classes, route handlers, client constructions and
// shadowed client names, in ES-module or CommonJS form.
//
// Arbitraries produce render functions `(ctx) => string`; `ctx` hands out fresh local names and
// knows whether the code sits in a function, an async function or a class method, so every
// rendered program is syntactically valid (the checks assert it).
import fc from 'fast-check';

/** @typedef {{ n: number, fn: boolean, async: boolean, cls: boolean, mode: 'module' | 'commonjs', env: Record<string, string> }} Ctx */

const fresh = (ctx, base) => `${base}${ctx.n++}`;
const join = (parts, ctx, sep = '\n') => parts.map((part) => part(ctx)).join(sep);
const indent = (text) => text.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');

const URL_ARB = fc.constantFrom(
  "'https://api.example.com/items'",
  'url',
  '`${base}/items/${id}`',
  "new URL('/v1/users', base)",
  'options.url',
  "'data:application/json,{}'",
  "`https://example.org/search?q=${encodeURIComponent(id)}`",
);

const FETCH_OPTS = fc.constantFrom(
  '',
  ', { signal: AbortSignal.timeout(5000) }',
  ", { method: 'POST', body: JSON.stringify(data), headers: { 'content-type': 'application/json' } }",
  ', options',
  ', { ...options, signal }',
  ', { signal: controller.signal }',
  ", { method: 'DELETE', signal: AbortSignal.timeout(0) }",
  ', { signal: AbortSignal.any([signal, AbortSignal.timeout(1000)]) }',
);

const AXIOS_OPTS = fc.constantFrom('', ', { timeout: 5000 }', ', options', ', { timeout: 0 }', ', { validateStatus: () => true }', ', { signal }');
const GOT_OPTS = fc.constantFrom('', ', { timeout: { request: 10000 } }', ', { throwHttpErrors: false }', ', options', ', { json: data }');
const KY_OPTS = fc.constantFrom('', ', { timeout: false }', ', { throwHttpErrors: false }', ', { json: data, timeout: 2000 }', ', options');
const UNDICI_OPTS = fc.constantFrom('', ", { method: 'POST', body: JSON.stringify(data) }", ', { headersTimeout: 1000, bodyTimeout: 1000 }', ', options');

/** A request expression; `kind` says what kind of response it yields. */
const REQUEST = fc.oneof(
  fc.tuple(URL_ARB, FETCH_OPTS).map(([u, o]) => ({ kind: 'fetch', render: (ctx) => `${ctx.env.fetch}(${u}${o})` })),
  fc.constantFrom(
    { kind: 'fetch', render: () => "fetch(new URL('./data.json', import.meta.url))", moduleOnly: true },
    { kind: 'fetch', render: () => 'globalThis.fetch(url)' },
    { kind: 'fetch', render: () => 'window.fetch(url, { credentials: "include" })' },
  ),
  fc.tuple(fc.constantFrom('get', 'delete', 'head'), URL_ARB, AXIOS_OPTS).map(([m, u, o]) => ({ kind: 'axios', render: (ctx) => `${ctx.env.axios}.${m}(${u}${o})` })),
  fc.tuple(fc.constantFrom('post', 'put', 'patch'), URL_ARB, AXIOS_OPTS).map(([m, u, o]) => ({ kind: 'axios', render: (ctx) => `${ctx.env.axios}.${m}(${u}, data${o})` })),
  fc.tuple(URL_ARB, AXIOS_OPTS).map(([u, o]) => ({ kind: 'axios', render: (ctx) => `${ctx.env.axios}(${u}${o})` })),
  fc.constantFrom(
    { kind: 'axios', render: (ctx) => `${ctx.env.axios}({ url, method: 'get', timeout: 3000 })` },
    { kind: 'axios', render: (ctx) => `${ctx.env.axios}.request({ url: base + '/x', method: 'post', data })` },
    { kind: 'axios', render: () => `api.get('/users/' + id)` },
    { kind: 'axios', render: () => `api.post('/users', data, { timeout: 100 })` },
    { kind: 'axios', render: (ctx) => (ctx.cls ? 'this.client.get(url)' : 'api.get(url)') },
  ),
  fc.tuple(URL_ARB, GOT_OPTS, fc.constantFrom('', '.json()', '.text()')).map(([u, o, t]) => ({ kind: t ? 'body' : 'got', render: (ctx) => `${ctx.env.got}(${u}${o})${t}` })),
  fc.tuple(fc.constantFrom('get', 'post'), URL_ARB, GOT_OPTS).map(([m, u, o]) => ({ kind: 'got', render: (ctx) => `${ctx.env.got}.${m}(${u}${o})` })),
  fc.tuple(fc.constantFrom('get', 'post'), URL_ARB, KY_OPTS, fc.constantFrom('', '.json()')).map(([m, u, o, t]) => ({ kind: t ? 'body' : 'fetch', render: (ctx) => `${ctx.env.ky}.${m}(${u}${o})${t}` })),
  fc.tuple(URL_ARB, UNDICI_OPTS).map(([u, o]) => ({ kind: 'undici', render: (ctx) => `${ctx.env.request}(${u}${o})` })),
  fc.constantFrom(
    { kind: 'undici', render: () => `pool.request({ path: '/items', method: 'GET' })` },
    { kind: 'fetch', render: (ctx) => `${ctx.env.undiciFetch}(url, { dispatcher: agent })` },
    { kind: 'fetch', render: () => 'fetchJsonWrapper(url)' },
    { kind: 'fetch', render: () => 'client.fetch(url)' },
  ),
);

/** Statements that use a response `r` of a given kind; `canReturn` when inside a function. */
function useResponse(kind, r) {
  const common = ['console.log(' + r + ');', `cache.set(url, ${r});`, `assertOk(${r});`, `handle(${r});`];
  if (kind === 'fetch') {
    return [
      ...common,
      `if (!${r}.ok) throw new Error(\`HTTP \${${r}.status} for \${url}\`);`,
      `if (${r}.status === 404) { console.warn('missing'); }`,
      `const text__N = await ${r}.text();`,
      `const body__N = await ${r}.json();`,
      `const parsed__N = JSON.parse(await ${r}.text());`,
      `if (${r}.headers.get('content-type')?.includes('application/json')) { await ${r}.json(); }`,
      `const blob__N = await ${r}.arrayBuffer();`,
      `for await (const chunk of ${r}.body) { total += chunk; }`,
      `const reader__N = ${r}.body.getReader();`,
      `const decoded__N = new TextDecoder().decode(await ${r}.arrayBuffer());`,
      `${r}.json().then((d) => console.log(d));`,
      `const dec__N = new TextDecoder();\nlet out__N = '';\nfor await (const chunk of ${r}.body) {\n  out__N += dec__N.decode(chunk);\n}`,
      `const rd__N = ${r}.body.getReader();\nconst td__N = new TextDecoder('utf-8');\nlet acc__N = '';\nwhile (true) {\n  const { done, value } = await rd__N.read();\n  if (done) break;\n  acc__N += td__N.decode(value);\n}`,
    ];
  }
  if (kind === 'axios') {
    return [...common, `console.log(${r}.data);`, `const { data: d__N } = ${r};`, `if (${r}.status !== 200) throw new Error('bad');`, `items.push(...${r}.data.items);`];
  }
  if (kind === 'got') {
    return [...common, `console.log(${r}.body);`, `if (${r}.statusCode >= 400) { throw new Error(${r}.statusMessage); }`, `const j__N = JSON.parse(${r}.body);`];
  }
  if (kind === 'undici') {
    return [
      ...common,
      `if (${r}.statusCode !== 200) throw new Error('status ' + ${r}.statusCode);`,
      `const j__N = await ${r}.body.json();`,
      `let s__N = ''; for await (const chunk of ${r}.body) { s__N += chunk; }`,
      `const t__N = await ${r}.body.text();`,
    ];
  }
  return [...common, `console.log(${r}.length);`];
}

/** `const r = await REQ;` and a few uses of `r`. */
const AWAITED = fc
  .tuple(REQUEST, fc.array(fc.nat(40), { maxLength: 3 }), fc.constantFrom('plain', 'return', 'destructure', 'checkAfter'))
  .map(([req, picks, tail]) => (ctx) => {
    if (req.moduleOnly && ctx.mode !== 'module') return `${ctx.env.fetch}(url).catch(() => {});`;
    if (!ctx.async) return `${req.render(ctx)}.then((r) => handle(r), (e) => console.error(e));`;
    const r = fresh(ctx, 'res');
    const uses = useResponse(req.kind, r);
    const lines = [`const ${r} = await ${req.render(ctx)};`];
    for (const pick of picks) lines.push(uses[pick % uses.length].replaceAll('__N', `_${ctx.n++}`));
    if (tail === 'return' && ctx.fn) lines.push(`return ${r};`);
    if (tail === 'destructure' && req.kind === 'axios') lines.push(`const { status: st${ctx.n}, data: dt${ctx.n++} } = ${r};`);
    if (tail === 'checkAfter' && req.kind === 'fetch') lines.push(`const b${ctx.n} = await ${r}.json();`, `if (!${r}.ok) throw new Error(String(b${ctx.n++}));`);
    return lines.join('\n');
  });

/** A request used as an expression: dropped, returned, chained with `.then`, passed on. */
const EXPRESSION_STATEMENT = fc
  .tuple(REQUEST, fc.constantFrom('await', 'void', 'return', 'then', 'thenJson', 'arg', 'assign', 'push', 'dropped', 'catch'))
  .map(([req, shape]) => (ctx) => {
    if (req.moduleOnly && ctx.mode !== 'module') return 'void 0;';
    const e = req.render(ctx);
    switch (shape) {
      case 'await':
        return ctx.async ? `await ${e};` : `${e};`;
      case 'void':
        return `void ${e};`;
      case 'return':
        return ctx.fn ? `return ${e};` : `${e}.catch(console.error);`;
      case 'then':
        return `${e}.then((r) => r.status).catch((err) => console.error(err.message));`;
      case 'thenJson':
        return `${e}.then((r) => r.json()).then((d) => console.log(d));`;
      case 'arg':
        return `handle(${e});`;
      case 'assign': {
        const p = fresh(ctx, 'pending');
        return `const ${p} = ${e};\npromises.push(${p});`;
      }
      case 'push':
        return `promises.push(${e});`;
      case 'catch':
        return `${e}.catch(() => null);`;
      default:
        return `${e};`;
    }
  });

const CONSTRUCTION = fc.constantFrom(
  (ctx) => `const c${ctx.n++} = ${ctx.env.axios}.create({ baseURL: base, timeout: 5000 });`,
  (ctx) => {
    const c = fresh(ctx, 'inst');
    return `const ${c} = ${ctx.env.axios}.create({ baseURL: url });\nconst r${ctx.n++} = ${ctx.async ? 'await ' : ''}${c}.get('/health');`;
  },
  (ctx) => `const agent${ctx.n++} = new ${ctx.env.https}.Agent({ keepAlive: true, maxSockets: Infinity });`,
  (ctx) => `const pool${ctx.n++} = new ${ctx.env.Pool}('https://api.example.com', { connections: 0 });`,
  (ctx) => `const ag${ctx.n++} = new ${ctx.env.Agent}({ connections: 10 });`,
  (ctx) => `const limit${ctx.n++} = pLimit(4);`,
  (ctx) => `const ext${ctx.n++} = ${ctx.env.got}.extend({ prefixUrl: base, timeout: { request: 2000 } });`,
  (ctx) => `const k${ctx.n++} = ${ctx.env.ky}.create({ prefixUrl: base });`,
  (ctx) => `${ctx.env.axios}.defaults.timeout = 2500;`,
  (ctx) => `${ctx.cls ? 'this' : 'holder'}.client = ${ctx.env.axios}.create();`,
  (ctx) => `cache.set(base, ${ctx.env.axios}.create({ baseURL: base }));`,
  (ctx) => (ctx.fn ? `return ${ctx.env.axios}.create({ baseURL: base });` : `holder.client = ${ctx.env.axios}.create();`),
  (ctx) => {
    const c = fresh(ctx, 'controller');
    return `const ${c} = new AbortController();\nconst timer${ctx.n++} = setTimeout(() => ${c}.abort(), 1000);\nawait ${ctx.env.fetch}(url, { signal: ${c}.signal });`.replace('await ', ctx.async ? 'await ' : '');
  },
);

/** Node's callback API: `http.get(url, (res) => { ... })`, decoding chunks. */
const NODE_CALLBACK = fc.constantFrom(
  (ctx) =>
    `${ctx.env.http}.get(url, (res) => {\n  let body = '';\n  res.on('data', (chunk) => { body += chunk; });\n  res.on('end', () => handle(JSON.parse(body)));\n}).on('error', (err) => console.error(err));`,
  (ctx) =>
    `const req${ctx.n++} = ${ctx.env.https}.request({ hostname: 'example.com', path: '/', method: 'POST', timeout: 1000 }, (res) => {\n  res.setEncoding('utf8');\n  res.on('data', (chunk) => chunks.push(chunk));\n});\nreq${ctx.n - 1}.end(JSON.stringify(data));`,
  (ctx) => `${ctx.env.https}.get(url, { agent: new ${ctx.env.https}.Agent({ keepAlive: true }) }, (res) => res.resume());`,
  (ctx) => `${ctx.env.http}.request(url, (res) => {\n  const parts = [];\n  res.on('data', (c) => parts.push(c));\n  res.on('end', () => handle(Buffer.concat(parts).toString('utf8')));\n}).end();`,
);

/** Timeouts from `AbortSignal.timeout()` and the error name a handler looks for. */
const TIMEOUT_HANDLING = fc
  .tuple(fc.constantFrom('AbortError', 'TimeoutError'), fc.constantFrom('fetch', 'undici', 'const'), fc.boolean())
  .map(([name, how, chained]) => (ctx) => {
    const call =
      how === 'undici'
        ? `${ctx.env.undiciFetch}(url, { signal: AbortSignal.timeout(3000) })`
        : how === 'const'
          ? 'fetch(url, { signal: timeoutSignal })'
          : 'fetch(url, { signal: AbortSignal.timeout(3000) })';
    const pre = how === 'const' ? `const timeoutSignal = AbortSignal.timeout(2000);\n` : '';
    if (chained || !ctx.async) {
      return `{\n  ${pre}${call}.then((r) => handle(r)).catch((err) => {\n    if (err.name === '${name}') return null;\n    throw err;\n  });\n}`;
    }
    const r = fresh(ctx, 'res');
    return `try {\n  ${pre}const ${r} = await ${call};\n  handle(${r});\n} catch (err) {\n  if (err.name === '${name}') {\n    console.warn('timed out', url);\n  } else {\n    throw err;\n  }\n}`;
  });

/** Shadowed client names: none of these is a client. */
const SHADOWED = fc.constantFrom(
  () => `{\n  const fetch = (u) => ({ json: () => u });\n  fetch(url).json();\n}`,
  () => `{\n  const axios = { get: (u) => u, create: () => ({}) };\n  axios.get(url);\n  axios.create();\n}`,
  () => 'map.get(url);\nrouter.get(\'/x\', handler);',
  () => `{\n  function got(u) { return u; }\n  got(url);\n}`,
);

const CATCH_BODY = fc.constantFrom(
  'console.error(err.response.status);',
  'if (err.response) { console.error(err.response.data); } else { console.error(err.message); }',
  "if (err.name === 'AbortError') { console.warn('aborted'); }",
  "if (err.name === 'TimeoutError') return null;",
  'throw err;',
  "throw new Error('request failed: ' + err.message);",
  'throw new Error(`GET ${url} failed`, { cause: err });',
  'console.log(err?.response?.data ?? err);',
  'const { status } = err.response;',
  'if (axiosNs.isAxiosError(err) && err.response) { console.error(err.response.status); }',
  '',
);

const STATEMENTS = fc.letrec((tie) => ({
  stmt: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    AWAITED,
    EXPRESSION_STATEMENT,
    CONSTRUCTION,
    NODE_CALLBACK,
    SHADOWED,
    TIMEOUT_HANDLING,
    tie('compound'),
  ),
  body: fc.array(tie('stmt'), { minLength: 1, maxLength: 4 }),
  compound: fc.oneof(
    tie('body').map((b) => (ctx) => `for (const item of items) {\n${indent(join(b, ctx))}\n}`),
    tie('body').map((b) => (ctx) => `for (let i = 0; i < n; i++) {\n${indent(join(b, ctx))}\n}`),
    tie('body').map((b) => (ctx) => `while (queue.length > 0) {\n  const item = queue.shift();\n${indent(join(b, ctx))}\n}`),
    fc.tuple(tie('body'), fc.constantFrom('items', 'items.slice(0, 5)', "['a', 'b']", 'batch', 'Object.keys(data)')).map(
      ([b, list]) =>
        (ctx) => {
          const inner = { ...ctx, fn: true, async: true };
          const text = `${ctx.async ? 'await ' : ''}Promise.all(${list}.map(async (item) => {\n${indent(join(b, inner))}\n}));`;
          ctx.n = inner.n;
          return text;
        },
    ),
    fc.tuple(REQUEST, fc.constantFrom('all', 'allSettled', 'race', 'any')).map(
      ([req, how]) =>
        (ctx) =>
          `${ctx.async ? 'await ' : ''}Promise.${how}(items.map((item) => ${req.moduleOnly ? 'fetch(item)' : req.render(ctx)}));`,
    ),
    fc.tuple(REQUEST, REQUEST).map(([a, b]) => (ctx) => `const [p${ctx.n++}, q${ctx.n++}] = ${ctx.async ? 'await ' : ''}Promise.all([${a.moduleOnly ? 'fetch(url)' : a.render(ctx)}, ${b.moduleOnly ? 'fetch(url)' : b.render(ctx)}]);`),
    fc.tuple(REQUEST).map(([req]) => (ctx) => `await Promise.all(items.map((item) => limit(() => ${req.moduleOnly ? 'fetch(item)' : req.render(ctx)})));`.replace(/^await /u, ctx.async ? 'await ' : '')),
    tie('body').map((b) => (ctx) => {
      const inner = { ...ctx, fn: true, async: true };
      const text = `items.forEach(async (item) => {\n${indent(join(b, inner))}\n});`;
      ctx.n = inner.n;
      return text;
    }),
    fc.tuple(tie('body'), CATCH_BODY).map(([b, c]) => (ctx) => {
      const body = indent(join(b, ctx));
      const handler = ctx.fn || !/return/u.test(c) ? c : 'console.error(err);';
      return `try {\n${body}\n} catch (err) {\n${indent(handler)}\n}`;
    }),
    fc.tuple(tie('body'), tie('body')).map(([a, b]) => (ctx) => `if (cond) {\n${indent(join(a, ctx))}\n} else {\n${indent(join(b, ctx))}\n}`),
    tie('body').map((b) => (ctx) => {
      const inner = { ...ctx, fn: true, async: true };
      const text = `setInterval(async () => {\n${indent(join(b, inner))}\n}, 1000);`;
      ctx.n = inner.n;
      return text;
    }),
  ),
}));

const BODY = STATEMENTS.body;

/** A top-level declaration: functions, arrow functions, classes, route handlers, plain statements. */
const DECLARATION = fc.oneof(
  fc.tuple(BODY, fc.boolean()).map(([b, exported]) => (ctx) => {
    const name = fresh(ctx, 'load');
    const inner = { ...ctx, fn: true, async: true, cls: false };
    const text = `${exported && ctx.mode === 'module' ? 'export ' : ''}async function ${name}(url, items, options) {\n${indent(join(b, inner))}\n}`;
    ctx.n = inner.n;
    return text;
  }),
  BODY.map((b) => (ctx) => {
    const name = fresh(ctx, 'task');
    const inner = { ...ctx, fn: true, async: true, cls: false };
    const text = `const ${name} = async (url, item) => {\n${indent(join(b, inner))}\n};`;
    ctx.n = inner.n;
    return text;
  }),
  fc.tuple(BODY, BODY, fc.constantFrom('constructor', 'field', 'none')).map(([b1, b2, init]) => (ctx) => {
    const name = fresh(ctx, 'Service');
    const inner = { ...ctx, fn: true, async: true, cls: true };
    const head =
      init === 'constructor'
        ? `  constructor(baseURL) {\n    this.client = ${ctx.env.axios}.create({ baseURL, timeout: 1000 });\n  }\n`
        : init === 'field'
          ? `  client = ${ctx.env.axios}.create({ timeout: 1000 });\n  agent = new ${ctx.env.https}.Agent({ keepAlive: true });\n`
          : '';
    const text = `class ${name} {\n${head}  async list(url, items, options) {\n${indent(indent(join(b1, inner)))}\n  }\n  async get(id) {\n${indent(indent(join(b2, inner)))}\n  }\n}`;
    ctx.n = inner.n;
    return text;
  }),
  BODY.map((b) => (ctx) => {
    const inner = { ...ctx, fn: true, async: true, cls: false };
    const text = `app.get('/items/:id', async (req, reply) => {\n  const id = req.params.id;\n${indent(join(b, inner))}\n  reply.json({ ok: true });\n});`;
    ctx.n = inner.n;
    return text;
  }),
  BODY.map((b) => (ctx) => {
    const name = fresh(ctx, 'sync');
    const inner = { ...ctx, fn: true, async: false, cls: false };
    const text = `function ${name}(url) {\n${indent(join(b, inner))}\n}`;
    ctx.n = inner.n;
    return text;
  }),
  BODY.map((b) => (ctx) => {
    // Top-level statements: awaited in modules, inside an async IIFE in CommonJS.
    if (ctx.mode === 'module') {
      const top = { ...ctx, fn: false, async: true, cls: false };
      const text = join(b, top);
      ctx.n = top.n;
      return text;
    }
    const inner = { ...ctx, fn: true, async: true, cls: false };
    const text = `(async () => {\n${indent(join(b, inner))}\n})();`;
    ctx.n = inner.n;
    return text;
  }),
);

const IMPORTS = {
  module: [
    (env) => `import ${env.axios} from 'axios';`,
    (env) => `import * as axiosNs from 'axios';`,
    (env) => `import ${env.got} from 'got';`,
    (env) => `import ${env.ky} from 'ky';`,
    (env) => `import { request as ${env.request}, fetch as ${env.undiciFetch}, Pool as ${env.Pool}, Agent as ${env.Agent} } from 'undici';`,
    (env) => `import ${env.http} from 'node:http';`,
    (env) => `import * as ${env.https} from 'https';`,
    (env) => (env.fetch === 'nodeFetch' ? `import nodeFetch from 'node-fetch';` : ''),
    () => `import pLimit from 'p-limit';`,
  ],
  commonjs: [
    (env) => `const ${env.axios} = require('axios');`,
    () => `const axiosNs = require('axios').default;`,
    (env) => `const ${env.got} = require('got');`,
    (env) => `const ${env.ky} = require('ky').default;`,
    (env) => `const { request: ${env.request}, fetch: ${env.undiciFetch}, Pool: ${env.Pool}, Agent: ${env.Agent} } = require('undici');`,
    (env) => `const ${env.http} = require('node:http');`,
    (env) => `const ${env.https} = require('https');`,
    (env) => (env.fetch === 'nodeFetch' ? `const nodeFetch = require('node-fetch');` : ''),
    () => `const pLimit = require('p-limit');`,
  ],
};

const prelude = (env) => `let url = 'https://api.example.com';
let base = process.env.API_URL;
let id = '42';
let data = { name: 'x' };
let items = [];
let queue = [];
let batch = [];
let promises = [];
let chunks = [];
let total = 0;
let n = 3;
let cond = Math.random() > 0.5;
let options = {};
let signal = undefined;
let controller = new AbortController();
const cache = new Map();
const holder = {};
const map = new Map();
const router = { get() {} };
const app = { get() {} };
const client = { fetch: async (u) => u };
const handler = () => {};
const api = ${env.axios}.create({ baseURL: base, timeout: 3000 });
const pool = new ${env.Pool}('https://api.example.com', { connections: 16 });
const agent = new ${env.Agent}({ keepAliveTimeout: 10000 });
const limit = (f) => f();
function handle(value) { return value; }
function assertOk(res) { if (!res.ok) throw new Error(String(res.status)); }
async function fetchJsonWrapper(u) { return u; }`;

/**
 * Whole programs: `{ code, mode }`. Client bindings get randomly chosen local names, so the rules
 * must follow imports rather than names.
 */
export function makeProgramArbitrary({ maxDeclarations = 4 } = {}) {
  return fc
    .record({
      mode: fc.constantFrom('module', 'commonjs'),
      axios: fc.constantFrom('axios', 'httpClient', 'Axios'),
      got: fc.constantFrom('got', 'gotClient'),
      ky: fc.constantFrom('ky', 'kyClient'),
      request: fc.constantFrom('request', 'undiciRequest'),
      fetch: fc.constantFrom('fetch', 'fetch', 'nodeFetch', 'globalThis.fetch'),
      http: fc.constantFrom('http', 'nodeHttp'),
      https: fc.constantFrom('https', 'nodeHttps'),
      decls: fc.array(DECLARATION, { minLength: 1, maxLength: maxDeclarations }),
    })
    .map(({ mode, decls, ...names }) => {
      const env = { ...names, undiciFetch: 'undiciFetch', Pool: 'Pool', Agent: 'UndiciAgent' };
      const ctx = { n: 0, fn: false, async: mode === 'module', cls: false, mode, env };
      const imports = IMPORTS[mode].map((line) => line(env)).filter(Boolean);
      const code = `${imports.join('\n')}\n\n${prelude(env)}\n\n${decls.map((d) => d(ctx)).join('\n\n')}\n`;
      return { code, mode };
    });
}

/** Programs of up to four top-level declarations. */
export const programArbitrary = makeProgramArbitrary();
