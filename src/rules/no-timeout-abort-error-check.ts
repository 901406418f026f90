import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { ErrorHandler } from '../model/errors';
import type { HttpModel, HttpRequest } from '../model/http';
import { getStaticName, isFunctionNode, nodesOfType, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { getErrorHandlers, getErrorVariables, isSingleAssignment } from '../model/errors';
import { createRule } from '../create-rule';
import { getHttpModel, lookupOption } from '../model/http';

type Options = [];
type MessageIds = 'abortErrorForTimeout' | 'suggestTimeoutError';

/** A comparison of the caught error's `name` with `'AbortError'`. */
interface Candidate {
  /** The `'AbortError'` string. */
  readonly literal: TSESTree.Literal | TSESTree.TemplateLiteral;
  /** The identifier that holds the error (`err` in `err.name`). */
  readonly error: TSESTree.Identifier;
}

/** Objects through which the global `AbortSignal` is reachable. */
const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'self', 'window']);

export default createRule<Options, MessageIds>({
  name: 'no-timeout-abort-error-check',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow checking for `'AbortError'` when the request's only abort signal is `AbortSignal.timeout()`",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      abortErrorForTimeout:
        "A timed-out `AbortSignal.timeout()` rejects with `TimeoutError`, not `AbortError`: compare with `'TimeoutError'`.",
      suggestTimeoutError: "Compare with `'TimeoutError'`, the name a timed-out request rejects with.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const candidates: Candidate[] = [];
    /** Places where a timeout is named: a handler that names it already tells the two apart. */
    const timeoutNames: TSESTree.Node[] = [];
    /**
     * Code that can make something reject with an `AbortError`: controllers, other signals, a
     * thrown `AbortError`. A `try` block that holds any of them may see a real `AbortError`.
     */
    const abortSources: TSESTree.Node[] = [];
    /** `signal` properties of object literals; those of the timed-out requests are not sources. */
    const signalProperties: TSESTree.Property[] = [];

    function addCandidate(literal: TSESTree.Node, name: TSESTree.Node): void {
      const error = errorOfNameRead(name);
      if (error && (literal.type === AST_NODE_TYPES.Literal || literal.type === AST_NODE_TYPES.TemplateLiteral)) {
        candidates.push({ literal, error });
      }
    }

    function addString(node: TSESTree.Literal | TSESTree.TemplateLiteral): void {
      // Any mention of the name counts, `/AbortError|TimeoutError/.test(err.name)` included.
      const text = node.type === AST_NODE_TYPES.Literal ? node.raw : node.quasis.map((quasi) => quasi.value.raw).join('');
      if (text.includes('TimeoutError')) timeoutNames.push(node);
      else if (stringValue(node) === 'AbortError') abortSources.push(node);
    }

    return {
      BinaryExpression(node) {
        if (!['===', '==', '!==', '!='].includes(node.operator)) return;
        if (isString(node.left, 'AbortError')) addCandidate(node.left, node.right);
        else if (isString(node.right, 'AbortError')) addCandidate(node.right, node.left);
      },
      SwitchCase(node) {
        if (node.test && isString(node.test, 'AbortError')) addCandidate(node.test, node.parent.discriminant);
      },
      'Program:exit'() {
        if (candidates.length === 0) return;
        collectSources();
        const model = getHttpModel(context);
        const handlerOfError = new Map<TSESLint.Scope.Variable, ErrorHandler>();
        for (const handler of getErrorHandlers(model, sourceCode).handlers) {
          for (const variable of getErrorVariables(handler, sourceCode)) handlerOfError.set(variable, handler);
        }
        const verdicts = new Map<ErrorHandler, boolean>();
        for (const candidate of candidates) {
          const variable = ASTUtils.findVariable(sourceCode.getScope(candidate.error), candidate.error);
          const handler = variable && handlerOfError.get(variable);
          if (!handler) continue;
          let verdict = verdicts.get(handler);
          if (verdict === undefined) {
            verdict = onlyTimesOut(handler, model);
            verdicts.set(handler, verdict);
          }
          if (!verdict) continue;
          const text = sourceCode.getText(candidate.literal);
          const quote = text.charAt(0);
          context.report({
            node: candidate.literal,
            messageId: 'abortErrorForTimeout',
            suggest: [
              {
                messageId: 'suggestTimeoutError',
                fix: (fixer) => fixer.replaceText(candidate.literal, `${quote}TimeoutError${quote}`),
              },
            ],
          });
        }
      },
    };

    /**
     * The timeout names, abort sources and `signal` properties of the file, read from the shared
     * node index only when the file compares an error's name with `'AbortError'` (few files do), so
     * that the traversal calls the rule for no identifier or literal.
     */
    function collectSources(): void {
      for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.Literal)) addString(node);
      for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.TemplateLiteral)) addString(node);
      for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.MemberExpression)) {
        // `controller.signal`, `req.signal`, `this.signal`: a signal that is not the timeout.
        if (getStaticName(node) === 'signal') abortSources.push(node);
      }
      for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.CallExpression)) {
        // `controller.abort()`, `AbortSignal.abort()`, `AbortSignal.any([...])`.
        const callee = skipWrappersDown(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
        const name = getStaticName(callee);
        if (name === 'abort' || (name === 'any' && isGlobalAbortSignal(callee.object, sourceCode))) {
          abortSources.push(node);
        }
      }
      for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.Identifier)) {
        // `new AbortController()`, an `AbortError` class, a `signal` passed along.
        if (node.name !== 'AbortController' && node.name !== 'AbortError' && node.name !== 'signal') continue;
        const parent = node.parent;
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) continue;
        if (parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.VariableDeclarator) continue;
        if (isFunctionNode(parent) && parent.params.includes(node)) continue;
        abortSources.push(node);
      }
      for (const node of nodesOfType(sourceCode, AST_NODE_TYPES.Property)) {
        if (node.parent.type === AST_NODE_TYPES.ObjectExpression && getStaticName(node) === 'signal') {
          signalProperties.push(node);
        }
      }
    }

    /**
     * Can the failures that reach `handler` be aborts only through `AbortSignal.timeout()`? True
     * when it covers a fetch whose signal is such a timeout, no covered request may have another
     * signal, the covered code holds no other abort source, and the handler does not already
     * look for `'TimeoutError'`.
     */
    function onlyTimesOut(handler: ErrorHandler, model: HttpModel): boolean {
      const timed = handler.requests.filter((request) => hasTimeoutOnlySignal(request, model));
      if (timed.length === 0) return false;
      // Requests made by functions the region calls count like any other: their signals may abort.
      for (const request of [...handler.requests, ...handler.calledRequests]) {
        if (timed.includes(request)) continue;
        // A project wrapper may abort with its own controller; any other signal may be aborted.
        if (request.source === 'wrapper' || request.source === 'typed') return false;
        if (lookupOption(request.options, 'signal').kind !== 'missing') return false;
      }
      if (timeoutNames.some((node) => contains(handler.node, node))) return false;
      if (abortSources.some((node) => contains(handler.region, node))) return false;
      const timedSignals = new Set(timed.map((request) => signalPropertyOf(request)));
      return !signalProperties.some((property) => contains(handler.region, property) && !timedSignals.has(property));
    }

    /**
     * Is the request a fetch whose only abort signal is `AbortSignal.timeout()`, written in place
     * or held by a variable that is used for nothing else?
     *
     * Only the global fetch and undici's reject with the signal's reason, a `TimeoutError`
     * `DOMException` (https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal/timeout_static).
     * node-fetch (and cross-fetch, isomorphic-fetch built on it) reject with their own
     * `AbortError` whatever the reason, and so do node's `http.request` and older ky versions;
     * project wrappers may do anything.
     */
    function hasTimeoutOnlySignal(request: HttpRequest, model: HttpModel): boolean {
      if (!isReasonForwardingFetch(request)) return false;
      const property = signalPropertyOf(request);
      if (!property) return false;
      const value = skipWrappersDown(property.value);
      if (isTimeoutCall(value, sourceCode)) return true;
      if (value.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
      const definition = variable?.defs[0]?.node;
      if (
        !variable ||
        definition?.type !== AST_NODE_TYPES.VariableDeclarator ||
        !definition.init ||
        !isTimeoutCall(skipWrappersDown(definition.init), sourceCode) ||
        !isSingleAssignment(variable)
      ) {
        return false;
      }
      // Passed anywhere else (`pipeline(body, file, { signal })`, `setTimeout(ms, v, { signal })`),
      // node APIs reject with their own `AbortError` when the same signal times out.
      return variable.references.every((reference) => reference.init === true || isTimedFetchSignal(reference.identifier, model));
    }

    /** Is `identifier` the `signal` option of a fetch that forwards the abort reason? */
    function isTimedFetchSignal(identifier: TSESTree.Node, model: HttpModel): boolean {
      const property = skipWrappersUp(identifier).parent;
      if (property?.type !== AST_NODE_TYPES.Property || property.value !== skipWrappersUp(identifier)) return false;
      const options = skipWrappersUp(property.parent);
      const call = options.parent;
      const request = call?.type === AST_NODE_TYPES.CallExpression ? model.requestOf(call) : undefined;
      return request !== undefined && isReasonForwardingFetch(request) && signalPropertyOf(request) === property;
    }
  },
});

