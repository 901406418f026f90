/**
 * What the plugin knows about concurrency limiters: p-limit, p-queue, Bottleneck, semaphores
 * (async-sema, async-mutex, await-semaphore, es-toolkit), p-map, p-all and the `*Limit`/`*Series`
 * helpers of `async`, plus the retry helpers that run their callback at once.
 *
 * Limiters are recognised through their imports with the reference tracker, like the HTTP clients
 * in `model/http.ts`: a local function that happens to be called `limit` is not a limiter.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { TraceMapElement, TrackedReference } from '../ast/reference-tracker';
import type { OptionsRef } from './http';
import { getStaticName, isUndefinedLiteral, nodesOfType, skipWrappersDown } from '../ast/nodes';
import { createTracker } from '../ast/reference-tracker';
import { lookupOption } from './http';
import { enclosingClassBody, getFieldStore, requireCalls } from '../ast/scope';

const { ReferenceTracker } = ASTUtils;

/** The kinds of limiter objects the plugin understands. */
export type LimiterKind =
  /** `async.queue(worker, n)`, `cargo`, `priorityQueue`: the worker runs `n` at a time. */
  | 'async-queue'
  /** `new Bottleneck(options)`. */
  | 'bottleneck'
  /** `new Bottleneck.Group(options)`: one limiter per key. */
  | 'bottleneck-group'
  /** `pLimit(n)`. */
  | 'p-limit'
  /** `new PQueue(options)`. */
  | 'p-queue'
  /** `RateLimit(rps)` of async-sema: awaiting the returned function takes a slot. */
  | 'rate-limit'
  /** `new Sema(n)`, `new Semaphore(n)`, `new Mutex()`. */
  | 'semaphore';

/** A limiter created in this file. */
export interface LimiterConstruction {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly kind: LimiterKind;
  /** The module it comes from, e.g. `p-limit`. */
  readonly library: string;
}

/**
 * A call that runs its function arguments with bounded concurrency, or an awaited call that takes
 * a slot. `constructions` are the limiters of this file it may use: none for a library function
 * (`limitFunction`, `mapLimit`), several for `let limit = pLimit(2); if (x) limit = pLimit(1)`.
 */
export interface LimiterUse {
  readonly node: TSESTree.CallExpression;
  readonly constructions: readonly LimiterConstruction[];
}

/** A call of a mapper with a `concurrency` option that defaults to `Infinity` (`pMap`). */
export interface MapperCall {
  readonly node: TSESTree.CallExpression;
  /** How the code names it, for messages: `pMap`. */
  readonly name: string;
  readonly input: TSESTree.Node | null;
  readonly mapper: TSESTree.Node | null;
  readonly options: OptionsRef;
}

/** Everything the plugin knows about the concurrency limiters of one file. */
export interface LimiterModel {
  readonly constructions: readonly LimiterConstruction[];
  /** Every call that runs its function arguments under a limit, in source order. */
  readonly wrappers: readonly LimiterUse[];
  /** Every call that takes a limiter slot, in source order. */
  readonly acquires: readonly LimiterUse[];
  /** Every mapper call with a `concurrency` option, in source order. */
  readonly mappers: readonly MapperCall[];
  /**
   * The limiter under which `call` runs its function arguments (`limit(fn)`, `queue.add(fn)`,
   * `bottleneck.schedule(fn)`, `limitFunction(fn, options)`, `mapLimit(items, n, fn)`).
   */
  wrapperOf(call: TSESTree.CallExpression): LimiterUse | undefined;
  /** The mapper `call` is, when it is a `pMap(input, mapper, options)` call. */
  mapperOf(call: TSESTree.CallExpression): MapperCall | undefined;
  /** Does `call` run its callback at once, like a retry helper (`pRetry(fn)`)? */
  runsCallbackNow(call: TSESTree.CallExpression): boolean;
}

/**
 * Why a limiter limits nothing, as the code shows it: where to report, and the option that
 * would make it limit.
 */
export interface UnlimitedSetting {
  readonly node: TSESTree.Node;
  readonly option: string;
  readonly example: string;
}

