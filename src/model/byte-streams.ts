import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast/nodes';
import type { HttpModel, HttpRequest } from './http';
import type { ResponseFlow } from './response-flow';
import { getEnclosingFunction, getStaticName, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { GLOBAL_OBJECT_NAMES } from '../clients/catalogue';
import { getHttpModel, getPlacement, lookupInstanceOption, lookupOption } from './http';
import { getResponseFlow } from './response-flow';
import { createTracker } from '../ast/reference-tracker';
import { requireCalls, resolveLocalFunction } from '../ast/scope';

const { ReferenceTracker } = ASTUtils;

/**
 * What one chunk of a stream is.
 * - `buffer`: a Node.js `Buffer` (a `Readable` without `setEncoding()`): `+`, template literals and
 *   `toString()` decode it as UTF-8 on its own;
 * - `bytes`: a `Uint8Array` of a WHATWG `ReadableStream` (`response.body` of the global `fetch`), which
 *   only a `TextDecoder` turns into text.
 */
export type ChunkType = 'buffer' | 'bytes';

/** Where a byte stream comes from. */
export type ByteStreamOrigin =
  /** `http.get(url, res => ...)`, `req.on('response', res => ...)`: an `IncomingMessage`. */
  | 'node-response'
  /** `http.createServer((req, res) => ...)`, `server.on('request', ...)`: an `IncomingMessage`. */
  | 'server-request'
  /** `response.body` of a fetch-family response. */
  | 'fetch-body'
  /** `body` of undici's `request()`: a `BodyReadable`. */
  | 'undici-body'
  /** `got.stream(url)`, `got(url, { isStream: true })`. */
  | 'got-stream'
  /** `response.data` of an axios request with `responseType: 'stream'`. */
  | 'axios-stream';

/** How chunks are read from a stream. */
export type ChunkVia = 'data-event' | 'for-await' | 'reader';

/** A place where the code receives the chunks of a byte stream one at a time. */
export interface ChunkSource {
  readonly stream: ByteStream;
  readonly via: ChunkVia;
  readonly chunkType: ChunkType;
  /** The stream expression the chunks are read from: `res` in `res.on('data', fn)`. */
  readonly streamNode: TSESTree.Node;
  /** The `res.on('data', fn)` call, the `for await` statement, or the `reader.read()` call. */
  readonly start: TSESTree.Node;
  /** Expressions whose value is one chunk (`chunk`, `value`, `result.value`). */
  readonly occurrences: readonly TSESTree.Node[];
  /** Code that runs once per chunk (the handler's body, the loop body); `null` when unknown. */
  readonly region: TSESTree.Node | null;
  /**
   * Every chunk of the stream passes through here (a `'data'` handler, a `for await` or a
   * `read()` loop), as opposed to a single `read()` whose chunk may be the only one.
   */
  readonly repeated: boolean;
}

/** A stream of raw bytes that the code reads chunk by chunk. */
export interface ByteStream {
  readonly origin: ByteStreamOrigin;
  /** Expressions that evaluate to the stream, including `.on()`/`.setEncoding()` chains on it. */
  readonly uses: readonly TSESTree.Node[];
  /** The node that binds the stream (a parameter, a variable, or its only use). */
  readonly binding: TSESTree.Node;
  /** `setEncoding()` is called on the stream, so its chunks are strings, not bytes. */
  readonly hasEncoding: boolean;
  /** The stream is also stored under another name, so what happens to it cannot be followed. */
  readonly aliased: boolean;
  readonly chunkSources: readonly ChunkSource[];
}

/**
 * Methods of a Node.js stream (and of `http.ClientRequest`/`http.Server`) that return the object
 * itself, so `res.on('end', f).on('data', g)` registers both on `res`.
 * https://nodejs.org/api/events.html#emitteroneventname-listener
 * https://nodejs.org/api/stream.html#readablesetencodingencoding
 */
export const RETURNS_THIS: ReadonlySet<string> = new Set([
  'addListener',
  'end',
  'off',
  'on',
  'once',
  'pause',
  'prependListener',
  'prependOnceListener',
  'removeAllListeners',
  'removeListener',
  'resume',
  'setEncoding',
  'setMaxListeners',
  'setTimeout',
]);

/** Methods that register a listener called for every event. */
const LISTEN_METHODS: ReadonlySet<string> = new Set(['addListener', 'on', 'prependListener']);
/** Methods that register a listener, including one-shot ones (for `'response'`/`'request'`). */
const ANY_LISTEN_METHODS: ReadonlySet<string> = new Set([...LISTEN_METHODS, 'once', 'prependOnceListener']);

/** `node:http`/`node:https` APIs that hand the request listener an `IncomingMessage`. */
const SERVER_MODULES = ['http', 'https', 'node:http', 'node:https'] as const;

/**
 * The byte streams of HTTP traffic the file reads chunk by chunk: responses of `node:http(s)`
 * requests, requests received by a `node:http(s)` server, fetch and undici response bodies,
 * `got.stream()` and axios `responseType: 'stream'` data. Streams whose source is not known to carry
 * raw bytes (any other emitter, object-mode streams) are not included.
 */
export function getByteStreams(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): readonly ByteStream[] {
  return findByteStreams(context.sourceCode, getHttpModel(context));
}

interface StreamSeed {
  readonly origin: ByteStreamOrigin;
  readonly uses: readonly TSESTree.Node[];
  readonly binding: TSESTree.Node;
  /** How `for await` chunks come out (the `'data'` event of a Node stream always gives Buffers). */
  readonly iterates: ChunkType;
}

function findByteStreams(sourceCode: TSESLint.SourceCode, model: HttpModel): readonly ByteStream[] {
  const seeds: StreamSeed[] = [];
  const seen = new Set<TSESTree.Node>();
  const add = (seed: StreamSeed | null): void => {
    if (!seed || seen.has(seed.binding)) return;
    seen.add(seed.binding);
    seeds.push(seed);
  };

  for (const request of model.requests) {
    switch (request.client) {
      case 'node-http':
        for (const seed of nodeResponses(request, sourceCode)) add(seed);
        break;
      case 'fetch': {
        // node-fetch's body is a Node.js Readable of Buffers; the global fetch's a ReadableStream.
        const iterates: ChunkType = request.module === 'node-fetch' ? 'buffer' : 'bytes';
        add(propertyStream(getResponseFlow(request, sourceCode), 'body', 'fetch-body', iterates, sourceCode));
        break;
      }
      case 'undici':
        // https://undici.nodejs.org/#/docs/api/Dispatcher?id=parameter-responsedata
        if (request.method === 'request') {
          add(propertyStream(getResponseFlow(request, sourceCode), 'body', 'undici-body', 'buffer', sourceCode));
        }
        break;
      case 'got':
        if (isGotStream(request)) add(valueStream(request.node, 'got-stream', sourceCode));
        break;
      case 'axios':
        if (isAxiosStream(request)) {
          add(propertyStream(getResponseFlow(request, sourceCode), 'data', 'axios-stream', 'buffer', sourceCode));
        }
        break;
      default:
        break;
    }
  }
  for (const seed of serverRequests(sourceCode)) add(seed);

  return seeds.map((seed) => buildStream(seed, sourceCode));
}

/** Responses of `http.get(url, res => ...)` and of `req.on('response', res => ...)`. */
function nodeResponses(request: HttpRequest, sourceCode: TSESLint.SourceCode): StreamSeed[] {
  const seeds: StreamSeed[] = [];
  const callback = request.callback ?? resolveLocalFunction(request.node.arguments.at(-1), sourceCode);
  const fromCallback = callback && parameterStream(callback, 'node-response', sourceCode);
  if (fromCallback) seeds.push(fromCallback);
  // https://nodejs.org/api/http.html#event-response
  for (const listener of listenersOf(request.node, 'response', sourceCode)) {
    const seed = parameterStream(listener, 'node-response', sourceCode);
    if (seed) seeds.push(seed);
  }
  return seeds;
}

/** Requests received by `http.createServer(listener)`, `new http.Server(listener)`, `server.on('request', listener)`. */
function serverRequests(sourceCode: TSESLint.SourceCode): StreamSeed[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  /* c8 ignore next -- every parsed file has a global scope */
  if (!globalScope) return [];
  const tracker = createTracker(globalScope);
  const api = { createServer: { [ReferenceTracker.CALL]: true }, Server: { [ReferenceTracker.CONSTRUCT]: true } };
  const traceMap = Object.fromEntries(SERVER_MODULES.map((module) => [module, api]));
  // The trace map only has CALL and CONSTRUCT entries, so every reference is a call or a `new`.
  const servers: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  const collect = (node: TSESTree.Node): void => {
    servers.push(node as TSESTree.CallExpression | TSESTree.NewExpression);
  };
  for (const found of tracker.iterateEsmReferences(traceMap)) collect(found.node);
  for (const { call, module } of requireCalls(globalScope)) {
    if (Object.hasOwn(traceMap, module)) {
      for (const found of tracker.iteratePropertyReferences(call, api)) collect(found.node);
    }
  }

  const seeds: StreamSeed[] = [];
  for (const server of servers) {
    // createServer([options][, requestListener]): https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener
    const listener = server.arguments
      .map((argument) => resolveLocalFunction(argument, sourceCode))
      .findLast((fn) => fn !== null);
    const listeners = [...(listener ? [listener] : []), ...listenersOf(server, 'request', sourceCode)];
    for (const fn of listeners) {
      const seed = parameterStream(fn, 'server-request', sourceCode);
      if (seed) seeds.push(seed);
    }
  }
  return seeds;
}

/** The functions registered for `event` on the object `node` evaluates to (`req.on('response', fn)`). */
function listenersOf(node: TSESTree.Node, event: string, sourceCode: TSESLint.SourceCode): FunctionNode[] {
  const uses = valueUses(node, sourceCode);
  if (!uses) return [];
  const listeners: FunctionNode[] = [];
  for (const use of expandChains(uses.nodes, sourceCode)) {
    const registration = listenerCall(use, ANY_LISTEN_METHODS, event);
    const fn = registration && resolveLocalFunction(registration.listener, sourceCode);
    if (fn) listeners.push(fn);
  }
  return listeners;
}

/** The stream received as the first parameter of `fn`. */
function parameterStream(fn: FunctionNode, origin: ByteStreamOrigin, sourceCode: TSESLint.SourceCode): StreamSeed | null {
  const param = fn.params[0];
  if (param?.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.identifiers.includes(param));
  /* c8 ignore next -- a parameter always declares a variable */
  if (!variable) return null;
  return variableStream(variable, param, origin, 'buffer');
}

function variableStream(
  variable: TSESLint.Scope.Variable,
  binding: TSESTree.Identifier,
  origin: ByteStreamOrigin,
  iterates: ChunkType,
): StreamSeed | null {
  // A stream variable that is reassigned may hold something else (`res = res.pipe(gunzip)`).
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== binding)) return null;
  return { origin, uses: readsOf(variable), binding, iterates };
}