/** A fetch that rejects with the abort signal's reason: the global fetch or undici's. */
function isReasonForwardingFetch(request: HttpRequest): boolean {
  return request.client === 'fetch' && request.source === 'library' && (request.module === null || request.module === 'undici');
}

/** The `signal` property written in the request's options object, if any. */
function signalPropertyOf(request: HttpRequest): TSESTree.Property | null {
  const signal = lookupOption(request.options, 'signal');
  // Request options are an object literal, so what is found is one of its properties.
  return signal.kind === 'found' ? (signal.property as TSESTree.Property) : null;
}

/** Is `node` `AbortSignal.timeout(ms)` on the global `AbortSignal`? */
function isTimeoutCall(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipWrappersDown(node.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    getStaticName(callee) === 'timeout' &&
    isGlobalAbortSignal(callee.object, sourceCode)
  );
}

/** Is `node` the global `AbortSignal` (also as `globalThis.AbortSignal`), not a local of that name? */
function isGlobalAbortSignal(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const inner = skipWrappersDown(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappersDown(inner.object);
    return (
      getStaticName(inner) === 'AbortSignal' && object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name)
    );
  }
  if (inner.type !== AST_NODE_TYPES.Identifier || inner.name !== 'AbortSignal') return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(inner), inner);
  return !variable || variable.defs.length === 0;
}

/**
 * The error variable of a `name` read (`err.name`, `err?.name`, `(err as Error).name`), or `null`
 * when `node` is something else.
 */
function errorOfNameRead(node: TSESTree.Node): TSESTree.Identifier | null {
  const member = skipWrappersDown(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || getStaticName(member) !== 'name') return null;
  const object = skipWrappersDown(member.object);
  return object.type === AST_NODE_TYPES.Identifier ? object : null;
}

/** The string a literal or a template without expressions spells. */
function stringValue(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0 ? node.quasis.map((quasi) => quasi.value.cooked).join('') : null;
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : null;
}

function isString(node: TSESTree.Node, value: string): boolean {
  return stringValue(node) === value;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
