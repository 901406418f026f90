import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { TraceMap, TrackedReference } from '../ast/reference-tracker';
import type { ApiShape, ConstructedKind } from '../clients/catalogue';
import type { HttpModel } from './http';
import { getStaticName, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { createTracker } from '../ast/reference-tracker';
import { interopWrapperOf, requireCalls } from '../ast/scope';
import { AGENT_CLASS_NAME, AGENT_FACTORY_MODULES, AGENT_OPTION_KEYS, GOT_AGENT_KEYS } from '../clients/agents';
import { MODULE_SHAPES } from '../clients/catalogue';

const { ReferenceTracker } = ASTUtils;

/** What a construction makes: something that owns sockets, or an `instance` sharing its transport. */
export type ClientKind = ConstructedKind | 'instance';

/** An export that creates a client, agent or pool, named by module and export path. */
export interface AdditionalClient {
  readonly module: string;
  /** `default` for the module itself, or a name or dotted path (`Agent.Https`). */
  readonly export: string;
  /** Defaults to `client`. */
  readonly kind?: ClientKind;
}

/** A construction of a client, agent or pool, with what messages and fixes need to know about it. */
export interface Construction {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly kind: ClientKind;
  /** How the code names it, for messages: `new PinnedAgent()`, `createClient()`. */
  readonly label: string;
  /** Its instance is configured after it was made (interceptors, defaults). */
  readonly mutated: boolean;
}

/**
 * Finds calls and `new` of the exports that `additionalClients` names, in every import shape:
 * ESM default, named, namespace, `require()` and its properties.
 */
export function findAdditionalConstructions(
  sourceCode: TSESLint.SourceCode,
  entries: readonly AdditionalClient[],
  model: HttpModel,
): Construction[] {
  return findExportConstructions(sourceCode, entries, model);
}

/**
 * Agents the HTTP model does not construct itself, from what the code shows:
 * - calls of agent factories (`tunnel.httpsOverHttp(options)`);
 * - `new` of a class of the file that extends a known agent class (`class PinnedAgent extends
 *   https.Agent`, `extends EnvHttpProxyAgent`), directly or through another such class;
 * - `new XyzAgent(...)` / `new XyzDispatcher(...)` of an unknown class written directly as the
 *   `agent`, `httpAgent`, `httpsAgent` or `dispatcher` option of a request: the option key says
 *   what it is.
 * None of them is one the model already knows (`model.constructionOf`).
 */
export function findAgentConstructions(sourceCode: TSESLint.SourceCode, model: HttpModel): Construction[] {
  const found: Construction[] = findExportConstructions(sourceCode, AGENT_FACTORY_ENTRIES, model);
  const seen = new Set<TSESTree.Node>(found.map((construction) => construction.node));
  const add = (node: TSESTree.NewExpression, kind: ClientKind): void => {
    if (seen.has(node) || model.constructionOf(node)) return;
    seen.add(node);
    found.push({ node, kind, label: labelOf(node, sourceCode), mutated: false });
  };
  for (const { node, kind } of findAgentSubclassConstructions(sourceCode)) add(node, kind);
  for (const { node, kind } of findInteropConstructions(sourceCode)) add(node, kind);
  for (const request of model.requests) {
    if (request.options.kind !== 'object') continue;
    for (const value of agentOptionValues(request.options.node)) {
      const inner = skipWrappersDown(value);
      if (inner.type !== AST_NODE_TYPES.NewExpression) continue;
      const name = calleeName(inner.callee);
      if (name !== null && AGENT_CLASS_NAME.test(name)) add(inner, 'agent');
    }
  }
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * SDK clients that build their own HTTP client (an axios instance, an agent) when constructed, so
 * that one made per call sends that call's requests over fresh connections and settings:
 * Slack's `WebClient`, Azure DevOps' `WebApi`, the Firecrawl client and Shortcut's `ShortcutClient`.
 */
const SDK_CLIENT_ENTRIES: readonly AdditionalClient[] = [
  { module: '@slack/web-api', export: 'WebClient', kind: 'instance' },
  { module: 'azure-devops-node-api', export: 'WebApi', kind: 'instance' },
  { module: 'firecrawl', export: 'default', kind: 'instance' },
  { module: 'firecrawl', export: 'Firecrawl', kind: 'instance' },
  { module: 'firecrawl', export: 'FirecrawlApp', kind: 'instance' },
  { module: '@mendable/firecrawl-js', export: 'default', kind: 'instance' },
  { module: '@mendable/firecrawl-js', export: 'Firecrawl', kind: 'instance' },
  { module: '@mendable/firecrawl-js', export: 'FirecrawlApp', kind: 'instance' },
  { module: '@shortcut/client', export: 'ShortcutClient', kind: 'instance' },
];

/** `new` of the SDK clients of {@link SDK_CLIENT_ENTRIES} that the HTTP model does not construct itself. */
export function findSdkConstructions(sourceCode: TSESLint.SourceCode, model: HttpModel): Construction[] {
  return findExportConstructions(sourceCode, SDK_CLIENT_ENTRIES, model).filter(
    (construction) => construction.node.type === AST_NODE_TYPES.NewExpression,
  );
}

/** The exports of {@link AGENT_FACTORY_MODULES}, as entries to track. */
const AGENT_FACTORY_ENTRIES: readonly AdditionalClient[] = Object.entries(AGENT_FACTORY_MODULES).flatMap(([module, exports]) =>
  Object.entries(exports).map(([name, kind]) => ({ module, export: name, kind })),
);

/** Calls and `new` of the given exports, in every import shape. */
function findExportConstructions(
  sourceCode: TSESLint.SourceCode,
  entries: readonly AdditionalClient[],
  model: HttpModel,
): Construction[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (entries.length === 0 || !globalScope) return [];
  const roots = new Map<string, Record<string | symbol, unknown>>();
  for (const entry of entries) {
    let root = roots.get(entry.module);
    if (!root) {
      root = {};
      roots.set(entry.module, root);
    }
    let target = root;
    for (const key of entry.export.split('.').filter((part, index) => !(index === 0 && part === 'default'))) {
      target[key] ??= {};
      target = target[key] as Record<string | symbol, unknown>;
    }
    target[ReferenceTracker.CALL] = entry;
    target[ReferenceTracker.CONSTRUCT] = entry;
  }
  const found = trackReferences<AdditionalClient>(globalScope, withDefault(roots));
  const constructions: Construction[] = [];
  const seen = new Set<TSESTree.Node>();
  for (const { node, info } of found) {
    if (
      (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) ||
      seen.has(node) ||
      model.constructionOf(node)
    ) {
      continue;
    }
    seen.add(node);
    constructions.push({ node, kind: info.kind ?? 'client', label: labelOf(node, sourceCode), mutated: false });
  }
  return constructions;
}

/** A module's default export and its `module.exports` are both the module itself. */
function withDefault(roots: ReadonlyMap<string, Record<string | symbol, unknown>>): TraceMap {
  return Object.fromEntries([...roots].map(([module, root]) => [module, { ...root, default: root }])) as unknown as TraceMap;
}

function trackReferences<Info>(globalScope: TSESLint.Scope.Scope, traceMap: TraceMap): TrackedReference<Info>[] {
  const tracker = createTracker<Info>(globalScope);
  const found: TrackedReference<Info>[] = [...tracker.iterateEsmReferences(traceMap)];
  for (const { call, module } of requireCalls(globalScope)) {
    const map = Object.hasOwn(traceMap, module) ? traceMap[module] : undefined;
    if (map) found.push(...tracker.iteratePropertyReferences(call, map));
  }
  return found;
}


/**
 * A trace map of every agent, pool and client class of the catalogue, each marked with `key`
 * (`ReferenceTracker.CONSTRUCT` for `new X()`, `ReferenceTracker.READ` for reads of `X`) and the kind
 * it constructs. Built once per key: it depends only on the catalogue.
 */
const agentClassMaps = new Map<symbol, TraceMap>();

function agentClassMap(key: symbol): TraceMap {
  const known = agentClassMaps.get(key);
  if (known) return known;
  const build = (shape: ApiShape): Record<string | symbol, unknown> | null => {
    const element: Record<string | symbol, unknown> = {};
    let useful = false;
    if (shape.construct) {
      element[key] = shape.construct.kind;
      useful = true;
    }
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const child = build(member);
      if (child) {
        element[name] = child;
        useful = true;
      }
    }
    return useful ? element : null;
  };
  const roots = new Map<string, Record<string | symbol, unknown>>();
  for (const [module, shape] of Object.entries(MODULE_SHAPES)) {
    const root = build(shape);
    if (root) roots.set(module, root);
  }
  const map = withDefault(roots);
  agentClassMaps.set(key, map);
  return map;
}

/**
 * `new` of the catalogue's agent, pool and client classes of a module required through a
 * compiler's interop helper: `const https = __importStar(require('node:https')); new https.Agent()`,
 * `undici_1.default.Pool` after `__importDefault(require('undici'))`.
 */
function findInteropConstructions(sourceCode: TSESLint.SourceCode): { node: TSESTree.NewExpression; kind: ConstructedKind }[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const traceMap = agentClassMap(ReferenceTracker.CONSTRUCT);
  const tracker = createTracker<ConstructedKind>(globalScope);
  const found: { node: TSESTree.NewExpression; kind: ConstructedKind }[] = [];
  for (const { call, module } of requireCalls(globalScope)) {
    const map = Object.hasOwn(traceMap, module) ? traceMap[module] : undefined;
    const wrapper = map ? interopWrapperOf(call) : null;
    if (!map || !wrapper) continue;
    for (const { node, info } of tracker.iteratePropertyReferences(wrapper, map)) {
      if (node.type === AST_NODE_TYPES.NewExpression) found.push({ node, kind: info });
    }
  }
  return found;
}

/** `new Sub()` of the classes of the file that extend a known agent class, with the kind they inherit. */
function findAgentSubclassConstructions(
  sourceCode: TSESLint.SourceCode,
): { node: TSESTree.NewExpression; kind: ConstructedKind }[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope || !/\bextends\b/u.test(sourceCode.text)) return [];
  const pending: { superClass: TSESTree.Node; kind: ConstructedKind }[] = [];
  for (const { node, info } of trackReferences<ConstructedKind>(globalScope, agentClassMap(ReferenceTracker.READ))) {
    // A named import or destructured `require` is reported at its binding: follow the local name.
    const binding = bindingIdentifier(node);
    const variable = binding && ASTUtils.findVariable(sourceCode.getScope(binding), binding);
    if (!binding) pending.push({ superClass: node, kind: info });
    for (const reference of variable?.references ?? []) {
      if (reference.identifier !== binding) pending.push({ superClass: reference.identifier, kind: info });
    }
  }
  const constructions: { node: TSESTree.NewExpression; kind: ConstructedKind }[] = [];
  const classes = new Set<TSESTree.Node>();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const outer = skipWrappersUp(next.superClass);
    const classNode = outer.parent;
    if (
      (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression) ||
      classNode.superClass !== outer ||
      classes.has(classNode)
    ) {
      continue;
    }
    classes.add(classNode);
    for (const reference of classVariable(classNode, sourceCode)?.references ?? []) {
      const read = skipWrappersUp(reference.identifier);
      const parent = read.parent;
      if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === read) {
        constructions.push({ node: parent, kind: next.kind });
      } else {
        // `class StrictAgent extends PinnedAgent`: a subclass of a subclass.
        pending.push({ superClass: reference.identifier, kind: next.kind });
      }
    }
  }
  return constructions;
}

