import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listJobLeases } from '../../persistence/repositories/job-lease.repository.ts';
import { testContext } from '../../../test/support/context.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import type { ServiceContext } from '../context.ts';
import { parseInterval, schedule, startScheduler } from './scheduler.ts';

/**
 * The scheduler runs each job once per interval among all the schedulers on one database (several server
 * processes): the lease is one upsert, so of schedulers ticking at the same moment exactly one runs the job.
 */
describe.each(DIALECTS)('scheduler on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ({ ctx } = testContext(database));
  });
  afterAll(() => database.destroy());

  it('of four schedulers ticking at once, one runs the job; it runs again only after its interval', async () => {
    const runs: string[] = [];
    const name = `test-once-${dialect}`;
    schedule(name, 1500, async (_ctx, { previous }) => {
      runs.push(previous ?? 'first');
      await new Promise((r) => setTimeout(r, 50));
      return String(runs.length);
    });
    const schedulers = [1, 2, 3, 4].map(() => startScheduler(ctx, { tickMs: 3_600_000, only: [name] }));
    const ran = await Promise.all(schedulers.map((s) => s.tick()));
    expect(ran.flat()).toEqual([name]);
    expect((await Promise.all(schedulers.map((s) => s.tick()))).flat()).toEqual([]);
    // once the interval has passed, one of them runs it again, with the state the first run left
    const started = Date.now();
    let again: string[] = [];
    while (again.length === 0 && Date.now() - started < 10_000)
      again = (await Promise.all(schedulers.map((s) => s.tick()))).flat();
    expect(again).toEqual([name]);
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(runs).toEqual(['first', '1']);
    const lease = (await listJobLeases(database.db)).find((l) => l.name === name)!;
    expect(lease).toMatchObject({ runs: 2, state: '2', lastError: null });
    await Promise.all(schedulers.map((s) => s.stop()));
  });

  it('records a failed run and reads intervals in words', async () => {
    const name = `test-fails-${dialect}`;
    schedule(name, '1 hour', async () => {
      throw new Error('磁盘已满');
    });
    const scheduler = startScheduler(ctx, { tickMs: 3_600_000, only: [name] });
    expect(await scheduler.tick()).toEqual([name]);
    const lease = (await listJobLeases(database.db)).find((l) => l.name === name)!;
    expect(lease.lastError).toBe('磁盘已满');
    await scheduler.stop();
    expect(parseInterval('10 minutes')).toBe(600_000);
    expect(parseInterval('1 day')).toBe(86_400_000);
    expect(() => parseInterval('soon')).toThrow(/无法识别/);
  });
});
