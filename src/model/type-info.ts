import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { createRequire } from 'node:module';

/** Type information for the file being linted. */
export interface TypeInfo {
  readonly services: ParserServicesWithTypeInformation;
  readonly checker: ts.TypeChecker;
}

/**
 * The file's type information, or `null` when it was parsed without it (plain JavaScript, no
 * `parserOptions.projectService`, oxlint's JS plugins). Unlike `ESLintUtils.getParserServices`,
 * this never throws: every rule must keep working on syntax alone.
 */
export function getTypeInfo(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TypeInfo | null {
  const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  return { services: services as ParserServicesWithTypeInformation, checker: services.program.getTypeChecker() };
}

/**
 * Is `type` the Fetch API `Response` — from lib.dom, from undici-types (Node's global fetch), or
 * from a package that re-declares it (node-fetch)? Promises are looked through, so both
 * `Response` and `Promise<Response>` match. Matched by the declared name plus the members that
 * make it a Fetch response, so an unrelated class called `Response` does not count.
 */
export function isFetchResponseType(type: ts.Type, checker: ts.TypeChecker): boolean {
  const awaited = checker.getAwaitedType(type) ?? type;
  const candidates = awaited.isUnion() ? awaited.types : [awaited];
  return candidates.some((candidate) => {
    const symbol = candidate.getSymbol() ?? candidate.aliasSymbol;
    if (symbol?.getName() !== 'Response') return false;
    return ['ok', 'status', 'headers', 'json', 'text'].every(
      (member) => candidate.getProperty(member) !== undefined,
    );
  });
}

/** Does `node` evaluate to a Fetch `Response` (or a promise of one)? `false` without types. */
export function isFetchResponseNode(node: TSESTree.Node, info: TypeInfo | null): boolean {
  if (!info) return false;
  return askChecker(false, () => isFetchResponseType(info.services.getTypeAtLocation(node), info.checker));
}

let typescript: typeof ts | undefined;

/**
 * The `typescript` module, loaded on first use. Only the type-aware paths call this, and they run
 * only when typescript-eslint has given the file a program, so TypeScript is installed; a static
 * import would make the plugin fail to load where it is not (oxlint, plain JavaScript projects).
 */
export function loadTypeScript(): typeof ts {
  if (!typescript) {
    // The CommonJS build has `require`; the ES module build makes one.
    const load = typeof require === 'function' ? require : createRequire(import.meta.url);
    typescript = load('typescript') as typeof ts;
  }
  return typescript;
}

/**
 * Runs a question to the type checker. TypeScript's checker recurses over deeply nested code and can
 * overflow the stack on very large generated files (bundles of megabytes); that is the checker's limit,
 * not a fact about the code, so the question then gets `fallback` — the answer of a run without types —
 * instead of crashing the lint.
 */
export function askChecker<T>(fallback: T, question: () => T): T {
  try {
    return question();
  } catch (error) {
    if (error instanceof RangeError) return fallback;
    throw error;
  }
}
