import { describe, expect, it } from 'vitest';

import { findResolvedProperty, resolveOptionsValue } from '../../src/model/options';
import { analyze } from './analyze';

/** For each request, the object literals its options argument may be, or `unknown`. */
function alternatives(code: string, sourceType: 'module' | 'script' = 'module'): Record<string, string[] | 'unknown'> {
  const { model, sourceCode, text } = analyze(sourceType === 'module' ? `import { Agent } from 'undici';\n${code}` : code, { sourceType });
  const isRequest = (call: Parameters<typeof model.requestOf>[0]): boolean =>
    model.requestOf(call) !== undefined || model.constructionOf(call) !== undefined;
  return Object.fromEntries(
    model.requests.map((request) => {
      const node = request.node.arguments[1];
      const resolved = node ? resolveOptionsValue(node, sourceCode, isRequest) : null;
      return [text(request.node), resolved ? resolved.map((object) => (object ? text(object) : 'none')) : 'unknown'];
    }),
  );
}

describe('resolveOptionsValue', () => {
  it('follows constants, conditionals and local helpers to object literals', () => {
    expect(
      alternatives(`
        const init = { method: 'POST' };
        fetch(a, init);
        fetch(b, flag ? { cache: 'no-store' } : undefined);
        function options() {
          if (flag) return { mode: 'cors' };
          return { method: 'GET' };
        }
        fetch(c, options());
        const arrow = () => ({ credentials: 'include' });
        fetch(d, arrow());
        function nothing() {}
        fetch(e, nothing());
      `),
    ).toEqual({
      'fetch(a, init)': ["{ method: 'POST' }"],
      "fetch(b, flag ? { cache: 'no-store' } : undefined)": ["{ cache: 'no-store' }", 'none'],
      'fetch(c, options())': ["{ mode: 'cors' }", "{ method: 'GET' }"],
      'fetch(d, arrow())': ["{ credentials: 'include' }"],
      'fetch(e, nothing())': ['none'],
    });
  });

  it('accepts reads, copies, `JSON.stringify` and other requests as uses', () => {
    expect(
      alternatives(`
        const init = { headers };
        log(JSON.stringify(init), init.headers, { ...init }, table[init.headers]);
        fetch(a, init);
        fetch(b, init);
        new Agent(init);
      `),
    ).toEqual({ 'fetch(a, init)': ['{ headers }'], 'fetch(b, init)': ['{ headers }'] });
  });

  it('gives up on what may change out of sight', () => {
    expect(
      alternatives(`
        const written = {};
        written.signal = s;
        fetch(a, written);
        const deep = { headers: {} };
        deep.headers.x = 1;
        fetch(b, deep);
        const passed = {};
        prepare(passed);
        fetch(c, passed);
        const called = {};
        called.toString();
        fetch(d, called);
        const counted = { retries: 0 };
        counted.retries++;
        fetch(n, counted);
        const deleted = { signal };
        delete deleted.signal;
        fetch(e, deleted);
        export const exported = {};
        fetch(f, exported);
        let later = {};
        later = other;
        fetch(g, later);
        fetch(h, param);
        fetch(i, make());
        async function pending() { return {}; }
        fetch(j, pending());
        fetch(k, this.options);
        const recursive = () => recursive();
        fetch(l, recursive());
        const shared = {};
        const handOut = () => shared;
        fetch(m, handOut());
      `),
    ).toEqual({
      'fetch(a, written)': 'unknown',
      'fetch(b, deep)': 'unknown',
      'fetch(c, passed)': 'unknown',
      'fetch(d, called)': 'unknown',
      'fetch(n, counted)': 'unknown',
      'fetch(e, deleted)': 'unknown',
      'fetch(f, exported)': 'unknown',
      'fetch(g, later)': 'unknown',
      'fetch(h, param)': 'unknown',
      'fetch(i, make())': 'unknown',
      'fetch(j, pending())': 'unknown',
      'fetch(k, this.options)': 'unknown',
      'fetch(l, recursive())': 'unknown',
      // A shared object handed out by a helper may be changed by any caller.
      'fetch(m, handOut())': 'unknown',
    });
  });

  it('does not trust a top-level variable of a script', () => {
    expect(alternatives(`var init = {}; fetch(a, init);`, 'script')).toEqual({ 'fetch(a, init)': 'unknown' });
  });
});

