import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * `npm run soak`: the long versions of the system tests (test/system/*.soak.ts) — crash cycles, the whole fuzz
 * corpus on both databases, minutes of mixed load — one file at a time, so the load figures are not shared
 * with another test. SOAK_MINUTES (load, default 5 per database) and SOAK_CYCLES (crashes, default 20).
 */
export default defineConfig({
  test: {
    root: join(import.meta.dirname, '../..'),
    include: ['test/system/**/*.soak.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
