import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import type { ByteStream, ChunkSource } from '../../src/model/byte-streams';
import { getByteStreams } from '../../src/model/byte-streams';
import {
  decodeOptions,
  decodesMultiByte,
  explicitDecoding,
  findAccumulation,
  findDecoder,
  isStringConversion,
  isTextUse,
  joinCalls,
  pushTarget,
  streamLabel,
} from '../../src/model/chunk-text';

/** The byte streams of `code`, with its source code, from a probe rule. */
function streamsOf(code: string): { streams: readonly ByteStream[]; sourceCode: TSESLint.SourceCode } {
  let captured: { streams: readonly ByteStream[]; sourceCode: TSESLint.SourceCode } | undefined;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        'Program:exit'() {
          captured = { streams: getByteStreams(context), sourceCode: context.sourceCode };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.js'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { probe: { rules: { streams: probe } } } as never,
      rules: { 'probe/streams': 'error' },
    },
  ]);
  const fatal = messages.find((message) => message.fatal === true || message.ruleId === 'probe/streams');
  if (fatal) throw new Error(fatal.message);
  if (!captured) throw new Error('the probe rule did not run');
  return captured;
}

/** The first chunk source of `code` and its first chunk occurrence. */
function firstChunk(code: string): { source: ChunkSource; chunk: TSESTree.Node; sourceCode: TSESLint.SourceCode } {
  const { streams, sourceCode } = streamsOf(code);
  const source = streams[0]?.chunkSources[0];
  const chunk = source?.occurrences[0];
  if (!source || !chunk) throw new Error('no chunk in the code');
  return { source, chunk, sourceCode };
}

const text = (sourceCode: TSESLint.SourceCode, node: TSESTree.Node | null | undefined): string | null =>
  node ? sourceCode.getText(node) : null;

/** A `'data'` handler of a node:https response whose body is `body`, with `let text = ''` outside. */
function onData(body: string, before = "let text = '';\nconst parts = [];"): string {
  return `import https from 'node:https';\n${before}\nhttps.get(url, (res) => {\n  res.on('data', (chunk) => {\n    ${body}\n  });\n});\n`;
}

describe('explicitDecoding', () => {
  it.each([
    ['chunk.toString()', 'utf8'],
    ["chunk.toString('utf-8')", 'utf-8'],
    ["chunk.toString('UTF16LE')", 'UTF16LE'],
    ['chunk.toString(undefined)', 'utf8'],
    ['String(chunk)', 'utf8'],
    ["chunk.toString('hex')", null],
    ["chunk.toString('latin1')", null],
    ["chunk.toString('utf8', 0, 4)", null],
  ])('%s decodes as %s', (expression, encoding) => {
    const { chunk, sourceCode } = firstChunk(onData(`text += ${expression};`));
    const found = explicitDecoding(chunk, sourceCode);
    expect(found && { node: text(sourceCode, found.node), encoding: found.encoding }).toEqual({ node: expression, encoding });
  });

  it('is null for other uses of the chunk', () => {
    const { chunk, sourceCode } = firstChunk(onData('parts.push(chunk);'));
    expect(explicitDecoding(chunk, sourceCode)).toBeNull();
  });
});

describe('isStringConversion', () => {
  it.each([
    ['text += chunk;', true],
    ["text = text + chunk + '';", true],
    ['text = `${text}${chunk}`;', true],
    ['text = tag`${chunk}`;', false],
    ['parts.push(chunk);', false],
    ['total -= chunk;', false],
  ])('%s → %s', (body, expected) => {
    const { chunk } = firstChunk(onData(body));
    expect(isStringConversion(chunk)).toBe(expected);
  });
});

describe('findAccumulation', () => {
  it('follows concatenations to an append into a variable declared outside the handler', () => {
    const assign = firstChunk(onData("text += 'x' + chunk.toString();"));
    const call = assign.chunk.parent?.parent as TSESTree.Node;
    const found = findAccumulation(call, assign.source, assign.sourceCode);
    expect(found?.kind).toBe('assign');
    expect(found?.kind === 'assign' && text(assign.sourceCode, found.node)).toBe("text += 'x' + chunk.toString()");

    const push = firstChunk(onData('parts.push(`${chunk}`);'));
    const pushed = findAccumulation(push.chunk, push.source, push.sourceCode);
    expect(pushed?.kind === 'push' && pushed.array.name).toBe('parts');
  });

  it.each([
    ['text = chunk.toString();', 'an assignment that does not append'],
    ["let local = '';\n    local += chunk.toString();", 'a variable of the handler'],
    ['log(chunk.toString());', 'a call'],
  ])('is null for %s (%s)', (body) => {
    const { chunk, source, sourceCode } = firstChunk(onData(body));
    expect(findAccumulation(chunk.parent?.parent as TSESTree.Node, source, sourceCode)).toBeNull();
  });
});

