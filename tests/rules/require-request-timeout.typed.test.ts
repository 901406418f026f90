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
      declare class Api {
        fetchUsers(): Promise<Response>;
      }
      declare const api: Api;
      export const users = await (await api.fetchUsers()).json();
    `,
  ],
  invalid: [
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
  ],
});
