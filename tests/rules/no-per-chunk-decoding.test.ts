import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-per-chunk-decoding';
import { createRuleTester } from '../rule-tester';

createRuleTester().run('no-per-chunk-decoding', rule, {
  valid: [
    // setEncoding() before the handler is registered.
    `
import https from 'node:https';

https.get('https://api.example.com/users', (res) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    body += chunk;
  });
  res.on('end', () => console.log(body));
});
`,
    // setEncoding() after registering the handler: still applied before the first chunk flows.
    `
const http = require('http');

http.get(url, (res) => {
  let body = '';
  res.on('data', (chunk) => { body += chunk; });
  res.setEncoding('utf8');
});
`,
    // setEncoding() in the chain, and on a server request.
    `
import http from 'node:http';

http.get(url, (res) => {
  let body = '';
  res.setEncoding('utf8').on('data', (chunk) => { body += chunk; });
});
http.createServer(async (req, res) => {
  req.setEncoding('utf8');
  let body = '';
  for await (const chunk of req) body += chunk;
  res.end(body);
});
`,
    // Buffers collected and decoded once.
    `
import https from 'node:https';

https.get(url, (res) => {
  const chunks = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    console.log(JSON.parse(text));
  });
});
`,
    // StringDecoder#write keeps a split character for the next chunk.
    `
import { StringDecoder } from 'node:string_decoder';
import http from 'node:http';

http.get(url, (res) => {
  const decoder = new StringDecoder('utf8');
  let body = '';
  res.on('data', (chunk) => { body += decoder.write(chunk); });
  res.on('end', () => { body += decoder.end(); });
});
`,
    // TextDecoder with { stream: true }, flushed at the end.
    `
export async function readAll(url) {
  const res = await fetch(url);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  text += decoder.decode();
  return text;
}
`,
    // stream: true through a constant, and an options object that cannot be read.
    `
const streaming = true;
export async function readAll(url, options) {
  const res = await fetch(url);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body) {
    text += decoder.decode(chunk, { stream: streaming });
    text += decoder.decode(chunk, options);
    text += decoder.decode(chunk, { ...options });
    text += decoder.decode(chunk, { stream: options.stream });
    text += decoder.decode(chunk, ...rest);
  }
  return text;
}
`,
    // Streams whose chunks may be anything: object-mode streams, unknown emitters, parameters.
    `
import { Readable } from 'node:stream';

const rows = new Readable({ objectMode: true, read() {} });
let all = '';
rows.on('data', (row) => { all += row; });
socket.on('data', (chunk) => { all += chunk; });
process.stdin.on('data', (chunk) => { all += chunk; });
child.stdout.on('data', (chunk) => { all += chunk.toString(); });
function collect(stream) {
  let text = '';
  stream.on('data', (chunk) => { text += chunk; });
  return text;
}
`,
    // A route handler's request is recognised by the framework, not by its name.
    `
import express from 'express';

const app = express();
app.post('/upload', (req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => res.send(body));
});
`,
    // A local object that shadows the http module, and an unrelated .get().
    `
const http = { get(url, callback) { callback(new Readable({ objectMode: true })); } };
http.get(url, (res) => {
  let body = '';
  res.on('data', (chunk) => { body += chunk; });
});
cache.get(key, (res) => {
  let body = '';
  res.on('data', (chunk) => { body += chunk; });
});
`,
    // Shadowed names: an inner `res`, an inner `chunk`, a local TextDecoder and String.
    `
import http from 'node:http';

class TextDecoder {
  decode(chunk) { return chunk.join(','); }
}
const String = (value) => JSON.stringify(value);
http.get(url, (res) => {
  let body = '';
  res.setEncoding('utf8');
  emitters.forEach((res) => {
    res.on('data', (chunk) => { body += chunk; });
  });
});
http.get(url, (res) => {
  let body = '';
  const decoder = new TextDecoder();
  res.on('data', (chunk) => {
    lines.forEach((chunk) => { body += chunk; });
    body += decoder.decode(chunk);
    body += String(chunk);
  });
});
`,
    // A decoder from elsewhere is not known to be a TextDecoder.
    `
import { TextDecoder } from './codec';
import http from 'node:http';

const cbor = new Decoder();
http.get(url, (res) => {
  const decoder = new TextDecoder();
  res.on('data', (chunk) => {
    cbor.decode(chunk);
    decoder.decode(chunk);
    this.decoder.decode(chunk);
  });
});
`,
    // Single-byte and binary-to-text encodings cannot split a character.
    `
import http from 'node:http';

http.get(url, (res) => {
  const latin1 = new TextDecoder('latin1');
  const windows = new TextDecoder(' Windows-1252 ');
  let hex = '';
  let text = '';
  res.on('data', (chunk) => {
    hex += chunk.toString('hex');
    hex += chunk.toString('base64');
    text += chunk.toString('latin1');
    text += chunk.toString(encoding);
    text += chunk.toString('utf8', 0, 10);
    text += latin1.decode(chunk);
    text += windows.decode(chunk);
  });
});
`,
    // Chunks that are measured, logged or hashed, not collected into a string.
    `
import http from 'node:http';

http.get(url, (res) => {
  let size = 0;
  res.on('data', (chunk) => {
    size += chunk.length;
    console.log('received ' + chunk);
    console.log(\`chunk: \${chunk.toString()}\`);
    hash.update(chunk);
    let local = '';
    local += chunk;
    const parts = [];
    parts.push(chunk.toString());
    label = tag\`\${chunk}\`;
  });
});
`,
    // A single read may be the whole body; a decoder in a non-loop read without collecting.
    `
export async function firstChunk(url) {
  const res = await fetch(url);
  const reader = res.body.getReader();
  const { value } = await reader.read();
  return new TextDecoder().decode(value);
}
`,
    // The global fetch's body yields Uint8Arrays: only a TextDecoder turns them into text.
    `
export async function raw(url) {
  const res = await fetch(url);
  const bytes = [];
  let joined = '';
  for await (const chunk of res.body) {
    bytes.push(chunk);
    joined += chunk;
  }
  return bytes;
}
`,
    // Streams that are replaced or stored elsewhere can get their encoding out of sight.
    `
import got from 'got';
import http from 'node:http';

let stream = got.stream('https://example.com');
stream = stream.pipe(gunzip);
let text = '';
stream.on('data', (chunk) => { text += chunk; });
http.get(url, (res) => {
  this.response = res;
  res.on('data', (chunk) => { text += chunk; });
});
http.get(url, (res) => {
  let body = '';
  res.on('data', (chunk) => {
    chunk = decoder.write(chunk);
    body += chunk;
  });
});
`,
    // got and axios streams whose options set an encoding or cannot be read.
    `
import got from 'got';
import axios from 'axios';

const utf8 = got.extend({ encoding: 'utf8' });
let text = '';
got.stream('https://example.com', { encoding: 'utf8' }).on('data', (chunk) => { text += chunk; });
got.stream('https://example.com', options).on('data', (chunk) => { text += chunk; });
utf8.stream('https://example.com').on('data', (chunk) => { text += chunk; });
got('https://example.com').on('data', (chunk) => { text += chunk; });

const plain = await axios.get(url, { timeout: 5000 });
plain.data.on('data', (chunk) => { text += chunk; });
const configured = await axios.get(url, config);
configured.data.on('data', (chunk) => { text += chunk; });
const viaFetch = await axios.get(url, { responseType: 'stream', adapter: 'fetch' });
viaFetch.data.on('data', (chunk) => { text += chunk; });
`,
    // Arrays joined with a separator, or not joined at all.
    `
import http from 'node:http';

http.get(url, (res) => {
  const lines = [];
  const raw = [];
  res.on('data', (chunk) => {
    lines.push(chunk.toString());
    raw.push(chunk);
  });
  res.on('end', () => console.log(lines.join('\\n'), raw.join(), raw.length));
});
`,
    // One 'data' event only, and listeners of other events.
    `
import http from 'node:http';

http.get(url, (res) => {
  let first = '';
  res.once('data', (chunk) => { first += chunk; });
  res.on('error', (error) => { first += error; });
  res.on('data', () => { first += 'x'; });
  res.on('data', ({ length }) => { first += length; });
});
emitter.on('response', (res) => {
  let body = '';
  res.on('data', (chunk) => { body += chunk; });
});
http.get(url, ({ statusCode }) => statusCode);
`,
    // Streams piped through a decoder, or read with body helpers.
    `
import { request } from 'undici';

const { body } = await request(url);
const text = await body.text();
const res = await fetch(url);
const stream = res.body.pipeThrough(new TextDecoderStream());
let all = '';
for await (const part of stream) all += part;
`,
    // Requests whose response carries no byte stream that the code reads.
    `
import ky from 'ky';
import { stream } from 'undici';

const user = await ky.get(url).json();
await stream(url, { method: 'GET' }, () => writable);
const res = await fetch(url);
const data = await res.json();
const text = await (await fetch(url)).text();
const { ok } = await fetch(url);
await fetch(url);
export const load = () => fetch(url);
`,
    // Listeners and handlers that cannot be followed.
    `
import http from 'node:http';

let s = '';
const req = http.request();
req.on('response', ({ statusCode }) => console.log(statusCode));
let retried = http.request(url);
retried = retry(retried);
retried.on('response', (res) => {
  res.on('data', (chunk) => { s += chunk; });
});
http.get(url, handlers.onResponse);
const handler = makeHandler();
http.get(url, handler);
http.createServer(({ url: path }, res) => res.end(path));
`,
    // require() of other modules, and require() that is not a call.
    `
const fs = require('node:fs');
const entry = require.resolve('node:http');
const name = 'node:http';
const dynamic = require(name);
const { createServer } = require('node:http');

createServer((req) => {
  let s = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { s += chunk; });
});
`,
    // A script's own require is not Node's.
    {
      code: `
function require(name) {
  return name === 'node:http' ? fakeHttp : null;
}
const { createServer } = require('node:http');
createServer((req) => {
  let s = '';
  req.on('data', (chunk) => { s += chunk; });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // A reassigned require is not Node's either.
    {
      code: `
require = createRequire(__filename);
const { createServer } = require('node:http');
createServer((req) => {
  let s = '';
  req.on('data', (chunk) => { s += chunk; });
});
`,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    // Streams handed over under another name.
    `
import http from 'node:http';

let s = '';
http.get(url, (res) => {
  keep({ response: res });
  res.on('data', (chunk) => { s += chunk; });
});
http.get(url, (res) => {
  queue.push([res]);
  res.on('data', (chunk) => { s += chunk; });
});
http.get(url, (res) => {
  let current = res;
  current = current.pipe(gunzip);
  res.on('data', (chunk) => { s += chunk; });
});
`,
    // for await bindings that are not one plain chunk.
    `
import http from 'node:http';

let body = '';
let chunk;
http.get(url, async (res) => {
  for await (chunk of res) body += chunk;
  for await (const { length } of res) body += length;
  for await (let part of res) {
    part = String(part).trim();
    body += part;
  }
});
`,
    // Readers and read results that cannot be followed.
    `
const res = await fetch(url);
const decoder = new TextDecoder();
let text = '';
let reader = res.body.getReader();
reader = wrap(reader);
while (true) {
  const { value } = await reader.read();
  text += decoder.decode(value);
}
const other = (await fetch(url)).body.getReader();
for (;;) {
  let { value } = await other.read();
  value = inflate(value);
  text += decoder.decode(value);
  console.log(await other.read());
  other.read().then(([first]) => first);
  const { value: { length } } = await other.read();
  text += length;
}
const { value } = await other.read();
console.log(decoder.decode(value));
`,
    // Decoders that are not a TextDecoder made here, or not only one.
    `
import http from 'node:http';

http.get(url, (res) => {
  let text = '';
  res.on('data', (chunk) => {
    text += new Decoder().decode(chunk);
  });
});
function attach(res, decoder) {
  let text = '';
  res.on('data', (chunk) => { text += decoder.decode(chunk); });
}
http.get(url, (res) => {
  let decoder = new TextDecoder();
  decoder = new TextDecoder('latin1');
  const labelled = new TextDecoder(...labels);
  let text = '';
  res.on('data', (chunk) => {
    text += decoder.decode(chunk);
    text += labelled.decode(chunk);
  });
});
`,
    // Concatenations that do not collect the chunks into one string.
    `
import http from 'node:http';

http.get(url, (res) => {
  let body = '';
  let total = '';
  res.on('data', (chunk) => {
    total = header + chunk;
    body = body.trim() + chunk;
    globalChunks.push(chunk);
    const read = chunk.toString;
  });
});
`,
    // Streams bound in ways that cannot be followed, and decoders nobody declared.
    `
import got from 'got';
import { request } from 'undici';

let text = '';
let feed;
feed = got.stream('https://example.com');
feed.on('data', (chunk) => { text += chunk; });
let { body } = await request(url);
body = body.pipe(transform);
for await (const chunk of body) text += chunk;
response = await fetch(url);
for await (const chunk of response.body) text += decoder.decode(chunk);
`,
  ],

  invalid: [
    {
      name: 'https.get response, body += chunk',
      code: `
import https from 'node:https';

https.get('https://api.example.com/users', (res) => {
  let body = '';
  res.on('data', (chunk) => {
    body += chunk;
  });
  res.on('end', () => console.log(body));
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import https from 'node:https';

https.get('https://api.example.com/users', (res) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    body += chunk;
  });
  res.on('end', () => console.log(body));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'require(http).get, body = body + chunk',
      code: `
const http = require('http');

http.get(url, function (res) {
  let body = '';
  res.on('data', function (chunk) {
    body = body + chunk;
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
const http = require('http');

http.get(url, function (res) {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', function (chunk) {
    body = body + chunk;
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import, request callback, chunk.toString()',
      code: `
import * as https from 'https';

const req = https.request({ host: 'example.com', path: '/' }, (res) => {
  let text = '';
  res.on('data', (chunk) => { text += chunk.toString(); });
  res.on('end', () => resolve(text));
});
req.end();
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import * as https from 'https';

const req = https.request({ host: 'example.com', path: '/' }, (res) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => { text += chunk.toString(); });
  res.on('end', () => resolve(text));
});
req.end();
`,
            },
          ],
        },
      ],
    },
    {
      name: 'named import, String(chunk), template literal',
      code: `
import { get } from 'node:http';

get('http://localhost:8080/feed', (res) => {
  let feed = '';
  let log = '';
  res.on('data', (chunk) => {
    feed += String(chunk);
    log = \`\${log}\${chunk}\`;
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import { get } from 'node:http';

get('http://localhost:8080/feed', (res) => {
  let feed = '';
  let log = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    feed += String(chunk);
    log = \`\${log}\${chunk}\`;
  });
});
`,
            },
          ],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import { get } from 'node:http';

get('http://localhost:8080/feed', (res) => {
  let feed = '';
  let log = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    feed += String(chunk);
    log = \`\${log}\${chunk}\`;
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'server request, chunks.push(chunk.toString()) joined',
      code: `
import http from 'node:http';

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk.toString()));
  req.on('end', () => {
    const body = JSON.parse(chunks.join(''));
    res.end(body.name);
  });
}).listen(3000);
`,
      output: `
import http from 'node:http';

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString());
    res.end(body.name);
  });
}).listen(3000);
`,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'req' },
          line: 6,
          column: 41,
          endLine: 6,
          endColumn: 57,
          suggestions: [],
        },
      ],
    },
    {
      name: 'server request event, for await',
      code: `
