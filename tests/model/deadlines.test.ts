import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import type { DeadlineProblem } from '../../src/model/deadlines';
import { getDeadlineProblems, isRaced, signalState } from '../../src/model/deadlines';
import { getHttpModel, lookupOption } from '../../src/model/http';

interface Probed {
  readonly problems: readonly DeadlineProblem[];
  readonly again: readonly DeadlineProblem[];
  readonly sourceCode: TSESLint.SourceCode;
  readonly context: Readonly<TSESLint.RuleContext<string, []>>;
}

/** Lints `code` with a probe rule that asks for the deadline problems of the file. */
function probe(code: string, settings: Record<string, unknown> = {}): Probed {
  let captured: Probed | undefined;
  const rule = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      captured = {
        problems: getDeadlineProblems(context),
        again: getDeadlineProblems(context),
        sourceCode: context.sourceCode,
        context,
      };
      return {};
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(code, [
    {
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      settings,
      plugins: { probe: { rules: { deadlines: rule } } } as never,
      rules: { 'probe/deadlines': 'error' },
    },
  ]);
  const fatal = messages.find((message) => message.fatal === true || message.ruleId === 'probe/deadlines');
  if (fatal) throw new Error(fatal.message);
  if (!captured) throw new Error('the probe rule did not run');
  return captured;
}

/** The problems as plain data: kind, client, the node they are about and their details. */
function problems(code: string, settings?: Record<string, unknown>): string[] {
  const { problems: found, sourceCode } = probe(code, settings);
  const text = (node: TSESTree.Node): string => sourceCode.getText(node);
  return found.map((problem) => {
    switch (problem.kind) {
      case 'missingSignal':
        return `missingSignal ${text(problem.request.node)}${problem.runtimeDefault ? ' (runtime default)' : ''}`;
      case 'missingDeadline':
        return `missingDeadline ${text(problem.request.node)} ${problem.library}, remedy ${problem.remedy}`;
      case 'ignoredTimeout':
        return `ignoredTimeout ${text(problem.property)}, value ${problem.value ? text(problem.value) : 'none'}${problem.hasSignalKey ? ', signal key' : ''}`;
      case 'disabled':
        return `disabled ${problem.client} ${problem.option}: ${problem.setting.shown} at ${text(problem.setting.node)}, owner ${problem.owner ? text(problem.owner) : 'none'}`;
    }
  });
}

