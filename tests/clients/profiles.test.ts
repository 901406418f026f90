import { describe, expect, it } from 'vitest';

import type { ApiShape, ClientName } from '../../src/clients/catalogue';
import { CLIENT_LABELS, CLIENT_NAMES, instanceShapeOf, MODULE_SHAPES, PROFILES, TYPE_PACKAGES } from '../../src/clients/catalogue';
import { hasDefaultTimeout, isDisabledTimeout } from '../../src/clients/timeouts';

/** Every client a call or a construction of `shape` (and its members) names. */
function clientsOf(shape: ApiShape, found = new Set<ClientName | null>(), seen = new Set<ApiShape>()): Set<ClientName | null> {
  if (seen.has(shape)) return found;
  seen.add(shape);
  if (shape.call) found.add(shape.call.client);
  if (shape.construct) found.add(shape.construct.client);
  for (const member of Object.values(shape.members ?? {})) clientsOf(member, found, seen);
  return found;
}

describe('client profiles', () => {
  it('are listed under their own names, in the order of the client names', () => {
    expect(CLIENT_NAMES).toEqual(['axios', 'fetch', 'got', 'ky', 'node-http', 'undici']);
    for (const name of CLIENT_NAMES) expect(PROFILES[name].name).toBe(name);
  });

  it('describe only their own client (undici also exports the Fetch API, node agents belong to no client)', () => {
    for (const profile of Object.values(PROFILES)) {
      const clients = new Set<ClientName | null>();
      for (const shape of [...Object.values(profile.modules), profile.instance]) clientsOf(shape, clients);
      const allowed = new Set<ClientName | null>([profile.name, null, ...(profile.name === 'undici' ? (['fetch'] as const) : [])]);
      expect([...clients].filter((client) => !allowed.has(client))).toEqual([]);
    }
  });

  it('assemble into the module catalogue, one module claimed by one profile', () => {
    const claimed = Object.values(PROFILES).flatMap((profile) => Object.keys(profile.modules));
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const profile of Object.values(PROFILES)) {
      for (const [module, shape] of Object.entries(profile.modules)) expect(MODULE_SHAPES[module]).toBe(shape);
      expect(instanceShapeOf(profile.name)).toBe(profile.instance);
    }
    expect(TYPE_PACKAGES).toEqual({ 'undici-types': 'undici' });
    expect(MODULE_SHAPES[TYPE_PACKAGES['undici-types'] ?? '']).toBeDefined();
  });

  it('name the clients in messages', () => {
    expect(CLIENT_LABELS).toEqual({ axios: 'axios', fetch: 'fetch', got: 'got', ky: 'ky', 'node-http': 'node:http', undici: 'undici' });
  });

  it('say which clients reject on HTTP errors, and the option that makes them resolve', () => {
    const rejecting = Object.fromEntries(
      Object.values(PROFILES)
        .filter((profile) => profile.status.httpErrors === 'rejects')
        .map((profile) => [profile.name, profile.status.option]),
    );
    expect(rejecting).toEqual({ axios: 'validateStatus', got: 'throwHttpErrors', ky: 'throwHttpErrors' });
    expect(CLIENT_NAMES.filter((client) => PROFILES[client].status.fetchResponse)).toEqual(['fetch', 'ky']);
    expect(CLIENT_NAMES.filter((client) => PROFILES[client].errorResponse)).toEqual(['axios', 'got', 'ky']);
  });

  it('say which values turn a timeout off', () => {
    expect(isDisabledTimeout('ky', false)).toBe(true);
    expect(isDisabledTimeout('ky', 0)).toBe(false);
    expect(isDisabledTimeout('undici', 0)).toBe(true);
    expect(isDisabledTimeout('undici', null)).toBe(false);
    for (const client of ['axios', 'fetch', 'got', 'node-http'] as const) {
      for (const value of [0, -0, Number.POSITIVE_INFINITY, null, false]) expect(isDisabledTimeout(client, value)).toBe(true);
      for (const value of [1, undefined, true, Number.NaN, '0']) expect(isDisabledTimeout(client, value)).toBe(false);
    }
    expect(CLIENT_NAMES.filter(hasDefaultTimeout)).toEqual(['ky', 'undici']);
  });

  it('say which pool options lift the limit', () => {
    expect(PROFILES['node-http'].pool?.unlimited).toContain(Number.POSITIVE_INFINITY);
    expect(PROFILES.undici.pool).toEqual({ option: 'connections', unlimited: [0, null], totalOption: null });
    expect(CLIENT_NAMES.filter((client) => PROFILES[client].pool !== null)).toEqual(['node-http', 'undici']);
  });
});
