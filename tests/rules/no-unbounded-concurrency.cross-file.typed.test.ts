import rule from '../../src/rules/no-unbounded-concurrency';
import { createTypedRuleTester } from '../rule-tester';

// Callbacks that reach a request through a function of another file (tests/fixtures/cross-file),
// as the callee's summary or its response type shows.
createTypedRuleTester().run('no-unbounded-concurrency (cross-file)', rule, {
  valid: [
    // The service method does no request.
    `
      import { Formatter } from './cross-file/services.js';
      export class Labels {
        constructor(private readonly formatter: Formatter) {}
        async all(channels: string[]): Promise<string[]> {
          return Promise.all(channels.map((channel) => this.formatter.format(channel)));
        }
      }
    `,
    // A request per element, one at a time.
    `
      import { Notifier } from './cross-file/services.js';
      export async function announce(notifier: Notifier, channels: string[]): Promise<void> {
        for (const channel of channels) await notifier.send(channel);
      }
    `,
    // A literal list of two is bounded.
    `
      import { getUser } from './cross-file/services.js';
      export const pair = (): Promise<unknown> => Promise.all(['1', '2'].map((id) => getUser(id)));
    `,
  ],
  invalid: [
    {
      // A service method that posts with axios in another module.
      code: `
      import { Notifier } from './cross-file/services.js';
      export class Deploys {
        constructor(private readonly notifier: Notifier) {}
        async announce(channels: string[]): Promise<void> {
          await Promise.all(channels.map((channel) => this.notifier.send(channel)));
        }
      }
    `,
      errors: [
        {
          messageId: 'unboundedFanOut',
          data: { combinator: 'Promise.all', amount: 'one request per element of `channels`' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 28,
        },
      ],
    },
    {
      // Two calls deep in the other module, and a wrapper known by its \`Response\` type.
      code: `
      import { Notifier } from './cross-file/services.js';
      import { fetchRaw } from './cross-file/http-base.js';
      export async function sync(notifier: Notifier, channels: string[], urls: string[]): Promise<void> {
        await Promise.allSettled(channels.map((channel) => notifier.broadcast(channel)));
        await Promise.all(urls.map(async (url) => (await fetchRaw(url)).status));
      }
    `,
      errors: [
        {
          messageId: 'unboundedFanOut',
          data: { combinator: 'Promise.allSettled', amount: 'one request per element of `channels`' },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 33,
        },
        {
          messageId: 'unboundedFanOut',
          data: { combinator: 'Promise.all', amount: 'one request per element of `urls`' },
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 26,
        },
      ],
    },
  ],
});
