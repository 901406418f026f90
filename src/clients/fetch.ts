/**
 * The Fetch API: the global `fetch` (browsers, Deno, Bun, and Node's, which is undici's) and the
 * packages that provide or polyfill it. https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch
 */
import type { ApiShape, ClientProfile } from './profile';
import { FETCH_BODY_METHODS, NO_TIMEOUT_VALUES, NONE, request } from './profile';

/** `fetch(url, init)`. */
export const FETCH_SHAPE: ApiShape = request('fetch', null, 'url-options');

/** Names under which the global object is reachable: `globalThis.fetch`, `window.fetch`, ... */
export const GLOBAL_OBJECT_NAMES: readonly string[] = ['globalThis', 'window', 'self', 'global'];

/** Where TypeScript's default library (`lib`) and Node's types declare the global `fetch`. */
export const GLOBAL_FETCH_TYPE_MODULES: ReadonlySet<string> = new Set(['lib', 'node', 'undici', 'undici-types']);

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

export const fetchProfile = {
  name: 'fetch',
  label: 'fetch',
  modules: {
    'node-fetch': FETCH_SHAPE,
    'cross-fetch': { ...FETCH_SHAPE, members: { fetch: FETCH_SHAPE } },
    'isomorphic-fetch': FETCH_SHAPE,
    'isomorphic-unfetch': FETCH_SHAPE,
    '@whatwg-node/fetch': { members: { fetch: FETCH_SHAPE } },
  },
  instance: FETCH_SHAPE,
  streamMethods: NONE,
  // https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch#return_value: only network errors reject.
  status: { httpErrors: 'resolves', option: null, check: 'ok', fetchResponse: true },
  errorResponse: false,
  timeout: {
    // Only node-fetch v2 and its wrappers (`NODE_FETCH_MODULES`) read `timeout`. Node's global
    // `fetch` inherits undici's header and body timeouts (see `undici.ts`), browsers have none.
    options: ['timeout'],
    signalOptions: ['signal'],
    defaultMs: null,
    disabledBy: NO_TIMEOUT_VALUES,
    disabledDescription: 'the `node-fetch` timeout',
  },
  body: { properties: new Set(['body']), methods: FETCH_BODY_METHODS, promiseMethods: NONE, events: NONE },
  pool: null,
  silentJson: null,
} as const satisfies ClientProfile;
