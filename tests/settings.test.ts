import { describe, expect, it } from 'vitest';

import { parseSettings, SETTINGS_KEY } from '../src/settings';
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
    });
  });

  it('fills in what is left out', () => {
    expect(parseSettings({})).toEqual({
      fetchFunctions: [],
      statusCheckFunctions: [],
      timeoutFunctions: [],
      clientModules: {},
    });
    expect(parseSettings({ statusCheckFunctions: ['assertOk'], fetchFunctions: undefined })).toEqual({
      fetchFunctions: [],
      statusCheckFunctions: ['assertOk'],
      timeoutFunctions: [],
      clientModules: {},
    });
  });

  it('rejects a value that is not an object', () => {
    for (const raw of [null, [], 'fetchWithRetry', 1]) {
      expect(() => parseSettings(raw)).toThrow("eslint-plugin-http-client: settings['http-client'] must be an object.");
    }
  });

  it('rejects unknown keys, naming the key and the known ones', () => {
    expect(() => parseSettings({ fetchFunction: ['fetchWithRetry'] })).toThrow(
      "settings['http-client'].fetchFunction is not a known setting; expected one of fetchFunctions, statusCheckFunctions, timeoutFunctions, clientModules.",
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

describe('getSettings', () => {
  it('reads settings from the config and reports bad ones as a lint error', () => {
    expect(analyze('fetchWithRetry(url);', { settings: { [SETTINGS_KEY]: { fetchFunctions: ['fetchWithRetry'] } } }).model.settings)
      .toEqual({ fetchFunctions: ['fetchWithRetry'], statusCheckFunctions: [], timeoutFunctions: [], clientModules: {} });
    expect(analyze('fetch(url);').model.settings).toEqual({
      fetchFunctions: [],
      statusCheckFunctions: [],
      timeoutFunctions: [],
      clientModules: {},
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
