import rule from '../../src/rules/no-implicit-json';
import { createTypedRuleTester } from '../rule-tester';

// Wrappers declared in other files (tests/fixtures/cross-file), read through their summaries.
createTypedRuleTester().run('no-implicit-json (cross-file)', rule, {
  valid: [
    // The wrapper throws on an error status, so a parse before the caller's own check is safe.
    `
      import { getChecked } from './cross-file/http-base.js';
      export async function load(url: string): Promise<unknown> {
        const res = await getChecked(url);
        const body: unknown = await res.json();
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return body;
      }
    `,
    // With \`requireContentType\`: the wrapper checks the status and the \`content-type\`.
    {
      code: `
        import { getJsonResponse } from './cross-file/http-base.js';
        export async function load(url: string): Promise<unknown> {
          const res = await getJsonResponse(url);
          return res.json();
        }
      `,
      options: [{ requireContentType: true }],
    },
  ],
  invalid: [
    {
      // A wrapper that lets every status through: the caller's check comes after the parse.
      code: `
      import { fetchRaw } from './cross-file/http-base.js';
      export async function load(url: string): Promise<unknown> {
        const res = await fetchRaw(url);
        const body: unknown = await res.json();
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return body;
      }
    `,
      errors: [
        {
          messageId: 'implicitJson',
          data: { client: 'fetchRaw', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 5,
          column: 41,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { fetchRaw } from './cross-file/http-base.js';
      export async function load(url: string): Promise<unknown> {
        const res = await fetchRaw(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        const body: unknown = await res.json();
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return body;
      }
    `,
            },
            {
              messageId: 'suggestExplicitParse',
              output: `
      import { fetchRaw } from './cross-file/http-base.js';
      export async function load(url: string): Promise<unknown> {
        const res = await fetchRaw(url);
        const body: unknown = await res.text().then((body) => {
          try {
            return JSON.parse(body);
          } catch (error) {
            throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
          }
        });
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return body;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // With \`requireContentType\`: the wrapper checks the status only.
      code: `
      import { getChecked } from './cross-file/http-base.js';
      export async function load(url: string): Promise<unknown> {
        const res = await getChecked(url);
        return res.json();
      }
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { client: 'getChecked', json: 'res.json()', check: 'res.ok', header: "res.headers.get('content-type')" },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestExplicitParse',
              output: `
      import { getChecked } from './cross-file/http-base.js';
      export async function load(url: string): Promise<unknown> {
        const res = await getChecked(url);
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
  ],
});
