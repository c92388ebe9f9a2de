import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { deliverOutbox } from '../mail/outbox.service.ts';
import { runDailyReminders } from '../reminders/daily-reminders.job.ts';

/**
 * The mail and reminder loop of one process (issue 12 point 4): every `tickMs` it sends what is in the outbox (when
 * SMTP is configured) and, from `reminderHour` China time, tries the day's reminders. The timer is only a
 * wake-up: what must hold across processes — that the day's reminders run once, that a message is sent once —
 * is decided in the database (job_runs, the outbox lease), so any number of processes may run this.
 */
export interface MailAndReminders {
  /** one pass now (tests; the timer calls the same) */
  tick(): Promise<void>;
  stop(): void;
}

export function startMailAndReminders(
  ctx: ServiceContext,
  options: {
    mailer: Mailer | null;
    reminderHour: number;
    consoleUrl: string;
    tickMs?: number;
    log?: (message: string) => void;
  },
): MailAndReminders {
  const worker = `${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = options.log ?? (() => undefined);
  let running: Promise<void> | null = null;
  const pass = async () => {
    const chinaHour = new Date(ctx.now().getTime() + 8 * 3600_000).getUTCHours();
    if (chinaHour >= options.reminderHour) {
      const run = await runDailyReminders(ctx, { worker, consoleUrl: options.consoleUrl });
      if (run.ran) log(`待办提醒：${run.day} 共 ${run.people} 人，已排入发送 ${run.queued} 封`);
    }
    if (options.mailer) {
      const sent = await deliverOutbox(ctx, options.mailer, { worker });
      if (sent.sent + sent.failed + sent.retry > 0)
        log(`邮件：发送 ${sent.sent} 封，稍后重试 ${sent.retry} 封，失败 ${sent.failed} 封`);
    }
  };
  const tick = () => {
    running ??= pass()
      .catch((error: unknown) =>
        log(`定时任务出错：${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 60_000);
  timer.unref();
  return {
    tick,
    stop: () => {
      clearInterval(timer);
      options.mailer?.close();
    },
  };
}
