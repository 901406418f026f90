import { describe, expect, it } from 'vitest';

import { findUnguardedUses } from '../../src/model/error-response';
import { getErrorHandlers } from '../../src/model/errors';
import { analyze } from './analyze';

/** The unguarded response uses of every handler in `code`, as `kind: code`. */
function usesOf(body: string, param = 'err'): string[] {
  const code = `import axios from 'axios';\nasync function load() {\n  try {\n    await axios.get('/a');\n  } catch (${param}) {\n${body}\n  }\n}\n`;
  const { model, sourceCode, text } = analyze(code, { typescript: true });
  return getErrorHandlers(model, sourceCode).handlers.flatMap((handler) =>
    findUnguardedUses(handler, sourceCode).map((use) => `${use.kind}: ${text(use.node)}`),
  );
}

describe('findUnguardedUses', () => {
  it('finds reads, destructuring and patterns of the response, in source order', () => {
    expect(usesOf('const { data } = err.response;\nlog(err.response.status);')).toEqual([
      'destructure: err.response',
      'read: err.response',
    ]);
    expect(usesOf('log(response.status);', '{ response }')).toEqual(['read: response']);
    expect(usesOf('log(status);', '{ response: { status } }')).toEqual(['pattern: response']);
    expect(usesOf('const res = err.response;\nlog(res.data);')).toEqual(['read: res']);
    expect(usesOf('const e = err;\nlog(e.response.headers);')).toEqual(['read: e.response']);
  });

  it.each([
    ['optional chaining', 'log(err.response?.status);'],
    ['a non-null assertion', 'log(err.response!.status);'],
    ['an if on the response', 'if (err.response) log(err.response.status);'],
    ['an and-chain', 'log(err.response && err.response.status);'],
    ['a ternary on a comparison', 'log(err.response?.status === 404 ? err.response.data : null);'],
    ['a guard clause', 'if (!err.response) throw err;\nlog(err.response.status);'],
    ['a guard clause that exits the process', 'if (err.response == null) process.exit(1);\nlog(err.response.status);'],
    ['the `in` operator', "if ('response' in err) log(err.response.status);"],
    ['HTTPError', 'if (err instanceof got.HTTPError) log(err.response.status);'],
    ['the error name', "if (err.name === 'HTTPError') log(err.response.status);"],
    ['a type guard call', 'if (isHttpError(err)) log(err.response.status);'],
    ['axios.isAxiosError with the response', 'if (axios.isAxiosError(err) && err.response) log(err.response.status);'],
    ['a switch on the status', 'switch (err.response?.status) {\n  case 404:\n    log(err.response.data);\n}'],
    ['a typeof check', "if (typeof err.response !== 'undefined') log(err.response.status);"],
    ['a handler that fills the response in', 'err.response = err.response || {};\nlog(err.response.status);'],
  ])('accepts %s', (_, body) => {
    expect(usesOf(body)).toEqual([]);
  });

  it.each([
    ['isAxiosError alone', 'if (axios.isAxiosError(err)) log(err.response.status);'],
    ['the isAxiosError flag', 'if (err.isAxiosError && err.response.status === 401) logout();'],
    ['a nullish default', 'log(err.response ?? err.response.status);'],
    ['the wrong branch', 'if (err.response) {} else log(err.response.status);'],
    ['a case that a default falls into', 'switch (err.response?.status) {\n  default:\n  case 404:\n    log(err.response.data);\n}'],
    ['a strict null comparison', 'if (err.response !== null) log(err.response.status);'],
  ])('reports %s', (_, body) => {
    expect(usesOf(body)).toHaveLength(1);
  });
});
