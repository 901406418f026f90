import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { addObjectProperty, insertArgument, setPropertyValue } from '../../src/fixes/edits';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

/** A probe rule that applies one fixer to every node it selects, so the fixers can be tested through ESLint. */
function probe(
  create: (context: Readonly<TSESLint.RuleContext<'fix', []>>) => TSESLint.RuleListener,
): TSESLint.RuleModule<'fix'> {
  return {
    meta: { type: 'problem', fixable: 'code', schema: [], defaultOptions: [], messages: { fix: 'Fix.' } },
    create,
  };
}

// The probes report only what is not fixed yet, as ESLint applies fixes until nothing is left.

/** Adds `added: true` to every object literal passed to `f(...)`. */
const addProperty = probe((context) => ({
  'CallExpression[callee.name="f"] > ObjectExpression'(node: TSESTree.ObjectExpression) {
    if (context.sourceCode.getText(node).includes('added')) return;
    context.report({
      node,
      messageId: 'fix',
      fix: (fixer) => addObjectProperty(fixer, context.sourceCode, node, 'added: true'),
    });
  },
}));

/** Sets the value of every property named `p` to `2`. */
const setValue = probe((context) => ({
  Property(node) {
    const key = context.sourceCode.getText(node.key).replaceAll("'", '');
    if (key !== 'p' || context.sourceCode.getText(node.value) === '2') return;
    context.report({
      node,
      messageId: 'fix',
      fix: (fixer) => setPropertyValue(fixer, context.sourceCode, node, '2'),
    });
  },
}));

/** Inserts `X` as argument 1 of every `f(...)` call, and as argument 2 of every `g(...)` call. */
const insert = probe((context) => ({
  CallExpression(node) {
    if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
    const index = { f: 1, g: 2 }[node.callee.name];
    const inserted = node.arguments.some(
      (argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === 'X',
    );
    if (index === undefined || inserted) return;
    context.report({
      node,
      messageId: 'fix',
      fix: (fixer) => insertArgument(fixer, context.sourceCode, node, index, 'X'),
    });
  },
}));

ruleTester.run('addObjectProperty', addProperty, {
  valid: ['g({})', 'f([])'],
  invalid: [
    { code: 'f({})', output: 'f({ added: true })', errors: [{ messageId: 'fix' }] },
    { code: 'f({   })', output: 'f({ added: true })', errors: [{ messageId: 'fix' }] },
    { code: 'f({ a: 1 })', output: 'f({ a: 1, added: true })', errors: [{ messageId: 'fix' }] },
    { code: 'f({ a: 1, })', output: 'f({ a: 1, added: true, })', errors: [{ messageId: 'fix' }] },
    { code: 'f({ ...rest })', output: 'f({ ...rest, added: true })', errors: [{ messageId: 'fix' }] },
    {
      code: `
f({
  a: 1,
  b: 2
});
`,
      output: `
f({
  a: 1,
  b: 2,
  added: true
});
`,
      errors: [{ messageId: 'fix' }],
    },
    {
      code: `
f({
    a: 1,
});
`,
      output: `
f({
    a: 1,
    added: true,
});
`,
      errors: [{ messageId: 'fix' }],
    },
    {
      // The last property ends on a later line than it starts: the new one follows its last token.
      code: `
f({
  a: () => {
    return 1;
  },
});
`,
      output: `
f({
  a: () => {
    return 1;
  },
  added: true,
});
`,
      errors: [{ messageId: 'fix' }],
    },
  ],
});

ruleTester.run('setPropertyValue', setValue, {
  valid: ['({ q: 1 })'],
  invalid: [
    { code: '({ p: 1 })', output: '({ p: 2 })', errors: [{ messageId: 'fix' }] },
    { code: '({ p })', output: '({ p: 2 })', errors: [{ messageId: 'fix' }] },
    { code: "({ 'p': (1) })", output: "({ 'p': (2) })", errors: [{ messageId: 'fix' }] },
  ],
});

ruleTester.run('insertArgument', insert, {
  valid: ['h(a)', 'a.f(b)'],
  invalid: [
    { code: 'f(a)', output: 'f(a, X)', errors: [{ messageId: 'fix' }] },
    { code: 'f(a, cb)', output: 'f(a, X, cb)', errors: [{ messageId: 'fix' }] },
    { code: 'f(a, (cb))', output: 'f(a, X, (cb))', errors: [{ messageId: 'fix' }] },
    { code: 'f(a, ((cb)))', output: 'f(a, X, ((cb)))', errors: [{ messageId: 'fix' }] },
    { code: 'f((a))', output: 'f((a), X)', errors: [{ messageId: 'fix' }] },
    { code: 'f(a,)', output: 'f(a, X)', errors: [{ messageId: 'fix' }] },
    { code: '(f)(a)', output: '(f)(a, X)', errors: [{ messageId: 'fix' }] },
    { code: 'f?.(a)', output: 'f?.(a, X)', errors: [{ messageId: 'fix' }] },
    { code: 'f()', output: 'f(undefined, X)', errors: [{ messageId: 'fix' }] },
    { code: 'g(a)', output: 'g(a, undefined, X)', errors: [{ messageId: 'fix' }] },
    { code: 'g(a, b)', output: 'g(a, b, X)', errors: [{ messageId: 'fix' }] },
    {
      code: `
f(
  a,
);
`,
      output: `
f(
  a, X
);
`,
      errors: [{ messageId: 'fix' }],
    },
  ],
});
