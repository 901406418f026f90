import { describe, expect, it } from 'vitest';

import { DEFAULT_WRAPPER_PATTERN, parseSettings, SETTINGS_KEY } from '../src/settings';
import { analyze } from './model/analyze';

describe('parseSettings', () => {
  it('accepts every documented setting', () => {
    expect(
      parseSettings({
        fetchFunctions: ['fetchWithRetry', 'api.fetch', '$http.get', 'ñandú'],
        statusCheckFunctions: ['assertOk'],
        timeoutFunctions: ['withDeadline'],
        clientModules: { '@/lib/http': { default: 'axios', fetcher: 'fetch' }, '~/got': { client: 'got' } },
      }),
    ).toEqual({
      fetchFunctions: ['fetchWithRetry', 'api.fetch', '$http.get', 'ñandú'],
      statusCheckFunctions: ['assertOk'],
      timeoutFunctions: ['withDeadline'],
      clientModules: { '@/lib/http': { default: 'axios', fetcher: 'fetch' }, '~/got': { client: 'got' } },
      inferWrappers: { namePattern: DEFAULT_WRAPPER_PATTERN, ignore: [] },
    });
  });

  it('fills in what is left out', () => {
    expect(parseSettings({})).toEqual({
      fetchFunctions: [],
      statusCheckFunctions: [],
      timeoutFunctions: [],
      clientModules: {},
      inferWrappers: { namePattern: DEFAULT_WRAPPER_PATTERN, ignore: [] },
    });
    expect(parseSettings({ statusCheckFunctions: ['assertOk'], fetchFunctions: undefined })).toEqual({
      fetchFunctions: [],
      statusCheckFunctions: ['assertOk'],
      timeoutFunctions: [],
      clientModules: {},
      inferWrappers: { namePattern: DEFAULT_WRAPPER_PATTERN, ignore: [] },
    });
  });

  it('rejects a value that is not an object', () => {
    for (const raw of [null, [], 'fetchWithRetry', 1]) {
      expect(() => parseSettings(raw)).toThrow("eslint-plugin-http-client: settings['http-client'] must be an object.");
    }
  });

  it('rejects unknown keys, naming the key and the known ones', () => {
    expect(() => parseSettings({ fetchFunction: ['fetchWithRetry'] })).toThrow(
      "settings['http-client'].fetchFunction is not a known setting; expected one of fetchFunctions, statusCheckFunctions, timeoutFunctions, clientModules, inferWrappers.",
    );
  });

  it('rejects lists that are not lists of function names, naming the key', () => {
    for (const value of ['fetchWithRetry', [1], ['fetch with retry'], ['api.'], ['.fetch'], ['a..b'], ['9lives'], {}]) {
      expect(() => parseSettings({ timeoutFunctions: value })).toThrow(
        `settings['http-client'].timeoutFunctions must be an array of function names such as "fetchJson" or "api.fetch".`,
      );
    }
    expect(() => parseSettings({ statusCheckFunctions: [null] })).toThrow("settings['http-client'].statusCheckFunctions must");
  });

  it('rejects malformed clientModules, naming the module and export', () => {
    expect(() => parseSettings({ clientModules: ['@/lib/http'] })).toThrow(
      "settings['http-client'].clientModules must map module names to { exportName: client }.",
    );
    expect(() => parseSettings({ clientModules: { '@/lib/http': 'axios' } })).toThrow(
      "settings['http-client'].clientModules['@/lib/http'] must map export names to a client (axios, fetch, got, ky, node-http, undici).",
    );
    expect(() => parseSettings({ clientModules: { '@/lib/http': { default: 'superagent' } } })).toThrow(
      "settings['http-client'].clientModules['@/lib/http'].default must be one of axios, fetch, got, ky, node-http, undici.",
    );
  });
});

describe('inferWrappers', () => {
  it('is on by default, off with `false`, and takes a name pattern and names to ignore', () => {
    expect(parseSettings({}).inferWrappers).toEqual({ namePattern: DEFAULT_WRAPPER_PATTERN, ignore: [] });
    expect(parseSettings({ inferWrappers: true }).inferWrappers).toEqual({ namePattern: DEFAULT_WRAPPER_PATTERN, ignore: [] });
    expect(parseSettings({ inferWrappers: false }).inferWrappers).toBeNull();
    const tuned = parseSettings({ inferWrappers: { namePattern: '^(fetch|request)', ignore: ['fetchCached', 'api.fetch'] } });
    expect(tuned.inferWrappers?.namePattern.source).toBe('^(fetch|request)');
    expect(tuned.inferWrappers?.namePattern.test('RequestUser')).toBe(true);
    expect(tuned.inferWrappers?.namePattern.test('prefetch')).toBe(false);
    expect(tuned.inferWrappers?.ignore).toEqual(['fetchCached', 'api.fetch']);
  });

  it('rejects anything else, naming the key and what it expects', () => {
    for (const value of ['off', 0, null, [], ['fetch']]) {
      expect(() => parseSettings({ inferWrappers: value })).toThrow(
        `eslint-plugin-http-client: settings['http-client'].inferWrappers must be true, false or { namePattern: "<regular expression>", ignore: ["<function name>"] }.`,
      );
    }
    expect(() => parseSettings({ inferWrappers: { pattern: 'fetch' } })).toThrow(
      "settings['http-client'].inferWrappers.pattern is not a known setting; expected namePattern or ignore.",
    );
    for (const namePattern of [1, '', /fetch/u]) {
      expect(() => parseSettings({ inferWrappers: { namePattern } })).toThrow(
        `settings['http-client'].inferWrappers.namePattern must be a regular expression as a string, such as "fetch|request".`,
      );
    }
    expect(() => parseSettings({ inferWrappers: { namePattern: 'fetch(' } })).toThrow(
      "settings['http-client'].inferWrappers.namePattern is not a valid regular expression: fetch(",
    );
    for (const ignore of ['fetchCached', [1], ['fetch cached']]) {
      expect(() => parseSettings({ inferWrappers: { ignore } })).toThrow(
        `settings['http-client'].inferWrappers.ignore must be an array of function names such as "fetchCached".`,
      );
    }
  });
});

describe('getSettings', () => {
  it('reads settings from the config and reports bad ones as a lint error', () => {
    expect(analyze('fetchWithRetry(url);', { settings: { [SETTINGS_KEY]: { fetchFunctions: ['fetchWithRetry'] } } }).model.settings)
      .toEqual({
        fetchFunctions: ['fetchWithRetry'],
        statusCheckFunctions: [],
        timeoutFunctions: [],
        clientModules: {},
        inferWrappers: { namePattern: DEFAULT_WRAPPER_PATTERN, ignore: [] },
      });
    expect(analyze('fetch(url);').model.settings).toEqual({
      fetchFunctions: [],
      statusCheckFunctions: [],
      timeoutFunctions: [],
      clientModules: {},
      inferWrappers: { namePattern: DEFAULT_WRAPPER_PATTERN, ignore: [] },
    });
    expect(() => analyze('fetch(url);', { settings: { [SETTINGS_KEY]: { timeout: 1000 } } })).toThrow(
      "settings['http-client'].timeout is not a known setting",
    );
    expect(() => analyze('fetch(url);', { settings: { [SETTINGS_KEY]: 'axios' } })).toThrow('must be an object');
  });

  it('parses the same settings object once', () => {
    const settings = { [SETTINGS_KEY]: { statusCheckFunctions: ['assertOk'] } };
    expect(analyze('a();', { settings }).model.settings).toBe(analyze('b();', { settings }).model.settings);
  });
});
