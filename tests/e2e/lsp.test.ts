import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint as ESLint10, Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../dist/index.mjs';

/**
 * The editor surface: the ESLint language server that VS Code's ESLint extension runs, and that
 * Neovim (nvim-lspconfig `eslint`), Helix, Zed, Sublime LSP and others start as
 * `vscode-eslint-language-server --stdio`. A minimal LSP client drives it the way an editor does:
 * initialize, answer `workspace/configuration`, open a document, pull diagnostics, ask for code
 * actions, run the chosen one, apply the `workspace/applyEdit` the server sends back, and send the
 * change as incremental edits (the server asks for incremental sync).
 */
const root = path.join(import.meta.dirname, '..', '..');
const SERVER = path.join(root, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');

// ------------------------------------------------------------------------------------------------
// LSP types (only the parts used here)

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}
interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  edit?: WorkspaceEdit;
  command?: Command;
}
interface JsonRpcMessage {
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** Settings the server asks for with `workspace/configuration` (the `eslint.*` settings of VS Code). */
interface ServerSettings {
  validate: 'on' | 'off' | 'probe';
  run: 'onType' | 'onSave';
  useFlatConfig: boolean;
  experimental: { useFlatConfig?: boolean };
  nodePath: string | null;
  workingDirectory: { mode: 'location' | 'auto' } | { directory: string };
  workspaceFolder: { name: string; uri: string };
  [key: string]: unknown;
}

function baseSettings(project: string): ServerSettings {
  return {
    validate: 'on',
    run: 'onType',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: {},
    nodePath: path.join(project, 'node_modules'),
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: 'project', uri: pathToFileURL(project).href },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    problems: { shortenToSingleLine: false },
  };
}

/** A minimal JSON-RPC-over-stdio LSP client. */
class LspClient {
  readonly logs: string[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  private readonly server: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly exited: Promise<void>;

  constructor(
    cwd: string,
    private readonly settings: ServerSettings,
  ) {
    this.server = spawn(process.execPath, [SERVER, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.server.once('exit', () => {
        resolve();
      });
    });
    this.server.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.server.stderr.on('data', (chunk: Buffer) => {
      this.logs.push(chunk.toString());
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (value) => {
          resolve(value as T);
        },
        reject,
      });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async initialize(rootDir: string): Promise<{ capabilities: Record<string, unknown> }> {
    const rootUri = pathToFileURL(rootDir).href;
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'project' }],
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { didSave: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          },
        },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    expect(report.kind).toBe('full');
    return report.items;
  }

  async shutdown(): Promise<void> {
    const timeout = setTimeout(() => this.server.kill(), 5000);
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
      await this.exited;
    } finally {
      clearTimeout(timeout);
    }
  }

  private send(message: JsonRpcMessage): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.server.stdin.write(`Content-Length: ${String(Buffer.byteLength(body))}\r\n\r\n${body}`);
  }

  private drain(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/iu.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as JsonRpcMessage;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: JsonRpcMessage): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.send({ id: message.id, result: this.answer(message.method, message.params) });
    } else if (message.method !== undefined) {
      if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
        this.logs.push((message.params as { message: string }).message);
      }
    } else if (typeof message.id === 'number') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(`${message.error.message} (${String(message.error.code)})`));
      else waiting?.resolve(message.result);
    }
  }

  /** What an editor answers to the server's requests. */
  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration':
        return (params as { items: unknown[] }).items.map(() => this.settings);
      case 'workspace/applyEdit':
        this.appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
        return { applied: true };
      default:
        return null;
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Text helpers

function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    offset = next < 0 ? text.length : next + 1;
  }
  return offset + position.character;
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: (before.at(-1) ?? '').length };
}

/** The edits of a workspace edit for one document, last first, so earlier offsets stay valid. */
function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const edits = [
    ...(edit.changes?.[uri] ?? []),
    ...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits),
  ];
  return edits.sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of edits) {
    result = result.slice(0, offsetAt(result, edit.range.start)) + edit.newText + result.slice(offsetAt(result, edit.range.end));
  }
  return result;
}

function applyEslintFix(text: string, fix: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** Parse errors of a module, as ESLint's default parser sees them. */
function parseErrors(code: string): string[] {
  return new Linter()
    .verify(code, [{ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } }])
    .filter((message) => message.fatal === true)
    .map((message) => message.message);
}

