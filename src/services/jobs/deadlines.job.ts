import { calendarFingerprint, refreshOpenDeadlines } from '../calendar.service.ts';
import { changed } from '../cluster/changes.ts';
import { inTransaction, todayInChina } from '../context.ts';
import { schedule } from './scheduler.ts';

/**
 * Deadline recomputation after a new holiday schedule (Art. 31, 33 count working days): when the schedules the
 * calendar is built from differ from those of the last run — an upgrade brought a newly published year, or a
 * schedule was loaded — every open application's deadlines are derived again, each change recorded
 * (`schedule_updated`, actor 'system'). One process runs it (the scheduler's lease); the others hear of the
 * new calendar through the change feed.
 */
export const DEADLINES_JOB = 'deadlines-recompute';

schedule(DEADLINES_JOB, '1 hour', async (ctx, { previous }) => {
  const fingerprint = await calendarFingerprint(ctx);
  if (fingerprint === previous) return fingerprint;
  await inTransaction(ctx, (trx, record) => refreshOpenDeadlines(ctx, trx, record, todayInChina(ctx)));
  changed('calendar');
  return fingerprint;
});