type LimiterApi =
  | { readonly role: 'construct'; readonly kind: LimiterKind }
  | { readonly role: 'wrap' }
  | { readonly role: 'acquire' }
  | { readonly role: 'derive'; readonly kind: LimiterKind }
  /** `name` is how messages call it; `null` names it as the code does (`Bluebird.map`). */
  | { readonly role: 'mapper'; readonly name: string | null }
  | { readonly role: 'run' };

interface Shape {
  readonly call?: LimiterApi;
  readonly construct?: LimiterApi;
  readonly members?: Readonly<Record<string, Shape>>;
}

const WRAP: Shape = { call: { role: 'wrap' } };
const ACQUIRE: Shape = { call: { role: 'acquire' } };
const RUN: Shape = { call: { role: 'run' } };

function constructs(kind: LimiterKind): Shape {
  return { construct: { role: 'construct', kind } };
}

function callConstructs(kind: LimiterKind): Shape {
  return { call: { role: 'construct', kind } };
}

/** What can be done with a limiter of each kind. */
const INSTANCE_SHAPES: Readonly<Record<LimiterKind, Shape>> = {
  // https://github.com/sindresorhus/p-limit#api: limit(fn, ...args), limit.map(items, fn)
  'p-limit': { call: { role: 'wrap' }, members: { map: WRAP } },
  // https://github.com/sindresorhus/p-queue#api: .add(fn), .addAll(fns)
  'p-queue': { members: { add: WRAP, addAll: WRAP } },
  // https://github.com/SGrondin/bottleneck#submit: schedule, wrap, submit
  bottleneck: { members: { schedule: WRAP, wrap: WRAP, submit: WRAP } },
  'bottleneck-group': { members: { key: { call: { role: 'derive', kind: 'bottleneck' } } } },
  // async-sema: acquire/release; async-mutex: acquire/runExclusive; await-semaphore: acquire/use.
  semaphore: { members: { acquire: ACQUIRE, runExclusive: WRAP, use: WRAP } },
  'rate-limit': ACQUIRE,
  'async-queue': {},
};

const BOTTLENECK: Shape = { ...constructs('bottleneck'), members: { Group: constructs('bottleneck-group') } };
const SEMAPHORES: Shape = { members: { Semaphore: constructs('semaphore'), Mutex: constructs('semaphore') } };

// https://caolan.github.io/async/v3/docs.html: the `*Limit` helpers take a limit, the `*Series`
// helpers run one task at a time, `queue`/`cargo` run their worker with a concurrency.
const ASYNC_BOUNDED = [
  'concatLimit', 'concatSeries', 'detectLimit', 'detectSeries', 'eachLimit', 'eachOfLimit', 'eachOfSeries',
  'eachSeries', 'everyLimit', 'everySeries', 'filterLimit', 'filterSeries', 'forEachLimit', 'forEachOfLimit',
  'forEachOfSeries', 'forEachSeries', 'groupByLimit', 'groupBySeries', 'mapLimit', 'mapSeries',
  'mapValuesLimit', 'mapValuesSeries', 'parallelLimit', 'rejectLimit', 'rejectSeries', 'series', 'someLimit',
  'someSeries', 'timesLimit', 'timesSeries', 'waterfall',
];
const ASYNC_QUEUES = ['cargo', 'cargoQueue', 'priorityQueue', 'queue'];

function asyncShape(): Shape {
  const members: Record<string, Shape> = {};
  for (const name of ASYNC_BOUNDED) members[name] = WRAP;
  for (const name of ASYNC_QUEUES) members[name] = callConstructs('async-queue');
  return { members };
}

function asyncSubmodules(): Record<string, Shape> {
  const modules: Record<string, Shape> = {};
  for (const name of ASYNC_BOUNDED) modules[`async/${name}`] = WRAP;
  for (const name of ASYNC_QUEUES) modules[`async/${name}`] = callConstructs('async-queue');
  return modules;
}

