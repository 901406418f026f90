/**
 * What the plugin knows about connection-pool limits: the option that caps the sockets of a node
 * agent or an undici dispatcher, and the values that mean "no limit".
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClientConstruction } from '../model/http';
import { ASTUtils } from '@typescript-eslint/utils';

import { lookupOption } from '../model/http';

/** A pool option set to a value that lifts the limit: where it is, and what to say about it. */
export type UnlimitedPool =
  | {
      readonly node: TSESTree.Node;
      readonly messageId: 'unlimitedSockets';
      readonly data: { readonly value: string };
    }
  | {
      readonly node: TSESTree.Node;
      readonly messageId: 'unlimitedConnections';
      readonly data: { readonly value: string; readonly kind: 'agent' | 'pool' };
    };

/**
 * The option of `construction` that makes its pool unlimited, if the code says so:
 * `maxSockets: Infinity` on a node (or proxy) agent without a finite `maxTotalSockets`,
 * `connections: 0 | null` on an undici pool or agent. Options that cannot be seen are not reported.
 */
export function unlimitedPoolSetting(construction: ClientConstruction, sourceCode: TSESLint.SourceCode): UnlimitedPool | null {
  const valueOf = (node: TSESTree.Node): unknown => ASTUtils.getStaticValue(node, sourceCode.getScope(node))?.value;
  if (construction.module === 'undici') {
    if (construction.kind === 'client' || construction.kind === 'instance') return null;
    // https://undici.nodejs.org/#/docs/api/Pool?id=parameter-pooloptions: `connections: null`
    // means no limit, and the pool stores `connections || null`, so 0 means no limit too.
    const connections = lookupOption(construction.options, 'connections');
    if (connections.kind !== 'found') return null;
    const value = valueOf(connections.value);
    if (value !== 0 && value !== null) return null;
    return {
      node: connections.property,
      messageId: 'unlimitedConnections',
      data: { value: String(value), kind: construction.kind === 'pool' ? 'pool' : 'agent' },
    };
  }
  if (construction.kind !== 'agent' && construction.kind !== 'proxy-agent') return null;
  // https://nodejs.org/api/http.html#new-agentoptions: `maxSockets` defaults to Infinity, and
  // the agent stores `options.maxSockets || Infinity`, so 0 and null mean no limit too.
  const maxSockets = lookupOption(construction.options, 'maxSockets');
  if (maxSockets.kind !== 'found') return null;
  const value = valueOf(maxSockets.value);
  if (value !== Infinity && value !== 0 && value !== null) return null;
  // A `maxTotalSockets` (other than Infinity) still caps the agent as a whole.
  const total = lookupOption(construction.options, 'maxTotalSockets');
  if (total.kind === 'unknown' || (total.kind === 'found' && valueOf(total.value) !== Infinity)) return null;
  return { node: maxSockets.property, messageId: 'unlimitedSockets', data: { value: sourceCode.getText(maxSockets.value) } };
}
