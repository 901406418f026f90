import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

/** A reference-tracker map: property names lead deeper, the tracker's symbols carry an entry's info. */
export interface TraceMapElement {
  [key: string]: TraceMapElement;
}

/** The top of a trace map: module names (or global names) to their elements. */
export type TraceMap = Record<string, TraceMapElement>;

/** One reference the tracker found, with the info stored under the tracker's symbol. */
export interface TrackedReference<Info> {
  readonly node: TSESTree.Node;
  readonly info: Info;
  readonly path: readonly string[];
  readonly type: symbol;
}

/**
 * `ReferenceTracker` as the models use it. `iteratePropertyReferences` exists at runtime but is missing
 * from the published types, so the tracker is typed here once.
 */
export interface Tracker<Info> {
  iterateEsmReferences(traceMap: TraceMap): IterableIterator<TrackedReference<Info>>;
  iterateCjsReferences(traceMap: TraceMap): IterableIterator<TrackedReference<Info>>;
  iterateGlobalReferences(traceMap: TraceMap): IterableIterator<TrackedReference<Info>>;
  iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMapElement): IterableIterator<TrackedReference<Info>>;
}

/**
 * A reference tracker over `globalScope` in legacy mode, where a default import also reaches the
 * module's CommonJS `module.exports` shape.
 */
export function createTracker<Info>(globalScope: TSESLint.Scope.Scope): Tracker<Info> {
  return new ASTUtils.ReferenceTracker(globalScope, { mode: 'legacy' }) as unknown as Tracker<Info>;
}
