import rule from '../../src/rules/require-status-check';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

// Project wrappers of fetch, inferred from their name and the use of their result as a `Response`.
ruleTester.run('require-status-check (inferred wrappers)', rule, {
  valid: [
    // a wrapper whose visible definition checks the status
    `
      async function fetchResource(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res;
      }
      export async function loadPlan(id) {
        const res = await fetchResource(\`/plans/\${id}\`);
        return res.json();
      }
      class Api {
        async fetchItem(url) {
          const res = await fetch(url);
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
          return res;
        }
        async item(id) {
          const res = await this.fetchItem(\`/items/\${id}\`);
          return res.json();
        }
      }
    `,
    // names that say the work is done: the body parsed, the status checked, a deadline set
    `
      import { fetchJson, fetchJSON, fetchText, fetchOk, fetchOrThrow, safeFetch, fetchWithTimeout } from './http';
      export async function all(url) {
        const a = await fetchJson(url);
        const b = await fetchJSON(url);
        const c = await fetchText(url);
        const d = await fetchOk(url);
        const e = await fetchOrThrow(url);
        const f = await safeFetch(url);
        const g = await fetchWithTimeout(url, 5000);
        return [await a.json(), await b.json(), await c.text(), await d.json(), await e.json(), await f.json(), await g.json()];
      }
    `,
    // a name that says fetch whose result is data
    `
      import { fetchUsers, fetchPost } from './api';
      export async function render() {
        const users = await fetchUsers();
        const post = await fetchPost(1);
        return { names: users.map((user) => user.name), body: post.body, state: post.status };
      }
    `,
    // a fetch-named function whose result is never used as a response
    `
      import { fetchAll } from './sync';
      export async function refresh(queryClient) {
        await fetchAll();
        await queryClient.prefetchQuery({ queryKey: ['todos'], queryFn: loadTodos });
        const { data } = await refetch();
        return data;
      }
    `,
    // an injected fetch whose result is only returned
    `
      export class Gateway {
        constructor(fetchService) {
          this.fetchService = fetchService;
        }
        get(url) {
          return this.fetchService.fetch(url);
        }
        async head(url) {
          const res = await this.fetchService.fetch(url, { method: 'HEAD' });
          return res;
        }
      }
    `,
    // a function of this file that returns something other than a request
    `
      import { readFile } from 'node:fs/promises';
      async function fetchTemplate(name) {
        return readFile(\`templates/\${name}.html\`);
      }
      async function fetchProfile(id) {
        const res = await fetch(\`/profiles/\${id}\`);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
      export async function page(id) {
        const template = await fetchTemplate('page');
        const profile = await fetchProfile(id);
        return [template.text(), profile.json()];
      }
    `,
    // a wrapper whose response is checked where it is used
    `
      import { fetchWithCerts } from './tls';
      export async function loadAccount(url) {
        const res = await fetchWithCerts(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.json();
      }
    `,
  ],
  invalid: [
    {
      // an imported wrapper whose result is parsed
      code: `
      import { fetchWithCerts } from './tls';
      export async function loadAccount(url) {
        const res = await fetchWithCerts(url, { method: 'GET' });
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetchWithCerts', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { fetchWithCerts } from './tls';
      export async function loadAccount(url) {
        const res = await fetchWithCerts(url, { method: 'GET' });
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
      // a client injected into the class
      code: `
      export class UserService {
        constructor(http) {
          this.http = http;
        }
        async user(id) {
          const response = await this.http.fetch(\`/users/\${id}\`);
          return response.json();
        }
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'this.http.fetch', settles: 'resolves', reason: '', check: 'response.ok', use: 'response.json()', action: 'parses' },
          line: 7,
          column: 34,
          endLine: 7,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'response.ok' },
              output: `
      export class UserService {
        constructor(http) {
          this.http = http;
        }
        async user(id) {
          const response = await this.http.fetch(\`/users/\${id}\`);
          if (!response.ok) throw new Error(\`HTTP \${response.status} for \${response.url}\`);
          return response.json();
        }
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // an inherited method, and a wrapper read through a namespace import
      code: `
      import * as http from './http';
      class Reports extends BaseClient {
        async latest() {
          const res = await this.fetchResource('/reports/latest');
          return res.text();
        }
      }
      async function avatar(id) {
        const res = await http.fetchBinary(\`/avatars/\${id}\`);
        return res.blob();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'this.fetchResource', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.text()', action: 'reads' },
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import * as http from './http';
      class Reports extends BaseClient {
        async latest() {
          const res = await this.fetchResource('/reports/latest');
          if (!res.ok) throw new Error(\`HTTP \${res.status} for /reports/latest\`);
          return res.text();
        }
      }
      async function avatar(id) {
        const res = await http.fetchBinary(\`/avatars/\${id}\`);
        return res.blob();
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'http.fetchBinary', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.blob()', action: 'reads' },
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import * as http from './http';
      class Reports extends BaseClient {
        async latest() {
          const res = await this.fetchResource('/reports/latest');
          return res.text();
        }
      }
      async function avatar(id) {
        const res = await http.fetchBinary(\`/avatars/\${id}\`);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${res.url}\`);
        return res.blob();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a function of this file that returns a request unchecked
      code: `
      const fetchWithAuth = (url) => fetch(url, { headers: { authorization: token() } });
      async function loadTeams() {
        const res = await fetchWithAuth('/api/teams');
        const teams = await res.json();
        return teams;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetchWithAuth', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      const fetchWithAuth = (url) => fetch(url, { headers: { authorization: token() } });
      async function loadTeams() {
        const res = await fetchWithAuth('/api/teams');
        if (!res.ok) throw new Error(\`HTTP \${res.status} for /api/teams\`);
        const teams = await res.json();
        return teams;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // the `.then` parameter, and a parameter that names fetch
      code: `
      import { apiFetch } from '@/lib/api';
      export const readme = () => apiFetch('/readme').then((res) => res.text());
      export async function load(doFetch, url) {
        const res = await doFetch(url);
        return res.arrayBuffer();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'apiFetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.text()', action: 'reads' },
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { apiFetch } from '@/lib/api';
      export const readme = () => apiFetch('/readme').then((res) => { if (!res.ok) throw new Error(\`HTTP \${res.status} for /readme\`); return res.text(); });
      export async function load(doFetch, url) {
        const res = await doFetch(url);
        return res.arrayBuffer();
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'doFetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.arrayBuffer()', action: 'reads' },
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { apiFetch } from '@/lib/api';
      export const readme = () => apiFetch('/readme').then((res) => res.text());
      export async function load(doFetch, url) {
        const res = await doFetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.arrayBuffer();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a retrying wrapper still returns the response unchecked
      code: `
      import { fetchWithRetry } from './retry';
      export async function loadPlan(id) {
        const res = await fetchWithRetry(\`/plans/\${id}\`);
        if (res.headers.get('x-cache') === 'hit') metrics.hit();
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetchWithRetry', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { fetchWithRetry } from './retry';
      export async function loadPlan(id) {
        const res = await fetchWithRetry(\`/plans/\${id}\`);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${res.url}\`);
        if (res.headers.get('x-cache') === 'hit') metrics.hit();
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

ruleTester.run('require-status-check (inference off)', rule, {
  valid: [
    // inference turned off
    {
      code: `
      import { fetchWithCerts } from './tls';
      export async function loadAccount(url) {
        const res = await fetchWithCerts(url, { method: 'GET' });
        return res.json();
      }
    `,
      settings: { 'http-client': { inferWrappers: false } },
    },
  ],
  invalid: [],
});

ruleTester.run('require-status-check (inference tuned)', rule, {
  valid: [
    // a name the settings ignore, and a name outside the custom pattern
    {
      code: `
      import { fetchCached, requestUpstream } from './upstream';
      import { fetchWithCerts } from './tls';
      export async function relay(url) {
        const a = await fetchCached(url);
        const b = await fetchWithCerts(url);
        return [await a.text(), await b.text()];
      }
    `,
      settings: { 'http-client': { inferWrappers: { namePattern: '^request', ignore: ['fetchCached'] } } },
    },
  ],
  invalid: [
    {
      // a custom name pattern
      code: `
      import { requestUpstream } from './upstream';
      export async function relay(url) {
        const res = await requestUpstream(url);
        return res.text();
      }
    `,
      settings: { 'http-client': { inferWrappers: { namePattern: '^request', ignore: ['fetchCached'] } } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'requestUpstream', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.text()', action: 'reads' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { requestUpstream } from './upstream';
      export async function relay(url) {
        const res = await requestUpstream(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.text();
      }
    `,
            },
          ],
        },
      ],
    },
  ],
});
