import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-floating-request';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-floating-request', rule, {
  valid: [
    // Awaited, returned, stored, or voided on purpose.
    `
      async function a(url) {
        await fetch(url);
        const pending = fetch(url);
        return fetch(url);
      }
      function b(url) {
        void fetch(url);
        return fetch(url).then((res) => res.text());
      }
      const c = (url) => fetch(url);
    `,
    // A rejection handler on the chain.
    `
      import axios from 'axios';
      function a(url) {
        fetch(url).catch(reportError);
        fetch(url).then((res) => res.text()).catch(() => null);
        axios.get(url).then(render, showError);
        fetch(url).then(render).finally(done).catch(reportError);
      }
    `,
    // Handed to code that can handle it.
    `
      import ky from 'ky';
      async function a(urls) {
        Promise.all([fetch(urls[0]), fetch(urls[1])]).catch(reportError);
        track(fetch(urls[0]));
        queue.push(ky.get(urls[1]).json());
        const pages = urls.map((url) => fetch(url));
        await Promise.all(pages);
        urls.forEach(async (url) => {
          await fetch(url);
        });
        urls.forEach((url) => {
          store.save(url);
        });
        useEffect(() => fetch(urls[0]).then(render));
        return ky.get(urls[0]).json().catch(() => null);
      }
    `,
    // Calls that do not return a promise: node's http, got's streams and pagination, undici
    // with a completion callback.
    `
      import https from 'node:https';
      import got from 'got';
      import { Client } from 'undici';
      const client = new Client('https://api.example.com');
      function a(url, file) {
        https.get(url, (res) => res.pipe(file));
        https.request(url, { method: 'POST' }).end();
        got.stream(url).pipe(file);
        got.stream.get(url);
        got.stream(url);
        got.paginate(url);
        client.request({ path: '/', method: 'GET' }, (err, data) => {});
        client.stream({ path: '/', method: 'GET' }, () => file, (err) => {});
      }
    `,
    // Uses of the promise that are not a dropped statement.
    `
      function a(url, fallback, key, method) {
        fetch(url).then;
        fetch(url)[method]();
        fetch(url) || fallback;
        fetch(url) ? 1 : 2;
        return (fetch(url).text)();
      }
      items.forEach((item) => fetch(item.url).catch(reportError));
      items.filter((item) => fetch(item.url));
      const pages = items.map((item) => fetch(item.url));
      run((item) => fetch(item.url));
    `,
    // A shadowed fetch or axios, and an unrelated \`.get()\`.
    `
      function fetch(url) {
        return cache.get(url);
      }
      fetch('/a');
      function b(axios, map) {
        axios.get('/b');
        map.get('key');
      }
    `,
  ],
  invalid: [
    {
      code: `
async function saveDraft(draft) {
  fetch('/api/drafts', { method: 'POST', body: JSON.stringify(draft), signal: AbortSignal.timeout(5000) });
  return draft.id;
}
`,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 107,
          suggestions: [
            { messageId: 'suggestAwait', output: `
async function saveDraft(draft) {
  await fetch('/api/drafts', { method: 'POST', body: JSON.stringify(draft), signal: AbortSignal.timeout(5000) });
  return draft.id;
}
` },
          ],
        },
      ],
    },
    {
      // Outside an async function there is no `await` to suggest.
      code: `
import axios from 'axios';
const api = axios.create({ baseURL: '/api', timeout: 5000 });
button.addEventListener('click', () => {
  api.post('/likes', { id }).then(() => render());
});
`,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'axios' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // ky's body methods, `.finally()`, and `.then()`/`.catch()` without a rejection handler pass the rejection on.
      code: `
import ky from 'ky';
async function sync(items, done) {
  ky.post('/sync', { json: items }).json();
  fetch('/a').finally(done);
  fetch('/b').then();
  fetch('/c').catch();
}
`,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'ky' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 36,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import ky from 'ky';
async function sync(items, done) {
  await ky.post('/sync', { json: items }).json();
  fetch('/a').finally(done);
  fetch('/b').then();
  fetch('/c').catch();
}
` },
          ],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import ky from 'ky';
async function sync(items, done) {
  ky.post('/sync', { json: items }).json();
  await fetch('/a').finally(done);
  fetch('/b').then();
  fetch('/c').catch();
}
` },
          ],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 14,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import ky from 'ky';
