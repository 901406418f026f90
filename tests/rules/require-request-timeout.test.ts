import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/require-request-timeout';
import { createRuleTester } from '../rule-tester';

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;
type Options = ESLintUtils.InferOptionsTypeFromRule<typeof rule>;

const ruleTester = createRuleTester();

const RUNTIME_FETCH = { fallback: ' (runtime default 300 s)' };
const OTHER_FETCH = { fallback: '' };
const AXIOS = { library: 'axios', remedy: 'set `timeout` or pass a `signal`' };
const GOT = { library: 'got', remedy: 'set `timeout: { request: ms }` or pass a `signal`' };
const NODE_FETCH = { library: 'node-fetch', remedy: 'pass `signal: AbortSignal.timeout(ms)`' };
const NODE_HTTP_REMEDY = 'pass a `signal` or call `req.setTimeout(ms)`';

const SETTINGS = {
  'http-client': {
    fetchFunctions: ['fetchJson', 'api.fetch'],
    timeoutFunctions: ['fetchWithTimeout', 'withDeadline'],
    clientModules: { '@/lib/http': { default: 'axios', fetcher: 'fetch' }, '@/lib/legacy': { default: 'node-http' } },
  },
};

const invalid: InvalidTestCase<MessageIds, Options>[] = [
  // The global fetch: Node's undici gives up only after 300 s.
  {
    code: `
      async function loadUser(id) {
        const res = await fetch(\`https://api.example.com/users/\${id}\`);
        return res.json();
      }
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 3,
        column: 27,
        endLine: 3,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      async function loadUser(id) {
        const res = await fetch(\`https://api.example.com/users/\${id}\`, { signal: AbortSignal.timeout(10000) });
        return res.json();
      }
    `,
          },
        ],
      },
    ],
  },
  // A multi-line init object gets the signal on its own line.
  {
    code: `
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 2,
        column: 13,
        endLine: 2,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10000),
      });
    `,
          },
        ],
      },
    ],
  },
  // `globalThis.fetch` and `window.fetch` are the same function.
  {
    code: `
      globalThis.fetch(url, { method: 'DELETE' });
      window.fetch(url).then((res) => res.text());
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      globalThis.fetch(url, { method: 'DELETE', signal: AbortSignal.timeout(10000) });
      window.fetch(url).then((res) => res.text());
    `,
          },
        ],
      },
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      globalThis.fetch(url, { method: 'DELETE' });
      window.fetch(url, { signal: AbortSignal.timeout(10000) }).then((res) => res.text());
    `,
          },
        ],
      },
    ],
  },
  // A `signal` of `undefined` or `null` is no signal; the suggestion fills it in.
  {
    code: `
      fetch(url, { signal: undefined });
      fetch(url, { signal: null, cache: 'no-store' });
      fetch(url, undefined);
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      fetch(url, { signal: AbortSignal.timeout(10000) });
      fetch(url, { signal: null, cache: 'no-store' });
      fetch(url, undefined);
    `,
          },
        ],
      },
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      fetch(url, { signal: undefined });
      fetch(url, { signal: AbortSignal.timeout(10000), cache: 'no-store' });
      fetch(url, undefined);
    `,
          },
        ],
      },
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      fetch(url, { signal: undefined });
      fetch(url, { signal: null, cache: 'no-store' });
      fetch(url, { signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  // `timeout` is not a Fetch option: Node ignores it.
  {
    code: `
      const res = await fetch(url, { method: 'POST', body, timeout: 5000 });
    `,
    errors: [
      {
        messageId: 'ignoredTimeoutOption',
        line: 2,
        column: 25,
        endLine: 2,
        endColumn: 76,
        suggestions: [
          {
            messageId: 'suggestSignalForTimeout',
            data: { value: '5000' },
            output: `
      const res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
      export function get(url, timeout) {
        return fetch(url, { timeout });
      }
      fetch(url, { timeout: 0 });
      fetch(url, { timeout: 1000, signal: undefined });
    `,
    errors: [
      {
        messageId: 'ignoredTimeoutOption',
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 39,
        suggestions: [
          {
            messageId: 'suggestSignalForTimeout',
            data: { value: 'timeout' },
            output: `
      export function get(url, timeout) {
        return fetch(url, { signal: AbortSignal.timeout(timeout) });
      }
      fetch(url, { timeout: 0 });
      fetch(url, { timeout: 1000, signal: undefined });
    `,
          },
        ],
      },
      {
        messageId: 'ignoredTimeoutOption',
        line: 5,
        column: 7,
        endLine: 5,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'suggestSignalForTimeout',
            data: { value: '10000' },
            output: `
      export function get(url, timeout) {
        return fetch(url, { timeout });
      }
      fetch(url, { signal: AbortSignal.timeout(10000) });
      fetch(url, { timeout: 1000, signal: undefined });
    `,
          },
        ],
      },
      // Replacing `timeout` would leave the later `signal: undefined` in force: no suggestion.
      { messageId: 'ignoredTimeoutOption', line: 6, column: 7, endLine: 6, endColumn: 55, suggestions: [] },
    ],
  },
  // undici's own fetch has the same 300 s defaults.
  {
    code: `
      import { fetch } from 'undici';
      const res = await fetch('https://example.com/health');
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 3,
        column: 25,
        endLine: 3,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import { fetch } from 'undici';
      const res = await fetch('https://example.com/health', { signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  // A dispatcher without timeouts of its own adds no deadline.
  {
    code: `
      import { Agent } from 'undici';
      const dispatcher = new Agent({ connections: 10 });
      await fetch(url, { dispatcher });
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import { Agent } from 'undici';
      const dispatcher = new Agent({ connections: 10 });
      await fetch(url, { dispatcher, signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  // node-fetch has no deadline at all; its v2 `timeout: 0` is the default "none".
  {
    code: `
      import fetch from 'node-fetch';
      const res = await fetch(url);
      const other = await fetch(url, { timeout: 0 });
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: NODE_FETCH,
        line: 3,
        column: 25,
        endLine: 3,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import fetch from 'node-fetch';
      const res = await fetch(url, { signal: AbortSignal.timeout(10000) });
      const other = await fetch(url, { timeout: 0 });
    `,
          },
        ],
      },
      {
        messageId: 'disabledTimeout',
        data: { setting: 'timeout: 0', what: 'the `node-fetch` timeout' },
        line: 4,
        column: 27,
        endLine: 4,
        endColumn: 53,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import fetch from 'node-fetch';
      const res = await fetch(url);
      const other = await fetch(url, { timeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
      const fetch = require('node-fetch');
      const { fetch: crossFetch } = require('cross-fetch');
      fetch(url);
      crossFetch(url, { headers });
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: NODE_FETCH,
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      const fetch = require('node-fetch');
      const { fetch: crossFetch } = require('cross-fetch');
      fetch(url, { signal: AbortSignal.timeout(10000) });
      crossFetch(url, { headers });
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: { library: 'cross-fetch', remedy: 'pass `signal: AbortSignal.timeout(ms)`' },
        line: 5,
        column: 7,
        endLine: 5,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      const fetch = require('node-fetch');
      const { fetch: crossFetch } = require('cross-fetch');
      fetch(url);
      crossFetch(url, { headers, signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  // A lone argument is the URL when it is a constant URL, or when the method is named (`got.get`).
  {
    code: `
      import axios from 'axios';
      import got from 'got';
      const endpoint = 'https://api.example.com/users';
      axios(endpoint);
      got.get(target);
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 5,
        column: 7,
        endLine: 5,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      import got from 'got';
      const endpoint = 'https://api.example.com/users';
      axios(endpoint, { timeout: 10000 });
      got.get(target);
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 6,
        column: 7,
        endLine: 6,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      import axios from 'axios';
      import got from 'got';
      const endpoint = 'https://api.example.com/users';
      axios(endpoint);
      got.get(target, { timeout: { request: 10000 } });
    `,
          },
        ],
      },
    ],
  },
  // Another ponyfill: no claim about its default.
  {
    code: `
      import { fetch } from '@whatwg-node/fetch';
      await fetch(url);
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: OTHER_FETCH,
        line: 3,
        column: 13,
        endLine: 3,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import { fetch } from '@whatwg-node/fetch';
      await fetch(url, { signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  // Declared fetch wrappers that are not declared timeout functions; their signature is only
  // assumed, so the options argument is never added.
  {
    code: `
      const user = await fetchJson(\`/users/\${id}\`);
      const saved = await fetchJson('/users', { method: 'POST', body });
    `,
    settings: SETTINGS,
    errors: [
      { messageId: 'missingSignal', data: OTHER_FETCH, line: 2, column: 26, endLine: 2, endColumn: 35, suggestions: [] },
      {
        messageId: 'missingSignal',
        data: OTHER_FETCH,
        line: 3,
        column: 27,
        endLine: 3,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      const user = await fetchJson(\`/users/\${id}\`);
      const saved = await fetchJson('/users', { method: 'POST', body, signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  // Each request of a fan-out needs its own deadline; `fetch()` without a URL gets no suggestion.
  {
    code: `
      const [a, b] = await Promise.all([fetch(first), fetch()]);
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 2,
        column: 41,
        endLine: 2,
        endColumn: 46,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      const [a, b] = await Promise.all([fetch(first, { signal: AbortSignal.timeout(10000) }), fetch()]);
    `,
          },
        ],
      },
      { messageId: 'missingSignal', data: RUNTIME_FETCH, line: 2, column: 55, endLine: 2, endColumn: 60, suggestions: [] },
    ],
  },
  // A race with nothing else is no deadline, nor is a stored promise that is only awaited.
  {
    code: `
      const only = await Promise.race([fetch(a)]);
      const pending = fetch(b);
      const res = await pending;
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 2,
        column: 40,
        endLine: 2,
        endColumn: 45,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      const only = await Promise.race([fetch(a, { signal: AbortSignal.timeout(10000) })]);
      const pending = fetch(b);
      const res = await pending;
    `,
          },
        ],
      },
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 3,
        column: 23,
        endLine: 3,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      const only = await Promise.race([fetch(a)]);
      const pending = fetch(b, { signal: AbortSignal.timeout(10000) });
      const res = await pending;
    `,
          },
        ],
      },
    ],
  },
  // `ms` sets the suggested deadline; `clients` turns other clients off.
  {
    code: `
      import axios from 'axios';
      axios.get(url);
      fetch(url);
    `,
    options: [{ clients: { axios: false }, ms: 2500 }],
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '2500' },
            output: `
      import axios from 'axios';
      axios.get(url);
      fetch(url, { signal: AbortSignal.timeout(2500) });
    `,
          },
        ],
      },
    ],
  },
  // axios has no timeout by default.
  {
    code: `
      import axios from 'axios';
      export async function getUser(id) {
        const { data } = await axios.get(\`/api/users/\${id}\`);
        return data;
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 4,
        column: 32,
        endLine: 4,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      export async function getUser(id) {
        const { data } = await axios.get(\`/api/users/\${id}\`, { timeout: 10000 });
        return data;
      }
    `,
          },
        ],
      },
    ],
  },
  // The config of `post` comes after the data; a missing data argument becomes `undefined`.
  {
    code: `
      const axios = require('axios');
      axios.post('/api/orders', order);
      axios.post('/api/ping');
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      const axios = require('axios');
      axios.post('/api/orders', order, { timeout: 10000 });
      axios.post('/api/ping');
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      const axios = require('axios');
      axios.post('/api/orders', order);
      axios.post('/api/ping', undefined, { timeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  // A config object: the timeout goes into it.
  {
    code: `
      import axios from 'axios';
      axios({ method: 'get', url: '/api/items' });
      axios.request({ url: '/api/items', params });
      axios.get(url, { timeout: undefined });
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      axios({ method: 'get', url: '/api/items', timeout: 10000 });
      axios.request({ url: '/api/items', params });
      axios.get(url, { timeout: undefined });
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 20,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      axios({ method: 'get', url: '/api/items' });
      axios.request({ url: '/api/items', params, timeout: 10000 });
      axios.get(url, { timeout: undefined });
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 5,
        column: 7,
        endLine: 5,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      axios({ method: 'get', url: '/api/items' });
      axios.request({ url: '/api/items', params });
      axios.get(url, { timeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  // An instance without a timeout, used through a class field; an interceptor that sets headers only.
  {
    code: `
      import axios from 'axios';
      export class Api {
        http = axios.create({ baseURL: process.env.API_URL });
        constructor() {
          this.http.interceptors.request.use((config) => {
            config.headers.authorization = token();
            return config;
          });
        }
        list() {
          return this.http.get('/items');
        }
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 12,
        column: 18,
        endLine: 12,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      export class Api {
        http = axios.create({ baseURL: process.env.API_URL });
        constructor() {
          this.http.interceptors.request.use((config) => {
            config.headers.authorization = token();
            return config;
          });
        }
        list() {
          return this.http.get('/items', { timeout: 10000 });
        }
      }
    `,
          },
        ],
      },
    ],
  },
  // An explicit "no timeout": per call, on an instance, on the defaults.
  {
    code: `
      import axios from 'axios';
      const NO_TIMEOUT = 0;
      axios.get(url, { timeout: NO_TIMEOUT });
      const api = axios.create({ baseURL, timeout: Infinity });
      api.get('/a');
      api.post('/b', body);
      axios.defaults.timeout = 0;
    `,
    errors: [
      {
        messageId: 'disabledTimeout',
        data: { setting: 'timeout: 0', what: 'the `axios` timeout' },
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 46,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import axios from 'axios';
      const NO_TIMEOUT = 0;
      axios.get(url, { timeout: 10000 });
      const api = axios.create({ baseURL, timeout: Infinity });
      api.get('/a');
      api.post('/b', body);
      axios.defaults.timeout = 0;
    `,
          },
        ],
      },
      {
        messageId: 'disabledTimeout',
        data: { setting: 'timeout: Infinity', what: 'the `axios` timeout' },
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 63,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import axios from 'axios';
      const NO_TIMEOUT = 0;
      axios.get(url, { timeout: NO_TIMEOUT });
      const api = axios.create({ baseURL, timeout: 10000 });
      api.get('/a');
      api.post('/b', body);
      axios.defaults.timeout = 0;
    `,
          },
        ],
      },
      {
        messageId: 'disabledTimeout',
        data: { setting: 'defaults.timeout = 0', what: 'the `axios` timeout' },
        line: 8,
        column: 7,
        endLine: 8,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import axios from 'axios';
      const NO_TIMEOUT = 0;
      axios.get(url, { timeout: NO_TIMEOUT });
      const api = axios.create({ baseURL, timeout: Infinity });
      api.get('/a');
      api.post('/b', body);
      axios.defaults.timeout = 10000;
    `,
          },
        ],
      },
    ],
  },
  // A `signal: null` is no signal; an instance's own `defaults.timeout = null` turns it off.
  {
    code: `
      import axios from 'axios';
      const api = axios.create();
      api.defaults.timeout = null;
      axios.get(url, { signal: null });
    `,
    errors: [
      {
        messageId: 'disabledTimeout',
        data: { setting: 'defaults.timeout = null', what: 'the `axios` timeout' },
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import axios from 'axios';
      const api = axios.create();
      api.defaults.timeout = 10000;
      axios.get(url, { signal: null });
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 5,
        column: 7,
        endLine: 5,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      const api = axios.create();
      api.defaults.timeout = null;
      axios.get(url, { signal: null, timeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  // got has no timeout by default; it takes `timeout: { request: ms }`.
  {
    code: `
      import got from 'got';
      const body = await got.get('https://api.example.com/items').json();
      await got.post('https://api.example.com/items', { json: item });
      await got({ url: 'https://api.example.com/items', method: 'PUT' });
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 3,
        column: 26,
        endLine: 3,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      import got from 'got';
      const body = await got.get('https://api.example.com/items', { timeout: { request: 10000 } }).json();
      await got.post('https://api.example.com/items', { json: item });
      await got({ url: 'https://api.example.com/items', method: 'PUT' });
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      import got from 'got';
      const body = await got.get('https://api.example.com/items').json();
      await got.post('https://api.example.com/items', { json: item, timeout: { request: 10000 } });
      await got({ url: 'https://api.example.com/items', method: 'PUT' });
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      import got from 'got';
      const body = await got.get('https://api.example.com/items').json();
      await got.post('https://api.example.com/items', { json: item });
      await got({ url: 'https://api.example.com/items', method: 'PUT', timeout: { request: 10000 } });
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
      import got from 'got';
      const client = got.extend({ prefixUrl: 'https://api.example.com' });
      await client.get('items');
      await got('https://example.com', { timeout: 0 });
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      import got from 'got';
      const client = got.extend({ prefixUrl: 'https://api.example.com' });
      await client.get('items', { timeout: { request: 10000 } });
      await got('https://example.com', { timeout: 0 });
    `,
          },
        ],
      },
      {
        messageId: 'disabledTimeout',
        data: { setting: 'timeout: 0', what: 'the `got` timeout' },
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 55,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '{ request: 10000 }' },
            output: `
      import got from 'got';
      const client = got.extend({ prefixUrl: 'https://api.example.com' });
      await client.get('items');
      await got('https://example.com', { timeout: { request: 10000 } });
    `,
          },
        ],
      },
    ],
  },
  // ky: only `timeout: false` turns its 10 s default off.
  {
    code: `
      import ky from 'ky';
      export const api = ky.create({ prefixUrl: '/api', timeout: false });
      await ky.get('/api/report', { timeout: false }).json();
    `,
    errors: [
      {
        messageId: 'disabledTimeout',
        data: { setting: 'timeout: false', what: 'the 10 s default timeout of `ky`' },
        line: 3,
        column: 26,
        endLine: 3,
        endColumn: 74,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import ky from 'ky';
      export const api = ky.create({ prefixUrl: '/api', timeout: 10000 });
      await ky.get('/api/report', { timeout: false }).json();
    `,
          },
        ],
      },
      {
        messageId: 'disabledTimeout',
        data: { setting: 'timeout: false', what: 'the 10 s default timeout of `ky`' },
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 54,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import ky from 'ky';
      export const api = ky.create({ prefixUrl: '/api', timeout: false });
      await ky.get('/api/report', { timeout: 10000 }).json();
    `,
          },
        ],
      },
    ],
  },
  // undici: `headersTimeout: 0` / `bodyTimeout: 0` on a call or a dispatcher.
  {
    code: `
      import { request, Agent, Client } from 'undici';
      const { body } = await request(url, { headersTimeout: 0, bodyTimeout: 0 });
      export const agent = new Agent({ keepAliveTimeout: 10, headersTimeout: 0 });
      const client = new Client('http://localhost:3000');
      await client.request({ path: '/', method: 'GET', bodyTimeout: 0 });
    `,
    errors: [
      {
        messageId: 'disabledTimeout',
        data: { setting: 'headersTimeout: 0', what: 'the 300 s default of `undici`' },
        line: 3,
        column: 30,
        endLine: 3,
        endColumn: 81,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'headersTimeout', value: '10000' },
            output: `
      import { request, Agent, Client } from 'undici';
      const { body } = await request(url, { headersTimeout: 10000, bodyTimeout: 0 });
      export const agent = new Agent({ keepAliveTimeout: 10, headersTimeout: 0 });
      const client = new Client('http://localhost:3000');
      await client.request({ path: '/', method: 'GET', bodyTimeout: 0 });
    `,
          },
        ],
      },
      {
        messageId: 'disabledTimeout',
        data: { setting: 'bodyTimeout: 0', what: 'the 300 s default of `undici`' },
        line: 3,
        column: 30,
        endLine: 3,
        endColumn: 81,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'bodyTimeout', value: '10000' },
            output: `
      import { request, Agent, Client } from 'undici';
      const { body } = await request(url, { headersTimeout: 0, bodyTimeout: 10000 });
      export const agent = new Agent({ keepAliveTimeout: 10, headersTimeout: 0 });
      const client = new Client('http://localhost:3000');
      await client.request({ path: '/', method: 'GET', bodyTimeout: 0 });
    `,
          },
        ],
      },
      {
        messageId: 'disabledTimeout',
        data: { setting: 'headersTimeout: 0', what: 'the 300 s default of `undici`' },
        line: 4,
        column: 28,
        endLine: 4,
        endColumn: 82,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'headersTimeout', value: '10000' },
            output: `
      import { request, Agent, Client } from 'undici';
      const { body } = await request(url, { headersTimeout: 0, bodyTimeout: 0 });
      export const agent = new Agent({ keepAliveTimeout: 10, headersTimeout: 10000 });
      const client = new Client('http://localhost:3000');
      await client.request({ path: '/', method: 'GET', bodyTimeout: 0 });
    `,
          },
        ],
      },
      {
        messageId: 'disabledTimeout',
        data: { setting: 'bodyTimeout: 0', what: 'the 300 s default of `undici`' },
        line: 6,
        column: 13,
        endLine: 6,
        endColumn: 73,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'bodyTimeout', value: '10000' },
            output: `
      import { request, Agent, Client } from 'undici';
      const { body } = await request(url, { headersTimeout: 0, bodyTimeout: 0 });
      export const agent = new Agent({ keepAliveTimeout: 10, headersTimeout: 0 });
      const client = new Client('http://localhost:3000');
      await client.request({ path: '/', method: 'GET', bodyTimeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  // node's http(s): no timeout unless asked; the options go before the callback.
  {
    code: `
      import https from 'node:https';
      https.get('https://example.com/feed.xml', (res) => {
        res.pipe(process.stdout);
      });
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: { library: 'node:https', remedy: NODE_HTTP_REMEDY },
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import https from 'node:https';
      https.get('https://example.com/feed.xml', { signal: AbortSignal.timeout(10000) }, (res) => {
        res.pipe(process.stdout);
      });
    `,
          },
        ],
      },
    ],
  },
  // A constant that holds a URL is no options object.
  {
    code: `
      import https from 'node:https';
      const feed = \`https://example.com/\${name}.xml\`;
      https.get(feed, (res) => res.pipe(out));
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: { library: 'node:https', remedy: NODE_HTTP_REMEDY },
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import https from 'node:https';
      const feed = \`https://example.com/\${name}.xml\`;
      https.get(feed, { signal: AbortSignal.timeout(10000) }, (res) => res.pipe(out));
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
      import http from 'node:http';
      const health = new URL('/health', base);
      const home = 'http://localhost/';
      http.get(health).end();
      http.get(home, (res) => res.resume());
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: { library: 'node:http', remedy: NODE_HTTP_REMEDY },
        line: 5,
        column: 7,
        endLine: 5,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import http from 'node:http';
      const health = new URL('/health', base);
      const home = 'http://localhost/';
      http.get(health, { signal: AbortSignal.timeout(10000) }).end();
      http.get(home, (res) => res.resume());
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: { library: 'node:http', remedy: NODE_HTTP_REMEDY },
        line: 6,
        column: 7,
        endLine: 6,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import http from 'node:http';
      const health = new URL('/health', base);
      const home = 'http://localhost/';
      http.get(health).end();
      http.get(home, { signal: AbortSignal.timeout(10000) }, (res) => res.resume());
    `,
          },
        ],
      },
    ],
  },
  // A `'timeout'` listener alone sets no timeout.
  {
    code: `
      const http = require('http');
      function post(body) {
        return new Promise((resolve, reject) => {
          const req = http.request({ hostname: 'localhost', port: 8080, method: 'POST' }, resolve);
          req.on('error', reject);
          req.on('timeout', () => req.destroy());
          req.write(body);
          req.end();
        });
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: { library: 'node:http', remedy: NODE_HTTP_REMEDY },
        line: 5,
        column: 23,
        endLine: 5,
        endColumn: 35,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      const http = require('http');
      function post(body) {
        return new Promise((resolve, reject) => {
          const req = http.request({ hostname: 'localhost', port: 8080, method: 'POST', signal: AbortSignal.timeout(10000) }, resolve);
          req.on('error', reject);
          req.on('timeout', () => req.destroy());
          req.write(body);
          req.end();
        });
      }
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
      import * as http from 'node:http';
      import { Agent } from 'node:http';
      const keepAlive = new Agent({ keepAlive: true });
      http.request('http://localhost/health').end();
      http.get({ host, path, agent: keepAlive }).on('error', onError);
      http.get({ host, path, timeout: 0 });
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: { library: 'node:http', remedy: NODE_HTTP_REMEDY },
        line: 5,
        column: 7,
        endLine: 5,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import * as http from 'node:http';
      import { Agent } from 'node:http';
      const keepAlive = new Agent({ keepAlive: true });
      http.request('http://localhost/health', { signal: AbortSignal.timeout(10000) }).end();
      http.get({ host, path, agent: keepAlive }).on('error', onError);
      http.get({ host, path, timeout: 0 });
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: { library: 'node:http', remedy: NODE_HTTP_REMEDY },
        line: 6,
        column: 7,
        endLine: 6,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import * as http from 'node:http';
      import { Agent } from 'node:http';
      const keepAlive = new Agent({ keepAlive: true });
      http.request('http://localhost/health').end();
      http.get({ host, path, agent: keepAlive, signal: AbortSignal.timeout(10000) }).on('error', onError);
      http.get({ host, path, timeout: 0 });
    `,
          },
        ],
      },
      {
        messageId: 'disabledTimeout',
        data: { setting: 'timeout: 0', what: 'the socket timeout of `node:http`' },
        line: 7,
        column: 7,
        endLine: 7,
        endColumn: 43,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import * as http from 'node:http';
      import { Agent } from 'node:http';
      const keepAlive = new Agent({ keepAlive: true });
      http.request('http://localhost/health').end();
      http.get({ host, path, agent: keepAlive }).on('error', onError);
      http.get({ host, path, timeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  // Response interceptors and `eject` set no deadline.
  {
    code: `
      import axios from 'axios';
      axios.interceptors.response.use(unwrap, retry);
      axios.interceptors.request.eject(authInterceptor);
      await axios.get('/users');
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 5,
        column: 13,
        endLine: 5,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      axios.interceptors.response.use(unwrap, retry);
      axios.interceptors.request.eject(authInterceptor);
      await axios.get('/users', { timeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  // No agent, or an agent whose socket timeout is off.
  {
    code: `
      import https from 'node:https';
      https.get({ host, agent: false }).end();
      https.get({ host, agent: new https.Agent({ timeout: 0 }) }).end();
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: { library: 'node:https', remedy: NODE_HTTP_REMEDY },
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import https from 'node:https';
      https.get({ host, agent: false, signal: AbortSignal.timeout(10000) }).end();
      https.get({ host, agent: new https.Agent({ timeout: 0 }) }).end();
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: { library: 'node:https', remedy: NODE_HTTP_REMEDY },
        line: 4,
        column: 7,
        endLine: 4,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import https from 'node:https';
      https.get({ host, agent: false }).end();
      https.get({ host, agent: new https.Agent({ timeout: 0 }), signal: AbortSignal.timeout(10000) }).end();
    `,
          },
        ],
      },
    ],
  },
  {
    // got's named export is got itself.
    code: `
      import { got } from 'got';
      export const items = () => got('https://example.com/items').json();
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 3,
        column: 34,
        endLine: 3,
        endColumn: 37,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      import { got } from 'got';
      export const items = () => got('https://example.com/items', { timeout: { request: 10000 } }).json();
    `,
          },
        ],
      },
    ],
  },
  {
    // The named export through a dynamic import.
    code: `
      export async function createItem(json) {
        const { got } = await import('got');
        return got.post('https://example.com/items', { json });
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 4,
        column: 16,
        endLine: 4,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      export async function createItem(json) {
        const { got } = await import('got');
        return got.post('https://example.com/items', { json, timeout: { request: 10000 } });
      }
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
      export async function listItems() {
        return (await import('got')).got.get('https://example.com/items').json();
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 45,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      export async function listItems() {
        return (await import('got')).got.get('https://example.com/items', { timeout: { request: 10000 } }).json();
      }
    `,
          },
        ],
      },
    ],
  },
  {
    // `got.got` is got too.
    code: `
      const got = require('got');
      module.exports = (id) => got.got(\`https://example.com/items/\${id}\`);
    `,
    languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    errors: [
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 3,
        column: 32,
        endLine: 3,
        endColumn: 39,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      const got = require('got');
      module.exports = (id) => got.got(\`https://example.com/items/\${id}\`, { timeout: { request: 10000 } });
    `,
          },
        ],
      },
    ],
  },
  {
    // The global `axios` of a browser script build.
    code: `
      function loadOrders() {
        return axios.get('/api/orders').then((response) => render(response.data));
      }
    `,
    languageOptions: { parserOptions: { sourceType: 'script' } },
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 3,
        column: 16,
        endLine: 3,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      function loadOrders() {
        return axios.get('/api/orders', { timeout: 10000 }).then((response) => render(response.data));
      }
    `,
          },
        ],
      },
    ],
  },
  {
    // A client kept in a field with a default: the default is axios.
    code: `
      import axios from 'axios';
      export class UserService {
        constructor(options = {}) {
          this.http = options.http || axios;
        }
        list() {
          return this.http.get('/users');
        }
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 8,
        column: 18,
        endLine: 8,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      export class UserService {
        constructor(options = {}) {
          this.http = options.http || axios;
        }
        list() {
          return this.http.get('/users', { timeout: 10000 });
        }
      }
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
      import axios from 'axios';
      export class OrderService {
        http = globalThis.client ?? axios.create({ baseURL: '/api' });
        place(order) {
          return this.http.post('/orders', order);
        }
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 6,
        column: 18,
        endLine: 6,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      export class OrderService {
        http = globalThis.client ?? axios.create({ baseURL: '/api' });
        place(order) {
          return this.http.post('/orders', order, { timeout: 10000 });
        }
      }
    `,
          },
        ],
      },
    ],
  },
  {
    // A factory method whose result is called.
    code: `
      import axios from 'axios';
      export class ReportApi {
        getApi() {
          return axios.create({ baseURL: '/reports' });
        }
        monthly(month) {
          return this.getApi().get(\`/monthly/\${month}\`);
        }
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 8,
        column: 18,
        endLine: 8,
        endColumn: 35,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      export class ReportApi {
        getApi() {
          return axios.create({ baseURL: '/reports' });
        }
        monthly(month) {
          return this.getApi().get(\`/monthly/\${month}\`, { timeout: 10000 });
        }
      }
    `,
          },
        ],
      },
    ],
  },
  {
    // A factory function whose result is called, directly or through a variable.
    code: `
      import axios from 'axios';
      const api = () => axios.create({ baseURL: '/api' });
      export const save = (order) => api().put('/orders', order);
      export function remove(id) {
        const client = api();
        return client.delete(\`/orders/\${id}\`);
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 4,
        column: 38,
        endLine: 4,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      const api = () => axios.create({ baseURL: '/api' });
      export const save = (order) => api().put('/orders', order, { timeout: 10000 });
      export function remove(id) {
        const client = api();
        return client.delete(\`/orders/\${id}\`);
      }
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 7,
        column: 16,
        endLine: 7,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      const api = () => axios.create({ baseURL: '/api' });
      export const save = (order) => api().put('/orders', order);
      export function remove(id) {
        const client = api();
        return client.delete(\`/orders/\${id}\`, { timeout: 10000 });
      }
    `,
          },
        ],
      },
    ],
  },
  {
    // A `const` object literal used as options: nothing else changes it.
    code: `
      export async function createOrder(url, order) {
        const init = { method: 'POST', body: JSON.stringify(order) };
        console.debug(JSON.stringify(init), init.method);
        return fetch(url, init);
      }
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 5,
        column: 16,
        endLine: 5,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      export async function createOrder(url, order) {
        const init = { method: 'POST', body: JSON.stringify(order) };
        console.debug(JSON.stringify(init), init.method);
        return fetch(url, { ...init, signal: AbortSignal.timeout(10000) });
      }
    `,
          },
        ],
      },
    ],
  },
  {
    // A conditional between literals: neither has a deadline.
    code: `
      import axios from 'axios';
      export async function listUsers(admin) {
        const config = admin ? { headers: { 'x-admin': '1' } } : { params: { active: true } };
        return axios.get('/users', config);
      }
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 5,
        column: 16,
        endLine: 5,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      export async function listUsers(admin) {
        const config = admin ? { headers: { 'x-admin': '1' } } : { params: { active: true } };
        return axios.get('/users', { ...config, timeout: 10000 });
      }
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
      import axios from 'axios';
      export const listUsers = (admin) => axios.get('/users', admin ? { params: { all: true } } : undefined);
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 3,
        column: 43,
        endLine: 3,
        endColumn: 52,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      export const listUsers = (admin) => axios.get('/users', { ...(admin ? { params: { all: true } } : undefined), timeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  {
    // A spread of a known literal.
    code: `
      import got from 'got';
      const jsonDefaults = { headers: { accept: 'application/json' }, responseType: 'json' };
      export const save = (url, body) => got.post(url, { ...jsonDefaults, json: body });
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: GOT,
        line: 4,
        column: 42,
        endLine: 4,
        endColumn: 50,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '{ request: 10000 }' },
            output: `
      import got from 'got';
      const jsonDefaults = { headers: { accept: 'application/json' }, responseType: 'json' };
      export const save = (url, body) => got.post(url, { ...jsonDefaults, json: body, timeout: { request: 10000 } });
    `,
          },
        ],
      },
    ],
  },
  {
    // A local helper that returns only headers has no timeout.
    code: `
      function getOptions() {
        return { headers: { authorization: \`Bearer \${token}\` } };
      }
      export const loadProfile = () => fetch('/api/profile', getOptions());
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 5,
        column: 40,
        endLine: 5,
        endColumn: 45,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      function getOptions() {
        return { headers: { authorization: \`Bearer \${token}\` } };
      }
      export const loadProfile = () => fetch('/api/profile', { ...getOptions(), signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  {
    // `timeout` in the options of the runtime fetch does nothing, wherever the options are written.
    code: `
      const init = { timeout: 5000 };
      export const ping = () => fetch('https://example.com/health', init);
    `,
    errors: [
      {
        messageId: 'ignoredTimeoutOption',
        line: 3,
        column: 33,
        endLine: 3,
        endColumn: 74,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      const init = { timeout: 5000 };
      export const ping = () => fetch('https://example.com/health', { ...init, signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  {
    // `timeout` inside `headers` is a header, not a timeout.
    code: `
      import axios from 'axios';
      await fetch(url, { headers: { timeout: '5000' } });
      await axios.get(url, { headers: { timeout: 5000 } });
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 3,
        column: 13,
        endLine: 3,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      import axios from 'axios';
      await fetch(url, { headers: { timeout: '5000' }, signal: AbortSignal.timeout(10000) });
      await axios.get(url, { headers: { timeout: 5000 } });
    `,
          },
        ],
      },
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 4,
        column: 13,
        endLine: 4,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      await fetch(url, { headers: { timeout: '5000' } });
      await axios.get(url, { headers: { timeout: 5000 }, timeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  {
    // `signal: undefined` is no signal.
    code: `
      import axios from 'axios';
      await axios.get(url, { signal: undefined });
    `,
    errors: [
      {
        messageId: 'missingDeadline',
        data: AXIOS,
        line: 3,
        column: 13,
        endLine: 3,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'suggestTimeout',
            data: { value: '10000' },
            output: `
      import axios from 'axios';
      await axios.get(url, { signal: undefined, timeout: 10000 });
    `,
          },
        ],
      },
    ],
  },
  {
    // The signal of a local controller that nothing aborts never fires.
    code: `
      export async function load(url) {
        const controller = new AbortController();
        const res = await fetch(url, { signal: controller.signal });
        return res.json();
      }
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 4,
        column: 27,
        endLine: 4,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      export async function load(url) {
        const controller = new AbortController();
        const res = await fetch(url, { signal: AbortSignal.timeout(10000) });
        return res.json();
      }
    `,
          },
        ],
      },
    ],
  },
  {
    // A disabled timeout is reported across the request call it affects.
    code: `
      import axios from 'axios';
      export const download = () =>
        axios.get('/export.csv', {
          responseType: 'stream',
          timeout: 0,
        });
    `,
    errors: [
      {
        messageId: 'disabledTimeout',
        data: { setting: 'timeout: 0', what: 'the `axios` timeout' },
        line: 4,
        column: 9,
        endLine: 7,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import axios from 'axios';
      export const download = () =>
        axios.get('/export.csv', {
          responseType: 'stream',
          timeout: 10000,
        });
    `,
          },
        ],
      },
    ],
  },
  {
    code: `
      import ky from 'ky';
      const noTimeout = { timeout: false, retry: 0 };
      export const report = () => ky.get('/api/report', noTimeout).json();
    `,
    errors: [
      {
        messageId: 'disabledTimeout',
        data: { setting: 'timeout: false', what: 'the 10 s default timeout of `ky`' },
        line: 4,
        column: 35,
        endLine: 4,
        endColumn: 67,
        suggestions: [
          {
            messageId: 'suggestTimeoutValue',
            data: { option: 'timeout', value: '10000' },
            output: `
      import ky from 'ky';
      const noTimeout = { timeout: 10000, retry: 0 };
      export const report = () => ky.get('/api/report', noTimeout).json();
    `,
          },
        ],
      },
    ],
  },
  {
    // A fetch wrapper the file defines without a deadline: its calls are checked like fetch.
    code: `
      async function getJson(url, init) {
        const res = await fetch(url, init);
        return res;
      }
      export const user = () => getJson('/api/user', { headers: { accept: 'application/json' } });
    `,
    settings: { 'http-client': { fetchFunctions: ['getJson', 'http.request'] } },
    errors: [
      {
        messageId: 'missingSignal',
        data: OTHER_FETCH,
        line: 6,
        column: 33,
        endLine: 6,
        endColumn: 40,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      async function getJson(url, init) {
        const res = await fetch(url, init);
        return res;
      }
      export const user = () => getJson('/api/user', { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  {
    // A deadline in another function of the file does not cover the wrapper.
    code: `
      export class Client {
        request(path, init) {
          return fetch(path, init);
        }
        ping() {
          return fetch('/health', { signal: AbortSignal.timeout(1000) });
        }
      }
      const http = new Client();
      http.request('/orders', { method: 'GET' });
    `,
    settings: { 'http-client': { fetchFunctions: ['getJson', 'http.request'] } },
    errors: [
      {
        messageId: 'missingSignal',
        data: OTHER_FETCH,
        line: 11,
        column: 7,
        endLine: 11,
        endColumn: 19,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      export class Client {
        request(path, init) {
          return fetch(path, init);
        }
        ping() {
          return fetch('/health', { signal: AbortSignal.timeout(1000) });
        }
      }
      const http = new Client();
      http.request('/orders', { method: 'GET', signal: AbortSignal.timeout(10000) });
    `,
          },
        ],
      },
    ],
  },
  {
    // `new URL('/api/x', base)` is a request; a variable reassigned to a remote URL may be one.
    code: `
      export async function load(base, remote) {
        const items = await fetch(new URL('/api/items', base));
        let source = 'data:application/json,[]';
        if (remote) source = remote;
        const more = await fetch(source);
        return [items, more];
      }
    `,
    errors: [
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 3,
        column: 29,
        endLine: 3,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      export async function load(base, remote) {
        const items = await fetch(new URL('/api/items', base), { signal: AbortSignal.timeout(10000) });
        let source = 'data:application/json,[]';
        if (remote) source = remote;
        const more = await fetch(source);
        return [items, more];
      }
    `,
          },
        ],
      },
      {
        messageId: 'missingSignal',
        data: RUNTIME_FETCH,
        line: 6,
        column: 28,
        endLine: 6,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'suggestSignal',
            data: { ms: '10000' },
            output: `
      export async function load(base, remote) {
        const items = await fetch(new URL('/api/items', base));
        let source = 'data:application/json,[]';
        if (remote) source = remote;
        const more = await fetch(source, { signal: AbortSignal.timeout(10000) });
        return [items, more];
      }
    `,
          },
        ],
      },
    ],
  },
];

