import rule from '../../src/rules/require-status-check';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

// A read of the status is a check only where it decides what runs: it guards the use of the body.
ruleTester.run('require-status-check (guards)', rule, {
  valid: [
    // a guard clause that throws, returns or continues
    `
      async function loadUser(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.json();
      }
      async function loadOptional(url) {
        const res = await fetch(url);
        if (res.status === 404 || !res.ok) return null;
        return res.json();
      }
      async function loadAll(urls) {
        const out = [];
        for (const url of urls) {
          const res = await fetch(url);
          if (!res.ok) continue;
          out.push(await res.json());
        }
        return out;
      }
    `,
    // `||` in a guard clause covers; `&&` around the read covers
    `
      async function load(url, verbose) {
        const res = await fetch(url);
        if (verbose || !res.ok) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
      async function loadJson(url) {
        const res = await fetch(url);
        if (res.ok && res.headers.get('content-type')?.includes('json')) return res.json();
        return null;
      }
    `,
    // a check after the body was read
    `
      async function createOrder(url, order) {
        const res = await fetch(url, { method: 'POST', body: JSON.stringify(order) });
        const body = await res.json();
        if (!res.ok) throw new Error(body.message);
        return body;
      }
    `,
    // the status in a variable, destructured, or as a comparison kept for later
    `
      async function a(url) {
        const res = await fetch(url);
        const { ok, status } = res;
        if (!ok) throw new Error(\`HTTP \${status}\`);
        return res.json();
      }
      async function b(url) {
        const res = await fetch(url);
        const failed = res.status >= 400;
        if (failed) return null;
        return res.text();
      }
      async function c(url) {
        const res = await fetch(url);
        const { status } = res;
        if (status !== 200) throw new Error(\`HTTP \${status}\`);
        return res.blob();
      }
    `,
    // a switch whose cases leave, or that holds the use
    `
      async function get(url) {
        const res = await fetch(url);
        switch (res.status) {
          case 200:
            return res.json();
          case 404:
            return null;
          default:
            throw new Error(\`HTTP \${res.status}\`);
        }
      }
      async function put(url) {
        const res = await fetch(url, { method: 'PUT' });
        switch (res.status) {
          case 409:
            throw new Error('conflict');
          default:
            break;
        }
        return res.json();
      }
    `,
    // tests that assert the status
    `
      import assert from 'node:assert/strict';
      import { expect, it } from 'vitest';
      it('serves users', async () => {
        const a = await fetch('http://localhost:3000/users');
        expect(a.status).toBe(200);
        expect((await a.json()).length).toBeGreaterThan(0);
        const b = await fetch('http://localhost:3000/users/1');
        assert.equal(b.status, 200);
        console.log(await b.json());
        const c = await fetch('http://localhost:3000/health');
        assert(c.ok);
        console.log(await c.text());
        const d = await fetch('http://localhost:3000/me');
        expect(d.ok).toBeTruthy();
        console.log(await d.json());
      });
    `,
    // the status handed on with the data, or forwarded by a proxy
    `
      async function loadWithStatus(url) {
        const res = await fetch(url);
        return { ok: res.ok, status: res.status, data: await res.json() };
      }
      async function proxy(url) {
        const upstream = await fetch(url);
        return new Response(await upstream.text(), { status: upstream.status });
      }
      app.get('/proxy', async (req, reply) => {
        const upstream = await fetch(req.query.url);
        reply.status(upstream.status).send(await upstream.text());
      });
    `,
    // the status handed to a function that checks it
    `
      import { ensureSuccess } from './http';
      function checkStatus(status) {
        if (status >= 400) throw new Error(\`HTTP \${status}\`);
      }
      async function a(url) {
        const res = await fetch(url);
        checkStatus(res.status);
        return res.json();
      }
      async function b(url) {
        const res = await fetch(url);
        ensureSuccess(res.status, url);
        return res.json();
      }
      async function c(url) {
        const res = await fetch(url);
        if (![200, 204].includes(res.status)) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
    `,
    // a response variable reassigned: the response used is the one checked
    `
      async function loadWithRefresh(url) {
        let res = await fetch(url);
        if (res.status === 401) {
          await refreshToken();
          res = await fetch(url);
        }
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
    `,
    // a request promise held in a variable, checked in the handler
    `
      function loadTags(url) {
        const pending = fetch(url);
        return pending.then((reply) => {
          if (!reply.ok) throw new Error(\`HTTP \${reply.status}\`);
          return reply.json();
        });
      }
    `,
    // `reject` settles the promise: what follows it changes nothing
    `
      function download(url) {
        return new Promise((resolve, reject) => {
          fetch(url)
            .then((res) => {
              if (!res.ok) reject(new Error(\`HTTP \${res.status}\`));
              return res.arrayBuffer();
            })
            .then(resolve, reject);
        });
      }
    `,
    // the error path reads the body after `if (res.ok) return`
    `
      async function save(url, data) {
        const res = await fetch(url, { method: 'POST', body: data });
        if (res.ok) return res.json();
        const detail = await res.text();
        throw new Error(\`HTTP \${res.status}: \${detail}\`);
      }
    `,
    // a retry loop that stops on a good response, or whose test reads the status
    `
      async function loadWithRetries(url) {
        let res;
        for (let attempt = 0; attempt < 3; attempt++) {
          res = await fetch(url);
          if (res.ok) break;
          await sleep(2 ** attempt * 100);
        }
        return res.json();
      }
      async function loadPolling(url) {
        let res = await fetch(url);
        while (res.status === 202 && !cancelled) {
          await sleep(1000);
          res = await fetch(url);
        }
        return res.json();
      }
    `,
    // `switch (true)` with cases that test the status
    `
      async function load(url) {
        const res = await fetch(url);
        switch (true) {
          case res.status >= 500:
            throw new Error('server error');
          case res.status === 404:
            return null;
        }
        return res.json();
      }
    `,
    // a test of the status alone that leaves on some error statuses is a deliberate look at failures
    `
      async function loadFeed(url) {
        const res = await fetch(url);
        if (res.status >= 500 && res.status <= 599) throw new Error(\`server error \${res.status}\`);
        return res.json();
      }
      async function loadPage(url) {
        const res = await fetch(url);
        const code = res.status;
        if (code === 429 || (code >= 500 && code !== 501)) return null;
        return res.json();
      }
      async function poll(urls) {
        for (const url of urls) {
          const res = await fetch(url);
          if (Math.floor(res.status / 100) === 5 && !res.ok) continue;
          await store(await res.json());
        }
      }
      async function loadMirror(url) {
        const res = await fetch(url);
        if ([502, 503, 504].includes(res.status) && String(res.status).startsWith(\`5\`)) throw new Error('unavailable');
        return res.json();
      }
    `,
    // an error made of the response and handed to the failure handler (a retry, \`next\`, a callback)
    `
      function deploy(url, body) {
        return withRetries(async (retry) => {
          const res = await fetch(url, { method: 'POST', body });
          if (res.status >= 500 && res.status < 600) {
            retry(new Error(\`deploy failed with HTTP \${res.status}\`));
          }
          return res.json();
        });
      }
      async function proxy(req, reply, next) {
        const upstream = await fetch(req.url);
        if (!upstream.ok) next(new HttpError(upstream.status));
        reply.send(await upstream.text());
      }
    `,
    // a body that is not JSON leaves with its status; the JSON one is rejected through its \`error\` field
    `
      function send(url, payload) {
        return new Promise((resolve, reject) => {
          fetch(url, { method: 'POST', body: JSON.stringify(payload) })
            .then((reply) => {
              const type = reply.headers.get('content-type');
              if (!type || !type.includes('application/json')) {
                throw new ApiError(\`\${reply.status} \${reply.statusText}\`);
              }
              return reply.json();
            })
            .then((answer) => {
              if (answer.error) reject(answer.error);
              resolve(answer);
            })
            .catch(reject);
        });
      }
      async function query(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.startsWith('application/json')) throw new Error(\`HTTP \${res.status} for \${url}\`);
        const result = await res.json();
        if (result.errors) throw new Error(result.errors[0].message);
        return result;
      }
    `,
    // the status copied into locals, then tested: the test of the local guards the use
    `
      async function loadUser(url) {
        const res = await fetch(url);
        const { ok, status } = res;
        if (!ok) throw new Error(\`HTTP \${status} for \${url}\`);
        return res.json();
      }
      async function loadTeam(url) {
        const res = await fetch(url);
        const ok = res.ok;
        assert(ok, 'team request failed');
        return res.json();
      }
      async function loadPlan(url) {
        const res = await fetch(url);
        const code = res.status;
        const failed = code >= 400;
        if (failed) return null;
        return res.json();
      }
    `,
    // copied into outer variables inside a \`try\`, asserted after it through a compiled import call
    `
      const checks = require('./checks');
      async function callHook(url, payload) {
        let ok;
        let status;
        let text;
        try {
          const res = await fetch(url, { method: 'POST', body: JSON.stringify(payload) });
          ok = res.ok;
          status = res.status;
          text = await res.text();
        } finally {
          clearTimeout(timer);
        }
        (0, checks.assert)(ok, \`hook answered HTTP \${status}: \${text}\`);
        return JSON.parse(text);
      }
    `,
  ],
  invalid: [
    {
      // a content-type test that leaves without the status, one with the status but no look at an
      // \`error\` field, and one whose branch only logs: none of them decides on failures
      code: `
      async function first(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error('not json');
        const body = await res.json();
        if (body.error) throw new Error(body.error);
        return body;
      }
      async function second(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
      async function third(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) console.warn(\`HTTP \${res.status}\`);
        const body = await res.json();
        if (body.error) throw new Error(body.error);
        return body;
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
      async function first(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error('not json');
        const body = await res.json();
        if (body.error) throw new Error(body.error);
        return body;
      }
      async function second(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
      async function third(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) console.warn(\`HTTP \${res.status}\`);
        const body = await res.json();
        if (body.error) throw new Error(body.error);
        return body;
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function first(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error('not json');
        const body = await res.json();
        if (body.error) throw new Error(body.error);
        return body;
      }
      async function second(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
      async function third(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) console.warn(\`HTTP \${res.status}\`);
        const body = await res.json();
        if (body.error) throw new Error(body.error);
        return body;
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 15,
          column: 27,
          endLine: 15,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function first(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error('not json');
        const body = await res.json();
        if (body.error) throw new Error(body.error);
        return body;
      }
      async function second(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
      async function third(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        if (!res.headers.get('content-type')?.includes('json')) console.warn(\`HTTP \${res.status}\`);
        const body = await res.json();
        if (body.error) throw new Error(body.error);
        return body;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a test that also asks something besides the status, or an error that is only kept or logged
      code: `
      async function loadAll(urls) {
        for (let attempt = 0; attempt < 5; attempt++) {
          const res = await fetch(urls[attempt]);
          if (res.status === 429 && attempt < 4) continue;
          return res.json();
        }
      }
      async function collect(url, errors) {
        const res = await fetch(url);
        if (!res.ok) errors.push(new Error(\`HTTP \${res.status}\`));
        if (!res.ok) console.error(new Error(\`HTTP \${res.status}\`));
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function loadAll(urls) {
        for (let attempt = 0; attempt < 5; attempt++) {
          const res = await fetch(urls[attempt]);
          if (!res.ok) throw new Error(\`HTTP \${res.status} for \${res.url}\`);
          if (res.status === 429 && attempt < 4) continue;
          return res.json();
        }
      }
      async function collect(url, errors) {
        const res = await fetch(url);
        if (!res.ok) errors.push(new Error(\`HTTP \${res.status}\`));
        if (!res.ok) console.error(new Error(\`HTTP \${res.status}\`));
        return res.json();
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function loadAll(urls) {
        for (let attempt = 0; attempt < 5; attempt++) {
          const res = await fetch(urls[attempt]);
          if (res.status === 429 && attempt < 4) continue;
          return res.json();
        }
      }
      async function collect(url, errors) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        if (!res.ok) errors.push(new Error(\`HTTP \${res.status}\`));
        if (!res.ok) console.error(new Error(\`HTTP \${res.status}\`));
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a copied status only asked to be truthy, which every status is; a copied \`ok\` only logged
      code: `
      const checks = require('./checks');
      async function callHook(url) {
        const res = await fetch(url);
        const status = res.status;
        (0, checks.assert)(status, 'no status');
        return res.text();
      }
      async function loadTeam(url) {
        const res = await fetch(url);
        const { ok } = res;
        log('team request', ok);
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.text()', action: 'reads' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      const checks = require('./checks');
      async function callHook(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        const status = res.status;
        (0, checks.assert)(status, 'no status');
        return res.text();
      }
      async function loadTeam(url) {
        const res = await fetch(url);
        const { ok } = res;
        log('team request', ok);
        return res.json();
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      const checks = require('./checks');
      async function callHook(url) {
        const res = await fetch(url);
        const status = res.status;
        (0, checks.assert)(status, 'no status');
        return res.text();
      }
      async function loadTeam(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        const { ok } = res;
        log('team request', ok);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // logged and carried on
      code: `
      async function loadProfile(id) {
        const response = await fetch(\`/api/profiles/\${id}\`);
        if (!response.ok) console.warn('profile request failed', response.status);
        return response.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'response.ok', use: 'response.json()', action: 'parses' },
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'response.ok' },
              output: `
      async function loadProfile(id) {
        const response = await fetch(\`/api/profiles/\${id}\`);
        if (!response.ok) throw new Error(\`HTTP \${response.status} for \${response.url}\`);
        if (!response.ok) console.warn('profile request failed', response.status);
        return response.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // recorded, not tested
      code: `
      async function loadPrices(url) {
        const res = await fetch(url);
        metrics.record('prices.status', res.status);
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
      async function loadPrices(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        metrics.record('prices.status', res.status);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a status kept in a variable that only gets logged
      code: `
      async function loadFeed(url) {
        const reply = await fetch(url);
        const ok = reply.ok;
        log(ok);
        return reply.text();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'reply.ok', use: 'reply.text()', action: 'reads' },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'reply.ok' },
              output: `
      async function loadFeed(url) {
        const reply = await fetch(url);
        if (!reply.ok) throw new Error(\`HTTP \${reply.status} for \${url}\`);
        const ok = reply.ok;
        log(ok);
        return reply.text();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a switch whose cases do not leave
      code: `
      async function syncOrders(url) {
        const res = await fetch(url);
        switch (res.status) {
          case 401:
            session.expire();
            break;
          case 429:
            backoff.bump();
            break;
        }
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
      async function syncOrders(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        switch (res.status) {
          case 401:
            session.expire();
            break;
          case 429:
            backoff.bump();
            break;
        }
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a test nobody calls
      code: `
      async function readConfig(url) {
        const res = await fetch(url);
        const failed = () => !res.ok;
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
      async function readConfig(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        const failed = () => !res.ok;
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // weak tests: every status is truthy, a number, present (the body is used as data)
      code: `
      import assert from 'node:assert';
      async function weak(url) {
        const a = await fetch(url);
        if (a.status) render(await a.text());
        const b = await fetch(url);
        if (typeof b.status === 'number') return b.blob();
        const c = await fetch(url);
        assert.ok(c.status);
        const d = await fetch(url);
        if (d.status != null) return d.arrayBuffer();
        return c.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'a.ok', use: 'a.text()', action: 'reads' },
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'a.ok' },
              output: `
      import assert from 'node:assert';
      async function weak(url) {
        const a = await fetch(url);
        if (!a.ok) throw new Error(\`HTTP \${a.status} for \${url}\`);
        if (a.status) render(await a.text());
        const b = await fetch(url);
        if (typeof b.status === 'number') return b.blob();
        const c = await fetch(url);
        assert.ok(c.status);
        const d = await fetch(url);
        if (d.status != null) return d.arrayBuffer();
        return c.json();
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'b.ok', use: 'b.blob()', action: 'reads' },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'b.ok' },
              output: `
      import assert from 'node:assert';
      async function weak(url) {
        const a = await fetch(url);
        if (a.status) render(await a.text());
        const b = await fetch(url);
        if (!b.ok) throw new Error(\`HTTP \${b.status} for \${url}\`);
        if (typeof b.status === 'number') return b.blob();
        const c = await fetch(url);
        assert.ok(c.status);
        const d = await fetch(url);
        if (d.status != null) return d.arrayBuffer();
        return c.json();
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'c.ok', use: 'c.json()', action: 'parses' },
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'c.ok' },
              output: `
      import assert from 'node:assert';
      async function weak(url) {
        const a = await fetch(url);
        if (a.status) render(await a.text());
        const b = await fetch(url);
        if (typeof b.status === 'number') return b.blob();
        const c = await fetch(url);
        if (!c.ok) throw new Error(\`HTTP \${c.status} for \${url}\`);
        assert.ok(c.status);
        const d = await fetch(url);
        if (d.status != null) return d.arrayBuffer();
        return c.json();
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'd.ok', use: 'd.arrayBuffer()', action: 'reads' },
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'd.ok' },
              output: `
      import assert from 'node:assert';
      async function weak(url) {
        const a = await fetch(url);
        if (a.status) render(await a.text());
        const b = await fetch(url);
        if (typeof b.status === 'number') return b.blob();
        const c = await fetch(url);
        assert.ok(c.status);
        const d = await fetch(url);
        if (!d.ok) throw new Error(\`HTTP \${d.status} for \${url}\`);
        if (d.status != null) return d.arrayBuffer();
        return c.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a guard that does not cover the use (`&&` in a guard clause, `||` around the read)
      code: `
      async function load(url, verbose, cached) {
        const res = await fetch(url);
        if (verbose && !res.ok) throw new Error(\`HTTP \${res.status}\`);
        const other = await fetch(url);
        if (cached || other.ok) return other.json();
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
      async function load(url, verbose, cached) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        if (verbose && !res.ok) throw new Error(\`HTTP \${res.status}\`);
        const other = await fetch(url);
        if (cached || other.ok) return other.json();
        return res.json();
      }
    `,
            },
          ],
        },
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'other.ok', use: 'other.json()', action: 'parses' },
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'other.ok' },
              output: `
      async function load(url, verbose, cached) {
        const res = await fetch(url);
        if (verbose && !res.ok) throw new Error(\`HTTP \${res.status}\`);
        const other = await fetch(url);
        if (!other.ok) throw new Error(\`HTTP \${other.status} for \${url}\`);
        if (cached || other.ok) return other.json();
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a check in one branch, and a second parse after it
      code: `
      async function loadReport(url, strict) {
        const res = await fetch(url);
        if (strict) {
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
          return res.json();
        }
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
      async function loadReport(url, strict) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        if (strict) {
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
          return res.json();
        }
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a check whose throw is caught on the spot
      code: `
      async function loadMenu(url) {
        const res = await fetch(url);
        try {
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        } catch (error) {
          report(error);
        }
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
      async function loadMenu(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        try {
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        } catch (error) {
          report(error);
        }
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // the request promise held in a variable
      code: `
      function loadTags(url) {
        const pending = fetch(url);
        spinner.start();
        return pending.then((reply) => reply.json());
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'reply.ok', use: 'reply.json()', action: 'parses' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    {
      // a response variable reassigned before use: the second response is judged on its own
      code: `
      async function loadFromMirror(primary, mirror) {
        let res = await fetch(primary);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        res = await fetch(mirror);
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function loadFromMirror(primary, mirror) {
        let res = await fetch(primary);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        res = await fetch(mirror);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${mirror}\`);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // expect() with a matcher every status passes
      code: `
      import { expect, it } from 'vitest';
      it('lists users', async () => {
        const res = await fetch('http://localhost:3000/users');
        expect(res.status).toBeDefined();
        const users = await res.json();
        users.forEach((user) => console.log(user.name));
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
      import { expect, it } from 'vitest';
      it('lists users', async () => {
        const res = await fetch('http://localhost:3000/users');
        if (!res.ok) throw new Error(\`HTTP \${res.status} for http://localhost:3000/users\`);
        expect(res.status).toBeDefined();
        const users = await res.json();
        users.forEach((user) => console.log(user.name));
      });
    `,
            },
          ],
        },
      ],
    },
  ],
});
