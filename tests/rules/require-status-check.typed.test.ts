import rule from '../../src/rules/require-status-check';
import { createTypedRuleTester } from '../rule-tester';

const ruleTester = createTypedRuleTester();

ruleTester.run('require-status-check', rule, {
  valid: [
    // with types, a fetch-named call whose type is known and not a `Response` is not inferred
    `
      interface Page { json(): unknown; ok: boolean }
      declare function fetchPage(url: string): Promise<Page>;
      export async function load(url: string): Promise<unknown> {
        const page = await fetchPage(url);
        return page.json();
      }
    `,
    // a typed wrapper whose response is checked
    `
      declare function fetchWithRetry(url: string): Promise<Response>;
      export async function load(url: string): Promise<unknown> {
        const res = await fetchWithRetry(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        return res.json();
      }
    `,
    // a method whose `Response` parameter's status is read counts as a check
    `
      export class Api {
        private ensureOk(res: Response): void {
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        }
        async load(url: string): Promise<unknown> {
          const res = await fetch(url);
          this.ensureOk(res);
          return res.json();
        }
      }
    `,
    // a checker held in an object, and an arrow function
    `
      const http = {
        check: (res: Response) => {
          if (res.status >= 400) throw new Error(\`HTTP \${res.status}\`);
          return res;
        },
      };
      const assertOk = (res: Response): void => {
        if (!res.ok) throw new Error(res.statusText);
      };
      export async function load(url: string): Promise<unknown> {
        const res = await fetch(url);
        http.check(res);
        assertOk(res);
        return res.json();
      }
    `,
    // a checker declared without a body may check
    `
      declare function assertOk(res: Response): void;
      export async function load(url: string): Promise<unknown> {
        const res = await fetch(url);
        assertOk(res);
        return res.json();
      }
    `,
    // a wrapper returning the response unread, and calls that are not requests
    `
      declare const service: { get(url: string): Promise<string> };
      export function load(url: string): Promise<Response> {
        return fetch(url);
      }
      export async function other(url: string): Promise<number> {
        const text = await service.get(url);
        return text.length;
      }
    `,
    // checkers found through types: a class field, a namespace function
    `
      namespace guards {
        export function ok(res: Response): void {
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        }
      }
      export class Api {
        private readonly check = (res: Response): void => {
          if (res.status >= 400) throw new Error(\`HTTP \${res.status}\`);
        };
        async load(url: string): Promise<unknown> {
          const res = await fetch(url);
          this.check(res);
          guards.ok(res);
          return res.json();
        }
      }
    `,
    // callees the types cannot show are given the benefit of the doubt
    `
      declare const api: { check(res: Response): void };
      declare const loose: any;
      export async function load(url: string): Promise<unknown> {
        const a = await fetch(url);
        api.check(a);
        const b = await fetch(url);
        loose.check(b);
        const c = await fetch(url);
        JSON.stringify(c);
        return [await a.json(), await b.json(), await c.json()];
      }
    `,
  ],
  invalid: [
    {
      // with types, a fetch-named call of type `any` is inferred from the use of its result
      code: `
      declare const api: any;
      export async function load(url: string): Promise<unknown> {
        const res = await api.fetchItem(url);
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'api.fetchItem', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      declare const api: any;
      export async function load(url: string): Promise<unknown> {
        const res = await api.fetchItem(url);
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
      // a typed wrapper is a request
      code: `
      declare function fetchWithRetry(url: string): Promise<Response>;
      export async function load(url: string): Promise<unknown> {
        const res = await fetchWithRetry(url);
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
          endColumn: 46,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      declare function fetchWithRetry(url: string): Promise<Response>;
      export async function load(url: string): Promise<unknown> {
        const res = await fetchWithRetry(url);
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
      // a method wrapper reached through `this`
      code: `
      export class Users {
        constructor(private readonly http: { fetch(url: string): Promise<Response> }) {}
        async find(id: string): Promise<unknown> {
          const res = await this.http.fetch(\`/users/\${id}\`);
          return res.json();
        }
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'this.http.fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      export class Users {
        constructor(private readonly http: { fetch(url: string): Promise<Response> }) {}
        async find(id: string): Promise<unknown> {
          const res = await this.http.fetch(\`/users/\${id}\`);
          if (!res.ok) throw new Error(\`HTTP \${res.status} for \${res.url}\`);
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
      // a method that only logs the response is not a check
      code: `
      export class Api {
        private log(res: Response): void {
          console.info(res.url);
        }
        async load(url: string): Promise<unknown> {
          const res = await fetch(url);
          this.log(res);
          return res.json();
        }
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 7,
          column: 29,
          endLine: 7,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      export class Api {
        private log(res: Response): void {
          console.info(res.url);
        }
        async load(url: string): Promise<unknown> {
          const res = await fetch(url);
          if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
          this.log(res);
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
      // a `.then` on a typed wrapper
      code: `
      declare const api: { get(path: string): Promise<Response> };
      export const users = (): Promise<unknown> => api.get('/users').then((res) => res.json());
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'api.get', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      declare const api: { get(path: string): Promise<Response> };
      export const users = (): Promise<unknown> => api.get('/users').then((res) => { if (!res.ok) throw new Error(\`HTTP \${res.status} for /users\`); return res.json(); });
    `,
            },
          ],
        },
      ],
    },
    {
      // a class field that only reads the body
      code: `
      export class Api {
        private readonly parse = (res: Response): Promise<unknown> => res.json();
        async load(url: string): Promise<unknown> {
          const res = await fetch(url);
          return this.parse(res);
        }
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetch', settles: 'resolves', reason: '', check: 'res.ok', use: 'this.parse(res)', action: 'reads' },
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      export class Api {
        private readonly parse = (res: Response): Promise<unknown> => res.json();
        async load(url: string): Promise<unknown> {
          const res = await fetch(url);
          if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
          return this.parse(res);
        }
      }
    `,
            },
          ],
        },
      ],
    },
  ],
});