async function sync(items, done) {
  ky.post('/sync', { json: items }).json();
  fetch('/a').finally(done);
  await fetch('/b').then();
  fetch('/c').catch();
}
` },
          ],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 14,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import ky from 'ky';
async function sync(items, done) {
  ky.post('/sync', { json: items }).json();
  fetch('/a').finally(done);
  fetch('/b').then();
  await fetch('/c').catch();
}
` },
          ],
        },
      ],
    },
    {
      // Dropped through `&&`, `? :` and `,`.
      code: `
import axios from 'axios';
async function save(item, isNew, track) {
  item.dirty && axios.put(\`/items/\${item.id}\`, item);
  isNew ? axios.post('/items', item) : axios.put(\`/items/\${item.id}\`, item);
  track(), axios.delete('/drafts');
  axios.delete('/cache'), track();
}
`,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'axios' },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 53,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import axios from 'axios';
async function save(item, isNew, track) {
  item.dirty && await axios.put(\`/items/\${item.id}\`, item);
  isNew ? axios.post('/items', item) : axios.put(\`/items/\${item.id}\`, item);
  track(), axios.delete('/drafts');
  axios.delete('/cache'), track();
}
` },
          ],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'axios' },
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 37,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import axios from 'axios';
async function save(item, isNew, track) {
  item.dirty && axios.put(\`/items/\${item.id}\`, item);
  isNew ? await axios.post('/items', item) : axios.put(\`/items/\${item.id}\`, item);
  track(), axios.delete('/drafts');
  axios.delete('/cache'), track();
}
` },
          ],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'axios' },
          line: 5,
          column: 40,
          endLine: 5,
          endColumn: 76,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import axios from 'axios';
async function save(item, isNew, track) {
  item.dirty && axios.put(\`/items/\${item.id}\`, item);
  isNew ? axios.post('/items', item) : await axios.put(\`/items/\${item.id}\`, item);
  track(), axios.delete('/drafts');
  axios.delete('/cache'), track();
}
` },
          ],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'axios' },
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import axios from 'axios';
async function save(item, isNew, track) {
  item.dirty && axios.put(\`/items/\${item.id}\`, item);
  isNew ? axios.post('/items', item) : axios.put(\`/items/\${item.id}\`, item);
  track(), await axios.delete('/drafts');
  axios.delete('/cache'), track();
}
` },
          ],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'axios' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 25,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import axios from 'axios';
async function save(item, isNew, track) {
  item.dirty && axios.put(\`/items/\${item.id}\`, item);
  isNew ? axios.post('/items', item) : axios.put(\`/items/\${item.id}\`, item);
  track(), axios.delete('/drafts');
  await axios.delete('/cache'), track();
}
` },
          ],
        },
      ],
    },
    {
      // `forEach` and a discarded `map` throw the returned promises away.
      code: `
import axios from 'axios';
export async function warmUp(urls) {
  urls.forEach((url) => fetch(url, { signal: AbortSignal.timeout(5000) }));
  urls.map((url) => axios.head(url, { timeout: 5000 }));
}
`,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 74,
          suggestions: [],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'axios' },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 55,
          suggestions: [],
        },
      ],
    },
    {
      // got, undici, and an undici stream without a completion callback.
      code: `
import got from 'got';
import { request, Client } from 'undici';
const client = new Client('https://api.example.com');
async function run(factory) {
  got.post('https://api.example.com/events', { json: {}, timeout: { request: 5000 } });
  request('https://api.example.com/ping');
  client.stream({ path: '/export', method: 'GET' }, factory);
}
`,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'got' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 87,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import got from 'got';
import { request, Client } from 'undici';
const client = new Client('https://api.example.com');
async function run(factory) {
  await got.post('https://api.example.com/events', { json: {}, timeout: { request: 5000 } });
  request('https://api.example.com/ping');
  client.stream({ path: '/export', method: 'GET' }, factory);
}
` },
          ],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'undici' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 42,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import got from 'got';
import { request, Client } from 'undici';
const client = new Client('https://api.example.com');
async function run(factory) {
  got.post('https://api.example.com/events', { json: {}, timeout: { request: 5000 } });
  await request('https://api.example.com/ping');
  client.stream({ path: '/export', method: 'GET' }, factory);
}
` },
          ],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'undici' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 61,
          suggestions: [
            { messageId: 'suggestAwait', output: `
import got from 'got';
import { request, Client } from 'undici';
const client = new Client('https://api.example.com');
async function run(factory) {
  got.post('https://api.example.com/events', { json: {}, timeout: { request: 5000 } });
  request('https://api.example.com/ping');
  await client.stream({ path: '/export', method: 'GET' }, factory);
}
` },
          ],
        },
      ],
    },
    {
      // A cast, in a `try` block that cannot catch the rejection until it is awaited.
      code: `
class Store {
  async refresh(): Promise<void> {
    try {
      fetch('/api/state') as Promise<Response>;
    } catch {
      this.failed = true;
    }
  }
}
`,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            { messageId: 'suggestAwait', output: `
class Store {
  async refresh(): Promise<void> {
    try {
      await fetch('/api/state') as Promise<Response>;
    } catch {
      this.failed = true;
    }
  }
}
` },
          ],
        },
      ],
    },
    {
      // At the top of a module.
      code: `
const nodeFetch = require('node-fetch');
globalThis.fetch('/ping');
nodeFetch('/ping');
`,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 26,
          suggestions: [],
        },
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 19,
          suggestions: [],
        },
      ],
    },
  ],
});

describe('no-floating-request options', () => {
  it('rejects options', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('x', [
        {
          plugins: { 'http-client': { rules: { 'no-floating-request': rule } } } as never,
          rules: { 'http-client/no-floating-request': ['error', { bogus: 1 }] },
        },
      ]),
    ).toThrow(/no-floating-request/u);
  });
});
