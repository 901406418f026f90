import type { TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from '../../src/ast/nodes';
import { describe, expect, it } from 'vitest';

import { enclosingConstruction, functionVariable, getRunUnit } from '../../src/model/lifetime';
import { isFunctionNode, walk } from '../../src/ast/nodes';
import { analyze } from './analyze';

/** The run unit of the first construction in `code`, printed as source text. */
function runOf(code: string): { fn: string | null; loop: string | null } | null {
  const { model, sourceCode, text } = analyze(code);
  const construction = model.constructions[0];
  if (!construction) throw new Error('no construction in the code');
  const run = getRunUnit(construction.node, sourceCode);
  if (!run) return null;
  expect(run.unit).toBe(run.loop && !run.fn ? run.loop : run.fn);
  return { fn: run.fn && text(run.fn).split('\n')[0] as string, loop: run.loop && text(run.loop).split('\n')[0] as string };
}

describe('getRunUnit', () => {
  it('is null at module level and in code that runs once', () => {
    expect(runOf(`import axios from 'axios';\nexport const api = axios.create();`)).toBeNull();
    expect(runOf(`import axios from 'axios';\nconst api = (() => axios.create())();`)).toBeNull();
    expect(runOf(`import axios from 'axios';\n(function () {\n  axios.create();\n}).call(this);`)).toBeNull();
    expect(runOf(`import axios from 'axios';\nasync function main() {\n  axios.create();\n}\nmain();`)).toBeNull();
  });

  it('is the function that runs per call', () => {
    expect(runOf(`import axios from 'axios';\nexport function get() {\n  return axios.create().get('/');\n}`)).toEqual({
      fn: 'function get() {',
      loop: null,
    });
    // Called twice, or exported: per call.
    expect(runOf(`import axios from 'axios';\nfunction main() {\n  axios.create();\n}\nmain();\nmain();`)).toEqual({
      fn: 'function main() {',
      loop: null,
    });
    expect(runOf(`import axios from 'axios';\nfunction main() {\n  axios.create();\n}\nfor (const x of xs) main();`)?.fn).toBe(
      'function main() {',
    );
  });

  it('is the loop when the code around it runs once', () => {
    expect(runOf(`import axios from 'axios';\nfor (const url of urls) {\n  axios.create().get(url);\n}`)).toEqual({
      fn: null,
      loop: 'for (const url of urls) {',
    });
    expect(
      runOf(`import axios from 'axios';\nasync function main() {\n  while (next()) {\n    axios.create();\n  }\n}\nmain();`),
    ).toEqual({ fn: null, loop: 'while (next()) {' });
    expect(runOf(`import axios from 'axios';\nexport function f() {\n  for (;;) axios.create();\n}`)).toEqual({
      fn: 'function f() {',
      loop: 'for (;;) axios.create();',
    });
  });
});

describe('functionVariable', () => {
  function variableName(code: string): string | null | undefined {
    const { sourceCode } = analyze(code);
    let found: FunctionNode | undefined;
    walk(sourceCode.ast, sourceCode, (node) => {
      if (!isFunctionNode(node)) return undefined;
      found = node;
      return 'stop';
    });
    if (!found) throw new Error('no function');
    const variable = functionVariable(found, sourceCode);
    return variable === null || variable === undefined ? variable : variable.name;
  }

  it('is the binding of a declaration or a const arrow function', () => {
    expect(variableName('function load() {}')).toBe('load');
    expect(variableName('const load = () => {};')).toBe('load');
  });

  it('is null for exported functions and other bindings', () => {
    expect(variableName('export function load() {}')).toBeNull();
    expect(variableName('export const load = () => {};')).toBeNull();
    expect(variableName('let load = () => {};')).toBeNull();
  });
});

describe('enclosingConstruction', () => {
  it('finds the construction whose options hold the node, through literals only', () => {
    const { model, text } = analyze(`
import axios from 'axios';
import https from 'node:https';
axios.create({ httpsAgent: new https.Agent() });
axios.create({ agents: [new https.Agent()] });
axios.create(wrap(new https.Agent()));
`);
    const byNode = new Map(model.constructions.map((construction) => [construction.node as TSESTree.Node, construction]));
    const agents = model.constructions.filter((construction) => construction.kind === 'agent');
    expect(agents.map((agent) => enclosingConstruction(agent.node, byNode)).map((outer) => outer && text(outer.node))).toEqual([
      'axios.create({ httpsAgent: new https.Agent() })',
      'axios.create({ agents: [new https.Agent()] })',
      null,
    ]);
  });
});
