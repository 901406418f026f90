export interface Peer {
  readonly name: string;
  readonly version: string | null;
  readonly published: boolean;
  readonly namespace?: string;
  readonly author?: string;
  readonly repository?: string;
  readonly note?: string;
  readonly adapter?: string;
  /** For a peer that is not published: the commit of its public source that a local build is of. */
  readonly commit?: string;
  /** The peer's rule name → the plugin's rule it competes with. */
  readonly rules: Record<string, string>;
}

export function parsePeers(value: unknown, options?: { knownRules?: ReadonlySet<string>; file?: string }): Peer[];

export interface AnyRule {
  readonly meta?: object;
  create?: (context: never) => object;
  createOnce?: (context: never) => object;
}

export function adaptRule(rule: AnyRule): { rule: { meta?: object; create: (context: never) => object }; adapted: boolean };

export function peerPlugin(
  module: unknown,
  peer: Peer,
): { plugin: { meta: { name: string; version: string | null }; rules: Record<string, object> }; adapted: string[]; shims: Set<string> };

export const PEER_SOURCES_VARIABLE: string;
export function shimName(name: string): string;
export function shimContext<T extends object>(context: T, used: Set<string>, current?: () => unknown): T & Record<string, unknown>;
export function shimRule(rule: { meta?: object; create: (context: never) => object }, used: Set<string>): { meta?: object; create: (context: never) => object };
export function parsePeerSources(options?: { args?: readonly string[]; variable?: string; cwd?: string }): Map<string, string>;
export function sourceEntry(dir: string, peer: Peer): string;
export function resolvePeerSources(sources: ReadonlyMap<string, string>, peers: readonly Peer[]): Map<string, { dir: string; entry: string }>;
export function notRunNote(peer: Peer): string | undefined;
