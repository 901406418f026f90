import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../src/ast/nodes';
import type { RouteHandler } from '../../src/clients/frameworks';
import { isFunctionNode, walk } from '../../src/ast/nodes';
import { findRouteHandler } from '../../src/clients/frameworks';

/**
 * Parses `code` as TypeScript under `filename` and returns what {@link findRouteHandler} says about
 * the function marked by a `/*fn*\/` comment right before it (or the first function).
 */
function handlerOf(code: string, filename = 'file.ts'): RouteHandler | null {
  let result: RouteHandler | null | undefined;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      const sourceCode = context.sourceCode;
      const marker = code.indexOf('/*fn*/');
      const functions: FunctionNode[] = [];
      walk(sourceCode.ast, sourceCode, (node) => {
        if (isFunctionNode(node)) functions.push(node);
        return undefined;
      });
      const fn = marker === -1 ? functions[0] : functions.find((candidate) => candidate.range[0] >= marker);
      if (!fn) throw new Error('no function in the code');
      result = findRouteHandler(fn, sourceCode, context.filename);
      return {};
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { probe: { rules: { handler: probe } } } as never,
        rules: { 'probe/handler': 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.find((message) => message.fatal === true || message.ruleId === 'probe/handler');
  if (fatal) throw new Error(fatal.message);
  if (result === undefined) throw new Error('the probe rule did not run');
  return result;
}

describe('findRouteHandler', () => {
  it.each([
    [`app.get('/users/:id', (req, res) => {});`, 'the route handler passed to `app.get`'],
    [`router.post(['/a', '/b'], async (ctx) => {});`, 'the route handler passed to `router.post`'],
    [`app.delete(/^\\/items/, (req, res) => {});`, 'the route handler passed to `app.delete`'],
    [`router.route('/users').get((req, res) => {}).put(/*fn*/ (req, res) => {});`, 'the route handler passed to `.put`'],
    [`fastify.route({ method: 'GET', url: '/', handler: async (request) => {} });`, 'the route handler passed to `fastify.route`'],
    [`http.createServer((req, res) => {});`, 'the request handler passed to `http.createServer`'],
    [`createServer((req, res) => {});`, 'the request handler passed to `createServer`'],
    [`server.on('request', (req, res) => {});`, 'the request handler passed to `server.on`'],
    [`app.use((req, res, next) => {});`, 'the middleware passed to `app.use`'],
    [`function show(req, res) {}\napp.get('/show', show);`, 'the route handler `show`'],
  ])('%s is a server handler', (code, description) => {
    expect(handlerOf(code)).toEqual({ framework: 'server', description });
  });

  it.each([
    [`export async function GET(request: Request) {}`, 'the Next.js route handler `GET`'],
    [`export const POST = async (request: Request) => {};`, 'the Next.js route handler `POST`'],
    [`'use server';\nexport async function save(form: FormData) {}`, 'the server action `save`'],
    [`export default function Page() {\n  async function save() {\n    'use server';\n  }\n}`, 'the server action `save`'],
  ])('%s is a Next.js handler', (code, description) => {
    const marker = code.includes('Page') ? code.replace('async function save', '/*fn*/ async function save') : code;
    expect(handlerOf(marker)).toEqual({ framework: 'next', description });
  });

  it('knows a Pages Router API route by its path', () => {
    const code = `export default async function handler(req, res) {}`;
    expect(handlerOf(code, 'src/pages/api/users.ts')).toEqual({
      framework: 'next',
      description: 'the Next.js API route `handler`',
    });
    expect(handlerOf(code, 'src/lib/users.ts')).toBeNull();
  });

  it('knows a NestJS route method by its decorator from @nestjs/common', () => {
    const code = `
import { Controller, Get } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get(':id')
  find() {}
}
`;
    expect(handlerOf(code)).toEqual({ framework: 'nest', description: 'the NestJS route handler `find`' });
    expect(handlerOf(code.replace("'@nestjs/common'", "'./decorators'"))).toBeNull();
  });

  it.each([
    [`items.map((item) => item.id);`],
    [`cache.get(key, (value) => value);`],
    [`api.interceptors.request.use((config, extra) => config);`],
    [`app.get((req, res) => {});`],
    [`app.use(() => {});`],
    [`emitter.on('data', (chunk) => {});`],
    [`export async function load() {}`],
    [`function show(req, res) {}\nshow(1, 2);`],
    [`server.route({ handler: (request) => {} }).then(() => {});\nother({ handler: (request) => {} });`],
  ])('%s is not a route handler', (code) => {
    const marked = code.startsWith('server.route') ? code.replace('other({ handler: ', 'other({ handler: /*fn*/ ') : code;
    expect(handlerOf(marked)).toBeNull();
  });
});
