import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-implicit-json';
import statusRule from '../../src/rules/require-status-check';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

// One problem, one report: this rule reports only what `require-status-check` does not: a parse
// before the status check that guards it, and (with `requireContentType`) a content type never checked.
ruleTester.run('no-implicit-json (one report)', rule, {
  valid: [
    // one report: an unchecked inferred wrapper is require-status-check's
    `
      import { fetchWithCerts } from './tls';
      export async function loadAccount(url) {
        const res = await fetchWithCerts(url);
        return res.json();
      }
    `,
    // a check that guards the parse, before it
    `
      export async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
    `,
    // the content type looked at before a parse whose status check comes later
    `
      export async function load(url) {
        const res = await fetch(url);
        if (!res.headers.get('content-type')?.includes('json')) throw new Error(\`not JSON from \${url}\`);
        const body = await res.json();
        if (!res.ok) throw new Error(body.message);
        return body;
      }
    `,
    // a status read that guards nothing does not make the parse this rule's report
    `
      export async function load(url) {
        const res = await fetch(url);
        console.log('status', res.status);
        return res.json();
      }
    `,
  ],
  invalid: [
    {
      // the body parsed before the status check that follows it, on an inferred wrapper
      code: `
      export class Billing {
        constructor(http) {
          this.http = http;
        }
        async invoice(id) {
          const res = await this.http.fetch(\`/invoices/\${id}\`);
          const body = await res.json();
          if (!res.ok) throw new Error(body.error);
          return body;
        }
      }
    `,
      errors: [
        {
          messageId: 'implicitJson',
          data: { json: 'res.json()', check: 'res.ok' },
          line: 8,
          column: 34,
          endLine: 8,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      export class Billing {
        constructor(http) {
          this.http = http;
        }
        async invoice(id) {
          const res = await this.http.fetch(\`/invoices/\${id}\`);
          if (!res.ok) throw new Error(\`HTTP \${res.status} for \${res.url}\`);
          const body = await res.json();
          if (!res.ok) throw new Error(body.error);
          return body;
        }
      }
    `,
            },
            {
              messageId: 'suggestExplicitParse',
              output: `
      export class Billing {
        constructor(http) {
          this.http = http;
        }
        async invoice(id) {
          const res = await this.http.fetch(\`/invoices/\${id}\`);
          const body = await res.text().then((body) => {
            try {
              return JSON.parse(body);
            } catch (error) {
              throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
            }
          });
          if (!res.ok) throw new Error(body.error);
          return body;
        }
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // a check after the parse through a checking function
      code: `
      import { assertOk } from './http';
      export async function load(url) {
        const res = await fetch(url);
        const payload = await res.json();
        assertOk(res, payload);
        return payload;
      }
    `,
      errors: [
        {
          messageId: 'implicitJson',
          data: { json: 'res.json()', check: 'res.ok' },
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { assertOk } from './http';
      export async function load(url) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
        const payload = await res.json();
        assertOk(res, payload);
        return payload;
      }
    `,
            },
            {
              messageId: 'suggestExplicitParse',
              output: `
      import { assertOk } from './http';
      export async function load(url) {
        const res = await fetch(url);
        const payload = await res.text().then((body) => {
          try {
            return JSON.parse(body);
          } catch (error) {
            throw new SyntaxError(\`HTTP \${res.status} from \${res.url} is not JSON: \${body.slice(0, 100)}\`, { cause: error });
          }
        });
        assertOk(res, payload);
        return payload;
      }
    `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-implicit-json (one report, requireContentType)', rule, {
  valid: [
    // `requireContentType`: a content type looked at first
    {
      code: `
      import { fetchWithCerts } from './tls';
      export async function loadAccount(url) {
        const res = await fetchWithCerts(url);
        if (!res.ok || !res.headers.get('content-type')?.startsWith('application/json')) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
    `,
      options: [{ requireContentType: true }],
    },
  ],
  invalid: [
    {
      // `requireContentType` on an inferred wrapper whose status is checked
      code: `
      import { fetchWithCerts } from './tls';
      export async function loadAccount(url) {
        const res = await fetchWithCerts(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
        return res.json();
      }
    `,
      options: [{ requireContentType: true }],
      errors: [
        {
          messageId: 'missingContentType',
          data: { json: 'res.json()', header: 'res.headers.get(\'content-type\')' },
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestExplicitParse',
              output: `
      import { fetchWithCerts } from './tls';
      export async function loadAccount(url) {
        const res = await fetchWithCerts(url);
        if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
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

describe('no-implicit-json with require-status-check', () => {
  /** The rules that report on `code` with both rules on, in order. */
  function reports(code: string, options: Record<string, unknown> = {}): string[] {
    const linter = new Linter({ configType: 'flat' });
    return linter
      .verify(code, [
        {
          plugins: { 'http-client': { rules: { 'no-implicit-json': rule, 'require-status-check': statusRule } } } as never,
          rules: { 'http-client/no-implicit-json': ['error', options], 'http-client/require-status-check': 'error' },
        },
      ])
      .map((message) => `${String(message.ruleId)} ${String(message.line)}`);
  }

  it('reports a blind parse once, as a status problem', () => {
    expect(reports('export const load = async (url) => (await (await fetch(url)).json()).items;')).toEqual([
      'http-client/require-status-check 1',
    ]);
    expect(
      reports(`
        export async function load(url) {
          const res = await fetch(url);
          const body = await res.json();
          if (!res.ok) throw new Error(body.message);
          return body;
        }
      `),
    ).toEqual(['http-client/no-implicit-json 4']);
  });

  it('keeps the content type a separate report in strict mode', () => {
    expect(reports('export const load = async (url) => (await fetch(url)).json();', { requireContentType: true })).toEqual([
      'http-client/require-status-check 1',
      'http-client/no-implicit-json 1',
    ]);
  });
});
