import { describe, expect, it } from 'vitest';

import { getAxiosErrorHandlers, isApiModulePath } from '../../src/model/axios-handlers';
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