ruleTester.run('require-request-timeout', rule, {
  valid: [
    // Not the clients: a shadowed `fetch`, a local `axios`, unrelated `.get()` calls.
    `
      function load(fetch, url) {
        return fetch(url);
      }
      const axios = { get: (key) => store[key] };
      axios.get('user');
      map.get(url);
      router.get('/users', handler);
    `,
    `
      import { fetch } from './fetch-with-deadline.js';
      await fetch(url);
    `,
    // Any signal counts, wherever it comes from.
    `
      await fetch(url, { signal: AbortSignal.timeout(5000) });
      await fetch(url, { ...init, signal: controller.signal });
      export async function GET(req) {
        return fetch(upstream, { signal: req.signal });
      }
      useQuery({ queryKey: ['todos'], queryFn: ({ signal }) => fetch('/api/todos', { signal }) });
      window.fetch(url, { signal });
      globalThis.fetch(url, { method: 'POST', signal: AbortSignal.any([signal, AbortSignal.timeout(1000)]) });
    `,
    // Options the code does not show may hold a signal.
    `
      fetch(url, init);
      fetch(url, { ...init });
      fetch(url, { method: 'POST', ...options });
      fetch(...args);
      fetch(url, { [key]: value });
    `,
    // A Request object carries its own signal.
    `
      await fetch(new Request(url, { signal }));
      const request = new Request(url, { method: 'POST', body });
      await fetch(request);
    `,
    // Not the network.
    `
      const res = await fetch('data:application/json,{}');
      const wasm = await fetch(new URL('./module.wasm', import.meta.url));
      const blob = await fetch(\`blob:\${id}\`);
    `,
    // Raced against a timer: the caller stops waiting.
    `
      const res = await Promise.race([
        fetch(url),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
      ]);
      const data = await Promise.race([fetch(url).then((r) => r.json()), sleep(1000)]);
      const pending = fetch(url);
      const first = await Promise.race([pending, deadline(5000)]);
    `,
    // An undici dispatcher with explicit timeouts, or one the code does not show.
    `
      import { Agent } from 'undici';
      const dispatcher = new Agent({ headersTimeout: 10_000, bodyTimeout: 30_000 });
      await fetch(url, { dispatcher });
      await fetch(url, { dispatcher: getDispatcher() });
    `,
    // node-fetch v2's own timeout.
    `
      import fetch from 'node-fetch';
      await fetch(url, { timeout: 5000 });
      await fetch(url, { signal });
    `,
    // Project wrappers: timeout functions add the deadline; fetch wrappers with a `timeout` option
    // or a signal are fine; pre-configured clients from `clientModules` may carry their own.
    {
      code: `
        await fetchWithTimeout(url);
        await withDeadline(fetch(url), 5000);
        await fetchJson(url, { timeout: 3000 });
        await api.fetch(url, { signal });
        import http, { fetcher } from '@/lib/http';
        await http.get('/users');
        await fetcher('/users');
        import legacy from '@/lib/legacy';
        legacy.get({ host: 'localhost', path: '/users' });
      `,
      settings: SETTINGS,
    },
    // axios: a per-call timeout or signal, the instance config, the defaults.
    `
      import axios from 'axios';
      await axios.get(url, { timeout: 5000 });
      await axios.post(url, body, { signal: AbortSignal.timeout(5000) });
      await axios.get(url, { cancelToken: source.token });
      await axios({ url, timeout: TIMEOUT });
      await axios.get(url, config);
      await axios(requestConfig);
    `,
    `
      import axios from 'axios';
      axios.defaults.timeout = 10_000;
      export const getUser = (id) => axios.get(\`/users/\${id}\`);
    `,
    `
      import axios from 'axios';
      const api = axios.create({ baseURL: '/api', timeout: 5000 });
      await api.get('/users');
      const admin = api.create({ baseURL: '/admin' });
      await admin.post('/users', user);
    `,
    `
      import axios from 'axios';
      const api = axios.create({ baseURL: '/api' });
      api.defaults.timeout = 5000;
      await api.get('/users');
      const shared = axios.create({ ...baseConfig });
      await shared.get('/users');
    `,
    `
      import axios from 'axios';
      const api = axios.create({ timeout: 0 });
      api.defaults.timeout = 2000;
      await api.get('/users');
    `,
    `
      import axios from 'axios';
      axios.defaults.timeout ||= 5000;
      const api = axios.create({ timeout: Number(process.env.API_TIMEOUT) || 0 });
      api.defaults.timeout ??= 0;
      await axios.get('/users');
    `,
    `
      const axios = require('axios').default;
      class Client {
        constructor() {
          this.http = axios.create({ timeout: 8000 });
        }
        load() {
          return this.http.get('/items');
        }
      }
    `,
    // An axios request interceptor that sets a deadline, or one the code does not show.
    `
      import axios from 'axios';
      axios.interceptors.request.use((config) => {
        config.timeout = 5000;
        return config;
      });
      await axios.get(url);
    `,
    `
      import axios from 'axios';
      const api = axios.create({ baseURL });
      api.interceptors.request.use(withDeadline);
      await api.get('/users');
    `,
    `
      import axios from 'axios';
      const api = axios.create({ baseURL });
      installInterceptors(api.interceptors);
      await api.get('/users');
      const cancellable = axios.create({ cancelToken: source.token });
      await cancellable.get('/users');
    `,
    // got: `timeout` in either form, or a signal, on the call or the instance.
    `
      import got from 'got';
      await got(url, { timeout: { request: 5000 } });
      await got.post(url, { json, signal: AbortSignal.timeout(5000) });
      const client = got.extend({ prefixUrl, timeout: { request: 10_000 } });
      await client.get('items');
      await got(options);
    `,
    // ky has a 10 s default; `0` and `null` are not "off".
    `
      import ky from 'ky';
      await ky.get(url).json();
      const api = ky.create({ prefixUrl: '/api' });
      await api.post('orders', { json: order });
      await ky(url, { timeout: 30_000 });
      await ky(url, { timeout: false, signal });
    `,
    // undici: 300 s defaults unless set to 0; a signal wins anyway.
    `
      import { request, Pool } from 'undici';
      await request(url);
      await request(url, { headersTimeout: 5000 });
      await request(url, { headersTimeout: 0, signal: AbortSignal.timeout(60_000) });
      const pool = new Pool('http://localhost', { connections: 10, bodyTimeout: 60_000 });
      await pool.request({ path: '/', method: 'GET' });
    `,
    // node http(s): the `timeout` option, `setTimeout` on the returned request, a signal.
    `
      import https from 'node:https';
      https.get('https://example.com', { timeout: 5000 }, (res) => res.resume());
      const req = https.request({ host, path, method: 'POST' }, onResponse);
      req.setTimeout(5000, () => req.destroy());
      req.end(body);
      https.get('https://example.com', onResponse).on('error', onError).setTimeout(5000);
      https.request({ host, signal: AbortSignal.timeout(5000) }).end();
    `,
    `
      const http = require('http');
      let req;
      req = http.request({ host });
      req.on('socket', (socket) => socket.setTimeout(5000));
      req.end();
    `,
    `
      const http = require('http');
      const req = http.request({ host });
      req.socket.setTimeout(5000);
      pending = http.request({ host });
    `,
    // A request handed elsewhere may get its timeout there; options the code does not show.
    `
      import http from 'node:http';
      export function open(host) {
        return http.request({ host, path: '/' });
      }
      const req = http.request({ host });
      track(req);
      http.get(options, onResponse);
      http.get(url, onResponse);
      export function download(target) {
        http.get(target, (res) => res.resume());
      }
      const home = 'http://localhost/';
      http.get(home, onResponse);
      this.req = http.get({ host });
    `,
    // An agent with a socket timeout, or one the code does not show.
    `
      import https from 'node:https';
      const agent = new https.Agent({ keepAlive: true, timeout: 5000 });
      https.get({ host, agent }, onResponse);
      https.get({ host, agent: sharedAgent }, onResponse);
      https.get({ host, agent: new https.Agent({ timeout: socketTimeout }) }, onResponse);
      https.get({ host, agent: new https.Agent({ ...agentOptions }) }, onResponse);
    `,
    // Clients turned off.
    {
      code: `
        import axios from 'axios';
        import ky from 'ky';
        import { Agent } from 'undici';
        import http from 'node:http';
        import got from 'got';
        fetch(url);
        axios.get(url);
        axios.create({ timeout: 0 });
        ky(url, { timeout: false });
        new Agent({ headersTimeout: 0 });
        http.get('http://example.com');
        got.get('https://example.com');
      `,
      options: [{ clients: { axios: false, fetch: false, got: false, ky: false, 'node-http': false, undici: false } }],
    },
    // got's named export with a timeout; a local `got` that is not the library.
    `
      import { got } from 'got';
      await got('https://example.com/items', { timeout: { request: 5000 } });
      const { got: client } = await import('got');
      await client.get('https://example.com/items', { signal: AbortSignal.timeout(5000) });
      function load(got) {
        return got('https://example.com/items');
      }
    `,
    // `axios` declared, imported or shadowed is not the global build.
    {
      code: `
      var axios = createClient();
      axios.get('/api/orders');
    `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    `
      import axios from './lib/axios.js';
      axios.get('/api/orders');
      function load(axios) {
        return axios.get('/api/orders');
      }
    `,
    // The global `axios` with a deadline.
    {
      code: `
      axios.defaults.timeout = 5000;
      axios.get('/api/orders');
    `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // A default the plugin does not know, or an instance with a timeout, in the field.
    `
      import axios from 'axios';
      export class UserService {
        constructor(options = {}) {
          this.http = options.http || fallbackClient;
          this.api = options.api ?? axios.create({ timeout: 5000 });
        }
        list() {
          return Promise.all([this.http.get('/users'), this.api.get('/users')]);
        }
      }
    `,
    // A factory whose instance has a timeout; a function that returns something else.
    `
      import axios from 'axios';
      export class ReportApi {
        getApi() {
          return axios.create({ baseURL: '/reports', timeout: 5000 });
        }
        getOther() {
          return otherClient;
        }
        monthly(month) {
          return Promise.all([this.getApi().get(\`/monthly/\${month}\`), this.getOther().get('/x')]);
        }
      }
      const make = () => axios.create({ timeout: 2000 });
      make().get('/items');
    `,
    // Options the code may change or hand on out of sight stay unknown.
    `
      import axios from 'axios';
      export async function a(url, controller) {
        const init = { headers };
        init.signal = controller.signal;
        return fetch(url, init);
      }
      export async function b(url) {
        const init = { headers };
        addDeadline(init);
        return fetch(url, init);
      }
      export async function c(url) {
        const config = { headers };
        Object.assign(config, defaults);
        return axios.get(url, config);
      }
      export const shared = { headers };
      fetch(url, shared);
      let reassigned = { headers };
      reassigned = withTimeout(reassigned);
      fetch(url, reassigned);
    `,
    // A top-level variable of a script is a global other scripts may change.
    {
      code: `
      var init = { headers: headers };
      fetch(url, init);
    `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Out-of-place options that set a deadline in every form they may take.
    `
      import axios from 'axios';
      const quick = { signal: AbortSignal.timeout(5000) };
      fetch(url, quick);
      fetch(url, slow ? { headers } : { signal: AbortSignal.timeout(5000) });
      axios.get(url, big ? { timeout: 0 } : { timeout: 5000 });
      const base = { timeout: 5000 };
      axios.get(url, { ...base, params });
      function getOptions() {
        return { headers, timeout: 5000 };
      }
      axios.get(url, getOptions());
    `,
    // Helpers and spreads that may add anything.
    `
      import axios from 'axios';
      function withAuth(extra) {
        return { ...extra, headers };
      }
      fetch(url, withAuth(options));
      async function asyncOptions() {
        return { headers };
      }
      axios.get(url, await asyncOptions());
      axios.get(url, { ...this.defaults, params });
      axios.get(url, makeOptions());
    `,
    // A controller that something may abort, or that leaves the function.
    `
      export async function a(url) {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 5000);
        return fetch(url, { signal: controller.signal });
      }
      export async function b(url) {
        const controller = new AbortController();
        register(controller);
        return fetch(url, { signal: controller.signal });
      }
      export function c(url) {
        const controller = new AbortController();
        return { controller, done: fetch(url, { signal: controller.signal }) };
      }
      export const module = new AbortController();
      fetch(url, { signal: module.signal });
    `,
    // A class of the file named `AbortController` is not the global one.
    `
      class AbortController {}
      const local = new AbortController();
      fetch(url, { signal: local.signal });
    `,
    // A fetch wrapper the file defines with a deadline of its own: its calls have one.
    {
      code: `
      async function getJson(url, init = {}) {
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
        return res;
      }
      export const user = () => getJson('/api/user');
    `,
      settings: { 'http-client': { fetchFunctions: ['getJson', 'http.request', 'api.fetch'] } },
    },
    {
      code: `
      export class Client {
        async request(path) {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 5000);
          try {
            return await fetch(path, { signal: controller.signal });
          } finally {
            clearTimeout(timer);
          }
        }
        load() {
          return this.request('/items');
        }
      }
      const http = new Client();
      http.request('/orders');
    `,
      settings: { 'http-client': { fetchFunctions: ['getJson', 'http.request', 'api.fetch'] } },
    },
    {
      code: `
      const api = {
        fetch: (url) => Promise.race([fetch(url), sleep(5000).then(() => { throw new Error('timed out'); })]),
      };
      export const orders = () => api.fetch('/api/orders');
    `,
      settings: { 'http-client': { fetchFunctions: ['getJson', 'http.request', 'api.fetch'] } },
    },
    // Not the network: local URLs through a variable, a concatenation, an object URL, a canvas, a module asset.
    `
      const placeholder = 'data:image/png;base64,' + PLACEHOLDER_BASE64;
      export async function decode(file, canvas) {
        const preview = await fetch(placeholder);
        const objectUrl = URL.createObjectURL(file);
        const bytes = await fetch(objectUrl).then((res) => res.arrayBuffer());
        const snapshot = await fetch(canvas.toDataURL('image/png'));
        const font = await fetch(new URL('./fonts/inter.woff2', import.meta.url));
        return [preview, bytes, snapshot, font];
      }
    `,
  ],
  invalid,
});

describe('require-request-timeout suggestions', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (code: string, testCase: InvalidTestCase<MessageIds, Options>): Linter.LintMessage[] =>
    linter.verify(code, [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
        settings: testCase.settings ?? {},
        plugins: { 'http-client': { rules: { 'require-request-timeout': rule } } } as never,
        rules: { 'http-client/require-request-timeout': ['error', ...(testCase.options ?? [])] },
      },
    ], 'file.ts');

  it.each(invalid.map((testCase, index) => [index, testCase] as const))(
    'case %i: each suggestion removes its report and adds none',
    (_, testCase) => {
      const before = lint(testCase.code, testCase).length;
      for (const error of testCase.errors) {
        for (const suggestion of error.suggestions ?? []) {
          const after = lint(suggestion.output, testCase);
          expect(after.some((message) => message.fatal === true)).toBe(false);
          expect(after).toHaveLength(before - 1);
        }
      }
    },
  );
});

describe('require-request-timeout options', () => {
  const linter = new Linter({ configType: 'flat' });
  const verify = (options: unknown): Linter.LintMessage[] =>
    linter.verify('fetch(url);', [
      {
        plugins: { 'http-client': { rules: { 'require-request-timeout': rule } } } as never,
        rules: { 'http-client/require-request-timeout': ['error', options] },
      },
    ]);

  it('rejects unknown options, unknown clients and impossible deadlines', () => {
    expect(() => verify({ bogus: 1 })).toThrow(/bogus/u);
    expect(() => verify({ clients: { superagent: true } })).toThrow(/superagent/u);
    // Ajv names the offending value, not the key, for range and type errors.
    expect(() => verify({ ms: 0 })).toThrow(/Value 0 should be >= 1/u);
    expect(() => verify({ ms: 1.5 })).toThrow(/Value 1\.5 should be integer/u);
  });

  it('accepts a partial set of clients and keeps the others on', () => {
    expect(verify({ clients: { axios: false } })).toHaveLength(1);
  });
});

describe('require-request-timeout messages', () => {
  it('say what is wrong and what to do in a first sentence of at most 100 characters', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      `
        import axios from 'axios';
        import got from 'got';
        import ky from 'ky';
        import https from 'node:https';
        import nodeFetch from 'node-fetch';
        import { Agent } from 'undici';
        fetch(url);
        fetch(url, { timeout: 5000 });
        nodeFetch(url);
        fetchJson(url);
        axios.get(url);
        got(\`\${base}/items\`);
        https.get('https://example.com/', (res) => res.resume());
        const api = axios.create();
        api.defaults.timeout = Infinity;
        ky(url, { timeout: false });
        new Agent({ headersTimeout: 0 });
      `,
      [
        {
          settings: { 'http-client': { fetchFunctions: ['fetchJson'] } },
          plugins: { 'http-client': { rules: { 'require-request-timeout': rule } } } as never,
          rules: { 'http-client/require-request-timeout': 'error' },
        },
      ],
    );
    expect(new Set(messages.map((message) => message.messageId))).toEqual(
      new Set(['missingSignal', 'ignoredTimeoutOption', 'missingDeadline', 'disabledTimeout']),
    );
    expect(messages).toHaveLength(10);
    for (const { message } of messages) {
      const first = /^.*?\.(?:\s|$)/su.exec(message)?.[0].trim() ?? message;
      expect(first.length, message).toBeLessThanOrEqual(100);
    }
  });
});

