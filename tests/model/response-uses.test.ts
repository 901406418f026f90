import { describe, expect, it } from 'vitest';

import type { StatusGuard } from '../../src/model/response-uses';
import type { AnalyzeOptions } from './analyze';
import {
  getEffectiveResponseFlow,
  getResponseUses,
  hasStatusCheck,
  isFetchStyleRequest,
} from '../../src/model/response-uses';
import { analyze } from './analyze';

/** The uses of the response of request `index`, as `kind text` (and `[label]` for body reads). */
function usesOf(code: string, index = 0, checkers: readonly string[] = [], options: AnalyzeOptions = {}): string[] {
  const { model, sourceCode, text } = analyze(code, options);
  const request = model.requests[index];
  if (!request) throw new Error(`no request ${String(index)}`);
  const flow = getEffectiveResponseFlow(request, model, sourceCode);
  return getResponseUses(request, flow, model, sourceCode, { checkers }).map(
    (use) => `${use.kind} ${text(use.node)}${use.label ? ` [${use.label}]` : ''}`,
  );
}

describe('getResponseUses', () => {
  it('follows a variable through its references', () => {
    expect(
      usesOf(`
        const res = await fetch(url);
        if (!res.ok) throw new Error(res.statusText);
        log(res.status, res?.statusCode, res[key], res.url);
        const data = await res.json();
      `),
    ).toEqual([
      'status res.ok',
      'status res.status',
      'status res?.statusCode',
      'body res.json() [json()]',
    ]);
  });

  it('follows aliases once, even when they form a cycle', () => {
    expect(
      usesOf(`
        const res = await fetch(url);
        let a = res;
        let b = a;
        a = b;
        b.text();
      `),
    ).toEqual(['body b.text() [text()]']);
  });

  it('passes the value through `await`, conditionals, logical and sequence expressions', () => {
    expect(
      usesOf(`
        const res = await fetch(url);
        const a = (await (flag ? res : other)).ok;
        const b = (fallback || res).body;
        const c = (0, res).blob();
        const d = (res ? 1 : 2);
      `),
    ).toEqual(['status (await (flag ? res : other)).ok', 'body (fallback || res).body [body]', 'body (0, res).blob() [blob()]']);
  });

  it('sees returns, stores and hand-offs', () => {
    expect(
      usesOf(`
        const res = await fetch(url);
        const f = () => res;
        this.last = res;
        cache = res;
        record({ res }, [res]);
        new Wrapper(res);
        fn(...rest, res);
      `),
    ).toEqual([
      'returned res',
      'stored this.last',
      'stored cache',
      'stored res',
      'stored res',
      'handoff new Wrapper(res)',
      'handoff fn(...rest, res)',
    ]);
  });

  it('reads destructuring per client', () => {
    expect(usesOf(`const { ok, headers, body, [key]: value, ...rest } = await fetch(url);`)).toEqual([
      'status ok',
      'contentType headers',
      'body body [body]',
      'handoff [key]: value',
      'handoff ...rest',
    ]);
    expect(usesOf(`import axios from 'axios'; const { data, status } = await axios.get(url);`)).toEqual([
      'body data [data]',
      'status status',
    ]);
    expect(usesOf(`const [first] = await fetch(url);`)).toEqual(['handoff [first]']);
  });

  it('recognises reads of the content-type header', () => {
    expect(
      usesOf(`
        const res = await fetch(url);
        res.headers.get('Content-Type');
        res.headers.has('content-type');
        res.headers['content-type'];
        res.headers.get(name);
        res.headers.forEach(print);
        isJson(res.headers);
        res.headers[computed];
        res.headers.get('content-length');
        res.headers.get();
        res.headers.location;
      `),
    ).toEqual([
      'contentType res.headers',
      'contentType res.headers',
      'contentType res.headers',
      'contentType res.headers',
      'contentType res.headers',
      'contentType res.headers',
      'contentType res.headers',
    ]);
  });

  it('summarises functions of the file that receive the response', () => {
    expect(
      usesOf(`
        function readType(res) {
          return res.headers.get('content-type');
        }
        function keep(res) {
          store.last = res;
        }
        function parse(res) {
          return res.json();
        }
        let reassigned = parse;
        reassigned = other;
        var twice = parse;
        var twice = parse;
        const res = await fetch(url);
        readType(res);
        keep(res);
        parse(res);
        reassigned(res);
        twice(res);
        (function (r) { return r.json(); })(res);
        console.log(res);
      `),
    ).toEqual([
      'contentType readType(res)',
      'stored keep(res)',
      'body parse(res) [parse(…)]',
      'handoff reassigned(res)',
      'handoff twice(res)',
      'body (function (r) { return r.json(); })(res) [handler(…)]',
    ]);
  });

  it('counts named checkers from the options and the settings', () => {
    const code = `
      const res = await fetch(url);
      http.assertOk(res);
      ensure(res);
      res.json();
    `;
    const local = `function ensure(res) {}\nfunction assertOk(res) {}\n${code}`;
    expect(usesOf(local)).toEqual(['handoff http.assertOk(res)', 'body res.json() [json()]']);
    expect(usesOf(local, 0, ['ensure'])).toEqual([
      'handoff http.assertOk(res)',
      'checker ensure(res)',
      'body res.json() [json()]',
    ]);
    expect(usesOf(local, 0, [], { settings: { 'http-client': { statusCheckFunctions: ['http.assertOk'] } } })).toEqual([
      'checker http.assertOk(res)',
      'body res.json() [json()]',
    ]);
  });

  it('follows `.then` handlers and promises handed on', () => {
    expect(usesOf(`fetch(url).then(check);`)).toEqual(['handoff check']);
    expect(usesOf(`function check(res) { if (!res.ok) throw new Error(); } fetch(url).then(check);`)).toEqual(['checker check']);
    expect(usesOf(`withRetry(fetch(url));`)).toEqual(['handoff fetch(url)']);
    expect(usesOf(`consume(await fetch(url));`)).toEqual(['handoff consume(await fetch(url))']);
    expect(usesOf(`fetch(url).then((res) => res);`)).toEqual(['returned res']);
  });

  it('reads node response streams', () => {
    expect(
      usesOf(`
        import https from 'node:https';
        https.get(url, (res) => {
          res.setEncoding('utf8');
          res.on('end', done);
          res.on(event, done);
          res.on('data', collect);
          res.pipe(out);
        });
      `),
    ).toEqual(["body res.on('data', collect) [on('data')]", 'body res.pipe(out) [pipe()]']);
  });

  it('sees the body shortcuts of got and ky only', () => {
    expect(usesOf(`import got from 'got'; got(url).json();`)).toEqual(['body got(url).json() [json()]']);
    expect(usesOf(`import got from 'got'; got(url).on('response', cb);`)).toEqual([]);
    expect(usesOf(`import got from 'got'; [got(url)];`)).toEqual([]);
    expect(usesOf(`[fetch(url)];`)).toEqual([]);
  });
});

