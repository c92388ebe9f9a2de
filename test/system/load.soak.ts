import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { describeLoad, loadRun, memoryGrowthOk } from './support/load.ts';

/**
 * Sustained mixed load for SOAK_MINUTES (default 5) per database after a minute of warm-up: portal pages and
 * searches, online submissions and look-ups, staff reading and accepting applications. No error; the server's
 * memory in the last minute within 15% (at least 40 MB) of the first minute.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? 5);

describe.each(DIALECTS)('sustained mixed load on %s (soak)', (dialect) => {
  it(`serves ${MINUTES} minutes without an error or memory growth`, async () => {
    const result = await loadRun({
      dialect,
      seconds: MINUTES * 60,
      warmupSeconds: 60,
      concurrency: 8,
      log: (line) => console.log(line),
    });
    console.log(describeLoad(result));
    const perMinute = result.rss.filter((_, i) => i % 60 === 0 || i === result.rss.length - 1);
    console.log(`  RSS each minute (MB): ${perMinute.map((m) => m.toFixed(0)).join(' → ')}`);
    expect(result.errorSamples).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.requests).toBeGreaterThan(MINUTES * 60 * 20);
    expect(
      memoryGrowthOk(result),
      `RSS ${result.firstWindowMb.toFixed(0)} → ${result.lastWindowMb.toFixed(0)} MB`,
    ).toBe(true);
  });
});
