/**
 * What the plugin knows about web frameworks: how a function is visibly an HTTP route handler,
 * whose every run serves one request. Express, Fastify, Koa Router, Hono and Hapi register
 * handlers through router methods; Node's `http.createServer` takes a request listener; Next.js
 * route modules export handlers named after HTTP methods; NestJS marks controller methods with
 * route decorators.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast/nodes';
import { getDecorators, getFunctionName, getStaticName, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { functionVariable } from '../model/lifetime';

/**
 * The kind of server code a handler belongs to, which decides where a shared client should live:
 * `nest` — a NestJS controller; `next` — a Next.js route module or server action, evaluated once
 * per server instance; `server` — a router or request listener registered at start-up.
 */
export type Framework = 'nest' | 'next' | 'server';

/** A function that runs once per HTTP request the server handles. */
export interface RouteHandler {
  readonly framework: Framework;
  /** How messages name it: `the route handler passed to \`app.get\``, `the NestJS route handler \`find\``. */
  readonly description: string;
}

/** Methods of Express, Fastify, Koa Router, Hono and similar routers that register a route handler. */
export const ROUTE_METHODS: ReadonlySet<string> = new Set([
  'all',
  'del',
  'delete',
  'get',
  'head',
  'options',
  'patch',
  'post',
  'put',
]);

/**
 * HTTP methods a Next.js App Router route module exports as handlers.
 * https://nextjs.org/docs/app/building-your-application/routing/route-handlers
 */
export const NEXT_ROUTE_EXPORTS: ReadonlySet<string> = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);

/** NestJS route decorators from `@nestjs/common`. https://docs.nestjs.com/controllers#routing */
export const NEST_ROUTE_DECORATORS: ReadonlySet<string> = new Set([
  'All',
  'Delete',
  'Get',
  'Head',
  'Options',
  'Patch',
  'Post',
  'Put',
  'Sse',
]);

/**
 * Recognises a function that is visibly an HTTP route handler: registered on an Express, Fastify,
 * Koa or Hono router, given to `http.createServer`, a Next.js route export or server action, or a
 * NestJS controller method.
 */
export function findRouteHandler(fn: FunctionNode, sourceCode: TSESLint.SourceCode, filename: string): RouteHandler | null {
  const name = getFunctionName(fn, sourceCode);
  const named = (what: string): string => (name === null ? `this ${what}` : `the ${what} \`${name}\``);
  if (fn.parent.type === AST_NODE_TYPES.MethodDefinition && hasNestRouteDecorator(fn.parent, sourceCode)) {
    return { framework: 'nest', description: named('NestJS route handler') };
  }
  const exported = moduleExport(fn);
  if (exported) {
    if (exported.name !== null && NEXT_ROUTE_EXPORTS.has(exported.name)) {
      return { framework: 'next', description: named('Next.js route handler') };
    }
    if (exported.isDefault && fn.params.length >= 2 && /(?:^|\/)pages\/api\//u.test(filename.replaceAll('\\', '/'))) {
      return { framework: 'next', description: named('Next.js API route') };
    }
    if (fn.async && hasDirective(sourceCode.ast.body, 'use server')) {
      return { framework: 'next', description: named('server action') };
    }
  }
  if (fn.body.type === AST_NODE_TYPES.BlockStatement && hasDirective(fn.body.body, 'use server')) {
    return { framework: 'next', description: named('server action') };
  }
  const direct = routeRegistration(fn, fn, sourceCode);
  if (direct) return { framework: 'server', description: `the ${direct.what} passed to \`${direct.via}\`` };
  const variable = name === null ? null : functionVariable(fn, sourceCode);
  for (const reference of variable?.references ?? []) {
    const registration = routeRegistration(reference.identifier, fn, sourceCode);
    if (registration) return { framework: 'server', description: named(registration.what) };
  }
  return null;
}

/** The callee as written (`app.get`), `.method` when that is too long, or `null`. */
export function calleeText(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: TSESLint.SourceCode,
): string | null {
  const callee = skipWrappersDown(call.callee);
  const text = sourceCode.getText(callee);
  if (text.length <= 40 && !text.includes('\n')) return text;
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticName(callee) : null;
  return name === null ? null : `.${name}`;
}

