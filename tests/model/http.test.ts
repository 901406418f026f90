import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { ClientInstance, HttpModel, OptionsRef } from '../../src/model/http';
import type { AnalyzeOptions } from './analyze';
import {
  calleeMatches,
  getPlacement,
  isLocalResourceRequest,
  lookupInstanceOption,
  lookupOption,
} from '../../src/model/http';
import { isFetchResponseNode } from '../../src/model/type-info';
import { analyze } from './analyze';

type Text = (node: { range: [number, number] }) => string;

/** What the model found, as plain data: requests and constructions in source order. */
function findings(code: string, options?: AnalyzeOptions): string[] {
  const { model, text } = analyze(code, options);
  return [
    ...model.requests.map(
      (request) =>
        `request ${text(request.node)} → ${request.client}${request.method === null ? '' : `.${request.method}`} ` +
        `(${request.source}, ${request.module ?? 'global'})`,
    ),
    ...model.constructions.map(
      (construction) =>
        `construct ${construction.label} → ${construction.kind}, ${construction.client ?? 'no client'} (${construction.module})`,
    ),
  ];
}

function optionsText(options: OptionsRef, text: Text): string {
  switch (options.kind) {
    case 'none':
      return 'none';
    case 'object':
      return `object ${text(options.node)}`;
    case 'unknown':
      return options.node ? `unknown ${text(options.node)}` : 'unknown';
  }
}

/** The arguments the model read from each request. */
function requestArguments(code: string, options?: AnalyzeOptions): Record<string, unknown>[] {
  const { model, text } = analyze(code, options);
  return model.requests.map((request) => ({
    call: text(request.node),
    url: request.url && text(request.url),
    options: optionsText(request.options, text),
    ...(request.callback ? { callback: text(request.callback) } : {}),
  }));
}

function instanceText(instance: ClientInstance | null, text: Text): string | null {
  if (!instance) return null;
  const made = instance.construction ? ` by ${instance.construction.label}` : '';
  const parent = instance.parent ? `, parent ${instanceText(instance.parent, text) ?? ''}` : '';
  return `${instance.origin} ${instance.client} from ${instance.module}${made}, config ${optionsText(instance.config, text)}${parent}`;
}

/** The instance each request was made on. */
function requestInstances(code: string, options?: AnalyzeOptions): Record<string, unknown>[] {
  const { model, text } = analyze(code, options);
  return model.requests.map((request) => ({
    call: text(request.node),
    source: request.source,
    instance: instanceText(request.instance, text),
  }));
}

/** Where the instance of each request gets `name` from. */
function instanceOption(code: string, name: string, options?: AnalyzeOptions): Record<string, string> {
  const { model, text } = analyze(code, options);
  return Object.fromEntries(
    model.requests.map((request) => {
      if (!request.instance) return [text(request.node), 'no instance'];
      const lookup = lookupInstanceOption(request.instance, name);
      return [text(request.node), lookup.kind === 'found' ? `found ${text(lookup.value)}` : lookup.kind];
    }),
  );
}

function placementText(model: HttpModel, text: Text): Record<string, unknown>[] {
  return model.constructions.map((construction) => {
    const { fn, loop, inConstructor, inClassField } = construction.placement;
    return {
      at: text(construction.node),
      fn: fn && text(fn).slice(0, 24),
      loop: loop?.type ?? null,
      inConstructor,
      inClassField,
    };
  });
}

