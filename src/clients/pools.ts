/**
 * Connection-pool limits: the option that caps the sockets of a node agent or an undici
 * dispatcher, and the values that mean "no limit", read from the profiles' `pool`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ClientConstruction, HttpModel, OptionsRef } from '../model/http';
import type { PoolLimit } from './profile';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';

import { getStaticName, skipWrappersDown, skipWrappersUp, walk } from '../ast/nodes';
import { lookupOption } from '../model/http';
import { nodeHttpProfile } from './node-http';
import { undiciProfile } from './undici';

/** The node modules whose `globalAgent` serves every request that names no agent. */
const NODE_HTTP_MODULES: ReadonlySet<string> = new Set(Object.keys(nodeHttpProfile.modules));

/** A node agent's socket cap (`maxSockets`), its values that lift the limit, and the cap over all origins. */
const AGENT_POOL: PoolLimit & { readonly totalOption: string } = nodeHttpProfile.pool;

/** An undici pool's or agent's connection cap (`connections`) and its values that lift the limit. */
const UNDICI_POOL: PoolLimit = undiciProfile.pool;

/** A pool option set to a value that lifts the limit: where it is, and what to say about it. */
export type UnlimitedPool =
  | {
      readonly node: TSESTree.Node;
      readonly messageId: 'unlimitedSockets';
      readonly data: { readonly value: string };
    }
  | {
      readonly node: TSESTree.Node;
      readonly messageId: 'unlimitedConnections';
      readonly data: { readonly value: string; readonly kind: 'agent' | 'pool' };
    };

/**
 * The option of `construction` that makes its pool unlimited, if the code says so:
 * `maxSockets: Infinity` on a node (or proxy) agent without a finite `maxTotalSockets`,
 * `connections: 0 | null` on an undici pool or agent. Options that cannot be seen are not reported.
 */
export function unlimitedPoolSetting(construction: ClientConstruction, sourceCode: TSESLint.SourceCode): UnlimitedPool | null {
  const valueOf = (node: TSESTree.Node): unknown => ASTUtils.getStaticValue(node, sourceCode.getScope(node))?.value;
  if (construction.module === 'undici') {
    if (construction.kind === 'client' || construction.kind === 'instance') return null;
    const connections = lookupOption(construction.options, UNDICI_POOL.option);
    if (connections.kind !== 'found') return null;
    const value = valueOf(connections.value);
    if (!UNDICI_POOL.unlimited.includes(value)) return null;
    return {
      node: connections.property,
      messageId: 'unlimitedConnections',
      data: { value: String(value), kind: construction.kind === 'pool' ? 'pool' : 'agent' },
    };
  }
  if (construction.kind !== 'agent' && construction.kind !== 'proxy-agent') return null;
  const options = resolveOptions(construction.options, sourceCode);
  const maxSockets = lookupOption(options, AGENT_POOL.option);
  if (maxSockets.kind !== 'found' || !AGENT_POOL.unlimited.includes(valueOf(maxSockets.value))) return null;
  // A `maxTotalSockets` (other than Infinity) still caps the agent as a whole.
  const total = lookupOption(options, AGENT_POOL.totalOption);
  if (total.kind === 'unknown' || (total.kind === 'found' && valueOf(total.value) !== Infinity)) return null;
  return { node: maxSockets.property, messageId: 'unlimitedSockets', data: { value: sourceCode.getText(maxSockets.value) } };
}

/**
 * `agent.maxSockets = Infinity` on an agent of this file, or on `http(s).globalAgent`: the same
 * unlimited pool, set after the agent was made.
 */
export function unlimitedSocketAssignments(sourceCode: TSESLint.SourceCode, http: HttpModel): UnlimitedPool[] {
  const found: UnlimitedPool[] = [];
  if (!sourceCode.text.includes(AGENT_POOL.option)) return found;
  walk(sourceCode.ast, sourceCode, (node) => {
    if (
      node.type !== AST_NODE_TYPES.AssignmentExpression ||
      node.operator !== '=' ||
      node.left.type !== AST_NODE_TYPES.MemberExpression ||
      getStaticName(node.left) !== AGENT_POOL.option
    ) {
      return undefined;
    }
    const value = ASTUtils.getStaticValue(node.right, sourceCode.getScope(node.right));
    if (!value || !AGENT_POOL.unlimited.includes(value.value)) return undefined;
    if (isAgent(node.left.object, sourceCode, http)) {
      found.push({ node, messageId: 'unlimitedSockets', data: { value: sourceCode.getText(node.right) } });
    }
    return undefined;
  });
  return found;
}

/** Is `node` an agent: `http.globalAgent`, or a variable holding a `new http.Agent()` of this file? */
function isAgent(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, http: HttpModel): boolean {
  const inner = skipWrappersDown(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression && getStaticName(inner) === 'globalAgent') {
    return isNodeHttpModule(inner.object, sourceCode);
  }
  const init = inner.type === AST_NODE_TYPES.Identifier ? constInit(inner, sourceCode) : null;
  const construction = init && http.constructionOf(skipWrappersDown(init));
  return construction !== undefined && construction !== null && (construction.kind === 'agent' || construction.kind === 'proxy-agent');
}

/** Is `node` a binding of `node:http` / `node:https` (an import or a `require`)? */
function isNodeHttpModule(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const inner = skipWrappersDown(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const def = ASTUtils.findVariable(sourceCode.getScope(inner), inner)?.defs[0];
  if (def?.type === TSESLint.Scope.DefinitionType.ImportBinding) {
    const declaration = def.parent as TSESTree.ImportDeclaration;
    return def.node.type !== AST_NODE_TYPES.ImportSpecifier && NODE_HTTP_MODULES.has(declaration.source.value);
  }
  const init = constInit(inner, sourceCode);
  const call = init && skipWrappersDown(init);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require') {
    return false;
  }
  const [first] = call.arguments;
  const name = first && ASTUtils.getStringIfConstant(first);
  return typeof name === 'string' && NODE_HTTP_MODULES.has(name);
}

/** The initialiser of the variable `identifier` names, when it is declared once and never reassigned. */
function constInit(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): TSESTree.Expression | null {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return null;
  if (variable?.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  return def.node.init;
}

/**
 * Options passed as a variable: the object literal it is initialised with, when nothing else in
 * the file can change it (no member writes, not handed to another call); otherwise unknown.
 */
function resolveOptions(options: OptionsRef, sourceCode: TSESLint.SourceCode): OptionsRef {
  const node = options.kind === 'unknown' && options.node ? skipWrappersDown(options.node) : null;
  if (node?.type !== AST_NODE_TYPES.Identifier) return options;
  const init = constInit(node, sourceCode);
  const object = init && skipWrappersDown(init);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return options;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  const changed = variable?.references.some((reference) => {
    if (reference.init || reference.identifier === node) return false;
    const outer = skipWrappersUp(reference.identifier);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
      const use = skipWrappersUp(parent).parent;
      return use?.type === AST_NODE_TYPES.AssignmentExpression || use?.type === AST_NODE_TYPES.UpdateExpression || use?.type === AST_NODE_TYPES.UnaryExpression;
    }
    return parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression;
  });
  return changed === false ? { kind: 'object', node: object } : options;
}
