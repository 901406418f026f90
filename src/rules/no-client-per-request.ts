import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint as TSESLintValues } from '@typescript-eslint/utils';

import type { FunctionNode, LoopNode } from '../ast/nodes';
import type { TraceMap, TrackedReference } from '../ast/reference-tracker';
import type { ConstructedKind } from '../clients/catalogue';
import type { EscapeAnalysis } from '../model/escape';
import type { HttpModel } from '../model/http';
import {
  getDecorators,
  walk,
  getFunctionName,
  getStaticName,
  isFunctionNode,
  skipWrappersDown,
  skipWrappersUp,
} from '../ast/nodes';
import { createRule } from '../create-rule';
import { removalRange, topLevelStatement } from '../fixes/hoist';
import { createTracker } from '../ast/reference-tracker';
import { requireCalls } from '../ast/scope';
import { analyzeEscape } from '../model/escape';
import { getHttpModel, getPlacement } from '../model/http';

type ClientKind = ConstructedKind | 'instance';

interface AdditionalClient {
  readonly module: string;
  readonly export: string;
  readonly kind?: ClientKind;
}

type Options = [
  {
    additionalClients?: AdditionalClient[];
    ignoreTestFiles?: boolean;
  },
];

type MessageIds = 'perCall' | 'perIteration' | 'perRequest' | 'suggestHoist';

/** What the rule needs to know about a construction, from the model or from `additionalClients`. */
interface Construction {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly kind: ClientKind;
  readonly label: string;
  readonly mutated: boolean;
}

/** The code a construction runs once per run of. */
interface RunUnit {
  /** The function whose every call creates the value; `null` for a loop at module level. */
  readonly fn: FunctionNode | null;
  readonly loop: LoopNode | null;
  /** What the value must not outlive: `fn`, or `loop` when the function around it runs once. */
  readonly unit: FunctionNode | LoopNode;
}

/** A route handler, for the framework-aware message. */
interface Handler {
  readonly description: string;
  readonly advice: string;
}

interface HoistPlan {
  readonly name: string;
  readonly fix: TSESLint.ReportFixFunction;
}

// A client that owns sockets (an agent, a pool, an undici client) keeps a pool of keep-alive
// connections; a new one per call starts with none, so every request pays for a TCP (and TLS)
// handshake and the old sockets linger until they time out.
// https://nodejs.org/api/http.html#class-httpagent
// https://undici.nodejs.org/#/docs/api/Agent
const SOCKET_COST =
  'new connections are opened each time (TCP and TLS handshakes) instead of reusing pooled ones, and sockets pile up under load';
// axios.create(), got.extend() and ky.create()/extend() merge and copy their whole configuration
// into a new instance, and whatever the instance sets up (interceptors, hooks) starts over.
// https://axios-http.com/docs/instance
const INSTANCE_COST = 'the client and its configuration are rebuilt each time instead of being shared';

const ROUTE_ADVICE = 'create it once at module scope or when the server starts, and reuse it in every request';
const NEST_ADVICE = "create it once in an injectable provider or the controller's constructor, and reuse it";
// Next.js evaluates a route module once per server instance and reuses it across requests.
// https://nextjs.org/docs/app/building-your-application/routing/route-handlers
const NEXT_ADVICE = 'create it once at module scope, where every request the server instance handles shares it';

