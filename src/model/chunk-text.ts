/**
 * How the code turns the chunks of a byte stream into text: `toString()`, `String()`, `+` and
 * template literals on a `Buffer`, `TextDecoder#decode()`, and where the text of one chunk goes
 * (a string or an array that outlives the chunk). Facts only; `no-per-chunk-decoding` judges them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { ChunkSource } from './byte-streams';
import { findProperty, getStaticName, isUndefinedLiteral, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { isGlobalName, isTextDecoderConstruction, methodCallOn, RETURNS_THIS } from './byte-streams';

/** Where the text of one chunk goes. */
export type Accumulation =
  /** `body += text`, `body = body + text`. */
  | { readonly kind: 'assign'; readonly node: TSESTree.AssignmentExpression }
  /** `parts.push(text)`: `top` is the pushed expression. */
  | { readonly kind: 'push'; readonly array: TSESLint.Scope.Variable; readonly top: TSESTree.Node };

/** A `TextDecoder` as the code shows it. */
export interface Decoder {
  readonly construction: TSESTree.NewExpression;
  /** The `const decoder = new TextDecoder()` variable; `null` for `new TextDecoder().decode(chunk)`. */
  readonly variable: TSESLint.Scope.Variable | null;
  readonly declarator: TSESTree.VariableDeclarator | null;
}

/**
 * Buffer encodings in which one character can take more than one byte, so a chunk boundary can cut
 * it in two. Node.js matches encoding names case-insensitively.
 * https://nodejs.org/api/buffer.html#buffers-and-character-encodings
 */
export const MULTI_BYTE_BUFFER_ENCODINGS: ReadonlySet<string> = new Set(['ucs-2', 'ucs2', 'utf-16le', 'utf-8', 'utf16le', 'utf8']);

/**
 * Labels of the WHATWG encodings in which one character can take more than one byte (UTF-8,
 * UTF-16 and the legacy CJK encodings). The other labels name single-byte encodings, which a
 * chunk boundary cannot split. https://encoding.spec.whatwg.org/#names-and-labels
 */
export const MULTI_BYTE_LABELS: ReadonlySet<string> = new Set([
  // UTF-8
  'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8',
  // UTF-16
  'unicodefffe', 'utf-16be', 'csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le',
  // GBK and gb18030
  'chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312', 'gb_2312-80', 'gbk', 'iso-ir-58', 'x-gbk', 'gb18030',
  // Big5
  'big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5',
  // EUC-JP, ISO-2022-JP, Shift_JIS
  'cseucpkdfmtjapanese', 'euc-jp', 'x-euc-jp', 'csiso2022jp', 'iso-2022-jp',
  'csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'shift_jis', 'sjis', 'windows-31j', 'x-sjis',
  // EUC-KR
  'cseuckr', 'csksc56011987', 'euc-kr', 'iso-ir-149', 'korean', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601',
  'ksc_5601', 'windows-949',
]);

/** The `TextDecoder` a `.decode()` call is made on, when the code shows where it comes from. */
export function findDecoder(object: TSESTree.Node, sourceCode: TSESLint.SourceCode): Decoder | null {
  const inner = skipWrappersDown(object);
  if (inner.type === AST_NODE_TYPES.NewExpression) {
    return isTextDecoderConstruction(inner, sourceCode)
      ? { construction: inner, variable: null, declarator: null }
      : null;
  }
  if (inner.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(inner), inner);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return null;
  const declarator = def.node;
  const init = skipWrappersDown(declarator.init as TSESTree.Expression);
  if (init.type !== AST_NODE_TYPES.NewExpression || !isTextDecoderConstruction(init, sourceCode)) return null;
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== declarator.id)) {
    return null;
  }
  return { construction: init, variable, declarator };
}

/**
 * Where the text decoded from one chunk goes, when it is collected across chunks: `body += text`,
 * `body = body + text`, or `parts.push(text)` — into a variable that outlives the chunk.
 */
export function findAccumulation(
  expression: TSESTree.Node,
  source: ChunkSource,
  sourceCode: TSESLint.SourceCode,
): Accumulation | null {
  let top = skipWrappersUp(expression);
  for (let parent = top.parent; parent; parent = top.parent) {
    const concatenates =
      (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+') ||
      (parent.type === AST_NODE_TYPES.TemplateLiteral && parent.parent.type !== AST_NODE_TYPES.TaggedTemplateExpression);
    if (!concatenates) break;
    top = skipWrappersUp(parent);
  }
  const parent = top.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === top) {
    const appends =
      parent.operator === '+=' ||
      (parent.operator === '=' &&
        parent.left.type === AST_NODE_TYPES.Identifier &&
        mentions(top, parent.left.name));
    return appends && outlivesChunk(parent.left, source, sourceCode) ? { kind: 'assign', node: parent } : null;
  }
  const array = pushTarget(top, sourceCode);
  return array && outlivesChunk(array.id, source, sourceCode) ? { kind: 'push', array: array.variable, top } : null;
}

