import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { ByteStream, ChunkSource } from '../model/byte-streams';
import type { Accumulation, Decoder } from '../model/chunk-text';
import { getEnclosingFunction, getStaticName, skipWrappersDown, skipWrappersUp } from '../ast/nodes';
import { getByteStreams, methodCallOn, owningFunction } from '../model/byte-streams';
import {
  chainStatement,
  contains,
  decodeOptions,
  decodesMultiByte,
  explicitDecoding,
  findAccumulation,
  findDecoder,
  isChainable,
  isInBlock,
  isLengthRead,
  isSimplePath,
  isStringConversion,
  isTextUse,
  isUtf8,
  joinCalls,
  outlivesChunk,
  pushTarget,
  streamLabel,
} from '../model/chunk-text';
import { createRule } from '../create-rule';

type Options = [];
type MessageIds =
  | 'decodeWithoutStream'
  | 'decoderPerChunk'
  | 'perChunkDecoding'
  | 'suggestSetEncoding'
  | 'suggestStreamOption';

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
        'Each `Buffer` chunk of `{{stream}}` is decoded on its own; join the bytes first or call `setEncoding()`.',
      decodeWithoutStream: '`{{decoder}}.decode()` decodes each chunk of `{{stream}}` on its own; pass `{ stream: true }`.',
      decoderPerChunk: 'A new `TextDecoder` decodes each chunk of `{{stream}}`; create it once, before the first chunk.',
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
      const accumulation = findAccumulation(explicit.node, source, this.sourceCode);
      if (accumulation) {
        this.addString({ source, node: explicit.node, occurrence, encoding: explicit.encoding, explicit: true }, accumulation);
      }
      return;
    }
    if (isStringConversion(occurrence)) {
      const accumulation = findAccumulation(occurrence, source, this.sourceCode);
      if (accumulation) {
        const node = accumulation.kind === 'assign' ? accumulation.node : accumulation.top;
        this.addString({ source, node, occurrence, encoding: 'utf8', explicit: false }, accumulation);
      }
      return;
    }
    const array = pushTarget(occurrence, this.sourceCode);
    if (array && outlivesChunk(array.id, source, this.sourceCode)) {
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
    const decoder = findDecoder(callee.object, this.sourceCode);
    if (!decoder || !decodesMultiByte(decoder.construction, this.sourceCode)) return;
    // A single `read()` whose chunk is not added to anything may be the whole body.
    if (!source.repeated && !findAccumulation(call, source, this.sourceCode)) return;
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
      (other) => other.chunkType === 'buffer' && other.occurrences.every((occurrence) => isTextUse(occurrence, encoding, this.sourceCode)),
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

  private label(node: TSESTree.Node): string {
    return streamLabel(node, this.sourceCode);
  }


}

function isMethodNamed(callee: TSESTree.Node, name: string): boolean {
  const member = skipWrappersDown(callee);
  return member.type === AST_NODE_TYPES.MemberExpression && getStaticName(member) === name;
}
