import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import type { FanOutModel, FanOutSite } from '../../src/model/fan-out';
import { getFanOutModel } from '../../src/model/fan-out';
import { addSizes, combine, fanOutOfSize, largest, multiply, worst } from '../../src/model/fan-out-size';
import { isClientName, isRequestFunctionName } from '../../src/model/fan-out-names';

interface Analysis {
  readonly model: FanOutModel;
  readonly sourceCode: TSESLint.SourceCode;
  readonly text: (node: { range: [number, number] }) => string;
  /** The first node of `type` whose text is `code`. */
  readonly find: (type: string, code: string) => TSESTree.Node;
}

/** Lints `code` with a probe rule and returns the fan-out model of the file. */
function analyze(code: string, limiterNames: readonly string[] = []): Analysis {
  let captured: { model: FanOutModel; sourceCode: TSESLint.SourceCode } | undefined;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'Program:exit'() {
          const model = getFanOutModel(context, limiterNames);
          // Built once per file and list of limiter names.
          expect(getFanOutModel(context, limiterNames)).toBe(model);
          if (limiterNames.length > 0) expect(getFanOutModel(context)).not.toBe(model);
          captured = { model, sourceCode: context.sourceCode };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { probe: { rules: { model: probe } } } as never,
        rules: { 'probe/model': 'error' },
      },
    ],
    'file.js',
  );
  const fatal = messages.find((message) => message.fatal === true || message.ruleId === 'probe/model');
  if (fatal) throw new Error(fatal.message);
  if (!captured) throw new Error('the probe rule did not run');
  const { model, sourceCode } = captured;
  const text = (node: { range: [number, number] }): string => sourceCode.text.slice(node.range[0], node.range[1]);
  const find = (type: string, wanted: string): TSESTree.Node => {
    const nodes: TSESTree.Node[] = [];
    const visit = (node: TSESTree.Node): void => {
      if ((node.type as string) === type && text(node) === wanted) nodes.push(node);
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[key];
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
        }
      }
    };
    visit(sourceCode.ast);
    const [first] = nodes;
    if (!first) throw new Error(`no ${type} \`${wanted}\``);
    return first;
  };
  return { model, sourceCode, text, find };
}

function describeSite(site: FanOutSite, text: (node: { range: [number, number] }) => string): string {
  const node = site.kind === 'loop' ? site.loop : site.node;
  const amount =
    site.fanOut.kind === 'unbounded'
      ? `unbounded ${site.fanOut.amount.kind}`
      : site.fanOut.kind === 'count'
        ? `${site.fanOut.count}`
        : 'capped';
  return `${site.kind} ${text(node).split('\n')[0] ?? ''}: ${amount}`;
}

