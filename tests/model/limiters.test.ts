import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import type { LimiterModel } from '../../src/model/limiters';
import { getLimiterModel, getUnlimitedSetting } from '../../src/model/limiters';

interface Analysis {
  readonly model: LimiterModel;
  readonly sourceCode: TSESLint.SourceCode;
  /** The source text of a node. */
  readonly text: (node: { range: [number, number] }) => string;
}

/** Lints `code` with a probe rule and returns the limiter model of the file. */
function analyze(code: string, sourceType: 'commonjs' | 'module' = 'module'): Analysis {
  let captured: { model: LimiterModel; sourceCode: TSESLint.SourceCode; again: LimiterModel } | undefined;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      captured = {
        model: getLimiterModel(context.sourceCode),
        again: getLimiterModel(context.sourceCode),
        sourceCode: context.sourceCode,
      };
      return {};
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        languageOptions: { ecmaVersion: 'latest', sourceType },
        plugins: { probe: { rules: { model: probe } } } as never,
        rules: { 'probe/model': 'error' },
      },
    ],
    'file.js',
  );
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal) throw new Error(fatal.message);
  if (!captured) throw new Error('the probe rule did not run');
  const { model, sourceCode, again } = captured;
  expect(again).toBe(model);
  return { model, sourceCode, text: (node) => sourceCode.text.slice(node.range[0], node.range[1]) };
}

