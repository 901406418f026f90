import rule from '../../src/rules/require-request-timeout';
import { createTypedRuleTester } from '../rule-tester';

const settings = { 'http-client': { fetchFunctions: ['getWithDeadline', 'getWithOptions'] } };

// Declared wrappers (`fetchFunctions`) defined in another file (tests/fixtures/cross-file): their
// declarations, read through the types, say whether they set the deadline themselves.
createTypedRuleTester().run('require-request-timeout (cross-file)', rule, {
  valid: [
    // The wrapper passes `signal: AbortSignal.timeout(5000)` to every request.
    {
      code: `
        import { getWithDeadline } from './cross-file/http-base.js';
        export const user = await getWithDeadline('https://api.example.com/user');
      `,
      settings,
    },
    // The wrapper forwards its options, and the caller gives them a signal.
    {
      code: `
        import { getWithOptions } from './cross-file/http-base.js';
        export const user = await getWithOptions('https://api.example.com/user', { signal: AbortSignal.timeout(5000) });
      `,
      settings,
    },
  ],
  invalid: [
    {
      // The wrapper forwards options the caller does not give.
      code: `
        import { getWithOptions } from './cross-file/http-base.js';
        export const user = await getWithOptions('https://api.example.com/user');
      `,
      settings,
      errors: [
        {
          messageId: 'missingSignal',
          data: { fallback: '' },
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
  ],
});
