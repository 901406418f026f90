import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-timeout-abort-error-check';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-timeout-abort-error-check', rule, {
  valid: [
    // Checking for the name a timeout rejects with.
    `
      async function getJson(url) {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
          return await res.json();
        } catch (err) {
          if (err.name === 'TimeoutError') return null;
          throw err;
        }
      }
    `,
    // Checking both names: the handler tells them apart on purpose.
    `
      async function getJson(url) {
        try {
          return await fetch(url, { signal: AbortSignal.timeout(5000) });
        } catch (err) {
          if (err.name === 'AbortError' || err.name === 'TimeoutError') return null;
          throw err;
        }
      }
    `,
    // A manual controller can abort too: \`AbortSignal.any()\`, a controller's signal, a signal
    // from elsewhere, a controller or \`abort()\` in the try block.
    `
      async function a(url, controller) {
        try {
          return await fetch(url, { signal: AbortSignal.any([AbortSignal.timeout(5000), controller.signal]) });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function b(url, controller) {
        try {
          return await fetch(url, { signal: controller.signal });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function c(url, { signal }) {
        try {
          return await fetch(url, { signal });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function d(url, onCancel) {
        try {
          const controller = new AbortController();
          onCancel(() => controller.abort());
          const first = await fetch(url, { signal: AbortSignal.timeout(5000) });
          return await fetch(url, { signal: controller.signal });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function e(url, signal) {
        try {
          await fetch(url, { signal: AbortSignal.timeout(5000) });
          await waitFor(signal);
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
    `,
    // Another request whose options cannot be seen may carry any signal; a project wrapper may
    // abort with its own controller.
    {
      code: `
        async function a(url, init) {
          try {
            await fetch(url, { signal: AbortSignal.timeout(5000) });
            return await fetch(url, init);
          } catch (err) {
            if (err.name === 'AbortError') return null;
            throw err;
          }
        }
        async function b(url) {
          try {
            await fetch(url, { signal: AbortSignal.timeout(5000) });
            return await fetchWithRetry(url);
          } catch (err) {
            if (err.name === 'AbortError') return null;
            throw err;
          }
        }
      `,
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
    },
    // A function the try block calls sends a request with another signal.
    `
      async function cancellable(url, controller) {
        return fetch(url, { signal: controller.signal });
      }
      async function load(url, controller) {
        try {
          await fetch(url, { signal: AbortSignal.timeout(5000) });
          return await cancellable(url, controller);
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
    `,
    // The same timeout signal passed to a node API, which rejects with its own \`AbortError\`.
    `
      import { pipeline } from 'node:stream/promises';
      async function download(url, file) {
        const signal = AbortSignal.timeout(30_000);
        try {
          const res = await fetch(url, { signal });
          await pipeline(res.body, file, { signal });
        } catch (err) {
          if (err.name === 'AbortError') return false;
          throw err;
        }
        return true;
      }
    `,
    // A signal variable that is reassigned, or not made by \`AbortSignal.timeout()\`.
    `
      async function a(url, slow) {
        let signal = AbortSignal.timeout(5000);
        if (slow) signal = AbortSignal.timeout(60_000);
        try {
          return await fetch(url, { signal });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function b(url, parent) {
        const signal = parent.signal;
        try {
          return await fetch(url, { signal });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
    `,
    // A timeout signal that is also used elsewhere, or comes from another factory.
    `
      async function a(url) {
        const signal = AbortSignal.timeout(5000);
        signal.addEventListener('abort', () => console.warn('slow', url));
        try {
          return await fetch(url, { signal });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function a2(url) {
        const signal = AbortSignal.timeout(5000);
        const init = { signal };
        try {
          return await fetch(url, { signal });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function b(url) {
        try {
          await fetch(url, { signal: Signals.timeout(5000) });
          return await fetch(url, { signal: makeSignals().timeout(5000) });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function c(url) {
        try {
          return await fetch(url, { signal: AbortSignal.timeout(5000) });
        } catch (err) {
          if (/AbortError|TimeoutError/.test(err.name)) return null;
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
    `,
    // A try block that throws an \`AbortError\` itself.
    `
      async function getJson(url, isStale) {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
          if (isStale()) throw new DOMException('Superseded', 'AbortError');
          return await res.json();
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
    `,
    // Clients that reject with an \`AbortError\` for any abort: node-fetch, node's http; and ky,
    // axios, got, which name their errors themselves.
    `
      import nodeFetch from 'node-fetch';
      import ky from 'ky';
      import axios from 'axios';
      async function a(url) {
        try {
          return await nodeFetch(url, { signal: AbortSignal.timeout(5000) });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function b(url) {
        try {
          return await ky.get(url, { signal: AbortSignal.timeout(5000) }).json();
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function c(url) {
        try {
          return await axios.get(url, { signal: AbortSignal.timeout(5000) });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
    `,
    // A local \`AbortSignal\` or \`fetch\` is not the runtime's.
    `
      import { AbortSignal } from './polyfills';
      async function a(url) {
        try {
          return await fetch(url, { signal: AbortSignal.timeout(5000) });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function b(url, fetch) {
        try {
          return await fetch(url, { signal: AbortSignal.timeout(5000) });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
    `,
    // The try block does not see the request's failure; the check is on another value; a
    // name compared with something else; no request at all.
    `
      function a(url) {
        try {
          return fetch(url, { signal: AbortSignal.timeout(5000) });
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
      async function b(url, job) {
        try {
          return await fetch(url, { signal: AbortSignal.timeout(5000) });
        } catch (err) {
          if (job.name === 'AbortError' || err.cause?.name === 'AbortError') return null;
          if (err.name < 'AbortError' || err.code === 'ABORT_ERR' || 'AbortError' === err.name()) return null;
          throw err;
        }
      }
      async function c(task) {
        try {
          await task();
        } catch (err) {
          if (err.name === 'AbortError') return null;
          throw err;
        }
      }
    `,
  ],
  invalid: [
    {
      code: `
async function getJson(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(\`GET \${url} failed with \${res.status}\`);
    return await res.json();
  } catch (err) {
    if (err.name === 'AbortError') {
      throw new Error(\`GET \${url} timed out after 5 s\`);
    }
    throw err;
  }
}
`,
      errors: [
        {
          messageId: 'abortErrorForTimeout',
          line: 8,
          column: 22,
          endLine: 8,
          endColumn: 34,
          suggestions: [
            { messageId: 'suggestTimeoutError', output: `
async function getJson(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(\`GET \${url} failed with \${res.status}\`);
    return await res.json();
  } catch (err) {
    if (err.name === 'TimeoutError') {
      throw new Error(\`GET \${url} timed out after 5 s\`);
    }
    throw err;
  }
}
` },
          ],
        },
      ],
    },
    {
      // The signal in a constant, `?.`, `!==` and double quotes.
      code: `
async function getJson(url) {
  const signal = AbortSignal.timeout(5000);
  try {
    const res = await fetch(url, { signal });
    return res.ok ? await res.text() : null;
  } catch (err) {
    if (err?.name !== "AbortError") throw err;
    return null;
  }
}
`,
      errors: [
        {
          messageId: 'abortErrorForTimeout',
          line: 8,
          column: 23,
          endLine: 8,
          endColumn: 35,
          suggestions: [
            { messageId: 'suggestTimeoutError', output: `
async function getJson(url) {
  const signal = AbortSignal.timeout(5000);
  try {
    const res = await fetch(url, { signal });
    return res.ok ? await res.text() : null;
  } catch (err) {
    if (err?.name !== "TimeoutError") throw err;
    return null;
  }
}
` },
          ],
        },
      ],
    },
    {
      // A `.catch()` callback and a `switch` on the name.
      code: `
function getJson(url) {
  return fetch(url, { signal: AbortSignal.timeout(5000) })
    .then((res) => res.text())
    .catch((error) => {
      switch (error.name) {
        case 'AbortError':
          return null;
        default:
          throw error;
      }
    });
}
`,
      errors: [
        {
          messageId: 'abortErrorForTimeout',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 26,
          suggestions: [
            { messageId: 'suggestTimeoutError', output: `
function getJson(url) {
  return fetch(url, { signal: AbortSignal.timeout(5000) })
    .then((res) => res.text())
    .catch((error) => {
      switch (error.name) {
        case 'TimeoutError':
          return null;
        default:
          throw error;
      }
    });
}
` },
          ],
        },
      ],
    },
    {
      // `globalThis`, undici's fetch, a template string, casts and a copy of the error.
      code: `
import { fetch as undiciFetch } from 'undici';
async function getText(url: string) {
  try {
    const res = await globalThis.fetch(url, { signal: globalThis.AbortSignal.timeout(5000) });
    const other = await undiciFetch(url, { signal: AbortSignal.timeout(1000) as AbortSignal });
    return [await res.text(), await other.text()];
  } catch (e) {
    const error = e as DOMException;
    if (e instanceof DOMException && e.name === \`AbortError\`) return null;
    if ((error as Error).name == 'AbortError') return null;
    throw e;
  }
}
`,
      errors: [
        {
          messageId: 'abortErrorForTimeout',
          line: 10,
          column: 49,
          endLine: 10,
          endColumn: 61,
          suggestions: [
            { messageId: 'suggestTimeoutError', output: `
import { fetch as undiciFetch } from 'undici';
async function getText(url: string) {
  try {
    const res = await globalThis.fetch(url, { signal: globalThis.AbortSignal.timeout(5000) });
    const other = await undiciFetch(url, { signal: AbortSignal.timeout(1000) as AbortSignal });
    return [await res.text(), await other.text()];
  } catch (e) {
    const error = e as DOMException;
    if (e instanceof DOMException && e.name === \`TimeoutError\`) return null;
    if ((error as Error).name == 'AbortError') return null;
    throw e;
  }
}
` },
          ],
        },
        {
          messageId: 'abortErrorForTimeout',
          line: 11,
          column: 34,
          endLine: 11,
          endColumn: 46,
          suggestions: [
            { messageId: 'suggestTimeoutError', output: `
import { fetch as undiciFetch } from 'undici';
async function getText(url: string) {
  try {
    const res = await globalThis.fetch(url, { signal: globalThis.AbortSignal.timeout(5000) });
    const other = await undiciFetch(url, { signal: AbortSignal.timeout(1000) as AbortSignal });
    return [await res.text(), await other.text()];
  } catch (e) {
    const error = e as DOMException;
    if (e instanceof DOMException && e.name === \`AbortError\`) return null;
    if ((error as Error).name == 'TimeoutError') return null;
    throw e;
  }
}
` },
          ],
        },
      ],
    },
    {
      // Another request without a signal in the same `try` changes nothing.
      code: `
import axios from 'axios';
async function sync(url) {
  try {
    await axios.post('/audit', { url }, { timeout: 2000 });
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return res.status;
  } catch (err) {
    if (err.name === 'AbortError') return null;
    throw err;
  }
}
`,
      errors: [
        {
          messageId: 'abortErrorForTimeout',
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 34,
          suggestions: [
            { messageId: 'suggestTimeoutError', output: `
import axios from 'axios';
async function sync(url) {
  try {
    await axios.post('/audit', { url }, { timeout: 2000 });
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return res.status;
  } catch (err) {
    if (err.name === 'TimeoutError') return null;
    throw err;
  }
}
` },
          ],
        },
      ],
    },
  ],
});

describe('no-timeout-abort-error-check options', () => {
  it('rejects options', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('x', [
        {
          plugins: { 'http-client': { rules: { 'no-timeout-abort-error-check': rule } } } as never,
          rules: { 'http-client/no-timeout-abort-error-check': ['error', { bogus: 1 }] },
        },
      ]),
    ).toThrow(/no-timeout-abort-error-check/u);
  });
});
