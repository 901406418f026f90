import rule from '../../src/rules/require-status-check';
import { createTypedRuleTester } from '../rule-tester';

// Wrappers and services declared in other files (tests/fixtures/cross-file): the checker finds their
// declarations, and their summaries say whether an error status can reach the caller.
createTypedRuleTester().run('require-status-check (cross-file)', rule, {
  valid: [
    // A base-class method that throws unless `resp.ok`.
    `
      import { HttpBase } from './cross-file/http-base.js';
      export class Users extends HttpBase {
        async list(): Promise<unknown> {
          const res = await this.fetch('/users');
          return res.json();
        }
      }
    `,
    // Checks through an `assertOk` helper of its own file; an overload whose implementation checks;
    // an arrow function that checks the status and the content type.
    `
      import { getChecked, getJsonResponse, load } from './cross-file/http-base.js';
      export async function all(url: string): Promise<unknown[]> {
        const a = await getChecked(url);
        const b = await load(url);
        return [await a.json(), await b.text(), await getJsonResponse(url).then((res) => res.json())];
      }
    `,
    // An axios response passed around: axios rejects on error statuses by default.
    `
      import { getUser } from './cross-file/services.js';
      import type { AxiosResponse } from 'axios';
      declare function render(response: AxiosResponse<unknown>): string;
      export async function show(id: string): Promise<string> {
        const response = await getUser(id);
        console.info(response.data);
        return render(response);
      }
    `,
    // ky rejects on error statuses by default, too.
    `
      import { getSummary } from './cross-file/services.js';
      export async function summary(id: string): Promise<unknown> {
        const res = await getSummary(id);
        return res.json();
      }
    `,
    // A response of a wrapper that lets errors through, checked by the caller.
    `
      import { probeUser } from './cross-file/services.js';
      export async function exists(id: string): Promise<boolean> {
        const res = await probeUser(id);
        if (res.status === 404) return false;
        if (res.status >= 400) throw new Error(\`HTTP \${res.status}\`);
        return res.data.id === id;
      }
    `,
  ],
  invalid: [
    {
      // A wrapper in another file that returns the response whatever its status.
      code: `
      import { fetchRaw } from './cross-file/http-base.js';
      export async function load(url: string): Promise<unknown> {
        const res = await fetchRaw(url);
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: { client: 'fetchRaw', settles: 'resolves', reason: '', check: 'res.ok', use: 'res.json()', action: 'parses' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { fetchRaw } from './cross-file/http-base.js';
      export async function load(url: string): Promise<unknown> {
        const res = await fetchRaw(url);
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
      // An axios response whose callee shows \`validateStatus: () => true\`.
      code: `
      import { probeUser } from './cross-file/services.js';
      export async function name(id: string): Promise<string> {
        const res = await probeUser(id);
        return res.data.name;
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: {
            client: 'probeUser',
            settles: 'resolves',
            reason: ' with its `validateStatus`',
            check: 'res.status',
            use: 'res.data',
            action: 'reads',
          },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 40,
          suggestions: [],
        },
      ],
    },
    {
      // A \`validateStatus\` that accepts 4xx, two statements deep in the callee.
      code: `
      import { findUser } from './cross-file/services.js';
      export const user = findUser('1').then((response) => response.data);
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: {
            client: 'findUser',
            settles: 'resolves',
            reason: ' with its `validateStatus`',
            check: 'response.status',
            use: 'response.data',
            action: 'reads',
          },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 40,
          suggestions: [],
        },
      ],
    },
    {
      // ky with \`throwHttpErrors: false\` in the callee.
      code: `
      import { getReport } from './cross-file/services.js';
      export async function report(id: string): Promise<unknown> {
        const res = await getReport(id);
        return res.json();
      }
    `,
      errors: [
        {
          messageId: 'uncheckedBody',
          data: {
            client: 'getReport',
            settles: 'resolves',
            reason: ' with its `throwHttpErrors`',
            check: 'res.ok',
            use: 'res.json()',
            action: 'parses',
          },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'suggestThrowUnlessOk',
              data: { check: 'res.ok' },
              output: `
      import { getReport } from './cross-file/services.js';
      export async function report(id: string): Promise<unknown> {
        const res = await getReport(id);
        if (!res.ok) throw new Error(\`HTTP \${res.status} for \${res.url}\`);
        return res.json();
      }
    `,
            },
          ],
        },
      ],
    },
  ],
});
