/**
 * axios: a callable default instance with method shortcuts, `axios.create()` instances, and
 * `defaults`/`interceptors` that configure them. https://axios-http.com/docs/api_intro
 */
import type { ApiShape, ClientProfile } from './profile';
import { factory, methods, NO_TIMEOUT_VALUES, NONE, request } from './profile';

/** axios methods whose config comes after a `data` argument: `axios.post(url, data, config)`. */
export const AXIOS_DATA_METHODS: ReadonlySet<string> = new Set(['patch', 'patchForm', 'post', 'postForm', 'put', 'putForm']);

/** The methods of the default instance and of `axios.create()` instances. */
const requestMembers: Record<string, ApiShape> = {
  ...methods('axios', ['delete', 'get', 'head', 'options'], 'url-options'),
  ...methods('axios', AXIOS_DATA_METHODS, 'url-data-options'),
  // `axios.request(config)`, and since axios 1.x also `axios.request(url, config)`.
  request: request('axios', 'request', 'config-or-url-options'),
  defaults: { read: { role: 'defaults' } },
  interceptors: { read: { role: 'interceptors' } },
};

/** The API of an axios instance (`axios.create()` result). Instances can `create` again (axios ≥ 1.6). */
export const AXIOS_INSTANCE_SHAPE: ApiShape = {
  ...request('axios', null, 'config-or-url-options'),
  members: { ...requestMembers, create: factory('axios', 'create') },
};

export const axiosProfile = {
  name: 'axios',
  label: 'axios',
  modules: {
    axios: {
      ...request('axios', null, 'config-or-url-options'),
      members: { ...requestMembers, create: factory('axios', 'create') },
    },
  },
  instance: AXIOS_INSTANCE_SHAPE,
  streamMethods: NONE,
  // https://axios-http.com/docs/handling_errors: `validateStatus` decides what rejects.
  status: { httpErrors: 'rejects', option: 'validateStatus', accepts: true, check: 'status', fetchResponse: false },
  // https://axios-http.com/docs/handling_errors: `error.response` only when the server answered.
  errorResponse: true,
  timeout: {
    // https://axios-http.com/docs/req_config: `timeout` 0 (the default) means none.
    options: ['timeout'],
    signalOptions: ['signal', 'cancelToken'],
    defaultMs: null,
    disabledBy: NO_TIMEOUT_VALUES,
    disabledDescription: 'the `axios` timeout',
  },
  // https://axios-http.com/docs/res_schema
  body: { properties: new Set(['data']), methods: NONE, promiseMethods: NONE, events: NONE },
  // axios sends through node's agents (`httpAgent`, `httpsAgent`), which `node-http.ts` describes.
  pool: null,
  // https://axios-http.com/docs/req_config (`transitional`), https://github.com/axios/axios/pull/7398
  silentJson: {
    option: 'transitional',
    key: 'silentJSONParsing',
    byDefault: true,
    nonJsonResponseTypes: new Set(['arraybuffer', 'blob', 'document', 'stream', 'text']),
  },
} as const satisfies ClientProfile;
