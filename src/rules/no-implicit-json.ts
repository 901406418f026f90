import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { OptionLookup } from '../ast/nodes';
import type { SilentJsonParsing } from '../clients/profile';
import type { HttpModel, HttpRequest } from '../model/http';
import type { ResponseUse, ResponseUseKind } from '../model/response-uses';
import { getInferredRequests } from '../model/wrappers';
import { typedCallChecks } from '../model/summaries';
import { findProperty, getStaticName, isFunctionNode, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { axiosProfile } from '../clients/axios';
import { createRule } from '../create-rule';
import { getHttpModel, lookupInstanceOption, lookupOption } from '../model/http';
import {
  getEffectiveResponseFlow,
  getResponseName,
  getResponseUses,
  getStatusCheckFix,
  guardsOf,
  isFetchStyleRequest,
} from '../model/response-uses';

type Options = [{ axiosSilentJSONParsing?: boolean; requireContentType?: boolean }];
type MessageIds = 'implicitJson' | 'missingContentType' | 'silentJsonParsing' | 'suggestExplicitParse' | 'suggestThrowUnlessOk';

/** Uses before a `.json()` that show the code looked at the `content-type` (or may have). */
const CONTENT_TYPE_GUARDS: ReadonlySet<ResponseUseKind> = new Set(['contentType', 'handoff']);

/** Where axios keeps its silent JSON parsing switch (`transitional.silentJSONParsing`), and the response types it never parses. */
const SILENT_JSON: SilentJsonParsing = axiosProfile.silentJson;

/** How many characters of a body that is not JSON the suggested error quotes. */
const BODY_PREVIEW = 100;

export default createRule<Options, MessageIds>({
  name: 'no-implicit-json',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow parsing a response as JSON before looking at its status or content type',
      recommended: true,
      strictOptions: [{ axiosSilentJSONParsing: true, requireContentType: true }],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          axiosSilentJSONParsing: {
            type: 'boolean',
            description:
              'Also report axios instances and default-axios calls whose config leaves `transitional.silentJSONParsing` on, so invalid JSON arrives as a raw string.',
          },
          requireContentType: {
            type: 'boolean',
            description: 'Require a look at the `content-type` header before `.json()`, even after a status check.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ axiosSilentJSONParsing: false, requireContentType: false }],
    messages: {
      implicitJson: '`{{json}}` parses the body before `{{check}}` is checked below; check it before parsing.',
      missingContentType: '`{{json}}` parses the body without a look at its `content-type`; check `{{header}}` first.',
      silentJsonParsing:
        "`{{client}}` keeps invalid JSON as a string in `data`; set `transitional: { silentJSONParsing: false }` and `responseType: 'json'`.",
      suggestExplicitParse:
        'Read the body with `text()` and `JSON.parse` it, rethrowing with the status, URL and start of the body.',
      suggestThrowUnlessOk: 'Throw an error naming the status and the URL when `{{check}}` is false.',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    /** `axios.defaults.transitional.silentJSONParsing = ...` somewhere in the file. */
    let transitionalDefaultsWritten = false;

    function checkFetch(request: HttpRequest, model: HttpModel): void {
      if (!isFetchStyleRequest(request)) return;
      // A wrapper that throws on an error status (and reads the `content-type`, when asked) leaves nothing to check.
      if (request.source === 'typed' && typedCallChecks(request.node, model.types, options.requireContentType === true)) return;
      const flow = getEffectiveResponseFlow(request, model, sourceCode);
      const uses = getResponseUses(request, flow, model, sourceCode, { checkers: [] });
      const name = getResponseName(flow);
      for (const use of uses) {
        const call = use.jsonCall;
        if (!call || hasRejectionHandler(call) || isCaught(call, uses)) continue;
        // A parse that no status check guards is `require-status-check`'s report (one problem, one
        // report). What only this rule knows: the check guards the parse but comes after it in source
        // order (`const body = await res.json(); if (!res.ok) throw ...`), too late, because `.json()`
        // throws on an HTML error page before it runs; and, with `requireContentType`, a parse
        // without a look at the `content-type`.
        const guards = guardsOf(call, uses);
        const contentTypeSeen = uses.some(
          (guard) => CONTENT_TYPE_GUARDS.has(guard.kind) && guard.node.range[0] < call.range[0],
        );
        let messageId: MessageIds;
        if (
          guards.length > 0 &&
          guards.every((guard) => guard.node.range[0] > call.range[0]) &&
          !contentTypeSeen &&
          // In a test, `assert.equal(res.status, 406)` after the parse: a body that is not JSON fails the test too.
          !guards.every((guard) => guard.kind === 'status' && isAsserted(guard.node))
        ) {
          messageId = 'implicitJson';
        } else if (options.requireContentType === true && !contentTypeSeen) {
          messageId = 'missingContentType';
        } else {
          continue;
        }
        const member = skipWrappersDown(call.callee) as TSESTree.MemberExpression;
        const objectText = ASTUtils.isParenthesized(member.object, sourceCode)
          ? `(${sourceCode.getText(member.object)})`
          : sourceCode.getText(member.object);
        const json = `${objectText.length <= 30 && !objectText.includes('\n') ? objectText : (name ?? '')}.json()`;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        const statusFix =
          messageId === 'implicitJson' && flow.flow.kind === 'variable' && flow.flow.id.range[1] <= call.range[0]
            ? getStatusCheckFix(request, flow, sourceCode)
            : null;
        if (statusFix) suggest.push({ messageId: 'suggestThrowUnlessOk', data: { check: `${name}.ok` }, fix: statusFix });
        const parseFix = explicitParseFix(call, member, sourceCode);
        if (parseFix) suggest.push({ messageId: 'suggestExplicitParse', fix: parseFix });
        context.report({
          loc: { start: member.property.loc.start, end: call.loc.end },
          messageId,
          data: {
            client: clientLabel(request, sourceCode),
            json,
            check: name ? `${name}.ok` : 'ok',
            header: `${name ?? 'response'}.headers.get('content-type')`,
          },
          suggest,
        });
      }
    }

    function checkAxios(model: HttpModel): void {
      for (const construction of model.constructions) {
        const instance = construction.instance;
        if (construction.kind !== 'instance' || instance?.client !== 'axios') continue;
        if (parsesSilently((key) => lookupInstanceOption(instance, key))) {
          context.report({
            node: narrowCall(construction.node),
            messageId: 'silentJsonParsing',
            data: { client: construction.label },
          });
        }
      }
      for (const request of model.requests) {
        const instance = request.instance;
        // Requests on instances made here are covered by the report on `axios.create()`.
        if (request.client !== 'axios' || instance?.origin !== 'library' || request.method === 'head') continue;
        const lookup = (key: string): OptionLookup => {
          const own = lookupOption(request.options, key);
          return own.kind === 'missing' ? lookupInstanceOption(instance, key) : own;
        };
        if (parsesSilently(lookup)) {
          context.report({
            node: narrowCall(request.node),
            messageId: 'silentJsonParsing',
            data: { client: sourceCode.getText(skipWrappersDown(request.node.callee)) },
          });
        }
      }
    }

    return {
      AssignmentExpression(node) {
        if (isTransitionalDefaultsWrite(node.left)) transitionalDefaultsWritten = true;
      },
      'Program:exit'() {
        const model = getHttpModel(context);
        for (const request of [...model.requests, ...getInferredRequests(context)]) checkFetch(request, model);
        if (options.axiosSilentJSONParsing === true && !transitionalDefaultsWritten) checkAxios(model);
      },
    };
  },
});

/**
 * Does an axios config (as `lookup` reads it) leave invalid JSON to arrive as a string? axios
 * throws on invalid JSON only with `responseType: 'json'` and `transitional.silentJSONParsing:
 * false`; otherwise its default `transformResponse` swallows the `SyntaxError` and keeps the raw
 * text in `data`. Configs that cannot be seen, a custom `transformResponse`, a non-JSON
 * `responseType` or a replaced `transitional` object are not reported.
 * https://axios-http.com/docs/req_config (`transitional`), https://github.com/axios/axios/pull/7398
 */
function parsesSilently(lookup: (key: string) => OptionLookup): boolean {
  if (lookup('transformResponse').kind !== 'missing') return false;
  const responseType = lookup('responseType');
  let jsonRequested = false;
  if (responseType.kind === 'unknown') return false;
  if (responseType.kind === 'found') {
    const value = literalValue(responseType.value);
    if (value !== 'json' && (value === undefined || SILENT_JSON.nonJsonResponseTypes.has(value))) return false;
    jsonRequested = value === 'json';
  }
  const transitional = lookup(SILENT_JSON.option);
  if (transitional.kind === 'unknown') return false;
  if (transitional.kind === 'missing') return SILENT_JSON.byDefault;
  const object = skipWrappersDown(transitional.value);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const silent = findProperty(object, SILENT_JSON.key);
  // A `transitional` object without the key replaces axios's, which turns silent parsing off.
  if (silent.kind !== 'found') return false;
  const value = literalValue(silent.value);
  if (value === true) return true;
  return value === false ? !jsonRequested : false;
}

/** The value of a literal, `undefined` for anything else. */
function literalValue(node: TSESTree.Node): unknown {
  const inner = skipWrappersDown(node);
  return inner.type === AST_NODE_TYPES.Literal ? inner.value : undefined;
}

/** `<x>.defaults.transitional.silentJSONParsing` (or `[...]`) as an assignment target. */
function isTransitionalDefaultsWrite(left: TSESTree.Node): boolean {
  if (left.type !== AST_NODE_TYPES.MemberExpression || getStaticName(left) !== SILENT_JSON.key) return false;
  const transitional = left.object;
  return (
    transitional.type === AST_NODE_TYPES.MemberExpression &&
    getStaticName(transitional) === SILENT_JSON.option &&
    transitional.object.type === AST_NODE_TYPES.MemberExpression &&
    getStaticName(transitional.object) === 'defaults'
  );
}

/**
 * Replaces `res.json()` with a parse that keeps its context:
 * `res.text().then((body) => { try { return JSON.parse(body); } catch (error) { throw ... } })`.
 * Offered only on a named response, where the error can name its status and URL.
 */
function explicitParseFix(
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  sourceCode: TSESLint.SourceCode,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const object = skipWrappersDown(member.object);
  if (object.type !== AST_NODE_TYPES.Identifier || call.arguments.length > 0 || call.optional || member.optional) {
    return null;
  }
  const name = object.name;
  const body = name === 'body' ? 'text' : 'body';
  const line = sourceCode.lines[call.loc.start.line - 1] ?? '';
  const indent = /^\s*/u.exec(line)?.[0] ?? '';
  const replacement = [
    `${name}.text().then((${body}) => {`,
    `${indent}  try {`,
    `${indent}    return JSON.parse(${body});`,
    `${indent}  } catch (error) {`,
    `${indent}    throw new SyntaxError(\`HTTP \${${name}.status} from \${${name}.url} is not JSON: \${${body}.slice(0, ${BODY_PREVIEW})}\`, { cause: error });`,
    `${indent}  }`,
    `${indent}})`,
  ].join('\n');
  return (fixer) => fixer.replaceText(call, replacement);
}

/** A call over several lines (a long config object) is shown by its callee. */
function narrowCall(node: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node {
  return node.loc.start.line === node.loc.end.line ? node : node.callee;
}

/** The request as the code names it (`fetch`, `api.fetch`), or `fetch` when that is long. */
function clientLabel(request: HttpRequest, sourceCode: TSESLint.SourceCode): string {
  const text = sourceCode.getText(skipWrappersDown(request.node.callee));
  return text.length <= 40 && !text.includes('\n') ? text : 'fetch';
}

/**
 * Is the parse failure of `call` handled on the spot: `res.json().catch(fallback)` or
 * `res.json().then(use, fallback)`? Then the `SyntaxError` this rule warns about cannot escape;
 * typical for optional JSON error bodies (`await res.json().catch(() => ({}))`).
 */
function hasRejectionHandler(call: TSESTree.CallExpression): boolean {
  const member = skipWrappersUp(call).parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== skipWrappersUp(call)) return false;
  const chained = skipWrappersUp(member).parent;
  if (chained?.type !== AST_NODE_TYPES.CallExpression || chained.callee !== skipWrappersUp(member)) return false;
  const method = getStaticName(member);
  return (method === 'catch' && chained.arguments.length > 0) || (method === 'then' && chained.arguments.length > 1);
}

/** Roots of test assertions: `assert.equal(res.status, 404)`, `expect(res.status).toBe(404)`. */
const ASSERTION_ROOTS: ReadonlySet<string> = new Set(['assert', 'expect']);

/** Is the status read at `node` an argument of a test assertion? */
function isAsserted(node: TSESTree.Node): boolean {
  const call = skipWrappersUp(node).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === skipWrappersUp(node)) return false;
  let root: TSESTree.Node = skipWrappersDown(call.callee);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappersDown(root.object);
  return root.type === AST_NODE_TYPES.Identifier && ASSERTION_ROOTS.has(root.name);
}

/**
 * Is the parse's failure handled by the `try` around it: the parse is the only statement of the
 * `try` (`try { data = await res.json(); } catch { data = null; }`), or the `catch` uses the
 * response (`catch { throw await errorOf(res); }`, `catch { throw new Error(String(res.status)); }`)?
 * Then its `SyntaxError` is handled on the spot, like `.json().catch()`. Another `try` around more
 * code was written for other failures as well.
 */
function isCaught(call: TSESTree.CallExpression, uses: readonly ResponseUse[]): boolean {
  let statement: TSESTree.Node = call;
  while (statement.parent && !isFunctionNode(statement.parent) && statement.parent.type !== AST_NODE_TYPES.BlockStatement) {
    statement = statement.parent;
  }
  const block = statement.parent;
  const attempt = block?.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement || attempt?.type !== AST_NODE_TYPES.TryStatement || attempt.block !== block) {
    return false;
  }
  const handler = attempt.handler;
  if (!handler) return false;
  return (
    block.body.length === 1 ||
    uses.some((use) => use.kind !== 'body' && handler.range[0] <= use.node.range[0] && use.node.range[1] <= handler.range[1])
  );
}
