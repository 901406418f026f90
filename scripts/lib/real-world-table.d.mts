export interface RealWorldRow {
  readonly label: string;
  readonly rules: readonly string[];
  readonly result: {
    readonly files?: number;
    readonly programs?: number;
    readonly lines?: number;
    readonly crashes: readonly unknown[];
    readonly parseFailures: readonly unknown[];
    readonly reports?: Readonly<Record<string, number>>;
    readonly fixesChecked: number;
    readonly fixSetsChecked: number;
    readonly suggestionsChecked: number;
    readonly fixFailures: readonly unknown[];
    readonly suggestionFailures: readonly unknown[];
  };
}

export function renderRealWorldTable(rows: readonly RealWorldRow[], date: string): string;
export function replaceBetweenMarkers(text: string, name: string, content: string): string;
