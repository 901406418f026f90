import rule from '../../src/rules/no-implicit-json';
import { createTypedRuleTester } from '../rule-tester';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-implicit-json', rule, {
  valid: [
    // a typed wrapper whose status is checked first
    `
      declare function getUser(id: string): Promise<Response>;
      export async function load(id: string): Promise<unknown> {
        const res = await getUser(id);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
    `,
    // a helper that takes a `Response` from its caller is the caller's business
    `
      export function parse(res: Response): Promise<unknown> {
        return res.json();
      }
    `,
    // a method that checks the status, called before the parse
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
    // `new Response()` is not a request
    `
      export async function local(): Promise<unknown> {
        const res = new Response('{}');
        return res.json();
      }
    `,
    // one report: a parse no status check guards is require-status-check's (a typed wrapper)
    `
      declare function getUser(id: string): Promise<Response>;
      export async function load(id: string): Promise<unknown> {
        const res = await getUser(id);
        return res.json();
      }
    `,
    // one report: a parse no status check guards is require-status-check's (a method that only logs the response does not look at it)
    `
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
  ],
  invalid: [
    {
      // `requireContentType`, blind: a typed wrapper
      code: `
      declare function getUser(id: string): Promise<Response>;
      export async function load(id: string): Promise<unknown> {
        const res = await getUser(id);
        return res.json();
      }
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'getUser', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestExplicitParse',
              output: `
      declare function getUser(id: string): Promise<Response>;
      export async function load(id: string): Promise<unknown> {
        const res = await getUser(id);
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
      // `requireContentType`, blind: a method that only logs the response does not look at it
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
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'fetch', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestExplicitParse',
              output: `
      export class Api {
        private log(res: Response): void {
          console.info(res.url);
        }
        async load(url: string): Promise<unknown> {
          const res = await fetch(url);
          this.log(res);
          return res.text().then((body) => {
            try {
              return JSON.parse(body);
            } catch (error) {
              throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
            }
          });
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
