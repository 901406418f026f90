// Lints one file with the plugin and checks what its fixes and suggestions do to it. Shared by the
// smoke run over the corpus, the generated-program check and the fast slice in the unit tests.
//
// For a file it records:
// - crashes: a rule threw (the bar is zero);
// - parse failures of the input itself (counted apart: they are not the plugin's fault);
// - every autofix applied alone, then all of them together (`verifyAndFix`): the output must parse,
//   and linting it again must offer no further fix for the same problem;
// - every suggestion applied alone: the output must parse, and the same problem must not offer the
//   same suggestion again (applying it twice would change more).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';

const TS_FILE = /\.[cm]?tsx?$/u;
/** Every file kind the checks lint; `**\/*` alone would not make ESLint lint TypeScript files. */
const FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/** The rule id prefix of the plugin's rules. */
export const PREFIX = 'http-client/';

/**
 * The language options to try for a file, best guess first: TypeScript files go to the
 * typescript-eslint parser, `.cjs` is CommonJS, `.mjs` a module, and `.js` follows `sourceType`
 * (the package's `type`), with the other source type as fallback.
 */
export function languageCandidates(filename, { sourceType = 'module', typed = null } = {}) {
  if (TS_FILE.test(filename)) {
    const parserOptions = typed
      ? { projectService: true, tsconfigRootDir: typed.tsconfigRootDir }
      : { ecmaFeatures: { jsx: filename.endsWith('x') } };
    return [
      {
        parser: tsParser,
        ecmaVersion: 'latest',
        sourceType: filename.endsWith('.cts') ? 'commonjs' : 'module',
        parserOptions,
      },
    ];
  }
  const first = filename.endsWith('.cjs') ? 'commonjs' : filename.endsWith('.mjs') ? 'module' : sourceType;
  const second = first === 'module' ? 'commonjs' : 'module';
  return [
    { ecmaVersion: 'latest', sourceType: first },
    { ecmaVersion: 'latest', sourceType: second },
    { ecmaVersion: 'latest', sourceType: first, parserOptions: { ecmaFeatures: { jsx: true } } },
    { ecmaVersion: 'latest', sourceType: second, parserOptions: { ecmaFeatures: { jsx: true } } },
  ];
}

const typeCache = new Map();
/**
 * The source type of a `.js` file: `module` when the nearest package.json (looking no higher than
 * `stop`) says `"type": "module"`, else `commonjs`.
 */
