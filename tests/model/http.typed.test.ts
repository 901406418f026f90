import { describe, expect, it } from 'vitest';

import { createRule } from '../../src/create-rule';
import { getHttpModel } from '../../src/model/http';
import { createTypedRuleTester } from '../rule-tester';
import { analyze } from './analyze';

/** Reports every request the model finds, with how it was recognised. */
const probe = createRule<[], 'request'>({
  name: 'model-probe',
  meta: {
    type: 'problem',
    docs: { description: 'Report every request the HTTP model finds' },
    schema: [],
    defaultOptions: [],
    messages: { request: 'A {{source}} {{client}} request.' },
  },
  create(context) {
    const model = getHttpModel(context);
    return {
      'Program:exit'() {
        for (const request of model.requests) {
          context.report({
            node: request.node,
            messageId: 'request',
            data: { source: request.source, client: request.client },
          });
        }
      },
    };
  },
});

const typed = { messageId: 'request', data: { source: 'typed', client: 'fetch' } } as const;
const library = { messageId: 'request', data: { source: 'library', client: 'fetch' } } as const;

createTypedRuleTester().run('http model (typed)', probe, {
  valid: [
    // A promise of something else is not a response.
    `
      declare function loadUser(id: string): Promise<{ ok: boolean; status: number }>;
      export async function show() {
        const user = await loadUser('1');
        return user.ok;
      }
    `,
    // A class that happens to be called Response, without the Fetch members, is not one.
    `
      class Response {
        constructor(readonly body: string) {}
      }
      declare function render(): Promise<Response>;
      export async function page() {
        return (await render()).body;
      }
    `,
    // A response promise that is neither awaited nor chained is handed on, not consumed here.
    `
      declare function fetchWithRetry(url: string): Promise<Response>;
      export function load() {
        return fetchWithRetry('/users');
      }
    `,
    // Calls typed `any` are unknown.
    `
      declare const client: any;
      export async function load() {
        await client.fetch('/users');
      }
    `,
  ],
  invalid: [
    {
      code: `
        declare function fetchWithRetry(url: string): Promise<Response>;
        export async function load() {
          const res = await fetchWithRetry('/users');
          return res.ok;
        }
      `,
      errors: [{ ...typed, line: 4, column: 29, endLine: 4, endColumn: 53 }],
    },
    {
      code: `
        declare function fetchWithRetry(url: string): Promise<Response>;
        fetchWithRetry('/users').then((res) => res.ok);
        fetchWithRetry('/users').catch(() => undefined);
      `,
      errors: [
        { ...typed, line: 3, column: 9, endLine: 3, endColumn: 33 },
        { ...typed, line: 4, column: 9, endLine: 4, endColumn: 33 },
      ],
    },
    {
      // In-house services whose methods resolve with a Response (or maybe none).
      code: `
        interface FetchService {
          fetch(url: string): Promise<Response | undefined>;
        }
        export class Users {
          constructor(private readonly fetchService: FetchService) {}
          async load() {
            const res = await this.fetchService.fetch('/users');
            return res?.status;
          }
        }
      `,
      errors: [{ ...typed, line: 8, column: 31, endLine: 8, endColumn: 64 }],
    },
    {
      // A promise chain on a request is that request, not a second one.
      code: `
        declare function fetchWithRetry(url: string): Promise<Response>;
        declare function report(error: unknown): never;
        export async function load() {
          const a = await fetch('/a').then((res) => res);
          const b = await fetch('/b').catch(report);
          const c = await fetchWithRetry('/c').catch(report).finally(() => {});
          const d = await (fetchWithRetry('/d') as Promise<Response>).then((res) => res);
          return [a, b, c, d];
        }
      `,
      errors: [
        { ...library, line: 5, column: 27, endLine: 5, endColumn: 38 },
        { ...library, line: 6, column: 27, endLine: 6, endColumn: 38 },
        { ...typed, line: 7, column: 27, endLine: 7, endColumn: 47 },
        { ...typed, line: 8, column: 28, endLine: 8, endColumn: 48 },
      ],
    },
    {
      // A deadline wrapper around a request is typed as a Response promise too, but sends nothing.
      code: `
        declare function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T>;
        export async function load() {
          return await withDeadline(fetch('/users'), 5000);
        }
      `,
      settings: { 'http-client': { timeoutFunctions: ['withDeadline'] } },
      errors: [{ ...library, line: 4, column: 37, endLine: 4, endColumn: 52 }],
    },
  ],
});

describe('without type information', () => {
  it('finds no typed requests and does not throw', () => {
    const code = `
      declare function fetchWithRetry(url: string): Promise<Response>;
      export async function load() {
        const res = await fetchWithRetry('/users');
        return (await fetch('/health')).ok && res.ok;
      }
    `;
    const { model, text } = analyze(code, { typescript: true });
    expect(model.types).toBeNull();
    expect(model.requests.map((request) => `${text(request.node)} ${request.source}`)).toEqual(["fetch('/health') library"]);
  });
});