describe('import shapes', () => {
  /** Every module the model knows, with a use of its default (or whole) export and of a named export. */
  const modules: {
    module: string;
    whole: (name: string) => string;
    named: string;
    call: (name: string) => string;
    found: string;
  }[] = [
    { module: 'axios', whole: (x) => `${x}.get(url)`, named: 'get', call: (x) => `${x}(url)`, found: 'axios.get' },
    { module: 'got', whole: (x) => `${x}.post(url)`, named: 'post', call: (x) => `${x}(url)`, found: 'got.post' },
    { module: 'ky', whole: (x) => `${x}.put(url)`, named: 'put', call: (x) => `${x}(url)`, found: 'ky.put' },
    { module: 'node-fetch', whole: (x) => `${x}(url)`, named: 'default', call: (x) => `${x}(url)`, found: 'fetch' },
    { module: 'cross-fetch', whole: (x) => `${x}(url)`, named: 'fetch', call: (x) => `${x}(url)`, found: 'fetch' },
    { module: 'isomorphic-fetch', whole: (x) => `${x}(url)`, named: 'default', call: (x) => `${x}(url)`, found: 'fetch' },
    { module: 'isomorphic-unfetch', whole: (x) => `${x}(url)`, named: 'default', call: (x) => `${x}(url)`, found: 'fetch' },
    { module: '@whatwg-node/fetch', whole: (x) => `${x}.fetch(url)`, named: 'fetch', call: (x) => `${x}(url)`, found: 'fetch' },
    { module: 'undici', whole: (x) => `${x}.request(url)`, named: 'request', call: (x) => `${x}(url)`, found: 'undici.request' },
    { module: 'http', whole: (x) => `${x}.get(url)`, named: 'get', call: (x) => `${x}(url)`, found: 'node-http.get' },
    { module: 'node:http', whole: (x) => `${x}.request(url)`, named: 'request', call: (x) => `${x}(url)`, found: 'node-http.request' },
    { module: 'https', whole: (x) => `${x}.get(url)`, named: 'get', call: (x) => `${x}(url)`, found: 'node-http.get' },
    { module: 'node:https', whole: (x) => `${x}.get(url)`, named: 'get', call: (x) => `${x}(url)`, found: 'node-http.get' },
    {
      module: 'http-proxy-agent',
      whole: (x) => `new ${x}(proxy)`,
      named: 'HttpProxyAgent',
      call: (x) => `new ${x}(proxy)`,
      found: 'proxy-agent',
    },
    {
      module: 'https-proxy-agent',
      whole: (x) => `new ${x}(proxy)`,
      named: 'HttpsProxyAgent',
      call: (x) => `new ${x}(proxy)`,
      found: 'proxy-agent',
    },
    {
      module: 'socks-proxy-agent',
      whole: (x) => `new ${x}(proxy)`,
      named: 'SocksProxyAgent',
      call: (x) => `new ${x}(proxy)`,
      found: 'proxy-agent',
    },
    {
      module: 'proxy-agent',
      whole: (x) => `new ${x}(proxy)`,
      named: 'ProxyAgent',
      call: (x) => `new ${x}(proxy)`,
      found: 'proxy-agent',
    },
    {
      module: 'hpagent',
      whole: (x) => `new ${x}.HttpsProxyAgent({ proxy })`,
      named: 'HttpProxyAgent',
      call: (x) => `new ${x}({ proxy })`,
      found: 'proxy-agent',
    },
    {
      module: 'agentkeepalive',
      whole: (x) => `new ${x}({ keepAlive: true })`,
      named: 'HttpsAgent',
      call: (x) => `new ${x}({ keepAlive: true })`,
      found: 'agent',
    },
  ];

  /** What the model reports for one use, without the label (which names the local binding). */
  function found(code: string, options?: AnalyzeOptions): string[] {
    const { model } = analyze(code, options);
    return [
      ...model.requests.map(
        (request) =>
          `${request.client}${request.method === null ? '' : `.${request.method}`} from ${request.module ?? 'global'}`,
      ),
      ...model.constructions.map((construction) => `${construction.kind} from ${construction.module}`),
    ];
  }

  const shapes: {
    shape: string;
    code: (module: (typeof modules)[number]) => string;
    sourceType?: AnalyzeOptions['sourceType'];
    typescript?: boolean;
  }[] = [
    { shape: 'ESM default', code: (m) => `import x from '${m.module}';\n${m.whole('x')};` },
    { shape: 'ESM namespace', code: (m) => `import * as x from '${m.module}';\n${m.whole('x')};` },
    { shape: 'ESM namespace .default', code: (m) => `import * as x from '${m.module}';\n${m.whole('x.default')};` },
    { shape: 'ESM { default as x }', code: (m) => `import { default as x } from '${m.module}';\n${m.whole('x')};` },
    { shape: 'ESM named', code: (m) => `import { ${m.named} } from '${m.module}';\n${m.call(m.named === 'default' ? 'x' : m.named)};` },
    { shape: 'ESM named, aliased', code: (m) => `import { ${m.named} as y } from '${m.module}';\n${m.call('y')};` },
    { shape: 'require', sourceType: 'commonjs', code: (m) => `const x = require('${m.module}');\n${m.whole('x')};` },
    { shape: 'require in a script', sourceType: 'script', code: (m) => `var x = require('${m.module}');\n${m.whole('x')};` },
    { shape: 'require().default', sourceType: 'commonjs', code: (m) => `const x = require('${m.module}').default;\n${m.whole('x')};` },
    { shape: 'require() used in place', sourceType: 'commonjs', code: (m) => `${m.whole(`(require('${m.module}'))`)};` },
    {
      shape: 'require destructured',
      sourceType: 'commonjs',
      code: (m) => `const { ${m.named}: y } = require('${m.module}');\n${m.call('y')};`,
    },
    { shape: 'require { default }', sourceType: 'commonjs', code: (m) => `const { default: x } = require('${m.module}');\n${m.whole('x')};` },
    {
      shape: 'await import() destructured',
      code: (m) => `const { default: x } = await import('${m.module}');\n${m.whole('x')};`,
    },
    { shape: 'await import() namespace', code: (m) => `const x = await import('${m.module}');\n${m.whole('x')};` },
    { shape: '(await import()).default', code: (m) => `const x = (await import('${m.module}')).default;\n${m.whole('x')};` },
    { shape: 'TypeScript import = require()', typescript: true, code: (m) => `import x = require('${m.module}');\n${m.whole('x')};` },
  ];

  const cases = modules.flatMap((module) =>
    shapes
      // `import { default } from` is not valid syntax; the default export is covered by the other shapes.
      .filter((shape) => !(shape.shape === 'ESM named' && module.named === 'default'))
      .map((shape) => ({ ...shape, module })),
  );

  it.each(cases)('$module.module: $shape', ({ module, code, sourceType, typescript }) => {
    expect(found(code(module), { sourceType, typescript })).toEqual([`${module.found} from ${module.module}`]);
  });

  it('recognises the whole API of each client', () => {
    expect(
      findings(`
        import axios from 'axios';
        import got from 'got';
        import ky from 'ky';
        import { Agent, BalancedPool, Client, EnvHttpProxyAgent, Pool, ProxyAgent, RetryAgent, fetch, stream } from 'undici';
        import https from 'node:https';

        axios(config);
        axios.delete(url); axios.head(url); axios.options(url);
        axios.patch(url, data); axios.postForm(url, data); axios.putForm(url, data); axios.patchForm(url, data);
        axios.request(config);
        got.stream(url); got.stream.get(url); got.paginate(url); got.head(url);
        ky.delete(url); ky.patch(url); ky.head(url);
        fetch(url); stream(url, options, factory);
        new Agent(); new BalancedPool(upstreams); new Client(origin); new EnvHttpProxyAgent();
        new Pool(origin); new ProxyAgent(proxy); new RetryAgent(dispatcher);
        new https.Agent({ keepAlive: true });
      `),
    ).toEqual([
      'request axios(config) → axios (library, axios)',
      'request axios.delete(url) → axios.delete (library, axios)',
      'request axios.head(url) → axios.head (library, axios)',
      'request axios.options(url) → axios.options (library, axios)',
      'request axios.patch(url, data) → axios.patch (library, axios)',
      'request axios.postForm(url, data) → axios.postForm (library, axios)',
      'request axios.putForm(url, data) → axios.putForm (library, axios)',
      'request axios.patchForm(url, data) → axios.patchForm (library, axios)',
      'request axios.request(config) → axios.request (library, axios)',
      'request got.stream(url) → got.stream (library, got)',
      'request got.stream.get(url) → got.get (library, got)',
      'request got.paginate(url) → got.paginate (library, got)',
      'request got.head(url) → got.head (library, got)',
      'request ky.delete(url) → ky.delete (library, ky)',
      'request ky.patch(url) → ky.patch (library, ky)',
      'request ky.head(url) → ky.head (library, ky)',
      'request fetch(url) → fetch (library, undici)',
      'request stream(url, options, factory) → undici.stream (library, undici)',
      'construct new Agent() → agent, undici (undici)',
      'construct new BalancedPool() → pool, undici (undici)',
      'construct new Client() → client, undici (undici)',
      'construct new EnvHttpProxyAgent() → proxy-agent, undici (undici)',
      'construct new Pool() → pool, undici (undici)',
      'construct new ProxyAgent() → proxy-agent, undici (undici)',
      'construct new RetryAgent() → agent, undici (undici)',
      'construct new https.Agent() → agent, no client (node:https)',
    ]);
  });

  it('ignores modules it does not know and exports that are not requests', () => {
    expect(
      findings(`
        import request from 'superagent';
        import axios, { AxiosError, isAxiosError } from 'axios';
        import * as http from 'node:http';
        export * from 'axios';
        export { default as client } from 'got';
        request.get(url);
        isAxiosError(error);
        new AxiosError('x');
        http.createServer(handler);
        axios.isCancel(error);
        axios[method](url);
        new axios.get(url);
      `),
    ).toEqual([]);
  });

  it('ignores TypeScript import-equals of namespaces and unknown modules', () => {
    expect(
      findings(
        `
          import request = require('superagent');
          import Ns = Other.Namespace;
          import type Axios = require('axios');
          request.get(url);
          Ns.get(url);
        `,
        { typescript: true },
      ),
    ).toEqual([]);
  });

  it('ignores `require` that is not the global one or not a call of a constant', () => {
    expect(
      findings(
        `
          function load(require) { return require('axios').get(url); }
          const name = 'ax' + suffix;
          require(name).get(url);
          const r = require;
          r('axios').get(url);
          new require('axios');
          import('axios').then((axios) => axios.get(url));
          async function later() { (await import(name)).get(url); }
        `,
        { sourceType: 'commonjs' },
      ),
    ).toEqual([]);
  });
});