/** Methods of Express, Fastify, Koa Router, Hono and similar routers that register a route handler. */
const ROUTE_METHODS: ReadonlySet<string> = new Set([
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

/** HTTP methods a Next.js App Router route module exports as handlers. */
const NEXT_ROUTE_EXPORTS: ReadonlySet<string> = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);

/** NestJS route decorators from `@nestjs/common`. https://docs.nestjs.com/controllers#routing */
const NEST_ROUTE_DECORATORS: ReadonlySet<string> = new Set([
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

/** Global functions without side effects that may appear in hoisted constructor arguments. */
const PURE_GLOBAL_FUNCTIONS: ReadonlySet<string> = new Set(['Boolean', 'Number', 'parseFloat', 'parseInt', 'String']);
const STATIC_GLOBALS: ReadonlySet<string> = new Set(['Infinity', 'NaN', 'undefined']);

const KINDS: readonly ClientKind[] = ['agent', 'client', 'instance', 'pool', 'proxy-agent'];

export default createRule<Options, MessageIds>({
  name: 'no-client-per-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating HTTP clients, agents and pools on every call, request or loop iteration',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          additionalClients: {
            type: 'array',
            description:
              'Further functions and classes that create HTTP clients, agents or pools, named by module and export.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['module', 'export'],
              properties: {
                module: {
                  type: 'string',
                  minLength: 1,
                  description: 'The module specifier it is imported or required from, e.g. `@acme/http`.',
                },
                export: {
                  type: 'string',
                  minLength: 1,
                  pattern: '^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$',
                  description:
                    'The export that creates it: `default` for the module itself, or a name or dotted path such as `createClient` or `Agent.Https`.',
                },
                kind: {
                  type: 'string',
                  enum: [...KINDS],
                  description:
                    'What it creates: `agent`, `pool`, `proxy-agent` or `client` own sockets; `instance` is a configured client that shares its transport. Defaults to `client`.',
                },
              },
            },
          },
          ignoreTestFiles: {
            type: 'boolean',
            description: 'Skip files named `*.test.*` or `*.spec.*` and files under `__tests__/`.',
          },
        },
      },
    ],
    defaultOptions: [{ additionalClients: [], ignoreTestFiles: false }],
    messages: {
      perCall: '`{{client}}` runs on every call of {{fn}}, so {{cost}}; create it once at module scope and reuse it.',
      perIteration:
        '`{{client}}` runs on every iteration of this loop, so {{cost}}; create it once before the loop, or at module scope, and reuse it.',
      perRequest: '`{{client}}` runs on every request handled by {{handler}}, so {{cost}}; {{advice}}.',
      suggestHoist: 'Create `{{client}}` once, as the module-scope constant `{{name}}`.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (options.ignoreTestFiles === true && isTestFile(context.filename)) return {};

    return {
      'Program:exit'() {
        const model = getHttpModel(context);
        const constructions: Construction[] = [
          ...model.constructions,
          ...findAdditionalConstructions(sourceCode, options.additionalClients ?? [], model),
        ].sort((a, b) => a.node.range[0] - b.node.range[0]);
        if (constructions.length === 0) return;
        const byNode = new Map<TSESTree.Node, Construction>(constructions.map((c) => [c.node, c]));
        const isConstruction = (node: TSESTree.Node): boolean => byNode.has(node);
        const isRequest = (call: TSESTree.CallExpression): boolean => model.requestOf(call) !== undefined;

        // Which constructions sit directly in the arguments of another one
        // (`axios.create({ httpsAgent: new https.Agent() })`), and which own sockets through them.
        const enclosing = new Map<TSESTree.Node, Construction>();
        const ownsSockets = new Set<TSESTree.Node>();
        for (const construction of constructions) {
          if (construction.kind !== 'instance') ownsSockets.add(construction.node);
          const outer = enclosingConstruction(construction.node, byNode);
          if (outer) {
            enclosing.set(construction.node, outer);
            if (construction.kind !== 'instance') ownsSockets.add(outer.node);
          }
        }

        const hoisted = new Set<TSESTree.Node>();
        for (const construction of constructions) {
          const run = getRunUnit(construction.node, sourceCode);
          if (!run) continue;
          const analysis = analyzeEscape(construction.node, sourceCode, {
            unit: run.unit,
            loop: run.loop,
            isRequest,
            isConstruction,
          });
          if (analysis.escape) continue;
          // The enclosing client is reported with a fix that moves this one along with it.
          const outer = enclosing.get(construction.node);
          if (outer && hoisted.has(outer.node)) continue;

          const plan = planHoist(construction, analysis, sourceCode, isConstruction);
          if (plan) hoisted.add(construction.node);
          const cost = ownsSockets.has(construction.node) ? SOCKET_COST : INSTANCE_COST;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = plan
            ? [{ messageId: 'suggestHoist', data: { client: construction.label, name: plan.name }, fix: plan.fix }]
            : [];
          // `new https.Agent` / `axios.create`: the part that names what is built.
          const loc = { start: construction.node.loc.start, end: construction.node.callee.loc.end };
          const client = construction.label;
          if (run.loop || !run.fn) {
            context.report({ loc, messageId: 'perIteration', data: { client, cost }, suggest });
            continue;
          }
          const handler = describeHandler(run.fn, sourceCode, context.filename);
          if (handler) {
            const data = { client, cost, handler: handler.description, advice: handler.advice };
            context.report({ loc, messageId: 'perRequest', data, suggest });
          } else {
            const data = { client, cost, fn: describeFunction(run.fn, sourceCode) };
            context.report({ loc, messageId: 'perCall', data, suggest });
          }
        }
      },
    };
  },
});