/** The stream returned by a call (`got.stream(url)`), followed through one `const`. */
function valueStream(node: TSESTree.Node, origin: ByteStreamOrigin, sourceCode: TSESLint.SourceCode): StreamSeed | null {
  const uses = valueUses(node, sourceCode);
  if (!uses) return null;
  return { origin, uses: uses.nodes, binding: uses.binding, iterates: 'buffer' };
}

/** Where the value of `node` can be read: in place, or through the one variable it is stored in. */
function valueUses(
  node: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): { nodes: TSESTree.Node[]; binding: TSESTree.Node } | null {
  const outer = skipWrappersUp(node);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
    if (parent.id.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = ASTUtils.findVariable(sourceCode.getScope(parent.id), parent.id);
    /* c8 ignore next -- a declarator always declares its variable */
    if (!variable) return null;
    const id = parent.id;
    if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== id)) return null;
    return { nodes: readsOf(variable), binding: id };
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer) return null;
  return { nodes: [outer], binding: outer };
}

/** `response.body` (or `.data`) of a response, wherever the response flows. */
function propertyStream(
  flow: ResponseFlow,
  property: string,
  origin: ByteStreamOrigin,
  iterates: ChunkType,
  sourceCode: TSESLint.SourceCode,
): StreamSeed | null {
  switch (flow.kind) {
    case 'variable': {
      if (!flow.variable) return null;
      const uses = readsOf(flow.variable).flatMap((read) => {
        const parent = read.parent;
        return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === read && getStaticName(parent) === property
          ? [skipWrappersUp(parent)]
          : [];
      });
      if (uses.length === 0) return null;
      return { origin, uses, binding: flow.id, iterates };
    }
    case 'member':
      return getStaticName(flow.node) === property
        ? { origin, uses: [skipWrappersUp(flow.node)], binding: flow.node, iterates }
        : null;
    case 'destructured': {
      const target = patternTarget(flow.pattern, property);
      const variable = target && ASTUtils.findVariable(sourceCode.getScope(target), target);
      return target && variable ? variableStream(variable, target, origin, iterates) : null;
    }
    default:
      return null;
  }
}

