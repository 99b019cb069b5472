import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Generated code is type-checked and servers are started; one worker per core is plenty.
    pool: 'forks',
  },
});
