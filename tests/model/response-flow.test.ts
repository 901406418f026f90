import { describe, expect, it } from 'vitest';

import type { ResponseFlow } from '../../src/model/response-flow';
import type { AnalyzeOptions } from './analyze';
import { followPromise, getResponseFlow } from '../../src/model/response-flow';
import { analyze } from './analyze';

type Text = (node: { range: [number, number] }) => string;

function flowText(flow: ResponseFlow, text: Text): string {
  switch (flow.kind) {
    case 'variable':
      return `variable ${flow.id.name}${flow.variable ? '' : ' (no scope variable)'}${flow.callback ? ' in callback' : ''}`;
    case 'destructured':
      return `destructured ${text(flow.pattern)}`;
    case 'member':
    case 'returned':
    case 'unknown':
      return `${flow.kind} ${text(flow.node)}`;
    case 'argument':
      return `argument ${text(flow.node)}${flow.call ? ` of ${text(flow.call.callee)}` : ''}`;
    case 'dropped':
      return 'dropped';
  }
}

/** Where the response of each request in `code` goes. */
function flows(code: string, options?: AnalyzeOptions): Record<string, string> {
  const { model, sourceCode, text } = analyze(code, options);
  return Object.fromEntries(
    model.requests.map((request) => [text(request.node), flowText(getResponseFlow(request, sourceCode), text)]),
  );
}