/** Read references of a variable, each lifted past value-preserving wrappers. */
function readsOf(variable: TSESLint.Scope.Variable): TSESTree.Node[] {
  return variable.references
    .filter((reference) => reference.isRead())
    .map((reference) => skipWrappersUp(reference.identifier));
}

/**
 * `got.stream(url)`, `got.stream.get(url)`, `got(url, { isStream: true })` — unless an `encoding`
 * option (on the call or the instance) makes got call `setEncoding()` on it, or may.
 * https://github.com/sindresorhus/got/blob/main/documentation/2-options.md#encoding
 */
function isGotStream(request: HttpRequest): boolean {
  const callee = skipWrappersDown(request.node.callee);
  const streamMethod =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    (getStaticName(callee) === 'stream' ||
      (callee.object.type === AST_NODE_TYPES.MemberExpression && getStaticName(callee.object) === 'stream'));
  const isStream = lookupOption(request.options, 'isStream');
  if (!streamMethod && !(isStream.kind === 'found' && isLiteral(isStream.value, true))) return false;
  return optionIsMissing(request, 'encoding');
}

/**
 * axios resolves `data` with the response stream itself when `responseType` is `'stream'` (Node.js
 * http adapter); another `adapter` may hand back something else.
 * https://axios-http.com/docs/req_config
 */