// ------------------------------------------------------------------------------------------------
// Project set-up

const examples = ['bad', 'good'].flatMap((kind) =>
  readdirSync(path.join(root, 'examples', kind))
    .filter((file) => /\.(?:c|m)?js$/u.test(file))
    .map((file) => `examples/${kind}/${file}`),
);

const ESLINT_PACKAGES = {
  '9': { dir: 'eslint-v9', ESLint: ESLint9 },
  '10': { dir: 'eslint', ESLint: ESLint10 },
} as const;

type Major = keyof typeof ESLINT_PACKAGES;

/**
 * A project in the temp dir whose `node_modules/eslint` is the wanted ESLint, with the examples and
 * an `eslint.config.mjs` that enables the recommended preset of the built plugin.
 */
function createProject(base: string, major: Major): string {
  const project = path.join(base, `eslint-${major}`);
  mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules', ESLINT_PACKAGES[major].dir), path.join(project, 'node_modules', 'eslint'), 'dir');
  cpSync(path.join(root, 'examples'), path.join(project, 'examples'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'lsp-e2e', private: true, type: 'module' }));
  writeFileSync(
    path.join(project, 'eslint.config.mjs'),
    `import plugin from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'index.mjs')).href)};\n` +
      `export default [{ files: ['**/*.js'], ...plugin.configs.recommended }];\n`,
  );
  return project;
}

interface Expected {
  ruleId: string;
  message: string;
  range: Range;
  suggestions: { desc: string; fix: { range: readonly [number, number]; text: string } }[];
  fix: { range: readonly [number, number]; text: string } | undefined;
}

/** What ESLint's Node API of the same version reports for a text, with LSP (0-based) ranges. */
const apiInstances = new Map<string, ESLint9 | ESLint10>();
function api(major: Major, project: string, fix = false): ESLint9 | ESLint10 {
  const key = `${major}:${project}:${String(fix)}`;
  let eslint = apiInstances.get(key);
  if (!eslint) {
    eslint = new ESLINT_PACKAGES[major].ESLint({ cwd: project, fix });
    apiInstances.set(key, eslint);
  }
  return eslint;
}

async function lintWithApi(major: Major, project: string, file: string, text: string): Promise<Expected[]> {
  const eslint = api(major, project);
  const [result] = await eslint.lintText(text, { filePath: path.join(project, file) });
  return (result?.messages ?? []).map((message) => ({
    ruleId: message.ruleId ?? '(fatal)',
    message: message.message,
    range: {
      start: { line: message.line - 1, character: message.column - 1 },
      end: { line: (message.endLine ?? message.line) - 1, character: (message.endColumn ?? message.column) - 1 },
    },
    suggestions: (message.suggestions ?? []).map((suggestion) => ({ desc: suggestion.desc, fix: suggestion.fix })),
    fix: message.fix,
  }));
}

function simplify(diagnostics: readonly Diagnostic[]): { ruleId: string; message: string; range: Range }[] {
  return diagnostics.map((diagnostic) => ({
    ruleId: String(diagnostic.code),
    message: diagnostic.message,
    range: diagnostic.range,
  }));
}

const byPosition = <T extends { range: Range }>(a: T, b: T): number =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