ruleTester.run('require-request-timeout: transpiled imports and options assembled in place', rule, {
  valid: [
    // The wrapped export with a timeout per call or on the instance.
    {
      code: `
      const axios_1 = __importDefault(require('axios'));
      axios_1.default.post(endpoint, body, { timeout: 5000 });
      const withDeadline = axios_1.default.create({ timeout: 5000 });
      withDeadline.get(endpoint);
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
    // Writes that may add a deadline, a computed key, or passing the config on: unknown.
    {
      code: `
      const axios = require('axios');
      function send(target, wait) {
        const config = { url: target };
        config.timeout = wait;
        return axios(config);
      }
      function sendSigned(target, controller) {
        const config = { url: target };
        config.signal = controller.signal;
        return axios.request(config);
      }
      function sendAny(target, key, value) {
        const config = { url: target };
        config[key] = value;
        return axios(config);
      }
      function sendPrepared(target) {
        const config = { url: target };
        prepare(config);
        return axios(config);
      }
      function sendUrl(target) {
        return axios(target);
      }
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
    // An agent written into node's options may carry a timeout.
    {
      code: `
      const http = require('http');
      function ping(host, agent) {
        const options = { host, path: '/ping' };
        options.agent = agent;
        http.request(options, (res) => res.resume()).end();
      }
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
    // A dispatched got request on an instance with a timeout.
    {
      code: `
      const got = require('got');
      class Service {
        constructor(base) { this.api = got.extend({ prefixUrl: base, timeout: { request: 5000 } }); }
        call(method, path) { return this.api[method](path); }
      }
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
    // A dispatcher written into fetch options may carry undici timeouts.
    `
      const settings = {};
      settings.dispatcher = makeDispatcher();
      export const load = (url) => fetch(url, settings);
    `,
    // Only the known interop helpers are looked through.
    {
      code: `
      const axios_1 = helper(require('axios'));
      axios_1.default.post(endpoint, body, { headers });
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
  ],
  invalid: [
    // TypeScript's CommonJS output wraps the require: `axios_1.default.post()`.
    {
      code: `
      const axios_1 = __importDefault(require('axios'));
      axios_1.default.post(endpoint, body, { headers });
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'missingDeadline',
          data: AXIOS,
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestTimeout',
              data: { value: '10000' },
              output: `
      const axios_1 = __importDefault(require('axios'));
      axios_1.default.post(endpoint, body, { headers, timeout: 10000 });
    `,
            },
          ],
        },
      ],
    },
    // Babel's interop helper and the `(0, fn)()` call it compiles imports to.
    {
      code: `
      var _axios = _interopRequireDefault(require('axios'));
      (0, _axios.default)({ url: endpoint });
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'missingDeadline',
          data: AXIOS,
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestTimeout',
              data: { value: '10000' },
              output: `
      var _axios = _interopRequireDefault(require('axios'));
      (0, _axios.default)({ url: endpoint, timeout: 10000 });
    `,
            },
          ],
        },
      ],
    },
    // `__importStar` around node's https module.
    {
      code: `
      const https_1 = __importStar(require('node:https'));
      https_1.get('https://example.com/health', (res) => res.resume());
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'missingDeadline',
          data: { library: 'node:https', remedy: NODE_HTTP_REMEDY },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
      const https_1 = __importStar(require('node:https'));
      https_1.get('https://example.com/health', { signal: AbortSignal.timeout(10000) }, (res) => res.resume());
    `,
            },
          ],
        },
      ],
    },
    // The package's main file required by its path.
    {
      code: `
      const axios = require('axios/index');
      axios.get(endpoint, { headers });
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'missingDeadline',
          data: AXIOS,
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestTimeout',
              data: { value: '10000' },
              output: `
      const axios = require('axios/index');
      axios.get(endpoint, { headers, timeout: 10000 });
    `,
            },
          ],
        },
      ],
    },
    // An instance made from the wrapped default export, without a timeout.
    {
      code: `
      const axios_1 = __importDefault(require('axios'));
      const client = axios_1.default.create({ headers });
      client.get(endpoint);
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'missingDeadline',
          data: AXIOS,
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'suggestTimeout',
              data: { value: '10000' },
              output: `
      const axios_1 = __importDefault(require('axios'));
      const client = axios_1.default.create({ headers });
      client.get(endpoint, { timeout: 10000 });
    `,
            },
          ],
        },
      ],
    },
    // A got instance whose request method is chosen at run time.
    {
      code: `
      const got = require('got');
      class Service {
        constructor(base) { this.api = got.extend({ prefixUrl: base }); }
        call(method, path, body) { return this.api[method](path, { json: body }); }
      }
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'missingDeadline',
          data: GOT,
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'suggestTimeout',
              data: { value: '{ request: 10000 }' },
              output: `
      const got = require('got');
      class Service {
        constructor(base) { this.api = got.extend({ prefixUrl: base }); }
        call(method, path, body) { return this.api[method](path, { json: body, timeout: { request: 10000 } }); }
      }
    `,
            },
          ],
        },
      ],
    },
    // A config assembled in place: adding an agent and a header, and logging it, give it no deadline.
    {
      code: `
      const axios = require('axios');
      async function send(target, insecure) {
        const config = { method: 'post', url: target, headers: {} };
        if (insecure) config.httpsAgent = makeAgent();
        config.headers.accept = 'application/json';
        logger.debug('sending', config);
        return axios(config);
      }
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'missingDeadline',
          data: AXIOS,
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestTimeout',
              data: { value: '10000' },
              output: `
      const axios = require('axios');
      async function send(target, insecure) {
        const config = { method: 'post', url: target, headers: {} };
        if (insecure) config.httpsAgent = makeAgent();
        config.headers.accept = 'application/json';
        logger.debug('sending', config);
        return axios({ ...config, timeout: 10000 });
      }
    `,
            },
          ],
        },
      ],
    },
    // node's https with options filled in after the literal, none of them a timeout.
    {
      code: `
      const https = require('https');
      function ping(host) {
        const options = { host, path: '/ping' };
        options.method = 'HEAD';
        https.request(options, (res) => res.resume()).end();
      }
    `,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'missingDeadline',
          data: { library: 'node:https', remedy: NODE_HTTP_REMEDY },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
      const https = require('https');
      function ping(host) {
        const options = { host, path: '/ping' };
        options.method = 'HEAD';
        https.request({ ...options, signal: AbortSignal.timeout(10000) }, (res) => res.resume()).end();
      }
    `,
            },
          ],
        },
      ],
    },
    // Module-level options that only ever get an agent.
    {
      code: `
      import fetchImpl from 'node-fetch';
      const shared = {};
      if (process.env.PROXY) shared.agent = proxyAgent(process.env.PROXY);
      export const load = (url) => fetchImpl(url, shared);
    `,
      errors: [
        {
          messageId: 'missingDeadline',
          data: NODE_FETCH,
          line: 5,
          column: 36,
          endLine: 5,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
      import fetchImpl from 'node-fetch';
      const shared = {};
      if (process.env.PROXY) shared.agent = proxyAgent(process.env.PROXY);
      export const load = (url) => fetchImpl(url, { ...shared, signal: AbortSignal.timeout(10000) });
    `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-request-timeout: node:http options through wrappers, optional agents and socket listeners', rule, {
  valid: [
    // An agent with a timeout of its own in one branch may give the request its deadline.
    `
      import http from 'node:http';
      import { ProxyAgent } from 'proxy-agent';
      export function ping(host, slow) {
        const options = { host, agent: slow ? new http.Agent({ timeout: 2000 }) : undefined };
        http.request(options, (res) => res.resume()).end();
      }
    `,
    // An agent the code does not show, in a branch or written later.
    `
      import http from 'node:http';
      import { ProxyAgent } from 'proxy-agent';
      export function ping(host, proxy) {
        const options = { host, agent: proxy ? new ProxyAgent() : sharedAgent };
        http.request(options, (res) => res.resume()).end();
      }
      export function pong(host) {
        const options = { host };
        options.agent = agentFor(host);
        http.request(options, (res) => res.resume()).end();
      }
      export function pang(host) {
        const options = { host };
        options.agent = new http.Agent({ timeout: 1500 });
        http.request(options, (res) => res.resume()).end();
      }
    `,
    // A wrapper: a call that passes a timeout, a use the file does not show, or a call from inside.
    `
      import https from 'node:https';
      function send(options) {
        const req = https.request(options, (res) => res.resume());
        req.end();
      }
      send({ host: 'a.example', timeout: 3000 });
      send({ host: 'b.example' });
    `,
    `
      import https from 'node:https';
      export function send(options) {
        https.request(options, (res) => res.resume()).end();
      }
      send({ host: 'a.example' });
    `,
    `
      import https from 'node:https';
      function send(options) {
        https.request(options, (res) => res.resume()).end();
      }
      send({ host: 'a.example' });
      queue.onIdle(send);
    `,
    `
      import https from 'node:https';
      function follow(options, left) {
        https.request(options, (res) => (left > 0 ? follow(res.headers, left - 1) : res.resume())).end();
      }
      follow({ host: 'a.example' }, 3);
    `,
    // The wrapper may change what it is given.
    `
      import https from 'node:https';
      function send(options) {
        options.timeout = 5000;
        https.request(options, (res) => res.resume()).end();
      }
      send({ host: 'a.example' });
    `,
    // A 'socket' listener that times the socket out, or one not written here.
    `
      import https from 'node:https';
      const req = https.request({ host: 'a.example' }, (res) => res.resume());
      req.on('socket', (socket) => {
        socket.on('connect', () => socket.setTimeout(4000));
      });
      req.end();
    `,
    `
      import https from 'node:https';
      const req = https.request({ host: 'a.example' }, (res) => res.resume());
      req.on('socket', watchSocket);
      req.end();
    `,
  ],
  invalid: [
    // An optional proxy agent, neither branch of which has a timeout.
    {
      code: `
      import http from 'node:http';
      import { ProxyAgent } from 'proxy-agent';
      export function ping(host, proxy, headers) {
        const options = { host, agent: proxy ? new ProxyAgent() : undefined };
        options.headers = headers;
        const req = http.request(options, (res) => res.resume());
        req.on('error', () => {});
        req.end();
      }
    `,
      errors: [
        {
          messageId: 'missingDeadline',
          data: { library: 'node:http', remedy: NODE_HTTP_REMEDY },
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
      import http from 'node:http';
      import { ProxyAgent } from 'proxy-agent';
      export function ping(host, proxy, headers) {
        const options = { host, agent: proxy ? new ProxyAgent() : undefined };
        options.headers = headers;
        const req = http.request({ ...options, signal: AbortSignal.timeout(10000) }, (res) => res.resume());
        req.on('error', () => {});
        req.end();
      }
    `,
            },
          ],
        },
      ],
    },
    // A proxy agent written into the options later: it has no timeout either.
    {
      code: `
      import https from 'node:https';
      import { HttpsProxyAgent } from 'https-proxy-agent';
      export function report(host, proxy) {
        const options = { host, method: 'POST' };
        if (proxy) options.agent = new HttpsProxyAgent(proxy);
        https.request(options, (res) => res.resume()).end();
      }
    `,
      errors: [
        {
          messageId: 'missingDeadline',
          data: { library: 'node:https', remedy: NODE_HTTP_REMEDY },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
      import https from 'node:https';
      import { HttpsProxyAgent } from 'https-proxy-agent';
      export function report(host, proxy) {
        const options = { host, method: 'POST' };
        if (proxy) options.agent = new HttpsProxyAgent(proxy);
        https.request({ ...options, signal: AbortSignal.timeout(10000) }, (res) => res.resume()).end();
      }
    `,
            },
          ],
        },
      ],
    },
    // The options of a wrapper of the file, none of whose calls passes a timeout; a 'socket'
    // listener that only watches the connection sets none.
    {
      code: `
      const https = require('node:https');
      function measure(options, body = '') {
        return new Promise((resolve, reject) => {
          const req = https.request(options, (res) => res.on('end', resolve).resume());
          req.on('socket', (socket) => {
            socket.on('connect', () => { connectedAt = Date.now(); });
          });
          req.on('error', reject);
          req.end(body);
        });
      }
      function download(size) {
        const options = { host: 'speed.example', path: \`/down?bytes=\${size}\` };
        return measure(options);
      }
      const upload = (body) => measure({ host: 'speed.example', method: 'POST' }, body);
      module.exports = { download, upload };
    `,
      errors: [
        {
          messageId: 'missingDeadline',
          data: { library: 'node:https', remedy: NODE_HTTP_REMEDY },
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
      const https = require('node:https');
      function measure(options, body = '') {
        return new Promise((resolve, reject) => {
          const req = https.request({ ...options, signal: AbortSignal.timeout(10000) }, (res) => res.on('end', resolve).resume());
          req.on('socket', (socket) => {
            socket.on('connect', () => { connectedAt = Date.now(); });
          });
          req.on('error', reject);
          req.end(body);
        });
      }
      function download(size) {
        const options = { host: 'speed.example', path: \`/down?bytes=\${size}\` };
        return measure(options);
      }
      const upload = (body) => measure({ host: 'speed.example', method: 'POST' }, body);
      module.exports = { download, upload };
    `,
            },
          ],
        },
      ],
    },
    // The same for fetch: the init of a local wrapper, which one call leaves out.
    {
      code: `
      const get = (url, init) => fetch(url, init);
      export const user = (id) => get(\`/users/\${id}\`, { headers: { accept: 'application/json' } });
      export const health = () => get('/health');
    `,
      errors: [
        {
          messageId: 'missingSignal',
          data: RUNTIME_FETCH,
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
      const get = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(10000) });
      export const user = (id) => get(\`/users/\${id}\`, { headers: { accept: 'application/json' } });
      export const health = () => get('/health');
    `,
            },
          ],
        },
      ],
    },
  ],
});