function isAxiosStream(request: HttpRequest): boolean {
  const own = lookupOption(request.options, 'responseType');
  const responseType =
    own.kind === 'missing' && request.instance ? lookupInstanceOption(request.instance, 'responseType') : own;
  return responseType.kind === 'found' && isLiteral(responseType.value, 'stream') && optionIsMissing(request, 'adapter');
}

/** Is option `name` certainly absent from the request and its instance? */
function optionIsMissing(request: HttpRequest, name: string): boolean {
  const own = lookupOption(request.options, name);
  if (own.kind !== 'missing') return false;
  return !request.instance || lookupInstanceOption(request.instance, name).kind === 'missing';
}

function isLiteral(node: TSESTree.Node, value: unknown): boolean {
  const inner = skipWrappersDown(node);
  return inner.type === AST_NODE_TYPES.Literal && inner.value === value;
}

/**
 * Adds the places that hold the same object as each use: the results of `.on()`-style calls made on
 * it, and the reads of a variable it is stored in (`const body = res.body`).
 */
function expandChains(uses: readonly TSESTree.Node[], sourceCode: TSESLint.SourceCode): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  const queue = [...uses];
  for (let node = queue.shift(); node; node = queue.shift()) {
    const declarator = node.parent;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === node) {
      const held = valueUses(node, sourceCode);
      if (held) {
        queue.push(...held.nodes);
        continue;
      }
    }
    result.push(node);
    const method = methodCallOn(node);
    if (method && RETURNS_THIS.has(method.name)) queue.push(skipWrappersUp(method.call));
  }
  return result;
}

