import { deleteStaleLoginFailures } from '../../persistence/repositories/login-failure.repository.ts';
import { deleteExpiredRateLimits } from '../../persistence/repositories/rate-limit.repository.ts';
import { deleteExpiredSessions } from '../../persistence/repositories/session.repository.ts';
import { schedule } from './scheduler.ts';

/** Counters and sessions past their time: expired rate-limit windows and sessions, failures older than 2 days. */
export const HOUSEKEEPING_JOB = 'housekeeping';

schedule(HOUSEKEEPING_JOB, '10 minutes', async (ctx) => {
  const db = ctx.database.db;
  const now = ctx.now();
  await deleteExpiredRateLimits(db, Date.now());
  await deleteExpiredSessions(db, now.toISOString());
  await deleteStaleLoginFailures(db, new Date(now.getTime() - 2 * 86_400_000).toISOString());
});