describe('pushTarget and joinCalls', () => {
  it("finds the array and its join('') calls", () => {
    const { chunk, sourceCode } = firstChunk(onData("parts.push(chunk);\n    parts.join(',');\n    parts.join('');"));
    const array = pushTarget(chunk, sourceCode);
    expect(array?.variable.name).toBe('parts');
    expect(array && joinCalls(array.variable).map((call) => sourceCode.getText(call))).toEqual(["parts.join('')"]);
    expect(isTextUse(chunk, 'utf8', sourceCode)).toBe(true);
  });

  it.each(['parts?.push(chunk);', 'this.parts.push(chunk);', 'push(chunk);'])('is null for %s', (body) => {
    const { chunk, sourceCode } = firstChunk(onData(body));
    expect(pushTarget(chunk, sourceCode)).toBeNull();
  });
});

describe('TextDecoder facts', () => {
  function decodeCall(body: string, before = ''): { call: TSESTree.CallExpression; sourceCode: TSESLint.SourceCode } {
    const { chunk, sourceCode } = firstChunk(onData(body, `let text = '';\n${before}`));
    return { call: chunk.parent as TSESTree.CallExpression, sourceCode };
  }

  it.each([
    ['decoder.decode(chunk)', 'absent'],
    ['decoder.decode(chunk, { stream: true })', 'streaming'],
    ['decoder.decode(chunk, { stream: false })', 'not-streaming'],
    ['decoder.decode(chunk, {})', 'not-streaming'],
    ['decoder.decode(chunk, undefined)', 'not-streaming'],
    ['decoder.decode(chunk, options)', 'unknown'],
    ['decoder.decode(chunk, { stream: flag })', 'unknown'],
  ])('%s reads its options as %s', (expression, expected) => {
    const { call, sourceCode } = decodeCall(`text += ${expression};`, 'const decoder = new TextDecoder();');
    expect(decodeOptions(call, sourceCode)).toBe(expected);
  });

  it.each([
    ['new TextDecoder()', true],
    ["new TextDecoder('utf-8')", true],
    ["new TextDecoder('Shift_JIS')", true],
    ["new TextDecoder('windows-1252')", false],
    ['new TextDecoder(label)', true],
  ])('%s decodes multi-byte text: %s', (construction, expected) => {
    const { call, sourceCode } = decodeCall('text += decoder.decode(chunk);', `const decoder = ${construction};`);
    const decoder = findDecoder((call.callee as TSESTree.MemberExpression).object, sourceCode);
    expect(decoder && text(sourceCode, decoder.declarator)).toBe(`decoder = ${construction}`);
    expect(decoder && decodesMultiByte(decoder.construction, sourceCode)).toBe(expected);
  });

  it('finds an inline decoder, and none behind a reassigned variable or another class', () => {
    const inline = decodeCall('text += new TextDecoder().decode(chunk);');
    const decoder = findDecoder((inline.call.callee as TSESTree.MemberExpression).object, inline.sourceCode);
    expect(decoder && { variable: decoder.variable, declarator: decoder.declarator }).toEqual({ variable: null, declarator: null });
    for (const before of ['let decoder = new TextDecoder();\ndecoder = other;', 'const decoder = new Decoder();']) {
      const { call, sourceCode } = decodeCall('text += decoder.decode(chunk);', before);
      expect(findDecoder((call.callee as TSESTree.MemberExpression).object, sourceCode)).toBeNull();
    }
  });
});

describe('streamLabel', () => {
  it.each([
    [onData('text += chunk;'), 'res'],
    [`const res = await fetch(url);\nfor await (const chunk of res.body) text += chunk;`, 'res.body'],
    [`import got from 'got';\ngot.stream(url).on('end', done).on('data', (chunk) => { text += chunk; });`, 'got.stream()'],
  ])('names the stream of %#', (code, label) => {
    const { source, sourceCode } = firstChunk(code);
    expect(streamLabel(source.streamNode, sourceCode)).toBe(label);
  });
});