/** `*.test.*`, `*.spec.*` and anything under `__tests__/`. */
function isTestFile(filename: string): boolean {
  const normalized = filename.replaceAll('\\', '/');
  return /(?:^|\/)__tests__\//u.test(normalized) || /\.(?:test|spec)\.[^./]+$/u.test(normalized);
}

/**
 * Where a construction runs per call. Code in an immediately invoked function, or in a function
 * called exactly once from the code around it (a `main()` script), runs as often as that code:
 * the search moves outwards. Module scope and functions that run once are not per call, but a loop
 * in them still runs per iteration.
 */
function getRunUnit(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): RunUnit | null {
  const placement = getPlacement(node);
  let fn = placement.fn;
  let loop = placement.loop;
  for (let depth = 0; depth < 16; depth++) {
    if (!fn) return loop ? { fn: null, loop, unit: loop } : null;
    if (!runsOncePerOuterRun(fn, sourceCode)) return { fn, loop, unit: fn };
    if (loop) return { fn: null, loop, unit: loop };
    const outer = getPlacement(fn);
    fn = outer.fn;
    loop = outer.loop;
  }
  return null;
}

/**
 * Does `fn` run once each time the code around it runs: an immediately invoked function, or a
 * function declared and then called exactly once, outside any loop, in the same function (or at
 * module level) and never handed out?
 */
function runsOncePerOuterRun(fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  const outer = skipWrappersUp(fn);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) return true;
  if (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === outer &&
    (getStaticName(parent) === 'call' || getStaticName(parent) === 'apply')
  ) {
    const call = skipWrappersUp(parent).parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === skipWrappersUp(parent)) return true;
  }
  const variable = functionVariable(fn, sourceCode);
  if (!variable) return false;
  const reads = variable.references.filter((reference) => reference.init !== true);
  const [read] = reads;
  if (reads.length !== 1 || !read || read.isWrite()) return false;
  const callee = skipWrappersUp(read.identifier);
  const call = callee.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return false;
  const where = getPlacement(call);
  return where.loop === null && where.fn === getPlacement(fn).fn && !where.inClassField;
}

/** The variable a function is bound to: `function f() {}` or `const f = () => {}`, unless exported. */
function functionVariable(
  fn: FunctionNode,
  sourceCode: TSESLint.SourceCode,
): TSESLint.Scope.Variable | null | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    if (!fn.id || isExportDeclaration(fn.parent)) return null;
    const name = fn.id.name;
    return sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === name);
  }
  const declarator = fn.parent;
  if (
    declarator.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== fn ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const' ||
    isExportDeclaration(declarator.parent.parent)
  ) {
    return null;
  }
  return sourceCode.getDeclaredVariables(declarator)[0];
}