/** The guard of each status read of the response of the first request, as `text: kind [covered texts]`. */
function guardsIn(code: string): string[] {
  const { model, sourceCode, text } = analyze(code);
  const request = model.requests[0];
  if (!request) throw new Error('no request');
  const flow = getEffectiveResponseFlow(request, model, sourceCode);
  return getResponseUses(request, flow, model, sourceCode, { checkers: [] }).flatMap((use) => {
    const guard = use.guard;
    if (!guard) return [];
    if (guard.kind !== 'ranges') return [`${text(use.node)}: ${guard.kind}`];
    const covered = guard.ranges.map((range) => sourceCode.text.slice(range[0], range[1]).trim().split('\n')[0]);
    return [`${text(use.node)}: ranges ${covered.join(' | ')}`];
  });
}

describe('status guards', () => {
  it('covers the branches a test decides and the block around a guard clause', () => {
    expect(
      guardsIn(`
        async function load() {
          const res = await fetch(url);
          before();
          if (!res.ok) throw new Error('failed');
          after();
          if (res.status === 200) a(); else b();
          return res.ok ? c() : d();
        }
      `),
    ).toEqual([
      "res.ok: ranges throw new Error('failed'); | { | after();",
      'res.status: ranges a(); | b();',
      'res.ok: ranges c() | d()',
    ]);
  });

  it('follows the polarity of `&&`, `||` and `!`', () => {
    expect(
      guardsIn(`
        async function load() {
          const res = await fetch(url);
          if (verbose && !res.ok) throw error;
          if (!(x || res.ok)) one(); else two();
          res.ok && three();
          !res.ok || four();
          res.ok ?? five();
        }
      `),
    ).toEqual(['res.ok: ranges throw error;', 'res.ok: ranges one();', 'res.ok: ranges three()', 'res.ok: ranges four()', 'res.ok: none']);
  });

  it('finds no guard in reads that decide nothing or pass every response', () => {
    expect(
      guardsIn(`
        async function load() {
          const res = await fetch(url);
          metrics.record(res.status);
          console.log({ status: res.status });
          const isOk = () => res.ok;
          if (res.status) a();
          if (typeof res.status === 'number') b();
          if (res.status !== undefined) c();
          throw new Error(\`HTTP \${res.status}\`);
        }
      `),
    ).toEqual([
      'res.status: none',
      'res.status: none',
      'res.ok: none',
      'res.status: none',
      'res.status: none',
      'res.status: none',
      'res.status: none',
    ]);
  });

  it('takes a status handed on, asserted or checked by a function as a guard of everything', () => {
    expect(
      guardsIn(`
        async function load() {
          const res = await fetch(url);
          ctx.status = res.status;
          reply.code(res.status);
          assert.equal(res.status, 200);
          expect(res.ok).toBe(true);
          validateStatus(res.status);
          return { ok: res.ok };
        }
      `),
    ).toEqual(['res.status: all', 'res.status: all', 'res.status: all', 'res.ok: all', 'res.status: all', 'res.ok: all']);
  });

  it('reads less common shapes of tests, leaves and hand-offs', () => {
    expect(
      guardsIn(`
        function validate(code) {
          if (code >= 400) throw new Error(String(code));
        }
        async function* load() {
          const res = await fetch(url);
          labels[res.status].show();
          if (String(res.status).startsWith('2')) a();
          if (\`\${res.status}\`) b();
          if ((res.ok, flag)) c();
          const fallback = res.status || 500;
          if (fallback >= 400) return;
          const later = () => { return res.ok; };
          yield res.ok;
          res.ok = true;
          if (x) if (!res.ok) throw error;
          if (!res.ok) { if (y) { return; } else { throw error; } }
          if (!res.ok) { try { throw error; } finally { cleanup(); } }
          if (!res.ok) { try { throw error; } catch { return; } }
          if (!res.ok) { process.exit(1); }
          if (res.status === 401) { await reject(error); }
          log({ detail: { status: res.status } });
          chai.expect(res.status).to.equal(200);
          expect(res.status).not.toBeUndefined();
          expect(res.status).resolves.toBe(200);
          assert(res.status);
          validate(res.status);
          validate(res.status);
        }
      `),
    ).toEqual([
      'res.status: none',
      'res.status: ranges a();',
      'res.status: none',
      'res.ok: none',
      'res.status: ranges return; | { | const later = () => { return res.ok; };',
      'res.ok: none',
      'res.ok: all',
      'res.ok: none',
      'res.ok: ranges throw error;',
      'res.ok: ranges { if (y) { return; } else { throw error; } } | { | if (!res.ok) { try { throw error; } finally { cleanup(); } }',
      'res.ok: ranges { try { throw error; } finally { cleanup(); } } | { | if (!res.ok) { try { throw error; } catch { return; } }',
      'res.ok: ranges { try { throw error; } catch { return; } } | { | if (!res.ok) { process.exit(1); }',
      'res.ok: ranges { process.exit(1); } | { | if (res.status === 401) { await reject(error); }',
      'res.status: ranges { await reject(error); } | { | log({ detail: { status: res.status } });',
      'res.status: none',
      'res.status: all',
      'res.status: none',
      'res.status: all',
      'res.status: none',
      'res.status: all',
      'res.status: all',
    ]);
  });

  it('takes the status given to a checker of the settings or options as a guard of everything', () => {
    const { model, sourceCode } = analyze(
      `
        const res = await fetch(url);
        ensure(res.status);
        verifyThat(res.ok);
      `,
      { settings: { 'http-client': { statusCheckFunctions: ['ensure'] } } },
    );
    const request = model.requests[0];
    if (!request) throw new Error('no request');
    const uses = getResponseUses(request, getEffectiveResponseFlow(request, model, sourceCode), model, sourceCode, { checkers: ['verifyThat'] });
    expect(uses.map((use) => use.guard?.kind)).toEqual(['all', 'all']);
  });

  it('follows variables that hold the status or a test of it', () => {
    expect(
      guardsIn(`
        async function load() {
          const res = await fetch(url);
          const { ok } = res;
          const failed = res.status >= 400;
          let code;
          code = res.status;
          if (!ok) return;
          while (failed) retry();
          switch (code) { case 1: one(); break; }
        }
      `),
    ).toEqual([
      'ok: ranges return; | { | while (failed) retry();',
      'res.status: ranges retry(); | { | switch (code) { case 1: one(); break; }',
      'res.status: ranges case 1: one(); break;',
    ]);
  });
});