describe('the global fetch', () => {
  it('is found undeclared, declared as a global, and in every source type', () => {
    const code = 'fetch(url);';
    const expected = ['request fetch(url) → fetch (library, global)'];
    expect(findings(code)).toEqual(expected);
    expect(findings(code, { globals: { fetch: 'readonly' } })).toEqual(expected);
    expect(findings(code, { sourceType: 'script' })).toEqual(expected);
    expect(findings(code, { sourceType: 'commonjs' })).toEqual(expected);
  });

  it('is found through the global object', () => {
    expect(
      findings(
        `
          globalThis.fetch(a);
          window.fetch(b);
          self.fetch(c);
          global.fetch(d);
          window['fetch'](e);
          globalThis.fetch?.(f);
        `,
        { globals: { window: 'readonly' } },
      ),
    ).toEqual([
      'request globalThis.fetch(a) → fetch (library, global)',
      'request window.fetch(b) → fetch (library, global)',
      'request self.fetch(c) → fetch (library, global)',
      'request global.fetch(d) → fetch (library, global)',
      "request window['fetch'](e) → fetch (library, global)",
      'request globalThis.fetch?.(f) → fetch (library, global)',
    ]);
  });

  it('is followed through aliases', () => {
    expect(findings('const get = fetch;\nconst { fetch: f } = globalThis;\nget(a);\nf(b);')).toEqual([
      'request get(a) → fetch (library, global)',
      'request f(b) → fetch (library, global)',
    ]);
  });

  it('is not a local function, parameter or variable named fetch', () => {
    expect(
      findings(`
        function fetch(url) { return url; }
        fetch(a);
      `),
    ).toEqual([]);
    expect(findings('function load(fetch) { return fetch(a); }')).toEqual([]);
    expect(findings('const fetch = createFetch();\nfetch(a);')).toEqual([]);
    expect(findings('{ let fetch = mock; fetch(a); }\nfetch(b);')).toEqual(['request fetch(b) → fetch (library, global)']);
    expect(findings('const self = this;\nself.fetch(a);\nconst window = frame;\nwindow.fetch(b);')).toEqual([]);
  });

  it('is not the runtime fetch when the file assigns or declares it globally', () => {
    expect(findings('fetch = wrap(fetch);\nfetch(a);')).toEqual([]);
    expect(findings('fetch = wrap(fetch);\nfetch(a);', { sourceType: 'script', globals: { fetch: 'writable' } })).toEqual([]);
    expect(findings('function fetch(url) { return url; }\nfetch(a);', { sourceType: 'script' })).toEqual([]);
    expect(findings('var fetch = require("node-fetch");\nfetch(a);', { sourceType: 'script' })).toEqual([
      'request fetch(a) → fetch (library, node-fetch)',
    ]);
  });

  it('is found in TypeScript, where the lib declares it', () => {
    expect(findings('const res = await fetch(url as string);', { typescript: true })).toEqual([
      'request fetch(url as string) → fetch (library, global)',
    ]);
  });
});

describe('shadowing and unrelated calls', () => {
  it('does not take local bindings named like a client for the client', () => {
    expect(
      findings(`
        import axios from 'axios';
        function local(axios) { return axios.get(url); }
        const handler = ({ got }) => got(url);
        class Service { ky(url) { return url; } load() { return this.ky(url); } }
        axios.get(url);
      `),
    ).toEqual(['request axios.get(url) → axios.get (library, axios)']);
  });

  it('does not take `.get()` on unrelated objects for a request', () => {
    expect(
      findings(`
        import axios from 'axios';
        const cache = new Map();
        cache.get(key);
        params.get('q');
        router.get('/users', handler);
        const api = { get: axios.get };
        api.get(url);
      `),
    ).toEqual([]);
  });
});