/** `use.name(...)`: the method's name and the call, when `use` is the object of a method call. */
export function methodCallOn(use: TSESTree.Node): { name: string; call: TSESTree.CallExpression } | null {
  const member = use.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== use) return null;
  const name = getStaticName(member);
  const callee = skipWrappersUp(member);
  const call = callee.parent;
  if (name === null || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return null;
  return { name, call };
}

/** `use.on(event, listener)` with one of `methods`, when `use` is its object. */
function listenerCall(
  use: TSESTree.Node,
  methods: ReadonlySet<string>,
  event: string,
): { call: TSESTree.CallExpression; listener: TSESTree.Node } | null {
  const method = methodCallOn(use);
  if (!method || !methods.has(method.name)) return null;
  const [first, listener] = method.call.arguments;
  if (!first || !listener || ASTUtils.getStringIfConstant(first) !== event) return null;
  return { call: method.call, listener };
}

/** The call of method `name` on `use` (`use.setEncoding(...)`), if there is one. */
function isMethodCallOn(use: TSESTree.Node, name: string): TSESTree.CallExpression | null {
  const method = methodCallOn(use);
  return method?.name === name ? method.call : null;
}

/** Is the stream also kept under another name, where its encoding may be set out of sight? */
function isAliasing(use: TSESTree.Node): boolean {
  const parent = use.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      // `const { statusCode } = res` reads properties; a plain `const copy = res` was followed.
      return parent.init === use && parent.id.type !== AST_NODE_TYPES.ObjectPattern;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === use;
    case AST_NODE_TYPES.Property:
      return parent.value === use && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    default:
      return false;
  }
}

function buildStream(seed: StreamSeed, sourceCode: TSESLint.SourceCode): ByteStream {
  const uses = expandChains(seed.uses, sourceCode);
  const chunkSources: ChunkSource[] = [];
  const stream: ByteStream = {
    origin: seed.origin,
    uses,
    binding: seed.binding,
    hasEncoding: uses.some((use) => isMethodCallOn(use, 'setEncoding') !== null),
    aliased: uses.some((use) => isAliasing(use)),
    chunkSources,
  };
  for (const use of uses) {
    const registration = listenerCall(use, LISTEN_METHODS, 'data');
    if (registration) {
      // https://nodejs.org/api/stream.html#event-data
      const fn = resolveLocalFunction(registration.listener, sourceCode);
      const chunk = fn && parameterChunk(fn, sourceCode);
      if (fn && chunk) {
        chunkSources.push({
          stream,
          via: 'data-event',
          chunkType: 'buffer',
          streamNode: use,
          start: registration.call,
          occurrences: chunk,
          region: fn.body,
          repeated: true,
        });
      }
      continue;
    }
    const loop = use.parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.await && loop.right === use) {
      // https://nodejs.org/api/stream.html#readablesymbolasynciterator
      const chunk = loopChunk(loop, sourceCode);
      if (chunk) {
        chunkSources.push({
          stream,
          via: 'for-await',
          chunkType: seed.iterates,
          streamNode: use,
          start: loop,
          occurrences: chunk,
          region: loop.body,
          repeated: true,
        });
      }
      continue;
    }
    const getReader = seed.iterates === 'bytes' ? isMethodCallOn(use, 'getReader') : null;
    if (getReader) chunkSources.push(...readerChunks(stream, use, getReader, sourceCode));
  }
  return stream;
}

/** Reads of the first parameter of a `'data'` listener, if it is a plain, never reassigned name. */
function parameterChunk(fn: FunctionNode, sourceCode: TSESLint.SourceCode): TSESTree.Node[] | null {
  const param = fn.params[0];
  if (param?.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.identifiers.includes(param));
  /* c8 ignore next -- a parameter always declares a variable */
  if (!variable) return null;
  if (variable.references.some((reference) => reference.isWrite())) return null;
  return readsOf(variable);
}