export function sourceTypeOf(file, stop) {
  const dir = path.dirname(file);
  const cached = typeCache.get(dir);
  if (cached) return cached;
  let result = 'commonjs';
  const pkgFile = path.join(dir, 'package.json');
  if (existsSync(pkgFile)) {
    try {
      result = JSON.parse(readFileSync(pkgFile, 'utf8')).type === 'module' ? 'module' : 'commonjs';
    } catch {
      result = 'commonjs';
    }
  } else if (dir !== stop && dir !== path.dirname(dir)) {
    result = sourceTypeOf(dir, stop);
  }
  typeCache.set(dir, result);
  return result;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function offsetOf(starts, line, column) {
  return (starts[line - 1] ?? 0) + column - 1;
}

/** Applies non-overlapping fixes (sorted by range) to `text`. */
export function applyFixes(text, fixes) {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let last = 0;
  for (const fix of sorted) {
    if (fix.range[0] < last) continue;
    out += text.slice(last, fix.range[0]) + fix.text;
    last = fix.range[1];
  }
  return out + text.slice(last);
}

/**
 * Whether a message at `outOffset` in the edited text is at the spot of one at `offset` in the
 * original: the offset mapped through the edit, or anywhere in the new text when it was inside it.
 */
function sameSpot(offset, fix, outOffset) {
  if (offset < fix.range[0]) return outOffset === offset;
  if (offset >= fix.range[1]) return outOffset === offset + fix.text.length - (fix.range[1] - fix.range[0]);
  return outOffset >= fix.range[0] && outOffset <= fix.range[0] + fix.text.length;
}

function snippet(text, range) {
  const start = Math.max(0, text.lastIndexOf('\n', Math.max(0, range[0] - 1)) - 200);
  const end = text.indexOf('\n', range[1] + 200);
  return text.slice(start, end === -1 ? undefined : end);
}

/**
 * Creates a checker.
 * @param {object} options
 * @param {object} options.plugin the plugin object (`dist/index.mjs` or `src/index.ts`)
 * @param {object} [options.config] the flat config entry with the rules (default `plugin.configs.all`)
 * @param {string} [options.cwd] the folder file names are relative to
 * @param {{ tsconfigRootDir: string } | null} [options.typed] lint TypeScript files with type information
 * @param {Record<string, unknown>} [options.settings] `settings` for the config
 */
export function createChecker({ plugin, config = plugin.configs.all, cwd = process.cwd(), typed = null, settings = {} }) {
  const linter = new Linter({ configType: 'flat', cwd: path.resolve(cwd) });
  const ruleIds = Object.keys(config.rules ?? {});

  const configFor = (languageOptions, withRules = true) => [
    { files: FILES, languageOptions, settings, linterOptions: { reportUnusedDisableDirectives: 'off' } },
    ...(withRules ? [{ ...config, files: FILES }] : []),
  ];

  const summary = {
    files: 0,
    parsed: 0,
    crashes: [],
    parseFailures: [],
    reports: Object.fromEntries(ruleIds.map((id) => [id, 0])),
    fixesChecked: 0,
    fixSetsChecked: 0,
    suggestionsChecked: 0,
    fixFailures: [],
    suggestionFailures: [],
  };

  /** Lints `text`; returns messages, or a crash / fatal parse message. */
  function verify(text, languageOptions, filename, withRules = true) {
    try {
      const messages = linter.verify(text, configFor(languageOptions, withRules), filename);
      const fatal = messages.find((m) => m.fatal === true);
      return fatal ? { fatal } : { messages };
    } catch (error) {
      return { crash: error };
    }
  }

  function recordCrash(file, error, stage) {
    const err = /** @type {Error & { ruleId?: string }} */ (error);
    summary.crashes.push({
      file,
      stage,
      rule:
        err.ruleId ??
        /Rule: "([^"]+)"|Error while loading rule '([^']+)'/u.exec(String(err.message))?.slice(1).find(Boolean) ??
        '(unknown)',
      message: String(err.message).split('\n')[0],
      stack: String(err.stack ?? '').split('\n').slice(0, 8).join('\n'),
    });
  }

  /** Checks that `output` parses and lints without crashing; returns its messages or a failure. */
  function relint(output, languageOptions, filename, file, stage) {
    const result = verify(output, languageOptions, filename);
    if (result.crash) {
      recordCrash(file, result.crash, stage);
      return { failure: `rule crashed on the ${stage} output: ${String(result.crash.message).split('\n')[0]}` };
    }
    if (result.fatal) return { failure: `${stage} output does not parse: ${result.fatal.message} (line ${result.fatal.line})` };
    return { messages: result.messages };
  }

  /**
   * Lints one file and checks its fixes and suggestions.
   * @param {string} filename absolute, or relative to `cwd`
   * @param {string} text
   * @param {{ sourceType?: 'module' | 'commonjs', file?: string }} [hints]
   */
  function checkFile(filename, text, hints = {}) {
    const file = hints.file ?? filename;
    summary.files++;
    let languageOptions;
    let messages;
    let lastFatal;
    for (const candidate of languageCandidates(filename, { sourceType: hints.sourceType, typed })) {
      const result = verify(text, candidate, filename);
      if (result.crash) {
        recordCrash(file, result.crash, 'lint');
        return { crashed: true };
      }
      if (result.fatal) {
        lastFatal = result.fatal;
        continue;
      }
      languageOptions = candidate;
      messages = result.messages;
      break;
    }
    if (!messages) {
      summary.parseFailures.push({ file, message: `${lastFatal?.message} (line ${lastFatal?.line})` });
      return { parsed: false };
    }
    summary.parsed++;
    const own = messages.filter((m) => m.ruleId?.startsWith(PREFIX));
    for (const m of own) summary.reports[m.ruleId] = (summary.reports[m.ruleId] ?? 0) + 1;
    const starts = lineStarts(text);
    const offsetOfMessage = (m) => offsetOf(starts, m.line, m.column);

    // Each autofix alone.
    for (const m of own.filter((x) => x.fix)) {
      summary.fixesChecked++;
      const output = applyFixes(text, [m.fix]);
      const after = relint(output, languageOptions, filename, file, 'fix');
      const fail = (reason) =>
        summary.fixFailures.push({ file, rule: m.ruleId, messageId: m.messageId, line: m.line, reason, snippet: snippet(output, [m.fix.range[0], m.fix.range[0] + m.fix.text.length]) });
      if (after.failure) {
        fail(after.failure);
        continue;
      }
      const outStarts = lineStarts(output);
      // Still offered at the same spot, and no fewer such problems than before (a fix whose range spans
      // another, identical problem must not count that one).
      const same = (x) => x.ruleId === m.ruleId && x.messageId === m.messageId && x.fix;
      const again =
        after.messages.filter(same).length >= own.filter(same).length &&
        after.messages.find((x) => same(x) && sameSpot(offsetOfMessage(m), m.fix, offsetOf(outStarts, x.line, x.column)));
      if (again) fail(`a second lint offers another fix for the same problem (${again.messageId} at ${again.line}:${again.column})`);
    }

    // All autofixes together, as `eslint --fix` applies them.
    if (own.some((m) => m.fix)) {
      summary.fixSetsChecked++;
      let fixed;
      try {
        fixed = linter.verifyAndFix(text, configFor(languageOptions), { filename });
      } catch (error) {
        recordCrash(file, error, 'fix-all');
        fixed = null;
      }
      if (fixed) {
        const after = relint(fixed.output, languageOptions, filename, file, 'fix-all');
        const fail = (reason) => summary.fixFailures.push({ file, rule: '(all)', messageId: '', line: 0, reason, snippet: '' });
        if (after.failure) fail(after.failure);
        else {
          const left = after.messages.filter((x) => x.ruleId?.startsWith(PREFIX) && x.fix);
          if (left.length > 0) fail(`fixes do not converge: ${left.map((x) => `${x.ruleId} ${x.line}:${x.column}`).join(', ')}`);
        }
      }
    }

    // Each suggestion alone.
    for (const m of own) {
      for (const suggestion of m.suggestions ?? []) {
        summary.suggestionsChecked++;
        const output = applyFixes(text, [suggestion.fix]);
        const fail = (reason) =>
          summary.suggestionFailures.push({
            file,
            rule: m.ruleId,
            messageId: m.messageId,
            suggestion: suggestion.messageId ?? suggestion.desc,
            line: m.line,
            reason,
            snippet: snippet(output, [suggestion.fix.range[0], suggestion.fix.range[0] + suggestion.fix.text.length]),
          });
        if (output === text) {
          fail('the suggestion changes nothing');
          continue;
        }
        const after = relint(output, languageOptions, filename, file, 'suggestion');
        if (after.failure) {
          fail(after.failure);
          continue;
        }
        const outStarts = lineStarts(output);
        const kind = suggestion.messageId ?? suggestion.desc;
        const offers = (x, source) =>
          x.ruleId === m.ruleId &&
          x.messageId === m.messageId &&
          x.message === m.message &&
          (x.suggestions ?? []).some((s) => (s.messageId ?? s.desc) === kind && applyFixes(source, [s.fix]) !== source);
        // Offered again at the same spot, and no fewer such problems than before (a suggestion whose
        // range spans another, identical problem must not count that one).
        const again =
          after.messages.filter((x) => offers(x, output)).length >= own.filter((x) => offers(x, text)).length &&
          after.messages.find(
            (x) => offers(x, output) && sameSpot(offsetOfMessage(m), suggestion.fix, offsetOf(outStarts, x.line, x.column)),
          );
        if (again) fail(`the same problem offers the same suggestion again (${again.line}:${again.column})`);
      }
    }
    return { parsed: true, messages: own, languageOptions };
  }

  return { checkFile, summary, linter, ruleIds };
}