/** The local name a tracked import specifier or `{ Agent } = require(...)` pattern binds. */
function bindingIdentifier(node: TSESTree.Node): TSESTree.Identifier | null {
  switch (node.type) {
    case AST_NODE_TYPES.ImportSpecifier:
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return node.local;
    case AST_NODE_TYPES.Property:
      return node.value.type === AST_NODE_TYPES.Identifier ? node.value : null;
    default:
      return null;
  }
}

/** The variable a class is bound to outside its body: `class X {}` or `const X = class {}`. */
function classVariable(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  sourceCode: TSESLint.SourceCode,
): TSESLint.Scope.Variable | undefined {
  if (classNode.type === AST_NODE_TYPES.ClassDeclaration) {
    return sourceCode.getDeclaredVariables(classNode).find((variable) => variable.scope.block !== classNode);
  }
  const holder = skipWrappersUp(classNode).parent;
  return holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier
    ? sourceCode.getDeclaredVariables(holder)[0]
    : undefined;
}

/** The values of the agent options of a request's options literal, got's `agent: { https }` included. */
function agentOptionValues(options: TSESTree.ObjectExpression): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getStaticName(property);
    if (key === null || !AGENT_OPTION_KEYS.has(key)) continue;
    const value = skipWrappersDown(property.value);
    if (key === 'agent' && value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const inner of value.properties) {
        const name = inner.type === AST_NODE_TYPES.Property ? getStaticName(inner) : null;
        if (inner.type === AST_NODE_TYPES.Property && name !== null && GOT_AGENT_KEYS.has(name)) values.push(inner.value);
      }
    } else {
      values.push(value);
    }
  }
  return values;
}

/** `XyzAgent` of `new XyzAgent()` or `new lib.XyzAgent()`. */
function calleeName(callee: TSESTree.Node): string | null {
  const inner = skipWrappersDown(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  return inner.type === AST_NODE_TYPES.MemberExpression ? getStaticName(inner) : null;
}

function labelOf(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): string {
  const callee = skipWrappersDown(node.callee);
  let name = sourceCode.getText(callee);
  if (name.length > 40 || name.includes('\n')) {
    name = (callee.type === AST_NODE_TYPES.MemberExpression ? getStaticName(callee) : null) ?? 'client';
  }
  return node.type === AST_NODE_TYPES.NewExpression ? `new ${name}()` : `${name}()`;
}
