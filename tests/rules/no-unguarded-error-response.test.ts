import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-unguarded-error-response';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-unguarded-error-response', rule, {
  valid: [
    // Optional chaining.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return (await axios.get(url)).data;
        } catch (err) {
          console.error(\`GET \${url} failed with \${err.response?.status}\`, err.response?.data);
          throw err;
        }
      }
    `,
    // An if around the read.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          if (err.response) {
            console.error(err.response.status, err.response.data);
          } else {
            console.error(err.message);
          }
        }
      }
    `,
    // `axios.isAxiosError(err) && err.response`.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          if (axios.isAxiosError(err) && err.response) return err.response.status;
          throw err;
        }
      }
    `,
    // `&&`, ternary and `||` with a negated guard.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          const status = err.response && err.response.status;
          const data = err.response ? err.response.data : null;
          const retry = !err.response || err.response.status >= 500;
          return { status, data, retry };
        }
      }
    `,
    // A guard clause that leaves the handler.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (error) {
          if (!error.response) throw new Error(\`GET \${url} failed: \${error.message}\`);
          const { status, data } = error.response;
          return { status, data };
        }
      }
    `,
    // Guard clauses with `== null`, `=== undefined`, `typeof`, `in`, and an exit through `process.exit`.
    `
      import axios from 'axios';
      async function main(url) {
        try {
          await axios.get(url);
        } catch (a) {
          if (a.response == null) return;
          console.log(a.response.status);
        }
        try {
          await axios.get(url);
        } catch (b) {
          if (b.response === undefined) {
            return;
          }
          console.log(b.response.status);
        }
        try {
          await axios.get(url);
        } catch (c) {
          if (typeof c.response !== 'undefined') console.log(c.response.status);
          if (typeof c.response === 'object') console.log(c.response.status);
          if ('response' in c) console.log(c.response.status);
        }
        try {
          await axios.get(url);
        } catch (d) {
          if (!d.response) {
            console.error(d.message);
            process.exit(1);
          }
          console.log(d.response.status);
        }
      }
    `,
    // A comparison on the response (or axios' \`err.status\`) and an \`else if\` after a guard.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          if (err.response?.status === 404) return err.response.data;
          if (err.status === 401) return err.response.headers;
          if (err.response?.status !== 500) {
            // nothing
          } else {
            return err.response.data;
          }
          if (!err.response) {
            return null;
          } else if (err.response.status === 409) {
            return err.response.data;
          }
          return undefined;
        }
      }
    `,
    // A switch on the response status.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          switch (err.response?.status) {
            case 401:
            case 403:
              return err.response.headers;
            case 404: {
              return err.response.data;
            }
            default:
              throw err;
          }
        }
      }
    `,
    // got: \`instanceof HTTPError\`, its name and its code mean there is a response.
    `
      import got, { HTTPError } from 'got';
      async function load(url) {
        try {
          return await got(url).json();
        } catch (error) {
          if (error instanceof HTTPError) return error.response.statusCode;
          if (error instanceof got.HTTPError) return error.response.statusCode;
          if (error.name === 'HTTPError') return error.response.body;
          if (error.code !== 'ERR_NON_2XX_3XX_RESPONSE') throw error;
          return error.response.statusCode;
        }
      }
    `,
    // ky's documented pattern.
    `
      import ky from 'ky';
      async function load(url) {
        try {
          return await ky.get(url).json();
        } catch (error) {
          if (error.name === 'HTTPError') {
            const body = await error.response.text();
            throw new Error(\`GET \${url} failed with \${error.response.status}: \${body}\`);
          }
          throw error;
        }
      }
    `,
    // A project type guard that receives the error.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          if (hasResponse(err)) return err.response.status;
          if (Boolean(err.response)) return err.response.status;
          throw err;
        }
      }
    `,
    // Destructuring with defaults, and an alias that is checked.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch ({ response: { status } = {} }) {
          return status;
        }
      }
      async function loadAgain(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          const { response = {} } = err;
          const { response: res } = err;
          if (!res) throw err;
          return [response.status, res.status];
        }
      }
    `,
    // \`err.response!\` is an assertion the author made.
    `
      import axios from 'axios';
      async function load(url: string) {
        try {
          return await axios.get(url);
        } catch (err: any) {
          return err.response!.status;
        }
      }
    `,
    // The handler fills the response in first.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          err.response = err.response || { status: 0 };
          return err.response.status;
        }
      }
    `,
    // The error variable is reassigned: what it holds cannot be told.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          err = normalize(err);
          return err.response.status;
        }
      }
    `,
    // More guard forms: reversed comparisons, `void 0`, template strings, relational tests,
    // calls on the response, `||` of two guards, negated `&&`, exits in nested ifs and in the
    // `else` branch, guard clauses inside a `case`, and a computed type guard.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          if (404 === err.response?.status) return err.response.data;
          if (null != err.response) return err.response.data;
          if (err.response !== void 0) return err.response.data;
          if (typeof err.response !== \`undefined\`) return err.response.data;
          if (err.name === \`HTTPError\`) return err.response.data;
          if (err.response?.status >= 500) return err.response.data;
          if (500 <= err.response?.status) return err.response.data;
          if (err.response?.headers.get('retry-after')) return err.response.headers;
          if (err.response || err.status === 429) return err.response.data;
          if (checks[0](err)) return err.response.data;
          if ((0, isHttpError)(err)) return err.response.data;
          if (err.response?.status < 500) return err.response.data;
          if (!(err.response && err.response.data)) {
            if (err.code) return null;
            else throw err;
          }
          return err.response.data;
        }
      }
      async function loadAgain(url, kind) {
        try {
          return await axios.get(url);
        } catch (err) {
          if (err.response) {
            console.log('answered');
          } else {
            return null;
          }
          console.log(err.response.status);
          switch (kind) {
            case 'a':
              if (!err.response) break;
              return err.response.data;
            default:
              return null;
          }
        }
      }
    `,
    // The handler only covers fetch requests, in a file that also uses axios.
    `
      import axios from 'axios';
      axios.defaults.timeout = 5000;
      export const ping = () => axios.head('/ping');
      async function load(url) {
        try {
          return await fetch(url);
        } catch (err) {
          return err.response.status;
        }
      }
    `,
    // An alias that is reassigned is not followed; other properties of the pattern are ignored.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          return await axios.get(url);
        } catch ({ message, ...rest }) {
          return message;
        }
      }
      async function loadAgain(url) {
        try {
          return await axios.get(url);
        } catch (err) {
          let { response } = err;
          response = response ?? {};
          let res = err.response;
          res = res || {};
          let other;
          other = err.response;
          return [response.status, res.status, other.status];
        }
      }
    `,
    // No request in the try block; an unrelated \`.get()\`; a shadowed axios; fetch errors.
    `
      import axios from 'axios';
      async function a() {
        try {
          await doSomething();
        } catch (err) {
          return err.response.status;
        }
      }
      async function b(map) {
        try {
          await map.get('key');
        } catch (err) {
          return err.response.status;
        }
      }
      async function c(url) {
        const axios = { get: async () => ({}) };
        try {
          await axios.get(url);
        } catch (err) {
          return err.response.status;
        }
      }
      async function d(url) {
        try {
          await fetch(url);
        } catch (err) {
          return err.response.status;
        }
      }
    `,
    // The try does not see the request's failure: returned without await, or never awaited.
    `
      import axios from 'axios';
      function a(url) {
        try {
          return axios.get(url);
        } catch (err) {
          return err.response.status;
        }
      }
      function b(url) {
        try {
          axios.get(url).then(console.log);
        } catch (err) {
          return err.response.status;
        }
      }
      async function c(urls) {
        try {
          await Promise.allSettled(urls.map((url) => axios.get(url)));
        } catch (err) {
          return err.response.status;
        }
      }
      async function d(url) {
        try {
          const pending = axios.get(url);
          await pending;
        } catch (err) {
          return err.response.status;
        }
      }
      async function e(url) {
        try {
          setTimeout(async () => {
            await axios.get(url);
          }, 10);
        } catch (err) {
          return err.response.status;
        }
      }
    `,
    // A function of the file that handles its own request's failure: nothing escapes to the caller.
    `
      import axios from 'axios';
      async function getUser(id) {
        try {
          return (await axios.get(\`/users/\${id}\`)).data;
        } catch (cause) {
          throw new UserError(id, cause);
        }
      }
      async function show(id) {
        try {
          return await getUser(id);
        } catch (err) {
          return err.response.status;
        }
      }
    `,
    // The inner handler gets the error, not the outer one.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          try {
            await axios.get(url);
          } catch (inner) {
            console.error(inner.message);
          }
          await somethingElse();
        } catch (outer) {
          return outer.response.status;
        }
      }
    `,
    // A rejection callback that is not a function of the file is not followed.
    `
      import axios from 'axios';
      axios.get('/b').then(render, report);
      axios.get('/c').catch(handlers.onError);
    `,
    // A catch without a parameter, and a callback without one.
    `
      import axios from 'axios';
      async function load(url) {
        try {
          await axios.get(url);
        } catch {
          return null;
        }
        return axios.get(url).catch(() => null);
      }
    `,
  ],
  invalid: [
    {
      code: `
import axios from 'axios';
async function loadUser(id) {
  try {
    const { data } = await axios.get(\`/users/\${id}\`);
    return data;
  } catch (err) {
    console.error(\`Loading user \${id} failed with \${err.response.status}\`);
    throw err;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 8,
          column: 53,
          endLine: 8,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function loadUser(id) {
  try {
    const { data } = await axios.get(\`/users/\${id}\`);
    return data;
  } catch (err) {
    console.error(\`Loading user \${id} failed with \${err.response?.status}\`);
    throw err;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // `.catch()` on the promise chain, an axios instance, and require().
      code: `
const axios = require('axios');
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
function loadUser(id) {
  return api.get(\`/users/\${id}\`).then((res) => res.data).catch((error) => error.response.data);
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'error.response', client: 'axios' },
          line: 5,
          column: 75,
          endLine: 5,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
const axios = require('axios');
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
function loadUser(id) {
  return api.get(\`/users/\${id}\`).then((res) => res.data).catch((error) => error.response?.data);
}
`,
            },
          ],
        },
      ],
    },
    {
      // The rejection callback of `.then(onFulfilled, onRejected)`.
      code: `
import axios from 'axios';
axios.post('/events', event).then(() => {}, (e) => log(e.response.status));
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'e.response', client: 'axios' },
          line: 3,
          column: 56,
          endLine: 3,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
axios.post('/events', event).then(() => {}, (e) => log(e.response?.status));
`,
            },
          ],
        },
      ],
    },
    {
      // Destructuring the response.
      code: `
import axios from 'axios';
async function save(item) {
  try {
    await axios.put('/items', item);
  } catch (err) {
    const { status, data } = err.response;
    return { status, data };
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'suggestEmptyObject',
              output: `
import axios from 'axios';
async function save(item) {
  try {
    await axios.put('/items', item);
  } catch (err) {
    const { status, data } = err.response ?? {};
    return { status, data };
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // Destructuring in the catch parameter, and a response taken out of the error.
      code: `
import axios from 'axios';
async function a() {
  try {
    await axios.get('/a');
  } catch ({ response: { status } }) {
    return status;
  }
}
async function b() {
  try {
    await axios.get('/b');
  } catch (err) {
    const { response } = err;
    return response.data;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'response', client: 'axios' },
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestEmptyObject',
              output: `
import axios from 'axios';
async function a() {
  try {
    await axios.get('/a');
  } catch ({ response: { status } = {} }) {
    return status;
  }
}
async function b() {
  try {
    await axios.get('/b');
  } catch (err) {
    const { response } = err;
    return response.data;
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'response', client: 'axios' },
          line: 15,
          column: 12,
          endLine: 15,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function a() {
  try {
    await axios.get('/a');
  } catch ({ response: { status } }) {
    return status;
  }
}
async function b() {
  try {
    await axios.get('/b');
  } catch (err) {
    const { response } = err;
    return response?.data;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // `isAxiosError` does not mean there is a response; `instanceof AxiosError` neither.
      code: `
import axios, { AxiosError } from 'axios';
async function load(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (axios.isAxiosError(err)) console.log(err.response.status);
    if (err instanceof AxiosError) console.log(err.response.status);
    throw err;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 7,
          column: 46,
          endLine: 7,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios, { AxiosError } from 'axios';
async function load(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (axios.isAxiosError(err)) console.log(err.response?.status);
    if (err instanceof AxiosError) console.log(err.response.status);
    throw err;
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 8,
          column: 48,
          endLine: 8,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios, { AxiosError } from 'axios';
async function load(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (axios.isAxiosError(err)) console.log(err.response.status);
    if (err instanceof AxiosError) console.log(err.response?.status);
    throw err;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // got and ky.
      code: `
import got from 'got';
import ky from 'ky';
async function a(url) {
  try {
    return await got(url).json();
  } catch (error) {
    throw new Error(\`\${url}: \${error.response.statusCode}\`);
  }
}
async function b(url) {
  try {
    return await ky.get(url).json();
  } catch (error) {
    return error.response.status;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'error.response', client: 'got' },
          line: 8,
          column: 32,
          endLine: 8,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import got from 'got';
import ky from 'ky';
async function a(url) {
  try {
    return await got(url).json();
  } catch (error) {
    throw new Error(\`\${url}: \${error.response?.statusCode}\`);
  }
}
async function b(url) {
  try {
    return await ky.get(url).json();
  } catch (error) {
    return error.response.status;
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'error.response', client: 'ky' },
          line: 15,
          column: 12,
          endLine: 15,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import got from 'got';
import ky from 'ky';
async function a(url) {
  try {
    return await got(url).json();
  } catch (error) {
    throw new Error(\`\${url}: \${error.response.statusCode}\`);
  }
}
async function b(url) {
  try {
    return await ky.get(url).json();
  } catch (error) {
    return error.response?.status;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // A computed read, an optional error, a cast, and an alias of the error.
      code: `
import axios from 'axios';
async function load(url: string) {
  try {
    return await axios.get(url);
  } catch (err) {
    const e = err as AxiosError;
    return [err.response['status'], err?.response.data, (err as AxiosError).response.headers, e.response.config];
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function load(url: string) {
  try {
    return await axios.get(url);
  } catch (err) {
    const e = err as AxiosError;
    return [err.response?.['status'], err?.response.data, (err as AxiosError).response.headers, e.response.config];
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err?.response', client: 'axios' },
          line: 8,
          column: 37,
          endLine: 8,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function load(url: string) {
  try {
    return await axios.get(url);
  } catch (err) {
    const e = err as AxiosError;
    return [err.response['status'], err?.response?.data, (err as AxiosError).response.headers, e.response.config];
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: '(err as AxiosError).response', client: 'axios' },
          line: 8,
          column: 57,
          endLine: 8,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function load(url: string) {
  try {
    return await axios.get(url);
  } catch (err) {
    const e = err as AxiosError;
    return [err.response['status'], err?.response.data, (err as AxiosError).response?.headers, e.response.config];
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'e.response', client: 'axios' },
          line: 8,
          column: 95,
          endLine: 8,
          endColumn: 105,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function load(url: string) {
  try {
    return await axios.get(url);
  } catch (err) {
    const e = err as AxiosError;
    return [err.response['status'], err?.response.data, (err as AxiosError).response.headers, e.response?.config];
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // Requests awaited through `Promise.all` of callbacks.
      code: `
import axios from 'axios';
async function loadAll(ids) {
  try {
    return await Promise.all(ids.map(async (id) => (await axios.get(\`/items/\${id}\`)).data));
  } catch (err) {
    return err.response.status;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function loadAll(ids) {
  try {
    return await Promise.all(ids.map(async (id) => (await axios.get(\`/items/\${id}\`)).data));
  } catch (err) {
    return err.response?.status;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // The test itself reads the response: only it is reported, not the branch it guards.
      code: `
import axios from 'axios';
async function find(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (err.response.status === 404) return err.response.data;
    throw err;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function find(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (err.response?.status === 404) return err.response.data;
    throw err;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // Guards that do not guard: an `if` that does not leave, `=== null`, `??`, a condition
      // on something else, and a `default` that falls into a case.
      code: `
import axios from 'axios';
async function load(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (!err.response) {
      console.error(err.message);
    }
    if (err.response === null) return null;
    const code = err.code ?? err.response.status;
    if (err.code === 'ECONNABORTED') return null;
    switch (err.response?.status) {
      default:
        log(err);
      case 500:
        return err.response.data;
    }
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 11,
          column: 30,
          endLine: 11,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function load(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (!err.response) {
      console.error(err.message);
    }
    if (err.response === null) return null;
    const code = err.code ?? err.response?.status;
    if (err.code === 'ECONNABORTED') return null;
    switch (err.response?.status) {
      default:
        log(err);
      case 500:
        return err.response.data;
    }
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 17,
          column: 16,
          endLine: 17,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
import axios from 'axios';
async function load(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (!err.response) {
      console.error(err.message);
    }
    if (err.response === null) return null;
    const code = err.code ?? err.response.status;
    if (err.code === 'ECONNABORTED') return null;
    switch (err.response?.status) {
      default:
        log(err);
      case 500:
        return err.response?.data;
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // A write to the response, or `new` on it, cannot take `?.`: reported without a suggestion.
      code: `
import axios from 'axios';
async function load(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    err.response.handled = true;
    return new err.response.Wrapper();
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 17,
          suggestions: [],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
    {
      // Conditions that do not mean the response exists: another value, `??`, the `else` of an `&&`.
      code: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x && err.response.status) return 1;
    if (err.response ?? x) return err.response.data;
    if (err.response && y) {
      return 2;
    } else {
      return err.response.data;
    }
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 26,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x && err.response?.status) return 1;
    if (err.response ?? x) return err.response.data;
    if (err.response && y) {
      return 2;
    } else {
      return err.response.data;
    }
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 8,
          column: 35,
          endLine: 8,
          endColumn: 47,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x && err.response.status) return 1;
    if (err.response ?? x) return err.response?.data;
    if (err.response && y) {
      return 2;
    } else {
      return err.response.data;
    }
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 12,
          column: 14,
          endLine: 12,
          endColumn: 26,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x && err.response.status) return 1;
    if (err.response ?? x) return err.response.data;
    if (err.response && y) {
      return 2;
    } else {
      return err.response?.data;
    }
  }
}
` },
          ],
        },
      ],
    },
    {
      // Tests on something other than the response.
      code: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x > 1) return err.response.data;
    if ('data' in err) return err.response.data;
    if (err.response?.status - 400) return err.response.data;
    if (typeof window !== 'undefined') return err.response.data;
    if (err.name === \`\${kind}Error\`) return err.response.data;
    if (err instanceof classes[kind]) return err.response.data;
    return null;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 35,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x > 1) return err.response?.data;
    if ('data' in err) return err.response.data;
    if (err.response?.status - 400) return err.response.data;
    if (typeof window !== 'undefined') return err.response.data;
    if (err.name === \`\${kind}Error\`) return err.response.data;
    if (err instanceof classes[kind]) return err.response.data;
    return null;
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 8,
          column: 31,
          endLine: 8,
          endColumn: 43,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x > 1) return err.response.data;
    if ('data' in err) return err.response?.data;
    if (err.response?.status - 400) return err.response.data;
    if (typeof window !== 'undefined') return err.response.data;
    if (err.name === \`\${kind}Error\`) return err.response.data;
    if (err instanceof classes[kind]) return err.response.data;
    return null;
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 9,
          column: 44,
          endLine: 9,
          endColumn: 56,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x > 1) return err.response.data;
    if ('data' in err) return err.response.data;
    if (err.response?.status - 400) return err.response?.data;
    if (typeof window !== 'undefined') return err.response.data;
    if (err.name === \`\${kind}Error\`) return err.response.data;
    if (err instanceof classes[kind]) return err.response.data;
    return null;
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 10,
          column: 47,
          endLine: 10,
          endColumn: 59,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x > 1) return err.response.data;
    if ('data' in err) return err.response.data;
    if (err.response?.status - 400) return err.response.data;
    if (typeof window !== 'undefined') return err.response?.data;
    if (err.name === \`\${kind}Error\`) return err.response.data;
    if (err instanceof classes[kind]) return err.response.data;
    return null;
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 11,
          column: 45,
          endLine: 11,
          endColumn: 57,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x > 1) return err.response.data;
    if ('data' in err) return err.response.data;
    if (err.response?.status - 400) return err.response.data;
    if (typeof window !== 'undefined') return err.response.data;
    if (err.name === \`\${kind}Error\`) return err.response?.data;
    if (err instanceof classes[kind]) return err.response.data;
    return null;
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 12,
          column: 46,
          endLine: 12,
          endColumn: 58,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x, y, kind, classes) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (x > 1) return err.response.data;
    if ('data' in err) return err.response.data;
    if (err.response?.status - 400) return err.response.data;
    if (typeof window !== 'undefined') return err.response.data;
    if (err.name === \`\${kind}Error\`) return err.response.data;
    if (err instanceof classes[kind]) return err.response?.data;
    return null;
  }
}
` },
          ],
        },
      ],
    },
    {
      // Guard clauses that do not always leave.
      code: `
import axios from 'axios';
async function load(url, x) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (!err.response) {
      const reason = err.message;
      failures++;
    }
    if (!err.response) {
      if (x) return null;
    }
    return err.response.data.items.map((item) => item.id);
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 14,
          column: 12,
          endLine: 14,
          endColumn: 24,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, x) {
  try {
    return await axios.get(url);
  } catch (err) {
    if (!err.response) {
      const reason = err.message;
      failures++;
    }
    if (!err.response) {
      if (x) return null;
    }
    return err.response?.data.items.map((item) => item.id);
  }
}
` },
          ],
        },
      ],
    },
    {
      // Destructuring by assignment and through a cast, a response copied to a variable, and a cast response.
      code: `
import axios from 'axios';
async function load(url: string) {
  let status;
  try {
    return await axios.get(url);
  } catch (err: any) {
    ({ status } = err.response);
    const { data } = err.response as { data: unknown };
    const res = err.response;
    return [status, data, res.headers, (err.response as any).config];
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 31,
          suggestions: [
            { messageId: 'suggestEmptyObject', output: `
import axios from 'axios';
async function load(url: string) {
  let status;
  try {
    return await axios.get(url);
  } catch (err: any) {
    ({ status } = err.response ?? {});
    const { data } = err.response as { data: unknown };
    const res = err.response;
    return [status, data, res.headers, (err.response as any).config];
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 34,
          suggestions: [
            { messageId: 'suggestEmptyObject', output: `
import axios from 'axios';
async function load(url: string) {
  let status;
  try {
    return await axios.get(url);
  } catch (err: any) {
    ({ status } = err.response);
    const { data } = (err.response as { data: unknown }) ?? {};
    const res = err.response;
    return [status, data, res.headers, (err.response as any).config];
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'res', client: 'axios' },
          line: 11,
          column: 27,
          endLine: 11,
          endColumn: 30,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url: string) {
  let status;
  try {
    return await axios.get(url);
  } catch (err: any) {
    ({ status } = err.response);
    const { data } = err.response as { data: unknown };
    const res = err.response;
    return [status, data, res?.headers, (err.response as any).config];
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 11,
          column: 41,
          endLine: 11,
          endColumn: 53,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url: string) {
  let status;
  try {
    return await axios.get(url);
  } catch (err: any) {
    ({ status } = err.response);
    const { data } = err.response as { data: unknown };
    const res = err.response;
    return [status, data, res.headers, (err.response as any)?.config];
  }
}
` },
          ],
        },
      ],
    },
    {
      // Targets of writes, and tags, cannot be optional chains: no suggestion.
      code: `
import axios from 'axios';
async function load(url, obj, list) {
  try {
    return await axios.get(url);
  } catch (err) {
    err.response.count++;
    for (err.response.key in obj);
    [err.response.first] = list;
    [err.response.second = 1] = list;
    [...err.response.rest] = list;
    ({ total: err.response.total } = obj);
    err.response.tag\`x\`;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 17,
          suggestions: [],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 22,
          suggestions: [],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 9,
          column: 6,
          endLine: 9,
          endColumn: 18,
          suggestions: [],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 10,
          column: 6,
          endLine: 10,
          endColumn: 18,
          suggestions: [],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 21,
          suggestions: [],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 12,
          column: 15,
          endLine: 12,
          endColumn: 27,
          suggestions: [],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 17,
          suggestions: [],
        },
      ],
    },
    {
      // Reads in a computed key and a default value can take `?.`; a long name is not repeated in the message.
      code: `
import axios from 'axios';
async function load(url, obj) {
  try {
    return await axios.get(url);
  } catch (errorFromTheUpstreamInventoryService) {
    const { [errorFromTheUpstreamInventoryService.response.key]: value = errorFromTheUpstreamInventoryService.response.fallback } = obj;
    return value;
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'response', client: 'axios' },
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 59,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, obj) {
  try {
    return await axios.get(url);
  } catch (errorFromTheUpstreamInventoryService) {
    const { [errorFromTheUpstreamInventoryService.response?.key]: value = errorFromTheUpstreamInventoryService.response.fallback } = obj;
    return value;
  }
}
` },
          ],
        },
        {
          messageId: 'unguardedResponse',
          data: { response: 'response', client: 'axios' },
          line: 7,
          column: 74,
          endLine: 7,
          endColumn: 119,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
import axios from 'axios';
async function load(url, obj) {
  try {
    return await axios.get(url);
  } catch (errorFromTheUpstreamInventoryService) {
    const { [errorFromTheUpstreamInventoryService.response.key]: value = errorFromTheUpstreamInventoryService.response?.fallback } = obj;
    return value;
  }
}
` },
          ],
        },
      ],
    },

    {
      // The request is made by methods of the file that the `try` block calls.
      code: `
const axios = require('axios');
class IssueSource {
  constructor(token) {
    this.http = axios.create({ baseURL: 'https://git.example.com/api', timeout: 10_000 });
  }
  async page(repo, page) {
    const { data } = await this.http.get(\`/repos/\${repo}/issues\`, { params: { page } });
    return data;
  }
  async all(repo) {
    const issues = [];
    for (let page = 1; ; page++) {
      const batch = await this.page(repo, page);
      issues.push(...batch);
      if (batch.length < 100) return issues;
    }
  }
}
async function syncRepos(token, repos, store) {
  const source = new IssueSource(token);
  await Promise.all(
    repos.map(async (repo) => {
      try {
        await store.save(repo, await source.all(repo));
      } catch (err) {
        console.error(\`sync of \${repo} failed: \${err.response.status}\`);
      }
    }),
  );
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 27,
          column: 50,
          endLine: 27,
          endColumn: 62,
          suggestions: [
            { messageId: 'suggestOptionalChaining', output: `
const axios = require('axios');
class IssueSource {
  constructor(token) {
    this.http = axios.create({ baseURL: 'https://git.example.com/api', timeout: 10_000 });
  }
  async page(repo, page) {
    const { data } = await this.http.get(\`/repos/\${repo}/issues\`, { params: { page } });
    return data;
  }
  async all(repo) {
    const issues = [];
    for (let page = 1; ; page++) {
      const batch = await this.page(repo, page);
      issues.push(...batch);
      if (batch.length < 100) return issues;
    }
  }
}
async function syncRepos(token, repos, store) {
  const source = new IssueSource(token);
  await Promise.all(
    repos.map(async (repo) => {
      try {
        await store.save(repo, await source.all(repo));
      } catch (err) {
        console.error(\`sync of \${repo} failed: \${err.response?.status}\`);
      }
    }),
  );
}
` },
          ],
        },
      ],
    },

  ],
});

