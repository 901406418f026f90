import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import type { HttpRequest } from '../../src/model/http';
import { getHttpModel } from '../../src/model/http';
import { getInferredRequests, nameWords } from '../../src/model/wrappers';

/** The inferred requests of `code`, as source text, and whether the model's own list holds them. */
function inferred(code: string, settings: Record<string, unknown> = {}): { calls: string[]; inModel: boolean } {
  let captured: { requests: readonly HttpRequest[]; model: readonly HttpRequest[]; text: string } | undefined;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      captured = {
        requests: getInferredRequests(context),
        model: getHttpModel(context).requests,
        text: context.sourceCode.text,
      };
      // A second call is served from the per-file cache.
      expect(getInferredRequests(context)).toBe(captured.requests);
      return {};
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, sourceType: 'module' },
        settings: { 'http-client': settings },
        plugins: { probe: { rules: { model: probe } } } as never,
        rules: { 'probe/model': 'error' },
      },
    ],
    'file.ts',
  );
  const fatal = messages.find((message) => message.fatal === true || message.ruleId === 'probe/model');
  if (fatal) throw new Error(fatal.message);
  if (!captured) throw new Error('the probe rule did not run');
  const { requests, model, text } = captured;
  return {
    calls: requests.map((request) => text.slice(request.node.range[0], request.node.range[1])),
    inModel: requests.some((request) => model.includes(request)),
  };
}

