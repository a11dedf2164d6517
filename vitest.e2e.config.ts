import { defineConfig } from 'vitest/config';

// Real browsers, one file at a time: each file launches Chromium and Firefox ESR with the built
// extension. Two cores are all CI has, so nothing runs in parallel here.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    retry: 0,
  },
});
