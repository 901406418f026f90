import { describe, expect, it } from 'vitest';

import { getErrorHandlers, getErrorVariables } from '../../src/utils/catch-analysis';
import { analyze } from './analyze';

/** The handlers of `code`, each as the code of its parameter and of the requests it covers. */
function handlersOf(code: string): { param: string | null; region: string; requests: string[] }[] {
  const { model, text } = analyze(code);
  return getErrorHandlers(model).handlers.map((handler) => ({
    param: handler.param && text(handler.param),
    region: text(handler.region),
    requests: handler.requests.map((request) => text(request.node)),
  }));
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
    const { model } = analyze(`
      async function load() {
        try {
          await fetch('/a');
        } catch {}
        return fetch('/b').catch(() => null);
      }
    `);
    const handlers = getErrorHandlers(model);
    expect(handlers.handlers.map((handler) => handler.param)).toEqual([null, null]);
    expect(getErrorHandlers(model)).toBe(handlers);
    const first = handlers.handlers[0];
    expect(first && handlers.handlerOf(first.node)).toBe(first);
  });
});

describe('getErrorVariables', () => {
  function variablesOf(code: string): string[][] {
    const { model, sourceCode } = analyze(code);
    return getErrorHandlers(model).handlers.map((handler) =>
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