describe('request arguments', () => {
  it('reads url and options of fetch-style calls', () => {
    expect(
      requestArguments(`
        fetch(url);
        fetch(url, { method: 'POST' });
        fetch(url, init);
        fetch(url, undefined);
        fetch(url, void 0);
        fetch(url, { ...init } as RequestInit);
        fetch();
        fetch(...args);
        fetch(url, ...rest);
      `, { typescript: true }),
    ).toEqual([
      { call: 'fetch(url)', url: 'url', options: 'none' },
      { call: "fetch(url, { method: 'POST' })", url: 'url', options: "object { method: 'POST' }" },
      { call: 'fetch(url, init)', url: 'url', options: 'unknown init' },
      { call: 'fetch(url, undefined)', url: 'url', options: 'none' },
      { call: 'fetch(url, void 0)', url: 'url', options: 'none' },
      { call: 'fetch(url, { ...init } as RequestInit)', url: 'url', options: 'object { ...init }' },
      { call: 'fetch()', url: null, options: 'none' },
      { call: 'fetch(...args)', url: null, options: 'unknown' },
      { call: 'fetch(url, ...rest)', url: 'url', options: 'unknown' },
    ]);
  });

  it('reads axios and got calls that take a config or a url', () => {
    expect(
      requestArguments(`
        import axios from 'axios';
        import got from 'got';
        axios(config);
        axios({ url, timeout: 1000 });
        axios('/users');
        axios(url, config);
        axios(\`/users/\${id}\`, { timeout: 1000 });
        axios.post(url, data, { timeout: 1000 });
        axios.post(url, data);
        axios.put(url, ...rest);
        axios.request({ url });
        axios.request(url, { timeout: 1000 });
        got(options);
        got({ url });
        got(base + path);
        got(new URL(path, base), { timeout: { request: 1000 } });
        got(...args);
      `),
    ).toEqual([
      { call: 'axios(config)', url: 'config', options: 'unknown' },
      { call: 'axios({ url, timeout: 1000 })', url: null, options: 'object { url, timeout: 1000 }' },
      { call: "axios('/users')", url: "'/users'", options: 'none' },
      { call: 'axios(url, config)', url: 'url', options: 'unknown config' },
      { call: 'axios(`/users/${id}`, { timeout: 1000 })', url: '`/users/${id}`', options: 'object { timeout: 1000 }' },
      { call: 'axios.post(url, data, { timeout: 1000 })', url: 'url', options: 'object { timeout: 1000 }' },
      { call: 'axios.post(url, data)', url: 'url', options: 'none' },
      { call: 'axios.put(url, ...rest)', url: 'url', options: 'unknown' },
      { call: 'axios.request({ url })', url: null, options: 'object { url }' },
      { call: 'axios.request(url, { timeout: 1000 })', url: 'url', options: 'object { timeout: 1000 }' },
      { call: 'got(options)', url: 'options', options: 'unknown' },
      { call: 'got({ url })', url: null, options: 'object { url }' },
      { call: 'got(base + path)', url: 'base + path', options: 'none' },
      {
        call: 'got(new URL(path, base), { timeout: { request: 1000 } })',
        url: 'new URL(path, base)',
        options: 'object { timeout: { request: 1000 } }',
      },
      { call: 'got(...args)', url: null, options: 'unknown' },
    ]);
  });

  it('takes a lone argument as the url when it is a constant url or the method is named', () => {
    expect(
      requestArguments(`
        import axios from 'axios';
        import got from 'got';
        import http from 'node:http';
        const endpoint = 'https://api.example.com/users';
        let mutable = 'https://api.example.com/users';
        const config = { url: endpoint };
        axios(endpoint);
        axios(mutable);
        axios(config);
        axios.request(endpoint);
        got.get(target);
        got.post(target);
        http.get(endpoint, (res) => res.resume());
      `),
    ).toEqual([
      { call: 'axios(endpoint)', url: 'endpoint', options: 'none' },
      { call: 'axios(mutable)', url: 'mutable', options: 'unknown' },
      { call: 'axios(config)', url: 'config', options: 'unknown' },
      { call: 'axios.request(endpoint)', url: 'endpoint', options: 'none' },
      { call: 'got.get(target)', url: 'target', options: 'none' },
      { call: 'got.post(target)', url: 'target', options: 'none' },
      { call: 'http.get(endpoint, (res) => res.resume())', url: 'endpoint', options: 'none', callback: '(res) => res.resume()' },
    ]);
  });

  it('reads node:http calls with and without url, options and callback', () => {
    expect(
      requestArguments(`
        import http from 'node:http';
        http.get(url, (res) => res.resume());
        http.get('http://localhost/', onResponse);
        http.request({ host, timeout: 1000 }, (res) => {});
        http.request(options, (res) => {});
        http.get(url, { timeout: 1000 }, function (res) {});
        http.get('http://localhost/');
        http.get(options);
        http.get(url, options);
        http.get(url, undefined, (res) => {});
        http.request(...args, (res) => {});
        http.get();
      `),
    ).toEqual([
      { call: 'http.get(url, (res) => res.resume())', url: 'url', options: 'unknown', callback: '(res) => res.resume()' },
      { call: "http.get('http://localhost/', onResponse)", url: "'http://localhost/'", options: 'unknown onResponse' },
      {
        call: 'http.request({ host, timeout: 1000 }, (res) => {})',
        url: null,
        options: 'object { host, timeout: 1000 }',
        callback: '(res) => {}',
      },
      { call: 'http.request(options, (res) => {})', url: 'options', options: 'unknown', callback: '(res) => {}' },
      {
        call: 'http.get(url, { timeout: 1000 }, function (res) {})',
        url: 'url',
        options: 'object { timeout: 1000 }',
        callback: 'function (res) {}',
      },
      { call: "http.get('http://localhost/')", url: "'http://localhost/'", options: 'none' },
      { call: 'http.get(options)', url: 'options', options: 'unknown' },
      { call: 'http.get(url, options)', url: 'url', options: 'unknown options' },
      { call: 'http.get(url, undefined, (res) => {})', url: 'url', options: 'none', callback: '(res) => {}' },
      { call: 'http.request(...args, (res) => {})', url: null, options: 'unknown', callback: '(res) => {}' },
      { call: 'http.get()', url: null, options: 'none' },
    ]);
  });

  it('reads a literal url with an inline callback as having no options', () => {
    expect(requestArguments("import https from 'https';\nhttps.get('https://example.com/', (res) => {});")).toEqual([
      { call: "https.get('https://example.com/', (res) => {})", url: "'https://example.com/'", options: 'none', callback: '(res) => {}' },
    ]);
  });

  it('reads undici dispatcher requests as options', () => {
    expect(
      requestArguments(`
        import { Pool, request } from 'undici';
        const pool = new Pool(origin, { connections: 10 });
        pool.request({ path: '/', method: 'GET' });
        pool.stream(options, factory);
        request(url, { headersTimeout: 1000 });
      `),
    ).toEqual([
      { call: "pool.request({ path: '/', method: 'GET' })", url: null, options: "object { path: '/', method: 'GET' }" },
      { call: 'pool.stream(options, factory)', url: null, options: 'unknown options' },
      { call: 'request(url, { headersTimeout: 1000 })', url: 'url', options: 'object { headersTimeout: 1000 }' },
    ]);
  });
});

