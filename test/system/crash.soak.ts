import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { crashRun, describeCrash } from './support/crash.ts';

/** Crash durability, long version: SOAK_CYCLES (default 20) SIGKILLs per database under heavier load. */
const CYCLES = Number(process.env.SOAK_CYCLES ?? 20);

describe.each(DIALECTS)('crash durability on %s (soak)', (dialect) => {
  it(`keeps every acknowledged submission through ${CYCLES} SIGKILLs`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const result = await crashRun({
      dialect,
      cycles: CYCLES,
      concurrency: 10,
      loadMs: [300, 5000],
      seed,
      log: (line) => console.log(line),
    });
    console.log(describeCrash(result));
    expect(result.problems).toEqual([]);
    expect(result.found).toBe(result.acknowledged);
    expect(result.lookedUp).toBe(result.acknowledged);
    expect(result.acknowledged).toBeGreaterThan(CYCLES * 10);
    expect(result.serverErrors).toBe(0);
    if (dialect === 'sqlite') expect(result.integrity).toBe('ok');
  });
});
