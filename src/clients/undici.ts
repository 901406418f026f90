/**
 * undici: `request`/`stream` and its `fetch`, and the dispatchers (`Client`, `Pool`, `Agent`, ...)
 * that own its connections. https://undici.nodejs.org/#/docs/api/Dispatcher
 */
import type { ApiShape, ClientProfile } from './profile';
import { FETCH_SHAPE } from './fetch';
import { construct, NONE, request } from './profile';

/** The request API of an undici dispatcher (`Client`, `Pool`, `Agent`, ...). */
export const UNDICI_DISPATCHER_SHAPE: ApiShape = {
  members: {
    request: request('undici', 'request', 'options'),
    stream: request('undici', 'stream', 'options'),
  },
};

export const undiciProfile = {
  name: 'undici',
  label: 'undici',
  modules: {
    undici: {
      members: {
        request: request('undici', 'request', 'url-options'),
        stream: request('undici', 'stream', 'url-options'),
        fetch: FETCH_SHAPE,
        Agent: construct('agent', 0, 'undici'),
        BalancedPool: construct('pool', 1, 'undici'),
        Client: construct('client', 1, 'undici'),
        EnvHttpProxyAgent: construct('proxy-agent', 0, 'undici'),
        Pool: construct('pool', 1, 'undici'),
        ProxyAgent: construct('proxy-agent', 0, 'undici'),
        RetryAgent: construct('agent', 1, 'undici'),
      },
    },
  },
  // undici's types ship as their own package, which Node's types use too.
  typePackages: { 'undici-types': 'undici' },
  instance: UNDICI_DISPATCHER_SHAPE,
  // `stream(url, options, factory)` writes the body to the factory's stream; there is no response.
  streamMethods: new Set(['stream']),
  // https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
  status: { httpErrors: 'resolves', option: null, check: 'statusCode', fetchResponse: false },
  errorResponse: false,
  timeout: {
    // Two 300 s defaults, which Node's built-in `fetch` inherits; only `0` turns them off.
    // https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-dispatchoptions
    options: ['headersTimeout', 'bodyTimeout'],
    signalOptions: ['signal'],
    defaultMs: 300_000,
    disabledBy: [0],
    disabledDescription: 'the 300 s default of `undici`',
  },
  // https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-responsedata
  body: { properties: new Set(['body']), methods: NONE, promiseMethods: NONE, events: NONE },
  // https://undici.nodejs.org/#/docs/api/Pool?id=parameter-pooloptions: `connections: null` means
  // no limit, and the pool stores `connections || null`, so 0 means no limit too.
  pool: { option: 'connections', unlimited: [0, null], totalOption: null },
  silentJson: null,
} as const satisfies ClientProfile;
