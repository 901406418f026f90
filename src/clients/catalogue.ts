/**
 * What the plugin knows about HTTP client libraries: which modules they live in, which of their
 * exports send requests, create reusable clients, or create connection pools and agents.
 *
 * This is data only. `model/http.ts` turns it into reference-tracker maps and finds the uses.
 */
import { AGENT_MODULE_SHAPES } from './agents';

/** The HTTP clients the plugin understands. */
export type ClientName = 'axios' | 'fetch' | 'got' | 'ky' | 'node-http' | 'undici';

/** Every known client name, for schemas and settings validation. */
export const CLIENT_NAMES: readonly ClientName[] = ['axios', 'fetch', 'got', 'ky', 'node-http', 'undici'];

/**
 * How a request function takes its arguments, so the model can find the URL and the options.
 * - `url-options`: `fetch(url, init)`, `ky.get(url, options)`, `axios.get(url, config)`;
 * - `url-data-options`: `axios.post(url, data, config)`;
 * - `config-or-url-options`: `axios(config)` or `axios(url, config)`, `got(url, options)` or `got(options)`;
 * - `options`: undici `client.request(options)`;
 * - `node-http`: `http.request(url?, options?, callback?)`.
 */
export type RequestSignature =
  | 'config-or-url-options'
  | 'node-http'
  | 'options'
  | 'url-data-options'
  | 'url-options';

/** An export that sends a request. */
export interface RequestApi {
  readonly role: 'request';
  readonly client: ClientName;
  /** The method called, e.g. `get`; `null` when the client itself is called (`fetch(url)`). */
  readonly method: string | null;
  readonly signature: RequestSignature;
}

/** An export that derives a configured client from another (`axios.create`, `got.extend`). */
export interface FactoryApi {
  readonly role: 'factory';
  readonly client: ClientName;
  /** The method name as written in messages, e.g. `create`. */
  readonly method: string;
}

/** What a constructed object is, for messages and for rules that treat pools differently. */
export type ConstructedKind = 'agent' | 'client' | 'pool' | 'proxy-agent';

/** A class whose instances own sockets: agents, pools, proxy agents, undici clients. */
export interface ConstructApi {
  readonly role: 'construct';
  readonly kind: ConstructedKind;
  /** Set when the instance can itself send requests (undici `Client#request`). */
  readonly client: ClientName | null;
  /** Index of the options argument (`new Pool(origin, options)` → 1). */
  readonly optionsIndex: number;
}

/** A read of a client's `defaults` (axios), recorded so writes like `axios.defaults.timeout = 5000` count. */
export interface DefaultsApi {
  readonly role: 'defaults';
}

/** A read of a client's `interceptors` (axios), which configures the instance. */
export interface InterceptorsApi {
  readonly role: 'interceptors';
}

/** What a tracked reference means. */
export type ApiInfo = ConstructApi | DefaultsApi | FactoryApi | InterceptorsApi | RequestApi;

/** A node in the description of a module's API: what calling, constructing or reading it means. */
export interface ApiShape {
  readonly call?: FactoryApi | RequestApi;
  readonly construct?: ConstructApi;
  readonly read?: DefaultsApi | InterceptorsApi;
  readonly members?: Readonly<Record<string, ApiShape>>;
}

function request(client: ClientName, method: string | null, signature: RequestSignature): ApiShape {
  return { call: { role: 'request', client, method, signature } };
}

function methods(
  client: ClientName,
  names: readonly string[],
  signature: RequestSignature,
): Record<string, ApiShape> {
  return Object.fromEntries(names.map((name) => [name, request(client, name, signature)]));
}

function construct(kind: ConstructedKind, optionsIndex: number, client: ClientName | null = null): ApiShape {
  return { construct: { role: 'construct', kind, client, optionsIndex } };
}

const fetchShape: ApiShape = request('fetch', null, 'url-options');

/** axios methods whose config comes after a `data` argument: `axios.post(url, data, config)`. */
export const AXIOS_DATA_METHODS: ReadonlySet<string> = new Set(['patch', 'patchForm', 'post', 'postForm', 'put', 'putForm']);

// https://axios-http.com/docs/api_intro
const axiosRequestMembers: Record<string, ApiShape> = {
  ...methods('axios', ['delete', 'get', 'head', 'options'], 'url-options'),
  ...methods('axios', [...AXIOS_DATA_METHODS], 'url-data-options'),
  // `axios.request(config)`, and since axios 1.x also `axios.request(url, config)`.
  request: request('axios', 'request', 'config-or-url-options'),
  defaults: { read: { role: 'defaults' } },
  interceptors: { read: { role: 'interceptors' } },
};

/** The API of an axios instance (`axios.create()` result). Instances can `create` again (axios ≥ 1.6). */
export const axiosInstanceShape: ApiShape = {
  call: { role: 'request', client: 'axios', method: null, signature: 'config-or-url-options' },
  members: {
    ...axiosRequestMembers,
    create: { call: { role: 'factory', client: 'axios', method: 'create' } },
  },
};

