/**
 * ky: a Fetch wrapper with method shortcuts, body shortcuts on the request promise, and
 * `ky.create()`/`ky.extend()` instances. https://github.com/sindresorhus/ky#api
 */
import type { ApiShape, ClientProfile } from './profile';
import { factory, FETCH_BODY_METHODS, methods, NONE, request } from './profile';

/** The API of ky and of `ky.create()`/`ky.extend()` instances. */
export const KY_INSTANCE_SHAPE: ApiShape = {
  ...request('ky', null, 'url-options'),
  members: {
    ...methods('ky', ['delete', 'get', 'head', 'patch', 'post', 'put'], 'url-options'),
    // https://github.com/sindresorhus/ky#kycreatedefaultoptions: `create` starts from fresh defaults.
    create: factory('ky', 'create', false),
    extend: factory('ky', 'extend'),
  },
};

export const kyProfile = {
  name: 'ky',
  label: 'ky',
  modules: { ky: KY_INSTANCE_SHAPE },
  instance: KY_INSTANCE_SHAPE,
  streamMethods: NONE,
  // https://github.com/sindresorhus/ky#throwhttperrors
  status: { httpErrors: 'rejects', option: 'throwHttpErrors', accepts: false, check: 'ok', fetchResponse: true },
  // https://github.com/sindresorhus/ky#errors: `HTTPError` has a response, `TimeoutError` and a network `TypeError` do not.
  errorResponse: true,
  timeout: {
    // https://github.com/sindresorhus/ky#timeout: 10 s unless `false` (`0` would time out at once).
    options: ['timeout'],
    signalOptions: ['signal'],
    defaultMs: 10_000,
    disabledBy: [false],
    disabledDescription: 'the 10 s default timeout of `ky`',
  },
  // ky resolves with a Fetch `Response`; its promise has the same body methods (https://github.com/sindresorhus/ky#options).
  body: { properties: new Set(['body']), methods: FETCH_BODY_METHODS, promiseMethods: FETCH_BODY_METHODS, events: NONE },
  pool: null,
  silentJson: null,
} as const satisfies ClientProfile;