describe('getInferredRequests', () => {
  it('infers a fetch-named callee whose result is used as a Response', () => {
    expect(
      inferred(`
        import { fetchWithCerts } from './tls';
        async function a(url: string) {
          const res = await fetchWithCerts(url, { cert });
          if (res.ok) return res.headers.get('etag');
        }
        const b = () => this.client.fetchRaw('/b').then((res) => res.arrayBuffer());
        const c = async (api: Api) => (await api.fetchItem('/c')).json();
      `),
    ).toEqual({ calls: ["fetchWithCerts(url, { cert })", "this.client.fetchRaw('/b')", "api.fetchItem('/c')"], inModel: false });
  });

  it('reads the URL and options of the call', () => {
    const code = `
      import { fetchWithCerts } from './tls';
      const res = await fetchWithCerts('/a', { timeout: 1 });
      await res.json();
    `;
    let request: HttpRequest | undefined;
    const probe = {
      meta: { type: 'problem', schema: [] },
      create(context: TSESLint.RuleContext<string, []>) {
        request = getInferredRequests(context)[0];
        return {};
      },
    };
    new Linter({ configType: 'flat' }).verify(code, [
      { plugins: { probe: { rules: { model: probe } } } as never, rules: { 'probe/model': 'error' } },
    ]);
    expect(request).toMatchObject({ client: 'fetch', source: 'inferred', method: null, module: null, deadlineFromWrapper: false });
    expect(request?.url).toMatchObject({ type: 'Literal', value: '/a' });
    expect(request?.options.kind).toBe('object');
  });

  it('reads spread arguments as unknown, and a deadline from a timeout function', () => {
    const code = `
      import { fetchWithCerts, fetchRaw } from './tls';
      const a = await fetchWithCerts(...args);
      const b = await fetchWithCerts(url, ...rest);
      const c = await withDeadline(fetchRaw(url, options));
      const d = await fetchRaw(url, undefined);
      [a.json(), b.json(), c.json(), d.json()];
    `;
    const requests: HttpRequest[] = [];
    const probe = {
      meta: { type: 'problem', schema: [] },
      create(context: TSESLint.RuleContext<string, []>) {
        requests.push(...getInferredRequests(context));
        return {};
      },
    };
    new Linter({ configType: 'flat' }).verify(code, [
      {
        settings: { 'http-client': { timeoutFunctions: ['withDeadline'] } },
        plugins: { probe: { rules: { model: probe } } } as never,
        rules: { 'probe/model': 'error' },
      },
    ]);
    expect(requests.map((request) => [request.url?.type ?? null, request.options.kind, request.deadlineFromWrapper])).toEqual([
      [null, 'unknown', false],
      ['Identifier', 'unknown', false],
      ['Identifier', 'unknown', true],
      ['Identifier', 'none', false],
    ]);
  });

  it('needs the name and the use together', () => {
    expect(
      inferred(`
        import { fetchUsers, loadUser, fetchPost } from './api';
        const users = await fetchUsers();
        users.map((user) => user.name);
        const user = await loadUser(1);
        await user.json();
        const post = await fetchPost(1);
        render(post.body, post.status);
        await fetchUsers();
      `).calls,
    ).toEqual([]);
  });

  it('leaves out names that say the work is done, ignored names and a shadowing `fetch`', () => {
    expect(
      inferred(
        `
          import { fetchJson, fetchOrThrow, safeFetch, fetchWithTimeout, fetchCached } from './http';
          async function run(fetch: typeof globalThis.fetch) {
            for (const res of [await fetchJson(u), await fetchOrThrow(u), await safeFetch(u), await fetchWithTimeout(u), await fetchCached(u), await fetch(u)]) {
              await res.json();
            }
            const a = await fetchJson(u);
            return a.json();
          }
        `,
        { inferWrappers: { ignore: ['fetchCached'] } },
      ).calls,
    ).toEqual([]);
  });

  it('follows functions of the file: a wrapper returns a request it does not check', () => {
    expect(
      inferred(`
        const fetchA = (url: string) => fetch(url);
        async function fetchB(url: string) {
          const res = await fetch(url);
          return res;
        }
        async function fetchC(url: string) {
          const res = await fetch(url);
          if (!res.ok) throw new Error(String(res.status));
          return res;
        }
        async function fetchD() {
          return cache.get('d');
        }
        const api = { fetchE: (url: string) => fetch(url) };
        for (const res of [await fetchA(u), await fetchB(u), await fetchC(u), await fetchD(), await api.fetchE(u)]) res.json();
        const a = await fetchA(u);
        const b = await fetchB(u);
        const c = await fetchC(u);
        const d = await fetchD();
        const e = await api.fetchE(u);
        [a.json(), b.json(), c.json(), d.json(), e.json()];
      `).calls,
    ).toEqual(['fetchA(u)', 'fetchB(u)', 'api.fetchE(u)']);
  });

  it('infers a method of the file that returns a fetch response unchecked, whatever its name', () => {
    expect(
      inferred(`
        class Api {
          get(path: string) {
            return fetch(this.base + path);
          }
          async getChecked(path: string) {
            const res = await fetch(this.base + path);
            if (!res.ok) throw new Error(String(res.status));
            return res;
          }
          load(path: string) {
            return cache.get(path);
          }
          async user() {
            const a = await this.get('/user');
            const b = await this.getChecked('/user');
            const c = await this.load('/user');
            const d = await this.get('/count');
            return [await a.json(), await b.json(), await c.json(), d.total];
          }
        }
      `).calls,
    ).toEqual(["this.get('/user')"]);
  });

  it('infers a fetch-named method that returns what a fetch-named call of its body returns', () => {
    expect(
      inferred(`
        class Model {
          async signedFetch(body: string) {
            const headers = await sign(body);
            return this.retry.run(() => this.fetchImpl(this.url, { body, headers }));
          }
          async checkedFetch(body: string) {
            return this.retry.run(() => this.fetchImpl(this.url, { body }).then(checkResponse));
          }
          async timedFetch(body: string) {
            return this.retry.run(() => this.fetchWithTimeout(this.url, { body }));
          }
          async readFetch(body: string) {
            return this.retry.run(async () => (await this.fetchImpl(this.url, { body })).json());
          }
          async invoke(body: string) {
            const responses = [await this.signedFetch(body), await this.checkedFetch(body), await this.timedFetch(body), await this.readFetch(body)];
            const a = await this.signedFetch(body);
            const b = await this.checkedFetch(body);
            const c = await this.timedFetch(body);
            const d = await this.readFetch(body);
            return [a.json(), b.json(), c.json(), d.json(), responses];
          }
        }
      `).calls,
      // the injected `this.fetchImpl` parsed in place is a request of its own
    ).toEqual(['this.fetchImpl(this.url, { body })', 'this.signedFetch(body)']);
  });

  it('is off with `inferWrappers: false` and takes a name pattern', () => {
    const code = `
      import { fetchWithCerts, requestUpstream } from './tls';
      const a = await fetchWithCerts(u);
      const b = await requestUpstream(u);
      [a.json(), b.json()];
    `;
    expect(inferred(code, { inferWrappers: false }).calls).toEqual([]);
    expect(inferred(code, { inferWrappers: { namePattern: 'request' } }).calls).toEqual(['requestUpstream(u)']);
    expect(inferred('const x = 1;').calls).toEqual([]);
  });

  it('leaves wrappers named in settings to the model', () => {
    expect(
      inferred(
        `
          import { fetchWithCerts } from './tls';
          const a = await fetchWithCerts(u);
          a.json();
        `,
        { fetchFunctions: ['fetchWithCerts'] },
      ).calls,
    ).toEqual([]);
  });
});

describe('nameWords', () => {
  it('splits camelCase, acronyms and snake_case', () => {
    expect(nameWords('fetchJSONData')).toEqual(['fetch', 'json', 'data']);
    expect(nameWords('safe_fetch')).toEqual(['safe', 'fetch']);
    expect(nameWords('fetchOk')).toEqual(['fetch', 'ok']);
    expect(nameWords('fetchBook')).toEqual(['fetch', 'book']);
    expect(nameWords('$fetch')).toEqual(['fetch']);
  });
});
