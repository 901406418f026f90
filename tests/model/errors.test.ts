import { describe, expect, it } from 'vitest';

import { getErrorHandlers, getErrorVariables } from '../../src/model/errors';
import { analyze } from './analyze';

/** The handlers of `code`, each as the code of its parameter and of the requests it covers. */
function handlersOf(code: string): { param: string | null; region: string; requests: string[]; called?: string[] }[] {
  const { model, sourceCode, text } = analyze(code);
  return getErrorHandlers(model, sourceCode).handlers.map((handler) => ({
    param: handler.param && text(handler.param),
    region: text(handler.region),
    requests: handler.requests.map((request) => text(request.node)),
    ...(handler.calledRequests.length > 0 ? { called: handler.calledRequests.map((request) => text(request.node)) } : {}),
  }));
}

/** The handlers of `code` that requests made in called functions reach, with those requests. */
function calledOf(code: string): Record<string, string[]> {
  return Object.fromEntries(handlersOf(code).map((handler) => [handler.param ?? '', handler.called ?? []]));
}

describe('getErrorHandlers', () => {
  it('finds the catch clause whose try block awaits the request', () => {
    expect(
      handlersOf(`
        async function load() {
          try {
            const a = await fetch('/a');
            const b = await fetch('/b');
          } catch (error) {}
        }
      `),
    ).toEqual([{ param: 'error', region: expect.stringContaining('const a') as string, requests: ["fetch('/a')", "fetch('/b')"] }]);
  });

  it('finds rejection callbacks on the promise chain, through then, finally and ky body methods', () => {
    expect(
      handlersOf(`
        import ky from 'ky';
        fetch('/a').then((res) => res.text()).finally(done).catch((e) => e);
        fetch('/b').then(ok, (e) => e);
        ky.get('/c').json().catch((e) => e);
      `),
    ).toEqual([
      { param: 'e', region: "fetch('/a').then((res) => res.text()).finally(done)", requests: ["fetch('/a')"] },
      { param: 'e', region: "fetch('/b')", requests: ["fetch('/b')"] },
      { param: 'e', region: "ky.get('/c').json()", requests: ["ky.get('/c')"] },
    ]);
  });

  it('stops at a rejection handler that is not a function, and at unknown uses of the promise', () => {
    expect(
      handlersOf(`
        async function load(x) {
          try {
            await fetch('/a').catch(handle);
            await fetch('/b').then(ok, handle);
            await fetch('/c').foo();
            await fetch('/d')[x]();
            const then = fetch('/e').then;
            await fetch('/f')();
            await (fetch('/g') ? 1 : 2);
            await (fetch('/h') || other);
            await cache[fetch('/j')];
            const pending = fetch('/i');
            await pending;
          } catch (error) {}
        }
      `),
    ).toEqual([]);
  });

  it('follows conditional and fallback promises, arrays, spreads, Promise.all and callbacks', () => {
    expect(
      handlersOf(`
        async function load(urls, cond, cached) {
          try {
            await (cond ? fetch('/a') : fetch('/b'));
            await (cached || fetch('/c'));
            await Promise.all([fetch('/d'), ...urls.map((url) => fetch(url))]);
            await Promise.all(urls.map(async (url) => {
              const res = await fetch(url);
              return res;
            }));
            await (async () => {
              await fetch('/e');
            })();
          } catch (error) {}
        }
      `),
    ).toEqual([
      {
        param: 'error',
        region: expect.any(String) as string,
        requests: ["fetch('/a')", "fetch('/b')", "fetch('/c')", "fetch('/d')", 'fetch(url)', 'fetch(url)', "fetch('/e')"],
      },
    ]);
  });

  it('does not let a try catch a promise it returns, lets it reach the caller, and ignores allSettled', () => {
    expect(
      handlersOf(`
        function a() {
          try {
            return fetch('/a');
          } catch (error) {}
        }
        start().then(() => {
          try {
            return fetch('/b');
          } catch (inner) {}
        }).catch((outer) => outer);
        async function c(urls) {
          try {
            await Promise.allSettled(urls.map((url) => fetch(url)));
          } catch (error) {}
        }
        await fetch('/top');
        function d() {
          const run = async () => {
            await fetch('/d');
          };
          try {
            run();
          } catch (error) {}
        }
      `),
    ).toEqual([{ param: 'outer', region: expect.any(String) as string, requests: ["fetch('/b')"] }]);
  });

  it('keeps handlers without a parameter, and caches per model', () => {
    const { model, sourceCode } = analyze(`
      async function load() {
        try {
          await fetch('/a');
        } catch {}
        return fetch('/b').catch(() => null);
      }
    `);
    const handlers = getErrorHandlers(model, sourceCode);
    expect(handlers.handlers.map((handler) => handler.param)).toEqual([null, null]);
    expect(getErrorHandlers(model, sourceCode)).toBe(handlers);
    const first = handlers.handlers[0];
    expect(first && handlers.handlerOf(first.node)).toBe(first);
  });
});

