import type { Label } from './labels.mjs';

/** A report of one linter, its rule name mapped to the plugin's rule without the prefix. */
export interface Report {
  readonly project: string;
  readonly version: string;
  readonly path: string;
  readonly rule: string;
  readonly line: number;
  readonly endLine?: number;
  readonly message?: string;
}

export type Outcome = 'tp' | 'fp' | 'fn' | 'tn' | 'ambiguous' | 'unparsed';

export interface LabelOutcome {
  readonly label: Label;
  readonly outcome: Outcome;
  readonly reports: Report[];
}

export interface Matched {
  readonly outcomes: LabelOutcome[];
  readonly unlabeled: Report[];
}

export function matchReports(labels: readonly Label[], reports: readonly Report[], options?: { unparsed?: ReadonlySet<string> }): Matched;

export interface Metrics {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export function metrics(counts: { tp: number; fp: number; fn: number }): Metrics;

export interface Counts extends Metrics {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly ambiguous: number;
  readonly unparsed: number;
  /** TP + FP + FN + TN. */
  readonly sites: number;
}

export interface Scored {
  readonly rules: (Counts & { readonly rule: string })[];
  readonly overall: Counts & { readonly projects: number };
}

export function score(outcomes: readonly LabelOutcome[], options?: { rules?: readonly string[] }): Scored;