describe('getFanOutModel', () => {
  it('finds nothing in a file without requests', () => {
    const { model } = analyze(`
const items = [1, 2, 3];
await Promise.all(items.map(async (item) => item * 2));
`);
    expect(model.sites).toEqual([]);
    expect(model.limiters).toEqual([]);
  });

  it('reports every kind of fan-out site with its size', () => {
    const { model, text } = analyze(`
export async function sync(users, ids) {
  await Promise.all(users.map((user) => fetch(user.url)));
  ids.forEach((id) => fetch('/items/' + id));
  for (const id of ids) fetch('/ping/' + id);
  for (const id of ids) await fetch('/one/' + id);
  await Promise.all([fetch('/a'), fetch('/b')]);
}
`);
    expect(model.sites.map((site) => describeSite(site, text))).toEqual([
      'combinator Promise.all(users.map((user) => fetch(user.url))): unbounded elements',
      'combinator Promise.all([fetch(\'/a\'), fetch(\'/b\')]): 2',
      "iteration ids.forEach((id) => fetch('/items/' + id)): unbounded elements",
      "loop for (const id of ids) fetch('/ping/' + id);: unbounded elements",
    ]);
  });

  it('tells a callback that reaches a request, inline or by name, from one that does not', () => {
    const { model, find } = analyze(`
function load(id) {
  return fetch('/items/' + id);
}
function double(x) {
  return x * 2;
}
export const a = ids.map((id) => load(id));
export const b = ids.map(load);
export const c = ids.map(double);
`);
    const inline = model.reachOf(find('ArrowFunctionExpression', '(id) => load(id)'));
    expect(inline?.mark.depth).toBe(1);
    const byName = model.reachOf(find('Identifier', 'load'));
    expect(byName?.mark.depth).toBe(0);
    expect(byName?.mark.unawaited).toBe(true);
    expect(model.reachOf(find('Identifier', 'double'))).toBeNull();
    expect(model.reachOf(null)).toBeNull();
  });

  it('marks a worker whose requests all run in its own loop', () => {
    const { model, find } = analyze(`
export async function crawl(queue) {
  const worker = async () => {
    while (queue.length > 0) await fetch(queue.pop());
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}
`);
    expect(model.reachOf(find('Identifier', 'worker'))?.mark.allInLoop).toBe(true);
    expect(model.sites.map((site) => site.fanOut)).toEqual([{ kind: 'capped' }]);
  });

  it('sizes promise collections', () => {
    const { model, find } = analyze(`
export async function f(items) {
  const all = items.map((item) => fetch(item));
  const few = items.slice(0, 5).map((item) => fetch(item));
  const pushed = [];
  for (let i = 0; i < 3; i++) pushed.push(fetch('/n/' + i));
  return [all, few, pushed, items];
}
`);
    expect(model.collectionFanOut(find('Identifier', 'all'))).toEqual({
      kind: 'unbounded',
      amount: { kind: 'elements', label: 'items' },
    });
    expect(model.collectionFanOut(find('Identifier', 'few'))).toEqual({ kind: 'capped' });
    expect(model.collectionFanOut(find('Identifier', 'pushed'))).toEqual({ kind: 'count', count: 3 });
    expect(model.collectionFanOut(find('Identifier', 'items'))).toBeNull();
  });

  it('sizes collections and knows the loops that await', () => {
    const { model, find } = analyze(`
const REGIONS = ['us', 'eu', 'ap'];
export async function f(items, batches) {
  for (const batch of batches) await Promise.all(batch.map((x) => fetch(x)));
  return [REGIONS, Object.keys({ a: 1, b: 2 }), [...REGIONS, 'sa'], items.slice(-2), items];
}
`);
    expect(model.sizeOf(find('Identifier', 'REGIONS'))).toEqual({ kind: 'static', count: 3 });
    expect(model.sizeOf(find('CallExpression', 'Object.keys({ a: 1, b: 2 })'))).toEqual({ kind: 'static', count: 2 });
    expect(model.sizeOf(find('ArrayExpression', "[...REGIONS, 'sa']"))).toEqual({ kind: 'static', count: 4 });
    expect(model.sizeOf(find('CallExpression', 'items.slice(-2)'))).toEqual({ kind: 'capped' });
    expect(model.sizeOf(find('Identifier', 'batch'))).toEqual({ kind: 'capped' });
    const loop = find('ForOfStatement', 'for (const batch of batches) await Promise.all(batch.map((x) => fetch(x)));');
    expect(model.isAwaitedLoop(loop as never)).toBe(true);
    expect(model.sites.map((site) => site.fanOut)).toEqual([{ kind: 'capped' }]);
  });

  it('places the limiters that wrap requests', () => {
    const { model, text } = analyze(`
import pLimit from 'p-limit';
const shared = pLimit(4);
export async function perCall(urls) {
  const limit = pLimit(2);
  return Promise.all(urls.map((url) => limit(() => fetch(url))));
}
export async function perIteration(groups) {
  for (const urls of groups) {
    const limit = pLimit(2);
    urls.map((url) => limit(() => fetch(url)));
  }
}
export const viaShared = (urls) => Promise.all(urls.map((url) => shared(() => fetch(url))));
const unused = pLimit(1);
`);
    expect(model.limiters.map(({ construction, placement }) => `${text(construction.node)} ${placement.kind}`)).toEqual([
      'pLimit(4) shared',
      'pLimit(2) per-call',
      'pLimit(2) per-iteration',
    ]);
    expect(model.sites).toEqual([]);
  });

  it('treats the project limiter functions as limits', () => {
    const { model } = analyze(
      `
export const run = (urls) => Promise.all(urls.map((url) => runLimited(() => fetch(url))));
`,
      ['runLimited'],
    );
    expect(model.sites).toEqual([]);
  });
});

