import type { Linter } from 'eslint';

/** A crash of a rule while linting a file, its fixed output or a suggestion's output. */
export interface Crash {
  readonly file: string;
  readonly stage: string;
  readonly rule: string;
  readonly message: string;
  readonly stack: string;
}

/** A fix or suggestion whose output does not parse or is not idempotent. */
export interface FixFailure {
  readonly file: string;
  readonly rule: string;
  readonly messageId: string;
  readonly suggestion?: string;
  readonly line: number;
  readonly reason: string;
  readonly snippet: string;
}

/** Totals over every file a checker has seen. */
export interface Summary {
  files: number;
  parsed: number;
  readonly crashes: Crash[];
  readonly parseFailures: { readonly file: string; readonly message: string }[];
  readonly reports: Record<string, number>;
  fixesChecked: number;
  fixSetsChecked: number;
  suggestionsChecked: number;
  readonly fixFailures: FixFailure[];
  readonly suggestionFailures: FixFailure[];
}

/** The plugin's rule id prefix. */
export const PREFIX: string;

export function languageCandidates(
  filename: string,
  options?: { sourceType?: 'commonjs' | 'module'; typed?: { tsconfigRootDir: string } | null },
): Linter.LanguageOptions[];

export function applyFixes(text: string, fixes: readonly { range: readonly [number, number]; text: string }[]): string;

export function sourceTypeOf(file: string, stop: string): 'commonjs' | 'module';

export interface CheckerOptions {
  /** The plugin; its `configs.all` (or `config`) is a flat config entry with `plugins` and `rules`. */
  readonly plugin: { readonly configs: { readonly all: object } };
  readonly config?: object;
  readonly cwd?: string;
  readonly typed?: { tsconfigRootDir: string } | null;
  readonly settings?: Record<string, unknown>;
}

export interface Checker {
  checkFile(
    filename: string,
    text: string,
    hints?: { sourceType?: 'commonjs' | 'module'; file?: string },
  ): { crashed?: boolean; parsed?: boolean; messages?: Linter.LintMessage[] };
  readonly summary: Summary;
  readonly linter: Linter;
  readonly ruleIds: string[];
}

export function createChecker(options: CheckerOptions): Checker;