/** Reads of the variable of `for await (const chunk of stream)`, if it is never reassigned. */
function loopChunk(loop: TSESTree.ForOfStatement, sourceCode: TSESLint.SourceCode): TSESTree.Node[] | null {
  if (loop.left.type !== AST_NODE_TYPES.VariableDeclaration) return null;
  // A `for...of` declaration has exactly one declarator.
  const id = loop.left.declarations[0].id;
  if (id.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = sourceCode.getDeclaredVariables(loop.left).find((candidate) => candidate.identifiers.includes(id));
  /* c8 ignore next -- a declaration always declares its variable */
  if (!variable) return null;
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== id)) return null;
  return readsOf(variable);
}

/**
 * Chunks read with `const reader = body.getReader()`: `const { value } = await reader.read()`,
 * `const result = await reader.read(); result.value`, `reader.read().then(({ value }) => ...)`.
 * https://developer.mozilla.org/docs/Web/API/ReadableStreamDefaultReader/read
 */
function readerChunks(
  stream: ByteStream,
  use: TSESTree.Node,
  getReader: TSESTree.CallExpression,
  sourceCode: TSESLint.SourceCode,
): ChunkSource[] {
  const reader = valueUses(getReader, sourceCode);
  if (!reader) return [];
  const reads: { call: TSESTree.CallExpression; binding: ChunkBinding }[] = [];
  for (const readerUse of reader.nodes) {
    const call = isMethodCallOn(readerUse, 'read');
    const binding = call && readBinding(call, sourceCode);
    if (call && binding) reads.push({ call, binding });
  }
  // A variable that takes chunks counts only when every write to it is a chunk.
  const bindingIds = new Set(reads.flatMap(({ binding }) => (binding.kind === 'node' ? [] : [binding.id])));
  const sources: ChunkSource[] = [];
  for (const { call, binding } of reads) {
    let occurrences: TSESTree.Node[];
    if (binding.kind === 'node') {
      occurrences = [binding.node];
    } else {
      const variable = ASTUtils.findVariable(sourceCode.getScope(binding.id), binding.id);
      /* c8 ignore next -- a binding always has its variable */
      if (!variable) continue;
      const clean = variable.references.every(
        (reference) => !reference.isWrite() || bindingIds.has(reference.identifier as TSESTree.Identifier),
      );
      if (!clean) continue;
      const reads = readsOf(variable);
      occurrences =
        binding.kind === 'value'
          ? reads
          : reads.flatMap((read) => {
              const parent = read.parent;
              return parent?.type === AST_NODE_TYPES.MemberExpression &&
                parent.object === read &&
                getStaticName(parent) === 'value'
                ? [skipWrappersUp(parent)]
                : [];
            });
    }
    const placement = binding.callback ? null : getPlacement(call);
    const loop = placement?.loop ?? null;
    const fn = binding.callback ?? placement?.fn ?? null;
    sources.push({
      stream,
      via: 'reader',
      chunkType: 'bytes',
      streamNode: use,
      start: call,
      occurrences,
      region: loop ? loop.body : (fn?.body ?? null),
      repeated: loop !== null,
    });
  }
  return sources;
}

/**
 * Where the chunk of one `reader.read()` lands:
 * - `value`: a variable that holds the chunk (`const { value } = await reader.read()`);
 * - `result`: a variable that holds the whole result, read as `result.value`;
 * - `node`: the chunk expression itself (`(await reader.read()).value`).
 * `callback` is set when the result is handed to `.then(callback)`.
 */
type ChunkBinding =
  | { readonly kind: 'node'; readonly node: TSESTree.Node; readonly callback: null }
  | { readonly kind: 'result' | 'value'; readonly id: TSESTree.Identifier; readonly callback: FunctionNode | null };