describe('getResponseFlow', () => {
  it('follows awaited responses', () => {
    expect(
      flows(`
        async function load() {
          const a = await fetch('/a');
          const { ok, status } = await fetch('/b');
          const [first] = await fetch('/c');
          (await fetch('/d')).json();
          (await fetch('/e'))?.text();
          await fetch('/f');
          check(await fetch('/g'));
          new Wrapper(await fetch('/h'));
          let i;
          i = await fetch('/i');
          cache.j = await fetch('/j');
          const k = (await fetch('/k')) || fallback;
          const negated = !(await fetch('/negated'));
          (await fetch('/called'))();
          return await fetch('/l');
        }
        const m = async () => await fetch('/m');
      `),
    ).toEqual({
      "fetch('/a')": 'variable a',
      "fetch('/b')": 'destructured { ok, status }',
      "fetch('/c')": 'destructured [first]',
      "fetch('/d')": "member (await fetch('/d')).json",
      "fetch('/e')": "member (await fetch('/e'))?.text",
      "fetch('/f')": 'dropped',
      "fetch('/g')": "argument await fetch('/g') of check",
      "fetch('/h')": "argument await fetch('/h')",
      "fetch('/i')": 'variable i',
      "fetch('/j')": "unknown cache.j = await fetch('/j')",
      "fetch('/k')": "unknown (await fetch('/k')) || fallback",
      "fetch('/negated')": "unknown !(await fetch('/negated'))",
      "fetch('/called')": "unknown (await fetch('/called'))()",
      "fetch('/l')": "returned return await fetch('/l');",
      "fetch('/m')": "returned async () => await fetch('/m')",
    });
  });

  it('follows promises through then, catch and finally', () => {
    expect(
      flows(`
        fetch('/a').then((res) => res.json());
        fetch('/b').then(handleResponse);
        fetch('/c').catch(report).then(({ status }) => status);
        fetch('/d').finally(done).then(function (res) { return res.ok; });
        fetch('/e').then(() => null);
        fetch('/f').then();
        fetch('/g').then(([first]) => first);
        fetch('/h').then((...all) => all);
        fetch('/i').json();
        const then = fetch('/j').then;
        function load() { return fetch('/k'); }
        const arrow = () => fetch('/l');
        void fetch('/m');
        fetch('/n');
        Promise.all([fetch('/o')]);
        const pending = fetch('/p');
        let later;
        later = fetch('/q');
        const [r] = fetch('/r');
        register(fetch('/s'));
        new Job(fetch('/t'));
        fetch('/u')!.then((res) => res);
      `, { typescript: true }),
    ).toEqual({
      "fetch('/a')": 'variable res in callback',
      "fetch('/b')": 'argument handleResponse of fetch(\'/b\').then',
      "fetch('/c')": 'destructured { status }',
      "fetch('/d')": 'variable res in callback',
      "fetch('/e')": 'dropped',
      "fetch('/f')": "unknown fetch('/f').then()",
      "fetch('/g')": 'destructured [first]',
      "fetch('/h')": 'unknown ...all',
      "fetch('/i')": "unknown fetch('/i').json()",
      "fetch('/j')": "unknown fetch('/j').then",
      "fetch('/k')": "returned return fetch('/k');",
      "fetch('/l')": "returned () => fetch('/l')",
      "fetch('/m')": 'dropped',
      "fetch('/n')": 'dropped',
      "fetch('/o')": "unknown [fetch('/o')]",
      "fetch('/p')": "unknown pending = fetch('/p')",
      "fetch('/q')": "unknown later = fetch('/q')",
      "fetch('/r')": "unknown [r] = fetch('/r')",
      "fetch('/s')": "argument fetch('/s') of register",
      "fetch('/t')": "argument fetch('/t')",
      "fetch('/u')": 'variable res in callback',
    });
  });

  it('follows responses through TypeScript wrappers', () => {
    expect(
      flows(
        `
          async function load() {
            const a = (await fetch('/a')) as Response;
            const b = await (fetch('/b') as Promise<Response>);
            const c = (await fetch('/c'))!;
            (await fetch('/d') satisfies Response).json();
          }
        `,
        { typescript: true },
      ),
    ).toEqual({
      "fetch('/a')": 'variable a',
      "fetch('/b')": 'variable b',
      "fetch('/c')": 'variable c',
      "fetch('/d')": "member (await fetch('/d') satisfies Response).json",
    });
  });

  it('follows node:http responses into their callback', () => {
    expect(
      flows(`
        import http from 'node:http';
        http.get(url, (res) => res.resume());
        http.get(url, function onResponse(res) {});
        http.get(url, ({ statusCode }) => statusCode);
        http.get(url, () => done());
        http.get(url, (res = fallback) => res);
        http.get(url).on('response', (res) => res.resume());
      `),
    ).toEqual({
      'http.get(url, (res) => res.resume())': 'variable res in callback',
      'http.get(url, function onResponse(res) {})': 'variable res in callback',
      'http.get(url, ({ statusCode }) => statusCode)': 'destructured { statusCode }',
      'http.get(url, () => done())': 'dropped',
      'http.get(url, (res = fallback) => res)': 'unknown res = fallback',
      'http.get(url)': 'unknown http.get(url)',
    });
  });

  it('follows requests of other clients the same way', () => {
    expect(
      flows(`
        import axios from 'axios';
        import got from 'got';
        const { data } = await axios.get(url);
        const res = await got(url);
        axios.post(url, body).then((response) => response.data);
      `),
    ).toEqual({
      'axios.get(url)': 'destructured { data }',
      'got(url)': 'variable res',
      'axios.post(url, body)': 'variable response in callback',
    });
  });

  it('gives the scope variable of the binding', () => {
    const { model, sourceCode } = analyze('const res = await fetch(url);\nfetch(url).then((r) => r);');
    const [awaited, chained] = model.requests.map((request) => getResponseFlow(request, sourceCode));
    expect(awaited?.kind === 'variable' && awaited.variable?.name).toBe('res');
    expect(chained?.kind === 'variable' && chained.variable?.name).toBe('r');
    expect(chained?.kind === 'variable' && chained.variable?.references.length).toBe(1);
  });

  it('answers unknown for a node without a parent', () => {
    const { sourceCode } = analyze('fetch(url);');
    expect(followPromise(sourceCode.ast, sourceCode)).toEqual({ kind: 'unknown', node: sourceCode.ast });
  });
});
