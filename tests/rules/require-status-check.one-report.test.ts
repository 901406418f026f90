import rule from '../../src/rules/require-status-check';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

// One problem, one report: a parse of a response whose status nobody checks is this rule's report,
// and its message names the parse; `no-implicit-json` stays silent on it.
ruleTester.run('require-status-check (one report)', rule, {
  valid: [],
  invalid: [
    {
      // one problem, one report: the status report names the parse
      code: `
      export async function load(url) {
        const data = await (await fetch(url)).json();
        return data.items;
      }
    `,
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'ok', use: '(await fetch(url)).json()', action: 'parses' },
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 45,
          suggestions: [],
        },
      ],
    },
    {
      // a blind parse in a `.then` chain
      code: `
      export const users = () => fetch('/api/users').then((res) => res.json());
    `,
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      export const users = () => fetch('/api/users').then((res) => { if (!res.ok) throw new Error(\`HTTP \${res.status} for /api/users\`); return res.json(); });
    `,
            },
          ],
        },
      ],
    },
    {
      // a clone parsed after a log
      code: `
      async function load(url) {
        const res = await globalThis.fetch(url);
        console.log(res);
        return res.clone().json();
      }
    `,
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'globalThis.fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.clone().json()', action: 'parses' },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      async function load(url) {
        const res = await globalThis.fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        console.log(res);
        return res.clone().json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a response named `body` from a settings wrapper
      code: `
      import { fetchWithRetry } from './http';
      async function load(url) {
        const body = await fetchWithRetry(url);
        return body.json();
      }
    `,
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetchWithRetry', settles: 'resolves', reason: '', check: 'body.ok', use: 'body.json()', action: 'parses' },
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'body.ok' },
              output: `
      import { fetchWithRetry } from './http';
      async function load(url) {
        const body = await fetchWithRetry(url);
        if (!body.ok) throw new Error(\`HTTP \${body.status} for \${url}\`);
        return body.json();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a response passed into a function that parses it is shown as a call, not a method
      code: `
      async function parseStream(stream, limits) {
        return stream.json();
      }
      export async function load(url) {
        const stream = await fetch(url, { headers: { accept: 'application/json', 'x-request-source': 'dashboard-widget' } });
        return parseStream(stream, { strict: true, maxBytes: 1048576 });
      }
    `,
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'stream.ok', use: 'parseStream(…)', action: 'reads' },
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 125,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'stream.ok' },
              output: `
      async function parseStream(stream, limits) {
        return stream.json();
      }
      export async function load(url) {
        const stream = await fetch(url, { headers: { accept: 'application/json', 'x-request-source': 'dashboard-widget' } });
        if (!stream.ok) throw new Error(\`HTTP \${stream.status} for \${url}\`);
        return parseStream(stream, { strict: true, maxBytes: 1048576 });
      }
    `,
            },
          ],
        },
      ],
    },
  ],
});
