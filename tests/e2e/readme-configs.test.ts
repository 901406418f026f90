import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The configurations the README shows, copied verbatim from it into fresh projects that install the
 * packed plugin with ESLint 9 and 10: a JavaScript project, a project with only TypeScript files, and a
 * mixed JavaScript/TypeScript project with typed linting. What a user following the README sees.
 */
const root = path.join(import.meta.dirname, '..', '..');
const ESLINT_VERSIONS = ['9.39.5', '10.15.0'] as const;
const README = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The fenced code block right after `<!-- readme-snippet: name -->` in the README. */
function readmeSnippet(name: string): string {
  const marker = `<!-- readme-snippet: ${name} -->`;
  const start = README.indexOf(marker);
  if (start === -1) throw new Error(`README has no snippet marked ${marker}`);
  const fence = /```js\n([\s\S]*?)```/u.exec(README.slice(start + marker.length));
  if (!fence?.[1]) throw new Error(`README snippet ${name} has no js code block after its marker`);
  return fence[1];
}

interface Message {
  ruleId: string | null;
  line: number;
  message: string;
  fatal?: boolean;
}

interface Result {
  file: string;
  messages: Message[];
}

let workDir = '';
let tarball = '';

function run(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Lints `.` in `project` through the project's own `eslint` command; every file ESLint linted. */
function lint(installDir: string, project: string): Result[] {
  const result = spawnSync(
    process.execPath,
    [path.join(installDir, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '.'],
    { cwd: project, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (!result.stdout.startsWith('[')) throw new Error(`eslint failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { filePath: string; messages: Message[] }[])
    .map(({ filePath, messages }) => ({ file: path.relative(project, filePath).split(path.sep).join('/'), messages }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** A project folder inside the install folder (which holds `node_modules`), with the given files. */
function project(installDir: string, name: string, files: Readonly<Record<string, string>>): string {
  const dir = path.join(installDir, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const ruleIds = (result: Result | undefined): (string | null)[] => (result?.messages ?? []).map((m) => m.ruleId);

/** TypeScript-only syntax around a blind request, so that a JavaScript parser cannot read it. */
const TS_SERVICE = `interface User {
  id: string;
  name: string;
}

export async function loadUser(id: string): Promise<User> {
  const res = await fetch(\`https://api.example.com/users/\${id}\`);
  return (await res.json()) as User;
}
`;

/** A response-returning method in another file, found as a request only through its type. */
const TS_API = `export class Api {
  constructor(private readonly base: string) {}

  load(path: string): Promise<Response> {
    return fetch(this.base + path, { signal: AbortSignal.timeout(5000) });
  }
}
`;

const TS_CALLER = `import { Api } from './api';

export async function loadOrder(api: Api, id: string): Promise<unknown> {
  const res = await api.load(\`/orders/\${id}\`);
  return res.json();
}
`;

const JS_SCRIPT = `export async function ping(url) {
  const res = await fetch(url);
  return res.text();
}
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', strict: true, lib: ['es2022', 'dom'], noEmit: true },
  include: ['src'],
});

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'http-client-readme-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', workDir], root)) as { filename: string }[];
  tarball = path.join(workDir, packed[0]?.filename ?? '');
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('README snippets', () => {
  it('are found in the README', () => {
    for (const name of ['javascript', 'typescript', 'typed', 'front-end']) {
      expect(readmeSnippet(name)).toContain("from 'eslint-plugin-http-client'");
    }
    expect(() => readmeSnippet('missing')).toThrow(/no snippet marked/u);
  });

  describe.each(ESLINT_VERSIONS)('with ESLint %s', (eslintVersion) => {
    let installDir = '';

    beforeAll(() => {
      installDir = path.join(workDir, `eslint-${eslintVersion}`);
      mkdirSync(installDir, { recursive: true });
      writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'readme', private: true, type: 'module' }));
      run(
        'npm',
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
          `eslint@${eslintVersion}`,
          'typescript-eslint@8.72.0',
          'typescript@6.0.3',
          tarball,
        ],
        installDir,
      );
    });

    it('the JavaScript snippet lints JavaScript files', () => {
      const dir = project(installDir, 'javascript', {
        'eslint.config.mjs': readmeSnippet('javascript'),
        'src/ping.js': JS_SCRIPT,
      });
      const results = lint(installDir, dir);
      expect(results.map((result) => result.file)).toEqual(['eslint.config.mjs', 'src/ping.js']);
      expect(ruleIds(results[1])).toEqual(['http-client/require-request-timeout', 'http-client/require-status-check']);
    });

    it('the front-end snippet keeps every rule but the timeout rule in UI folders', () => {
      const dir = project(installDir, 'front-end', {
        'eslint.config.mjs': readmeSnippet('front-end'),
        'src/components/ping.js': JS_SCRIPT,
        'src/server/ping.js': JS_SCRIPT,
      });
      const results = lint(installDir, dir);
      expect(results.map((result) => [result.file, ruleIds(result)])).toEqual([
        ['eslint.config.mjs', []],
        ['src/components/ping.js', ['http-client/require-status-check']],
        ['src/server/ping.js', ['http-client/require-request-timeout', 'http-client/require-status-check']],
      ]);
    });

    it('the TypeScript snippet lints a project that has only TypeScript files', () => {
      const dir = project(installDir, 'typescript', {
        'eslint.config.mjs': readmeSnippet('typescript'),
        'src/users.ts': TS_SERVICE,
        'src/orders.mts': TS_CALLER.replace("'./api'", "'./api.ts'"),
      });
      const results = lint(installDir, dir);
      expect(results.map((result) => result.file)).toEqual(['eslint.config.mjs', 'src/orders.mts', 'src/users.ts']);
      expect(results.flatMap((result) => result.messages).filter((message) => message.fatal)).toEqual([]);
      const users = results.find((result) => result.file === 'src/users.ts');
      // One report per problem: the unchecked status covers the blind `.json()`; the deadline is its own.
      expect(ruleIds(users)).toEqual(['http-client/require-request-timeout', 'http-client/require-status-check']);
      expect(users?.messages.map((message) => message.line)).toEqual([7, 7]);
    });

    it('the typed snippet lints JavaScript untyped and TypeScript with types, in one mixed project', () => {
      const dir = project(installDir, 'typed', {
        'eslint.config.mjs': readmeSnippet('typed'),
        'tsconfig.json': TSCONFIG,
        'src/api.ts': TS_API,
        'src/orders.ts': TS_CALLER,
        'src/users.ts': TS_SERVICE,
        'scripts/ping.js': JS_SCRIPT,
      });
      const results = lint(installDir, dir);
      expect(results.map((result) => result.file)).toEqual([
        'eslint.config.mjs',
        'scripts/ping.js',
        'src/api.ts',
        'src/orders.ts',
        'src/users.ts',
      ]);
      // No file fails to parse, and no JavaScript file is refused by the project service.
      const messages = results.flatMap((result) => result.messages);
      expect(messages.filter((message) => message.fatal === true || message.ruleId === null)).toEqual([]);
      expect(ruleIds(results[1])).toEqual(['http-client/require-request-timeout', 'http-client/require-status-check']);
      expect(ruleIds(results[2])).toEqual([]);
      // `api.load()` resolves with a Fetch `Response`: only its type says that it is a request.
      const orders = results[3];
      expect(orders?.messages.map((message) => [message.ruleId, message.line])).toEqual([['http-client/require-status-check', 4]]);
    });
  });
});