const { createServer } = require('node:http');

const server = createServer();
server.on('request', async (req, res) => {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
  }
  res.end(body);
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'req' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
const { createServer } = require('node:http');

const server = createServer();
server.on('request', async (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  for await (const chunk of req) {
    body += chunk;
  }
  res.end(body);
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'ClientRequest response event',
      code: `
import http from 'node:http';

const req = http.request(options);
req.on('response', (res) => {
  let data = '';
  res.on('data', (d) => (data = data + d));
  res.on('end', () => done(data));
});
req.end();
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';

const req = http.request(options);
req.on('response', (res) => {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (d) => (data = data + d));
  res.on('end', () => done(data));
});
req.end();
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch reader loop, private decoder: autofix',
      code: `
async function readAll(url) {
  const res = await fetch(url);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}
`,
      output: `
async function readAll(url) {
  const res = await fetch(url);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}
`,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: 'module-level decoder shared by calls: suggestion',
      code: `
const decoder = new TextDecoder('utf-8');

export async function readAll(url) {
  const res = await fetch(url);
  let text = '';
  for await (const chunk of res.body) {
    text += decoder.decode(chunk);
  }
  return text;
}
`,
      output: null,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'suggestStreamOption',
              output: `
const decoder = new TextDecoder('utf-8');

export async function readAll(url) {
  const res = await fetch(url);
  let text = '';
  for await (const chunk of res.body) {
    text += decoder.decode(chunk, { stream: true });
  }
  return text;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a new TextDecoder per chunk',
      code: `
export async function readAll(url) {
  const res = await fetch(url);
  let text = '';
  for await (const chunk of res.body) {
    text += new TextDecoder().decode(chunk, { stream: true });
  }
  return text;
}
`,
      output: null,
      errors: [
        {
          messageId: 'decoderPerChunk',
          data: { stream: 'res.body' },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 62,
          suggestions: [],
        },
      ],
    },
    {
      name: 'decoder declared in the data handler',
      code: `
import https from 'node:https';

https.get(url, (res) => {
  let text = '';
  res.on('data', (chunk) => {
    const decoder = new TextDecoder();
    text += decoder.decode(chunk);
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'decoderPerChunk',
          data: { stream: 'res' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: 'stream: false and undefined options',
      code: `
const res = await fetch(url);
const reader = res.body.getReader();
const decoder = new TextDecoder();
let text = '';
for (;;) {
  const result = await reader.read();
  if (result.done) break;
  text += decoder.decode(result.value, { stream: false });
  text += decoder.decode(result.value, undefined);
}
`,
      output: null,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 58,
          suggestions: [],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 50,
          suggestions: [],
        },
      ],
    },
    {
      name: 'raw push + join: Buffer.concat autofix',
      code: `
import https from 'node:https';

https.get(url, (res) => {
  const chunks = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('end', () => {
    console.log(chunks.length, chunks.join(''));
  });
});
`,
      output: `
import https from 'node:https';

https.get(url, (res) => {
  const chunks = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('end', () => {
    console.log(chunks.length, Buffer.concat(chunks).toString());
  });
});
`,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 8,
          column: 32,
          endLine: 8,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    {
      name: 'raw push + join, array used otherwise: no fix',
      code: `
import https from 'node:https';

https.get(url, (res) => {
  const chunks = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('end', () => {
    archive(chunks);
    console.log(chunks.join(''));
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: 'got.stream chain',
      code: `
import got from 'got';

let html = '';
got.stream('https://example.com').on('data', (chunk) => {
  html += chunk;
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'got.stream()' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import got from 'got';

let html = '';
got.stream('https://example.com').setEncoding('utf8').on('data', (chunk) => {
  html += chunk;
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios responseType stream',
      code: `
import axios from 'axios';

const response = await axios.get(url, { responseType: 'stream', timeout: 5000 });
let out = '';
response.data.on('data', (chunk) => {
  out += chunk;
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'response.data' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import axios from 'axios';

const response = await axios.get(url, { responseType: 'stream', timeout: 5000 });
let out = '';
response.data.setEncoding('utf8');
response.data.on('data', (chunk) => {
  out += chunk;
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'undici request body, for await',
      code: `
import { request } from 'undici';

const { statusCode, body } = await request('https://example.com');
let text = '';
for await (const chunk of body) text += chunk;
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'body' },
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import { request } from 'undici';

const { statusCode, body } = await request('https://example.com');
let text = '';
body.setEncoding('utf8');
for await (const chunk of body) text += chunk;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'node-fetch body on data',
      code: `
import fetch from 'node-fetch';

const res = await fetch(url);
let text = '';
res.body.on('data', (chunk) => {
  text += chunk;
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res.body' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import fetch from 'node-fetch';

const res = await fetch(url);
let text = '';
res.body.setEncoding('utf8');
res.body.on('data', (chunk) => {
  text += chunk;
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'handler by reference',
      code: `
import https from 'https';

function onResponse(res) {
  let body = '';
  res.on('data', onData);
  function onData(chunk) {
    body += chunk.toString('utf-8');
  }
}
https.get('https://example.com', onResponse);
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import https from 'https';

function onResponse(res) {
  let body = '';
  res.setEncoding('utf-8');
  res.on('data', onData);
  function onData(chunk) {
    body += chunk.toString('utf-8');
  }
}
https.get('https://example.com', onResponse);
`,
            },
          ],
        },
      ],
    },
    {
      name: 'reader pump with then',
      code: `
const res = await fetch(url);
const reader = res.body.getReader();
const decoder = new TextDecoder();
let text = '';
reader.read().then(function pump({ done, value }) {
  if (done) return text;
  text += decoder.decode(value);
  return reader.read().then(pump);
});
`,
      output: `
const res = await fetch(url);
const reader = res.body.getReader();
const decoder = new TextDecoder();
let text = '';
reader.read().then(function pump({ done, value }) {
  if (done) return text;
  text += decoder.decode(value, { stream: true });
  return reader.read().then(pump);
});
`,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: 'result.value and (await reader.read()).value in loops, dynamic charset',
      code: `
export async function read(url, charset) {
  const res = await fetch(url);
  const decoder = new TextDecoder(charset);
  const reader = res.body.getReader();
  let out = '';
  let result;
  while (!(result = await reader.read()).done) {
    out += decoder.decode(result.value);
  }
  return out;
}

const response = await fetch(url);
const reader = response.body.getReader();
const decoder = new TextDecoder('shift_jis');
let out = '';
for (let i = 0; i < 10; i++) {
  out += decoder.decode((await reader.read()).value);
}
`,
      output: `
export async function read(url, charset) {
  const res = await fetch(url);
  const decoder = new TextDecoder(charset);
  const reader = res.body.getReader();
  let out = '';
  let result;
  while (!(result = await reader.read()).done) {
    out += decoder.decode(result.value, { stream: true });
  }
  return out;
}

const response = await fetch(url);
const reader = response.body.getReader();
const decoder = new TextDecoder('shift_jis');
let out = '';
for (let i = 0; i < 10; i++) {
  out += decoder.decode((await reader.read()).value, { stream: true });
}
`,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'response.body' },
          line: 19,
          column: 10,
          endLine: 19,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
    {
      name: 'util TextDecoder, globalThis.TextDecoder',
      code: `
import { TextDecoder } from 'node:util';
import { request } from 'undici';

const { body } = await request(url);
const decoder = new TextDecoder();
const other = new globalThis.TextDecoder();
for await (const chunk of body) {
  console.log(decoder.decode(chunk));
  console.log(other.decode(chunk));
}
`,
      output: `
import { TextDecoder } from 'node:util';
import { request } from 'undici';

const { body } = await request(url);
const decoder = new TextDecoder();
const other = new globalThis.TextDecoder();
for await (const chunk of body) {
  console.log(decoder.decode(chunk, { stream: true }));
  console.log(other.decode(chunk, { stream: true }));
}
`,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'body' },
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 36,
          suggestions: [],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'other', stream: 'body' },
          line: 10,
          column: 15,
          endLine: 10,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: 'chained listeners: inline setEncoding suggestion',
      code: `
import http from 'node:http';

http.get(url, (res) => {
  let body = '';
  res.on('end', () => done(body)).on('data', (chunk) => { body += chunk; });
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 6,
          column: 59,
          endLine: 6,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';

http.get(url, (res) => {
  let body = '';
  res.on('end', () => done(body)).setEncoding('utf8').on('data', (chunk) => { body += chunk; });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'not in a block: inline setEncoding suggestion',
      code: `
import http from 'node:http';

http.get(url, async (res) => {
  let body = '';
  if (res.statusCode === 200) res.on('data', (chunk) => { body += chunk; });
  if (res.statusCode === 201) for await (const chunk of res) body += chunk;
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 6,
          column: 59,
          endLine: 6,
          endColumn: 72,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';

http.get(url, async (res) => {
  let body = '';
  if (res.statusCode === 200) res.setEncoding('utf8').on('data', (chunk) => { body += chunk; });
  if (res.statusCode === 201) for await (const chunk of res) body += chunk;
});
`,
            },
          ],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 7,
          column: 62,
          endLine: 7,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';

http.get(url, async (res) => {
  let body = '';
  if (res.statusCode === 200) res.on('data', (chunk) => { body += chunk; });
  if (res.statusCode === 201) for await (const chunk of res.setEncoding('utf8')) body += chunk;
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'settings fetch wrapper',
      settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
      code: `
const res = await fetchWithRetry(url);
const decoder = new TextDecoder();
let text = '';
for await (const chunk of res.body) text += decoder.decode(chunk);
`,
      output: `
const res = await fetchWithRetry(url);
const decoder = new TextDecoder();
let text = '';
for await (const chunk of res.body) text += decoder.decode(chunk, { stream: true });
`,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 5,
          column: 45,
          endLine: 5,
          endColumn: 66,
          suggestions: [],
        },
      ],
    },
    {
      name: 'Buffer shadowed: no autofix',
      code: `
import http from 'node:http';
import { Buffer } from './polyfill';

http.get(url, (res) => {
  const parts = [];
  res.on('data', (chunk) => parts.push(chunk.toString()));
  res.on('end', () => done(parts.join('')));
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 7,
          column: 40,
          endLine: 7,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';
import { Buffer } from './polyfill';

http.get(url, (res) => {
  const parts = [];
  res.setEncoding('utf8');
  res.on('data', (chunk) => parts.push(chunk.toString()));
  res.on('end', () => done(parts.join('')));
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'chunk also used as bytes: no setEncoding suggestion',
      code: `
import http from 'node:http';

http.get(url, (res) => {
  let size = 0;
  let body = '';
  res.on('data', (chunk) => {
    size += chunk.length;
    body += chunk;
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'decoder shared by two streams: suggestion',
      code: `
import { request } from 'undici';

async function both() {
  const decoder = new TextDecoder();
  const a = await request(urlA);
  const b = await request(urlB);
  let text = '';
  a.body.on('data', (chunk) => { text += decoder.decode(chunk); });
  b.body.on('data', (chunk) => { text += decoder.decode(chunk); });
}
`,
      output: null,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'a.body' },
          line: 9,
          column: 42,
          endLine: 9,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'suggestStreamOption',
              output: `
import { request } from 'undici';

async function both() {
  const decoder = new TextDecoder();
  const a = await request(urlA);
  const b = await request(urlB);
  let text = '';
  a.body.on('data', (chunk) => { text += decoder.decode(chunk, { stream: true }); });
  b.body.on('data', (chunk) => { text += decoder.decode(chunk); });
}
`,
            },
          ],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'b.body' },
          line: 10,
          column: 42,
          endLine: 10,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'suggestStreamOption',
              output: `
import { request } from 'undici';

async function both() {
  const decoder = new TextDecoder();
  const a = await request(urlA);
  const b = await request(urlB);
  let text = '';
  a.body.on('data', (chunk) => { text += decoder.decode(chunk); });
  b.body.on('data', (chunk) => { text += decoder.decode(chunk, { stream: true }); });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'statement on one line',
      code: `
import http from 'node:http';

http.get(url, (res) => { let s = ''; res.on('data', (c) => { s += c; }); });
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 4,
          column: 62,
          endLine: 4,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';

http.get(url, (res) => { let s = ''; res.setEncoding('utf8'); res.on('data', (c) => { s += c; }); });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'string pushes and raw pushes into one array, two joins',
      code: `
import http from 'node:http';

http.get(url, (res) => {
  const parts = [];
  res.on('data', (chunk) => {
    if (chunk[0] === 0x7b) parts.push(chunk);
    else parts.push(chunk.toString('utf8'));
  });
  res.on('end', () => {
    log(parts.join(''));
    done(parts.join(''));
  });
});
`,
      output: `
import http from 'node:http';

http.get(url, (res) => {
  const parts = [];
  res.on('data', (chunk) => {
    if (chunk[0] === 0x7b) parts.push(chunk);
    else parts.push(chunk);
  });
  res.on('end', () => {
    log(Buffer.concat(parts).toString());
    done(Buffer.concat(parts).toString());
  });
});
`,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 8,
          column: 21,
          endLine: 8,
          endColumn: 43,
          suggestions: [],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 23,
          suggestions: [],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 12,
          column: 10,
          endLine: 12,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
    {
      name: 'addListener and prependListener, https.createServer(options, listener)',
      code: `
import https from 'node:https';

https.createServer(tlsOptions, (req, res) => {
  let body = '';
  req.addListener('data', (chunk) => { body += chunk; });
  req.prependListener('data', (chunk) => { body += chunk; });
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'req' },
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import https from 'node:https';

https.createServer(tlsOptions, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.addListener('data', (chunk) => { body += chunk; });
  req.prependListener('data', (chunk) => { body += chunk; });
});
`,
            },
          ],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'req' },
          line: 7,
          column: 44,
          endLine: 7,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import https from 'node:https';

https.createServer(tlsOptions, (req, res) => {
  let body = '';
  req.addListener('data', (chunk) => { body += chunk; });
  req.setEncoding('utf8');
  req.prependListener('data', (chunk) => { body += chunk; });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'new http.Server(listener) with a listener declared as a const',
      code: `
const http = require('node:http');

const onRequest = async (req, res) => {
  let raw = '';
  for await (const chunk of req) raw = raw + chunk.toString();
  res.end(raw);
};
const server = new http.Server(onRequest);
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'req' },
          line: 6,
          column: 46,
          endLine: 6,
          endColumn: 62,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
const http = require('node:http');

const onRequest = async (req, res) => {
  let raw = '';
  req.setEncoding('utf8');
  for await (const chunk of req) raw = raw + chunk.toString();
  res.end(raw);
};
const server = new http.Server(onRequest);
`,
            },
          ],
        },
      ],
    },
    {
      name: 'got isStream option and axios instance with responseType stream',
      code: `
import got from 'got';
import axios from 'axios';

let a = '';
const stream = got('https://example.com/feed', { isStream: true });
stream.on('data', (chunk) => { a += chunk; });

const api = axios.create({ baseURL, responseType: 'stream', timeout: 5000 });
const { data } = await api.get('/events');
let b = '';
for await (const chunk of data) {
  b += chunk;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'stream' },
          line: 7,
          column: 32,
          endLine: 7,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import got from 'got';
import axios from 'axios';

let a = '';
const stream = got('https://example.com/feed', { isStream: true });
stream.setEncoding('utf8');
stream.on('data', (chunk) => { a += chunk; });

const api = axios.create({ baseURL, responseType: 'stream', timeout: 5000 });
const { data } = await api.get('/events');
let b = '';
for await (const chunk of data) {
  b += chunk;
}
`,
            },
          ],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'data' },
          line: 13,
          column: 3,
          endLine: 13,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import got from 'got';
import axios from 'axios';

let a = '';
const stream = got('https://example.com/feed', { isStream: true });
stream.on('data', (chunk) => { a += chunk; });

const api = axios.create({ baseURL, responseType: 'stream', timeout: 5000 });
const { data } = await api.get('/events');
let b = '';
data.setEncoding('utf8');
for await (const chunk of data) {
  b += chunk;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'undici dispatcher request, then with a destructured body',
      code: `
import { Pool } from 'undici';

const pool = new Pool('https://example.com');
pool.request({ path: '/', method: 'GET' }).then(async ({ body }) => {
  let text = '';
  for await (const chunk of body) text += chunk;
  return text;
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'body' },
          line: 7,
          column: 35,
          endLine: 7,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import { Pool } from 'undici';

const pool = new Pool('https://example.com');
pool.request({ path: '/', method: 'GET' }).then(async ({ body }) => {
  let text = '';
  body.setEncoding('utf8');
  for await (const chunk of body) text += chunk;
  return text;
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch then, destructured body, member body, body stored in a const',
      code: `
fetch(url).then(async (res) => {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body) text += decoder.decode(chunk);
});

export async function a() {
  const { body } = await fetch(url);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk);
}

export async function b() {
  const reader = (await fetch(url)).body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value: bytes } = await reader.read();
    if (done) return text;
    text += decoder.decode(bytes);
  }
}

export async function c() {
  const res = await fetch(url);
  const stream = res.body;
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stream) text += decoder.decode(chunk);
}
`,
      output: `
fetch(url).then(async (res) => {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body) text += decoder.decode(chunk, { stream: true });
});

export async function a() {
  const { body } = await fetch(url);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
}

export async function b() {
  const reader = (await fetch(url)).body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value: bytes } = await reader.read();
    if (done) return text;
    text += decoder.decode(bytes, { stream: true });
  }
}

export async function c() {
  const res = await fetch(url);
  const stream = res.body;
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stream) text += decoder.decode(chunk, { stream: true });
}
`,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 5,
          column: 47,
          endLine: 5,
          endColumn: 68,
          suggestions: [],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'body' },
          line: 12,
          column: 43,
          endLine: 12,
          endColumn: 64,
          suggestions: [],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'fetch().body' },
          line: 22,
          column: 13,
          endLine: 22,
          endColumn: 34,
          suggestions: [],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'stream' },
          line: 31,
          column: 45,
          endLine: 31,
          endColumn: 66,
          suggestions: [],
        },
      ],
    },
    {
      name: 'decoder fed a single read whose text is collected',
      code: `
const res = await fetch(url);
const reader = res.body.getReader();
const decoder = new TextDecoder();
const parts = [];
async function next() {
  const { done, value } = await reader.read();
  if (!done) parts.push(decoder.decode(value));
}
`,
      output: `
const res = await fetch(url);
const reader = res.body.getReader();
const decoder = new TextDecoder();
const parts = [];
async function next() {
  const { done, value } = await reader.read();
  if (!done) parts.push(decoder.decode(value, { stream: true }));
}
`,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a property as the accumulator, destructured metadata, a status check',
      code: `
import https from 'node:https';

class Feed {
  load(url) {
    https.get(url, (res) => {
      const { statusCode } = res;
      if (statusCode !== 200) return;
      res.on('data', (chunk) => {
        this.body += chunk;
      });
    });
  }
}

export async function stream(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body) text += decoder.decode(chunk, {});
  return text;
}
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import https from 'node:https';

class Feed {
  load(url) {
    https.get(url, (res) => {
      const { statusCode } = res;
      if (statusCode !== 200) return;
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        this.body += chunk;
      });
    });
  }
}

export async function stream(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(\`HTTP \${res.status} for \${url}\`);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body) text += decoder.decode(chunk, {});
  return text;
}
`,
            },
          ],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res.body' },
          line: 21,
          column: 47,
          endLine: 21,
          endColumn: 72,
          suggestions: [],
        },
      ],
    },
    {
      name: 'one listener shared by two responses',
      code: `
import http from 'node:http';

export function mirror(url, backup) {
  const decoder = new TextDecoder();
  let text = '';
  const onData = (chunk) => {
    text += decoder.decode(chunk);
  };
  http.get(url, (res) => res.on('data', onData));
  http.get(backup, (res) => res.on('data', onData));
}
`,
      output: null,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'res' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'suggestStreamOption',
              output: `
import http from 'node:http';

export function mirror(url, backup) {
  const decoder = new TextDecoder();
  let text = '';
  const onData = (chunk) => {
    text += decoder.decode(chunk, { stream: true });
  };
  http.get(url, (res) => res.on('data', onData));
  http.get(backup, (res) => res.on('data', onData));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'registrations where no statement can go before',
      code: `
import http from 'node:http';
import got from 'got';
import fetch from 'node-fetch';

let body = '';
http.get(a, (res) => res.on('data', (chunk) => { body += chunk; }));
http.get(b, (res) => { res?.on('data', (chunk) => { body += chunk; }); });
http.get(c, async (res) => { if (ok) for await (const chunk of res!) body += chunk; });
const response = await fetch(d);
if (ok) for await (const chunk of response.body) body += chunk;
if (ok) for await (const chunk of got.stream.get('https://example.com')) body += chunk;
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 7,
          column: 50,
          endLine: 7,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';
import got from 'got';
import fetch from 'node-fetch';

let body = '';
http.get(a, (res) => res.setEncoding('utf8').on('data', (chunk) => { body += chunk; }));
http.get(b, (res) => { res?.on('data', (chunk) => { body += chunk; }); });
http.get(c, async (res) => { if (ok) for await (const chunk of res!) body += chunk; });
const response = await fetch(d);
if (ok) for await (const chunk of response.body) body += chunk;
if (ok) for await (const chunk of got.stream.get('https://example.com')) body += chunk;
`,
            },
          ],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 8,
          column: 53,
          endLine: 8,
          endColumn: 66,
          suggestions: [],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 9,
          column: 70,
          endLine: 9,
          endColumn: 83,
          suggestions: [],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'response.body' },
          line: 11,
          column: 50,
          endLine: 11,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';
import got from 'got';
import fetch from 'node-fetch';

let body = '';
http.get(a, (res) => res.on('data', (chunk) => { body += chunk; }));
http.get(b, (res) => { res?.on('data', (chunk) => { body += chunk; }); });
http.get(c, async (res) => { if (ok) for await (const chunk of res!) body += chunk; });
const response = await fetch(d);
if (ok) for await (const chunk of response.body.setEncoding('utf8')) body += chunk;
if (ok) for await (const chunk of got.stream.get('https://example.com')) body += chunk;
`,
            },
          ],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'got.stream.get()' },
          line: 12,
          column: 74,
          endLine: 12,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';
import got from 'got';
import fetch from 'node-fetch';

let body = '';
http.get(a, (res) => res.on('data', (chunk) => { body += chunk; }));
http.get(b, (res) => { res?.on('data', (chunk) => { body += chunk; }); });
http.get(c, async (res) => { if (ok) for await (const chunk of res!) body += chunk; });
const response = await fetch(d);
if (ok) for await (const chunk of response.body) body += chunk;
if (ok) for await (const chunk of got.stream.get('https://example.com').setEncoding('utf8')) body += chunk;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'arrays that cannot take the Buffer.concat fix',
      code: `
import http from 'node:http';

http.get(url, (res) => {
  const { parts } = state;
  res.on('data', (chunk) => parts.push(chunk.toString()));
  res.on('end', () => done(parts.join('')));
});
http.get(url, (res) => {
  const head = ['>'];
  const wide = [];
  const all = [];
  const joined = [];
  res.on('data', (chunk) => {
    head.push(chunk.toString());
    wide.push(chunk.toString('utf16le'));
    all.push(chunk);
    joined.push('' + chunk);
  });
  res.on('end', () => {
    done(head.join(''), wide.join(''), all.join(''), joined.join(''));
    all.length = 0;
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 6,
          column: 40,
          endLine: 6,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';

http.get(url, (res) => {
  const { parts } = state;
  res.setEncoding('utf8');
  res.on('data', (chunk) => parts.push(chunk.toString()));
  res.on('end', () => done(parts.join('')));
});
http.get(url, (res) => {
  const head = ['>'];
  const wide = [];
  const all = [];
  const joined = [];
  res.on('data', (chunk) => {
    head.push(chunk.toString());
    wide.push(chunk.toString('utf16le'));
    all.push(chunk);
    joined.push('' + chunk);
  });
  res.on('end', () => {
    done(head.join(''), wide.join(''), all.join(''), joined.join(''));
    all.length = 0;
  });
});
`,
            },
          ],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 15,
          column: 15,
          endLine: 15,
          endColumn: 31,
          suggestions: [],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 16,
          column: 15,
          endLine: 16,
          endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 18,
          column: 17,
          endLine: 18,
          endColumn: 27,
          suggestions: [],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 21,
          column: 40,
          endLine: 21,
          endColumn: 52,
          suggestions: [],
        },
      ],
    },
    {
      name: 'chunks used in several encodings',
      code: `
import http from 'node:http';

http.get(url, (res) => {
  let text = '';
  let hex = '';
  res.on('data', (chunk) => {
    text += chunk.toString('utf-8');
    hex += chunk.toString('hex');
  });
});
http.get(url, (res) => {
  let a = '';
  let b = '';
  res.on('data', (chunk) => {
    a += chunk.toString('utf8');
    b += chunk.toString('UTF-8');
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 36,
          suggestions: [],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 16,
          column: 10,
          endLine: 16,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';

http.get(url, (res) => {
  let text = '';
  let hex = '';
  res.on('data', (chunk) => {
    text += chunk.toString('utf-8');
    hex += chunk.toString('hex');
  });
});
http.get(url, (res) => {
  let a = '';
  let b = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    a += chunk.toString('utf8');
    b += chunk.toString('UTF-8');
  });
});
`,
            },
          ],
        },
        {
          messageId: 'perChunkDecoding',
          data: { stream: 'res' },
          line: 17,
          column: 10,
          endLine: 17,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'suggestSetEncoding',
              output: `
import http from 'node:http';

http.get(url, (res) => {
  let text = '';
  let hex = '';
  res.on('data', (chunk) => {
    text += chunk.toString('utf-8');
    hex += chunk.toString('hex');
  });
});
http.get(url, (res) => {
  let a = '';
  let b = '';
  res.setEncoding('UTF-8');
  res.on('data', (chunk) => {
    a += chunk.toString('utf8');
    b += chunk.toString('UTF-8');
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'labels of long stream expressions, TextDecoder from require',
      code: `
const { TextDecoder } = require('node:util');
const fs = require('node:fs');
const { request } = require('undici');

async function main() {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of (await fetch('https://example.com/api/v1/some/long/resource/path')).body) {
    text += decoder.decode(chunk);
  }
  const { body: upstreamResponseBodyStreamForTheCurrentUser } = await request(url);
  for await (const chunk of upstreamResponseBodyStreamForTheCurrentUser) {
    text += decoder.decode(chunk);
  }
  fs.writeFileSync('out.txt', text);
}
`,
      output: null,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'fetch().body' },
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'suggestStreamOption',
              output: `