describe('client instances', () => {
  it('follows axios.create() through variables, aliases and exports', () => {
    expect(
      requestInstances(`
        import axios from 'axios';
        export const api = axios.create({ baseURL, timeout: 5000 });
        const alias = api;
        api.get('/users');
        api('/users');
        alias.post('/users', user);
        export default api;
        axios.get('/health');
      `),
    ).toEqual([
      {
        call: "api.get('/users')",
        source: 'instance',
        instance:
          'factory axios from axios by axios.create(), config object { baseURL, timeout: 5000 }, parent library axios from axios, config none',
      },
      {
        call: "api('/users')",
        source: 'instance',
        instance:
          'factory axios from axios by axios.create(), config object { baseURL, timeout: 5000 }, parent library axios from axios, config none',
      },
      {
        call: "alias.post('/users', user)",
        source: 'instance',
        instance:
          'factory axios from axios by axios.create(), config object { baseURL, timeout: 5000 }, parent library axios from axios, config none',
      },
      { call: "axios.get('/health')", source: 'library', instance: 'library axios from axios, config none' },
    ]);
  });

  it('shares one library instance per module', () => {
    const { model } = analyze("import axios from 'axios';\naxios.get(a);\naxios.post(b, c);\nfetch(d);");
    const [first, second, third] = model.requests;
    expect(first?.instance).not.toBeNull();
    expect(first?.instance).toBe(second?.instance);
    expect(third?.instance).toBeNull();
  });

  it('follows this.<field> instances into methods and arrow callbacks, not nested functions or classes', () => {
    expect(
      requestInstances(`
        import axios from 'axios';
        class UserService {
          constructor() {
            this.api = axios.create({ timeout: 1000 });
          }
          load(id) {
            return this.api.get(\`/users/\${id}\`);
          }
          loadAll(ids) {
            return Promise.all(ids.map((id) => this.api.get(\`/users/\${id}\`)));
          }
          later() {
            setTimeout(function () { this.api.get('/a'); });
            class Inner { run() { return this.api.get('/b'); } }
            return this.other.get('/c');
          }
        }
        function plain() { return this.api.get('/d'); }
        this.api.get('/e');
      `),
    ).toEqual([
      {
        call: 'this.api.get(`/users/${id}`)',
        source: 'instance',
        instance:
          'factory axios from axios by axios.create(), config object { timeout: 1000 }, parent library axios from axios, config none',
      },
      {
        call: 'this.api.get(`/users/${id}`)',
        source: 'instance',
        instance:
          'factory axios from axios by axios.create(), config object { timeout: 1000 }, parent library axios from axios, config none',
      },
    ]);
  });

  it('follows class fields, private fields and accessors, but not static fields', () => {
    expect(
      requestInstances(
        `
          import axios from 'axios';
          import ky from 'ky';
          class Client {
            http = axios.create();
            #ky = ky.create({ timeout: 1000 });
            accessor other = axios.create({ timeout: 2000 });
            static shared = axios.create();
            [computed] = axios.create();
            fetchUser = (id: string) => this.http.get(\`/users/\${id}\`);
            load() {
              this.#ky.get('a');
              this.other.get('b');
              this.shared.get('c');
              this['http'].get('d');
            }
          }
        `,
        { typescript: true },
      ),
    ).toEqual([
      {
        call: 'this.http.get(`/users/${id}`)',
        source: 'instance',
        instance: 'factory axios from axios by axios.create(), config none, parent library axios from axios, config none',
      },
      {
        call: "this.#ky.get('a')",
        source: 'instance',
        instance: 'factory ky from ky by ky.create(), config object { timeout: 1000 }',
      },
      {
        call: "this.other.get('b')",
        source: 'instance',
        instance:
          'factory axios from axios by axios.create(), config object { timeout: 2000 }, parent library axios from axios, config none',
      },
      {
        call: "this['http'].get('d')",
        source: 'instance',
        instance: 'factory axios from axios by axios.create(), config none, parent library axios from axios, config none',
      },
    ]);
  });

  it('follows instances derived from field instances', () => {
    expect(
      requestInstances(`
        import got from 'got';
        class Api {
          constructor() {
            this.base = got.extend({ prefixUrl });
            this.auth = this.base.extend({ headers });
          }
          me() { return this.auth.get('me').json(); }
        }
      `),
    ).toEqual([
      {
        call: "this.auth.get('me')",
        source: 'instance',
        instance:
          'factory got from got by this.base.extend(), config object { headers }, parent factory got from got by got.extend(), config object { prefixUrl }, parent library got from got, config none',
      },
    ]);
  });

  it('follows got.extend() chains and looks options up through the parents', () => {
    const code = `
      import got from 'got';
      const base = got.extend({ timeout: { request: 5000 } });
      const json = base.extend({ responseType: 'json' });
      const fresh = got.extend({ retry: { limit: 0 } });
      json.get('users');
      fresh.get('users');
      got('users');
    `;
    expect(instanceOption(code, 'timeout')).toEqual({
      "json.get('users')": 'found { request: 5000 }',
      "fresh.get('users')": 'missing',
      "got('users')": 'missing',
    });
    expect(instanceOption(code, 'responseType')).toEqual({
      "json.get('users')": "found 'json'",
      "fresh.get('users')": 'missing',
      "got('users')": 'missing',
    });
  });

  it('follows ky.create().extend(), where create starts from fresh defaults', () => {
    const code = `
      import ky from 'ky';
      const api = ky.create({ prefixUrl, timeout: 5000 }).extend({ headers });
      const extended = api.extend({ retry: 0 });
      const created = api.create({ retry: 0 });
      api.get('a');
      extended('b');
      created.get('c');
    `;
    expect(instanceOption(code, 'timeout')).toEqual({
      "api.get('a')": 'found 5000',
      "extended('b')": 'found 5000',
      "created.get('c')": 'missing',
    });
    expect(findings(code).filter((finding) => finding.startsWith('construct'))).toEqual([
      'construct ky.create() → instance, ky (ky)',
      'construct extend() → instance, ky (ky)',
      'construct api.extend() → instance, ky (ky)',
      'construct api.create() → instance, ky (ky)',
    ]);
  });

  it('follows undici dispatchers to their requests', () => {
    expect(
      requestInstances(`
        import { Pool, Client, Agent, request } from 'undici';
        const pool = new Pool('http://localhost:3000', { connections: 10 });
        pool.request({ path: '/' });
        new Client(origin).request({ path: '/', method: 'GET' });
        const agent = new Agent({ connect: { timeout: 1000 } });
        request(url, { dispatcher: agent });
        new Pool(...poolArguments).request(options);
      `),
    ).toEqual([
      {
        call: "pool.request({ path: '/' })",
        source: 'instance',
        instance: 'construct undici from undici by new Pool(), config object { connections: 10 }',
      },
      {
        call: "new Client(origin).request({ path: '/', method: 'GET' })",
        source: 'instance',
        instance: 'construct undici from undici by new Client(), config none',
      },
      { call: "request(url, { dispatcher: agent })", source: 'library', instance: null },
      {
        call: 'new Pool(...poolArguments).request(options)',
        source: 'instance',
        instance: 'construct undici from undici by new Pool(), config unknown',
      },
    ]);
  });

  it('reads axios.defaults and instance.defaults writes', () => {
    const code = `
      import axios from 'axios';
      axios.defaults.timeout = 5000;
      const api = axios.create({ baseURL });
      const slow = axios.create({ timeout: 0 });
      const tuned = axios.create({ timeout: 1000 });
      tuned.defaults.timeout = 2000;
      (tuned.defaults as any)['maxRedirects'] = 0;
      axios.get('a');
      api.get('b');
      slow.get('c');
      tuned.get('d');
    `;
    expect(instanceOption(code, 'timeout', { typescript: true })).toEqual({
      "axios.get('a')": 'found 5000',
      "api.get('b')": 'found 5000',
      "slow.get('c')": 'found 0',
      "tuned.get('d')": 'found 2000',
    });
    expect(instanceOption(code, 'maxRedirects', { typescript: true })["tuned.get('d')"]).toBe('found 0');
    const { model } = analyze(code, { typescript: true });
    const write = model.requests[0]?.instance && lookupInstanceOption(model.requests[0].instance, 'timeout');
    expect(write?.kind === 'found' && write.property.type).toBe(AST_NODE_TYPES.AssignmentExpression);
  });

  it('treats defaults it cannot follow as unknown', () => {
    expect(
      instanceOption(
        `
          import axios from 'axios';
          const api = axios.create({ timeout: 1000 });
          const other = axios.create();
          const third = axios.create();
          Object.assign(axios.defaults, settings);
          api.defaults = { ...api.defaults, timeout: 0 };
          other.defaults[key] = value;
          axios.get('a');
          api.get('b');
          other.get('c');
          third.get('d');
        `,
        'timeout',
      ),
    ).toEqual({
      "axios.get('a')": 'unknown',
      "api.get('b')": 'unknown',
      "other.get('c')": 'unknown',
      "third.get('d')": 'unknown',
    });
  });

  it('marks constructions whose interceptors or defaults change as mutated', () => {
    const { model, text } = analyze(`
      import axios from 'axios';
      const plain = axios.create();
      const intercepted = axios.create();
      intercepted.interceptors.request.use((config) => config);
      const headers = axios.create();
      headers.defaults.headers.common.Authorization = token;
      const timeout = axios.create();
      timeout.defaults.timeout = 1000;
      const assigned = axios.create();
      Object.assign(assigned.defaults, defaults);
      const read = axios.create();
      console.log(read.defaults.timeout, read.defaults.headers.common);
      axios.interceptors.response.use(onOk, onError);
      axios.defaults.headers.common.Accept = 'application/json';
      class Api {
        constructor() { this.http = axios.create(); }
        init() { this.http.interceptors.response.use(onOk); }
      }
    `);
    expect(
      model.constructions.map((construction) => [
        text(construction.node.parent.type === AST_NODE_TYPES.VariableDeclarator ? construction.node.parent.id : construction.node),
        construction.mutated,
      ]),
    ).toEqual([
      ['plain', false],
      ['intercepted', true],
      ['headers', true],
      ['timeout', true],
      ['assigned', true],
      ['read', false],
      ['axios.create()', true],
    ]);
  });

  it('follows instances created with destructured or aliased factories', () => {
    expect(
      findings(`
        import axios from 'axios';
        const { create } = axios;
        const make = axios.create;
        const a = create({ timeout: 1000 });
        const b = make();
        a.get(url);
        b.get(url);
      `),
    ).toEqual([
      'request a.get(url) → axios.get (instance, axios)',
      'request b.get(url) → axios.get (instance, axios)',
      'construct create() → instance, axios (axios)',
      'construct make() → instance, axios (axios)',
    ]);
  });

  it('labels constructions the way the code names them', () => {
    expect(
      analyze(`
        import axios from 'axios';
        import * as undici from 'undici';
        axios.create();
        new undici.Pool(origin);
        require('axios').create();
        new (getAgents().Agent)();
        axios.create(config).create();
        new undici.Agent(options)['compose'];
        this.clients.primary.axiosInstanceWithALongName.create();
        import * as axiosImportedUnderAVeryLongNameIndeed from 'axios';
        axiosImportedUnderAVeryLongNameIndeed.create();
      `).model.constructions.map((construction) => construction.label),
    ).toEqual([
      'axios.create()',
      'new undici.Pool()',
      'create()',
      'axios.create()',
      'create()',
      'new undici.Agent()',
      'create()',
    ]);
  });
});