function readBinding(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): ChunkBinding | null {
  const outer = skipWrappersUp(call);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) {
    const result = skipWrappersUp(parent);
    const target = result.parent;
    if (target?.type === AST_NODE_TYPES.MemberExpression && target.object === result && getStaticName(target) === 'value') {
      return { kind: 'node', node: skipWrappersUp(target), callback: null };
    }
    if (target?.type === AST_NODE_TYPES.VariableDeclarator && target.init === result) return patternBinding(target.id, null);
    if (target?.type === AST_NODE_TYPES.AssignmentExpression && target.operator === '=' && target.right === result) {
      return patternBinding(target.left, null);
    }
    return null;
  }
  const then = isMethodCallOn(outer, 'then');
  const callback = then?.arguments[0] && resolveLocalFunction(then.arguments[0], sourceCode);
  const param = callback?.params[0];
  return callback && param ? patternBinding(param, callback) : null;
}

function patternBinding(pattern: TSESTree.Node, callback: FunctionNode | null): ChunkBinding | null {
  if (pattern.type === AST_NODE_TYPES.Identifier) return { kind: 'result', id: pattern, callback };
  const target = patternTarget(pattern, 'value');
  return target && { kind: 'value', id: target, callback };
}

/** The name that `{ key: name }` or `{ key = fallback }` binds in a destructuring pattern. */
function patternTarget(pattern: TSESTree.Node, key: string): TSESTree.Identifier | null {
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return null;
  const property = pattern.properties.find(
    (element): element is TSESTree.Property => element.type === AST_NODE_TYPES.Property && getStaticName(element) === key,
  );
  const target = property?.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property?.value;
  return target?.type === AST_NODE_TYPES.Identifier ? target : null;
}

/** The function whose single run owns the stream: the one that binds it, or `null` at module level. */
export function owningFunction(stream: ByteStream): FunctionNode | null {
  // A parameter's enclosing function is the function it belongs to.
  return getEnclosingFunction(stream.binding);
}

/** Is `identifier` a reference to the runtime's global of that name (not a local or an import)? */
export function isGlobalName(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  // Only the runtime's globals (declared in the config or not at all) have no definition.
  return !variable || variable.defs.length === 0;
}

/** `util`/`node:util` export `TextDecoder` too: https://nodejs.org/api/util.html#class-utiltextdecoder */
const UTIL_MODULES = ['util', 'node:util'] as const;

const textDecoderCache = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.Node>>();

/**
 * Is `node` a `new TextDecoder(...)` of the WHATWG Encoding API: the global (also as
 * `globalThis.TextDecoder`) or the one of `node:util`, however it is imported?
 */
export function isTextDecoderConstruction(node: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
  const callee = skipWrappersDown(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'TextDecoder' && isGlobalName(callee, sourceCode)) {
    return true;
  }
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    getStaticName(callee) === 'TextDecoder' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    GLOBAL_OBJECT_NAMES.includes(callee.object.name) &&
    isGlobalName(callee.object, sourceCode)
  ) {
    return true;
  }
  let constructions = textDecoderCache.get(sourceCode.ast);
  if (!constructions) {
    constructions = utilTextDecoders(sourceCode);
    textDecoderCache.set(sourceCode.ast, constructions);
  }
  return constructions.has(node);
}

function utilTextDecoders(sourceCode: TSESLint.SourceCode): ReadonlySet<TSESTree.Node> {
  const found = new Set<TSESTree.Node>();
  const globalScope = sourceCode.scopeManager?.globalScope;
  /* c8 ignore next -- every parsed file has a global scope */
  if (!globalScope) return found;
  const tracker = createTracker(globalScope);
  const api = { TextDecoder: { [ReferenceTracker.CONSTRUCT]: true } };
  const traceMap = Object.fromEntries(UTIL_MODULES.map((module) => [module, api]));
  for (const reference of tracker.iterateEsmReferences(traceMap)) found.add(reference.node);
  for (const { call, module } of requireCalls(globalScope)) {
    if (Object.hasOwn(traceMap, module)) {
      for (const reference of tracker.iteratePropertyReferences(call, api)) found.add(reference.node);
    }
  }
  return found;
}