function isExportDeclaration(node: TSESTree.Node | undefined): boolean {
  return (
    node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration
  );
}

/** The construction whose arguments contain `node` directly (through object and array literals). */
function enclosingConstruction(
  node: TSESTree.Node,
  byNode: ReadonlyMap<TSESTree.Node, Construction>,
): Construction | null {
  let current = skipWrappersUp(node);
  for (let parent = current.parent; parent; parent = current.parent) {
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current) {
      current = skipWrappersUp(parent.parent);
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ArrayExpression) {
      current = skipWrappersUp(parent);
      continue;
    }
    if (
      (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
      parent.callee !== current
    ) {
      return byNode.get(parent) ?? null;
    }
    return null;
  }
  return null;
}

/** `handler`, `the function passed to \`urls.map\``, or `this function`. */
function describeFunction(fn: FunctionNode, sourceCode: TSESLint.SourceCode): string {
  const name = getFunctionName(fn, sourceCode);
  if (name !== null) return `\`${name}\``;
  const outer = skipWrappersUp(fn);
  const parent = outer.parent;
  const via =
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee !== outer
      ? calleeText(parent, sourceCode)
      : null;
  return via === null ? 'this function' : `the function passed to \`${via}\``;
}

/** The callee as written (`app.get`), `.method` when that is too long, or `null`. */
function calleeText(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: TSESLint.SourceCode,
): string | null {
  const callee = skipWrappersDown(call.callee);
  const text = sourceCode.getText(callee);
  if (text.length <= 40 && !text.includes('\n')) return text;
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticName(callee) : null;
  return name === null ? null : `.${name}`;
}

/**
 * Recognises a function that is visibly an HTTP route handler: registered on an Express, Fastify,
 * Koa or Hono router, given to `http.createServer`, a Next.js route export or server action, or a
 * NestJS controller method.
 */