describe('settings', () => {
  const settings = {
    'http-client': {
      clientModules: {
        '@/lib/http': { default: 'axios', fetcher: 'fetch', gotClient: 'got', dispatcher: 'undici', http: 'node-http' },
        './ky-client': { default: 'ky' },
      },
    },
  };

  it('treats clientModules exports as configured clients', () => {
    expect(
      requestInstances(
        `
          import api, { fetcher, gotClient, dispatcher, http } from '@/lib/http';
          import kyClient from './ky-client';
          const { fetcher: f } = require('@/lib/http');
          api.get('/users');
          api('/users');
          fetcher('/users');
          f('/users');
          gotClient.post('users');
          dispatcher.request({ path: '/' });
          http.get(url, (res) => {});
          kyClient.get('users');
          const derived = api.create({ timeout: 1000 });
          derived.get('/users');
        `,
        { settings },
      ),
    ).toEqual([
      { call: "api.get('/users')", source: 'settings', instance: 'settings axios from @/lib/http, config unknown' },
      { call: "api('/users')", source: 'settings', instance: 'settings axios from @/lib/http, config unknown' },
      { call: "fetcher('/users')", source: 'settings', instance: null },
      { call: "f('/users')", source: 'settings', instance: null },
      { call: "gotClient.post('users')", source: 'settings', instance: 'settings got from @/lib/http, config unknown' },
      {
        call: "dispatcher.request({ path: '/' })",
        source: 'settings',
        instance: 'settings undici from @/lib/http, config unknown',
      },
      { call: 'http.get(url, (res) => {})', source: 'settings', instance: null },
      { call: "kyClient.get('users')", source: 'settings', instance: 'settings ky from ./ky-client, config unknown' },
      {
        call: "derived.get('/users')",
        source: 'instance',
        instance:
          'factory axios from @/lib/http by api.create(), config object { timeout: 1000 }, parent settings axios from @/lib/http, config unknown',
      },
    ]);
  });

  it('looks up options of settings clients as unknown unless the file sets them', () => {
    expect(
      instanceOption(
        `
          import api from '@/lib/http';
          import { gotClient } from '@/lib/http';
          api.defaults.timeout = 1000;
          api.get('/users');
          gotClient.get('users');
        `,
        'timeout',
        { settings },
      ),
    ).toEqual({ "api.get('/users')": 'found 1000', "gotClient.get('users')": 'unknown' });
  });

  it('does not take modules the settings do not name for clients', () => {
    expect(findings("import api from '@/lib/other';\napi.get('/users');", { settings })).toEqual([]);
    expect(findings("import { helper } from '@/lib/http';\nhelper('/users');", { settings })).toEqual([]);
  });

  it('treats fetchFunctions and timeoutFunctions calls as requests, by bare and dotted name', () => {
    const { model, text } = analyze(
      `
        fetchWithRetry('/a');
        utils.fetchWithRetry('/b');
        api.fetch('/c');
        this.api.fetch('/d');
        other.fetch('/e');
        fetchWithTimeout('/f', { timeout: 1000 });
        const res = await withDeadline(fetch('/g'), 5000);
        await withDeadline(fetchWithRetry('/h'));
        await withDeadline(promise);
        fetch('/i');
        fetchWithRetry;
      `,
      { settings: { 'http-client': { fetchFunctions: ['fetchWithRetry', 'api.fetch'], timeoutFunctions: ['fetchWithTimeout', 'withDeadline'] } } },
    );
    expect(
      model.requests.map((request) => ({
        call: text(request.node),
        source: request.source,
        deadline: request.deadlineFromWrapper,
      })),
    ).toEqual([
      { call: "fetchWithRetry('/a')", source: 'wrapper', deadline: false },
      { call: "utils.fetchWithRetry('/b')", source: 'wrapper', deadline: false },
      { call: "api.fetch('/c')", source: 'wrapper', deadline: false },
      { call: "this.api.fetch('/d')", source: 'wrapper', deadline: false },
      { call: "fetchWithTimeout('/f', { timeout: 1000 })", source: 'wrapper', deadline: true },
      { call: "fetch('/g')", source: 'library', deadline: true },
      { call: "fetchWithRetry('/h')", source: 'wrapper', deadline: true },
      { call: 'withDeadline(promise)', source: 'wrapper', deadline: true },
      { call: "fetch('/i')", source: 'library', deadline: false },
    ]);
    expect(model.requests[0]).toMatchObject({ client: 'fetch', method: null, module: null, instance: null });
  });

  it('skips the tree walk for wrappers the file never mentions', () => {
    expect(
      findings("fetch('/a');", { settings: { 'http-client': { fetchFunctions: ['api.fetchWithRetry'] } } }),
    ).toEqual(["request fetch('/a') → fetch (library, global)"]);
  });

  it('answers isStatusCheckFunction from statusCheckFunctions', () => {
    const { model, sourceCode } = analyze('assertOk(res);\nhttp.assertOk(res);\ncheck(res);', {
      settings: { 'http-client': { statusCheckFunctions: ['assertOk'] } },
    });
    const callees = sourceCode.ast.body.map(
      (statement) => ((statement as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression).callee,
    );
    expect(callees.map((callee) => model.isStatusCheckFunction(callee))).toEqual([true, true, false]);
    expect(analyze('assertOk(res);').model.isStatusCheckFunction(callees[0] as TSESTree.Node)).toBe(false);
  });
});

describe('the model object', () => {
  it('maps nodes back to requests and constructions, and is built once per file', () => {
    const { model, sourceCode } = analyze("import axios from 'axios';\nconst api = axios.create();\napi.get(url);");
    const request = model.requests[0];
    const construction = model.constructions[0];
    expect(request && model.requestOf(request.node)).toBe(request);
    expect(construction && model.constructionOf(construction.node)).toBe(construction);
    expect(model.requestOf(sourceCode.ast)).toBeUndefined();
    expect(model.constructionOf(sourceCode.ast)).toBeUndefined();
    expect(model.types).toBeNull();
    expect(isFetchResponseNode(sourceCode.ast, model.types)).toBe(false);
  });

  it('sorts requests and constructions by position', () => {
    expect(
      findings(`
        import axios from 'axios';
        async function later() { const { default: ky } = await import('ky'); return ky.get(a); }
        class A { constructor() { this.api = axios.create(); } run() { return this.api.get(b); } }
        fetch(c);
        axios.get(d);
      `),
    ).toEqual([
      'request ky.get(a) → ky.get (library, ky)',
      'request this.api.get(b) → axios.get (instance, axios)',
      'request fetch(c) → fetch (library, global)',
      'request axios.get(d) → axios.get (library, axios)',
      'construct axios.create() → instance, axios (axios)',
    ]);
  });
});

describe('getPlacement', () => {
  it('says where each construction runs', () => {
    const { model, text } = analyze(`
      import axios from 'axios';
      const atModule = axios.create();
      function perCall() { return axios.create(); }
      for (const item of [axios.create()]) { axios.create(); }
      for (let client = axios.create(); client; client = axios.create()) {}
      while (running) { do { axios.create(); } while (again); }
      for (const key in axios.create()) { items.map(() => axios.create()); }
      class Service {
        field = axios.create();
        static shared = axios.create();
        static { axios.create(); }
        constructor() { this.http = axios.create(); }
        method() { return axios.create(); }
      }
      function factory() { return class { static shared = axios.create(); }; }
    `);
    expect(placementText(model, text)).toEqual([
      { at: 'axios.create()', fn: null, loop: null, inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: 'function perCall() { ret', loop: null, inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: null, loop: null, inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: null, loop: 'ForOfStatement', inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: null, loop: null, inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: null, loop: 'ForStatement', inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: null, loop: 'DoWhileStatement', inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: null, loop: null, inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: '() => axios.create()', loop: null, inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: null, loop: null, inConstructor: false, inClassField: true },
      { at: 'axios.create()', fn: null, loop: null, inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: null, loop: null, inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: '() { this.http = axios.c', loop: null, inConstructor: true, inClassField: false },
      { at: 'axios.create()', fn: '() { return axios.create', loop: null, inConstructor: false, inClassField: false },
      { at: 'axios.create()', fn: 'function factory() { ret', loop: null, inConstructor: false, inClassField: false },
    ]);
  });

  it('treats accessor fields like fields and works on any node', () => {
    const { model, text, sourceCode } = analyze(
      "import { Agent } from 'undici';\nclass Pooled { accessor agent = new Agent(); }",
      { typescript: true },
    );
    expect(placementText(model, text)).toEqual([
      { at: 'new Agent()', fn: null, loop: null, inConstructor: false, inClassField: true },
    ]);
    expect(getPlacement(sourceCode.ast)).toEqual({ fn: null, loop: null, inConstructor: false, inClassField: false });
  });
});

describe('isLocalResourceRequest', () => {
  it('recognises data:, blob:, file: and bundled asset urls', () => {
    const { model, text } = analyze(`
      fetch('data:application/json,{}');
      fetch(\`blob:\${id}\`);
      fetch('FILE:///etc/hosts');
      fetch(new URL('./model.wasm', import.meta.url));
      fetch(new URL('./model.wasm', import.meta.url).href);
      fetch('https://example.com/data:');
      fetch(\`\${base}/data:\`);
      fetch(new URL('./model.wasm', base));
      fetch(new URL(path, import.meta.env));
      fetch(url);
      fetch();
    `);
    expect(Object.fromEntries(model.requests.map((request) => [text(request.node), isLocalResourceRequest(request)]))).toEqual({
      "fetch('data:application/json,{}')": true,
      'fetch(`blob:${id}`)': true,
      "fetch('FILE:///etc/hosts')": true,
      "fetch(new URL('./model.wasm', import.meta.url))": true,
      "fetch(new URL('./model.wasm', import.meta.url).href)": true,
      "fetch('https://example.com/data:')": false,
      'fetch(`${base}/data:`)': false,
      "fetch(new URL('./model.wasm', base))": false,
      'fetch(new URL(path, import.meta.env))': false,
      'fetch(url)': false,
      'fetch()': false,
    });
  });
});

describe('calleeMatches', () => {
  function callees(code: string): TSESTree.Node[] {
    const { sourceCode } = analyze(code, { typescript: true });
    return sourceCode.ast.body.map(
      (statement) => ((statement as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression).callee,
    );
  }

  it('matches bare names as functions or methods and dotted names by their end', () => {
    const nodes = callees(`
      assertOk(res);
      utils.assertOk(res);
      this.http.fetch(url);
      http.fetch(url);
      fetch(url);
      xhttp.fetch(url);
      client!.http.fetch(url);
      this['http']['fetch'](url);
      http[method](url);
      factory().fetch(url);
    `);
    expect(nodes.map((node) => calleeMatches(node, ['assertOk', 'http.fetch']))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(nodes.map((node) => calleeMatches(node, []))).toEqual(nodes.map(() => false));
  });
});

describe('lookupOption', () => {
  it('answers found, missing or unknown for each kind of options', () => {
    const { model, text } = analyze(`
      fetch(a, { signal, timeout: 1 });
      fetch(b, { method: 'GET' });
      fetch(c, { ...defaults });
      fetch(d, init);
      fetch(e);
    `);
    expect(
      model.requests.map((request) => {
        const lookup = lookupOption(request.options, 'signal');
        return lookup.kind === 'found' ? text(lookup.value) : lookup.kind;
      }),
    ).toEqual(['signal', 'missing', 'unknown', 'unknown', 'missing']);
  });
});

describe('clients the tracker does not follow by itself', () => {
  it('finds got through its named export', () => {
    expect(
      findings(`
        import { got } from 'got';
        import defaultGot from 'got';
        got('https://a.example');
        defaultGot.got.post('https://b.example');
        const { got: named } = await import('got');
        named.get('https://c.example');
        (await import('got')).got('https://d.example');
      `),
    ).toEqual([
      "request got('https://a.example') → got (library, got)",
      "request defaultGot.got.post('https://b.example') → got.post (library, got)",
      "request named.get('https://c.example') → got.get (library, got)",
      "request (await import('got')).got('https://d.example') → got (library, got)",
    ]);
  });

  it('takes an undeclared `axios` for the global build, and nothing that shadows it', () => {
    expect(findings(`axios.get(u); axios.create({ baseURL }).post(u);`, { sourceType: 'script' })).toEqual([
      'request axios.get(u) → axios.get (library, axios)',
      'request axios.create({ baseURL }).post(u) → axios.post (instance, axios)',
      'construct axios.create() → instance, axios (axios)',
    ]);
    expect(findings(`var axios = makeClient(); axios.get(u);`, { sourceType: 'script' })).toEqual([]);
    expect(findings(`axios = makeClient(); axios.get(u);`, { sourceType: 'script' })).toEqual([]);
    expect(findings(`function load(axios) { return axios.get(u); }`, { sourceType: 'script' })).toEqual([]);
    expect(findings(`import axios from './axios.js'; axios.get(u);`)).toEqual([]);
  });

  it('follows a library client kept in a field, also as a default', () => {
    expect(
      requestInstances(`
        import axios from 'axios';
        import ky from 'ky';
        const got = require('got');
        class Service {
          http = options.http ?? axios;
          constructor(options) {
            this.ky = options.ky || ky;
            this.got = options.slow ? got : options.got;
            this.other = options.other || client;
            this.plain = axios;
          }
          run() {
            this.http.get(a);
            this.ky.post(b);
            this.got(c);
            this.other.get(d);
            this.plain.put(e);
          }
        }
      `),
    ).toEqual([
      { call: 'this.http.get(a)', source: 'instance', instance: 'library axios from axios, config none' },
      { call: 'this.ky.post(b)', source: 'instance', instance: 'library ky from ky, config none' },
      { call: 'this.got(c)', source: 'instance', instance: 'library got from got, config none' },
      { call: 'this.plain.put(e)', source: 'instance', instance: 'library axios from axios, config none' },
    ]);
  });

  it('does not take `&&` or the test of a conditional for the stored value', () => {
    expect(
      findings(`
        import axios from 'axios';
        class Service {
          constructor(options) {
            this.a = options.enabled && axios;
            this.b = axios ? options.http : null;
          }
          run() {
            this.a.get(u);
            this.b.get(u);
          }
        }
      `),
    ).toEqual([]);
  });

  it('follows the result of a factory function or method to its requests', () => {
    expect(
      requestInstances(`
        import axios from 'axios';
        function make() {
          return axios.create({ baseURL: '/a' });
        }
        const arrow = () => axios.create({ baseURL: '/b' });
        class Api {
          getApi() {
            return axios.create({ baseURL: '/c' });
          }
          field = () => axios.create({ baseURL: '/d' });
          run() {
            make().get(a);
            const client = arrow();
            client.post(b);
            this.getApi().get(c);
            this.field().get(d);
          }
        }
      `),
    ).toEqual([
      { call: 'make().get(a)', source: 'instance', instance: "factory axios from axios by axios.create(), config object { baseURL: '/a' }, parent library axios from axios, config none" },
      { call: 'client.post(b)', source: 'instance', instance: "factory axios from axios by axios.create(), config object { baseURL: '/b' }, parent library axios from axios, config none" },
      { call: 'this.getApi().get(c)', source: 'instance', instance: "factory axios from axios by axios.create(), config object { baseURL: '/c' }, parent library axios from axios, config none" },
      { call: 'this.field().get(d)', source: 'instance', instance: "factory axios from axios by axios.create(), config object { baseURL: '/d' }, parent library axios from axios, config none" },
    ]);
  });

  it('does not follow a factory that is reassigned, static, or not returned', () => {
    expect(
      findings(`
        import axios from 'axios';
        let make = () => axios.create();
        make = other;
        make().get(a);
        class Api {
          static create() {
            return axios.create();
          }
          build() {
            const api = axios.create();
            configure(api);
          }
          run() {
            this.create().get(b);
            this.build().get(c);
          }
        }
      `).filter((line) => line.startsWith('request')),
    ).toEqual([]);
  });
});

describe('transpiled CommonJS and dispatched methods', () => {
  it('looks through the interop helpers compilers wrap around `require()`', () => {
    expect(
      findings(
        `
        const axios_1 = __importDefault(require('axios'));
        var _got = _interopRequireWildcard(require('got'));
        const import_https = __toESM(require('node:https'));
        const http_1 = tslib.__importStar(require('http'));
        axios_1.default.get(a);
        (0, _got.default)(b);
        import_https.default.get(c);
        http_1.request(d);
        const api = axios_1.default.create();
        api.post(e);
      `,
        { sourceType: 'commonjs' },
      ),
    ).toEqual([
      'request axios_1.default.get(a) → axios.get (library, axios)',
      'request (0, _got.default)(b) → got (library, got)',
      'request import_https.default.get(c) → node-http.get (library, node:https)',
      'request http_1.request(d) → node-http.request (library, http)',
      'request api.post(e) → axios.post (instance, axios)',
      'construct axios_1.default.create() → instance, axios (axios)',
    ]);
  });

  it('takes a package main file required by its path for the package, and nothing deeper', () => {
    expect(
      findings(
        `
        const axios = require('axios/index');
        const got = require('got/index.js');
        const other = require('axios/lib/helpers/fromDataURI');
        const wrapped = wrap(require('axios'));
        axios.get(a);
        got(b);
        other(c);
        wrapped.default.get(d);
      `,
        { sourceType: 'commonjs' },
      ),
    ).toEqual(['request axios.get(a) → axios.get (library, axios)', 'request got(b) → got (library, got)']);
  });

  it('finds a request method chosen at run time on a got field instance', () => {
    expect(
      findings(
        `
        const got = require('got');
        const axios = require('axios');
        class Client {
          constructor() {
            this.api = got.extend({ prefixUrl: base });
            this.http = axios.create();
          }
          send(method, path) {
            this.api[method](path);
            this.api['get'](path);
            this.api[method]();
            this.http[method](path);
          }
        }
      `,
        { sourceType: 'commonjs' },
      ),
    ).toEqual([
      'request this.api[method](path) → got (instance, got)',
      "request this.api['get'](path) → got.get (instance, got)",
      'construct got.extend() → instance, got (got)',
      'construct axios.create() → instance, axios (axios)',
    ]);
  });
});
