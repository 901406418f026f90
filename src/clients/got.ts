/**
 * got: a callable instance with method shortcuts, `got.stream` and `got.paginate`, and
 * `got.extend()` instances. https://github.com/sindresorhus/got/blob/main/documentation/1-promise.md
 */
import type { ApiShape, ClientProfile } from './profile';
import { factory, methods, NO_TIMEOUT_VALUES, NONE, request } from './profile';

const methodNames = ['delete', 'get', 'head', 'patch', 'post', 'put'];

/** The API of got and of `got.extend()` instances. */
export const GOT_INSTANCE_SHAPE: ApiShape = {
  ...request('got', null, 'config-or-url-options'),
  members: {
    ...methods('got', methodNames, 'config-or-url-options'),
    stream: {
      ...request('got', 'stream', 'config-or-url-options'),
      members: methods('got', methodNames, 'config-or-url-options'),
    },
    paginate: request('got', 'paginate', 'config-or-url-options'),
    extend: factory('got', 'extend'),
  },
};

export const gotProfile = {
  name: 'got',
  label: 'got',
  modules: {
    // got exports itself as the default and as `got`: `import { got } from 'got'`, `require('got').got`.
    got: { ...GOT_INSTANCE_SHAPE, members: { ...GOT_INSTANCE_SHAPE.members, got: GOT_INSTANCE_SHAPE } },
  },
  instance: GOT_INSTANCE_SHAPE,
  // `got.stream()` returns a duplex stream, `got.paginate()` an async iterator.
  streamMethods: new Set(['paginate', 'stream']),
  // https://github.com/sindresorhus/got/blob/main/documentation/2-options.md#throwhttperrors
  status: { httpErrors: 'rejects', option: 'throwHttpErrors', accepts: false, check: 'statusCode', fetchResponse: false },
  // https://github.com/sindresorhus/got/blob/main/documentation/8-errors.md: `RequestError#response`.
  errorResponse: true,
  timeout: {
    // https://github.com/sindresorhus/got/blob/main/documentation/6-timeout.md: `timeout: { request: ms }`.
    options: ['timeout'],
    signalOptions: ['signal'],
    defaultMs: null,
    disabledBy: NO_TIMEOUT_VALUES,
    disabledDescription: 'the `got` timeout',
  },
  body: {
    // https://github.com/sindresorhus/got/blob/main/documentation/3-streams.md#response-2
    properties: new Set(['body', 'rawBody']),
    methods: NONE,
    // https://github.com/sindresorhus/got/blob/main/documentation/1-promise.md#promisejson
    promiseMethods: new Set(['buffer', 'json', 'text']),
    events: NONE,
  },
  // got sends through node's agents (`agent: { http, https }`), which `node-http.ts` describes.
  pool: null,
  silentJson: null,
} as const satisfies ClientProfile;