describe('getDeadlineProblems', () => {
  it('is built once per file', () => {
    const { problems: first, again } = probe('fetch(url);');
    expect(again).toBe(first);
  });

  it('tells the runtime fetch from wrappers and ponyfills', () => {
    expect(
      problems(
        `
          import nodeFetch from 'node-fetch';
          import { fetch as undiciFetch } from 'undici';
          fetch(a);
          undiciFetch(b);
          nodeFetch(c);
          nodeFetch(d, { timeout: 5000 });
          api.fetch(e);
          api.fetch(f, { timeout: 1000 });
        `,
        { 'http-client': { fetchFunctions: ['api.fetch'] } },
      ),
    ).toEqual([
      'missingSignal fetch(a) (runtime default)',
      'missingSignal undiciFetch(b) (runtime default)',
      'missingDeadline nodeFetch(c) node-fetch, remedy fetch',
      'missingSignal api.fetch(e)',
    ]);
  });

  it('reports a `timeout` that fetch ignores with the value a signal could use', () => {
    expect(
      problems(`
        fetch(a, { timeout: 5000 });
        fetch(b, { timeout: 0 });
        fetch(c, { timeout: ms, signal: undefined });
      `),
    ).toEqual([
      'ignoredTimeout timeout: 5000, value 5000',
      'ignoredTimeout timeout: 0, value none',
      'ignoredTimeout timeout: ms, value ms, signal key',
    ]);
  });

  it('finds the deadline of axios and got on the call, the instance or its defaults', () => {
    expect(
      problems(`
        import axios from 'axios';
        import got from 'got';
        const slow = axios.create({ baseURL });
        const quick = axios.create({ timeout: 2000 });
        const off = axios.create({ timeout: 0 });
        slow.get('/a');
        quick.get('/b');
        slow.get('/c', { timeout: Infinity });
        slow.get('/d', { cancelToken: source.token });
        got(\`\${base}/items\`);
        got(options);
        got.extend({ timeout: { request: 1000 } }).get(url);
      `),
    ).toEqual([
      "missingDeadline slow.get('/a') axios, remedy axios",
      "disabled axios timeout: Infinity at timeout: Infinity, owner slow.get('/c', { timeout: Infinity })",
      'missingDeadline got(`${base}/items`) got, remedy got',
      'disabled axios timeout: 0 at timeout: 0, owner axios.create({ timeout: 0 })',
    ]);
  });

  it('reports a `defaults` write that turns the timeout off, without an owner', () => {
    expect(
      problems(`
        import axios from 'axios';
        axios.defaults.timeout = 0;
        axios.get(url);
      `),
    ).toEqual(['disabled axios timeout: 0 at axios.defaults.timeout = 0, owner none']);
  });

  it('knows ky only turns off with `false` and undici only with `0`', () => {
    expect(
      problems(`
        import ky from 'ky';
        import { request, Agent } from 'undici';
        ky(a, { timeout: 0 });
        ky(b, { timeout: false });
        request(c, { headersTimeout: false, bodyTimeout: 0 });
        new Agent({ headersTimeout: 0 });
      `),
    ).toEqual([
      'disabled ky timeout: false at timeout: false, owner ky(b, { timeout: false })',
      'disabled undici bodyTimeout: 0 at bodyTimeout: 0, owner request(c, { headersTimeout: false, bodyTimeout: 0 })',
      'disabled undici headersTimeout: 0 at headersTimeout: 0, owner new Agent({ headersTimeout: 0 })',
    ]);
  });

  it('follows a node:http request to a `setTimeout`, a handover or a socket listener', () => {
    expect(
      problems(`
        import https from 'node:https';
        const home = 'https://example.com/';
        https.get(home, (res) => res.resume());
        https.get(home, onResponse);
        const timed = https.request({ host });
        timed.setTimeout(1000);
        const passed = https.request({ host });
        send(passed);
        https.request({ host }).on('socket', watch);
        https.request({ host }).on('error', log).end();
        https.get({ host, agent: new https.Agent({ keepAlive: true }) });
        https.get({ host, agent: new https.Agent({ timeout: 1000 }) });
      `),
    ).toEqual([
      'missingDeadline https.get(home, (res) => res.resume()) node:https, remedy node-http',
      'missingDeadline https.request({ host }) node:https, remedy node-http',
      'missingDeadline https.get({ host, agent: new https.Agent({ keepAlive: true }) }) node:https, remedy node-http',
    ]);
  });

  it('leaves alone what may have a deadline out of sight', () => {
    expect(
      problems(
        `
          import axios from 'axios';
          fetch(a, { signal });
          fetch(b, init);
          fetch(new Request(c, { signal }));
          fetch('data:text/plain,hi');
          await Promise.race([fetch(d), timer]);
          fetchWithTimeout(e);
          api.get(f);
          axios.interceptors.request.use(addDeadline);
          axios.get(g);
        `,
        {
          'http-client': {
            timeoutFunctions: ['fetchWithTimeout'],
            clientModules: { '@/http': { default: 'axios' } },
          },
        },
      ),
    ).toEqual([]);
  });
});

describe('getDeadlineProblems for fetchFunctions wrappers', () => {
  it('lets a definition in the file decide whether the wrapper sets a deadline', () => {
    expect(
      problems(
        `
          function timed(url) { return fetch(url, { signal: AbortSignal.any([AbortSignal.timeout(1000)]) }); }
          function raced(url) { return Promise.race([fetch(url), later()]); }
          function optioned(url) { return request(url, { timeout: 1000 }); }
          function delegated(url) { return withDeadline(fetch(url)); }
          function plain(url, init) { return fetch(url, init); }
          timed(a);
          raced(b);
          optioned(c);
          delegated(d);
          plain(e);
          imported(f);
        `,
        {
          'http-client': {
            fetchFunctions: ['timed', 'raced', 'optioned', 'delegated', 'plain', 'imported'],
            timeoutFunctions: ['withDeadline'],
          },
        },
      ),
    ).toEqual(['missingSignal plain(e)', 'missingSignal imported(f)']);
  });
});

