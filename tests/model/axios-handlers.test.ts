import { describe, expect, it } from 'vitest';

import { getAxiosErrorHandlers, isApiModulePath, isAxiosInstanceName } from '../../src/model/axios-handlers';
import { analyze } from './analyze';

/** The handlers of `code`, as `evidence: parameter (call)`. */
function handlersOf(code: string): string[] {
  const { sourceCode, text } = analyze(code, { typescript: true });
  return getAxiosErrorHandlers(sourceCode).map(
    (handler) => `${handler.evidence}: ${handler.param ? text(handler.param) : '-'}${handler.call ? ` (${text(handler.call)})` : ''}`,
  );
}

describe('isApiModulePath', () => {
  it.each([
    ['./api', true],
    ['../api/users', true],
    ['@/services/http-client', true],
    ['~/lib/userApi.ts', true],
    ['./clients/billing', true],
    ['#http', true],
    ['./users', false],
    ['./capital', false],
    ['./apiary', false],
  ])('%s → %s', (module, expected) => {
    expect(isApiModulePath(module)).toBe(expected);
  });
});

describe('isAxiosInstanceName', () => {
  it.each([
    ['axios', true],
    ['axiosInstance', true],
    ['authAxios', true],
    ['axios_client', true],
    ['privateAxiosApi', true],
    ['axiosConfig', false],
    ['axiosError', false],
    ['httpClient', false],
    ['maxiosInstance', false],
  ])('%s → %s', (name, expected) => {
    expect(isAxiosInstanceName(name)).toBe(expected);
  });
});

describe('getAxiosErrorHandlers', () => {
  it('finds the rejection callbacks of response interceptors, inline or named', () => {
    expect(
      handlersOf(`
const onError = (failure) => Promise.reject(failure);
api.interceptors.response.use((r) => r, (error) => Promise.reject(error));
axios.interceptors.response.use(null, onError);
client.interceptors.response.use((r) => r);
client.interceptors.request.use((c) => c, (e) => e);
other.response.use((r) => r, (e) => e);
`),
    ).toEqual(['interceptor: failure', 'interceptor: error']);
  });

  it('finds catches and .catch() around calls of imported API functions and objects', () => {
    expect(
      handlersOf(`
import { getUser } from './api';
import users from '../services/http/users';
async function a() {
  try { await getUser(1); } catch (err) { err.response; }
}
function b() {
  return users.admin.list().catch((e) => e.response);
}
`),
    ).toEqual(['api-module: err (getUser(1))', 'api-module: e (users.admin.list())']);
  });

  it('accepts any project module when the file imports or requires axios', () => {
    const code = `import { load } from './users';\nasync function a() { try { await load(); } catch (e) { e.response; } }`;
    expect(handlersOf(code)).toEqual([]);
    expect(handlersOf(`import axios from 'axios';\n${code}`)).toEqual(['api-module: e (load())']);
    expect(handlersOf(`const axios = require('axios');\n${code}`)).toEqual(['api-module: e (load())']);
  });

  it('needs a project module, a value import, a call whose rejection reaches the handler, and the word response', () => {
    expect(handlersOf(`import { get } from 'api-lib';\nasync function a() { try { await get(); } catch (e) { e.response; } }`)).toEqual([]);
    expect(handlersOf(`import type { Get } from './api';\nimport { type get } from './api';\nasync function a() { try { await get(); } catch (e) { e.response; } }`)).toEqual([]);
    expect(handlersOf(`import { get } from './api';\nasync function a() { try { get(); } catch (e) { e.response; } }`)).toEqual([]);
    expect(handlersOf(`import { get } from './api';\nasync function a() { try { await get(); } catch (e) { e.status; } }`)).toEqual([]);
    expect(handlersOf(`import { get } from './api';\nasync function a() { try { await x(get); } catch (e) { e.response; } }`)).toEqual([]);
  });

  it('counts a handler once', () => {
    expect(
      handlersOf(`
import { a, b } from './api';
async function f() { try { await a(); await b(); } catch (e) { e.response; } }
`),
    ).toEqual(['api-module: e (a())']);
  });
});

describe('getAxiosErrorHandlers: compiled imports and isAxiosError', () => {
  it('finds handlers around requests of axios bound through an interop helper, and of its instances kept in a constant or a field', () => {
    expect(
      handlersOf(`
const axios_1 = __importDefault(require('axios'));
const api = axios_1.default.create();
class Store {
  constructor() { this.http = axios_1.default.create(); }
  a() { return this.http.put('/x').catch((first) => first.response); }
  b() { return this.other.put('/x').catch((ignored) => ignored.response); }
}
function c() { return (0, axios_1.default)({ url: '/y' }).catch((second) => second.response); }
async function d() { try { await api.get('/z'); } catch (third) { third.response; } }
function e() { return axios_1.default.defaults.catch((none) => none.response); }
`),
    ).toEqual([
      'transpiled: first (this.http.put(\'/x\'))',
      'transpiled: second ((0, axios_1.default)({ url: \'/y\' }))',
      'transpiled: third (api.get(\'/z\'))',
    ]);
  });

  it('finds catch clauses and rejection callbacks whose error is tested with isAxiosError', () => {
    expect(
      handlersOf(`
async function a() { try { await run(); } catch (err) { if (err.isAxiosError) err.response; } }
function b() { return run().catch((e) => isAxiosError(e) && e.response); }
function c(x) { return run().catch((e) => x.isAxiosError && e.response); }
function d(value) { return axios.isAxiosError(value) && value.response; }
`),
    ).toEqual(['is-axios-error: err', 'is-axios-error: e']);
  });
});

describe('getAxiosErrorHandlers: instances named axios', () => {
  it('finds the handler around a request of a client named as an axios instance, not of `axios` itself', () => {
    expect(
      handlersOf(`
async function load(ctx, axios) {
  try { await ctx.axiosClient.get('/a'); } catch (first) { void first.response; }
  try { await axios.get('/b'); } catch (second) { void second.response; }
}
`),
    ).toEqual(["named-instance: first (ctx.axiosClient.get('/a'))"]);
  });
});
