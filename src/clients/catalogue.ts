/**
 * The client catalogue: the profiles of the client families the plugin understands, and what is
 * assembled from them — the modules the model tracks, the API of each family's instances, the
 * names messages use. Each family's knowledge lives in its own file (`axios.ts`, `fetch.ts`, ...).
 *
 * This is data only. `model/http.ts` turns `MODULE_SHAPES` into reference-tracker maps and finds the uses.
 */
import type { ApiShape, ClientName, ClientProfile } from './profile';
import { AGENT_MODULE_SHAPES } from './agents';
import { axiosProfile } from './axios';
import { FETCH_SHAPE, fetchProfile } from './fetch';
import { gotProfile } from './got';
import { kyProfile } from './ky';
import { nodeHttpProfile } from './node-http';
import { undiciProfile } from './undici';

export type {
  ApiInfo,
  ApiShape,
  ClientName,
  ClientProfile,
  ConstructApi,
  ConstructedKind,
  DefaultsApi,
  FactoryApi,
  InterceptorsApi,
  RequestApi,
  RequestSignature,
} from './profile';
export { AXIOS_DATA_METHODS } from './axios';
export { GLOBAL_FETCH_TYPE_MODULES, GLOBAL_OBJECT_NAMES } from './fetch';

/** Every client profile, by client name. Adding a client family adds its profile here. */
export const PROFILES: Readonly<Record<ClientName, ClientProfile>> = {
  axios: axiosProfile,
  fetch: fetchProfile,
  got: gotProfile,
  ky: kyProfile,
  'node-http': nodeHttpProfile,
  undici: undiciProfile,
};

/** Every known client name, for schemas and settings validation. */
export const CLIENT_NAMES: readonly ClientName[] = Object.keys(PROFILES) as ClientName[];

/** Everything the plugin knows about `client`. */
export function profileOf(client: ClientName): ClientProfile {
  return PROFILES[client];
}

/**
 * The modules the plugin recognises, keyed by import specifier: every profile's modules, and the
 * agent modules (`agents.ts`).
 */
export const MODULE_SHAPES: Readonly<Record<string, ApiShape>> = Object.fromEntries([
  ...Object.values(PROFILES).flatMap((profile) => Object.entries(profile.modules)),
  ...Object.entries(AGENT_MODULE_SHAPES),
]);

/** Packages that hold another module's type declarations, mapped to that module. */
export const TYPE_PACKAGES: Readonly<Record<string, string>> = Object.assign(
  {},
  ...Object.values(PROFILES).map((profile) => profile.typePackages ?? {}),
) as Record<string, string>;

/** The shape of an instance created by a factory of `client`. */
export function instanceShapeOf(client: ClientName): ApiShape {
  return PROFILES[client].instance;
}

/** The global `fetch`. */
export const GLOBAL_FETCH_SHAPE: ApiShape = FETCH_SHAPE;

/** Human-readable client names for messages. */
export const CLIENT_LABELS: Readonly<Record<ClientName, string>> = Object.fromEntries(
  Object.values(PROFILES).map((profile) => [profile.name, profile.label]),
) as Record<ClientName, string>;
