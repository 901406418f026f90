import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FunctionNode } from '../ast/nodes';
import type { Framework } from '../clients/frameworks';
import type { AdditionalClient, ClientKind, Construction } from '../model/constructions';
import { getFunctionName, skipWrappersUp } from '../ast/nodes';
import { calleeText, findRouteHandler } from '../clients/frameworks';
import { createRule } from '../create-rule';
import { planHoist } from '../fixes/hoist';
import { findAdditionalConstructions, findAgentConstructions, findSdkConstructions } from '../model/constructions';
import { getCompiledAxiosRequests } from '../model/axios-handlers';
import { analyzeEscape } from '../model/escape';
import { getHttpModel } from '../model/http';
import { enclosingConstruction, getRunUnit, isClosedAtOnce, isReturnedItself, localCallSites } from '../model/lifetime';

type Options = [
  {
    additionalClients?: AdditionalClient[];
    ignoreTestFiles?: boolean;
  },
];

type MessageIds = 'perCall' | 'perIteration' | 'perRequest' | 'suggestHoist';

// A client that owns sockets (an agent, a pool, an undici client) keeps a pool of keep-alive
// connections; a new one per call starts with none, so every request pays for a TCP (and TLS)
// handshake and the old sockets linger until they time out.
// https://nodejs.org/api/http.html#class-httpagent
// https://undici.nodejs.org/#/docs/api/Agent
const OPENS_POOL = 'opens a new connection pool';
// axios.create(), got.extend() and ky.create()/extend() merge and copy their whole configuration
// into a new instance, and whatever the instance sets up (interceptors, hooks) starts over.
// https://axios-http.com/docs/instance
const BUILDS_CLIENT = 'builds a new client';

/** Where a shared client belongs, by the kind of server code that handles the request. */
const ADVICE: Readonly<Record<Framework, string>> = {
  server: 'create it once at module scope or at start-up',
  nest: 'create it once in a provider or the constructor',
  // Next.js evaluates a route module once per server instance and reuses it across requests.
  // https://nextjs.org/docs/app/building-your-application/routing/route-handlers
  next: 'create it once at module scope',
};

/** What a hoisted factory call is named after, when its name does not say: `httpsOverHttpAgent`. */
const NOUNS: Readonly<Record<ClientKind, string>> = {
  agent: 'agent',
  client: 'client',
  instance: 'client',
  pool: 'pool',
  'proxy-agent': 'agent',
};

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
      perCall: '`{{client}}` {{effect}} on every call of {{fn}}; create it once at module scope and reuse it.',
      perIteration: '`{{client}}` {{effect}} on every iteration; create it once before the loop and reuse it.',
      perRequest: '`{{client}}` {{effect}} on every request to {{handler}}; {{advice}}.',
      suggestHoist: 'Create `{{client}}` once, as the module-scope constant `{{name}}`.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (options.ignoreTestFiles === true && isTestFile(context.filename)) return {};

    return {
      'Program:exit'() {
        const model = getHttpModel(context);
        const byNode = new Map<TSESTree.Node, Construction>();
        for (const construction of [
          ...model.constructions,
          ...findAdditionalConstructions(sourceCode, options.additionalClients ?? [], model),
          ...findAgentConstructions(sourceCode, model),
          ...findSdkConstructions(sourceCode, model),
        ]) {
          if (!byNode.has(construction.node)) byNode.set(construction.node, construction);
        }
        const constructions = [...byNode.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
        if (constructions.length === 0) return;
        const isConstruction = (node: TSESTree.Node): boolean => byNode.has(node);
        // axios as compilers emit its import (`axios_1.default.post(...)`) sends requests too.
        const compiled = getCompiledAxiosRequests(sourceCode);
        const isRequest = (call: TSESTree.CallExpression): boolean => model.requestOf(call) !== undefined || compiled.has(call);

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

        /**
         * A function of the file that returns what it creates, when every one of its calls uses the
         * result for the run of the code around the call and drops it (`createApi().get(url)`,
         * `fetch(url, { dispatcher: makeAgent() })`): the factory creates one per call.
         */
        function isPerCallFactory(
          construction: Construction,
          run: NonNullable<ReturnType<typeof getRunUnit>>,
          analysis: ReturnType<typeof analyzeEscape>,
        ): boolean {
          const escape = analysis.escape;
          if (!escape || escape.kind !== 'returned' || !run.fn || run.loop) return false;
          if (!isReturnedItself(escape.node, construction.node, analysis.declarator, run.fn)) return false;
          const calls = localCallSites(run.fn, sourceCode);
          if (!calls) return false;
          return calls.every((call) => {
            const callRun = getRunUnit(call, sourceCode);
            if (!callRun || (run.fn && run.fn.range[0] <= call.range[0] && call.range[1] <= run.fn.range[1])) return false;
            const use = analyzeEscape(call, sourceCode, { unit: callRun.unit, loop: callRun.loop, isRequest, isConstruction });
            return use.escape === null;
          });
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
          if (analysis.escape && !isPerCallFactory(construction, run, analysis)) continue;
          // A probe shut down before anything waits on it carries no traffic to pool.
          if (run.fn && !run.loop && isClosedAtOnce(analysis.declarator, run.fn, sourceCode)) continue;
          // The enclosing client is reported with a fix that moves this one along with it.
          const outer = enclosing.get(construction.node);
          if (outer && hoisted.has(outer.node)) continue;

          // Moving it is safe only when nothing configures it and every use just sends requests.
          const plan =
            construction.mutated || !analysis.passive || analysis.escape
              ? null
              : planHoist(construction.node, analysis.declarator, sourceCode, isConstruction, NOUNS[construction.kind]);
          if (plan) hoisted.add(construction.node);
          const effect = ownsSockets.has(construction.node) ? OPENS_POOL : BUILDS_CLIENT;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = plan
            ? [{ messageId: 'suggestHoist', data: { client: construction.label, name: plan.name }, fix: plan.fix }]
            : [];
          // `new https.Agent` / `axios.create`: the part that names what is built.
          const loc = { start: construction.node.loc.start, end: construction.node.callee.loc.end };
          const client = construction.label;
          if (run.loop || !run.fn) {
            context.report({ loc, messageId: 'perIteration', data: { client, effect }, suggest });
            continue;
          }
          const handler = findRouteHandler(run.fn, sourceCode, context.filename);
          if (handler) {
            const data = { client, effect, handler: handler.description, advice: ADVICE[handler.framework] };
            context.report({ loc, messageId: 'perRequest', data, suggest });
          } else {
            const data = { client, effect, fn: describeFunction(run.fn, sourceCode) };
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
