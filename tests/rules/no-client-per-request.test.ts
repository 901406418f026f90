import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-client-per-request';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

const OPENS_POOL = 'opens a new connection pool';
const BUILDS_CLIENT = 'builds a new client';
const ROUTE_ADVICE = 'create it once at module scope or at start-up';
const NEST_ADVICE = 'create it once in a provider or the constructor';
const NEXT_ADVICE = 'create it once at module scope';

ruleTester.run('no-client-per-request', rule, {
  valid: [
    // Module scope: created once, shared by every call.
    `
import axios from 'axios';
import https from 'node:https';
const agent = new https.Agent({ keepAlive: true });
export const api = axios.create({ baseURL: 'https://api.example.com', httpsAgent: agent, timeout: 5000 });
export function getUser(id) {
  return api.get(\`/users/\${id}\`);
}
`,
    // A module-level conditional or ternary is still module scope.
    `
import { Agent, ProxyAgent } from 'undici';
export const dispatcher = process.env.HTTPS_PROXY ? new ProxyAgent(process.env.HTTPS_PROXY) : new Agent();
`,
    // Factories hand the client to the caller.
    `
import axios from 'axios';
export function createClient(options) {
  return axios.create(options);
}
`,
    `
import got from 'got';
export const createClient = (prefixUrl) => got.extend({ prefixUrl });
`,
    `
import ky from 'ky';
export function createClients(token) {
  const api = ky.create({ prefixUrl: '/api', headers: { authorization: token } });
  const admin = api.extend({ prefixUrl: '/admin' });
  return { api, admin };
}
`,
    `
import got from 'got';
export function createClient() {
  const base = got.extend({ prefixUrl: 'https://api.example.com' });
  return base.extend({ headers: { 'user-agent': 'app' } });
}
`,
    `
import { Pool } from 'undici';
export function* pools(origins) {
  for (const origin of origins) yield new Pool(origin);
}
`,
    `
import https from 'node:https';
export default () => new https.Agent({ keepAlive: true });
`,
    // Stored on \`this\`: constructors, field initialisers, lazy getters.
    `
import axios from 'axios';
import https from 'node:https';
export class UserService {
  http = axios.create({ baseURL: 'https://users.example.com' });
  static agent = new https.Agent({ keepAlive: true });
  constructor(baseURL) {
    const agent = new https.Agent({ keepAlive: true });
    this.api = axios.create({ baseURL, httpsAgent: agent });
  }
  get admin() {
    return (this._admin ??= axios.create({ baseURL: '/admin' }));
  }
  static {
    UserService.shared = axios.create();
  }
}
`,
    `
import { Pool } from 'undici';
export class Pools {
  constructor(origins) {
    this.pools = [];
    for (const origin of origins) this.pools.push(new Pool(origin));
  }
}
`,
    // Memoised and lazy singletons.
    `
import axios from 'axios';
let client;
export function getClient() {
  if (!client) {
    client = axios.create({ baseURL: 'https://api.example.com' });
  }
  return client;
}
`,
    `
import { Agent } from 'undici';
let agent;
export const getAgent = () => (agent ??= new Agent({ connections: 10 }));
`,
    `
import { Pool } from 'undici';
export function lazyPool(origin) {
  let pool;
  return () => {
    pool ||= new Pool(origin);
    return pool;
  };
}
`,
    `
import axios from 'axios';
export function getClient() {
  return (globalThis.__apiClient ??= axios.create());
}
`,
    // Caches keyed by host.
    `
import { Agent } from 'undici';
const agents = new Map();
export function agentFor(host) {
  let agent = agents.get(host);
  if (!agent) {
    agent = new Agent();
    agents.set(host, agent);
  }
  return agent;
}
`,
    `
import https from 'node:https';
const cache = {};
export function warm(host) {
  cache[host] = new https.Agent({ keepAlive: true });
}
`,
    `
import { Pool } from 'undici';
const pools = new Map();
export function warmAll(origins) {
  for (const origin of origins) pools.set(origin, new Pool(origin));
}
`,
    `
import axios from 'axios';
const clients = [];
export function register(baseURL) {
  clients.push(axios.create({ baseURL }));
}
`,
    // Handed to something that may keep it.
    `
import { Agent, setGlobalDispatcher } from 'undici';
export function configure() {
  setGlobalDispatcher(new Agent({ connections: 50 }));
}
`,
    `
import https from 'node:https';
export function attach(req) {
  req.agent = new https.Agent();
}
`,
    `
import axios from 'axios';
export function install() {
  module.exports.client = axios.create();
}
`,
    `
import https from 'node:https';
import { Registry } from './registry';
export function setup(name) {
  return new Registry(name, new https.Agent({ keepAlive: true }));
}
`,
    `
import https from 'node:https';
export function options() {
  const options = { httpsAgent: new https.Agent({ keepAlive: true }) };
  return options;
}
`,
    // A closure that outlives the call keeps the agent alive and reuses it.
    `
import { Agent } from 'undici';
export function makeFetcher(origin) {
  const agent = new Agent();
  return (path) => fetch(origin + path, { dispatcher: agent });
}
`,
    `
import { Agent } from 'undici';
export function startPolling(url) {
  const agent = new Agent();
  setInterval(() => fetch(url, { dispatcher: agent }), 60_000);
}
`,
    `
import { Agent } from 'undici';
export function makeFetcher(origin) {
  const agent = new Agent();
  function fetchPath(path) {
    return fetch(origin + path, { dispatcher: agent });
  }
  return fetchPath;
}
`,
    // React: initialisers run once per component, not per render.
    `
import axios from 'axios';
import { useMemo, useRef, useState } from 'react';
export function useApi(baseURL) {
  const api = useMemo(() => axios.create({ baseURL }), [baseURL]);
  const ref = useRef(axios.create());
  const [client] = useState(() => axios.create({ baseURL }));
  return { api, ref, client };
}
`,
    `
import axios from 'axios';
export function App() {
  return <ApiContext.Provider value={axios.create()}><Main /></ApiContext.Provider>;
}
`,
    // Code that runs once: an IIFE at module level, a main() script.
    `
import { Agent } from 'undici';
(async () => {
  const agent = new Agent();
  const res = await fetch('https://example.com', { dispatcher: agent, signal: AbortSignal.timeout(5000) });
  console.log(res.status);
})();
`,
    `
import axios from 'axios';
async function main() {
  const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
  const { data } = await api.get('/status');
  console.log(data);
}
main().catch(console.error);
`,
    `
const { Agent } = require('undici');
const main = async () => {
  const dispatcher = new Agent();
  await fetch('https://example.com', { dispatcher });
};
if (require.main === module) main();
`,
    // At module level, one agent per host is built once.
    `
import { Agent } from 'undici';
export const agents = [];
for (const host of ['a.example.com', 'b.example.com']) agents.push(new Agent());
`,
    // Not a client: shadowed libraries, unrelated \`create\` and \`Agent\`.
    `
export function make(axios) {
  const api = axios.create();
  return api.get('/');
}
`,
    `
import axiosLib from 'axios';
export function make() {
  const axios = { create: () => ({ get: () => null }) };
  return axios.create().get('/');
}
`,
    `
import { Agent } from './my-agent';
export function handler(req, res) {
  const agent = new Agent();
  res.send(agent.name);
}
`,
    `
export function handler() {
  const seen = Object.create(null);
  const cache = new Map();
  return { seen, cache };
}
`,
    // A client passed on through the options of another client that escapes.
    `
import axios from 'axios';
import https from 'node:https';
export function createClient(baseURL) {
  const agent = new https.Agent({ keepAlive: true });
  const options = { baseURL, httpsAgent: agent };
  return axios.create(options);
}
`,
    // `.call(this)` on a function at module level runs it once.
    `
import { Agent } from 'undici';
(function () {
  fetch('https://example.com', { dispatcher: new Agent() });
}).call(this);
`,
    // A function the file names \`require\` is not CommonJS's.
    {
      code: `
function require(name) {
  return { createClient: () => name };
}
const { createClient } = require('@acme/http');
export function load() {
  return createClient().get('/');
}
`,
      options: [{ additionalClients: [{ module: '@acme/http', export: 'createClient' }] }],
    },
    // In a script, a global function named \`require\` is not CommonJS's either.
    {
      code: `
function require(name) {
  return { createClient: function () { return name; } };
}
function load() {
  return require('@acme/http').createClient().get('/');
}
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      options: [{ additionalClients: [{ module: '@acme/http', export: 'createClient' }] }],
    },
    // An entry that names a client the plugin already knows does not report it twice.
    {
      code: `
import axios from 'axios';
export function make() {
  return axios.create();
}
`,
      options: [{ additionalClients: [{ module: 'axios', export: 'create' }] }],
    },
    // Test files may be skipped.
    {
      code: `
import axios from 'axios';
it('works', async () => {
  const api = axios.create();
  await api.get('/');
});
`,
      filename: 'src/api.test.ts',
      options: [{ ignoreTestFiles: true }],
    },
    {
      code: `
import { Agent } from 'undici';
test('agent', () => {
  fetch('/x', { dispatcher: new Agent() });
});
`,
      filename: 'src/__tests__/agent.ts',
      options: [{ ignoreTestFiles: true }],
    },
    // A custom factory that returns its client.
    {
      code: `
import { createClient } from '@acme/http';
export function makeClient(token) {
  return createClient({ token });
}
`,
      options: [{ additionalClients: [{ module: '@acme/http', export: 'createClient', kind: 'instance' }] }],
    },
  ],
  invalid: [
    // An Express handler creating an agent per request
    {
      code: `
import axios from 'axios';
import https from 'node:https';
import express from 'express';

const app = express();

app.get('/users/:id', async (req, res) => {
  const agent = new https.Agent({ keepAlive: true });
  const { data } = await axios.get(\`https://users.example.com/\${req.params.id}\`, { httpsAgent: agent, timeout: 5000 });
  res.json(data);
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 32,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, handler: 'the route handler passed to `app.get`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'agent' },
              output: `
import axios from 'axios';
import https from 'node:https';
import express from 'express';

const app = express();

const agent = new https.Agent({ keepAlive: true });

app.get('/users/:id', async (req, res) => {
  const { data } = await axios.get(\`https://users.example.com/\${req.params.id}\`, { httpsAgent: agent, timeout: 5000 });
  res.json(data);
});
`,
            },
          ],
        },
      ],
    },
    // Inline in the options of an axios request: the suggestion uses the property shorthand
    {
      code: `
import axios from 'axios';
import https from 'https';

export async function getUser(id) {
  const response = await axios.get(\`/users/\${id}\`, {
    httpsAgent: new https.Agent({ rejectUnauthorized: false }),
  });
  return response.data;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 32,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`getUser`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import axios from 'axios';
import https from 'https';

const httpsAgent = new https.Agent({ rejectUnauthorized: false });

export async function getUser(id) {
  const response = await axios.get(\`/users/\${id}\`, {
    httpsAgent,
  });
  return response.data;
}
`,
            },
          ],
        },
      ],
    },
    // undici Agent as a fetch dispatcher
    {
      code: `
import { Agent } from 'undici';

export function load(url) {
  return fetch(url, { dispatcher: new Agent({ connections: 10 }) });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 44,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`load`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent({ connections: 10 });

export function load(url) {
  return fetch(url, { dispatcher: agent });
}
`,
            },
          ],
        },
      ],
    },
    // https.request with a new agent, CommonJS
    {
      code: `
const https = require('node:https');

function ping(host, callback) {
  https.request({ host, agent: new https.Agent() }, callback).end();
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 47,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`ping`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
const https = require('node:https');

const httpsAgent = new https.Agent();

function ping(host, callback) {
  https.request({ host, agent: httpsAgent }, callback).end();
}
`,
            },
          ],
        },
      ],
    },
    // axios.create() per call
    {
      code: `
import axios from 'axios';

export async function getUser(id) {
  const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
  const { data } = await api.get(\`/users/\${id}\`);
  return data;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 27,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, fn: '`getUser`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'api' },
              output: `
import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });

