import rule from '../../src/rules/no-floating-request';
import { createTypedRuleTester } from '../rule-tester';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-floating-request (typed)', rule, {
  valid: [
    // A wrapper typed to resolve with a `Response`, awaited or handled.
    `
      declare function getUser(id: string): Promise<Response>;
      export async function load(id: string): Promise<number> {
        const res = await getUser(id);
        getUser(id).then((other) => other.status).catch(() => 0);
        return res.status;
      }
    `,
    // A promise of something else is not a request.
    `
      declare function getCount(): Promise<number>;
      export function load(): void {
        getCount().then((count) => count + 1);
      }
    `,
  ],
  invalid: [
    {
      // The typed wrapper's chain is dropped.
      code: `
declare class Http {
  fetch(url: string): Promise<Response>;
}
export function refresh(http: Http): void {
  http.fetch('/api/state').then((res) => res.status);
}
      `,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      code: `
declare function getUser(id: string): Promise<Response>;
export async function touch(id: string): Promise<void> {
  getUser(id).then((res) => res.ok);
}
      `,
      errors: [
        {
          messageId: 'floatingRequest',
          data: { client: 'fetch' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `
declare function getUser(id: string): Promise<Response>;
export async function touch(id: string): Promise<void> {
  await getUser(id).then((res) => res.ok);
}
      `,
            },
          ],
        },
      ],
    },
  ],
});
