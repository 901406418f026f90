import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { ByteStream, ChunkSource } from '../model/byte-streams';
import { findProperty, getEnclosingFunction, getStaticName, isUndefinedLiteral, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import {
  getByteStreams,
  isGlobalName,
  isTextDecoderConstruction,
  methodCallOn,
  owningFunction,
  RETURNS_THIS,
} from '../model/byte-streams';
import { createRule } from '../create-rule';

type Options = [];
type MessageIds =
  | 'decodeWithoutStream'
  | 'decoderPerChunk'
  | 'perChunkDecoding'
  | 'suggestSetEncoding'
  | 'suggestStreamOption';

/**
 * Buffer encodings in which one character can take more than one byte, so a chunk boundary can cut
 * it in two. Node.js matches encoding names case-insensitively.
 * https://nodejs.org/api/buffer.html#buffers-and-character-encodings
 */
const MULTI_BYTE_BUFFER_ENCODINGS: ReadonlySet<string> = new Set(['ucs-2', 'ucs2', 'utf-16le', 'utf-8', 'utf16le', 'utf8']);

/**
 * Labels of the WHATWG encodings in which one character can take more than one byte (UTF-8,
 * UTF-16 and the legacy CJK encodings). The other labels name single-byte encodings, which a
 * chunk boundary cannot split. https://encoding.spec.whatwg.org/#names-and-labels
 */
const MULTI_BYTE_LABELS: ReadonlySet<string> = new Set([
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

/** `TextDecoder` properties that do not touch its state. */
const DECODER_READS: ReadonlySet<string> = new Set(['encoding', 'fatal', 'ignoreBOM']);

export default createRule<Options, MessageIds>({
  name: 'no-per-chunk-decoding',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow decoding each chunk of an HTTP byte stream on its own',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      perChunkDecoding:
        'Each `Buffer` chunk of `{{stream}}` is decoded to text on its own here, so a multi-byte character split between two chunks becomes U+FFFD replacement characters.',
      decodeWithoutStream:
        '`{{decoder}}.decode()` without `{ stream: true }` decodes each chunk of `{{stream}}` on its own, so a multi-byte character split between two chunks becomes U+FFFD replacement characters.',
      decoderPerChunk:
        'A new `TextDecoder` decodes each chunk of `{{stream}}`, so a multi-byte character split between two chunks is lost or becomes U+FFFD. Create the decoder once, before the first chunk.',
      suggestSetEncoding:
        "Call `{{stream}}.setEncoding('{{encoding}}')` so the chunks arrive as text decoded across chunk boundaries.",
      suggestStreamOption:
        'Pass `{ stream: true }` so `{{decoder}}` keeps a split character for the next chunk (flush it with a final `{{decoder}}.decode()`).',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        const streams = getByteStreams(context).filter((stream) => !stream.hasEncoding && !stream.aliased);
        if (streams.length > 0) new Analysis(context, sourceCode).run(streams);
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** A decoding of one chunk into text that ends up in an accumulated string. */
interface StringFinding {
  readonly source: ChunkSource;
  /** The node to report: the `toString()` call, the `body += chunk` assignment. */
  readonly node: TSESTree.Node;
  readonly occurrence: TSESTree.Node;
  /** The encoding as written (`'utf8'` when implicit). */
  readonly encoding: string;
  /** `toString()`/`String()` whose value is exactly the decoded chunk. */
  readonly explicit: boolean;
}

/** An array that collects chunks: `chunks.push(chunk)` / `chunks.push(chunk.toString())`. */
interface ChunkArray {
  readonly variable: TSESLint.Scope.Variable;
  readonly rawPushes: { readonly source: ChunkSource; readonly occurrence: TSESTree.Node }[];
  readonly decodedPushes: StringFinding[];
}

/** Where a per-chunk string goes. */
type Accumulation =
  | { readonly kind: 'assign'; readonly node: TSESTree.AssignmentExpression }
  | { readonly kind: 'push'; readonly array: TSESLint.Scope.Variable; readonly top: TSESTree.Node };

interface Decoder {
  readonly construction: TSESTree.NewExpression;
  /** The `const decoder = new TextDecoder()` variable; `null` for `new TextDecoder().decode(chunk)`. */
  readonly variable: TSESLint.Scope.Variable | null;
  readonly declarator: TSESTree.VariableDeclarator | null;
}

interface Report {
  readonly node: TSESTree.Node;
  readonly messageId: MessageIds;
  readonly data: Record<string, string>;
  fix?: TSESLint.ReportFixFunction | null;
  suggest?: TSESLint.SuggestionReportDescriptor<MessageIds>[];
}

class Analysis {
  private readonly reports = new Map<TSESTree.Node, Report>();
  private readonly arrays = new Map<TSESLint.Scope.Variable, ChunkArray>();
  /** Which chunk source each chunk expression belongs to; `null` when several share it. */
  private readonly sourceOf = new Map<TSESTree.Node, ChunkSource | null>();

  constructor(
    private readonly context: Context,
    private readonly sourceCode: TSESLint.SourceCode,
  ) {}

  run(streams: readonly ByteStream[]): void {
    const sources = streams.flatMap((stream) => stream.chunkSources);
    for (const source of sources) {
      for (const occurrence of source.occurrences) {
        this.sourceOf.set(occurrence, this.sourceOf.has(occurrence) ? null : source);
      }
    }
    for (const source of sources) {
      for (const occurrence of source.occurrences) this.checkOccurrence(source, occurrence);
    }
    for (const array of this.arrays.values()) this.checkArray(array);
    for (const report of [...this.reports.values()].sort((a, b) => a.node.range[0] - b.node.range[0])) {
      this.context.report({
        node: report.node,
        messageId: report.messageId,
        data: report.data,
        fix: report.fix ?? null,
        suggest: report.suggest ?? [],
      });
    }
  }

  private checkOccurrence(source: ChunkSource, occurrence: TSESTree.Node): void {
    const parent = occurrence.parent;
    if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === occurrence &&
      isMethodNamed(parent.callee, 'decode')
    ) {
      this.checkDecode(source, parent);
      return;
    }
    // A Buffer turns into text through `toString()`, which `+`, template literals and `String()`
    // call too: it decodes UTF-8 without knowing what came before or after, so the bytes of a
    // character cut by the chunk boundary become U+FFFD on both sides.
    // https://nodejs.org/api/buffer.html#buftostringencoding-start-end
    // https://nodejs.org/api/string_decoder.html
    if (source.chunkType !== 'buffer') return;
    const explicit = explicitDecoding(occurrence, this.sourceCode);
    if (explicit) {
      if (explicit.encoding === null) return;
      const accumulation = this.accumulation(explicit.node, source);
      if (accumulation) {
        this.addString({ source, node: explicit.node, occurrence, encoding: explicit.encoding, explicit: true }, accumulation);
      }
      return;
    }
    if (isStringConversion(occurrence)) {
      const accumulation = this.accumulation(occurrence, source);
      if (accumulation) {
        const node = accumulation.kind === 'assign' ? accumulation.node : accumulation.top;
        this.addString({ source, node, occurrence, encoding: 'utf8', explicit: false }, accumulation);
      }
      return;
    }
    const array = pushTarget(occurrence, this.sourceCode);
    if (array && this.isOutside(array.id, source)) {
      this.arrayOf(array.variable).rawPushes.push({ source, occurrence });
    }
  }

  private addString(finding: StringFinding, accumulation: Accumulation): void {
    if (accumulation.kind === 'push') {
      this.arrayOf(accumulation.array).decodedPushes.push(finding);
      return;
    }
    this.addReport({
      node: finding.node,
      messageId: 'perChunkDecoding',
      data: { stream: this.label(finding.source.streamNode) },
      suggest: this.setEncodingSuggestion(finding.source, finding.encoding),
    });
  }

  private arrayOf(variable: TSESLint.Scope.Variable): ChunkArray {
    let array = this.arrays.get(variable);
    if (!array) {
      array = { variable, rawPushes: [], decodedPushes: [] };
      this.arrays.set(variable, array);
    }
    return array;
  }

  private addReport(report: Report): void {
    if (!this.reports.has(report.node)) this.reports.set(report.node, report);
  }

  // ---- TextDecoder#decode -------------------------------------------------------------------

  /**
   * `decode(chunk)` without `{ stream: true }` flushes the decoder: an incomplete sequence at the end
   * of the chunk is emitted as U+FFFD instead of being kept for the next call.
   * https://encoding.spec.whatwg.org/#dom-textdecoder-decode
   */
  private checkDecode(source: ChunkSource, call: TSESTree.CallExpression): void {
    const callee = skipWrappersDown(call.callee) as TSESTree.MemberExpression;
    const decoder = this.decoderOf(callee.object);
    if (!decoder || !decodesMultiByte(decoder.construction, this.sourceCode)) return;
    // A single `read()` whose chunk is not added to anything may be the whole body.
    if (!source.repeated && !this.accumulation(call, source)) return;
    const data = { decoder: this.label(callee.object), stream: this.label(source.streamNode) };
    if (!decoder.declarator || contains(source.region, decoder.declarator)) {
      this.addReport({ node: call, messageId: 'decoderPerChunk', data: { stream: data.stream } });
      return;
    }
    const options = decodeOptions(call, this.sourceCode);
    if (options === 'streaming' || options === 'unknown') return;
    const report: Report = { node: call, messageId: 'decodeWithoutStream', data };
    if (options === 'absent') {
      const [chunk] = call.arguments as [TSESTree.Node];
      const fix: TSESLint.ReportFixFunction = (fixer) => fixer.insertTextAfter(chunk, ', { stream: true }');
      if (this.isPrivateDecoder(decoder, source)) report.fix = fix;
      else report.suggest = [{ messageId: 'suggestStreamOption', data: { decoder: data.decoder }, fix }];
    }
    this.addReport(report);
  }

  /** The `TextDecoder` a `.decode()` call is made on, when the code shows where it comes from. */
  private decoderOf(object: TSESTree.Node): Decoder | null {
    const inner = skipWrappersDown(object);
    if (inner.type === AST_NODE_TYPES.NewExpression) {
      return isTextDecoderConstruction(inner, this.sourceCode)
        ? { construction: inner, variable: null, declarator: null }
        : null;
    }
    if (inner.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(inner), inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return null;
    const declarator = def.node;
    const init = skipWrappersDown(declarator.init as TSESTree.Expression);
    if (init.type !== AST_NODE_TYPES.NewExpression || !isTextDecoderConstruction(init, this.sourceCode)) return null;
    if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== declarator.id)) {
      return null;
    }
    return { construction: init, variable, declarator };
  }

  /**
   * Can `{ stream: true }` be added without changing what correct input decodes to? Only when the
   * decoder serves this one stream, created in the same run of the same function: a decoder shared
   * by concurrent streams would carry one stream's partial character into another's text. On valid
   * input a streaming decoder holds nothing back at the end, so no final flush is needed for that.
   */
  private isPrivateDecoder(decoder: Decoder, source: ChunkSource): boolean {
    const { variable, declarator } = decoder;
    /* c8 ignore next -- inline decoders are reported as decoderPerChunk before */
    if (!variable || !declarator) return false;
    if (getEnclosingFunction(declarator) !== owningFunction(source.stream)) return false;
    return variable.references.every((reference) => {
      if (reference.isWrite()) return true;
      const read = skipWrappersUp(reference.identifier);
      const member = read.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && DECODER_READS.has(getStaticName(member) ?? '')) return true;
      const method = methodCallOn(read);
      if (method?.name !== 'decode') return false;
      const chunk = method.call.arguments[0];
      return !chunk || this.sourceOf.get(chunk)?.stream === source.stream;
    });
  }

  // ---- strings and arrays -------------------------------------------------------------------

  /**
   * Where the text decoded from one chunk goes, when it is collected across chunks: `body += text`,
   * `body = body + text`, or `parts.push(text)` — into a variable that outlives the chunk.
   */
  private accumulation(expression: TSESTree.Node, source: ChunkSource): Accumulation | null {
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
      return appends && this.isOutside(parent.left, source) ? { kind: 'assign', node: parent } : null;
    }
    const array = pushTarget(top, this.sourceCode);
    return array && this.isOutside(array.id, source) ? { kind: 'push', array: array.variable, top } : null;
  }

  /** Does `target` outlive one chunk (declared outside the per-chunk code, or a property)? */
  private isOutside(target: TSESTree.Node, source: ChunkSource): boolean {
    if (target.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(target), target);
    const def = variable?.defs[0];
    return !def || !contains(source.region, def.name);
  }

  private checkArray(array: ChunkArray): void {
    const joins = joinCalls(array.variable);
    if (joins.length === 0) return;
    const arrayReports: Report[] = [];
    for (const finding of array.decodedPushes) {
      arrayReports.push({
        node: finding.node,
        messageId: 'perChunkDecoding',
        data: { stream: this.label(finding.source.streamNode) },
      });
    }
    const [raw] = array.rawPushes;
    if (raw) {
      for (const join of joins) {
        arrayReports.push({ node: join, messageId: 'perChunkDecoding', data: { stream: this.label(raw.source.streamNode) } });
      }
    }
    const fresh = arrayReports.filter((report) => !this.reports.has(report.node));
    /* c8 ignore next -- an array with a join holds at least one finding */
    if (fresh.length === 0) return;
    fresh.sort((a, b) => a.node.range[0] - b.node.range[0]);
    const fix = this.arrayFix(array, joins);
    if (fix) {
      (fresh[0] as Report).fix = fix;
    } else {
      const first = array.decodedPushes[0] ?? { source: (raw as ChunkArray['rawPushes'][number]).source, encoding: 'utf8' };
      const suggest = this.setEncodingSuggestion(first.source, first.encoding);
      for (const report of fresh) report.suggest = suggest;
    }
    for (const report of fresh) this.addReport(report);
  }

  /**
   * `chunks.push(chunk.toString()) ... chunks.join('')` → `chunks.push(chunk) ...
   * Buffer.concat(chunks).toString()`: collect the Buffers and decode them once. Same text for
   * every input on which the old code was right, so an autofix — but only when every element is a
   * chunk `Buffer` and the array is used for nothing else.
   */
  private arrayFix(array: ChunkArray, joins: readonly TSESTree.CallExpression[]): TSESLint.ReportFixFunction | null {
    const { variable } = array;
    const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
    const declarator = def.node;
    const arrayName = def.node.id.name;
    const init = declarator.init && skipWrappersDown(declarator.init);
    if (init?.type !== AST_NODE_TYPES.ArrayExpression || init.elements.length > 0) return null;
    const firstJoin = joins[0] as TSESTree.CallExpression;
    const bufferInScope = ASTUtils.findVariable(this.sourceCode.getScope(firstJoin), 'Buffer');
    if (bufferInScope && bufferInScope.defs.length > 0) return null;
    const decoded = new Map<TSESTree.Node, TSESTree.Node>();
    for (const finding of array.decodedPushes) {
      if (!finding.explicit || !isUtf8(finding.encoding)) return null;
      decoded.set(finding.node, finding.occurrence);
    }
    const raw = new Set(array.rawPushes.map((push) => push.occurrence));
    const onlyChunks = variable.references.every((reference) => {
      if (reference.isWrite()) return reference.identifier === declarator.id;
      const read = skipWrappersUp(reference.identifier);
      if (isLengthRead(read)) return true;
      const method = methodCallOn(read);
      if (method?.name === 'join') return joins.includes(method.call);
      return (
        method?.name === 'push' && method.call.arguments.every((argument) => raw.has(argument) || decoded.has(argument))
      );
    });
    if (!onlyChunks) return null;
    return (fixer) => [
      ...[...decoded].map(([node, occurrence]) => fixer.replaceText(node, this.sourceCode.getText(occurrence))),
      ...joins.map((join) => fixer.replaceText(join, `Buffer.concat(${arrayName}).toString()`)),
    ];
  }

  // ---- setEncoding() suggestion -------------------------------------------------------------

  /**
   * Suggests `stream.setEncoding(encoding)` before the chunks are read. It changes what every
   * consumer of the stream receives (strings instead of Buffers), so it is only offered when all
   * the code that reads this stream's chunks uses them as text, and never applied as an autofix.
   */
  private setEncodingSuggestion(source: ChunkSource, encoding: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
    const chunksUsedAsText = source.stream.chunkSources.every(
      (other) => other.chunkType === 'buffer' && other.occurrences.every((occurrence) => this.isTextUse(occurrence, encoding)),
    );
    if (!chunksUsedAsText) return [];
    const stream = source.streamNode;
    const call = `.setEncoding('${encoding}')`;
    let fix: TSESLint.ReportFixFunction | null = null;
    // Only 'data' listeners and `for await` deliver Buffers (a reader belongs to a web stream).
    if (source.via === 'for-await') {
      const loop = source.start as TSESTree.ForOfStatement;
      if (isSimplePath(stream) && isInBlock(loop)) fix = this.insertStatementBefore(loop, `${this.sourceCode.getText(stream)}${call};`);
      else if (isChainable(stream)) fix = (fixer) => fixer.insertTextAfter(stream, call);
    } else {
      const registration = source.start as TSESTree.CallExpression;
      const member = skipWrappersDown(registration.callee) as TSESTree.MemberExpression;
      // `res?.on(...)`: inserting a call that is not optional could throw where the code did not.
      if (member.optional) return [];
      const statement = chainStatement(registration);
      if (statement && isSimplePath(stream) && isInBlock(statement)) {
        fix = this.insertStatementBefore(statement, `${this.sourceCode.getText(stream)}${call};`);
      } else {
        // setEncoding() returns the stream, so it can go into the chain.
        const dot = this.sourceCode.getTokenBefore(member.property) as TSESLint.AST.Token;
        fix = (fixer) => fixer.insertTextBefore(dot, call);
      }
    }
    if (!fix) return [];
    return [{ messageId: 'suggestSetEncoding', data: { stream: this.label(stream), encoding }, fix }];
  }

  /** Inserts `text` as a statement of its own before `statement`, on its own line when it has one. */
  private insertStatementBefore(statement: TSESTree.Node, text: string): TSESLint.ReportFixFunction {
    const lineStart = statement.range[0] - statement.loc.start.column;
    const before = this.sourceCode.text.slice(lineStart, statement.range[0]);
    const separator = /^\s*$/u.test(before) ? `\n${before}` : ' ';
    return (fixer) => fixer.insertTextBefore(statement, `${text}${separator}`);
  }

  /** Does this chunk expression stay correct when the chunk is a string instead of a Buffer? */
  private isTextUse(occurrence: TSESTree.Node, encoding: string): boolean {
    const explicit = explicitDecoding(occurrence, this.sourceCode);
    if (explicit) return explicit.encoding === encoding || (explicit.encoding !== null && isUtf8(explicit.encoding) && isUtf8(encoding));
    if (isStringConversion(occurrence)) return true;
    const array = pushTarget(occurrence, this.sourceCode);
    return array !== null && joinCalls(array.variable).length > 0 && isTextArray(array.variable);
  }

  /**
   * A short name for a stream or decoder in messages, built from the expression's shape: `res`,
   * `res.body`, `got.stream()`, `fetch().body`. Calls that return the stream itself
   * (`res.on('end', f)`) are named by the stream they are made on.
   */
  private label(node: TSESTree.Node): string {
    const inner = skipWrappersDown(node);
    switch (inner.type) {
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipWrappersDown(inner.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && RETURNS_THIS.has(getStaticName(callee) ?? '')) {
          return this.label(callee.object);
        }
        return `${this.label(callee)}()`;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return this.label(inner.argument);
      case AST_NODE_TYPES.MemberExpression: {
        const name = getStaticName(inner);
        return name === null ? this.sourceCode.getText(inner) : `${this.label(inner.object)}.${name}`;
      }
      default:
        return this.sourceCode.getText(inner);
    }
  }
}

/** `chunk.toString(encoding?)` or `String(chunk)`; `encoding` is `null` when it is not a multi-byte text encoding. */
function explicitDecoding(
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
function isStringConversion(occurrence: TSESTree.Node): boolean {
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
function pushTarget(
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
function joinCalls(variable: TSESLint.Scope.Variable): TSESTree.CallExpression[] {
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
function isTextArray(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.every((reference) => {
    if (reference.isWrite()) return true;
    const read = skipWrappersUp(reference.identifier);
    const name = methodCallOn(read)?.name;
    return name === 'push' || name === 'join' || isLengthRead(read);
  });
}

/** `array.length` read, not written. */
function isLengthRead(read: TSESTree.Node): boolean {
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
function decodesMultiByte(construction: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
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
function decodeOptions(
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

function isMethodNamed(callee: TSESTree.Node, name: string): boolean {
  const member = skipWrappersDown(callee);
  return member.type === AST_NODE_TYPES.MemberExpression && getStaticName(member) === name;
}

/** Does the concatenation `node` have the variable `name` as one of its operands (`body + chunk`)? */
function mentions(node: TSESTree.Node, name: string): boolean {
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

function isUtf8(encoding: string): boolean {
  const lower = encoding.toLowerCase();
  return lower === 'utf8' || lower === 'utf-8';
}

/** `res`, `this.res`, `res.body`: an expression that can be repeated in a statement of its own. */
function isSimplePath(node: TSESTree.Node): boolean {
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
function isInBlock(statement: TSESTree.Node): boolean {
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
function chainStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  let top: TSESTree.Node = skipWrappersUp(call);
  for (let method = methodCallOn(top); method; method = methodCallOn(top)) top = skipWrappersUp(method.call);
  return top.parent?.type === AST_NODE_TYPES.ExpressionStatement ? top.parent : null;
}

/** Can `.setEncoding()` be appended to `node` as written? */
function isChainable(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Identifier ||
    (node.type === AST_NODE_TYPES.MemberExpression && !node.optional) ||
    (node.type === AST_NODE_TYPES.CallExpression && !node.optional)
  );
}

function contains(region: TSESTree.Node | null, node: TSESTree.Node): boolean {
  return region !== null && region.range[0] <= node.range[0] && node.range[1] <= region.range[1];
}
