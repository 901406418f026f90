import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, LoopNode } from '../ast/nodes';
import type { Amount, FanOut, FanOutSite, UsedLimiter } from '../model/fan-out';
import type { LimiterConstruction } from '../model/limiters';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';

import { getFunctionName, skipWrappersUp } from '../ast/nodes';
import { createRule } from '../create-rule';
import { lineStart, removalRange, topLevelStatement } from '../fixes/hoist';
import { getFanOutModel } from '../model/fan-out';
import { getHttpModel } from '../model/http';
import { getUnlimitedSetting } from '../model/limiters';
import { unlimitedPoolSetting, unlimitedSocketAssignments } from '../clients/pools';

type Options = [
  {
    limiters?: string[];
    maxInlineElements?: number;
  },
];

type MessageIds =
  | 'perCallLimiter'
  | 'perIterationLimiter'
  | 'suggestHoistLimiter'
  | 'unboundedFanOut'
  | 'unboundedIteration'
  | 'unboundedLoop'
  | 'unboundedMapper'
  | 'unlimitedConnections'
  | 'unlimitedLimiter'
  | 'unlimitedSockets';

const DEFAULT_MAX_INLINE_ELEMENTS = 10;

/** Longest code shown in a message. */
const MAX_LABEL_LENGTH = 40;

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-concurrency',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow unbounded request fan-out, unlimited connection pools and limiters created per call',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          limiters: {
            type: 'array',
            description:
              'Functions of the project that bound concurrency, such as `runLimited` or `this.queue.run`: requests in callbacks passed to them, or made after awaiting them, count as limited.',
            items: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$' },
            uniqueItems: true,
          },
          maxInlineElements: {
            type: 'integer',
            description:
              'Largest number of requests that may start at once when the count is known from the code (a literal array, a constant list, `Array.from({ length: 5 })`).',
            minimum: 0,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ limiters: [], maxInlineElements: DEFAULT_MAX_INLINE_ELEMENTS }],
    messages: {
      unboundedFanOut:
        '`{{combinator}}` starts {{amount}} at once. Bound it with a limiter such as `p-limit`, or work in fixed-size batches.',
      unboundedIteration:
        '`{{method}}` starts {{amount}} without waiting. Await each in a `for...of` loop, or use a limiter such as `p-limit`.',
      unboundedLoop: 'This loop starts {{amount}} without awaiting them. Await each request, or use a limiter such as `p-limit`.',
      unboundedMapper:
        '`{{mapper}}` runs {{amount}} at once, as its `concurrency` is `Infinity`. Pass a finite one, such as `{ concurrency: 5 }`.',
      unlimitedSockets: '`maxSockets: {{value}}` gives this agent no socket limit. Set a finite one, such as `50`.',
      unlimitedConnections: '`connections: {{value}}` gives this undici {{kind}} no connection limit. Set a finite one, such as `50`.',
      unlimitedLimiter: '`{{limiter}}` limits nothing without a finite `{{option}}`. Set one, such as `{{example}}`.',
      perCallLimiter:
        '`{{limiter}}` is created on every call of {{owner}}, so the calls together are unbounded. Create it once at module scope.',
      perIterationLimiter:
        '`{{limiter}}` is created on every iteration, so the iterations together are unbounded. Create it once before the loop.',
      suggestHoistLimiter: 'Create `{{name}}` once at module scope.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // createRule merges the defaults in, so both options are set.
    const { limiters: limiterNames, maxInlineElements: maxInline } = options as Required<Options[0]>;

    /** The phrase for a fan-out that is too large, or `null` when it is bounded. */
    function excess(fanOut: FanOut): string | null {
      if (fanOut.kind === 'capped') return null;
      if (fanOut.kind === 'count') return fanOut.count > maxInline ? `${fanOut.count} requests` : null;
      return phrase(fanOut.amount);
    }

    function reportSite(site: FanOutSite): void {
      const amount = excess(site.fanOut);
      if (amount === null) return;
      switch (site.kind) {
        case 'combinator':
          context.report({ node: site.node.callee, messageId: 'unboundedFanOut', data: { combinator: site.combinator, amount } });
          return;
        case 'iteration':
          context.report({ node: site.receiver, messageId: 'unboundedIteration', data: { method: site.method, amount } });
          return;
        case 'loop':
          context.report({ loc: loopHead(site.loop, sourceCode), messageId: 'unboundedLoop', data: { amount } });
          return;
        case 'mapper':
          context.report({ node: site.node, messageId: 'unboundedMapper', data: { mapper: site.mapper.name, amount } });
          return;
      }
    }

    function reportLimiter({ construction, placement }: UsedLimiter): void {
      const limiter = limiterLabel(construction, sourceCode);
      const unlimited = getUnlimitedSetting(construction, sourceCode.getScope(construction.node));
      if (unlimited) {
        context.report({
          node: unlimited.node,
          messageId: 'unlimitedLimiter',
          data: { limiter, option: unlimited.option, example: unlimited.example },
        });
      }
      if (placement.kind === 'shared') return;
      const suggestion = hoistSuggestion(construction, sourceCode);
      const suggest = suggestion ? [suggestion] : [];
      if (placement.kind === 'per-iteration') {
        context.report({ node: construction.node, messageId: 'perIterationLimiter', data: { limiter }, suggest });
        return;
      }
      context.report({
        node: construction.node,
        messageId: 'perCallLimiter',
        data: { limiter, owner: ownerLabel(placement.fn, sourceCode) },
        suggest,
      });
    }

    return {
      'Program:exit'() {
        const http = getHttpModel(context);
        const model = getFanOutModel(context, limiterNames);
        for (const site of model.sites) reportSite(site);
        for (const limiter of model.limiters) reportLimiter(limiter);
        const pools = http.constructions.map((construction) => unlimitedPoolSetting(construction, sourceCode));
        for (const unlimited of [...pools, ...unlimitedSocketAssignments(sourceCode, http)]) {
          if (unlimited) context.report({ node: unlimited.node, messageId: unlimited.messageId, data: unlimited.data });
        }
      },
    };
  },
});

