import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import type { HttpModel } from '../../src/model/http';
import { getHttpModel } from '../../src/model/http';

/** Options for {@link analyze}. */
export interface AnalyzeOptions {
  readonly sourceType?: 'commonjs' | 'module' | 'script';
  readonly settings?: Record<string, unknown>;
  readonly globals?: Record<string, 'readonly' | 'writable'>;
  /** Parse as TypeScript (`file.ts`, typescript-eslint's parser, no type information). */
  readonly typescript?: boolean;
}

/**
 * Lints `code` with a probe rule and returns the HTTP model the plugin built for it, together
 * with the source code so tests can print nodes.
 */
export function analyze(
  code: string,
  options: AnalyzeOptions = {},
): { model: HttpModel; sourceCode: TSESLint.SourceCode; text: (node: { range: [number, number] }) => string } {
  let captured: { model: HttpModel; sourceCode: TSESLint.SourceCode } | undefined;
  const probe = {
    meta: { type: 'problem', schema: [] },
    create(context: TSESLint.RuleContext<string, []>) {
      captured = { model: getHttpModel(context), sourceCode: context.sourceCode };
      return {};
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.js', '**/*.ts'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: options.sourceType ?? 'module',
        globals: options.globals ?? {},
        ...(options.typescript === true ? { parser: tsParser } : {}),
      },
      settings: options.settings ?? {},
      plugins: { probe: { rules: { model: probe } } } as never,
      rules: { 'probe/model': 'error' },
    },
  ], options.typescript === true ? 'file.ts' : 'file.js');
  const fatal = messages.find((message) => message.fatal === true || message.ruleId === 'probe/model');
  if (fatal) throw new Error(fatal.message);
  if (!captured) throw new Error('the probe rule did not run');
  const { sourceCode } = captured;
  return { ...captured, text: (node) => sourceCode.text.slice(node.range[0], node.range[1]) };
}
