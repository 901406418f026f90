import rule from '../../src/rules/require-request-timeout';
import { createTypedRuleTester } from '../rule-tester';

// With type information: `Request` objects are recognised by type, and in-house wrappers that
// resolve with a `Response` are left alone, because nobody declared what they do about deadlines.
createTypedRuleTester().run('require-request-timeout (typed)', rule, {
  valid: [
    `
      export async function forward(request: Request) {
        return fetch(request);
      }
    `,
    `
      declare const input: Request | URL;
      export const res = await fetch(input);
    `,
    `
      import https from 'node:https';
      declare const options: { host: string; path: string };
      https.get(options, (res) => res.resume());
    `,
    `
      declare class Api {
        fetchUsers(): Promise<Response>;
      }
      declare const api: Api;
      export const users = await (await api.fetchUsers()).json();
    `,
    // A wrapper named in `fetchFunctions` whose definition sets a deadline: the same answer as without types.
    {
      code: `
        async function getJson(url: string): Promise<Response> {
          return fetch(url, { signal: AbortSignal.timeout(5000) });
        }
        export const user = await getJson('/api/user');
      `,
      settings: { 'http-client': { fetchFunctions: ['getJson'] } },
    },
  ],
  invalid: [
    // A parameter typed as a URL is no options object.
    {
      code: `
        import https from 'node:https';
        export function download(target: string | URL) {
          https.get(target, (res) => res.resume());
        }
      `,
      errors: [
        {
          messageId: 'missingDeadline',
          data: {
            library: 'node:https',
            remedy: 'pass a \`signal\` or call \`req.setTimeout(ms)\`',
          },
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
        import https from 'node:https';
        export function download(target: string | URL) {
          https.get(target, { signal: AbortSignal.timeout(10000) }, (res) => res.resume());
        }
      `,
            },
          ],
        },
      ],
    },
    // A string or URL is not a Request, whatever its name.
    {
      code: `
        export async function load(request: string) {
          return fetch(request);
        }
      `,
      errors: [
        {
          messageId: 'missingSignal',
          data: { fallback: ' (runtime default 300 s)' },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
        export async function load(request: string) {
          return fetch(request, { signal: AbortSignal.timeout(10000) });
        }
      `,
            },
          ],
        },
      ],
    },
    // A wrapper named in `fetchFunctions` whose definition sets none is checked like `fetch`, with or without types.
    {
      code: `
        async function getJson(url: string, init?: RequestInit): Promise<Response> {
          return fetch(url, init);
        }
        export const user = await getJson('/api/user', { cache: 'no-store' });
      `,
      settings: { 'http-client': { fetchFunctions: ['getJson'] } },
      errors: [
        {
          messageId: 'missingSignal',
          data: { fallback: '' },
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'suggestSignal',
              data: { ms: '10000' },
              output: `
        async function getJson(url: string, init?: RequestInit): Promise<Response> {
          return fetch(url, init);
        }
        export const user = await getJson('/api/user', { cache: 'no-store', signal: AbortSignal.timeout(10000) });
      `,
            },
          ],
        },
      ],
    },
  ],
});
