import type { TSESLint } from '@typescript-eslint/utils';

import type { ClientName } from './clients/catalogue';
import { CLIENT_NAMES } from './clients/catalogue';

/**
 * `settings['http-client']` in the flat config: how a project tells the plugin about its own
 * HTTP helpers.
 *
 * ```js
 * settings: {
 *   'http-client': {
 *     fetchFunctions: ['fetchWithRetry', 'api.fetch'],
 *     statusCheckFunctions: ['assertOk'],
 *     timeoutFunctions: ['fetchWithTimeout', 'withDeadline'],
 *     clientModules: { '@/lib/http': { default: 'axios', fetcher: 'fetch' } },
 *     inferWrappers: { namePattern: 'fetch|request', ignore: ['fetchCached'] },
 *   },
 * }
 * ```
 */
export interface HttpClientSettings {
  /** Functions that send a request and resolve with a Fetch `Response`, like `fetch` does. */
  readonly fetchFunctions: readonly string[];
  /** Functions that take a response and throw when its status is not a success (`assertOk(res)`). */
  readonly statusCheckFunctions: readonly string[];
  /**
   * Functions that give a request a deadline: either request functions that add one
   * (`fetchWithTimeout(url)`) or wrappers around a request promise (`withDeadline(fetch(url))`).
   */
  readonly timeoutFunctions: readonly string[];
  /** Modules of the project that export pre-configured clients: module → export name → client. */
  readonly clientModules: Readonly<Record<string, Readonly<Record<string, ClientName>>>>;
  /**
   * How fetch wrappers the settings do not name are inferred from their name and the way their
   * result is used, or `null` when inference is off (`inferWrappers: false`).
   */
  readonly inferWrappers: InferWrappersSettings | null;
}

/** `settings['http-client'].inferWrappers` once read. */
export interface InferWrappersSettings {
  /** Tested against the last segment of the callee's name (`fetchUser` of `this.api.fetchUser`). */
  readonly namePattern: RegExp;
  /** Names that are never inferred, in addition to the names that say the work is done. */
  readonly ignore: readonly string[];
}

/** The name pattern of inferred wrappers unless the settings give one. */
export const DEFAULT_WRAPPER_PATTERN = /fetch/iu;

const DEFAULT_INFER: InferWrappersSettings = { namePattern: DEFAULT_WRAPPER_PATTERN, ignore: [] };

/** The settings key the plugin reads. */
export const SETTINGS_KEY = 'http-client';

const EMPTY: HttpClientSettings = {
  fetchFunctions: [],
  statusCheckFunctions: [],
  timeoutFunctions: [],
  clientModules: {},
  inferWrappers: DEFAULT_INFER,
};

const LIST_KEYS = ['fetchFunctions', 'statusCheckFunctions', 'timeoutFunctions'] as const;
const KNOWN_KEYS: readonly string[] = [...LIST_KEYS, 'clientModules', 'inferWrappers'];

const cache = new WeakMap<object, HttpClientSettings>();

/**
 * Reads and validates `settings['http-client']`. Throws an `Error` whose message names the
 * offending key when the settings have an unknown key or a value of the wrong type, so a
 * misconfiguration is reported by ESLint instead of silently ignored.
 */
export function getSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): HttpClientSettings {
  const raw: unknown = (context.settings as Record<string, unknown> | undefined)?.[SETTINGS_KEY];
  if (raw === undefined) return EMPTY;
  if (typeof raw === 'object' && raw !== null) {
    const cached = cache.get(raw);
    if (cached) return cached;
  }
  const parsed = parseSettings(raw);
  cache.set(raw as object, parsed);
  return parsed;
}

/** Validates a raw settings value; exported for tests. */
export function parseSettings(raw: unknown): HttpClientSettings {
  const where = `settings['${SETTINGS_KEY}']`;
  if (!isPlainObject(raw)) {
    throw new Error(`eslint-plugin-http-client: ${where} must be an object.`);
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) {
      throw new Error(
        `eslint-plugin-http-client: ${where}.${key} is not a known setting; expected one of ${KNOWN_KEYS.join(', ')}.`,
      );
    }
  }
  const lists: Record<(typeof LIST_KEYS)[number], readonly string[]> = {
    fetchFunctions: [],
    statusCheckFunctions: [],
    timeoutFunctions: [],
  };
  for (const key of LIST_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && isFunctionPath(item))) {
      throw new Error(
        `eslint-plugin-http-client: ${where}.${key} must be an array of function names such as "fetchJson" or "api.fetch".`,
      );
    }
    lists[key] = value as string[];
  }
  const clientModules: Record<string, Record<string, ClientName>> = {};
  const modules = raw.clientModules;
  if (modules !== undefined) {
    if (!isPlainObject(modules)) {
      throw new Error(`eslint-plugin-http-client: ${where}.clientModules must map module names to { exportName: client }.`);
    }
    for (const [moduleName, exports] of Object.entries(modules)) {
      if (!isPlainObject(exports)) {
        throw new Error(
          `eslint-plugin-http-client: ${where}.clientModules['${moduleName}'] must map export names to a client (${CLIENT_NAMES.join(', ')}).`,
        );
      }
      const entry: Record<string, ClientName> = {};
      for (const [exportName, client] of Object.entries(exports)) {
        if (!CLIENT_NAMES.includes(client as ClientName)) {
          throw new Error(
            `eslint-plugin-http-client: ${where}.clientModules['${moduleName}'].${exportName} must be one of ${CLIENT_NAMES.join(', ')}.`,
          );
        }
        entry[exportName] = client as ClientName;
      }
      clientModules[moduleName] = entry;
    }
  }
  return { ...lists, clientModules, inferWrappers: parseInferWrappers(raw.inferWrappers, `${where}.inferWrappers`) };
}

function parseInferWrappers(value: unknown, where: string): InferWrappersSettings | null {
  if (value === undefined || value === true) return DEFAULT_INFER;
  if (value === false) return null;
  const expected = `must be true, false or { namePattern: "<regular expression>", ignore: ["<function name>"] }`;
  if (!isPlainObject(value)) throw new Error(`eslint-plugin-http-client: ${where} ${expected}.`);
  for (const key of Object.keys(value)) {
    if (key !== 'namePattern' && key !== 'ignore') {
      throw new Error(`eslint-plugin-http-client: ${where}.${key} is not a known setting; expected namePattern or ignore.`);
    }
  }
  let namePattern = DEFAULT_WRAPPER_PATTERN;
  if (value.namePattern !== undefined) {
    if (typeof value.namePattern !== 'string' || value.namePattern === '') {
      throw new Error(`eslint-plugin-http-client: ${where}.namePattern must be a regular expression as a string, such as "fetch|request".`);
    }
    try {
      namePattern = new RegExp(value.namePattern, 'iu');
    } catch {
      throw new Error(`eslint-plugin-http-client: ${where}.namePattern is not a valid regular expression: ${value.namePattern}`);
    }
  }
  const ignore = value.ignore ?? [];
  if (!Array.isArray(ignore) || !ignore.every((item) => typeof item === 'string' && isFunctionPath(item))) {
    throw new Error(`eslint-plugin-http-client: ${where}.ignore must be an array of function names such as "fetchCached".`);
  }
  return { namePattern, ignore: ignore as string[] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFunctionPath(value: string): boolean {
  return /^[\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u.test(value);
}
