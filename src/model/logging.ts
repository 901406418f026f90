import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { getStaticName, nameOf, skipWrappersDown } from '../ast/nodes';

/**
 * What the models know about logging: a value handed to a log call is printed, not kept and not
 * used as data. One list of log methods and one test of logger names for every model that asks.
 */

/** Methods of `console` and of project loggers (pino, winston, bunyan, Nest's `Logger`). */
export const LOG_METHODS: ReadonlySet<string> = new Set(['debug', 'error', 'fatal', 'info', 'log', 'trace', 'verbose', 'warn', 'warning']);

/** Names a logger object goes by: `console`, `log`, `logger`, `_logger`, `appLogger`, `LOG`. */
const LOGGER_NAME = /^(?:console|_?log|_?logger|\w*Logger)$/iu;

/** Is `name` the name of a console or a logger object? */
export function isLoggerName(name: string): boolean {
  return LOGGER_NAME.test(name);
}

/** The method and the owner's name of a member callee (`warn` and `logger` of `this.logger.warn`). */
export function memberCallee(callee: TSESTree.Node): { method: string | null; owner: string | null } | null {
  const inner = skipWrappersDown(callee);
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return null;
  return { method: getStaticName(inner), owner: nameOf(skipWrappersDown(inner.object)) };
}

/** `console.warn`, `this.logger.debug`, `log.info`: a log method of an object named as a logger. */
export function isLogCallee(callee: TSESTree.Node): boolean {
  const member = memberCallee(callee);
  return member?.method != null && member.owner !== null && LOG_METHODS.has(member.method) && isLoggerName(member.owner);
}