function describeHandler(fn: FunctionNode, sourceCode: TSESLint.SourceCode, filename: string): Handler | null {
  const name = getFunctionName(fn, sourceCode);
  const named = (what: string): string => (name === null ? `this ${what}` : `the ${what} \`${name}\``);
  if (fn.parent.type === AST_NODE_TYPES.MethodDefinition && hasNestRouteDecorator(fn.parent, sourceCode)) {
    return { description: named('NestJS route handler'), advice: NEST_ADVICE };
  }
  const exported = moduleExport(fn);
  if (exported) {
    if (exported.name !== null && NEXT_ROUTE_EXPORTS.has(exported.name)) {
      return { description: named('Next.js route handler'), advice: NEXT_ADVICE };
    }
    if (exported.isDefault && fn.params.length >= 2 && /(?:^|\/)pages\/api\//u.test(filename.replaceAll('\\', '/'))) {
      return { description: named('Next.js API route'), advice: NEXT_ADVICE };
    }
    if (fn.async && hasDirective(sourceCode.ast.body, 'use server')) {
      return { description: named('server action'), advice: NEXT_ADVICE };
    }
  }
  if (fn.body.type === AST_NODE_TYPES.BlockStatement && hasDirective(fn.body.body, 'use server')) {
    return { description: named('server action'), advice: NEXT_ADVICE };
  }
  const direct = routeRegistration(fn, fn, sourceCode);
  if (direct) return { description: `the ${direct.what} passed to \`${direct.via}\``, advice: ROUTE_ADVICE };
  const variable = name === null ? null : functionVariable(fn, sourceCode);
  for (const reference of variable?.references ?? []) {
    const registration = routeRegistration(reference.identifier, fn, sourceCode);
    if (registration) return { description: named(registration.what), advice: ROUTE_ADVICE };
  }
  return null;
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

/**
 * Plans moving a construction to a module-scope constant. Only when its value is used passively
 * (requests, request options), nothing configures it, and every argument can be evaluated at
 * import time without changing its meaning: literals, module-scope constants, imports,
 * `process.env.X`, and other clients built from those.
 */
function planHoist(
  construction: Construction,
  analysis: EscapeAnalysis,
  sourceCode: TSESLint.SourceCode,
  isConstruction: (node: TSESTree.Node) => boolean,
): HoistPlan | null {
  if (construction.mutated || !analysis.passive) return null;
  const statement = topLevelStatement(construction.node);
  const insertAt = leadingCommentsStart(statement, sourceCode);
  // Keep a blank line between the new constant and the code above it.
  const before = sourceCode.text.slice(0, insertAt);
  const eol = sourceCode.text.includes('\r\n') ? '\r\n' : '\n';
  const separator = before === '' || /\n[ \t]*\r?\n$/u.test(before) || !before.endsWith('\n') ? '' : eol;
  const checker = new StaticChecker(sourceCode, insertAt, isConstruction);
  if (!checker.isStatic(construction.node)) return null;

  const declarator = analysis.declarator;
  if (declarator && isMovable(declarator)) {
    const id = declarator.id as TSESTree.Identifier;
    const scope = ASTUtils.findVariable(sourceCode.getScope(declarator), id)?.scope;
    if (scope && isNameFree(id.name, scope.upper)) {
      const declaration = declarator.parent;
      const text = `const ${reindent(sourceCode.getText(declarator), declaration, sourceCode)};`;
      return {
        name: id.name,
        fix: (fixer) => [
          fixer.insertTextBeforeRange([insertAt, insertAt], `${separator}${text}${eol}${eol}`),
          fixer.removeRange(removalRange(declaration, sourceCode)),
        ],
      };
    }
  }

  const base = baseName(construction);
  const name = freeName(/^[A-Za-z_$][\w$]*$/u.test(base) ? base : 'client', sourceCode.getScope(construction.node));
  if (name === null) return null;
  const text = `const ${name} = ${reindent(sourceCode.getText(construction.node), construction.node, sourceCode)};`;
  const property = construction.node.parent;
  const shorthand =
    property.type === AST_NODE_TYPES.Property &&
    property.value === construction.node &&
    !property.computed &&
    property.key.type === AST_NODE_TYPES.Identifier &&
    property.key.name === name;
  return {
    name,
    fix: (fixer) => [
      fixer.insertTextBeforeRange([insertAt, insertAt], `${separator}${text}${eol}${eol}`),
      shorthand ? fixer.replaceText(property, name) : fixer.replaceText(construction.node, name),
    ],
  };
}

/**
 * Where a statement starts, counting the decorators written before `export` and the comments
 * attached to it (no blank line in between).
 */
function leadingCommentsStart(statement: TSESTree.ProgramStatement, sourceCode: TSESLint.SourceCode): number {
  const declaration =
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? statement.declaration
      : null;
  // `@Controller() export class X {}`: the decorators come before the export.
  const decorator = declaration?.type === AST_NODE_TYPES.ClassDeclaration ? getDecorators(declaration)[0] : undefined;
  const first = decorator && decorator.range[0] < statement.range[0] ? decorator : statement;
  let start = first.range[0];
  const comments = sourceCode.getCommentsBefore(first);
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index];
    if (!comment || (comment.type as string) === 'Shebang') break;
    const gap = sourceCode.text.slice(comment.range[1], start);
    if (gap.trim() !== '' || gap.split('\n').length > 2) break;
    start = comment.range[0];
  }
  return start;
}

/** `const x = new Agent();` alone in a block: the declaration itself can move to module scope. */
function isMovable(declarator: TSESTree.VariableDeclarator): boolean {
  const declaration = declarator.parent;
  return (
    declaration.kind === 'const' &&
    declaration.declarations.length === 1 &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    (declaration.parent.type === AST_NODE_TYPES.BlockStatement || declaration.parent.type === AST_NODE_TYPES.SwitchCase)
  );
}

/**
 * Is `name` free to declare at module scope for code in `scope`: not declared in `scope` or any
 * scope around it (module and global included), and not used anywhere as an undeclared global?
 */