describe('getErrorHandlers through calls of the file\'s functions', () => {
  it('follows functions called by name', () => {
    expect(
      calledOf(`
        async function getUser(id) {
          const res = await fetch(\`/users/\${id}\`);
          return res;
        }
        const load = (id) => fetch(\`/items/\${id}\`);
        async function poll() {
          await fetch('/poll');
          await poll();
        }
        async function main() {
          try {
            await getUser(1);
            await load(2);
            await poll();
          } catch (error) {}
        }
      `),
    ).toEqual({ error: ['fetch(`/users/${id}`)', 'fetch(`/items/${id}`)', "fetch('/poll')"] });
  });

  it('follows methods of classes and of object literals', () => {
    expect(
      calledOf(`
        class Api {
          async page(n) {
            return (await fetch(\`/pages/\${n}\`)).text();
          }
          async all() {
            try {
              await this.page(1);
            } catch (inner) {}
          }
          static async ping() {
            return fetch('/ping');
          }
          static async check() {
            try {
              await this.ping();
            } catch (fromStatic) {}
          }
          load = async () => {
            try {
              await this.page(2);
            } catch (fromField) {}
          };
        }
        const api = new Api();
        const Other = class {
          async get() {
            return fetch('/other');
          }
        };
        const other = new Other();
        const helpers = {
          async get() {
            return fetch('/helper');
          },
          run: () => fetch('/run'),
        };
        async function main() {
          try {
            await api.page(3);
            await Api.ping();
            await other.get();
            await helpers.get();
            await helpers.run();
          } catch (outer) {}
        }
      `),
    ).toEqual({
      inner: ['fetch(`/pages/${n}`)'],
      fromStatic: ["fetch('/ping')"],
      fromField: ['fetch(`/pages/${n}`)'],
      outer: ['fetch(`/pages/${n}`)', "fetch('/ping')", "fetch('/other')", "fetch('/helper')", "fetch('/run')"],
    });
  });

  it('does not follow calls it cannot tie to the function', () => {
    expect(
      handlersOf(`
        class Api {
          async page() {
            return fetch('/page');
          }
          get current() {
            return fetch('/current');
          }
          [Symbol.iterator]() {
            return fetch('/iterate');
          }
          static async ping() {
            return fetch('/ping');
          }
          plain() {
            return function () {
              return this.page();
            };
          }
          async wrongKind() {
            try {
              await this.ping();
            } catch (instanceThis) {}
          }
        }
        class Other {
          async page() {
            try {
              await this.page();
            } catch (otherClass) {}
          }
        }
        let swapped = async () => fetch('/swapped');
        swapped = null;
        const [first] = [async () => fetch('/first')];
        export default {
          async get() {
            return fetch('/default');
          },
        };
        const factory = () => class {
          async get() {
            return fetch('/anonymous');
          }
        };
        const Named = factory();
        const { get } = { get: async () => fetch('/destructured') };
        const { name } = async function named() {
          return fetch('/named');
        };
        let table = { async get() { return fetch('/table'); } };
        table = null;
        const store = { async get() { return fetch('/store'); } };
        const detached = store.get;
        class Swap {
          static async go() {
            return fetch('/swap');
          }
        }
        Swap = null;
        const sparse = [, 1];
        this.page();
        export async function anonymous() {
          return [async function () {
            return fetch('/in-array');
          }];
        }
        async function main(api, other) {
          try {
            await api.page();
            await other.page();
            await swapped();
            await first();
            await new Named().get();
            await get();
            await table.get();
            await detached();
            await Swap.go();
            await new Api().page();
          } catch (none) {}
        }
      `).filter((handler) => handler.called),
    ).toEqual([]);
    expect(
      handlersOf(`
        export default async function () {
          return fetch('/default');
        }
        try {
          await fetch('/direct');
        } catch (error) {}
      `),
    ).toEqual([{ param: 'error', region: expect.any(String) as string, requests: ["fetch('/direct')"] }]);
  });
});

describe('getErrorVariables', () => {
  function variablesOf(code: string): string[][] {
    const { model, sourceCode } = analyze(code);
    return getErrorHandlers(model, sourceCode).handlers.map((handler) =>
      getErrorVariables(handler, sourceCode).map((variable) => variable.name),
    );
  }

  it('returns the parameter and constants copied from it', () => {
    expect(
      variablesOf(`
        async function load() {
          try {
            await fetch('/a');
          } catch (err) {
            const error = err;
            const again = error;
            let other = err;
            other = null;
          }
        }
      `),
    ).toEqual([['err', 'error', 'again']]);
  });

  it('returns nothing for a reassigned or destructured parameter', () => {
    expect(
      variablesOf(`
        async function load() {
          try {
            await fetch('/a');
          } catch (err) {
            err = wrap(err);
          }
          try {
            await fetch('/b');
          } catch ({ message }) {}
          await fetch('/c').catch((e = null) => e);
        }
      `),
    ).toEqual([[], [], []]);
  });
});
