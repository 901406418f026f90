/** One labeled site of `accuracy/sites/<rule>.jsonl` (accuracy/README.md). */
export interface Label {
  readonly project: string;
  readonly version: string;
  readonly path: string;
  readonly line: number;
  readonly rule: string;
  readonly expected: boolean | 'ambiguous';
  readonly client: string;
  readonly shape: string;
  readonly reason: string;
  /** `file:line` of the JSONL line the label was read from. */
  readonly source: string;
}

export interface PackageGroup {
  readonly id: string;
  readonly project: string;
  readonly version: string;
  readonly files: Map<string, Label[]>;
}

export const CLIENTS: readonly string[];

export class LabelError extends Error {
  constructor(errors: string[]);
  readonly errors: string[];
}

export function validateLabel(value: unknown, options?: { fileRule?: string; knownRules?: ReadonlySet<string> }): string[];

export function siteKey(label: Label): string;

export function parseLabels(
  text: string,
  file: string,
  options?: { knownRules?: ReadonlySet<string> },
): { labels: Label[]; errors: string[] };

export function loadLabels(dir: string, options?: { knownRules?: ReadonlySet<string>; display?: (file: string) => string }): Label[];

export function duplicateErrors(labels: readonly Label[]): string[];

export function groupByPackage(labels: readonly Label[]): PackageGroup[];
