import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterApplication } from '../../../test/support/fixtures.ts';
import { TestClock, testContext } from '../../../test/support/context.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import { createTestDatabase, DIALECTS } from '../../../test/support/databases.ts';
import { listJobLeases } from '../../persistence/repositories/job-lease.repository.ts';
import { jobRuns, listMail } from '../../persistence/repositories/mail.repository.ts';
import { registerByStaff } from '../applications/intake.ts';
import type { ServiceContext } from '../context.ts';
import { DAILY_REMINDERS_JOB } from '../reminders/daily-reminders.job.ts';
import { supervisedAgencies } from '../report-workspace/workspace.fixture.ts';
import { changeUser } from '../staff.service.ts';
import { DAILY_REMINDERS_SCHEDULE, scheduleMailAndReminders } from './mail-reminders.ts';
import type { Scheduler } from './scheduler.ts';
import { startScheduler } from './scheduler.ts';

/**
 * The daily reminders as a scheduled job (issue 15 point 2): of the schedulers of several processes, one runs
 * it each interval; before the reminder hour it queues nothing, from then on the day's run writes one message
 * per person once, and the rest of the day it does nothing; a day off is done without a run.
 */
describe.each(DIALECTS)('the daily reminders on the scheduler on %s', (dialect) => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let clock: TestClock;
  let schedulers: Scheduler[];
  let agencyId: number;
  const INTERVAL = 400;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = new TestClock(new Date('2025-03-14T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    const { health } = await supervisedAgencies(ctx, 'J');
    agencyId = health.agency.id;
    // received 14 March, not assigned: due soon on 10 April, a reminder for the 负责人 (who assigns work)
    await registerByStaff(ctx, health.staff.registrar, counterApplication('2025-03-14'));
    await changeUser(ctx, health.staff.admin, health.staff.head.userId, { email: 'head@j.example.gov.cn' });
    scheduleMailAndReminders({ mailer: null, reminderHour: 8, consoleUrl: 'x', interval: INTERVAL });
    // two processes' schedulers (one connection: SQLite's writes would wait on each other in one process)
    schedulers = [1, 2].map(() =>
      startScheduler(ctx, { tickMs: 3_600_000, only: [DAILY_REMINDERS_SCHEDULE] }),
    );
  });
  afterAll(async () => {
    await Promise.all((schedulers ?? []).map((s) => s.stop()));
    await database?.destroy();
  });

  /** both tick until one of them has run the job once more (its interval has passed) */
  const runOnce = async () => {
    const started = Date.now();
    for (;;) {
      const ran = (await Promise.all(schedulers.map((s) => s.tick()))).flat();
      if (ran.length > 0) return ran;
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  };
  const lease = async () =>
    (await listJobLeases(database.db)).find((l) => l.name === DAILY_REMINDERS_SCHEDULE)!;
  const reminderMail = () => listMail(database.db, { agencyId, kind: 'daily_reminder' });

  it('queues nothing before the hour, then the day once from one of the processes, then nothing that day', async () => {
    clock.set('2025-04-09T23:30:00Z'); // 07:30 in China on Thursday 10 April
    expect(await runOnce()).toEqual([DAILY_REMINDERS_SCHEDULE]);
    expect(await jobRuns(database.db, DAILY_REMINDERS_JOB)).toEqual([]);
    expect(await reminderMail()).toEqual([]);

    clock.set('2025-04-10T01:00:00Z'); // 09:00
    expect(await runOnce()).toEqual([DAILY_REMINDERS_SCHEDULE]);
    expect((await jobRuns(database.db, DAILY_REMINDERS_JOB)).map((r) => r.run_key)).toEqual(['2025-04-10']);
    const mail = await reminderMail();
    expect(mail.map((m) => m.toAddress)).toEqual(['head@j.example.gov.cn']);
    expect(await lease()).toMatchObject({ state: '2025-04-10', lastError: null });

    // later that day: the job runs (the lease) but the day is done
    clock.set('2025-04-10T08:00:00Z');
    expect(await runOnce()).toEqual([DAILY_REMINDERS_SCHEDULE]);
    expect(await jobRuns(database.db, DAILY_REMINDERS_JOB)).toHaveLength(1);
    expect(await reminderMail()).toHaveLength(1);
    expect((await lease()).runs).toBe(3);
  });

  it('takes a Saturday as done without a run, and runs the next working day', async () => {
    clock.set('2025-04-12T01:00:00Z'); // Saturday 09:00
    await runOnce();
    expect(await lease()).toMatchObject({ state: '2025-04-12', lastError: null });
    expect(await jobRuns(database.db, DAILY_REMINDERS_JOB)).toHaveLength(1);
    clock.set('2025-04-14T01:00:00Z'); // Monday 09:00
    await runOnce();
    expect((await jobRuns(database.db, DAILY_REMINDERS_JOB)).map((r) => r.run_key)).toEqual([
      '2025-04-10',
      '2025-04-14',
    ]);
    expect(await reminderMail()).toHaveLength(2);
  });
});
