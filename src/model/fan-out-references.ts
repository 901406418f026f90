/**
 * Request functions of client libraries read rather than called: `urls.map(fetch)`,
 * `ids.map(axios.get)`. Array methods call them once per element, so they fan out like a callback
 * that sends a request.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ApiShape } from '../clients/catalogue';
import type { TraceMap, TraceMapElement } from '../ast/reference-tracker';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import { getStaticName, skipWrappersUp } from '../ast/nodes';

import { GLOBAL_FETCH_SHAPE, GLOBAL_OBJECT_NAMES, MODULE_SHAPES } from '../clients/catalogue';
import { createTracker } from '../ast/reference-tracker';
import { globalReferencesOf, requireCalls } from '../ast/scope';

const { READ } = ASTUtils.ReferenceTracker;

const readMaps = new Map<ApiShape, TraceMapElement>();

/** A trace map that reads every request function of `shape` (constructors and factories are left out). */
function readMapOf(shape: ApiShape): TraceMapElement {
  const known = readMaps.get(shape);
  if (known) return known;
  const map: Record<string | symbol, unknown> = {};
  readMaps.set(shape, map as TraceMapElement);
  if (shape.call?.role === 'request') map[READ] = true;
  for (const [key, member] of Object.entries(shape.members ?? {})) {
    if (member.call?.role === 'request' || member.members) map[key] = readMapOf(member);
  }
  return map as TraceMapElement;
}

let esmMap: TraceMap | undefined;

/** The reads of library request functions in the file: the identifiers and member expressions. */
export function requestFunctionReferences(sourceCode: TSESLint.SourceCode): ReadonlySet<TSESTree.Node> {
  const found = new Set<TSESTree.Node>();
  const globalScope = sourceCode.getScope(sourceCode.ast);
  const tracker = createTracker<true>(globalScope);
  esmMap ??= Object.fromEntries(
    Object.entries(MODULE_SHAPES).map(([module, shape]) => {
      const map = readMapOf(shape);
      return [module, { ...map, default: map }];
    }),
  ) as TraceMap;
  for (const reference of tracker.iterateEsmReferences(esmMap)) found.add(reference.node);
  // The tracker reports what is read below an import, never the imported name itself.
  const addReads = (variable: TSESLint.Scope.Variable | undefined): void => {
    for (const reference of variable?.references ?? []) if (reference.isRead()) found.add(reference.identifier);
  };
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !Object.hasOwn(MODULE_SHAPES, statement.source.value)) continue;
    const shape = MODULE_SHAPES[statement.source.value] as ApiShape;
    for (const specifier of statement.specifiers) {
      const imported =
        specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
          ? shape
          : specifier.type === AST_NODE_TYPES.ImportSpecifier
            ? shape.members?.[specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value]
            : undefined;
      if (imported?.call?.role === 'request') addReads(sourceCode.getDeclaredVariables(specifier)[0]);
    }
  }
  for (const { call, module } of requireCalls(globalScope)) {
    const map = Object.hasOwn(esmMap, module) ? esmMap[module] : undefined;
    if (!map) continue;
    for (const reference of tracker.iteratePropertyReferences(call, map)) found.add(reference.node);
    const shape = MODULE_SHAPES[module] as ApiShape;
    const declarator = skipWrappersUp(call).parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator) continue;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) {
      if (shape.call?.role === 'request') addReads(sourceCode.getDeclaredVariables(declarator)[0]);
      continue;
    }
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
      const name = getStaticName(property);
      if (name !== null && shape.members?.[name]?.call?.role === 'request') {
        addReads(sourceCode.getDeclaredVariables(declarator).find((variable) => variable.identifiers.includes(property.value as TSESTree.Identifier)));
      }
    }
  }
  const fetchMap = readMapOf(GLOBAL_FETCH_SHAPE);
  const globals = globalReferencesOf(globalScope, ['fetch', ...GLOBAL_OBJECT_NAMES]);
  for (const [name, identifiers] of globals) {
    const map = name === 'fetch' ? fetchMap : ({ fetch: fetchMap } as unknown as TraceMapElement);
    for (const identifier of identifiers) {
      // The tracker reports what is read below a root, never the root itself.
      if (name === 'fetch') found.add(identifier);
      for (const reference of tracker.iteratePropertyReferences(identifier, map)) found.add(reference.node);
    }
  }
  return found;
}
