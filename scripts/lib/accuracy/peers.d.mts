export interface Peer {
  readonly name: string;
  readonly version: string | null;
  readonly published: boolean;
  readonly namespace?: string;
  readonly author?: string;
  readonly repository?: string;
  readonly note?: string;
  readonly adapter?: string;
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
): { plugin: { meta: { name: string; version: string | null }; rules: Record<string, object> }; adapted: string[] };