describe('reach', () => {
  it('follows requests through up to three calls of the file, and survives cycles', () => {
    const { model, find } = analyze(`
async function send(url) {
  return fetch(url);
}
async function viaOne(url) {
  return send(url);
}
async function viaTwo(url) {
  return viaOne(url);
}
async function viaThree(url) {
  return viaTwo(url);
}
async function ping(n) {
  return n > 0 ? pong(n - 1) : send('/done');
}
async function pong(n) {
  return ping(n);
}
export const refs = [viaOne, viaTwo, viaThree, ping, pong];
`);
    const depth = (name: string): number | null => model.reachOf(find('Identifier', name))?.mark.depth ?? null;
    expect([depth('send'), depth('viaOne'), depth('viaTwo'), depth('viaThree')]).toEqual([0, 1, 2, 3]);
    expect([depth('ping'), depth('pong')]).toEqual([1, 2]);
  });

  it('knows request functions of client libraries passed by reference', () => {
    const { model, find } = analyze(`
import axios from 'axios';
const local = { get: (url) => url };
export const refs = [fetch, axios.get, axios.create, local.get];
`);
    expect(model.reachOf(find('Identifier', 'fetch'))).toEqual({ fn: null, mark: { depth: 0, allInLoop: false, unawaited: true } });
    expect(model.reachOf(find('MemberExpression', 'axios.get'))?.fn).toBeNull();
    expect(model.reachOf(find('MemberExpression', 'axios.create'))).toBeNull();
    expect(model.reachOf(find('MemberExpression', 'local.get'))).toBeNull();
  });

  it('counts method calls on SDK clients as requests', () => {
    const { model, text } = analyze(`
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import Stripe from 'stripe';
const s3 = new S3Client({});
const stripe = new Stripe('key');
export const a = (xs) => Promise.all(xs.map(() => s3.send(new ListBucketsCommand({}))));
export const b = (xs) => Promise.all(xs.map(() => s3.destroy()));
export const c = (xs) => Promise.all(xs.map((id) => stripe.customers.del(id)));
export const d = (xs) => Promise.all(xs.map(async (e) => stripe.webhooks.constructEvent(e, 'sig', 'secret')));
`);
    expect(model.sites.map((site) => text(site.kind === 'loop' ? site.loop : site.node).slice(0, 40))).toEqual([
      'Promise.all(xs.map(() => s3.send(new Lis',
      'Promise.all(xs.map((id) => stripe.custom',
    ]);
  });

  it('counts calls through clients and helpers the file does not define, by their names', () => {
    const { model, find } = analyze(`
import { jiraApiRequest } from './transport';
import { fetchFromCache } from './cache';
export async function sync(api, cache, ids) {
  const viaApi = (id) => api.deleteIssue(id);
  const viaHelper = async (id) => await jiraApiRequest.call(this, 'DELETE', '/issue/' + id);
  const viaCache = (id) => cache.get(id);
  const cached = (id) => fetchFromCache(id);
  const unused = (id) => { api.hap.uuid.generate(id); };
  const outer = (id) => viaHelper(id);
  return [viaApi, viaHelper, viaCache, cached, unused, outer];
}
`);
    const reach = (name: string) => model.reachOf(find('Identifier', name));
    expect(reach('viaApi')?.mark.depth).toBe(0);
    expect(reach('viaHelper')?.mark.depth).toBe(0);
    expect(reach('outer')?.mark.depth).toBe(1);
    expect(reach('viaCache')).toBeNull();
    expect(reach('cached')).toBeNull();
    expect(reach('unused')).toBeNull();
  });

  it('tells the names of request helpers and API clients', () => {
    for (const name of ['request', 'apiRequest', 'githubApiRequest', 'slackApiRequestAllItems', 'httpRequest', 'sendRequest', 'requestWithAuthentication', 'fetchJson', 'fetchAllTeams', 'httpGet']) {
      expect(isRequestFunctionName(name), name).toBe(true);
    }
    for (const name of ['handleRequest', 'buildRequest', 'createRequest', 'parseRequest', 'requestAnimationFrame', 'fetchFromCache', 'fetchDbRows', 'fetchLocalConfig', 'fetcher', 'prefetch']) {
      expect(isRequestFunctionName(name), name).toBe(false);
    }
    for (const name of ['api', '_api', 'apiClient', 'githubApi', 'jiraApiClient', 'httpClient', 'httpService', 'octokit', '$stripe', 'axiosInstance']) {
      expect(isClientName(name), name).toBe(true);
    }
    for (const name of ['client', 'redisClient', 'dbClient', 'apiKey', 'apiUrl', 'cacheApi', 'logger', 'repository', 'storageApi']) {
      expect(isClientName(name), name).toBe(false);
    }
  });
});

