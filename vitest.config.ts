import { defineConfig } from 'vitest/config';

/**
 * `npm test`. Many suites wait on I/O (PostgreSQL, Chromium, LibreOffice, child servers) rather than the CPU,
 * so three test files run at once even on a 2-core machine.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 3,
  },
});
