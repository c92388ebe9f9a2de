/** Every scheduled job, declared by importing its module (the server imports this one). */
import './bulk-imports.job.ts';
import './deadlines.job.ts';
import './housekeeping.job.ts';

export { schedule, scheduledJobs, startScheduler } from './scheduler.ts';
export type { Job, JobRun, Scheduler } from './scheduler.ts';
