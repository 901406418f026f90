import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { TraceMap, TrackedReference } from '../ast/reference-tracker';
import type { ConstructedKind } from '../clients/catalogue';
import type { HttpModel } from './http';
import { getStaticName, skipWrappersDown } from '../ast/nodes';
import { createTracker } from '../ast/reference-tracker';
import { requireCalls } from '../ast/scope';

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
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (entries.length === 0 || !globalScope) return [];
  const { ReferenceTracker } = ASTUtils;
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
  // A module's default export and its `module.exports` are both the module itself.
  const traceMap = Object.fromEntries(
    [...roots].map(([module, root]) => [module, { ...root, default: root }]),
  ) as unknown as TraceMap;
  const tracker = createTracker<AdditionalClient>(globalScope);
  const found: TrackedReference<AdditionalClient>[] = [...tracker.iterateEsmReferences(traceMap)];
  for (const { call, module } of requireCalls(globalScope)) {
    const map = Object.hasOwn(traceMap, module) ? traceMap[module] : undefined;
    if (map) found.push(...tracker.iteratePropertyReferences(call, map));
  }
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

function labelOf(node: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): string {
  const callee = skipWrappersDown(node.callee);
  let name = sourceCode.getText(callee);
  if (name.length > 40 || name.includes('\n')) {
    name = (callee.type === AST_NODE_TYPES.MemberExpression ? getStaticName(callee) : null) ?? 'client';
  }
  return node.type === AST_NODE_TYPES.NewExpression ? `new ${name}()` : `${name}()`;
}