// https://github.com/sindresorhus/got/blob/main/documentation/1-promise.md
const gotMethodNames = ['delete', 'get', 'head', 'patch', 'post', 'put'];

/** The API of got and of `got.extend()` instances. */
export const gotInstanceShape: ApiShape = {
  call: { role: 'request', client: 'got', method: null, signature: 'config-or-url-options' },
  members: {
    ...methods('got', gotMethodNames, 'config-or-url-options'),
    stream: {
      ...request('got', 'stream', 'config-or-url-options'),
      members: methods('got', gotMethodNames, 'config-or-url-options'),
    },
    paginate: request('got', 'paginate', 'config-or-url-options'),
    extend: { call: { role: 'factory', client: 'got', method: 'extend' } },
  },
};

// https://github.com/sindresorhus/ky#api
/** The API of ky and of `ky.create()`/`ky.extend()` instances. */
export const kyInstanceShape: ApiShape = {
  call: { role: 'request', client: 'ky', method: null, signature: 'url-options' },
  members: {
    ...methods('ky', ['delete', 'get', 'head', 'patch', 'post', 'put'], 'url-options'),
    create: { call: { role: 'factory', client: 'ky', method: 'create' } },
    extend: { call: { role: 'factory', client: 'ky', method: 'extend' } },
  },
};

/** The request API of an undici dispatcher (`Client`, `Pool`, `Agent`, ...). */
export const undiciDispatcherShape: ApiShape = {
  members: {
    request: request('undici', 'request', 'options'),
    stream: request('undici', 'stream', 'options'),
  },
};

// https://undici.nodejs.org/#/docs/api/Dispatcher
const undiciShape: ApiShape = {
  members: {
    request: request('undici', 'request', 'url-options'),
    stream: request('undici', 'stream', 'url-options'),
    fetch: fetchShape,
    Agent: construct('agent', 0, 'undici'),
    BalancedPool: construct('pool', 1, 'undici'),
    Client: construct('client', 1, 'undici'),
    EnvHttpProxyAgent: construct('proxy-agent', 0, 'undici'),
    Pool: construct('pool', 1, 'undici'),
    ProxyAgent: construct('proxy-agent', 0, 'undici'),
    RetryAgent: construct('agent', 1, 'undici'),
  },
};

// https://nodejs.org/api/http.html#httprequesturl-options-callback
const nodeHttpShape: ApiShape = {
  members: {
    request: request('node-http', 'request', 'node-http'),
    get: request('node-http', 'get', 'node-http'),
    Agent: construct('agent', 0),
  },
};

/**
 * The modules the plugin recognises, keyed by import specifier. A module's default export (ESM) and
 * `module.exports` (CommonJS) are both the top level of its shape; `default` is looked through.
 */
export const MODULE_SHAPES: Readonly<Record<string, ApiShape>> = {
  axios: axiosStatic(),
  // got exports itself as the default and as `got`: `import { got } from 'got'`, `require('got').got`.
  got: { ...gotInstanceShape, members: { ...gotInstanceShape.members, got: gotInstanceShape } },
  ky: kyInstanceShape,
  'node-fetch': fetchShape,
  'cross-fetch': { ...fetchShape, members: { fetch: fetchShape } },
  'isomorphic-fetch': fetchShape,
  'isomorphic-unfetch': fetchShape,
  '@whatwg-node/fetch': { members: { fetch: fetchShape } },
  undici: undiciShape,
  http: nodeHttpShape,
  https: nodeHttpShape,
  'node:http': nodeHttpShape,
  'node:https': nodeHttpShape,
  ...AGENT_MODULE_SHAPES,
};

function axiosStatic(): ApiShape {
  return {
    call: { role: 'request', client: 'axios', method: null, signature: 'config-or-url-options' },
    members: {
      ...axiosRequestMembers,
      create: { call: { role: 'factory', client: 'axios', method: 'create' } },
    },
  };
}

/** The shape of an instance created by a factory of `client`. */
export function instanceShapeOf(client: ClientName): ApiShape {
  switch (client) {
    case 'axios':
      return axiosInstanceShape;
    case 'got':
      return gotInstanceShape;
    case 'ky':
      return kyInstanceShape;
    case 'undici':
      return undiciDispatcherShape;
    case 'fetch':
      return fetchShape;
    case 'node-http':
      return nodeHttpShape;
  }
}

/** Names under which the global object is reachable: `globalThis.fetch`, `window.fetch`, ... */
export const GLOBAL_OBJECT_NAMES: readonly string[] = ['globalThis', 'window', 'self', 'global'];

/** The global `fetch`. */
export const GLOBAL_FETCH_SHAPE: ApiShape = fetchShape;

/** Human-readable client names for messages. */
export const CLIENT_LABELS: Readonly<Record<ClientName, string>> = {
  axios: 'axios',
  fetch: 'fetch',
  got: 'got',
  ky: 'ky',
  'node-http': 'node:http',
  undici: 'undici',
};
