/**
 * Node's `http` and `https`: `request`/`get` with a callback, the `ClientRequest` they return, and
 * the `Agent` that pools their sockets. https://nodejs.org/api/http.html#httprequesturl-options-callback
 */
import type { ApiShape, ClientProfile } from './profile';
import { construct, NO_TIMEOUT_VALUES, NONE, request } from './profile';

/** The API of `http` and `https`. */
export const NODE_HTTP_SHAPE: ApiShape = {
  members: {
    request: request('node-http', 'request', 'node-http'),
    get: request('node-http', 'get', 'node-http'),
    Agent: construct('agent', 0),
  },
};

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

/**
 * Methods of a `ClientRequest` or an `IncomingMessage` that add an event listener:
 * `req.on('socket', ...)`, `res.on('data', ...)`. https://nodejs.org/api/events.html
 */
export const LISTENER_METHODS: ReadonlySet<string> = new Set([
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
]);

export const nodeHttpProfile = {
  name: 'node-http',
  label: 'node:http',
  modules: {
    http: NODE_HTTP_SHAPE,
    https: NODE_HTTP_SHAPE,
    'node:http': NODE_HTTP_SHAPE,
    'node:https': NODE_HTTP_SHAPE,
  },
  instance: NODE_HTTP_SHAPE,
  streamMethods: NONE,
  // https://nodejs.org/api/http.html#class-httpincomingmessage: the callback runs for every status.
  status: { httpErrors: 'resolves', option: null, check: 'statusCode', fetchResponse: false },
  errorResponse: false,
  timeout: {
    // https://nodejs.org/api/http.html#httprequesturl-options-callback: `timeout` times the socket out.
    options: ['timeout'],
    signalOptions: ['signal'],
    defaultMs: null,
    disabledBy: NO_TIMEOUT_VALUES,
    disabledDescription: 'the socket timeout of `node:http`',
  },
  // https://nodejs.org/api/stream.html#event-data: the body arrives as `data` (or `readable`) events.
  body: { properties: NONE, methods: NONE, promiseMethods: NONE, events: new Set(['data', 'readable']) },
  // https://nodejs.org/api/http.html#new-agentoptions: the default is Infinity, and the agent
  // stores `options.maxSockets || Infinity`, so 0 and null mean no limit too; `Number.MAX_VALUE`
  // and `Number.MAX_SAFE_INTEGER` are Infinity in practice. A finite `maxTotalSockets` still caps it.
  pool: {
    option: 'maxSockets',
    unlimited: [Number.POSITIVE_INFINITY, 0, null, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER],
    totalOption: 'maxTotalSockets',
  },
  silentJson: null,
} as const satisfies ClientProfile;
