import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/require-status-check';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('require-status-check', rule, {
  valid: [
    // asking whether the body stream is in use reads nothing; the response goes to the caller
    `
      export async function load(url) {
        const response = await fetch(url);
        if (response.bodyUsed || response.body?.locked) throw new Error('body already read');
        return response;
      }
    `,
    // in a test, the body goes straight into an assertion: an error page fails the test
    `
      import { expect, test } from 'vitest';
      import assert from 'node:assert/strict';
      test('serves the function', async () => {
        const response = await fetch('http://localhost:8888/hello');
        expect(await response.text()).toEqual('Hello');
        expect(await fetch('http://localhost:8888/a').then((res) => res.text())).toEqual('A');
        const other = await fetch('http://localhost:8888/b');
        assert.equal(await other.text(), 'B');
      });
    `,
    // a guard clause before the body read
    `
      async function loadUser(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.json();
      }
    `,
    // a check after the body read: the error payload is read first
    `
      async function loadUser(url) {
        const res = await fetch(url);
        const body = await res.json();
        if (!res.ok) throw new Error(body.message);
        return body;
      }
    `,
    // optional chaining, computed access, `switch`
    `
      async function load(url) {
        const res = await fetch(url).catch(() => null);
        if (!res?.ok) return null;
        return res.json();
      }
      async function remove(url) {
        const res = await fetch(url, { method: 'DELETE' });
        return res['status'] === 204 ? null : res.json();
      }
      async function get(url) {
        const res = await fetch(url);
        switch (res.status) {
          case 200:
            return res.json();
          default:
            throw new Error(\`HTTP \${res.status}\`);
        }
      }
    `,
    // `if (res.ok)` around the read, and a ternary
    `
      async function load(url) {
        const res = await fetch(url);
        if (res.ok) return res.json();
        return null;
      }
      const text = (url) => fetch(url).then((res) => (res.ok ? res.text() : ''));
    `,
    // destructured status
    `
      async function load(url) {
        const { ok, status, body } = await fetch(url);
        if (!ok) throw new Error(\`HTTP \${status}\`);
        return body;
      }
      fetch('/api').then(({ status, json }) => status);
    `,
    // a check through an alias
    `
      async function load(url) {
        const res = await fetch(url);
        const response = res;
        if (!response.ok) throw new Error(response.statusText);
        return res.json();
      }
    `,
    // checks in `.then` handlers
    `
      fetch('/api/users')
        .then((res) => {
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
          return res.json();
        })
        .then(render);
    `,
    // helpers that check: imported, of this file, in `.then`, around the awaited response
    `
      import { assertOk, handleResponse } from './http';
      function checkStatus(res) {
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return res;
      }
      async function a(url) {
        const res = await fetch(url);
        assertOk(res);
        return res.json();
      }
      async function b(url) {
        const res = await fetch(url);
        checkStatus(res);
        return res.json();
      }
      const c = (url) => fetch(url).then(checkStatus).then((res) => res.json());
      const d = (url) => fetch(url).then(handleResponse);
      const e = async (url) => (await checkStatus(await fetch(url))).json();
      async function f(url) {
        const res = await fetch(url);
        await http.ensureOk(res);
        return res.json();
      }
    `,
    {
      // a checker named in settings
      code: `
      function assertOk(res) {
        if (res.headers.get('x-error')) throw new Error('failed');
      }
      async function load(url) {
        const res = await fetch(url);
        assertOk(res);
        return res.json();
      }
    `,
      settings: { 'http-client': { statusCheckFunctions: ['assertOk'] } },
    },
    {
      // a checker named in the rule's options
      code: `
      function assertOk(res) {
        if (res.headers.get('x-error')) throw new Error('failed');
      }
      async function load(url) {
        const res = await fetch(url);
        assertOk(res);
        return res.json();
      }
    `,
      options: [{ checkers: ['assertOk'] }],
    },
    // a response returned unread: the caller owns the check
    `
      export async function get(url, init) {
        return fetch(url, init);
      }
      export async function send(url) {
        const res = await fetch(url, { method: 'POST' });
        return res;
      }
      export const head = (url) => fetch(url, { method: 'HEAD' });
    `,
    // a response stored or handed on
    `
      class Client {
        async load(url) {
          const res = await fetch(url);
          this.last = { res, body: await res.json() };
        }
      }
      async function load(url, cache) {
        const res = await fetch(url);
        cache.set(url, res);
        return res.json();
      }
      export const all = (urls) => Promise.all(urls.map((url) => fetch(url)));
      export const parsed = async (url) => parse(await fetch(url));
    `,
    // requests whose response is not used
    `
      async function ping(url) {
        await fetch(url, { method: 'POST', body: '{}' });
        void fetch('/beacon');
      }
    `,
    // local resources are not HTTP
    `
      async function load() {
        const res = await fetch('data:application/json,{}');
        const wasm = await fetch(new URL('./module.wasm', import.meta.url));
        const blob = await fetch(\`blob:\${id}\`);
        return [await res.json(), await wasm.arrayBuffer(), await blob.blob()];
      }
    `,
    // shadowed `fetch` and unrelated `.get()`
    `
      function load(fetch, url) {
        return fetch(url).then((res) => res.json());
      }
      const cache = new Map();
      const cached = (key) => cache.get(key).json();
      async function local() {
        const fetch = createFetcher();
        const res = await fetch('/api');
        return res.json();
      }
    `,
    // clients that reject on HTTP errors: axios, got, ky by default
    `
      import axios from 'axios';
      import got from 'got';
      import ky from 'ky';
      export async function load(url) {
        const { data } = await axios.get(url);
        const body = await got(url).json();
        const json = await ky.get(url).json();
        const strict = await axios.get(url, { validateStatus: (status) => status >= 200 && status < 300 });
        const more = await got(url, { throwHttpErrors: true }).json();
        return [data, body, json, strict.data, more];
      }
    `,
    // options the rule cannot see are not reported
    `
      import axios from 'axios';
      import got from 'got';
      export async function load(url, options) {
        const { data } = await axios.get(url, { validateStatus: options.validate });
        const other = await axios.get(url, options);
        const body = await got(url, options).json();
        const tried = await axios.get(url, { validateStatus: (status) => isAcceptable(status) });
        return [data, other.data, body, tried.data];
      }
    `,
    // axios and got with status checks
    `
      import axios from 'axios';
      import got from 'got';
      export async function load(url) {
        const res = await axios.get(url, { validateStatus: () => true });
        if (res.status >= 400) throw new Error(\`HTTP \${res.status}\`);
        const response = await got(url, { throwHttpErrors: false });
        if (!response.ok) throw new Error(\`HTTP \${response.statusCode}\`);
        return [res.data, response.body];
      }
    `,
    // undici with `statusCode` read
    `
      import { request, Client } from 'undici';
      export async function load(url) {
        const { statusCode, body } = await request(url);
        if (statusCode !== 200) throw new Error(\`HTTP \${statusCode}\`);
        return body.json();
      }
      const client = new Client('https://example.com');
      export async function get(path) {
        const res = await client.request({ path, method: 'GET' });
        if (res.statusCode >= 400) throw new Error(\`HTTP \${res.statusCode}\`);
        for await (const chunk of res.body) process.stdout.write(chunk);
      }
    `,
    // node callbacks that check `statusCode` or do not read the body
    `
      import https from 'node:https';
      https.get(url, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(\`HTTP \${res.statusCode}\`));
          return;
        }
        res.pipe(file);
      });
      https.get(url, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      https.get(url, ({ statusCode, headers }) => resolve({ statusCode, headers }));
      https.get(url, (res) => resolve(res));
      https.get(url, onResponse);
    `,
    // node: a response whose chunks are thrown away is only drained, so nothing takes it as success
    `
      import https from 'node:https';
      import http from 'node:http';
      function ping(options, payload) {
        const req = https.request(options, (res) => {
          res.on('data', () => {});
        });
        req.end(payload);
      }
      http.get('http://localhost:9000/beacon', (reply) => {
        reply.on('data', (_ignored) => {});
        reply.once('end', () => done());
      });
      http.get('http://localhost:9000/heartbeat', (reply) => {
        reply.on('data', function () {
          received += 1;
        });
      });
    `,
    // import shapes with a check
    `
      import nodeFetch from 'node-fetch';
      import * as undici from 'undici';
      const { fetch: crossFetch } = require('cross-fetch');
      async function load(url) {
        const a = await nodeFetch(url);
        const b = await undici.fetch(url);
        const c = await crossFetch(url);
        const d = await globalThis.fetch(url);
        for (const res of [a, b, c, d]) if (!res.ok) throw new Error(res.statusText);
        return Promise.all([a.json(), b.json(), c.json(), d.json()]);
      }
    `,
    // `validateStatus` functions that reject every error status, or cannot be evaluated
    `
      import axios from 'axios';
      const limit = 400;
      export async function load(url) {
        const a = await axios.get(url, { validateStatus: (status) => !(status >= 400) });
        const b = await axios.get(url, { validateStatus: (status) => (status === 304 ? true : status - 200 < 100 && status % 1 === 0) });
        const c = await axios.get(url, { validateStatus: (status) => status < limit });
        const d = await axios.get(url, { validateStatus: async () => true });
        const e = await axios.get(url, { validateStatus: ({ status }) => status });
        const f = await axios.get(url, { validateStatus: (status) => { log(status); return true; } });
        const g = await axios.get(url, { validateStatus: (status) => status in codes });
        const h = await axios.get(url, { validateStatus: (status) => codes.includes(status) });
        const i = await axios.get(url, { validateStatus: (status) => [...codes].includes(status) });
        const j = await axios.get(url, { validateStatus: (status) => +status });
        const k = await axios.get(url, { validateStatus: true });
        const l = await axios.get(url, { validateStatus: function () {} });
        const m = await axios.get(url, { validateStatus: (status) => status * 2 / 2 > 1000 || status === -1 });
        const n = await axios.get(url, { validateStatus: (status) => status == null ?? x });
        const o = await axios.get(url, { validateStatus: (status) => ~status });
        const p = await axios.get(url, { validateStatus: (status) => [200, ...codes].includes(status, 1) });
        const q = await axios.get(url, { validateStatus: (status) => !unknown || status === 200 || status === 201 });
        const r = await axios.get(url, { validateStatus: (status) => (flag ? status < 500 : false) });
        const s = await axios.get(url, { validateStatus: (status) => (status % 100) + 200 <= 299 && status & 1 });
        const t = await axios.get(url, { validateStatus: (status) => [200, 201].includes(status) });
        const u = await axios.get(url, { validateStatus: (status) => status === 200 || status === 201 });
        const v = await axios.get(url, { validateStatus: (status) => [200, unknown].includes(status) });
        return [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v].map((res) => res.data);
      }
    `,
    // got streams and pagination, undici `stream`, node requests without a callback
    `
      import got from 'got';
      import { stream } from 'undici';
      import http from 'node:http';
      got.stream(url, { throwHttpErrors: false }).pipe(file);
      const pages = got.paginate(url, { throwHttpErrors: false });
      await stream(url, { method: 'GET' }, ({ body }) => body);
      const req = http.get(url);
      req.on('response', (res) => res.pipe(file));
      const ky = await import('ky');
      const x = await ky.default(url, { throwHttpErrors: 'sometimes' });
      x.json();
    `,
    // responses thrown, rendered, wrapped, yielded, spread or kept in an outer variable
    `
      let last;
      async function* pages(url) {
        const res = await fetch(url);
        yield res;
      }
      async function a(url) {
        const res = await fetch(url);
        if (res.headers.get('x-retry')) throw res;
        last = res;
        return res.json();
      }
      async function b(url) {
        const res = await fetch(url);
        const view = <Response value={res} />;
        return res.json();
      }
      async function c(url) {
        const res = await fetch(url);
        html\`<p>\${res}</p>\`;
        return [res.json(), new Wrapper(res), [...res], { ...res }];
      }
      async function d(url) {
        const res = await fetch(url);
        const { ...rest } = res;
        return res.json();
      }
      async function e(url) {
        const res = await fetch(url);
        const [first] = res;
        return res.json();
      }
      async function f(url) {
        const res = await fetch(url);
        const { [key]: value } = res;
        return res.json();
      }
      async function g(url, handler) {
        const res = await fetch(url);
        handler(...[res]);
        return res.json();
      }
    `,
    // handlers of this file: rest, defaults and destructured parameters, recursion
    `
      function viaRest(...args) {
        return args;
      }
      function withDefault(res = null) {
        if (!res.ok) throw new Error('failed');
      }
      function destructured({ ok }) {
        if (!ok) throw new Error('failed');
      }
      function recursive(res) {
        return recursive(res);
      }
      function noParameter() {}
      const a = (url) => fetch(url).then(viaRest).then((r) => r.json());
      const b = (url) => fetch(url).then(withDefault);
      async function c(url) {
        const res = await fetch(url);
        destructured(res);
        return res.json();
      }
      async function d(url) {
        const res = await fetch(url);
        recursive(res);
        recursive(res);
        return res.json();
      }
      async function e(url) {
        const res = await fetch(url);
        withDefault(res);
        noParameter(res);
        return res.json();
      }
    `,
    // a request promise handed to an unknown function
    `
      async function load(url) {
        const res = await withRetry(fetch(url));
        return res.json();
      }
    `,
    // got's named export rejects on HTTP errors by default; a shadowed global `axios`
    `
      import { got } from 'got';
      export async function load(url) {
        const res = await got(url);
        return res.body;
      }
      export function local(axios) {
        return axios.get('/x', { validateStatus: () => true }).then((res) => res.data);
      }
    `,
    // the global `axios` rejects on HTTP errors by default
    {
      code: `
      function loadOrders() {
        return axios.get('/api/orders').then((res) => render(res.data));
      }
    `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // not the network: a data URL from a canvas, an object URL held in a variable, a module asset
    `
      export async function snapshot(canvas, file) {
        const res = await fetch(canvas.toDataURL('image/png'));
        const objectUrl = URL.createObjectURL(file);
        const bytes = await fetch(objectUrl).then((r) => r.arrayBuffer());
        const config = await (await fetch(new URL('./config.json', import.meta.url))).json();
        return [await res.blob(), bytes, config];
      }
    `,
    // a check in the handler chained on the body read: the same as a check after `await res.json()`
    `
      function loadProfile(url) {
        return fetch(url).then(function (res) {
          return res.json().then(function (profile) {
            if (!profile.name || res.status === 401) throw new Error('sign in first');
            return profile.name;
          });
        });
      }
    `,
    // the status is looked at and warned about; the body is only logged, never taken as data
    `
      async function submit(url, payload, logger) {
        const response = await fetch(url, { method: 'POST', body: JSON.stringify(payload) });
        if (!response.ok) logger.warn(\`submit failed: \${response.status}\`);
        const answer = await response.text();
        logger.info('submit answer: ' + answer.slice(0, 200));
      }
    `,
    // axios resolving on 4xx: the body is logged whole, and read as data only in the failure branch
    `
      import axios from 'axios';
      async function notify(url, message) {
        const response = await axios.post(url, { message }, { validateStatus: (status) => status < 500 });
        this.log.verbose(\`notify: \${JSON.stringify(response.data)}\`);
        if (response.status !== 200) {
          this.log.warn(\`notify failed: \${response.data?.error ?? 'unknown'}\`);
        } else {
          this.log.info('notified');
        }
      }
    `,
    // node: each chunk is kept only for a 200, and parsed only then
    `
      const https = require('node:https');
      function listDevices(options, done) {
        https.get(options, (res) => {
          let text = '';
          res.on('data', (chunk) => {
            if (res.statusCode === 200) text += chunk;
          });
          res.on('end', () => {
            if (res.statusCode === 200) done(null, JSON.parse(text));
            else done(new Error(\`HTTP \${res.statusCode}\`));
          });
        });
      }
    `,
    // a method of the class that checks before it hands the response back, and one that returns data
    `
      class Api {
        async get(path) {
          const res = await fetch(this.base + path);
          if (!res.ok) throw new Error(\`HTTP \${res.status} for \${path}\`);
          return res;
        }
        load(path) {
          return this.cache.get(path);
        }
        async user() {
          const res = await this.get('/user');
          const cached = await this.load('/user');
          return [await res.json(), await cached.json()];
        }
      }
    `,
  ],
  invalid: [
    {
      // a method of the class hands back the fetch response unchecked: its callers read it blind
      code: `
      class Api {
        get(path) {
          return fetch(this.base + path);
        }
        async user() {
          const res = await this.get('/user');
          return res.json();
        }
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'this.get', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 7,
          column: 29,
          endLine: 7,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      class Api {
        get(path) {
          return fetch(this.base + path);
        }
        async user() {
          const res = await this.get('/user');
          if (!res.ok) throw new Error(\`HTTP \${res.status} for /user\`);
          return res.json();
        }
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a compiled import calls node-fetch through a sequence; the message names the client
      code: `
      const fetch_1 = require('node-fetch');
      async function ticket(url) {
        const res = await (0, fetch_1.default)(url);
        return (await res.json()).id;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch_1.default', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      const fetch_1 = require('node-fetch');
      async function ticket(url) {
        const res = await (0, fetch_1.default)(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return (await res.json()).id;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a check in the handler chained on the body read that does not leave: the body is kept
      code: `
      function loadProfile(url) {
        return fetch(url).then((res) =>
          res.json().then((profile) => {
            if (res.status === 401) console.warn('not signed in');
            return profile.name;
          }),
        );
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      function loadProfile(url) {
        return fetch(url).then((res) => { if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`); return res.json().then((profile) => {
            if (res.status === 401) console.warn('not signed in');
            return profile.name;
          }); },
        );
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a logged body with no look at the status at all is still read blind
      code: `
      async function show(url) {
        const response = await fetch(url);
        console.log(await response.text());
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'response.ok', use: 'response.text()', action: 'reads' },
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'response.ok' },
              output: `
      async function show(url) {
        const response = await fetch(url);
        if (!response.ok) throw new Error(\`HTTP \${response.status} for \${url}\`);
        console.log(await response.text());
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // the status is warned about, but the logged body is also returned as data
      code: `
      async function submit(url, logger) {
        const response = await fetch(url, { method: 'POST' });
        if (!response.ok) logger.warn(\`HTTP \${response.status}\`);
        const answer = await response.text();
        logger.info(answer);
        return answer;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'response.ok', use: 'response.text()', action: 'reads' },
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'response.ok' },
              output: `
      async function submit(url, logger) {
        const response = await fetch(url, { method: 'POST' });
        if (!response.ok) throw new Error(\`HTTP \${response.status} for \${url}\`);
        if (!response.ok) logger.warn(\`HTTP \${response.status}\`);
        const answer = await response.text();
        logger.info(answer);
        return answer;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // node: a listener that reads its chunk through `arguments`, or one passed by name, keeps the body
      code: `
      import http from 'node:http';
      http.get('http://localhost:9000/log', (reply) => {
        reply.on('data', function () {
          lines.push(String(arguments[0]));
        });
      });
      http.get('http://localhost:9000/feed', (reply) => reply.on('data', collect));
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'http.get', settles: 'calls back', reason: '', check: 'reply.statusCode', use: "reply.on('data')", action: 'reads' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 15,
        },
        {
          messageId: 'uncheckedBody',
          data: {
            client: 'http.get',
            settles: 'calls back',
            reason: '',
            check: 'reply.statusCode',
            use: "reply.on('data', collect)",
            action: 'reads',
          },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 83,
        },
      ],
    },
    {
      // node: the status guards the parse at the end, but every chunk is handed on as it comes
      code: `
      const https = require('node:https');
      https.get(options, (res) => {
        res.on('data', (chunk) => onChunk(chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) console.log('failed', res.statusCode);
        });
      });
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'https.get', settles: 'calls back', reason: '', check: 'res.statusCode', use: "res.on('data')", action: 'reads' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 16,
        },
      ],
    },
    {
      // a body stored first and asserted later is not an assertion on the response
      code: `
      import { expect, test } from 'vitest';
      test('lists items', async () => {
        const res = await fetch('http://localhost:8888/items');
        const body = await res.json();
        expect(body.items).toHaveLength(2);
      });
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { expect, test } from 'vitest';
      test('lists items', async () => {
        const res = await fetch('http://localhost:8888/items');
        if (!res.ok) throw new Error(\`HTTP \${res.status} for http://localhost:8888/items\`);
        const body = await res.json();
        expect(body.items).toHaveLength(2);
      });
    `,
            },
          ],
        },
      ],
    },
    {
      // await + variable, the URL an identifier
      code: `
      async function loadUser(url) {
        const res = await fetch(url);
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function loadUser(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a `.then` chain
      code: `
      fetch('/api/users').then((res) => res.json()).then(render);
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      fetch('/api/users').then((res) => { if (!res.ok) throw new Error(\`HTTP \${res.status} for /api/users\`); return res.json(); }).then(render);
    `,
            },
          ],
        },
      ],
    },
    {
      // `.then` with a function handler and a block body
      code: `
      globalThis.fetch('/api/users').then(function (res) {
        return res.text();
      });
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'globalThis.fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.text()', action: 'reads' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      globalThis.fetch('/api/users').then(function (res) {
        if (!res.ok) throw new Error(\`HTTP \${res.status} for /api/users\`);
        return res.text();
      });
    `,
            },
          ],
        },
      ],
    },
    {
      // `(await fetch()).json()`: no binding to insert a check after
      code: `
      export async function load(url) {
        return (await fetch(url)).json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'ok', use: '(await fetch(url)).json()', action: 'parses' },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 33,
        },
      ],
    },
    {
      // a template URL with expressions falls back to `res.url`; `window.fetch`
      code: `
      async function loadUser(id) {
        const response = await window.fetch(\`/api/users/\${id}\`);
        const user = await response.json();
        return user;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'window.fetch', settles: 'resolves', reason: '', check: 'response.ok', use: 'response.json()', action: 'parses' },
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'response.ok' },
              output: `
      async function loadUser(id) {
        const response = await window.fetch(\`/api/users/\${id}\`);
        if (!response.ok) throw new Error(\`HTTP \${response.status} for \${response.url}\`);
        const user = await response.json();
        return user;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a literal URL is quoted, a trailing comment stays on its line; `node-fetch`
      code: `
      import fetch from 'node-fetch';
      export async function status() {
        const res = await fetch('https://example.com/health'); // ping
        return res.text();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.text()', action: 'reads' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import fetch from 'node-fetch';
      export async function status() {
        const res = await fetch('https://example.com/health'); // ping
        if (!res.ok) throw new Error(\`HTTP \${res.status} for https://example.com/health\`);
        return res.text();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // an assignment binding
      code: `
      import { fetch } from 'undici';
      let res;
      async function refresh(url) {
        res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        return res.blob();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.blob()', action: 'reads' },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { fetch } from 'undici';
      let res;
      async function refresh(url) {
        res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.blob();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // an alias of the response
      code: `
      const crossFetch = require('cross-fetch');
      async function load(url) {
        const res = await crossFetch(url);
        const response = res;
        return response.arrayBuffer();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'crossFetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'response.arrayBuffer()', action: 'reads' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      const crossFetch = require('cross-fetch');
      async function load(url) {
        const res = await crossFetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        const response = res;
        return response.arrayBuffer();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // the body stream
      code: `
      async function download(url) {
        const res = await fetch(url);
        return res.body.pipeThrough(new TextDecoderStream());
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.body', action: 'reads' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function download(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.body.pipeThrough(new TextDecoderStream());
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // logging the response is not checking it
      code: `
      async function load(url) {
        const res = await fetch(url);
        console.log(res);
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        console.log(res);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // the body read, then the response returned
      code: `
      async function load(url) {
        const res = await fetch(url);
        await res.text();
        return res;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.text()', action: 'reads' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        await res.text();
        return res;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a handler of this file that reads the body without a check
      code: `
      const toJson = (res) => res.json();
      export const users = () => fetch('/api/users').then(toJson);
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'ok', use: 'toJson', action: 'reads' },
          line: 3,
          column: 34,
          endLine: 3,
          endColumn: 53,
        },
      ],
    },
    {
      // a function of this file that looks at other headers only
      code: `
      function assertOk(res) {
        if (res.headers.get('x-error')) throw new Error('failed');
      }
      async function load(url) {
        const res = await fetch(url);
        assertOk(res);
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      function assertOk(res) {
        if (res.headers.get('x-error')) throw new Error('failed');
      }
      async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        assertOk(res);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a settings wrapper
      code: `
      import { fetchWithRetry } from './http';
      async function load(url) {
        const res = await fetchWithRetry(url);
        return res.formData();
      }
    `,
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetchWithRetry', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.formData()', action: 'reads' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { fetchWithRetry } from './http';
      async function load(url) {
        const res = await fetchWithRetry(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.formData();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // undici `request` whose statusCode is never read
      code: `
      import { request } from 'undici';
      export async function load(url) {
        const { body } = await request(url);
        return body.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'request', settles: 'resolves', reason: '', check: 'statusCode', use: 'body', action: 'reads' },
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 44,
        },
      ],
    },
    {
      // an undici pool
      code: `
      import { Pool } from 'undici';
      const pool = new Pool('https://api.example.com');
      export async function load(path) {
        const res = await pool.request({ path, method: 'GET' });
        return res.body.text();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'pool.request', settles: 'resolves', reason: '', check: 'res.statusCode', use: 'res.body', action: 'reads' },
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 64,
        },
      ],
    },
    {
      // node `https.get` piping the body to a file
      code: `
      import https from 'node:https';
      import fs from 'node:fs';
      https.get(url, (res) => {
        res.pipe(fs.createWriteStream('report.pdf'));
      });
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'https.get', settles: 'calls back', reason: '', check: 'res.statusCode', use: 'res.pipe()', action: 'reads' },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 16,
        },
      ],
    },
    {
      // node `http.get` collecting `data` events
      code: `
      const http = require('http');
      http.get(url, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve(JSON.parse(body)));
      });
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'http.get', settles: 'calls back', reason: '', check: 'res.statusCode', use: "res.on('data')", action: 'reads' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 15,
        },
      ],
    },
    {
      // node `http.request` iterated with `for await`
      code: `
      import { request } from 'node:http';
      const req = request(url, async (res) => {
        for await (const chunk of res) chunks.push(chunk);
      });
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'request', settles: 'calls back', reason: '', check: 'res.statusCode', use: 'for await (… of res)', action: 'reads' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 26,
        },
      ],
    },
    {
      // axios with a `validateStatus` that accepts everything
      code: `
      import axios from 'axios';
      export async function load(url) {
        const { data } = await axios.get(url, { validateStatus: () => true });
        return data;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'axios.get', settles: 'resolves', reason: ' with this `validateStatus`', check: 'status', use: 'data', action: 'reads' },
          line: 4,
          column: 32,
          endLine: 4,
          endColumn: 78,
        },
      ],
    },
    {
      // an axios instance with `validateStatus: null`
      code: `
      import axios from 'axios';
      const api = axios.create({ baseURL: '/api', validateStatus: null });
      export async function load(path) {
        const res = await api.get(path);
        return res.data;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'api.get', settles: 'resolves', reason: ' with this `validateStatus`', check: 'res.status', use: 'res.data', action: 'reads' },
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 40,
        },
      ],
    },
    {
      // axios `validateStatus` that accepts 4xx
      code: `
      import axios from 'axios';
      axios.defaults.validateStatus = (status) => status < 500;
      export const load = (url) => axios.get(url).then((res) => res.data);
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'axios.get', settles: 'resolves', reason: ' with this `validateStatus`', check: 'res.status', use: 'res.data', action: 'reads' },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 50,
        },
      ],
    },
    {
      // got with `throwHttpErrors: false` and the `.json()` shortcut
      code: `
      import got from 'got';
      export const load = (url) => got(url, { throwHttpErrors: false }).json();
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'got', settles: 'resolves', reason: ' with `throwHttpErrors: false`', check: 'statusCode', use: 'json()', action: 'parses' },
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 72,
        },
      ],
    },
    {
      // a got instance with `throwHttpErrors: false`
      code: `
      import got from 'got';
      const client = got.extend({ throwHttpErrors: false });
      export async function load(id) {
        const { body } = await client.get(\`users/\${id}\`);
        return body;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'client.get', settles: 'resolves', reason: ' with `throwHttpErrors: false`', check: 'statusCode', use: 'body', action: 'reads' },
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 57,
        },
      ],
    },
    {
      // a ky instance with `throwHttpErrors: false`
      code: `
      import ky from 'ky';
      const api = ky.create({ prefixUrl: '/api', throwHttpErrors: false });
      export async function load(path) {
        const res = await api.get(path);
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'api.get', settles: 'resolves', reason: ' with `throwHttpErrors: false`', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import ky from 'ky';
      const api = ky.create({ prefixUrl: '/api', throwHttpErrors: false });
      export async function load(path) {
        const res = await api.get(path);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${path}\`);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // `ignoreReturnedResponses: false` reports a response returned unread
      code: `
      export async function get(url) {
        const res = await fetch(url);
        return res;
      }
    `,
      options: [{ ignoreReturnedResponses: false }],
      errors: [
        {
          messageId: 'uncheckedReturn',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      export async function get(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // `ignoreReturnedResponses: false` reports a returned request promise
      code: `
      export const get = (url) => fetch(url);
    `,
      options: [{ ignoreReturnedResponses: false }],
      errors: [
        {
          messageId: 'uncheckedReturn',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'ok' },
          line: 2,
          column: 35,
          endLine: 2,
          endColumn: 45,
        },
      ],
    },
    {
      // a statement on one line with others
      code: `
      async function load(url) { const res = await fetch(url); return res.json(); }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function load(url) { const res = await fetch(url); if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`); return res.json(); }
    `,
            },
          ],
        },
      ],
    },
    {
      // a clone is read like the response
      code: `
      async function load(url) {
        const res = await fetch(url);
        return res.clone().json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.clone().json()', action: 'parses' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.clone().json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // `validateStatus` written as a function with a `return`
      code: `
      import axios from 'axios';
      export async function load(url) {
        const res = await axios.post(url, {}, {
          validateStatus: function (status) {
            return [200, 201, 404].includes(status);
          },
        });
        return res.data;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'axios.post', settles: 'resolves', reason: ' with this `validateStatus`', check: 'res.status', use: 'res.data', action: 'reads' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 37,
        },
      ],
    },
    {
      // `validateStatus: undefined` and `false` accept every status
      code: `
      import axios from 'axios';
      const a = (url) => axios.get(url, { validateStatus: undefined }).then((res) => res.data);
      const b = (url) => axios.get(url, { validateStatus: false }).then((res) => res.data);
      const c = (url) => axios.get(url, { validateStatus: (s) => s !== 0 && (s < 200 || s >= 200) }).then((res) => res.data);
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'axios.get', settles: 'resolves', reason: ' with this `validateStatus`', check: 'res.status', use: 'res.data', action: 'reads' },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 71,
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'axios.get', settles: 'resolves', reason: ' with this `validateStatus`', check: 'res.status', use: 'res.data', action: 'reads' },
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 67,
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'axios.get', settles: 'resolves', reason: ' with this `validateStatus`', check: 'res.status', use: 'res.data', action: 'reads' },
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 101,
        },
      ],
    },
    {
      // ky's `throwHttpErrors` as a function of the status
      code: `
      import ky from 'ky';
      export const load = (url) => ky.get(url, { throwHttpErrors: (status) => status !== 404 }).json();
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'ky.get', settles: 'resolves', reason: ' with this `throwHttpErrors`', check: 'ok', use: 'json()', action: 'parses' },
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 96,
        },
      ],
    },
    {
      // a node response read with `once('readable')` and `read()`
      code: `
      import * as https from 'https';
      https.get('https://example.com', (res) => {
        res.once('readable', () => {
          process.stdout.write(res.read());
        });
      });
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'https.get', settles: 'calls back', reason: '', check: 'res.statusCode', use: "res.once('readable')", action: 'reads' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 16,
        },
      ],
    },
    {
      // a long callee is named by its method
      code: `
      async function load(url) {
        const res = await services.http.clients.primary.withRetries.fetch(url);
        return res.json();
      }
    `,
      settings: { 'http-client': { fetchFunctions: ['withRetries.fetch'] } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function load(url) {
        const res = await services.http.clients.primary.withRetries.fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a long body read on a named response is shortened
      code: `
      import http from 'node:http';
      http.get(url, (response) => {
        response.addListener('data', this.handlers.onChunk);
      });
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'http.get', settles: 'calls back', reason: '', check: 'response.statusCode', use: "response.addListener('data')", action: 'reads' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 15,
        },
      ],
    },
    {
      // the response comes out of a deadline wrapper named in settings
      code: `
      async function load(url) {
        const res = await withDeadline(fetch(url), 5000);
        return res.json();
      }
    `,
      settings: { 'http-client': { timeoutFunctions: ['withDeadline'] } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function load(url) {
        const res = await withDeadline(fetch(url), 5000);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // got's named export, told not to throw on HTTP errors
      code: `
      import { got } from 'got';
      export async function load(url) {
        const res = await got(url, { throwHttpErrors: false });
        return res.body;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'got', settles: 'resolves', reason: ' with `throwHttpErrors: false`', check: 'res.statusCode', use: 'res.body', action: 'reads' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 63,
        },
      ],
    },
    {
      // the global `axios` of a browser build, told to accept every status
      code: `
      function loadOrders() {
        return axios.get('/api/orders', { validateStatus: () => true }).then((res) => render(res.data));
      }
    `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'axios.get', settles: 'resolves', reason: ' with this `validateStatus`', check: 'res.status', use: 'res.data', action: 'reads' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 72,
        },
      ],
    },
    {
      // a factory method whose instance accepts every status
      code: `
      import axios from 'axios';
      export class UserApi {
        getApi() {
          return axios.create({ baseURL: '/users', validateStatus: () => true });
        }
        async list() {
          const { data } = await this.getApi().get('/');
          return data;
        }
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'this.getApi().get', settles: 'resolves', reason: ' with this `validateStatus`', check: 'status', use: 'data', action: 'reads' },
          line: 8,
          column: 34,
          endLine: 8,
          endColumn: 56,
        },
      ],
    },
    {
      // a URL resolved against a base is a request
      code: `
      export async function items(base) {
        const res = await fetch(new URL('/api/items', base));
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      export async function items(base) {
        const res = await fetch(new URL('/api/items', base));
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${res.url}\`);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
  ],
});

describe('require-status-check options', () => {
  it('rejects unknown options and malformed checker names', () => {
    const linter = new Linter({ configType: 'flat' });
    const verify = (options: unknown) => () =>
      linter.verify('fetch(url);', [
        {
          plugins: { 'http-client': { rules: { 'require-status-check': rule } } } as never,
          rules: { 'http-client/require-status-check': ['error', options] as never },
        },
      ]);
    expect(verify({ bogus: 1 })).toThrow(/require-status-check/u);
    expect(verify({ checkers: ['assert ok'] })).toThrow(/should match pattern/u);
    expect(verify({ ignoreReturnedResponses: 'yes' })).toThrow(/should be boolean/u);
  });
});