function isNameFree(name: string, scope: TSESLint.Scope.Scope | null): boolean {
  let global: TSESLint.Scope.Scope | null = null;
  for (let current = scope; current; current = current.upper) {
    if (current.set.has(name)) return false;
    global = current;
  }
  return !global?.through.some((reference) => reference.identifier.name === name);
}

function freeName(base: string, scope: TSESLint.Scope.Scope): string | null {
  for (let index = 1; index < 10; index++) {
    const name = index === 1 ? base : `${base}${index}`;
    if (isNameFree(name, scope)) return name;
  }
  return null;
}

/**
 * `new https.Agent()` → `httpsAgent`, `new Pool()` → `pool`, `axios.create()` → `axiosClient`,
 * `createApiClient()` → `apiClient`.
 */
function baseName(construction: Construction): string {
  const parts: string[] = [];
  let current = skipWrappersDown(construction.node.callee);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    parts.unshift(getStaticName(current) ?? '');
    current = skipWrappersDown(current.object);
  }
  // Static arguments guarantee that the callee is a chain of names ending in an identifier.
  if (current.type === AST_NODE_TYPES.Identifier) parts.unshift(current.name);
  if (construction.node.type === AST_NODE_TYPES.NewExpression) return camelCase(parts.slice(-2));
  const method = parts.at(-1) ?? '';
  if (parts.length > 1 && (method === 'create' || method === 'extend')) {
    // `axios.create()`, `api.extend()`: name the client after what it derives from.
    return camelCase([...parts.slice(0, -1), 'client']);
  }
  // A factory function: `createApiClient()` → `apiClient`, `connect()` → `connectClient`.
  const rest = method.replace(/^(?:build|create|get|make|new)(?=[A-Z])/u, '');
  return camelCase([rest, ...(rest === method ? ['client'] : [])]);
}

function camelCase(parts: readonly string[]): string {
  return parts
    .map((word, index) =>
      index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join('');
}

/** Removes the indentation of `node`'s first line from the following lines, for text moved to column 0. */
function reindent(text: string, node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string {
  const lineStart = node.range[0] - node.loc.start.column;
  let end = lineStart;
  while (sourceCode.text[end] === ' ' || sourceCode.text[end] === '\t') end++;
  const indentation = sourceCode.text.slice(lineStart, end);
  if (indentation === '' || !text.includes('\n')) return text;
  return text
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(indentation) ? line.slice(indentation.length) : line))
    .join('\n');
}

