/**
 * Agent modules: packages whose classes (or factory functions) make the object that owns a
 * request's sockets, handed to a client through its `agent`, `httpAgent`/`httpsAgent` or
 * `dispatcher` option. Each instance keeps its own pool of keep-alive connections.
 *
 * Data only, like the client catalogue: `MODULE_SHAPES` takes the classes, and
 * `model/constructions.ts` finds the factory calls, subclasses and unknown agents in agent options.
 */
import type { ApiShape, ClientName, ConstructedKind } from './catalogue';

function construct(kind: ConstructedKind, optionsIndex: number, client: ClientName | null = null): ApiShape {
  return { construct: { role: 'construct', kind, client, optionsIndex } };
}

/** A module that exports one agent class as the module itself and under each of `names`. */
function proxyAgentModule(...names: readonly string[]): ApiShape {
  return {
    ...construct('proxy-agent', 1),
    members: Object.fromEntries(names.map((name) => [name, construct('proxy-agent', 1)])),
  };
}

const followRedirectsProtocol: ApiShape = {
  members: {
    request: { call: { role: 'request', client: 'node-http', method: 'request', signature: 'node-http' } },
    get: { call: { role: 'request', client: 'node-http', method: 'get', signature: 'node-http' } },
    Agent: construct('agent', 0),
  },
};

/** The agent classes of each module, keyed by import specifier. */
export const AGENT_MODULE_SHAPES: Readonly<Record<string, ApiShape>> = {
  // https://github.com/TooTallNate/proxy-agents
  'http-proxy-agent': proxyAgentModule('HttpProxyAgent'),
  'https-proxy-agent': proxyAgentModule('HttpsProxyAgent'),
  'socks-proxy-agent': proxyAgentModule('SocksProxyAgent'),
  'proxy-agent': proxyAgentModule('ProxyAgent'),
  // https://github.com/delvedor/hpagent
  hpagent: { members: { HttpProxyAgent: construct('proxy-agent', 0), HttpsProxyAgent: construct('proxy-agent', 0) } },
  // https://github.com/node-modules/agentkeepalive#new-agentoptions
  agentkeepalive: { ...construct('agent', 0), members: { HttpsAgent: construct('agent', 0) } },
  // https://github.com/3846masa/http-cookie-agent: node:http(s) agents, and an undici dispatcher
  // that sends requests itself (`agent.request()`).
  'http-cookie-agent/http': {
    members: {
      HttpCookieAgent: construct('agent', 0),
      HttpsCookieAgent: construct('agent', 0),
      MixedCookieAgent: construct('agent', 0),
    },
  },
  'http-cookie-agent/undici': { members: { CookieAgent: construct('agent', 0, 'undici') } },
  // follow-redirects wraps node:http and node:https: its `http`/`https` have their `request`,
  // `get` and (inherited) `Agent`. https://github.com/follow-redirects/follow-redirects#usage
  'follow-redirects': { members: { http: followRedirectsProtocol, https: followRedirectsProtocol } },
};

/**
 * Functions that return a new agent when called, by module and export: tunnel's
 * `httpsOverHttp(options)` and its siblings each build a tunnelling agent.
 * https://github.com/koichik/node-tunnel#usage
 */
export const AGENT_FACTORY_MODULES: Readonly<Record<string, Readonly<Record<string, ConstructedKind>>>> = {
  tunnel: {
    httpOverHttp: 'proxy-agent',
    httpOverHttps: 'proxy-agent',
    httpsOverHttp: 'proxy-agent',
    httpsOverHttps: 'proxy-agent',
  },
};

/**
 * Option keys that take an agent: `agent` (node:http, node-fetch, got's `{ http, https }`),
 * axios's `httpAgent`/`httpsAgent`, and undici's (and Node's `fetch`) `dispatcher`.
 */
export const AGENT_OPTION_KEYS: ReadonlySet<string> = new Set(['agent', 'dispatcher', 'httpAgent', 'httpsAgent']);

/** The keys of got's `agent: { http, https, http2 }` option. https://github.com/sindresorhus/got/blob/main/documentation/2-options.md#agent */
export const GOT_AGENT_KEYS: ReadonlySet<string> = new Set(['http', 'http2', 'https']);

/** A class name that says it makes an agent or dispatcher: `PinnedAgent`, `RetryDispatcher`. */
export const AGENT_CLASS_NAME = /^[A-Z]\w*(?:Agent|Dispatcher)$/u;