/** Does `target` outlive one chunk (declared outside the per-chunk code, or a property)? */
export function outlivesChunk(target: TSESTree.Node, source: ChunkSource, sourceCode: TSESLint.SourceCode): boolean {
  if (target.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  const def = variable?.defs[0];
  return !def || !contains(source.region, def.name);
}

/**
 * A short name for a stream or decoder in messages, built from the expression's shape: `res`,
 * `res.body`, `got.stream()`, `fetch().body`. Calls that return the stream itself
 * (`res.on('end', f)`) are named by the stream they are made on.
 */
export function streamLabel(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string {
  const inner = skipWrappersDown(node);
  switch (inner.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipWrappersDown(inner.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && RETURNS_THIS.has(getStaticName(callee) ?? '')) {
        return streamLabel(callee.object, sourceCode);
      }
      return `${streamLabel(callee, sourceCode)}()`;
    }
    case AST_NODE_TYPES.AwaitExpression:
      return streamLabel(inner.argument, sourceCode);
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticName(inner);
      return name === null ? sourceCode.getText(inner) : `${streamLabel(inner.object, sourceCode)}.${name}`;
    }
    default:
      return sourceCode.getText(inner);
  }
}

/** `chunk.toString(encoding?)` or `String(chunk)`; `encoding` is `null` when it is not a multi-byte text encoding. */
export function explicitDecoding(
  occurrence: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): { node: TSESTree.CallExpression; encoding: string | null } | null {
  const parent = occurrence.parent;
  if (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.length === 1 &&
    parent.arguments[0] === occurrence &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'String' &&
    isGlobalName(parent.callee, sourceCode)
  ) {
    return { node: parent, encoding: 'utf8' };
  }
  const method = methodCallOn(occurrence);
  if (method?.name !== 'toString') return null;
  const { call } = method;
  const [argument] = call.arguments;
  if (call.arguments.length > 1) return { node: call, encoding: null };
  if (!argument || isUndefinedLiteral(argument)) return { node: call, encoding: 'utf8' };
  // Buffer#toString(encoding): https://nodejs.org/api/buffer.html#buftostringencoding-start-end
  const value = ASTUtils.getStringIfConstant(argument, sourceCode.getScope(argument));
  return { node: call, encoding: value !== null && MULTI_BYTE_BUFFER_ENCODINGS.has(value.toLowerCase()) ? value : null };
}

/** Is the chunk turned into a string by `+`, `+=` or a template literal? */
export function isStringConversion(occurrence: TSESTree.Node): boolean {
  const parent = occurrence.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '+';
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.operator === '+=' && parent.right === occurrence;
    case AST_NODE_TYPES.TemplateLiteral:
      return parent.parent.type !== AST_NODE_TYPES.TaggedTemplateExpression;
    default:
      return false;
  }
}

/** `array.push(..., node, ...)` on a local array variable. */
export function pushTarget(
  node: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): { variable: TSESLint.Scope.Variable; id: TSESTree.Identifier } | null {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    return null;
  }
  const callee = call.callee;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.optional ||
    getStaticName(callee) !== 'push' ||
    callee.object.type !== AST_NODE_TYPES.Identifier
  ) {
    return null;
  }
  const id = callee.object;
  const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
  return variable && variable.defs.length > 0 ? { variable, id } : null;
}

/** `array.join('')` calls: they turn every element into a string on its own and concatenate them. */
export function joinCalls(variable: TSESLint.Scope.Variable): TSESTree.CallExpression[] {
  const joins: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    const method = methodCallOn(skipWrappersUp(reference.identifier));
    if (method?.name !== 'join' || method.call.arguments.length !== 1) continue;
    const [separator] = method.call.arguments as [TSESTree.CallExpressionArgument];
    if (ASTUtils.getStringIfConstant(separator) === '') joins.push(method.call);
  }
  return joins;
}

/** Is the array only pushed to, joined and measured, so its elements may as well be strings? */
export function isTextArray(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.every((reference) => {
    if (reference.isWrite()) return true;
    const read = skipWrappersUp(reference.identifier);
    const name = methodCallOn(read)?.name;
    return name === 'push' || name === 'join' || isLengthRead(read);
  });
}