/** Can an expression be evaluated once at module level, before `insertAt`, with the same meaning? */
class StaticChecker {
  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly insertAt: number,
    private readonly isConstruction: (node: TSESTree.Node) => boolean,
  ) {}

  isStatic(node: TSESTree.Node): boolean {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return true;
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.every((expression) => this.isStatic(expression));
      case AST_NODE_TYPES.Identifier:
        return this.isStaticIdentifier(node);
      case AST_NODE_TYPES.MemberExpression:
        if (this.isProcessEnv(node)) return true;
        return this.isStatic(node.object) && (!node.computed || this.isStatic(node.property));
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.every((property) =>
          property.type === AST_NODE_TYPES.SpreadElement
            ? this.isStatic(property.argument)
            : (!property.computed || this.isStatic(property.key)) && this.isStatic(property.value),
        );
      case AST_NODE_TYPES.ArrayExpression:
        return node.elements.every(
          (element) =>
            element === null ||
            this.isStatic(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element),
        );
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator !== 'delete' && this.isStatic(node.argument);
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return this.isStatic(node.left) && this.isStatic(node.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.isStatic(node.test) && this.isStatic(node.consequent) && this.isStatic(node.alternate);
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return this.isStaticCall(node);
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        return this.isSelfContained(node);
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return this.isStatic(node.expression);
      default:
        return false;
    }
  }

  /** A client built from static arguments, or a pure conversion such as `Number(process.env.X)`. */
  private isStaticCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const argumentsAreStatic = node.arguments.every((argument) =>
      this.isStatic(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument),
    );
    if (!argumentsAreStatic) return false;
    if (this.isConstruction(node)) return this.isStatic(node.callee);
    const callee = node.callee;
    return (
      node.type === AST_NODE_TYPES.CallExpression &&
      callee.type === AST_NODE_TYPES.Identifier &&
      PURE_GLOBAL_FUNCTIONS.has(callee.name) &&
      this.isGlobal(callee)
    );
  }

  /**
   * An imported binding, a module-level function, or a module-level `const` declared before the
   * insertion point whose properties are never written.
   */
  private isStaticIdentifier(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    if (!variable || variable.defs.length === 0) return STATIC_GLOBALS.has(identifier.name);
    const definition = variable.defs[0];
    if (variable.defs.length !== 1 || !definition || variable.scope.block.type !== AST_NODE_TYPES.Program) {
      return false;
    }
    switch (definition.type) {
      case TSESLintValues.Scope.DefinitionType.ImportBinding:
      case TSESLintValues.Scope.DefinitionType.FunctionName:
        return true;
      case TSESLintValues.Scope.DefinitionType.Variable:
        return (
          definition.parent.kind === 'const' &&
          definition.node.range[1] <= this.insertAt &&
          !variable.references.some((reference) => isPropertyWrite(reference.identifier))
        );
      default:
        return false;
    }
  }

  /** `process.env.NAME` or `process.env['NAME']`, with `process` the Node.js global. */
  private isProcessEnv(node: TSESTree.MemberExpression): boolean {
    const env = skipWrappersDown(node.object);
    if (env.type !== AST_NODE_TYPES.MemberExpression || getStaticName(env) !== 'env' || getStaticName(node) === null) {
      return false;
    }
    const process = skipWrappersDown(env.object);
    return process.type === AST_NODE_TYPES.Identifier && process.name === 'process' && this.isGlobal(process);
  }

  private isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    return !variable || variable.defs.length === 0;
  }

  /**
   * A function literal whose free variables all live at module level, and which does not use the
   * surrounding `this` (arrow functions): it means the same anywhere in the module.
   */
  private isSelfContained(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): boolean {
    const scope = this.sourceCode.scopeManager?.acquire(fn);
    if (!scope) return false;
    const free = scope.through.every((reference) => {
      const variable = reference.resolved;
      return !variable || variable.scope.block.type === AST_NODE_TYPES.Program;
    });
    return free && (fn.type === AST_NODE_TYPES.FunctionExpression || !usesLexicalThis(fn.body, this.sourceCode));
  }
}

/** Is `identifier` the object of a property write: `x.y = 1`, `x.y++`, `delete x.y`? */
function isPropertyWrite(identifier: TSESTree.Node): boolean {
  const member = skipWrappersUp(identifier).parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== skipWrappersUp(identifier)) return false;
  const outer = skipWrappersUp(member);
  const parent = outer.parent;
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) ||
    (parent?.type === AST_NODE_TYPES.UpdateExpression && parent.argument === outer) ||
    (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
  );
}

/** Does an arrow function's body use `this`, `super`, or `new.target` of the enclosing function? */
function usesLexicalThis(root: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  return walk(root, sourceCode, (node) => {
    if (
      node.type === AST_NODE_TYPES.ThisExpression ||
      node.type === AST_NODE_TYPES.Super ||
      node.type === AST_NODE_TYPES.MetaProperty
    ) {
      return 'stop';
    }
    // A non-arrow function has its own `this`.
    return node !== root && isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression
      ? 'skip'
      : undefined;
  });
}

/**
 * Finds calls and `new` of the exports that `additionalClients` names, in every import shape:
 * ESM default, named, namespace, `require()` and its properties.
 */
function findAdditionalConstructions(
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