describe('getDeadlineProblems with options built out of place', () => {
  it('checks each form the options may take and reports only when every form lacks a deadline', () => {
    expect(
      problems(`
        import axios from 'axios';
        const plain = { headers };
        axios.get(a, plain);
        axios.get(b, flag ? { headers } : { timeout: 5000 });
        axios.get(c, flag ? { headers } : undefined);
        axios.get(d, flag ? { timeout: 0 } : {});
        axios.get(e, flag ? { timeout: 0 } : { timeout: 0, headers });
      `),
    ).toEqual([
      'missingDeadline axios.get(a, plain) axios, remedy axios',
      'missingDeadline axios.get(c, flag ? { headers } : undefined) axios, remedy axios',
      'disabled axios timeout: 0 at timeout: 0, owner axios.get(d, flag ? { timeout: 0 } : {})',
      'disabled axios timeout: 0 at timeout: 0, owner axios.get(e, flag ? { timeout: 0 } : { timeout: 0, headers })',
      'disabled axios timeout: 0 at timeout: 0, owner axios.get(e, flag ? { timeout: 0 } : { timeout: 0, headers })',
    ]);
  });

  it('resolves the config of an instance and a construction when it can only be one object', () => {
    expect(
      problems(`
        import axios from 'axios';
        const config = { baseURL };
        const api = axios.create(config);
        api.get('/a');
        const off = { timeout: 0 };
        axios.create(off);
      `),
    ).toEqual([
      "missingDeadline api.get('/a') axios, remedy axios",
      'disabled axios timeout: 0 at timeout: 0, owner axios.create(off)',
    ]);
  });

  it('takes the signal of a local controller nothing aborts for no signal', () => {
    expect(
      problems(`
        import axios from 'axios';
        export function a() {
          const controller = new AbortController();
          return fetch(u, { signal: controller.signal });
        }
        export function b() {
          const controller = new AbortController();
          const api = axios.create({ signal: controller.signal });
          return api.get(u);
        }
        export function c() {
          const controller = new AbortController();
          onCancel(() => controller.abort());
          return fetch(u, { signal: controller.signal });
        }
      `),
    ).toEqual([
      'missingSignal fetch(u, { signal: controller.signal }) (runtime default)',
      'missingDeadline api.get(u) axios, remedy axios',
    ]);
  });
});

describe('signalState', () => {
  it('counts any signal but a literal `undefined` or `null`', () => {
    const { context, sourceCode } = probe(`
      fetch(a, { signal: undefined });
      fetch(b, { signal: null });
      fetch(c, { signal: void 0 });
      fetch(d, { signal: controller.signal });
      fetch(e, { ...init });
      fetch(f);
    `);
    const model = getHttpModel(context);
    expect(model.requests.map((request) => [sourceCode.getText(request.node), signalState(lookupOption(request.options, 'signal'))])).toEqual([
      ['fetch(a, { signal: undefined })', 'absent'],
      ['fetch(b, { signal: null })', 'absent'],
      ['fetch(c, { signal: void 0 })', 'absent'],
      ['fetch(d, { signal: controller.signal })', 'set'],
      ['fetch(e, { ...init })', 'set'],
      ['fetch(f)', 'absent'],
    ]);
  });
});

describe('isRaced', () => {
  it('sees a race in place, through `.then` and through a variable, but not a lone element', () => {
    const { context, sourceCode } = probe(`
      Promise.race([fetch(a), timer]);
      Promise.race([fetch(b).then((r) => r.json()), timer]);
      const pending = fetch(c);
      await Promise.race([pending, timer]);
      Promise.race([fetch(d)]);
      Promise.all([fetch(e), timer]);
      race([fetch(f), timer]);
    `);
    const model = getHttpModel(context);
    expect(model.requests.map((request) => [sourceCode.getText(request.node), isRaced(request.node, sourceCode)])).toEqual([
      ['fetch(a)', true],
      ['fetch(b)', true],
      ['fetch(c)', true],
      ['fetch(d)', false],
      ['fetch(e)', false],
      ['fetch(f)', false],
    ]);
  });
});