/** `array.length` read, not written. */
export function isLengthRead(read: TSESTree.Node): boolean {
  const member = read.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== read || getStaticName(member) !== 'length') {
    return false;
  }
  const outer = skipWrappersUp(member);
  const parent = outer.parent;
  const written =
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) ||
    parent?.type === AST_NODE_TYPES.UpdateExpression;
  return !written;
}

/** Does `TextDecoder(label)` decode an encoding with multi-byte characters? A label that is not static may. */
export function decodesMultiByte(construction: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
  const [label] = construction.arguments;
  if (!label || isUndefinedLiteral(label)) return true;
  if (label.type === AST_NODE_TYPES.SpreadElement) return false;
  const value = ASTUtils.getStaticValue(label, sourceCode.getScope(label));
  if (!value) return true;
  return typeof value.value === 'string' && MULTI_BYTE_LABELS.has(value.value.trim().toLowerCase());
}

/**
 * The second argument of `decoder.decode(chunk, options)`:
 * - `absent`: no options, so `{ stream: true }` can be added;
 * - `streaming`: `stream` is (or may be) true;
 * - `not-streaming`: options without a true `stream`;
 * - `unknown`: options that cannot be read.
 * https://developer.mozilla.org/docs/Web/API/TextDecoder/decode#stream
 */
export function decodeOptions(
  call: TSESTree.CallExpression,
  sourceCode: TSESLint.SourceCode,
): 'absent' | 'not-streaming' | 'streaming' | 'unknown' {
  const { arguments: args } = call;
  if (args.length > 2 || args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return 'unknown';
  const options = args[1];
  if (!options) return 'absent';
  if (isUndefinedLiteral(options)) return 'not-streaming';
  const object = skipWrappersDown(options);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return 'unknown';
  const stream = findProperty(object, 'stream');
  if (stream.kind === 'missing') return 'not-streaming';
  if (stream.kind === 'unknown') return 'unknown';
  const value = ASTUtils.getStaticValue(stream.value, sourceCode.getScope(stream.value));
  if (!value) return 'unknown';
  return value.value ? 'streaming' : 'not-streaming';
}

/** Does the concatenation `node` have the variable `name` as one of its operands (`body + chunk`)? */
export function mentions(node: TSESTree.Node, name: string): boolean {
  const inner = skipWrappersDown(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return inner.name === name;
    case AST_NODE_TYPES.BinaryExpression:
      return inner.operator === '+' && (mentions(inner.left, name) || mentions(inner.right, name));
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.some((expression) => mentions(expression, name));
    default:
      return false;
  }
}

export function isUtf8(encoding: string): boolean {
  const lower = encoding.toLowerCase();
  return lower === 'utf8' || lower === 'utf-8';
}

/** Is `node` inside `region`? */
export function contains(region: TSESTree.Node | null, node: TSESTree.Node): boolean {
  return region !== null && region.range[0] <= node.range[0] && node.range[1] <= region.range[1];
}

/** Does this chunk expression stay correct when the chunk is a string instead of a Buffer? */
export function isTextUse(occurrence: TSESTree.Node, encoding: string, sourceCode: TSESLint.SourceCode): boolean {
  const explicit = explicitDecoding(occurrence, sourceCode);
  if (explicit) return explicit.encoding === encoding || (explicit.encoding !== null && isUtf8(explicit.encoding) && isUtf8(encoding));
  if (isStringConversion(occurrence)) return true;
  const array = pushTarget(occurrence, sourceCode);
  return array !== null && joinCalls(array.variable).length > 0 && isTextArray(array.variable);
}

// Where a `stream.setEncoding()` call can go.

/** `res`, `this.res`, `res.body`: an expression that can be repeated in a statement of its own. */
export function isSimplePath(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return !node.computed && !node.optional && isSimplePath(node.object);
    default:
      return false;
  }
}

/** Is `statement` in a statement list, where another statement can go before it? */
export function isInBlock(statement: TSESTree.Node): boolean {
  switch (statement.parent?.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
    case AST_NODE_TYPES.SwitchCase:
      return true;
    default:
      return false;
  }
}

/** The expression statement `call` starts, through `res.on(...).on(...)` chains; `null` when it is not one. */
export function chainStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  let top: TSESTree.Node = skipWrappersUp(call);
  for (let method = methodCallOn(top); method; method = methodCallOn(top)) top = skipWrappersUp(method.call);
  return top.parent?.type === AST_NODE_TYPES.ExpressionStatement ? top.parent : null;
}

/** Can `.setEncoding()` be appended to `node` as written? */
export function isChainable(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Identifier ||
    (node.type === AST_NODE_TYPES.MemberExpression && !node.optional) ||
    (node.type === AST_NODE_TYPES.CallExpression && !node.optional)
  );
}
