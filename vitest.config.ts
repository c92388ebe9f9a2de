import { defineConfig } from 'vitest/config';

/**
 * `npm test`. Many suites wait on I/O (PostgreSQL, Chromium, LibreOffice, child servers) rather than the CPU,
 * so three test files run at once even on a 2-core machine.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/watchdog.ts'],
    // a timeout only catches hangs (nothing here is timed): browser tests on a loaded 2-core CI machine
    // take several times what they take on an idle one
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 3,
  },
});