let base = '';
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'http-client-lsp-'));
});
afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe.each(['9', '10'] as const)('ESLint language server with ESLint %s', (major) => {
  let project = '';
  let client: LspClient;
  let version = 0;

  const uriOf = (file: string): string => pathToFileURL(path.join(project, file)).href;

  function open(file: string, text: string): string {
    const uri = uriOf(file);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: ++version, text } });
    return uri;
  }

  beforeAll(async () => {
    project = createProject(base, major);
    client = new LspClient(project, baseSettings(project));
    const { capabilities } = await client.initialize(project);
    expect(capabilities).toMatchObject({
      diagnosticProvider: { identifier: 'eslint' },
      codeActionProvider: { codeActionKinds: expect.arrayContaining(['quickfix', 'source.fixAll.eslint']) as unknown },
    });
  });

  afterAll(async () => {
    await client.shutdown();
  });

  it('reports on every example exactly what ESLint reports, with rule ids, ranges and doc links', async () => {
    // Open every example first, as an editor restoring its tabs does, then pull them all.
    const texts = examples.map((file) => readFileSync(path.join(project, file), 'utf8'));
    const uris = examples.map((file, index) => open(file, texts[index] ?? ''));
    const pulled = await Promise.all(uris.map((uri) => client.diagnostics(uri)));
    let reported = 0;
    for (const [index, file] of examples.entries()) {
      const diagnostics = pulled[index] ?? [];
      const expected = await lintWithApi(major, project, file, texts[index] ?? '');
      expect(simplify(diagnostics).sort(byPosition), file).toEqual(
        expected.map(({ ruleId, message, range }) => ({ ruleId, message, range })).sort(byPosition),
      );
      for (const diagnostic of diagnostics) {
        const ruleId = String(diagnostic.code);
        expect(ruleId).toMatch(/^http-client\//u);
        expect(diagnostic.source).toBe('eslint');
        expect(diagnostic.severity).toBe(1);
        expect(diagnostic.codeDescription?.href).toBe(plugin.rules[ruleId.slice('http-client/'.length)]?.meta?.docs?.url);
      }
      if (file.startsWith('examples/good/')) expect(diagnostics, file).toEqual([]);
      reported += diagnostics.length;
      client.notify('textDocument/didClose', { textDocument: { uri: uris[index] } });
    }
    expect(reported).toBeGreaterThan(0);
    expect(client.logs.join('\n')).toContain(`ESLint library loaded from: ${path.join(root, 'node_modules', ESLINT_PACKAGES[major].dir)}`);
  });

  it("offers each rule's suggestions as quick fixes whose edits apply, parse and clear the problem", async () => {
    // One diagnostic with suggestions per rule, from the bad examples.
    const picked = new Map<string, { file: string; text: string; expected: Expected }>();
    for (const file of examples.filter((name) => name.startsWith('examples/bad/'))) {
      const text = readFileSync(path.join(project, file), 'utf8');
      for (const expected of await lintWithApi(major, project, file, text)) {
        if (expected.suggestions.length > 0 && !picked.has(expected.ruleId)) picked.set(expected.ruleId, { file, text, expected });
      }
    }
    expect(picked.size).toBeGreaterThan(0);

    for (const [ruleId, { file, text, expected }] of picked) {
      const uri = open(file, text);
      const before = await client.diagnostics(uri);
      const diagnostic = before.find(
        (candidate) => candidate.code === ruleId && byPosition(candidate, expected) === 0,
      );
      expect(diagnostic, `${ruleId} in ${file}`).toBeDefined();
      if (!diagnostic) continue;

      const actions = await client.request<(CodeAction | Command)[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      const titles = actions.map((action) => action.title);
      // The server titles a suggestion "<desc> (<rule id>)" and offers it next to the disable comments.
      for (const suggestion of expected.suggestions) expect(titles).toContain(`${suggestion.desc} (${ruleId})`);
      expect(titles).toContain(`Disable ${ruleId} for this line`);
      expect(titles).toContain(`Show documentation for ${ruleId}`);

      const first = expected.suggestions[0];
      if (!first) continue;
      const action = actions.find((candidate) => candidate.title === `${first.desc} (${ruleId})`) as CodeAction;
      expect(action.kind).toBe('quickfix');
      expect(action.command?.command).toBe('eslint.applySuggestion');

      // Run it as an editor does: the server answers with a workspace/applyEdit request.
      const editsBefore = client.appliedEdits.length;
      await client.request('workspace/executeCommand', { command: action.command?.command, arguments: action.command?.arguments });
      expect(client.appliedEdits).toHaveLength(editsBefore + 1);
      const edits = editsFor(client.appliedEdits.at(-1) ?? {}, uri);
      expect(edits.length).toBeGreaterThan(0);
      const fixed = applyEdits(text, edits);

      expect(fixed, `${ruleId} suggestion`).toBe(applyEslintFix(text, first.fix));
      expect(parseErrors(fixed), `${ruleId} suggestion output parses`).toEqual([]);

      // The editor sends the edit back as incremental changes (no save: run is 'onType').
      let current = text;
      const contentChanges = edits.map((edit) => {
        const change = { range: edit.range, text: edit.newText };
        current = applyEdits(current, [edit]);
        return change;
      });
      expect(current).toBe(fixed);
      client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges });
      const after = await client.diagnostics(uri);

      const count = (list: readonly Diagnostic[]): number => list.filter((item) => item.code === ruleId).length;
      expect(count(after), `${ruleId} after its suggestion`).toBeLessThan(count(before));
      expect(after.every((item) => typeof item.code === 'string' && item.code.startsWith('http-client/'))).toBe(true);
      const relinted = await lintWithApi(major, project, file, fixed);
      expect(simplify(after).sort(byPosition)).toEqual(
        relinted.map(({ ruleId: id, message, range }) => ({ ruleId: id, message, range })).sort(byPosition),
      );
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
  });

  it('applies autofixes as a quick fix and as source.fixAll.eslint (fix on save)', async () => {
    const fixable: { file: string; text: string; expected: Expected }[] = [];
    for (const file of examples.filter((name) => name.startsWith('examples/bad/'))) {
      const text = readFileSync(path.join(project, file), 'utf8');
      for (const expected of await lintWithApi(major, project, file, text)) {
        if (expected.fix) fixable.push({ file, text, expected });
      }
    }
    // The examples hold autofixable problems (no-per-chunk-decoding's): without one this test proves nothing.
    expect(fixable.length).toBeGreaterThan(0);
    const { file, text, expected } = fixable[0] as (typeof fixable)[number];
    const uri = open(file, text);
    const diagnostic = (await client.diagnostics(uri)).find(
      (candidate) => candidate.code === expected.ruleId && byPosition(candidate, expected) === 0,
    );
    expect(diagnostic).toBeDefined();
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic?.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const quickFix = actions.find((action) => action.command?.command === 'eslint.applySingleFix');
    expect(quickFix?.title).toBe(`Fix this ${expected.ruleId} problem`);
    await client.request('workspace/executeCommand', {
      command: quickFix?.command?.command,
      arguments: quickFix?.command?.arguments,
    });
    const single = applyEdits(text, editsFor(client.appliedEdits.at(-1) ?? {}, uri));
    expect(single).toBe(applyEslintFix(text, expected.fix ?? { range: [0, 0], text: '' }));
    expect(parseErrors(single)).toEqual([]);

    // VS Code's "editor.codeActionsOnSave": { "source.fixAll.eslint": "explicit" } asks for this kind.
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) },
      context: { diagnostics: [], only: ['source.fixAll.eslint'] },
    });
    expect(fixAll).toHaveLength(1);
    const allFixed = applyEdits(text, editsFor(fixAll[0]?.edit ?? {}, uri));
    const [result] = await api(major, project, true).lintText(text, { filePath: path.join(project, file) });
    expect(allFixed).toBe(result?.output ?? text);
    expect(parseErrors(allFixed)).toEqual([]);
    client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it(
    major === '9'
      ? 'still lints with the legacy experimental.useFlatConfig setting'
      : 'turns validation off under the legacy experimental.useFlatConfig setting (no FlatESLint in ESLint 10)',
    async () => {
      const legacy = new LspClient(project, { ...baseSettings(project), experimental: { useFlatConfig: true } });
      try {
        await legacy.initialize(project);
        const file = examples.find((name) => name.startsWith('examples/bad/')) ?? '';
        const text = readFileSync(path.join(project, file), 'utf8');
        const uri = uriOf(file);
        legacy.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text } });
        const report = await legacy.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
        const expected = await lintWithApi(major, project, file, text);
        if (major === '9') {
          expect(simplify(report.items).sort(byPosition)).toEqual(
            expected.map(({ ruleId, message, range }) => ({ ruleId, message, range })).sort(byPosition),
          );
          expect(legacy.logs.join('\n')).toContain("The 'eslint.experimental.useFlatConfig' setting can be removed.");
        } else {
          expect(expected.length).toBeGreaterThan(0);
          expect(report.items).toEqual([]);
          expect(legacy.logs.join('\n')).toContain("doesn't export a FlatESLint class.");
        }
      } finally {
        await legacy.shutdown();
      }
    },
  );
});
