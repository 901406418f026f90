import { describe, expect, it } from 'vitest';

import { askChecker } from '../../src/model/type-info';

describe('askChecker', () => {
  it('answers the question', () => {
    expect(askChecker(false, () => true)).toBe(true);
  });

  it('gives the untyped answer when the checker overflows the stack', () => {
    const overflow = (depth: number): number => overflow(depth + 1) + 1;
    expect(askChecker('fallback', () => String(overflow(0)))).toBe('fallback');
  });

  it('lets every other error through', () => {
    expect(() =>
      askChecker(null, () => {
        throw new TypeError('a bug of the plugin');
      }),
    ).toThrow('a bug of the plugin');
  });
});
