import { describe, expect, it } from 'vitest';

import { flowsIntoAssertion, isOnlyLogged } from '../../src/model/body-destinations';
import { policyOf, requestLabel } from '../../src/model/status-policy';
import { analyze } from './analyze';

/** The policy of every request of `code`, in source order. */
function policies(code: string) {
  const { model, sourceCode } = analyze(code);
  return model.requests.map((request) => ({ label: requestLabel(request, sourceCode), policy: policyOf(request, sourceCode) }));
}

describe('policyOf', () => {
  it('knows which clients resolve on HTTP errors, and which option made them', () => {
    const found = policies(`
      import axios from 'axios';
      import got from 'got';
      import https from 'node:https';
      fetch(url);
      axios.get(url);
      axios.get(url, { validateStatus: () => true });
      got(url, { throwHttpErrors: false });
      got(url);
      https.get(url, (res) => res.resume());
    `);
    expect(found.map(({ label, policy }) => [label, policy?.settles ?? null, policy?.reason ?? null, policy?.check ?? null])).toEqual([
      ['fetch', 'resolves', '', 'ok'],
      ['axios.get', null, null, null],
      ['axios.get', 'resolves', ' with this `validateStatus`', 'status'],
      ['got', 'resolves', ' with `throwHttpErrors: false`', 'statusCode'],
      ['got', null, null, null],
      ['https.get', 'calls back', '', 'statusCode'],
    ]);
  });

  it('tries a validateStatus function with error statuses, and leaves what it cannot decide alone', () => {
    const found = policies(`
      import axios from 'axios';
      axios.get(url, { validateStatus: (status) => status < 500 });
      axios.get(url, { validateStatus: (status) => status >= 200 && status < 300 });
      axios.get(url, { validateStatus: (status) => [200, 404].includes(status) });
      axios.get(url, { validateStatus: isAcceptable });
    `);
    expect(found.map(({ policy }) => policy !== null)).toEqual([true, false, true, false]);
  });
});

describe('body destinations', () => {
  const bodyReads = (code: string) => {
    const { model, sourceCode } = analyze(code);
    const reads: { logged: boolean; asserted: boolean }[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const value = node as { type?: string; callee?: { property?: { name?: string } } };
      if (value.type === 'CallExpression' && value.callee?.property?.name === 'text') {
        reads.push({ logged: isOnlyLogged(node as never, sourceCode, 0), asserted: flowsIntoAssertion(node as never) });
      }
      for (const [key, child] of Object.entries(node)) {
        if (key === 'parent') continue;
        if (Array.isArray(child)) child.forEach(walk);
        else walk(child);
      }
    };
    walk(sourceCode.ast);
    expect(model).toBeDefined();
    return reads;
  };

  it('tells a body only logged or asserted from one used as data', () => {
    expect(
      bodyReads(`
        async function f(res) {
          console.log('body: ' + (await res.text()));
          const text = await res.text();
          logger.warn(JSON.stringify(text));
          expect(await res.text()).toBe('ok');
          return render(await res.text());
        }
      `),
    ).toEqual([
      { logged: true, asserted: false },
      { logged: true, asserted: false },
      { logged: false, asserted: true },
      { logged: false, asserted: false },
    ]);
  });
});
