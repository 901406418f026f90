import { defineConfig } from 'vitest/config';

// End-to-end checks run against the built package and real ESLint installations; they are slower
// and run after the unit tests.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
