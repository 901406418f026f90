/**
 * The network calls of well-known SDKs in one file (see `clients/sdks.ts`): an instance created
 * from an SDK's class, followed through the variable or `this` field it is stored in, and the
 * method calls made on it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SdkClient, SdkModule } from '../clients/sdks';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { getStaticName, nodesOfType, skipWrappersUp } from '../ast/nodes';
import { enclosingClassBody, getFieldStore, requireCalls } from '../ast/scope';
import { mentionsSdk, sdkClientOf, sdkModule, sendsRequest } from '../clients/sdks';

/** How a name bound in the file relates to an SDK module. */
type Binding =
  /** The module object: `import * as k8s`, `const Stripe = require('stripe')`, a default import. */
  | { readonly kind: 'module'; readonly module: SdkModule }
  /** A class or factory export: `import { S3Client }`. */
  | { readonly kind: 'class'; readonly client: SdkClient };

/** The SDK request calls of the file: method calls on SDK clients. */
export function findSdkRequests(sourceCode: TSESLint.SourceCode): ReadonlySet<TSESTree.CallExpression> {
  const requests = new Set<TSESTree.CallExpression>();
  if (!mentionsSdk(sourceCode.text)) return requests;
  const globalScope = sourceCode.getScope(sourceCode.ast);
  let thisMembers: TSESTree.MemberExpression[] | undefined;
  /** Instances already followed, so a client reached twice is followed once. */
  const followed = new Set<TSESTree.Node>();

  function bindVariable(variable: TSESLint.Scope.Variable | undefined, binding: Binding): void {
    for (const reference of variable?.references ?? []) {
      if (reference.isRead()) useBinding(reference.identifier, binding);
    }
  }

  /** A read of a module or class: `new S3Client()`, `Stripe(key)`, `k8s.CoreV1Api`, `sgMail.send()`. */
  function useBinding(node: TSESTree.Node, binding: Binding): void {
    const outer = skipWrappersUp(node);
    const parent = outer.parent;
    if (binding.kind === 'module') {
      const own = sdkClientOf(binding.module, '');
      if (own && isCreation(parent, outer)) follow(parent as TSESTree.Node, own);
      if (binding.module.module) useInstance(node, binding.module.module);
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
        const name = getStaticName(parent);
        const client = name === null ? undefined : sdkClientOf(binding.module, name === 'default' ? '' : name);
        if (client) useBinding(parent, { kind: 'class', client });
      }
      return;
    }
    if (isCreation(parent, outer)) {
      follow(parent as TSESTree.Node, binding.client);
      return;
    }
    // `DynamoDBDocumentClient.from(client)`
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
      const name = getStaticName(parent);
      const member = skipWrappersUp(parent);
      const call = member.parent;
      if (name !== null && binding.client.statics?.includes(name) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) {
        follow(call, binding.client);
      }
    }
  }

  /** The uses of an instance created by `node`: through its variable, its `this` field, or right there. */
  function follow(node: TSESTree.Node, client: SdkClient): void {
    if (followed.has(node)) return;
    followed.add(node);
    const outer = skipWrappersUp(node);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier) {
      for (const reference of sourceCode.getDeclaredVariables(parent)[0]?.references ?? []) {
        if (reference.isRead()) useInstance(reference.identifier, client);
      }
      return;
    }
    const store = getFieldStore(node);
    if (store) {
      thisMembers ??= collectThisMembers(sourceCode);
      for (const member of thisMembers) {
        if (member !== store.store && getStaticName(member) === store.field && enclosingClassBody(member) === store.classBody) {
          useInstance(member, client);
        }
      }
      return;
    }
    useInstance(node, client);
  }

  /** `client.a.b.c(...)`: a request unless the catalogue says the member is local. */
  function useInstance(node: TSESTree.Node, client: SdkClient): void {
    let top = skipWrappersUp(node);
    const names: string[] = [];
    while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
      names.push(getStaticName(top.parent) ?? '');
      top = skipWrappersUp(top.parent);
    }
    const call = top.parent;
    const [first] = names;
    if (first === undefined || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== top) return;
    if (names.length === 1 && client.factories?.includes(first)) follow(call, {});
    else if (sendsRequest(client, first, names.length)) requests.add(call);
  }

  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    const module = sdkModule(statement.source.value);
    if (!module) continue;
    for (const specifier of statement.specifiers) {
      const variable = sourceCode.getDeclaredVariables(specifier)[0];
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) {
        bindVariable(variable, { kind: 'module', module });
        continue;
      }
      const name = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      const client = sdkClientOf(module, name === 'default' ? '' : name);
      if (client) bindVariable(variable, { kind: 'class', client });
    }
  }
  for (const { call, module: name } of requireCalls(globalScope)) {
    const module = sdkModule(name);
    if (!module) continue;
    const outer = skipWrappersUp(call);
    const declarator = outer.parent;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === outer && declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of declarator.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        const key = getStaticName(property);
        const client = key === null ? undefined : sdkClientOf(module, key);
        const variable = sourceCode.getDeclaredVariables(declarator).find((candidate) => candidate.identifiers.includes(property.value as TSESTree.Identifier));
        if (client) bindVariable(variable, { kind: 'class', client });
      }
    } else if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === outer) {
      bindVariable(sourceCode.getDeclaredVariables(declarator)[0], { kind: 'module', module });
    } else {
      useBinding(call, { kind: 'module', module });
    }
  }
  return requests;
}

/** Is `parent` a `new X()` or `X()` of `callee`? */
function isCreation(parent: TSESTree.Node | undefined, callee: TSESTree.Node): boolean {
  return (
    (parent?.type === AST_NODE_TYPES.NewExpression || parent?.type === AST_NODE_TYPES.CallExpression) && parent.callee === callee
  );
}

function collectThisMembers(sourceCode: TSESLint.SourceCode): TSESTree.MemberExpression[] {
  return nodesOfType(sourceCode, AST_NODE_TYPES.MemberExpression).filter((node) => node.object.type === AST_NODE_TYPES.ThisExpression);
}