export async function getUser(id) {
  const { data } = await api.get(\`/users/\${id}\`);
  return data;
}
`,
            },
          ],
        },
      ],
    },
    // got.extend(), ky.create() and ky.extend() per call
    {
      code: `
import got from 'got';
import ky from 'ky';

export async function loadAll() {
  const client = got.extend({ prefixUrl: 'https://api.example.com', timeout: { request: 5000 } });
  const api = ky.create({ prefixUrl: '/api' });
  const admin = ky.extend({ prefixUrl: '/admin' });
  return [await client.get('a').json(), await api.get('b').json(), await admin.get('c').json()];
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 28,
          data: { client: 'got.extend()', effect: BUILDS_CLIENT, fn: '`loadAll`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'got.extend()', name: 'client' },
              output: `
import got from 'got';
import ky from 'ky';

const client = got.extend({ prefixUrl: 'https://api.example.com', timeout: { request: 5000 } });

export async function loadAll() {
  const api = ky.create({ prefixUrl: '/api' });
  const admin = ky.extend({ prefixUrl: '/admin' });
  return [await client.get('a').json(), await api.get('b').json(), await admin.get('c').json()];
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 24,
          data: { client: 'ky.create()', effect: BUILDS_CLIENT, fn: '`loadAll`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'ky.create()', name: 'api' },
              output: `
import got from 'got';
import ky from 'ky';

const api = ky.create({ prefixUrl: '/api' });

export async function loadAll() {
  const client = got.extend({ prefixUrl: 'https://api.example.com', timeout: { request: 5000 } });
  const admin = ky.extend({ prefixUrl: '/admin' });
  return [await client.get('a').json(), await api.get('b').json(), await admin.get('c').json()];
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 26,
          data: { client: 'ky.extend()', effect: BUILDS_CLIENT, fn: '`loadAll`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'ky.extend()', name: 'admin' },
              output: `
import got from 'got';
import ky from 'ky';

const admin = ky.extend({ prefixUrl: '/admin' });

export async function loadAll() {
  const client = got.extend({ prefixUrl: 'https://api.example.com', timeout: { request: 5000 } });
  const api = ky.create({ prefixUrl: '/api' });
  return [await client.get('a').json(), await api.get('b').json(), await admin.get('c').json()];
}
`,
            },
          ],
        },
      ],
    },
    // undici Client, Pool and ProxyAgent per call
    {
      code: `
import { Client, Pool, ProxyAgent, request } from 'undici';

export async function status(origin) {
  const client = new Client('http://localhost:3000');
  const { statusCode } = await client.request({ path: '/health', method: 'GET' });
  const pool = new Pool(origin, { connections: 4 });
  await pool.request({ path: '/', method: 'GET' });
  await request('https://example.com', { dispatcher: new ProxyAgent('http://proxy:8080') });
  return statusCode;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 28,
          data: { client: 'new Client()', effect: OPENS_POOL, fn: '`status`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Client()', name: 'client' },
              output: `
import { Client, Pool, ProxyAgent, request } from 'undici';

const client = new Client('http://localhost:3000');

export async function status(origin) {
  const { statusCode } = await client.request({ path: '/health', method: 'GET' });
  const pool = new Pool(origin, { connections: 4 });
  await pool.request({ path: '/', method: 'GET' });
  await request('https://example.com', { dispatcher: new ProxyAgent('http://proxy:8080') });
  return statusCode;
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 24,
          data: { client: 'new Pool()', effect: OPENS_POOL, fn: '`status`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 9,
          column: 54,
          endLine: 9,
          endColumn: 68,
          data: { client: 'new ProxyAgent()', effect: OPENS_POOL, fn: '`status`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new ProxyAgent()', name: 'proxyAgent' },
              output: `
import { Client, Pool, ProxyAgent, request } from 'undici';

const proxyAgent = new ProxyAgent('http://proxy:8080');

export async function status(origin) {
  const client = new Client('http://localhost:3000');
  const { statusCode } = await client.request({ path: '/health', method: 'GET' });
  const pool = new Pool(origin, { connections: 4 });
  await pool.request({ path: '/', method: 'GET' });
  await request('https://example.com', { dispatcher: proxyAgent });
  return statusCode;
}
`,
            },
          ],
        },
      ],
    },
    // Proxy agents from the proxy-agent packages
    {
      code: `
import fetch from 'node-fetch';
import { HttpsProxyAgent } from 'https-proxy-agent';
const { HttpProxyAgent } = require('http-proxy-agent');
import { SocksProxyAgent } from 'socks-proxy-agent';
import { ProxyAgent } from 'proxy-agent';

export async function viaProxy(url) {
  await fetch(url, { agent: new HttpsProxyAgent(process.env.HTTPS_PROXY) });
  await fetch(url, { agent: new HttpProxyAgent(process.env.HTTP_PROXY) });
  await fetch(url, { agent: new SocksProxyAgent('socks://127.0.0.1:1080') });
  await fetch(url, { agent: new ProxyAgent() });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 9,
          column: 29,
          endLine: 9,
          endColumn: 48,
          data: { client: 'new HttpsProxyAgent()', effect: OPENS_POOL, fn: '`viaProxy`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new HttpsProxyAgent()', name: 'httpsProxyAgent' },
              output: `
import fetch from 'node-fetch';
import { HttpsProxyAgent } from 'https-proxy-agent';
const { HttpProxyAgent } = require('http-proxy-agent');
import { SocksProxyAgent } from 'socks-proxy-agent';
import { ProxyAgent } from 'proxy-agent';

const httpsProxyAgent = new HttpsProxyAgent(process.env.HTTPS_PROXY);

export async function viaProxy(url) {
  await fetch(url, { agent: httpsProxyAgent });
  await fetch(url, { agent: new HttpProxyAgent(process.env.HTTP_PROXY) });
  await fetch(url, { agent: new SocksProxyAgent('socks://127.0.0.1:1080') });
  await fetch(url, { agent: new ProxyAgent() });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 10,
          column: 29,
          endLine: 10,
          endColumn: 47,
          data: { client: 'new HttpProxyAgent()', effect: OPENS_POOL, fn: '`viaProxy`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new HttpProxyAgent()', name: 'httpProxyAgent' },
              output: `
import fetch from 'node-fetch';
import { HttpsProxyAgent } from 'https-proxy-agent';
const { HttpProxyAgent } = require('http-proxy-agent');
import { SocksProxyAgent } from 'socks-proxy-agent';
import { ProxyAgent } from 'proxy-agent';

const httpProxyAgent = new HttpProxyAgent(process.env.HTTP_PROXY);

export async function viaProxy(url) {
  await fetch(url, { agent: new HttpsProxyAgent(process.env.HTTPS_PROXY) });
  await fetch(url, { agent: httpProxyAgent });
  await fetch(url, { agent: new SocksProxyAgent('socks://127.0.0.1:1080') });
  await fetch(url, { agent: new ProxyAgent() });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 11,
          column: 29,
          endLine: 11,
          endColumn: 48,
          data: { client: 'new SocksProxyAgent()', effect: OPENS_POOL, fn: '`viaProxy`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new SocksProxyAgent()', name: 'socksProxyAgent' },
              output: `
import fetch from 'node-fetch';
import { HttpsProxyAgent } from 'https-proxy-agent';
const { HttpProxyAgent } = require('http-proxy-agent');
import { SocksProxyAgent } from 'socks-proxy-agent';
import { ProxyAgent } from 'proxy-agent';

const socksProxyAgent = new SocksProxyAgent('socks://127.0.0.1:1080');

export async function viaProxy(url) {
  await fetch(url, { agent: new HttpsProxyAgent(process.env.HTTPS_PROXY) });
  await fetch(url, { agent: new HttpProxyAgent(process.env.HTTP_PROXY) });
  await fetch(url, { agent: socksProxyAgent });
  await fetch(url, { agent: new ProxyAgent() });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 12,
          column: 29,
          endLine: 12,
          endColumn: 43,
          data: { client: 'new ProxyAgent()', effect: OPENS_POOL, fn: '`viaProxy`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new ProxyAgent()', name: 'proxyAgent' },
              output: `
import fetch from 'node-fetch';
import { HttpsProxyAgent } from 'https-proxy-agent';
const { HttpProxyAgent } = require('http-proxy-agent');
import { SocksProxyAgent } from 'socks-proxy-agent';
import { ProxyAgent } from 'proxy-agent';

const proxyAgent = new ProxyAgent();

export async function viaProxy(url) {
  await fetch(url, { agent: new HttpsProxyAgent(process.env.HTTPS_PROXY) });
  await fetch(url, { agent: new HttpProxyAgent(process.env.HTTP_PROXY) });
  await fetch(url, { agent: new SocksProxyAgent('socks://127.0.0.1:1080') });
  await fetch(url, { agent: proxyAgent });
}
`,
            },
          ],
        },
      ],
    },
    // Proxy agents gathered in an array that does not outlive the call
    {
      code: `
import { HttpsProxyAgent } from 'https-proxy-agent';

export async function viaProxies(url, proxies) {
  const a = new HttpsProxyAgent(proxies[0]);
  const b = new HttpsProxyAgent(proxies[1]);
  return Promise.all([a, b].map((agent) => fetch(url, { agent })));
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 32,
          data: { client: 'new HttpsProxyAgent()', effect: OPENS_POOL, fn: '`viaProxies`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 32,
          data: { client: 'new HttpsProxyAgent()', effect: OPENS_POOL, fn: '`viaProxies`' },
          suggestions: [],
        },
      ],
    },
    // agentkeepalive
    {
      code: `
const Agent = require('agentkeepalive');
const { HttpsAgent } = require('agentkeepalive');
const axios = require('axios');

module.exports.get = function get(url) {
  return axios.get(url, { httpAgent: new Agent(), httpsAgent: new HttpsAgent({ keepAlive: true }) });
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 38,
          endLine: 7,
          endColumn: 47,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`get`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
const Agent = require('agentkeepalive');
const { HttpsAgent } = require('agentkeepalive');
const axios = require('axios');

const agent = new Agent();

module.exports.get = function get(url) {
  return axios.get(url, { httpAgent: agent, httpsAgent: new HttpsAgent({ keepAlive: true }) });
};
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 7,
          column: 63,
          endLine: 7,
          endColumn: 77,
          data: { client: 'new HttpsAgent()', effect: OPENS_POOL, fn: '`get`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new HttpsAgent()', name: 'httpsAgent' },
              output: `
const Agent = require('agentkeepalive');
const { HttpsAgent } = require('agentkeepalive');
const axios = require('axios');

const httpsAgent = new HttpsAgent({ keepAlive: true });

module.exports.get = function get(url) {
  return axios.get(url, { httpAgent: new Agent(), httpsAgent });
};
`,
            },
          ],
        },
      ],
    },
    // Import shapes: namespace, aliased, require, .default, dynamic import
    {
      code: `
import * as https from 'node:https';
import { Agent as UndiciAgent } from 'undici';
const http = require('http');
const axios = require('axios').default;
const { Pool } = require('undici');

export async function shapes(url) {
  await fetch(url, { dispatcher: new UndiciAgent() });
  https.get(url, { agent: new https.Agent() });
  http.get(url, { agent: new http.Agent({ keepAlive: true }) });
  await axios.get(url, { httpAgent: new (require('node:http').Agent)() });
  const pool = new Pool(url);
  await pool.request({ path: '/', method: 'GET' });
  const { Client } = await import('undici');
  const client = new Client(url);
  await client.request({ path: '/', method: 'GET' });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 9,
          column: 34,
          endLine: 9,
          endColumn: 49,
          data: { client: 'new UndiciAgent()', effect: OPENS_POOL, fn: '`shapes`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new UndiciAgent()', name: 'undiciAgent' },
              output: `
import * as https from 'node:https';
import { Agent as UndiciAgent } from 'undici';
const http = require('http');
const axios = require('axios').default;
const { Pool } = require('undici');

const undiciAgent = new UndiciAgent();

export async function shapes(url) {
  await fetch(url, { dispatcher: undiciAgent });
  https.get(url, { agent: new https.Agent() });
  http.get(url, { agent: new http.Agent({ keepAlive: true }) });
  await axios.get(url, { httpAgent: new (require('node:http').Agent)() });
  const pool = new Pool(url);
  await pool.request({ path: '/', method: 'GET' });
  const { Client } = await import('undici');
  const client = new Client(url);
  await client.request({ path: '/', method: 'GET' });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`shapes`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import * as https from 'node:https';
import { Agent as UndiciAgent } from 'undici';
const http = require('http');
const axios = require('axios').default;
const { Pool } = require('undici');

const httpsAgent = new https.Agent();

export async function shapes(url) {
  await fetch(url, { dispatcher: new UndiciAgent() });
  https.get(url, { agent: httpsAgent });
  http.get(url, { agent: new http.Agent({ keepAlive: true }) });
  await axios.get(url, { httpAgent: new (require('node:http').Agent)() });
  const pool = new Pool(url);
  await pool.request({ path: '/', method: 'GET' });
  const { Client } = await import('undici');
  const client = new Client(url);
  await client.request({ path: '/', method: 'GET' });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 11,
          column: 26,
          endLine: 11,
          endColumn: 40,
          data: { client: 'new http.Agent()', effect: OPENS_POOL, fn: '`shapes`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new http.Agent()', name: 'httpAgent' },
              output: `
import * as https from 'node:https';
import { Agent as UndiciAgent } from 'undici';
const http = require('http');
const axios = require('axios').default;
const { Pool } = require('undici');

const httpAgent = new http.Agent({ keepAlive: true });

export async function shapes(url) {
  await fetch(url, { dispatcher: new UndiciAgent() });
  https.get(url, { agent: new https.Agent() });
  http.get(url, { agent: httpAgent });
  await axios.get(url, { httpAgent: new (require('node:http').Agent)() });
  const pool = new Pool(url);
  await pool.request({ path: '/', method: 'GET' });
  const { Client } = await import('undici');
  const client = new Client(url);
  await client.request({ path: '/', method: 'GET' });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 12,
          column: 37,
          endLine: 12,
          endColumn: 68,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`shapes`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 13,
          column: 16,
          endLine: 13,
          endColumn: 24,
          data: { client: 'new Pool()', effect: OPENS_POOL, fn: '`shapes`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 16,
          column: 18,
          endLine: 16,
          endColumn: 28,
          data: { client: 'new Client()', effect: OPENS_POOL, fn: '`shapes`' },
          suggestions: [],
        },
      ],
    },
    // Loops: per iteration, even when kept in an array
    {
      code: `
import { Agent, Pool } from 'undici';

export async function crawl(urls) {
  for (const url of urls) {
    await fetch(url, { dispatcher: new Agent() });
  }
}

export function poolsFor(origins) {
  const pools = [];
  for (let i = 0; i < origins.length; i++) {
    pools[i] = new Pool(origins[i]);
  }
  return pools;
}

export function clientsFor(origins) {
  const clients = [];
  for (const origin of origins) clients.push({ origin, pool: new Pool(origin) });
  return clients;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perIteration',
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 45,
          data: { client: 'new Agent()', effect: OPENS_POOL },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent, Pool } from 'undici';

const agent = new Agent();

export async function crawl(urls) {
  for (const url of urls) {
    await fetch(url, { dispatcher: agent });
  }
}

export function poolsFor(origins) {
  const pools = [];
  for (let i = 0; i < origins.length; i++) {
    pools[i] = new Pool(origins[i]);
  }
  return pools;
}

export function clientsFor(origins) {
  const clients = [];
  for (const origin of origins) clients.push({ origin, pool: new Pool(origin) });
  return clients;
}
`,
            },
          ],
        },
        {
          messageId: 'perIteration',
          line: 13,
          column: 16,
          endLine: 13,
          endColumn: 24,
          data: { client: 'new Pool()', effect: OPENS_POOL },
          suggestions: [],
        },
        {
          messageId: 'perIteration',
          line: 20,
          column: 62,
          endLine: 20,
          endColumn: 70,
          data: { client: 'new Pool()', effect: OPENS_POOL },
          suggestions: [],
        },
      ],
    },
    // A loop at module level
    {
      code: `
import { Agent } from 'undici';

for (const url of ['https://a.example.com', 'https://b.example.com']) {
  const res = await fetch(url, { dispatcher: new Agent() });
  console.log(res.status);
}
`,
      output: null,
      errors: [
        {
          messageId: 'perIteration',
          line: 5,
          column: 46,
          endLine: 5,
          endColumn: 55,
          data: { client: 'new Agent()', effect: OPENS_POOL },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

for (const url of ['https://a.example.com', 'https://b.example.com']) {
  const res = await fetch(url, { dispatcher: agent });
  console.log(res.status);
}
`,
            },
          ],
        },
      ],
    },
    // A loop in a main() script
    {
      code: `
import axios from 'axios';

async function main() {
  for (const id of [1, 2, 3]) {
    const api = axios.create({ baseURL: 'https://api.example.com' });
    console.log((await api.get(\`/items/\${id}\`)).data);
  }
}

main();
`,
      output: null,
      errors: [
        {
          messageId: 'perIteration',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 29,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'api' },
              output: `
import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.example.com' });

async function main() {
  for (const id of [1, 2, 3]) {
    console.log((await api.get(\`/items/\${id}\`)).data);
  }
}

main();
`,
            },
          ],
        },
      ],
    },
    // Fastify route with options
    {
      code: `
import { Agent } from 'undici';

fastify.get('/items', { schema }, async (request, reply) => {
  return fetch('https://items.example.com', { dispatcher: new Agent() });
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 5,
          column: 59,
          endLine: 5,
          endColumn: 68,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the route handler passed to `fastify.get`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

fastify.get('/items', { schema }, async (request, reply) => {
  return fetch('https://items.example.com', { dispatcher: agent });
});
`,
            },
          ],
        },
      ],
    },
    // Koa router
    {
      code: `
import ky from 'ky';

router.post('/items', async (ctx) => {
  ctx.body = await ky.create({ prefixUrl: 'https://items.example.com' }).post('items').json();
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 29,
          data: { client: 'ky.create()', effect: BUILDS_CLIENT, handler: 'the route handler passed to `router.post`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'ky.create()', name: 'kyClient' },
              output: `
import ky from 'ky';

const kyClient = ky.create({ prefixUrl: 'https://items.example.com' });

router.post('/items', async (ctx) => {
  ctx.body = await kyClient.post('items').json();
});
`,
            },
          ],
        },
      ],
    },
    // Hono
    {
      code: `
import { Agent } from 'undici';

app.get('/', (c) => fetch('https://example.com', { dispatcher: new Agent() }));
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 4,
          column: 64,
          endLine: 4,
          endColumn: 73,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the route handler passed to `app.get`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

app.get('/', (c) => fetch('https://example.com', { dispatcher: agent }));
`,
            },
          ],
        },
      ],
    },
    // Express middleware
    {
      code: `
import { Agent } from 'undici';

app.use(async (req, res, next) => {
  await fetch('https://auth.example.com', { dispatcher: new Agent() });
  next();
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 5,
          column: 57,
          endLine: 5,
          endColumn: 66,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the middleware passed to `app.use`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

app.use(async (req, res, next) => {
  await fetch('https://auth.example.com', { dispatcher: agent });
  next();
});
`,
            },
          ],
        },
      ],
    },
    // Express chained route
    {
      code: `
import { Agent } from 'undici';

router.route('/users').get(async (req, res) => {
  res.json(await fetch('https://users.example.com', { dispatcher: new Agent() }));
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 5,
          column: 67,
          endLine: 5,
          endColumn: 76,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: "the route handler passed to `router.route('/users').get`", advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

router.route('/users').get(async (req, res) => {
  res.json(await fetch('https://users.example.com', { dispatcher: agent }));
});
`,
            },
          ],
        },
      ],
    },
    // Fastify route object
    {
      code: `
import { Agent } from 'undici';

fastify.route({
  method: 'GET',
  url: '/',
  handler: async (request) => fetch('https://example.com', { dispatcher: new Agent() }),
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 7,
          column: 74,
          endLine: 7,
          endColumn: 83,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the route handler passed to `fastify.route`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

fastify.route({
  method: 'GET',
  url: '/',
  handler: async (request) => fetch('https://example.com', { dispatcher: agent }),
});
`,
            },
          ],
        },
      ],
    },
    // http.createServer and server.on('request')
    {
      code: `
import { Agent } from 'undici';
import { createServer } from 'node:http';

createServer((req, res) => {
  fetch('https://example.com', { dispatcher: new Agent() }).then(() => res.end());
});
server.on('request', (req, res) => {
  fetch('https://example.com', { dispatcher: new Agent() }).then(() => res.end());
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 6,
          column: 46,
          endLine: 6,
          endColumn: 55,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the request handler passed to `createServer`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';
import { createServer } from 'node:http';

const agent = new Agent();

createServer((req, res) => {
  fetch('https://example.com', { dispatcher: agent }).then(() => res.end());
});
server.on('request', (req, res) => {
  fetch('https://example.com', { dispatcher: new Agent() }).then(() => res.end());
});
`,
            },
          ],
        },
        {
          messageId: 'perRequest',
          line: 9,
          column: 46,
          endLine: 9,
          endColumn: 55,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the request handler passed to `server.on`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';
import { createServer } from 'node:http';

createServer((req, res) => {
  fetch('https://example.com', { dispatcher: new Agent() }).then(() => res.end());
});

const agent = new Agent();

server.on('request', (req, res) => {
  fetch('https://example.com', { dispatcher: agent }).then(() => res.end());
});
`,
            },
          ],
        },
      ],
    },
    // A named handler registered on a router
    {
      code: `
import https from 'node:https';
import axios from 'axios';

async function getUsers(req, res) {
  const { data } = await axios.get('https://users.example.com', { httpsAgent: new https.Agent() });
  res.json(data);
}

app.get('/users', getUsers);
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 6,
          column: 79,
          endLine: 6,
          endColumn: 94,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, handler: 'the route handler `getUsers`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';
import axios from 'axios';

const httpsAgent = new https.Agent();

async function getUsers(req, res) {
  const { data } = await axios.get('https://users.example.com', { httpsAgent });
  res.json(data);
}

app.get('/users', getUsers);
`,
            },
          ],
        },
      ],
    },
    // Next.js route handlers
    {
      code: `
import { Agent } from 'undici';

export async function GET(request) {
  return fetch('https://example.com', { dispatcher: new Agent() });
}

export const POST = async (request) => fetch('https://example.com', { method: 'POST', dispatcher: new Agent() });
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 5,
          column: 53,
          endLine: 5,
          endColumn: 62,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the Next.js route handler `GET`', advice: NEXT_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

export async function GET(request) {
  return fetch('https://example.com', { dispatcher: agent });
}

export const POST = async (request) => fetch('https://example.com', { method: 'POST', dispatcher: new Agent() });
`,
            },
          ],
        },
        {
          messageId: 'perRequest',
          line: 8,
          column: 99,
          endLine: 8,
          endColumn: 108,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the Next.js route handler `POST`', advice: NEXT_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

export async function GET(request) {
  return fetch('https://example.com', { dispatcher: new Agent() });
}

const agent = new Agent();

export const POST = async (request) => fetch('https://example.com', { method: 'POST', dispatcher: agent });
`,
            },
          ],
        },
      ],
    },
    // Next.js API route in pages/api
    {
      code: `
import axios from 'axios';

export default async function handler(req, res) {
  const api = axios.create({ baseURL: 'https://users.example.com' });
  res.status(200).json((await api.get('/')).data);
}
`,
      filename: 'src/pages/api/users.ts',
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 27,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, handler: 'the Next.js API route `handler`', advice: NEXT_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'api' },
              output: `
import axios from 'axios';

const api = axios.create({ baseURL: 'https://users.example.com' });

export default async function handler(req, res) {
  res.status(200).json((await api.get('/')).data);
}
`,
            },
          ],
        },
      ],
    },
    // Next.js server actions in a 'use server' module
    {
      code: `
'use server';
import axios from 'axios';

export async function save(form) {
  const api = axios.create({ baseURL: 'https://api.example.com' });
  await api.post('/items', form);
}
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 27,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, handler: 'the server action `save`', advice: NEXT_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'api' },
              output: `
'use server';
import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.example.com' });

export async function save(form) {
  await api.post('/items', form);
}
`,
            },
          ],
        },
      ],
    },
    // An inline server action
    {
      code: `
import axios from 'axios';

export function Form() {
  async function save(form) {
    'use server';
    await axios.create().post('https://api.example.com/items', form);
  }
  return <form action={save} />;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 23,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, handler: 'the server action `save`', advice: NEXT_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'axiosClient' },
              output: `
import axios from 'axios';

const axiosClient = axios.create();

export function Form() {
  async function save(form) {
    'use server';
    await axiosClient.post('https://api.example.com/items', form);
  }
  return <form action={save} />;
}
`,
            },
          ],
        },
      ],
    },
    // NestJS controller method
    {
      code: `
import { Controller, Get as HttpGet } from '@nestjs/common';
import axios from 'axios';

@Controller('users')
export class UsersController {
  @HttpGet()
  async findAll() {
    const api = axios.create({ baseURL: 'https://users.example.com' });
    return (await api.get('/')).data;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 29,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, handler: 'the NestJS route handler `findAll`', advice: NEST_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'api' },
              output: `
import { Controller, Get as HttpGet } from '@nestjs/common';
import axios from 'axios';

const api = axios.create({ baseURL: 'https://users.example.com' });

@Controller('users')
export class UsersController {
  @HttpGet()
  async findAll() {
    return (await api.get('/')).data;
  }
}
`,
            },
          ],
        },
      ],
    },
    // Interceptors or defaults changed: no suggestion
    {
      code: `
import axios from 'axios';

export async function getUser(id, token) {
  const api = axios.create({ baseURL: 'https://api.example.com' });
  api.interceptors.request.use((config) => ({ ...config, headers: { authorization: token } }));
  return api.get(\`/users/\${id}\`);
}

export async function getItem(id) {
  const api = axios.create({ baseURL: 'https://api.example.com' });
  api.defaults.timeout = 2000;
  return api.get(\`/items/\${id}\`);
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 27,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, fn: '`getUser`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 11,
          column: 15,
          endLine: 11,
          endColumn: 27,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, fn: '`getItem`' },
          suggestions: [],
        },
      ],
    },
    // Destroyed after use: still per call, and no suggestion
    {
      code: `
import https from 'node:https';
import axios from 'axios';

export async function getOnce(url) {
  const agent = new https.Agent({ keepAlive: true });
  try {
    return (await axios.get(url, { httpsAgent: agent })).data;
  } finally {
    agent.destroy();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 32,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`getOnce`' },
          suggestions: [],
        },
      ],
    },
    // Arguments only known per call: no suggestion
    {
      code: `
import fs from 'node:fs';
import https from 'node:https';
import axios from 'axios';

export async function getUser(req) {
  const api = axios.create({ baseURL: req.query.base });
  const agent = new https.Agent({ ca: fs.readFileSync('ca.pem') });
  return api.get('/me', { httpsAgent: agent });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 27,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, fn: '`getUser`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 32,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`getUser`' },
          suggestions: [],
        },
      ],
    },
    // A constant declared after the function: no suggestion
    {
      code: `
import https from 'node:https';

export function ping(url) {
  const agent = new https.Agent({ timeout: TIMEOUT });
  https.get(url, { agent });
}

const TIMEOUT = 5000;
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 32,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`ping`' },
          suggestions: [],
        },
      ],
    },
    // Name clashes: the suggestion picks a free name
    {
      code: `
import https from 'node:https';

const agent = 'my-app/1.0';

export function ping(url) {
  const agent = new https.Agent({ keepAlive: true });
  https.get(url, { agent });
}

export function pong(url) {
  https.get(url, { agent: new https.Agent() });
}

function httpsAgent() {}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 32,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`ping`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent2' },
              output: `
import https from 'node:https';

const agent = 'my-app/1.0';

const httpsAgent2 = new https.Agent({ keepAlive: true });

export function ping(url) {
  const agent = httpsAgent2;
  https.get(url, { agent });
}

export function pong(url) {
  https.get(url, { agent: new https.Agent() });
}

function httpsAgent() {}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 12,
          column: 27,
          endLine: 12,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`pong`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent2' },
              output: `
import https from 'node:https';

const agent = 'my-app/1.0';

export function ping(url) {
  const agent = new https.Agent({ keepAlive: true });
  https.get(url, { agent });
}

const httpsAgent2 = new https.Agent();

export function pong(url) {
  https.get(url, { agent: httpsAgent2 });
}

function httpsAgent() {}
`,
            },
          ],
        },
      ],
    },
    // Static arguments are hoisted with their indentation fixed
    {
      code: `
import https from 'node:https';
import { CA } from './certs';

const config = { timeout: 5000 };
let mutable = 1;

export function a(url) {
  https.get(url, {
    agent: new https.Agent({
      keepAlive: true,
      maxSockets: Number(process.env.MAX_SOCKETS) || 10,
      ca: CA,
      timeout: config.timeout,
      lookup: (hostname, options, callback) => callback(null, hostname),
      ...{ scheduling: 'lifo' },
      servername: \`\${process.env['SNI'] ?? 'example.com'}\`,
      family: process.env.IPV6 ? 6 : 4,
      localAddress: undefined,
    }),
  });
}

export function b(url) {
  https.get(url, { agent: new https.Agent({ maxSockets: mutable }) });
}

export function c(url, self) {
  https.get(url, { agent: new https.Agent({ lookup: () => self }) });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 27,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`a`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';
import { CA } from './certs';

const config = { timeout: 5000 };
let mutable = 1;

const httpsAgent = new https.Agent({
  keepAlive: true,
  maxSockets: Number(process.env.MAX_SOCKETS) || 10,
  ca: CA,
  timeout: config.timeout,
  lookup: (hostname, options, callback) => callback(null, hostname),
  ...{ scheduling: 'lifo' },
  servername: \`\${process.env['SNI'] ?? 'example.com'}\`,
  family: process.env.IPV6 ? 6 : 4,
  localAddress: undefined,
});

export function a(url) {
  https.get(url, {
    agent: httpsAgent,
  });
}

export function b(url) {
  https.get(url, { agent: new https.Agent({ maxSockets: mutable }) });
}

export function c(url, self) {
  https.get(url, { agent: new https.Agent({ lookup: () => self }) });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 25,
          column: 27,
          endLine: 25,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`b`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 29,
          column: 27,
          endLine: 29,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`c`' },
          suggestions: [],
        },
      ],
    },
    // Options objects and closures that stay inside the call
    {
      code: `
import https from 'node:https';
import axios from 'axios';
import { Agent } from 'undici';

export async function a(url) {
  const options = {};
  options.agent = new https.Agent();
  https.get(url, options);
}

export async function b(url) {
  const options = { httpsAgent: new https.Agent() };
  return axios.get(url, options);
}

export async function c(urls) {
  const agent = new Agent();
  await Promise.all(urls.map((url) => fetch(url, { dispatcher: agent })));
}

export async function d(urls) {
  const agents = [new Agent(), new Agent()];
  for (const agent of agents) await fetch(urls[0], { dispatcher: agent });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 34,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`a`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';
import axios from 'axios';
import { Agent } from 'undici';

const httpsAgent = new https.Agent();

export async function a(url) {
  const options = {};
  options.agent = httpsAgent;
  https.get(url, options);
}

export async function b(url) {
  const options = { httpsAgent: new https.Agent() };
  return axios.get(url, options);
}

export async function c(urls) {
  const agent = new Agent();
  await Promise.all(urls.map((url) => fetch(url, { dispatcher: agent })));
}

export async function d(urls) {
  const agents = [new Agent(), new Agent()];
  for (const agent of agents) await fetch(urls[0], { dispatcher: agent });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 13,
          column: 33,
          endLine: 13,
          endColumn: 48,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`b`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';
import axios from 'axios';
import { Agent } from 'undici';

export async function a(url) {
  const options = {};
  options.agent = new https.Agent();
  https.get(url, options);
}

const httpsAgent = new https.Agent();

export async function b(url) {
  const options = { httpsAgent };
  return axios.get(url, options);
}

export async function c(urls) {
  const agent = new Agent();
  await Promise.all(urls.map((url) => fetch(url, { dispatcher: agent })));
}

export async function d(urls) {
  const agents = [new Agent(), new Agent()];
  for (const agent of agents) await fetch(urls[0], { dispatcher: agent });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 18,
          column: 17,
          endLine: 18,
          endColumn: 26,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`c`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import https from 'node:https';
import axios from 'axios';
import { Agent } from 'undici';

export async function a(url) {
  const options = {};
  options.agent = new https.Agent();
  https.get(url, options);
}

export async function b(url) {
  const options = { httpsAgent: new https.Agent() };
  return axios.get(url, options);
}

const agent = new Agent();

export async function c(urls) {
  await Promise.all(urls.map((url) => fetch(url, { dispatcher: agent })));
}

export async function d(urls) {
  const agents = [new Agent(), new Agent()];
  for (const agent of agents) await fetch(urls[0], { dispatcher: agent });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 23,
          column: 19,
          endLine: 23,
          endColumn: 28,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`d`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 23,
          column: 32,
          endLine: 23,
          endColumn: 41,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`d`' },
          suggestions: [],
        },
      ],
    },
    // An agent inside the options of a client created per call
    {
      code: `
import axios from 'axios';
import https from 'node:https';

export async function nested(url) {
  const api = axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });
  return api.get(url);
}

export async function dynamic(baseURL) {
  const api = axios.create({ baseURL, httpsAgent: new https.Agent({ keepAlive: true }) });
  return api.get('/');
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 27,
          data: { client: 'axios.create()', effect: OPENS_POOL, fn: '`nested`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'api' },
              output: `
import axios from 'axios';
import https from 'node:https';

const api = axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });

export async function nested(url) {
  return api.get(url);
}

export async function dynamic(baseURL) {
  const api = axios.create({ baseURL, httpsAgent: new https.Agent({ keepAlive: true }) });
  return api.get('/');
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 11,
          column: 15,
          endLine: 11,
          endColumn: 27,
          data: { client: 'axios.create()', effect: OPENS_POOL, fn: '`dynamic`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 11,
          column: 51,
          endLine: 11,
          endColumn: 66,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`dynamic`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import axios from 'axios';
import https from 'node:https';

export async function nested(url) {
  const api = axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });
  return api.get(url);
}

const httpsAgent = new https.Agent({ keepAlive: true });

export async function dynamic(baseURL) {
  const api = axios.create({ baseURL, httpsAgent });
  return api.get('/');
}
`,
            },
          ],
        },
      ],
    },
    // useCallback runs its function on every call
    {
      code: `
import axios from 'axios';
import { useCallback } from 'react';

export function Profile({ id }) {
  const load = useCallback(async () => {
    const api = axios.create({ baseURL: '/api' });
    return (await api.get(\`/users/\${id}\`)).data;
  }, [id]);
  return <button onClick={load} />;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 29,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, fn: 'the function passed to `useCallback`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'api' },
              output: `
import axios from 'axios';
import { useCallback } from 'react';

const api = axios.create({ baseURL: '/api' });

export function Profile({ id }) {
  const load = useCallback(async () => {
    return (await api.get(\`/users/\${id}\`)).data;
  }, [id]);
  return <button onClick={load} />;
}
`,
            },
          ],
        },
      ],
    },
    // A default parameter
    {
      code: `
import https from 'node:https';

export function get(url, agent = new https.Agent()) {
  return https.get(url, { agent });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 49,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`get`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';

const httpsAgent = new https.Agent();

export function get(url, agent = httpsAgent) {
  return https.get(url, { agent });
}
`,
            },
          ],
        },
      ],
    },
    // An IIFE inside a handler runs per request
    {
      code: `
import { Agent } from 'undici';

app.post('/hook', (req, res) => {
  (async () => {
    await fetch(req.body.url, { dispatcher: new Agent() });
  })();
  res.sendStatus(202);
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 54,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the route handler passed to `app.post`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

app.post('/hook', (req, res) => {
  (async () => {
    await fetch(req.body.url, { dispatcher: agent });
  })();
  res.sendStatus(202);
});
`,
            },
          ],
        },
      ],
    },
    // A helper called once by a handler runs per request
    {
      code: `
import axios from 'axios';

app.get('/report', async (req, res) => {
  async function load() {
    const api = axios.create({ baseURL: 'https://reports.example.com' });
    const { data } = await api.get('/latest');
    return data;
  }
  res.json(await load());
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 29,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, handler: 'the route handler passed to `app.get`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'api' },
              output: `
import axios from 'axios';

const api = axios.create({ baseURL: 'https://reports.example.com' });

app.get('/report', async (req, res) => {
  async function load() {
    const { data } = await api.get('/latest');
    return data;
  }
  res.json(await load());
});
`,
            },
          ],
        },
      ],
    },
    // A constructor that does not keep the agent
    {
      code: `
import { Agent } from 'undici';

export class Job {
  constructor(url) {
    this.done = fetch(url, { dispatcher: new Agent() });
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 42,
          endLine: 6,
          endColumn: 51,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`constructor`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

export class Job {
  constructor(url) {
    this.done = fetch(url, { dispatcher: agent });
  }
}
`,
            },
          ],
        },
      ],
    },
    // A conditional proxy in a worker's fetch handler
    {
      code: `
import { ProxyAgent } from 'undici';

export default {
  async fetch(request, env) {
    return fetch(request.url, { dispatcher: env.PROXY ? new ProxyAgent(env.PROXY) : undefined });
  },
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 57,
          endLine: 6,
          endColumn: 71,
          data: { client: 'new ProxyAgent()', effect: OPENS_POOL, fn: '`fetch`' },
          suggestions: [],
        },
      ],
    },
    // Test files are checked by default
    {
      code: `
import axios from 'axios';

it('loads', async () => {
  const api = axios.create({ baseURL: 'http://localhost:3000' });
  await api.get('/health');
});
`,
      filename: 'src/api.test.ts',
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 27,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, fn: 'the function passed to `it`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'axios.create()', name: 'api' },
              output: `
import axios from 'axios';

const api = axios.create({ baseURL: 'http://localhost:3000' });

it('loads', async () => {
  await api.get('/health');
});
`,
            },
          ],
        },
      ],
    },
    // Further clients from options
    {
      code: `
import { createClient } from '@acme/http';
import Pool from '@acme/pool';
const net = require('@acme/net');

export async function handler(id) {
  const client = createClient({ baseUrl: 'https://api.example.com' });
  const pool = new Pool('https://db.example.com');
  await fetch('https://example.com', { agent: new net.Agent.Https() });
  return [await client.get(\`/items/\${id}\`), await pool.query('select 1')];
}
`,
      options: [{ additionalClients: [{ module: '@acme/http', export: 'createClient', kind: 'instance' }, { module: '@acme/pool', export: 'default' }, { module: '@acme/net', export: 'Agent.Https', kind: 'agent' }] }],
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 30,
          data: { client: 'createClient()', effect: BUILDS_CLIENT, fn: '`handler`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 24,
          data: { client: 'new Pool()', effect: OPENS_POOL, fn: '`handler`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 9,
          column: 47,
          endLine: 9,
          endColumn: 66,
          data: { client: 'new net.Agent.Https()', effect: OPENS_POOL, fn: '`handler`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new net.Agent.Https()', name: 'agentHttps' },
              output: `
import { createClient } from '@acme/http';
import Pool from '@acme/pool';
const net = require('@acme/net');

const agentHttps = new net.Agent.Https();

export async function handler(id) {
  const client = createClient({ baseUrl: 'https://api.example.com' });
  const pool = new Pool('https://db.example.com');
  await fetch('https://example.com', { agent: agentHttps });
  return [await client.get(\`/items/\${id}\`), await pool.query('select 1')];
}
`,
            },
          ],
        },
      ],
    },
    // Comments above the function stay with it
    {
      code: `
import https from 'node:https';
/**
 * Pings a host.
 */
export function ping(url) {
  https.get(url, { agent: new https.Agent() });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`ping`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';

const httpsAgent = new https.Agent();

/**
 * Pings a host.
 */
export function ping(url) {
  https.get(url, { agent: httpsAgent });
}
`,
            },
          ],
        },
      ],
    },
    // A shebang stays first
    {
      code: `#!/usr/bin/env node
// Pings a host.
export function ping(url) {
  https.get(url, { agent: new https.Agent() });
}

import https from 'node:https';
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`ping`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `#!/usr/bin/env node

const httpsAgent = new https.Agent();

// Pings a host.
export function ping(url) {
  https.get(url, { agent: httpsAgent });
}

import https from 'node:https';
`,
            },
          ],
        },
      ],
    },
    // A local function that shares the agent within the call
    {
      code: `
import { Agent } from 'undici';

export async function crawl(urls) {
  const agent = new Agent();
  async function get(url) {
    return fetch(url, { dispatcher: agent });
  }
  for (const url of urls) await get(url);
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 26,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`crawl`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

export async function crawl(urls) {
  async function get(url) {
    return fetch(url, { dispatcher: agent });
  }
  for (const url of urls) await get(url);
}
`,
            },
          ],
        },
      ],
    },
    // A decorated class that is not exported
    {
      code: `
import { Controller, Post } from '@nestjs/common';
import { Agent } from 'undici';

// The webhook controller.
@Controller('hooks')
class HooksController {
  @Post()
  receive() {
    return fetch('https://example.com', { method: 'POST', dispatcher: new Agent() });
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 10,
          column: 71,
          endLine: 10,
          endColumn: 80,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the NestJS route handler `receive`', advice: NEST_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Controller, Post } from '@nestjs/common';
import { Agent } from 'undici';

const agent = new Agent();

// The webhook controller.
@Controller('hooks')
class HooksController {
  @Post()
  receive() {
    return fetch('https://example.com', { method: 'POST', dispatcher: agent });
  }
}
`,
            },
          ],
        },
      ],
    },
    // Route paths as templates, regular expressions and lists
    {
      code: `
import { Agent } from 'undici';

app.get(\`/v1/items\`, (req, res) => fetch('https://a.example.com', { dispatcher: new Agent() }));
app.post(/^\\/hooks\\//, (req, res) => fetch('https://b.example.com', { dispatcher: new Agent() }));
app.put(['/a', '/b'], (req, res) => fetch('https://c.example.com', { dispatcher: new Agent() }));
router.route('/users').get(list).post((req, res) => fetch('https://d.example.com', { dispatcher: new Agent() }));
https.createServer(options, (req, res) => fetch('https://e.example.com', { dispatcher: new Agent() }));
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 4,
          column: 81,
          endLine: 4,
          endColumn: 90,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the route handler passed to `app.get`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

app.get(\`/v1/items\`, (req, res) => fetch('https://a.example.com', { dispatcher: agent }));
app.post(/^\\/hooks\\//, (req, res) => fetch('https://b.example.com', { dispatcher: new Agent() }));
app.put(['/a', '/b'], (req, res) => fetch('https://c.example.com', { dispatcher: new Agent() }));
router.route('/users').get(list).post((req, res) => fetch('https://d.example.com', { dispatcher: new Agent() }));
https.createServer(options, (req, res) => fetch('https://e.example.com', { dispatcher: new Agent() }));
`,
            },
          ],
        },
        {
          messageId: 'perRequest',
          line: 5,
          column: 83,
          endLine: 5,
          endColumn: 92,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the route handler passed to `app.post`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

app.get(\`/v1/items\`, (req, res) => fetch('https://a.example.com', { dispatcher: new Agent() }));

const agent = new Agent();

app.post(/^\\/hooks\\//, (req, res) => fetch('https://b.example.com', { dispatcher: agent }));
app.put(['/a', '/b'], (req, res) => fetch('https://c.example.com', { dispatcher: new Agent() }));
router.route('/users').get(list).post((req, res) => fetch('https://d.example.com', { dispatcher: new Agent() }));
https.createServer(options, (req, res) => fetch('https://e.example.com', { dispatcher: new Agent() }));
`,
            },
          ],
        },
        {
          messageId: 'perRequest',
          line: 6,
          column: 82,
          endLine: 6,
          endColumn: 91,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the route handler passed to `app.put`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

app.get(\`/v1/items\`, (req, res) => fetch('https://a.example.com', { dispatcher: new Agent() }));
app.post(/^\\/hooks\\//, (req, res) => fetch('https://b.example.com', { dispatcher: new Agent() }));

const agent = new Agent();

app.put(['/a', '/b'], (req, res) => fetch('https://c.example.com', { dispatcher: agent }));
router.route('/users').get(list).post((req, res) => fetch('https://d.example.com', { dispatcher: new Agent() }));
https.createServer(options, (req, res) => fetch('https://e.example.com', { dispatcher: new Agent() }));
`,
            },
          ],
        },
        {
          messageId: 'perRequest',
          line: 7,
          column: 98,
          endLine: 7,
          endColumn: 107,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: "the route handler passed to `router.route('/users').get(list).post`", advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

app.get(\`/v1/items\`, (req, res) => fetch('https://a.example.com', { dispatcher: new Agent() }));
app.post(/^\\/hooks\\//, (req, res) => fetch('https://b.example.com', { dispatcher: new Agent() }));
app.put(['/a', '/b'], (req, res) => fetch('https://c.example.com', { dispatcher: new Agent() }));

const agent = new Agent();

router.route('/users').get(list).post((req, res) => fetch('https://d.example.com', { dispatcher: agent }));
https.createServer(options, (req, res) => fetch('https://e.example.com', { dispatcher: new Agent() }));
`,
            },
          ],
        },
        {
          messageId: 'perRequest',
          line: 8,
          column: 88,
          endLine: 8,
          endColumn: 97,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the request handler passed to `https.createServer`', advice: ROUTE_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

app.get(\`/v1/items\`, (req, res) => fetch('https://a.example.com', { dispatcher: new Agent() }));
app.post(/^\\/hooks\\//, (req, res) => fetch('https://b.example.com', { dispatcher: new Agent() }));
app.put(['/a', '/b'], (req, res) => fetch('https://c.example.com', { dispatcher: new Agent() }));
router.route('/users').get(list).post((req, res) => fetch('https://d.example.com', { dispatcher: new Agent() }));

const agent = new Agent();

https.createServer(options, (req, res) => fetch('https://e.example.com', { dispatcher: agent }));
`,
            },
          ],
        },
      ],
    },
    // Calls that look like routes but are not
    {
      code: `
import { Agent } from 'undici';

emitter.get(key, (value) => fetch(value, { dispatcher: new Agent() }));
app.get([], (req) => fetch(req.url, { dispatcher: new Agent() }));
register((req, res) => fetch(req.url, { dispatcher: new Agent() }));
const routes = { handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) };
route({ handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) });
api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: new Agent() }));
getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: new Agent() }));
someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: new Agent() }));
const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: new Agent() }) };
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 56,
          endLine: 4,
          endColumn: 65,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: 'the function passed to `emitter.get`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

emitter.get(key, (value) => fetch(value, { dispatcher: agent }));
app.get([], (req) => fetch(req.url, { dispatcher: new Agent() }));
register((req, res) => fetch(req.url, { dispatcher: new Agent() }));
const routes = { handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) };
route({ handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) });
api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: new Agent() }));
getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: new Agent() }));
someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: new Agent() }));
const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: new Agent() }) };
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 5,
          column: 51,
          endLine: 5,
          endColumn: 60,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: 'the function passed to `app.get`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

emitter.get(key, (value) => fetch(value, { dispatcher: new Agent() }));

const agent = new Agent();

app.get([], (req) => fetch(req.url, { dispatcher: agent }));
register((req, res) => fetch(req.url, { dispatcher: new Agent() }));
const routes = { handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) };
route({ handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) });
api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: new Agent() }));
getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: new Agent() }));
someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: new Agent() }));
const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: new Agent() }) };
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 6,
          column: 53,
          endLine: 6,
          endColumn: 62,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: 'the function passed to `register`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

emitter.get(key, (value) => fetch(value, { dispatcher: new Agent() }));
app.get([], (req) => fetch(req.url, { dispatcher: new Agent() }));

const agent = new Agent();

register((req, res) => fetch(req.url, { dispatcher: agent }));
const routes = { handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) };
route({ handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) });
api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: new Agent() }));
getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: new Agent() }));
someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: new Agent() }));
const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: new Agent() }) };
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 7,
          column: 71,
          endLine: 7,
          endColumn: 80,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`handler`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

emitter.get(key, (value) => fetch(value, { dispatcher: new Agent() }));
app.get([], (req) => fetch(req.url, { dispatcher: new Agent() }));
register((req, res) => fetch(req.url, { dispatcher: new Agent() }));

const agent = new Agent();

const routes = { handler: async (req) => fetch(req.url, { dispatcher: agent }) };
route({ handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) });
api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: new Agent() }));
getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: new Agent() }));
someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: new Agent() }));
const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: new Agent() }) };
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 8,
          column: 62,
          endLine: 8,
          endColumn: 71,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`handler`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

emitter.get(key, (value) => fetch(value, { dispatcher: new Agent() }));
app.get([], (req) => fetch(req.url, { dispatcher: new Agent() }));
register((req, res) => fetch(req.url, { dispatcher: new Agent() }));
const routes = { handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) };

const agent = new Agent();

route({ handler: async (req) => fetch(req.url, { dispatcher: agent }) });
api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: new Agent() }));
getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: new Agent() }));
someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: new Agent() }));
const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: new Agent() }) };
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 9,
          column: 81,
          endLine: 9,
          endColumn: 90,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: 'the function passed to `api.interceptors.request.use`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

emitter.get(key, (value) => fetch(value, { dispatcher: new Agent() }));
app.get([], (req) => fetch(req.url, { dispatcher: new Agent() }));
register((req, res) => fetch(req.url, { dispatcher: new Agent() }));
const routes = { handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) };
route({ handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) });

const agent = new Agent();

api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: agent }));
getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: new Agent() }));
someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: new Agent() }));
const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: new Agent() }) };
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 10,
          column: 91,
          endLine: 10,
          endColumn: 100,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: 'this function' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

emitter.get(key, (value) => fetch(value, { dispatcher: new Agent() }));
app.get([], (req) => fetch(req.url, { dispatcher: new Agent() }));
register((req, res) => fetch(req.url, { dispatcher: new Agent() }));
const routes = { handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) };
route({ handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) });
api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: new Agent() }));

const agent = new Agent();

getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: agent }));
someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: new Agent() }));
const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: new Agent() }) };
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 11,
          column: 108,
          endLine: 11,
          endColumn: 117,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: 'the function passed to `.registerRequestCallback`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

emitter.get(key, (value) => fetch(value, { dispatcher: new Agent() }));
app.get([], (req) => fetch(req.url, { dispatcher: new Agent() }));
register((req, res) => fetch(req.url, { dispatcher: new Agent() }));
const routes = { handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) };
route({ handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) });
api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: new Agent() }));
getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: new Agent() }));

const agent = new Agent();

someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: agent }));
const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: new Agent() }) };
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 12,
          column: 81,
          endLine: 12,
          endColumn: 90,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: 'this function' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

emitter.get(key, (value) => fetch(value, { dispatcher: new Agent() }));
app.get([], (req) => fetch(req.url, { dispatcher: new Agent() }));
register((req, res) => fetch(req.url, { dispatcher: new Agent() }));
const routes = { handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) };
route({ handler: async (req) => fetch(req.url, { dispatcher: new Agent() }) });
api.interceptors.request.use((config, other) => fetch(config.url, { dispatcher: new Agent() }));
getCurrentApplicationRegistryOrTheDefaultOne()((req, res) => fetch(req.url, { dispatcher: new Agent() }));
someVeryLongServiceLocatorName.getInstance().registerRequestCallback((req) => fetch(req.url, { dispatcher: new Agent() }));

const agent = new Agent();

const table = { [key]: async () => fetch('https://f.example.com', { dispatcher: agent }) };
`,
            },
          ],
        },
      ],
    },
    // A named function that is not registered as a handler
    {
      code: `
import { Agent } from 'undici';

async function sync(req, res) {
  await fetch('https://example.com', { dispatcher: new Agent() });
}

setTimeout(sync, 1000);
sync();
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 52,
          endLine: 5,
          endColumn: 61,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`sync`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

async function sync(req, res) {
  await fetch('https://example.com', { dispatcher: agent });
}

setTimeout(sync, 1000);
sync();
`,
            },
          ],
        },
      ],
    },
    // A Next.js API route written as an anonymous default export
    {
      code: `
import { Agent } from 'undici';

export default async (req, res) => {
  res.json(await fetch('https://example.com', { dispatcher: new Agent() }));
};
`,
      filename: 'pages/api/ping.ts',
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 5,
          column: 61,
          endLine: 5,
          endColumn: 70,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'this Next.js API route', advice: NEXT_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Agent } from 'undici';