describe('getLimiterModel', () => {
  it('finds limiters however they are imported', () => {
    const { model, text } = analyze(`
import pLimit, { limitFunction } from 'p-limit';
import * as queues from 'p-queue';
import Bottleneck from 'bottleneck/light';
import { mapLimit } from 'async';
import eachSeries from 'async/eachSeries';
const limit = pLimit(2);
const queue = new queues.default({ concurrency: 2 });
const limiter = new Bottleneck({ maxConcurrent: 1 });
limit(() => 1);
queue.add(() => 2);
limiter.schedule(() => 3);
limitFunction(() => 4, { concurrency: 1 });
mapLimit([], 2, () => 5);
eachSeries([], () => 6);
`);
    expect(model.constructions.map((construction) => [construction.kind, construction.library, text(construction.node)])).toEqual([
      ['p-limit', 'p-limit', 'pLimit(2)'],
      ['p-queue', 'p-queue', 'new queues.default({ concurrency: 2 })'],
      ['bottleneck', 'bottleneck/light', 'new Bottleneck({ maxConcurrent: 1 })'],
    ]);
    expect(model.wrappers.map((use) => [text(use.node), use.constructions.length])).toEqual([
      ['limit(() => 1)', 1],
      ['queue.add(() => 2)', 1],
      ['limiter.schedule(() => 3)', 1],
      ['limitFunction(() => 4, { concurrency: 1 })', 0],
      ['mapLimit([], 2, () => 5)', 0],
      ['eachSeries([], () => 6)', 0],
    ]);
  });

  it('follows require() in its CommonJS shapes', () => {
    const { model, text } = analyze(
      `
const pLimit = require('p-limit');
const PQueue = require('p-queue').default;
const { default: Queue2 } = require('p-queue');
const { Sema } = require('async-sema');
require();
require(moduleName);
require('node:path');
require.resolve('p-limit');
const a = pLimit(1);
const b = new PQueue();
const c = new Queue2();
const d = new Sema(2);
d.acquire();
`,
      'commonjs',
    );
    expect(model.constructions.map((construction) => text(construction.node))).toEqual([
      'pLimit(1)',
      'new PQueue()',
      'new Queue2()',
      'new Sema(2)',
    ]);
    expect(model.acquires.map((use) => text(use.node))).toEqual(['d.acquire()']);
  });

  it('ignores a require the file defines itself', () => {
    expect(analyze(`import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nrequire('p-limit')(2);`).model.constructions).toEqual([]);
    expect(analyze(`require = () => null;\nrequire('p-limit')(2);`).model.constructions).toEqual([]);
    expect(analyze(`require = () => null;\nrequire('p-limit')(2);`, 'commonjs').model.constructions).toEqual([]);
  });

  it('finds nothing in a file that names no limiter module', () => {
    const { model } = analyze(`const limit = pLimit(2);\nlimit(() => fetch('/'));`);
    expect(model.constructions).toEqual([]);
    expect(model.wrappers).toEqual([]);
  });

  it('follows limiters stored on this, in class fields and constructors', () => {
    const { model, text } = analyze(`
import PQueue from 'p-queue';
const sparse = [, 1];
this.top = new PQueue({ concurrency: 6 });
class Crawler {
  [key] = new PQueue({ concurrency: 7 });
  queue = new PQueue({ concurrency: 2 });
  static shared = new PQueue({ concurrency: 1 });
  constructor(name) {
    this.other = new PQueue({ concurrency: 3 });
    this[name] = new PQueue({ concurrency: 4 });
  }
  crawl(url) {
    this.queue.add(() => url);
    this.other.add(() => url);
    return function () {
      this.queue.add(() => url);
    };
  }
}
function Legacy() {
  this.queue = new PQueue({ concurrency: 5 });
  this.queue.add(() => 1);
}
`);
    expect(model.constructions).toHaveLength(7);
    expect(model.wrappers.map((use) => [text(use.node), text(use.constructions[0]?.node ?? use.node)])).toEqual([
      ['this.queue.add(() => url)', 'new PQueue({ concurrency: 2 })'],
      ['this.other.add(() => url)', 'new PQueue({ concurrency: 3 })'],
    ]);
  });

  it('counts the uses of a Bottleneck group key as uses of the group', () => {
    const { model, text } = analyze(`
import Bottleneck from 'bottleneck';
const group = new Bottleneck.Group({ maxConcurrent: 2 });
group.key('a').schedule(() => 1);
`);
    expect(model.constructions.map((construction) => construction.kind)).toEqual(['bottleneck-group']);
    expect(model.wrappers.map((use) => [text(use.node), use.constructions[0]?.kind])).toEqual([
      ["group.key('a').schedule(() => 1)", 'bottleneck-group'],
    ]);
  });

  it('records every construction a limiter variable may hold', () => {
    const { model } = analyze(`
import pLimit from 'p-limit';
let limit = pLimit(2);
if (Math.random() > 0.5) limit = pLimit(1);
limit(() => 1);
`);
    expect(model.wrappers[0]?.constructions).toHaveLength(2);
  });

  it('reads the arguments of p-map', () => {
    const { model, text } = analyze(`
import pMap from 'p-map';
pMap(a, b);
pMap(a, b, undefined);
pMap(a, b, { concurrency: 2 });
pMap(a, b, options);
pMap(...args);
pMap(a, b, ...rest);
`);
    expect(
      model.mappers.map((mapper) => [
        mapper.name,
        mapper.input && text(mapper.input),
        mapper.mapper && text(mapper.mapper),
        mapper.options.kind,
      ]),
    ).toEqual([
      ['pMap', 'a', 'b', 'none'],
      ['pMap', 'a', 'b', 'none'],
      ['pMap', 'a', 'b', 'object'],
      ['pMap', 'a', 'b', 'unknown'],
      ['pMap', null, null, 'unknown'],
      ['pMap', 'a', 'b', 'unknown'],
    ]);
  });

  it('reads Bluebird mappers under the name the code gives them, and its series helpers as limits', () => {
    const { model, text } = analyze(`
import Bluebird from 'bluebird';
const P = require('bluebird');
Bluebird.map(urls, load, { concurrency: 3 });
P.filter(urls, check);
Bluebird.mapSeries(urls, load);
P.each(urls, load);
Promise.map(urls, load);
`);
    expect(model.mappers.map((mapper) => [mapper.name, mapper.input && text(mapper.input), mapper.options.kind])).toEqual([
      ['Bluebird.map', 'urls', 'object'],
      ['P.filter', 'urls', 'none'],
    ]);
    expect(model.wrappers.map((use) => text(use.node.callee))).toEqual(['Bluebird.mapSeries', 'P.each']);
  });

  it('knows the retry helpers that run their callback at once', () => {
    const { model, sourceCode } = analyze(`
import pRetry from 'p-retry';
import { backOff } from 'exponential-backoff';
pRetry(() => 1);
backOff(() => 2);
other(() => 3);
`);
    const calls = sourceCode.ast.body
      .slice(2)
      .map((statement) => (statement as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression);
    expect(calls.map((call) => model.runsCallbackNow(call))).toEqual([true, true, false]);
  });
});

describe('getUnlimitedSetting', () => {
  const cases: [string, string | null][] = [
    ['pLimit(5)', null],
    ['pLimit()', null],
    ['pLimit(...args)', null],
    ['pLimit(Infinity)', 'Infinity'],
    ['pLimit({ concurrency: Infinity })', 'Infinity'],
    ['pLimit({ concurrency: 2 })', null],
    ['pLimit({ ...options })', null],
    ['new PQueue()', 'new PQueue()'],
    ['new PQueue(undefined)', 'new PQueue(undefined)'],
    ['new PQueue(options)', null],
    ['new PQueue({ concurrency: 2 })', null],
    ['new PQueue({ concurrency: Infinity })', 'concurrency: Infinity'],
    ['new PQueue({ concurrency: n })', null],
    ['new PQueue({ ...options, autoStart: false })', null],
    ['new PQueue({ intervalCap: 10, interval: 1000 })', null],
    ['new PQueue({ intervalCap: Infinity })', 'new PQueue({ intervalCap: Infinity })'],
    ['new PQueue({ intervalCap: cap })', null],
    ['new Bottleneck()', 'new Bottleneck()'],
    ['new Bottleneck(options)', null],
    ["new Bottleneck({ id: 'a' })", "new Bottleneck({ id: 'a' })"],
    ['new Bottleneck({ maxConcurrent: null, minTime: 0 })', 'new Bottleneck({ maxConcurrent: null, minTime: 0 })'],
    ['new Bottleneck({ maxConcurrent: 2 })', null],
    ['new Bottleneck({ minTime: 100 })', null],
    ['new Bottleneck({ reservoir: 10 })', null],
    ['new Bottleneck({ ...options })', null],
    ['new Sema(Infinity)', null],
  ];

  it.each(cases)('%s', (construction, expected) => {
    const { model, sourceCode, text } = analyze(`
import pLimit from 'p-limit';
import PQueue from 'p-queue';
import Bottleneck from 'bottleneck';
import { Sema } from 'async-sema';
const limiter = ${construction};
`);
    const [found] = model.constructions;
    if (!found) throw new Error('no construction');
    const setting = getUnlimitedSetting(found, sourceCode.getScope(found.node));
    expect(setting && text(setting.node)).toBe(expected);
  });
});