/** How a function is registered as a handler: what it is, and the call that registers it. */
interface Registration {
  readonly what: 'middleware' | 'request handler' | 'route handler';
  readonly via: string;
}

/** Is `node` (the function, or a reference to it) an argument that registers `fn` as a route handler? */
function routeRegistration(node: TSESTree.Node, fn: FunctionNode, sourceCode: TSESLint.SourceCode): Registration | null {
  const outer = skipWrappersUp(node);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === outer && getStaticName(parent) === 'handler') {
    // fastify.route({ method, url, handler }) and Hapi's server.route({ handler }).
    const call = parent.parent.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = skipWrappersDown(call.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && getStaticName(callee) === 'route'
      ? { what: 'route handler', via: calleeText(call, sourceCode) ?? 'route' }
      : null;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === outer || fn.params.length === 0) return null;
  const callee = skipWrappersDown(parent.callee);
  const via = calleeText(parent, sourceCode) ?? 'a router';
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return callee.name === 'createServer' ? { what: 'request handler', via } : null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticName(callee);
  const first = parent.arguments[0];
  if (method === 'createServer') return { what: 'request handler', via };
  if (method === 'on' && first && ASTUtils.getStringIfConstant(first) === 'request') {
    return { what: 'request handler', via };
  }
  // `app.use((req, res, next) => ...)` is middleware; `api.interceptors.request.use(fn)` is not.
  if (method === 'use' && fn.params.length >= 2 && !/\binterceptors\b/u.test(sourceCode.getText(callee))) {
    return { what: 'middleware', via };
  }
  if (
    method !== null &&
    ROUTE_METHODS.has(method) &&
    ((first && first !== outer && isRoutePath(first)) || isRouteChain(callee.object))
  ) {
    return { what: 'route handler', via };
  }
  return null;
}

/** A route path: `'/users/:id'`, a template, a regular expression, or a list of them. */
function isRoutePath(node: TSESTree.Node): boolean {
  const inner = skipWrappersDown(node);
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'string' || isRegexLiteral(inner);
  if (inner.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (inner.type === AST_NODE_TYPES.ArrayExpression) {
    return inner.elements.length > 0 && inner.elements.every((element) => element !== null && isRoutePath(element));
  }
  return false;
}

/** A regular expression literal, also where the runtime cannot build its `RegExp` value. */
function isRegexLiteral(node: TSESTree.Literal): boolean {
  return (node as Partial<TSESTree.RegExpLiteral>).regex !== undefined;
}

/** `router.route('/users').get(...).post(...)`: Express's chained route. */
function isRouteChain(node: TSESTree.Node): boolean {
  const inner = skipWrappersDown(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappersDown(inner.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticName(callee);
  if (method === 'route') return true;
  return method !== null && ROUTE_METHODS.has(method) && isRouteChain(callee.object);
}

function hasNestRouteDecorator(method: TSESTree.MethodDefinition, sourceCode: TSESLint.SourceCode): boolean {
  return getDecorators(method).some((decorator) => {
    const expression = skipWrappersDown(decorator.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipWrappersDown(expression.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0];
    return (
      definition?.type === TSESLintValues.Scope.DefinitionType.ImportBinding &&
      definition.parent.type === AST_NODE_TYPES.ImportDeclaration &&
      definition.parent.source.value === '@nestjs/common' &&
      definition.node.type === AST_NODE_TYPES.ImportSpecifier &&
      NEST_ROUTE_DECORATORS.has(
        definition.node.imported.type === AST_NODE_TYPES.Identifier
          ? definition.node.imported.name
          : definition.node.imported.value,
      )
    );
  });
}

/** How `fn` is exported from the module, if it is: `export function GET`, `export const POST = ...`, `export default`. */
function moduleExport(fn: FunctionNode): { name: string | null; isDefault: boolean } | null {
  if (fn.parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { name: null, isDefault: true };
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return fn.parent.type === AST_NODE_TYPES.ExportNamedDeclaration && fn.id
      ? { name: fn.id.name, isDefault: false }
      : null;
  }
  const declarator = fn.parent;
  if (
    declarator.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    declarator.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration
  ) {
    return { name: declarator.id.name, isDefault: false };
  }
  return null;
}

function hasDirective(body: readonly TSESTree.Node[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
    if (statement.directive === directive) return true;
  }
  return false;
}
