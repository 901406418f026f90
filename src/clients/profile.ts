/**
 * The shape of what the plugin knows about one HTTP client family, and the API-shape vocabulary
 * the profiles describe their modules with. Each family has one file in this folder exporting a
 * `ClientProfile`; `catalogue.ts` assembles them.
 */

/** The HTTP clients the plugin understands. */
export type ClientName = 'axios' | 'fetch' | 'got' | 'ky' | 'node-http' | 'undici';

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
  /** Whether the new client starts from the defaults of the one it is made from (`ky.create` does not). */
  readonly inherits: boolean;
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

/**
 * How a client treats HTTP error statuses (4xx, 5xx).
 * - `resolves`: an error status arrives as a response, like any other;
 * - `rejects`: an error status rejects, unless `option` says otherwise.
 */
export type StatusPolicy =
  | (StatusCheck & { readonly httpErrors: 'resolves'; readonly option: null })
  | (StatusCheck & {
      readonly httpErrors: 'rejects';
      /** The request option that makes the client resolve on error statuses. */
      readonly option: string;
      /** What a function given as `option` returns to let an error status through as a response. */
      readonly accepts: boolean;
    });

/** How code tells an error status apart on the client's response. */
interface StatusCheck {
  /** The response property that tells an error status apart. */
  readonly check: 'ok' | 'status' | 'statusCode';
  /** Whether the response is a Fetch `Response`, which an `if (!res.ok) throw` check fits. */
  readonly fetchResponse: boolean;
}

/** What a client does about deadlines. */
export interface TimeoutPolicy {
  /** The options that set a timeout on a request or a client. */
  readonly options: readonly string[];
  /** The options that take an abort signal (or axios's `cancelToken`). */
  readonly signalOptions: readonly string[];
  /** How long a request waits by default, in milliseconds; `null` when it can wait forever. */
  readonly defaultMs: number | null;
  /** The values of `options` that turn the timeout off. */
  readonly disabledBy: readonly unknown[];
  /** What a disabled timeout turns off, for messages. */
  readonly disabledDescription: string;
}

/** Where a client's response body is read. */
export interface BodyReads {
  /** Response properties that hold the body (`data`, `body`). */
  readonly properties: ReadonlySet<string>;
  /** Response methods that read the body (`res.json()`). */
  readonly methods: ReadonlySet<string>;
  /** Methods of the request's promise that parse the body before any code sees the status (`got(url).json()`). */
  readonly promiseMethods: ReadonlySet<string>;
  /** Events of a response stream that deliver the body (`res.on('data', ...)`). */
  readonly events: ReadonlySet<string>;
}

/** A connection-pool limit: the option that caps the sockets, and the values that lift the cap. */
export interface PoolLimit {
  /** The option that caps the sockets (per origin, or per agent). */
  readonly option: string;
  /** The values of `option` that mean "no limit". */
  readonly unlimited: readonly unknown[];
  /** An option that still caps the whole agent when `option` does not, or `null`. */
  readonly totalOption: string | null;
}

/** A client that may hand invalid JSON to the code as a string instead of failing. */
export interface SilentJsonParsing {
  /** The config object holding the switch (`transitional`). */
  readonly option: string;
  /** The key in it (`silentJSONParsing`). */
  readonly key: string;
  /** Whether invalid JSON is kept as a string when the config says nothing. */
  readonly byDefault: boolean;
  /** `responseType` values that are not parsed as JSON at all. */
  readonly nonJsonResponseTypes: ReadonlySet<unknown>;
}

/** Everything the plugin knows about one client family. */
export interface ClientProfile {
  readonly name: ClientName;
  /** How messages name the client. */
  readonly label: string;
  /**
   * The modules the client lives in, keyed by import specifier. A module's default export (ESM)
   * and `module.exports` (CommonJS) are both the top level of its shape; `default` is looked through.
   */
  readonly modules: Readonly<Record<string, ApiShape>>;
  /** Packages that hold the type declarations of one of `modules`, mapped to it (`undici-types` → `undici`). */
  readonly typePackages?: Readonly<Record<string, string>>;
  /** The API of a client made by one of the family's factories (or constructors), or of the client itself. */
  readonly instance: ApiShape;
  /** Request methods that answer with a stream or an iterator rather than a response promise. */
  readonly streamMethods: ReadonlySet<string>;
  readonly status: StatusPolicy;
  /** Whether a request error carries `response`, set only when the server answered. */
  readonly errorResponse: boolean;
  readonly timeout: TimeoutPolicy;
  readonly body: BodyReads;
  /** The limit of the family's connection pools, or `null` when it has none of its own. */
  readonly pool: PoolLimit | null;
  readonly silentJson: SilentJsonParsing | null;
}

/** A call that sends a request. */
export function request(client: ClientName, method: string | null, signature: RequestSignature): ApiShape {
  return { call: { role: 'request', client, method, signature } };
}

/** Request methods `names`, all taking their arguments as `signature` says. */
export function methods(
  client: ClientName,
  names: Iterable<string>,
  signature: RequestSignature,
): Record<string, ApiShape> {
  return Object.fromEntries([...names].map((name) => [name, request(client, name, signature)]));
}

/** A call that makes a configured client. */
export function factory(client: ClientName, method: string, inherits = true): ApiShape {
  return { call: { role: 'factory', client, method, inherits } };
}

/** A class whose instances own sockets. */
export function construct(kind: ConstructedKind, optionsIndex: number, client: ClientName | null = null): ApiShape {
  return { construct: { role: 'construct', kind, client, optionsIndex } };
}

/** Nothing: for body reads and stream methods a client does not have. */
export const NONE: ReadonlySet<string> = new Set();

/**
 * The Fetch `Response` methods that read the body.
 * https://developer.mozilla.org/en-US/docs/Web/API/Response#instance_methods
 */
export const FETCH_BODY_METHODS: ReadonlySet<string> = new Set(['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text']);

/** `0`, `Infinity`, `null` and `false`: the values that mean "no timeout" for most clients. */
export const NO_TIMEOUT_VALUES: readonly unknown[] = [0, Number.POSITIVE_INFINITY, null, false];
