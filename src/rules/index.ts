import type { TSESLint } from '@typescript-eslint/utils';

import type { HttpClientRuleDocs } from '../create-rule';
import noClientPerRequest from './no-client-per-request';
import noFloatingRequest from './no-floating-request';
import noImplicitJson from './no-implicit-json';
import noPerChunkDecoding from './no-per-chunk-decoding';
import noTimeoutAbortErrorCheck from './no-timeout-abort-error-check';
import noUnboundedConcurrency from './no-unbounded-concurrency';
import noUnguardedErrorResponse from './no-unguarded-error-response';
import requireRequestTimeout from './require-request-timeout';
import requireStatusCheck from './require-status-check';

/** Every rule of the plugin, keyed by name, in alphabetical order. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], HttpClientRuleDocs>> = {
  'no-client-per-request': noClientPerRequest,
  'no-floating-request': noFloatingRequest,
  'no-implicit-json': noImplicitJson,
  'no-per-chunk-decoding': noPerChunkDecoding,
  'no-timeout-abort-error-check': noTimeoutAbortErrorCheck,
  'no-unbounded-concurrency': noUnboundedConcurrency,
  'no-unguarded-error-response': noUnguardedErrorResponse,
  'require-request-timeout': requireRequestTimeout,
  'require-status-check': requireStatusCheck,
};