describe('bounded sizes', () => {
  it('bounds a list read from a request that asks for a page of a static size', () => {
    const { model, find } = analyze(`
import axios from 'axios';
export async function f(n) {
  const { data: fixed } = await axios.get('/users?per_page=15');
  const byOption = (await axios.get('/users', { params: { pageSize: 50 } })).data;
  const { data: open } = await axios.get('/users', { params: { pageSize: n } });
  const res = await fetch('/users?limit=20');
  const parsed = await res.json();
  return [fixed, byOption, open, parsed];
}
`);
    expect(model.sizeOf(find('Identifier', 'fixed'))).toEqual({ kind: 'capped' });
    expect(model.sizeOf(find('Identifier', 'byOption'))).toEqual({ kind: 'capped' });
    expect(model.sizeOf(find('Identifier', 'open')).kind).toBe('unknown');
    expect(model.sizeOf(find('Identifier', 'parsed'))).toEqual({ kind: 'capped' });
  });

  it('sizes a variable by the values assigned to it', () => {
    const { model, find } = analyze(`
export async function f(items, other) {
  let few;
  few = items.slice(0, 3);
  let many = [];
  many = other;
  let grown = [];
  grown.push(fetch('/x'));
  return [few, many, grown];
}
`);
    expect(model.sizeOf(find('Identifier', 'few'))).toEqual({ kind: 'capped' });
    expect(model.sizeOf(find('Identifier', 'many')).kind).toBe('unknown');
    expect(model.sizeOf(find('Identifier', 'grown')).kind).toBe('unknown');
  });
});

describe('fan-out arithmetic', () => {
  const unknown = { kind: 'unknown', amount: { kind: 'iterations' } } as const;
  it('adds, multiplies and picks the worst', () => {
    expect(combine({ kind: 'count', count: 2 }, { kind: 'count', count: 3 })).toEqual({ kind: 'count', count: 5 });
    expect(combine({ kind: 'capped' }, { kind: 'count', count: 3 })).toEqual({ kind: 'capped' });
    expect(combine(null, { kind: 'capped' })).toEqual({ kind: 'capped' });
    expect(multiply({ kind: 'count', count: 2 }, { kind: 'static', count: 4 })).toEqual({ kind: 'count', count: 8 });
    expect(multiply({ kind: 'count', count: 2 }, unknown)).toEqual({ kind: 'unbounded', amount: { kind: 'iterations' } });
    expect(worst({ kind: 'count', count: 2 }, { kind: 'capped' })).toEqual({ kind: 'count', count: 2 });
    expect(worst({ kind: 'count', count: 2 }, { kind: 'count', count: 7 })).toEqual({ kind: 'count', count: 7 });
    expect(addSizes({ kind: 'static', count: 1 }, unknown)).toBe(unknown);
    expect(largest({ kind: 'static', count: 1 }, { kind: 'capped' })).toEqual({ kind: 'capped' });
    expect(fanOutOfSize(unknown)).toEqual({ kind: 'unbounded', amount: { kind: 'iterations' } });
  });
});
