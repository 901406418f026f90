import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-implicit-json';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-implicit-json', rule, {
  valid: [
    // a status check before the parse
    `
      async function loadUser(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.json();
      }
    `,
    // the parse guarded by `if (res.ok)`, a ternary, `&&`
    `
      async function load(url) {
        const res = await fetch(url);
        if (res.ok) {
          return res.json();
        }
        return null;
      }
      const a = (url) => fetch(url).then((res) => (res.ok ? res.json() : null));
      const b = (url) => fetch(url).then((res) => res.status === 200 && res.json());
    `,
    // a 204 handled before the parse
    `
      async function remove(url) {
        const res = await fetch(url, { method: 'DELETE' });
        if (res.status === 204) return null;
        return res.json();
      }
    `,
    // a content-type check before the parse
    `
      async function load(url) {
        const res = await fetch(url);
        if (!res.headers.get('Content-Type')?.includes('application/json')) {
          throw new Error(\`Expected JSON from \${url}\`);
        }
        return res.json();
      }
      async function other(url) {
        const res = await fetch(url);
        const type = res.headers.get(CONTENT_TYPE);
        return type ? res.json() : null;
      }
      async function third(url) {
        const res = await fetch(url);
        return isJson(res.headers) ? res.json() : res.text();
      }
    `,
    // a checker before the parse: imported, of this file, in a `.then` before
    `
      import { assertOk } from './http';
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
      const d = (url) => fetch(url).then((res) => checkStatus(res).json());
    `,
    {
      // a checker named in settings
      code: `
      async function load(url) {
        const res = await fetch(url);
        http.ensureOk(res);
        return res.json();
      }
    `,
      settings: { 'http-client': { statusCheckFunctions: ['http.ensureOk'] } },
    },
    // clients that parse for themselves: ky, got, axios
    `
      import ky from 'ky';
      import got from 'got';
      import axios from 'axios';
      export async function load(url) {
        const a = await ky.get(url).json();
        const b = await got(url).json();
        const c = await (await ky(url)).json();
        const { data } = await axios.get(url);
        return [a, b, c, data];
      }
    `,
    // responses that are not from the network
    `
      async function load() {
        const a = await new Response('{}').json();
        const b = await (await fetch('data:application/json,{}')).json();
        const c = await fetch(new URL('./data.json', import.meta.url)).then((res) => res.json());
        return [a, b, c];
      }
    `,
    // shadowed `fetch`, an unrelated `.json()`, `text()` parsed explicitly
    `
      function load(fetch, url) {
        return fetch(url).then((res) => res.json());
      }
      const body = getBody();
      body.json();
      async function explicit(url) {
        const res = await fetch(url);
        const text = await res.text();
        return JSON.parse(text);
      }
    `,
    // a response handed to code that is not shown
    `
      export const parsed = async (url) => parse(await fetch(url));
      export const handled = (url) => fetch(url).then(handleResponse);
      export const passed = async (url) => {
        const res = await fetch(url);
        return readJson(res);
      };
    `,
    {
      // `requireContentType` satisfied by a content-type check
      code: `
      async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error('not JSON');
        return res.json();
      }
    `,
      options: [{ requireContentType: true }],
    },
    {
      // axios configs that throw on invalid JSON, or that cannot be seen
      code: `
      import axios from 'axios';
      const strict = axios.create({ responseType: 'json', transitional: { silentJSONParsing: false } });
      const custom = axios.create({ transformResponse: [(data) => data] });
      const configured = axios.create(config);
      const texts = axios.create({ responseType: 'text' });
      const replaced = axios.create({ transitional: { clarifyTimeoutError: true } });
      const unknown = axios.create({ transitional: flags });
      const unknownType = axios.create({ responseType: type });
      const computedSilent = axios.create({ responseType: 'json', transitional: { silentJSONParsing: flag } });
      const spreadTransitional = axios.create({ transitional: { ...flags } });
      export async function load(url) {
        await strict.get(url);
        await axios.get(url, { responseType: 'json', transitional: { silentJSONParsing: false } });
        await axios.get(url, { responseType: 'arraybuffer' });
        await axios.head(url);
        await axios.get(url, options);
      }
    `,
      options: [{ axiosSilentJSONParsing: true }],
    },
    {
      // axios defaults set in the file
      code: `
      import axios from 'axios';
      axios.defaults.responseType = 'json';
      axios.defaults.transitional = { silentJSONParsing: false };
      export const load = (url) => axios.get(url);
    `,
      options: [{ axiosSilentJSONParsing: true }],
    },
    {
      // a nested write to the axios defaults
      code: `
      import axios from 'axios';
      axios.defaults.transitional.silentJSONParsing = false;
      export const load = (url) => axios.get(url);
    `,
      options: [{ axiosSilentJSONParsing: true }],
    },
    // the parse failure is handled on the spot: an optional JSON error body
    {
      code: `
      export async function createRun(url, payload) {
        const response = await fetch(url, { method: 'POST', body: JSON.stringify(payload) });
        if (!response.ok) {
          const details = await response.json().catch(() => ({}));
          throw new Error(details.error ?? \`HTTP \${response.status}\`);
        }
        const page = await fetch(url);
        return page.json().then((data) => data.items, () => []);
      }
    `,
      options: [{ requireContentType: true }],
    },
    // axios is left alone by default
    `
      import axios from 'axios';
      const api = axios.create({ baseURL: '/api' });
      export const load = (url) => axios.get(url);
    `,
    // one report: a parse no status check guards is require-status-check's (await + variable)
    `
      async function loadUser(url) {
        const res = await fetch(url);
        return res.json();
      }
    `,
    // one report: a parse no status check guards is require-status-check's (`(await fetch()).json()`)
    `
      export async function load(url) {
        return (await fetch(url)).json();
      }
    `,
    // one report: a parse no status check guards is require-status-check's (a `.then` chain)
    `
      export const users = () => fetch('/api/users').then((res) => res.json());
    `,
    // one report: a parse no status check guards is require-status-check's (logging is not looking; a clone is parsed like the response)
    `
      async function load(url) {
        const res = await globalThis.fetch(url);
        console.log(res);
        return res.clone().json();
      }
    `,
    // one report: a parse no status check guards is require-status-check's (an optional call keeps its shape: no parse suggestion)
    `
      async function load(url) {
        const res = await fetch(url).catch(() => undefined);
        return res?.json();
      }
    `,
    {
      // one report: a parse no status check guards is require-status-check's (a response named `body`, and a settings wrapper)
      code: `
      import { fetchWithRetry } from './http';
      async function load(url) {
        const body = await fetchWithRetry(url);
        return body.json();
      }
    `,
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
    },
    // one report: without `requireContentType`, neither status nor content type is require-status-check's
    `
      async function load(url) {
        const res = await fetch(url);
        if (res.headers.get('content-length') === '0') return null;
        return res.json();
      }
    `,
    // the parse alone in a try whose catch falls back: its SyntaxError is handled on the spot
    `
      async function embed(url, input) {
        const response = await fetch(url, { method: 'POST', body: JSON.stringify(input) });
        let payload;
        try {
          payload = await response.json();
        } catch {
          payload = null;
        }
        if (!response.ok) throw new Error(\`HTTP \${response.status}: \${payload?.detail ?? 'no detail'}\`);
        return payload;
      }
    `,
    // a test that asserts the status after the parse: a body that is not JSON fails the test as well
    `
      import assert from 'node:assert/strict';
      it('refuses a missing session', async () => {
        const response = await fetch(serverUrl, { headers: { accept: 'text/event-stream' } });
        const body = await response.json();
        assert.equal(response.status, 400);
        assert.equal(body.error, 'Bad Request');
      });
    `,
    // the catch around the parse rethrows with the response: its SyntaxError carries the status
    `
      async function send(url, events) {
        const response = await fetch(url, { method: 'POST', body: JSON.stringify(events) });
        let body;
        try {
          const raw = await response.json();
          body = schema.parse(raw);
        } catch {
          throw new Error(\`HTTP \${response.status}: the answer is not an event receipt\`);
        }
        if (!response.ok) throw new Error(body.error);
        return body;
      }
    `,
  ],
  invalid: [
    {
      // a try around more than the parse was written for other failures too: the parse is still early
      code: `
      async function embed(url) {
        try {
          const response = await fetch(url);
          const payload = await response.json();
          if (!response.ok) throw new Error(payload.detail);
          return payload;
        } catch (error) {
          return null;
        }
      }
    `,
      errors: [
        {
          messageId: 'implicitJson',
          data: { client: 'fetch', json: 'response.json()', check: 'response.ok', header: "response.headers.get('content-type')" },
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'response.ok' },
              output: `
      async function embed(url) {
        try {
          const response = await fetch(url);
          if (!response.ok) throw new Error(\`HTTP \${response.status} for \${url}\`);
          const payload = await response.json();
          if (!response.ok) throw new Error(payload.detail);
          return payload;
        } catch (error) {
          return null;
        }
      }
    `,
            },
            {
              messageId: 'suggestExplicitParse',
              output: `
      async function embed(url) {
        try {
          const response = await fetch(url);
          const payload = await response.text().then((body) => {
            try {
              return JSON.parse(body);
            } catch (error) {
              throw new SyntaxError(\`HTTP \${response.status} from \${response.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
            }
          });
          if (!response.ok) throw new Error(payload.detail);
          return payload;
        } catch (error) {
          return null;
        }
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // `requireContentType`, blind: await + variable
      code: `
      async function loadUser(url) {
        const res = await fetch(url);
        return res.json();
      }
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'fetch', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestExplicitParse',
              output: `
      async function loadUser(url) {
        const res = await fetch(url);
        return res.text().then((body) => {
          try {
            return JSON.parse(body);
          } catch (error) {
            throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
          }
        });
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // `requireContentType`, blind: `(await fetch()).json()`
      code: `
      export async function load(url) {
        return (await fetch(url)).json();
      }
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'fetch', json: '(await fetch(url)).json()', check: 'ok', header: "response.headers.get('content-type')" },
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 41,
        },
      ],
    },
    {
      // `requireContentType`, blind: a `.then` chain
      code: `
      export const users = () => fetch('/api/users').then((res) => res.json());
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'fetch', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 2,
          column: 72,
          endLine: 2,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'suggestExplicitParse',
              output: `
      export const users = () => fetch('/api/users').then((res) => res.text().then((body) => {
        try {
          return JSON.parse(body);
        } catch (error) {
          throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
        }
      }));
    `,
            },
          ],
        },
      ],
    },
    {
      // a status check in the handler chained on the parse comes after it, too late as well
      code: `
      function loadProfile(url) {
        return fetch(url).then((res) => {
          return res.json().then((profile) => {
            if (res.status === 401) throw new Error(profile.message);
            return profile;
          });
        });
      }
    `,
      errors: [
        {
          messageId: 'implicitJson',
          data: { client: 'fetch', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      function loadProfile(url) {
        return fetch(url).then((res) => {
          if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
          return res.json().then((profile) => {
            if (res.status === 401) throw new Error(profile.message);
            return profile;
          });
        });
      }
    `,
            },
            {
              messageId: 'suggestExplicitParse',
              output: `
      function loadProfile(url) {
        return fetch(url).then((res) => {
          return res.text().then((body) => {
            try {
              return JSON.parse(body);
            } catch (error) {
              throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
            }
          }).then((profile) => {
            if (res.status === 401) throw new Error(profile.message);
            return profile;
          });
        });
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a status check after the parse comes too late for it
      code: `
      import fetch from 'node-fetch';
      export async function load(url) {
        const res = await fetch(url);
        const data = await res.json();
        if (!res.ok) throw new Error(data.message);
        return data;
      }
    `,
      errors: [
        {
          messageId: 'implicitJson',
          data: { client: 'fetch', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import fetch from 'node-fetch';
      export async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        const data = await res.json();
        if (!res.ok) throw new Error(data.message);
        return data;
      }
    `,
            },
            {
              messageId: 'suggestExplicitParse',
              output: `
      import fetch from 'node-fetch';
      export async function load(url) {
        const res = await fetch(url);
        const data = await res.text().then((body) => {
          try {
            return JSON.parse(body);
          } catch (error) {
            throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
          }
        });
        if (!res.ok) throw new Error(data.message);
        return data;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // `requireContentType`, blind: logging is not looking; a clone is parsed like the response
      code: `
      async function load(url) {
        const res = await globalThis.fetch(url);
        console.log(res);
        return res.clone().json();
      }
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'globalThis.fetch', json: 'res.clone().json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      // `requireContentType`, blind: an optional call keeps its shape: no parse suggestion
      code: `
      async function load(url) {
        const res = await fetch(url).catch(() => undefined);
        return res?.json();
      }
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'fetch', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
    {
      // `requireContentType`, blind: a response named `body`, and a settings wrapper
      code: `
      import { fetchWithRetry } from './http';
      async function load(url) {
        const body = await fetchWithRetry(url);
        return body.json();
      }
    `,
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'fetchWithRetry', json: 'body.json()', check: 'body.ok', header: "body.headers.get('content-type')" },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestExplicitParse',
              output: `
      import { fetchWithRetry } from './http';
      async function load(url) {
        const body = await fetchWithRetry(url);
        return body.text().then((text) => {
          try {
            return JSON.parse(text);
          } catch (error) {
            throw new SyntaxError(\`HTTP \${body.status} from \${body.url} is not JSON: \${text.slice(0, 100)}\`, { cause: error });
          }
        });
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // `requireContentType`: a status check alone is not enough
      code: `
      async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'fetch', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestExplicitParse',
              output: `
      async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return res.text().then((body) => {
          try {
            return JSON.parse(body);
          } catch (error) {
            throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
          }
        });
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // `requireContentType`: neither status nor content type
      code: `
      async function load(url) {
        const res = await fetch(url);
        if (res.headers.get('content-length') === '0') return null;
        return res.json();
      }
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'fetch', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestExplicitParse',
              output: `
      async function load(url) {
        const res = await fetch(url);
        if (res.headers.get('content-length') === '0') return null;
        return res.text().then((body) => {
          try {
            return JSON.parse(body);
          } catch (error) {
            throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
          }
        });
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // `axiosSilentJSONParsing`: instances and default-axios calls that keep silent parsing
      code: `
      import axios from 'axios';
      const api = axios.create({ baseURL: '/api' });
      const half = axios.create({ transitional: { silentJSONParsing: false } });
      const other = axios.create({ responseType: 'json', transitional: { silentJSONParsing: true } });
      export const load = (url) => axios.get(url, { timeout: 5000 });
    `,
      options: [{ axiosSilentJSONParsing: true }],
      errors: [
        {
          messageId: 'silentJsonParsing',
          data: { client: 'axios.create()' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 52,
        },
        {
          messageId: 'silentJsonParsing',
          data: { client: 'axios.create()' },
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 80,
        },
        {
          messageId: 'silentJsonParsing',
          data: { client: 'axios.create()' },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 102,
        },
        {
          messageId: 'silentJsonParsing',
          data: { client: 'axios.get' },
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 69,
        },
      ],
    },
    {
      // a multi-line axios config is shown by its callee
      code: `
      import axios from 'axios';
      export const api = axios.create({
        baseURL: '/api',
        timeout: 5000,
      });
    `,
      options: [{ axiosSilentJSONParsing: true }],
      errors: [
        {
          messageId: 'silentJsonParsing',
          data: { client: 'axios.create()' },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 38,
        },
      ],
    },
  ],
});

describe('no-implicit-json options', () => {
  it('rejects unknown and mistyped options', () => {
    const linter = new Linter({ configType: 'flat' });
    const verify = (options: unknown) => () =>
      linter.verify('fetch(url);', [
        {
          plugins: { 'http-client': { rules: { 'no-implicit-json': rule } } } as never,
          rules: { 'http-client/no-implicit-json': ['error', options] as never },
        },
      ]);
    expect(verify({ bogus: 1 })).toThrow(/no-implicit-json/u);
    expect(verify({ requireContentType: 'yes' })).toThrow(/should be boolean/u);
  });
});
