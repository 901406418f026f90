import type { Arbitrary } from 'fast-check';

/** A generated program and the source type it is written for. */
export interface Program {
  readonly code: string;
  readonly mode: 'commonjs' | 'module';
}

/** Random valid programs that make HTTP calls. */
export const programArbitrary: Arbitrary<Program>;

/** The same grammar with at most `maxDeclarations` top-level declarations. */
export function makeProgramArbitrary(options?: { maxDeclarations?: number }): Arbitrary<Program>;
