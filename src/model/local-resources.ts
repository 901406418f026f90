import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import { getStaticName, isMemberNamed, skipWrappersDown } from '../ast/nodes';

/**
 * URLs that name a resource of the page or the module rather than a server: `fetch()` of them
 * never touches the network, so no rule about requests applies. Every rule asks through
 * `isLocalResourceRequest`.
 */

/** Schemes that `fetch` resolves without a network request. https://fetch.spec.whatwg.org/#scheme-fetch */
const LOCAL_SCHEME = /^(?:data|blob|file):/iu;

/** How far constants are followed; a URL is rarely built through more. */
const MAX_DEPTH = 3;

/**
 * Is `node` certainly a local resource URL? `data:`, `blob:` and `file:` URLs written in place, in
 * a template or concatenation that starts with one, or held in a constant;
 * `URL.createObjectURL(blob)` (a `blob:` URL); `canvas.toDataURL()` (a `data:` URL); a
 * `new URL('./asset', import.meta.url)` shipped with the module. `new URL('/api/x', base)` is a
 * request like any other.
 */
export function isLocalResourceUrl(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  let url = skipWrappersDown(node);
  // `new URL(...).href` and `url.toString()` name the same resource as the URL.
  if (isMemberNamed(url, 'href')) url = skipWrappersDown(url.object);
  else if (url.type === AST_NODE_TYPES.CallExpression && isMemberNamed(url.callee, 'toString') && url.arguments.length === 0) {
    url = skipWrappersDown(url.callee.object);
  }
  switch (url.type) {
    case AST_NODE_TYPES.Literal:
      return typeof url.value === 'string' && LOCAL_SCHEME.test(url.value);
    case AST_NODE_TYPES.TemplateLiteral: {
      const head = url.quasis[0]?.value.cooked ?? '';
      if (head !== '') return LOCAL_SCHEME.test(head);
      // `${objectUrl}#page=2`: the URL starts with whatever the first expression is.
      const first = url.expressions[0];
      return first !== undefined && isLocalResourceUrl(first, sourceCode, depth + 1);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return url.operator === '+' && isLocalResourceUrl(url.left, sourceCode, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const init = constantInitializer(url, sourceCode);
      return init !== null && isLocalResourceUrl(init, sourceCode, depth + 1);
    }
    case AST_NODE_TYPES.CallExpression:
      return isObjectUrlCall(url, sourceCode) || isMemberNamed(url.callee, 'toDataURL');
    case AST_NODE_TYPES.NewExpression:
      return isModuleAsset(url, sourceCode);
    default:
      return false;
  }
}

/** `URL.createObjectURL(x)` of the global `URL`: a `blob:` URL. https://developer.mozilla.org/en-US/docs/Web/API/URL/createObjectURL_static */
function isObjectUrlCall(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const callee = skipWrappersDown(call.callee);
  return (
    isMemberNamed(callee, 'createObjectURL') &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'URL' &&
    isGlobal(callee.object, sourceCode)
  );
}

/**
 * `new URL(path, import.meta.url)`: a file next to the module, which bundlers ship with it; or
 * `new URL(local)` of a local URL.
 */
function isModuleAsset(node: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'URL' || !isGlobal(node.callee, sourceCode)) {
    return false;
  }
  const [input, base] = node.arguments;
  if (base === undefined) return input !== undefined && isLocalResourceUrl(input, sourceCode, MAX_DEPTH);
  const inner = skipWrappersDown(base);
  return (
    inner.type === AST_NODE_TYPES.MemberExpression &&
    inner.object.type === AST_NODE_TYPES.MetaProperty &&
    getStaticName(inner) === 'url'
  );
}

/** Is `identifier` a global the file does not declare? */
function isGlobal(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return !variable || variable.defs.length === 0;
}

/** The initialiser of a variable declared once and never reassigned, or `null`. */
function constantInitializer(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): TSESTree.Expression | null {
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (
    definition?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
    definition.node.id.type !== AST_NODE_TYPES.Identifier ||
    variable?.references.some((reference) => reference.isWrite() && reference.init !== true)
  ) {
    return null;
  }
  return definition.node.init;
}
