import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index';
import { rules } from '../src/rules';
import requireStatusCheck from '../src/rules/require-status-check';
import { createRuleTester } from './rule-tester';

const ruleTester = createRuleTester();

describe('a wrong settings entry', () => {
  ruleTester.run('require-status-check', requireStatusCheck, {
    valid: [
      // Valid settings: the rule runs as usual.
      {
        code: 'const res = await fetch(url); if (!res.ok) throw new Error(); await res.json();',
        settings: { 'http-client': { fetchFunctions: ['fetchWithRetry'] } },
      },
    ],
    invalid: [
      {
        code: 'const res = await fetch(url);\nawait res.json();',
        settings: { 'http-client': { fetchFunctions: 'fetchWithRetry' } },
        errors: [
          {
            messageId: 'invalidSettings',
            data: {
              problem:
                "settings['http-client'].fetchFunctions must be an array of function names such as \"fetchJson\" or \"api.fetch\".",
            },
            line: 1,
            column: 1,
          },
        ],
      },
      {
        code: 'fetch(url);',
        settings: { 'http-client': { timeoutFunction: ['withDeadline'] } },
        errors: [{ messageId: 'invalidSettings', line: 1, column: 1 }],
      },
    ],
  });

  it('is reported once per file, by one rule, in words that name the setting and do not suggest a crash', () => {
    const linter = new Linter();
    const config = [
      { ...plugin.configs.all, settings: { 'http-client': { clientModules: { '@/http': { default: 'request' } } } } },
    ];
    const messages = linter.verify('const res = await fetch(url);\nawait res.json();\n', config, 'file.js');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.ruleId).toMatch(/^http-client\//u);
    expect(messages[0]?.line).toBe(1);
    expect(messages[0]?.message).toBe(
      "Wrong setting: settings['http-client'].clientModules['@/http'].default must be one of axios, fetch, got, ky, node-http, undici. " +
        'The http-client rules skip this file until it is fixed.',
    );
    // Each file gets its own report.
    expect(linter.verify('fetch(url);\n', config, 'other.js')).toHaveLength(1);
  });

  it('every rule declares the message', () => {
    for (const rule of Object.values(rules)) {
      expect(rule.meta.messages.invalidSettings).toContain('{{problem}}');
    }
  });
});
