import type { Label } from './labels.mjs';
import type { LabelOutcome, Report, Scored } from './score.mjs';

export interface SetSummary {
  readonly sites: number;
  readonly projects: number;
  readonly packages: number;
  readonly rules: { rule: string; true: number; false: number; ambiguous: number; projects: number }[];
}

export interface LinterRun {
  readonly outcomes: LabelOutcome[];
  readonly unlabeled: Report[];
  readonly scored: Scored;
}

export interface PeerRun extends Partial<LinterRun> {
  readonly name: string;
  readonly version: string | null;
  readonly author?: string | null;
  readonly repository?: string | null;
  readonly rules: Record<string, string>;
  readonly status: 'run' | 'not run';
  readonly note?: string;
  readonly adapter?: string | null;
  /** Set when the peer ran from a local build of its public source (it is not published). */
  readonly source?: { readonly commit: string } | null;
}

export interface AccuracyRun {
  readonly date: string;
  readonly plugin: { readonly name: string; readonly version: string };
  readonly eslint?: string;
  readonly set: SetSummary;
  readonly runs: readonly (LinterRun & { readonly mode: 'plain' | 'typed' })[];
  readonly peers: readonly PeerRun[];
  readonly parseFailures: readonly { id: string; path: string; message: string; labels: number }[];
}

export function ratio(value: number | null | undefined): string;
export function lastLine(overall: Scored['overall']): string;
export function siteLine(label: Label): string;
export function summarizeSet(labels: readonly Label[]): SetSummary;
export function groupMisses(labels: readonly Label[]): { shape: string; client: string; labels: Label[] }[];
export function renderTerminal(run: AccuracyRun): string[];
export function renderMarkdown(run: AccuracyRun): string;