/** The modules whose limiters the plugin recognises, keyed by import specifier. */
const LIMITER_MODULES: Readonly<Record<string, Shape>> = {
  // https://github.com/sindresorhus/p-limit: default export pLimit(n), named limitFunction(fn, { concurrency })
  'p-limit': { ...callConstructs('p-limit'), members: { limitFunction: WRAP } },
  // https://github.com/sindresorhus/p-queue
  'p-queue': constructs('p-queue'),
  bottleneck: BOTTLENECK,
  'bottleneck/es5': BOTTLENECK,
  'bottleneck/light': BOTTLENECK,
  // https://github.com/vercel/async-sema
  'async-sema': { members: { Sema: constructs('semaphore'), RateLimit: callConstructs('rate-limit') } },
  // https://github.com/DirtyHairy/async-mutex, https://github.com/notenoughneon/await-semaphore
  'async-mutex': SEMAPHORES,
  'await-semaphore': SEMAPHORES,
  'es-toolkit': SEMAPHORES,
  // https://github.com/sindresorhus/p-map: `concurrency` defaults to `Infinity`.
  'p-map': { call: { role: 'mapper', name: 'pMap' }, members: { pMapIterable: WRAP } },
  // https://github.com/sindresorhus/p-all
  'p-all': WRAP,
  // http://bluebirdjs.com/docs/api/promise.map.html: `concurrency` defaults to Infinity; the
  // `*Series`, `each` and `reduce` helpers run one callback at a time.
  bluebird: {
    members: {
      map: { call: { role: 'mapper', name: null } },
      filter: { call: { role: 'mapper', name: null } },
      each: WRAP,
      mapSeries: WRAP,
      reduce: WRAP,
    },
  },
  async: asyncShape(),
  'async-es': asyncShape(),
  'neo-async': asyncShape(),
  ...asyncSubmodules(),
  // Retry helpers call their callback at once (and again on failure), one attempt at a time.
  'p-retry': RUN,
  'async-retry': RUN,
  'promise-retry': RUN,
  'exponential-backoff': { members: { backOff: RUN } },
};

/** The import specifiers of {@link LIMITER_MODULES}: the cheap per-file test reads them. */
export const LIMITER_MODULE_NAMES: readonly string[] = Object.keys(LIMITER_MODULES);

/** What the reference tracker yields: the tracker's symbols carry a {@link LimiterApi}. */
type FoundReference = TrackedReference<LimiterApi>;

const traceMapCache = new Map<Shape, TraceMapElement>();

function traceMapOf(shape: Shape): TraceMapElement {
  const cached = traceMapCache.get(shape);
  if (cached) return cached;
  const map: Record<string | symbol, unknown> = {};
  traceMapCache.set(shape, map as TraceMapElement);
  if (shape.call) map[ReferenceTracker.CALL] = shape.call;
  if (shape.construct) map[ReferenceTracker.CONSTRUCT] = shape.construct;
  for (const [key, member] of Object.entries(shape.members ?? {})) map[key] = traceMapOf(member);
  return map as TraceMapElement;
}

/** A module's map, with `default` looked through for CommonJS interop (`require('p-queue').default`). */
function moduleTraceMap(shape: Shape): TraceMapElement {
  const map = traceMapOf(shape);
  return { ...map, default: map };
}

const ESM_MAP: Record<string, TraceMapElement> = Object.fromEntries(
  Object.entries(LIMITER_MODULES).map(([module, shape]) => [module, moduleTraceMap(shape)]),
);

const cache = new WeakMap<TSESTree.Program, LimiterModel>();

/** The limiter model of the file being linted, built once per file and shared. */
export function getLimiterModel(sourceCode: TSESLint.SourceCode): LimiterModel {
  // Keyed on the AST: oxlint's JS plugins reuse one `SourceCode` object for every file.
  let model = cache.get(sourceCode.ast);
  if (!model) {
    model = buildModel(sourceCode);
    cache.set(sourceCode.ast, model);
  }
  return model;
}

