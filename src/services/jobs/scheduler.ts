import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  claimJobLease,
  finishJobLease,
  renewJobLease,
} from '../../persistence/repositories/job-lease.repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Jobs that run once per interval across every server process on one database. `schedule()` declares a job
 * (at import time, like a route); each server runs a scheduler that, every few seconds, tries to claim each
 * due job's lease in the database (`job_leases`, one upsert): one process wins, runs it, and the lease keeps
 * the others off until the interval has passed. A long run renews its lease; a process that dies mid-run
 * loses it when the lease passes, and the job runs elsewhere. A failed run is recorded and retried at the
 * next interval.
 */
export interface JobRun {
  /** what the previous run returned (null on the first run) */
  previous: string | null;
}

/** A job: returns what the next run should know (or nothing to keep the previous state). */
export type Job = (ctx: ServiceContext, run: JobRun) => Promise<string | null | void>;

interface JobDefinition {
  name: string;
  intervalMs: number;
  run: Job;
}

const jobs = new Map<string, JobDefinition>();

/**
 * Declares the job `name`, run every `interval` (milliseconds, or '30 seconds' / '10 minutes' / '6 hours' /
 * '1 day') by exactly one of the server processes. Declaring a name twice replaces the first.
 */
export function schedule(name: string, interval: number | string, fn: Job): void {
  jobs.set(name, { name, intervalMs: parseInterval(interval), run: fn });
}

export function scheduledJobs(): { name: string; intervalMs: number }[] {
  return [...jobs.values()].map(({ name, intervalMs }) => ({ name, intervalMs }));
}

const UNITS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export function parseInterval(interval: number | string): number {
  if (typeof interval === 'number') {
    if (!(interval > 0)) throw new Error(`任务间隔必须为正数，现为 ${interval}`);
    return interval;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*(second|minute|hour|day)s?\s*$/.exec(interval);
  if (!m) throw new Error(`任务间隔无法识别：“${interval}”（例如 '10 minutes'、'1 day'）`);
  return Number(m[1]) * UNITS[m[2]!]!;
}

export interface Scheduler {
  /** runs every due job this process can claim now; returns the names it ran (tests) */
  tick(): Promise<string[]>;
  /** stops claiming, waits for runs in progress */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** how often due jobs are tried (default 5 s) */
  tickMs?: number;
  /** only these jobs (default: every declared job) */
  only?: string[];
  log?: (message: string, error?: unknown) => void;
}

export function startScheduler(ctx: ServiceContext, options: SchedulerOptions = {}): Scheduler {
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const log = options.log ?? (() => undefined);
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const runOne = async (job: JobDefinition): Promise<boolean> => {
    const started = Date.now();
    const claim = await claimJobLease(
      ctx.database.db,
      job.name,
      holder,
      started,
      started + job.intervalMs,
      new Date(started).toISOString(),
    );
    if (!claim) return false;
    const heartbeat = setInterval(
      () =>
        void renewJobLease(ctx.database.db, job.name, holder, Date.now() + job.intervalMs).catch(
          (error: unknown) => log(`任务 ${job.name} 续租失败`, error),
        ),
      Math.max(1000, job.intervalMs / 2),
    );
    heartbeat.unref();
    let error: string | null = null;
    let state: string | null | undefined;
    try {
      const result = await job.run(ctx, { previous: claim.state });
      if (result !== undefined) state = result;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      log(`任务 ${job.name} 失败`, e);
    } finally {
      clearInterval(heartbeat);
    }
    await finishJobLease(ctx.database.db, job.name, holder, {
      // the next run is due one interval after this one started (at once, if it ran longer than that)
      leaseUntil: Math.max(started + job.intervalMs, Date.now() + 1),
      finishedAt: new Date().toISOString(),
      error,
      ...(state !== undefined ? { state } : {}),
    });
    return true;
  };

  const tick = async (): Promise<string[]> => {
    const ran: string[] = [];
    for (const job of jobs.values()) {
      if (stopped || running.has(job.name)) continue;
      if (options.only && !options.only.includes(job.name)) continue;
      const run = runOne(job).then(
        (did) => void (did && ran.push(job.name)),
        (error: unknown) => log(`任务 ${job.name} 无法领取`, error),
      );
      running.set(job.name, run);
      await run;
      running.delete(job.name);
    }
    return ran;
  };

  let ticking: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    ticking = tick();
  }, options.tickMs ?? 5_000);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ticking;
      await Promise.all(running.values());
    },
  };
}