const { TextDecoder } = require('node:util');
const fs = require('node:fs');
const { request } = require('undici');

async function main() {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of (await fetch('https://example.com/api/v1/some/long/resource/path')).body) {
    text += decoder.decode(chunk, { stream: true });
  }
  const { body: upstreamResponseBodyStreamForTheCurrentUser } = await request(url);
  for await (const chunk of upstreamResponseBodyStreamForTheCurrentUser) {
    text += decoder.decode(chunk);
  }
  fs.writeFileSync('out.txt', text);
}
`,
            },
          ],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'upstreamResponseBodyStreamForTheCurrentUser' },
          line: 14,
          column: 13,
          endLine: 14,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'suggestStreamOption',
              output: `
const { TextDecoder } = require('node:util');
const fs = require('node:fs');
const { request } = require('undici');

async function main() {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of (await fetch('https://example.com/api/v1/some/long/resource/path')).body) {
    text += decoder.decode(chunk);
  }
  const { body: upstreamResponseBodyStreamForTheCurrentUser } = await request(url);
  for await (const chunk of upstreamResponseBodyStreamForTheCurrentUser) {
    text += decoder.decode(chunk, { stream: true });
  }
  fs.writeFileSync('out.txt', text);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'decoders that are read, or handed elsewhere',
      code: `
import { request } from 'undici';

export async function one(url) {
  const { body = empty } = await request(url);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk);
  return [decoder.encoding, text];
}

export async function two(url) {
  const { body } = await request(url);
  const decoder = new TextDecoder();
  const decode = decoder.decode;
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk);
  return text;
}
`,
      output: `
import { request } from 'undici';

export async function one(url) {
  const { body = empty } = await request(url);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
  return [decoder.encoding, text];
}

export async function two(url) {
  const { body } = await request(url);
  const decoder = new TextDecoder();
  const decode = decoder.decode;
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk);
  return text;
}
`,
      errors: [
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'body' },
          line: 8,
          column: 43,
          endLine: 8,
          endColumn: 64,
          suggestions: [],
        },
        {
          messageId: 'decodeWithoutStream',
          data: { decoder: 'decoder', stream: 'body' },
          line: 17,
          column: 43,
          endLine: 17,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'suggestStreamOption',
              output: `
import { request } from 'undici';

export async function one(url) {
  const { body = empty } = await request(url);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk);
  return [decoder.encoding, text];
}

export async function two(url) {
  const { body } = await request(url);
  const decoder = new TextDecoder();
  const decode = decoder.decode;
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
  return text;
}
`,
            },
          ],
        },
      ],
    },
  ],
});

describe('no-per-chunk-decoding options', () => {
  it('rejects options, because the rule has none', () => {
    const linter = new Linter({ configType: 'flat' });
    const run = () =>
      linter.verify('const x = 1;', [
        {
          plugins: { 'http-client': { rules: { 'no-per-chunk-decoding': rule } } } as never,
          rules: { 'http-client/no-per-chunk-decoding': ['error', { bogus: 1 }] },
        },
      ]);
    expect(run).toThrow(/no-per-chunk-decoding[\s\S]*should NOT have more than 0 items/u);
  });
});