function buildModel(sourceCode: TSESLint.SourceCode): LimiterModel {
  const constructions: LimiterConstruction[] = [];
  const wrappers = new Map<TSESTree.CallExpression, LimiterUse>();
  const acquires = new Map<TSESTree.CallExpression, LimiterUse>();
  const mappers = new Map<TSESTree.CallExpression, MapperCall>();
  const runners = new Set<TSESTree.CallExpression>();
  const model = (): LimiterModel => ({
    constructions: constructions.sort(byPosition),
    wrappers: [...wrappers.values()].sort(byPosition),
    acquires: [...acquires.values()].sort(byPosition),
    mappers: [...mappers.values()].sort(byPosition),
    wrapperOf: (call) => wrappers.get(call),
    mapperOf: (call) => mappers.get(call),
    runsCallbackNow: (call) => runners.has(call),
  });
  const globalScope = sourceCode.getScope(sourceCode.ast);
  // Nothing to find in a file that imports or requires none of the modules: every limiter the
  // model knows is reached from such an import (the tracker reads the same statements and calls).
  const requires = requireCalls(globalScope);
  const importsLimiter = sourceCode.ast.body.some(
    (statement) => 'source' in statement && statement.source?.type === AST_NODE_TYPES.Literal && Object.hasOwn(ESM_MAP, statement.source.value),
  );
  if (!importsLimiter && !requires.some(({ module }) => Object.hasOwn(ESM_MAP, module))) return model();

  const tracker = createTracker<LimiterApi>(globalScope);
  /** Limiters stored on `this.<field>`, followed through the class once the imports are done. */
  const fields: {
    construction: LimiterConstruction;
    kind: LimiterKind;
    field: string;
    classBody: TSESTree.ClassBody;
    store: TSESTree.Node;
  }[] = [];

  function handle(found: FoundReference, context: LimiterConstruction | null): void {
    const { info } = found;
    // The tracker reports calls for CALL entries and `new` expressions for CONSTRUCT entries.
    const node = found.node as TSESTree.CallExpression | TSESTree.NewExpression;
    const call = found.node as TSESTree.CallExpression;
    switch (info.role) {
      case 'construct': {
        const construction: LimiterConstruction = { node, kind: info.kind, library: found.path[0] as string };
        constructions.push(construction);
        // `async.queue(worker, n)` runs its worker under the limit it creates.
        if (info.kind === 'async-queue') addUse(wrappers, call, construction);
        track(construction, node, info.kind);
        return;
      }
      case 'derive':
        // `group.key(k)` returns a limiter of the group: its uses are uses of the group.
        track(context as LimiterConstruction, node, info.kind);
        return;
      case 'wrap':
        addUse(wrappers, call, context);
        return;
      case 'acquire':
        addUse(acquires, call, context);
        return;
      case 'mapper':
        mappers.set(call, mapperCall(call, info.name ?? sourceCode.getText(call.callee)));
        return;
      case 'run':
        runners.add(call);
        return;
    }
  }

  function track(construction: LimiterConstruction, node: TSESTree.Node, kind: LimiterKind): void {
    const map = traceMapOf(INSTANCE_SHAPES[kind]);
    for (const found of tracker.iteratePropertyReferences(node, map)) handle(found, construction);
    // this.queue = new PQueue() / class Api { queue = new PQueue() }
    const fieldStore = getFieldStore(node);
    if (fieldStore) fields.push({ construction, kind, ...fieldStore });
  }

  for (const found of tracker.iterateEsmReferences(ESM_MAP)) handle(found, null);
  for (const { call, module: name } of requires) {
    if (!Object.hasOwn(ESM_MAP, name)) continue;
    for (const found of tracker.iteratePropertyReferences(call, ESM_MAP[name] as TraceMapElement)) {
      handle({ ...found, path: [name, ...found.path] }, null);
    }
  }

  if (fields.length > 0) {
    for (const member of thisMembers(sourceCode)) {
      for (const { construction, kind, field, classBody, store } of fields) {
        if (member === store || getStaticName(member) !== field || enclosingClassBody(member) !== classBody) continue;
        const map = traceMapOf(INSTANCE_SHAPES[kind]);
        for (const found of tracker.iteratePropertyReferences(member, map)) handle(found, construction);
      }
    }
  }

  return model();
}

/** Records that `call` uses `construction`; a variable assigned twice reaches its uses once per construction. */
function addUse(
  uses: Map<TSESTree.CallExpression, LimiterUse>,
  call: TSESTree.CallExpression,
  construction: LimiterConstruction | null,
): void {
  const constructions = [...(uses.get(call)?.constructions ?? [])];
  if (construction) constructions.push(construction);
  uses.set(call, { node: call, constructions });
}

function byPosition(a: { readonly node: TSESTree.Node }, b: { readonly node: TSESTree.Node }): number {
  return a.node.range[0] - b.node.range[0];
}