const agent = new Agent();

export default async (req, res) => {
  res.json(await fetch('https://example.com', { dispatcher: agent }));
};
`,
            },
          ],
        },
      ],
    },
    // Decorators that are not NestJS routes
    {
      code: `
import { Injectable } from '@nestjs/common';
import * as common from '@nestjs/common';
import { Get } from './decorators';
import { Agent } from 'undici';

@Injectable()
export class Service {
  @Log
  a() {
    return fetch('https://a.example.com', { dispatcher: new Agent() });
  }
  @common.Get()
  b() {
    return fetch('https://b.example.com', { dispatcher: new Agent() });
  }
  @Get()
  c() {
    return fetch('https://c.example.com', { dispatcher: new Agent() });
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 11,
          column: 57,
          endLine: 11,
          endColumn: 66,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`a`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Injectable } from '@nestjs/common';
import * as common from '@nestjs/common';
import { Get } from './decorators';
import { Agent } from 'undici';

const agent = new Agent();

@Injectable()
export class Service {
  @Log
  a() {
    return fetch('https://a.example.com', { dispatcher: agent });
  }
  @common.Get()
  b() {
    return fetch('https://b.example.com', { dispatcher: new Agent() });
  }
  @Get()
  c() {
    return fetch('https://c.example.com', { dispatcher: new Agent() });
  }
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 15,
          column: 57,
          endLine: 15,
          endColumn: 66,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`b`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Injectable } from '@nestjs/common';
import * as common from '@nestjs/common';
import { Get } from './decorators';
import { Agent } from 'undici';

const agent = new Agent();

@Injectable()
export class Service {
  @Log
  a() {
    return fetch('https://a.example.com', { dispatcher: new Agent() });
  }
  @common.Get()
  b() {
    return fetch('https://b.example.com', { dispatcher: agent });
  }
  @Get()
  c() {
    return fetch('https://c.example.com', { dispatcher: new Agent() });
  }
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 19,
          column: 57,
          endLine: 19,
          endColumn: 66,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`c`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
import { Injectable } from '@nestjs/common';
import * as common from '@nestjs/common';
import { Get } from './decorators';
import { Agent } from 'undici';

const agent = new Agent();

@Injectable()
export class Service {
  @Log
  a() {
    return fetch('https://a.example.com', { dispatcher: new Agent() });
  }
  @common.Get()
  b() {
    return fetch('https://b.example.com', { dispatcher: new Agent() });
  }
  @Get()
  c() {
    return fetch('https://c.example.com', { dispatcher: agent });
  }
}
`,
            },
          ],
        },
      ],
    },
    // Directives before 'use server'
    {
      code: `
'use strict';
'use server';
import { Agent } from 'undici';

export async function save() {
  await fetch('https://example.com', { method: 'POST', dispatcher: new Agent() });
}

export function notAnAction() {
  return fetch('https://example.com', { dispatcher: new Agent() });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 7,
          column: 68,
          endLine: 7,
          endColumn: 77,
          data: { client: 'new Agent()', effect: OPENS_POOL, handler: 'the server action `save`', advice: NEXT_ADVICE },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
'use strict';
'use server';
import { Agent } from 'undici';

const agent = new Agent();

export async function save() {
  await fetch('https://example.com', { method: 'POST', dispatcher: agent });
}

export function notAnAction() {
  return fetch('https://example.com', { dispatcher: new Agent() });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 11,
          column: 53,
          endLine: 11,
          endColumn: 62,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`notAnAction`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `
'use strict';
'use server';
import { Agent } from 'undici';

export async function save() {
  await fetch('https://example.com', { method: 'POST', dispatcher: new Agent() });
}

const agent = new Agent();

export function notAnAction() {
  return fetch('https://example.com', { dispatcher: agent });
}
`,
            },
          ],
        },
      ],
    },
    // Hoisting: switch cases, shared lines, unattached comments, custom factories
    {
      code: `
// Copyright header.

import { createApiClient, connect, Transport } from '@acme/http';
import https from 'node:https';

export function a(kind, url) {
  switch (kind) {
    case 'x':
      const agent = new https.Agent();
      return https.get(url, { agent });
  }
}

export function b(url) { const agent = new https.Agent(); return https.get(url, { agent }); }

export function c(url) {
  for (const agent = new https.Agent(); ; ) return https.get(url, { agent });
}

export function d(url) {
  return fetch(url, { dispatcher: createApiClient(), agent: connect(), pool: new Transport.Pool() });
}
`,
      options: [{ additionalClients: [{ module: '@acme/http', export: 'createApiClient', kind: 'instance' }, { module: '@acme/http', export: 'connect' }, { module: '@acme/http', export: 'Transport.Pool', kind: 'pool' }] }],
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 36,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`a`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'agent' },
              output: `
// Copyright header.

import { createApiClient, connect, Transport } from '@acme/http';
import https from 'node:https';

const agent = new https.Agent();

export function a(kind, url) {
  switch (kind) {
    case 'x':
      return https.get(url, { agent });
  }
}

export function b(url) { const agent = new https.Agent(); return https.get(url, { agent }); }

export function c(url) {
  for (const agent = new https.Agent(); ; ) return https.get(url, { agent });
}

export function d(url) {
  return fetch(url, { dispatcher: createApiClient(), agent: connect(), pool: new Transport.Pool() });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 15,
          column: 40,
          endLine: 15,
          endColumn: 55,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`b`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'agent' },
              output: `