describe('hasStatusCheck', () => {
  it('counts status reads that guard something, checkers and hand-offs', () => {
    const use = (kind: 'body' | 'checker' | 'handoff' | 'status', guard: StatusGuard | null = kind === 'status' ? { kind: 'all' } : null) => ({
      kind,
      node: null as never,
      label: '',
      jsonCall: null,
      guard,
    });
    expect(hasStatusCheck([use('body')])).toBe(false);
    expect(hasStatusCheck([use('body'), use('status')])).toBe(true);
    expect(hasStatusCheck([use('body'), use('status', { kind: 'ranges', ranges: [[0, 1]] })])).toBe(true);
    expect(hasStatusCheck([use('body'), use('status', { kind: 'none' })])).toBe(false);
    expect(hasStatusCheck([use('checker')])).toBe(true);
    expect(hasStatusCheck([use('handoff')])).toBe(true);
  });
});

describe('isFetchStyleRequest', () => {
  it('leaves out local resources and other clients', () => {
    const { model } = analyze(`
      import axios from 'axios';
      fetch(url);
      axios.get(url);
      fetch('data:text/plain,hi');
    `);
    expect(model.requests.map((request) => `${request.client}:${String(isFetchStyleRequest(request))}`)).toEqual([
      'fetch:true',
      'axios:false',
      'fetch:false',
    ]);
  });
});

describe('getEffectiveResponseFlow', () => {
  it('follows the response out of deadline wrappers', () => {
    const settings = { 'http-client': { timeoutFunctions: ['withDeadline'] } };
    expect(usesOf(`const res = await withDeadline(withDeadline(fetch(url))); res.json();`, 0, [], { settings })).toEqual([
      'body res.json() [json()]',
    ]);
    expect(usesOf(`const res = await withRetry(fetch(url)); res.json();`, 0, [], { settings })).toEqual([
      'handoff fetch(url)',
    ]);
  });
});
