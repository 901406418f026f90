/**
 * What each client does about deadlines, read from the client profiles (`timeout` of each): which
 * options set a timeout, what it waits by default, and which values turn it off. Data first, with
 * the one function that interprets it.
 */
import type { ClientName } from './profile';
import { PROFILES } from './catalogue';
import { undiciProfile } from './undici';

export { NODE_FETCH_MODULES } from './fetch';
export { CHAINABLE_REQUEST_METHODS, LISTENER_METHODS } from './node-http';

/** undici's two 300 s defaults, which Node's built-in `fetch` inherits. */
export const UNDICI_TIMEOUT_OPTIONS: readonly string[] = undiciProfile.timeout.options;

/** What a disabled timeout turns off, for messages. */
export const DISABLED_TIMEOUT_DESCRIPTIONS: Readonly<Record<ClientName, string>> = Object.fromEntries(
  Object.values(PROFILES).map((profile) => [profile.name, profile.timeout.disabledDescription]),
) as Record<ClientName, string>;

/**
 * Which values turn a client's timeout off (its profile's `timeout.disabledBy`): ky takes only
 * `false` (`0` would time out at once); undici's `headersTimeout`/`bodyTimeout` only `0`; for the
 * others `0`, `Infinity`, `null` and `false` all mean "no timeout".
 */
export function isDisabledTimeout(client: ClientName, value: unknown): value is boolean | number | null {
  return PROFILES[client].timeout.disabledBy.includes(value);
}

/** Does a request of `client` have a deadline when the code sets none (ky's 10 s, undici's 300 s)? */
export function hasDefaultTimeout(client: ClientName): boolean {
  return PROFILES[client].timeout.defaultMs !== null;
}