function mapperCall(node: TSESTree.CallExpression, name: string): MapperCall {
  const args = node.arguments;
  const spread = args.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  const at = (index: number): TSESTree.Node | null => (spread !== -1 && index >= spread ? null : (args[index] ?? null));
  let options: OptionsRef;
  const third = at(2);
  if (spread !== -1 && spread <= 2) options = { kind: 'unknown', node: null };
  else if (!third || isUndefinedLiteral(third)) options = { kind: 'none' };
  else {
    const inner = skipWrappersDown(third);
    options = inner.type === AST_NODE_TYPES.ObjectExpression ? { kind: 'object', node: inner } : { kind: 'unknown', node: third };
  }
  return { node, name, input: at(0), mapper: at(1), options };
}

/**
 * How a limiter limits nothing, if the code says so: `pLimit(Infinity)`, a `new PQueue()` without
 * `concurrency` or `intervalCap` (both default to `Infinity`), a `new Bottleneck()` without
 * `maxConcurrent`, `minTime` or `reservoir` (all default to no limit). Options that cannot be
 * seen count as limiting.
 */
export function getUnlimitedSetting(
  construction: LimiterConstruction,
  scope: TSESLint.Scope.Scope,
): UnlimitedSetting | null {
  const node = construction.node;
  const first = node.arguments[0];
  if (first?.type === AST_NODE_TYPES.SpreadElement) return null;
  switch (construction.kind) {
    case 'p-limit': {
      // https://github.com/sindresorhus/p-limit#concurrency: a number, or { concurrency } since v7.
      if (!first) return null;
      const inner = skipWrappersDown(first);
      const value = inner.type === AST_NODE_TYPES.ObjectExpression ? optionValue(inner, 'concurrency') : inner;
      return value && isInfinite(value, scope) ? { node: value, option: 'concurrency', example: 'pLimit(5)' } : null;
    }
    case 'p-queue': {
      // https://github.com/sindresorhus/p-queue#concurrency: defaults to Infinity, as does intervalCap.
      const options = optionsObject(first);
      if (options === 'unknown') return null;
      const example = '{ concurrency: 5 }';
      if (options && hasLimit(options, 'intervalCap', scope) !== false) return null;
      const concurrency = options ? lookupOption({ kind: 'object', node: options }, 'concurrency') : { kind: 'missing' as const };
      if (concurrency.kind === 'unknown') return null;
      if (concurrency.kind === 'missing') return { node, option: 'concurrency', example };
      return isInfinite(concurrency.value, scope) ? { node: concurrency.property, option: 'concurrency', example } : null;
    }
    case 'bottleneck': {
      // https://github.com/SGrondin/bottleneck#constructor: maxConcurrent null, minTime 0, reservoir null.
      const options = optionsObject(first);
      if (options === 'unknown') return null;
      if (options) {
        for (const name of ['maxConcurrent', 'minTime', 'reservoir']) {
          if (hasLimit(options, name, scope) !== false) return null;
        }
      }
      return { node, option: 'maxConcurrent', example: '{ maxConcurrent: 5 }' };
    }
    default:
      return null;
  }
}

function optionsObject(argument: TSESTree.Node | undefined): TSESTree.ObjectExpression | null | 'unknown' {
  if (!argument || isUndefinedLiteral(argument)) return null;
  const inner = skipWrappersDown(argument);
  return inner.type === AST_NODE_TYPES.ObjectExpression ? inner : 'unknown';
}

function optionValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | null {
  const found = lookupOption({ kind: 'object', node: object }, name);
  return found.kind === 'found' ? found.value : null;
}

/** Does option `name` set a limit: `false` when missing or statically unlimited, `true`/`null` otherwise. */
function hasLimit(object: TSESTree.ObjectExpression, name: string, scope: TSESLint.Scope.Scope): boolean | null {
  const found = lookupOption({ kind: 'object', node: object }, name);
  if (found.kind === 'missing') return false;
  if (found.kind === 'unknown') return null;
  const value = ASTUtils.getStaticValue(found.value, scope);
  if (!value) return null;
  return !(value.value === null || value.value === 0 || value.value === Infinity || value.value === undefined);
}

function isInfinite(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  return ASTUtils.getStaticValue(node, scope)?.value === Infinity;
}

/** Every `this.<name>` member expression of the file, from the file's shared node index. */
function thisMembers(sourceCode: TSESLint.SourceCode): TSESTree.MemberExpression[] {
  return nodesOfType(sourceCode, AST_NODE_TYPES.MemberExpression).filter((node) => node.object.type === AST_NODE_TYPES.ThisExpression);
}
