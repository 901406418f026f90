/**
 * What each client does about deadlines: which options set a timeout, what it waits by default,
 * and which values turn the timeout off. Data first, with the one function that interprets it.
 */

import type { ClientName } from './catalogue';

/**
 * undici's two 300 s defaults, which Node's built-in `fetch` inherits.
 * https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-dispatchoptions
 */
export const UNDICI_TIMEOUT_OPTIONS: readonly string[] = ['headersTimeout', 'bodyTimeout'];

/**
 * node-fetch v2 (which cross-fetch, isomorphic-fetch and isomorphic-unfetch use in Node) has no
 * timeout unless its non-standard `timeout` option is set.
 * https://github.com/node-fetch/node-fetch/tree/2.x#options
 */
export const NODE_FETCH_MODULES: ReadonlySet<string> = new Set([
  'cross-fetch',
  'isomorphic-fetch',
  'isomorphic-unfetch',
  'node-fetch',
]);

/**
 * `ClientRequest` methods that return the request itself, so `http.get(url).on('error', f).setTimeout(ms)`
 * still configures the request. https://nodejs.org/api/http.html#class-httpclientrequest
 */
export const CHAINABLE_REQUEST_METHODS: ReadonlySet<string> = new Set([
  'addListener',
  'end',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
  'setHeader',
  'setNoDelay',
  'setSocketKeepAlive',
]);

/** `ClientRequest` methods that add an event listener: `req.on('socket', ...)` may time the socket out. */
export const LISTENER_METHODS: ReadonlySet<string> = new Set([
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
]);

/** What a disabled timeout turns off, for messages. */
export const DISABLED_TIMEOUT_DESCRIPTIONS: Readonly<Record<ClientName, string>> = {
  axios: 'the `axios` timeout',
  fetch: 'the `node-fetch` timeout',
  got: 'the `got` timeout',
  // https://github.com/sindresorhus/ky#timeout
  ky: 'the 10 s default timeout of `ky`',
  'node-http': 'the socket timeout of `node:http`',
  undici: 'the 300 s default of `undici`',
};

/**
 * Which values turn a client's timeout off. ky takes only `false` (`0` would time out at once);
 * undici's `headersTimeout`/`bodyTimeout` only `0`; for the others `0`, `Infinity`, `null` and
 * `false` all mean "no timeout" (axios: https://axios-http.com/docs/req_config).
 */
export function isDisabledTimeout(client: ClientName, value: unknown): value is boolean | number | null {
  switch (client) {
    case 'ky':
      return value === false;
    case 'undici':
      return value === 0;
    default:
      return value === 0 || value === Number.POSITIVE_INFINITY || value === null || value === false;
  }
}
