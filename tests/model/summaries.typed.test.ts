import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../../src/create-rule';
import { getHttpModel } from '../../src/model/http';
import { summarizeCall } from '../../src/model/summaries';
import { createTypedRuleTester } from '../rule-tester';

/** Reports the summary of every callee that is called as a statement or awaited: `callee(...)`. */
const probe = createRule<[], 'summary'>({
  name: 'summary-probe',
  meta: {
    type: 'problem',
    docs: { description: 'Report the summary of each awaited call' },
    schema: [],
    defaultOptions: [],
    messages: { summary: '{{client}} {{status}} deadline:{{deadline}} returns:{{returns}} checks:{{checks}} content-type:{{contentType}}' },
  },
  create(context) {
    return {
      AwaitExpression(node) {
        if (node.argument.type !== AST_NODE_TYPES.CallExpression) return;
        const summary = summarizeCall(node.argument, getHttpModel(context).types);
        if (!summary) return;
        context.report({
          node: node.argument,
          messageId: 'summary',
          data: {
            client: summary.client ?? 'none',
            status: summary.status,
            deadline: String(summary.setsDeadline),
            returns: summary.returns,
            checks: String(summary.checksStatus),
            contentType: String(summary.checksContentType),
          },
        });
      },
    };
  },
});

function summary(
  client: string,
  status: string,
  rest: { deadline?: boolean; returns?: string; checks?: boolean; contentType?: boolean } = {},
): { messageId: 'summary'; data: Record<string, string> } {
  return {
    messageId: 'summary',
    data: {
      client,
      status,
      deadline: String(rest.deadline ?? false),
      returns: rest.returns ?? 'response',
      checks: String(rest.checks ?? false),
      contentType: String(rest.contentType ?? false),
    },
  };
}

createTypedRuleTester().run('callee summaries (typed)', probe, {
  valid: [
    // Declarations without a body, and locals the checker does not resolve to a function, have no summary.
    `
      declare function fetchWithRetry(url: string): Promise<Response>;
      declare const api: { get(url: string): Promise<Response> };
      export async function run(url: string, callback: () => Promise<void>): Promise<void> {
        await fetchWithRetry(url);
        await api.get(url);
        await callback();
      }
    `,
  ],
  invalid: [
    {
      // Wrappers in another file: checking, not checking, through a helper, with a deadline, overloaded.
      code: `
        import { fetchRaw, getChecked, getJsonResponse, getThen, getWithDeadline, getWithOptions, load, retrying } from './cross-file/http-base.js';
        export async function run(url: string): Promise<void> {
          await fetchRaw(url);
          await getChecked(url);
          await getJsonResponse(url);
          await getWithDeadline(url);
          await getWithOptions(url);
          await load(url);
          await getThen(url);
          await retrying(url, 3);
        }
      `,
      errors: [
        { ...summary('fetch', 'resolves'), line: 4 },
        { ...summary('fetch', 'rejects', { checks: true }), line: 5 },
        { ...summary('fetch', 'rejects', { checks: true, contentType: true }), line: 6 },
        { ...summary('fetch', 'resolves', { deadline: true }), line: 7 },
        { ...summary('fetch', 'resolves'), line: 8 },
        { ...summary('fetch', 'rejects', { checks: true }), line: 9 },
        { ...summary('fetch', 'rejects', { checks: true }), line: 10 },
        { ...summary('fetch', 'rejects', { checks: true, deadline: true }), line: 11 },
      ],
    },
    {
      // Services that send with axios and ky, the status policy each call leaves them.
      code: `
        import { Formatter, Notifier, findUser, getReport, getSummary, getUser, probeUser } from './cross-file/services.js';
        export async function run(notifier: Notifier, formatter: Formatter): Promise<void> {
          await notifier.send('ops');
          await notifier.broadcast('ops');
          await formatter.format('ops');
          await getUser('1');
          await probeUser('1');
          await findUser('1');
          await getReport('1');
          await getSummary('1');
        }
      `,
      errors: [
        { ...summary('axios', 'rejects', { deadline: true, returns: 'unknown' }), line: 4 },
        { ...summary('axios', 'rejects', { deadline: true, returns: 'unknown' }), line: 5 },
        { ...summary('none', 'unknown', { returns: 'unknown' }), line: 6 },
        { ...summary('axios', 'rejects', { deadline: true }), line: 7 },
        { ...summary('axios', 'resolves'), line: 8 },
        { ...summary('axios', 'resolves'), line: 9 },
        { ...summary('ky', 'resolves', { deadline: true }), line: 10 },
        { ...summary('ky', 'rejects', { deadline: true }), line: 11 },
      ],
    },
    {
      // A library request is summarised from the call's own arguments.
      code: `
        import axios from 'axios';
        export async function run(url: string): Promise<void> {
          await fetch(url, { signal: AbortSignal.timeout(1000) });
          await axios.get(url, { validateStatus: null });
          await axios.get(url, { validateStatus: (status) => status >= 200 && status < 300 });
          await axios.get(url, { timeout: 0 });
        }
      `,
      errors: [
        { ...summary('fetch', 'resolves', { deadline: true }), line: 4 },
        { ...summary('axios', 'resolves'), line: 5 },
        { ...summary('axios', 'rejects'), line: 6 },
        { ...summary('axios', 'rejects'), line: 7 },
      ],
    },
  ],
});