// Copyright header.

import { createApiClient, connect, Transport } from '@acme/http';
import https from 'node:https';

export function a(kind, url) {
  switch (kind) {
    case 'x':
      const agent = new https.Agent();
      return https.get(url, { agent });
  }
}

const agent = new https.Agent();

export function b(url) { return https.get(url, { agent }); }

export function c(url) {
  for (const agent = new https.Agent(); ; ) return https.get(url, { agent });
}

export function d(url) {
  return fetch(url, { dispatcher: createApiClient(), agent: connect(), pool: new Transport.Pool() });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 18,
          column: 22,
          endLine: 18,
          endColumn: 37,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`c`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
// Copyright header.

import { createApiClient, connect, Transport } from '@acme/http';
import https from 'node:https';

export function a(kind, url) {
  switch (kind) {
    case 'x':
      const agent = new https.Agent();
      return https.get(url, { agent });
  }
}

export function b(url) { const agent = new https.Agent(); return https.get(url, { agent }); }

const httpsAgent = new https.Agent();

export function c(url) {
  for (const agent = httpsAgent; ; ) return https.get(url, { agent });
}

export function d(url) {
  return fetch(url, { dispatcher: createApiClient(), agent: connect(), pool: new Transport.Pool() });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 22,
          column: 35,
          endLine: 22,
          endColumn: 50,
          data: { client: 'createApiClient()', effect: BUILDS_CLIENT, fn: '`d`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'createApiClient()', name: 'apiClient' },
              output: `
// Copyright header.

import { createApiClient, connect, Transport } from '@acme/http';
import https from 'node:https';

export function a(kind, url) {
  switch (kind) {
    case 'x':
      const agent = new https.Agent();
      return https.get(url, { agent });
  }
}

export function b(url) { const agent = new https.Agent(); return https.get(url, { agent }); }

export function c(url) {
  for (const agent = new https.Agent(); ; ) return https.get(url, { agent });
}

const apiClient = createApiClient();

export function d(url) {
  return fetch(url, { dispatcher: apiClient, agent: connect(), pool: new Transport.Pool() });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 22,
          column: 61,
          endLine: 22,
          endColumn: 68,
          data: { client: 'connect()', effect: OPENS_POOL, fn: '`d`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'connect()', name: 'connectClient' },
              output: `
// Copyright header.

import { createApiClient, connect, Transport } from '@acme/http';
import https from 'node:https';

export function a(kind, url) {
  switch (kind) {
    case 'x':
      const agent = new https.Agent();
      return https.get(url, { agent });
  }
}

export function b(url) { const agent = new https.Agent(); return https.get(url, { agent }); }

export function c(url) {
  for (const agent = new https.Agent(); ; ) return https.get(url, { agent });
}

const connectClient = connect();

export function d(url) {
  return fetch(url, { dispatcher: createApiClient(), agent: connectClient, pool: new Transport.Pool() });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 22,
          column: 78,
          endLine: 22,
          endColumn: 96,
          data: { client: 'new Transport.Pool()', effect: OPENS_POOL, fn: '`d`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Transport.Pool()', name: 'transportPool' },
              output: `
// Copyright header.

import { createApiClient, connect, Transport } from '@acme/http';
import https from 'node:https';

export function a(kind, url) {
  switch (kind) {
    case 'x':
      const agent = new https.Agent();
      return https.get(url, { agent });
  }
}

export function b(url) { const agent = new https.Agent(); return https.get(url, { agent }); }

export function c(url) {
  for (const agent = new https.Agent(); ; ) return https.get(url, { agent });
}

const transportPool = new Transport.Pool();

export function d(url) {
  return fetch(url, { dispatcher: createApiClient(), agent: connect(), pool: transportPool });
}
`,
            },
          ],
        },
      ],
    },
    // Arguments that are not static
    {
      code: `
import https from 'node:https';
import { Agent } from 'undici';

const config = { timeout: 1000, retries: 0 };
config.retries++;
const limits = { max: 10 };
delete limits.max;
const shared = { keepAlive: true };
shared.keepAlive = false;

export function a(url) {
  https.get(url, { agent: new https.Agent({ timeout: config.timeout }) });
  https.get(url, { agent: new https.Agent({ maxSockets: limits.max }) });
  https.get(url, { agent: new https.Agent(shared) });
}

export function b(url, key) {
  https.get(url, { agent: new https.Agent({ [key]: true }) });
  https.get(url, { agent: new https.Agent({ lookup: () => this.lookup }) });
  https.get(url, { agent: new https.Agent({ ca: new URL('./ca.pem', import.meta.url) }) });
  https.get(url, { agent: new https.Agent({ family: Number(url) }) });
  https.get(url, { agent: new https.Agent({ timeout: parseInt(process.env.TIMEOUT, 10) }) });
}

export function c(url) {
  https.get(url, { agent: new https.Agent({ keepAlive: !0, maxSockets: 2 ** 4, ca: [, ...['a']], timeout: 1000 as const, lookup: function () { return this; }, family: undefined }) });
  https.get(url, { agent: new https.Agent({ servername: process.env.SNI!, localAddress: (process.env.ADDR satisfies string), scheduling: <string>'lifo', lookup: (h) => { function inner() { return this; } return inner; } }) });
}

export function d(url) {
  https.get(url, { agent: new https.Agent({ maxSockets: -void 0, keepAliveMsecs: delete globalThis.x }) });
  https.get(url, { agent: new https.Agent({ family: process.env?.FAMILY, timeout: Boolean(1) ? 1 : 2, [\`ca\`]: '', keepAlive: [].length > 0, ...[] }) });
}
`,
      filename: 'src/agents.ts',
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 13,
          column: 27,
          endLine: 13,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`a`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 14,
          column: 27,
          endLine: 14,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`a`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 15,
          column: 27,
          endLine: 15,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`a`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 19,
          column: 27,
          endLine: 19,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`b`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 20,
          column: 27,
          endLine: 20,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`b`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 21,
          column: 27,
          endLine: 21,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`b`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 22,
          column: 27,
          endLine: 22,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`b`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 23,
          column: 27,
          endLine: 23,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`b`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';
import { Agent } from 'undici';

const config = { timeout: 1000, retries: 0 };
config.retries++;
const limits = { max: 10 };
delete limits.max;
const shared = { keepAlive: true };
shared.keepAlive = false;

export function a(url) {
  https.get(url, { agent: new https.Agent({ timeout: config.timeout }) });
  https.get(url, { agent: new https.Agent({ maxSockets: limits.max }) });
  https.get(url, { agent: new https.Agent(shared) });
}

const httpsAgent = new https.Agent({ timeout: parseInt(process.env.TIMEOUT, 10) });

export function b(url, key) {
  https.get(url, { agent: new https.Agent({ [key]: true }) });
  https.get(url, { agent: new https.Agent({ lookup: () => this.lookup }) });
  https.get(url, { agent: new https.Agent({ ca: new URL('./ca.pem', import.meta.url) }) });
  https.get(url, { agent: new https.Agent({ family: Number(url) }) });
  https.get(url, { agent: httpsAgent });
}

export function c(url) {
  https.get(url, { agent: new https.Agent({ keepAlive: !0, maxSockets: 2 ** 4, ca: [, ...['a']], timeout: 1000 as const, lookup: function () { return this; }, family: undefined }) });
  https.get(url, { agent: new https.Agent({ servername: process.env.SNI!, localAddress: (process.env.ADDR satisfies string), scheduling: <string>'lifo', lookup: (h) => { function inner() { return this; } return inner; } }) });
}

export function d(url) {
  https.get(url, { agent: new https.Agent({ maxSockets: -void 0, keepAliveMsecs: delete globalThis.x }) });
  https.get(url, { agent: new https.Agent({ family: process.env?.FAMILY, timeout: Boolean(1) ? 1 : 2, [\`ca\`]: '', keepAlive: [].length > 0, ...[] }) });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 27,
          column: 27,
          endLine: 27,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`c`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';
import { Agent } from 'undici';

const config = { timeout: 1000, retries: 0 };
config.retries++;
const limits = { max: 10 };
delete limits.max;
const shared = { keepAlive: true };
shared.keepAlive = false;

export function a(url) {
  https.get(url, { agent: new https.Agent({ timeout: config.timeout }) });
  https.get(url, { agent: new https.Agent({ maxSockets: limits.max }) });
  https.get(url, { agent: new https.Agent(shared) });
}

export function b(url, key) {
  https.get(url, { agent: new https.Agent({ [key]: true }) });
  https.get(url, { agent: new https.Agent({ lookup: () => this.lookup }) });
  https.get(url, { agent: new https.Agent({ ca: new URL('./ca.pem', import.meta.url) }) });
  https.get(url, { agent: new https.Agent({ family: Number(url) }) });
  https.get(url, { agent: new https.Agent({ timeout: parseInt(process.env.TIMEOUT, 10) }) });
}

const httpsAgent = new https.Agent({ keepAlive: !0, maxSockets: 2 ** 4, ca: [, ...['a']], timeout: 1000 as const, lookup: function () { return this; }, family: undefined });

export function c(url) {
  https.get(url, { agent: httpsAgent });
  https.get(url, { agent: new https.Agent({ servername: process.env.SNI!, localAddress: (process.env.ADDR satisfies string), scheduling: <string>'lifo', lookup: (h) => { function inner() { return this; } return inner; } }) });
}

export function d(url) {
  https.get(url, { agent: new https.Agent({ maxSockets: -void 0, keepAliveMsecs: delete globalThis.x }) });
  https.get(url, { agent: new https.Agent({ family: process.env?.FAMILY, timeout: Boolean(1) ? 1 : 2, [\`ca\`]: '', keepAlive: [].length > 0, ...[] }) });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 28,
          column: 27,
          endLine: 28,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`c`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';
import { Agent } from 'undici';

const config = { timeout: 1000, retries: 0 };
config.retries++;
const limits = { max: 10 };
delete limits.max;
const shared = { keepAlive: true };
shared.keepAlive = false;

export function a(url) {
  https.get(url, { agent: new https.Agent({ timeout: config.timeout }) });
  https.get(url, { agent: new https.Agent({ maxSockets: limits.max }) });
  https.get(url, { agent: new https.Agent(shared) });
}

export function b(url, key) {
  https.get(url, { agent: new https.Agent({ [key]: true }) });
  https.get(url, { agent: new https.Agent({ lookup: () => this.lookup }) });
  https.get(url, { agent: new https.Agent({ ca: new URL('./ca.pem', import.meta.url) }) });
  https.get(url, { agent: new https.Agent({ family: Number(url) }) });
  https.get(url, { agent: new https.Agent({ timeout: parseInt(process.env.TIMEOUT, 10) }) });
}

const httpsAgent = new https.Agent({ servername: process.env.SNI!, localAddress: (process.env.ADDR satisfies string), scheduling: <string>'lifo', lookup: (h) => { function inner() { return this; } return inner; } });

export function c(url) {
  https.get(url, { agent: new https.Agent({ keepAlive: !0, maxSockets: 2 ** 4, ca: [, ...['a']], timeout: 1000 as const, lookup: function () { return this; }, family: undefined }) });
  https.get(url, { agent: httpsAgent });
}

export function d(url) {
  https.get(url, { agent: new https.Agent({ maxSockets: -void 0, keepAliveMsecs: delete globalThis.x }) });
  https.get(url, { agent: new https.Agent({ family: process.env?.FAMILY, timeout: Boolean(1) ? 1 : 2, [\`ca\`]: '', keepAlive: [].length > 0, ...[] }) });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 32,
          column: 27,
          endLine: 32,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`d`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 33,
          column: 27,
          endLine: 33,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`d`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';
import { Agent } from 'undici';

const config = { timeout: 1000, retries: 0 };
config.retries++;
const limits = { max: 10 };
delete limits.max;
const shared = { keepAlive: true };
shared.keepAlive = false;

export function a(url) {
  https.get(url, { agent: new https.Agent({ timeout: config.timeout }) });
  https.get(url, { agent: new https.Agent({ maxSockets: limits.max }) });
  https.get(url, { agent: new https.Agent(shared) });
}

export function b(url, key) {
  https.get(url, { agent: new https.Agent({ [key]: true }) });
  https.get(url, { agent: new https.Agent({ lookup: () => this.lookup }) });
  https.get(url, { agent: new https.Agent({ ca: new URL('./ca.pem', import.meta.url) }) });
  https.get(url, { agent: new https.Agent({ family: Number(url) }) });
  https.get(url, { agent: new https.Agent({ timeout: parseInt(process.env.TIMEOUT, 10) }) });
}

export function c(url) {
  https.get(url, { agent: new https.Agent({ keepAlive: !0, maxSockets: 2 ** 4, ca: [, ...['a']], timeout: 1000 as const, lookup: function () { return this; }, family: undefined }) });
  https.get(url, { agent: new https.Agent({ servername: process.env.SNI!, localAddress: (process.env.ADDR satisfies string), scheduling: <string>'lifo', lookup: (h) => { function inner() { return this; } return inner; } }) });
}

const httpsAgent = new https.Agent({ family: process.env?.FAMILY, timeout: Boolean(1) ? 1 : 2, [\`ca\`]: '', keepAlive: [].length > 0, ...[] });

export function d(url) {
  https.get(url, { agent: new https.Agent({ maxSockets: -void 0, keepAliveMsecs: delete globalThis.x }) });
  https.get(url, { agent: httpsAgent });
}
`,
            },
          ],
        },
      ],
    },
    // require declared as a global, and requires that are not tracked
    {
      code: `
const { createApiClient } = require('@acme/http');
const other = require('./other');
const dynamic = require(name);
const path = require.resolve('@acme/http');
const axios = require('axios');

export async function load(url) {
  await fetch(url, { dispatcher: createApiClient() });
  await axios.get(url, { adapter: axios.create().defaults.adapter });
}
`,
      languageOptions: { globals: { require: 'readonly' } },
      options: [{ additionalClients: [{ module: '@acme/http', export: 'createApiClient', kind: 'instance' }, { module: 'axios', export: 'create' }] }],
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 9,
          column: 34,
          endLine: 9,
          endColumn: 49,
          data: { client: 'createApiClient()', effect: BUILDS_CLIENT, fn: '`load`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'createApiClient()', name: 'apiClient' },
              output: `
const { createApiClient } = require('@acme/http');
const other = require('./other');
const dynamic = require(name);
const path = require.resolve('@acme/http');
const axios = require('axios');

const apiClient = createApiClient();

export async function load(url) {
  await fetch(url, { dispatcher: apiClient });
  await axios.get(url, { adapter: axios.create().defaults.adapter });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 10,
          column: 35,
          endLine: 10,
          endColumn: 47,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, fn: '`load`' },
          suggestions: [],
        },
      ],
    },
    // Long callees are shortened in labels
    {
      code: `
import * as theVeryLongNamespaceOfTheCompanyHttpLibrary from '@acme/http';

export async function load(url) {
  await fetch(url, { dispatcher: theVeryLongNamespaceOfTheCompanyHttpLibrary.createApiClient() });
}
`,
      filename: 'src/client.ts',
      options: [{ additionalClients: [{ module: '@acme/http', export: 'createApiClient', kind: 'instance' }] }],
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 93,
          data: { client: 'createApiClient()', effect: BUILDS_CLIENT, fn: '`load`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'createApiClient()', name: 'apiClient' },
              output: `
import * as theVeryLongNamespaceOfTheCompanyHttpLibrary from '@acme/http';

const apiClient = theVeryLongNamespaceOfTheCompanyHttpLibrary.createApiClient();

export async function load(url) {
  await fetch(url, { dispatcher: apiClient });
}
`,
            },
          ],
        },
      ],
    },
    // A comment set apart by a blank line stays where it is; classes are not static arguments
    {
      code: `
import https from 'node:https';

class Resolver {}

// Request helpers.

export function ping(url) {
  https.get(url, { agent: new https.Agent() });
  https.get(url, { agent: new https.Agent({ lookup: Resolver }) });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 9,
          column: 27,
          endLine: 9,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`ping`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `
import https from 'node:https';

class Resolver {}

// Request helpers.

const httpsAgent = new https.Agent();

export function ping(url) {
  https.get(url, { agent: httpsAgent });
  https.get(url, { agent: new https.Agent({ lookup: Resolver }) });
}
`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 42,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`ping`' },
          suggestions: [],
        },
      ],
    },
    // Windows line endings are kept
    {
      code: "import { Agent } from 'undici';\r\n\r\nexport function load(url) {\r\n  const agent = new Agent({\r\n    connections: 10,\r\n  });\r\n  return fetch(url, { dispatcher: agent });\r\n}\r\n",
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 26,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`load`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output:
                "import { Agent } from 'undici';\r\n\r\nconst agent = new Agent({\r\n  connections: 10,\r\n});\r\n\r\nexport function load(url) {\r\n  return fetch(url, { dispatcher: agent });\r\n}\r\n",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-client-per-request (agent modules, subclasses, escapes that are not)', rule, {
  valid: [
    // Handed to a long-lived client stored on `this`.
    `import https from 'node:https';
import { ApiClient } from './api-client';

export class Gateway {
  connect(token) {
    this.client = new ApiClient({ token, agent: new https.Agent({ keepAlive: true }) });
  }
}
`,
    // Returned: a factory.
    `import { HttpsCookieAgent } from 'http-cookie-agent/http';

export function cookieAgentFor(jar) {
  return new HttpsCookieAgent({ cookies: { jar } });
}
`,
    // Cached in a Map.
    `import { Agent } from 'undici';

class PinnedAgent extends Agent {}
const agents = new Map();

export function agentFor(origin) {
  let agent = agents.get(origin);
  if (!agent) {
    agent = new PinnedAgent({ connect: { servername: origin } });
    agents.set(origin, agent);
  }
  return agent;
}
`,
    // Memoised in a module variable.
    `import tunnel from 'tunnel';

let proxyAgent;
export function getProxyAgent() {
  proxyAgent ??= tunnel.httpsOverHttp({ proxy: { host: 'proxy.corp', port: 8080 } });
  return proxyAgent;
}
`,
    // Agent-like names under keys that do not take an agent, and a class whose name does not say agent.
    `import axios from 'axios';
import { BrowserAgent, Tracker } from './telemetry';

export async function track(event) {
  await axios.post('/events', event, { meta: new BrowserAgent(), agent: new Tracker() });
}
`,
    // An unknown agent in the options of something that is not a request.
    `import { CustomAgent } from './net';

export function makeClient() {
  return createClient({ httpsAgent: new CustomAgent() });
}
`,
    // A class named as an agent that extends no agent class, outside any agent option.
    `import { EventEmitter } from 'node:events';

class StatsAgent extends EventEmitter {}

export function collect() {
  const stats = new StatsAgent();
  stats.emit('start');
}
`,
    // Reading the key that holds the agent hands it out.
    `import axios from 'axios';
import https from 'node:https';

export async function getInvoice(id) {
  const options = { httpsAgent: new https.Agent({ keepAlive: true }) };
  remember(options.httpsAgent);
  return axios.get(\`/invoices/\${id}\`, options);
}
`,
    // A retry helper whose promise nobody waits for may call back later.
    `import { Agent } from 'undici';

export function warmUp(url) {
  const dispatcher = new Agent();
  retry(() => fetch(url, { dispatcher }));
}
`,
    // A same-class method that keeps the agent.
    `import axios from 'axios';
import https from 'node:https';

export class Api {
  init() {
    const agent = new https.Agent({ keepAlive: true });
    this.use(agent);
  }

  use(agent) {
    this.agent = agent;
    return axios.get('/health', { httpsAgent: agent });
  }
}
`,
  ],
  invalid: [
    // http-cookie-agent: its node:https agent, inline in axios options.
    {
      code: `import axios from 'axios';
import { HttpsCookieAgent } from 'http-cookie-agent/http';

export async function fetchProfile(jar, id) {
  const { data } = await axios.get(\`/profiles/\${id}\`, { httpsAgent: new HttpsCookieAgent({ cookies: { jar } }) });
  return data;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 69,
          endLine: 5,
          endColumn: 89,
          data: { client: 'new HttpsCookieAgent()', effect: OPENS_POOL, fn: '`fetchProfile`' },
          suggestions: [],
        },
      ],
    },
    // http-cookie-agent: its undici dispatcher.
    {
      code: `import { CookieAgent } from 'http-cookie-agent/undici';

export async function loadCart(jar) {
  const dispatcher = new CookieAgent({ cookies: { jar } });
  const res = await fetch('https://shop.example.com/cart', { dispatcher });
  return res.json();
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 37,
          data: { client: 'new CookieAgent()', effect: OPENS_POOL, fn: '`loadCart`' },
          suggestions: [],
        },
      ],
    },
    // hpagent through `require`, in got's `agent: { https }` option.
    {
      code: `const got = require('got');
const { HttpsProxyAgent } = require('hpagent');

exports.download = async function download(url) {
  return got(url, { agent: { https: new HttpsProxyAgent({ proxy: 'http://proxy.internal:3128' }) } }).buffer();
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 37,
          endLine: 5,
          endColumn: 56,
          data: { client: 'new HttpsProxyAgent()', effect: OPENS_POOL, fn: '`download`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new HttpsProxyAgent()', name: 'httpsProxyAgent' },
              output: `const got = require('got');
const { HttpsProxyAgent } = require('hpagent');

const httpsProxyAgent = new HttpsProxyAgent({ proxy: 'http://proxy.internal:3128' });

exports.download = async function download(url) {
  return got(url, { agent: { https: httpsProxyAgent } }).buffer();
};
`,
            },
          ],
        },
      ],
    },
    // agentkeepalive's `HttpsAgent`, with node-fetch.
    {
      code: `import { HttpsAgent } from 'agentkeepalive';
import fetch from 'node-fetch';

export async function ping(url) {
  const agent = new HttpsAgent({ maxSockets: 4 });
  return fetch(url, { agent });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 31,
          data: { client: 'new HttpsAgent()', effect: OPENS_POOL, fn: '`ping`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new HttpsAgent()', name: 'agent' },
              output: `import { HttpsAgent } from 'agentkeepalive';
import fetch from 'node-fetch';

const agent = new HttpsAgent({ maxSockets: 4 });

export async function ping(url) {
  return fetch(url, { agent });
}
`,
            },
          ],
        },
      ],
    },
    // A tunnel factory returns a new agent on each call.
    {
      code: `import axios from 'axios';
import tunnel from 'tunnel';

export function viaCorporateProxy(url) {
  return axios.get(url, { proxy: false, httpsAgent: tunnel.httpsOverHttp({ proxy: { host: 'proxy.corp', port: 8080 } }) });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 53,
          endLine: 5,
          endColumn: 73,
          data: { client: 'tunnel.httpsOverHttp()', effect: OPENS_POOL, fn: '`viaCorporateProxy`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'tunnel.httpsOverHttp()', name: 'httpsOverHttpAgent' },
              output: `import axios from 'axios';
import tunnel from 'tunnel';

const httpsOverHttpAgent = tunnel.httpsOverHttp({ proxy: { host: 'proxy.corp', port: 8080 } });

export function viaCorporateProxy(url) {
  return axios.get(url, { proxy: false, httpsAgent: httpsOverHttpAgent });
}
`,
            },
          ],
        },
      ],
    },
    // follow-redirects: its `https` inherits `Agent` and sends the request.
    {
      code: `const { https } = require('follow-redirects');

exports.resolve = function resolve(url, done) {
  const agent = new https.Agent({ keepAlive: true });
  https.get(url, { agent }, (res) => done(res.responseUrl));
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 32,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`resolve`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'agent' },
              output: `const { https } = require('follow-redirects');

const agent = new https.Agent({ keepAlive: true });

exports.resolve = function resolve(url, done) {
  https.get(url, { agent }, (res) => done(res.responseUrl));
};
`,
            },
          ],
        },
      ],
    },
    // A project subclass of undici's `Agent`.
    {
      code: `import { Agent } from 'undici';

class PinnedAgent extends Agent {
  constructor(fingerprint) {
    super({ connect: { checkServerIdentity: (host, cert) => verify(cert, fingerprint) } });
  }
}

export async function fetchPinned(url, fingerprint) {
  return fetch(url, { dispatcher: new PinnedAgent(fingerprint) });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 10,
          column: 35,
          endLine: 10,
          endColumn: 50,
          data: { client: 'new PinnedAgent()', effect: OPENS_POOL, fn: '`fetchPinned`' },
          suggestions: [],
        },
      ],
    },
    // A subclass of a subclass of `https.Agent`, bound by a class expression.
    {
      code: `import https from 'node:https';

class LoggingAgent extends https.Agent {}
const StrictAgent = class extends LoggingAgent {};

export function head(url) {
  const agent = new StrictAgent({ keepAlive: true });
  return https.request(url, { method: 'HEAD', agent });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 32,
          data: { client: 'new StrictAgent()', effect: OPENS_POOL, fn: '`head`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new StrictAgent()', name: 'agent' },
              output: `import https from 'node:https';

class LoggingAgent extends https.Agent {}
const StrictAgent = class extends LoggingAgent {};

const agent = new StrictAgent({ keepAlive: true });

export function head(url) {
  return https.request(url, { method: 'HEAD', agent });
}
`,
            },
          ],
        },
      ],
    },
    // A subclass of `EnvHttpProxyAgent` constructed in a route handler.
    {
      code: `import { EnvHttpProxyAgent } from 'undici';
import express from 'express';

class TracedProxy extends EnvHttpProxyAgent {}

const app = express();
app.get('/weather', async (req, res) => {
  const upstream = await fetch('https://weather.example.com/now', { dispatcher: new TracedProxy() });
  res.json(await upstream.json());
});
`,
      output: null,
      errors: [
        {
          messageId: 'perRequest',
          line: 8,
          column: 81,
          endLine: 8,
          endColumn: 96,
          data: { client: 'new TracedProxy()', effect: OPENS_POOL, handler: 'the route handler passed to `app.get`', advice: ROUTE_ADVICE },
          suggestions: [],
        },
      ],
    },
    // A subclass of a destructured `require('undici').Agent`.
    {
      code: `const { Agent } = require('undici');

class Pinned extends Agent {}

exports.fetchPinned = async (url) => {
  const dispatcher = new Pinned({ connect: { rejectUnauthorized: true } });
  return fetch(url, { dispatcher });
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 32,
          data: { client: 'new Pinned()', effect: OPENS_POOL, fn: '`exports.fetchPinned`' },
          suggestions: [],
        },
      ],
    },
    // An unknown class named as an agent, directly in `httpsAgent`.
    {
      code: `import axios from 'axios';
import { CustomAgent } from './net/custom-agent';

export async function getOrders() {
  const res = await axios.get('/orders', { httpsAgent: new CustomAgent() });
  return res.data;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 56,
          endLine: 5,
          endColumn: 71,
          data: { client: 'new CustomAgent()', effect: OPENS_POOL, fn: '`getOrders`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new CustomAgent()', name: 'customAgent' },
              output: `import axios from 'axios';
import { CustomAgent } from './net/custom-agent';

const customAgent = new CustomAgent();

export async function getOrders() {
  const res = await axios.get('/orders', { httpsAgent: customAgent });
  return res.data;
}
`,
            },
          ],
        },
      ],
    },
    // An unknown class named as a dispatcher, directly in `dispatcher`.
    {
      code: `import { RetryDispatcher } from './dispatchers';

export async function getStatus(url) {
  return fetch(url, { dispatcher: new RetryDispatcher({ retries: 2 }) });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 54,
          data: { client: 'new RetryDispatcher()', effect: OPENS_POOL, fn: '`getStatus`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new RetryDispatcher()', name: 'retryDispatcher' },
              output: `import { RetryDispatcher } from './dispatchers';

const retryDispatcher = new RetryDispatcher({ retries: 2 });

export async function getStatus(url) {
  return fetch(url, { dispatcher: retryDispatcher });
}
`,
            },
          ],
        },
      ],
    },
    // Reading other keys of the options does not hand the agent out.
    {
      code: `import axios from 'axios';
import https from 'node:https';

export async function getInvoice(id, token) {
  const options = { httpsAgent: new https.Agent({ keepAlive: true }), headers: { authorization: token } };
  audit(options.headers, options.baseURL);
  const { data } = await axios.get(\`/invoices/\${id}\`, options);
  return data;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 48,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`getInvoice`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `import axios from 'axios';
import https from 'node:https';

const httpsAgent = new https.Agent({ keepAlive: true });

export async function getInvoice(id, token) {
  const options = { httpsAgent, headers: { authorization: token } };
  audit(options.headers, options.baseURL);
  const { data } = await axios.get(\`/invoices/\${id}\`, options);
  return data;
}
`,
            },
          ],
        },
      ],
    },
    // `JSON.stringify` and logging read the options without keeping them.
    {
      code: `import axios from 'axios';
import https from 'node:https';

export async function getReport(id) {
  const config = { httpsAgent: new https.Agent({ rejectUnauthorized: false }), params: { id } };
  console.debug('request', JSON.stringify(config.params), config);
  logger.info({ config });
  return axios.get('/reports', config);
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 47,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`getReport`' },
          suggestions: [],
        },
      ],
    },
    // A retry helper whose promise is returned runs its callback during this call.
    {
      code: `import pRetry from 'p-retry';
import { Agent } from 'undici';

export async function syncInventory(url) {
  const dispatcher = new Agent({ connections: 8 });
  return pRetry(() => fetch(url, { dispatcher, method: 'POST' }), { retries: 3 });
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 31,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`syncInventory`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'dispatcher' },
              output: `import pRetry from 'p-retry';
import { Agent } from 'undici';

const dispatcher = new Agent({ connections: 8 });

export async function syncInventory(url) {
  return pRetry(() => fetch(url, { dispatcher, method: 'POST' }), { retries: 3 });
}
`,
            },
          ],
        },
      ],
    },
    // A same-class method that only forwards the agent to a request.
    {
      code: `import axios from 'axios';
import https from 'node:https';

export class BillingApi {
  async charge(order) {
    const agent = new https.Agent({ keepAlive: true });
    return this.post('/charges', order, agent);
  }

  post(path, body, agent) {
    return axios.post(path, body, { httpsAgent: agent });
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 34,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`charge`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'agent' },
              output: `import axios from 'axios';
import https from 'node:https';

const agent = new https.Agent({ keepAlive: true });

export class BillingApi {
  async charge(order) {
    return this.post('/charges', order, agent);
  }

  post(path, body, agent) {
    return axios.post(path, body, { httpsAgent: agent });
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

describe('options', () => {
  it('rejects unknown options and malformed client entries', () => {
    const linter = new Linter({ configType: 'flat' });
    const verify = (options: unknown) =>
      linter.verify('fetch("/")', {
        plugins: { 'http-client': { rules: { 'no-client-per-request': rule } } } as never,
        rules: { 'http-client/no-client-per-request': ['error', options] },
      });
    expect(() => verify({ bogus: 1 })).toThrow(/bogus/u);
    expect(() => verify({ additionalClients: [{ module: 'x' }] })).toThrow(/export/u);
    expect(() => verify({ additionalClients: [{ module: 'x', export: 'a-b' }] })).toThrow(/pattern/u);
    expect(() => verify({ additionalClients: [{ module: 'x', export: 'Agent', kind: 'socket' }] })).toThrow(/allowed values/u);
    expect(() => verify({ ignoreTestFiles: 'yes' })).toThrow(/should be boolean/u);
    expect(verify({ additionalClients: [{ module: 'x', export: 'default.create' }], ignoreTestFiles: true })).toEqual([]);
  });
});

ruleTester.run('no-client-per-request (options filled in, destructured helpers, factories)', rule, {
  valid: [
    // The options object is handed to a function that may keep it.
    `
const axios = require('axios');
const https = require('https');
exports.probe = async function probe(host) {
  const config = { url: '/ping' };
  config.httpsAgent = new https.Agent({ keepAlive: true });
  registry.remember(config);
  return axios.request(config);
};
`,
    // A helper that destructures its options but keeps the agent.
    `
const { Agent } = require('undici');
const kept = [];
const send = async (url, { dispatcher, headers } = {}) => {
  kept.push(dispatcher);
  return fetch(url, { dispatcher, headers });
};
exports.download = async (url) => send(url, { dispatcher: new Agent({ connections: 2 }) });
`,
    // A helper that does not name the key the agent sits under: not followed.
    `
const { Agent } = require('undici');
const send = async (url, { headers, ...rest }) => fetch(url, { headers, ...rest });
exports.download = async (url) => send(url, { dispatcher: new Agent() });
`,
    // A pool composed with interceptors and returned: the caller keeps the result.
    `
import { Pool, interceptors } from 'undici';
export class Transport {
  #buildPool(origin) {
    return new Pool(origin, { connections: 4 }).compose(interceptors.retry({ maxRetries: 2 }));
  }
  start(origin) {
    this.pool = this.#buildPool(origin);
  }
}
`,
    // A factory whose result is kept at module scope.
    `
const https = require('https');
const axios = require('axios');
function makeAgent() {
  return new https.Agent({ keepAlive: true });
}
const agent = makeAgent();
exports.get = (url) => axios.get(url, { httpsAgent: agent });
`,
    // A factory with one call site that keeps the result.
    `
const axios = require('axios');
function createApi(token) {
  return axios.create({ headers: { authorization: token } });
}
class Service {
  constructor(token) {
    this.api = createApi(token);
  }
}
module.exports = { Service };
`,
    // An exported factory: callers elsewhere may keep what it returns.
    `
const axios = require('axios');
function createApi() {
  return axios.create({ baseURL: '/v1' });
}
exports.list = () => createApi().get('/items');
exports.createApi = createApi;
`,
    // Returned inside an object, which a caller may keep apart.
    `
const https = require('https');
function parts() {
  return { agent: new https.Agent(), retries: 3 };
}
exports.get = (url) => fetch(url, { agent: parts().agent });
`,
    // Compiled imports: an agent kept on the instance.
    `
const axios_1 = __importDefault(require('axios'));
const https = __importStar(require('node:https'));
class Client {
  connect() {
    this.agent = new https.Agent({ keepAlive: true });
    return axios_1.default.get('/status', { httpsAgent: this.agent });
  }
}
exports.Client = Client;
`,
    // A helper that wraps a module that is not in the catalogue.
    `
const pool_1 = __importDefault(require('generic-pool'));
exports.make = function make() {
  const pool = new pool_1.default.Pool({ max: 2 });
  return pool.size;
};
`,
    // A listener of an event that fires once: shutdown code runs once.
    `
const axios = require('axios');
const https = require('https');
module.exports = function register(RED) {
  function Controller(config) {
    this.on('close', (removed, done) => {
      const logout = () => __awaiter(this, void 0, void 0, function* () {
        yield axios.post(config.url + '/logout', {}, { httpsAgent: new https.Agent({ rejectUnauthorized: false }) });
      });
      logout().then(done, done);
    });
    process.once('SIGTERM', async () => {
      await axios.post(config.url + '/bye', {}, { httpsAgent: new https.Agent() });
    });
  }
  RED.nodes.registerType('controller', Controller);
};
`,
  ],
  invalid: [
    // A listener of an event that fires for every message, and the generator of a compiled async function.
    {
      code: `const axios = require('axios');
const https = require('https');
module.exports = function register(RED) {
  function Controller(config) {
    this.on('input', (msg, send, done) => {
      const call = () => __awaiter(this, void 0, void 0, function* () {
        const res = yield axios.post(config.url, msg.payload, { httpsAgent: new https.Agent({ keepAlive: true }) });
        send({ payload: res.data });
      });
      call().then(() => done(), done);
    });
  }
  RED.nodes.registerType('controller', Controller);
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 77,
          endLine: 7,
          endColumn: 92,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: 'the function passed to `this.on`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `const axios = require('axios');
const https = require('https');

const httpsAgent = new https.Agent({ keepAlive: true });

module.exports = function register(RED) {
  function Controller(config) {
    this.on('input', (msg, send, done) => {
      const call = () => __awaiter(this, void 0, void 0, function* () {
        const res = yield axios.post(config.url, msg.payload, { httpsAgent });
        send({ payload: res.data });
      });
      call().then(() => done(), done);
    });
  }
  RED.nodes.registerType('controller', Controller);
};
`,
            },
          ],
        },
      ],
    },
    // Compiled imports: axios and https required through interop helpers.
    {
      code: `const axios_1 = __importDefault(require('axios'));
const https = __importStar(require('node:https'));
class Menus {
  static async load(id) {
    const httpsAgent = new https.Agent({ rejectUnauthorized: false });
    const response = await axios_1.default.post('/menus/' + id, undefined, { httpsAgent });
    return response.data;
  }
}
exports.Menus = Menus;
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 39,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`load`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'httpsAgent' },
              output: `const axios_1 = __importDefault(require('axios'));
const https = __importStar(require('node:https'));

const httpsAgent = new https.Agent({ rejectUnauthorized: false });

class Menus {
  static async load(id) {
    const response = await axios_1.default.post('/menus/' + id, undefined, { httpsAgent });
    return response.data;
  }
}
exports.Menus = Menus;
`,
            },
          ],
        },
      ],
    },
    // An agent put under a key of a local options object, whose other keys are read elsewhere.
    {
      code: `const axios = require('axios');
const https = require('https');
exports.check = async function check(host) {
  const config = { url: '/ping' };
  if (host.tcp) config.baseURL = host.address;
  config.httpsAgent = new https.Agent(agentOptions(host, config.baseURL));
  const res = await axios.request(config);
  return res.status;
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 38,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`check`' },
          suggestions: [],
        },
      ],
    },
    // The agent goes to a local helper that destructures it from its options and sends one request.
    {
      code: `const { Agent } = require('undici');
const send = async (url, { dispatcher, headers } = {}) => {
  const response = await fetch(url, { dispatcher, headers });
  return response.arrayBuffer();
};
exports.download = async (url, insecure) => {
  const dispatcher = insecure ? new Agent({ connect: { rejectUnauthorized: false } }) : undefined;
  return send(url, { dispatcher, headers: {} });
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 7,
          column: 33,
          endLine: 7,
          endColumn: 42,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`exports.download`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new Agent()', name: 'agent' },
              output: `const { Agent } = require('undici');
const send = async (url, { dispatcher, headers } = {}) => {
  const response = await fetch(url, { dispatcher, headers });
  return response.arrayBuffer();
};

const agent = new Agent({ connect: { rejectUnauthorized: false } });

exports.download = async (url, insecure) => {
  const dispatcher = insecure ? agent : undefined;
  return send(url, { dispatcher, headers: {} });
};
`,
            },
          ],
        },
      ],
    },
    // A factory every call of which sends one request with the result and drops it.
    {
      code: `const axios = require('axios');
const https = require('https');
function createAxiosInstance() {
  return axios.create({ baseURL: 'https://api.example.com' });
}
function keepAliveAgent() {
  const agent = new https.Agent({ keepAlive: true });
  return agent;
}
module.exports = {
  send(body) { return createAxiosInstance().post('/messages', body); },
  list() { return createAxiosInstance().get('/messages'); },
  async head(url) { return fetch(url, { method: 'HEAD', agent: keepAliveAgent() }); },
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 22,
          data: { client: 'axios.create()', effect: BUILDS_CLIENT, fn: '`createAxiosInstance`' },
          suggestions: [],
        },
        {
          messageId: 'perCall',
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 32,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`keepAliveAgent`' },
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-client-per-request (options parameters, retry modules, SDK clients, start-up code, probes)', rule, {
  valid: [
    // Only reached from a start method (through a completion callback) and its own retries.
    {
      code: `
const https = require('node:https');
const { HttpsProxyAgent } = require('https-proxy-agent');
function verifyCredentials(options, done, retries = 3) {
  const request = { hostname: 'auth.example.com', path: '/verify', method: 'POST' };
  request.agent = new HttpsProxyAgent(options.proxy);
  const req = https.request(request, (res) => done(null, res.statusCode));
  req.on('error', (error) => {
    if (retries > 0) setTimeout(() => verifyCredentials(options, done, retries - 1), 1000);
    else done(error);
  });
  req.end();
}
function Tunnel() {
  this.start = function (options, done) {
    loadConfig(options, function (error) {
      if (error) return done(error);
      verifyCredentials(options, done);
    });
  };
}
module.exports = Tunnel;
`,
    },
    // An exported main function runs once per program.
    {
      code: `
import { ProxyAgent, fetch } from 'undici';
export async function main() {
  const dispatcher = new ProxyAgent(process.env.HTTPS_PROXY);
  const response = await fetch('https://downloads.example.com/tool.tgz', { dispatcher });
  return response.arrayBuffer();
}
`,
    },
    // A probe closed before anything waits on it carries no traffic.
    {
      code: `
import { ProxyAgent, fetch } from 'undici';
export function supportsTunnelling() {
  let seen = false;
  const probe = new ProxyAgent({ uri: 'http://127.0.0.1:1', factory() { seen = true; throw new Error('probe'); } });
  const pending = fetch('https://127.0.0.1:9', { dispatcher: probe });
  void Promise.allSettled([pending, probe.close()]);
  return seen;
}
`,
    },
    // A parameter not named like options may be an object the caller keeps.
    {
      code: `
import { HttpsProxyAgent } from 'https-proxy-agent';
export function attach(target, url) {
  target.agent = new HttpsProxyAgent(url);
  return fetch(url, target);
}
`,
    },
    // Options that may be a shared default object.
    {
      code: `
import { HttpsProxyAgent } from 'https-proxy-agent';
export function send(url, options) {
  options = options || this.defaults;
  options.agent = new HttpsProxyAgent(url);
  return fetch(url, options);
}
`,
    },
    // A method that is not logging may keep the options.
    {
      code: `
import { HttpsProxyAgent } from 'https-proxy-agent';
export class Api {
  async call(path) {
    const init = { method: 'GET' };
    init.agent = new HttpsProxyAgent(this.proxy);
    this.settings.record(init);
    return fetch(this.base + path, init);
  }
}
`,
    },
    // An SDK client made once in the constructor and kept on the instance.
    {
      code: `
const { WebClient } = require('@slack/web-api');
class Bot {
  constructor(token) {
    this.client = new WebClient(token);
  }
  post(channel, text) {
    return this.client.chat.postMessage({ channel, text });
  }
}
module.exports = Bot;
`,
    },
  ],
  invalid: [
    // An agent put into the options the caller handed in, which then go to the request.
    {
      code: `
import { HttpsProxyAgent } from 'https-proxy-agent';
export async function send(url, options) {
  if (process.env.HTTPS_PROXY) {
    options.agent = new HttpsProxyAgent(process.env.HTTPS_PROXY);
  }
  options.headers = { ...options.headers, 'X-App': 'demo' };
  return fetch(url, options);
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 40,
          data: { client: 'new HttpsProxyAgent()', effect: OPENS_POOL, fn: '`send`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new HttpsProxyAgent()', name: 'httpsProxyAgent' },
              output: `
import { HttpsProxyAgent } from 'https-proxy-agent';

const httpsProxyAgent = new HttpsProxyAgent(process.env.HTTPS_PROXY);

export async function send(url, options) {
  if (process.env.HTTPS_PROXY) {
    options.agent = httpsProxyAgent;
  }
  options.headers = { ...options.headers, 'X-App': 'demo' };
  return fetch(url, options);
}
`,
            },
          ],
        },
      ],
    },
    // Logging the options after a message does not keep the agent.
    {
      code: `
import { HttpsProxyAgent } from 'https-proxy-agent';
export class Api {
  async call(path) {
    const init = { method: 'GET' };
    init.agent = new HttpsProxyAgent(this.proxy);
    this.settings.log('sending request', path, init);
    return fetch(this.base + path, init);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 37,
          data: { client: 'new HttpsProxyAgent()', effect: OPENS_POOL, fn: '`call`' },
          suggestions: [],
        },
      ],
    },
    // The retry module's operation calls the attempt while the promise is pending.
    {
      code: `
const retry = require('retry');
const { ProxyAgent, fetch } = require('undici');
async function call(url) {
  const init = { dispatcher: new ProxyAgent(process.env.PROXY_URL) };
  const operation = retry.operation({ retries: 2 });
  return new Promise((resolve, reject) => {
    operation.attempt(async () => {
      try {
        resolve(await fetch(url, init));
      } catch (error) {
        if (!operation.retry(error)) reject(error);
      }
    });
  });
}
module.exports = { call };
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 30,
          endLine: 5,
          endColumn: 44,
          data: { client: 'new ProxyAgent()', effect: OPENS_POOL, fn: '`call`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new ProxyAgent()', name: 'proxyAgent' },
              output: `
const retry = require('retry');
const { ProxyAgent, fetch } = require('undici');

const proxyAgent = new ProxyAgent(process.env.PROXY_URL);

async function call(url) {
  const init = { dispatcher: proxyAgent };
  const operation = retry.operation({ retries: 2 });
  return new Promise((resolve, reject) => {
    operation.attempt(async () => {
      try {
        resolve(await fetch(url, init));
      } catch (error) {
        if (!operation.retry(error)) reject(error);
      }
    });
  });
}
module.exports = { call };
`,
            },
          ],
        },
      ],
    },
    // A retry helper as compilers emit its default import.
    {
      code: `
const async_retry_1 = __importDefault(require('async-retry'));
const undici_1 = require('undici');
function send(url, init) {
  init.dispatcher = new undici_1.ProxyAgent(process.env.PROXY_URL);
  return (0, async_retry_1.default)(() => (0, undici_1.fetch)(url, init), { retries: 3 });
}
exports.send = send;
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 44,
          data: { client: 'new undici_1.ProxyAgent()', effect: OPENS_POOL, fn: '`send`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new undici_1.ProxyAgent()', name: 'undici_1ProxyAgent' },
              output: `
const async_retry_1 = __importDefault(require('async-retry'));
const undici_1 = require('undici');

const undici_1ProxyAgent = new undici_1.ProxyAgent(process.env.PROXY_URL);

function send(url, init) {
  init.dispatcher = undici_1ProxyAgent;
  return (0, async_retry_1.default)(() => (0, undici_1.fetch)(url, init), { retries: 3 });
}
exports.send = send;
`,
            },
          ],
        },
      ],
    },
    // An SDK client that builds its own HTTP client, made for a single call.
    {
      code: `
const { WebClient } = require('@slack/web-api');
async function checkToken(token) {
  const client = new WebClient(token);
  const result = await client.auth.test();
  return result.ok;
}
module.exports = { checkToken };
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 31,
          data: { client: 'new WebClient()', effect: BUILDS_CLIENT, fn: '`checkToken`' },
          suggestions: [],
        },
      ],
    },
    // Called from a route handler registered at start-up: per request, not at start-up.
    {
      code: `
const https = require('node:https');
function verify(token) {
  const agent = new https.Agent({ keepAlive: true });
  return https.get('https://auth.example.com/check?token=' + token, { agent });
}
exports.start = function start(app) {
  app.post('/hook', (req, res) => {
    verify(req.body.token);
    res.end();
  });
};
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 32,
          data: { client: 'new https.Agent()', effect: OPENS_POOL, fn: '`verify`' },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'new https.Agent()', name: 'agent' },
              output: `
const https = require('node:https');

const agent = new https.Agent({ keepAlive: true });

function verify(token) {
  return https.get('https://auth.example.com/check?token=' + token, { agent });
}
exports.start = function start(app) {
  app.post('/hook', (req, res) => {
    verify(req.body.token);
    res.end();
  });
};
`,
            },
          ],
        },
      ],
    },
    // Closed only after the response came back: it carried the call's traffic.
    {
      code: `
import { Agent, fetch } from 'undici';
export async function ping(url) {
  const agent = new Agent({ connections: 1 });
  const response = await fetch(url, { dispatcher: agent });
  await agent.close();
  return response.status;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 26,
          data: { client: 'new Agent()', effect: OPENS_POOL, fn: '`ping`' },
          suggestions: [],
        },
      ],
    },
  ],
});