ruleTester.run('no-unguarded-error-response (interceptors and API modules)', rule, {
  valid: [
    // Guards in an interceptor: optional chaining, and `isAxiosError` with the response checked.
    `import axios from 'axios';

axios.interceptors.response.use(
  (response) => response,
  (error) => {
    if (error.response?.status === 401) redirectToLogin();
    if (axios.isAxiosError(error) && error.response) log(error.response.data);
    return Promise.reject(error);
  },
);
`,
    // A request interceptor's rejection callback: no response is expected there.
    `import axios from 'axios';

axios.interceptors.request.use((config) => config, (error) => Promise.reject(error.response.data));
`,
    // An imported function of a module that does not say it is an API client, in a file without axios.
    `import { getUser } from './users';

export async function loadProfile(id) {
  try {
    return await getUser(id);
  } catch (err) {
    if (err.response.status === 404) return null;
    throw err;
  }
}
`,
    // Reads of other fields than `status`, `data` and `headers` are not evidence of an axios error.
    `import { getUser } from './api/users';

export async function loadProfile(id) {
  try {
    return await getUser(id);
  } catch (err) {
    log(err.response.statusText, err.response.config);
    throw err;
  }
}
`,
    // A package import is not the project's API module.
    `import axios from 'axios';
import { parse } from 'some-http-lib';

export function read(text) {
  try {
    return parse(text);
  } catch (e) {
    return e.response.status;
  }
}
`,
    // A promise created before the `try` rejects outside it.
    `import { getUser } from './api/users';

export async function loadProfile(id) {
  const pending = getUser(id);
  try {
    await other();
  } catch (err) {
    return err.response.status;
  }
  return pending;
}
`,
    // Guarded: `axios.isAxiosError(err) && err.response`, and `?.`.
    `import { getUser } from './api/users';

export async function loadProfile(id) {
  try {
    return await getUser(id);
  } catch (err) {
    if (axios.isAxiosError(err) && err.response) return err.response.status;
    return err.response?.data;
  }
}
`,
    // Type-only imports do not count.
    `import type { ApiError } from './api/types';
import { toMessage } from './messages';

export function describe(error: ApiError) {
  try {
    return toMessage(error);
  } catch (e) {
    return e.response.status;
  }
}
`,
  ],
  invalid: [
    // An interceptor's rejection callback handles every failed request of the instance, network errors included.
    {
      code: `import axios from 'axios';

const api = axios.create({ baseURL: '/api', timeout: 10000 });

api.interceptors.response.use(
  (response) => response,
  (error) => {
    if (error.response.status === 401) redirectToLogin();
    return Promise.reject(error);
  },
);
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 23,
          data: { response: 'error.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `import axios from 'axios';

const api = axios.create({ baseURL: '/api', timeout: 10000 });

api.interceptors.response.use(
  (response) => response,
  (error) => {
    if (error.response?.status === 401) redirectToLogin();
    return Promise.reject(error);
  },
);
`,
            },
          ],
        },
      ],
    },
    // An interceptor of the axios default, with a named callback that destructures the response.
    {
      code: `import axios from 'axios';

function onRejected(error) {
  const { status } = error.response;
  notify(\`Request failed with \${status}\`);
  return Promise.reject(error);
}

axios.interceptors.response.use(undefined, onRejected);
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 36,
          data: { response: 'error.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestEmptyObject',
              output: `import axios from 'axios';

function onRejected(error) {
  const { status } = error.response ?? {};
  notify(\`Request failed with \${status}\`);
  return Promise.reject(error);
}

axios.interceptors.response.use(undefined, onRejected);
`,
            },
          ],
        },
      ],
    },
    // An interceptor of an imported instance, with a pattern in the parameter.
    {
      code: `import http from './http';

http.interceptors.response.use(null, ({ response: { data } }) => Promise.reject(new Error(data.message)));
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 3,
          column: 41,
          endLine: 3,
          endColumn: 49,
          data: { response: 'response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestEmptyObject',
              output: `import http from './http';

http.interceptors.response.use(null, ({ response: { data } = {} }) => Promise.reject(new Error(data.message)));
`,
            },
          ],
        },
      ],
    },
    // A catch around an awaited function of an API module (the path says api).
    {
      code: `import { getUser } from './api/users';

export async function loadProfile(id) {
  try {
    return await getUser(id);
  } catch (err) {
    if (err.response.status === 404) return null;
    throw err;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 21,
          data: { response: 'err.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `import { getUser } from './api/users';

export async function loadProfile(id) {
  try {
    return await getUser(id);
  } catch (err) {
    if (err.response?.status === 404) return null;
    throw err;
  }
}
`,
            },
          ],
        },
      ],
    },
    // A `.catch()` on a method of an imported object, in a file that imports axios.
    {
      code: `import axios from 'axios';
import { orders } from '../services/orders';

export function refresh(store) {
  return orders
    .list({ page: 1 })
    .then((list) => store.set(list))
    .catch((e) => store.fail(e.response.data.message));
}
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 40,
          data: { response: 'e.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `import axios from 'axios';
import { orders } from '../services/orders';

export function refresh(store) {
  return orders
    .list({ page: 1 })
    .then((list) => store.set(list))
    .catch((e) => store.fail(e.response?.data.message));
}
`,
            },
          ],
        },
      ],
    },
    // `error.isAxiosError` does not say there is a response.
    {
      code: `import { fetchCart } from '@/lib/apiClient';

export async function cartTotal() {
  try {
    const cart = await fetchCart();
    return cart.total;
  } catch (error) {
    if (error.isAxiosError && error.response.status === 401) return 0;
    report(error.response.headers['x-request-id']);
    throw error;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 8,
          column: 31,
          endLine: 8,
          endColumn: 45,
          data: { response: 'error.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `import { fetchCart } from '@/lib/apiClient';

export async function cartTotal() {
  try {
    const cart = await fetchCart();
    return cart.total;
  } catch (error) {
    if (error.isAxiosError && error.response?.status === 401) return 0;
    report(error.response.headers['x-request-id']);
    throw error;
  }
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedResponse',
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 26,
          data: { response: 'error.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `import { fetchCart } from '@/lib/apiClient';

export async function cartTotal() {
  try {
    const cart = await fetchCart();
    return cart.total;
  } catch (error) {
    if (error.isAxiosError && error.response.status === 401) return 0;
    report(error.response?.headers['x-request-id']);
    throw error;
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

describe('no-unguarded-error-response options', () => {
  it('rejects options', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('x', [
        {
          plugins: { 'http-client': { rules: { 'no-unguarded-error-response': rule } } } as never,
          rules: { 'http-client/no-unguarded-error-response': ['error', { bogus: 1 }] },
        },
      ]),
    ).toThrow(/no-unguarded-error-response/u);
  });
});

ruleTester.run('no-unguarded-error-response (compiled imports, named handlers, isAxiosError)', rule, {
  valid: [
    // A compiled axios import whose handler checks the response.
    `
const http_1 = __importDefault(require('axios'));
class Store {
  constructor() { this.client = http_1.default.create({ baseURL: '/v2' }); }
  load() {
    return this.client.get('/items').catch((err) => err.response ? err.response.status : 0);
  }
}
`,
    // The field holds something else than the instance of the compiled axios.
    `
const http_1 = __importDefault(require('axios'));
class Store {
  constructor(db) { this.client = db; this.http = http_1.default.create(); }
  load() {
    return this.client.get('/items').catch((err) => err.response.status);
  }
}
`,
    // The module wrapped by a helper is not axios.
    `
const db_1 = __importDefault(require('pg'));
function load() { return db_1.default.query('select 1').catch((err) => err.response.status); }
`,
    // A named rejection callback that guards the read.
    `
import axios from 'axios';
function describeFailure(err) {
  if (!err.response) throw err;
  throw new Error(String(err.response.status));
}
export const load = (url) => axios.get(url).catch(describeFailure);
`,
    // A named handler on a promise that is not a request.
    `
import axios from 'axios';
function onFailure(err) { return err.response.status; }
export const load = (job) => job.run().catch(onFailure);
`,
    // isAxiosError with the response checked as well.
    `
async function refresh(auth) {
  try {
    await auth.renew();
  } catch (failure) {
    if (failure.isAxiosError && failure.response) report(failure.response.status);
  }
}
`,
    // isAxiosError of something else than the caught error.
    `
async function refresh(auth, last) {
  try {
    await auth.renew();
  } catch (failure) {
    if (last.isAxiosError) report(failure.response.status);
  }
}
`,
    // isAxiosError outside any error handler.
    `
function statusOf(value) {
  return value.isAxiosError ? value.response.status : 0;
}
`,
  ],
  invalid: [
    // An instance created by a compiled axios import and kept in a field of the class.
    {
      code: `const http_1 = __importDefault(require('axios'));
class Store {
  constructor() { this.client = http_1.default.create({ baseURL: '/v2' }); }
  load() {
    return this.client.get('/items').catch((err) => reportFailure(err.response.data));
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 5,
          column: 67,
          endLine: 5,
          endColumn: 79,
          data: { response: 'err.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `const http_1 = __importDefault(require('axios'));
class Store {
  constructor() { this.client = http_1.default.create({ baseURL: '/v2' }); }
  load() {
    return this.client.get('/items').catch((err) => reportFailure(err.response?.data));
  }
}
`,
            },
          ],
        },
      ],
    },
    // A compiled axios import called directly, `(0, x.default)(config)`, and through `x["default"]` of a legacy helper.
    {
      code: `const axios = require('axios');
const axios__default = _interopDefaultLegacy(axios);
function send(config) {
  return (0, axios__default.default)(config).catch((e) => e.response.status);
}
function post(config) {
  axios__default["default"].request(config).catch((e) => { reply(e.response.status); });
}
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 4,
          column: 59,
          endLine: 4,
          endColumn: 69,
          data: { response: 'e.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `const axios = require('axios');
const axios__default = _interopDefaultLegacy(axios);
function send(config) {
  return (0, axios__default.default)(config).catch((e) => e.response?.status);
}
function post(config) {
  axios__default["default"].request(config).catch((e) => { reply(e.response.status); });
}
`,
            },
          ],
        },
        {
          messageId: 'unguardedResponse',
          line: 7,
          column: 66,
          endLine: 7,
          endColumn: 76,
          data: { response: 'e.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `const axios = require('axios');
const axios__default = _interopDefaultLegacy(axios);
function send(config) {
  return (0, axios__default.default)(config).catch((e) => e.response.status);
}
function post(config) {
  axios__default["default"].request(config).catch((e) => { reply(e.response?.status); });
}
`,
            },
          ],
        },
      ],
    },
    // A named rejection callback shared by the requests of the file is reported once.
    {
      code: `import axios from 'axios';
function toFailure(err) {
  throw { code: err.response.status };
}
export const list = () => axios.get('/a').catch(toFailure);
export const show = (id) => axios.get('/a/' + id).catch(toFailure);
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 29,
          data: { response: 'err.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `import axios from 'axios';
function toFailure(err) {
  throw { code: err.response?.status };
}
export const list = () => axios.get('/a').catch(toFailure);
export const show = (id) => axios.get('/a/' + id).catch(toFailure);
`,
            },
          ],
        },
      ],
    },
    // The handler tests isAxiosError, which network errors pass as well.
    {
      code: `async function refresh(auth) {
  try {
    await auth.renew();
  } catch (failure) {
    if (axios.isAxiosError(failure)) throw new Error(failure.response.statusText);
    throw failure;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 5,
          column: 54,
          endLine: 5,
          endColumn: 70,
          data: { response: 'failure.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `async function refresh(auth) {
  try {
    await auth.renew();
  } catch (failure) {
    if (axios.isAxiosError(failure)) throw new Error(failure.response?.statusText);
    throw failure;
  }
}
`,
            },
          ],
        },
      ],
    },
    // The same in a .catch callback, with the property form.
    {
      code: `function refresh(auth) {
  return auth.renew().catch((error) => {
    if (error.isAxiosError) log(error.response.data);
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'unguardedResponse',
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 47,
          data: { response: 'error.response', client: 'axios' },
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `function refresh(auth) {
  return auth.renew().catch((error) => {
    if (error.isAxiosError) log(error.response?.data);
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

ruleTester.run('no-unguarded-error-response (instances named axios, Babel default imports)', rule, {
  valid: [
    // An instance named as axios whose handler guards the read.
    `
export async function loadPage(page, context) {
  const { axiosInstance } = context;
  try {
    return (await axiosInstance({ url: '/pages', params: { page } })).data;
  } catch (failure) {
    if (failure.response?.status === 404) return null;
    throw failure;
  }
}
`,
    // Names that hold something about axios rather than an instance.
    `
export async function loadPage(context) {
  const { axiosConfig, axiosError } = context;
  try {
    return await axiosConfig.get('retries');
  } catch (failure) {
    return failure.response.status;
  }
}
`,
    // A client whose name does not say axios.
    `
export async function loadPage(ctx) {
  try {
    return await ctx.http.get('/pages');
  } catch (failure) {
    return failure.response.status;
  }
}
`,
    // A local `axios` that shadows the module is not the client.
    `
export async function loadPage(cache) {
  const axios = { get: (key) => cache.read(key) };
  try {
    return await axios.get('pages');
  } catch (failure) {
    return failure.response.status;
  }
}
`,
    // A method of the named instance that sends nothing.
    `
export async function install(context) {
  try {
    await context.axiosInstance.interceptors.request.use(addToken);
  } catch (failure) {
    report(failure.response.status);
  }
}
`,
    // Babel's default import of another module.
    `
var store = require('./store')["default"];
function Repo() { this.db = store.create(); }
Repo.prototype.load = function () {
  return this.db.get('/items').catch(function (err) { return err.response.status; });
};
`,
  ],
  invalid: [
    // Destructured from a context object and called with a config.
    {
      code: `
export async function loadPage(page, context) {
  const { reporter, axiosInstance } = context;
  try {
    return (await axiosInstance({ url: '/pages', params: { page } })).data;
  } catch (failure) {
    if (failure.response.status !== 404) reporter.panic('pages', failure);
    return [];
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'failure.response', client: 'axios' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
export async function loadPage(page, context) {
  const { reporter, axiosInstance } = context;
  try {
    return (await axiosInstance({ url: '/pages', params: { page } })).data;
  } catch (failure) {
    if (failure.response?.status !== 404) reporter.panic('pages', failure);
    return [];
  }
}
`,
            },
          ],
        },
      ],
    },
    // A field of `this` named axios, through a request method and `.catch()`.
    {
      code: `
export class Uploader {
  send(file) {
    return this.axios.post('/files', file).catch((err) => log(err.response.data));
  }
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 4,
          column: 63,
          endLine: 4,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
export class Uploader {
  send(file) {
    return this.axios.post('/files', file).catch((err) => log(err.response?.data));
  }
}
`,
            },
          ],
        },
      ],
    },
    // Babel's `require('axios')["default"]`, an instance on `this` of a constructor function,
    // and a named rejection callback.
    {
      code: `
var axios = require('axios')["default"];
function toError(err) {
  throw { status: err.response.status };
}
function Api(options) {
  this.rq = axios.create({ baseURL: options.host });
}
Api.prototype.get = function (path) {
  return this.rq.get(path)["catch"](toError);
};
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
var axios = require('axios')["default"];
function toError(err) {
  throw { status: err.response?.status };
}
function Api(options) {
  this.rq = axios.create({ baseURL: options.host });
}
Api.prototype.get = function (path) {
  return this.rq.get(path)["catch"](toError);
};
`,
            },
          ],
        },
      ],
    },
    // A request of Babel's default import itself.
    {
      code: `
var axios = require('axios').default;
function load(url) {
  return axios.get(url).catch((err) => err.response.status);
}
`,
      errors: [
        {
          messageId: 'unguardedResponse',
          data: { response: 'err.response', client: 'axios' },
          line: 4,
          column: 40,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'suggestOptionalChaining',
              output: `
var axios = require('axios').default;
function load(url) {
  return axios.get(url).catch((err) => err.response?.status);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
