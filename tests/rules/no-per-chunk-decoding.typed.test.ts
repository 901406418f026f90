import rule from '../../src/rules/no-per-chunk-decoding';
import { createTypedRuleTester } from '../rule-tester';

// With type information, any call that resolves with a Fetch `Response` is a fetch: the body of an
// in-house wrapper's response is a byte stream like the global fetch's.
createTypedRuleTester().run('no-per-chunk-decoding (typed)', rule, {
  valid: [
    `
declare class Api {
  download(path: string): Promise<Response>;
}
declare const api: Api;

export async function read(path: string) {
  const res = await api.download(path);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
`,
    `
declare function download(path: string): Promise<{ body: AsyncIterable<Uint8Array> }>;

export async function read(path: string) {
  const res = await download(path);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body) text += decoder.decode(chunk);
  return text;
}
`,
  ],
  invalid: [
    {
      code: `
declare class Api {
  download(path: string): Promise<Response>;
}
declare const api: Api;

export async function read(path: string) {
  const res = await api.download(path);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value);
  }
}
`,
      output: `
declare class Api {
  download(path: string): Promise<Response>;
}
declare const api: Api;

export async function read(path: string) {
  const res = await api.download(path);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}
`,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 15,
          column: 13,
          endLine: 15,
          endColumn: 34,
        },
      ],
    },
  ],
});
