import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { crashRun, describeCrash } from './support/crash.ts';

/**
 * Crash durability (short version; `npm run soak` runs the long one): the real server process is SIGKILLed at
 * random moments under a load of online submissions and restarted, several times; every acknowledged
 * submission is then stored whole and shown by the public lookup, nothing is half-written, the audit chain
 * verifies and the SQLite file passes its integrity check.
 */
describe.each(DIALECTS)('crash durability on %s', (dialect) => {
  it('keeps every acknowledged submission through repeated SIGKILLs', { timeout: 120_000 }, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const result = await crashRun({ dialect, cycles: 4, concurrency: 6, loadMs: [400, 1500], seed });
    console.log(describeCrash(result));
    expect(result.problems).toEqual([]);
    expect(result.acknowledged).toBeGreaterThan(20);
    expect(result.found).toBe(result.acknowledged);
    expect(result.lookedUp).toBe(result.acknowledged);
    expect(result.stored).toBeGreaterThanOrEqual(result.acknowledged);
    expect(result.serverErrors).toBe(0);
    if (dialect === 'sqlite') expect(result.integrity).toBe('ok');
  });
});