describe('findResolvedProperty', () => {
  it('looks into spreads of known objects, in order', () => {
    const { model, sourceCode, text } = analyze(`
      const base = { timeout: 1000, headers };
      const empty = {};
      fetch(a, { ...base });
      fetch(b, { ...base, timeout: 2000 });
      fetch(c, { timeout: 3000, ...base });
      fetch(d, { ...empty, method });
      fetch(e, { ...unknown, method });
      fetch(f, { ...unknown, timeout: 4000 });
      fetch(g, { [key]: 1 });
      fetch(h, { ...undefined });
      const one = { timeout: 5000 };
      const other = {};
      fetch(i, { ...(flag ? one : other) });
    `);
    const isRequest = (call: Parameters<typeof model.requestOf>[0]): boolean =>
    model.requestOf(call) !== undefined || model.constructionOf(call) !== undefined;
    expect(
      model.requests.map((request) => {
        if (request.options.kind !== 'object') return 'not an object';
        const lookup = findResolvedProperty(request.options.node, 'timeout', sourceCode, isRequest);
        return lookup.kind === 'found' ? text(lookup.value) : lookup.kind;
      }),
    ).toEqual(['1000', '2000', '1000', 'missing', 'unknown', '4000', 'unknown', 'missing', 'unknown']);
  });
});

describe('resolveOptionsValue with keys the caller ignores', () => {
  /** The literal each request's first argument may be, when writes of any key but `timeout` are ignored. */
  function ignoring(code: string): Record<string, string[] | 'unknown'> {
    const { model, sourceCode, text } = analyze(code, { sourceType: 'commonjs' });
    const isRequest = (call: Parameters<typeof model.requestOf>[0]): boolean => model.requestOf(call) !== undefined;
    return Object.fromEntries(
      model.requests.map((request) => {
        const node = request.node.arguments[0];
        const resolved = node ? resolveOptionsValue(node, sourceCode, isRequest, (key) => key !== 'timeout') : null;
        return [text(request.node), resolved ? resolved.map((object) => (object ? text(object) : 'none')) : 'unknown'];
      }),
    );
  }

  it('keeps a literal whose later writes are all of ignored keys, and that is only logged', () => {
    expect(
      ignoring(`
        const axios = require('axios');
        function a() {
          const config = { url: 'a' };
          config.headers = {};
          config.headers.accept = 'json';
          config['proxy'] = false;
          console.log(config);
          this.logger.debug('config', config);
          return axios(config);
        }
      `),
    ).toEqual({ 'axios(config)': ["{ url: 'a' }"] });
  });

  it('gives up on writes of asked keys (plain or compound), computed keys, method calls and other calls', () => {
    expect(
      ignoring(`
        const axios = require('axios');
        function a() { const ca = { url: 'a' }; ca.timeout = 1; return axios(ca); }
        function b(k) { const cb = { url: 'b' }; cb[k] = 1; return axios(cb); }
        function d() { const cd = { url: 'd' }; cd.timeout ??= 1; return axios(cd); }
        function e() { const ce = { url: 'e' }; ce.headers.push(x); return axios(ce); }
        function f() { const cf = { url: 'f' }; prepare(cf); return axios(cf); }
        function g() { const cg = { url: 'g' }; metrics.record(cg); return axios(cg); }
      `),
    ).toEqual({
      'axios(ca)': 'unknown',
      'axios(cb)': 'unknown',
      'axios(cd)': 'unknown',
      'axios(ce)': 'unknown',
      'axios(cf)': 'unknown',
      'axios(cg)': 'unknown',
    });
  });

  it('does not ignore writes unless asked to', () => {
    const { model, sourceCode } = analyze(
      `const axios = require('axios'); function a() { const c = { url: 'a' }; c.headers = {}; return axios(c); }`,
      { sourceType: 'commonjs' },
    );
    const request = model.requests[0];
    const node = request?.node.arguments[0];
    expect(node && resolveOptionsValue(node, sourceCode, (call) => model.requestOf(call) !== undefined)).toBeNull();
  });
});