/** The `for (...)` / `while (...)` / `do` part of a loop, without its body. */
function loopHead(loop: LoopNode, sourceCode: TSESLint.SourceCode): TSESTree.SourceLocation {
  const token =
    loop.type === AST_NODE_TYPES.DoWhileStatement ? sourceCode.getFirstToken(loop) : sourceCode.getTokenBefore(loop.body);
  return { start: loop.loc.start, end: (token as TSESTree.Token).loc.end };
}

function label(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string | null {
  const text = sourceCode.getText(node);
  return text.length <= MAX_LABEL_LENGTH && !text.includes('\n') ? text : null;
}

function limiterLabel(construction: LimiterConstruction, sourceCode: TSESLint.SourceCode): string {
  const node = construction.node;
  const callee = sourceCode.getText(node.callee);
  return label(node, sourceCode) ?? (node.type === AST_NODE_TYPES.NewExpression ? `new ${callee}(…)` : `${callee}(…)`);
}

/** `\`sync\``, `the callback passed to \`app.get\``, or `this function`, for messages. */
function ownerLabel(fn: FunctionNode, sourceCode: TSESLint.SourceCode): string {
  const name = getFunctionName(fn, sourceCode);
  if (name !== null) return `\`${name}\``;
  // A function without a name of its own is a callback (a limiter is never created in an IIFE that runs once).
  const parent = skipWrappersUp(fn).parent;
  const callee = parent?.type === AST_NODE_TYPES.CallExpression ? label(parent.callee, sourceCode) : null;
  return callee === null ? 'this function' : `the callback passed to \`${callee}\``;
}

function phrase(amount: Amount): string {
  switch (amount.kind) {
    case 'elements':
      return amount.label === null
        ? 'one request per element of an array of unknown size'
        : `one request per element of \`${amount.label}\``;
    case 'keys':
      return amount.label === null
        ? 'one request per key of an object of unknown size'
        : `one request per key of \`${amount.label}\``;
    case 'indexes':
      return `\`${amount.label}\` requests`;
    case 'iterations':
      return 'an unbounded number of requests (one per loop iteration)';
  }
}

/** Moving `const limit = pLimit(5)` to module scope, when its arguments are static and the name is free. */
function hoistSuggestion(
construction: LimiterConstruction,
sourceCode: TSESLint.SourceCode,
): TSESLint.SuggestionReportDescriptor<MessageIds> | null {
  const outer = skipWrappersUp(construction.node);
  const declarator = outer.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== outer ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.id.typeAnnotation
  ) {
    return null;
  }
  const declaration = declarator.parent;
  if (declaration.declarations.length !== 1 || declaration.kind === 'var') return null;
  if (declaration.parent.type !== AST_NODE_TYPES.BlockStatement) return null;
  const name = declarator.id.name;
  const top = topLevelStatement(declaration);
  const moduleScope = moduleScopeOf(sourceCode);
  if (moduleScope.set.has(name) || moduleScope.through.some((reference) => reference.identifier.name === name)) {
    return null;
  }
  const variable = sourceCode.getDeclaredVariables(declarator)[0];
  if (variable?.references.some((reference) => reference.isWrite() && !reference.init)) return null;
  if (!isHoistable(construction.node, top, moduleScope, sourceCode)) return null;
  const insertAt = lineStart(sourceCode.getCommentsBefore(top)[0] ?? top);
  let text = sourceCode.getText(declaration);
  if (!text.endsWith(';')) text += ';';
  const removal = removalRange(declaration, sourceCode);
  return {
    messageId: 'suggestHoistLimiter',
    data: { name },
    fix: (fixer) => [fixer.insertTextBeforeRange([insertAt, insertAt], `${text}\n`), fixer.removeRange(removal)],
  };
}

/** Are the construction's arguments static, with every name defined at module level before `top`? */
function isHoistable(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  top: TSESTree.Node,
  moduleScope: TSESLint.Scope.Scope,
  sourceCode: TSESLint.SourceCode,
): boolean {
  const staticArguments = node.arguments.every(
    (argument) => argument.type !== AST_NODE_TYPES.SpreadElement && ASTUtils.getStaticValue(argument, sourceCode.getScope(argument))?.value !== undefined,
  );
  if (!staticArguments) return false;
  const outerScopes: ReadonlySet<TSESLint.Scope.Scope> = new Set([moduleScope, sourceCode.getScope(sourceCode.ast)]);
  // An unresolved name is a global of the runtime, the same everywhere.
  return sourceCode
    .getScope(node)
    .references.filter(
      (reference) =>
        reference.resolved !== null &&
        reference.identifier.range[0] >= node.range[0] &&
        reference.identifier.range[1] <= node.range[1],
    )
    .every((reference) => {
      const resolved = reference.resolved as TSESLint.Scope.Variable;
      return (
        outerScopes.has(resolved.scope) &&
        resolved.defs.every(
          (def) => def.type === TSESLint.Scope.DefinitionType.ImportBinding || def.node.range[1] <= top.range[0],
        )
      );
    });
}


/** The scope of the program's own declarations: the module scope, CommonJS's function scope, or the global scope. */
function moduleScopeOf(sourceCode: TSESLint.SourceCode): TSESLint.Scope.Scope {
  const globalScope = sourceCode.getScope(sourceCode.ast);
  return globalScope.childScopes.find((scope) => scope.block === sourceCode.ast) ?? globalScope;
}
